"""Measure tinyworld 2 against the targets of issue 10 (run under `nice`; the KN and GPT parts are slow).

    python bench/tinyworld_targets.py                  # entropy, shares, speed, word types, KN sweep
    python bench/tinyworld_targets.py --train 20000 --orders 4 8 12 16 20
    python bench/tinyworld_targets.py --skip-kn        # only entropy, shares, kinds, word types, speed
    python bench/tinyworld_targets.py --gpt            # also the GPT of the next-word notebook (minutes)

Targets: entropy 0.5-1.0 bits/char; >= 10 % of it in inference-like or long-range decisions;
best KN >= 30 % above the entropy; GPT >= 10 % below the best KN; GPT with 16 characters of
context >= 15 % worse than with full context; >= 1,500 word types that are not names; >= 5 MB/s.
"""

from __future__ import annotations

import argparse
import re
import time

from lmlib.data import tinyworld as tw


def speed(n: int = 20000) -> float:
    tw.default_world()
    t = time.perf_counter()
    chars = len(tw.corpus(tw.generate(n, seed=1)))
    return chars / (time.perf_counter() - t) / 1e6


def cold_speed(n: int = 20000) -> float:
    """MB/s in a fresh process, counting the import and the building of the world and generator."""
    import subprocess
    import sys
    code = ("import time; t = time.perf_counter(); from lmlib.data import tinyworld as tw; "
            f"c = len(tw.corpus(tw.generate({n}, seed=1))); print(c / (time.perf_counter() - t) / 1e6)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def by_kind(docs) -> str:
    out = []
    for kind in tw.KINDS:
        ds = [d for d in docs if d.kind == kind]
        if ds:
            out.append(f"{kind} {tw.entropy_bits_per_char(ds):.3f}")
    return ", ".join(out)


def kn_sweep(train_docs, val_docs, orders):
    from lmlib.ngram import CharNGram
    train, val = tw.corpus(train_docs), tw.corpus(val_docs)
    models = CharNGram.fit_orders(train, orders)
    return {n: m.bits_per_char(val) for n, m in models.items()}


def gpt_bits(train_docs, val_docs, context_chars: int | None, steps: int = 600):
    """The next-word notebook's cpu recipe (BPE 2048, d=128, 4 layers, 600 steps of 16 x 128 tokens);
    with ``context_chars`` the context is cut to about that many characters, and the batch holds
    more windows so that every step still sees 16 x 128 tokens."""
    from lmlib.data.lm import encode_documents, lm_loader
    from lmlib.generate import token_bits
    from lmlib.models.gpt import GPT, GPTConfig
    from lmlib.objectives import CausalLM
    from lmlib.profile import seed_everything
    from lmlib.tokenize.hf import train_bpe
    from lmlib.train import fit
    tok = train_bpe([d.text for d in train_docs], 2048)
    train_ids, val_ids = encode_documents(tok, train_docs), encode_documents(tok, val_docs)
    val_chars = len(tw.corpus(val_docs))
    cpt = val_chars / len(val_ids)
    block = 128 if context_chars is None else max(2, round(context_chars / cpt))
    seed_everything(0)
    gpt = GPT(GPTConfig(vocab_size=tok.get_vocab_size(), max_positions=block, d_model=128, n_layers=4,
                        n_heads=4, dropout=0.0))
    lm = CausalLM(gpt, lr=6e-3, warmup_steps=40, max_steps=steps)
    batch = max(1, 16 * 128 // block)  # the same tokens per step (16 x 128) at every context length
    fit(lm, lm_loader(train_ids, block, batch, stride=1, shuffle=True, seed=0),
        lm_loader(val_ids, block, batch_size=64), max_steps=steps, seed=0, val_every=steps, val_batches=1)
    newline = tok.encode("\n", add_special_tokens=False).ids[0]
    bits = token_bits(lm, val_ids, bos=newline, stride=None if context_chars is None else 1)
    return bits.sum().item() / val_chars, block


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=int, default=5000)
    ap.add_argument("--val", type=int, default=500)
    ap.add_argument("--orders", type=int, nargs="+", default=[4, 6, 8, 10, 12])
    ap.add_argument("--gpt", action="store_true")
    ap.add_argument("--skip-kn", action="store_true", help="stop after entropy, shares, kinds and speed")
    ap.add_argument("--kn-best", type=float, help="with --gpt: the best KN bits/char measured before; skips the sweep")
    ap.add_argument("--steps", type=int, default=600, help="GPT optimizer steps (the notebook's cpu budget: 600)")
    args = ap.parse_args()
    val = tw.generate(args.val, seed=2)
    big = tw.generate(20000, seed=1)
    world = tw.default_world()
    H = tw.entropy_bits_per_char(big)
    shares = tw.bits_by_category(big)
    words = set(re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", tw.corpus(big))) - world.names
    long = sum(len(d.text) > 600 for d in big) / len(big)
    print(f"source entropy: {H:.3f} bits/char over {len(big):,} documents (target 0.5-1.0)")
    print("bits by category: " + ", ".join(f"{k} {100 * v:.1f} %" for k, v in shares.items()))
    print(f"inference share: {100 * shares['inference']:.1f} % (target >= 10 %)")
    print(f"word types that are not names: {len(words):,} (target >= 1,500)")
    print(f"documents longer than 600 characters: {100 * long:.1f} %")
    print(f"bits/char by kind: {by_kind(big)}")
    print(f"speed: warm {speed():.2f} MB/s, cold {cold_speed():.2f} MB/s (target >= 5)")
    if args.skip_kn:
        return
    train = tw.generate(args.train, seed=1)
    Hval = tw.entropy_bits_per_char(val)
    if args.kn_best is None:
        kn = kn_sweep(train, val, args.orders)
        best = min(kn, key=kn.get)
        for n, b in kn.items():
            print(f"KN order {n:2d} on {args.train:,} docs: {b:.3f} bits/char ({100 * (b / Hval - 1):+.0f} % vs entropy {Hval:.3f})")
        print(f"best KN: order {best}, {100 * (kn[best] / Hval - 1):.0f} % above the entropy (target >= 30 %)")
        best_kn = kn[best]
    else:
        best_kn = args.kn_best
    if args.gpt:
        full, _ = gpt_bits(train, val, None, args.steps)
        short, block = gpt_bits(train, val, 16, args.steps)
        print(f"GPT full context, {args.steps} steps: {full:.3f} bits/char, {100 * (1 - full / best_kn):.1f} % below "
              f"the best KN {best_kn:.3f} (target >= 10 %)")
        print(f"GPT with {block} tokens (~16 chars): {short:.3f}, {100 * (short / full - 1):.1f} % worse (target >= 15 %)")


if __name__ == "__main__":
    main()
