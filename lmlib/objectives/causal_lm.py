"""Causal language modelling: train a GPT to predict every next token (Radford et al., 2018, 2019).

    batch: input (B, T) and target (B, T), the input shifted by one token
    loss  = mean over positions of -log p(target[t] | input[:t+1])   (cross-entropy, nats per token)

Optimisation as in GPT-2 / nanoGPT (:mod:`lmlib.objectives.base`): AdamW with weight decay on the
matrices only, a linear warm-up, then a cosine decay.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import torch.nn.functional as F
from torch import Tensor

from lmlib.models.gpt import GPT, GPTConfig
from lmlib.objectives.base import Objective, build_model

IGNORE_INDEX = -100  # targets to leave out of the loss (padding), as in PyTorch and HF


def next_token_loss(logits: Tensor, targets: Tensor) -> Tensor:
    """Mean cross-entropy (nats) of logits (B, T, V) against targets (B, T); -100 targets are ignored."""
    return F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=IGNORE_INDEX)


class CausalLM(Objective):
    """A GPT trained on next-token prediction. ``model`` is a :class:`GPT` or a :class:`GPTConfig`.

    A batch is ``(input, target)`` (from :func:`lmlib.data.lm.lm_loader`) or a dict with
    ``input_ids`` and ``labels`` (positions with -100 are ignored). ``training_step`` and
    ``validation_step`` return ``{"loss": mean cross-entropy in nats per token}``.
    """

    def __init__(self, model: GPT | GPTConfig, *, lr: float = 1e-3, weight_decay: float = 0.1,
                 betas: tuple[float, float] = (0.9, 0.95), warmup_steps: int = 0,
                 max_steps: int | None = None, min_lr_ratio: float = 0.1, layer_lr_decay: float = 1.0) -> None:
        super().__init__(lr=lr, weight_decay=weight_decay, betas=betas, schedule="cosine",
                         warmup_steps=warmup_steps, max_steps=max_steps, min_lr_ratio=min_lr_ratio,
                         layer_lr_decay=layer_lr_decay)
        self.model = build_model(model, GPT, GPTConfig)

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None) -> Tensor:
        """input_ids (B, T) -> logits (B, T, vocab_size)."""
        return self.model(input_ids, attention_mask)

    @staticmethod
    def _unpack(batch: Sequence[Tensor] | Mapping[str, Tensor]) -> tuple[Tensor, Tensor]:
        if isinstance(batch, Mapping):
            if "input_ids" not in batch or "labels" not in batch:
                raise ValueError(f"a dict batch needs 'input_ids' and 'labels', got {sorted(batch)}")
            x, y = batch["input_ids"], batch["labels"]
        else:
            if len(batch) != 2:
                raise ValueError(f"a batch must be (input, target), got {len(batch)} items")
            x, y = batch
        if x.shape != y.shape or x.dim() != 2:
            raise ValueError(f"input and target must both have shape (B, T), got {tuple(x.shape)} and {tuple(y.shape)}")
        return x, y

    def step(self, batch) -> dict[str, Tensor]:
        """``{"loss"}``: the mean next-token cross-entropy (nats) on one batch."""
        x, y = self._unpack(batch)
        return {"loss": next_token_loss(self.model(x), y)}


__all__ = ["CausalLM", "IGNORE_INDEX", "next_token_loss"]
