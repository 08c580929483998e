"""The transformer block: attention then a position-wise feed-forward network, each inside a residual.

Where the LayerNorm sits is the one difference between the two classic layouts:

    post-LN (original Transformer, BERT):  x = LN(x + Attn(x));      x = LN(x + FFN(x))
    pre-LN  (GPT-2 and most later LMs):    x = x + Attn(LN(x));      x = x + FFN(LN(x))

Pre-LN keeps an un-normalised residual stream from input to output, which trains more stably in deep
models without learning-rate warm-up (Xiong et al., 2020); it needs a final LayerNorm after the last block.
"""

from __future__ import annotations

from collections.abc import Callable

import torch.nn.functional as F
from torch import Tensor, nn

from lmlib.nn.attention import MultiHeadAttention

ACTIVATIONS: dict[str, Callable[[Tensor], Tensor]] = {
    "gelu": F.gelu,  # exact: x * Phi(x), with Phi the normal CDF (BERT)
    "gelu_new": lambda x: F.gelu(x, approximate="tanh"),  # tanh approximation (GPT-2; HF's name)
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "relu": F.relu,  # the original Transformer
}


def get_activation(name: str) -> Callable[[Tensor], Tensor]:
    """The activation function called ``name`` (one of ``ACTIVATIONS``)."""
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}")
    return ACTIVATIONS[name]


class FeedForward(nn.Module):
    """Position-wise feed-forward network: FFN(x) = act(x W_1 + b_1) W_2 + b_2, then dropout."""

    def __init__(self, d_model: int, d_ff: int, activation: str = "gelu", dropout: float = 0.0) -> None:
        super().__init__()
        self.activation = activation
        self.act = get_activation(activation)
        self.fc1 = nn.Linear(d_model, d_ff)  # W_1: expand (usually d_ff = 4 d_model)
        self.fc2 = nn.Linear(d_ff, d_model)  # W_2: project back
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: Tensor) -> Tensor:
        """(..., d_model) -> (..., d_model)"""
        return self.dropout(self.fc2(self.act(self.fc1(x))))


class Block(nn.Module):
    """One transformer block; ``norm_first=True`` is pre-LN (GPT-2), ``False`` is post-LN (BERT).

    ``ln_1`` is the LayerNorm of the attention sub-layer and ``ln_2`` that of the feed-forward one
    (applied before the sub-layer in pre-LN, after the residual sum in post-LN).
    """

    def __init__(
        self,
        d_model: int,
        n_heads: int,
        d_ff: int,
        dropout: float = 0.0,
        norm_first: bool = True,
        causal: bool = False,
        layer_norm_eps: float = 1e-5,
        activation: str = "gelu",
    ) -> None:
        super().__init__()
        self.norm_first = norm_first
        self.ln_1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.attn = MultiHeadAttention(d_model, n_heads, dropout=dropout, causal=causal)
        self.ln_2 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.ffn = FeedForward(d_model, d_ff, activation=activation, dropout=dropout)

    def forward(self, x: Tensor, attention_mask: Tensor | None = None) -> Tensor:
        """x: (B, T, d_model); attention_mask: (B, T), 1 = real token, 0 = padding."""
        if self.norm_first:  # pre-LN
            x = x + self.attn(self.ln_1(x), attention_mask)
            x = x + self.ffn(self.ln_2(x))
        else:  # post-LN
            x = self.ln_1(x + self.attn(x, attention_mask))
            x = self.ln_2(x + self.ffn(x))
        return x


__all__ = ["ACTIVATIONS", "Block", "FeedForward", "get_activation"]
