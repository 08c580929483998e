"""Multi-head scaled dot-product attention (Vaswani et al., 2017).

For each head h:  head_h = softmax(Q_h K_h^T / sqrt(d_head) + mask) V_h,  with Q = x W^Q, K = x W^K,
V = x W^V; the heads are concatenated and projected by W^O. The softmax itself runs in PyTorch's
fused ``scaled_dot_product_attention``; the masks are written out here.

Masks, as booleans where True means "may attend":
- causal (GPT): query t sees keys 0..t only, so the model cannot peek at the tokens it predicts;
- padding (HF convention): ``attention_mask`` of shape (B, T) with 1 for real tokens and 0 for
  padding; no query attends to a padding key.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn


def check_heads(d_model: int, n_heads: int) -> None:
    """Raise a clear ValueError unless n_heads >= 1 divides d_model."""
    if n_heads < 1 or d_model % n_heads != 0:
        divisors = [h for h in range(1, d_model + 1) if d_model % h == 0]
        nearest = sorted(sorted(divisors, key=lambda h: abs(h - n_heads))[:3])
        raise ValueError(
            f"d_model={d_model} is not divisible by n_heads={n_heads}; choose n_heads that divides "
            f"d_model (e.g. {', '.join(map(str, nearest))}) or a d_model that is a multiple of n_heads"
        )


def make_attention_mask(
    attention_mask: Tensor | None, seq_len: int, causal: bool, device: torch.device | None = None
) -> Tensor | None:
    """Boolean mask of shape (B or 1, 1, T, T), True where query i may attend to key j; None if no mask.

    attention_mask: (B, T) with 1 = real token, 0 = padding (or None).
    """
    mask = None
    if causal:
        mask = torch.ones(seq_len, seq_len, dtype=torch.bool, device=device).tril()  # (T, T): j <= i
        mask = mask[None, None]  # (1, 1, T, T)
    if attention_mask is not None:
        keys = attention_mask.to(device=device, dtype=torch.bool)[:, None, None, :]  # (B, 1, 1, T)
        mask = keys if mask is None else mask & keys  # (B, 1, T, T) after broadcasting
        mask = mask.expand(-1, -1, seq_len, -1)
    return mask


class MultiHeadAttention(nn.Module):
    """Multi-head self-attention with separate query, key, value and output projections.

    Input and output: (B, T, d_model). ``dropout`` applies to the attention probabilities and to the
    output projection (the residual branch), as in BERT and GPT-2.
    """

    def __init__(
        self, d_model: int, n_heads: int, dropout: float = 0.0, bias: bool = True, causal: bool = False
    ) -> None:
        super().__init__()
        check_heads(d_model, n_heads)
        self.d_model, self.n_heads, self.d_head = d_model, n_heads, d_model // n_heads
        self.causal = causal
        self.dropout = dropout
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)  # W^Q for all heads at once
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)  # W^K
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)  # W^V
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)  # W^O
        self.resid_dropout = nn.Dropout(dropout)

    def forward(self, x: Tensor, attention_mask: Tensor | None = None) -> Tensor:
        """x: (B, T, d_model) -> (B, T, d_model); attention_mask: (B, T), 1 = real token, 0 = padding."""
        B, T, C = x.shape
        # (B, T, C) -> (B, n_heads, T, d_head)
        q = self.q_proj(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        k = self.k_proj(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        v = self.v_proj(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)

        if attention_mask is None:  # the fused kernel builds the causal mask itself
            mask, is_causal = None, self.causal
        else:
            mask, is_causal = make_attention_mask(attention_mask, T, self.causal, x.device), False
        y = F.scaled_dot_product_attention(
            q, k, v,
            attn_mask=mask,
            dropout_p=self.dropout if self.training else 0.0,
            is_causal=is_causal,
        )  # (B, n_heads, T, d_head); scale is 1/sqrt(d_head)

        y = y.transpose(1, 2).reshape(B, T, C)  # concatenate the heads
        return self.resid_dropout(self.out_proj(y))


__all__ = ["MultiHeadAttention", "check_heads", "make_attention_mask"]
