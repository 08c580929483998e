"""Helpers around HF ``tokenizers``: BERT-style WordPiece, byte-level BPE and Unigram tokenizers,
saving and loading ``tokenizer.json``, BERT's sentence-pair input, and bridges between the
from-scratch tokenizers and HF (same vocabulary, same tokens).

BERT's input for a pair of sentences (Devlin et al. 2019) is

    [CLS] a1 a2 ... [SEP] b1 b2 ... [SEP] [PAD] ...
    token_type_ids:  0 for [CLS], sentence A and its [SEP]; 1 for sentence B and its [SEP]; 0 for padding
    attention_mask:  1 for real tokens, 0 for padding
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

from .bpe import BPE
from .unigram import SPACE, Unigram, pre_tokenize
from .wordpiece import SPECIAL_TOKENS, WHITESPACE, WordPiece

TRUNCATION = ("longest_first", "only_first", "only_second", "do_not_truncate")


def bert_post_processor(tokenizer: Tokenizer) -> processors.TemplateProcessing:
    """``[CLS] $A [SEP]`` for one sentence, ``[CLS] $A [SEP] $B:1 [SEP]:1`` for a pair."""
    ids = {t: tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]")}
    return processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=list(ids.items())
    )


def _check_size(tokenizer: Tokenizer, vocab_size: int, what: str) -> None:
    if tokenizer.get_vocab_size() > vocab_size:
        raise ValueError(
            f"vocab_size={vocab_size} is too small: {what} need at least {tokenizer.get_vocab_size()} "
            f"tokens; use vocab_size >= {tokenizer.get_vocab_size()}"
        )


def train_wordpiece(
    texts: Iterable[str],
    vocab_size: int,
    lowercase: bool = True,
    strip_accents: bool | None = None,
    min_frequency: int = 2,
    max_input_chars_per_word: int = 100,
) -> Tokenizer:
    """Train a BERT WordPiece tokenizer (BertNormalizer + BertPreTokenizer + WordPiece, ``##``).

    The vocabulary is the special tokens, every character of the text and its ``##`` variant, then
    the learnt pieces. HF's WordPiece trainer picks pieces like BPE (the most frequent pair); the
    encoder is BERT's greedy longest-match-first. HF's trainer numbers the ``##`` characters in
    hash-map order and breaks ties between pairs by those numbers, so two runs on the same text can
    learn different vocabularies (huggingface/tokenizers#1794); giving the trainer the ``##``
    alphabet up front, in sorted order, makes training deterministic.
    """
    texts = list(texts)
    normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=strip_accents, lowercase=lowercase
    )
    chars = sorted({c for t in texts for c in normalizer.normalize_str(t)} - WHITESPACE)
    continuing = [f"##{c}" for c in chars]
    minimum = len(SPECIAL_TOKENS) + len(chars) + len(continuing)
    if vocab_size < minimum:
        raise ValueError(
            f"vocab_size={vocab_size} is too small for this text: the {len(SPECIAL_TOKENS)} special "
            f"tokens and the {len(chars)} characters with their ## variants need at least {minimum}; "
            f"use vocab_size >= {minimum}"
        )
    scratch = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    scratch.normalizer = normalizer
    scratch.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=[*SPECIAL_TOKENS, *continuing],  # the ## alphabet only for fixed ids: see above
        continuing_subword_prefix="##",
        show_progress=False,
    )
    scratch.train_from_iterator(texts, trainer)
    learnt = scratch.get_vocab()
    order = list(dict.fromkeys([*SPECIAL_TOKENS, *chars, *continuing, *sorted(learnt, key=learnt.get)]))
    model = models.WordPiece(
        {t: i for i, t in enumerate(order)},
        unk_token="[UNK]",
        max_input_chars_per_word=max_input_chars_per_word,
    )
    tok = Tokenizer(model)
    tok.normalizer = normalizer
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix="##")
    tok.add_special_tokens(list(SPECIAL_TOKENS))
    tok.post_processor = bert_post_processor(tok)
    return tok


def train_bpe(texts: Iterable[str], vocab_size: int, min_frequency: int = 2) -> Tokenizer:
    """Train a byte-level BPE tokenizer (GPT-2's pre-tokenisation) with BERT's special tokens and template."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=list(SPECIAL_TOKENS),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer)
    _check_size(tok, vocab_size, f"the {len(SPECIAL_TOKENS)} special tokens and the 256 bytes")
    tok.post_processor = bert_post_processor(tok)
    return tok


def _json_path(path: str | Path) -> Path:
    path = Path(path)
    return path if path.suffix == ".json" else path / "tokenizer.json"


def save(tokenizer: Tokenizer, path: str | Path) -> Path:
    """Write the tokenizer as JSON: to ``path`` if it ends in ``.json``, else to ``path/tokenizer.json``."""
    file = _json_path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(file))
    return file


def load(path: str | Path) -> Tokenizer:
    """Read a tokenizer saved by ``save`` (the ``tokenizer.json`` file, or its directory)."""
    file = _json_path(path)
    if not file.exists():
        raise FileNotFoundError(
            f"no tokenizer at {file}; save one with lmlib.tokenize.hf.save(tokenizer, path)"
        )
    return Tokenizer.from_file(str(file))


def truncate_pair(n_a: int, n_b: int, budget: int, truncation: str) -> tuple[int, int]:
    """How many tokens of sentences A and B to keep so that they fit in ``budget`` (HF's rules).

    ``longest_first`` removes tokens from the longer sentence until both are equal, then from both;
    when both are cut to half the budget, the longer one (B on a tie) gets the odd token. ``only_first`` /
    ``only_second`` cut one sentence and fail if it would have to disappear entirely.
    """
    if truncation not in TRUNCATION:
        raise ValueError(f"unknown truncation {truncation!r}; choose one of {TRUNCATION}")
    excess = n_a + n_b - budget
    if excess <= 0:
        return n_a, n_b
    if budget == 0 and truncation != "do_not_truncate":
        return 0, 0  # HF's special case: no room at all empties both sentences, whatever the strategy
    if truncation == "do_not_truncate":
        raise ValueError(
            f"the pair has {n_a} + {n_b} tokens, more than the {budget} that fit with [CLS] and two [SEP]; "
            "raise max_length or choose a truncation strategy such as 'longest_first'"
        )
    if truncation == "longest_first":
        short, long = sorted((n_a, n_b))
        long = short if short > budget else max(short, budget - short)
        if short + long > budget:
            short, long = budget // 2, budget // 2 + budget % 2
        return (short, long) if n_a <= n_b else (long, short)
    n = n_a if truncation == "only_first" else n_b
    if n <= excess:
        which = "first" if truncation == "only_first" else "second"
        raise ValueError(
            f"truncation={truncation!r} cannot make the pair fit in max_length: the {which} sentence has {n} "
            f"tokens and {excess} must go; raise max_length or use truncation='longest_first'"
        )
    return (n_a - excess, n_b) if truncation == "only_first" else (n_a, n_b - excess)


def encode_pair(
    tokenizer: Tokenizer, a: str, b: str, max_length: int, truncation: str = "longest_first"
) -> dict[str, list[int]]:
    """BERT's input for the pair (a, b): ids, segment ids and attention mask, padded to ``max_length``."""
    if max_length < 3:
        raise ValueError(
            f"max_length={max_length} leaves no room for [CLS] a [SEP] b [SEP]; use max_length >= 3"
        )
    special = {t: tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", "[PAD]")}
    missing = [t for t, i in special.items() if i is None]
    if missing:
        raise ValueError(f"the tokenizer has no {missing} token(s); train it with lmlib.tokenize.hf.train_*")
    if tokenizer.truncation or tokenizer.padding:  # encode the sentences as they are
        tokenizer = Tokenizer.from_str(tokenizer.to_str())
        tokenizer.no_truncation()
        tokenizer.no_padding()
    ids_a = tokenizer.encode(a, add_special_tokens=False).ids
    ids_b = tokenizer.encode(b, add_special_tokens=False).ids
    n_a, n_b = truncate_pair(len(ids_a), len(ids_b), max_length - 3, truncation)
    cls, sep, pad = special["[CLS]"], special["[SEP]"], special["[PAD]"]
    input_ids = [cls, *ids_a[:n_a], sep, *ids_b[:n_b], sep]
    token_type_ids = [0] * (n_a + 2) + [1] * (n_b + 1)
    n_pad = max_length - len(input_ids)
    return {
        "input_ids": input_ids + [pad] * n_pad,
        "token_type_ids": token_type_ids + [0] * n_pad,
        "attention_mask": [1] * len(input_ids) + [0] * n_pad,
    }


def wordpiece_from_hf(tokenizer: Tokenizer) -> WordPiece:
    """The from-scratch ``WordPiece`` with the vocabulary and normalisation of an HF BERT tokenizer."""
    spec = json.loads(tokenizer.to_str())
    model, norm, pre = spec["model"], spec.get("normalizer") or {}, spec.get("pre_tokenizer") or {}
    if model.get("type") != "WordPiece":
        raise ValueError(f"expected a WordPiece model, got {model.get('type')!r}")
    if norm.get("type") != "BertNormalizer" or pre.get("type") != "BertPreTokenizer":
        raise ValueError(
            f"expected BertNormalizer + BertPreTokenizer, got {norm.get('type')!r} + {pre.get('type')!r}; "
            "the from-scratch WordPiece implements only BERT's normalisation"
        )
    added = spec.get("added_tokens") or []
    if any(
        not t["special"] or t["normalized"] or t["single_word"] or t["lstrip"] or t["rstrip"] for t in added
    ):
        raise ValueError("only plain special added tokens are supported (special=True, normalized=False)")
    return WordPiece(
        model["vocab"],
        lowercase=norm["lowercase"],
        strip_accents=norm["strip_accents"],
        clean_text=norm["clean_text"],
        handle_chinese_chars=norm["handle_chinese_chars"],
        unk_token=model["unk_token"],
        prefix=model["continuing_subword_prefix"],
        max_input_chars_per_word=model["max_input_chars_per_word"],
        special_tokens=[t["content"] for t in added],
    )


def wordpiece_to_hf(wp: WordPiece) -> Tokenizer:
    """An HF tokenizer with the vocabulary and normalisation of a from-scratch ``WordPiece``."""
    wp._check_trained()
    tok = Tokenizer(
        models.WordPiece(
            wp.vocab,
            unk_token=wp.unk_token,
            continuing_subword_prefix=wp.prefix,
            max_input_chars_per_word=wp.max_input_chars_per_word,
        )
    )
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=wp.clean_text,
        handle_chinese_chars=wp.handle_chinese_chars,
        strip_accents=wp.strip_accents,
        lowercase=wp.lowercase,
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix=wp.prefix, cleanup=False)
    tok.add_special_tokens([t for t in wp.special_tokens if t in wp.vocab])
    if all(t in wp.vocab for t in ("[CLS]", "[SEP]")):
        tok.post_processor = bert_post_processor(tok)
    return tok


def gpt2_byte_chars() -> dict[int, str]:
    """GPT-2's map from the 256 bytes to printable characters, the spelling of byte-level tokens."""
    keep = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    rest = [b for b in range(256) if b not in keep]
    return {**{b: chr(b) for b in keep}, **{b: chr(256 + i) for i, b in enumerate(rest)}}


def bpe_to_hf(bpe: BPE) -> Tokenizer:
    """An HF byte-level BPE tokenizer (GPT-2 pre-tokenisation) with the merges of a from-scratch ``BPE``."""
    bpe._check_trained()
    chars = gpt2_byte_chars()
    spell = lambda token: "".join(chars[b] for b in bpe.vocab[token])  # noqa: E731
    merges = [(spell(a), spell(b)) for (a, b), _ in sorted(bpe.merges.items(), key=lambda kv: kv[1])]
    tok = Tokenizer(models.BPE({spell(i): i for i in bpe.vocab}, merges))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    return tok


def _metaspace(tok: Tokenizer) -> Tokenizer:
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=SPACE, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=SPACE, prepend_scheme="always", split=True)
    return tok


def train_unigram(
    texts: Iterable[str], vocab_size: int, unk_token: str = "<unk>", max_piece_length: int = 16
) -> Tokenizer:
    """Train HF's ``UnigramTrainer`` with the from-scratch ``Unigram``'s pipeline (Metaspace, no
    normaliser); the result has no added tokens, so ``unigram_from_hf`` reads it exactly."""
    texts = list(texts)
    n_chars = len({c for t in texts for w in pre_tokenize(t) for c in w})
    if vocab_size < n_chars + 1:
        raise ValueError(
            f"vocab_size={vocab_size} is too small for this text: the unknown piece and the {n_chars} "
            f"characters need at least {n_chars + 1}; use vocab_size >= {n_chars + 1}"
        )
    scratch = _metaspace(Tokenizer(models.Unigram()))
    trainer = trainers.UnigramTrainer(
        vocab_size=vocab_size,
        unk_token=unk_token,
        special_tokens=[unk_token],
        max_piece_length=max_piece_length,
        show_progress=False,
    )
    scratch.train_from_iterator(texts, trainer)
    model = json.loads(scratch.to_str())["model"]
    pieces = [(p, s) for p, s in model["vocab"]]
    return _metaspace(Tokenizer(models.Unigram(pieces, unk_id=model["unk_id"], byte_fallback=False)))


def unigram_to_hf(tok: Unigram) -> Tokenizer:
    """An HF tokenizer (``models.Unigram`` + Metaspace, no normaliser) with the pieces and scores of
    a from-scratch ``Unigram``: the same tokens, ids and decoded text."""
    if not isinstance(tok, Unigram):
        raise TypeError(f"expected an lmlib Unigram, got {type(tok).__name__}")
    tok._check_trained()
    return _metaspace(Tokenizer(models.Unigram(tok.pieces, unk_id=tok.unk_id, byte_fallback=False)))


def unigram_from_hf(tokenizer: Tokenizer) -> Unigram:
    """The from-scratch ``Unigram`` with the pieces and scores of an HF Unigram tokenizer whose
    pipeline it implements: no normaliser, ``Metaspace(prepend_scheme="always", split=True)``, no
    byte fallback and no added tokens."""
    spec = json.loads(tokenizer.to_str())
    model, pre = spec["model"], spec.get("pre_tokenizer") or {}
    if model.get("type") != "Unigram":
        raise ValueError(f"expected a Unigram model, got {model.get('type')!r}")
    if model.get("unk_id") is None:
        raise ValueError("the HF Unigram has no unk_id; the from-scratch Unigram needs an unknown piece")
    if model.get("byte_fallback"):
        raise ValueError("byte_fallback=True is not implemented by the from-scratch Unigram")
    expected = {"type": "Metaspace", "replacement": SPACE, "prepend_scheme": "always", "split": True}
    if spec.get("normalizer") is not None or {k: pre.get(k) for k in expected} != expected:
        raise ValueError(
            f"expected no normaliser and {expected}, got {spec.get('normalizer')} and {pre or None}; "
            "the from-scratch Unigram implements only that pipeline"
        )
    if spec.get("added_tokens"):
        raise ValueError("the from-scratch Unigram has no added tokens; build the HF tokenizer without them")
    return Unigram([(p, s) for p, s in model["vocab"]], unk_id=model["unk_id"])
