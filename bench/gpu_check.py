"""The GPU check: run every notebook at the gpu profile with a step cap, and measure it.

For each notebook it prints the wall time and, for every training run inside it (each fit()),
the tokens per second and the model FLOPs utilisation (MFU) against the device's peak. Notebooks
run from a temporary copy: the committed notebooks (cpu-profile outputs) are never touched.
Prepared to finish in under 8 minutes on one H100:

    python bench/gpu_check.py --max-steps 300 --out gpu_check.json    # or: make gpu-check

MFU here counts 6N FLOPs per token (N = trained parameters), the usual estimate; it ignores
attention's share, so it slightly underestimates long-context runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from train_throughput import peak_flops  # noqa: E402


def notebooks() -> list[Path]:
    return sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def run_notebook(path: Path, max_steps: int, timeout: int, workdir: Path) -> dict:
    log = workdir / (path.stem + ".fits.jsonl")
    copy = workdir / path.relative_to(ROOT)
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, copy)
    env = dict(os.environ, LMLIB_PROFILE="gpu", LMLIB_MAX_STEPS=str(max_steps), LMLIB_FIT_LOG=str(log))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "jupyter", "execute", "--inplace", f"--timeout={timeout}",
                           str(copy)], env=env, capture_output=True, text=True, cwd=copy.parent)
    seconds = time.perf_counter() - t0
    fits = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    for f in fits:
        f["tokens_per_second"] = f["tokens"] / f["seconds"] if f["seconds"] else 0.0
        peak = peak_flops(f.get("device_name", ""))
        f["mfu"] = 6 * f["parameters"] * f["tokens_per_second"] / peak if peak and f["tokens"] else None
    return {"notebook": str(path.relative_to(ROOT)), "ok": proc.returncode == 0, "seconds": seconds,
            "fits": fits, "error": proc.stderr[-2000:] if proc.returncode else ""}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-steps", type=int, default=300, help="cap on every fit() (LMLIB_MAX_STEPS)")
    ap.add_argument("--timeout", type=int, default=300, help="per-cell timeout in seconds")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    args = ap.parse_args()

    import torch
    if not torch.cuda.is_available():
        print("no CUDA device: the GPU check needs one (it runs the gpu profile)", file=sys.stderr)
        return 2
    device = torch.cuda.get_device_name()
    print(f"GPU check on {device}, torch {torch.__version__}, step cap {args.max_steps}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in notebooks():
            r = run_notebook(path, args.max_steps, args.timeout, Path(tmp))
            results.append(r)
            status = "ok" if r["ok"] else "FAILED"
            print(f"{r['notebook']:<60} {status:>6} {r['seconds']:7.1f} s", flush=True)
            for f in r["fits"]:
                mfu = f"{f['mfu']:.1%}" if f["mfu"] is not None else "n/a"
                print(f"    fit: {f['steps']} steps, {f['parameters']:,} params, "
                      f"{f['tokens_per_second']:,.0f} tokens/s, MFU {mfu}")
            if not r["ok"]:
                print(r["error"], file=sys.stderr)
    total = sum(r["seconds"] for r in results)
    print(f"total {total:.1f} s for {len(results)} notebooks")
    if args.out:
        args.out.write_text(json.dumps({"device": device, "max_steps": args.max_steps,
                                        "results": results}, indent=2))
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
