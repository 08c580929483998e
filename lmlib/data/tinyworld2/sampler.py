"""Random choices that know their probability and what kind of decision they are.

tinyworld 2 reuses tinyworld's :class:`~lmlib.data.tinyworld.sampler.Sampler` (Python's Mersenne
Twister ``random()``, the same floats on every platform) and its :class:`Categorical`. Each pick
here also names a *category* of decision, so that a document can say where its bits went::

    person     which people of the world a document is about
    structure  kind, genre, template, sentence order, optional sentences, name or pronoun
    word       lexical choices: which adjective, object, place, synonym
    knowledge  which fact about a person is stated or asked
    inference  choices whose odds depend on something said earlier: who acts next (coreference),
               an outcome given its causes, an action given a person's trade, a label given cues

Because the grammar is unambiguous, the per-category bits sum to ``-log2 p`` of the text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TypeVar

from ..tinyworld.sampler import Categorical, Enumerator, Sampler, enumerate_derivations, zipf

__all__ = ["CATEGORIES", "Categorical", "Enumerator", "Labelled", "Tally", "enumerate_derivations",
           "zipf", "PERSON", "STRUCTURE", "WORD", "KNOWLEDGE", "INFERENCE"]

T = TypeVar("T")
CATEGORIES = ("person", "structure", "word", "knowledge", "inference")
PERSON, STRUCTURE, WORD, KNOWLEDGE, INFERENCE = range(len(CATEGORIES))


class Tally(Sampler):
    """A seeded :class:`Sampler` whose ``pick(dist, category)`` also adds the bits to ``bits[category]``."""

    def __init__(self, seed: int):
        super().__init__(seed)
        self.bits = [0.0] * len(CATEGORIES)

    def pick(self, dist: Categorical[T], category: int = STRUCTURE) -> T:  # type: ignore[override]
        i = bisect_right(dist._cum, self._random())  # == dist.index(u), inlined: this is the hot path
        lp = dist.log2p[i]
        self.log2p += lp
        self.bits[category] -= lp
        return dist.items[i]

    def reset(self) -> None:
        self.log2p = 0.0
        self.bits = [0.0] * len(CATEGORIES)


class Labelled:
    """Gives any tinyworld sampler (e.g. the :class:`Enumerator`) the ``pick(dist, category)`` of :class:`Tally`."""

    def __init__(self, base: Sampler):
        self.base = base
        self.bits = [0.0] * len(CATEGORIES)

    @property
    def log2p(self) -> float:
        return self.base.log2p

    def pick(self, dist: Categorical[T], category: int = STRUCTURE) -> T:
        before = self.base.log2p
        item = self.base.pick(dist)
        self.bits[category] += before - self.base.log2p
        return item

    def reset(self) -> None:
        self.base.reset()
        self.bits = [0.0] * len(CATEGORIES)
