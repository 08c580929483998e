"""Small tasks made from tinyworld sentences, to test what the input embeddings carry (chapter 1,
Embeddings). Inputs follow BERT's format, with whole words as tokens:

- word order (``word_order_task``): ``[CLS] w1 .. [X] .. [Y] .. wn [SEP]``: two words of a sentence
  are replaced by the markers [X] and [Y]; label 0 if [X] comes first, 1 if [Y] does. Both labels
  use exactly the same tokens, in another order.
- sentence order (``sentence_order_task``, ALBERT's sentence-order prediction): ``[CLS] A [SEP] B
  [SEP]`` with two consecutive sentences of a paragraph, label 0 in their order, 1 swapped. Both
  labels use the same tokens; what tells them apart is the content of each sentence, so a model must
  know which words are in which sentence: from the segment ids, or from positions relative to the
  first [SEP]. The segment ids help without being the label.
- single sentences (``sentence_dataset``): ``[CLS] s [SEP]`` without labels, for masked-word
  training (``lmlib.data.mlm.MLMCollator`` accepts a ``WordVocab``).

Everything is deterministic given the seeds: sentences come from ``tinyworld.generate`` (split by
``lmlib.data.mlm.split_sentences``; a pair is two consecutive sentences of one paragraph) and the
markers are placed with their own ``random.Random(seed)`` stream (floats only, which are the same on
every platform and Python version).
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import torch
from torch import Tensor
from torch.utils.data import Dataset

from lmlib.data import tinyworld
from lmlib.data.mlm import PARAGRAPH, split_sentences

T = TypeVar("T")
SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[X]", "[Y]", "[MASK]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[^\sa-z]")  # lower-case words (with 's) and single symbols


def split_words(text: str) -> list[str]:
    """Lower-cased words and punctuation: "Ada's cat." -> ["ada's", "cat", "."]."""
    return _WORD.findall(text.lower())


def _paragraphs(n_docs: int, seed: int) -> Iterator[list[str]]:
    """The sentences of each paragraph of ``tinyworld.generate(n_docs, seed)``, paragraph by paragraph."""
    for doc in tinyworld.generate(n_docs, seed=seed):  # a longer run with the same seed extends a shorter one
        for paragraph in doc.text.split(PARAGRAPH):
            yield split_sentences(paragraph)


def _first(n: int, seed: int, items: Callable[[Iterator[list[str]]], Iterator[T]]) -> list[T]:
    """The first ``n`` items that ``items`` makes from the paragraphs of a long enough run of documents."""
    n_docs = max(8, n // 8)  # a tinyworld document has about 17 sentences
    while True:
        out = list(itertools.islice(items(_paragraphs(n_docs, seed)), n))
        if len(out) == n:
            return out
        n_docs *= 2


def tinyworld_sentences(n: int, seed: int, min_words: int = 4, max_words: int = 20) -> list[str]:
    """The first ``n`` sentences with ``min_words`` to ``max_words`` words of ``tinyworld.generate(., seed)``."""
    return _first(n, seed, lambda paragraphs: (
        s for sentences in paragraphs for s in sentences if min_words <= len(split_words(s)) <= max_words))


def tinyworld_sentence_pairs(n: int, seed: int, min_words: int = 4,
                             max_words: int = 20) -> list[tuple[str, str]]:
    """The first ``n`` pairs of consecutive sentences of one paragraph of ``tinyworld.generate(., seed)``,
    both with ``min_words`` to ``max_words`` words. Pairs do not overlap: a sentence is in one pair at most."""
    def pairs(paragraphs: Iterator[list[str]]) -> Iterator[tuple[str, str]]:
        for sentences in paragraphs:
            fits = [min_words <= len(split_words(s)) <= max_words for s in sentences]
            i = 0
            while i + 1 < len(sentences):
                if fits[i] and fits[i + 1]:
                    yield sentences[i], sentences[i + 1]
                    i += 2
                else:
                    i += 1
    return _first(n, seed, pairs)


class WordVocab:
    """A word-level vocabulary: the special tokens, then the words by decreasing count; rare words
    become [UNK]. Enough for tasks about structure rather than spelling."""

    def __init__(self, words: Sequence[str]) -> None:
        self.itos = list(SPECIALS) + [w for w in words if w not in SPECIALS]
        self.stoi = {w: i for i, w in enumerate(self.itos)}
        if len(self.stoi) != len(self.itos):
            raise ValueError("the words of a vocabulary must be distinct")

    @classmethod
    def build(cls, texts: Iterable[str], min_count: int = 2) -> WordVocab:
        """The words of ``texts`` seen at least ``min_count`` times (ties broken alphabetically)."""
        counts = Counter(w for t in texts for w in split_words(t))
        return cls([w for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])) if c >= min_count])

    def __len__(self) -> int:
        return len(self.itos)

    def __getitem__(self, token: str) -> int:
        return self.stoi.get(token, self.stoi["[UNK]"])

    def encode(self, words: Sequence[str]) -> list[int]:
        return [self[w] for w in words]

    def decode(self, ids: Iterable[int]) -> str:
        return " ".join(self.itos[i] for i in ids if i != self.stoi["[PAD]"])

    # The two methods of HF tokenizers that lmlib.data.mlm.MLMCollator uses.
    def token_to_id(self, token: str) -> int | None:
        """The id of ``token``, or None if it is not in the vocabulary (no [UNK] fallback)."""
        return self.stoi.get(token)

    def get_vocab_size(self) -> int:
        return len(self.itos)


class TaskDataset(Dataset):
    """Padded examples as tensors; item i is a dict of ``input_ids``, ``token_type_ids``,
    ``attention_mask`` (each (T,)) and ``labels`` (a scalar), ready for ``SequenceClassifier``.
    Examples whose labels are all None make a dataset without ``labels`` (for ``MLMCollator``)."""

    def __init__(self, examples: Sequence[tuple[list[int], list[int], int | None]], max_len: int,
                 vocab: WordVocab) -> None:
        self.vocab = vocab
        n = len(examples)
        self.input_ids = torch.zeros(n, max_len, dtype=torch.long)  # [PAD] = 0
        self.token_type_ids = torch.zeros(n, max_len, dtype=torch.long)
        self.attention_mask = torch.zeros(n, max_len, dtype=torch.long)
        labels = [label for _, _, label in examples]
        if any(label is None for label in labels) and not all(label is None for label in labels):
            raise ValueError("either every example has a label or none has")
        self.labels = None if labels and labels[0] is None else torch.tensor(labels, dtype=torch.long)
        for i, (ids, types, _) in enumerate(examples):
            if len(ids) > max_len:
                raise ValueError(f"example {i} has {len(ids)} tokens, more than max_len={max_len}")
            self.input_ids[i, : len(ids)] = torch.tensor(ids)
            self.token_type_ids[i, : len(ids)] = torch.tensor(types)
            self.attention_mask[i, : len(ids)] = 1

    def __len__(self) -> int:
        return len(self.input_ids)

    def __getitem__(self, i: int) -> dict[str, Tensor]:
        item = {"input_ids": self.input_ids[i], "token_type_ids": self.token_type_ids[i],
                "attention_mask": self.attention_mask[i]}
        if self.labels is not None:
            item["labels"] = self.labels[i]
        return item

    def decode(self, i: int) -> str:
        """Example ``i`` as text (padding left out)."""
        return self.vocab.decode(self.input_ids[i].tolist())


def _below(rng: random.Random, n: int) -> int:
    """A uniform integer in [0, n), from one float of the stream."""
    return min(int(rng.random() * n), n - 1)


def word_order_task(n: int, vocab: WordVocab, seed: int, max_len: int = 24,
                    max_words: int | None = None) -> TaskDataset:
    """``n`` examples ``[CLS] .. [X] .. [Y] .. [SEP]``; label 0 if [X] comes before [Y], else 1.

    The sentences have 4 to ``max_words`` words (default ``max_len - 2``, the most that fit; fewer
    leave the last positions unused). Two distinct words of a sentence are replaced by the markers;
    the label is a fair coin.
    """
    max_words = max_len - 2 if max_words is None else max_words
    if max_words > max_len - 2:
        raise ValueError(f"max_words={max_words} does not fit in max_len={max_len} with [CLS] and [SEP]")
    rng = random.Random(seed)
    examples = []
    for sentence in tinyworld_sentences(n, seed, max_words=max_words):
        ids = vocab.encode(split_words(sentence))
        i = _below(rng, len(ids))
        j = _below(rng, len(ids) - 1)
        j += j >= i  # a second position, different from i
        label = _below(rng, 2)
        first, second = ("[X]", "[Y]") if label == 0 else ("[Y]", "[X]")
        ids[min(i, j)], ids[max(i, j)] = vocab[first], vocab[second]
        ids = [vocab["[CLS]"]] + ids + [vocab["[SEP]"]]
        examples.append((ids, [0] * len(ids), label))
    return TaskDataset(examples, max_len, vocab)


def sentence_order_task(n: int, vocab: WordVocab, seed: int, max_len: int = 40) -> TaskDataset:
    """``n`` examples ``[CLS] A [SEP] B [SEP]``: label 0 if A and B are in the order of their
    paragraph, 1 if swapped (ALBERT's sentence-order prediction, Lan et al., 2020). Token types are 0
    for [CLS], A and its [SEP], 1 for B and its [SEP].

    The pairs are ``tinyworld_sentence_pairs(n, seed)``, each sentence of 4 to ``(max_len - 3) // 2``
    words; the label is a fair coin. Both labels of a pair use the same tokens.
    """
    rng = random.Random(seed)
    examples = []
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    for a, b in tinyworld_sentence_pairs(n, seed, max_words=(max_len - 3) // 2):
        first, second = vocab.encode(split_words(a)), vocab.encode(split_words(b))
        label = _below(rng, 2)
        if label:
            first, second = second, first
        ids = [cls] + first + [sep] + second + [sep]
        types = [0] * (len(first) + 2) + [1] * (len(second) + 1)
        examples.append((ids, types, label))
    return TaskDataset(examples, max_len, vocab)


def sentence_dataset(n: int, vocab: WordVocab, seed: int, max_len: int = 24) -> TaskDataset:
    """The first ``n`` sentences of ``tinyworld_sentences(., seed)`` with at most ``max_len - 2``
    words, as ``[CLS] s [SEP]`` without labels: for masked-word training with ``MLMCollator(vocab)``."""
    examples = []
    for sentence in tinyworld_sentences(n, seed, max_words=max_len - 2):
        ids = [vocab["[CLS]"]] + vocab.encode(split_words(sentence)) + [vocab["[SEP]"]]
        examples.append((ids, [0] * len(ids), None))
    return TaskDataset(examples, max_len, vocab)


__all__ = ["SPECIALS", "TaskDataset", "WordVocab", "sentence_dataset", "sentence_order_task", "split_words",
           "tinyworld_sentence_pairs", "tinyworld_sentences", "word_order_task"]
