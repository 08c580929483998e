"""The distributions that documents draw words from, built once per world config.

Lists come from :mod:`.lexicon`, truncated by ``WorldConfig.lexicon_size`` and weighted by Zipf's
law (common words first). Some choices are drawn as one joint pick over rendered phrases (an
adjective with its noun, two distinct hiding places): one draw instead of two keeps the
generator fast, and the probabilities are the same products.
"""

from __future__ import annotations

from . import lexicon as L
from . import compose as C
from . import habits as H
from . import scenes as S
from .things import Things, clashes
from .trades import FEW, WORK
from .inflect import article, a, adverb, comparative, gerund, participle, past, phrase, plural, third
from .sampler import INFERENCE, WORD, Categorical, zipf
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

    def work(self, s, trade: str, form: str = "past") -> str:
        """A day's work of ``trade``: 'glazed three blue jugs' (verb, good and adjective are inference:
        they follow from the trade the text has said; the determiner is a word choice)."""
        verb = s.pick(self.work_verb[form][trade], INFERENCE)
        det, many = s.pick(self.work_det[trade], WORD)
        adj = s.pick(self.work_adj[trade], INFERENCE)
        good = s.pick(self.work_good[trade], INFERENCE)
        rest = adj + (self.work_plural[good] if many else good)
        return f"{verb} {article(rest)} {rest}" if det == "a" else f"{verb} {det} {rest}"

    def goods(self, s, trade: str) -> str:
        """'three warm buns', 'a crusty loaf': what a trade makes (adjective and good are inference)."""
        det, many = s.pick(self.work_det[trade], WORD)
        adj, good = s.pick(self.work_adj[trade], INFERENCE), s.pick(self.work_good[trade], INFERENCE)
        rest = adj + (self.work_plural[good] if many else good)
        return f"{article(rest)} {rest}" if det == "a" else f"{det} {rest}"

    def thing(self, s) -> str:
        """'small brass key', 'rusty key', 'key': an adjective, a material, a noun (three word decisions)."""
        return s.pick(self.described, WORD) + s.pick(self.made, WORD) + s.pick(self.objects, WORD)

    def __init__(self, cfg: WorldConfig):
        w, s = cfg.words, cfg.word_zipf_s
        z = lambda items: zipf(w(items), s)  # noqa: E731
        self.looks, self.objects, self.materials = z(L.LOOKS), z(L.OBJECTS), z(L.MATERIALS)
        # "small brass key", "rusty key", "key": an adjective, optionally a material, then the noun
        described = Categorical([f"{x} " for x in self.looks.items] + [""], [p * 0.7 for p in self.looks.probs] + [0.3])
        made = Categorical([f"{x} " for x in self.materials.items] + [""], [p * 0.5 for p in self.materials.probs] + [0.5])
        self.described, self.made = described, made  # a thing: 'small brass key' (see ``thing``)
        self.weather, self.daypart = z(L.WEATHER), z(L.DAYPARTS)
        self.weekday, self.month, self.season = z(L.WEEKDAYS), z(L.MONTHS), z(L.SEASONS)
        self.place, self.spot = z(L.TOWN_PLACES), z(C.house_spots(w))
        self.good = z(L.FEELINGS_GOOD)
        self.relative, self.number = z(L.RELATIVES), z(L.NUMBERS)
        self.whom = C.patrons(w)
        self.motion = z([past(v) for v in L.MOTION_VERBS])
        self.saying = z([phrase(v, past) for v in L.SAYING_VERBS])
        manners = w(L.MANNERS)
        self.manner = Categorical([adverb(m) for m, _ in manners])
        self.success = {adverb(m): q for m, q in manners}
        # what each trade does, as a past-tense clause and in the base form
        self.trade_past = {p: zipf([phrase(v, past) for v in acts[1]], s) for p, acts in L.PROFESSIONS.items()}
        self.trade_base = {p: zipf(list(acts[1]), s) for p, acts in L.PROFESSIONS.items()}
        self.trade_third = {p: zipf([phrase(v, third) for v in acts[1]], s) for p, acts in L.PROFESSIONS.items()}
        self.trade_gerund = {p: zipf([phrase(v, gerund) for v in acts[1]], s) for p, acts in L.PROFESSIONS.items()}
        self.better = zipf([comparative(x) for x in w(L.BOASTS)], s)  # 'finer', 'more precious' 
        self.foods = zipf([plural(x) for x in w(L.FOODS)], s)
        self.news_event, self.news_problem = z(L.NEWS_EVENTS), z(L.NEWS_PROBLEMS)
        self.official = z(L.OFFICIALS)
        self.hobby = {h: (verb, where) for h, verb, where in L.HOBBIES}
        # the richer story grammar: joint picks over rendered phrases (one draw, many words)
        ws = cfg.word_zipf_s
        zw = lambda items: zipf(w(items), ws)  # noqa: E731
        looks = Categorical([f"{x} " for x in w(L.LANDMARK_LOOKS)] + [""], [1.0] * len(w(L.LANDMARK_LOOKS)) + [4.0])
        self.landmark_look = looks  # 'the old mill': a place a story remembers; a preposition goes before it
        self.near = zw(L.LANDMARK_PREPOSITIONS)  # where someone is: 'by', 'behind', 'outside'
        self.towards = zw(L.MOTION_PREPOSITIONS)  # where someone goes: 'past', 'as far as'
        assert not {x.split()[-1] for x in self.spot.items} & set(L.LANDMARKS)  # a place in town is never a spot at home
        # 'found it behind the old mill' (a landmark) must never read as a spot at home ('behind the sofa')
        spots = set(self.spot.items)
        assert not {f"{p} the {lk}{m}" for p in self.near.items for lk in looks.items for m in w(L.LANDMARKS)} & spots
        assert not {f"{lk}{m}" for lk in looks.items if lk for m in w(L.LANDMARKS)} & set(w(L.LANDMARKS))
        moments = ([f"On {d}" for d in self.weekday.items] + [f"On {d} {t}" for d in self.weekday.items
                                                             for t in self.daypart.items]
                   + [f"Early on {d}" for d in self.weekday.items] + [f"Late on {d}" for d in self.weekday.items]
                   + [f"That {t}" for t in self.daypart.items] + [f"The next {t}" for t in self.daypart.items])
        self.clock = Categorical([c.format(h) for c in w(S.CLOCK) for h in w(S.HOURS)])
        # times by the clock ('At 7.45 on Monday') and dates ('On 14 March'): numbers carry many bits
        times = [f"{h}.{m:02d}" for h in range(1, 13) for m in range(0, 60, 5)][: max(cfg.lexicon_size or 999, 2)]
        self.time = Categorical(times)
        days = [f"{d} {m}" for m in w(L.MONTHS) for d in range(1, 29)]
        self.date = Categorical(days[: max(cfg.lexicon_size or 999, 2)])
        fixed = ["At last", "In the end", "Before long"]
        self.at_last = Categorical(fixed + [f"{b} {x}" for b in ("At", "By") for x in times],
                                   [1.0] * len(fixed) + [1.5 / len(times)] * 2 * len(times))
        years = [str(y) for y in range(1950, 1990)][: max(cfg.lexicon_size or 99, 2)]
        later = ["Years later", "Months later", "Long afterwards", "Years afterwards"]
        self.later = Categorical(later + [f"In {y}" for y in years], [1.0] * 4 + [4.0 / len(years)] * len(years))
        self.moment = Categorical(moments)  # scenery is never time-stamped to the minute
        self.time_any = Categorical(self.time.items + self.clock.items)  # 'At 7.45', 'At a quarter to six'
        self.later_on = zw(L.LATER_ON)  # 'Later that day': an episode placed after the last one
        # a date in the story's season (said earlier: the month is inference, the day a word choice)
        months = dict(spring=("March", "April", "May"), summer=("June", "July", "August"),
                      autumn=("September", "October", "November"), winter=("December", "January", "February"))
        self.month_in = {x: Categorical([m for m in w(L.MONTHS) if m in months[x]] or w(L.MONTHS)) for x in L.SEASONS}
        self.day = Categorical([str(d) for d in range(1, 29)][: max(cfg.lexicon_size or 999, 2)])
        self.season_sky = {x: Categorical(w(S.SEASON_SKIES[x])) for x in L.SEASONS}
        self.pet_habits = C.pet_doings(w)
        self.reaction = zipf(w(H.REACTIONS), s)
        self.hobby_doings = C.hobby_doings(w)
        self.trait_habits = C.trait_habits(w, s)
        manners = w(L.ACTION_MANNERS)
        self.how = Categorical([""] + [adverb(m) + " " for m in manners], [len(manners) / 2] + [1.0] * len(manners))
        # how someone does things leans on their character, once the story has said it
        fitting = dict(steady=("quiet", "slow", "calm", "neat", "silent", "patient", "careful", "gentle", "thoughtful",
                               "methodical", "peaceful", "unhurried", "diligent", "dutiful", "tidy", "placid"),
                       hasty=("quick", "hurried", "brisk", "swift", "eager", "hasty", "impatient", "restless",
                              "rapid", "speedy", "energetic", "careless", "excited", "clumsy", "vigorous"),
                       merry=("happy", "cheerful", "merry", "glad", "eager", "joyful", "gleeful", "cheery",
                              "jaunty", "light-hearted", "playful", "breezy", "good-humoured", "blithe", "excited"))
        merry = {"cheerful", "lively", "generous", "curious"}
        def how_of(trait):
            group = "steady" if trait in L.STEADY_TRAITS else "hasty" if trait in L.HASTY_TRAITS else \
                "merry" if trait in merry else None
            if group is None:
                return None
            boost = {adverb(m) + " " for m in fitting[group]}
            return Categorical(self.how.items, [wt * (5.0 if x in boost else 1.0) for x, wt in zip(self.how.items, self.how.probs)])
        self.how_of = {x: how_of(x) for x in w(L.TRAITS)}
        self.deed = zw([phrase(d, past) for d in L.DEEDS])
        birds = _joint(zw(L.WILD_ANIMALS), zw(L.ANIMAL_DOINGS), lambda x, y: f"{x} {y}")
        beasts = _joint(zw(L.WILD_BEASTS), zw(L.BEAST_DOINGS), lambda x, y: f"{x} {y}")
        self.scene = Categorical(birds.items + beasts.items, [p / 2 for p in birds.probs + beasts.probs])
        self.pet_looks = zw(L.PET_LOOKS)
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
        many = w(L.NUMBERS) + w(L.QUANTITIES)  # most trades' goods also come by the dozen
        few = [x for x in w(L.NUMBERS)[:4] + ["a few", "several"]]  # a singer sings two songs, not fifty
        self.work_det_of = {}
        for group, nums in (("many", many), ("few", few)):
            self.work_det_of[group] = Categorical([("the", False), ("a", False), ("some", True)] + [(n, True) for n in nums],
                                                  [0.3, 0.2, 0.1] + [0.4 / len(nums)] * len(nums))
        self.work_det = {t: self.work_det_of["few" if t in FEW else "many"] for t in WORK}
        # each trade's work, composed (:mod:`.trades`)
        forms = dict(past=past, base=lambda v: v, third=third, gerund=gerund, participle=participle)
        self.work_verb = {f: {t: Categorical([phrase(v, g) for v in w(x[0])]) for t, x in WORK.items()}
                          for f, g in forms.items()}
        self.work_good = {t: Categorical(w(x[1])) for t, x in WORK.items()}
        self.work_adj = {t: Categorical([""] + [a + " " for a in w(x[2])], [len(w(x[2])) / 3] + [1.0] * len(w(x[2])))
                         for t, x in WORK.items()}
        self.work_plural = {g: plural(g) for x in WORK.values() for g in x[1]}
        # everyday things by class (:mod:`.things`); a noun that a fixed phrase or a trade's good could
        # also give ('cleaned the flute') would let one text come from two derivations: it stays out
        goods = {g for x in WORK.values() for g in x[1]} | {g.split()[-1] for x in WORK.values() for g in x[1]}
        fixed = [x for d in self.trade_past.values() for x in d.items] + self.deed.items
        fixed += [x for d in self.hobby_doings.values() for x in d.items]
        self.things = Things(w, clashes(fixed, goods))
        self.until = Categorical(w(["for an hour", "all afternoon", "all evening", "until dark", "for hours",
                                    "until midnight", "for half the day", "till supper", "for most of the day",
                                    "until teatime", "until the light went", "all morning", "for two hours",
                                    "well into the night", "till dusk", "till the lamps were lit",
                                    "for the rest of the day", "until sunset", "until the moon rose",
                                    "for three hours", "till lunchtime", "until nearly dawn", "all day long",
                                    "until the church clock struck", "for a long while", "until supper was cold"])
                                 + [f"until {c}" for c in self.clock.items])
        self.when_pair = _joint(self.weather, self.daypart, lambda x, y: (x, y))
        self.spot_pair = _joint(self.spot, self.spot, lambda x, y: (x, y), distinct=len(self.spot) > 1)
        self.trade_two = {p: _joint(d, d, lambda x, y: f"{x} and then {y}", distinct=True)
                          for p, d in self.trade_past.items()}
