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
from .errands import Errands
from .inflect import a, past
from .sampler import INFERENCE, STRUCTURE, WORD, Categorical, Sampler

_EPISODE = Categorical(["walk", "meal", "talk", "deed", "things", "errand"], [2, 1.5, 1, 1, 8, 8])
_SCENE_FIRST = Categorical([False, True], [0.88, 0.12])
_TIED = {n: Categorical([True, False], [w, 1 - w]) for n, w in ((1, 0.55), (2, 0.7), (3, 0.75), (4, 0.8), (5, 0.8))}
_WHICH = {n: Categorical(range(n), [3] + [1] * (n - 1)) for n in (2, 3, 4, 5)}  # known[0] is the trade
_WHO = Categorical([0, 1])
_WHEN = Categorical(range(6), [0.3, 0.16, 0.12, 0.08, 0.12, 0.22])  # 5: no time at all
_WHERE = Categorical(["work", "landmark", ""], [0.15, 0.5, 0.35])
_TAIL = Categorical(["", "not", "while", "song", "until"], [2, 0.5, 2, 0.7, 1])
_ACTS = Categorical(range(3), [0.85, 0.05, 0.1])
_THEN = Categorical([False, True], [0.2, 0.8])
_WITH_PET = Categorical([False, True], [0.6, 0.4])
_SAW = Categorical([False, True], [0.6, 0.4])
_TWO = Categorical(range(2))
_TALK = Categorical(range(3))
_IN = {"hills", "streets", "forest", "garden", "kitchen", "workshop", "studio", "laboratory", "orchard"}
LANDMARKS_PER_TOWN = 12


class Episodes:
    """Draws the episodes of a story."""

    def __init__(self, world, vocab, phrasebook):
        self.world, self.v, self.t = world, vocab, phrasebook
        self.work = {p: w[0] for p, w in L.PROFESSIONS.items()}
        self.trait_said = False
        # every town has its own landmarks (the same in every document: knowledge of the world)
        r, self.town_landmarks = Sampler(world.config.seed + 1), {}
        for town in world.towns:
            left, mine = list(world.config.words(L.LANDMARKS)), []
            while left and len(mine) < LANDMARKS_PER_TOWN:
                mine.append(left.pop(r.pick(Categorical(range(len(left))))))
            self.town_landmarks[town] = Categorical(mine)
        self.errands = Errands(world, phrasebook, {n: Categorical(range(n)) for n in range(1, 300)})

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
                return f", while {ref} {how}{v.work(s, y.profession)}"
            return f", while {ref} {how}{v.things.doing(s, past)}"
        if k == "song":
            return t(s, ", {humming|whistling|singing} {an old|a merry|a sad|a new|a silly|a slow} "
                        "{tune|song|hymn|ballad|march}")
        if k == "until":
            return f" until {s.pick(v.clock, WORD)}"
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
        when = self.when(s, season)
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
                did = v.work(s, x.profession)
            else:
                did = v.things.doing(s, past)
            text += " " + t(s, "{Then|Afterwards|After that|Later} {0} {1}{2}{3}.", ref, how, did,
                            f" for {s.pick(v.whom, WORD)}" if s.pick(_TWO, STRUCTURE) else "")
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
            return t(s, "{0} {1}, {as usual|as always|true to form|as ever}, {2}.", when, cast.ref(x),
                     s.pick(v.trait_habits[x.trait], INFERENCE))
        if kind == "trade":
            how = self.how(s, x, kn)
            k = s.pick(_ACTS, STRUCTURE)  # the trade's work composed, one of its chores, or two chores
            acts = (v.work(s, x.profession) if k == 0 else s.pick(v.trade_past[x.profession], INFERENCE) if k == 1
                    else s.pick(v.trade_two[x.profession], INFERENCE))
            where = s.pick(_WHERE, STRUCTURE)
            if where == "work":
                work = self.work[x.profession]
                where = f" {'in' if work in _IN else 'at'} the {work}"
            elif where == "landmark":
                where = " " + self.visit(s, town, seen)
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
