"""Stories: two or more people, a problem, help, and an ending that depends on the beginning.

A story has paragraphs (joined by `` ¶ ``): who the people are; episodes in which one of them
acts (an action of their trade: the reader must remember who is who); a problem with a thing
(lost or broken) and a search or a repair done in some manner; and an ending whose odds depend
on that manner and whose words repeat the thing and the trade from paragraphs before.
"""

from __future__ import annotations

from . import lexicon as L
from .cast import Cast, cap
from .inflect import a, noun_of_quality
from .sampler import INFERENCE, PERSON, STRUCTURE, WORD, Categorical

PARAGRAPH = " ¶ "
_EXTRAS = Categorical([(), ("pet",), ("hobby",), ("trait",), ("pet", "hobby"), ("hobby", "pet"),
                       ("trait", "pet"), ("hobby", "trait")], [3, 2, 2, 2, 1, 1, 1, 1])
_INTRO = Categorical(range(3), [0.4, 0.3, 0.3])
_FRIEND = Categorical(["friend", "stranger"], [0.6, 0.4])
_PROBLEM = Categorical(["lost", "broken"])
_HOW_LOST = Categorical(range(2))
_GIFT = Categorical([False, True], [0.6, 0.4])
_ASK = Categorical(range(3))
_SEARCH = Categorical(range(2))
_MORE = Categorical([False, True], [0.6, 0.4])
_NEG = Categorical([False, True], [0.7, 0.3])
_CODA = Categorical([False, True], [0.5, 0.5])
_WHO = Categorical([0, 1])
_BOAST = Categorical([False, True], [0.6, 0.4])


class Stories:
    """The story genre (third person, past tense) and its labelled-story variant's cues."""

    def __init__(self, world, vocab, people):
        self.world, self.v, self.people = world, vocab, people
        cfg = world.config
        self.episodes = Categorical(list(range(cfg.max_episodes)), [1.0] * cfg.max_episodes)
        self.success = {m: Categorical([True, False], [q, 1 - q]) for m, q in vocab.success.items()}

    def intro_sentence(self, s, cast: Cast, p) -> str:
        v, t = self.v, s.pick(_INTRO, STRUCTURE)
        if t == 0:
            return f"{cap(cast.intro(p, True))} was {a(p.profession)} in {p.town}."
        if t == 1:
            return f"In {p.town} there lived {cast.intro(p)}, who worked as {a(p.profession)}."
        return f"{s.pick(v.opener, WORD)}, {cast.intro(p, True)} lived in {p.town} and worked as {a(p.profession)}."

    def extra(self, s, cast: Cast, p, what: str) -> str:
        if what == "pet":
            look = s.pick(self.v.looks, WORD)
            return f"{cap(cast.ref(p))} had {a(look)} {p.pet} called {p.pet_name}."
        if what == "hobby":
            return f"In {cast.poss(p)} spare time {cast.ref(p)} loved {p.hobby}."
        return f"Everyone in {p.town} spoke of {cast.poss(p)} {noun_of_quality(p.trait)}."

    def second(self, s, cast: Cast, p):
        if s.pick(_FRIEND, STRUCTURE) == "friend":
            q = self.world.friend_of(p)
            return q, f"{cap(cast.poss(p))} best friend was {cast.intro(q)}, {a(q.profession)} from {q.town}."
        q = s.pick(self.people.others(p), PERSON)
        return q, f"One day {cast.ref(p)} met {cast.intro(q)}, {a(q.profession)} from {q.town}."

    def episode(self, s, cast: Cast, people) -> str:
        """Someone does something of their trade: who it is decides which actions are likely."""
        x = people[s.pick(_WHO, INFERENCE)]
        day, place = s.pick(self.v.weekday, WORD), s.pick(self.v.place, WORD)
        act = s.pick(self.v.trade_past[x.profession], INFERENCE)
        text = f"On {day} {cast.ref(x)} {act} {place}"
        if s.pick(_MORE, STRUCTURE):
            text += f" and then {s.pick(self.v.trade_past[x.profession], INFERENCE)}"
        if s.pick(_NEG, STRUCTURE):
            text += f", but {x.subject} did not see {cast.ref(people[1] if x is people[0] else people[0], False)}"
        return text + "."

    def problem(self, s, cast: Cast, p, q) -> tuple[list[str], dict]:
        v = self.v
        kind, thing, when = s.pick(_PROBLEM, STRUCTURE), s.pick(v.thing, WORD), s.pick(v.when, WORD)
        noun = thing.rsplit(" ", 1)[-1]
        if kind == "lost":
            how = s.pick(_HOW_LOST, STRUCTURE)
            first = (f"One {when}, {cast.ref(p)} lost {p.possessive} {thing}" if how == 0 else
                     f"One {when}, {cast.ref(p)} could not find {p.possessive} {thing}")
        else:
            first = f"One {when}, {cast.ref(p)} dropped {p.possessive} {thing} and it broke"
        if s.pick(_GIFT, STRUCTURE):
            first += f", which {p.possessive} {s.pick(v.relative, WORD)} had given {p.object}"
        sents = [first + "."]
        if s.pick(_BOAST, STRUCTURE):
            sents.append(f"It was {s.pick(v.better, WORD)} than any other {noun} in {p.town}.")
        if kind == "lost":
            sents.append(f"{cap(cast.ref(p))} searched {s.pick(v.two_spots, WORD)}, but the {noun} was not there.")
        ask = s.pick(_ASK, STRUCTURE)
        if ask == 0:  # (only the chosen phrasing may make picks: each pick must leave its mark)
            sents.append(f"So {cast.ref(p)} asked {cast.ref(q, False)} for help.")
        elif ask == 1:
            sents.append(f"{cap(cast.ref(q))} offered to help.")
        else:
            sents.append(f"{cap(cast.ref(p))} went to see {cast.ref(q, False)}, who came at once.")
        manner = s.pick(v.manner, WORD)
        verb = "searched the house" if kind == "lost" else "worked on it"
        sents.append(f"{cap(cast.ref(q))} {verb} {manner}.")
        return sents, dict(problem=kind, thing=thing, noun=noun, manner=manner)

    def ending(self, s, cast: Cast, p, q, f: dict) -> tuple[list[str], bool]:
        v, noun = self.v, f["noun"]
        ok = s.pick(self.success[f["manner"]], INFERENCE)
        if ok:
            found = (f"At last {cast.ref(q)} found the {noun} {s.pick(v.spot, WORD)}." if f["problem"] == "lost"
                     else f"In the end {cast.ref(q)} mended the {noun}, and it was as good as new.")
            gift = L.PROFESSIONS[p.profession][2]
            sents = [found, f"{cap(cast.ref(p))} was so {s.pick(v.good, WORD)} that {p.subject} gave "
                            f"{cast.ref(q, False)} {a(gift)}."]
            if s.pick(_CODA, STRUCTURE):
                sents.append(f"From that day on, {cast.ref(p)} kept the {noun} {s.pick(v.spot, WORD)}.")
        else:
            lost = (f"They never found the {noun}" if f["problem"] == "lost"
                    else f"Sadly, the {noun} could not be mended")
            sents = [f"{lost}, and {cast.ref(p)} felt {s.pick(v.bad, WORD)} for {s.pick(v.number, WORD)} days."]
            if s.pick(_CODA, STRUCTURE):
                sents.append(f"{cap(cast.ref(p))} never forgot the {noun}.")
        return sents, ok

    def story(self, s, p) -> tuple[str, dict]:
        """The whole story about ``p`` (already picked); returns its text and fields."""
        cast = Cast(s, [p])
        first = [self.intro_sentence(s, cast, p)]
        first += [self.extra(s, cast, p, w) for w in s.pick(_EXTRAS, STRUCTURE)]
        q, sentence = self.second(s, cast, p)
        cast.people.append(q)
        first.append(sentence)
        middle = [self.episode(s, cast, (p, q)) for _ in range(s.pick(self.episodes, STRUCTURE))]
        trouble, f = self.problem(s, cast, p, q)
        end, ok = self.ending(s, cast, p, q, f)
        paragraphs = [" ".join(first), " ".join(middle + trouble), " ".join(end)]
        text = PARAGRAPH.join(x for x in paragraphs if x)
        return text, dict(person=p.name, other=q.name, ending="happy" if ok else "sad", **f)
