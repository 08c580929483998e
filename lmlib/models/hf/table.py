"""The format of a conversion table between an lmlib model family and its HF ``transformers`` twin.

A ``Family`` is data, not code: which lmlib parameter is which HF tensor (``Entry``), how a tensor is
laid out differently (``Transform``), which config field is which (``ConfigField``), which HF configs
lmlib can represent (``Requirement``), which names are tied and which HF tensors have no lmlib
counterpart (``ignore``). ``lmlib.models.hf.convert`` reads any table; a new family adds one.

HF names are written as in HF's task models (``bert.encoder...``, ``transformer.h...``): the base
model's ``base_prefix`` is added to, or stripped from, the names of a base model (``BertModel``,
``GPT2Model``) generically. ``{i}`` in a name stands for the layer index.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import Tensor, nn


@dataclass(frozen=True)
class Transform:
    """How one HF tensor is made of one or more lmlib tensors (``to_lmlib`` and back)."""

    name: str
    to_lmlib: Callable[[Tensor], tuple[Tensor, ...]]
    to_hf: Callable[[tuple[Tensor, ...]], Tensor]


COPY = Transform("copy", lambda t: (t,), lambda ts: ts[0])
# HF's Conv1D stores (in, out) and computes x @ W + b; nn.Linear stores (out, in) and computes x @ W.T + b
CONV1D = Transform("conv1d", lambda t: (t.t(),), lambda ts: ts[0].t())


def fused(n: int, conv1d: bool = False) -> Transform:
    """n lmlib tensors stacked along their first (output) dimension in one HF tensor, e.g. GPT-2's
    c_attn = [W^Q; W^K; W^V]; with conv1d=True the HF tensor is also transposed (a Conv1D weight)."""
    if conv1d:
        return Transform(f"fused{n}_conv1d", lambda t: tuple(t.t().chunk(n, dim=0)),
                         lambda ts: torch.cat(ts, dim=0).t())
    return Transform(f"fused{n}", lambda t: tuple(t.chunk(n, dim=0)), lambda ts: torch.cat(ts, dim=0))


@dataclass(frozen=True)
class Entry:
    """lmlib name(s) <-> one HF name. ``group`` is "base" or a head only some HF classes have."""

    ours: tuple[str, ...] | str
    theirs: str
    transform: Transform = COPY
    group: str = "base"

    def __post_init__(self) -> None:
        if isinstance(self.ours, str):
            object.__setattr__(self, "ours", (self.ours,))

    def at(self, i: int) -> Entry:
        """This entry with ``{i}`` replaced by layer index i."""
        return Entry(tuple(o.format(i=i) for o in self.ours), self.theirs.format(i=i), self.transform,
                     self.group)


def pair(ours: str | tuple[str, ...], theirs: str, transform: Transform = COPY,
         bias_transform: Transform = COPY, group: str = "base") -> tuple[Entry, Entry]:
    """The weight and the bias of a Linear, LayerNorm or Conv1D (``ours`` may name several fused layers)."""
    names = (ours,) if isinstance(ours, str) else ours
    return (Entry(tuple(f"{o}.weight" for o in names), f"{theirs}.weight", transform, group),
            Entry(tuple(f"{o}.bias" for o in names), f"{theirs}.bias", bias_transform, group))


def same(value: Any) -> Any:
    """The identity: a config field stored the same way in both."""
    return value


@dataclass(frozen=True)
class ConfigField:
    """An lmlib config field <-> HF config field(s): read from ``theirs[0]`` (``default`` when the
    config.json leaves it out, HF's own default), written to every name in ``theirs``."""

    ours: str
    theirs: tuple[str, ...] | str
    default: Any
    from_hf: Callable[[Any], Any] = same
    to_hf: Callable[[Any], Any] = same

    def __post_init__(self) -> None:
        if isinstance(self.theirs, str):
            object.__setattr__(self, "theirs", (self.theirs,))


@dataclass(frozen=True)
class Requirement:
    """An HF config value lmlib's model can represent: ``field`` (``default`` if absent) in ``allowed``."""

    field: str
    default: Any
    allowed: tuple[Any, ...]
    message: str


@dataclass(frozen=True)
class Family:
    """Everything the generic converter needs to know about one model family."""

    name: str  # HF's model_type, as in config.json
    model: type[nn.Module]  # the lmlib body; every lmlib model of the family is an instance of it
    config: type  # its config dataclass
    hf_config: str  # the transformers config class
    base_prefix: str  # the base model's attribute in HF's task models, with the dot: "bert."
    base_class: str  # HF's base model, whose names lack base_prefix
    hf_classes: dict[str, tuple[str, ...]]  # HF class -> the entry groups it holds
    lmlib_classes: dict[str, type[nn.Module]]  # HF class -> its lmlib twin (the same heads)
    entries: tuple[Entry, ...]
    config_fields: tuple[ConfigField, ...]
    n_layers: str = "n_layers"  # the lmlib config field that ``{i}`` ranges over
    lmlib_tied: dict[str, str] = field(default_factory=dict)  # lmlib name -> the lmlib name it is tied to
    hf_tied: dict[str, str] = field(default_factory=dict)  # HF name -> the HF name it is tied to
    ignore: tuple[str, ...] = ()  # regexes of HF names with no lmlib counterpart (buffers), skipped
    requires: tuple[Requirement, ...] = ()
    hf_extra: dict[str, Any] = field(default_factory=dict)  # HF config values written as they are
    check_lmlib: Callable[[Any], str | None] | None = None  # why an lmlib config has no HF twin, or None

    def __post_init__(self) -> None:
        held = {g for groups in self.hf_classes.values() for g in groups}
        if stray := {e.group for e in self.entries} - held:
            raise ValueError(f"Family {self.name!r}: entry groups {sorted(stray)} are in none of its hf_classes")
        if self.base_class not in self.hf_classes:
            raise ValueError(f"Family {self.name!r}: base_class {self.base_class!r} is not in its hf_classes")
        if self.lmlib_classes.keys() != self.hf_classes.keys():
            raise ValueError(f"Family {self.name!r}: lmlib_classes must name a twin for every HF class")

    def hf_class_of(self, model: nn.Module) -> str:
        """The HF class whose twin is ``model``'s class (the first listed, if several)."""
        for hf_class, cls in self.lmlib_classes.items():
            if type(model) is cls:
                return hf_class
        raise TypeError(f"the {self.name} table has no HF twin for {type(model).__name__}; it knows "
                        f"{sorted(c.__name__ for c in self.lmlib_classes.values())}")

    def hf_class_holding(self, groups: set[str]) -> str:
        """The HF class that holds exactly ``groups`` (the first listed), else the smallest that holds them all."""
        exact = [c for c, g in self.hf_classes.items() if set(g) == groups]
        if exact:
            return exact[0]
        supersets = sorted((len(g), i, c) for i, (c, g) in enumerate(self.hf_classes.items()) if set(g) >= groups)
        if not supersets:
            raise ValueError(f"cannot convert: no {self.name} class holds the weight groups {sorted(groups)}")
        return supersets[0][2]

    def expand(self, n_layers: int, groups: tuple[str, ...] | set[str] | None = None) -> list[Entry]:
        """The entries with their ``{i}`` filled in for every layer, of the given groups (default: all)."""
        out = []
        for e in self.entries:
            if groups is not None and e.group not in groups:
                continue
            layered = "{i}" in e.theirs or any("{i}" in o for o in e.ours)
            out += [e.at(i) for i in range(n_layers)] if layered else [e]
        return out

    def ignored(self, hf_name: str) -> bool:
        """Whether HF tensor ``hf_name`` is one the table skips on purpose."""
        return any(re.search(pattern, hf_name) for pattern in self.ignore)


# Names that transformers renames when it loads old checkpoints (TF-era LayerNorm parameters).
LEGACY_RENAMES: tuple[tuple[str, str], ...] = ((r"\.gamma$", ".weight"), (r"\.beta$", ".bias"))


def legacy_rename(hf_name: str) -> str:
    """``hf_name`` with the old names of ``LEGACY_RENAMES`` replaced."""
    for pattern, new in LEGACY_RENAMES:
        hf_name = re.sub(pattern, new, hf_name)
    return hf_name


__all__ = ["COPY", "CONV1D", "ConfigField", "Entry", "Family", "Requirement", "Transform", "fused", "pair"]
