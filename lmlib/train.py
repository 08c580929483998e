"""``fit()``: the one training function of the book, around ``lightning.Trainer``.

Every notebook trains through ``fit``. It limits training by steps (so results reproduce on any
machine) with an optional wall-time cap, prints a few plain progress lines that read the same in a
notebook and on the static website, keeps a history of train and validation metrics, and prints
what it did: device, profile, amount of data seen, wall time.

A module's ``training_step`` returns the loss (a tensor) or a dict with a ``"loss"`` entry and
other scalars; ``validation_step`` returns the same. ``fit`` records them; modules need not log.

On several devices (``fit(..., devices=2, strategy="ddp")``) every process records its own batches
and the history holds the mean over processes of each metric (the loss of the global batch when the
processes' batches weigh the same) and the examples and tokens of all processes; only the first
process prints.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import math
import os
import time
import warnings
from dataclasses import dataclass, field

import lightning as L
import torch
from lightning.pytorch.callbacks import ModelCheckpoint
from torch.utils.data import DataLoader

from ._checks import positive_int
from .profile import Profile, get_profile

_QUIET_LOGGERS = ("lightning", "lightning.pytorch", "lightning.fabric", "pytorch_lightning")
# Environment variables read by fit (the GPU check uses them; notebooks never set them):
STEP_CAP_ENV = "LMLIB_MAX_STEPS"  # cap every fit() at this many steps
FIT_LOG_ENV = "LMLIB_FIT_LOG"  # append one JSON line per fit() to this file
# Trainer arguments that fit sets from its own parameters, and the parameter to use instead.
FIT_SETS = {
    "max_steps": "max_steps=",
    "max_epochs": "max_steps= (fit counts optimizer steps, not epochs)",
    "max_time": "max_seconds=",
    "val_check_interval": "val_every=",
    "check_val_every_n_epoch": "val_every= (fit validates every val_every steps, not per epoch)",
    "limit_val_batches": "val_batches=",
    "gradient_clip_val": "grad_clip=",
}


@dataclass
class History:
    """What ``fit`` did: metrics by step, and how much data, time and which device it used."""

    train: dict[str, list[float]] = field(default_factory=dict)
    train_steps: list[int] = field(default_factory=list)
    val: dict[str, list[float]] = field(default_factory=dict)
    val_steps: list[int] = field(default_factory=list)
    steps: int = 0
    examples: int = 0
    tokens: int = 0
    seconds: float = 0.0
    profile: str = ""
    device: str = ""
    parameters: int = 0
    stopped_by_time: bool = False
    capped_steps: int | None = None  # set when LMLIB_MAX_STEPS cut the run short
    requested_steps: int = 0  # max_steps as asked, before any cap

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def last(self, key: str) -> float:
        """The last recorded value of ``key`` ("loss" for training, "val_loss" for validation)."""
        if key.startswith("val_") and key[4:] in self.val:
            return self.val[key[4:]][-1]
        if key in self.train:
            return self.train[key][-1]
        raise KeyError(f"no metric {key!r}; recorded: train {sorted(self.train)}, "
                       f"validation {sorted('val_' + k for k in self.val)}")

    def summary(self) -> str:
        data = f"{self.examples:,} examples"
        if self.tokens:
            data += f", {self.tokens:,} tokens"
        cap = " (stopped by the time cap)" if self.stopped_by_time else ""
        if self.capped_steps is not None:
            cap = f" (capped at {self.capped_steps} steps by ${STEP_CAP_ENV})"
        return (f"trained {self.steps:,} steps on {self.device} (profile {self.profile}): "
                f"{data} in {self.seconds:.1f} s{cap}")

    def plot(self, key: str = "loss", ax=None, title: str | None = None, label: str | None = None):
        """Plot train and validation ``key`` against steps; returns the matplotlib axes."""
        from .plot import plot_history
        return plot_history(self, key=key, ax=ax, title=title, label=label)


def count_batch(batch) -> tuple[int, int]:
    """(examples, tokens) in a batch: a tensor, a tuple/list whose first item is one, or a dict
    with ``input_ids``. Integer tensors of shape (B, T) count B*T tokens."""
    if isinstance(batch, dict):
        x = batch.get("input_ids", next(iter(batch.values())))
    elif isinstance(batch, (list, tuple)):
        x = batch[0]
    else:
        x = batch
    if not isinstance(x, torch.Tensor) or x.dim() == 0:
        return 0, 0
    tokens = x.numel() if x.dim() == 2 and not x.is_floating_point() else 0
    return x.shape[0], tokens


def _scalars(out) -> dict[str, float]:
    if out is None:
        return {}
    if isinstance(out, torch.Tensor):
        return {"loss": out.detach().float().item()}
    return {k: float(v.detach().float().item() if isinstance(v, torch.Tensor) else v)
            for k, v in out.items() if isinstance(v, (torch.Tensor, float, int))
            and (not isinstance(v, torch.Tensor) or v.numel() == 1)}


def _across_processes(trainer, means: dict[str, float]) -> dict[str, float]:
    """``means`` averaged over the processes of a multi-device run (itself on one device)."""
    if trainer.world_size == 1 or not means:
        return means
    keys = sorted(means)
    values = torch.tensor([means[k] for k in keys], dtype=torch.float64, device=trainer.strategy.root_device)
    return dict(zip(keys, trainer.strategy.reduce(values, reduce_op="mean").tolist()))


class _Recorder(L.Callback):
    """Records metrics into a History and prints a progress line every ``print_every`` steps."""

    def __init__(self, history: History, max_steps: int, print_every: int, verbose: bool,
                 val_every: int | None = None):
        self.h, self.max_steps, self.print_every, self.verbose = history, max_steps, print_every, verbose
        self.val_every = val_every  # None: no validation
        self._acc: dict[str, list[float]] = {}
        self._val: dict[str, list[float]] = {}
        self._pending: int | None = None  # a progress line waiting for this step's validation
        self._t0 = time.perf_counter()

    def _validates_at(self, step: int) -> bool:
        return self.val_every is not None and (step % self.val_every == 0 or step == self.max_steps)

    def on_train_batch_end(self, trainer, module, outputs, batch, batch_idx):
        examples, tokens = count_batch(batch)
        self.h.examples += examples
        self.h.tokens += tokens
        self.h.steps = trainer.global_step
        for k, v in _scalars(outputs).items():
            self._acc.setdefault(k, []).append(v)
        step = trainer.global_step
        if step % self.print_every == 0 or step == self.max_steps:
            self.h.train_steps.append(step)
            means = _across_processes(trainer, {k: sum(vs) / len(vs) for k, vs in self._acc.items()})
            for k, v in means.items():
                self.h.train.setdefault(k, []).append(v)
            self._acc = {}
            if self._validates_at(step):
                self._pending = step  # print once this step's validation is in
            else:
                self._print(step)

    def on_validation_batch_end(self, trainer, module, outputs, batch, batch_idx, dataloader_idx=0):
        if trainer.sanity_checking:  # only with a caller's num_sanity_val_steps: not a validation
            return
        for k, v in _scalars(outputs).items():
            self._val.setdefault(k, []).append(v)

    def on_validation_epoch_end(self, trainer, module):
        if trainer.sanity_checking:
            return
        if self._val:
            self.h.val_steps.append(trainer.global_step)
            means = _across_processes(trainer, {k: sum(vs) / len(vs) for k, vs in self._val.items()})
            for k, v in means.items():
                self.h.val.setdefault(k, []).append(v)
            self._val = {}
        if self._pending is not None:
            self._print(self._pending)
            self._pending = None

    def on_train_end(self, trainer, module):
        if trainer.world_size > 1:  # the data of every process
            counts = torch.tensor([self.h.examples, self.h.tokens], device=trainer.strategy.root_device)
            self.h.examples, self.h.tokens = trainer.strategy.reduce(counts, reduce_op="sum").tolist()

    def on_fit_start(self, trainer, module):
        self.verbose = self.verbose and trainer.is_global_zero  # one process prints

    def _print(self, step: int) -> None:
        if not self.verbose:
            return
        parts = [f"step {step:>{len(str(self.max_steps))}}/{self.max_steps}"]
        parts += [f"{k} {v[-1]:.4f}" for k, v in self.h.train.items()]
        if self.h.val_steps:
            parts += [f"val_{k} {v[-1]:.4f}" for k, v in self.h.val.items()]
        parts.append(f"{time.perf_counter() - self._t0:6.1f} s")
        print(" | ".join(parts), flush=True)


@contextlib.contextmanager
def quiet():
    """Silence Lightning's banners, tips and harmless warnings for the duration."""
    levels = {n: logging.getLogger(n).level for n in _QUIET_LOGGERS}
    for n in _QUIET_LOGGERS:
        logging.getLogger(n).setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"lightning(\.|$)")
        warnings.filterwarnings("ignore", module=r"pytorch_lightning(\.|$)")
        warnings.filterwarnings("ignore", message=r".*does not have many workers.*")
        try:
            yield
        finally:
            for n, level in levels.items():
                logging.getLogger(n).setLevel(level)


def step_cap() -> int | None:
    """The step cap from ``$LMLIB_MAX_STEPS`` (None when unset)."""
    value = os.environ.get(STEP_CAP_ENV, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{STEP_CAP_ENV} must be a positive integer, got {value!r}")
    return int(value)


def _log_run(history: History) -> None:
    path = os.environ.get(FIT_LOG_ENV)
    if path:
        record = {k: v for k, v in vars(history).items() if not isinstance(v, (list, dict))}
        record["device_name"] = (torch.cuda.get_device_name() if history.device == "cuda" else "cpu")
        with open(path, "a") as f:
            f.write(json.dumps(record) + "\n")


def check_trainer_kwargs(trainer_kwargs: dict) -> None:
    """Raise a ValueError for Trainer arguments that fit sets from its own parameters (``FIT_SETS``)."""
    clash = sorted(set(trainer_kwargs) & set(FIT_SETS))
    if clash:
        raise ValueError("; ".join(f"fit sets lightning.Trainer's {k} itself: pass {FIT_SETS[k]} to fit instead"
                                   for k in clash))


def trainer_arguments(prof: Profile, recorder: L.Callback, *, max_steps: int, val_every: int | None,
                      val_batches: int | float, max_seconds: float | None, grad_clip: float | None,
                      **trainer_kwargs) -> dict:
    """The keyword arguments of ``fit``'s ``lightning.Trainer``.

    fit's own settings (steps, validation schedule, time cap, clipping) come from its parameters,
    and passing their Trainer names too is a ValueError that names the parameter to use. Any other
    Trainer argument passes through and wins over fit's default (``devices``, ``precision``,
    ``logger``, ...); ``callbacks`` (one or a list) run after fit's recorder. Checkpointing is on
    when a callback is a ``ModelCheckpoint``, off otherwise.
    """
    check_trainer_kwargs(trainer_kwargs)
    theirs = trainer_kwargs.pop("callbacks", None) or []
    theirs = [theirs] if isinstance(theirs, L.Callback) else list(theirs)
    defaults = dict(accelerator=prof.accelerator, devices=1, precision=prof.precision, num_sanity_val_steps=0,
                    logger=False, enable_checkpointing=any(isinstance(cb, ModelCheckpoint) for cb in theirs),
                    enable_progress_bar=False, enable_model_summary=False, deterministic=prof.name == "cpu")
    own = dict(max_steps=max_steps, max_epochs=-1,
               max_time=datetime.timedelta(seconds=max_seconds) if max_seconds else None,
               val_check_interval=val_every, check_val_every_n_epoch=None, limit_val_batches=val_batches,
               gradient_clip_val=grad_clip, callbacks=[recorder, *theirs])
    return {**defaults, **trainer_kwargs, **own}


def fit(module: L.LightningModule, train: DataLoader, val: DataLoader | None = None, *,
        max_steps: int, val_every: int | None = None, val_batches: int | float = 1.0,
        max_seconds: float | None = None, print_every: int | None = None, seed: int = 0,
        profile: Profile | str | None = None, grad_clip: float | None = 1.0,
        compile: bool = False, verbose: bool = True, **trainer_kwargs) -> History:
    """Train ``module`` for ``max_steps`` optimizer steps and return its :class:`History`.

    ``val`` is evaluated every ``val_every`` steps (default: 5 times per run) on ``val_batches``
    batches and at the end. ``max_seconds`` is a safety cap on wall time: training stops there
    even if ``max_steps`` is not reached (the history says so). Extra keyword arguments go to
    ``lightning.Trainer`` (for example ``devices`` and ``strategy`` for several GPUs, or
    ``callbacks``, which run alongside fit's own; see :func:`trainer_arguments`).
    ``compile=True`` runs the module through ``torch.compile`` (worth it for long GPU runs).
    ``grad_clip`` clips the gradient norm; a module with ``automatic_optimization = False`` gets it
    as ``module.grad_clip`` and clips in its own step (:meth:`lmlib.objectives.Objective.manual_step`).
    ``$LMLIB_MAX_STEPS`` caps ``max_steps`` (the GPU check runs every notebook with a cap).
    """
    positive_int("max_steps", max_steps)
    if max_seconds is not None and max_seconds <= 0:
        raise ValueError(f"max_seconds must be positive or None, got {max_seconds!r}")
    check_trainer_kwargs(trainer_kwargs)  # before any work
    prof = profile if isinstance(profile, Profile) else get_profile(profile)
    requested, cap = max_steps, step_cap()
    capped = cap is not None and cap < max_steps
    if capped:
        max_steps = cap
    print_every = print_every or max(1, max_steps // 10)
    val_every = min(val_every or max(1, math.ceil(max_steps / 5)), max_steps)
    history = History(profile=prof.name, device=prof.device, capped_steps=max_steps if capped else None,
                      requested_steps=requested,
                      parameters=sum(p.numel() for p in module.parameters()))
    recorder = _Recorder(history, max_steps, print_every, verbose, val_every if val is not None else None)
    if not module.automatic_optimization:  # Lightning clips only automatic steps
        module.grad_clip, grad_clip = grad_clip, None
    with quiet():
        L.seed_everything(seed, workers=True, verbose=False)
        trainer = L.Trainer(**trainer_arguments(
            prof, recorder, max_steps=max_steps, val_every=val_every if val is not None else None,
            val_batches=val_batches, max_seconds=max_seconds, grad_clip=grad_clip, **trainer_kwargs))
        t0 = time.perf_counter()
        trainer.fit(torch.compile(module) if compile else module, train_dataloaders=train,
                    val_dataloaders=val)
        if val is not None and (not history.val_steps or history.val_steps[-1] != trainer.global_step):
            trainer.validate(module, dataloaders=val, verbose=False)
        history.seconds = time.perf_counter() - t0
    history.steps = trainer.global_step
    history.stopped_by_time = history.steps < max_steps
    if trainer.is_global_zero:  # one process of a multi-device run logs and prints
        _log_run(history)
        if verbose:
            print(history.summary(), flush=True)
    return history
