"""Character n-gram language models: the count-based baselines.

An order-``n`` model predicts the next character from the ``n - 1`` before it, by counting.
Counts alone give zero probability to anything unseen, so we smooth them with interpolated
Kneser-Ney (Kneser and Ney, 1995; Chen and Goodman, 1999), the strongest classic count-based
method: each order keeps a discounted share of its counts and hands the rest to the order below,
whose counts are *continuation* counts (in how many distinct contexts a string was seen).
"""

from __future__ import annotations

import math
from collections import Counter

from lmlib._checks import positive_int


class CharNGram:
    """Interpolated Kneser-Ney character model of a given ``order`` (1 = unigram)."""

    def __init__(self, order: int, discount: float = 0.75):
        positive_int("order", order)
        if not 0 < discount < 1:
            raise ValueError(f"discount must be in (0, 1), got {discount}")
        self.order, self.discount = order, discount
        self.levels: list[dict] = []
        self.alphabet: set[str] = set()

    def fit(self, text: str) -> "CharNGram":
        """Count every substring of length 1..order of ``text``."""
        fitted = self.fit_orders(text, [self.order], self.discount)[self.order]
        self.levels, self.alphabet = fitted.levels, fitted.alphabet
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
        top = max(orders)
        raw = [Counter(text[i:i + k] for i in range(len(text) - k + 1)) for k in range(1, top + 1)]
        # continuation count of a string: the number of distinct characters seen before it
        continuation = [_level(Counter(s[1:] for s in raw[k])) for k in range(1, top)]
        alphabet = set(raw[0])
        for n, model in models.items():
            model.alphabet = alphabet
            model.levels = continuation[:n - 1] + [_level(raw[n - 1])]
        return models

    def prob(self, history: str, char: str) -> float:
        """P(char | the last order-1 characters of history)."""
        if not self.levels:
            raise RuntimeError("this n-gram model is not fitted; call fit(text) first")
        p = 1.0 / (len(self.alphabet) + 1)  # uniform, with room for one unseen character
        d = self.discount
        for k, level in enumerate(self.levels):
            ctx = history[len(history) - k:] if k else ""
            if len(ctx) < k:
                break
            total = level["total"].get(ctx)
            if not total:
                break  # unseen context: the lower order's estimate stands
            c = level["counts"].get(ctx + char, 0)
            p = max(c - d, 0.0) / total + d * level["types"][ctx] / total * p
        return p

    def bits(self, text: str, context: str = "") -> float:
        """Total -log2 probability of ``text`` (after ``context``), one character at a time."""
        stream = context + text
        n = self.order - 1
        return -sum(math.log2(self.prob(stream[max(0, i - n):i], stream[i]))
                    for i in range(len(context), len(stream)))

    def bits_per_char(self, text: str) -> float:
        """Average -log2 probability per character of ``text``."""
        return self.bits(text) / len(text)


def _level(counts: Counter) -> dict:
    """One order of a model: the counts of strings, and per context their total and distinct next characters."""
    total, types = Counter(), Counter()
    for s, c in counts.items():
        total[s[:-1]] += c
        types[s[:-1]] += 1
    return {"counts": counts, "total": total, "types": types}
