"""Profiles: how big to make things and where to run them.

``cpu``: each notebook runs in about two minutes on 2 cores (CI, a laptop).
``gpu``: larger models and data, mixed precision, on any CUDA device (Colab, a workstation).

The profile is ``gpu`` when CUDA is present and ``cpu`` otherwise; the ``LMLIB_PROFILE``
environment variable overrides. Notebooks choose their knobs with :func:`pick`::

    cfg = pick(cpu=dict(n_layer=2, steps=300), gpu=dict(n_layer=6, steps=3000))

The *training* seed of every notebook (initial weights, data order, masking, sampling) is
:func:`training_seed`: 0, or ``$LMLIB_SEED``. The corpus and its splits use fixed seeds of their
own, so another training seed changes what was learned but not what was learned from. CI runs the
notebooks with another training seed to prove that no check depends on one run's exact floats.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import torch

PROFILES = ("cpu", "gpu")
T = TypeVar("T")


@dataclass(frozen=True)
class Profile:
    """Where and how to train: ``name``, torch ``device``, Lightning ``accelerator`` and ``precision``."""

    name: str
    device: str
    accelerator: str
    precision: str

    def __str__(self) -> str:
        return f"profile {self.name} on {self.device} ({self.precision})"


def precision_for(device: str, bf16_supported: bool | None = None) -> str:
    """Lightning precision for a device: float32 on CPU; bf16 autocast on GPUs with bf16 tensor
    cores (compute capability 8.0 and newer: A100, L4, H100), fp16 autocast with loss scaling on
    older ones (a T4 is 7.5). ``torch.cuda.is_bf16_supported()`` is not the test: it is also true
    on a T4, where bf16 is emulated and slow."""
    if device == "cpu":
        return "32-true"
    if bf16_supported is None:
        bf16_supported = torch.cuda.is_available() and torch.cuda.get_device_capability()[0] >= 8
    return "bf16-mixed" if bf16_supported else "16-mixed"


def get_profile(name: str | None = None) -> Profile:
    """The profile called ``name``, else ``$LMLIB_PROFILE``, else ``gpu`` if CUDA is present."""
    name = name or os.environ.get("LMLIB_PROFILE") or ("gpu" if torch.cuda.is_available() else "cpu")
    name = name.strip().lower()
    if name not in PROFILES:
        raise ValueError(f"unknown profile {name!r}; choose one of {PROFILES} "
                         "(set LMLIB_PROFILE=cpu or LMLIB_PROFILE=gpu, or unset it)")
    if name == "gpu":
        if not torch.cuda.is_available():
            raise RuntimeError("the gpu profile needs a CUDA device and none is available; "
                               "use LMLIB_PROFILE=cpu (on Colab: Runtime > Change runtime type > GPU)")
        return Profile("gpu", "cuda", "gpu", precision_for("cuda"))
    return Profile("cpu", "cpu", "cpu", precision_for("cpu"))


def pick(cpu: T, gpu: T, profile: Profile | str | None = None) -> T:
    """The ``cpu`` or the ``gpu`` value, by the current (or given) profile."""
    name = profile.name if isinstance(profile, Profile) else get_profile(profile).name
    return cpu if name == "cpu" else gpu


SEED_VARIABLE = "LMLIB_SEED"


def training_seed(default: int = 0) -> int:
    """The seed of a notebook's training randomness: ``$LMLIB_SEED`` if set, else ``default``."""
    raw = os.environ.get(SEED_VARIABLE, "").strip()
    if not raw:
        return default
    try:
        seed = int(raw)
    except ValueError:
        raise ValueError(f"{SEED_VARIABLE} must be an integer (the training seed), got {raw!r}; "
                         f"set e.g. {SEED_VARIABLE}=1 or unset it for the default {default}") from None
    if seed < 0:
        raise ValueError(f"{SEED_VARIABLE} must be >= 0, got {seed}")
    return seed


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and torch (CPU and CUDA) so that the same seed gives the same run."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int, got {type(seed).__name__} {seed!r}")
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
