"""tinyworld 2: the book's embedded corpus, a probabilistic English grammar about a fixed world.

Stories, letters and news reports about people of one seeded world; biographies and fact sheets
that state their facts; questions (single- and multi-hop) that need those facts; retrieval pairs;
preference pairs judged by a stated rule; and a labelled task with a known Bayes accuracy. Every
document comes with the exact log-probability of its text and the bits each kind of decision cost::

    >>> from lmlib.data import tinyworld
    >>> docs = tinyworld.generate(1000, seed=0)
    >>> tinyworld.entropy_bits_per_char(docs)      # the bound no model can beat
    >>> tinyworld.bits_by_category(docs)           # where those bits go

The corpus is documents joined by newlines (``corpus``); paragraphs inside a document are joined by
`` ¶ ``; bits per character count the newline.
"""

from __future__ import annotations

import functools

from .documents import GENRES, KINDS, Document, Generator
from .questions import preference_score
from .sampler import CATEGORIES, Labelled, Tally, enumerate_derivations
from .stories import PARAGRAPH
from .world import ATTRIBUTES, Person, World, WorldConfig

__all__ = [
    "ATTRIBUTES", "CATEGORIES", "GENRES", "KINDS", "PARAGRAPH", "Document", "Person", "World", "WorldConfig",
    "bits_by_category", "capacity", "corpus", "default_world", "entropy_bits_per_char", "enumerate_derivations",
    "default_vocab", "generate", "preference_score", "texts",
]


@functools.lru_cache(maxsize=8)
def _generator(config: WorldConfig) -> Generator:
    return Generator(World(config))


def default_world() -> World:
    """The book's world (``WorldConfig()``), built once."""
    return _generator(WorldConfig()).world


def default_vocab():
    """The grammar's word lists and odds for the book's world (e.g. ``success``: P(the thing is
    found or mended) for each manner of working; ``manner_of``: how a helper of each character works)."""
    return _generator(WorldConfig()).vocab


def _check(n: int, seed: int, kind: str | None, config: WorldConfig = WorldConfig()) -> None:
    for name, value in (("n", n), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; choose one of {KINDS} or None for all")
    if not isinstance(config, WorldConfig):
        raise TypeError(f"config must be a WorldConfig, got {type(config).__name__}")


def derivations(kind: str | None = None, config: WorldConfig = WorldConfig(), limit: int | None = None):
    """Every ``(document, log2p)`` the world can make (of ``kind``), depth first, up to ``limit``."""
    _check(0, 0, kind, config)
    gen = _generator(config)
    return enumerate_derivations(lambda e: gen.document(Labelled(e), kind), limit=limit)


def capacity(kind: str | None = None, config: WorldConfig = WorldConfig(), limit: int = 10**6) -> int:
    """How many distinct documents (of ``kind``) the world can make, counted up to ``limit``."""
    return sum(1 for _ in derivations(kind, config, limit))


def generate(n: int, seed: int = 0, kind: str | None = None, config: WorldConfig = WorldConfig(),
             distinct: bool = False) -> list[Document]:
    """``n`` documents drawn from the source, deterministic given ``seed`` and ``config``.

    With ``kind`` the documents are of that kind only and ``log2p`` is conditional on the kind.
    With ``distinct=True`` repeated texts are skipped; asking for more distinct documents than the
    world can make raises a ValueError.
    """
    _check(n, seed, kind, config)
    gen = _generator(config)
    s = Tally(seed)
    if not distinct:
        return [gen.document(s, kind) for _ in range(n)]
    available = capacity(kind, config, limit=n)
    if available < n:
        raise ValueError(
            f"asked for {n} distinct {kind or 'any'} documents, but this world can make only "
            f"{available}; ask for fewer, allow repeats (distinct=False), or enlarge the world "
            f"(WorldConfig(n_people=..., lexicon_size=...))")
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


def bits_by_category(docs: list[Document]) -> dict[str, float]:
    """The share of the documents' bits that each category of decision cost (sums to 1)."""
    total = {c: sum(d.bits[c] for d in docs) for c in CATEGORIES}
    all_bits = sum(total.values())
    return {c: b / all_bits for c, b in total.items()}
