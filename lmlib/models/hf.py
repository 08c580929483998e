"""Converters between lmlib's models and Hugging Face ``transformers`` (GPT-2 and BERT), both ways.

They are how the tests show that lmlib's from-scratch models are right: same weights, same logits.
``transformers`` is a test-only dependency, imported inside the functions. Models come out on the CPU
in float32, in the train/eval mode of the model they were made from.

The one real difference in layout: HF's GPT-2 uses ``Conv1D`` layers, which store their weight as
(in, out) and compute x @ W + b, where ``nn.Linear`` stores (out, in) and computes x @ W.T + b; and it
fuses W^Q, W^K, W^V into one ``c_attn`` of shape (C, 3C). BERT's layers map one to one.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import torch

from lmlib.models.bert import Bert, BertConfig
from lmlib.models.gpt import GPT, GPTConfig

# activation names: HF -> lmlib (lmlib -> HF is the inverse)
_ACTIVATIONS = {"gelu": "gelu", "gelu_new": "gelu_new", "gelu_pytorch_tanh": "gelu_tanh", "relu": "relu"}
_ACTIVATIONS_TO_HF = {ours: theirs for theirs, ours in _ACTIVATIONS.items()}


def _transformers() -> ModuleType:
    try:
        import transformers
    except ImportError as err:
        raise ImportError(
            "lmlib.models.hf converts to and from Hugging Face transformers, which is not installed; "
            "install it with `pip install transformers` (or `pip install -e '.[test]'`)"
        ) from err
    return transformers


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(f"cannot convert: {message}")


def _activation(hf_name: str) -> str:
    _check(hf_name in _ACTIVATIONS, f"activation {hf_name!r} is not one of {sorted(_ACTIVATIONS)}")
    return _ACTIVATIONS[hf_name]


def _same_mode(model: torch.nn.Module, source: torch.nn.Module) -> Any:
    return model.train(source.training)


# ----------------------------------------------------------------------------------------- GPT-2


def _gpt_names(n_layers: int) -> list[tuple[str, str, bool]]:
    """(lmlib name, HF name, stored transposed by Conv1D?) for every GPT-2 tensor but the fused c_attn."""
    names = [
        ("wte.weight", "transformer.wte.weight", False),
        ("wpe.weight", "transformer.wpe.weight", False),
        ("ln_f.weight", "transformer.ln_f.weight", False),
        ("ln_f.bias", "transformer.ln_f.bias", False),
        ("lm_head.weight", "lm_head.weight", False),  # tied to wte in both
    ]
    for i in range(n_layers):
        for ours, theirs, conv in [
            ("ln_1", "ln_1", False), ("attn.out_proj", "attn.c_proj", True),
            ("ln_2", "ln_2", False), ("ffn.fc1", "mlp.c_fc", True), ("ffn.fc2", "mlp.c_proj", True),
        ]:
            names.append((f"blocks.{i}.{ours}.weight", f"transformer.h.{i}.{theirs}.weight", conv))
            names.append((f"blocks.{i}.{ours}.bias", f"transformer.h.{i}.{theirs}.bias", False))
    return names


def gpt_from_hf(hf_model: Any) -> GPT:
    """An lmlib ``GPT`` with the weights of a HF ``GPT2LMHeadModel``."""
    transformers = _transformers()
    if not isinstance(hf_model, transformers.GPT2LMHeadModel):
        raise TypeError(f"expected a transformers.GPT2LMHeadModel, got {type(hf_model).__name__}")
    hf = hf_model.config
    _check(not hf.add_cross_attention, "GPT-2 with cross-attention is not supported")
    _check(hf.scale_attn_weights and not hf.scale_attn_by_inverse_layer_idx,
           "lmlib scales attention scores by 1/sqrt(d_head) only")
    _check(hf.tie_word_embeddings, "lmlib's GPT always ties the LM head to the token embedding")
    config = GPTConfig(
        vocab_size=hf.vocab_size, max_positions=hf.n_positions, d_model=hf.n_embd,
        n_layers=hf.n_layer, n_heads=hf.n_head, d_ff=hf.n_inner or 4 * hf.n_embd,
        dropout=hf.resid_pdrop, layer_norm_eps=hf.layer_norm_epsilon,
        activation=_activation(hf.activation_function),
    )
    sd = hf_model.state_dict()
    names = _gpt_names(config.n_layers)
    state = {ours: sd[theirs].t() if conv else sd[theirs] for ours, theirs, conv in names}
    for i in range(config.n_layers):
        # Conv1D (C, 3C) -> Linear layout (3C, C), whose rows are [W^Q; W^K; W^V]
        w = sd[f"transformer.h.{i}.attn.c_attn.weight"].t().chunk(3, dim=0)
        b = sd[f"transformer.h.{i}.attn.c_attn.bias"].chunk(3, dim=0)
        for name, wi, bi in zip(("q", "k", "v"), w, b, strict=True):
            state[f"blocks.{i}.attn.{name}_proj.weight"] = wi
            state[f"blocks.{i}.attn.{name}_proj.bias"] = bi
    model = GPT(config)
    model.load_state_dict(state)
    return _same_mode(model, hf_model)


def gpt_to_hf(model: GPT, attn_implementation: str = "sdpa") -> Any:
    """A HF ``GPT2LMHeadModel`` with the weights of an lmlib ``GPT``."""
    transformers = _transformers()
    c = model.config
    hf_config = transformers.GPT2Config(
        vocab_size=c.vocab_size, n_positions=c.max_positions, n_embd=c.d_model, n_layer=c.n_layers,
        n_head=c.n_heads, n_inner=c.d_ff, activation_function=_ACTIVATIONS_TO_HF[c.activation],
        resid_pdrop=c.dropout, embd_pdrop=c.dropout, attn_pdrop=c.dropout,
        layer_norm_epsilon=c.layer_norm_eps, bos_token_id=None, eos_token_id=None,
        attn_implementation=attn_implementation,
    )
    sd = model.state_dict()
    state = {theirs: sd[ours].t() if conv else sd[ours] for ours, theirs, conv in _gpt_names(c.n_layers)}
    for i in range(c.n_layers):
        qkv = [f"blocks.{i}.attn.{name}_proj" for name in ("q", "k", "v")]
        state[f"transformer.h.{i}.attn.c_attn.weight"] = torch.cat([sd[p + ".weight"] for p in qkv]).t()
        state[f"transformer.h.{i}.attn.c_attn.bias"] = torch.cat([sd[p + ".bias"] for p in qkv])
    hf_model = transformers.GPT2LMHeadModel(hf_config)
    hf_model.load_state_dict(state)
    return _same_mode(hf_model, model)


# ------------------------------------------------------------------------------------------ BERT


def _bert_names(n_layers: int) -> list[tuple[str, str]]:
    """(lmlib name, HF name) for every tensor of BERT with its pretraining heads."""
    modules = [  # (lmlib module, HF module) with a weight and a bias
        ("embeddings.norm", "bert.embeddings.LayerNorm"),
        ("pooler", "bert.pooler.dense"),
        ("mlm_head.dense", "cls.predictions.transform.dense"),
        ("mlm_head.norm", "cls.predictions.transform.LayerNorm"),
        ("nsp_head", "cls.seq_relationship"),
    ]
    for i in range(n_layers):
        ours, theirs = f"blocks.{i}.", f"bert.encoder.layer.{i}."
        modules += [
            (ours + "attn.q_proj", theirs + "attention.self.query"),
            (ours + "attn.k_proj", theirs + "attention.self.key"),
            (ours + "attn.v_proj", theirs + "attention.self.value"),
            (ours + "attn.out_proj", theirs + "attention.output.dense"),
            (ours + "ln_1", theirs + "attention.output.LayerNorm"),
            (ours + "ffn.fc1", theirs + "intermediate.dense"),
            (ours + "ffn.fc2", theirs + "output.dense"),
            (ours + "ln_2", theirs + "output.LayerNorm"),
        ]
    names = [(f"{ours}.{p}", f"{theirs}.{p}") for ours, theirs in modules for p in ("weight", "bias")]
    return names + [
        ("embeddings.token_embeddings.weight", "bert.embeddings.word_embeddings.weight"),
        ("embeddings.position_embeddings.weight", "bert.embeddings.position_embeddings.weight"),
        ("embeddings.segment_embeddings.weight", "bert.embeddings.token_type_embeddings.weight"),
        ("mlm_head.decoder.weight", "cls.predictions.decoder.weight"),  # tied to the word embeddings
        ("mlm_head.decoder.bias", "cls.predictions.bias"),  # HF ties decoder.bias to this one
    ]


def bert_from_hf(hf_model: Any) -> Bert:
    """An lmlib ``Bert`` with the weights of a HF ``BertForPreTraining``."""
    transformers = _transformers()
    if not isinstance(hf_model, transformers.BertForPreTraining):
        raise TypeError(f"expected a transformers.BertForPreTraining, got {type(hf_model).__name__}")
    hf = hf_model.config
    _check(not hf.is_decoder and not hf.add_cross_attention, "lmlib's Bert is an encoder only")
    _check(getattr(hf, "position_embedding_type", "absolute") == "absolute",
           "lmlib's Bert uses absolute (learned) positions only")
    _check(hf.tie_word_embeddings, "lmlib's Bert always ties the MLM decoder to the word embeddings")
    config = BertConfig(
        vocab_size=hf.vocab_size, max_positions=hf.max_position_embeddings,
        type_vocab_size=hf.type_vocab_size, d_model=hf.hidden_size, n_layers=hf.num_hidden_layers,
        n_heads=hf.num_attention_heads, d_ff=hf.intermediate_size, dropout=hf.hidden_dropout_prob,
        layer_norm_eps=hf.layer_norm_eps, activation=_activation(hf.hidden_act),
    )
    sd = hf_model.state_dict()
    model = Bert(config)
    model.load_state_dict({ours: sd[theirs] for ours, theirs in _bert_names(config.n_layers)})
    return _same_mode(model, hf_model)


def bert_to_hf(model: Bert, attn_implementation: str = "sdpa") -> Any:
    """A HF ``BertForPreTraining`` with the weights of an lmlib ``Bert`` (positions and segments on)."""
    transformers = _transformers()
    c = model.config
    _check(c.use_positions and c.use_segments, "HF's BERT always has position and segment embeddings")
    hf_config = transformers.BertConfig(
        vocab_size=c.vocab_size, hidden_size=c.d_model, num_hidden_layers=c.n_layers,
        num_attention_heads=c.n_heads, intermediate_size=c.d_ff, hidden_act=_ACTIVATIONS_TO_HF[c.activation],
        hidden_dropout_prob=c.dropout, attention_probs_dropout_prob=c.dropout,
        max_position_embeddings=c.max_positions, type_vocab_size=c.type_vocab_size,
        layer_norm_eps=c.layer_norm_eps, attn_implementation=attn_implementation,
    )
    sd = model.state_dict()
    state = {theirs: sd[ours] for ours, theirs in _bert_names(c.n_layers)}
    state["cls.predictions.decoder.bias"] = sd["mlm_head.decoder.bias"]
    hf_model = transformers.BertForPreTraining(hf_config)
    hf_model.load_state_dict(state)
    return _same_mode(hf_model, model)


__all__ = ["bert_from_hf", "bert_to_hf", "gpt_from_hf", "gpt_to_hf"]
