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
from .world import World

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


__all__ = ["Claim", "claims", "invented_names"]
