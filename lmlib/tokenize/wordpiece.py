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

Training (``WordPiece.train``) uses the likelihood rule: start from characters (``c`` at the start of
a word, ``##c`` inside it) and repeatedly merge the adjacent pair ``(a, b)`` with the highest score

    score(a, b) = count(ab) / (count(a) * count(b)),

the gain in corpus log-likelihood of a unigram model when ``a`` and ``b`` are joined, up to a
constant (the rule of the HF course's description of WordPiece). Ties go to the higher pair count,
then to the alphabetically smaller pair, so training is deterministic. Note that HF's own
``WordPieceTrainer`` is a different algorithm (it runs BPE, merging the most frequent pair, with the
``##`` prefix), so the two trainers give different vocabularies; given the *same* vocabulary, the
encoders agree token for token.

Character classes come from Python's ``unicodedata`` (Unicode 14 on Python 3.11); HF's categories
come from older tables (Unicode 8.0) and its lower-casing from newer ones (Rust's). The two agree on
every character that existed in Unicode 8.0 (2015) and kept its category; they can differ on
characters added or re-categorised since.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")

# Unicode's White_Space property (what Rust's char::is_whitespace tests). Python's str.isspace also
# counts U+001C..U+001F, which BERT treats as control characters, so the set is spelled out.
WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
# CJK Unified Ideographs and their extensions, as in HF's BertNormalizer (BERT's _is_chinese_char
# has 0x2B820 where HF has 0x2B920; we follow HF).
CJK_RANGES = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
)  # fmt: skip
CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs"})


def is_control(c: str) -> bool:
    """Control characters: categories Cc, Cf, Co, Cs except tab, LF and CR.

    HF keeps unassigned code points (Cn), which BERT's Python code dropped; we follow HF.
    """
    return c not in "\t\n\r" and unicodedata.category(c) in CONTROL_CATEGORIES


def is_punctuation(c: str) -> bool:
    """BERT's punctuation: ASCII 33-47, 58-64, 91-96, 123-126, or Unicode category P*."""
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def is_cjk(c: str) -> bool:
    """True for a CJK ideograph, which BERT treats as a word of its own."""
    cp = ord(c)
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


class _CharTable(dict):
    """A ``str.translate`` table that decides each character once, on first sight."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        super().__init__()
        self.rule = rule

    def __missing__(self, cp: int) -> str:
        self[cp] = out = self.rule(chr(cp))
        return out


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
        self._clean = _CharTable(self._clean_char)
        self._strip = _CharTable(lambda c: "" if unicodedata.category(c) == "Mn" else c)
        self._lower = _CharTable(str.lower)  # per character, as HF (no final-sigma rule)
        self._split = _CharTable(lambda c: " " if c in WHITESPACE else f" {c} " if is_punctuation(c) else c)
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
        self, texts: Iterable[str], vocab_size: int, min_frequency: int = 1, verbose: bool = False
    ) -> WordPiece:
        """Learn a vocabulary of at most ``vocab_size`` tokens from ``texts`` with the likelihood rule.

        The vocabulary is the special tokens, then every character ``c`` seen and its ``##c``, then
        the merged tokens in the order they were learnt. A pair seen fewer than ``min_frequency``
        times is never merged. Training stops early when no pair is left to merge. Returns self.
        """
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
        for token in _merges(words, self.prefix, vocab_size - len(vocab), min_frequency, known, verbose):
            vocab.append(token)
        self._set_vocab(vocab)
        return self


def _merges(
    words: Counter, prefix: str, n_new: int, min_frequency: int, known: set[str], verbose: bool
) -> Iterable[str]:
    """Yield up to ``n_new`` new tokens, each the merge of the pair with the best likelihood score.

    Bookkeeping is incremental: a merge only touches the words that contain the pair, and the
    scores that change are those of pairs that contain ``a``, ``b`` or the new token, which are
    pushed again onto a heap; stale heap entries are recognised and dropped when popped.
    """
    splits = [[w[0]] + [prefix + c for c in w[1:]] for w in words]  # word i as a list of symbols
    freq = list(words.values())
    count: Counter = Counter()  # symbol -> count
    pair_count: Counter = Counter()  # (a, b) -> count
    where: dict[tuple[str, str], set[int]] = {}  # (a, b) -> the words that contain it
    pairs_of: dict[str, set[tuple[str, str]]] = {}  # symbol -> the pairs that contain it

    def add(i: int, sign: int) -> None:  # add (+1) or remove (-1) word i's symbols and pairs
        s, f = splits[i], freq[i] * sign
        for sym in s:
            count[sym] += f
        for pair in zip(s, s[1:]):
            pair_count[pair] += f
            if sign > 0:
                where.setdefault(pair, set()).add(i)
                pairs_of.setdefault(pair[0], set()).add(pair)
                pairs_of.setdefault(pair[1], set()).add(pair)

    def score(pair: tuple[str, str]) -> float:
        return pair_count[pair] / (count[pair[0]] * count[pair[1]])

    heap: list[tuple[float, int, str, str]] = []

    def push(pair: tuple[str, str]) -> None:
        if pair_count[pair] >= max(min_frequency, 1):
            heapq.heappush(heap, (-score(pair), -pair_count[pair], *pair))

    for i in range(len(splits)):
        add(i, +1)
    for pair in pair_count:
        push(pair)
    made = 0
    while made < n_new and heap:
        neg_score, neg_count, a, b = heapq.heappop(heap)
        pair = (a, b)
        if (
            pair_count[pair] != -neg_count
            or pair_count[pair] < max(min_frequency, 1)
            or score(pair) != -neg_score
        ):
            continue  # stale: the pair's current entry, if any, is elsewhere on the heap
        new = a + b[len(prefix) :] if b.startswith(prefix) else a + b
        for i in where.pop(pair):
            s = splits[i]
            if not any(x == a and y == b for x, y in zip(s, s[1:])):
                continue  # the pair left this word in an earlier merge
            add(i, -1)
            merged, j = [], 0
            while j < len(s):
                if j + 1 < len(s) and s[j] == a and s[j + 1] == b:
                    merged.append(new)
                    j += 2
                else:
                    merged.append(s[j])
                    j += 1
            splits[i] = merged
            add(i, +1)
        for sym in {a, b, new}:
            live = {p for p in pairs_of.get(sym, ()) if pair_count[p] > 0}
            pairs_of[sym] = live
            for p in live:
                push(p)
        if new not in known:  # two pairs can spell the same token: ("##a", "##bc"), ("##ab", "##c")
            known.add(new)
            made += 1
            if verbose:
                print(
                    f"merge {made}/{n_new}: {a} + {b} -> {new} (score {-neg_score:.3g}, count {-neg_count})"
                )
            yield new
