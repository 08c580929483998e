"""The people of one document and how the text refers to them.

A person's first mention always says their gender ("Mrs Anna Holt", "a man called Tom Ford"), so
a later pronoun can be resolved from the document alone. A pronoun is used for a person only
where the text makes it unambiguous: they are the only person of that gender mentioned so far,
or they were the subject of the last sentence about someone. That rule is how a reader resolves
"she", and it keeps the grammar unambiguous.
"""

from __future__ import annotations

from .inflect import a
from .sampler import STRUCTURE, Categorical
from .world import Person

_INTRO = Categorical(["title", "called", "named"], [0.5, 0.3, 0.2])
_WITH_PRONOUN = Categorical(["pronoun", "first", "title"], [0.55, 0.38, 0.07])
_WITHOUT_PRONOUN = Categorical(["first", "title"], [0.88, 0.12])


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Cast:
    """Tracks who has been introduced and who the last subject was."""

    def __init__(self, s, people: list[Person]):
        self.s = s
        self.people = people
        self.introduced: list[Person] = []
        self.genders = {"f": 0, "m": 0}  # how many of each gender have been introduced
        self.last: Person | None = None

    def intro(self, p: Person, subject: bool = False) -> str:
        """The first mention of ``p``: it states the gender."""
        self.introduced.append(p)
        self.genders[p.gender] += 1
        if subject:
            self.last = p
        form = self.s.pick(_INTRO, STRUCTURE)
        if form == "title":
            return f"{p.title} {p.name}"
        young = "young " if p.age < 30 and p.age >= 18 else "old " if p.age >= 70 else ""
        return f"{a(young + p.noun)} {form} {p.name}"

    def can_pronoun(self, p: Person) -> bool:
        if p not in self.introduced:
            return False
        return self.last is p or self.genders[p.gender] == 1

    def ref(self, p: Person, subject: bool = True) -> str:
        """A later mention of ``p`` as subject (``she``) or object (``her``)."""
        form = self.s.pick(_WITH_PRONOUN if self.can_pronoun(p) else _WITHOUT_PRONOUN, STRUCTURE)
        if subject:
            self.last = p
        if form == "pronoun":
            return p.subject if subject else p.object
        return p.first if form == "first" else f"{p.title} {p.surname}"

    def name(self, p: Person) -> str:
        """A later mention of ``p`` by name only ('Anna', 'Mrs Holt'), for coordination ('Anna and Tom')."""
        form = self.s.pick(_WITHOUT_PRONOUN, STRUCTURE)
        return p.first if form == "first" else f"{p.title} {p.surname}"

    def poss(self, p: Person) -> str:
        """'her', 'his', "Anna's" or "Mrs Holt's"."""
        form = self.s.pick(_WITH_PRONOUN if self.can_pronoun(p) else _WITHOUT_PRONOUN, STRUCTURE)
        if form == "pronoun":
            return p.possessive
        return f"{p.first}'s" if form == "first" else f"{p.title} {p.surname}'s"
