"""Transformer building blocks: embeddings and positions, norms, attention, blocks from parts.

- ``lmlib.nn.embeddings``  learned and sinusoidal positions; BERT's token + segment + position input
- ``lmlib.nn.norms``       LayerNorm (with or without bias) and RMSNorm, by name with ``make_norm``
- ``lmlib.nn.attention``   multi-head self- or cross-attention: causal, padding, boolean or additive
                           masks, a position-bias hook (relative positions), optional biases and scale
- ``lmlib.nn.blocks``      the feed-forward network (plain or gated) and the ``Block``: pre- or
                           post-norm, LayerNorm or RMSNorm, bias on or off, optional cross-attention

The token embedding is a plain ``torch.nn.Embedding``; everything else a GPT, a BERT or a T5 layer is
made of is here.
"""

from lmlib.nn.attention import (
    MultiHeadAttention,
    PositionBias,
    check_heads,
    make_attention_mask,
    mask_as_4d,
    scores_mask,
)
from lmlib.nn.blocks import ACTIVATIONS, Block, FeedForward, get_activation
from lmlib.nn.embeddings import (
    BertEmbeddings,
    LearnedPositionalEmbedding,
    SinusoidalPositionalEmbedding,
    sinusoidal_table,
)
from lmlib.nn.norms import NORMS, RMSNorm, make_norm

__all__ = [
    "ACTIVATIONS",
    "NORMS",
    "BertEmbeddings",
    "Block",
    "FeedForward",
    "LearnedPositionalEmbedding",
    "MultiHeadAttention",
    "PositionBias",
    "RMSNorm",
    "SinusoidalPositionalEmbedding",
    "check_heads",
    "get_activation",
    "make_attention_mask",
    "make_norm",
    "mask_as_4d",
    "scores_mask",
    "sinusoidal_table",
]
