"""The conversion tables: one ``Family`` per model family (format in ``lmlib.models.hf.table``).

A new family (RoBERTa, ALBERT, ELECTRA, XLNet, T5) adds a table here and registers it in ``FAMILIES``.
"""

from __future__ import annotations

from typing import Any

from lmlib.models.bert import Bert, BertConfig, BertForMaskedLM, BertForPreTraining
from lmlib.models.gpt import GPT, GPTConfig, GPTModel
from lmlib.models.hf.table import CONV1D, ConfigField, Entry, Family, Requirement, fused, pair

# activation names: HF -> lmlib (lmlib -> HF is the inverse)
ACTIVATIONS = {"gelu": "gelu", "gelu_new": "gelu_new", "gelu_pytorch_tanh": "gelu_tanh", "relu": "relu",
               "silu": "silu"}
ACTIVATIONS_TO_HF = {ours: theirs for theirs, ours in ACTIVATIONS.items()}


def activation_from_hf(hf_name: str) -> str:
    """lmlib's name of HF activation ``hf_name``; a ValueError if lmlib has none."""
    if hf_name not in ACTIVATIONS:
        raise ValueError(f"cannot convert: activation {hf_name!r} is not one of {sorted(ACTIVATIONS)}")
    return ACTIVATIONS[hf_name]


def _act(name: str, hf_default: str) -> ConfigField:
    return ConfigField("activation", name, hf_default, activation_from_hf, ACTIVATIONS_TO_HF.__getitem__)


# ------------------------------------------------------------------------------------------ BERT

_L = "bert.encoder.layer.{i}."
_B = "blocks.{i}."


def _bert_ablations(config: BertConfig) -> str | None:
    if not (config.use_positions and config.use_segments):
        return "HF's BERT always has position and segment embeddings"
    return None


BERT = Family(
    name="bert", model=Bert, config=BertConfig, hf_config="BertConfig",
    base_prefix="bert.", base_class="BertModel",
    hf_classes={
        "BertForPreTraining": ("base", "pooler", "mlm", "nsp"),
        "BertModel": ("base", "pooler"),
        "BertForMaskedLM": ("base", "mlm"),
    },
    lmlib_classes={"BertForPreTraining": BertForPreTraining, "BertModel": Bert, "BertForMaskedLM": BertForMaskedLM},
    entries=(
        Entry("embeddings.token_embeddings.weight", "bert.embeddings.word_embeddings.weight"),
        Entry("embeddings.position_embeddings.weight", "bert.embeddings.position_embeddings.weight"),
        Entry("embeddings.segment_embeddings.weight", "bert.embeddings.token_type_embeddings.weight"),
        *pair("embeddings.norm", "bert.embeddings.LayerNorm"),
        *pair(_B + "attn.q_proj", _L + "attention.self.query"),
        *pair(_B + "attn.k_proj", _L + "attention.self.key"),
        *pair(_B + "attn.v_proj", _L + "attention.self.value"),
        *pair(_B + "attn.out_proj", _L + "attention.output.dense"),
        *pair(_B + "ln_1", _L + "attention.output.LayerNorm"),
        *pair(_B + "ffn.fc1", _L + "intermediate.dense"),
        *pair(_B + "ffn.fc2", _L + "output.dense"),
        *pair(_B + "ln_2", _L + "output.LayerNorm"),
        *pair("pooler", "bert.pooler.dense", group="pooler"),
        *pair("mlm_head.dense", "cls.predictions.transform.dense", group="mlm"),
        *pair("mlm_head.norm", "cls.predictions.transform.LayerNorm", group="mlm"),
        Entry("mlm_head.decoder.bias", "cls.predictions.bias", group="mlm"),
        *pair("nsp_head", "cls.seq_relationship", group="nsp"),
    ),
    config_fields=(
        ConfigField("vocab_size", "vocab_size", 30522),
        ConfigField("max_positions", "max_position_embeddings", 512),
        ConfigField("type_vocab_size", "type_vocab_size", 2),
        ConfigField("d_model", "hidden_size", 768),
        ConfigField("n_layers", "num_hidden_layers", 12),
        ConfigField("n_heads", "num_attention_heads", 12),
        ConfigField("d_ff", "intermediate_size", 3072),
        ConfigField("dropout", ("hidden_dropout_prob", "attention_probs_dropout_prob"), 0.1),
        ConfigField("layer_norm_eps", "layer_norm_eps", 1e-12),
        _act("hidden_act", "gelu"),
    ),
    lmlib_tied={"mlm_head.decoder.weight": "embeddings.token_embeddings.weight"},
    hf_tied={"cls.predictions.decoder.weight": "bert.embeddings.word_embeddings.weight",
             "cls.predictions.decoder.bias": "cls.predictions.bias"},
    ignore=(r"embeddings\.position_ids$", r"embeddings\.token_type_ids$"),  # HF buffers: aranges, zeros
    requires=(
        Requirement("is_decoder", False, (False,), "lmlib's Bert is an encoder only"),
        Requirement("add_cross_attention", False, (False,), "lmlib's Bert is an encoder only"),
        Requirement("position_embedding_type", "absolute", ("absolute",),
                    "lmlib's Bert uses absolute (learned) positions only"),
        Requirement("tie_word_embeddings", True, (True,),
                    "lmlib's Bert always ties the MLM decoder to the word embeddings"),
    ),
    check_lmlib=_bert_ablations,
)

# ----------------------------------------------------------------------------------------- GPT-2

_H = "transformer.h.{i}."

GPT2 = Family(
    name="gpt2", model=GPTModel, config=GPTConfig, hf_config="GPT2Config",
    base_prefix="transformer.", base_class="GPT2Model",
    hf_classes={"GPT2LMHeadModel": ("base",), "GPT2Model": ("base",)},  # the LM head is tied to wte
    lmlib_classes={"GPT2LMHeadModel": GPT, "GPT2Model": GPTModel},
    entries=(
        Entry("wte.weight", "transformer.wte.weight"),
        Entry("wpe.weight", "transformer.wpe.weight"),
        *pair(_B + "ln_1", _H + "ln_1"),
        *pair(tuple(f"{_B}attn.{p}_proj" for p in "qkv"), _H + "attn.c_attn", fused(3, conv1d=True), fused(3)),
        *pair(_B + "attn.out_proj", _H + "attn.c_proj", CONV1D),
        *pair(_B + "ln_2", _H + "ln_2"),
        *pair(_B + "ffn.fc1", _H + "mlp.c_fc", CONV1D),
        *pair(_B + "ffn.fc2", _H + "mlp.c_proj", CONV1D),
        *pair("ln_f", "transformer.ln_f"),
    ),
    config_fields=(
        ConfigField("vocab_size", "vocab_size", 50257),
        ConfigField("max_positions", "n_positions", 1024),
        ConfigField("d_model", "n_embd", 768),
        ConfigField("n_layers", "n_layer", 12),
        ConfigField("n_heads", "n_head", 12),
        ConfigField("d_ff", "n_inner", None),  # None: 4 * d_model in both
        ConfigField("dropout", ("resid_pdrop", "embd_pdrop", "attn_pdrop"), 0.1),
        ConfigField("layer_norm_eps", "layer_norm_epsilon", 1e-5),
        _act("activation_function", "gelu_new"),
    ),
    lmlib_tied={"lm_head.weight": "wte.weight"},
    hf_tied={"lm_head.weight": "transformer.wte.weight"},
    # old checkpoints (such as the hub's gpt2) store the causal mask and a -1e4 constant as buffers
    ignore=(r"\.attn\.bias$", r"\.attn\.masked_bias$"),
    requires=(
        Requirement("add_cross_attention", False, (False,), "GPT-2 with cross-attention is not supported"),
        Requirement("scale_attn_weights", True, (True,), "lmlib scales attention scores by 1/sqrt(d_head) only"),
        Requirement("scale_attn_by_inverse_layer_idx", False, (False,),
                    "lmlib scales attention scores by 1/sqrt(d_head) only"),
        Requirement("tie_word_embeddings", True, (True,),
                    "lmlib's GPT always ties the LM head to the token embedding"),
    ),
    hf_extra={"bos_token_id": None, "eos_token_id": None},
)

FAMILIES: dict[str, Family] = {"bert": BERT, "gpt2": GPT2}


def family_named(name: str) -> Family:
    """The registered family called ``name`` (HF's model_type)."""
    if name not in FAMILIES:
        raise ValueError(f"cannot convert: no lmlib family {name!r}; known: {sorted(FAMILIES)}")
    return FAMILIES[name]


def family_of_model(model: Any) -> Family:
    """The family of an lmlib model instance."""
    for fam in FAMILIES.values():
        if isinstance(model, fam.model):
            return fam
    raise TypeError(f"expected an lmlib model of {sorted(f.model.__name__ for f in FAMILIES.values())}, "
                    f"got {type(model).__name__}")


def family_of_hf_class(class_name: str) -> Family:
    """The family whose table knows the HF class ``class_name``."""
    for fam in FAMILIES.values():
        if class_name in fam.hf_classes:
            return fam
    known = sorted(c for f in FAMILIES.values() for c in f.hf_classes)
    raise TypeError(f"expected a transformers model of {known} (or a state dict), got {class_name}")


__all__ = ["ACTIVATIONS", "BERT", "FAMILIES", "GPT2", "family_named", "family_of_hf_class", "family_of_model"]
