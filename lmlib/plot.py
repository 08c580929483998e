"""The book's figures: small matplotlib helpers with titles, axes and units."""

from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.6))
    return ax


def plot_history(history, key: str = "loss", ax=None, title: str | None = None,
                 label: str | None = None):
    """Training (and validation, if any) ``key`` against optimizer steps."""
    ax = _axes(ax)
    prefix = f"{label} " if label else ""
    if key in history.train:
        ax.plot(history.train_steps, history.train[key], label=f"{prefix}train")
    if key in history.val:
        ax.plot(history.val_steps, history.val[key], "o-", label=f"{prefix}validation")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel(key)
    ax.set_title(title or f"{key} during training")
    ax.grid(alpha=0.3)
    ax.legend()
    return ax


def plot_zipf(counts: Sequence[int], ax=None, title: str = "Word frequency by rank",
              label: str | None = None, reference: bool = True):
    """Frequencies sorted by rank on log-log axes, with the 1/rank line for reference."""
    ax = _axes(ax)
    freq = np.sort(np.asarray(counts, dtype=float))[::-1]
    rank = np.arange(1, len(freq) + 1)
    ax.loglog(rank, freq, label=label or "observed")
    if reference:
        ax.loglog(rank, freq[0] / rank, "--", color="grey", label="∝ 1/rank (Zipf)")
    ax.set_xlabel("rank of the word")
    ax.set_ylabel("count")
    ax.set_title(title)
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    return ax


def bar(values: Mapping[str, float], ax=None, title: str = "", ylabel: str = "",
        line: float | None = None, line_label: str = "", fmt: str = "{:.3f}"):
    """A labelled bar chart with an optional horizontal reference line (e.g. the entropy)."""
    ax = _axes(ax)
    names, heights = list(values), list(values.values())
    bars = ax.bar(names, heights, color="tab:blue")
    ax.bar_label(bars, labels=[fmt.format(h) for h in heights], fontsize=8)
    if line is not None:
        ax.axhline(line, color="tab:red", ls="--", label=line_label)
        ax.legend()
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=30)
    return ax


def attention_map(weights, tokens: Sequence[str], ax=None, title: str | None = None):
    """One head's attention weights (T, T) as an image: row i (a query) over the keys it attends to.

    ``weights``: a (T, T) array or tensor, e.g. ``model.encode(ids, output_attentions=True)
    .attentions[layer][0, head]``; ``tokens``: the T tokens, the tick labels of both axes.
    """
    w = np.asarray(weights.detach().float().cpu() if hasattr(weights, "detach") else weights, dtype=float)
    if w.ndim != 2 or w.shape[0] != w.shape[1] or w.shape[0] != len(tokens):
        raise ValueError(f"attention_map: weights must have shape (T, T) with T = len(tokens) = {len(tokens)}, "
                         f"got shape {w.shape}")
    if ax is None:
        size = min(10.0, 2.0 + 0.35 * len(tokens))
        _, ax = plt.subplots(figsize=(size + 1.0, size))
    image = ax.imshow(w, cmap="viridis", vmin=0.0)
    ticks = np.arange(len(tokens))
    ax.set_xticks(ticks, labels=list(tokens), rotation=90, fontsize=8)
    ax.set_yticks(ticks, labels=list(tokens), fontsize=8)
    ax.set_xlabel("key (attended to)")
    ax.set_ylabel("query (attending)")
    ax.set_title(title or "attention weights")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="weight")
    return ax
