"""What a text says about the people of the world, checked against the world.

A model trained on tinyworld writes facts in the corpus's own phrasings ("Boro Paton works as a
painter.", "The best friend of Boro Paton is Lirten Clinmore."). :func:`claims` finds every
sentence of a text that states a fact about a named person in one of those phrasings (those of
:mod:`.facts`, which bios, answers and evidence use) and says whether the world agrees; so a
notebook can count how many of a sample's statements are true, and which people it invented::

    >>> found = claims("Boro Paton works as a painter. Boro Paton is 19 years old.")
    >>> [(c.attribute, c.stated, c.correct) for c in found]
    [('profession', 'painter', True), ('age', '19', False)]

Only sentences that name the person are read (a pronoun would need coreference), and only the
fact phrasings: a story's narration ("Boro mended the fence") states no checkable fact.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .facts import PHRASINGS
from .world import ATTRIBUTES, World

_NAME = r"[A-Z][a-z]+ [A-Z][a-z]+"
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss) )?"
_SLOTS = {
    "{N}": rf"{_TITLE}(?P<N>{_NAME})",
    "{v}": r"(?P<v>[A-Za-z0-9][A-Za-z0-9 '-]*?)",
    "{av}": r"an? (?P<v>[a-z][a-z '-]*?)",
    "{pn}": r"(?P<pn>[A-Z][a-z]+)",
    "{P2}": r"(?:him|her)",
}
_TITLES = {"Mr", "Mrs", "Ms", "Miss"}
_SENTENCE = re.compile(r"[^.!?]*[.!?]")


@dataclass(frozen=True)
class Claim:
    """One statement of ``text`` about a person: ``stated`` is the value as written, ``true`` the
    world's (None when no person of the world has that name: an invented person)."""

    name: str
    attribute: str
    stated: str
    true: str | None
    sentence: str

    @property
    def known(self) -> bool:
        """Whether the person named is a person of the world."""
        return self.true is not None

    @property
    def correct(self) -> bool:
        """Whether the world agrees (False for a person the world does not have)."""
        return self.true is not None and self.stated.lower() == self.true.lower()


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"(\{N\}|\{v\}|\{av\}|\{pn\}|\{P2\})", template)
    # an optional label in front ('Answer: ', 'Evidence: '), then the phrasing, the whole sentence
    return re.compile(r"(?:[A-Z][A-Za-z ]*: )?" + "".join(_SLOTS.get(p, re.escape(p)) for p in parts))


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern]]:
    """(attribute, template, regex) of every named phrasing, the most specific (most literal text) first,
    so that 'X loves the colour blue.' is a colour, not the hobby 'the colour blue'."""
    rows = [(attr, t, _pattern(t)) for attr, ts in PHRASINGS.items() for t in ts if "{N}" in t]
    return sorted(rows, key=lambda r: -len(re.sub(r"\{\w+\}", "", r[1])))


def _true_value(world: World, name: str, attribute: str, pet_name: str | None) -> str | None:
    person = world.by_name.get(name)
    if person is None:
        return None
    if attribute == "pet" and pet_name is not None:  # 'a dog called Rex': the animal and its name
        return f"{person.pet} called {person.pet_name}"
    return world.value(person, attribute)


def claims(text: str, world: World | None = None) -> list[Claim]:
    """Every statement of a fact about a named person that ``text`` makes in a fact phrasing of
    tinyworld (at most one per sentence), with the world's true value. ``world``: the default world."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    if world is None:
        from . import default_world
        world = default_world()
    found = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group().strip()
        for attribute, _, pattern in _patterns():
            hit = pattern.fullmatch(sentence)
            if hit is None:
                continue
            groups = hit.groupdict()
            pet_name = groups.get("pn")
            stated = groups.get("v") or ""
            if attribute == "pet" and pet_name is not None:
                stated = f"{stated} called {pet_name}"
            found.append(Claim(groups["N"], attribute, stated, _true_value(world, groups["N"], attribute, pet_name),
                               sentence))
            break
    return found


def invented_names(text: str, world: World | None = None) -> list[str]:
    """The 'First Surname' pairs of ``text`` that no person of the world has although one of the two
    words is a first name or a surname of the world (a person made up from parts of real ones), in
    order of appearance. Street names ('High Street') and other capitalised pairs are not counted."""
    if world is None:
        from . import default_world
        world = default_world()
    firsts, surnames = {p.first for p in world.people}, {p.surname for p in world.people}
    out = []
    for m in re.finditer(rf"\b({_NAME})\b", text):
        first, surname = m.group(1).split()
        if first in _TITLES or m.group(1) in world.by_name:
            continue
        if first in firsts or surname in surnames:
            out.append(m.group(1))
    return out


@dataclass(frozen=True)
class Reference:
    """A word of ``text`` that refers to a person of the world by gender: a pronoun ("she", "his")
    after the person was named, or the noun of "a man named Boro Paton". ``expected`` is the word
    that the person's gender calls for."""

    name: str
    word: str
    expected: str
    sentence: str

    @property
    def agrees(self) -> bool:
        return self.word.lower() == self.expected


_PRONOUNS = {"he": "subject", "she": "subject", "him": "object", "his": "possessive", "her": None}
_NOUN_NAMED = re.compile(rf"\b(?:a|the) (man|woman|boy|girl) (?:named|called) ({_NAME})\b")


def references(text: str, world: World | None = None) -> list[Reference]:
    """Every gendered reference of ``text`` to a person of the world, with the word the world expects.

    People are mentioned by full name ("Boro Paton", "Mr Boro Paton"), by title and surname ("Mr
    Paton") or by first name ("Boro"), the last two once the full name has appeared. A pronoun is
    read as referring to the person mentioned last before it; it is skipped when the sentence also
    mentions someone after it (in "He waved, while Boro packed" *he* is someone else), when the
    last mention was of a person the world does not know, or when nobody was mentioned yet. "her"
    can be an object or a possessive, so for a man either "him" or "his" is expected. This is a
    rule, not a coreference model. Where one person is spoken of (bios, news) it is nearly always
    right; stories hand the pronoun back and forth between two people, and on the corpus's own
    stories the rule agrees with the world for only about 80 % of pronouns. So compare a sample's
    rate of agreement with the corpus's rate under the same rule, and with the 50 % of a pronoun
    drawn at random, not with 100 %.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}")
    if world is None:
        from . import default_world
        world = default_world()
    found: list[Reference] = []
    by_first: dict[str, object] = {}  # first names and "Title Surname" of people named so far
    last = None  # the person mentioned last (None: nobody, or someone the world does not know)
    mention = re.compile(rf"\b(?:(?:Mr|Mrs|Ms|Miss) )?({_NAME})\b|\b((?:Mr|Mrs|Ms|Miss) [A-Z][a-z]+)\b"
                         r"|\b([A-Z][a-z]+)\b")
    for m in _SENTENCE.finditer(text):
        sentence = m.group().strip()
        for noun, name in _NOUN_NAMED.findall(sentence):
            if name in world.by_name:
                p = world.by_name[name]
                young = noun in ("boy", "girl")
                expected = ("girl" if young else "woman") if p.gender == "f" else ("boy" if young else "man")
                found.append(Reference(name, noun, expected, sentence))
        events = []  # (position, person or None or "?", pronoun or None)
        for hit in mention.finditer(sentence):
            full, titled, single = hit.groups()
            if full and full.split()[0] not in _TITLES:
                person = world.by_name.get(full)
                if person is not None:
                    by_first[person.first] = person
                    by_first[f"{person.title} {person.surname}"] = person
                events.append((hit.start(), person, None))
            elif titled or full:
                events.append((hit.start(), by_first.get(titled or full, "?"), None))
            elif single in by_first:
                events.append((hit.start(), by_first[single], None))
        for hit in re.finditer(r"\b(he|she|him|his|her)\b", sentence, flags=re.IGNORECASE):
            events.append((hit.start(), None, hit.group()))
        events.sort(key=lambda e: e[0])
        for i, (_, person, pronoun) in enumerate(events):
            if pronoun is None:
                last = person if person not in (None, "?") else None
                continue
            if last is None or any(e[2] is None for e in events[i + 1:]):
                continue
            word = pronoun.lower()
            if word == "her":
                rest = sentence[events[i][0] + 3:].lstrip()
                expected = "her" if last.gender == "f" else ("his" if rest[:1].islower() else "him")
            else:
                expected = getattr(last, _PRONOUNS[word])
            found.append(Reference(last.name, pronoun, expected, sentence))
    return found


@dataclass(frozen=True)
class Mention:
    """The first place ``start:end`` where a document writes the value of a fact (person,
    attribute) about one of its people."""

    name: str
    attribute: str
    value: str
    start: int
    end: int


_ROLES = ("person", "other", "to", "answer_person")  # the fields of a Document that name its people


def mentions(document, world: World | None = None) -> list[Mention]:
    """The facts of the world a generated document uses: for each of its people (the fields
    person, other, to, answer_person) and each attribute, the first occurrence of the value as a
    whole word (a pet as its name), in order of position.

    A rule: a value can occur in a document for another reason (an age that is also a day of the
    month, a colour of a thing), so it counts a fact as used a little more often than the
    generator did; the same rule applied to two sets of documents compares them fairly.
    """
    if world is None:
        from . import default_world
        world = default_world()
    text, found = document.text.lower(), []
    for role in _ROLES:
        person = world.by_name.get(document.fields.get(role))
        if person is None:
            continue
        for attribute in ATTRIBUTES:
            value = person.pet_name if attribute == "pet" else world.value(person, attribute)
            hit = re.search(rf"\b{re.escape(value.lower())}\b", text)
            if hit is not None:
                found.append(Mention(person.name, attribute, value, hit.start(), hit.end()))
    return sorted(set(found), key=lambda m: (m.start, m.name, m.attribute))


__all__ = ["Claim", "Mention", "Reference", "claims", "invented_names", "mentions", "references"]
