"""What every objective shares: the optimiser, its schedule, parameter groups and frozen models.

A subclass writes ``step(batch) -> {"loss": ..., other scalars}``; ``training_step`` and
``validation_step`` call it. Optimisation as in GPT-2, nanoGPT and BERT: AdamW with weight decay on
the matrices only (weights of linear layers and embeddings, not biases and LayerNorm gains), and a
schedule from ``lmlib.objectives.schedules`` stepped every optimizer step.

- Discriminative fine-tuning (ULMFiT, Howard and Ruder, 2018): ``layer_lr_decay=d`` gives layer l of
  L (embeddings = 0, blocks = 1..L, everything above = L + 1) the learning rate lr * d^(L + 1 - l);
  gradual unfreezing (ULMFiT's other trick) is the callback :class:`GradualUnfreezing`.
- Manual optimisation (policy optimisation needs it): a subclass sets ``automatic_optimization =
  False``, writes its own ``training_step`` and calls :meth:`Objective.manual_step`.
- Frozen models (a reference policy, a teacher): :meth:`Objective.freeze` keeps them on the module's
  device, in eval mode, without gradients, and out of ``parameters()`` and ``state_dict()``, so they
  are neither trained, counted nor saved.
"""

from __future__ import annotations

import re

import lightning as L
import torch
from torch import Tensor, nn

from lmlib.objectives.schedules import check_schedule, schedule

_BLOCK = re.compile(r"(?:^|\.)blocks\.(\d+)\.")


def build_model(model, model_cls: type, config_cls: type, build: type | None = None):
    """``model`` itself if it is a ``model_cls``, a new ``build(model)`` (default ``model_cls``) if it is
    a ``config_cls``; a clear TypeError otherwise."""
    if isinstance(model, config_cls):
        model = (build or model_cls)(model)
    if not isinstance(model, model_cls):
        raise TypeError(f"model must be an lmlib {model_cls.__name__} or a {config_cls.__name__}, "
                        f"got {type(model).__name__}")
    return model


def layer_of(name: str, param: nn.Parameter, embeddings: set[int], n_layers: int) -> int:
    """The layer of a parameter for discriminative learning rates: 0 for the model's input modules
    (``embeddings``: ids of their parameters), i + 1 for ``blocks.i``, n_layers + 1 for everything
    else (final norm, pooler, heads)."""
    if id(param) in embeddings:
        return 0
    match = _BLOCK.search(name)
    return int(match.group(1)) + 1 if match else n_layers + 1


class Objective(L.LightningModule):
    """Base of every objective: checked optimiser settings, AdamW with a schedule, and ``step``.

    lr, weight_decay, betas: AdamW's. schedule: "constant", "cosine" or "linear" (see
    ``lmlib.objectives.schedules``), with ``warmup_steps``, ``max_steps`` and, for the cosine,
    ``min_lr_ratio``. layer_lr_decay: 1 = one learning rate; d < 1 = ULMFiT's discriminative rates
    over the layers of :meth:`transformer`.
    """

    grad_clip: float | None = None  # set by lmlib.train.fit; manual_step clips to it

    def __init__(self, *, lr: float, weight_decay: float = 0.0, betas: tuple[float, float] = (0.9, 0.999),
                 schedule: str = "constant", warmup_steps: int = 0, max_steps: int | None = None,
                 min_lr_ratio: float = 0.1, layer_lr_decay: float = 1.0) -> None:
        super().__init__()
        check_schedule(schedule, lr, weight_decay, warmup_steps, max_steps, min_lr_ratio)
        if not 0 < layer_lr_decay <= 1:
            raise ValueError(f"layer_lr_decay must be in (0, 1] (1 = the same rate everywhere), got {layer_lr_decay!r}")
        self.lr, self.weight_decay, self.betas = lr, weight_decay, tuple(betas)
        self.schedule, self.warmup_steps, self.max_steps = schedule, warmup_steps, max_steps
        self.min_lr_ratio, self.layer_lr_decay = min_lr_ratio, layer_lr_decay
        self._frozen: dict[str, nn.Module] = {}

    # ------------------------------------------------------------------ what subclasses write

    def step(self, batch) -> dict[str, Tensor]:
        """Loss and scalars of one batch: ``{"loss": ..., ...}``."""
        raise NotImplementedError(f"{type(self).__name__} must define step(batch)")

    def transformer(self) -> nn.Module:
        """The model whose layers get discriminative learning rates (default ``self.model``)."""
        return self.model

    # ------------------------------------------------------------------ Lightning hooks

    def training_step(self, batch, batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def validation_step(self, batch, batch_idx: int) -> dict[str, Tensor]:
        return self.step(batch)

    def layers(self) -> list[list[nn.Parameter]]:
        """The parameters by layer, bottom to top (see :func:`layer_of`): embeddings, every block, the rest."""
        body = self.transformer()
        n_layers = body.config.n_layers
        embeddings = {id(p) for m in body.input_modules() for p in m.parameters()}
        out: list[list[nn.Parameter]] = [[] for _ in range(n_layers + 2)]
        for name, p in self.named_parameters():
            out[layer_of(name, p, embeddings, n_layers)].append(p)
        return out

    def parameter_groups(self) -> list[dict]:
        """AdamW's parameter groups: decay (matrices) and no decay (biases, norms), per layer when
        ``layer_lr_decay < 1``. Parameters frozen now (requires_grad False) are in them too, so that
        unfreezing them later trains them; while frozen they get no gradient and AdamW skips them."""
        named = list(self.named_parameters())  # tied weights appear once
        if self.layer_lr_decay == 1.0:
            return [{"params": [p for _, p in named if p.dim() >= 2], "weight_decay": self.weight_decay},
                    {"params": [p for _, p in named if p.dim() < 2], "weight_decay": 0.0}]
        n_layers = self.transformer().config.n_layers
        groups: dict[tuple[int, bool], list[nn.Parameter]] = {}
        for layer, params in enumerate(self.layers()):
            for p in params:
                groups.setdefault((layer, p.dim() >= 2), []).append(p)
        return [{"params": ps, "weight_decay": self.weight_decay if decay else 0.0,
                 "lr": self.lr * self.layer_lr_decay ** (n_layers + 1 - layer), "layer": layer}
                for (layer, decay), ps in sorted(groups.items())]

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(self.parameter_groups(), lr=self.lr, betas=self.betas)
        if self.warmup_steps == 0 and (self.schedule == "constant" or self.max_steps is None):
            return optimizer  # the factor would be 1 at every step
        factor = schedule(self.schedule, self.warmup_steps, self.max_steps, self.min_lr_ratio)
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
        return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}

    # ------------------------------------------------------------------ manual optimisation

    def manual_step(self, loss: Tensor) -> None:
        """One optimizer step on ``loss`` for ``automatic_optimization = False``: zero the gradients,
        backward, clip to ``grad_clip`` (fit's), step the optimizer and the schedule."""
        optimizer = self.optimizers()
        optimizer.zero_grad()
        self.manual_backward(loss)
        if self.grad_clip is not None:
            self.clip_gradients(optimizer, gradient_clip_val=self.grad_clip, gradient_clip_algorithm="norm")
        optimizer.step()
        scheduler = self.lr_schedulers()
        if scheduler is not None:
            scheduler.step()

    # ------------------------------------------------------------------ frozen models

    def freeze(self, name: str, model: nn.Module) -> nn.Module:
        """Keep ``model`` as ``self.<name>``, frozen: eval mode, no gradients, moved with the module,
        not in ``parameters()`` or ``state_dict()``. Returns it."""
        if name in self._modules or name in self._parameters or hasattr(type(self), name):
            raise ValueError(f"{type(self).__name__} already has an attribute {name!r}; freeze under another name")
        model.requires_grad_(False).eval()
        self._frozen[name] = model
        object.__setattr__(self, name, model)  # not registered: nn.Module.__setattr__ would register it
        return model

    def frozen(self) -> dict[str, nn.Module]:
        """The frozen models, by name."""
        return dict(self._frozen)

    def train(self, mode: bool = True):
        super().train(mode)
        for model in self._frozen.values():
            model.eval()  # a frozen model never drops out
        return self

    def _apply(self, fn, *args, **kwargs):
        super()._apply(fn, *args, **kwargs)
        for model in self._frozen.values():  # .to(device), .half(): frozen models follow
            model._apply(fn, *args, **kwargs)
        return self


class GradualUnfreezing(L.Callback):
    """ULMFiT's gradual unfreezing (Howard and Ruder, 2018): train the top layer group alone first,
    then unfreeze one more group, from the top down, every ``every`` optimizer steps.

    The groups are those of :meth:`Objective.layers` (embeddings, each block, the rest). Use it with
    ``fit(..., callbacks=[GradualUnfreezing(every=100)])``; after ``every * n_layers + every`` steps
    the whole model trains.
    """

    def __init__(self, every: int) -> None:
        if isinstance(every, bool) or not isinstance(every, int) or every < 1:
            raise ValueError(f"every must be a positive number of steps, got {every!r}")
        self.every = every

    def unfrozen(self, step: int, n_groups: int) -> int:
        """How many groups, counted from the top, train at optimizer step ``step``."""
        return min(n_groups, 1 + step // self.every)

    def _apply(self, module: Objective, step: int) -> None:
        groups = module.layers()
        k = self.unfrozen(step, len(groups))
        for i, params in enumerate(groups):
            for p in params:
                p.requires_grad_(i >= len(groups) - k)

    def on_fit_start(self, trainer, module) -> None:
        if not isinstance(module, Objective):
            raise TypeError(f"GradualUnfreezing needs an lmlib Objective (it reads its layers), got "
                            f"{type(module).__name__}")
        self._apply(module, trainer.global_step)

    def on_train_batch_start(self, trainer, module, batch, batch_idx) -> None:
        self._apply(module, trainer.global_step)

    def on_fit_end(self, trainer, module) -> None:
        for params in module.layers():  # a frozen model left behind would surprise the next fit
            for p in params:
                p.requires_grad_(True)


__all__ = ["GradualUnfreezing", "Objective", "build_model", "layer_of"]
