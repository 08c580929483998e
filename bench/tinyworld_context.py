"""How much does the next-word GPT gain from reading the whole document? The same recipe trained and
scored with its context cut to about 16 characters, against full context (issue 10's target: the cut
model at least 15 % worse). Run under `nice`; minutes.

    python bench/tinyworld_context.py                  # full context and ~16 characters
    python bench/tinyworld_context.py --chars 16 32    # several cuts
    python bench/tinyworld_context.py --steps 300      # a shorter budget (a quick look)

The recipe is ``bench/tinyworld_gpt_recipe.py``'s best at the next-word notebook's cpu budget
(``BEST``: BPE 4096, d_model 96, 4 layers, batch 8 x 128 tokens, warm-up 200, 1,207 steps), on its data
(train ``tw.generate(5000, seed=1)``, validate on ``tw.generate(500, seed=2)``). A cut to ``c``
characters trains on windows of ``k + 1`` tokens, ``k = round(c / chars per token)``, with as many
windows per batch as keep the tokens per step at 8 x 128, and scores every validation token from
exactly the ``k`` tokens before it (``token_bits(..., stride=1)``); full context scores with windows
of 128 tokens moved by 64, so every token sees 64 to 127 tokens before it.

Measured 2026-12-04 on 2 quiet cores of an AMD EPYC, lmlib and corpus of commit 70918f7:

    full context   block 128, batch 8                  0.9777 bits/char (trained in 102 s)
    ~16 chars      block 5 (k = 4 tokens, 16.5 chars),
                   batch 204                            1.0054 bits/char, +2.8 % (trained in 87 s)

Issue 10's target (the cut model >= 15 % worse) is not met at this budget. The model is far from
the source (0.98 bits/char against an entropy of 0.379 and the best count model's 0.747): in 1,207
steps it has learned words and local phrasing, which 4 tokens of context carry, and barely the
links across sentences that only a long context can use. What a long context could buy is large: the best
count model, whose context is at most 13 characters, stays at 0.747, twice the entropy.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tinyworld_gpt_recipe import BEST, RECIPES, build, data, tokenized  # noqa: E402

from lmlib.data import tinyworld as tw  # noqa: E402


def score(chars: int | None, steps: int) -> dict:
    """Train the best recipe with context cut to about ``chars`` characters (None: full) and score it."""
    from lmlib.data.lm import lm_loader
    from lmlib.generate import token_bits
    from lmlib.train import fit
    r = RECIPES[BEST]
    tok, train_ids, val_ids = tokenized(r.vocab)
    val_chars = len(tw.corpus(data()[1]))
    cpt = val_chars / len(val_ids)
    if chars is not None:
        k = max(1, round(chars / cpt))
        r = replace(r, block=k + 1, batch=r.batch * r.block // (k + 1))
    lm = build(r, steps)
    t0 = time.perf_counter()
    fit(lm, lm_loader(train_ids, r.block, r.batch, stride=1, shuffle=True, seed=0),
        lm_loader(val_ids, r.block, batch_size=64), max_steps=steps, seed=0, val_every=steps, val_batches=1,
        verbose=False)
    train_s = time.perf_counter() - t0
    newline = tok.encode("\n", add_special_tokens=False).ids[0]
    bits = token_bits(lm, val_ids, bos=newline, stride=None if chars is None else 1, batch_size=1024)
    return dict(block=r.block, batch=r.batch, context_chars=(r.block - 1) * cpt,
                bits_per_char=bits.sum().item() / val_chars, train_s=train_s)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, nargs="+", default=[16])
    ap.add_argument("--steps", type=int, default=1207)
    args = ap.parse_args()
    full = score(None, args.steps)
    print(f"full context: block {full['block']}, batch {full['batch']}, {args.steps} steps: "
          f"{full['bits_per_char']:.4f} bits/char (trained in {full['train_s']:.0f} s)", flush=True)
    for c in args.chars:
        cut = score(c, args.steps)
        print(f"context ~{c} chars: block {cut['block']} (k = {cut['block'] - 1} tokens, "
              f"{cut['context_chars']:.1f} chars), batch {cut['batch']}: {cut['bits_per_char']:.4f} bits/char, "
              f"{100 * (cut['bits_per_char'] / full['bits_per_char'] - 1):+.1f} % against full context "
              f"(trained in {cut['train_s']:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
