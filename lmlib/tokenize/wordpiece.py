"""WordPiece from scratch, following BERT's rules exactly (Schuster & Nakajima 2012; Wu et al. 2016;
Devlin et al. 2019).

Encoding has three steps, each the same as in BERT and in HF ``tokenizers``
(``BertNormalizer`` + ``BertPreTokenizer`` + ``models.WordPiece``):

1. normalise: drop NUL, U+FFFD and control characters, map whitespace to " ", put spaces around CJK
   ideographs, optionally strip accents (NFD, then drop non-spacing marks) and lower-case;
2. pre-tokenise: split on whitespace, and split every punctuation character off as its own word;
3. greedy longest-match-first: cut the longest prefix of the word that is in the vocabulary, then
   the longest ``##``-prefixed piece of the rest, and so on; a word that cannot be cut all the way
   (or is longer than ``max_input_chars_per_word``) becomes the single unknown token.

Training (``WordPiece.train``) follows Schuster and Nakajima (2012): start from characters (``c`` at
the start of a word, ``##c`` inside it) and repeatedly merge the adjacent pair ``(a, b)`` whose merge
most increases the likelihood of the training words under a unigram model of the pieces (see
``likelihood_gain``). Ties go to the higher pair count, then to the alphabetically smaller pair, so
training is deterministic. ``score="ratio"`` instead uses ``count(ab) / (count(a) * count(b))``, the
rule of the HF course's description of WordPiece, kept for comparison: it ignores how often the pair
occurs and so favours pairs of rare pieces. HF's own ``WordPieceTrainer`` is a third algorithm (BPE,
merging the most frequent pair, with the ``##`` prefix); given the *same* vocabulary, our encoder
and HF's agree token for token.

Character classes come from Python's ``unicodedata`` (Unicode 14 on Python 3.11); HF's categories
come from older tables (Unicode 8.0) and its lower-casing from newer ones (Rust's). The two agree on
every character that existed in Unicode 8.0 (2015) and kept its category; they can differ on
characters added or re-categorised since.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from lmlib.tokenize.bert_chars import WHITESPACE, CharTable, is_cjk, is_control, is_punctuation

SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
SCORES = ("likelihood", "ratio")  # the merge rules of WordPiece.train

class WordPiece:
    """A WordPiece tokenizer: BERT's normaliser and pre-tokeniser, then greedy longest-match-first.

    ``vocab`` is a list of tokens (id = position) or a dict token -> id; leave it out and call
    ``train``. ``strip_accents=None`` follows ``lowercase``, as in BERT. The special tokens that are in
    the vocabulary are matched in the raw text before normalisation (as HF does for added tokens).
    """

    def __init__(
        self,
        vocab: Sequence[str] | Mapping[str, int] | None = None,
        *,
        lowercase: bool = True,
        strip_accents: bool | None = None,
        clean_text: bool = True,
        handle_chinese_chars: bool = True,
        unk_token: str = "[UNK]",
        prefix: str = "##",
        max_input_chars_per_word: int = 100,
        special_tokens: Sequence[str] = SPECIAL_TOKENS,
    ) -> None:
        self.lowercase = lowercase
        self.strip_accents = lowercase if strip_accents is None else strip_accents
        self.clean_text = clean_text
        self.handle_chinese_chars = handle_chinese_chars
        self.unk_token = unk_token
        self.prefix = prefix
        self.max_input_chars_per_word = max_input_chars_per_word
        self.special_tokens = tuple(special_tokens)
        self._clean = CharTable(self._clean_char)
        self._strip = CharTable(lambda c: "" if unicodedata.category(c) == "Mn" else c)
        self._lower = CharTable(str.lower)  # per character, as HF (no final-sigma rule)
        self._split = CharTable(lambda c: " " if c in WHITESPACE else f" {c} " if is_punctuation(c) else c)
        self.vocab: dict[str, int] = {}
        if vocab is not None:
            self._set_vocab(vocab)

    # -- vocabulary ---------------------------------------------------------------------------

    def _set_vocab(self, vocab: Sequence[str] | Mapping[str, int]) -> None:
        if isinstance(vocab, Mapping):
            self.vocab = dict(vocab)
        else:
            self.vocab = {tok: i for i, tok in enumerate(vocab)}
        if len(set(self.vocab.values())) != len(self.vocab):
            raise ValueError("vocab maps two tokens to the same id; give each token its own id")
        self.id_to_token = {i: tok for tok, i in self.vocab.items()}
        if self.unk_token not in self.vocab:
            raise ValueError(f"the unknown token {self.unk_token!r} is not in the vocabulary; add it")
        self._max_len = max(map(len, self.vocab))  # no piece of a word can match a longer token
        specials = sorted((t for t in self.special_tokens if t in self.vocab), key=lambda t: (-len(t), t))
        self._special_re = re.compile("|".join(map(re.escape, specials))) if specials else None
        self._cache: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self.vocab)

    def _check_trained(self) -> None:
        if not self.vocab:
            raise RuntimeError(
                "this WordPiece has no vocabulary: call train(texts, vocab_size) or pass vocab="
            )

    # -- 1. normalisation and 2. pre-tokenisation -----------------------------------------------

    def _clean_char(self, c: str) -> str:
        if self.clean_text:
            if c == "\x00" or c == "\ufffd" or is_control(c):
                return ""
            if c in WHITESPACE:
                return " "
        if self.handle_chinese_chars and is_cjk(c):
            return f" {c} "
        return c

    def normalize(self, text: str) -> str:
        """BERT's text normalisation (HF ``BertNormalizer``)."""
        text = text.translate(self._clean)
        if self.strip_accents and not text.isascii():
            text = unicodedata.normalize("NFD", text).translate(self._strip)
        if self.lowercase:
            text = text.lower() if text.isascii() else text.translate(self._lower)
        return text

    def pre_tokenize(self, text: str) -> list[str]:
        """Split normalised text into words: on whitespace, and around every punctuation character."""
        return [w for w in text.translate(self._split).split(" ") if w]

    # -- 3. greedy longest-match-first ----------------------------------------------------------

    def tokenize_word(self, word: str) -> list[str]:
        """Cut one word into the longest vocabulary pieces, left to right; [UNK] if it cannot be cut."""
        if len(word) > self.max_input_chars_per_word:
            return [self.unk_token]
        pieces, start = [], 0
        while start < len(word):
            end = min(len(word), start + self._max_len)
            while end > start:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                if piece in self.vocab:
                    break
                end -= 1
            if end == start:  # no piece of the vocabulary starts here
                return [self.unk_token]
            pieces.append(piece)
            start = end
        return pieces

    def _segments(self, text: str) -> list[str | int]:
        """Special tokens found in the raw text (as ids), and the text between them."""
        if self._special_re is None:
            return [text]
        out: list[str | int] = []
        pos = 0
        for m in self._special_re.finditer(text):
            out += [text[pos : m.start()], self.vocab[m.group()]]
            pos = m.end()
        out.append(text[pos:])
        return out

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text`` (no [CLS]/[SEP]: see ``lmlib.tokenize.hf.encode_pair`` for those)."""
        self._check_trained()
        ids: list[int] = []
        for segment in self._segments(text):
            if isinstance(segment, int):
                ids.append(segment)
                continue
            for word in self.pre_tokenize(self.normalize(segment)):
                cached = self._cache.get(word)
                if cached is None:
                    cached = [self.vocab[p] for p in self.tokenize_word(word)]
                    if len(self._cache) < 200_000:
                        self._cache[word] = cached
                ids.extend(cached)
        return ids

    def tokenize(self, text: str) -> list[str]:
        """The tokens of ``text`` as strings, e.g. ``["token", "##izer"]``."""
        return [self.id_to_token[i] for i in self.encode(text)]

    def decode(self, ids: Iterable[int], skip_special_tokens: bool = True) -> str:
        """Join tokens with spaces and glue ``##`` pieces to the piece before them.

        Normalisation is lossy (case, accents, spacing around punctuation), so this is not the
        inverse of ``encode``. It matches HF's ``decoders.WordPiece(cleanup=False)``.
        """
        self._check_trained()
        tokens = [self.id_to_token[i] for i in ids]
        if skip_special_tokens:
            tokens = [t for t in tokens if t not in self.special_tokens]
        out = tokens[:1]
        for t in tokens[1:]:
            out.append(t[len(self.prefix) :] if t.startswith(self.prefix) else " " + t)
        return "".join(out)

    # -- training -------------------------------------------------------------------------------

    def train(
        self,
        texts: Iterable[str],
        vocab_size: int,
        min_frequency: int = 1,
        verbose: bool = False,
        score: str = "likelihood",
    ) -> WordPiece:
        """Learn a vocabulary of at most ``vocab_size`` tokens from ``texts``.

        The vocabulary is the special tokens, then every character ``c`` seen and its ``##c``, then
        the merged tokens in the order they were learnt. Each merge is the pair with the highest
        ``score``: ``"likelihood"`` (Schuster and Nakajima's gain in log-likelihood, the default) or
        ``"ratio"`` (``count(ab) / (count(a) count(b))``). A pair seen fewer than ``min_frequency``
        times is never merged. Training stops early when no pair is left to merge. Returns self.
        """
        if score not in SCORES:
            raise ValueError(f"score={score!r} is not one of {SCORES}")
        words = Counter()  # word -> count, after BERT's normalisation and pre-tokenisation
        for text in texts:
            words.update(self.pre_tokenize(self.normalize(text)))
        chars = sorted({c for w in words for c in w})
        alphabet = chars + [self.prefix + c for c in chars]
        vocab = list(dict.fromkeys([*self.special_tokens, self.unk_token]))
        n_special = len(vocab)
        vocab += [t for t in alphabet if t not in vocab]
        if vocab_size < len(vocab):
            raise ValueError(
                f"vocab_size={vocab_size} is too small for this text: the {n_special} special tokens "
                f"and the {len(chars)} characters with their {self.prefix} variants need at least "
                f"{len(vocab)}; use vocab_size >= {len(vocab)}"
            )
        known = set(vocab)
        for token in _merges(
            words, self.prefix, vocab_size - len(vocab), min_frequency, known, verbose, score
        ):
            vocab.append(token)
        self._set_vocab(vocab)
        return self


def _xlogx(x: int) -> float:
    return x * math.log(x) if x > 0 else 0.0


def likelihood_gain(n: int, c_a: int, c_b: int, c_ab: int, total: int, same: bool) -> float:
    """The change in training log-likelihood when ``n`` occurrences of the pair ``a b`` become ``ab``.

    A unigram model of the pieces, fitted by maximum likelihood, gives piece ``t`` the probability
    ``c_t / N`` (``c_t`` its count, ``N`` the number of pieces), so the training words have
    log-likelihood ``L = sum_t c_t log(c_t / N) = sum_t f(c_t) - f(N)`` with ``f(x) = x log x``.
    Merging takes ``n`` from ``c_a`` and from ``c_b`` (``2n`` from ``c_a`` if ``a == b``), adds
    ``n`` to ``c_ab`` (which can be non-zero: ``##a ##bc`` and ``##ab ##c`` both spell ``##abc``)
    and ``N`` falls by ``n``:

        gain = f(c_a - n) - f(c_a) + f(c_b - n) - f(c_b) + f(c_ab + n) - f(c_ab) - f(N - n) + f(N).

    Merging the pair with the largest gain is Schuster and Nakajima's (2012) criterion. For
    ``c_ab = 0`` and ``n`` small beside the counts the gain is about ``n (log(n N / (c_a c_b)) - 1)``:
    the log of the ratio rule's score ``n / (c_a c_b)``, weighted by how often the pair occurs.
    """
    if same:
        gain = _xlogx(c_a - 2 * n) - _xlogx(c_a)
    else:  # smaller count first, so that (a, b) and (b, a) with swapped counts tie exactly
        lo, hi = sorted((c_a, c_b))
        gain = _xlogx(lo - n) - _xlogx(lo) + _xlogx(hi - n) - _xlogx(hi)
    return gain + _xlogx(c_ab + n) - _xlogx(c_ab) - _xlogx(total - n) + _xlogx(total)


def _merges(
    words: Counter, prefix: str, n_new: int, min_frequency: int, known: set[str], verbose: bool, rule: str
) -> Iterable[str]:
    """Yield up to ``n_new`` new tokens, each the merge of the pair with the best score.

    A pair's count is the number of times merging it would apply: in a run ``x x x`` the pair
    ``(x, x)`` counts once, as the left-to-right merge joins only the first two.

    Bookkeeping is incremental: a merge only touches the words that contain the pair. Every pair
    has one live heap entry. The scores that a merge changes (pairs that contain ``a``, ``b`` or the
    new token, or that spell the new token) are pushed again; the likelihood gain of any other pair
    can only fall (the total ``N`` fell), so an entry whose score is out of date when popped is
    pushed again with its current score, and an entry is taken only when its score is current.
    """
    splits = [[w[0]] + [prefix + c for c in w[1:]] for w in words]  # word i as a list of symbols
    freq = list(words.values())
    count: Counter = Counter()  # symbol -> count
    pair_count: Counter = Counter()  # (a, b) -> count
    where: dict[tuple[str, str], set[int]] = {}  # (a, b) -> the words that contain it
    pairs_of: dict[str, set[tuple[str, str]]] = {}  # symbol -> the pairs that contain or spell it
    total = 0  # N, the number of symbols in the training words

    def add(i: int, sign: int) -> None:  # add (+1) or remove (-1) word i's symbols and pairs
        nonlocal total
        s, f = splits[i], freq[i] * sign
        total += f * len(s)
        for sym in s:
            count[sym] += f
        prev = None
        for pair in zip(s, s[1:]):
            if pair == prev and pair[0] == pair[1]:  # x x x: the second (x, x) overlaps the first
                prev = None
                continue
            prev = pair
            pair_count[pair] += f
            if sign > 0:
                where.setdefault(pair, set()).add(i)
                pairs_of.setdefault(pair[0], set()).add(pair)
                pairs_of.setdefault(pair[1], set()).add(pair)

    def merged(a: str, b: str) -> str:
        return a + b[len(prefix) :] if b.startswith(prefix) else a + b

    def score(pair: tuple[str, str]) -> float:
        a, b = pair
        if rule == "ratio":
            return pair_count[pair] / (count[a] * count[b])
        n, c_ab = pair_count[pair], count.get(merged(a, b), 0)
        return likelihood_gain(n, count[a], count[b], c_ab, total, a == b)

    heap: list[tuple[float, int, str, str]] = []
    live: dict[tuple[str, str], tuple[float, int, str, str]] = {}  # pair -> its heap entry

    def push(pair: tuple[str, str]) -> None:
        if pair_count[pair] >= max(min_frequency, 1):
            live[pair] = entry = (-score(pair), -pair_count[pair], *pair)
            heapq.heappush(heap, entry)
            pairs_of.setdefault(merged(*pair), set()).add(pair)
        else:
            live.pop(pair, None)

    for i in range(len(splits)):
        add(i, +1)
    for pair in pair_count:
        push(pair)
    made = 0
    while made < n_new and heap:
        entry = heapq.heappop(heap)
        neg_score, neg_count, a, b = entry
        pair = (a, b)
        if live.get(pair) != entry:
            continue  # replaced by a newer entry, or the pair is gone
        if score(pair) != -neg_score:
            push(pair)  # the gain fell since it was pushed: re-queue at its current score
            continue
        del live[pair]
        new = merged(a, b)
        for i in where.pop(pair):
            s = splits[i]
            if not any(x == a and y == b for x, y in zip(s, s[1:])):
                continue  # the pair left this word in an earlier merge
            add(i, -1)
            out, j = [], 0
            while j < len(s):
                if j + 1 < len(s) and s[j] == a and s[j + 1] == b:
                    out.append(new)
                    j += 2
                else:
                    out.append(s[j])
                    j += 1
            splits[i] = out
            add(i, +1)
        for sym in sorted({a, b, new}):
            touched = sorted(pairs_of.get(sym, ()))
            for p in touched:
                push(p)  # its new score, or no entry if it is gone
            pairs_of[sym] = {p for p in touched if pair_count[p] > 0}
        if new not in known:  # two pairs can spell the same token: ("##a", "##bc"), ("##ab", "##c")
            known.add(new)
            made += 1
            if verbose:
                print(f"merge {made}/{n_new}: {a} + {b} -> {new} ({rule} {-neg_score:.3g}, "
                      f"count {-neg_count})")
            yield new
