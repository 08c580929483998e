"""Random choices that know their own probability.

Every random decision of the tinyworld generator goes through a :class:`Sampler`, which draws from
a fixed categorical distribution and adds the log-probability of the outcome to a running total.
Because every choice leaves a distinct mark in the text (the grammar is unambiguous), the total is
the exact log-probability of the document, and the source entropy is known.

The random stream is Python's Mersenne Twister (``random.Random(seed).random()``), whose float
output for an integer seed is the same on every platform and Python version; we never use the
helpers (``choice``, ``randrange``) whose algorithms have changed between versions.

An :class:`Enumerator` replays a script of choice indices instead of drawing, so that every
derivation of a small world can be listed and its probabilities summed (the tests do this).
"""

from __future__ import annotations

import bisect
import math
import random
from typing import Generic, Sequence, TypeVar

T = TypeVar("T")


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
        cum, acc = [], 0.0
        for p in self.probs:
            acc += p
            cum.append(acc)
        cum[-1] = 1.0
        self._cum = cum

    def __len__(self) -> int:
        return len(self.items)

    def index(self, u: float) -> int:
        """The index whose cumulative interval holds ``u`` in [0, 1)."""
        return bisect.bisect_right(self._cum, u)


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
