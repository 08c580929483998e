"""What the pretraining objectives share: their optimiser and their training and validation steps.

Optimisation as in GPT-2, nanoGPT and BERT: AdamW with weight decay on the matrices only (weights
of the linear layers and the embeddings, not biases and LayerNorm gains), and a learning rate that
rises linearly for ``warmup_steps`` and then follows a cosine down to ``min_lr_ratio * lr`` at
``max_steps``.
"""

from __future__ import annotations

import math

import lightning as L
import torch
from torch import Tensor


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


def build_model(model, model_cls: type, config_cls: type):
    """``model`` itself if it is a ``model_cls``, a new ``model_cls(model)`` if it is a ``config_cls``;
    a clear error otherwise."""
    if isinstance(model, config_cls):
        model = model_cls(model)
    if not isinstance(model, model_cls):
        raise TypeError(f"model must be an lmlib {model_cls.__name__} or a {config_cls.__name__}, "
                        f"got {type(model).__name__}")
    return model


class Pretraining(L.LightningModule):
    """Base of :class:`~lmlib.objectives.CausalLM` and :class:`~lmlib.objectives.MaskedLM`: keeps the
    optimiser settings (checked), and trains and validates with the subclass's ``step(batch)``, which
    returns a dict of scalars with the ``"loss"``."""

    def __init__(self, *, lr: float, weight_decay: float, betas: tuple[float, float], warmup_steps: int,
                 max_steps: int | None, min_lr_ratio: float) -> None:
        super().__init__()
        check_optimization(lr, weight_decay, warmup_steps, max_steps, min_lr_ratio)
        self.lr, self.weight_decay, self.betas = lr, weight_decay, tuple(betas)
        self.warmup_steps, self.max_steps, self.min_lr_ratio = warmup_steps, max_steps, min_lr_ratio

    def step(self, batch) -> dict[str, Tensor]:
        raise NotImplementedError

    def training_step(self, batch, batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def validation_step(self, batch, batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def configure_optimizers(self):
        return adamw_warmup_cosine(self, self.lr, self.weight_decay, self.betas, self.warmup_steps,
                                   self.max_steps, self.min_lr_ratio)


__all__ = ["Pretraining", "adamw_warmup_cosine", "build_model", "check_optimization", "warmup_cosine"]
