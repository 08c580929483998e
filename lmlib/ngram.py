"""Character n-gram language models: the count-based baselines.

An order-``n`` model predicts the next character from the ``n - 1`` before it, by counting.
Counts alone give zero probability to anything unseen, so we smooth them with interpolated
Kneser-Ney (Kneser and Ney, 1995; Chen and Goodman, 1999), the strongest classic count-based
method: each order keeps a discounted share of its counts and hands the rest to the order below,
whose counts are *continuation* counts (in how many distinct contexts a string was seen).

How the counts are stored, so that order 20 fits on tens of millions of characters: the text
becomes an array of character codes (0 .. V-1, in sorted character order), and every distinct
substring of length ``L`` gets an id, its rank among the distinct substrings of that length. The
string ``s + c`` (one character longer than ``s``) has the integer key ``id(s) * V + code(c)``;
sorting the keys of length ``L + 1`` with ``np.unique`` gives the ids of that length, in the
same lexicographic order. Counts, continuation counts, and per context their total and number of
distinct next characters are then plain arrays indexed by id, and a string of new text is looked
up one character at a time with ``np.searchsorted``. The probabilities are those of the formula
below to the last bit; ``CharNGram.levels`` still shows each order as dictionaries of strings
(built on demand, for small models and for reading).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping

import numpy as np

from lmlib._checks import positive_int

_CACHE_CHARS = 1_100_000  # what scoring one text up to this long computes is kept for the next order
_CHUNK = 1_000_000  # longer texts are scored this many characters at a time
_CONTEXT = 1024  # each piece of a scored text starts this many characters (or order - 1) before its first


class CharNGram:
    """Interpolated Kneser-Ney character model of a given ``order`` (1 = unigram).

    ``prob(history, char)`` is, with ``d = discount`` and ``p`` starting uniform over the alphabet
    and one unseen character, for ``k = 0, 1, ..., order - 1`` while the last ``k`` characters of
    ``history`` (the context) exist and were seen before some character::

        p = max(c(context + char) - d, 0) / total(context) + d * types(context) / total(context) * p

    where, at the top order ``k = order - 1``, ``c`` counts occurrences in the training text, and
    below it ``c(s)`` is the number of distinct characters seen just before ``s`` (its continuation
    count); ``total`` sums ``c`` over the next characters and ``types`` counts those with ``c > 0``.
    """

    def __init__(self, order: int, discount: float = 0.75):
        positive_int("order", order)
        if not 0 < discount < 1:
            raise ValueError(f"discount must be in (0, 1), got {discount}")
        self.order, self.discount = order, discount
        self.alphabet: set[str] = set()
        self._counts: _Counts | None = None
        self._last: tuple[str, np.ndarray] | None = None  # the last history prob() saw, and its distribution

    @property
    def levels(self) -> list["_Level"]:
        """The counts of each order (``order`` of them; empty when not fitted), as read-only mappings
        ``{"counts": ..., "total": ..., "types": ...}`` of Counters keyed by strings, made on demand."""
        if self._counts is None:
            return []
        return [_Level(self._counts, k + 1, raw=k == self.order - 1) for k in range(self.order)]

    def fit(self, text: str) -> "CharNGram":
        """Count every substring of length 1..order of ``text``."""
        fitted = self.fit_orders(text, [self.order], self.discount)[self.order]
        self._counts, self.alphabet, self._last = fitted._counts, fitted.alphabet, None
        return self

    @classmethod
    def fit_orders(cls, text: str, orders: list[int], discount: float = 0.75) -> dict[int, "CharNGram"]:
        """Fit a model of each order in ``orders`` on ``text``, counting the text only once.

        The models share their counts: below its top level, an order-``n`` model holds the same
        continuation counts as every model of higher order. Each model equals ``CharNGram(n).fit(text)``.
        """
        if not orders:
            raise ValueError("orders is empty: give the model orders to fit, for example [1, 2, 3]")
        models = {n: cls(n, discount) for n in orders}
        if not text:
            raise ValueError("cannot fit an n-gram model on empty text")
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        counts = _Counts(text, max(orders), set(orders))
        alphabet = set(counts.chars)
        for model in models.values():
            model._counts, model.alphabet = counts, alphabet
        return models

    def _fitted(self) -> "_Counts":
        if self._counts is None:
            raise RuntimeError("this n-gram model is not fitted; call fit(text) first")
        return self._counts

    def prob(self, history: str, char: str) -> float:
        """P(char | the last order-1 characters of history)."""
        counts = self._fitted()
        history = history[max(0, len(history) - (self.order - 1)):] if self.order > 1 else ""
        if self._last is None or self._last[0] != history:
            ids, _ = _context_ids(counts, counts.encode(history), np.array([len(history)]), self.order)
            ctx = [np.full(counts.size_v + 1, int(i[0]), dtype=np.int64) for i in ids]
            nxt = np.arange(counts.size_v + 1)
            nxt[-1] = -1  # the last entry: a character the training text does not have
            self._last = (history, self._interpolate(ctx, nxt))
        return float(self._last[1][counts.index.get(char, counts.size_v)])

    def _interpolate(self, ctx: list[np.ndarray], nxt: np.ndarray) -> np.ndarray:
        """P(nxt[j] | the context whose id at each length k is ctx[k][j]; -1 where unseen or too short)."""
        p = np.full(len(nxt), 1.0 / (self._counts.size_v + 1))  # uniform, with room for one unseen character
        alive = np.arange(len(nxt))
        for k in range(self.order):
            alive = self._level(k, ctx[k], None, nxt, p, alive)
            if not len(alive):
                break
        return p

    def _level(self, k: int, ctx: np.ndarray, full: np.ndarray | None, nxt: np.ndarray, p: np.ndarray,
               alive: np.ndarray) -> np.ndarray:
        """Interpolate order k into ``p`` at the positions ``alive``, in place; return those that go on.

        ``ctx[j]``: the id of the context (k characters) of position j, -1 where unseen or too short;
        ``full[j]``: the id of that context followed by nxt[j] (looked up when None)."""
        counts, d = self._counts, self.discount
        c_of, total_of, types_of = counts.stats(k + 1, raw=k == self.order - 1)
        cid = ctx[alive]
        keep = cid >= 0  # the history is long enough and its last k characters were seen
        alive, cid = alive[keep], cid[keep]
        total = total_of[cid]
        keep = total > 0  # unseen context: the lower order's estimate stands, here and above
        alive, cid, total = alive[keep], cid[keep], total[keep]
        if len(alive):
            fid = counts.lookup(k + 1, cid, nxt[alive]) if full is None else full[alive]
            c = np.where(fid >= 0, c_of[np.maximum(fid, 0)], 0)
            p[alive] = np.maximum(c - d, 0.0) / total + d * types_of[cid] / total * p[alive]
        return alive

    def bits(self, text: str, context: str = "") -> float:
        """Total -log2 probability of ``text`` (after ``context``), one character at a time."""
        counts = self._fitted()
        stream = context + text
        n = self.order - 1
        out = 0
        for start in range(len(context), len(stream), _CHUNK):  # bounded memory on long texts
            stop = min(start + _CHUNK, len(stream))
            lo = max(0, start - max(n, _CONTEXT))  # the same piece for every order up to _CONTEXT + 1
            piece = stream[lo:stop]
            positions = np.arange(start - lo, stop - lo)
            ids, codes = _context_ids(counts, piece, positions, self.order)
            # the context of length k followed by the next character: the k + 1 characters before position + 1
            full = _context_ids(counts, piece, positions + 1, self.order + 1)[0][1:]
            nxt = codes[positions]
            # Below its top order, a model interpolates the continuation counts exactly as every model
            # of higher order does: that chain is kept, so that scoring orders 1..n costs n levels, not n^2/2.
            key = (piece, start - lo, self.discount)
            chain = counts.chain(key)
            if not chain:
                chain.append((np.full(len(nxt), 1.0 / (counts.size_v + 1)), np.arange(len(nxt))))
            while len(chain) < self.order:
                k = len(chain) - 1
                p, alive = chain[-1][0].copy(), chain[-1][1]
                chain.append((p, self._level(k, ids[k], full[k], nxt, p, alive)))  # k < n: continuation
            p, alive = chain[n][0].copy(), chain[n][1]
            self._level(n, ids[n], full[n], nxt, p, alive)
            out = sum(map(math.log2, p.tolist()), out)  # in order, exactly as a sum over characters
        return -out

    def bits_per_char(self, text: str) -> float:
        """Average -log2 probability per character of ``text``."""
        if not text:
            raise ValueError("cannot score empty text: bits_per_char needs at least one character")
        return self.bits(text) / len(text)


def _context_ids(counts: "_Counts", piece: "str | np.ndarray", positions: np.ndarray,
                 order: int) -> tuple[list[np.ndarray], np.ndarray]:
    """For each length k < order, the id of the k characters before each of ``positions`` in ``piece``
    (-1 where fewer than k characters precede it, or where that string is unseen); and the codes of ``piece``."""
    e = counts.substring_ids(piece, order - 1)
    out = [np.zeros(len(positions), dtype=np.int64)]
    for k in range(1, order):
        ids = np.full(len(positions), -1, dtype=np.int64)
        ok = positions >= k
        ids[ok] = e[k][positions[ok] - k]
        out.append(ids)
    return out, e[1]


class _Counts:
    """The counts of every substring of length 1..top of one text, as arrays indexed by substring id.

    ``keys[L]`` (sorted int64): the keys ``id(s[:-1]) * V + code(s[-1])`` of the distinct strings of
    length L, whose ids are their positions here. ``stats(L, raw)`` gives three arrays: the count of each
    string of length L (raw occurrences, or continuation counts), and per string of length L - 1 (its
    context) the total of those counts over the next characters and how many of them are nonzero.
    """

    def __init__(self, text: str, top: int, raw_lengths: set[int]):
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        present = np.flatnonzero(np.bincount(cp))
        self.chars = [chr(c) for c in present.tolist()]  # sorted: code point order is str order
        self.index = {ch: i for i, ch in enumerate(self.chars)}
        self.size_v = v = len(self.chars)
        self._table = np.full(int(present[-1]) + 1, -1, dtype=np.int64)
        self._table[present] = np.arange(v)
        codes = self._table[cp]
        del cp
        n = len(codes)
        count_t = np.int32 if n < 2**31 - 1 else np.int64
        types_t = np.min_scalar_type(v)
        self.top = top
        self.keys: list[np.ndarray] = [np.zeros(1, dtype=np.int64), np.arange(v, dtype=np.int64)]
        self._raw: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._cont: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._cache: tuple[str, list[np.ndarray]] | None = None
        self._chain: tuple[tuple, list[tuple[np.ndarray, np.ndarray]]] | None = None
        ids = codes  # ids[i]: the id of text[i:i + L], for i = 0 .. n - L
        order = np.argsort(codes, kind="stable")  # the positions i, sorted by text[i:i + L]
        for length in range(1, top + 1):
            m = max(n - length, 0)  # positions of the strings one character longer
            if length < top:
                # np.unique(keys), with the positions already sorted by all but their last character:
                # a stable sort of that nearly sorted sequence is several times faster than one from scratch
                order = order[order < m]
                longer = ids[order] * v + codes[order + length]
                again = np.argsort(longer, kind="stable")
                order, longer = order[again], longer[again]
                del again
                first = np.ones(len(longer), dtype=bool)
                first[1:] = longer[1:] != longer[:-1]
                next_ids = np.empty(m, dtype=np.int64)
                next_ids[order] = np.cumsum(first) - 1
                where = order[first]  # one position of each distinct longer string
                self.keys.append(longer[first])
                del longer, first
            parent = self.keys[length] // v
            n_parent = len(self.keys[length - 1])

            def per_context(c):
                total = np.bincount(parent, weights=c, minlength=n_parent).astype(count_t)
                types = np.bincount(parent[c > 0], minlength=n_parent).astype(types_t)
                return c.astype(count_t), total, types

            if length in raw_lengths:
                self._raw[length] = per_context(np.bincount(ids, minlength=len(self.keys[length])))
            if length < top:
                # continuation count of s: how many distinct strings a + s the text has
                self._cont[length] = per_context(np.bincount(ids[where + 1], minlength=len(self.keys[length])))
                del where
                ids = next_ids
            del parent
        del ids, codes, order

    def stats(self, length: int, raw: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (self._raw if raw else self._cont)[length]

    def encode(self, text: str) -> np.ndarray:
        """Character codes of ``text`` (int64), -1 for characters the training text does not have."""
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        inside = cp < len(self._table)
        return np.where(inside, self._table[np.where(inside, cp, 0)], -1)

    def lookup(self, length: int, parent: np.ndarray, code: np.ndarray) -> np.ndarray:
        """Ids of the strings (string of id ``parent``, length - 1) + (character ``code``); -1 if unseen."""
        keys = self.keys[length]
        if not len(keys):
            return np.full(len(parent), -1, dtype=np.int64)
        key = parent * self.size_v + code
        if len(key) > 4096:  # sorted queries walk the table in order: far fewer cache misses
            order = np.argsort(key)
            pos = np.empty(len(key), dtype=np.int64)
            pos[order] = np.searchsorted(keys, key[order])
        else:
            pos = np.searchsorted(keys, key)
        pos = np.minimum(pos, len(keys) - 1)
        return np.where((parent >= 0) & (code >= 0) & (keys[pos] == key), pos, -1)

    def substring_ids(self, text: "str | np.ndarray", longest: int) -> list[np.ndarray]:
        """``e[L][i]``: the id of text[i:i + L] (-1 if unseen) for L = 1 .. longest (e[0] unused).

        The ids of the last text scored (a str, up to _CACHE_CHARS long) are kept: the models of
        several orders fitted together share this object and score the same text in turn."""
        key = text if isinstance(text, str) else None
        cached = self._cache
        if key is not None and cached is not None and cached[0] == key:
            e = cached[1]
        else:
            e = [np.zeros(0, dtype=np.int64), self.encode(text) if isinstance(text, str) else np.asarray(text)]
        n = len(e[1])
        for length in range(len(e), longest + 1):
            m = max(n - length + 1, 0)
            e.append(self.lookup(length, e[length - 1][:m], e[1][length - 1:length - 1 + m]))
        if key is not None and n <= _CACHE_CHARS:
            self._cache = (key, e)
        return e

    def chain(self, key: tuple) -> list[tuple[np.ndarray, np.ndarray]]:
        """The interpolation over continuation counts of the scored text ``key`` = (piece, first, discount):
        ``chain[j]`` = (probabilities after orders 0..j-1, positions still interpolating). Kept for one
        text (up to _CACHE_CHARS long): a fresh list for any other text."""
        if self._chain is not None and self._chain[0] == key:
            return self._chain[1]
        chain: list[tuple[np.ndarray, np.ndarray]] = []
        if len(key[0]) <= _CACHE_CHARS:
            self._chain = (key, chain)
        return chain

    def strings(self, length: int) -> list[str]:
        """The distinct strings of ``length``, in id order."""
        if length == 0:
            return [""]
        before, keys = self.strings(length - 1), self.keys[length]
        v = self.size_v
        return [before[p] + self.chars[c] for p, c in zip((keys // v).tolist(), (keys % v).tolist())]


class _Level(Mapping):
    """One order of a model, as the Counters ``counts`` (of strings), and per context ``total`` and
    ``types`` (distinct next characters); each is made from the arrays when first read."""

    def __init__(self, counts: _Counts, length: int, raw: bool):
        self._counts, self._length, self._raw = counts, length, raw
        self._made: dict[str, Counter] = {}

    def __getitem__(self, name: str) -> Counter:
        if name not in ("counts", "total", "types"):
            raise KeyError(name)
        if name not in self._made:
            c, total, types = self._counts.stats(self._length, self._raw)
            strings = self._counts.strings(self._length if name == "counts" else self._length - 1)
            values = {"counts": c, "total": total, "types": types}[name]
            nonzero = np.flatnonzero(values)
            self._made[name] = Counter(dict(zip([strings[i] for i in nonzero.tolist()],
                                                values[nonzero].tolist())))
        return self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(("counts", "total", "types"))

    def __len__(self) -> int:
        return 3

    def __repr__(self) -> str:
        kind = "counts" if self._raw else "continuation counts"
        return f"<n-gram level: {kind} of strings of length {self._length}>"
