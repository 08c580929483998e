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


def input_representation(tokens: Sequence[str], token_type_ids: Sequence[int], ax=None,
                         title: str = "BERT's input: token + segment + position embeddings"):
    """BERT's input representation (Devlin et al., 2019, figure 2) for one real input: for every token
    its token, segment and position embedding, whose sum (after LayerNorm) is what the first layer reads.

    ``tokens``: the T tokens (e.g. ``tokenizer.encode(a, b).tokens``); ``token_type_ids``: their T
    segment ids (0 = sentence A, 1 = sentence B).
    """
    T = len(tokens)
    if len(token_type_ids) != T or T == 0:
        raise ValueError(f"input_representation: need one segment id per token and at least one token, got "
                         f"{T} tokens and {len(token_type_ids)} segment ids")
    if ax is None:
        _, ax = plt.subplots(figsize=(min(16.0, 1.0 + 1.05 * T), 3.4))
    rows = [("input", [str(t) for t in tokens], None),
            ("token", [f"E_{t}" for t in tokens], "#cfe2f3"),
            ("segment", [f"E_{'AB'[int(s)] if int(s) < 2 else s}" for s in token_type_ids], None),
            ("position", [f"E_{i}" for i in range(T)], "#d9ead3")]
    segment_colours = ("#fce5cd", "#ead1dc")
    for r, (name, labels, colour) in enumerate(rows):
        y = -1.3 * r
        ax.text(-0.7, y, name, ha="right", va="center", fontsize=9, style="italic")
        for i, label in enumerate(labels):
            face = colour or (segment_colours[int(token_type_ids[i]) % 2] if name == "segment" else "white")
            ax.add_patch(plt.Rectangle((i - 0.45, y - 0.4), 0.9, 0.8, facecolor=face, edgecolor="grey"))
            ax.text(i, y, label, ha="center", va="center", fontsize=8 if len(label) < 9 else 6.5)
            if r >= 2:
                ax.text(i, y + 0.65, "+", ha="center", va="center", fontsize=10)
    ax.set_xlim(-2.2, T - 0.4)
    ax.set_ylim(-1.3 * (len(rows) - 1) - 0.6, 0.6)
    ax.set_title(title)
    ax.axis("off")
    return ax


def gpt_parameters(config) -> dict[str, int]:
    """The parameters of a ``GPTConfig``'s model, part by part (they sum to ``GPT(config).num_parameters()``;
    the LM head is tied to the token embedding, so it adds none)."""
    d, V, P, L = config.d_model, config.vocab_size, config.max_positions, config.n_layers
    d_ff = config.d_ff or 4 * d
    return {"token embedding": V * d, "position embedding": P * d,
            "attention (all blocks)": L * (3 * d * d + 3 * d + d * d + d),
            "MLP (all blocks)": L * (d * d_ff + d_ff + d_ff * d + d),
            "LayerNorms": L * 4 * d + 2 * d}


def gpt_architecture(config, ax=None, title: str | None = None):
    """GPT's architecture as a block diagram with the sizes of ``config`` (a ``GPTConfig``): embeddings,
    ``n_layers`` pre-LN blocks (LayerNorm, causal multi-head attention, residual; LayerNorm, MLP, residual),
    the final LayerNorm and the LM head tied to the token embedding, with each part's parameter count."""
    d, V, P, L, h = config.d_model, config.vocab_size, config.max_positions, config.n_layers, config.n_heads
    d_ff = config.d_ff or 4 * d
    n = gpt_parameters(config)
    if ax is None:
        _, ax = plt.subplots(figsize=(8.0, 9.0))
    x0, x1, mid, side = 1.2, 6.8, 4.0, 0.5  # boxes from x0 to x1, the main line at mid, residuals at side
    boxes = [  # (y, label, colour), bottom to top
        (0.0, f"token ids $x_1 \\dots x_T$  (T ≤ {P})", "white"),
        (1.0, f"token embedding {V}×{d} ({n['token embedding']:,})\n"
              f"+ position embedding {P}×{d} ({n['position embedding']:,})", "#cfe2f3"),
        (2.3, "LayerNorm", "#eeeeee"),
        (3.2, f"causal multi-head attention: {h} heads of {d // h}\n"
              f"softmax($QK^\\top/\\sqrt{{{d // h}}}$ + mask) $V$, then {d}×{d}", "#fce5cd"),
        (4.6, "LayerNorm", "#eeeeee"),
        (5.5, f"MLP: {d} → {d_ff} → {d}, GELU", "#d9ead3"),
        (6.9, "final LayerNorm", "#eeeeee"),
        (7.8, f"LM head: {d} → {V} logits (tied to the\ntoken embedding), softmax", "#cfe2f3"),
        (8.8, "P(next token | tokens so far), at every position", "white"),
    ]
    for y, label, colour in boxes:
        ax.add_patch(plt.Rectangle((x0, y - 0.34), x1 - x0, 0.68, facecolor=colour, edgecolor="grey"))
        ax.text(mid, y, label, ha="center", va="center", fontsize=8.5)
    plus = (3.95, 6.25)  # where each sublayer's output is added back to its input
    stops = sorted([b[0] for b in boxes] + list(plus))
    for y0, y1 in zip(stops, stops[1:]):
        lo = y0 + (0.15 if y0 in plus else 0.35)
        hi = y1 - (0.15 if y1 in plus else 0.35)
        ax.annotate("", (mid, hi), (mid, lo), arrowprops=dict(arrowstyle="->", color="grey"))
    for y_from, y_plus in ((1.75, plus[0]), (4.15, plus[1])):  # residual: x + sublayer(LayerNorm(x))
        ax.add_patch(plt.Circle((mid, y_plus), 0.15, facecolor="white", edgecolor="tab:red"))
        ax.text(mid, y_plus, "+", ha="center", va="center", fontsize=10, color="tab:red")
        ax.plot([mid, side, side], [y_from, y_from, y_plus], color="tab:red", lw=1.2)
        ax.annotate("", (mid - 0.15, y_plus), (side, y_plus),
                    arrowprops=dict(arrowstyle="->", color="tab:red", lw=1.2))
        ax.text(side - 0.1, (y_from + y_plus) / 2, "residual", rotation=90, ha="right", va="center",
                fontsize=8, color="tab:red")
    ax.add_patch(plt.Rectangle((-0.3, 1.7), x1 + 0.5, 4.8, fill=False, edgecolor="black", ls="--"))
    ax.text(x1 + 0.4, 4.1, f"× {L} blocks\n\nattention\n{n['attention (all blocks)']:,}\n\n"
            f"MLP\n{n['MLP (all blocks)']:,}\n\nLayerNorms\n(with the final)\n{n['LayerNorms']:,}",
            ha="left", va="center", fontsize=8)
    ax.set_xlim(-0.6, x1 + 2.0)
    ax.set_ylim(-0.5, 9.3)
    ax.set_aspect("equal")
    ax.set_title(title or f"GPT (pre-LN): {sum(n.values()):,} parameters")
    ax.axis("off")
    return ax
