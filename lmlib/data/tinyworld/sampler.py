"""Random choices that know their probability and what kind of decision they are.

Python's Mersenne Twister ``random()``: the same floats on every platform; importing it needs no
torch. Each pick
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

import math
import random
from bisect import bisect_right
from itertools import accumulate
from typing import Generic, Sequence, TypeVar


__all__ = ["CATEGORIES", "Categorical", "Enumerator", "Labelled", "Tally", "enumerate_derivations",
           "zipf", "PERSON", "STRUCTURE", "WORD", "KNOWLEDGE", "INFERENCE"]

T = TypeVar("T")
CATEGORIES = ("person", "structure", "word", "knowledge", "inference")
PERSON, STRUCTURE, WORD, KNOWLEDGE, INFERENCE = range(len(CATEGORIES))


class Categorical(Generic[T]):
    """A fixed distribution over ``items`` with probabilities proportional to ``weights``."""

    __slots__ = ("items", "probs", "log2p", "_cum")

    def __init__(self, items: Sequence[T], weights: Sequence[float] | None = None):
        if len(items) == 0:
            raise ValueError("a categorical distribution needs at least one item")
        weights = [1.0] * len(items) if weights is None else list(weights)
        if len(weights) != len(items) or min(weights) <= 0:
            raise ValueError("weights must be positive, one per item")
        total = math.fsum(weights)
        self.items = list(items)
        self.probs = [w / total for w in weights]
        self.log2p = [math.log2(p) for p in self.probs]
        self._cum = list(accumulate(self.probs))  # left to right, as a loop of += would
        self._cum[-1] = 1.0

    def __len__(self) -> int:
        return len(self.items)

    def index(self, u: float) -> int:
        """The index whose cumulative interval holds ``u`` in [0, 1)."""
        return bisect_right(self._cum, u)


def zipf(items: Sequence[T], s: float = 1.0) -> Categorical[T]:
    """Items weighted by 1 / rank**s (rank 1 first): the long tail of natural language."""
    return Categorical(items, [1.0 / (r + 1) ** s for r in range(len(items))])


class Sampler:
    """Draws from categoricals with a seeded stream and accumulates log2-probability."""

    def __init__(self, seed: int):
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise TypeError(f"seed must be an int, got {type(seed).__name__} {seed!r}")
        self._random = random.Random(seed).random
        self.log2p = 0.0

    def pick(self, dist: Categorical[T]) -> T:
        i = dist.index(self._random())
        self.log2p += dist.log2p[i]
        return dist.items[i]

    def reset(self) -> None:
        self.log2p = 0.0


class Enumerator(Sampler):
    """Replays a script of choice indices; records how many options each choice had."""

    def __init__(self, script: Sequence[int] = ()):
        self.script = list(script)
        self.sizes: list[int] = []
        self.log2p = 0.0

    def pick(self, dist: Categorical[T]) -> T:
        k = len(self.sizes)
        i = self.script[k] if k < len(self.script) else 0
        self.sizes.append(len(dist))
        self.log2p += dist.log2p[i]
        return dist.items[i]


def enumerate_derivations(run, limit: int | None = None):
    """Yield ``(result, log2p)`` for every derivation of ``run(sampler)``, depth first.

    ``run`` must make its choices through the sampler only. Stops after ``limit`` derivations.
    """
    script: list[int] = []
    count = 0
    while True:
        e = Enumerator(script)
        result = run(e)
        yield result, e.log2p
        count += 1
        if limit is not None and count >= limit:
            return
        script = [e.script[k] if k < len(e.script) else 0 for k in range(len(e.sizes))]
        # advance like an odometer from the last choice made
        while script and script[-1] + 1 >= e.sizes[len(script) - 1]:
            script.pop()
        if not script:
            return
        script[-1] += 1


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
