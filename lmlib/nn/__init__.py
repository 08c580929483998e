"""Transformer building blocks: embeddings and positions, attention, blocks.

The token embedding is a plain ``torch.nn.Embedding``; everything else a GPT or a BERT is made of is here.
"""

from lmlib.nn.attention import MultiHeadAttention, check_heads, make_attention_mask
from lmlib.nn.blocks import ACTIVATIONS, Block, FeedForward, get_activation
from lmlib.nn.embeddings import (
    BertEmbeddings,
    LearnedPositionalEmbedding,
    SinusoidalPositionalEmbedding,
    sinusoidal_table,
)

__all__ = [
    "ACTIVATIONS",
    "BertEmbeddings",
    "Block",
    "FeedForward",
    "LearnedPositionalEmbedding",
    "MultiHeadAttention",
    "SinusoidalPositionalEmbedding",
    "check_heads",
    "get_activation",
    "make_attention_mask",
    "sinusoidal_table",
]
