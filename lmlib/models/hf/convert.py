"""The generic converter: any family's table (``lmlib.models.hf.families``) read both ways.

Strict by construction: every tensor of the source is used, ignored by the table's ``ignore`` patterns
or tied; every parameter of the target is filled, tied, or (a head the source class lacks) explicitly
left at its initialisation. Anything else raises a ValueError that lists the names, so a wrong table
fails loudly instead of leaving random weights behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

import torch
from torch import Tensor, nn

from lmlib.models.hf.families import family_named, family_of_hf_class, family_of_model
from lmlib.models.hf.table import Family, legacy_rename


def transformers_module() -> ModuleType:
    """``import transformers`` with an error that says how to install it."""
    try:
        import transformers
    except ImportError as err:
        raise ImportError(
            "lmlib.models.hf converts to and from Hugging Face transformers, which is not installed; "
            "install it with `pip install transformers` (or `pip install -e '.[test]'`)"
        ) from err
    return transformers


def _fail(message: str) -> None:
    raise ValueError(f"cannot convert: {message}")


def _names(names: Any) -> str:
    names = sorted(names)
    return str(names[:12])[:-1] + (f", ... ({len(names)} in all)]" if len(names) > 12 else "]")


# ------------------------------------------------------------------------------------------ configs


def config_from_hf(fam: Family, hf: Mapping[str, Any]) -> Any:
    """The lmlib config of an HF config (a dict, as in config.json), checked against ``fam.requires``."""
    for req in fam.requires:
        if hf.get(req.field, req.default) not in req.allowed:
            _fail(req.message)
    kwargs = {f.ours: f.from_hf(hf.get(f.theirs[0], f.default)) for f in fam.config_fields}
    return fam.config(**kwargs)


def hf_config_dict(fam: Family, config: Any) -> dict[str, Any]:
    """The HF config fields of an lmlib config: ``transformers.<fam.hf_config>(**d)``, or config.json
    (which adds model_type and architectures)."""
    if fam.check_lmlib is not None and (why := fam.check_lmlib(config)):
        _fail(why)
    d: dict[str, Any] = {}
    for f in fam.config_fields:
        d.update({name: f.to_hf(getattr(config, f.ours)) for name in f.theirs})
    return {**d, **fam.hf_extra}


def _as_dict(config: Any) -> dict[str, Any]:
    return dict(config) if isinstance(config, Mapping) else config.to_dict()


# ------------------------------------------------------------------------------------------ weights


def _canonical(fam: Family, state: Mapping[str, Tensor]) -> dict[str, Tensor]:
    """HF names as in the task models: legacy names renamed, the base prefix added where it is missing."""
    state = {legacy_rename(k): v for k, v in state.items()}
    if not any(k.startswith(fam.base_prefix) for k in state):  # a base model's state dict
        state = {fam.base_prefix + k: v for k, v in state.items()}
    return state


def lmlib_state_from_hf(fam: Family, state: Mapping[str, Tensor], n_layers: int,
                        groups: tuple[str, ...] | None = None) -> tuple[dict[str, Tensor], set[str], set[str]]:
    """(lmlib state dict, lmlib names of the groups the source lacks, the groups it holds) from an HF
    state dict.

    groups: the entry groups the source holds (default: those with a tensor in ``state``; "base" always).
    """
    state = _canonical(fam, state)
    every = fam.expand(n_layers)
    if groups is None:
        groups = tuple({"base"} | {e.group for e in every if e.theirs in state})
    used = [e for e in every if e.group in groups]
    for name, target in fam.hf_tied.items():
        if name in state and target in state and not torch.equal(state[name], state[target]):
            _fail(f"HF weight {name!r} is not tied to {target!r}, as lmlib's {fam.model.__name__} requires")
    needed = {e.theirs for e in used}
    missing = needed - state.keys()
    unused = {k for k in state.keys() - needed - fam.hf_tied.keys() if not fam.ignored(k)}
    if missing or unused:
        _fail(f"the {fam.name} table does not match these HF weights: the table needs {_names(missing)}, "
              f"which the source lacks; the source has {_names(unused)}, which the table neither uses "
              f"nor ignores (Family.entries / Family.ignore in lmlib.models.hf.families)")
    out: dict[str, Tensor] = {}
    for e in used:
        tensors = e.transform.to_lmlib(state[e.theirs])
        out.update(zip(e.ours, tensors, strict=True))
    left = {o for e in every if e.group not in groups for o in e.ours} - out.keys()
    return {k: v.float() if v.is_floating_point() else v for k, v in out.items()}, left, set(groups)


def _check_lmlib_names(fam: Family, model: nn.Module, filled: set[str], left: set[str]) -> None:
    """Every parameter of ``model`` filled, tied or (a head the other side lacks) in ``left``; every
    filled name one of the model's."""
    expected = set(model.state_dict())
    unfilled = expected - filled - left - fam.lmlib_tied.keys()
    unknown = filled - expected
    if unfilled or unknown:
        _fail(f"the {fam.name} table does not match lmlib's {type(model).__name__}: it leaves "
              f"{_names(unfilled)} unfilled and names {_names(unknown)}, which the model does not have")


def lmlib_from_state(fam: Family, state: Mapping[str, Tensor], config: Any,
                     groups: tuple[str, ...] | None = None, hf_class: str | None = None) -> nn.Module:
    """An lmlib model of ``config`` (an lmlib config) with the weights of an HF state dict.

    The model is the twin of ``hf_class`` (default: the HF class that holds the state's heads), so a
    ``BertModel`` becomes a ``Bert`` and a ``BertForPreTraining`` a ``BertForPreTraining``.
    """
    ours, left, held = lmlib_state_from_hf(fam, state, getattr(config, fam.n_layers), groups)
    model = fam.lmlib_classes[hf_class or fam.hf_class_holding(held)](config)
    _check_lmlib_names(fam, model, set(ours), left)
    try:
        model.load_state_dict(ours, strict=False)
    except RuntimeError as err:  # shapes differ
        _fail(f"the weights do not fit the config ({str(err).splitlines()[-1].strip()})")
    return model


def hf_state_from_lmlib(fam: Family, model: nn.Module, hf_class: str) -> dict[str, Tensor]:
    """The HF state dict of ``hf_class`` (tied names left out) with the weights of an lmlib model."""
    groups = _groups(fam, hf_class)
    sd = model.state_dict()
    n_layers = getattr(model.config, fam.n_layers)
    every = fam.expand(n_layers)
    used = [e for e in every if e.group in groups]
    lacking = sorted({e.group for e in used if e.group != "base" and not all(o in sd for o in e.ours)})
    if lacking:
        fits = sorted(c for c, g in fam.hf_classes.items() if not set(g) & set(lacking))
        raise TypeError(f"cannot convert: lmlib's {type(model).__name__} has no {' or '.join(lacking)} weights, "
                        f"which transformers' {hf_class} needs; convert it to one of {fits}, or convert a "
                        f"model with those heads")
    dropped = {o for e in every if e.group not in groups for o in e.ours}
    _check_lmlib_names(fam, model, {o for e in used for o in e.ours}, dropped)
    state = {e.theirs: e.transform.to_hf(tuple(sd[o] for o in e.ours)) for e in used}
    if hf_class == fam.base_class:
        state = {k.removeprefix(fam.base_prefix): v for k, v in state.items()}
    return state


def _groups(fam: Family, hf_class: str) -> tuple[str, ...]:
    if hf_class not in fam.hf_classes:
        raise TypeError(f"the {fam.name} table knows the HF classes {sorted(fam.hf_classes)}, not {hf_class}")
    return fam.hf_classes[hf_class]


# --------------------------------------------------------------------------------------- public API


def from_hf(source: Any, family: str | None = None, config: Any = None) -> nn.Module:
    """An lmlib model with the weights of an HF model, or of an HF state dict.

    source: a transformers model of a class the family's table knows (``BertModel``,
    ``BertForMaskedLM``, ``BertForPreTraining``, ``GPT2Model``, ``GPT2LMHeadModel``); its family is
    found from its class. Or a state dict: then ``config`` is required (an HF config, its dict, or an
    lmlib config) and ``family`` too unless the config has a ``model_type``.
    The result is the lmlib twin of the source's class: ``BertModel`` -> ``Bert``, ``BertForMaskedLM``
    -> ``BertForMaskedLM``, ``BertForPreTraining`` -> ``BertForPreTraining``, ``GPT2Model`` ->
    ``GPTModel``, ``GPT2LMHeadModel`` -> ``GPT``. For a state dict, the twin of the class that holds
    its heads (read from its tensors: a head is all there, or not at all); a head no class holds
    together with the others keeps its initialisation. Tied decoders stay tied to the token
    embedding. The model comes out on the CPU in float32, in the train/eval mode of a source model
    (train mode from a state dict).
    """
    if isinstance(source, nn.Module):
        class_name = type(source).__name__
        fam = family_of_hf_class(class_name) if family is None else family_named(family)
        if class_name not in fam.hf_classes:
            raise TypeError(f"expected a transformers model of {sorted(fam.hf_classes)} "
                            f"(or a state dict), got {class_name}")
        hf_config = source.config if config is None else config
        state, training, hf_class = source.state_dict(), source.training, class_name
    elif isinstance(source, Mapping):
        if config is None:
            raise ValueError("from_hf(state_dict) needs config=: an HF config, its dict, or an lmlib config")
        hf_config, state, training, hf_class = config, source, True, None
        name = family or (config.get("model_type") if isinstance(config, Mapping)
                          else getattr(config, "model_type", None))
        if name is None:
            raise ValueError("from_hf(state_dict) needs family= (e.g. 'bert', 'gpt2') or a config with model_type")
        fam = family_named(name)
    else:
        raise TypeError(f"expected a transformers model or a state dict, got {type(source).__name__}")
    ours = hf_config if isinstance(hf_config, fam.config) else config_from_hf(fam, _as_dict(hf_config))
    return lmlib_from_state(fam, state, ours, hf_class=hf_class).train(training)


def to_hf(model: nn.Module, hf_class: str | None = None, attn_implementation: str = "sdpa") -> Any:
    """A transformers model of ``hf_class`` (default: the twin of the model's class: ``Bert`` ->
    ``BertModel``, ``BertForPreTraining`` -> ``BertForPreTraining``, ``GPT`` -> ``GPT2LMHeadModel``,
    ...) with the weights of an lmlib model.

    A class with fewer heads (``BertModel`` from a ``BertForPreTraining``) drops lmlib's other heads;
    one with heads the model lacks raises a TypeError. The model comes out on the CPU in float32, in
    the train/eval mode of ``model``.
    """
    transformers = transformers_module()
    fam = family_of_model(model)
    hf_class = hf_class or fam.hf_class_of(model)
    fields = hf_config_dict(fam, model.config)
    state = hf_state_from_lmlib(fam, model, hf_class)
    hf_config = getattr(transformers, fam.hf_config)(**fields, attn_implementation=attn_implementation)
    hf_model = getattr(transformers, hf_class)(hf_config)
    expected = set(hf_model.state_dict())
    strip = fam.base_prefix if hf_class == fam.base_class else ""
    for name, target in fam.hf_tied.items():  # HF's state dict lists tied names too: fill them the same
        name, target = name.removeprefix(strip), target.removeprefix(strip)
        if name in expected and target in state:
            state[name] = state[target]
    missing, unexpected = expected - state.keys(), state.keys() - expected
    if missing or unexpected:
        _fail(f"the {fam.name} table does not match transformers' {hf_class}: it leaves {_names(missing)} "
              f"unfilled and names {_names(unexpected)}, which the model does not have")
    hf_model.load_state_dict(state)
    return hf_model.train(model.training)


__all__ = ["config_from_hf", "from_hf", "hf_config_dict", "to_hf", "transformers_module"]
