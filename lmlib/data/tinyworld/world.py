"""The fixed world that every tinyworld 2 document talks about.

A world is a set of people and towns built once from ``WorldConfig.seed``. Each person has a
first name and a surname (made of syllables that say nothing about gender), a gender (drawn
independently of the name), a title, an age, a home town, a trade, a best friend, a pet with a
name, a hobby, a character trait and a favourite colour. Documents then state, ask and use these
facts, so knowledge read in one document answers a question in another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon
from .sampler import Categorical, Sampler

ATTRIBUTES = ("town", "profession", "friend", "pet", "hobby", "trait", "colour", "age")

_ONSETS = "b br d dr f g gr h k l m n p r s st t th v w z c cl j sh pr tr".split()
_NUCLEI = "a e i o u a e i o ai ea ou".split()
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "th", "nd", "rt", "ck", "x"]
_FIRST_ENDS = "a o y en el is an ie on ar".split()
_SURNAME_ENDS = "son er well ford ley by wick sen holt wood ton ham more".split()
_TOWN_ENDS = "mere fold haven dale bury moor stead brook vale combe wick ford".split()
_PET_ENDS = "y kin o ie s ble".split()


@dataclass(frozen=True)
class WorldConfig:
    """Sizes of the world. ``lexicon_size`` truncates every word list, ``max_episodes`` and
    ``max_facts`` bound stories and biographies (for tiny test worlds whose every derivation can be
    enumerated)."""

    seed: int = 2024
    n_people: int = 1000
    n_towns: int = 40
    lexicon_size: int | None = None
    max_episodes: int = 12
    max_facts: int = 6  # facts in a biography (a fact sheet has one more)
    zipf_s: float = 1.0  # exponent of the Zipf weights for people and the older word lists
    word_zipf_s: float = 0.5  # exponent of the Zipf weights of the story grammar's word lists

    def __post_init__(self) -> None:
        for name in ("seed", "n_people", "n_towns", "max_episodes", "max_facts"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"WorldConfig.{name} must be an int, got {value!r}")
        if self.lexicon_size is not None and (isinstance(self.lexicon_size, bool) or not
                                              isinstance(self.lexicon_size, int) or self.lexicon_size < 1):
            raise ValueError(f"lexicon_size must be a positive int or None, got {self.lexicon_size!r}")
        if self.n_people < 3 or self.n_towns < 1:
            raise ValueError("a world needs at least 3 people and 1 town")
        if self.n_people > 50 * self.n_towns:
            raise ValueError(f"n_people={self.n_people} is more than 50 per town; raise n_towns or lower n_people")
        if not 1 <= self.max_episodes <= 12:
            raise ValueError(f"max_episodes must be in 1..12, got {self.max_episodes}")
        if not 1 <= self.max_facts <= 6:
            raise ValueError(f"max_facts must be in 1..6, got {self.max_facts}")
        for name in ("zipf_s", "word_zipf_s"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"{name} must be a number >= 0, got {value!r}")

    def words(self, items):
        return list(items[: self.lexicon_size]) if self.lexicon_size else list(items)


@dataclass(frozen=True)
class Person:
    first: str
    surname: str
    gender: str  # "f" or "m"
    title: str  # "Mr", or one of "Mrs", "Ms", "Miss"
    age: int
    town: str
    profession: str
    friend: str  # full name of the best friend
    pet: str
    pet_name: str
    hobby: str
    trait: str
    colour: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"

    @property
    def subject(self) -> str:
        return "she" if self.gender == "f" else "he"

    @property
    def object(self) -> str:
        return "her" if self.gender == "f" else "him"

    @property
    def possessive(self) -> str:
        return "her" if self.gender == "f" else "his"

    @property
    def noun(self) -> str:
        """'woman' or 'man' (or 'girl', 'boy' under 18)."""
        if self.age < 18:
            return "girl" if self.gender == "f" else "boy"
        return "woman" if self.gender == "f" else "man"


def _syllables(s: Sampler, n: int) -> str:
    o, v, c = Categorical(_ONSETS), Categorical(_NUCLEI), Categorical(_CODAS)
    return "".join(s.pick(o) + s.pick(v) + s.pick(c) for _ in range(n))


def _name(s: Sampler, ends: list[str], lengths=(1, 2), weights=(0.6, 0.4)) -> str:
    stem = _syllables(s, s.pick(Categorical(list(lengths), list(weights))))
    return (stem + s.pick(Categorical(ends))).capitalize()


@dataclass
class World:
    config: WorldConfig
    people: list[Person] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.people:
            self._build()
        self.by_name = {p.name: p for p in self.people}
        self.names = {w for p in self.people for w in (p.first, p.surname, p.pet_name)} | set(self.towns)

    def _build(self) -> None:
        cfg = self.config
        s = Sampler(cfg.seed)
        towns: list[str] = []
        while len(towns) < cfg.n_towns:
            t = _name(s, _TOWN_ENDS, weights=(0.5, 0.5))
            if t not in towns:
                towns.append(t)
        pick = {k: Categorical(cfg.words(v)) for k, v in dict(
            profession=list(lexicon.PROFESSIONS), pet=lexicon.PETS, trait=lexicon.TRAITS,
            colour=lexicon.COLOURS, hobby=[h[0] for h in lexicon.HOBBIES]).items()}
        gender, town = Categorical(["f", "m"]), Categorical(towns)
        woman_title = Categorical(["Mrs", "Ms", "Miss"], [0.5, 0.3, 0.2])
        age = Categorical(list(range(12, 90)))
        rows: list[dict] = []
        names: set[str] = set()
        while len(rows) < cfg.n_people:
            first, surname = _name(s, _FIRST_ENDS, weights=(0.8, 0.2)), _name(s, _SURNAME_ENDS, weights=(0.7, 0.3))
            g = s.pick(gender)
            row = dict(first=first, surname=surname, gender=g, title="Mr" if g == "m" else s.pick(woman_title),
                       age=s.pick(age), town=s.pick(town), pet_name=_name(s, _PET_ENDS, weights=(0.8, 0.2)),
                       **{k: s.pick(d) for k, d in pick.items()})
            if f"{first} {surname}" in names or first == surname:
                continue
            names.add(f"{first} {surname}")
            rows.append(row)
        # a best friend: someone else whose first name and surname both differ (so that a first
        # name in a story names one person), preferably from the same town
        people = []
        by_town: dict[str, list[int]] = {}
        for j, q in enumerate(rows):
            by_town.setdefault(q["town"], []).append(j)
        for i, r in enumerate(rows):
            fits = lambda j: j != i and rows[j]["first"] != r["first"] and rows[j]["surname"] != r["surname"]  # noqa: E731
            local = [j for j in by_town[r["town"]] if fits(j)]
            j = s.pick(Categorical(local or [j for j in range(len(rows)) if fits(j)]))
            people.append(Person(friend=f"{rows[j]['first']} {rows[j]['surname']}", **r))
        self.people, self.towns = people, towns

    def value(self, person: Person, attribute: str) -> str:
        """The true value of ``attribute`` for ``person``, as text."""
        if attribute not in ATTRIBUTES:
            raise ValueError(f"unknown attribute {attribute!r}; choose one of {ATTRIBUTES}")
        return str(getattr(person, attribute))

    def friend_of(self, person: Person) -> Person:
        return self.by_name[person.friend]
