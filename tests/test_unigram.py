"""Tests of lmlib.tokenize.unigram: the from-scratch Unigram tokenizer against HF ``tokenizers``."""

from __future__ import annotations

import itertools
import json
import math
import random

import pytest
from tokenizers import Tokenizer, models, normalizers

from lmlib.data import pydocs, tinyworld
from lmlib.tokenize import Unigram, hf, train_unigram, unigram_from_hf, unigram_to_hf
from lmlib.tokenize.unigram import SPACE, e_step, m_step, metaspace_decode, pre_tokenize, seed_pieces

# ---------------------------------------------------------------------------------------------
# Corpora and tokenizers (built once per module)
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_text() -> list[str]:
    return tinyworld.texts(400, seed=7)


@pytest.fixture(scope="module")
def ours_pydocs(train_text) -> Unigram:
    return train_unigram(train_text[:800], vocab_size=800)


@pytest.fixture(scope="module")
def ours_tiny() -> Unigram:
    return train_unigram(tinyworld.texts(800, seed=1), vocab_size=600)


@pytest.fixture(scope="module")
def hf_pydocs(train_text) -> Tokenizer:
    return hf.train_unigram(train_text, vocab_size=2000)


def assert_same(ours: Unigram, theirs: Tokenizer, texts: list[str]) -> None:
    """Same ids, same token strings, same decoded text."""
    for text, enc in zip(texts, theirs.encode_batch(texts)):
        ids = ours.encode(text)
        if ids != enc.ids or ours.tokenize(text) != enc.tokens:
            pytest.fail(f"tokens differ on {text!r}:\n ours {ours.tokenize(text)}\n   HF {enc.tokens}")
        assert ours.decode(ids) == theirs.decode(ids), text


EDGE_CASES = [
    "",
    " ",
    "  ",
    "   leading and trailing   ",
    "a",
    "Z",
    SPACE,
    f"a{SPACE}b {SPACE}{SPACE}c",
    "a  b   c    d",
    "tab\tand\r\nnewline\n\n\nmany   spaces",
    "Héllo Wörld: naïve café, résumé; Ångström façade",
    "e\u0301 decomposed and a lone \u0301 combining mark",
    "中文字符 mixed with English和中文",
    "emoji 😀👍🏽 here, flags 🇫🇷 and ZWJ 👩‍👩‍👧",
    "unknown ǂǃǁ⅏ runs ⸙𓀀 fused",
    "\x00nul\x01ctrl\x7fdel \ufffd \u200bzero width \u00a0nbsp \u3000ideographic",
    "<unk> is a piece too, x<unk>y and <unk><unk>",
    "x" * 300,
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
]


# ---------------------------------------------------------------------------------------------
# Same tokens as HF given the same pieces and scores
# ---------------------------------------------------------------------------------------------


def test_our_vocabulary_in_hf_matches_on_pydocs(ours_pydocs, valid_text):
    assert_same(ours_pydocs, unigram_to_hf(ours_pydocs), valid_text)


def test_our_vocabulary_in_hf_matches_on_tinyworld(ours_tiny, tiny_text, valid_text):
    assert_same(ours_tiny, unigram_to_hf(ours_tiny), tiny_text + valid_text[:300])  # pydocs: unknowns


def test_hf_trainer_vocabulary_in_lmlib_matches(hf_pydocs, valid_text, tiny_text):
    ours = unigram_from_hf(hf_pydocs)
    assert len(ours) == hf_pydocs.get_vocab_size() and ours.pieces[0] == ("<unk>", 0.0)
    assert_same(ours, hf_pydocs, valid_text + tiny_text)


def test_edge_cases_match_hf(ours_pydocs, ours_tiny, hf_pydocs):
    for ours in (ours_pydocs, ours_tiny, unigram_from_hf(hf_pydocs)):
        assert_same(ours, unigram_to_hf(ours), EDGE_CASES)
    assert ours_pydocs.encode("") == [] and ours_pydocs.decode([]) == ""


def test_pre_tokenizer_and_decoder_are_hf_metaspace(ours_tiny):
    theirs = unigram_to_hf(ours_tiny)
    for text in EDGE_CASES:
        assert pre_tokenize(text) == [w for w, _ in theirs.pre_tokenizer.pre_tokenize_str(text)], text
    assert pre_tokenize("a  b ") == ["▁a", "▁", "▁b", "▁"]
    for tokens in (["▁a", "▁b"], ["a▁b", "c▁d"], ["▁", "▁"], ["▁x▁y▁"], ["x", " y"], []):
        assert metaspace_decode(tokens) == theirs.decoder.decode(tokens), tokens


def _hf(pieces: list[tuple[str, float]], unk_id: int = 0) -> Tokenizer:
    return unigram_to_hf(Unigram(pieces, unk_id))


def test_ties_go_to_the_longer_last_piece():
    pieces = [("<unk>", 0.0), ("a", -1.0), ("b", -1.0), ("ab", -2.0), ("c", -1.0), ("bc", -2.0)]
    pieces.append(("abc", -3.0))  # every segmentation of 'abc' scores -3
    ours = Unigram(pieces)
    assert [t for w in ["ab", "bc", "abc", "abcab"] for t in ours.tokenize(w)] == [
        "▁", "ab", "▁", "bc", "▁", "abc", "▁", "abc", "ab"
    ]  # fmt: skip
    assert_same(ours, _hf(pieces), ["ab", "abc", "abcab", "cab", "bcabc a b c"])


@pytest.mark.parametrize("score_a, expected", [(10.5, ["a", "b"]), (10.0, ["ab"]), (9.5, ["ab"])])
def test_unknown_character_scores_min_minus_ten(score_a, expected):
    """'b' is unknown: a + unk(b) scores score_a + (-20 - 10), the piece 'ab' scores -20 (the minimum)."""
    pieces = [("<unk>", 0.0), ("▁", 0.0), ("a", score_a), ("ab", -20.0)]
    ours = Unigram(pieces)
    assert ours.unk_score == -30.0 and ours.tokenize("ab")[1:] == expected
    assert_same(ours, _hf(pieces), ["ab", "abab ab"])


def test_the_minimum_includes_the_unknown_piece():
    pieces = [("<unk>", -50.0), ("▁", 0.0), ("a", 20.0), ("ab", -20.0)]  # unk_score = -60
    ours = Unigram(pieces, unk_id=0)
    assert ours.unk_score == -60.0 and ours.tokenize("ab") == ["▁", "ab"]
    assert_same(ours, _hf(pieces), ["ab", "a b"])


def test_unknowns_are_fused_and_looked_up():
    pieces = [("<unk>", 30.0), ("▁", 30.0), ("a", 30.0), ("xy", 25.0)]  # unk_score 15: unk+unk beats 'xy'
    ours = Unigram(pieces)
    assert ours.tokenize("xyaxzy") == ["▁", "xy", "a", "xzy"]
    assert ours.encode("xyaxzy") == [1, 3, 2, 0]  # the fused 'xy' is a piece: its id, not <unk>'s
    assert_same(ours, _hf(pieces), ["xyaxzy", "xy xy a", "<unk>x"])
    assert Unigram([("<unk>", 0.0), ("a", -1.0)]).decode([0, 1]) == "<unk>a"


# ---------------------------------------------------------------------------------------------
# Viterbi and EM against brute force
# ---------------------------------------------------------------------------------------------


def _segmentations(word: str):
    """Every way to cut ``word`` into pieces, as lists of (start, end)."""
    for cuts in itertools.product((False, True), repeat=len(word) - 1):
        bounds = [0, *(i + 1 for i, c in enumerate(cuts) if c), len(word)]
        yield list(zip(bounds, bounds[1:]))


def _paths(model: Unigram, word: str):
    """Every path through the lattice with its score: a piece, or one unknown character."""
    for seg in _segmentations(word):
        scores = []
        for s, e in seg:
            piece = word[s:e]
            if piece in model.piece_to_id:
                scores.append(model.scores[model.piece_to_id[piece]])
            elif e - s == 1:
                scores.append(model.unk_score)
            else:
                break
        else:
            yield seg, scores


def _random_model(rng: random.Random) -> Unigram:
    subs = ["".join(p) for n in (1, 2, 3) for p in itertools.product("abc", repeat=n)]
    chosen = rng.sample(subs, rng.randint(3, 15))
    return Unigram([("<unk>", 0.0), *[(p, -rng.randint(1, 12) / 4) for p in chosen]])  # exact sums: ties


def test_viterbi_equals_brute_force():
    rng = random.Random(0)
    for _ in range(150):
        model = _random_model(rng)
        words = ["".join(rng.choice("abcz") for _ in range(rng.randint(1, 8))) for _ in range(6)]
        for word in words:
            best = max(sum(scores) for _, scores in _paths(model, word))
            tied = [seg for seg, scores in _paths(model, word) if sum(scores) == best]
            # HF's rule: the last piece starts as early as possible, then the one before it, ...
            expected = min(tied, key=lambda seg: [s for s, _ in reversed(seg)])
            assert [(s, e) for s, e, _, _ in model.viterbi(word)] == expected, (model.pieces, word)
        assert_same(model, unigram_to_hf(model), [" ".join(words), *words])


def test_forward_backward_equals_brute_force():
    model = Unigram([("<unk>", 0.0), ("a", -1.0), ("b", -1.5), ("ab", -2.0), ("ba", -2.5), ("aba", -3.0)])
    words = {"abab": 3, "ba": 2, "a": 1}
    expected, loglik = e_step(model, words)
    want_counts, want_loglik = [0.0] * len(model), 0.0
    for word, count in words.items():
        paths = [(seg, math.exp(sum(scores))) for seg, scores in _paths(model, word)]
        z = sum(p for _, p in paths)
        want_loglik += count * math.log(z)
        for seg, p in paths:
            for s, e in seg:
                want_counts[model.piece_to_id[word[s:e]]] += count * p / z
    assert loglik == pytest.approx(want_loglik, rel=1e-12)
    assert expected == pytest.approx(want_counts, rel=1e-12)


def test_em_increases_the_likelihood_each_iteration():
    words: dict[str, int] = {}
    for text in tinyworld.texts(150, seed=3):
        for w in pre_tokenize(text):
            words[w] = words.get(w, 0) + 1
    model = Unigram([("<unk>", 0.0), *seed_pieces(words, seed_size=2000, max_piece_length=8)])
    history = []
    for _ in range(6):
        expected, loglik = e_step(model, words)
        history.append(loglik)
        model = m_step(model, expected)
    assert all(b > a for a, b in zip(history, history[1:])), history
    assert sum(math.exp(s) for p, s in model.pieces[1:]) == pytest.approx(1.0)  # log-probabilities


# ---------------------------------------------------------------------------------------------
# Training gives a sensible vocabulary; round trip
# ---------------------------------------------------------------------------------------------


def test_trained_vocabulary_is_sensible(ours_pydocs, train_text, valid_text, hf_pydocs):
    pieces = ours_pydocs.pieces
    assert len(pieces) == 800 and pieces[0] == ("<unk>", 0.0) and ours_pydocs.unk_id == 0
    assert {c for t in train_text[:800] for w in pre_tokenize(t) for c in w} <= set(ours_pydocs.piece_to_id)
    assert all(a[1] >= b[1] for a, b in zip(pieces[1:], pieces[2:]))  # by decreasing score
    assert sum(math.exp(s) for _, s in pieces[1:]) == pytest.approx(1.0, abs=0.05)
    assert {"▁the", "▁of", "▁is"} <= set(ours_pydocs.piece_to_id)
    # as good as HF's trainer at the same size and on the same text, in tokens per word
    theirs = hf.train_unigram(train_text[:800], vocab_size=800)
    n_ours = sum(len(ours_pydocs.encode(t)) for t in valid_text)
    n_hf = sum(len(e.ids) for e in theirs.encode_batch(valid_text))
    assert n_ours < 1.05 * n_hf, (n_ours, n_hf)


def test_training_is_deterministic_and_method_agrees():
    texts = tinyworld.texts(100, seed=2)
    a = train_unigram(texts, vocab_size=150)
    assert Unigram().train(texts, vocab_size=150).pieces == a.pieces
    assert len(train_unigram(["ab ab"], vocab_size=50)) < 50  # a short text runs out of pieces


def test_round_trip(ours_pydocs, valid_text, tiny_text):
    known = set(ours_pydocs.piece_to_id)
    texts = [t for t in valid_text + tiny_text if set(t) - {" "} <= known and t[:1] != " " and SPACE not in t]
    assert len(texts) > 1000
    for t in texts:
        assert ours_pydocs.decode(ours_pydocs.encode(t)) == t
    assert ours_pydocs.decode(ours_pydocs.encode(" a")) == "a"  # the leading space goes, as in HF


# ---------------------------------------------------------------------------------------------
# Bridges and errors that say what was wrong and what to do
# ---------------------------------------------------------------------------------------------


def test_bridges(ours_tiny, hf_pydocs):
    back = unigram_from_hf(unigram_to_hf(ours_tiny))
    assert back.pieces == ours_tiny.pieces and back.unk_id == ours_tiny.unk_id
    vocab = json.loads(hf_pydocs.to_str())["model"]["vocab"]
    assert unigram_from_hf(hf_pydocs).pieces == [(p, s) for p, s in vocab]
    with pytest.raises(ValueError, match="Unigram model"):
        unigram_from_hf(hf.train_bpe(["hello world"] * 10, 300))
    normalised = unigram_to_hf(ours_tiny)
    normalised.normalizer = normalizers.NFKC()
    with pytest.raises(ValueError, match="normaliser"):
        unigram_from_hf(normalised)
    with pytest.raises(ValueError, match="unk_id"):
        unigram_from_hf(Tokenizer(models.Unigram([("a", -1.0)], unk_id=None)))
    added = unigram_to_hf(ours_tiny)
    added.add_special_tokens(["<unk>"])
    with pytest.raises(ValueError, match="added tokens"):
        unigram_from_hf(added)
    with pytest.raises(TypeError, match="Unigram"):
        unigram_to_hf(hf_pydocs)


def test_untrained_raises():
    for call in (lambda u: u.encode("a"), lambda u: u.tokenize("a"), lambda u: u.decode([0]), unigram_to_hf):
        with pytest.raises(RuntimeError, match="train"):
            call(Unigram())


def test_vocab_size_too_small():
    texts = ["hello world", "help"]  # ▁ d e h l o p r w: 9 characters, 10 with <unk>
    with pytest.raises(ValueError, match=r"vocab_size >= 10"):
        train_unigram(texts, vocab_size=9)
    assert len(train_unigram(texts, vocab_size=10)) == 10  # the minimum is enough
    with pytest.raises(ValueError, match=r"vocab_size >= 10"):
        hf.train_unigram(texts, vocab_size=5)
    with pytest.raises(ValueError, match="empty"):
        train_unigram(["", ""], vocab_size=10)
    with pytest.raises(ValueError, match="character of the text"):
        train_unigram(texts, vocab_size=20, unk_token="h")


def test_bad_pieces_and_arguments():
    with pytest.raises(ValueError, match="unknown piece"):
        Unigram([("a", -1.0), ("b", -1.0)], unk_id=None)
    with pytest.raises(ValueError, match="not in the vocabulary"):
        Unigram([("a", -1.0), ("b", -1.0)], unk_id=2)
    with pytest.raises(ValueError, match="empty"):
        Unigram([])
    with pytest.raises(ValueError, match="twice"):
        Unigram([("<unk>", 0.0), ("a", -1.0), ("a", -2.0)])
    with pytest.raises(ValueError, match="empty string"):
        Unigram([("<unk>", 0.0), ("", -1.0)])
    with pytest.raises(TypeError, match="finite float"):
        Unigram([("<unk>", 0.0), ("a", "-1")])
    with pytest.raises(TypeError, match="finite float"):
        Unigram([("<unk>", 0.0), ("a", math.nan)])
    with pytest.raises(TypeError, match="pair"):
        Unigram([("<unk>", 0.0), "a"])
    with pytest.raises(TypeError, match="pairs"):
        Unigram("abc")
    u = Unigram([("<unk>", 0.0), ("a", -1.0)])
    with pytest.raises(ValueError, match=r"id 2 is not in the vocabulary \(ids 0..1\)"):
        u.decode([1, 2])
    with pytest.raises(ValueError, match="not in the vocabulary"):
        u.decode([-1])
    with pytest.raises(TypeError, match="ints"):
        u.decode(["a"])
    with pytest.raises(TypeError, match="str"):
        u.encode(b"a")
    with pytest.raises(TypeError, match="not one string"):
        train_unigram("hello world", vocab_size=20)
    with pytest.raises(TypeError, match="strings"):
        train_unigram([1, 2], vocab_size=20)
    with pytest.raises(TypeError, match="int"):
        train_unigram(["hello"], vocab_size=20.0)
