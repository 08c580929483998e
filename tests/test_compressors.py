"""General-purpose compressors as baselines: plain sizes, sizes given a context, and their limits."""

import bz2
import random

import pytest

from lmlib.compressors import COMPRESSORS, compressed_bytes
from lmlib.data import tinyworld


def test_plain_sizes_are_the_compressors_own():
    text = tinyworld.corpus(tinyworld.generate(50, seed=3))
    sizes = compressed_bytes(text)
    assert list(sizes) == ["gzip -9", "bz2 -9", "xz -9e"]
    assert sizes["bz2 -9"] == len(bz2.compress(text.encode(), 9))
    assert all(0 < s < len(text) for s in sizes.values())


def test_context_from_the_same_source_helps_and_unrelated_context_does_not():
    train = tinyworld.corpus(tinyworld.generate(300, seed=1))
    test = tinyworld.corpus(tinyworld.generate(8, seed=2))  # shorter than gzip's 32 KiB window
    assert len(test) < 32 * 1024
    alone, given = compressed_bytes(test), compressed_bytes(test, context=train)
    rng = random.Random(0)
    noise = "".join(rng.choice("qzxjkvw ") for _ in range(len(train)))
    given_noise = compressed_bytes(test, context=noise)
    for name in alone:
        assert given[name] < 0.8 * alone[name], name  # the same language: much cheaper
        assert given_noise[name] > 0.9 * alone[name], name  # random letters teach nothing
    ctx = train.encode()
    xz = next(c for c in COMPRESSORS if c.name == "xz -9e")
    assert given["xz -9e"] == len(xz.compress(ctx + test.encode())) - len(xz.compress(ctx))


def test_windows_and_errors():
    assert [c.window for c in COMPRESSORS] == [32 * 1024, 900_000, 64 * 1024 * 1024]
    with pytest.raises(TypeError, match="text must be str or bytes, got list"):
        compressed_bytes(["a"])
    with pytest.raises(TypeError, match="context must be str or bytes, got int"):
        compressed_bytes("a", context=3)
