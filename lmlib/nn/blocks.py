"""The transformer block, from parts: attention, optional cross-attention, then a feed-forward network.

Each sub-layer sits inside a residual, and where the norm (N: LayerNorm or RMSNorm) sits is the one
difference between the two classic layouts:

    post-norm (original Transformer, BERT):  x = N(x + Attn(x));      x = N(x + FFN(x))
    pre-norm  (GPT-2, T5, most later LMs):   x = x + Attn(N(x));      x = x + FFN(N(x))

Pre-norm keeps an un-normalised residual stream from input to output, which trains more stably in deep
models without learning-rate warm-up (Xiong et al., 2020); it needs a final norm after the last block.
A decoder block of an encoder-decoder (T5, the original Transformer) adds a cross-attention sub-layer
between the two, whose queries come from x and whose keys and values come from the encoder's output.
"""

from __future__ import annotations

from collections.abc import Callable

import torch.nn.functional as F
from torch import Tensor, nn

from lmlib.nn.attention import MultiHeadAttention, PositionBias
from lmlib.nn.norms import make_norm

ACTIVATIONS: dict[str, Callable[[Tensor], Tensor]] = {
    "gelu": F.gelu,  # exact: x * Phi(x), with Phi the normal CDF (BERT)
    "gelu_new": lambda x: F.gelu(x, approximate="tanh"),  # tanh approximation (GPT-2; HF's name)
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "relu": F.relu,  # the original Transformer, T5
    "silu": F.silu,  # x * sigmoid(x), a.k.a. swish (SwiGLU with gated=True)
}


def get_activation(name: str) -> Callable[[Tensor], Tensor]:
    """The activation function called ``name`` (one of ``ACTIVATIONS``)."""
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}")
    return ACTIVATIONS[name]


class FeedForward(nn.Module):
    """Position-wise feed-forward network: FFN(x) = act(x W_1 + b_1) W_2 + b_2, then dropout.

    ``gated=True`` is a gated linear unit (Shazeer, 2020; T5 v1.1's gated-gelu, Llama's SwiGLU):
    FFN(x) = (act(x W_1) * x V) W_2, with V in ``fc_linear``. ``bias=False`` drops every bias (T5).
    """

    def __init__(
        self,
        d_model: int,
        d_ff: int,
        activation: str = "gelu",
        dropout: float = 0.0,
        bias: bool = True,
        gated: bool = False,
    ) -> None:
        super().__init__()
        self.activation = activation
        self.act = get_activation(activation)
        self.fc1 = nn.Linear(d_model, d_ff, bias=bias)  # W_1: expand (usually d_ff = 4 d_model)
        self.fc_linear = nn.Linear(d_model, d_ff, bias=bias) if gated else None  # V: the linear half
        self.fc2 = nn.Linear(d_ff, d_model, bias=bias)  # W_2: project back
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: Tensor) -> Tensor:
        """(..., d_model) -> (..., d_model)"""
        h = self.act(self.fc1(x))
        if self.fc_linear is not None:
            h = h * self.fc_linear(x)
        return self.dropout(self.fc2(h))


class Block(nn.Module):
    """One transformer block; ``norm_first=True`` is pre-norm (GPT-2, T5), ``False`` is post-norm (BERT).

    ``ln_1`` is the norm of the attention sub-layer and ``ln_2`` that of the feed-forward one
    (applied before the sub-layer in pre-norm, after the residual sum in post-norm); with
    ``cross_attention=True``, ``cross_attn`` and its norm ``ln_cross`` sit between them.
    The parts: ``norm`` ("layernorm" or "rmsnorm", with eps ``layer_norm_eps``); ``bias`` (False
    drops the biases of every linear layer and LayerNorm: T5); ``scale`` and ``d_head`` of the
    attentions (see ``MultiHeadAttention``); ``activation`` and ``gated`` of the feed-forward network.
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
        *,
        norm: str = "layernorm",
        bias: bool = True,
        cross_attention: bool = False,
        scale: bool | float = True,
        d_head: int | None = None,
        gated: bool = False,
    ) -> None:
        super().__init__()
        self.norm_first = norm_first
        attention = dict(dropout=dropout, bias=bias, scale=scale, d_head=d_head)
        self.ln_1 = make_norm(norm, d_model, layer_norm_eps, bias)
        self.attn = MultiHeadAttention(d_model, n_heads, causal=causal, **attention)
        self.ln_cross = make_norm(norm, d_model, layer_norm_eps, bias) if cross_attention else None
        self.cross_attn = MultiHeadAttention(d_model, n_heads, **attention) if cross_attention else None
        self.ln_2 = make_norm(norm, d_model, layer_norm_eps, bias)
        self.ffn = FeedForward(d_model, d_ff, activation=activation, dropout=dropout, bias=bias, gated=gated)

    def residual(self, x: Tensor, norm: nn.Module, sublayer: Callable[[Tensor], Tensor]) -> Tensor:
        """x + sublayer(norm(x)) in pre-norm, norm(x + sublayer(x)) in post-norm."""
        if self.norm_first:
            return x + sublayer(norm(x))
        return norm(x + sublayer(x))

    def forward(
        self,
        x: Tensor,
        mask: Tensor | None = None,
        *,
        context: Tensor | None = None,
        context_mask: Tensor | None = None,
        position_bias: PositionBias | None = None,
        output_attentions: bool = False,
    ) -> Tensor | tuple[Tensor, Tensor, Tensor | None]:
        """x: (B, T, d_model) -> (B, T, d_model).

        mask and position_bias go to the self-attention (mask: (B, T) padding, 1 = real token, or any
        mask ``MultiHeadAttention`` takes); context (B, S, d_model), the encoder's output, and
        context_mask, e.g. its (B, S) padding mask, to the cross-attention.
        output_attentions=True returns (x, self-attention weights (B, n_heads, T, T), cross-attention
        weights (B, n_heads, T, S) or None without cross-attention), computed written out.
        """
        if (context is None) != (self.cross_attn is None):
            has = "one" if self.cross_attn is not None else "none"
            raise ValueError("Block: pass context (the encoder's output, (B, S, d_model)) exactly when the "
                             f"block has cross-attention; this one has {has}")
        weights: list[Tensor] = []

        def attend(attn: MultiHeadAttention, h: Tensor, m: Tensor | None, **kwargs) -> Tensor:
            if not output_attentions:
                return attn(h, m, **kwargs)
            y, w = attn(h, m, need_weights=True, **kwargs)
            weights.append(w)
            return y

        x = self.residual(x, self.ln_1, lambda h: attend(self.attn, h, mask, position_bias=position_bias))
        if self.cross_attn is not None:
            cross = self.cross_attn
            x = self.residual(x, self.ln_cross, lambda h: attend(cross, h, context_mask, context=context))
        x = self.residual(x, self.ln_2, self.ffn)
        if not output_attentions:
            return x
        return x, weights[0], weights[1] if self.cross_attn is not None else None


__all__ = ["ACTIVATIONS", "Block", "FeedForward", "get_activation"]
