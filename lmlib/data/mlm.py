"""BERT's pretraining data (Devlin et al., 2019): sentence pairs for next-sentence prediction, and
masked-language-model masking applied to every batch as it is drawn.

Next-sentence prediction (NSP). Documents are split into sentences; every sentence A that has a
successor in its document makes one pair. With probability ``p_next`` sentence B is that successor
(IsNext, label 0), else a random sentence of another document (NotNext, label 1). A pair is encoded
as BERT's input::

    tokens          [CLS] a1 a2 a3 [SEP] b1 b2 [SEP] [PAD] [PAD]
    token_type_ids    0   0  0  0    0   1  1    1     0     0
    attention_mask    1   1  1  1    1   1  1    1     0     0

Masked language modelling (MLM). Each token that is not special ([CLS], [SEP], [PAD], [UNK],
[MASK]) is *selected* with probability ``mlm_probability`` (15 %). A selected token is replaced by
[MASK] with probability 0.8, by a random non-special token with probability 0.1, and left unchanged
with probability 0.1; the model must predict the original token at every selected position::

    original   [CLS] the  baker found a    lamp [SEP] ...
    input      [CLS] the  [MASK] found a   cup  [SEP] ...     (baker -> [MASK], lamp -> random)
    labels     -100  -100 baker  -100 -100 lamp -100  ...     (-100: not selected, ignored by the loss)

Masking happens in the collate function, so every batch (every epoch) gets a fresh masking drawn
from one ``torch.Generator`` ("dynamic masking", as in RoBERTa); ``static=True`` instead fixes the
masking of each example by its index (the same in every epoch, like BERT's pre-masked data), which
is what a validation set wants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import torch
from torch import Tensor
from torch.utils.data import DataLoader, Dataset, Sampler

from lmlib._checks import positive_int
from lmlib.tokenize.hf import encode_pair
from lmlib.tokenize.wordpiece import SPECIAL_TOKENS

IGNORE_INDEX = -100  # the label of positions that are not predicted (PyTorch's cross-entropy default)
IS_NEXT, NOT_NEXT = 0, 1  # NSP labels, as in BERT and HF (``Bert.nsp_head``)
NOT_SELECTED, MASKED, RANDOM, UNCHANGED = 0, 1, 2, 3  # what masking did to each position
PARAGRAPH = "¶"  # tinyworld joins the paragraphs of a document by " ¶ "
# white space after . ? ! (or after one of them closed by a quote or bracket), unless a lower-case
# letter or a digit follows: "No. 5 Mill Lane" and "1s. 3d." are abbreviations, not sentence ends
_SENTENCE_END = re.compile(r"(?:(?<=[.?!])|(?<=[.?!][\"'\u201d\u2019)]))\s+(?![a-z0-9])")


# ----------------------------------------------------------------------------- sentence pairs


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order.

    Paragraph marks (``¶``, tinyworld) end a sentence and are dropped; a sentence ends after ``.``,
    ``?`` or ``!``, or after one of those closed by a quote or a bracket (``... scales." Mr Reed``),
    followed by white space and not by a lower-case letter or a digit (so "No. 5" and "1s. 3d." stay
    inside their sentence).
    """
    parts = text.split(PARAGRAPH)
    return [s for part in parts for s in (p.strip() for p in _SENTENCE_END.split(part)) if s]


@dataclass(frozen=True)
class SentencePair:
    """Sentence ``a`` and sentence ``b``; ``is_next`` says whether ``b`` follows ``a`` in its document."""

    a: str
    b: str
    is_next: bool

    @property
    def label(self) -> int:
        """The NSP label: 0 (IsNext) or 1 (NotNext)."""
        return IS_NEXT if self.is_next else NOT_NEXT


def _text(doc: object) -> str:
    text = doc if isinstance(doc, str) else getattr(doc, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected str or a document with a .text attribute, got {type(doc).__name__}")
    return text


def nsp_pairs(docs: Iterable[object], seed: int = 0, p_next: float = 0.5) -> list[SentencePair]:
    """NSP pairs from ``docs`` (strings or tinyworld documents), deterministic given ``seed``.

    Every sentence that has a successor in its document is sentence A of one pair; B is the successor
    with probability ``p_next``, else a uniformly drawn sentence of a uniformly drawn other document.
    """
    if not 0 <= p_next <= 1:
        raise ValueError(f"p_next must be in [0, 1], got {p_next!r}")
    sentences = [split_sentences(_text(d)) for d in docs]
    sentences = [s for s in sentences if s]
    if len(sentences) < 2:
        raise ValueError(f"need at least 2 non-empty documents to draw NotNext sentences, got {len(sentences)}")
    slots = [(d, i) for d, sents in enumerate(sentences) for i in range(len(sents) - 1)]
    if not slots:
        raise ValueError("no document has two sentences, so there is no IsNext pair to make")
    g = torch.Generator().manual_seed(seed)
    n = len(slots)
    coin = torch.rand(n, generator=g).tolist()
    other = torch.randint(0, len(sentences) - 1, (n,), generator=g).tolist()  # skips the own document
    pick = torch.rand(n, generator=g).tolist()
    pairs = []
    for (d, i), c, o, u in zip(slots, coin, other, pick):
        a = sentences[d][i]
        if c < p_next:
            pairs.append(SentencePair(a, sentences[d][i + 1], True))
        else:
            o += o >= d  # a uniform document other than d
            pairs.append(SentencePair(a, sentences[o][int(u * len(sentences[o]))], False))
    return pairs


class PairDataset(Dataset):
    """Encoded sentence pairs: each item is a dict of ``input_ids``, ``token_type_ids``,
    ``attention_mask`` (all ``(max_length,)``), ``next_sentence_label`` and the item's ``index``."""

    def __init__(self, tokenizer, pairs: Sequence[SentencePair], max_length: int = 64,
                 truncation: str = "longest_first") -> None:
        if not pairs:
            raise ValueError("no sentence pairs to encode")
        enc = [encode_pair(tokenizer, p.a, p.b, max_length, truncation) for p in pairs]
        self.pairs = list(pairs)
        self.input_ids = torch.tensor([e["input_ids"] for e in enc], dtype=torch.long)
        self.token_type_ids = torch.tensor([e["token_type_ids"] for e in enc], dtype=torch.long)
        self.attention_mask = torch.tensor([e["attention_mask"] for e in enc], dtype=torch.long)
        self.next_sentence_label = torch.tensor([p.label for p in pairs], dtype=torch.long)

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, i: int) -> dict[str, Tensor]:
        return {"input_ids": self.input_ids[i], "token_type_ids": self.token_type_ids[i],
                "attention_mask": self.attention_mask[i],
                "next_sentence_label": self.next_sentence_label[i], "index": torch.tensor(i)}


# ----------------------------------------------------------------------------- masking


def special_ids(tokenizer) -> list[int]:
    """Ids of the tokenizer's special tokens ([PAD] [UNK] [CLS] [SEP] [MASK] and any other added
    special token): they are never selected for prediction and never drawn as random replacements."""
    ids = {tokenizer.token_to_id(t) for t in SPECIAL_TOKENS} - {None}
    decoder = getattr(tokenizer, "get_added_tokens_decoder", None)
    if decoder is not None:
        ids |= {i for i, t in decoder().items() if t.special}
    return sorted(ids)


def _check_rates(mlm_probability: float, mask_ratio: float, random_ratio: float) -> None:
    if not 0 < mlm_probability < 1:
        raise ValueError(f"mlm_probability must be in (0, 1) (BERT: 0.15), got {mlm_probability!r}")
    if mask_ratio < 0 or random_ratio < 0 or mask_ratio + random_ratio > 1:
        raise ValueError("need mask_ratio >= 0, random_ratio >= 0 and mask_ratio + random_ratio <= 1 "
                         f"(BERT: 0.8 and 0.1), got {mask_ratio!r} and {random_ratio!r}")


def mask_tokens(input_ids: Tensor, *, mask_id: int, special_ids: Sequence[int], vocab_size: int,
                generator: torch.Generator, mlm_probability: float = 0.15, mask_ratio: float = 0.8,
                random_ratio: float = 0.1) -> tuple[Tensor, Tensor, Tensor]:
    """BERT's masking of ``input_ids`` (any shape): returns ``(inputs, labels, action)``.

    ``labels`` holds the original id at selected positions and -100 elsewhere; ``action`` says what
    happened at each position: NOT_SELECTED (0), MASKED (1), RANDOM (2) or UNCHANGED (3). The draws
    use ``generator`` only, and always the same number of them for a given shape.
    """
    _check_rates(mlm_probability, mask_ratio, random_ratio)
    special = torch.tensor(sorted(set(special_ids)), dtype=torch.long)
    if mask_id not in special.tolist():
        raise ValueError(f"mask_id {mask_id} must be one of the special ids {special.tolist()}")
    keep = torch.ones(vocab_size, dtype=torch.bool)
    keep[special[special < vocab_size]] = False
    candidates = keep.nonzero().squeeze(1)  # the ids a random replacement is drawn from
    if len(candidates) == 0:
        raise ValueError("the vocabulary has no non-special token to draw random replacements from")
    select_u = torch.rand(input_ids.shape, generator=generator)
    action_u = torch.rand(input_ids.shape, generator=generator)
    random_ids = candidates[torch.randint(0, len(candidates), input_ids.shape, generator=generator)]

    selected = (select_u < mlm_probability) & ~torch.isin(input_ids, special)
    action = torch.full_like(input_ids, NOT_SELECTED)
    action[selected & (action_u < mask_ratio)] = MASKED
    action[selected & (action_u >= mask_ratio) & (action_u < mask_ratio + random_ratio)] = RANDOM
    action[selected & (action_u >= mask_ratio + random_ratio)] = UNCHANGED
    inputs = torch.where(action == MASKED, torch.full_like(input_ids, mask_id), input_ids)
    inputs = torch.where(action == RANDOM, random_ids, inputs)
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, IGNORE_INDEX))
    return inputs, labels, action


class MLMCollator:
    """Collate function that stacks encoded examples and masks them (BERT's 15 % with 80/10/10).

    The batch is a dict of ``input_ids`` (masked), ``labels`` (MLM targets, -100 where not
    selected), ``token_type_ids``, ``attention_mask`` and, when the examples have it,
    ``next_sentence_label``; padding beyond the longest example of the batch is cut off
    (``trim=True``). Dynamic masking (default): one generator seeded by ``seed`` masks batch after
    batch, so the same example is masked differently each epoch. ``static=True``: example ``i`` is
    always masked the same way (its generator is seeded by ``seed`` and its ``index``). Collate in
    the main process (a DataLoader's default ``num_workers=0``): worker processes would each get a
    copy of the generator and repeat each other's masks.
    """

    def __init__(self, tokenizer, mlm_probability: float = 0.15, mask_ratio: float = 0.8,
                 random_ratio: float = 0.1, seed: int = 0, static: bool = False, trim: bool = True) -> None:
        _check_rates(mlm_probability, mask_ratio, random_ratio)
        ids = {t: tokenizer.token_to_id(t) for t in ("[MASK]", "[PAD]", "[CLS]", "[SEP]")}
        missing = [t for t, i in ids.items() if i is None]
        if missing:
            raise ValueError(f"the tokenizer has no {' '.join(missing)} token: BERT's masking needs [MASK], "
                             "[PAD], [CLS] and [SEP]; train it with lmlib.tokenize.hf.train_wordpiece")
        self.mask_id, self.pad_id = ids["[MASK]"], ids["[PAD]"]
        self.special_ids = special_ids(tokenizer)
        self.vocab_size = tokenizer.get_vocab_size()
        self.rates = dict(mlm_probability=mlm_probability, mask_ratio=mask_ratio, random_ratio=random_ratio)
        self.seed, self.static, self.trim = seed, static, trim
        self.generator = torch.Generator().manual_seed(seed)

    def mask(self, input_ids: Tensor, generator: torch.Generator | None = None) -> tuple[Tensor, Tensor, Tensor]:
        """``mask_tokens`` with this collator's vocabulary and rates (and its generator by default)."""
        return mask_tokens(input_ids, mask_id=self.mask_id, special_ids=self.special_ids,
                           vocab_size=self.vocab_size, generator=generator or self.generator, **self.rates)

    def __call__(self, examples: Sequence[dict[str, Tensor]]) -> dict[str, Tensor]:
        if not examples:
            raise ValueError("cannot collate an empty list of examples")
        batch = {k: torch.stack([torch.as_tensor(e[k]) for e in examples])
                 for k in ("input_ids", "token_type_ids", "attention_mask", "next_sentence_label")
                 if k in examples[0]}
        if "input_ids" not in batch:
            raise ValueError(f"examples need 'input_ids', got {sorted(examples[0])}")
        ids = batch["input_ids"]
        batch.setdefault("attention_mask", (ids != self.pad_id).long())
        batch.setdefault("token_type_ids", torch.zeros_like(ids))
        if self.static:
            if "index" not in examples[0]:
                raise ValueError("static masking needs each example's 'index' (PairDataset gives it)")
            rows = [self.mask(row, torch.Generator().manual_seed(self.seed * 1_000_003 + int(e["index"])))
                    for row, e in zip(ids, examples)]
            batch["input_ids"] = torch.stack([r[0] for r in rows])
            batch["labels"] = torch.stack([r[1] for r in rows])
        if self.trim:
            length = int(batch["attention_mask"].sum(1).max())
            for k in ("input_ids", "token_type_ids", "attention_mask", "labels"):
                if k in batch:
                    batch[k] = batch[k][:, :length].contiguous()
        if not self.static:
            batch["input_ids"], batch["labels"], _ = self.mask(batch["input_ids"])
        return batch


class BucketBatchSampler(Sampler[list[int]]):
    """Shuffled batches of examples of similar length, so that little of a trimmed batch is padding.

    Each epoch: shuffle the indices, cut them into chunks of ``bucket`` batches, sort each chunk by
    length, cut it into batches, and shuffle the batches (the ``group_by_length`` trick of HF's
    Trainer). The order is fixed by ``seed`` and differs from epoch to epoch.
    """

    def __init__(self, lengths: Sequence[int] | Tensor, batch_size: int, bucket: int = 50, seed: int = 0,
                 drop_last: bool = True) -> None:
        positive_int("batch_size", batch_size)
        positive_int("bucket", bucket)
        self.lengths = torch.as_tensor(lengths)
        self.batch_size, self.bucket, self.drop_last = batch_size, bucket, drop_last
        self.generator = torch.Generator().manual_seed(seed)

    def __len__(self) -> int:
        n = len(self.lengths)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)

    def __iter__(self):
        order = torch.randperm(len(self.lengths), generator=self.generator)
        chunk = self.batch_size * self.bucket
        batches = []
        for start in range(0, len(order), chunk):
            part = order[start : start + chunk]
            part = part[torch.sort(self.lengths[part], stable=True).indices]
            batches += [part[i : i + self.batch_size] for i in range(0, len(part), self.batch_size)]
        if self.drop_last:
            batches = [b for b in batches if len(b) == self.batch_size]
        for i in torch.randperm(len(batches), generator=self.generator).tolist():
            yield batches[i].tolist()


def mlm_loader(dataset: Dataset, tokenizer, batch_size: int, *, shuffle: bool = False, seed: int = 0,
               static: bool = False, bucket: int | None = None, drop_last: bool | None = None,
               **masking) -> DataLoader:
    """A DataLoader of masked batches (see :class:`MLMCollator`) over ``dataset`` (e.g. a PairDataset).

    ``shuffle=True`` draws examples in an order fixed by ``seed`` and masks each batch afresh
    (training); ``shuffle=False, static=True`` gives the same batches on every pass (validation).
    ``bucket=k`` (with ``shuffle``) groups examples of similar length, sorting chunks of k batches
    (:class:`BucketBatchSampler`; the dataset needs an ``attention_mask`` tensor): less padding, faster
    steps. ``masking`` goes to the collator (``mlm_probability``, ``mask_ratio``, ``random_ratio``).
    """
    collate = MLMCollator(tokenizer, seed=seed, static=static, **masking)
    pin = torch.cuda.is_available()  # page-locked batches: faster copies to a GPU
    drop_last = shuffle if drop_last is None else drop_last
    if bucket is not None:
        if not shuffle:
            raise ValueError("bucket groups shuffled batches by length; use it with shuffle=True")
        lengths = getattr(dataset, "attention_mask", None)
        if not isinstance(lengths, Tensor):
            raise ValueError("bucket needs a dataset with an attention_mask tensor (a PairDataset)")
        sampler = BucketBatchSampler(lengths.sum(1), batch_size, bucket, seed=seed, drop_last=drop_last)
        return DataLoader(dataset, batch_sampler=sampler, collate_fn=collate, pin_memory=pin)
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, collate_fn=collate,
                      generator=torch.Generator().manual_seed(seed), drop_last=drop_last, pin_memory=pin)


__all__ = [
    "IGNORE_INDEX", "IS_NEXT", "MASKED", "NOT_NEXT", "NOT_SELECTED", "RANDOM", "UNCHANGED",
    "BucketBatchSampler", "MLMCollator", "PairDataset", "SentencePair", "mask_tokens", "mlm_loader",
    "nsp_pairs", "special_ids", "split_sentences",
]
