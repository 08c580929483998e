"""Decoding from a causal language model, and measuring it in bits per character.

``generate`` appends tokens one at a time. Each step turns the logits of the last position into a
distribution (:func:`next_token_probs`: temperature, then top-k, then top-p) and either takes its
most likely token (``greedy``) or draws one (``sample``) with a ``torch.Generator`` seeded by
``seed``, so that the same seed gives the same text on the same device.

- temperature T divides the logits: T < 1 sharpens the distribution, T > 1 flattens it;
- top-k keeps the k most probable tokens (Fan et al., 2018);
- top-p (nucleus sampling) keeps the smallest set of most probable tokens whose probability adds
  up to at least p (Holtzman et al., 2020).

Context: the model sees at most ``max_positions`` tokens, so a prompt longer than that, and any
text generated beyond it, is cropped to its last ``max_positions`` tokens (a sliding window, as in
GPT-2). The returned tensor always holds the whole prompt followed by the new tokens.

``bits_per_char`` scores a token stream with sliding windows in float64 and divides by the number
of characters of the text, so that models with different tokenizers, count models and the source
entropy are compared on one scale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from lmlib._checks import int_at_least, positive_int
from lmlib.inference import evaluating

STRATEGIES = ("greedy", "sample")


def _unwrap(model: nn.Module) -> nn.Module:
    """The GPT inside a CausalLM (or the model itself)."""
    inner = getattr(model, "model", None)
    return inner if isinstance(inner, nn.Module) and hasattr(inner, "config") else model


def _logits(model: nn.Module, idx: Tensor) -> Tensor:
    out = model(idx)
    return out[0] if isinstance(out, tuple) else out


def _as_batch(idx: Tensor | Sequence[int], vocab_size: int, device) -> tuple[Tensor, bool]:
    idx = torch.as_tensor(idx, dtype=torch.long, device=device)
    single = idx.dim() == 1
    if single:
        idx = idx[None]
    if idx.dim() != 2 or idx.shape[1] == 0:
        raise ValueError(f"the prompt must be token ids of shape (T,) or (B, T) with T >= 1, got {tuple(idx.shape)}")
    if idx.min() < 0 or idx.max() >= vocab_size:
        raise ValueError(f"prompt token ids must lie in [0, {vocab_size}), got values from "
                         f"{idx.min().item()} to {idx.max().item()}")
    return idx, single


def check_sampling(strategy: str, temperature: float, top_k: int | None, top_p: float | None) -> None:
    """Raise a clear ValueError for a strategy or sampling knob that makes no sense."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}; choose one of {STRATEGIES}")
    if strategy == "sample" and not temperature > 0:
        raise ValueError(f"sampling needs temperature > 0, got {temperature!r}; "
                         "for the most likely token use strategy='greedy'")
    positive_int("top_k", top_k, none_ok=True)
    if top_p is not None and not 0 < top_p <= 1:
        raise ValueError(f"top_p must be in (0, 1] or None, got {top_p!r}")


def next_token_probs(logits: Tensor, temperature: float = 1.0, top_k: int | None = None,
                     top_p: float | None = None) -> Tensor:
    """The sampling distribution (..., V) from next-token logits (..., V): logits / temperature,
    softmax, then only the top-k tokens and the top-p nucleus kept (and renormalised)."""
    check_sampling("sample", temperature, top_k, top_p)
    probs = F.softmax(logits.float() / temperature, dim=-1)
    if top_k is not None and top_k < probs.shape[-1]:
        kth = torch.topk(probs, top_k, dim=-1).values[..., -1:]  # the k-th largest probability
        probs = probs.masked_fill(probs < kth, 0.0)
    if top_p is not None and top_p < 1:
        sorted_p, order = probs.sort(dim=-1, descending=True)
        before = sorted_p.cumsum(-1) - sorted_p  # probability of the more likely tokens
        drop = before >= top_p * sorted_p.sum(-1, keepdim=True)  # the nucleus is already complete
        probs = probs.scatter(-1, order, sorted_p.masked_fill(drop, 0.0))
    return probs / probs.sum(-1, keepdim=True)


@torch.no_grad()
def sample_tokens(model: nn.Module, idx: Tensor, max_new_tokens: int, *, strategy: str = "sample",
                  temperature: float = 1.0, top_k: int | None = None, top_p: float | None = None,
                  generator: torch.Generator | None = None, stop_id: int | None = None) -> Tensor:
    """The decoding loop: idx (B, T) followed by up to ``max_new_tokens`` tokens, as (B, T + n).

    Each step feeds the last ``max_positions`` tokens to ``model`` (a GPT, in the mode it is in) and
    appends the most likely next token (``"greedy"``) or one drawn from :func:`next_token_probs`
    with ``generator`` (``"sample"``; None draws from the global RNG). With ``stop_id`` the loop
    ends once every sequence has produced that token; a sequence that stopped is padded with it.
    :func:`generate` and ``GPT.generate`` both decode with this loop.
    """
    check_sampling(strategy, temperature, top_k, top_p)
    done = torch.zeros(idx.shape[0], dtype=torch.bool, device=idx.device)
    for _ in range(max_new_tokens):
        context = idx[:, -model.config.max_positions:]  # crop to what the model can see
        logits = _logits(model, context)[:, -1, :]  # (B, V): the prediction for the next token
        if strategy == "greedy":
            next_id = logits.argmax(dim=-1, keepdim=True)
        else:
            probs = next_token_probs(logits, temperature, top_k, top_p)
            next_id = torch.multinomial(probs, num_samples=1, generator=generator)  # (B, 1)
        if stop_id is not None:
            next_id = next_id.masked_fill(done[:, None], stop_id)
            done |= next_id[:, 0] == stop_id
        idx = torch.cat([idx, next_id], dim=1)
        if stop_id is not None and bool(done.all()):
            break
    return idx


def generate(model: nn.Module, idx: Tensor | Sequence[int], max_new_tokens: int, *,
             strategy: str = "sample", temperature: float = 1.0, top_k: int | None = None,
             top_p: float | None = None, seed: int = 0, stop_id: int | None = None) -> Tensor:
    """The prompt ``idx`` ((T,) or (B, T) token ids) followed by up to ``max_new_tokens`` new tokens.

    ``strategy="greedy"`` takes the most likely token each step (temperature, top_k and top_p are
    then unused); ``"sample"`` draws from :func:`next_token_probs` with a generator seeded by
    ``seed``. With ``stop_id`` generation ends once every sequence has produced that token (a
    sequence that stopped early is padded with it). Works on a GPT or a CausalLM, in eval mode
    for the duration of the call (see :func:`sample_tokens` for the loop).
    """
    int_at_least("max_new_tokens", max_new_tokens, 0)
    check_sampling(strategy, temperature, top_k, top_p)
    gpt = _unwrap(model)
    device = next(gpt.parameters()).device
    idx, single = _as_batch(idx, gpt.config.vocab_size, device)
    generator = torch.Generator(device=device).manual_seed(seed)
    with evaluating(gpt):
        idx = sample_tokens(gpt, idx, max_new_tokens, strategy=strategy, temperature=temperature,
                            top_k=top_k, top_p=top_p, generator=generator, stop_id=stop_id)
    return idx[0] if single else idx


def token_bits(model: nn.Module, ids: Tensor | Sequence[int], block_size: int | None = None,
               stride: int | None = None, bos: int | None = None, batch_size: int = 64) -> Tensor:
    """-log2 p of every token of the stream ``ids`` given the tokens before it (float64, shape (N,)).

    Sliding windows of ``block_size`` tokens (default: the model's ``max_positions``) start every
    ``stride`` tokens (default: block_size // 2); each window scores only the tokens that earlier
    windows did not, so every token is predicted from at least ``block_size - stride`` tokens of
    context (all of them when fewer precede it) and at most ``block_size - 1``. ``stride=1`` gives
    every token the longest context the window allows. ``bos`` is a token assumed to precede the
    stream (e.g. the document separator), so that the first token is predicted too; without it
    the first token cannot be predicted and its entry is NaN.
    """
    gpt = _unwrap(model)
    device = next(gpt.parameters()).device
    block_size = block_size or gpt.config.max_positions
    if not 2 <= block_size <= gpt.config.max_positions:
        raise ValueError(f"block_size must be in [2, max_positions={gpt.config.max_positions}], got {block_size}")
    stride = stride or max(1, block_size // 2)
    if not 1 <= stride <= block_size - 1:
        raise ValueError(f"stride must be in [1, block_size - 1 = {block_size - 1}], got {stride}")
    stream, _ = _as_batch(ids, gpt.config.vocab_size, "cpu")
    stream = stream[0]
    n = len(stream)
    if bos is not None:
        stream = torch.cat([torch.tensor([bos]), stream])
    offset = 1 if bos is not None else 0  # stream[j] is token j - offset of ids
    # windows: (start, first position scored within the window); token stream[p] is predicted at p-1
    windows, scored_to = [], 0  # stream positions < scored_to are done (position 0 is never scored)
    start = 0
    while True:
        end = min(start + block_size, len(stream))
        windows.append((start, max(scored_to, start + 1) - start, end - start))
        scored_to = end
        if end == len(stream):
            break
        start += stride
        if start + block_size > len(stream):  # last window: flush with the end of the stream
            start = max(0, len(stream) - block_size)
    bits = torch.full((len(stream),), float("nan"), dtype=torch.float64)
    with evaluating(gpt):
        for b in range(0, len(windows), batch_size):
            chunk = windows[b:b + batch_size]
            width = max(w[2] for w in chunk)
            x = torch.stack([F.pad(stream[s:s + length], (0, width - length)) for s, _, length in chunk])
            logits = _logits(gpt, x.to(device))  # (B, W, V)
            start, first, length = torch.tensor(chunk).T
            count = length - first  # how many tokens each window scores: positions first .. length-1
            row = torch.repeat_interleave(torch.arange(len(chunk)), count)
            pos = torch.arange(int(count.sum())) - torch.repeat_interleave(count.cumsum(0) - count - first, count)
            at = start[row] + pos  # the stream position of each scored token
            # the float64 softmax only at the positions that score a token: (n_scored, V)
            logp = logits[row.to(logits.device), (pos - 1).to(logits.device)].double().log_softmax(-1).cpu()
            bits[at] = -logp[torch.arange(len(at)), stream[at]] / math.log(2)
    return bits[offset:offset + n]


def continuation_bits(model: nn.Module, contexts: Sequence[Sequence[int]],
                      continuations: Sequence[Sequence[int]], batch_size: int = 64) -> Tensor:
    """-log2 p(continuation | context) of each pair, summed over the continuation's tokens (float64, (n,)).

    The way to ask a model which of several answers it prefers: score each candidate after the
    same context. A context longer than the model's positions leave room for is cut from the left
    (the model would only see its last tokens anyway); every context needs at least one token,
    every continuation one token and fewer than ``max_positions``.
    """
    gpt = _unwrap(model)
    device, P = next(gpt.parameters()).device, gpt.config.max_positions
    if len(contexts) != len(continuations):
        raise ValueError(f"got {len(contexts)} contexts but {len(continuations)} continuations; "
                         "pass one context per continuation")
    pairs = []
    for i, (ctx, cont) in enumerate(zip(contexts, continuations)):
        ctx, cont = list(ctx), list(cont)
        if not ctx or not 1 <= len(cont) < P:
            raise ValueError(f"pair {i}: need a context of at least one token and a continuation of 1 to "
                             f"{P - 1} tokens, got {len(ctx)} and {len(cont)}")
        seq = ctx[-(P - len(cont)):] + cont
        if min(seq) < 0 or max(seq) >= gpt.config.vocab_size:
            raise ValueError(f"pair {i}: token ids must lie in [0, {gpt.config.vocab_size})")
        pairs.append((seq, len(cont)))
    bits = torch.zeros(len(pairs), dtype=torch.float64)
    with evaluating(gpt):
        for b in range(0, len(pairs), batch_size):
            chunk = pairs[b:b + batch_size]
            width = max(len(seq) for seq, _ in chunk)
            x = torch.tensor([seq + [0] * (width - len(seq)) for seq, _ in chunk])  # pad at the end
            logits = _logits(gpt, x.to(device))  # causal: the padding changes no scored position
            for j, (seq, k) in enumerate(chunk):
                logp = logits[j, len(seq) - k - 1:len(seq) - 1].double().log_softmax(-1).cpu()
                bits[b + j] = -logp[torch.arange(k), torch.tensor(seq[-k:])].sum() / math.log(2)
    return bits


def bits_per_char(model: nn.Module, ids: Tensor | Sequence[int], n_chars: int, block_size: int | None = None,
                  stride: int | None = None, bos: int | None = None, batch_size: int = 64) -> float:
    """The model's total -log2 probability of the token stream ``ids`` divided by ``n_chars``, the
    number of characters of the text the stream encodes (see :func:`token_bits` for the windows).

    Tokens carry different numbers of characters, so bits per token of two tokenizers cannot be
    compared; bits per character can, with the n-gram models and with the source entropy.
    """
    if n_chars < 1:
        raise ValueError(f"n_chars must be positive, got {n_chars!r}")
    bits = token_bits(model, ids, block_size, stride, bos, batch_size)
    if bos is None:
        bits = bits[1:]  # the first token cannot be predicted without a token before it
    return bits.sum().item() / n_chars


__all__ = ["STRATEGIES", "bits_per_char", "check_sampling", "continuation_bits", "generate", "next_token_probs", "sample_tokens",
           "token_bits"]
