"""Argument and input checks shared across lmlib, so that every wrong call fails with one clear message.

- :func:`positive_int` / :func:`int_at_least`: a size, a count or a step number given as a Python int;
- :func:`check_token_ids`, :func:`check_like_ids`, :func:`check_id_ranges`: what a model's forward
  checks first (rank and dtype of ``input_ids``, shapes of the masks, ids inside their vocabularies).

The forward checks cost one host-device synchronisation per forward (all the minima and maxima are
read back together) and are skipped while ``torch.compile`` traces a model, where they would break
the graph.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor


def int_at_least(name: str, value: object, minimum: int, *, none_ok: bool = False) -> int | None:
    """``value`` if it is an int >= ``minimum`` (a bool is not), or None when ``none_ok`` allows it.

    Otherwise a ValueError that names the argument: ``"top_k must be a positive integer or None, got 0"``.
    """
    if value is None and none_ok:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        what = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"
        raise ValueError(f"{name} must be {what}{' or None' if none_ok else ''}, got {value!r}")
    return value


def positive_int(name: str, value: object, *, none_ok: bool = False) -> int | None:
    """``value`` if it is an int >= 1 (or None when ``none_ok``); a ValueError naming ``name`` otherwise."""
    return int_at_least(name, value, 1, none_ok=none_ok)


def _shape(t: Tensor) -> tuple[int, ...]:
    return tuple(t.shape)


def check_token_ids(model: str, input_ids: object, name: str = "input_ids") -> Tensor:
    """``input_ids`` if it is an integer tensor of shape (B, T) with T >= 1; a clear error otherwise.

    ``model`` (the class name) starts the message. Checks shapes and dtypes only: no synchronisation.
    """
    if not isinstance(input_ids, Tensor):
        raise TypeError(f"{model}: {name} must be a torch.Tensor of token ids of shape (B, T), got "
                        f"{type(input_ids).__name__}; convert it with torch.tensor(ids)[None]")
    if input_ids.is_floating_point() or input_ids.is_complex() or input_ids.dtype == torch.bool:
        raise TypeError(f"{model}: {name} must hold integer token ids (torch.long), got dtype "
                        f"{input_ids.dtype}; token ids index the vocabulary: convert with {name}.long()")
    if input_ids.dim() != 2:
        hint = (f"for one sequence of shape (T,) add a batch dimension: {name}[None]" if input_ids.dim() == 1
                else f"flatten the extra dimensions into the batch: {name}.view(-1, {name}.shape[-1])")
        raise ValueError(f"{model}: {name} must have shape (B, T) (batch, sequence), got shape "
                         f"{_shape(input_ids)}; {hint}")
    if input_ids.shape[1] == 0:
        raise ValueError(f"{model}: {name} has no tokens (shape {_shape(input_ids)}); give every "
                         "sequence at least one token")
    return input_ids


def check_like_ids(model: str, name: str, t: Tensor | None, input_ids: Tensor, meaning: str,
                   ids_name: str = "input_ids") -> None:
    """Raise a ValueError unless ``t`` (a mask or per-token ids; None is fine) has input_ids' shape (B, T).

    ``meaning`` says what its entries are, e.g. ``"1 = real token, 0 = padding"``; ``ids_name`` is
    what the model calls its token ids.
    """
    if t is None:
        return
    if not isinstance(t, Tensor):
        raise TypeError(f"{model}: {name} must be a torch.Tensor of shape (B, T) ({meaning}), got "
                        f"{type(t).__name__}")
    if t.shape != input_ids.shape:
        raise ValueError(f"{model}: {name} must have the shape of {ids_name}, (B, T) = "
                         f"{_shape(input_ids)} ({meaning}), got shape {_shape(t)}; build it from the "
                         f"same padded batch as {ids_name}")


def check_position_ids(model: str, position_ids: Tensor | None, input_ids: Tensor) -> None:
    """Raise a ValueError unless ``position_ids`` (None is fine) has shape (T,), (1, T) or (B, T)."""
    if position_ids is None:
        return
    B, T = input_ids.shape
    if not isinstance(position_ids, Tensor) or tuple(position_ids.shape) not in ((T,), (1, T), (B, T)):
        got = _shape(position_ids) if isinstance(position_ids, Tensor) else type(position_ids).__name__
        raise ValueError(f"{model}: position_ids must have shape (T,), (1, T) or (B, T) with (B, T) = "
                         f"{(B, T)} (the position of every token), got {got}")


def check_id_ranges(model: str, checks: Sequence[tuple[str, Tensor | None, int, str]]) -> None:
    """Raise a ValueError unless the ids of every ``(name, ids, size, size_name)`` lie in [0, size).

    For example ``("input_ids", ids, 50257, "vocab_size")``. All minima and maxima are read back at
    once (one synchronisation); ids that are None or empty are skipped; nothing is checked while
    ``torch.compile`` traces.
    """
    present = [(name, ids, size, what) for name, ids, size, what in checks if ids is not None and ids.numel()]
    if not present or torch.compiler.is_compiling():
        return
    device = present[0][1].device
    bounds = torch.stack([m.to(device=device, dtype=torch.long)
                          for _, ids, _, _ in present for m in torch.aminmax(ids)]).tolist()
    for i, (name, _, size, what) in enumerate(present):
        lo, hi = bounds[2 * i], bounds[2 * i + 1]
        if lo < 0 or hi >= size:
            raise ValueError(f"{model}: {name} must lie in [0, {what}={size}), got values from {lo} to "
                             f"{hi}; {_range_hint(lo, hi, what)}")


def _range_hint(lo: int, hi: int, size_name: str) -> str:
    if lo < 0:
        return ("negative values are not ids (-100 marks ignored positions in labels and targets, not in "
                "inputs): replace them by a padding id and set attention_mask to 0 there")
    if size_name == "vocab_size":
        return ("the ids do not fit the model's vocabulary: encode with the tokenizer the model was built "
                f"for, or build the model with vocab_size >= {hi + 1}")
    if size_name == "type_vocab_size":
        return f"0 marks sentence A and 1 sentence B; or build the model with type_vocab_size >= {hi + 1}"
    if size_name == "max_positions":
        return ("positions count from 0 and stay below max_positions; or build the model with "
                f"max_positions >= {hi + 1}")
    return f"build the model with {size_name} >= {hi + 1}"


__all__ = [
    "check_id_ranges",
    "check_like_ids",
    "check_position_ids",
    "check_token_ids",
    "int_at_least",
    "positive_int",
]
