"""NSP and SOP pairs of contiguous multi-sentence segments: segments are whole consecutive sentences of
one document within the target length, IsNext B follows A, NotNext B comes from another document (at
the same sentence index for same_position), SOP swaps are reversed in-order pairs, labels are
balanced, everything is deterministic, bad arguments fail clearly, and the pairs feed PairDataset and
mlm_loader unchanged."""

import math

import pytest
import torch

from lmlib.data import tinyworld
from lmlib.data.mlm import IGNORE_INDEX, IS_NEXT, NOT_NEXT, PairDataset, SentencePair, mlm_loader
from lmlib.data.pairs import (
    IN_ORDER, NEGATIVES, PARAGRAPH, SWAPPED, PairList, SegmentPair, document_sentences, nsp_segment_pairs,
    sop_pairs,
)
from lmlib.tokenize.hf import encode_pair, train_wordpiece

MAX = 128  # errand sentences reach about 90 tokens


def within(count: int, n: int, p: float, sigmas: float = 4.0) -> bool:
    """``count`` successes in ``n`` trials is within ``sigmas`` standard deviations of Binomial(n, p)."""
    return abs(count - n * p) <= sigmas * math.sqrt(n * p * (1 - p))


@pytest.fixture(scope="module")
def docs():
    return tinyworld.generate(600, seed=0)


@pytest.fixture(scope="module")
def sents(docs):
    return [document_sentences(d) for d in docs]


@pytest.fixture(scope="module")
def tok(docs):
    return train_wordpiece([d.text for d in docs], vocab_size=1000)


@pytest.fixture(scope="module")
def ntok(tok):
    return lambda text: len(tok.encode(text, add_special_tokens=False).ids)


@pytest.fixture(scope="module", params=[*NEGATIVES, "sop"])
def mode_pairs(request, docs, tok):
    if request.param == "sop":
        return "sop", sop_pairs(docs, tok, MAX, seed=0)
    return request.param, nsp_segment_pairs(docs, tok, MAX, negatives=request.param, seed=0)


def test_document_sentences_drop_paragraph_marks_and_split_after_quotes():
    text = 'It was spring. ¶ "I am glad," she said, "and now I must go." Mr Reed left! Why? ¶ The end.'
    assert document_sentences(text) == ["It was spring.", '"I am glad," she said, "and now I must go."',
                                        "Mr Reed left!", "Why?", "The end."]
    assert tinyworld.PARAGRAPH.strip() == PARAGRAPH
    assert document_sentences(" ¶ ") == []


def test_segments_are_whole_consecutive_sentences_within_max_length(mode_pairs, sents, ntok):
    mode, pairs = mode_pairs
    assert isinstance(pairs, PairList) and len(pairs) > 1000
    multi = 0
    for p in pairs:
        assert isinstance(p, SegmentPair) and isinstance(p, SentencePair)
        for text, d, span in ((p.a, p.doc_a, p.span_a), (p.b, p.doc_b, p.span_b)):
            assert len(span) >= 1 and 0 <= span.start and span.stop <= len(sents[d])
            assert text == " ".join(sents[d][span.start:span.stop])
            assert PARAGRAPH not in text
            multi += len(span) > 1
        assert ntok(p.a) + ntok(p.b) + 3 <= MAX  # [CLS] A [SEP] B [SEP]: PairDataset never truncates
    assert multi > 0.3 * len(pairs)  # segments of several sentences, not single sentences


def test_positive_b_follows_a_and_negative_b_comes_from_another_document(mode_pairs, sents):
    mode, pairs = mode_pairs
    for p in pairs:
        if p.is_next:
            assert p.label == IS_NEXT == IN_ORDER
            assert p.doc_b == p.doc_a and p.span_b.start == p.span_a.stop  # never past the document's end
        elif mode == "sop":
            assert p.label == SWAPPED and p.doc_b == p.doc_a and p.span_a.start == p.span_b.stop
        else:
            assert p.label == NOT_NEXT and p.doc_b != p.doc_a
            if mode == "same_position":
                assert p.span_b.start == p.span_a.stop  # the index where the true B would start
    if mode == "random":  # BERT's negatives start anywhere, often at a document's first sentence
        starts = [p.span_b.start for p in pairs if not p.is_next]
        assert starts.count(0) > 0.1 * len(starts) and max(starts) > 10


def test_same_position_hides_where_b_starts(docs, tok):
    """With same_position negatives B's first sentence index has the same distribution for both labels:
    the two means differ by less than 3 standard errors; with random negatives by far more."""
    import statistics
    for negatives, similar in (("random", False), ("same_position", True)):
        pairs = nsp_segment_pairs(docs, tok, MAX, negatives=negatives, seed=1)
        starts = {lab: [p.span_b.start for p in pairs if p.label == lab] for lab in (IS_NEXT, NOT_NEXT)}
        diff = statistics.fmean(starts[IS_NEXT]) - statistics.fmean(starts[NOT_NEXT])
        se = sum(statistics.variance(x) / len(x) for x in starts.values()) ** 0.5
        assert (abs(diff) < 3 * se) == similar and (similar or abs(diff) > 10 * se), (negatives, diff, se)


def test_chunks_are_packed_to_the_target(docs, sents, tok, ntok):
    """Without short targets a positive pair stops at its document's end or where one more sentence
    would not fit; with short targets (BERT's short_seq_prob) segments are shorter."""
    pairs = sop_pairs(docs, tok, MAX, p_swap=0.0, short_seq_prob=0.0, seed=0)
    for p in pairs:
        end = p.span_b.stop
        assert end == len(sents[p.doc_b]) or ntok(p.a) + ntok(p.b) + ntok(sents[p.doc_b][end]) + 3 > MAX
    short = sop_pairs(docs, tok, MAX, p_swap=0.0, short_seq_prob=1.0, seed=0)
    size = {k: sum(ntok(p.a) + ntok(p.b) for p in v) / len(v) for k, v in (("full", pairs), ("short", short))}
    assert size["short"] < 0.9 * size["full"] and len(short) > len(pairs)  # measured: 40 vs 49 tokens
    two = {k: sum(len(p.span_a) + len(p.span_b) == 2 for p in v) / len(v)
           for k, v in (("full", pairs), ("short", short))}
    assert two["short"] > two["full"] + 0.1  # a short target mostly leaves the minimum, two sentences
    assert all(len(p.span_a) >= 1 and len(p.span_b) >= 1 for p in short)


def test_sop_swapped_pairs_are_the_in_order_pairs_reversed(docs, tok):
    ordered = sop_pairs(docs, tok, MAX, p_swap=0.0, seed=3)
    swapped = sop_pairs(docs, tok, MAX, p_swap=1.0, seed=3)
    assert all(p.label == IN_ORDER for p in ordered) and all(p.label == SWAPPED for p in swapped)
    assert len(ordered) == len(swapped)
    for o, s in zip(ordered, swapped):
        assert (s.a, s.b, s.span_a, s.span_b) == (o.b, o.a, o.span_b, o.span_a) and s.doc_a == o.doc_a


def test_labels_are_balanced_within_binomial_bounds(docs, tok):
    many = docs  # about 2,900 pairs at max_length 128
    for negatives in NEGATIVES:
        pairs = nsp_segment_pairs(many, tok, MAX, negatives=negatives, seed=5)
        assert within(sum(p.is_next for p in pairs), len(pairs), 0.5), negatives
        pairs = nsp_segment_pairs(many, tok, MAX, negatives=negatives, p_next=0.8, seed=6)
        assert within(sum(p.is_next for p in pairs), len(pairs), 0.8), negatives
    pairs = sop_pairs(many, tok, MAX, seed=5)
    assert within(sum(p.label for p in pairs), len(pairs), 0.5)
    pairs = sop_pairs(many, tok, MAX, p_swap=0.3, seed=5)
    assert within(sum(p.label for p in pairs), len(pairs), 0.3)


def test_pairs_are_deterministic_by_seed(docs, tok):
    for make in (lambda d, s: nsp_segment_pairs(d, tok, MAX, seed=s),
                 lambda d, s: nsp_segment_pairs(d, tok, MAX, negatives="same_position", seed=s),
                 lambda d, s: sop_pairs(d, tok, MAX, seed=s)):
        docs = docs[:200]
        a = make(docs, 0)
        torch.manual_seed(123)  # global state must not matter
        assert make(docs, 0) == a
        assert make([d.text for d in docs], 0) == a  # strings or documents
        assert make(docs, 1) != a


def test_skipped_documents_are_counted_and_plain_strings_work(tok):
    docs = ["Ada found a lamp. She mended it. It shone.", "Only one sentence here.", "",
            "Bo sold a goat. The goat ran off.", "Cy baked bread. ¶ The bread burnt."]
    pairs = nsp_segment_pairs(docs, tok, MAX, seed=0)
    assert pairs.n_documents == 5 and pairs.skipped_documents == 2 and pairs.dropped == 0
    assert {p.doc_a for p in pairs} <= {0, 3, 4}
    sop = sop_pairs(docs, tok, MAX, seed=0)
    assert sop.skipped_documents == 2 and {(p.doc_a, p.doc_b) for p in sop} <= {(0, 0), (3, 3), (4, 4)}
    assert [p.a for p in sop_pairs(docs[3:4], tok, MAX, p_swap=0.0)] == ["Bo sold a goat."]


def test_same_position_drops_chunks_without_a_negative_whatever_their_label(tok, ntok):
    docs = ["One. Two. Three. Four. Five. Six.", "One. Two."]  # only doc 0 has a sentence 3 or 5
    assert [ntok(s) for s in document_sentences(docs[0])] == [2] * 6  # so chunks of 2 for max_length 8
    for p_next in (0.0, 1.0):
        pairs = nsp_segment_pairs(docs, tok, 8, negatives="same_position", p_next=p_next, seed=0)
        assert pairs.dropped == 2 and len(pairs) == 2  # B at sentence 3 and 5: no other document has one
        assert all(p.span_b.start == 1 and p.is_next == bool(p_next) for p in pairs)


def test_pairs_feed_pair_dataset_and_mlm_loader(mode_pairs, tok):
    _, pairs = mode_pairs
    dataset = PairDataset(tok, pairs, max_length=MAX)
    assert len(dataset) == len(pairs)
    item, p = dataset[5], pairs[5]
    assert item["input_ids"].tolist() == encode_pair(tok, p.a, p.b, MAX)["input_ids"]
    n = int(item["attention_mask"].sum())
    assert n == len(tok.encode(p.a, p.b).ids)  # nothing truncated
    assert torch.equal(dataset.next_sentence_label, torch.tensor([q.label for q in pairs]))
    batch = next(iter(mlm_loader(dataset, tok, batch_size=16, shuffle=True, seed=0)))
    assert set(batch) == {"input_ids", "token_type_ids", "attention_mask", "labels", "next_sentence_label"}
    B, T = batch["input_ids"].shape
    assert B == 16 and T <= MAX and T == int(batch["attention_mask"].sum(1).max())
    assert batch["labels"].shape == batch["token_type_ids"].shape == (B, T)
    assert batch["next_sentence_label"].shape == (B,)
    assert (batch["labels"][batch["attention_mask"] == 0] == IGNORE_INDEX).all()


def test_tinyworld_documents_work_too(tok):
    docs = tinyworld.generate(200, seed=0)
    pairs = nsp_segment_pairs(docs, tok, MAX, negatives="same_position", seed=0)
    assert len(pairs) > 50 and pairs.skipped_documents < len(docs)


def test_clear_errors(docs, tok):
    with pytest.raises(ValueError, match="unknown negatives 'shuffled'"):
        nsp_segment_pairs(docs, tok, MAX, negatives="shuffled")
    for p in (-0.1, 1.5, True):
        with pytest.raises(ValueError, match="p_next"):
            nsp_segment_pairs(docs, tok, MAX, p_next=p)
        with pytest.raises(ValueError, match="p_swap"):
            sop_pairs(docs, tok, MAX, p_swap=p)
        with pytest.raises(ValueError, match="short_seq_prob"):
            sop_pairs(docs, tok, MAX, short_seq_prob=p)
    with pytest.raises(ValueError, match="too small for one sentence"):
        nsp_segment_pairs(docs, tok, 16)
    with pytest.raises(ValueError, match="max_length"):
        sop_pairs(docs, tok, 4)
    with pytest.raises(ValueError, match="no document has two consecutive sentences"):
        sop_pairs(["One sentence.", "Another one.", "Third!"], tok, MAX)
    with pytest.raises(ValueError, match="at least 2 documents"):
        nsp_segment_pairs(["Ada found a lamp. She mended it.", "Alone."], tok, MAX)
    with pytest.raises(TypeError, match="tokenizers.Tokenizer"):
        sop_pairs(docs, len, MAX)
    with pytest.raises(TypeError, match="seed"):
        sop_pairs(docs, tok, MAX, seed=1.5)
