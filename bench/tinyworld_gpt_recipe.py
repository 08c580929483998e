"""Which ~1M-parameter GPT recipe gets the lowest validation bits/char on tinyworld 2 at the cpu budget
of the next-word notebook (600 steps of 16 x 128 tokens at d=128, 4 layers)? (run under `nice`)

    python bench/tinyworld_gpt_recipe.py                     # baseline vs best at equal time, and KN
    python bench/tinyworld_gpt_recipe.py --time v4096_d96 d96  # seconds per step, alternated in one process
    python bench/tinyworld_gpt_recipe.py --train v4096_d96_b8 # one candidate at the baseline's time
    python bench/tinyworld_gpt_recipe.py --kn                # Kneser-Ney, orders 6 8 10 12

Cost is compared by time per optimizer step, measured for the candidate and the baseline side by side in
the same process (a few dozen steps each, alternated, median of the step intervals), and a candidate
gets ``round(600 * t_base / t_candidate)`` steps, so that its training takes as long as the baseline's
600. Data: train on ``tw.generate(5000, seed=1)``, validate on ``tw.generate(500, seed=2)``; bits per
character of the whole validation text, as ``bench/tinyworld_targets.py:gpt_bits`` computes them.

Measured 2026-12-04 on 2 quiet cores of an AMD EPYC, lmlib and corpus of commit 70918f7, 1,207 steps
of BEST's shape (BPE 4096, d_model 96, 4 layers, batch 8 x 128 tokens); only the schedule varies.
Train loss: mean over the last 10 % of the steps, nats per BPE token.

    recipe                   lr      warm-up  val bits/char  train loss
    v4096_d96_b8             6e-3     40      1.3620         3.949   (the old best: unstable start)
    v4096_d96_b8_lr1e-3      1e-3     40      1.3216         3.821
    v4096_d96_b8_lr2e-3      2e-3     40      1.1613         3.361
    v4096_d96_b8_lr3e-3      3e-3     40      1.0803         3.135
    v4096_d96_b8_lr4e-3      4e-3     40      1.0674         3.101
    v4096_d96_b8_wu200       6e-3    200      0.9777         2.841   <- BEST
    v4096_d96_b8_wu400       6e-3    400      0.9843         2.869
    v4096_d96_b8_wu200_lr1e-2 1e-2   200      0.9706         2.807   (*)

    (*) 0.7 % better than BEST: less than the 5 % between two training seeds in the next-word notebook.

The warm-up, not the peak rate, was what held the recipe back on this corpus: with 40 steps of
warm-up at 6e-3 it ends 39 % above the same run with 200. Longer runs of BEST (warm-up 200):

    steps   val bits/char  train loss  seconds
    1,207   0.9777         2.841       102
    2,414   0.8031         2.209       211
    4,828   0.6947         1.993       424

Kneser-Ney, from the data notebook's sweep on its 1,000 validation documents (of which this bench's
500 are the first): order 12 on the 5,000 training documents 0.828; the best of orders 1-20 on 3x
the data 0.747 (order 14). Issue 10's target, the GPT 10 % below the best count model (<= 0.672),
is out of reach at the cpu budget: BEST is 31 % above 0.747 after 1,207 steps, 7.5 % above after
2,414, and 7.0 % below after 4,828 (four times the budget), with its loss still falling.

Earlier, on the corpus of commit 729c3bf (before 1a2037b's denser frame), on 2 shared cores (load
2-5 from other jobs), the recipes' shapes were compared at equal wall time: seconds per step from 2
alternated rounds of 20 steps per recipe (base 355-384 ms), warm-up 40, lr 6e-3:

    recipe          vocab d   L batch params    ratio  steps  val bits/char  train loss
    base            2048 128 4  16  1,071,872  1.000   600    1.1323         2.811
    v4096_d112      4096 112 4  16  1,081,248  1.062   565    0.9891         2.929
    L2              2048 128 2  16    675,328  0.609   985    1.2932         3.218
    d96             2048  96 4  16    656,448  0.712   843    1.0356         2.557
    v4096_d96       4096  96 4  16    853,056  0.962   624    0.9924         2.847
    v4096_d96_b8    4096  96 4   8    853,056  0.497  1207    0.9395         2.842   <- best shape
    v4096_d112_b8   4096 112 4   8  1,081,248 ~0.53*  1130    1.1837         3.526  (lr too high at batch 8)
    (* not measured: v4096_d112's ratio halved, as batch 8 measured exactly half of batch 16)
    timed only: v1024 0.830, v4096_L3 1.059, blk64 (x32) 0.928, blk256 (x8) 1.094, batch 32 1.936,
    d96_L6 0.957, v8192_d80 1.233 (an 8192-way softmax costs more than it saves)

BPE 4096 carries 20 % more text per token than 2048 (4.26 chars/token against 3.55; the embeddings
are 46 % of the 853k parameters), and width 96 with batch 8 makes a step cheap enough for twice the
steps in the baseline's time. Every run ends with train loss ~ validation (no over-fitting): the
budget, not the model, is the limit.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

import lightning as L

from lmlib.data import tinyworld as tw

BASE_STEPS = 600  # the next-word notebook's cpu budget


@dataclass(frozen=True)
class Recipe:
    vocab: int = 2048
    d_model: int = 128
    n_layers: int = 4
    n_heads: int = 4
    d_ff: int | None = None  # 4 * d_model
    block: int = 128
    batch: int = 16
    lr: float = 6e-3
    warmup: int = 40
    min_lr_ratio: float = 0.1
    weight_decay: float = 0.1


RECIPES = {
    "base": Recipe(),
    "v1024": Recipe(vocab=1024),
    "v4096_L3": Recipe(vocab=4096, n_layers=3),
    "v4096_d112": Recipe(vocab=4096, d_model=112),
    "d96": Recipe(d_model=96),
    "L2": Recipe(n_layers=2),
    "blk64": Recipe(block=64, batch=32),
    "blk256": Recipe(block=256, batch=8),
    "b32": Recipe(batch=32),
    "d96_L6": Recipe(d_model=96, n_layers=6),
    "v4096_d96": Recipe(vocab=4096, d_model=96),
    "v4096_d96_b8": Recipe(vocab=4096, d_model=96, batch=8),
    "v8192_d80": Recipe(vocab=8192, d_model=80),
    "v4096_d112_b8": Recipe(vocab=4096, d_model=112, batch=8),
    # the learning rate of the best recipe (2026-12-04, on the corpus of 70918f7)
    "v4096_d96_b8_lr3e-3": Recipe(vocab=4096, d_model=96, batch=8, lr=3e-3),
    "v4096_d96_b8_lr2e-3": Recipe(vocab=4096, d_model=96, batch=8, lr=2e-3),
    "v4096_d96_b8_lr1.5e-3": Recipe(vocab=4096, d_model=96, batch=8, lr=1.5e-3),
    "v4096_d96_b8_lr1e-3": Recipe(vocab=4096, d_model=96, batch=8, lr=1e-3),
    "v4096_d96_b8_lr4e-3": Recipe(vocab=4096, d_model=96, batch=8, lr=4e-3),
    "v4096_d96_b8_wu200": Recipe(vocab=4096, d_model=96, batch=8, warmup=200),
    "v4096_d96_b8_wu400": Recipe(vocab=4096, d_model=96, batch=8, warmup=400),
    "v4096_d96_b8_wu200_lr1e-2": Recipe(vocab=4096, d_model=96, batch=8, warmup=200, lr=1e-2),
}


@lru_cache(maxsize=None)
def data():
    return tw.generate(5000, seed=1), tw.generate(500, seed=2)


@lru_cache(maxsize=None)
def tokenized(vocab: int):
    """(tokenizer, train ids, val ids) for a byte-level BPE of ``vocab`` tokens trained on the training docs."""
    from lmlib.data.lm import encode_documents
    from lmlib.tokenize.hf import train_bpe
    train, val = data()
    tok = train_bpe([d.text for d in train], vocab)
    return tok, encode_documents(tok, train), encode_documents(tok, val)


def build(r: Recipe, steps: int):
    from lmlib.models.gpt import GPT, GPTConfig
    from lmlib.objectives import CausalLM
    from lmlib.profile import seed_everything
    tok, _, _ = tokenized(r.vocab)
    seed_everything(0)
    gpt = GPT(GPTConfig(vocab_size=tok.get_vocab_size(), max_positions=r.block, d_model=r.d_model,
                        n_layers=r.n_layers, n_heads=r.n_heads, d_ff=r.d_ff, dropout=0.0))
    return CausalLM(gpt, lr=r.lr, warmup_steps=min(r.warmup, steps - 1), max_steps=steps,
                    min_lr_ratio=r.min_lr_ratio, weight_decay=r.weight_decay)


def loaders(r: Recipe):
    from lmlib.data.lm import lm_loader
    _, train_ids, val_ids = tokenized(r.vocab)
    return (lm_loader(train_ids, r.block, r.batch, stride=1, shuffle=True, seed=0),
            lm_loader(val_ids, r.block, batch_size=64))


class _StepClock(L.Callback):
    """The time at the end of every training batch (one optimizer step)."""

    def __init__(self) -> None:
        self.ends: list[float] = []

    def on_train_batch_end(self, trainer, module, outputs, batch, batch_idx) -> None:
        self.ends.append(time.perf_counter())


def step_seconds(recipes: dict[str, Recipe], rounds: int = 3, steps: int = 20, skip: int = 3) -> dict[str, float]:
    """Median seconds per optimizer step of each recipe, measured in ``rounds`` alternated runs of
    ``skip + steps`` steps (the first ``skip`` intervals of a run are left out: warm-up allocations)."""
    from lmlib.train import fit
    for r in recipes.values():
        tokenized(r.vocab)  # train the tokenizers before any timing
    times: dict[str, list[float]] = {name: [] for name in recipes}
    for _ in range(rounds):
        for name, r in recipes.items():
            lm = build(r, skip + steps + 1)
            train, _ = loaders(r)
            clock = _StepClock()
            fit(lm, train, max_steps=skip + steps + 1, seed=0, verbose=False, callbacks=[clock])
            times[name] += [b - a for a, b in zip(clock.ends[skip:], clock.ends[skip + 1:])]
    return {name: statistics.median(ts) for name, ts in times.items()}


def train_and_score(r: Recipe, steps: int) -> dict:
    """Train recipe ``r`` for ``steps`` steps; its parameters, validation bits/char, final train loss, seconds."""
    from lmlib.generate import token_bits
    from lmlib.train import fit
    tok, _, val_ids = tokenized(r.vocab)
    lm = build(r, steps)
    train, val = loaders(r)
    h = fit(lm, train, val, max_steps=steps, seed=0, val_every=steps, val_batches=1, verbose=False)
    newline = tok.encode("\n", add_special_tokens=False).ids[0]
    bits = token_bits(lm, val_ids, bos=newline)
    val_chars = len(tw.corpus(data()[1]))
    return dict(params=lm.model.num_parameters(), steps=steps, bits_per_char=bits.sum().item() / val_chars,
                train_loss=h.train["loss"][-1], seconds=h.seconds,
                chars_per_token=val_chars / len(val_ids))


def kn(orders=(6, 8, 10, 12)) -> dict[int, float]:
    from lmlib.ngram import CharNGram
    train, val = data()
    models = CharNGram.fit_orders(tw.corpus(train), list(orders))
    return {n: m.bits_per_char(tw.corpus(val)) for n, m in models.items()}


def equal_time_steps(name: str, ratio: float) -> int:
    return BASE_STEPS if name == "base" else round(BASE_STEPS / ratio)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--time", nargs="+", metavar="RECIPE", help="seconds per step of these recipes and the baseline")
    ap.add_argument("--train", nargs="+", metavar="RECIPE", help="time against the baseline, then train at its time")
    ap.add_argument("--steps", type=int, help="with --train: this many steps instead of the equal-time number")
    ap.add_argument("--kn", action="store_true", help="Kneser-Ney orders 6, 8, 10, 12")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if args.kn:
        for n, b in kn().items():
            print(f"KN order {n:2d}: {b:.4f} bits/char", flush=True)
        return
    names = args.time or args.train or ["base", BEST]
    names = ["base"] + [n for n in names if n != "base"]
    recipes = {n: RECIPES[n] for n in names}
    t = step_seconds(recipes, rounds=args.rounds)
    for n in names:
        print(f"{n}: {1000 * t[n]:.1f} ms/step, ratio to base {t[n] / t['base']:.3f}", flush=True)
    if args.time:
        return
    results = {}
    for n in names:
        if args.train and n == "base" and "base" not in args.train:
            continue
        steps = args.steps or equal_time_steps(n, t[n] / t["base"])
        res = results[n] = train_and_score(recipes[n], steps)
        print(f"{n}: {res['params']:,} params, {steps} steps (ratio {t[n] / t['base']:.3f}), "
              f"{res['bits_per_char']:.4f} bits/char, train loss {res['train_loss']:.4f}, "
              f"{res['seconds']:.0f} s, {res['chars_per_token']:.2f} chars/token; {asdict(recipes[n])}", flush=True)
    if not args.train:
        k = kn()
        for n, b in k.items():
            print(f"KN order {n:2d}: {b:.4f} bits/char", flush=True)
        best_kn = min(k.values())
        for n, res in results.items():
            print(f"{n}: {100 * (1 - res['bits_per_char'] / best_kn):+.1f} % below the best KN {best_kn:.4f}")


BEST = "v4096_d96_b8_wu200"

if __name__ == "__main__":
    main()
