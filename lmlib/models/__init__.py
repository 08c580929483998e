"""The model families, built from ``lmlib.nn``; each matches its HF ``transformers`` reference.

``lmlib.models.hf`` converts to and from ``transformers`` (a test-only dependency, imported lazily)
with one table per family, and reads and writes ``from_pretrained`` directories without it.
"""

from lmlib.models.bert import Bert, BertConfig, MaskedLMHead
from lmlib.models.gpt import GPT, GPTConfig
from lmlib.models.hf import (
    bert_from_hf,
    bert_to_hf,
    from_hf,
    gpt_from_hf,
    gpt_to_hf,
    load_pretrained,
    save_pretrained,
    to_hf,
)

__all__ = [
    "Bert",
    "BertConfig",
    "GPT",
    "GPTConfig",
    "MaskedLMHead",
    "bert_from_hf",
    "bert_to_hf",
    "from_hf",
    "gpt_from_hf",
    "gpt_to_hf",
    "load_pretrained",
    "save_pretrained",
    "to_hf",
]
