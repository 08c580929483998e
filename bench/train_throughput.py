"""Tokens per second of lmlib's fit() against a plain PyTorch training loop.

Same model (lmlib GPT), same data, same batch, same optimizer, gradient clipping and precision,
same number of steps, run side by side in one process and alternated, so that the ratio is fair
even on a noisy machine. On a GPU it also prints the achieved FLOP/s and the model FLOPs
utilisation (MFU) against the device's peak.

    python bench/train_throughput.py                 # the GPT of the next-word notebook, cpu profile
    python bench/train_throughput.py --steps 200 --rounds 3
    python bench/train_throughput.py --d-model 384 --layers 6 --heads 6 --batch 64 --vocab 4096   # on a GPU
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch
from torch.utils.data import DataLoader, TensorDataset

from lmlib.models.gpt import GPT, GPTConfig
from lmlib.objectives.causal_lm import CausalLM
from lmlib.profile import get_profile, seed_everything
from lmlib.train import fit

# Dense peak FLOP/s of common accelerators in the mixed precision the gpu profile uses.
PEAK_FLOPS = {"H100": 989e12, "H200": 989e12, "A100": 312e12, "L4": 121e12, "T4": 65e12, "A10": 125e12,
              "V100": 125e12}


def peak_flops(device_name: str) -> float | None:
    return next((v for k, v in PEAK_FLOPS.items() if k in device_name), None)


def flops_per_token(cfg: GPTConfig, n_params: int) -> float:
    """Training FLOPs per token: 6N for the weights plus 6 * n_layers * T * d_model for attention
    (Kaplan et al. 2020, Table 1, forward + backward)."""
    return 6 * n_params + 6 * cfg.n_layers * cfg.max_positions * cfg.d_model


def make_data(cfg: GPTConfig, n: int, seed: int) -> TensorDataset:
    g = torch.Generator().manual_seed(seed)
    seq = torch.randint(0, cfg.vocab_size, (n, cfg.max_positions + 1), generator=g)
    return TensorDataset(seq[:, :-1], seq[:, 1:])


def plain_loop(cfg, data, batch_size, steps, device, precision) -> float:
    """A textbook PyTorch loop with the optimizer CausalLM configures; returns seconds."""
    seed_everything(0)
    module = CausalLM(GPT(cfg), lr=1e-3).to(device)
    optimizer = module.configure_optimizers()
    loader = DataLoader(data, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(0), drop_last=True)
    dtype = {"bf16-mixed": torch.bfloat16, "16-mixed": torch.float16}.get(precision)
    scaler = torch.amp.GradScaler(enabled=dtype == torch.float16)
    module.train()
    t0 = time.perf_counter()
    step = 0
    while step < steps:
        for x, y in loader:
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            with torch.autocast(device_type=device, dtype=dtype or torch.float32, enabled=dtype is not None):
                loss = module.step((x, y))["loss"]
            optimizer.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(module.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            step += 1
            if step == steps:
                break
    if device == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - t0


def lmlib_fit(cfg, data, batch_size, steps, precision) -> float:
    seed_everything(0)
    module = CausalLM(GPT(cfg), lr=1e-3)
    loader = DataLoader(data, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(0), drop_last=True)
    t0 = time.perf_counter()
    fit(module, loader, max_steps=steps, verbose=False, precision=precision)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vocab", type=int, default=2048)
    ap.add_argument("--block", type=int, default=128)
    ap.add_argument("--d-model", type=int, default=128)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--precision", default=None,
                    help="override the profile's precision, e.g. 16-mixed (a T4's fp16 with loss scaling)")
    args = ap.parse_args()

    prof = get_profile()
    precision = args.precision or prof.precision
    cfg = GPTConfig(vocab_size=args.vocab, max_positions=args.block, d_model=args.d_model,
                    n_layers=args.layers, n_heads=args.heads, dropout=0.0)
    n_params = GPT(cfg).num_parameters()
    data = make_data(cfg, args.batch * args.steps, seed=0)
    tokens = args.batch * args.block * args.steps
    print(f"{prof}, running {precision}; torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"GPT {n_params:,} parameters, block {args.block}, batch {args.batch}, {args.steps} steps "
          f"= {tokens:,} tokens per run, {args.rounds} rounds alternated")

    plain_loop(cfg, data, args.batch, 5, prof.device, precision)  # warm-up
    plain, lm = [], []
    for _ in range(args.rounds):
        plain.append(tokens / plain_loop(cfg, data, args.batch, args.steps, prof.device, precision))
        lm.append(tokens / lmlib_fit(cfg, data, args.batch, args.steps, precision))
    p, f = statistics.median(plain), statistics.median(lm)
    # Each round runs the two back to back, so a round's ratio is measured under the same load;
    # the median of those ratios is the figure to quote on a shared, noisy machine.
    paired = [b / a for a, b in zip(plain, lm)]
    print(f"plain PyTorch loop: {p:10,.0f} tokens/s  (rounds: {', '.join(f'{x:,.0f}' for x in plain)})")
    print(f"lmlib fit():        {f:10,.0f} tokens/s  (rounds: {', '.join(f'{x:,.0f}' for x in lm)})")
    print(f"ratio fit / plain:  {statistics.median(paired):.3f} (median of the rounds' ratios: "
          f"{', '.join(f'{r:.3f}' for r in paired)}); ratio of the medians {f / p:.3f}")
    if prof.device == "cuda":
        name = torch.cuda.get_device_name()
        achieved = f * flops_per_token(cfg, n_params)
        peak = peak_flops(name)
        print(f"{name}: achieved {achieved / 1e12:.1f} TFLOP/s"
              + (f", MFU {achieved / peak:.1%} of {peak / 1e12:.0f} TFLOP/s peak" if peak else ""))


if __name__ == "__main__":
    main()
