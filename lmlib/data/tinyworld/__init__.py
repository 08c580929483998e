"""tinyworld: the book's embedded corpus, a procedural language about a fixed world.

Every document (a story, a few facts, a question with its answer, a labelled story, a preference
pair) is consistent with one seeded world of people and towns, and comes with the exact
log-probability of its text, so the entropy of the source is known::

    >>> from lmlib.data import tinyworld
    >>> docs = tinyworld.generate(1000, seed=0)
    >>> tinyworld.entropy_bits_per_char(docs)      # the bound no model can beat

The corpus is documents joined by newlines (``corpus``); bits per character count that newline.
"""

from __future__ import annotations

import functools

from .documents import KINDS, Document, Generator, preference_score
from .sampler import Sampler, enumerate_derivations
from .world import ATTRIBUTES, Person, World, WorldConfig

__all__ = [
    "ATTRIBUTES", "KINDS", "Document", "Person", "World", "WorldConfig", "capacity", "corpus",
    "default_world", "entropy_bits_per_char", "generate", "preference_score", "texts",
]


@functools.lru_cache(maxsize=8)
def _generator(config: WorldConfig) -> Generator:
    return Generator(World(config))


def default_world() -> World:
    """The book's world (``WorldConfig()``), built once."""
    return _generator(WorldConfig()).world


def _check(n: int, seed: int, kind: str | None) -> None:
    for name, value in (("n", n), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; choose one of {KINDS} or None for all")


def capacity(kind: str | None = None, config: WorldConfig = WorldConfig(), limit: int = 10**6) -> int:
    """How many distinct documents (of ``kind``) the world can make, counted up to ``limit``."""
    _check(0, 0, kind)
    gen = _generator(config)
    return sum(1 for _ in enumerate_derivations(lambda s: gen.document(s, kind), limit=limit))


def generate(n: int, seed: int = 0, kind: str | None = None, config: WorldConfig = WorldConfig(),
             distinct: bool = False) -> list[Document]:
    """``n`` documents drawn from the source, deterministic given ``seed`` and ``config``.

    With ``kind`` the documents are of that kind only and ``log2p`` is conditional on the kind.
    With ``distinct=True`` repeated texts are skipped; asking for more distinct documents than the
    world can make raises a ValueError.
    """
    _check(n, seed, kind)
    gen = _generator(config)
    s = Sampler(seed)
    if not distinct:
        return [gen.document(s, kind) for _ in range(n)]
    available = capacity(kind, config, limit=n)
    if available < n:
        raise ValueError(
            f"asked for {n} distinct {kind or 'any'} documents, but this world can make only "
            f"{available}; ask for fewer, allow repeats (distinct=False), or enlarge the world "
            f"(WorldConfig(n_people=...))"
        )
    seen, docs = set(), []
    while len(docs) < n:
        doc = gen.document(s, kind)
        if doc.text not in seen:
            seen.add(doc.text)
            docs.append(doc)
    return docs


def texts(n: int, seed: int = 0, kind: str | None = None, config: WorldConfig = WorldConfig()) -> list[str]:
    """The texts of ``generate(n, seed, kind, config)``."""
    return [d.text for d in generate(n, seed, kind, config)]


def corpus(docs: list[Document]) -> str:
    """Documents as one text, each followed by a newline."""
    return "".join(d.text + "\n" for d in docs)


def entropy_bits_per_char(docs: list[Document]) -> float:
    """Source entropy estimate: total -log2 p over total characters (newlines included)."""
    chars = sum(len(d.text) + 1 for d in docs)
    return -sum(d.log2p for d in docs) / chars
