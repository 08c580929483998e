"""Heads: small modules that turn a body's hidden states into a task's logits.

    tied LM head         h (B, T, C) -> h @ E^T                           (B, T, V)   GPT-2
    MaskedLMHead         h -> decoder(LN(act(dense(h)))), decoder tied    (B, T, V)   BERT's MLM
    SentencePairHead     pooled (B, C) -> linear                          (B, 2)      NSP, ALBERT's SOP
    ClassificationHead   pooled -> dropout -> linear                      (B, K)      fine-tuning
    ReplacedTokenHead    h -> dense -> act -> linear to 1                 (B, T)      ELECTRA's RTD
    ScalarHead           h -> linear to 1                                 (B, T)      values; a reward
                         at the last real token (``last_token_states``)   (B,)        (InstructGPT's RM)

A head has no loss: the objectives (``lmlib.objectives``) compute it. Tied heads share the token
embedding matrix of the body they are built for (Press and Wolf, 2017).
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

from lmlib.nn import get_activation


def tied_lm_head(embedding: nn.Embedding) -> nn.Linear:
    """A bias-free linear layer from d_model to the vocabulary whose weight *is* ``embedding.weight``."""
    vocab_size, d_model = embedding.weight.shape
    head = nn.Linear(d_model, vocab_size, bias=False)
    head.weight = embedding.weight
    return head


class MaskedLMHead(nn.Module):
    """Predicts the token at every position: decoder(LN(act(dense(h)))) (BERT's MLM head).

    The decoder's weight is tied to the token embedding by the model that builds the head; its bias
    is the head's own.
    """

    def __init__(self, d_model: int, vocab_size: int, activation: str, layer_norm_eps: float) -> None:
        super().__init__()
        self.dense = nn.Linear(d_model, d_model)
        self.act = get_activation(activation)
        self.norm = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.decoder = nn.Linear(d_model, vocab_size)

    def forward(self, h: Tensor) -> Tensor:
        """(..., d_model) -> (..., vocab_size)"""
        return self.decoder(self.norm(self.act(self.dense(h))))


class SentencePairHead(nn.Linear):
    """Two logits from the pooled vector of a pair of segments.

    BERT's next-sentence prediction: 0 = B follows A, 1 = B is from elsewhere. ALBERT's sentence-order
    prediction uses the same head: 0 = in order, 1 = swapped.
    """

    def __init__(self, d_model: int) -> None:
        super().__init__(d_model, 2)


class ClassificationHead(nn.Module):
    """logits = linear(dropout(pooled)): BERT's fine-tuning head (Devlin et al., 2019), N(0, 0.02) init."""

    def __init__(self, d_model: int, num_labels: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.proj = nn.Linear(d_model, num_labels)
        nn.init.normal_(self.proj.weight, std=0.02)
        nn.init.zeros_(self.proj.bias)

    def forward(self, pooled: Tensor) -> Tensor:
        """(B, d_model) -> (B, num_labels)"""
        return self.proj(self.dropout(pooled))


class ReplacedTokenHead(nn.Module):
    """ELECTRA's discriminator head (Clark et al., 2020): one logit per token, > 0 for "replaced".

    (B, T, d_model) -> dense -> act -> linear to 1 -> (B, T); HF's ``ElectraDiscriminatorPredictions``.
    """

    def __init__(self, d_model: int, activation: str = "gelu") -> None:
        super().__init__()
        self.dense = nn.Linear(d_model, d_model)
        self.act = get_activation(activation)
        self.prediction = nn.Linear(d_model, 1)

    def forward(self, h: Tensor) -> Tensor:
        """(B, T, d_model) -> (B, T)"""
        return self.prediction(self.act(self.dense(h))).squeeze(-1)


class ScalarHead(nn.Linear):
    """One number per position: (..., d_model) -> (...). A value function reads it at every token; a
    reward model at the last real token of each sequence (:func:`last_token_states`), as HF's
    ``GPT2ForSequenceClassification`` with one label does (there without a bias)."""

    def __init__(self, d_model: int, bias: bool = True) -> None:
        super().__init__(d_model, 1, bias=bias)

    def forward(self, h: Tensor) -> Tensor:
        return super().forward(h).squeeze(-1)


def last_token_states(h: Tensor, attention_mask: Tensor | None = None) -> Tensor:
    """The hidden state of each row's last real token: (B, T, C) -> (B, C).

    attention_mask (B, T), 1 = real token: its last 1 counts, so right and left padding both work;
    without a mask, the last position. A row with no real token is a ValueError.
    """
    if attention_mask is None:
        return h[:, -1]
    if attention_mask.shape != h.shape[:2]:
        raise ValueError(f"attention_mask must have shape (B, T) = {tuple(h.shape[:2])}, got {tuple(attention_mask.shape)}")
    real = attention_mask.bool()
    if not real.any(1).all():
        raise ValueError("every row needs at least one real token (attention_mask 1) to read its last state")
    T = h.shape[1]
    last = T - 1 - real.flip(1).int().argmax(1)  # position of the last 1 in each row
    return h[torch.arange(h.shape[0], device=h.device), last]


__all__ = ["ClassificationHead", "MaskedLMHead", "ReplacedTokenHead", "ScalarHead", "SentencePairHead",
           "last_token_states", "tied_lm_head"]
