"""The fixed world that every tinyworld document talks about.

A world is a set of people, each with a home town, a profession, a best friend, a pet and a
favourite colour. It is built once from ``WorldConfig.seed``; documents are then drawn about it.
Full names are unique and so is each (profession, town) pair, so that "the baker of Mirefold"
names exactly one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lmlib._checks import positive_int

from . import lexicon
from .sampler import Categorical, Sampler

ATTRIBUTES = ("town", "profession", "friend", "pet", "colour")


@dataclass(frozen=True)
class WorldConfig:
    """Sizes of the world. ``lexicon_size`` truncates every word list (for tiny test worlds)."""

    seed: int = 1234
    n_people: int = 1000
    n_towns: int = 48
    lexicon_size: int | None = None
    zipf_s: float = 1.0  # exponent of the Zipf weights for people and words

    def __post_init__(self) -> None:
        for name in ("seed", "n_people", "n_towns"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"WorldConfig.{name} must be an int, got {value!r}")
        positive_int("lexicon_size", self.lexicon_size, none_ok=True)
        if self.n_people < 2 or self.n_towns < 1:
            raise ValueError("a world needs at least 2 people and 1 town")
        slots = self.n_towns * len(self.words(lexicon.PROFESSIONS))
        if self.n_people > slots:
            raise ValueError(
                f"n_people={self.n_people} is more than the {slots} (profession, town) pairs; "
                "raise n_towns or lower n_people"
            )

    def words(self, items):
        return list(items[: self.lexicon_size]) if self.lexicon_size else list(items)


@dataclass(frozen=True)
class Person:
    name: str
    gender: str  # "she" or "he": the pronoun
    town: str
    profession: str
    friend: str  # full name of the best friend
    pet: str
    colour: str

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def possessive(self) -> str:
        return "her" if self.gender == "she" else "his"


@dataclass
class World:
    config: WorldConfig
    people: list[Person] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.people:
            self._build()
        self.by_name = {p.name: p for p in self.people}
        self.by_role = {(p.profession, p.town): p for p in self.people}

    def _build(self) -> None:
        cfg = self.config
        s = Sampler(cfg.seed)
        towns: list[str] = []
        while len(towns) < cfg.n_towns:
            t = lexicon.town_name(s)
            if t not in towns:
                towns.append(t)
        professions = cfg.words(lexicon.PROFESSIONS)
        gender = Categorical(["she", "he"])
        town_d, prof_d = Categorical(towns), Categorical(professions)
        pet_d, colour_d = Categorical(cfg.words(lexicon.PETS)), Categorical(cfg.words(lexicon.COLOURS))
        names: set[str] = set()
        taken: set[tuple[str, str]] = set()
        rows = []
        while len(rows) < cfg.n_people:
            g = s.pick(gender)
            name = f"{lexicon.first_name(s, g)} {lexicon.surname(s)}"
            role = (s.pick(prof_d), s.pick(town_d))
            if name in names or role in taken:
                continue
            names.add(name)
            taken.add(role)
            rows.append((name, g, role[1], role[0], s.pick(pet_d), s.pick(colour_d)))
        # best friend: someone else, preferably from the same town
        others = Categorical(list(range(cfg.n_people)))
        people = []
        for i, (name, g, town, prof, pet, colour) in enumerate(rows):
            same_town = [j for j, r in enumerate(rows) if r[2] == town and j != i]
            if same_town:
                j = s.pick(Categorical(same_town))
            else:
                j = i
                while j == i:
                    j = s.pick(others)
            people.append(Person(name, g, town, prof, rows[j][0], pet, colour))
        self.people, self.towns = people, towns

    def value(self, person: Person, attribute: str) -> str:
        """The true value of ``attribute`` for ``person``."""
        if attribute not in ATTRIBUTES:
            raise ValueError(f"unknown attribute {attribute!r}; choose one of {ATTRIBUTES}")
        return getattr(person, attribute)

    def values(self, attribute: str) -> list[str]:
        """Every value that ``attribute`` can take in this world (for wrong answers)."""
        if attribute == "town":
            return list(self.towns)
        if attribute == "friend":
            return [p.name for p in self.people]
        table = {"profession": lexicon.PROFESSIONS, "pet": lexicon.PETS, "colour": lexicon.COLOURS}
        return self.config.words(table[attribute])
