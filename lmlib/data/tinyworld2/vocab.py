"""The distributions that documents draw words from, built once per world config.

Lists come from :mod:`.lexicon`, truncated by ``WorldConfig.lexicon_size`` and weighted by Zipf's
law (common words first). Some choices are drawn as one joint pick over rendered phrases (an
adjective with its noun, two distinct hiding places): one draw instead of two keeps the
generator fast, and the probabilities are the same products.
"""

from __future__ import annotations

from . import lexicon as L
from .inflect import adverb, comparative, gerund, past, phrase, plural, superlative, third
from .sampler import Categorical, zipf
from .world import WorldConfig


def _joint(a: Categorical, b: Categorical, join, distinct: bool = False) -> Categorical:
    items, weights = [], []
    for x, px in zip(a.items, a.probs):
        for y, py in zip(b.items, b.probs):
            if distinct and x == y:
                continue
            items.append(join(x, y))
            weights.append(px * py)
    assert len(set(items)) == len(items), "joint phrases must be distinct (the grammar is unambiguous)"
    return Categorical(items, weights)


class Vocab:
    """Every word distribution of the grammar."""

    def __init__(self, cfg: WorldConfig):
        w, s = cfg.words, cfg.zipf_s
        z = lambda items: zipf(w(items), s)  # noqa: E731
        self.looks, self.objects, self.materials = z(L.LOOKS), z(L.OBJECTS), z(L.MATERIALS)
        # "small brass key", "rusty key": an adjective, optionally a material, then the noun
        described = Categorical([f"{x} " for x in self.looks.items] + [""], self.looks.probs + [0.5])
        self.thing = _joint(described, self.objects, lambda x, y: x + y)
        self.weather, self.daypart = z(L.WEATHER), z(L.DAYPARTS)
        self.when = _joint(self.weather, self.daypart, lambda x, y: f"{x} {y}")
        self.weekday, self.month, self.season = z(L.WEEKDAYS), z(L.MONTHS), z(L.SEASONS)
        self.place, self.spot = z(L.TOWN_PLACES), z(L.HOUSE_SPOTS)
        self.two_spots = _joint(self.spot, self.spot, lambda x, y: f"{x} and {y}", distinct=len(self.spot) > 1)
        self.good, self.bad = z(L.FEELINGS_GOOD), z(L.FEELINGS_BAD)
        self.relative, self.number = z(L.RELATIVES), z(L.NUMBERS)
        self.food = z(L.FOODS)
        self.opener = Categorical(w(("Once upon a time", "Long ago", "Not so long ago", "Some years ago")))
        self.motion = z([past(v) for v in L.MOTION_VERBS])
        self.saying = z([past(v) for v in L.SAYING_VERBS])
        manners = w(L.MANNERS)
        self.manner = Categorical([adverb(m) for m, _ in manners])
        self.success = {adverb(m): q for m, q in manners}
        # what each trade does, as a past-tense clause and in the base form
        self.trade_past = {p: zipf([phrase(v, past) for v in acts[1]], s) for p, acts in L.PROFESSIONS.items()}
        self.trade_base = {p: zipf(list(acts[1]), s) for p, acts in L.PROFESSIONS.items()}
        self.trade_third = {p: zipf([phrase(v, third) for v in acts[1]], s) for p, acts in L.PROFESSIONS.items()}
        self.trade_gerund = {p: zipf([phrase(v, gerund) for v in acts[1]], s) for p, acts in L.PROFESSIONS.items()}
        self.better = zipf([comparative(x) for x in w(L.LOOKS)], s)
        self.best = zipf([superlative(x) for x in w(L.LOOKS)], s)
        self.foods = zipf([plural(x) for x in w(L.FOODS)], s)
        self.news_event, self.news_problem = z(L.NEWS_EVENTS), z(L.NEWS_PROBLEMS)
        self.official = z(L.OFFICIALS)
        self.hobby = {h: (verb, where) for h, verb, where in L.HOBBIES}
