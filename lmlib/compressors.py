"""General-purpose compressors as baselines for a language model's code length, plain and with context.

A model trained on text has read that text; a compressor that sees only the test text has not. The
fair comparison gives the compressor the training text too: the cost of the test text *given* a
context is what it adds to the compressed context,

    bytes(test | context) = len(compress(context + test)) - len(compress(context))

Each compressor can use only so much context: gzip's DEFLATE looks back 32 KiB, bz2 sorts blocks of
900 kB independently (so a context longer than that mostly falls out), xz (LZMA2) at ``-9e`` keeps a
64 MiB dictionary. ``window`` says so for each, so a caller can report how much context was usable.
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Compressor:
    """A byte compressor with its name and how far back it can look, in bytes."""

    name: str
    compress: Callable[[bytes], bytes]
    window: int


COMPRESSORS: tuple[Compressor, ...] = (
    Compressor("gzip -9", lambda b: zlib.compress(b, 9), 32 * 1024),
    Compressor("bz2 -9", lambda b: bz2.compress(b, 9), 900_000),
    Compressor("xz -9e", lambda b: lzma.compress(b, preset=9 | lzma.PRESET_EXTREME), 64 * 1024 * 1024),
)


def _bytes(text: str | bytes, name: str) -> bytes:
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, bytes):
        return text
    raise TypeError(f"{name} must be str or bytes, got {type(text).__name__}")


def compressed_bytes(text: str | bytes, context: str | bytes | None = None,
                     compressors: tuple[Compressor, ...] = COMPRESSORS) -> dict[str, int]:
    """Bytes each compressor needs for ``text``, alone or given ``context`` (see the module docstring).

    Text is encoded as UTF-8. With a context, the result is the difference of two compressed sizes,
    so it can be a few bytes off what a coder that really conditioned on the context would need.
    """
    data = _bytes(text, "text")
    if context is None:
        return {c.name: len(c.compress(data)) for c in compressors}
    ctx = _bytes(context, "context")
    return {c.name: len(c.compress(ctx + data)) - len(c.compress(ctx)) for c in compressors}


__all__ = ["COMPRESSORS", "Compressor", "compressed_bytes"]
