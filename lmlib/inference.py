"""Running a model for inference: ``with evaluating(model): ...``.

Evaluation, decoding and scoring all run a model the same way: in eval mode (dropout off) and without
gradients, and then hand it back exactly as it was, training or not, even when something fails.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch
from torch import nn


@contextlib.contextmanager
def evaluating(model: nn.Module) -> Iterator[nn.Module]:
    """Run the block with ``model`` in eval mode under ``torch.no_grad()``; yields the model.

    Afterwards every submodule gets back its own training flag (a frozen submodule that was in eval
    mode inside a training model stays in eval mode), also when the block raises.
    """
    flags = [(m, m.training) for m in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        model.train(flags[0][1])
        for m, training in flags:
            m.training = training


__all__ = ["evaluating"]
