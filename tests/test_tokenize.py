"""Tests of lmlib.tokenize: the from-scratch WordPiece and BPE against HF ``tokenizers``."""

from __future__ import annotations

import functools
import math
import os
import random
import subprocess
import sys
import unicodedata
from collections import Counter

import pytest
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers

from lmlib.data import pydocs, tinyworld
from lmlib.tokenize import BPE, SPECIAL_TOKENS, WordPiece, hf
from lmlib.tokenize.wordpiece import likelihood_gain

# ---------------------------------------------------------------------------------------------
# Corpora and reference tokenizers (built once per module)
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_docs() -> list[str]:
    return tinyworld.texts(10_000, seed=0)


@pytest.fixture(scope="module")
def hf_uncased(train_text) -> Tokenizer:
    return hf.train_wordpiece(train_text, vocab_size=4000, lowercase=True)


@pytest.fixture(scope="module")
def hf_cased(train_text) -> Tokenizer:
    return hf.train_wordpiece(train_text, vocab_size=4000, lowercase=False)


@pytest.fixture(scope="module")
def hf_tiny() -> Tokenizer:
    return hf.train_wordpiece(tinyworld.texts(2000, seed=1), vocab_size=2000, lowercase=True)


def bert_wordpiece(vocab: dict[str, int], lowercase: bool, strip_accents: bool | None) -> Tokenizer:
    """HF's BERT pipeline (BertNormalizer + BertPreTokenizer + WordPiece) around a given vocabulary."""
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=strip_accents, lowercase=lowercase
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix="##", cleanup=False)
    tok.add_special_tokens(list(SPECIAL_TOKENS))
    return tok


def assert_same_tokens(ours: WordPiece, theirs: Tokenizer, texts: list[str]) -> None:
    expected = theirs.encode_batch(texts, add_special_tokens=False)
    for text, enc in zip(texts, expected):
        got = ours.encode(text)
        if got != enc.ids:
            pytest.fail(f"tokens differ on {text!r}:\n ours {ours.tokenize(text)}\n   HF {enc.tokens}")


EDGE_CASES = [
    "",
    " ",
    " \t\n\r ",
    "Hello, World!",
    "Héllo Wörld: naïve café, résumé; Ångström façade",
    "e\u0301 decomposed accent, and a lone \u0301 combining mark",
    "ΟΔΟΣ Σίσυφος ΣΣ",  # capital sigma: HF lower-cases character by character (no final ς)
    "İstanbul DİYARBAKIR ǅemal Ǆ",  # dotted capital I lower-cases to two characters
    "straße STRASSE ﬁnance ﬀ",
    "don't stop—now!!! ...wait... (x+y)*z=[a]{b}<c> #hash @at $5 ^ _ ` ~ |pipe| \\back/",
    "e-mail: someone@example.com, url: https://example.org/a?b=c&d=e#f",
    "¿Qué? ¡Olé! «guillemets» „quotes“ ‘single’ – en — em … ellipsis · middot",
    "中文字符 mixed with English和中文",
    "日本語のテキスト、カタカナ。한국어 텍스트",
    "Cyrillic: Привет, мир! ПРИВЕТ",
    "Arabic: مرحبا بالعالم ١٢٣ Hebrew: שלום",
    "emoji 😀👍🏽 here, flags 🇫🇷 and ZWJ 👩‍👩‍👧",
    "\x00nul\x01ctrl\x7fdel \ufffd replacement \x1c\x1d\x1e\x1f seps",
    "zero\u200bwidth soft\u00adhyphen non\u00a0breaking thin\u2009space ideographic\u3000space",
    "line\u2028separator para\u2029separator next\x85line vtab\x0bff\x0c",
    "tab\tand\r\nnewline\n\n\nmany   spaces",
    "ℌ𝔢𝔩𝔩𝔬 𝐛𝐨𝐥𝐝 math letters, ① ② ³ ½ superscripts",
    "a" * 99,
    "a" * 100,
    "a" * 101 + " short",
    "x" * 500,
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "unsplittable ǂǃǁ ⅏ ⸙ 𓀀 words",
    "[CLS] special [SEP] tokens [MASK] in text",
    "[cls] lower-case [Sep] is not special; a[MASK]b [UNK][PAD]",
    "\ue000 private use \U000f0000 planes",
]


# ---------------------------------------------------------------------------------------------
# WordPiece: the from-scratch encoder gives HF's tokens given the same vocabulary
# ---------------------------------------------------------------------------------------------


def test_wordpiece_matches_hf_on_pydocs_validation(hf_uncased, valid_text):
    assert_same_tokens(hf.wordpiece_from_hf(hf_uncased), hf_uncased, valid_text)


def test_wordpiece_matches_hf_cased_on_pydocs_validation(hf_cased, valid_text):
    ours = hf.wordpiece_from_hf(hf_cased)
    assert not ours.lowercase and not ours.strip_accents
    assert_same_tokens(ours, hf_cased, valid_text)


def test_wordpiece_matches_hf_on_tinyworld(hf_tiny, hf_cased, tiny_docs):
    assert_same_tokens(hf.wordpiece_from_hf(hf_tiny), hf_tiny, tiny_docs)
    # a vocabulary from other text: many more [UNK]s and short pieces
    assert_same_tokens(hf.wordpiece_from_hf(hf_cased), hf_cased, tiny_docs)


@pytest.mark.parametrize("lowercase", [True, False])
@pytest.mark.parametrize("strip_accents", [None, True, False])
def test_wordpiece_matches_hf_on_edge_cases(hf_uncased, hf_cased, valid_text, lowercase, strip_accents):
    vocab = (hf_uncased if lowercase else hf_cased).get_vocab()
    theirs = bert_wordpiece(vocab, lowercase, strip_accents)
    ours = WordPiece(vocab, lowercase=lowercase, strip_accents=strip_accents)
    assert_same_tokens(ours, theirs, EDGE_CASES + [" ".join(EDGE_CASES)] + valid_text[:200])


@functools.cache
def _unicode_3_2_characters() -> tuple[str, ...]:
    """Every character of Unicode 3.2 whose category has not changed since (lone surrogates excluded).

    HF's character classes come from Unicode 8.0 tables, Python's from a newer version: they can
    differ only on characters added or re-categorised since, so those are left out.
    """
    old = unicodedata.ucd_3_2_0
    return tuple(
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if not 0xD800 <= cp <= 0xDFFF
        and old.category(chr(cp)) not in ("Cn", "Cs")
        and old.category(chr(cp)) == unicodedata.category(chr(cp))
    )


@pytest.mark.parametrize(
    "lowercase, strip_accents", [(True, None), (False, None), (True, False), (False, True)]
)
def test_wordpiece_matches_hf_on_every_character(hf_uncased, lowercase, strip_accents):
    """Every character (200,000+) inside a word: normalisation, punctuation splits and tokens agree."""
    chars = _unicode_3_2_characters()
    assert len(chars) > 200_000
    vocab = hf_uncased.get_vocab()
    theirs = bert_wordpiece(vocab, lowercase, strip_accents)
    ours = WordPiece(vocab, lowercase=lowercase, strip_accents=strip_accents)
    text = " ".join(f"a{c}b" for c in chars)
    if ours.encode(text) != theirs.encode(text, add_special_tokens=False).ids:
        norm = [c for c in chars if ours.normalize(c) != theirs.normalizer.normalize_str(c)]
        split = [
            c
            for c in chars
            if ours.pre_tokenize(f"a{c}b") != [w for w, _ in theirs.pre_tokenizer.pre_tokenize_str(f"a{c}b")]
        ]
        code = lambda cs: [f"U+{ord(c):04X}" for c in cs[:20]]  # noqa: E731
        pytest.fail(f"normalisation differs on {code(norm)}, splits on {code(split)}")


def test_wordpiece_unknown_and_long_words(hf_uncased):
    wp = hf.wordpiece_from_hf(hf_uncased)
    assert wp.tokenize("a" * 101) == ["[UNK]"]  # longer than max_input_chars_per_word
    assert "[UNK]" not in wp.tokenize("a" * 100)
    assert wp.tokenize("ok ǂǂ ok") == ["ok", "[UNK]", "ok"]  # a character outside the vocabulary
    short = WordPiece(hf_uncased.get_vocab(), max_input_chars_per_word=5)
    assert short.tokenize("abcde abcdef") == [*wp.tokenize("abcde"), "[UNK]"]


def test_wordpiece_greedy_longest_match_first():
    vocab = ["[UNK]", "un", "##aff", "##able", "##a", "##ff", "##ab", "##le", "aff", "u", "##n", "x"]
    wp = WordPiece(vocab)
    assert wp.tokenize("unaffable") == ["un", "##aff", "##able"]
    assert wp.tokenize("Unaffable x") == ["un", "##aff", "##able", "x"]
    assert wp.tokenize("unaffablex") == ["[UNK]"]  # no "##x": the whole word is unknown
    assert wp.encode("un") == [1]
    assert wp.decode(wp.encode("unaffable x")) == "unaffable x"
    assert WordPiece({t: i for i, t in enumerate(vocab)}).vocab == wp.vocab


def test_wordpiece_decode_matches_hf(hf_uncased, valid_text):
    theirs = bert_wordpiece(hf_uncased.get_vocab(), lowercase=True, strip_accents=None)
    ours = hf.wordpiece_from_hf(hf_uncased)
    for text in valid_text[:300] + EDGE_CASES:
        ids = ours.encode(text)
        assert ours.decode(ids) == theirs.decode(ids)
    assert ours.decode(ours.encode("[CLS] hello [SEP]")) == "hello"
    assert ours.decode(ours.encode("[CLS] hello"), skip_special_tokens=False) == "[CLS] hello"


# ---------------------------------------------------------------------------------------------
# WordPiece training (likelihood rule, and the ratio rule for comparison)
# ---------------------------------------------------------------------------------------------


def _xlogx(x: int) -> float:
    return x * math.log(x) if x > 0 else 0.0


def _merge_word(s: list[str], a: str, b: str, new: str) -> list[str]:
    out, i = [], 0
    while i < len(s):
        if i + 1 < len(s) and (s[i], s[i + 1]) == (a, b):
            out.append(new)
            i += 2
        else:
            out.append(s[i])
            i += 1
    return out


def _naive_wordpiece_merges(texts: list[str], n: int, score: str = "likelihood") -> list[str]:
    """Reference trainer: recount every symbol and pair and rescore after each merge (slow, obvious).

    The likelihood score is the change in sum_t c_t log(c_t / N) when every occurrence of the pair
    is merged, from counts changed by a generic Counter (so a == b and a new token that already
    exists need no special case). Scores are rounded to 1e-6, so that ties do not depend on the
    order of floating-point sums.
    """
    wp = WordPiece()
    words: dict[str, int] = {}
    for t in texts:
        for w in wp.pre_tokenize(wp.normalize(t)):
            words[w] = words.get(w, 0) + 1
    splits = {w: [w[0]] + ["##" + c for c in w[1:]] for w in words}
    vocab = {c for s in splits.values() for c in s} | {
        c[2:] for s in splits.values() for c in s if c.startswith("##")
    }
    vocab |= {"##" + c for c in vocab if not c.startswith("##")}
    new_tokens: list[str] = []
    while len(new_tokens) < n:
        count: Counter = Counter()
        pairs: Counter = Counter()
        for w, f in words.items():
            s = splits[w]
            count.update({sym: f * k for sym, k in Counter(s).items()})
            for p in set(zip(s, s[1:])):  # how many times merging p would apply in this word
                pairs[p] += f * (len(s) - len(_merge_word(s, *p, "")))
        if not pairs:
            break
        total = count.total()

        def gain(p: tuple[str, str]) -> float:
            k = pairs[p]
            change = Counter({p[0]: 0, p[1]: 0, p[0] + p[1][2:]: 0})
            change[p[0]] -= k
            change[p[1]] -= k
            change[p[0] + p[1][2:]] += k
            loglik = lambda c, tot: sum(_xlogx(c[t]) for t in change) - _xlogx(tot)  # noqa: E731
            return round(loglik(count + change + Counter(), total - k) - loglik(count, total), 6)

        def ratio(p: tuple[str, str]) -> float:
            return pairs[p] / (count[p[0]] * count[p[1]])

        rule = gain if score == "likelihood" else ratio
        a, b = min(pairs, key=lambda p: (-rule(p), -pairs[p], p))
        new = a + b[2:]
        splits = {w: _merge_word(s, a, b, new) for w, s in splits.items()}
        if new not in vocab:
            vocab.add(new)
            new_tokens.append(new)
    return new_tokens


def test_likelihood_gain_is_the_change_in_log_likelihood():
    """likelihood_gain against the log-likelihood of a unigram model, recomputed from the words."""
    words = ["##a ##b ##c", "##a ##a ##a ##a ##a", "##ab ##c ##a ##bc", "x ##a ##b"]
    splits = [w.split() for w in words] * 3

    def loglik(splits):
        c = Counter(t for s in splits for t in s)
        return sum(k * math.log(k / c.total()) for k in c.values())

    for a, b in [("##a", "##b"), ("##a", "##a"), ("##ab", "##c"), ("##a", "##bc"), ("x", "##a")]:
        new = a + b[2:]
        merged = [_merge_word(s, a, b, new) for s in splits]
        c = Counter(t for s in splits for t in s)
        n = sum(len(s) - len(m) for s, m in zip(splits, merged))
        gain = likelihood_gain(n, c[a], c[b], c[new], c.total(), a == b)
        assert gain == pytest.approx(loglik(merged) - loglik(splits), abs=1e-9), (a, b)
    assert likelihood_gain(3, 10, 20, 0, 100, False) == likelihood_gain(3, 20, 10, 0, 100, False)


def test_wordpiece_train_hf_course_example():
    """The corpus of the HF course's WordPiece chapter, under both rules."""
    corpus = ["hug"] * 10 + ["pug"] * 5 + ["pun"] * 12 + ["bun"] * 4 + ["hugs"] * 5
    size = 5 + 2 * 7 + 4
    wp = WordPiece().train(corpus, vocab_size=size)
    assert list(wp.vocab)[:5] == list(SPECIAL_TOKENS)
    alphabet = ["b", "g", "h", "n", "p", "s", "u", "##b", "##g", "##h", "##n", "##p", "##s", "##u"]
    assert list(wp.vocab)[5:19] == alphabet
    # N = 113 pieces; ('##u', '##g') occurs 20 times, count(##u) = 36, count(##g) = 20, and its
    # gain f(16) - f(36) + f(0) - f(20) + f(20) - f(0) - f(93) + f(113) = 28.0 (f(x) = x log x)
    # is the largest. The ratio rule takes ##gs first (5/(20*5) = 1/20), which occurs 5 times.
    assert list(wp.vocab)[19:] == ["##ug", "##un", "hug", "pun"]
    assert wp.tokenize("hugs pun bug") == ["hug", "##s", "pun", "b", "##ug"]
    # the ratio rule: then all pairs tie at 1/36 and the tie goes to the most frequent, ('p', '##u');
    # then ('h', '##u'), ('b', '##u') and ('##u', '##gs') tie at 1/19, and ('h', '##u') = 15 wins
    ratio = WordPiece().train(corpus, vocab_size=size, score="ratio")
    assert list(ratio.vocab)[19:] == ["##gs", "pu", "hu", "bu"]
    assert ratio.tokenize("hugs pun bug") == ["hu", "##gs", "pu", "##n", "bu", "##g"]
    with pytest.raises(ValueError, match="score"):
        WordPiece().train(corpus, vocab_size=size, score="frequency")


def test_wordpiece_train_runs_of_one_character():
    """In 'aaaaa' the pair ('##a', '##a') applies twice, not four times."""
    wp = WordPiece().train(["aaaaa"] * 3 + ["ab"], vocab_size=5 + 4 + 3)
    assert list(wp.vocab)[9:] == ["##aa", "##aaaa", "aaaaa"]
    assert wp.tokenize("aaaaa aaa") == ["aaaaa", "a", "##aa"]


@pytest.mark.parametrize("score, n_texts, n_merges", [("likelihood", 60, 150), ("ratio", 40, 100)])
def test_wordpiece_train_matches_naive_reference(train_text, score, n_texts, n_merges):
    texts = train_text[:n_texts]
    wp = WordPiece().train(texts, vocab_size=10_000, score=score)  # runs until no pair is left
    n_alphabet = 5 + 2 * len({c for t in texts for w in wp.pre_tokenize(wp.normalize(t)) for c in w})
    learnt = list(wp.vocab)[n_alphabet:]
    assert learnt[:n_merges] == _naive_wordpiece_merges(texts, n_merges, score)
    assert len(wp) == n_alphabet + len(learnt)


def test_wordpiece_likelihood_rule_is_close_to_hf_trainer(train_text, valid_text, hf_uncased):
    """At 4,000 tokens on pydocs, the likelihood rule needs within 5 % of the tokens of HF's trainer."""
    ours = WordPiece().train(train_text, vocab_size=4000, min_frequency=2)
    theirs = hf.wordpiece_from_hf(hf_uncased)
    n_words = sum(len(ours.pre_tokenize(ours.normalize(t))) for t in valid_text)
    per_word = [sum(len(w.encode(t)) for t in valid_text) / n_words for w in (ours, theirs)]
    assert per_word[0] <= 1.05 * per_word[1], per_word
    assert ours.tokenize("the The returns value") == ["the", "the", "returns", "value"]


def test_wordpiece_train_is_deterministic(train_text):
    texts = train_text[:1500]
    first = WordPiece().train(texts, vocab_size=1200)
    again = WordPiece().train(texts, vocab_size=1200)
    reordered = WordPiece().train(texts[::-1], vocab_size=1200)
    assert len(first) == 1200 and len(set(first.vocab)) == 1200
    assert list(first.vocab) == list(again.vocab) == list(reordered.vocab)
    assert first.vocab == {t: i for i, t in enumerate(first.vocab)}
    # every word of the training text can be encoded without [UNK]
    assert 1 not in first.encode(" ".join(texts[:100]))


def test_training_does_not_depend_on_the_hash_seed():
    """Sets and dicts of strings iterate in an order that changes with PYTHONHASHSEED: no effect."""
    code = (
        "from lmlib.data import tinyworld; from lmlib.tokenize import WordPiece, BPE; "
        "t = tinyworld.texts(300, seed=3); "
        "print(list(WordPiece().train(t, 400).vocab)[-100:], list(BPE().train(t, 400).merges)[-100:])"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    ]  # fmt: skip
    assert runs[0] == runs[1] and len(runs[0]) > 1000


def test_wordpiece_trained_from_scratch_matches_hf_encoder(train_text, valid_text):
    wp = WordPiece(lowercase=False).train(train_text[:2000], vocab_size=1500, min_frequency=2)
    assert_same_tokens(wp, bert_wordpiece(wp.vocab, lowercase=False, strip_accents=None), valid_text[:300])


# ---------------------------------------------------------------------------------------------
# BPE
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bpe(train_text) -> BPE:
    return BPE().train(train_text[:3000], vocab_size=1000)


def _random_strings(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    pools = [
        lambda: rng.randrange(32, 127),
        lambda: rng.randrange(0x80, 0x3000),
        lambda: rng.randrange(0x3000, 0xD800),
        lambda: rng.randrange(0xE000, 0x110000),
        lambda: rng.choice([9, 10, 13, 32, 32, 32, 0x85, 0xA0, 0x2028, 0x3000, 0x1C, 0]),
    ]
    return ["".join(chr(rng.choice(pools)()) for _ in range(rng.randrange(0, 40))) for _ in range(n)]


def test_bpe_round_trip(bpe, valid_text, tiny_docs):
    texts = valid_text + tiny_docs[:2000] + EDGE_CASES + _random_strings(3000)
    for text in texts:
        assert bpe.decode(bpe.encode(text)) == text
    lone = "lone \ud800 surrogate \udfff"
    assert bpe.decode(bpe.encode(lone)) == lone
    assert bpe.decode([0xE2, 0x82]) == "\ufffd"  # a cut UTF-8 sequence decodes to U+FFFD
    assert len(bpe.encode(" ".join(valid_text))) < 0.4 * len(" ".join(valid_text).encode())


def test_bpe_matches_hf_given_same_merges(bpe, valid_text, tiny_docs):
    theirs = hf.bpe_to_hf(bpe)
    texts = valid_text + tiny_docs[:2000] + EDGE_CASES + _random_strings(2000, seed=1)
    for text, enc in zip(texts, theirs.encode_batch(texts)):
        assert bpe.encode(text) == enc.ids, text
    assert theirs.decode(bpe.encode(valid_text[0])) == valid_text[0]
    assert sorted(hf.gpt2_byte_chars().values()) == sorted(pre_tokenizers.ByteLevel.alphabet())


def _naive_bpe_merges(texts: list[str], n: int) -> list[tuple[int, int]]:
    """Reference trainer in the style of minbpe: recount all pairs after each merge."""
    chunks = [list(c.encode()) for t in texts for c in BPE().chunks(t)]
    merges = []
    for new in range(256, 256 + n):
        counts: dict[tuple[int, int], int] = {}
        for ids in chunks:
            for p in zip(ids, ids[1:]):
                counts[p] = counts.get(p, 0) + 1
        if not counts:
            break
        pair = min(counts, key=lambda p: (-counts[p], p))
        merges.append(pair)
        for k, ids in enumerate(chunks):
            out, i = [], 0
            while i < len(ids):
                if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
                    out.append(new)
                    i += 2
                else:
                    out.append(ids[i])
                    i += 1
            chunks[k] = out
    return merges


def test_bpe_train_matches_naive_reference_and_is_deterministic(train_text):
    texts = train_text[:80]
    ours = BPE().train(texts, vocab_size=256 + 200)
    assert list(ours.merges) == _naive_bpe_merges(texts, 200)
    assert ours.merges == BPE().train(texts[::-1], vocab_size=256 + 200).merges
    assert len(ours) == 456 and len(set(ours.vocab.values())) == 456
    tiny = BPE().train(["aaaa"], vocab_size=1000)  # runs out of pairs: stops early
    assert tiny.merges == {(97, 97): 256, (256, 256): 257} and tiny.encode("aaaaa") == [257, 97]


# ---------------------------------------------------------------------------------------------
# HF helpers
# ---------------------------------------------------------------------------------------------


def test_hf_training_is_deterministic(train_text):
    texts = train_text[:2000]
    vocabs = [hf.train_wordpiece(texts, 1000).get_vocab() for _ in range(3)]
    assert vocabs[0] == vocabs[1] == vocabs[2]  # HF's own trainer alone is not: see hf.train_wordpiece
    order = sorted(vocabs[0], key=vocabs[0].get)
    normalizer = normalizers.BertNormalizer(lowercase=True)
    chars = sorted({c for t in texts for c in normalizer.normalize_str(t) if not c.isspace()})
    assert order[: 5 + 2 * len(chars)] == [*SPECIAL_TOKENS, *chars, *("##" + c for c in chars)]
    first, again = hf.train_bpe(texts, 600), hf.train_bpe(texts, 600)
    assert first.to_str() == again.to_str()
    assert [first.id_to_token(i) for i in range(5)] == list(SPECIAL_TOKENS)
    assert first.encode("a b", "c").tokens[0] == "[CLS]"


def test_hf_save_load(hf_uncased, tmp_path, valid_text):
    for path in (tmp_path / "bert", tmp_path / "other.json"):
        file = hf.save(hf_uncased, path)
        assert file.exists() and file.suffix == ".json"
        loaded = hf.load(path)
        assert [e.ids for e in loaded.encode_batch(valid_text[:50])] == [
            e.ids for e in hf_uncased.encode_batch(valid_text[:50])
        ]
    with pytest.raises(FileNotFoundError, match="save"):
        hf.load(tmp_path / "missing")


@pytest.mark.parametrize("truncation", ["longest_first", "only_first", "only_second", "do_not_truncate"])
def test_encode_pair_matches_hf_post_processor(hf_uncased, valid_text, truncation):
    """lmlib's pair encoding = HF's TemplateProcessing + enable_truncation + enable_padding."""
    rng = random.Random(0)
    pairs = [tuple(t[: rng.randrange(0, 300)] for t in rng.sample(valid_text, 2)) for _ in range(150)]
    pad = hf_uncased.token_to_id("[PAD]")
    checked = refused = 0
    for max_length in (3, 4, 5, 8, 17, 32, 64, 128):
        ref = Tokenizer.from_str(hf_uncased.to_str())
        if truncation != "do_not_truncate":
            ref.enable_truncation(max_length, strategy=truncation)
        ref.enable_padding(length=max_length, pad_id=pad, pad_token="[PAD]")
        for a, b in pairs:
            try:
                enc = ref.encode(a, b)
            except Exception:  # HF cannot truncate the pair this way
                enc = None
            if enc is None or len(enc.ids) > max_length:  # do_not_truncate: HF returns it over-long
                with pytest.raises(ValueError, match="max_length"):
                    hf.encode_pair(hf_uncased, a, b, max_length, truncation)
                refused += 1
            else:
                expected = {
                    "input_ids": enc.ids,
                    "token_type_ids": enc.type_ids,
                    "attention_mask": enc.attention_mask,
                }
                assert hf.encode_pair(hf_uncased, a, b, max_length, truncation) == expected
                checked += 1
    assert checked > 300
    assert (refused > 0) == (truncation != "longest_first")


def test_encode_pair_layout(hf_uncased):
    enc = hf.encode_pair(hf_uncased, "The file", "is open", max_length=10)
    tokens = [hf_uncased.id_to_token(i) for i in enc["input_ids"]]
    assert tokens == ["[CLS]", "the", "file", "[SEP]", "is", "open", "[SEP]", "[PAD]", "[PAD]", "[PAD]"]
    assert enc["token_type_ids"] == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0]
    assert enc["attention_mask"] == [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]
    assert hf.encode_pair(hf_uncased, "a", "b", max_length=3, truncation="only_first")["input_ids"] == [
        2,
        3,
        3,
    ]
    assert hf.truncate_pair(10, 3, 8, "longest_first") == (5, 3)
    assert hf.truncate_pair(10, 10, 7, "longest_first") == (3, 4)
    assert hf.truncate_pair(11, 10, 7, "longest_first") == (4, 3)


def test_wordpiece_bridges(hf_uncased, train_text, valid_text):
    wp = hf.wordpiece_from_hf(hf_uncased)
    back = hf.wordpiece_to_hf(WordPiece(hf_uncased.get_vocab(), lowercase=False, strip_accents=True))
    assert hf.wordpiece_from_hf(back).__dict__.keys() == wp.__dict__.keys()
    again = hf.wordpiece_from_hf(back)
    assert (again.lowercase, again.strip_accents, again.vocab) == (False, True, wp.vocab)
    assert_same_tokens(again, back, valid_text[:200])
    assert back.encode("a", "b").tokens == ["[CLS]", "a", "[SEP]", "b", "[SEP]"]
    assert wp.vocab == hf_uncased.get_vocab() and wp.lowercase and wp.strip_accents
    assert wp.special_tokens == SPECIAL_TOKENS and wp.max_input_chars_per_word == 100
    with pytest.raises(ValueError, match="WordPiece"):
        hf.wordpiece_from_hf(hf.train_bpe(train_text[:200], 300))


# ---------------------------------------------------------------------------------------------
# Errors that say what was wrong and what to do
# ---------------------------------------------------------------------------------------------


def test_untrained_tokenizers_raise():
    with pytest.raises(RuntimeError, match="train"):
        WordPiece().encode("hello")
    with pytest.raises(RuntimeError, match="train"):
        WordPiece().decode([1])
    with pytest.raises(RuntimeError, match="train"):
        BPE().encode("hello")


def test_vocab_size_too_small(train_text):
    texts = ["hello world", "help"]  # alphabet: d e h l o p r w -> 8 characters, 16 with ##
    with pytest.raises(ValueError, match=r"vocab_size >= 21"):
        WordPiece().train(texts, vocab_size=20)
    assert list(WordPiece().train(texts, vocab_size=21).vocab)[-1] == "##w"  # the minimum is enough
    with pytest.raises(ValueError, match=r"vocab_size >= 256"):
        BPE().train(texts, vocab_size=255)
    with pytest.raises(ValueError, match=r"vocab_size >= \d+"):
        hf.train_wordpiece(train_text[:100], vocab_size=30)
    with pytest.raises(ValueError, match=r"vocab_size >= 261"):
        hf.train_bpe(texts, vocab_size=100)


def test_bad_vocabularies_and_pairs(hf_uncased):
    with pytest.raises(ValueError, match="unknown token"):
        WordPiece(["a", "##b"])
    with pytest.raises(ValueError, match="same id"):
        WordPiece({"[UNK]": 0, "a": 0})
    with pytest.raises(ValueError, match="out of order"):
        BPE({(97, 98): 300})
    with pytest.raises(ValueError, match="max_length >= 3"):
        hf.encode_pair(hf_uncased, "a", "b", max_length=2)
    with pytest.raises(ValueError, match="raise max_length"):
        hf.encode_pair(hf_uncased, "a b c d", "e f", max_length=5, truncation="do_not_truncate")
    with pytest.raises(ValueError, match="cannot make the pair fit"):
        hf.encode_pair(hf_uncased, "a", "b c d e f g", max_length=5, truncation="only_first")
    with pytest.raises(ValueError, match="choose one of"):
        hf.encode_pair(hf_uncased, "a", "b", max_length=5, truncation="longest")
