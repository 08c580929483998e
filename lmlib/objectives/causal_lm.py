"""Causal language modelling: train a GPT to predict every next token (Radford et al., 2018, 2019).

    batch: input (B, T) and target (B, T), the input shifted by one token
    loss  = mean over positions of -log p(target[t] | input[:t+1])   (cross-entropy, nats per token)

Optimisation as in GPT-2 / nanoGPT: AdamW with weight decay on the matrices only (weights of the
linear layers and the embeddings, not biases and LayerNorm gains), a learning rate that rises
linearly for ``warmup_steps`` and then follows a cosine down to ``min_lr_ratio * lr`` at ``max_steps``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import lightning as L
import torch
from torch import Tensor

from lmlib.models.gpt import GPT, GPTConfig


def warmup_cosine(step: int, warmup_steps: int = 0, max_steps: int | None = None,
                  min_ratio: float = 0.1) -> float:
    """Learning-rate factor at optimizer ``step`` (0-based): linear warm-up from 1/warmup_steps to 1,
    then a cosine from 1 down to ``min_ratio`` at ``max_steps`` (and ``min_ratio`` after it); constant
    1 after the warm-up when ``max_steps`` is None."""
    if step < warmup_steps:
        return (step + 1) / warmup_steps
    if max_steps is None:
        return 1.0
    progress = min(1.0, (step - warmup_steps) / max(1, max_steps - warmup_steps))
    return min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * progress))


class CausalLM(L.LightningModule):
    """A GPT trained on next-token prediction. ``model`` is a :class:`GPT` or a :class:`GPTConfig`.

    A batch is ``(input, target)`` (from :func:`lmlib.data.lm.lm_loader`) or a dict with
    ``input_ids`` and ``labels`` (positions with -100 are ignored). ``training_step`` and
    ``validation_step`` return ``{"loss": mean cross-entropy in nats per token}``.
    """

    def __init__(self, model: GPT | GPTConfig, *, lr: float = 1e-3, weight_decay: float = 0.1,
                 betas: tuple[float, float] = (0.9, 0.95), warmup_steps: int = 0,
                 max_steps: int | None = None, min_lr_ratio: float = 0.1) -> None:
        super().__init__()
        if isinstance(model, GPTConfig):
            model = GPT(model)
        if not isinstance(model, GPT):
            raise TypeError(f"model must be an lmlib GPT or a GPTConfig, got {type(model).__name__}")
        check_optimization(lr, weight_decay, warmup_steps, max_steps, min_lr_ratio)
        self.model = model
        self.lr, self.weight_decay, self.betas = lr, weight_decay, tuple(betas)
        self.warmup_steps, self.max_steps, self.min_lr_ratio = warmup_steps, max_steps, min_lr_ratio

    def forward(self, idx: Tensor, targets: Tensor | None = None) -> tuple[Tensor, Tensor | None]:
        """idx (B, T) -> logits (B, T, vocab_size) and the loss when targets (B, T) are given."""
        return self.model(idx, targets)

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
        _, loss = self.model(x, y)
        return {"loss": loss}

    def training_step(self, batch, batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def validation_step(self, batch, batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def configure_optimizers(self):
        return adamw_warmup_cosine(self, self.lr, self.weight_decay, self.betas, self.warmup_steps,
                                   self.max_steps, self.min_lr_ratio)


def check_optimization(lr: float, weight_decay: float, warmup_steps: int, max_steps: int | None,
                       min_lr_ratio: float) -> None:
    """Clear errors for optimizer settings that cannot work."""
    if lr <= 0 or weight_decay < 0:
        raise ValueError(f"need lr > 0 and weight_decay >= 0, got lr={lr!r}, weight_decay={weight_decay!r}")
    if warmup_steps < 0 or (max_steps is not None and max_steps <= warmup_steps):
        raise ValueError(f"need 0 <= warmup_steps < max_steps, got warmup_steps={warmup_steps!r}, "
                         f"max_steps={max_steps!r}")
    if not 0 <= min_lr_ratio <= 1:
        raise ValueError(f"min_lr_ratio must be in [0, 1], got {min_lr_ratio!r}")


def adamw_warmup_cosine(module: torch.nn.Module, lr: float, weight_decay: float,
                        betas: tuple[float, float], warmup_steps: int = 0, max_steps: int | None = None,
                        min_lr_ratio: float = 0.1):
    """Lightning's ``configure_optimizers`` result for GPT/BERT pretraining: AdamW with weight decay
    on the matrices only, and the :func:`warmup_cosine` schedule stepped every optimizer step."""
    params = [p for p in module.parameters() if p.requires_grad]  # tied weights appear once
    decay = [p for p in params if p.dim() >= 2]  # matrices: linear weights, embeddings
    no_decay = [p for p in params if p.dim() < 2]  # biases, LayerNorm gains and shifts
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": weight_decay},
         {"params": no_decay, "weight_decay": 0.0}], lr=lr, betas=betas)
    if warmup_steps == 0 and max_steps is None:
        return optimizer
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: warmup_cosine(s, warmup_steps, max_steps, min_lr_ratio))
    return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}


__all__ = ["CausalLM", "adamw_warmup_cosine", "warmup_cosine"]
