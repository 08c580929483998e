"""Throughput of the from-scratch WordPiece and BPE encoders against HF ``tokenizers``, same text, same
vocabulary, side by side. Not a test: run ``python bench/tokenize_throughput.py [--repeat N]``.

The text is the pydocs validation split, one paragraph per call; each rate is the best of
``--repeat`` passes (default 3). The from-scratch encoders are timed with their word cache (words
repeat, so most are looked up) and without it (the algorithm itself); HF is timed one paragraph at
a time (``encode``, one thread) and as one batch (``encode_batch``, all cores). The last column is
each rate divided by that of HF ``encode``.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from tokenizers import Tokenizer

from lmlib.data import pydocs
from lmlib.tokenize import BPE, hf


class _NoCache(dict):
    """A word cache that never keeps anything: times the algorithm itself."""

    def __setitem__(self, key, value) -> None:
        pass


def throughput(encode: Callable[[str], list[int]], texts: list[str], repeat: int) -> tuple[int, float]:
    """(tokens in one pass over ``texts``, tokens per second in the fastest of ``repeat`` passes)."""
    best, n_tokens = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        n_tokens = sum(len(encode(t)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return n_tokens, n_tokens / best


def hf_encoders(tok: Tokenizer) -> tuple[Callable[[str], list[int]], Callable[[list[str]], list[int]]]:
    """HF's encoder for one text, and for a batch (all token ids of the batch, concatenated)."""

    def one(text: str) -> list[int]:
        return tok.encode(text, add_special_tokens=False).ids

    def batch(texts: list[str]) -> list[int]:
        return [i for e in tok.encode_batch(texts, add_special_tokens=False) for i in e.ids]

    return one, batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--wordpiece-vocab", type=int, default=8000)
    parser.add_argument("--bpe-vocab", type=int, default=4000)
    args = parser.parse_args()

    train, texts = pydocs.load("train"), pydocs.load("validation")
    n_chars = sum(map(len, texts))
    print(
        f"pydocs validation: {len(texts)} paragraphs, {n_chars / 1e3:.0f} k characters, {os.cpu_count()} CPUs"
    )

    hf_wp = hf.train_wordpiece(train, args.wordpiece_vocab)
    ours_wp = hf.wordpiece_from_hf(hf_wp)
    ours_bpe = BPE().train(train, args.bpe_vocab)
    hf_bpe = hf.bpe_to_hf(ours_bpe)
    rows = []
    for name, ours, theirs in [
        (f"WordPiece ({args.wordpiece_vocab})", ours_wp, hf_wp),
        (f"BPE ({args.bpe_vocab})", ours_bpe, hf_bpe),
    ]:
        results = {"lmlib, word cache": throughput(ours.encode, texts, args.repeat)}
        ours._cache = _NoCache()
        results["lmlib, no cache"] = throughput(ours.encode, texts, args.repeat)
        one, batch = hf_encoders(theirs)
        results["HF encode (1 thread)"] = throughput(one, texts, args.repeat)
        results["HF encode_batch"] = throughput(batch, [texts], args.repeat)
        counts = {n for n, _ in results.values()}
        assert len(counts) == 1, f"the encoders disagree ({counts}): run tests/test_tokenize.py"
        reference = results["HF encode (1 thread)"][1]
        rows += [(name, encoder, r, r / reference) for encoder, (_, r) in results.items()]
    print(f"\n{'tokenizer':<18} {'encoder':<22} {'tokens/s':>12} {'vs HF encode':>13}")
    for name, encoder, rate, ratio in rows:
        print(f"{name:<18} {encoder:<22} {rate:>12,.0f} {ratio:>12.2f}x")


if __name__ == "__main__":
    main()
