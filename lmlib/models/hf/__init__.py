"""Converters between lmlib's models and Hugging Face ``transformers``, both ways, from declarative tables.

- ``table``       the table format: ``Entry`` (lmlib name(s) <-> HF name, a ``Transform``, a head group),
                  ``ConfigField``, ``Requirement``, ``Family``
- ``families``    the tables: BERT and GPT-2 (``FAMILIES``)
- ``convert``     ``from_hf(model or state dict)`` and ``to_hf(model, hf_class)``, strict both ways
- ``pretrained``  ``load_pretrained(directory)`` / ``save_pretrained(model, directory)``: config.json +
                  model.safetensors, without importing transformers

They are how the tests show that lmlib's from-scratch models are right: same weights, same logits.
``transformers`` is a test-only dependency, imported inside ``to_hf``. The one real difference in
layout: HF's GPT-2 uses ``Conv1D`` layers, which store their weight as (in, out), and fuses W^Q, W^K,
W^V into one ``c_attn``; BERT's layers map one to one.
"""

from __future__ import annotations

from typing import Any

from lmlib.models.bert import Bert
from lmlib.models.gpt import GPTModel
from lmlib.models.hf.convert import from_hf, to_hf
from lmlib.models.hf.families import FAMILIES
from lmlib.models.hf.pretrained import load_pretrained, save_pretrained


def gpt_from_hf(hf_model: Any) -> GPTModel:
    """An lmlib ``GPT`` (from a HF ``GPT2LMHeadModel``) or ``GPTModel`` (from a ``GPT2Model``)."""
    return from_hf(hf_model, family="gpt2")


def gpt_to_hf(model: GPTModel, attn_implementation: str = "sdpa") -> Any:
    """A HF ``GPT2LMHeadModel`` (from a ``GPT``) or ``GPT2Model`` (from a ``GPTModel``)."""
    return to_hf(model, None, attn_implementation)


def bert_from_hf(hf_model: Any) -> Bert:
    """The lmlib twin of a HF ``BertForPreTraining``, ``BertForMaskedLM`` or ``BertModel``, with its weights."""
    return from_hf(hf_model, family="bert")


def bert_to_hf(model: Bert, attn_implementation: str = "sdpa") -> Any:
    """The HF twin of an lmlib ``Bert``, ``BertForMaskedLM`` or ``BertForPreTraining`` (positions and
    segments on), with its weights."""
    return to_hf(model, None, attn_implementation)


__all__ = [
    "FAMILIES",
    "bert_from_hf",
    "bert_to_hf",
    "from_hf",
    "gpt_from_hf",
    "gpt_to_hf",
    "load_pretrained",
    "save_pretrained",
    "to_hf",
]
