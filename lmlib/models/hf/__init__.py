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
from lmlib.models.gpt import GPT
from lmlib.models.hf.convert import from_hf, to_hf
from lmlib.models.hf.families import FAMILIES
from lmlib.models.hf.pretrained import load_pretrained, save_pretrained


def gpt_from_hf(hf_model: Any) -> GPT:
    """An lmlib ``GPT`` with the weights of a HF ``GPT2LMHeadModel`` or ``GPT2Model``."""
    return from_hf(hf_model, family="gpt2")


def gpt_to_hf(model: GPT, attn_implementation: str = "sdpa") -> Any:
    """A HF ``GPT2LMHeadModel`` with the weights of an lmlib ``GPT``."""
    return to_hf(model, "GPT2LMHeadModel", attn_implementation)


def bert_from_hf(hf_model: Any) -> Bert:
    """An lmlib ``Bert`` with the weights of a HF ``BertForPreTraining``, ``BertForMaskedLM`` or
    ``BertModel`` (heads the source lacks keep their initialisation; see ``from_hf``)."""
    return from_hf(hf_model, family="bert")


def bert_to_hf(model: Bert, attn_implementation: str = "sdpa") -> Any:
    """A HF ``BertForPreTraining`` with the weights of an lmlib ``Bert`` (positions and segments on)."""
    return to_hf(model, "BertForPreTraining", attn_implementation)


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
