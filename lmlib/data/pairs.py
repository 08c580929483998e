"""Sentence-pair pretraining data from contiguous multi-sentence segments: BERT's next-sentence
prediction (Devlin et al., 2019) and ALBERT's sentence-order prediction (Lan et al., 2020).

A document is split into sentences (:func:`document_sentences`). Walking through it, a *chunk* of
whole consecutive sentences is packed up to a target length, and cut at a uniformly drawn sentence
boundary into segment A (the first part) and segment B (the rest), as in BERT's
``create_pretraining_data.py``::

    document   s0 s1 s2 s3 s4 s5 s6 s7 ...
    chunk     [s0 s1 s2 s3 s4]                 packed up to the target
    pair      A = s0 s1 s2  |  B = s3 s4        (IsNext / in order)

Lengths are in **tokens of the tokenizer** the pairs will be encoded with, and ``max_length``
means what it means for :class:`~lmlib.data.mlm.PairDataset`: it counts [CLS] A [SEP] B [SEP], so
A and B together hold at most ``max_length - 3`` tokens and ``PairDataset(tok, pairs, max_length)``
never truncates (a segment's length is the sum of its sentences' lengths: exact for BERT's WordPiece,
whose pre-tokenizer splits on white space). The target is ``max_length - 3``, or with probability
``short_seq_prob`` (BERT: 0.1) a length drawn uniformly from [2, max_length - 3], so that the model
also sees short inputs. Unlike BERT, segments are never truncated: a chunk holds whole sentences only,
at least two (so that A and B are non-empty) and beyond two only what fits the target. A positive B
never crosses the end of its document.

- :func:`nsp_segment_pairs`: B is the true continuation with probability ``p_next`` (IsNext, label 0),
  else (NotNext, label 1) a segment of another document, packed to the same target, that starts at
  ``negatives="random"``: a uniformly drawn sentence (BERT's way); as in BERT the true B's sentences
  are then put back and start the next chunk. ``negatives="same_position"``: the sentence at the
  index where the true B starts, so that where B sits in a document (tinyworld documents open and
  close with fixed kinds of sentence) cannot give the label away; only the topic can.
- :func:`sop_pairs`: A and B are always two consecutive segments of one document, in order (label 0)
  or, with probability ``p_swap``, swapped (label 1): topic cannot help, only order.

Both return a :class:`PairList` of :class:`SegmentPair` (a :class:`~lmlib.data.mlm.SentencePair`
that also records where A and B come from), which feeds ``PairDataset`` and ``mlm_loader``
unchanged. Documents with no pair to make (fewer than two sentences, or no two consecutive sentences
that fit ``max_length``) are skipped and counted in ``PairList.skipped_documents``; every sentence
must fit ``max_length`` on its own (a clear ValueError says which does not). Deterministic given
``seed``::

    >>> tok = train_wordpiece([d.text for d in docs], vocab_size=1000)
    >>> pairs = nsp_segment_pairs(docs, tok, max_length=128, negatives="same_position", seed=0)
    >>> loader = mlm_loader(PairDataset(tok, pairs, max_length=128), tok, batch_size=32, shuffle=True)
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tokenizers import Tokenizer

from lmlib._checks import int_at_least
from lmlib.data.mlm import PARAGRAPH, SentencePair, _text, split_sentences

NEGATIVES = ("random", "same_position")  # where a NotNext segment B comes from
IN_ORDER, SWAPPED = 0, 1  # SOP labels (ALBERT): the same values as IsNext and NotNext
N_SPECIAL = 3  # [CLS] A [SEP] B [SEP]


def document_sentences(doc: object) -> list[str]:
    """The sentences of ``doc`` (a string or a document with ``.text``), in order, as
    :func:`lmlib.data.mlm.split_sentences` splits them."""
    return split_sentences(_text(doc))


@dataclass(frozen=True)
class SegmentPair(SentencePair):
    """Segments ``a`` and ``b`` (whole sentences joined by a space) and where they come from: sentences
    ``span_a`` of document ``doc_a`` and ``span_b`` of document ``doc_b`` (indices into ``docs`` and
    into :func:`document_sentences`). ``is_next``: ``b`` directly follows ``a`` in one document, so
    ``label`` is 0 for IsNext (NSP) or in order (SOP) and 1 for NotNext or swapped."""

    doc_a: int
    span_a: range
    doc_b: int
    span_b: range


class PairList(list):
    """A list of :class:`SegmentPair` that also says what was left out: ``skipped_documents``
    (documents with no pair to make) and ``dropped`` (NSP chunks for which no other document had a
    segment to offer as NotNext; dropped whatever their label would have been, so labels stay
    balanced). ``n_documents``: how many documents were given."""

    def __init__(self, pairs: Iterable[SegmentPair] = (), n_documents: int = 0, skipped_documents: int = 0,
                 dropped: int = 0) -> None:
        super().__init__(pairs)
        self.n_documents, self.skipped_documents, self.dropped = n_documents, skipped_documents, dropped


# ----------------------------------------------------------------------------- checks and lengths


def _probability(name: str, p: object) -> float:
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 1:
        raise ValueError(f"{name} must be a probability in [0, 1], got {p!r}")
    return float(p)


def _sentence_lengths(tokenizer: Tokenizer, sentences: list[list[str]]) -> list[list[int]]:
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError("lengths are counted in tokens: pass the tokenizers.Tokenizer the pairs will be encoded "
                        f"with (e.g. from lmlib.tokenize.hf.train_wordpiece), got {type(tokenizer).__name__}")
    if tokenizer.truncation or tokenizer.padding:  # count the sentences as they are, as encode_pair does
        tokenizer = Tokenizer.from_str(tokenizer.to_str())
        tokenizer.no_truncation()
        tokenizer.no_padding()
    flat = [s for sents in sentences for s in sents]
    encoded = tokenizer.encode_batch(flat, add_special_tokens=False) if flat else []
    counts = iter([len(e.ids) for e in encoded])
    return [[next(counts) for _ in sents] for sents in sentences]


def _prepare(docs: Iterable[object], tokenizer: Tokenizer, max_length: int, short_seq_prob: float, seed: int):
    int_at_least("max_length", max_length, N_SPECIAL + 2)
    _probability("short_seq_prob", short_seq_prob)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int, got {type(seed).__name__} {seed!r}")
    sentences = [document_sentences(d) for d in docs]
    lengths = _sentence_lengths(tokenizer, sentences)
    budget = max_length - N_SPECIAL
    longest = max(((n, d, i) for d, ls in enumerate(lengths) for i, n in enumerate(ls)), default=None)
    if longest is not None and longest[0] > budget:
        n, d, i = longest
        raise ValueError(f"max_length={max_length} is too small for one sentence: it leaves {budget} tokens "
                         f"for A and B, but sentence {i} of document {d} has {n} tokens "
                         f"({sentences[d][i][:60]!r}...); use max_length >= {n + N_SPECIAL + 1} (room for it "
                         "and a one-token neighbour), segments are whole sentences")
    usable = [any(x + y <= budget for x, y in zip(ls, ls[1:])) for ls in lengths]
    if not any(usable):
        raise ValueError(f"no document has two consecutive sentences that fit max_length={max_length} "
                         f"({len(sentences)} documents), so there is no pair to make")
    return sentences, lengths, usable, budget, random.Random(seed)


def _walk(lens: list[int], budget: int, short_seq_prob: float, rng: random.Random,
          emit: Callable[[int, int, int, int], int]) -> None:
    """Pack one document into chunks; ``emit(start, a_end, end, target)`` makes a pair from sentences
    ``[start, a_end)`` and ``[a_end, end)`` and returns where the next chunk starts."""
    i, n = 0, len(lens)
    while i < n - 1:
        target = rng.randint(2, budget) if rng.random() < short_seq_prob else budget
        j, total = i, 0
        while j < n and total + lens[j] <= target:
            total, j = total + lens[j], j + 1
        if j - i < 2:  # at least two sentences, if they fit at all
            if lens[i] + lens[i + 1] > budget:
                i += 1
                continue
            j = i + 2
        i = emit(i, rng.randint(i + 1, j - 1), j, target)


def _extend(lens: list[int], start: int, limit: int) -> int:
    """The end of the run of sentences from ``start`` (always included) whose total stays within ``limit``."""
    k, total = start + 1, lens[start]
    while k < len(lens) and total + lens[k] <= limit:
        total, k = total + lens[k], k + 1
    return k


class _Pool:
    """Documents keyed by a length (the shortest sentence, or the sentence at one index): draw a
    document other than ``d`` whose key is at most ``room``, uniformly, in O(log n)."""

    def __init__(self, keyed: Iterable[tuple[int, int]]) -> None:
        entries = sorted(keyed)
        self.keys = [k for k, _ in entries]
        self.docs = [d for _, d in entries]
        self.position = {d: i for i, d in enumerate(self.docs)}

    def _count(self, room: int, d: int) -> tuple[int, int]:
        k = bisect_right(self.keys, room)
        own = self.position.get(d, k)
        return k - (own < k), own

    def has(self, room: int, d: int) -> bool:
        return self._count(room, d)[0] > 0

    def draw(self, room: int, d: int, rng: random.Random) -> int:
        count, own = self._count(room, d)
        i = rng.randrange(count)
        return self.docs[i + (i >= own)]


def _pair(sentences: list[list[str]], doc_a: int, span_a: range, doc_b: int, span_b: range,
          is_next: bool) -> SegmentPair:
    a, b = (" ".join(sentences[d][s.start:s.stop]) for d, s in ((doc_a, span_a), (doc_b, span_b)))
    return SegmentPair(a, b, is_next, doc_a, span_a, doc_b, span_b)


# ----------------------------------------------------------------------------- the two tasks


def nsp_segment_pairs(docs: Iterable[object], tokenizer: Tokenizer, max_length: int = 128, *,
                      negatives: str = "random", p_next: float = 0.5, short_seq_prob: float = 0.1,
                      seed: int = 0) -> PairList:
    """BERT's NSP pairs of contiguous multi-sentence segments (see the module docstring).

    ``docs``: strings or documents with ``.text``; ``tokenizer``: the one the pairs will be encoded
    with (lengths count its tokens); ``max_length``: as for ``PairDataset``, [CLS] and two [SEP]
    included. NotNext B comes from another document at a uniformly drawn sentence
    (``negatives="random"``) or at the sentence index where the true B starts
    (``negatives="same_position"``), packed to what the target leaves after A.
    """
    if negatives not in NEGATIVES:
        raise ValueError(f"unknown negatives {negatives!r}; choose one of {NEGATIVES}")
    _probability("p_next", p_next)
    docs = list(docs)
    sentences, lengths, usable, budget, rng = _prepare(docs, tokenizer, max_length, short_seq_prob, seed)
    if sum(usable) < 2:
        raise ValueError(f"NotNext segments come from other documents: need at least 2 documents with a pair "
                         f"to make, got {sum(usable)}")
    pools: dict[int, _Pool] = {}

    def pool(p: int) -> _Pool:
        key = -1 if negatives == "random" else p  # random: one pool, keyed by the shortest sentence
        if key not in pools:
            pools[key] = _Pool((ls[p] if key >= 0 else min(ls), d) for d, ls in enumerate(lengths)
                               if usable[d] and (key < 0 or len(ls) > p))
        return pools[key]

    pairs, dropped = [], 0
    for d, lens in enumerate(lengths):
        if not usable[d]:
            continue

        def emit(i: int, a_end: int, j: int, target: int) -> int:
            nonlocal dropped
            len_a = sum(lens[i:a_end])
            room = budget - len_a  # what B may hold at most; it is packed up to target - len_a
            if not pool(a_end).has(room, d):  # decided before the label is drawn: no bias
                dropped += 1
                return j
            if rng.random() < p_next:
                pairs.append(_pair(sentences, d, range(i, a_end), d, range(a_end, j), True))
                return j
            o = pool(a_end).draw(room, d, rng)
            if negatives == "random":
                start = rng.choice([k for k, n in enumerate(lengths[o]) if n <= room])
            else:
                start = a_end
            end = _extend(lengths[o], start, max(target - len_a, lengths[o][start]))
            pairs.append(_pair(sentences, d, range(i, a_end), o, range(start, end), False))
            return a_end  # as in BERT, the unused true B starts the next chunk

        _walk(lens, budget, short_seq_prob, rng, emit)
    return _result(pairs, docs, usable, dropped)


def sop_pairs(docs: Iterable[object], tokenizer: Tokenizer, max_length: int = 128, *, p_swap: float = 0.5,
              short_seq_prob: float = 0.1, seed: int = 0) -> PairList:
    """ALBERT's sentence-order prediction pairs: two consecutive segments of one document, packed as
    for :func:`nsp_segment_pairs`, given in order (label 0, ``is_next``) or, with probability
    ``p_swap``, swapped (label 1). The chunks and cuts do not depend on ``p_swap``, so the swapped
    pairs of ``p_swap=1`` are those of ``p_swap=0`` reversed (same seed)."""
    _probability("p_swap", p_swap)
    docs = list(docs)
    sentences, lengths, usable, budget, rng = _prepare(docs, tokenizer, max_length, short_seq_prob, seed)
    pairs = []
    for d, lens in enumerate(lengths):
        if not usable[d]:
            continue

        def emit(i: int, a_end: int, j: int, target: int) -> int:
            first, second = range(i, a_end), range(a_end, j)
            swap = rng.random() < p_swap
            pairs.append(_pair(sentences, d, second, d, first, False) if swap
                         else _pair(sentences, d, first, d, second, True))
            return j

        _walk(lens, budget, short_seq_prob, rng, emit)
    return _result(pairs, docs, usable, 0)


def _result(pairs: Sequence[SegmentPair], docs: list, usable: list[bool], dropped: int) -> PairList:
    if not pairs:
        raise ValueError("no pair was made: no chunk had a NotNext segment of another document that fits")
    return PairList(pairs, n_documents=len(docs), skipped_documents=len(docs) - sum(usable), dropped=dropped)


__all__ = [
    "IN_ORDER", "NEGATIVES", "PARAGRAPH", "SWAPPED", "PairList", "SegmentPair", "document_sentences",
    "nsp_segment_pairs", "sop_pairs",
]
