"""Local ``from_pretrained`` directories (config.json + model.safetensors), read and written by lmlib.

Neither direction imports ``transformers``: a directory is a JSON config and safetensors weights, and
the family's table says what every name and field means. Pickled weights (``pytorch_model.bin``)
are never loaded: unpickling a file can run any code in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from torch import nn

from lmlib.models.hf.convert import config_from_hf, hf_config_dict, hf_state_from_lmlib, lmlib_from_state
from lmlib.models.hf.families import family_named, family_of_model

CONFIG = "config.json"
WEIGHTS = "model.safetensors"
INDEX = "model.safetensors.index.json"  # sharded checkpoints: name -> shard file


def read_directory(directory: str | Path) -> tuple[dict[str, Any], dict[str, torch.Tensor]]:
    """The config.json (a dict) and all safetensors weights of a ``from_pretrained`` directory."""
    d = Path(directory)
    if not (d / CONFIG).is_file():
        raise FileNotFoundError(f"no {CONFIG} in {d}: not a from_pretrained directory")
    config = json.loads((d / CONFIG).read_text())
    if (d / WEIGHTS).is_file():
        files = [d / WEIGHTS]
    elif (d / INDEX).is_file():
        files = [d / f for f in sorted(set(json.loads((d / INDEX).read_text())["weight_map"].values()))]
    else:
        pickles = sorted(p.name for p in d.iterdir() if p.suffix in (".bin", ".pt", ".pth", ".ckpt"))
        hint = (f"; {pickles} are pickles, which lmlib never loads (they can run code): convert them once "
                f"with transformers, model.save_pretrained(directory, safe_serialization=True)") if pickles else ""
        raise FileNotFoundError(f"no {WEIGHTS} (or {INDEX}) in {d}{hint}")
    state: dict[str, torch.Tensor] = {}
    for f in files:
        state.update(load_file(str(f)))
    return config, state


def load_pretrained(directory: str | Path, family: str | None = None) -> nn.Module:
    """The lmlib model of a local ``from_pretrained`` directory, such as transformers' ``save_pretrained``
    writes it (also a sentence-transformers model's BERT), in eval mode, float32 on the CPU.

    family: default config.json's model_type. The model is the lmlib twin of config.json's first
    ``architectures`` entry when the table knows it, else of the class that holds the checkpoint's
    heads (see ``from_hf``); tensors the table neither uses nor ignores raise a ValueError that names them.
    """
    config, state = read_directory(directory)
    name = family or config.get("model_type")
    if name is None:
        raise ValueError(f"{Path(directory) / CONFIG} has no model_type; pass family= (e.g. 'bert', 'gpt2')")
    fam = family_named(name)
    arch = next(iter(config.get("architectures") or []), None)
    hf_class = arch if arch in fam.hf_classes else None
    return lmlib_from_state(fam, state, config_from_hf(fam, config), hf_class=hf_class).eval()


def save_pretrained(model: nn.Module, directory: str | Path, hf_class: str | None = None) -> Path:
    """Write ``model`` as config.json + model.safetensors that ``transformers.<hf_class>.from_pretrained``
    and ``AutoModel.from_pretrained`` load (hf_class: default the twin of the model's class, such as
    ``BertForPreTraining`` for a ``BertForPreTraining``, ``GPT2LMHeadModel`` for a ``GPT``). Tied weights are stored once. Returns the directory."""
    fam = family_of_model(model)
    hf_class = hf_class or fam.hf_class_of(model)
    config = {"architectures": [hf_class], "model_type": fam.name, **hf_config_dict(fam, model.config)}
    state = hf_state_from_lmlib(fam, model, hf_class)
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    (d / CONFIG).write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    save_file({k: v.detach().cpu().contiguous() for k, v in state.items()}, str(d / WEIGHTS),
              metadata={"format": "pt"})
    return d


__all__ = ["load_pretrained", "read_directory", "save_pretrained"]
