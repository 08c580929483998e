"""pydocs (real English from the stdlib) and the character n-gram baselines."""

import math

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
