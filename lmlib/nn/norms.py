"""Normalisation layers: LayerNorm (Ba et al., 2016) and RMSNorm (Zhang and Sennrich, 2019).

    LayerNorm(x) = (x - mean(x)) / sqrt(var(x) + eps) * gamma + beta     (BERT, GPT-2)
    RMSNorm(x)   = x / sqrt(mean(x^2) + eps) * gamma                     (T5, Llama)

both over the last (feature) dimension. RMSNorm drops the mean subtraction and the bias: it rescales
each vector to unit root-mean-square and keeps only a learned gain. ``make_norm`` builds either by name.
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

NORMS = ("layernorm", "rmsnorm")


class RMSNorm(nn.Module):
    """Root-mean-square normalisation, T5's ``T5LayerNorm``: scale only, no mean subtraction, no bias.

    Computed in float32 and cast back to the input's dtype, as T5 does for half-precision inputs.
    ``weight`` (gamma) starts at ones, so a fresh RMSNorm only rescales.
    """

    def __init__(self, d: int, eps: float = 1e-6) -> None:
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, x: Tensor) -> Tensor:
        """(..., d) -> (..., d)"""
        x32 = x.float()
        mean_square = x32.pow(2).mean(-1, keepdim=True)
        return self.weight * (x32 * torch.rsqrt(mean_square + self.eps)).to(x.dtype)

    def extra_repr(self) -> str:
        return f"{self.weight.shape[0]}, eps={self.eps}"


def make_norm(kind: str, d: int, eps: float = 1e-5, bias: bool = True) -> nn.Module:
    """A normalisation layer over d features: ``"layernorm"`` (with or without beta) or ``"rmsnorm"``.

    ``bias`` switches LayerNorm's beta on or off; RMSNorm never has one, so it ignores ``bias``.
    """
    if kind == "layernorm":
        return nn.LayerNorm(d, eps=eps, bias=bias)
    if kind == "rmsnorm":
        return RMSNorm(d, eps=eps)
    raise ValueError(f"unknown norm {kind!r}; choose one of {list(NORMS)}")


__all__ = ["NORMS", "RMSNorm", "make_norm"]
