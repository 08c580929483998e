"""Sequence classification: an encoder, a linear head on the pooled [CLS] vector, cross-entropy.

    batch: input_ids, token_type_ids, attention_mask (B, T) and labels (B,)
    encoder.features(input_ids, token_type_ids, attention_mask) -> hidden (B, T, C), pooled (B, C)
    logits = head(dropout(pooled))                                   -> (B, num_labels)
    loss   = cross_entropy(logits, labels)

This is how BERT is fine-tuned for classification (Devlin et al., 2019): the pooled vector of the
[CLS] token feeds one new linear layer, and everything is trained together. The encoder is any
module with a ``features`` method like :class:`lmlib.models.Bert` (pretrained or fresh), so the same
module serves the embedding experiments, fine-tuning and distillation.

Optimisation: AdamW, weight decay on matrices only (not on biases and LayerNorm gains), and an
optional linear warm-up followed by a linear decay to zero at ``total_steps`` (BERT's schedule).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any

import lightning as L
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from lmlib._checks import int_at_least
from lmlib.inference import evaluating
from lmlib.models.bert import Bert, BertConfig


def warmup_linear(step: int, warmup_steps: int = 0, total_steps: int | None = None) -> float:
    """Learning-rate factor at optimizer ``step`` (0-based): linear warm-up from 1/warmup_steps to 1,
    then constant, or, with ``total_steps``, linear decay to 0 at ``total_steps``."""
    if step < warmup_steps:
        return (step + 1) / warmup_steps
    if total_steps is None:
        return 1.0
    return max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))


def check_encoder(encoder: object) -> None:
    """Raise a TypeError unless ``encoder`` has ``features(input_ids, token_type_ids, attention_mask)``.

    A GPT's ``features(idx, attention_mask)`` takes no segments and gives no pooled vector, so it is
    rejected here rather than at the first training step.
    """
    features = getattr(encoder, "features", None)
    expected = ("encoder must have a features(input_ids, token_type_ids, attention_mask) -> (hidden, "
                "pooled) method, like lmlib.models.Bert (or pass a BertConfig)")
    if not callable(features):
        raise TypeError(f"{expected}; got {type(encoder).__name__}, which has no features method")
    try:
        signature = inspect.signature(features)
    except (TypeError, ValueError):  # no signature to inspect (a builtin): trust it
        return
    try:
        signature.bind(None, None, None)
    except TypeError:
        hint = ("; a GPT is a decoder with no [CLS] pooled vector: classify with an encoder such as Bert"
                if type(encoder).__name__ == "GPT" else "")
        raise TypeError(f"{expected}; got {type(encoder).__name__}.features{signature}{hint}") from None


class SequenceClassifier(L.LightningModule):
    """Classifies a sequence (or a pair of sentences) from the encoder's pooled [CLS] vector.

    ``encoder`` is a module with ``features(input_ids, token_type_ids, attention_mask) -> (hidden,
    pooled)``, or a :class:`BertConfig` to build a fresh :class:`Bert` from. ``d_model`` (the width of
    the pooled vector) is read from ``encoder.config.d_model`` when not given. ``training_step`` and
    ``validation_step`` return ``{"loss", "acc"}``.
    """

    def __init__(
        self,
        encoder: nn.Module | BertConfig,
        num_labels: int,
        *,
        d_model: int | None = None,
        dropout: float = 0.1,
        lr: float = 1e-3,
        weight_decay: float = 0.01,
        warmup_steps: int = 0,
        total_steps: int | None = None,
    ) -> None:
        super().__init__()
        int_at_least("num_labels", num_labels, 2)  # 2 for a yes/no task
        if isinstance(encoder, BertConfig):
            encoder = Bert(encoder)
        check_encoder(encoder)
        if d_model is None:
            d_model = getattr(getattr(encoder, "config", None), "d_model", None)
            if d_model is None:
                raise ValueError("cannot read d_model from encoder.config; pass d_model=<width of pooled>")
        if lr <= 0 or weight_decay < 0:
            raise ValueError(f"need lr > 0 and weight_decay >= 0, got lr={lr!r}, weight_decay={weight_decay!r}")
        if warmup_steps < 0 or (total_steps is not None and total_steps <= warmup_steps):
            raise ValueError(f"need 0 <= warmup_steps < total_steps, got warmup_steps={warmup_steps!r}, "
                             f"total_steps={total_steps!r}")
        self.encoder = encoder
        self.num_labels = num_labels
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(d_model, num_labels)
        nn.init.normal_(self.head.weight, std=0.02)
        nn.init.zeros_(self.head.bias)
        self.lr, self.weight_decay = lr, weight_decay
        self.warmup_steps, self.total_steps = warmup_steps, total_steps

    def forward(
        self,
        input_ids: Tensor,
        token_type_ids: Tensor | None = None,
        attention_mask: Tensor | None = None,
    ) -> Tensor:
        """input_ids, token_type_ids, attention_mask: (B, T) -> logits (B, num_labels)."""
        _, pooled = self.encoder.features(input_ids, token_type_ids, attention_mask)  # (B, C)
        return self.head(self.dropout(pooled))

    def _check_batch(self, batch: Any) -> Tensor:
        if not isinstance(batch, Mapping) or "input_ids" not in batch or "labels" not in batch:
            got = sorted(batch) if isinstance(batch, Mapping) else type(batch).__name__
            raise ValueError(f"a batch must be a dict with 'input_ids' and 'labels' (and optionally "
                             f"'token_type_ids', 'attention_mask'); got {got}")
        labels = batch["labels"]
        if labels.dim() != 1 or labels.shape[0] != batch["input_ids"].shape[0]:
            raise ValueError(f"labels must have shape (B,) = ({batch['input_ids'].shape[0]},), "
                             f"got {tuple(labels.shape)}")
        if labels.numel() and (labels.min() < 0 or labels.max() >= self.num_labels):
            raise ValueError(f"labels must lie in [0, {self.num_labels}), got values from "
                             f"{labels.min().item()} to {labels.max().item()}")
        return labels

    def step(self, batch: Mapping[str, Tensor]) -> dict[str, Tensor]:
        """Loss and accuracy on one batch (a dict with input_ids, labels and optional
        token_type_ids, attention_mask)."""
        labels = self._check_batch(batch)
        logits = self(batch["input_ids"], batch.get("token_type_ids"), batch.get("attention_mask"))
        loss = F.cross_entropy(logits.float(), labels)
        acc = (logits.argmax(-1) == labels).float().mean()
        return {"loss": loss, "acc": acc}

    def training_step(self, batch: Mapping[str, Tensor], batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def validation_step(self, batch: Mapping[str, Tensor], batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def accuracy(self, loader) -> float:
        """Accuracy over every example of ``loader`` (in eval mode), weighted by example."""
        correct = total = 0
        with evaluating(self):
            for batch in loader:
                batch = {k: v.to(self.device) for k, v in batch.items()}
                logits = self(batch["input_ids"], batch.get("token_type_ids"), batch.get("attention_mask"))
                correct += (logits.argmax(-1) == batch["labels"]).sum().item()
                total += batch["labels"].numel()
        return correct / max(1, total)

    def configure_optimizers(self):
        decay = [p for p in self.parameters() if p.requires_grad and p.dim() >= 2]
        no_decay = [p for p in self.parameters() if p.requires_grad and p.dim() < 2]
        optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": self.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}], lr=self.lr)
        if self.warmup_steps == 0 and self.total_steps is None:
            return optimizer
        warmup, total = self.warmup_steps, self.total_steps
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: warmup_linear(s, warmup, total))
        return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}


__all__ = ["SequenceClassifier", "check_encoder", "warmup_linear"]
