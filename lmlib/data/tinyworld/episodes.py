"""Everyday life in a story: the second paragraph, a few episodes before the trouble starts.

An episode is one or two sentences: the work of someone's trade, a walk past the town's
landmarks, a meal, talk, a small deed, an errand to a shop (:mod:`.errands`), what became of
something an earlier errand bought, a habit of someone's character, a pet up to its tricks, or
the sky and the animals about. Who acts, and whether the episode shows a side of them the story
has told (trade, pet, hobby, character), are inference decisions; so are the picks that come from
lists chosen by what was said before (the season's sky, the pet's habits, the trade's work, the
town's landmarks).
"""

from __future__ import annotations

from . import lexicon as L
from .cast import Cast, cap
from . import scenes as S
from .errands import Errands
from .inflect import a, article, past
from .trades import FEW, WORK
from .sampler import INFERENCE, STRUCTURE, WORD, Categorical, Sampler

_EPISODE = Categorical(["walk", "meal", "talk", "deed", "things", "errand"], [2, 1.5, 1, 1, 8, 8])
_SCENE_FIRST = Categorical([False, True], [0.88, 0.12])
_TIED = {n: Categorical([True, False], [w, 1 - w]) for n, w in ((1, 0.55), (2, 0.7), (3, 0.75), (4, 0.8), (5, 0.8))}
_WHICH = {n: Categorical(range(n), [3] + [1] * (n - 1)) for n in (2, 3, 4, 5)}  # known[0] is the trade
_WHO = Categorical([0, 1])
_WHEN = Categorical(range(6), [0.3, 0.16, 0.12, 0.08, 0.12, 0.22])  # 5: no time at all
_WHERE = Categorical(["work", "landmark", ""], [0.15, 0.5, 0.35])
_TAIL = Categorical(["", "not", "while", "song", "until"], [2, 0.25, 2.2, 0.7, 1.2])
_ACTS = Categorical(range(3), [0.85, 0.05, 0.1])
_THEN = Categorical([False, True], [0.2, 0.8])
_WITH_PET = Categorical([False, True], [0.6, 0.4])
_SAW = Categorical([False, True], [0.6, 0.4])
_TWO = Categorical(range(2))
_AT_THEN = Categorical([False, True], [0.3, 0.7])
_BY = Categorical(["At", "By"], [3, 1])
_THEN_WORD = Categorical(["Then", "Afterwards", "After that", "Later", "Next", "After a while", "Soon after",
                          "Before long", "Later on", "In the afternoon", "In the evening", "After lunch"])
_TALK = Categorical(range(3))
# when an episode happens: a day, a clock time and a day, a date, a clock time and a date, 'Later that
# day', or no time at all (weighted towards numbers: a time by the clock is a real, dense choice)
_EP_WHEN = Categorical(range(6), [0.22, 0.2, 0.14, 0.14, 0.08, 0.22])
# how many of a trade's goods: 'the', 'a', 'some', a number in words (two to nine) or in figures (10 to 60),
# or a round quantity; trades whose work comes a few at a time count to four
_SMALL = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_ROUND = ("a dozen", "half a dozen", "two dozen", "a few", "several", "a couple of", "a handful of", "three dozen")
_WHERE_OF = Categorical(["work", "landmark", "house", ""], [0.06, 0.36, 0.32, 0.26])  # (house: for trades that call)
_WHERE_OUT = Categorical(["work", "landmark", ""], [0.12, 0.5, 0.38])  # (trades that work out of doors)
_UNTIL = Categorical(["clock", "time", "span"], [1, 2, 1])
_UNTIL_TIMED = Categorical(["time", "span"], [3, 1])  # after a start by the clock
_IN = {"hills", "streets", "forest", "garden", "kitchen", "workshop", "studio", "laboratory", "orchard"}
LANDMARKS_PER_TOWN = 12
# trades that work out of doors, far from any house number ('fished ... at 14 Mill Lane' would be odd);
# those that go along a street ('lit three gas lamps in Mill Lane') have no number
_NO_HOUSE = frozenset("farmer fisher shepherd sailor hunter woodcutter miller judge soldier mason".split())
_ALONG = frozenset("lamplighter postman carter builder".split())
# what someone hums or whistles ('humming a merry old tune')
_TUNE_LOOKS = ("an old", "a merry", "a sad", "a new", "a silly", "a slow", "a lively", "a cheerful", "a gloomy",
               "a jaunty", "a sweet", "a soft", "a little", "a jolly", "a half-remembered", "a familiar",
               "a mournful", "a popular", "a nursery", "a rousing")
_TUNES = ("tune", "song", "hymn", "ballad", "march", "waltz", "jig", "shanty", "lullaby", "carol", "air", "reel",
          "polka", "ditty", "folk song", "music-hall song", "dance tune", "psalm", "melody", "chorus")


class Episodes:
    """Draws the episodes of a story."""

    def __init__(self, world, vocab, phrasebook):
        self.world, self.v, self.t = world, vocab, phrasebook
        self.place = {p: w[0] for p, w in L.PROFESSIONS.items()}
        self.trait_said = False
        # every town has its own landmarks (the same in every document: knowledge of the world)
        r, self.town_landmarks = Sampler(world.config.seed + 1), {}
        for town in world.towns:
            left, mine = list(world.config.words(L.LANDMARKS)), []
            while left and len(mine) < LANDMARKS_PER_TOWN:
                mine.append(left.pop(r.pick(Categorical(range(len(left))))))
            self.town_landmarks[town] = Categorical(mine)
        self.errands = Errands(world, phrasebook, {n: Categorical(range(n)) for n in range(1, 300)})
        w = world.config.words
        self.tune = Categorical([f"{x} {y}" for x in w(_TUNE_LOOKS) for y in w(_TUNES)])
        self.span = Categorical(w(S.SPANS))
        self.usual = Categorical(w(("as usual", "as always", "true to form", "as ever", "once again", "yet again",
                                    "typically", "predictably", "as expected", "as so often", "not for the first time",
                                    "naturally", "of course", "as was only to be expected", "as everyone expected",
                                    "as anyone could have guessed")))
        # how many goods a trade works on (see :meth:`work`): figures from 10 carry many bits in two characters
        figures = [str(n) for n in range(10, 61)][: max(world.config.lexicon_size or 99, 2)]
        def counts(small, rounds, big):
            items = [("the", False), ("a", False), ("some", True)] + [(x, True) for x in small + rounds + big]
            weights = [0.22, 0.18, 0.06] + ([0.22 / len(small)] * len(small) + [0.12 / len(rounds)] * len(rounds)
                                             + [0.2 / max(len(big), 1)] * len(big))
            return Categorical(items, weights)
        many = counts(list(w(_SMALL)), list(w(_ROUND)), figures)
        few = counts(list(w(_SMALL[:3])), list(w(("a few", "several", "a couple of"))), [])
        self.count = {t: few if t in FEW else many for t in WORK}
        # the clock times an episode may start at, to say when the work stopped ('until 11.40')
        self.times = vocab.time.items
        self.time_index = {x: i for i, x in enumerate(self.times)}
        self.offset = Categorical(range(3, 73)[: max(world.config.lexicon_size or 99, 1)])
        self.start = None  # the index in self.times of the clock time the episode began at
        self.timed = False  # whether it began by the clock at all ('At a quarter to six' has no index)

    def new_story(self) -> None:
        """Forget what the last story's errands bought (a later episode may name one of those goods)."""
        self.errands.new_story()

    def visit(self, s, town: str, seen: list[str], motion: bool = False) -> str:
        """'by the crooked windmill' (or, for one who moves, 'past the crooked windmill'): a landmark of
        the story's town (the town was said earlier); the landmark is remembered in ``seen``."""
        v = self.v
        prep = s.pick(v.towards if motion else v.near, WORD)
        place = f"the {s.pick(v.landmark_look, WORD)}{s.pick(self.town_landmarks[town], INFERENCE)}"
        if place not in seen:
            seen.append(place)
        return f"{prep} {place}"

    def date(self, s, season: str) -> str:
        """'14 March': a month of the story's season (inference) and a day."""
        return f"{s.pick(self.v.day, WORD)} {s.pick(self.v.month_in[season], INFERENCE)}"

    def when(self, s, season: str) -> str:
        """'On Monday evening', 'At 7.45 on Friday', 'On 14 March', 'Later that day', or nothing."""
        v = self.v
        k = s.pick(_WHEN, STRUCTURE)
        if k == 0:
            return s.pick(v.moment, WORD)
        if k == 1:
            return f"At {s.pick(v.time_any, WORD)} on {s.pick(v.weekday, WORD)}"
        if k == 2:
            return f"On {self.date(s, season)}"
        if k == 3:
            return f"At {s.pick(v.time, WORD)} on {self.date(s, season)}"
        if k == 4:
            return s.pick(v.later_on, WORD)
        return ""

    def episode_when(self, s, season: str) -> str:
        """Like :meth:`when` (more often by the clock); remembers a clock time, so that work can stop later."""
        v = self.v
        k = s.pick(_EP_WHEN, STRUCTURE)
        self.start, self.timed = None, k in (1, 3)
        if k == 0:
            return s.pick(v.moment, WORD)
        if k == 1:
            t = s.pick(v.time_any, WORD)
            self.start = self.time_index.get(t)
            return f"At {t} on {s.pick(v.weekday, WORD)}"
        if k == 2:
            return f"On {self.date(s, season)}"
        if k == 3:
            t = s.pick(v.time, WORD)
            self.start = self.time_index.get(t)
            return f"At {t} on {self.date(s, season)}"
        if k == 4:
            return s.pick(v.later_on, WORD)
        return ""

    def work(self, s, trade: str) -> str:
        """'glazed 24 blue jugs', 'baked a crusty loaf': a trade's work (verb, adjective and good follow from
        the trade the story has said: inference; how many is a word choice)."""
        v = self.v
        verb = s.pick(v.work_verb["past"][trade], INFERENCE)
        det, many = s.pick(self.count[trade], WORD)
        rest = s.pick(v.work_adj[trade], INFERENCE)
        good = s.pick(v.work_good[trade], INFERENCE)
        rest += v.work_plural[good] if many else good
        return f"{verb} {article(rest)} {rest}" if det == "a" else f"{verb} {det} {rest}"

    def until(self, s) -> str:
        """' until 11.40' (later than the clock time the episode began at), ' until about five', ' all morning'.

        Work that began by the clock ends later: after 'At 9.40' the end is 15 minutes to 6 hours
        later on the 12-hour clock (so 12.50 is followed by 1.05), or a span; after 'At a quarter to
        six' only a span, so that no end comes before its start."""
        if self.timed and self.start is None:
            return " " + s.pick(self.span, WORD)
        if self.start is not None:
            if s.pick(_UNTIL_TIMED, STRUCTURE) == "span":
                return " " + s.pick(self.span, WORD)
            return f" until {self.times[(self.start + s.pick(self.offset, WORD)) % len(self.times)]}"
        k = s.pick(_UNTIL, STRUCTURE)
        if k == "span":
            return " " + s.pick(self.span, WORD)
        if k == "time":
            return f" until {s.pick(self.v.time, WORD)}"
        return f" until {s.pick(self.v.clock, WORD)}"

    def scene_when(self, s, season: str) -> str:
        """When the sky or the animals are described: a day or a date, never a clock time."""
        return s.pick(self.v.moment, WORD) if s.pick(_TWO, STRUCTURE) else f"On {self.date(s, season)}"

    def how(self, s, x, known: bool) -> str:
        """An adverb (or none) for what ``x`` does: it leans on x's character if the story has said it."""
        dist = self.v.how_of.get(x.trait) if known else None
        return s.pick(dist, INFERENCE) if dist is not None else s.pick(self.v.how, WORD)

    def tail(self, s, cast: Cast, x, y) -> str:
        v, t = self.v, self.t
        k = s.pick(_TAIL, STRUCTURE)
        if k == "not":
            return t(s, ", but {0} {did not see|never saw|saw nothing of} {1} {all day|that day|until the evening}",
                     x.subject, cast.ref(y, False))
        if k == "while":
            known = y is not cast.people[0] or self.trait_said  # (the helper's character is said when met)
            ref, how = cast.ref(y), self.how(s, y, known)
            if s.pick(_TWO, STRUCTURE):  # the other's trade (said when they were met): inference
                return f", while {ref} {how}{self.work(s, y.profession)}"
            return f", while {ref} {how}{v.things.doing(s, past)}"
        if k == "song":
            return t(s, ", {humming|whistling|singing} {0}", s.pick(self.tune, WORD))
        if k == "until":
            return self.until(s)
        return ""

    def episode(self, s, cast: Cast, people, seen: list[str], stated: tuple, season: str) -> str:
        """One episode; places it passes are remembered in ``seen``."""
        v, t = self.v, self.t
        p = people[0]
        if s.pick(_SCENE_FIRST, STRUCTURE):  # the weather or the animals about: nobody acts
            when = self.scene_when(s, season)
            if s.pick(_TWO, STRUCTURE):
                return f"{when}, {s.pick(v.season_sky[season], INFERENCE)}."
            return f"{when}, {a(s.pick(v.scene, WORD))}."
        when = self.episode_when(s, season)
        self.trait_said = "trait" in stated
        x = people[s.pick(_WHO, INFERENCE)]  # who acts: a choice a reader must track
        y = people[1] if x is p else p
        known = ["trade"]
        if x is p:
            known += [k for k in ("pet", "hobby") if k in stated]
        if x is not p or "trait" in stated:
            known.append("habit")
        if self.errands.bought:  # an errand of this story bought something: what became of it
            known.append("bought")
        if s.pick(_TIED[len(known)], INFERENCE):  # how likely a known side of x shows depends on what was said
            kind = known[s.pick(_WHICH[len(known)], INFERENCE)] if len(known) > 1 else "trade"
        else:
            kind = s.pick(_EPISODE, STRUCTURE)  # an event not tied to what we know of x
        text = self.body(s, cast, kind, when, x, y, p, seen, stated)
        if not when:  # (no time: the sentence opens with its subject)
            text = cap(text.lstrip())
        if s.pick(_THEN, STRUCTURE):
            ref, how = cast.ref(x), self.how(s, x, "habit" in known)
            if s.pick(_TWO, STRUCTURE):  # more of x's trade (said earlier): inference
                did = self.work(s, x.profession)
            else:
                did = v.things.doing(s, past)
            if self.start is not None and s.pick(_AT_THEN, STRUCTURE):  # a later clock time (after the start)
                then = f"{s.pick(_BY, WORD)} {self.times[(self.start + s.pick(self.offset, WORD)) % len(self.times)]}"
            else:
                then = s.pick(_THEN_WORD, WORD)
            text += f" {then} {ref} {how}{did}{f' for {s.pick(v.whom, WORD)}' if s.pick(_TWO, STRUCTURE) else ''}."
        return text

    def body(self, s, cast: Cast, kind: str, when: str, x, y, p, seen, stated) -> str:
        v, t = self.v, self.t
        town = p.town
        kn = x is not p or "trait" in stated  # the story has said what x is like
        if kind == "hobby":  # the hobby's own activities and places, once the story has said it
            return (f"{when} {cast.ref(x)} {self.how(s, x, kn)}{s.pick(v.hobby_doings[x.hobby], INFERENCE)}"
                    f"{self.tail(s, cast, x, y)}.")
        if kind == "pet":
            if s.pick(_TWO, STRUCTURE):
                return t(s, "{0} {1} {took|walked} {2} {3}, and {2} {4}.", when, cast.ref(x),
                         x.pet_name, self.visit(s, town, seen, True), s.pick(v.pet_habits[x.pet], INFERENCE))
            return t(s, "{0} {1} {2}, and {3} {4}.", when, x.pet_name,
                     s.pick(v.pet_habits[x.pet], INFERENCE), cast.ref(x), s.pick(v.reaction, WORD))
        if kind == "habit":
            usual = s.pick(self.usual, WORD)
            if when and not when.startswith("At ") and s.pick(_TWO, STRUCTURE):  # 'On Monday, as usual, he ...'
                return f"{when}, {usual}, {cast.ref(x)} {s.pick(v.trait_habits[x.trait], INFERENCE)}."
            return f"{when} {cast.ref(x)}, {usual}, {s.pick(v.trait_habits[x.trait], INFERENCE)}."
        if kind == "trade":
            how = self.how(s, x, kn)
            k = s.pick(_ACTS, STRUCTURE)  # the trade's work composed, one of its chores, or two chores
            acts = (self.work(s, x.profession) if k == 0 else s.pick(v.trade_past[x.profession], INFERENCE)
                    if k == 1 else s.pick(v.trade_two[x.profession], INFERENCE))
            where = s.pick(_WHERE_OUT if x.profession in _NO_HOUSE else _WHERE_OF, STRUCTURE)
            if where == "work":
                work = self.place[x.profession]
                where = f" {'in' if work in _IN else 'at'} the {work}"
            elif where == "landmark":
                where = " " + self.visit(s, town, seen)
            elif where == "house":  # a street of the town (inference), and for most trades a house number
                street = s.pick(self.errands.streets[town], INFERENCE)
                where = (f" in {street}" if x.profession in _ALONG else
                         f" at {s.pick(self.errands.number, WORD)} {street}")
            return f"{when} {cast.ref(x)} {how}{acts}{where}{self.tail(s, cast, x, y)}."
        if kind == "errand":
            return self.errands.errand(s, cast, when, x, y, town, seen)
        if kind == "bought":
            return self.errands.recall(s, cast, when, x, y)
        if kind == "things":
            text = f"{when} {cast.ref(x)} {self.how(s, x, kn)}{v.things.doing(s, past)}"
            if s.pick(_SAW, STRUCTURE):
                text += f" {self.visit(s, town, seen)}"
            return text + self.tail(s, cast, x, y) + "."
        if kind == "walk":
            text = f"{when} {cast.ref(x)} {self.how(s, x, kn)}{s.pick(v.motion, WORD)} {self.visit(s, town, seen, True)}"
            if "pet" in stated and x is p and s.pick(_WITH_PET, STRUCTURE):
                text += f" with {x.pet_name}"
            if s.pick(_SAW, STRUCTURE):
                text += t(s, ", where {0} {saw|noticed|spotted|watched} {1}", x.subject,
                          a(s.pick(v.scene, WORD).replace(" ", " that ", 1)))
            return text + "."
        if kind == "meal":
            if s.pick(_TWO, STRUCTURE):
                return t(s, "{0} {1} {ate|had|enjoyed|cooked} {2} for {3}.", when, cast.ref(x),
                         s.pick(v.two_foods, WORD), s.pick(v.meal, WORD))
            return t(s, "{0} {1} and {2} {shared|ate|split} {3} {4}.", when, cast.name(x), cast.name(y),
                     s.pick(v.two_foods, WORD), self.visit(s, town, seen))
        if kind == "talk":
            k = s.pick(_TALK, STRUCTURE)
            if k == 0:
                return t(s, '{0} {1} {said|called|cried|whispered} to {2}, "{3}!"', when, cast.ref(x),
                         cast.ref(y, False), s.pick(v.exclaim, WORD))
            if k == 1:
                return t(s, "{0} {1} and {2} {talked|chatted|argued|laughed} about {3} {4}.", when, cast.name(x),
                         cast.name(y), s.pick(v.topic, WORD), self.visit(s, town, seen))
            return f"{when} {cast.ref(x)} {s.pick(v.saying, WORD)} to {cast.ref(y, False)} that {s.pick(v.sky, WORD)}."
        return f"{when} {cast.ref(x)} {self.how(s, x, kn)}{s.pick(v.deed, WORD)}{self.tail(s, cast, x, y)}."
