"""Input embeddings: where a token is (positions) and which sentence it belongs to (segments).

A transformer sees a set of vectors, not a sequence: without position information, attention is
blind to word order. Two ways to tell it the order:

- learned positions (BERT, GPT-2): one trainable vector per position, like a token embedding;
- sinusoidal positions (Vaswani et al., 2017): a fixed table of sines and cosines of geometrically
  spaced frequencies, nothing to train.

BERT's input is the sum of a token, a segment (sentence A / sentence B) and a position embedding,
followed by LayerNorm and dropout (``BertEmbeddings``). The token embedding itself is a plain
``torch.nn.Embedding``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn


def _position_ids(positions: Tensor | int, max_positions: int, device: torch.device) -> Tensor:
    """Turn a sequence length or a tensor of position ids into position ids, checking the length."""
    length = positions if isinstance(positions, int) else positions.shape[-1]
    if length > max_positions:
        raise ValueError(
            f"sequence of length {length} is longer than the model's {max_positions} positions; "
            f"truncate the input to its last {max_positions} tokens or build the model with "
            f"max_positions >= {length}"
        )
    if isinstance(positions, int):
        return torch.arange(positions, device=device)  # (T,)
    return positions


def sinusoidal_table(n_positions: int, d_model: int) -> Tensor:
    """The (n_positions, d_model) table of Vaswani et al. (2017), in float32.

    PE[pos, 2i] = sin(pos / 10000^(2i/d_model)),  PE[pos, 2i+1] = cos(pos / 10000^(2i/d_model)).
    """
    pos = torch.arange(n_positions, dtype=torch.float64)[:, None]  # (P, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)  # (ceil(d/2),)
    angle = pos / 10000.0 ** (two_i / d_model)  # (P, ceil(d/2))
    table = torch.zeros(n_positions, d_model, dtype=torch.float64)
    table[:, 0::2] = torch.sin(angle)
    table[:, 1::2] = torch.cos(angle[:, : d_model // 2])  # odd d_model: one cosine fewer
    return table.float()


class LearnedPositionalEmbedding(nn.Module):
    """One trainable vector per position (BERT, GPT-2): ``weight`` has shape (max_positions, d_model)."""

    def __init__(self, max_positions: int, d_model: int) -> None:
        super().__init__()
        self.max_positions = max_positions
        self.weight = nn.Parameter(torch.empty(max_positions, d_model))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, positions: Tensor | int) -> Tensor:
        """positions: a length T -> (T, d_model), or position ids (..., T) -> (..., T, d_model)."""
        ids = _position_ids(positions, self.max_positions, self.weight.device)
        return F.embedding(ids, self.weight)


class SinusoidalPositionalEmbedding(nn.Module):
    """Fixed sinusoidal positions (Vaswani et al., 2017): a buffer, not a parameter, so nothing is trained."""

    def __init__(self, max_positions: int, d_model: int) -> None:
        super().__init__()
        self.max_positions = max_positions
        # Not persistent: the table is a function of the shape, so checkpoints need not carry it.
        self.register_buffer("table", sinusoidal_table(max_positions, d_model), persistent=False)

    def forward(self, positions: Tensor | int) -> Tensor:
        """positions: a length T -> (T, d_model), or position ids (..., T) -> (..., T, d_model)."""
        ids = _position_ids(positions, self.max_positions, self.table.device)
        return self.table[ids]


class BertEmbeddings(nn.Module):
    """BERT's input: LayerNorm(token + segment + position embeddings), then dropout (Devlin et al., 2019).

    ``use_positions=False`` or ``use_segments=False`` drop that term entirely (for ablations): the
    module then has no such parameters, and ignores ``position_ids`` / ``token_type_ids``.
    """

    def __init__(
        self,
        vocab_size: int,
        d_model: int,
        max_positions: int,
        type_vocab_size: int = 2,
        dropout: float = 0.0,
        layer_norm_eps: float = 1e-12,
        use_positions: bool = True,
        use_segments: bool = True,
    ) -> None:
        super().__init__()
        self.token_embeddings = nn.Embedding(vocab_size, d_model)
        self.position_embeddings = (
            LearnedPositionalEmbedding(max_positions, d_model) if use_positions else None
        )
        self.segment_embeddings = nn.Embedding(type_vocab_size, d_model) if use_segments else None
        self.norm = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.dropout = nn.Dropout(dropout)

    def forward(
        self,
        input_ids: Tensor,
        token_type_ids: Tensor | None = None,
        position_ids: Tensor | None = None,
    ) -> Tensor:
        """input_ids, token_type_ids (default 0: sentence A), position_ids: (B, T) -> (B, T, d_model)."""
        x = self.token_embeddings(input_ids)  # (B, T, C)
        if self.segment_embeddings is not None:
            if token_type_ids is None:
                token_type_ids = torch.zeros_like(input_ids)
            x = x + self.segment_embeddings(token_type_ids)
        if self.position_embeddings is not None:
            positions = input_ids.shape[-1] if position_ids is None else position_ids
            x = x + self.position_embeddings(positions)  # (T, C) or (B, T, C) broadcasts
        return self.dropout(self.norm(x))


__all__ = [
    "BertEmbeddings",
    "LearnedPositionalEmbedding",
    "SinusoidalPositionalEmbedding",
    "sinusoidal_table",
]
