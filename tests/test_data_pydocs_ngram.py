"""pydocs (real English from the stdlib) and the character n-gram baselines."""

import math
from collections import Counter

import pytest

from lmlib.data import pydocs
from lmlib.ngram import CharNGram


def test_pydocs_splits_are_prose_and_disjoint():
    train, val = pydocs.load("train"), pydocs.load("validation")
    assert len(train) > 1000 and len(val) > 100
    assert sum(map(len, train)) > 300_000
    assert not set(train) & set(val) and len(set(train)) == len(train)
    for p in val:
        assert "\n" not in p and len(p.split()) >= 6
        assert not p.startswith((">>>", " "))
    assert pydocs.load("train") == train  # cached and stable


def test_pydocs_bad_split():
    with pytest.raises(ValueError, match="unknown pydocs split 'test'"):
        pydocs.load("test")


def test_ngram_probabilities_sum_to_one():
    text = "the cat sat on the mat. the dog sat on the log.\n" * 20
    for order in (1, 2, 4):
        m = CharNGram(order).fit(text)
        for history in ("", "the ", "xyz", "on the m"):
            total = sum(m.prob(history, c) for c in m.alphabet) + m.prob(history, "\x00")
            assert total == pytest.approx(1.0, abs=1e-9)


def test_higher_order_fits_better_on_held_out_text():
    train, val = pydocs.text("train")[:200_000], pydocs.text("validation")[:20_000]
    bpc = [CharNGram(n).fit(train).bits_per_char(val) for n in (1, 2, 3, 5)]
    assert bpc == sorted(bpc, reverse=True)
    assert 3.5 < bpc[0] < 5.0 and bpc[-1] < 3.0  # English: ~4.1 bits for unigrams


def reference_levels(text, order):
    """Interpolated Kneser-Ney counts written out per order, one order at a time."""
    levels = []
    for k in range(1, order + 1):
        if k == order:
            counts = Counter(text[i:i + k] for i in range(len(text) - k + 1))
        else:
            longer = {text[i:i + k + 1] for i in range(len(text) - k)}
            counts = Counter(s[1:] for s in longer)
        total, types = Counter(), Counter()
        for s, c in counts.items():
            total[s[:-1]] += c
            types[s[:-1]] += 1
        levels.append({"counts": counts, "total": total, "types": types})
    return levels


def test_fit_orders_equals_one_fit_per_order():
    train, val = pydocs.text("train")[:50_000], pydocs.text("validation")[:5_000]
    models = CharNGram.fit_orders(train, [1, 3, 6])
    assert sorted(models) == [1, 3, 6]
    for n, m in models.items():
        alone = CharNGram(n).fit(train)
        assert m.order == n and m.levels == alone.levels == reference_levels(train, n)
        assert m.alphabet == alone.alphabet == set(train)
        assert m.bits_per_char(val) == alone.bits_per_char(val)
    with pytest.raises(ValueError, match="orders is empty"):
        CharNGram.fit_orders(train, [])


def test_bits_are_minus_log2_of_the_product():
    m = CharNGram(2).fit("abab")
    p = m.prob("", "a") * m.prob("a", "b")
    assert m.bits("ab") == pytest.approx(-math.log2(p))


def test_ngram_errors():
    with pytest.raises(ValueError, match="order must be a positive int"):
        CharNGram(0)
    with pytest.raises(RuntimeError, match="not fitted"):
        CharNGram(2).prob("a", "b")
    with pytest.raises(ValueError, match="empty text"):
        CharNGram(2).fit("")
