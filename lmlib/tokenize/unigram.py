"""The Unigram language-model tokenizer from scratch (Kudo 2018), the SentencePiece model of T5,
ALBERT and XLNet; given the same pieces and scores it gives HF ``tokenizers``' tokens exactly.

A Unigram model is a vocabulary of pieces, each with a score, the log-probability of the piece.
A word is cut into the segmentation ``x_1 ... x_k`` with the highest total score
``log p(x_1) + ... + log p(x_k)`` (Viterbi over the lattice of every piece that matches the word).

Pre-tokenisation is HF's ``Metaspace`` (SentencePiece's): every space becomes ``▁`` (U+2581), a
``▁`` is put in front of the text unless it starts with one, and the text is cut before every
``▁``: ``"a  b" -> ["▁a", "▁", "▁b"]``. There is no normaliser (T5 and ALBERT add NFKC and more).
Decoding is HF's ``Metaspace`` decoder: the pieces are joined, ``▁`` becomes a space, and the
first piece loses its ``▁``. So ``decode(encode(s)) == s`` when ``s`` has no unknown characters,
no ``▁`` and does not start with a space.

HF's rules, found by reading ``tokenizers/src/models/unigram/model.rs`` and checked in
``tests/test_unigram.py``:

- a character that starts no single-character piece gets an unknown node of one character with
  score ``min(scores) - 10`` (the minimum over every piece, the unknown piece included);
- ties: the lattice is scanned by start position, shorter pieces first, and a path replaces the
  best one ending at the same place only if it scores strictly higher, so of two equal paths the
  one whose last piece starts earlier (is longer) wins, and so on leftwards;
- a run of adjacent unknown nodes becomes one token, the text it covers, with the id of that text
  if it is a piece and the unknown id otherwise;
- the unknown piece itself is in the vocabulary like any other and matches its own text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

SPACE = "\u2581"  # ▁, SentencePiece's visible space
UNK_PENALTY = 10.0  # an unknown character scores min(scores) - UNK_PENALTY, as in HF and SentencePiece

Edge = tuple[int, int, int, float]  # (start, end, piece id, score) of a node of the lattice


def pre_tokenize(text: str) -> list[str]:
    """HF's ``Metaspace`` pre-tokeniser (``▁``, prepend always, split): the words, each with its ``▁``."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    if not text:
        return []
    text = text.replace(" ", SPACE)
    if not text.startswith(SPACE):
        text = SPACE + text
    return [SPACE + w for w in text[1:].split(SPACE)]


def metaspace_decode(tokens: Sequence[str]) -> str:
    """HF's ``Metaspace`` decoder: ``▁`` becomes a space, except in the first token where it is dropped."""
    if not tokens:
        return ""
    return tokens[0].replace(SPACE, "") + "".join(t.replace(SPACE, " ") for t in tokens[1:])


def _logsumexp(values: list[float], exp=math.exp, log=math.log) -> float:
    """``log(sum(exp(v)))`` without overflow."""
    if len(values) == 1:
        return values[0]
    m = max(values)
    return m + log(sum([exp(v - m) for v in values]))


class Unigram:
    """A Unigram tokenizer: ``pieces[i] = (piece, log-probability)`` is token id ``i``.

    ``unk_id`` is the index of the unknown piece (``"<unk>"`` after ``train``). Leave ``pieces`` out
    and call ``train``, or build one with ``train_unigram``.
    """

    def __init__(self, pieces: Sequence[tuple[str, float]] | None = None, unk_id: int | None = 0) -> None:
        self.pieces: list[tuple[str, float]] = []
        self.unk_id = unk_id
        self.piece_to_id: dict[str, int] = {}
        if pieces is not None:
            self._set_pieces(pieces, unk_id)

    def _set_pieces(self, pieces: Sequence[tuple[str, float]], unk_id: int | None) -> None:
        if isinstance(pieces, (str, bytes)) or not isinstance(pieces, Sequence):
            raise TypeError(f"pieces must be a list of (piece, score) pairs, got {type(pieces).__name__}")
        checked: list[tuple[str, float]] = []
        for i, item in enumerate(pieces):
            if not (isinstance(item, Sequence) and len(item) == 2 and isinstance(item[0], str)):
                raise TypeError(f"pieces[{i}] = {item!r} is not a (piece, score) pair")
            piece, score = item
            if isinstance(score, bool) or not isinstance(score, (int, float)) or not math.isfinite(score):
                raise TypeError(f"the score of piece {piece!r} must be a finite float, got {score!r}")
            if not piece:
                raise ValueError(f"pieces[{i}] is the empty string; every piece needs at least one character")
            checked.append((piece, float(score)))
        if not checked:
            raise ValueError("pieces is empty; a Unigram needs at least the unknown piece: [('<unk>', 0.0)]")
        if unk_id is None or isinstance(unk_id, bool) or not isinstance(unk_id, int):
            raise ValueError(
                f"unk_id={unk_id!r}: a Unigram needs the index of its unknown piece (e.g. '<unk>') in pieces"
            )
        if not 0 <= unk_id < len(checked):
            raise ValueError(
                f"unk_id={unk_id} is not in the vocabulary of {len(checked)} pieces; add the unknown piece "
                f"(e.g. ('<unk>', 0.0)) to pieces and give its index"
            )
        piece_to_id: dict[str, int] = {}
        for i, (piece, _) in enumerate(checked):
            if piece in piece_to_id:
                raise ValueError(f"piece {piece!r} is in the vocabulary twice: ids {piece_to_id[piece]}, {i}")
            piece_to_id[piece] = i
        self.pieces, self.unk_id, self.piece_to_id = checked, unk_id, piece_to_id
        self.scores = [s for _, s in checked]
        self.min_score = min(self.scores)
        self.unk_score = self.min_score - UNK_PENALTY
        self._prefixes = {p[:k] for p in piece_to_id for k in range(1, len(p) + 1)}
        self._cache: dict[str, tuple[list[str], list[int]]] = {}

    def __len__(self) -> int:
        return len(self.pieces)

    @property
    def unk_token(self) -> str:
        self._check_trained()
        return self.pieces[self.unk_id][0]

    def _check_trained(self) -> None:
        if not self.pieces:
            raise RuntimeError("this Unigram has no pieces: call train(texts, vocab_size) or pass pieces=")

    # -- the lattice and Viterbi ----------------------------------------------------------------

    def lattice(self, word: str, skip: int | None = None) -> list[Edge]:
        """Every node of ``word``'s lattice in HF's order: by start, then by length; an unknown node
        (the unknown id, ``unk_score``) for a character that starts no one-character piece.
        ``skip``: leave that piece id out (for training and pruning)."""
        edges: list[Edge] = []
        n, prefixes, ids, scores = len(word), self._prefixes, self.piece_to_id, self.scores
        for start in range(n):
            single = False
            for end in range(start + 1, n + 1):
                sub = word[start:end]
                if sub not in prefixes:
                    break
                i = ids.get(sub)
                if i is not None and i != skip:
                    edges.append((start, end, i, scores[i]))
                    single = single or end == start + 1
            if not single:
                edges.append((start, start + 1, self.unk_id, self.unk_score))
        return edges

    def viterbi(self, word: str, skip: int | None = None) -> list[Edge]:
        """The best-scoring path through ``word``'s lattice, with HF's tie-breaking (see the module)."""
        n = len(word)
        best: list[Edge | None] = [None] * (n + 1)
        total = [0.0] * (n + 1)
        for edge in self.lattice(word, skip):
            start, end, _, score = edge
            candidate = score + total[start]
            if best[end] is None or candidate > total[end]:  # strictly better: the earlier start stays
                best[end], total[end] = edge, candidate
        path, end = [], n
        while end > 0:
            path.append(best[end])
            end = best[end][0]
        return path[::-1]

    def _encode_word(self, word: str) -> tuple[list[str], list[int]]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        tokens: list[str] = []
        unknown = ""  # a run of unknown nodes, fused into one token as HF does
        for start, end, i, _ in self.viterbi(word):
            if i == self.unk_id:
                unknown += word[start:end]
                continue
            if unknown:
                tokens.append(unknown)
                unknown = ""
            tokens.append(word[start:end])
        if unknown:
            tokens.append(unknown)
        result = (tokens, [self.piece_to_id.get(t, self.unk_id) for t in tokens])
        if len(self._cache) < 200_000:
            self._cache[word] = result
        return result

    # -- encode / decode ------------------------------------------------------------------------

    def tokenize(self, text: str) -> list[str]:
        """The tokens of ``text`` as HF spells them (a fused unknown token is the text it covers)."""
        self._check_trained()
        return [t for w in pre_tokenize(text) for t in self._encode_word(w)[0]]

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text``."""
        self._check_trained()
        return [i for w in pre_tokenize(text) for i in self._encode_word(w)[1]]

    def decode(self, ids: Iterable[int]) -> str:
        """The text of ``ids`` (HF's Metaspace decoder); the unknown id decodes to the unknown piece."""
        self._check_trained()
        tokens = []
        for i in ids:
            if isinstance(i, bool) or not isinstance(i, int):
                raise TypeError(f"token ids must be ints, got {i!r}")
            if not 0 <= i < len(self.pieces):
                raise ValueError(f"id {i} is not in the vocabulary (ids 0..{len(self.pieces) - 1})")
            tokens.append(self.pieces[i][0])
        return metaspace_decode(tokens)

    def train(self, texts: Iterable[str], vocab_size: int, **options) -> Unigram:
        """Learn the pieces from ``texts`` (``train_unigram``'s EM and pruning) and return ``self``."""
        trained = train_unigram(texts, vocab_size, **options)
        self._set_pieces(trained.pieces, trained.unk_id)
        return self


# -- training: EM over the lattice, then pruning ------------------------------------------------


def e_step(model: Unigram, words: dict[str, int]) -> tuple[list[float], float]:
    """Expected count of every piece in ``words`` (word -> count), by forward-backward over each
    word's lattice, and the log-likelihood ``sum count(w) log p(w)``, ``p(w)`` summed over all
    segmentations. The unknown piece is left out of the lattice."""
    expected = [0.0] * len(model)
    loglik = 0.0
    exp, log = math.exp, math.log
    for word, count in words.items():
        edges = model.lattice(word, skip=model.unk_id)
        n = len(word)
        into: list[list[Edge]] = [[] for _ in range(n + 1)]
        out_of: list[list[Edge]] = [[] for _ in range(n + 1)]
        for e in edges:
            into[e[1]].append(e)
            out_of[e[0]].append(e)
        alpha = [0.0] * (n + 1)  # log of the total probability of the prefix word[:end]
        for end in range(1, n + 1):
            alpha[end] = _logsumexp([alpha[s] + score for s, _, _, score in into[end]], exp, log)
        beta = [0.0] * (n + 1)  # ... and of the suffix word[start:]
        for start in range(n - 1, -1, -1):
            beta[start] = _logsumexp([score + beta[end] for _, end, _, score in out_of[start]], exp, log)
        z = alpha[n]
        for start, end, i, score in edges:
            expected[i] += count * exp(alpha[start] + score + beta[end] - z)
        loglik += count * z
    return expected, loglik


def m_step(model: Unigram, expected: list[float], floor: float = 1e-12) -> Unigram:
    """New scores ``log(expected count / total)`` (maximum likelihood); the unknown piece keeps its
    score, and counts below ``floor`` are raised to it so that no score is minus infinity."""
    keep = [i for i in range(len(model)) if i != model.unk_id]
    total = sum(max(expected[i], floor) for i in keep)
    pieces = [
        (p, s if i == model.unk_id else math.log(max(expected[i], floor) / total))
        for i, (p, s) in enumerate(model.pieces)
    ]
    return Unigram(pieces, model.unk_id)


def seed_pieces(
    words: dict[str, int], seed_size: int, max_piece_length: int, min_count: int = 2
) -> list[tuple[str, float]]:
    """Every character, then the ``seed_size`` substrings of 2 to ``max_piece_length`` characters that
    occur at least ``min_count`` times, ranked by count x length (SentencePiece's rule); scores are
    the log of that weight (of the count for characters), normalised."""
    chars: Counter = Counter()
    subs: Counter = Counter()
    for word, count in words.items():
        for c in word:
            chars[c] += count
        for start in range(len(word)):
            for end in range(start + 2, min(len(word), start + max_piece_length) + 1):
                subs[word[start:end]] += count
    ranked = sorted(
        ((c * len(s), s) for s, c in subs.items() if c >= min_count), key=lambda cs: (-cs[0], cs[1])
    )[:seed_size]
    weights = sorted(chars.items(), key=lambda kv: (-kv[1], kv[0])) + [(s, w) for w, s in ranked]
    total = sum(w for _, w in weights)
    return [(s, math.log(w / total)) for s, w in weights]


def prune(model: Unigram, expected: list[float], size: int) -> Unigram:
    """Keep the ``size`` pieces whose removal loses most likelihood (the unknown piece and every
    single character always stay). Removing piece ``i`` sends its expected count ``c_i`` to its
    best segmentation without it, ``a_1 ... a_m``; the loss is ``c_i (s_i - sum_j s_{a_j})``."""
    always = [i for i, (p, _) in enumerate(model.pieces) if i == model.unk_id or len(p) == 1]
    loss = []
    for i, (piece, score) in enumerate(model.pieces):
        if i == model.unk_id or len(piece) == 1:
            continue
        alternative = sum(e[3] for e in model.viterbi(piece, skip=i))
        loss.append((expected[i] * (score - alternative), piece, i))
    loss.sort(key=lambda lpi: (-lpi[0], lpi[1]))
    keep = sorted(set(always) | {i for _, _, i in loss[: max(size - len(always), 0)]})
    return Unigram([model.pieces[i] for i in keep], keep.index(model.unk_id))


def _word_counts(texts: Iterable[str]) -> dict[str, int]:
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of strings, not one string; wrap it in a list")
    words: Counter = Counter()
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"texts must hold strings, got {type(text).__name__}")
        words.update(pre_tokenize(text))
    return dict(words)


def train_unigram(
    texts: Iterable[str],
    vocab_size: int,
    *,
    unk_token: str = "<unk>",
    max_piece_length: int = 16,
    seed_size: int | None = None,
    shrinking_factor: float = 0.75,
    n_em_iterations: int = 2,
    verbose: bool = False,
) -> Unigram:
    """Train a Unigram tokenizer of ``vocab_size`` pieces (fewer if the text has fewer substrings).

    1. seed: every character and the ``seed_size`` (default ``10 * vocab_size``) most frequent
       substrings of the words (``seed_pieces``);
    2. ``n_em_iterations`` rounds of EM: expected counts by forward-backward (``e_step``), then
       maximum-likelihood log-probabilities (``m_step``);
    3. prune to ``max(vocab_size, shrinking_factor * size)`` pieces (``prune``) and go back to 2,
       until the vocabulary has ``vocab_size`` pieces; then a last round of EM.

    The result is ``[(unk_token, 0.0)]`` (id 0, HF's convention) and the pieces by decreasing
    score. This is the algorithm of Kudo (2018) but not HF's ``UnigramTrainer`` step for step (HF
    seeds from a suffix array, uses a Bayesian M-step with digamma and prunes by Viterbi counts), so
    the vocabularies differ; given the same pieces and scores the two encoders agree exactly.
    """
    if isinstance(vocab_size, bool) or not isinstance(vocab_size, int):
        raise TypeError(f"vocab_size must be an int, got {vocab_size!r}")
    if not isinstance(unk_token, str) or not unk_token:
        raise ValueError(f"unk_token must be a non-empty string, got {unk_token!r}")
    if not 0 < shrinking_factor < 1 or max_piece_length < 1 or n_em_iterations < 1:
        raise ValueError("need 0 < shrinking_factor < 1, max_piece_length >= 1 and n_em_iterations >= 1")
    words = _word_counts(texts)
    chars = {c for w in words for c in w}
    n_chars = len(chars)
    if unk_token in chars:
        raise ValueError(f"unk_token={unk_token!r} is a character of the text; choose another, e.g. '<unk>'")
    if n_chars == 0:
        raise ValueError("texts are empty: there is nothing to learn a vocabulary from")
    if vocab_size < n_chars + 1:
        raise ValueError(
            f"vocab_size={vocab_size} is too small for this text: the unknown piece and the {n_chars} "
            f"characters need at least {n_chars + 1}; use vocab_size >= {n_chars + 1}"
        )
    seed = seed_pieces(words, 10 * vocab_size if seed_size is None else seed_size, max_piece_length)
    seed = [p for p in seed if p[0] != unk_token]
    model = Unigram([(unk_token, 0.0), *seed], unk_id=0)
    while True:
        for _ in range(n_em_iterations):
            expected, loglik = e_step(model, words)
            model = m_step(model, expected)
        if verbose:
            print(f"{len(model)} pieces, log-likelihood {loglik:.1f}")
        if len(model) <= vocab_size:
            break
        expected, _ = e_step(model, words)
        model = prune(model, expected, max(vocab_size, int(len(model) * shrinking_factor)))
    rest = sorted((p for i, p in enumerate(model.pieces) if i != 0), key=lambda ps: (-ps[1], ps[0]))
    return Unigram([(unk_token, 0.0), *rest], unk_id=0)
