"""Causal language-modelling data: one stream of token ids, cut into (input, target) windows.

A corpus becomes a single stream of token ids, each document followed by the separator (a newline),
so that the model also learns to predict where a document ends. Training examples are windows of
``block_size`` tokens and their targets, the same window shifted by one::

    stream   t0 t1 t2 t3 t4 t5 t6 ...
    input    t0 t1 t2 t3            (block_size = 4, window starting at 0)
    target   t1 t2 t3 t4            target[i] is the token that follows input[:i+1]

Windows start every ``stride`` tokens: ``stride = block_size`` cuts the stream into disjoint
windows (an epoch sees every token once), ``stride = 1`` gives every window, which, shuffled, is
nanoGPT's sampling of random windows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import torch
from torch import Tensor
from torch.utils.data import DataLoader, Dataset

from lmlib._checks import positive_int

SEPARATOR = "\n"  # what follows every document, as in ``tinyworld.corpus``


def _text(doc: object) -> str:
    text = doc if isinstance(doc, str) else getattr(doc, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected str or a document with a .text attribute, got {type(doc).__name__}")
    return text


def encode_documents(tokenizer, docs: Iterable[object], separator: str = SEPARATOR,
                     check: bool = True) -> Tensor:
    """One stream of token ids (a 1-D int64 tensor) for ``docs`` (strings or tinyworld documents).

    Each document is encoded as ``text + separator`` without special tokens ([CLS]/[SEP]), so that
    the stream is the tokenization of ``tinyworld.corpus(docs)`` and the separator (a newline) is a
    token that the model must predict. ``check=True`` verifies that the separator is exactly one
    token of its own and that decoding the stream gives the text back (byte-level BPE is lossless),
    so bits per token can be converted into bits per character of exactly that text.
    """
    texts = [_text(d) + separator for d in docs]
    if not texts:
        raise ValueError("no documents to encode")
    encodings = tokenizer.encode_batch(texts, add_special_tokens=False)
    ids = [i for e in encodings for i in e.ids]
    if check:
        sep = tokenizer.encode(separator, add_special_tokens=False).ids
        if len(sep) != 1:
            raise ValueError(f"the separator {separator!r} is {len(sep)} tokens for this tokenizer; "
                             "it must be exactly one (a byte-level BPE makes a newline one token)")
        if any(e.ids[-1:] != sep for e in encodings):
            raise ValueError(f"a document does not end in the separator token {sep[0]}: the tokenizer "
                             f"merged {separator!r} with the text before it")
        if tokenizer.decode(ids, skip_special_tokens=False) != "".join(texts):
            raise ValueError("decoding the token stream does not give the text back; use a lossless "
                             "(byte-level) tokenizer so that bits per character are well defined")
    return torch.tensor(ids, dtype=torch.long)


class CausalLMDataset(Dataset):
    """(input, target) windows of ``block_size`` tokens from a 1-D stream of token ids.

    Item ``i`` is ``(ids[s : s + block_size], ids[s + 1 : s + block_size + 1])`` with
    ``s = i * stride``; ``stride`` defaults to ``block_size`` (disjoint windows). Random or
    sequential order is the DataLoader's choice (``shuffle``); see :func:`lm_loader`.
    """

    def __init__(self, ids: Tensor | Sequence[int], block_size: int, stride: int | None = None) -> None:
        ids = torch.as_tensor(ids, dtype=torch.long)
        if ids.dim() != 1:
            raise ValueError(f"ids must be a 1-D stream of token ids, got shape {tuple(ids.shape)}")
        positive_int("block_size", block_size)
        positive_int("stride", stride, none_ok=True)
        if len(ids) < block_size + 1:
            raise ValueError(f"a stream of {len(ids)} tokens is too short for one window of "
                             f"block_size={block_size} (it needs block_size + 1 = {block_size + 1} tokens)")
        self.ids, self.block_size = ids, block_size
        self.stride = stride or block_size

    def __len__(self) -> int:
        return (len(self.ids) - self.block_size - 1) // self.stride + 1

    def __getitem__(self, i: int) -> tuple[Tensor, Tensor]:
        if not -len(self) <= i < len(self):
            raise IndexError(f"window {i} out of range for {len(self)} windows")
        s = (i % len(self)) * self.stride
        chunk = self.ids[s : s + self.block_size + 1]
        return chunk[:-1], chunk[1:]  # input (block_size,), target (block_size,) shifted by one


def lm_loader(ids: Tensor | Sequence[int], block_size: int, batch_size: int, *, stride: int | None = None,
              shuffle: bool = False, seed: int = 0, drop_last: bool | None = None) -> DataLoader:
    """A DataLoader of (input, target) batches (B, block_size) over :class:`CausalLMDataset`.

    ``shuffle=True`` draws windows in a random order fixed by ``seed`` (and drops the last, partial
    batch unless told otherwise); ``shuffle=False`` reads them in order, e.g. for validation.
    """
    ds = CausalLMDataset(ids, block_size, stride)
    g = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=g,
                      drop_last=shuffle if drop_last is None else drop_last,
                      pin_memory=torch.cuda.is_available())  # page-locked: faster copies to a GPU


__all__ = ["SEPARATOR", "CausalLMDataset", "encode_documents", "lm_loader"]
