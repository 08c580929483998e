"""Sequence helpers for fine-tuning and alignment: log-probabilities of completions, batched generation
with left padding, and the KL divergence between a policy and a reference model.

Supervised fine-tuning, a reward model, policy optimisation, DPO and distillation all work with
batches of prompts followed by completions, padded to one length::

    input_ids        [ p p p c c c 0 0 ]     p = prompt token, c = completion token, 0 = padding
    attention_mask   [ 1 1 1 1 1 1 0 0 ]     1 = real token
    completion_mask  [ 0 0 0 1 1 1 0 0 ]     1 = a token whose log-probability counts

Indexing: every per-token tensor here has the shape of ``input_ids``, and entry t is about token t:
``token_logp[b, t] = log p(input_ids[b, t] | input_ids[b, :t])``, read from the logits at t - 1.

Padding must not change a row's result. Two things would change it in a causal model with learned
absolute positions (lmlib's GPT adds positions 0..T-1 to whatever sits in columns 0..T-1): padding on
the left shifts a row's positions, and padding the model attends to. :func:`padded_logits` avoids
both without needing ``position_ids`` from the model: it moves each row's real tokens to the front
(columns 0..n-1, positions 0..n-1, as if the row were run alone) and the padding behind them, runs the
model, and moves the logits back. With the padding after every real token a causal model cannot see
it, so the model needs no ``attention_mask`` either, and any callable ``model(input_ids) -> logits``
(or ``(logits, ...)``) works: lmlib's GPT, a CausalLM, or a wrapped HF model.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from types import SimpleNamespace
from typing import NamedTuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from lmlib._checks import int_at_least
from lmlib.generate import _logits, _unwrap, check_sampling, sample_tokens
from lmlib.inference import evaluating

KL_ESTIMATORS = ("k1", "k3")


# ---------------------------------------------------------------------------------------- padding


def _pad(sequences: Sequence[Sequence[int] | Tensor], pad_id: int | None, left: bool,
         device: torch.device | str | None) -> tuple[Tensor, Tensor]:
    if pad_id is None or isinstance(pad_id, bool) or not isinstance(pad_id, int) or pad_id < 0:
        raise ValueError(f"pad_id must be a token id (an int >= 0), got {pad_id!r}; any id of the "
                         "vocabulary works (e.g. the end-of-text id): padded positions are masked")
    rows = [torch.as_tensor(s, dtype=torch.long).flatten() for s in sequences]
    if not rows:
        raise ValueError("no sequences to pad")
    for i, row in enumerate(rows):
        if len(row) == 0:
            raise ValueError(f"sequence {i} is empty; every sequence needs at least one token")
    T = max(len(row) for row in rows)
    input_ids = torch.full((len(rows), T), pad_id, dtype=torch.long)
    attention_mask = torch.zeros(len(rows), T, dtype=torch.long)
    for i, row in enumerate(rows):
        cols = slice(T - len(row), T) if left else slice(0, len(row))
        input_ids[i, cols], attention_mask[i, cols] = row, 1
    return input_ids.to(device), attention_mask.to(device)


def pad_left(sequences: Sequence[Sequence[int] | Tensor], pad_id: int | None,
             device: torch.device | str | None = None) -> tuple[Tensor, Tensor]:
    """``(input_ids, attention_mask)``, both (B, T): the sequences right-aligned, ``pad_id`` before them.

    Left padding puts every row's last token in the last column, where generation appends.
    """
    return _pad(sequences, pad_id, left=True, device=device)


def pad_right(sequences: Sequence[Sequence[int] | Tensor], pad_id: int | None,
              device: torch.device | str | None = None) -> tuple[Tensor, Tensor]:
    """``(input_ids, attention_mask)``, both (B, T): the sequences left-aligned, ``pad_id`` after them."""
    return _pad(sequences, pad_id, left=False, device=device)


def completion_batch(prompts: Sequence[Sequence[int] | Tensor], completions: Sequence[Sequence[int] | Tensor],
                     pad_id: int | None, side: str = "right",
                     device: torch.device | str | None = None) -> tuple[Tensor, Tensor, Tensor]:
    """``(input_ids, attention_mask, completion_mask)`` for prompt + completion pairs, padded on ``side``.

    completion_mask is 1 on the completion tokens only: they are the ones an SFT loss, a DPO margin or
    a policy gradient counts.
    """
    if side not in ("left", "right"):
        raise ValueError(f"side must be 'left' or 'right', got {side!r}")
    if len(prompts) != len(completions):
        raise ValueError(f"got {len(prompts)} prompts and {len(completions)} completions; give one each")
    prompts = [torch.as_tensor(p, dtype=torch.long).flatten() for p in prompts]
    completions = [torch.as_tensor(c, dtype=torch.long).flatten() for c in completions]
    for i, (p, c) in enumerate(zip(prompts, completions, strict=True)):
        if len(p) == 0 or len(c) == 0:
            raise ValueError(f"pair {i} has an empty {'prompt' if len(p) == 0 else 'completion'}; the "
                             "first token has no context to be predicted from, and an empty completion "
                             "has no log-probability to compare")
    input_ids, attention_mask = _pad([torch.cat(pc) for pc in zip(prompts, completions, strict=True)],
                                     pad_id, left=side == "left", device=device)
    flags = [torch.cat([torch.zeros(len(p), dtype=torch.long), torch.ones(len(c), dtype=torch.long)])
             for p, c in zip(prompts, completions, strict=True)]
    completion_mask, _ = _pad(flags, 0, left=side == "left", device=device)
    return input_ids, attention_mask, completion_mask


# ------------------------------------------------------------------------------- checking masks


def _as_mask(name: str, mask: Tensor | None, input_ids: Tensor) -> Tensor:
    """``mask`` as a bool tensor, after checking it has input_ids' shape and holds only 0 and 1."""
    if not isinstance(mask, Tensor):
        raise TypeError(f"{name} must be a torch.Tensor of shape (B, T) = {tuple(input_ids.shape)}, "
                        f"got {type(mask).__name__}")
    if mask.shape != input_ids.shape:
        raise ValueError(f"{name} must have the shape of input_ids, (B, T) = {tuple(input_ids.shape)}, "
                         f"got shape {tuple(mask.shape)}; build it from the same padded batch")
    if not ((mask == 0) | (mask == 1)).all():
        raise ValueError(f"{name} must hold only 0 and 1 (or False and True)")
    return mask.to(device=input_ids.device, dtype=torch.bool)


def _check_padding(input_ids: Tensor, attention_mask: Tensor | None) -> Tensor:
    """The attention mask as bool (all True if None) after checking that every row is one block of
    real tokens with padding only before it or after it."""
    if not isinstance(input_ids, Tensor) or input_ids.dim() != 2 or input_ids.is_floating_point():
        got = tuple(input_ids.shape) if isinstance(input_ids, Tensor) else type(input_ids).__name__
        raise ValueError(f"input_ids must be an integer tensor of shape (B, T), got {got}")
    if attention_mask is None:
        return torch.ones_like(input_ids, dtype=torch.bool)
    mask = _as_mask("attention_mask", attention_mask, input_ids)
    n = mask.sum(1)
    if (n == 0).any():
        raise ValueError(f"rows {(n == 0).nonzero().flatten().tolist()} of attention_mask have no real token")
    start = mask.int().argmax(1)  # the first real token of each row
    cols = torch.arange(mask.shape[1], device=mask.device)
    block = (cols >= start[:, None]) & (cols < (start + n)[:, None])
    if not torch.equal(block, mask):
        rows = (block != mask).any(1).nonzero().flatten().tolist()
        raise ValueError(f"rows {rows} of attention_mask are not one block of ones; pad only on the left "
                         "or on the right of each sequence (1 = real token, 0 = padding)")
    return mask


# ------------------------------------------------------------------------ logits of padded rows


def _left_aligned_logits(model, input_ids: Tensor, mask: Tensor) -> tuple[Tensor, Tensor]:
    """Logits (B, T, V) with each row's real tokens moved to columns 0..n-1, and each row's shift."""
    T = input_ids.shape[1]
    start = mask.int().argmax(1)  # (B,) number of pads before the first real token
    cols = (torch.arange(T, device=input_ids.device) + start[:, None]) % T  # roll row b left by start[b]
    logits = _logits(model, input_ids.gather(1, cols))
    return logits, start


def padded_logits(model, input_ids: Tensor, attention_mask: Tensor | None = None) -> Tensor:
    """Logits (B, T, V) of a padded batch, each row's as if that row were run alone.

    ``model(ids)`` returns logits (B, T, V) or a tuple that starts with them (a GPT, a CausalLM). Rows
    may be padded on the left or on the right (``attention_mask``: 1 = real token, 0 = padding); each
    row runs with positions 0..n-1 and its padding behind it (see the module's docstring). Logits at
    padded positions are meaningless. Runs the model as it is: train or eval mode, gradients on or off.
    """
    mask = _check_padding(input_ids, attention_mask)
    T = input_ids.shape[1]
    logits, start = _left_aligned_logits(model, input_ids, mask)
    back = (torch.arange(T, device=input_ids.device) - start[:, None]) % T  # roll row b right by start[b]
    return logits.gather(1, back[:, :, None].expand(-1, -1, logits.shape[-1]))


# ------------------------------------------------------------------- log-probs of completions


class CompletionLogProbs(NamedTuple):
    """Log-probabilities of completions (natural logarithms). ``logp / n_tokens`` is the per-token mean."""

    logp: Tensor  # (B,) log p(completion | prompt): the sum over completion tokens
    token_logp: Tensor  # (B, T) log p(token t | tokens before it) on completion tokens, 0 elsewhere
    n_tokens: Tensor  # (B,) number of completion tokens (long)

    @property
    def mean(self) -> Tensor:
        """(B,) mean log-probability per completion token."""
        return self.logp / self.n_tokens


def logprobs_from_logits(logits: Tensor, input_ids: Tensor, completion_mask: Tensor,
                         dtype: torch.dtype = torch.float32) -> CompletionLogProbs:
    """The completion log-probabilities from logits (B, T, V) already computed for ``input_ids`` (B, T).

    ``token_logp[b, t] = log_softmax(logits[b, t - 1])[input_ids[b, t]]`` where completion_mask is 1,
    computed in ``dtype`` (log_softmax then gather: no softmax followed by a log, which underflows).
    """
    if logits.dim() != 3 or logits.shape[:2] != input_ids.shape:
        raise ValueError(f"logits must have shape (B, T, V) with (B, T) = {tuple(input_ids.shape)} "
                         f"(those of input_ids), got {tuple(logits.shape)}")
    completion = _as_mask("completion_mask", completion_mask, input_ids)
    n_tokens = completion.sum(1)
    if (n_tokens == 0).any():
        rows = (n_tokens == 0).nonzero().flatten().tolist()
        raise ValueError(f"rows {rows} have an empty completion (completion_mask is all 0); every row "
                         "needs at least one completion token")
    if completion[:, 0].any():
        raise ValueError("completion_mask marks the first column: that token has no context to be "
                         "predicted from; a completion must follow a prompt of at least one token")
    logp = logits[:, :-1].to(dtype).log_softmax(-1)  # (B, T-1, V): the distribution of tokens 1..T-1
    picked = logp.gather(-1, input_ids[:, 1:, None]).squeeze(-1)  # (B, T-1)
    token_logp = F.pad(picked, (1, 0)).masked_fill(~completion, 0.0)  # (B, T): entry t is token t
    return CompletionLogProbs(token_logp.sum(1), token_logp, n_tokens)


def completion_logprobs(model, input_ids: Tensor, attention_mask: Tensor | None, completion_mask: Tensor,
                        dtype: torch.dtype = torch.float32) -> CompletionLogProbs:
    """log p(completion | prompt) for every row of a padded batch, summed over completion tokens only.

    ``input_ids``, ``attention_mask`` (1 = real token; None = no padding) and ``completion_mask``
    (1 = completion token) are (B, T), padded on either side (:func:`completion_batch` builds them).
    Completion tokens must be real tokens after at least one prompt token. Runs the model as it is,
    so a policy can be trained through the result; for a frozen reference model wrap the call in
    ``with evaluating(ref):``. ``dtype=torch.float64`` for exact comparisons.
    """
    mask = _check_padding(input_ids, attention_mask)
    completion = _as_mask("completion_mask", completion_mask, input_ids)
    if (completion & ~mask).any():
        raise ValueError("completion_mask marks padding (attention_mask 0); completion tokens must be real")
    first = mask.int().argmax(1)  # the first real token of each row has no context
    if completion.gather(1, first[:, None]).any():
        raise ValueError("completion_mask marks the first real token of a row: it has no context to be "
                         "predicted from; a completion must follow a prompt of at least one token")
    logits = padded_logits(model, input_ids, mask)
    return logprobs_from_logits(logits, input_ids, completion, dtype)


# ------------------------------------------------------------------- generation with left padding


class _RowsAlone:
    """What :func:`sample_tokens` calls during :func:`generate_batch`: given the left-padded batch so
    far, the next-token logits (B, 1, V) of every row as if it were run alone (cropped, like
    ``generate``, to its last ``max_positions`` tokens)."""

    def __init__(self, model, prompt_mask: Tensor, max_positions: int | None) -> None:
        self.model, self.prompt_mask, self.max_positions = model, prompt_mask, max_positions
        # sample_tokens crops to config.max_positions; we must crop the mask with the tokens, so we do it
        self.config = SimpleNamespace(max_positions=2**62)

    def __call__(self, idx: Tensor) -> Tensor:
        new = idx.shape[1] - self.prompt_mask.shape[1]
        mask = F.pad(self.prompt_mask, (0, new), value=True)  # generated tokens are real
        if self.max_positions is not None:
            idx, mask = idx[:, -self.max_positions:], mask[:, -self.max_positions:]
        logits, _ = _left_aligned_logits(self.model, idx, mask)
        last = mask.sum(1) - 1  # each row's last token, in the left-aligned columns
        return logits.gather(1, last[:, None, None].expand(-1, 1, logits.shape[-1]))


def generate_batch(model, prompts: Sequence[Sequence[int] | Tensor], max_new_tokens: int, *,
                   pad_id: int | None, eos_id: int | None = None, strategy: str = "sample",
                   temperature: float = 1.0, top_k: int | None = None, top_p: float | None = None,
                   seed: int = 0) -> list[Tensor]:
    """Continue prompts of different lengths in one batch; the new tokens of each, without padding.

    The prompts are padded on the left (:func:`pad_left`) and decoded by the loop of
    :func:`lmlib.generate.sample_tokens` (greedy, or sampling with temperature, top-k and top-p from
    a generator seeded by ``seed``), each row computed as if it ran alone. A row stops at ``eos_id``,
    which ends its completion (and is kept: its probability is part of the completion's); the others
    go on, up to ``max_new_tokens``. Runs the model in eval mode without gradients. With greedy
    decoding each row equals :func:`lmlib.generate.generate` on its prompt alone.
    """
    int_at_least("max_new_tokens", max_new_tokens, 0)
    check_sampling(strategy, temperature, top_k, top_p)
    gpt = _unwrap(model)
    params = next(gpt.parameters(), None) if isinstance(gpt, nn.Module) else None
    device = params.device if params is not None else None
    input_ids, attention_mask = pad_left(prompts, pad_id, device=device)
    config = getattr(gpt, "config", None)
    rows = _RowsAlone(gpt, attention_mask.bool(), getattr(config, "max_positions", None))
    generator = torch.Generator(device=input_ids.device).manual_seed(seed)
    with evaluating(gpt) if isinstance(gpt, nn.Module) else contextlib.nullcontext():  # (no_grad: the loop's)
        out = sample_tokens(rows, input_ids, max_new_tokens, strategy=strategy, temperature=temperature,
                            top_k=top_k, top_p=top_p, generator=generator, stop_id=eos_id)
    completions = []
    for row in out[:, input_ids.shape[1]:]:
        if eos_id is not None and (row == eos_id).any():
            row = row[:int((row == eos_id).int().argmax()) + 1]  # up to and with the first eos
        completions.append(row)
    return completions


# ------------------------------------------------------------------------- KL to a reference


def token_kl(logits_p: Tensor, logits_q: Tensor, mask: Tensor | None = None,
             dtype: torch.dtype = torch.float32) -> Tensor:
    """Exact KL(p || q) = sum_v p(v) (log p(v) - log q(v)) at every position, from logits (..., V).

    p is the policy, q the reference (the KL penalty of RLHF, Ziegler et al., 2019; Ouyang et al.,
    2022); returns shape logits.shape[:-1], 0 where ``mask`` is 0. Entry t is the KL of the
    distributions *after* position t; for the tokens of a completion (entry t about token t, like
    ``token_logp``) use ``token_kl(logits_p[:, :-1], logits_q[:, :-1], completion_mask[:, 1:])``.
    """
    if logits_p.shape != logits_q.shape:
        raise ValueError(f"logits_p and logits_q must have the same shape (..., V), got "
                         f"{tuple(logits_p.shape)} and {tuple(logits_q.shape)}")
    logp = logits_p.to(dtype).log_softmax(-1)
    logq = logits_q.to(dtype).log_softmax(-1)
    p = logp.exp()
    diff = torch.where(p > 0, logp - logq, 0.0)  # 0 log 0 = 0 (and no NaN gradient there)
    kl = (p * diff).sum(-1)
    if mask is not None:
        if mask.shape != kl.shape:
            raise ValueError(f"mask must have shape {tuple(kl.shape)} (the logits' without V), got "
                             f"{tuple(mask.shape)}")
        kl = kl.masked_fill(~mask.to(device=kl.device, dtype=torch.bool), 0.0)
    return kl


def sampled_kl(logp: Tensor, logq: Tensor, mask: Tensor | None = None, estimator: str = "k1") -> Tensor:
    """Per-token estimate of KL(p || q) from the log-probabilities of tokens sampled from p.

    ``"k1"``: log p(x) - log q(x), unbiased, what RLHF subtracts from the reward per token;
    ``"k3"``: (r - 1) - log r with r = q(x) / p(x), unbiased and never negative (Schulman, 2020,
    "Approximating KL divergence"). ``logp``, ``logq``: e.g. the ``token_logp`` of the policy and of
    the reference on the same tokens. Returns their shape, 0 where ``mask`` is 0.
    """
    if estimator not in KL_ESTIMATORS:
        raise ValueError(f"unknown estimator {estimator!r}; choose one of {KL_ESTIMATORS}")
    if logp.shape != logq.shape:
        raise ValueError(f"logp and logq must have the same shape, got {tuple(logp.shape)} and "
                         f"{tuple(logq.shape)}")
    log_ratio = logq - logp  # log r
    kl = -log_ratio if estimator == "k1" else torch.expm1(log_ratio) - log_ratio
    if mask is not None:
        if mask.shape != kl.shape:
            raise ValueError(f"mask must have the shape of logp, {tuple(kl.shape)}, got {tuple(mask.shape)}")
        kl = kl.masked_fill(~mask.to(device=kl.device, dtype=torch.bool), 0.0)
    return kl


__all__ = [
    "KL_ESTIMATORS",
    "CompletionLogProbs",
    "completion_batch",
    "completion_logprobs",
    "generate_batch",
    "logprobs_from_logits",
    "pad_left",
    "pad_right",
    "padded_logits",
    "sampled_kl",
    "token_kl",
]
