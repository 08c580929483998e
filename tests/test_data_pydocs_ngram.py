"""pydocs (real English from the stdlib) and the character n-gram baselines."""

import math
import random
from collections import Counter

import pytest

from lmlib import ngram
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


class ReferenceKN:
    """Interpolated Kneser-Ney written out plainly over dictionaries of strings (the model before its
    counts became arrays): the array implementation must give the same probabilities."""

    def __init__(self, text, order, discount=0.75):
        self.levels, self.order, self.d = reference_levels(text, order), order, discount
        self.alphabet = set(text)

    def prob(self, history, char):
        p = 1.0 / (len(self.alphabet) + 1)
        for k, level in enumerate(self.levels):
            if len(history) < k:
                break  # the text has not been going for k characters yet
            context = history[len(history) - k:]
            total = level["total"].get(context, 0)
            if total == 0:
                break  # context never seen (before a character): keep the lower order's estimate
            count = level["counts"].get(context + char, 0)
            p = max(count - self.d, 0.0) / total + self.d * level["types"][context] / total * p
        return p

    def bits(self, text, context=""):
        stream = context + text
        return -sum(math.log2(self.prob(stream[max(0, i - self.order + 1):i], stream[i]))
                    for i in range(len(context), len(stream)))


def random_texts(seed, count):
    rng = random.Random(seed)
    for _ in range(count):
        alphabet = "ab cde\n"[:rng.randint(1, 7)]
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400)))
        yield rng, alphabet, text


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ngram_equals_reference_on_small_texts(seed):
    """Orders 1..8 fitted together, every probability against the plain reference (unseen characters,
    unseen contexts, histories shorter than the order, texts shorter than the order)."""
    for rng, alphabet, text in random_texts(seed, 12):
        models = CharNGram.fit_orders(text, list(range(1, 9)))
        held_out = "".join(rng.choice(alphabet + "xy") for _ in range(rng.randint(1, 120)))
        histories = ["", "x", "yx" + text[:3], text[:1], text[-5:], held_out[:9], text[-20:] + "x", text[3:11]]
        for n in rng.sample(range(1, 9), 8):  # any order of scoring: the models share their counts
            m, ref = models[n], ReferenceKN(text, n)
            assert m.alphabet == ref.alphabet
            for history in histories:
                for char in sorted(ref.alphabet) + ["x", "\x00"]:
                    assert abs(m.prob(history, char) - ref.prob(history, char)) <= 1e-12
            for context in ("", text[:4], "xyz"):
                want = ref.bits(held_out, context)
                assert abs(m.bits(held_out, context) - want) <= 1e-12 * max(1.0, want)
            assert m.bits_per_char(held_out) == pytest.approx(ref.bits(held_out) / len(held_out), abs=1e-12)


def test_ngram_equals_reference_on_english():
    train, val = pydocs.text("train")[:30_000], pydocs.text("validation")[:3_000] + "\u00e9\u4e2d"
    models = CharNGram.fit_orders(train, [1, 2, 3, 5, 8])
    for n, m in models.items():
        ref = ReferenceKN(train, n)
        assert m.bits(val) == pytest.approx(ref.bits(val), rel=1e-12)
        for i in range(0, len(val), 97):
            history = val[:i]
            for char in "etaoin \u00e9Z":
                assert abs(m.prob(history, char) - ref.prob(history, char)) <= 1e-12


def test_next_character_probabilities_sum_to_one():
    for _, _, text in random_texts(3, 6):
        for n in range(1, 9):
            m = CharNGram(n, discount=0.6).fit(text)
            for history in ("", text[:n], text[-n:], "zz" + text[:2], "q" * 10):
                total = math.fsum(m.prob(history, c) for c in m.alphabet) + m.prob(history, "\x00")
                assert total == pytest.approx(1.0, abs=1e-12)
                assert m.prob(history, "\x00") == m.prob(history, "\x01") > 0  # every unseen character alike


def test_long_text_scored_in_pieces_equals_one_piece(monkeypatch):
    train, val = pydocs.text("train")[:20_000], pydocs.text("validation")[:2_000]
    models = CharNGram.fit_orders(train, [1, 4, 7])
    whole = {n: m.bits(val, "context ") for n, m in models.items()}
    monkeypatch.setattr(ngram, "_CHUNK", 123)
    monkeypatch.setattr(ngram, "_CONTEXT", 5)
    monkeypatch.setattr(ngram, "_CACHE_CHARS", 200)
    again = CharNGram.fit_orders(train, [1, 4, 7])
    for n in (7, 1, 4):
        assert again[n].bits(val, "context ") == whole[n]


def test_levels_read_as_dictionaries():
    m = CharNGram(3).fit("abracadabra")
    assert len(m.levels) == 3 and CharNGram(3).levels == []
    top = m.levels[2]
    assert top["counts"] == Counter({"abr": 2, "bra": 2, "rac": 1, "aca": 1, "cad": 1, "ada": 1, "dab": 1})
    assert (top["total"]["ab"], top["types"]["ab"], top["total"]["ra"], top["types"]["ra"]) == (2, 1, 1, 1)
    assert "" not in top["total"] and m.levels[0]["total"] == Counter({"": 7})
    assert m.levels[0]["counts"] == Counter({"b": 1, "r": 1, "a": 3, "c": 1, "d": 1})  # distinct characters before
    assert sorted(m.levels[1]) == ["counts", "total", "types"] and "n-gram level" in repr(top)
    with pytest.raises(KeyError):
        top["nothing"]


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
    with pytest.raises(ValueError, match="empty text"):
        CharNGram(2).fit("ab").bits_per_char("")
    with pytest.raises(ValueError, match="discount"):
        CharNGram(2, discount=1.0)
