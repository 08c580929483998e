"""Learning-rate schedules: the factor that multiplies the base learning rate at each optimizer step.

    constant   1 after the warm-up
    cosine     warm-up, then a cosine from 1 down to ``min_ratio`` at ``max_steps`` (GPT-2, nanoGPT)
    linear     warm-up, then a straight line from 1 down to 0 at ``max_steps`` (BERT's fine-tuning)

Every schedule starts with a linear warm-up from 1/warmup_steps to 1 over ``warmup_steps`` steps.
``lmlib.objectives.Objective`` steps them once per optimizer step.
"""

from __future__ import annotations

import math
from collections.abc import Callable

SCHEDULES = ("constant", "cosine", "linear")


def warmup_cosine(step: int, warmup_steps: int = 0, max_steps: int | None = None,
                  min_ratio: float = 0.1) -> float:
    """Factor at optimizer ``step`` (0-based): linear warm-up from 1/warmup_steps to 1, then a cosine
    from 1 down to ``min_ratio`` at ``max_steps`` (and ``min_ratio`` after it); constant 1 after the
    warm-up when ``max_steps`` is None."""
    if step < warmup_steps:
        return (step + 1) / warmup_steps
    if max_steps is None:
        return 1.0
    progress = min(1.0, (step - warmup_steps) / max(1, max_steps - warmup_steps))
    return min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * progress))


def warmup_linear(step: int, warmup_steps: int = 0, total_steps: int | None = None) -> float:
    """Factor at optimizer ``step`` (0-based): linear warm-up from 1/warmup_steps to 1, then constant,
    or, with ``total_steps``, linear decay to 0 at ``total_steps``."""
    if step < warmup_steps:
        return (step + 1) / warmup_steps
    if total_steps is None:
        return 1.0
    return max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))


def schedule(name: str, warmup_steps: int = 0, max_steps: int | None = None,
             min_ratio: float = 0.1) -> Callable[[int], float]:
    """The factor of schedule ``name`` as a function of the step, for ``torch.optim.lr_scheduler.LambdaLR``."""
    if name == "cosine":
        return lambda s: warmup_cosine(s, warmup_steps, max_steps, min_ratio)
    if name == "linear":
        return lambda s: warmup_linear(s, warmup_steps, max_steps)
    if name == "constant":
        return lambda s: warmup_linear(s, warmup_steps, None)
    raise ValueError(f"unknown schedule {name!r}; choose one of {SCHEDULES}")


def check_schedule(name: str, lr: float, weight_decay: float, warmup_steps: int, max_steps: int | None,
                   min_ratio: float) -> None:
    """Clear errors for optimiser settings that cannot work."""
    if name not in SCHEDULES:
        raise ValueError(f"unknown schedule {name!r}; choose one of {SCHEDULES}")
    if lr <= 0 or weight_decay < 0:
        raise ValueError(f"need lr > 0 and weight_decay >= 0, got lr={lr!r}, weight_decay={weight_decay!r}")
    if isinstance(warmup_steps, bool) or not isinstance(warmup_steps, int) or warmup_steps < 0 \
            or (max_steps is not None and max_steps <= warmup_steps):
        raise ValueError(f"need 0 <= warmup_steps < max_steps, got warmup_steps={warmup_steps!r}, "
                         f"max_steps={max_steps!r}")
    if not 0 <= min_ratio <= 1:
        raise ValueError(f"min_lr_ratio must be in [0, 1], got {min_ratio!r}")


__all__ = ["SCHEDULES", "check_schedule", "schedule", "warmup_cosine", "warmup_linear"]
