"""sources: the one call a notebook's ``data=`` knob goes through, tinyworld or a real dataset.

    >>> from lmlib.data.sources import documents
    >>> train = documents("tinyworld", "train", 1000)     # generated here, no network
    >>> train = documents("tinystories", "train", 1000)   # from the Hugging Face Hub (online)

Both give a list of :class:`~lmlib.data.tinyworld.Document`. tinyworld's splits are fixed seeds of
the generator (the book's training text is ``seed=1``, its validation text ``seed=2``), so every
notebook sees the same corpus; a real dataset's splits are its own, its first ``n`` rows are taken,
and its documents have no known probability (``log2p`` is NaN): what the book compares with the
source entropy has no counterpart there.
"""

from __future__ import annotations

import math

from lmlib._checks import positive_int

from . import hub, tinyworld
from .tinyworld import Document

TINYWORLD = "tinyworld"
# The generator's seed for each split of tinyworld, as the notebooks use them.
SPLIT_SEEDS = {"train": 1, "validation": 2, "test": 3}


def names() -> list[str]:
    """Every source `documents` accepts: tinyworld first, then the datasets of `lmlib.data.hub`."""
    return [TINYWORLD] + sorted(hub.DATASETS)


def documents(source: str, split: str, n: int) -> list[Document]:
    """The first `n` documents of `split` ("train", "validation", ...) of `source` (see `names`)."""
    positive_int("n", n)
    if source == TINYWORLD:
        if split not in SPLIT_SEEDS:
            raise ValueError(f"tinyworld has no split {split!r}; choose one of {list(SPLIT_SEEDS)}")
        return tinyworld.generate(n, seed=SPLIT_SEEDS[split])
    if source not in hub.DATASETS:
        raise ValueError(f"unknown data source {source!r}; choose one of {names()}")
    return hub.load(source, split, n=n)


def has_entropy(docs: list[Document]) -> bool:
    """Whether the documents come with their exact probability (tinyworld's do, real text's not)."""
    return bool(docs) and all(math.isfinite(d.log2p) for d in docs)
