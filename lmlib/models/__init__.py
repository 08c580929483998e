"""The model families, built from ``lmlib.nn``; each matches its HF ``transformers`` reference.

- ``base``   the contract: ``TransformerConfig`` (shared fields and checks), ``ModelOutput``
             (last hidden state, every layer's, pooled), ``TransformerModel.encode``
- ``heads``  tied LM head, masked-LM head, sentence-pair head (NSP/SOP), classification, replaced-token,
             scalar (values, rewards)
- ``gpt``    ``GPTModel`` (body) and ``GPT`` (body + tied LM head)
- ``bert``   ``Bert`` (encoder + pooler), ``BertForMaskedLM``, ``BertForPreTraining``
- ``hf``     converts to and from ``transformers`` (a test-only dependency, imported lazily) with one
             table per family, and reads and writes ``from_pretrained`` directories without it
"""

from lmlib.models.base import ModelOutput, TransformerConfig, TransformerModel
from lmlib.models.bert import Bert, BertConfig, BertForMaskedLM, BertForPreTraining
from lmlib.models.gpt import GPT, GPTConfig, GPTModel
from lmlib.models.heads import (
    ClassificationHead,
    MaskedLMHead,
    ReplacedTokenHead,
    ScalarHead,
    SentencePairHead,
    last_token_states,
    tied_lm_head,
)
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
    "BertForMaskedLM",
    "BertForPreTraining",
    "ClassificationHead",
    "GPT",
    "GPTConfig",
    "GPTModel",
    "MaskedLMHead",
    "ModelOutput",
    "ReplacedTokenHead",
    "ScalarHead",
    "SentencePairHead",
    "TransformerConfig",
    "TransformerModel",
    "bert_from_hf",
    "bert_to_hf",
    "from_hf",
    "gpt_from_hf",
    "gpt_to_hf",
    "last_token_states",
    "load_pretrained",
    "save_pretrained",
    "tied_lm_head",
    "to_hf",
]
