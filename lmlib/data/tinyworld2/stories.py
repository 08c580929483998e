"""Stories: two or more people, a problem, help, and an ending that depends on the beginning.

A story has paragraphs (joined by `` ¶ ``): who the people are (the helper's character is said
when they are met); a few episodes of everyday life (work of their trade, walks past the town's
landmarks, meals, talk, small deeds, the weather and the animals about); a problem with a thing
(lost or broken), a search or a repair done in a manner that leans on the helper's character; an
ending whose odds depend on that manner, found where someone had been in an earlier episode, with
a reason that refers back to what was said; and sometimes an epilogue that restates the day of
the problem in other words. Each sentence has several phrasings.
"""

from __future__ import annotations

from . import lexicon as L
from .cast import Cast, cap
from .inflect import a, noun_of_quality
from .sampler import INFERENCE, PERSON, STRUCTURE, WORD, Categorical

PARAGRAPH = " ¶ "
_EXTRAS = Categorical([(), ("pet",), ("hobby",), ("trait",), ("pet", "hobby"), ("hobby", "pet"),
                       ("trait", "pet"), ("hobby", "trait"), ("pet", "trait"), ("trait", "hobby")],
                      [3, 2, 2, 2, 1, 1, 1, 1, 1, 1])
_INTRO = Categorical(range(4), [0.3, 0.25, 0.25, 0.2])
_SETTING = Categorical([False, True], [0.5, 0.5])
_FRIEND = Categorical(["friend", "stranger"], [0.6, 0.4])
_PROBLEM = Categorical(["lost", "broken"])
_HOW_LOST = Categorical(range(4))
_HOW_BROKEN = Categorical(range(3))
_GIFT = Categorical([False, True], [0.6, 0.4])
_OCCASION = Categorical(["", " on {P} birthday", " years before", " for luck", " when {S} was small"],
                        [4, 1, 1, 1, 1])
_ASK = Categorical(range(3))
_DIALOGUE = Categorical([False, True], [0.5, 0.5])
_SEARCH = Categorical(range(3))
_MORE = Categorical([False, True], [0.6, 0.4])
_NEG = Categorical([False, True], [0.8, 0.2])
_CODA = Categorical([False, True], [0.5, 0.5])
_WHO = Categorical([0, 1])
_BOAST = Categorical([None, 0, 1], [0.6, 0.2, 0.2])
_EPISODE = Categorical(["walk", "meal", "talk", "deed", "things"], [2, 1.5, 1.5, 2, 5])
_SCENE_FIRST = Categorical([False, True], [0.85, 0.15])
_TIED = {1: Categorical([True, False], [0.45, 0.55]), 2: Categorical([True, False], [0.6, 0.4]),
         3: Categorical([True, False], [0.7, 0.3])}
_WHICH = {n: Categorical(range(n)) for n in (2, 3)}
_WHERE = Categorical(["work", "landmark", ""], [0.35, 0.4, 0.25])
_WHILE = Categorical([False, True], [0.6, 0.4])
_WITH_PET = Categorical([False, True], [0.6, 0.4])
_SAW = Categorical([False, True], [0.6, 0.4])
_MEAL = Categorical(range(2))
_SCENE = Categorical(range(2))
_TALK = Categorical(range(3))
_SEARCH_VERB = {"lost": Categorical(["searched the house", "looked everywhere", "hunted high and low"]),
                "broken": Categorical(["worked on it", "set to work on it", "took it apart and mended it"])}
_AT_LAST = Categorical(["At last", "In the end", "After a while"])
_MENDED = Categorical(range(2))
_STRONG = {True: Categorical([True, False], [0.75, 0.25]), False: Categorical([True, False], [0.25, 0.75])}
_EPILOGUE = Categorical([False, True], [0.4, 0.6])
_STILL = Categorical([False, True], [0.5, 0.5])
_FOUND_AWAY = 0.6  # the chance that a lost thing turns up at a place someone had been earlier
_IN = {"hills", "streets", "forest", "garden"}


class Stories:
    """The story genre (third person, past tense)."""

    def __init__(self, world, vocab, people):
        self.world, self.v, self.people = world, vocab, people
        cfg = world.config
        self.episodes = Categorical(list(range(1, cfg.max_episodes + 1)))
        self.success = {m: Categorical([True, False], [q, 1 - q]) for m, q in vocab.success.items()}
        self._found: dict[tuple, Categorical] = {}
        self._reasons: dict[int, Categorical] = {}
        self._spots_left: dict[tuple, Categorical] = {}

    # ---- the first paragraph: who is who -----------------------------------------------------
    def intro_sentence(self, s, cast: Cast, p) -> str:
        v, t = self.v, s.pick(_INTRO, STRUCTURE)
        if t == 0:
            return f"{cap(cast.intro(p, True))} was {a(p.profession)} in {p.town}."
        if t == 1:
            return f"In {p.town} there lived {cast.intro(p)}, who worked as {a(p.profession)}."
        if t == 2:
            return f"{s.pick(v.opener, WORD)}, {cast.intro(p, True)} lived in {p.town} and worked as {a(p.profession)}."
        return f"{cap(cast.intro(p, True))}, {a(p.profession)}, had lived in {p.town} for {s.pick(v.number, WORD)} years."

    def extra(self, s, cast: Cast, p, what: str) -> str:
        if what == "pet":
            look = s.pick(self.v.looks, WORD)
            return f"{cap(cast.ref(p))} had {a(look)} {p.pet} called {p.pet_name}."
        if what == "hobby":
            verb, where = self.v.hobby[p.hobby]
            return f"In {cast.poss(p)} spare time {cast.ref(p)} loved {p.hobby}, and liked to {verb} {where}."
        return f"Everyone in {p.town} spoke of {cast.poss(p)} {noun_of_quality(p.trait)}."

    def second(self, s, cast: Cast, p):
        if s.pick(_FRIEND, STRUCTURE) == "friend":
            q = self.world.friend_of(p)
            return q, (f"{cap(cast.poss(p))} best friend was {cast.intro(q)}, {a(q.trait)} "
                       f"{q.profession} from {q.town}.")
        q = s.pick(self.people.others(p), PERSON)
        return q, f"One day {cast.ref(p)} met {cast.intro(q)}, {a(q.trait)} {q.profession} from {q.town}."

    # ---- the second paragraph: everyday life ---------------------------------------------------
    def episode(self, s, cast: Cast, people, seen: list[str], stated: tuple) -> str:
        """One event of everyday life; places it passes are remembered in ``seen``."""
        v = self.v
        if s.pick(_SCENE_FIRST, STRUCTURE):  # the weather or the animals about: nobody acts
            when = s.pick(v.moment, WORD)
            if s.pick(_SCENE, STRUCTURE):
                return f"{when}, {s.pick(v.sky, WORD)}."
            return f"{when}, {a(s.pick(v.scene, WORD))}."
        x = people[s.pick(_WHO, INFERENCE)]  # who acts: a choice a reader must track
        y = people[1] if x is people[0] else people[0]
        known = ("trade",) + (tuple(k for k in ("pet", "hobby") if k in stated) if x is people[0] else ())
        if s.pick(_TIED[len(known)], INFERENCE):  # how likely a known side of x shows depends on what was said
            kind = known[s.pick(_WHICH[len(known)], INFERENCE)] if len(known) > 1 else "trade"
        else:
            kind = s.pick(_EPISODE, STRUCTURE)  # an event not tied to what we know of x
        when = s.pick(v.moment, WORD)
        if kind == "hobby":
            verb, where = v.hobby[x.hobby]
            return f"{when} {cast.ref(x)} went {where} to {verb}."
        if kind == "pet":
            return f"{when} {cast.ref(x)} took {x.pet_name} out {self.visit(s, seen)}."
        if kind == "trade":
            how = s.pick(v.how, WORD)
            acts = (s.pick(v.trade_two[x.profession], INFERENCE) if s.pick(_MORE, STRUCTURE)
                    else s.pick(v.trade_past[x.profession], INFERENCE))
            where = s.pick(_WHERE, STRUCTURE)
            if where == "work":
                work = L.PROFESSIONS[x.profession][0]
                where = f" {'in' if work in _IN else 'at'} the {work}"
            elif where == "landmark":
                where = " " + self.visit(s, seen)
            text = f"{when} {cast.ref(x)} {how}{acts}{where}"
            neg = s.pick(_NEG, STRUCTURE)
            if neg:
                text += f", but {x.subject} did not see {cast.ref(y, False)} all day"
            elif s.pick(_WHILE, STRUCTURE):
                text += f", while {cast.ref(y)} {s.pick(v.how, WORD)}{s.pick(v.deed, WORD)}"
            return text + "."
        if kind == "things":
            text = f"{when} {cast.ref(x)} {s.pick(v.how, WORD)}{s.pick(v.thing_verb, WORD)} {s.pick(v.np, WORD)}"
            if s.pick(_WHILE, STRUCTURE):
                text += f" {self.visit(s, seen)}"
            return text + "."
        if kind == "walk":
            text = f"{when} {cast.ref(x)} {s.pick(v.how, WORD)}{s.pick(v.motion, WORD)} {self.visit(s, seen)}"
            if "pet" in stated and x is people[0] and s.pick(_WITH_PET, STRUCTURE):
                text += f" with {x.pet_name}"
            if s.pick(_SAW, STRUCTURE):
                text += f", where {x.subject} saw {a(s.pick(v.scene, WORD).replace(' ', ' that ', 1))}"
            return text + "."
        if kind == "meal":
            if s.pick(_MEAL, STRUCTURE):
                return f"{when} {cast.ref(x)} ate {s.pick(v.two_foods, WORD)} for {s.pick(v.meal, WORD)}."
            return f"{when} {cast.ref(x)} and {cast.ref(y)} shared {s.pick(v.two_foods, WORD)} {self.visit(s, seen)}."
        if kind == "talk":
            t = s.pick(_TALK, STRUCTURE)
            if t == 0:
                return f'{when} {cast.ref(x)} said to {cast.ref(y, False)}, "{s.pick(v.exclaim, WORD)}!"'
            if t == 1:
                return (f"{when} {cast.ref(x)} and {cast.ref(y)} talked about {s.pick(v.topic, WORD)} "
                        f"{self.visit(s, seen)}.")
            return f"{when} {cast.ref(x)} {s.pick(v.saying, WORD)} to {cast.ref(y, False)} that {s.pick(v.sky, WORD)}."
        text = f"{when} {cast.ref(x)} {s.pick(v.how, WORD)}{s.pick(v.deed, WORD)}"
        if s.pick(_WHILE, STRUCTURE):
            text += f" {self.visit(s, seen)}"
        return text + "."

    def visit(self, s, seen: list[str]) -> str:
        place = s.pick(self.v.landmark, WORD)
        if place not in seen:
            seen.append(place)
        return place

    # ---- the third paragraph: a problem and help -------------------------------------------------
    def problem(self, s, cast: Cast, p, q) -> tuple[list[str], dict]:
        v = self.v
        kind, thing, when = s.pick(_PROBLEM, STRUCTURE), s.pick(v.thing, WORD), s.pick(v.when_pair, WORD)
        weather, daypart = when
        noun = thing.rsplit(" ", 1)[-1]
        at = f"One {weather} {daypart}"
        if kind == "lost":
            how = s.pick(_HOW_LOST, STRUCTURE)
            first = (f"{at}, {cast.ref(p)} lost {p.possessive} {thing}" if how == 0 else
                     f"{at}, {cast.ref(p)} could not find {p.possessive} {thing} anywhere" if how == 1 else
                     f"{at}, {cast.ref(p)} found that {p.possessive} {thing} had gone missing" if how == 2 else
                     f"{at}, {cast.poss(p)} {thing} disappeared")
        else:
            how = s.pick(_HOW_BROKEN, STRUCTURE)
            first = (f"{at}, {cast.ref(p)} dropped {p.possessive} {thing} and it broke" if how == 0 else
                     f"{at}, {cast.ref(p)} knocked {p.possessive} {thing} off the table and it cracked" if how == 1
                     else f"{at}, {cast.ref(p)} sat on {p.possessive} {thing} by mistake and broke it")
        gift = s.pick(_GIFT, STRUCTURE)
        if gift:
            first += (f", which {p.possessive} {s.pick(v.relative, WORD)} had given {p.object}"
                      + s.pick(_OCCASION, WORD).format(P=p.possessive, S=p.subject))
        sents = [first + "."]
        boast = s.pick(_BOAST, STRUCTURE)
        if boast == 0:
            sents.append(f"It was {s.pick(v.better, WORD)} than any other {noun} in {p.town}.")
        elif boast == 1:
            sents.append(f"There was no {noun} in {p.town} {s.pick(v.better, WORD)} than this one.")
        searched = ()
        if kind == "lost":
            searched = s.pick(v.spot_pair, WORD)
            t = s.pick(_SEARCH, STRUCTURE)
            sents.append(
                f"{cap(cast.ref(p))} searched {searched[0]} and {searched[1]}, but the {noun} was not there." if t == 0
                else f"{cap(cast.ref(p))} looked {searched[0]} and then {searched[1]}, but found nothing." if t == 1
                else f"{cap(cast.ref(p))} turned the house upside down, looking {searched[0]} and {searched[1]}.")
        ask = s.pick(_ASK, STRUCTURE)
        if ask == 0:  # (only the chosen phrasing may make picks: each pick must leave its mark)
            sents.append(f"So {cast.ref(p)} asked {cast.ref(q, False)} for help.")
        elif ask == 1:
            sents.append(f"{cap(cast.ref(q))} offered to help.")
        else:
            sents.append(f"{cap(cast.ref(p))} went to see {cast.ref(q, False)}, who came at once.")
        if s.pick(_DIALOGUE, STRUCTURE):
            sents.append(f'"Do not worry," said {cast.ref(q)}, "I will {"find" if kind == "lost" else "mend"} '
                         f'your {noun}."')
        manner = s.pick(v.manner_of[q.trait], INFERENCE)  # leans on the helper's character, said earlier
        sents.append(f"{cap(cast.ref(q))} {s.pick(_SEARCH_VERB[kind], STRUCTURE)} {manner}.")
        return sents, dict(problem=kind, thing=thing, noun=noun, manner=manner, gift=gift, weather=weather,
                           daypart=daypart, searched=searched)

    # ---- the last paragraphs: how it ended, and what was remembered ---------------------------------
    def found_where(self, s, seen: list[str], searched: tuple) -> str:
        """Somewhere ``seen`` earlier (inference: the text said it) or a spot at home not yet searched."""
        n = len(seen)
        if n:
            key = n
            if key not in self._found:
                self._found[key] = Categorical(list(range(n)) + [None], [_FOUND_AWAY / n] * n + [1 - _FOUND_AWAY])
            i = s.pick(self._found[key], INFERENCE)
            if i is not None:
                return seen[i]
        if searched not in self._spots_left:
            spot = self.v.spot
            left = [(x, w) for x, w in zip(spot.items, spot.probs) if x not in searched] or list(zip(spot.items, spot.probs))
            self._spots_left[searched] = Categorical([x for x, _ in left], [w for _, w in left])
        return s.pick(self._spots_left[searched], WORD)

    def reason(self, s, p, q, f: dict) -> str:
        """Why ``p`` thanked ``q``: one of the things the story said (which one is inference)."""
        reasons = [f"{'searching' if f['problem'] == 'lost' else 'working'} so {f['manner']}",
                   f"being so {q.trait}"]
        if q.town != p.town:
            reasons.append(f"coming all the way from {q.town}")
        if q.name == p.friend:
            reasons.append("being such a good friend")
        k = len(reasons)
        if k not in self._reasons:
            self._reasons[k] = Categorical(list(range(k)))
        return reasons[s.pick(self._reasons[k], INFERENCE)]

    def ending(self, s, cast: Cast, p, q, f: dict, seen: list[str]) -> tuple[list[str], bool]:
        v, noun = self.v, f["noun"]
        ok = s.pick(self.success[f["manner"]], INFERENCE)
        if ok:
            if f["problem"] == "lost":
                found = f"{s.pick(_AT_LAST, WORD)} {cast.ref(q)} found the {noun} {self.found_where(s, seen, f['searched'])}."
            elif s.pick(_MENDED, STRUCTURE):
                found = f"{s.pick(_AT_LAST, WORD)} {cast.ref(q)} mended the {noun}, and it was as good as new."
            else:
                found = f"{cap(cast.ref(q))} mended the {noun} so well that nobody could tell it had been broken."
            gift = L.PROFESSIONS[p.profession][2]
            sents = [found, f"{cap(cast.ref(p))} was so {s.pick(v.good, WORD)} that {p.subject} gave "
                            f"{cast.ref(q, False)} {a(gift)} for {self.reason(s, p, q, f)}."]
            if s.pick(_CODA, STRUCTURE):
                sents.append(f"From that day on, {cast.ref(p)} kept the {noun} {s.pick(v.spot, WORD)}.")
        else:
            lost = (f"They never found the {noun}" if f["problem"] == "lost"
                    else f"Sadly, the {noun} could not be mended")
            strong = s.pick(_STRONG[f["gift"]], INFERENCE)  # a lost gift hurts more
            feeling = s.pick(v.strong if strong else v.mild, WORD)
            sents = [f"{lost}, and {cast.ref(p)} felt {feeling} for {s.pick(v.number, WORD)} days."]
            if s.pick(_CODA, STRUCTURE):
                sents.append(f"{cap(cast.ref(p))} never forgot the {noun}.")
        return sents, ok

    def epilogue(self, s, cast: Cast, p, q, f: dict, ok: bool) -> list[str]:
        """A late sentence that restates the day of the problem in other words."""
        if not s.pick(_EPILOGUE, STRUCTURE):
            return []
        weather = s.pick(self.v.weather_again[f["weather"]], INFERENCE)
        what = ("went missing" if f["problem"] == "lost" else "broke")
        sents = [f"Years later, {cast.ref(p)} still remembered that {weather} {f['daypart']} when the {f['noun']} {what}."]
        if s.pick(_STILL, STRUCTURE):
            sents.append(f"{cap(cast.ref(p))} still {s.pick(self.v.trade_third[p.profession], INFERENCE)} every day, "
                         f"and {cast.ref(q)} still {'visits' if ok else 'writes'} now and then.")
        return sents

    def story(self, s, p) -> tuple[str, dict]:
        """The whole story about ``p`` (already picked); returns its text and fields."""
        v = self.v
        cast = Cast(s, [p])
        first = []
        if s.pick(_SETTING, STRUCTURE):
            first.append(f"It was {s.pick(v.season, WORD)} in {p.town}, and {s.pick(v.sky, WORD)}.")
        first.append(self.intro_sentence(s, cast, p))
        extras = s.pick(_EXTRAS, STRUCTURE)
        first += [self.extra(s, cast, p, w) for w in extras]
        q, sentence = self.second(s, cast, p)
        cast.people.append(q)
        first.append(sentence)
        seen: list[str] = []
        middle = [self.episode(s, cast, (p, q), seen, extras) for _ in range(s.pick(self.episodes, STRUCTURE))]
        trouble, f = self.problem(s, cast, p, q)
        end, ok = self.ending(s, cast, p, q, f, seen)
        after = self.epilogue(s, cast, p, q, f, ok)
        paragraphs = [" ".join(first), " ".join(middle), " ".join(trouble), " ".join(end), " ".join(after)]
        text = PARAGRAPH.join(x for x in paragraphs if x)
        fields = dict(person=p.name, other=q.name, ending="happy" if ok else "sad", **f)
        fields["searched"] = list(f["searched"])
        return text, fields
