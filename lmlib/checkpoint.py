"""Checkpoints in safetensors: plain tensors and a JSON header, never pickled code.

``torch.load`` on an untrusted file can run arbitrary code; a safetensors file cannot. Tied
weights (the GPT embedding and its output layer) are stored once and tied again on load.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from safetensors import safe_open
from safetensors.torch import load_model, save_model


def save(model: torch.nn.Module, path: str | Path, config: dict | None = None) -> Path:
    """Write ``model``'s weights (and an optional JSON-serialisable ``config``) to ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = {"format": "pt", "lmlib_config": json.dumps(config or {}, sort_keys=True)}
    save_model(model, str(path), metadata=metadata)
    return path


def read_config(path: str | Path) -> dict:
    """The config stored with a checkpoint (``{}`` if none)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no checkpoint at {path}; save one with lmlib.checkpoint.save")
    with safe_open(str(path), framework="pt") as f:
        return json.loads((f.metadata() or {}).get("lmlib_config", "{}"))


def load(model: torch.nn.Module, path: str | Path, strict: bool = True) -> dict:
    """Load weights from ``path`` into ``model`` (same architecture); returns the stored config."""
    config = read_config(path)
    try:
        missing, unexpected = load_model(model, str(path), strict=False)
    except RuntimeError as e:  # shapes differ
        raise ValueError(f"checkpoint {path} does not fit this model ({str(e).splitlines()[-1].strip()}); "
                         "build the model from read_config(path)") from None
    if strict and (missing or unexpected):
        raise ValueError(f"checkpoint {path} does not fit this model: missing {sorted(missing)}, "
                         f"unexpected {sorted(unexpected)}; build the model from read_config(path)")
    return config
