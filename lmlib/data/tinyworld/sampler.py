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

# One implementation serves both tinyworlds: tinyworld 2's module holds these classes (and adds the
# per-category tallies on top), so that importing it needs no torch.
from lmlib.data.tinyworld2.sampler import Categorical, Enumerator, Sampler, enumerate_derivations, zipf

__all__ = ["Categorical", "Enumerator", "Sampler", "enumerate_derivations", "zipf"]
