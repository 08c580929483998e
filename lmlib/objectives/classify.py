"""Sequence classification: an encoder, a linear head on the pooled [CLS] vector, cross-entropy.

    batch: input_ids, token_type_ids, attention_mask (B, T) and labels (B,)
    encoder.encode(input_ids, attention_mask, token_type_ids).pooled      -> pooled (B, C)
    logits = head(pooled) = linear(dropout(pooled))                      -> (B, num_labels)
    loss   = cross_entropy(logits, labels)

This is how BERT is fine-tuned for classification (Devlin et al., 2019): the pooled vector of the
[CLS] token feeds one new linear layer, and everything is trained together. The encoder is any lmlib
model with a pooler (a :class:`lmlib.models.Bert`, pretrained or fresh), so the same module serves
the embedding experiments, fine-tuning and distillation.

Optimisation (:class:`lmlib.objectives.Objective`): AdamW, weight decay on matrices only, and an
optional linear warm-up followed by a linear decay to zero at ``total_steps`` (BERT's schedule);
``layer_lr_decay < 1`` gives the lower layers smaller learning rates (ULMFiT).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch.nn.functional as F
from torch import Tensor, nn

from lmlib._checks import int_at_least
from lmlib.inference import evaluating
from lmlib.models.base import TransformerModel
from lmlib.models.bert import Bert, BertConfig
from lmlib.models.heads import ClassificationHead
from lmlib.objectives.base import Objective


def check_encoder(encoder: object) -> None:
    """Raise a TypeError unless ``encoder`` is an lmlib model with a pooler (a Bert).

    A GPT is a decoder with no [CLS] pooled vector, and a BertForMaskedLM has no pooler: both are
    rejected here rather than at the first training step.
    """
    expected = "encoder must be an lmlib model with a pooled [CLS] vector, like lmlib.models.Bert (or a BertConfig)"
    if not isinstance(encoder, TransformerModel):
        raise TypeError(f"{expected}; got {type(encoder).__name__}")
    if getattr(encoder, "pooler", None) is None:
        hint = ("a GPT is a decoder with no [CLS] pooled vector: classify with an encoder such as Bert"
                if "GPT" in type(encoder).__name__ else "this model was built without a pooler")
        raise TypeError(f"{expected}; got {type(encoder).__name__}: {hint}")


class SequenceClassifier(Objective):
    """Classifies a sequence (or a pair of sentences) from the encoder's pooled [CLS] vector.

    ``encoder`` is an lmlib model with a pooler (:class:`Bert`, :class:`BertForPreTraining`), or a
    :class:`BertConfig` to build a fresh :class:`Bert` from. ``training_step`` and
    ``validation_step`` return ``{"loss", "acc"}``.
    """

    def __init__(
        self,
        encoder: nn.Module | BertConfig,
        num_labels: int,
        *,
        dropout: float = 0.1,
        lr: float = 1e-3,
        weight_decay: float = 0.01,
        warmup_steps: int = 0,
        total_steps: int | None = None,
        layer_lr_decay: float = 1.0,
    ) -> None:
        super().__init__(lr=lr, weight_decay=weight_decay, schedule="linear", warmup_steps=warmup_steps,
                         max_steps=total_steps, layer_lr_decay=layer_lr_decay)
        int_at_least("num_labels", num_labels, 2)  # 2 for a yes/no task
        if isinstance(encoder, BertConfig):
            encoder = Bert(encoder)
        check_encoder(encoder)
        self.encoder = encoder
        self.num_labels = num_labels
        self.head = ClassificationHead(encoder.config.d_model, num_labels, dropout)

    def transformer(self) -> nn.Module:
        return self.encoder

    def forward(
        self,
        input_ids: Tensor,
        attention_mask: Tensor | None = None,
        token_type_ids: Tensor | None = None,
    ) -> Tensor:
        """input_ids, attention_mask, token_type_ids: (B, T) -> logits (B, num_labels)."""
        return self.head(self.encoder.encode(input_ids, attention_mask, token_type_ids).pooled)

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
        logits = self(batch["input_ids"], batch.get("attention_mask"), batch.get("token_type_ids"))
        loss = F.cross_entropy(logits.float(), labels)
        acc = (logits.argmax(-1) == labels).float().mean()
        return {"loss": loss, "acc": acc}

    def accuracy(self, loader) -> float:
        """Accuracy over every example of ``loader`` (in eval mode), weighted by example."""
        correct = total = 0
        with evaluating(self):
            for batch in loader:
                batch = {k: v.to(self.device) for k, v in batch.items()}
                logits = self(batch["input_ids"], batch.get("attention_mask"), batch.get("token_type_ids"))
                correct += (logits.argmax(-1) == batch["labels"]).sum().item()
                total += batch["labels"].numel()
        return correct / max(1, total)


__all__ = ["SequenceClassifier", "check_encoder"]
