"""Multi-head scaled dot-product attention (Vaswani et al., 2017), self- or cross-attention.

For each head h:  head_h = softmax(Q_h K_h^T * scale + M + P) V_h,  with Q = x W^Q, K = c W^K,
V = c W^V, where c = x (self-attention) or c = context (cross-attention: T queries, S keys); the
heads are concatenated and projected by W^O. ``scale`` is 1/sqrt(d_head) (T5: 1). The softmax runs in
PyTorch's fused ``scaled_dot_product_attention``; the masks are written out here. Asked for the
attention weights (``need_weights=True``), the same sum runs written out instead
(``explicit_attention``), which equals the fused kernel to float rounding and returns the weights.

M, the mask, in any of these forms (B batch, H heads, T queries, S keys; a 1 broadcasts):
- none, or causal (GPT): query t sees keys 0..t only, so the model cannot peek at what it predicts;
- padding (HF convention): ``attention_mask`` of shape (B, S) with 1 for real tokens and 0 for
  padding, whatever its dtype; no query attends to a padding key;
- boolean (B, T, S) or (B, 1 or H, T, S): True where query t may attend to key s (XLNet's
  permutation masks); integer 0/1 tensors count as boolean;
- additive float (B, T, S) or (B, 1 or H, T, S): added to the scores, 0 to keep and -inf (or a
  large negative number) to block, as T5 and XLNet build them.
P, the position bias: an additive (1 or B, H, T, S) tensor (T5's relative position bias), or a
callable ``(q, k) -> P`` of the heads' queries (B, H, T, d_head) and keys (B, H, S, d_head), for
biases that depend on them (XLNet's relative attention).
"""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from lmlib._checks import positive_int

PositionBias = Tensor | Callable[[Tensor, Tensor], Tensor]


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
    """Boolean mask of shape (B or 1, 1, T, S), True where query i may attend to key j; None if no mask.

    attention_mask: (B, S) with 1 = real token, 0 = padding (or None); seq_len: T, the number of
    queries (S = T when causal).
    """
    mask = None
    if causal:
        mask = torch.ones(seq_len, seq_len, dtype=torch.bool, device=device).tril()  # (T, T): j <= i
        mask = mask[None, None]  # (1, 1, T, T)
    if attention_mask is not None:
        keys = attention_mask.to(device=device, dtype=torch.bool)[:, None, None, :]  # (B, 1, 1, S)
        mask = keys if mask is None else mask & keys  # (B, 1, T, S) after broadcasting
        mask = mask.expand(-1, -1, seq_len, -1)
    return mask


def _check_shape(name: str, t: Tensor, expected: tuple[int, ...], labels: str, ones_ok: str) -> None:
    """Raise a ValueError unless t has ``expected``'s rank and each dim equals it or, where allowed, is 1."""
    ok = t.dim() == len(expected) and all(
        got == want or (got == 1 and label in ones_ok) for got, want, label in zip(t.shape, expected, labels)
    )
    if not ok:
        may_be_1 = f" ({', '.join(ones_ok)} may be 1)" if ones_ok else ""
        raise ValueError(f"attention: {name} must have shape ({', '.join(labels)}) = {expected}{may_be_1}, "
                         f"got shape {tuple(t.shape)}")


def mask_as_4d(mask: Tensor, B: int, H: int, T: int, S: int) -> Tensor:
    """A mask of any accepted shape as a (B or 1, 1 or H, T or 1, S) tensor; a clear ValueError otherwise.

    (B, S) is the padding mask (1 = real token) and comes back boolean; other masks keep their dtype.
    """
    if mask.dim() == 2:
        _check_shape("a 2-D (padding) mask", mask, (B, S), "BS", "")
        return mask.to(torch.bool)[:, None, None, :]
    if mask.dim() == 3:
        _check_shape("a 3-D mask", mask, (B, T, S), "BTS", "BT")
        return mask[:, None]
    if mask.dim() == 4:
        _check_shape("a 4-D mask", mask, (B, H, T, S), "BHTS", "BHT")
        return mask
    raise ValueError(f"attention: mask must have shape (B, S) (padding, 1 = real token), (B, T, S) or "
                     f"(B, H, T, S) with (B, H, T, S) = {(B, H, T, S)}, got shape {tuple(mask.shape)}")


def scores_mask(
    mask: Tensor | None, position_bias: Tensor | None, causal: bool, B: int, H: int, T: int, S: int,
    dtype: torch.dtype, device: torch.device,
) -> Tensor | None:
    """Everything added to the scores before the softmax, as one boolean or float (.., T, S) tensor.

    Boolean parts (causal, padding, boolean masks) are and-ed; additive parts (float masks, the
    position bias) summed; where both exist, blocked entries become -inf in the sum. None: no mask.
    """
    allowed: Tensor | None = None  # True = may attend
    additive: Tensor | None = None
    if causal:
        allowed = torch.ones(T, S, dtype=torch.bool, device=device).tril()[None, None]
    if mask is not None:
        m = mask_as_4d(mask.to(device), B, H, T, S)
        if m.is_floating_point():
            additive = m.to(dtype)
        else:
            m = m.to(torch.bool)
            allowed = m if allowed is None else allowed & m
    if position_bias is not None:
        _check_shape("position_bias", position_bias, (B, H, T, S), "BHTS", "B")
        bias = position_bias.to(device=device, dtype=dtype)
        additive = bias if additive is None else additive + bias
    if additive is None or allowed is None:
        return allowed if additive is None else additive
    return torch.where(allowed, additive, torch.tensor(float("-inf"), dtype=dtype, device=device))


def explicit_attention(
    q: Tensor, k: Tensor, v: Tensor, attn_mask: Tensor | None = None, dropout_p: float = 0.0,
    is_causal: bool = False, scale: float | None = None,
) -> tuple[Tensor, Tensor]:
    """``scaled_dot_product_attention`` written out: (softmax(Q K^T * scale + M) V, the weights).

    q (B, H, T, d_head), k and v (B, H, S, d_head); attn_mask boolean (True = may attend) or additive,
    broadcasting to (B, H, T, S); scale None is 1/sqrt(d_head). The weights (B, H, T, S) are the
    softmax after masking, with dropout applied as HF's eager attention returns them (so in eval
    mode each row sums to 1); a query whose keys are all blocked gets weights 0, as in the fused kernel.
    """
    T, S = q.shape[-2], k.shape[-2]
    if is_causal:
        attn_mask = torch.ones(T, S, dtype=torch.bool, device=q.device).tril()
    scores = q @ k.transpose(-2, -1) * (q.shape[-1] ** -0.5 if scale is None else scale)  # (B, H, T, S)
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, float("-inf"))
        else:
            scores = scores + attn_mask
    weights = torch.softmax(scores, dim=-1)
    blocked = (scores == float("-inf")).all(dim=-1, keepdim=True)  # softmax over no keys: NaN -> 0
    weights = weights.masked_fill(blocked, 0.0)
    if dropout_p > 0.0:
        weights = F.dropout(weights, p=dropout_p)
    return weights @ v, weights


class MultiHeadAttention(nn.Module):
    """Multi-head self- or cross-attention with separate query, key, value and output projections.

    Input and output: (B, T, d_model). ``dropout`` applies to the attention probabilities and to the
    output projection (the residual branch), as in BERT and GPT-2. ``bias=False`` drops the biases of
    all four projections (T5). ``scale``: True is 1/sqrt(d_head), False is 1 (T5), or a float.
    ``d_head`` defaults to d_model / n_heads; T5 sets it freely (the inner width is n_heads * d_head).
    """

    def __init__(
        self,
        d_model: int,
        n_heads: int,
        dropout: float = 0.0,
        bias: bool = True,
        causal: bool = False,
        scale: bool | float = True,
        d_head: int | None = None,
    ) -> None:
        super().__init__()
        if d_head is None:
            check_heads(d_model, n_heads)
            d_head = d_model // n_heads
        positive_int("n_heads", n_heads)
        positive_int("d_head", d_head)
        if not isinstance(scale, bool) and not (isinstance(scale, (int, float)) and scale > 0):
            raise ValueError(f"scale must be True (1/sqrt(d_head)), False (1) or a positive float, "
                             f"got {scale!r}")
        self.d_model, self.n_heads, self.d_head = d_model, n_heads, d_head
        self.causal = causal
        self.dropout = dropout
        self.scale = scale
        inner = n_heads * d_head
        self.q_proj = nn.Linear(d_model, inner, bias=bias)  # W^Q for all heads at once
        self.k_proj = nn.Linear(d_model, inner, bias=bias)  # W^K
        self.v_proj = nn.Linear(d_model, inner, bias=bias)  # W^V
        self.out_proj = nn.Linear(inner, d_model, bias=bias)  # W^O
        self.resid_dropout = nn.Dropout(dropout)

    @property
    def score_scale(self) -> float | None:
        """The factor of QK^T as scaled_dot_product_attention takes it (None: its 1/sqrt(d_head))."""
        if self.scale is True:
            return None
        return 1.0 if self.scale is False else float(self.scale)

    def split_heads(self, t: Tensor) -> Tensor:
        """(B, L, n_heads * d_head) -> (B, n_heads, L, d_head)"""
        B, L, _ = t.shape
        return t.view(B, L, self.n_heads, self.d_head).transpose(1, 2)

    def forward(
        self,
        x: Tensor,
        mask: Tensor | None = None,
        *,
        context: Tensor | None = None,
        position_bias: PositionBias | None = None,
        need_weights: bool = False,
    ) -> Tensor | tuple[Tensor, Tensor]:
        """x: (B, T, d_model) -> (B, T, d_model); keys and values from context (B, S, d_model) if given.

        mask: (B, S) padding (1 = real token), or a boolean / additive (B, T, S) or (B, 1 or H, T, S)
        mask; position_bias: (1 or B, H, T, S), or a callable (q, k) -> that (see the module docstring).
        need_weights=True returns (output, weights), the weights (B, n_heads, T, S) from
        ``explicit_attention`` in place of the fused kernel; False (default) the output alone.
        """
        self.check_inputs(x, context, mask)
        B, T, _ = x.shape
        source = x if context is None else context
        S = source.shape[1]
        q = self.split_heads(self.q_proj(x))  # (B, H, T, d_head)
        k = self.split_heads(self.k_proj(source))  # (B, H, S, d_head)
        v = self.split_heads(self.v_proj(source))

        is_causal = False
        if callable(position_bias):
            position_bias = position_bias(q, k)
        if position_bias is None and mask is None:  # the fused kernel builds the causal mask itself
            attn_mask, is_causal = None, self.causal
        elif position_bias is None and mask.dim() == 2:  # padding (and causal): GPT and BERT
            _check_shape("a 2-D (padding) mask", mask, (B, S), "BS", "")
            attn_mask = make_attention_mask(mask, T, self.causal, x.device)
        else:
            H = self.n_heads
            attn_mask = scores_mask(mask, position_bias, self.causal, B, H, T, S, q.dtype, x.device)
        dropout_p = self.dropout if self.training else 0.0
        if need_weights:  # the same sum written out, to return the weights (B, n_heads, T, S)
            y, weights = explicit_attention(q, k, v, attn_mask, dropout_p, is_causal, self.score_scale)
        else:
            y = F.scaled_dot_product_attention(
                q, k, v,
                attn_mask=attn_mask,
                dropout_p=dropout_p,
                is_causal=is_causal,
                scale=self.score_scale,
            )  # (B, n_heads, T, d_head)

        y = y.transpose(1, 2).reshape(B, T, self.n_heads * self.d_head)  # concatenate the heads
        y = self.resid_dropout(self.out_proj(y))
        return (y, weights) if need_weights else y

    def check_inputs(self, x: Tensor, context: Tensor | None, mask: Tensor | None = None) -> None:
        """Raise a clear error unless x is (B, T, d_model), context (B, S, d_model) and mask a tensor.

        The mask's shape is checked where it is used (``mask_as_4d``)."""
        for name, t, length in (("x", x, "T"), ("context", context, "S")):
            if t is not None and (t.dim() != 3 or t.shape[-1] != self.d_model):
                raise ValueError(f"attention: {name} must have shape (B, {length}, d_model={self.d_model}), "
                                 f"got shape {tuple(t.shape)}")
        if mask is not None and not isinstance(mask, Tensor):
            raise TypeError(f"attention: mask must be a torch.Tensor or None, got {type(mask).__name__}")
        if context is not None and context.shape[0] != x.shape[0]:
            raise ValueError(f"attention: context must have x's batch size {x.shape[0]}, got shape "
                             f"{tuple(context.shape)}")
        if context is not None and self.causal:
            raise ValueError("attention: causal attention is self-attention; build cross-attention with "
                             "causal=False (a decoder's queries may see every encoder position)")


__all__ = [
    "MultiHeadAttention",
    "PositionBias",
    "check_heads",
    "explicit_attention",
    "make_attention_mask",
    "mask_as_4d",
    "scores_mask",
]
