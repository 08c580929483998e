"""The distributions that documents draw words from, built once per world config.

Lists come from :mod:`.lexicon`, truncated by ``WorldConfig.lexicon_size`` and weighted by Zipf's
law (common words first). Some choices are drawn as one joint pick over rendered phrases (an
adjective with its noun, two distinct hiding places): one draw instead of two keeps the
generator fast, and the probabilities are the same products.
"""

from __future__ import annotations

from . import lexicon as L
from .inflect import a, adverb, comparative, gerund, past, phrase, plural, superlative, third
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


def manners_q(cfg: WorldConfig):
    return cfg.words(L.MANNERS)


class Vocab:
    """Every word distribution of the grammar."""

    def __init__(self, cfg: WorldConfig):
        w, s = cfg.words, cfg.word_zipf_s
        z = lambda items: zipf(w(items), s)  # noqa: E731
        self.looks, self.objects, self.materials = z(L.LOOKS), z(L.OBJECTS), z(L.MATERIALS)
        # "small brass key", "rusty key", "key": an adjective, optionally a material, then the noun
        described = Categorical([f"{x} " for x in self.looks.items] + [""], [p * 0.7 for p in self.looks.probs] + [0.3])
        made = Categorical([f"{x} " for x in self.materials.items] + [""], [p * 0.5 for p in self.materials.probs] + [0.5])
        self.thing = _joint(_joint(described, made, lambda x, y: x + y), self.objects, lambda x, y: x + y)
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
        # the richer story grammar: joint picks over rendered phrases (one draw, many words)
        ws = cfg.word_zipf_s
        zw = lambda items: zipf(w(items), ws)  # noqa: E731
        looks = Categorical([f"{x} " for x in w(L.LANDMARK_LOOKS)] + [""], [1.0] * len(w(L.LANDMARK_LOOKS)) + [4.0])
        near = _joint(zw(L.LANDMARK_PREPOSITIONS), looks, lambda x, y: f"{x} the {y}")
        self.landmark = _joint(near, zw(L.LANDMARKS), lambda x, y: x + y)
        assert not set(self.landmark.items) & set(self.spot.items)  # a place in town is never a spot at home
        moments = ([f"On {d}" for d in self.weekday.items] + [f"On {d} {t}" for d in self.weekday.items
                                                             for t in self.daypart.items]
                   + [f"Early on {d}" for d in self.weekday.items] + [f"Late on {d}" for d in self.weekday.items]
                   + [f"That {t}" for t in self.daypart.items] + [f"The next {t}" for t in self.daypart.items])
        self.moment = Categorical(moments)
        manners = w(L.ACTION_MANNERS)
        self.how = Categorical([""] + [adverb(m) + " " for m in manners], [len(manners)] + [1.0] * len(manners))
        self.deed = zw([phrase(d, past) for d in L.DEEDS])
        self.scene = _joint(zw(L.WILD_ANIMALS), zw(L.ANIMAL_DOINGS), lambda x, y: f"{x} {y}")
        self.sky, self.exclaim, self.topic, self.meal = zw(L.SKIES), zw(L.EXCLAMATIONS), zw(L.TOPICS), zw(L.MEALS)
        food = zw([plural(x) for x in w(L.FOODS)])
        self.two_foods = _joint(food, food, lambda x, y: f"{x} and {y}", distinct=len(food) > 1)
        self.weather_again = {x: Categorical(L.WEATHER_SYNONYMS[x], [2, 1, 1])
                              for x in self.weather.items}
        self.mild, self.strong = zw(L.FEELINGS_MILD), zw(L.FEELINGS_STRONG)
        # the manner of a search or repair leans on the helper's character (said when they are met)
        adverbs = self.manner.items
        steady = {adverb(m) for m, q in manners_q(cfg) if q >= 0.7}
        def lean(trait):
            boost = steady if trait in L.STEADY_TRAITS else set(adverbs) - steady if trait in L.HASTY_TRAITS else set()
            return Categorical(adverbs, [4.0 if m in boost else 1.0 for m in adverbs])
        self.manner_of = {t: lean(t) for t in w(L.TRAITS)}
        # a noun phrase about things: 'the rusty lantern', 'a kettle', 'seven shiny spoons'
        nouns = self.objects
        one = Categorical(["the ", "a "], [0.6, 0.4])
        many = zw(["some "] + [f"{n} " for n in w(L.NUMBERS)])
        adj = Categorical([f"{x} " for x in self.looks.items] + [""], [p * 0.6 for p in self.looks.probs] + [0.4])
        sg = _joint(_joint(one, adj, lambda x, y: (x, y)), nouns, lambda x, y: (x[0] + x[1] + y) if x[0] == "the "
                    else a(x[1] + y))
        pl = _joint(_joint(many, adj, lambda x, y: x + y), nouns, lambda x, y: x + plural(y))
        self.np = Categorical(sg.items + pl.items, [p * 0.6 for p in sg.probs] + [p * 0.4 for p in pl.probs])
        assert len(set(self.np.items)) == len(self.np.items)
        self.thing_verb = zw([past(x) for x in L.THING_VERBS])
        self.when_pair = _joint(self.weather, self.daypart, lambda x, y: (x, y))
        self.spot_pair = _joint(self.spot, self.spot, lambda x, y: (x, y), distinct=len(self.spot) > 1)
        self.trade_two = {p: _joint(d, d, lambda x, y: f"{x} and then {y}", distinct=True)
                          for p, d in self.trade_past.items()}
