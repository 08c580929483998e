"""Byte-pair encoding from scratch (Sennrich, Haddow & Birch 2016), byte-level as in GPT-2
(Radford et al. 2019) and karpathy/minbpe.

The alphabet is the 256 byte values, so every string can be encoded and ``decode(encode(s)) == s``
exactly. Text is first cut into chunks with GPT-2's pattern (a word with its leading space, a run of
digits, a run of punctuation, whitespace), and merges never cross a chunk boundary. Training
repeatedly merges the most frequent adjacent pair of tokens into a new token; ties go to the pair
with the smaller ids, so training is deterministic. Encoding applies the learnt merges in the order
they were learnt (lowest rank first), the same rule as HF ``tokenizers``' BPE model.
"""

from __future__ import annotations

import functools
import heapq
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable

# GPT-2's pattern is  's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
# Python's re has no \p{...}, so the classes are spelled out from unicodedata (built once, lazily).
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # White_Space


def _class(category: str) -> str:
    """A regex character class body with every code point whose Unicode category starts with ``category``."""
    ranges: list[list[int]] = []
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp)).startswith(category):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


@functools.cache
def gpt2_pattern() -> re.Pattern:
    """GPT-2's pre-tokenisation pattern, compiled for Python's ``re``."""
    L, N, S = _class("L"), _class("N"), _SPACE
    return re.compile(rf"'s|'t|'re|'ve|'m|'ll|'d| ?[{L}]+| ?[{N}]+| ?[^{S}{L}{N}]+|[{S}]+(?![^{S}])|[{S}]+")


class BPE:
    """A byte-level BPE tokenizer: ``train``, ``encode``, ``decode``.

    ``merges`` maps a pair of token ids to the id of the merged token; ids 0-255 are the bytes and
    merge ``k`` (counting from 0) creates id ``256 + k``.
    """

    def __init__(self, merges: dict[tuple[int, int], int] | None = None) -> None:
        self.merges: dict[tuple[int, int], int] = {}
        self.vocab: dict[int, bytes] = {i: bytes([i]) for i in range(256)}
        self._cache: dict[str, list[int]] = {}
        if merges is not None:
            self._set_merges(merges)

    def _set_merges(self, merges: dict[tuple[int, int], int]) -> None:
        self.merges = dict(merges)
        self.vocab = {i: bytes([i]) for i in range(256)}
        for (a, b), new in sorted(self.merges.items(), key=lambda kv: kv[1]):
            if new != len(self.vocab) or a not in self.vocab or b not in self.vocab:
                raise ValueError(
                    f"merge {(a, b)} -> {new} is out of order: merge k must create id 256 + k from known ids"
                )
            self.vocab[new] = self.vocab[a] + self.vocab[b]
        self._cache = {}

    def __len__(self) -> int:
        return len(self.vocab)

    def _check_trained(self) -> None:
        if not self.merges:
            raise RuntimeError("this BPE has no merges: call train(texts, vocab_size) or pass merges=")

    def chunks(self, text: str) -> list[str]:
        """Cut text into GPT-2's pre-tokenisation chunks; their concatenation is ``text``."""
        return gpt2_pattern().findall(text)

    def _encode_chunk(self, chunk: str) -> list[int]:
        ids = list(chunk.encode("utf-8", errors="surrogatepass"))
        while len(ids) >= 2:
            # the pair that was learnt first (lowest rank) among the adjacent pairs
            pair = min(zip(ids, ids[1:]), key=lambda p: self.merges.get(p, sys.maxsize))
            if pair not in self.merges:
                break
            ids = _merge(ids, pair, self.merges[pair])
        return ids

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text``."""
        self._check_trained()
        ids: list[int] = []
        for chunk in self.chunks(text):
            cached = self._cache.get(chunk)
            if cached is None:
                cached = self._encode_chunk(chunk)
                if len(self._cache) < 200_000:
                    self._cache[chunk] = cached
            ids.extend(cached)
        return ids

    def tokens(self, text: str) -> list[bytes]:
        """The tokens of ``text`` as byte strings."""
        return [self.vocab[i] for i in self.encode(text)]

    def decode(self, ids: Iterable[int]) -> str:
        """The text of ``ids``; bytes that are not valid UTF-8 (a cut sequence) become U+FFFD."""
        data = b"".join(self.vocab[i] for i in ids)
        try:
            return data.decode("utf-8", errors="surrogatepass")  # exact, lone surrogates included
        except UnicodeDecodeError:
            return data.decode("utf-8", errors="replace")

    def train(self, texts: Iterable[str], vocab_size: int, verbose: bool = False) -> BPE:
        """Learn ``vocab_size - 256`` merges from ``texts`` (fewer if the text runs out of pairs)."""
        if vocab_size < 256:
            raise ValueError(
                f"vocab_size={vocab_size} is smaller than the 256 byte values; use vocab_size >= 256"
            )
        counts = Counter()
        for text in texts:
            counts.update(self.chunks(text))
        words = [list(w.encode("utf-8", errors="surrogatepass")) for w in counts]
        freq = list(counts.values())
        merges: dict[tuple[int, int], int] = {}
        for a, b in _most_frequent_pairs(words, freq, vocab_size - 256):
            merges[(a, b)] = 256 + len(merges)
            if verbose:
                print(f"merge {len(merges)}: {(a, b)} -> {256 + len(merges) - 1}")
        self._set_merges(merges)
        return self


def _merge(ids: list[int], pair: tuple[int, int], new: int) -> list[int]:
    """Replace every occurrence of ``pair`` in ``ids``, left to right, by ``new``."""
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def _most_frequent_pairs(words: list[list[int]], freq: list[int], n_merges: int) -> Iterable[tuple[int, int]]:
    """Yield up to ``n_merges`` pairs, each the most frequent one after the previous merges.

    The pair counts are updated incrementally: a merge touches only the words that contain the
    pair. Counts only fall, except those of pairs with the new token, which are pushed onto the
    heap; an entry whose count has fallen is pushed back with its current count when popped.
    """
    pair_count: Counter = Counter()
    where: dict[tuple[int, int], set[int]] = {}

    def add(i: int, sign: int) -> None:
        w, f = words[i], freq[i] * sign
        for pair in zip(w, w[1:]):
            pair_count[pair] += f
            if sign > 0:
                where.setdefault(pair, set()).add(i)

    for i in range(len(words)):
        add(i, +1)
    heap = [(-c, p) for p, c in pair_count.items()]
    heapq.heapify(heap)
    new = 256
    while new - 256 < n_merges and heap:
        neg, pair = heapq.heappop(heap)
        if pair_count[pair] != -neg:
            if pair_count[pair] > 0:
                heapq.heappush(heap, (-pair_count[pair], pair))
            continue
        changed = set()
        for i in where.pop(pair):
            w = words[i]
            if not any(p == pair for p in zip(w, w[1:])):
                continue
            add(i, -1)
            words[i] = _merge(w, pair, new)
            add(i, +1)
            changed.update(p for p in zip(words[i], words[i][1:]) if new in p)
        for p in changed:
            heapq.heappush(heap, (-pair_count[p], p))
        yield pair
        new += 1
