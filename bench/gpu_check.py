"""The GPU check: run every notebook at the gpu profile with a step cap, and measure it.

For each notebook it prints the wall time, its slowest cells and, for every training run inside it
(each ``fit()``), the tokens per second and the model FLOPs utilisation (MFU) against the device's
peak. The committed notebooks (cpu-profile outputs) are never touched. Prepared to finish in under
8 minutes on one H100:

    python bench/gpu_check.py --max-steps 300 --out gpu_check.json    # or: make gpu-check

The notebooks that do no GPU work (tokenizers, count models) can run in a second lane beside the
others (``--alongside``), which is how the check fits its time on a machine with many CPU cores.

Two runners. ``python`` (the default; it needs no Jupyter, which a bare GPU image lacks) executes
the code cells in order in one fresh Python process, which is what a kernel does minus the rich
display, and times each cell. A step-capped run cannot be held to the results a page states (a
model trained for 300 of its 4,000 steps need not beat the n-gram), so the hidden assertion cells
run but their failures are reported, not counted as errors; any other exception fails the
notebook. ``jupyter`` executes a temporary copy of each notebook with ``jupyter execute`` instead:
closer to a reader's run, but it stops at the first failed assertion and counts it as a failure.

MFU counts 6N FLOPs per token (N = trained parameters), the usual estimate; it ignores
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
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from train_throughput import peak_flops  # noqa: E402

ASSERTION_MARK = "# The results this page states must hold"
# For the estimate of a full (uncapped) run on a Colab T4: its dense fp16 peak, and an assumed
# model FLOPs utilisation (no T4 was at hand to measure one).
T4_PEAK, T4_ASSUMED_MFU = 65e12, 0.25


def full_run_estimate(r: dict) -> dict:
    """Seconds of a notebook's full run (no step cap): measured here, and on a T4 by FLOPs.

    Each capped fit is scaled to its requested steps; the rest of the notebook (data, tokenizers,
    n-grams, evaluation) is taken as measured. On a T4 a fit takes the longer of its FLOPs at
    ``T4_ASSUMED_MFU`` of ``T4_PEAK`` and its full length here (a T4 is never faster than this GPU).
    """
    fit_seconds = sum(f["seconds"] for f in r["fits"])
    other = max(r["seconds"] - fit_seconds, 0.0)
    here, t4 = other, other
    for f in r["fits"]:
        scale = f.get("requested_steps", f["steps"]) / max(f["steps"], 1)
        full_here = f["seconds"] * scale
        flops = 6 * f["parameters"] * f["tokens"] * scale
        here += full_here
        t4 += max(flops / (T4_PEAK * T4_ASSUMED_MFU), full_here)
    return {"other_seconds": other, "full_seconds_here": here, "full_seconds_t4_estimate": t4}


def notebooks() -> list[Path]:
    return sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def exec_cells(path: Path, report: Path) -> int:
    """Run the code cells of ``path`` in order in this process (the ``python`` runner's child)."""
    import matplotlib
    matplotlib.use("Agg")
    nb = json.loads(path.read_text())
    namespace = {"__name__": "__main__", "display": print}
    cells, failed_assertions = [], []
    os.chdir(path.parent)
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        t0 = time.perf_counter()
        try:
            exec(compile(source, f"{path.name}:cell{i}", "exec"), namespace)
        except AssertionError as e:
            if not source.startswith(ASSERTION_MARK):
                raise
            frame = traceback.extract_tb(e.__traceback__)[-1]
            failed_assertions.append(f"cell {i}, line {frame.lineno}: {source.splitlines()[frame.lineno - 1].strip()}")
        finally:
            cells.append({"cell": i, "seconds": time.perf_counter() - t0, "first_line": source.split("\n")[0]})
            report.write_text(json.dumps({"cells": cells, "failed_assertions": failed_assertions}))
        import matplotlib.pyplot as plt
        plt.close("all")
    return 0


def run_notebook(path: Path, max_steps: int, timeout: int, workdir: Path, runner: str,
                 profile: str = "gpu") -> dict:
    log = workdir / (path.stem + ".fits.jsonl")
    report = workdir / (path.stem + ".cells.json")
    env = dict(os.environ, LMLIB_PROFILE=profile, LMLIB_MAX_STEPS=str(max_steps), LMLIB_FIT_LOG=str(log),
               MPLBACKEND="Agg", PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    if runner == "jupyter":
        copy = workdir / path.relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, copy)
        cmd = [sys.executable, "-m", "jupyter", "execute", "--inplace", f"--timeout={timeout}", str(copy)]
    else:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--exec-cells", str(path), "--report", str(report)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=path.parent, timeout=timeout)
        ok, stdout, stderr = proc.returncode == 0, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as e:
        ok, stdout, stderr = False, e.stdout or "", f"timed out after {timeout} s"
        stdout = stdout.decode() if isinstance(stdout, bytes) else stdout
    seconds = time.perf_counter() - t0
    fits = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    for f in fits:
        f["tokens_per_second"] = f["tokens"] / f["seconds"] if f["seconds"] else 0.0
        peak = peak_flops(f.get("device_name", ""))
        f["mfu"] = 6 * f["parameters"] * f["tokens_per_second"] / peak if peak and f["tokens"] else None
    cells = json.loads(report.read_text()) if report.exists() else {"cells": [], "failed_assertions": []}
    r = {"notebook": str(path.relative_to(ROOT)), "ok": ok, "seconds": seconds, "fits": fits,
         "cells": cells["cells"], "failed_assertions": cells["failed_assertions"],
         "stdout": stdout, "error": stderr[-3000:] if not ok else ""}
    return r | full_run_estimate(r)


def report(r: dict) -> None:
    status = "ok" if r["ok"] else "FAILED"
    lines = [f"{r['notebook']:<60} {status:>6} {r['seconds']:7.1f} s"]
    slow = sorted(r["cells"], key=lambda c: -c["seconds"])[:3]
    if slow:
        lines.append("    slowest cells: " + ", ".join(f"{c['cell']} ({c['seconds']:.1f} s)" for c in slow))
    for f in r["fits"]:
        mfu = f"{f['mfu']:.1%}" if f["mfu"] is not None else "n/a"
        lines.append(f"    fit: {f['steps']} of {f.get('requested_steps', f['steps'])} steps, "
                     f"{f['parameters']:,} params, {f['seconds']:.1f} s, "
                     f"{f['tokens_per_second']:,.0f} tokens/s, MFU {mfu}")
    lines.append(f"    full run (no cap), estimated: {r['full_seconds_here'] / 60:.1f} min here, "
                 f"{r['full_seconds_t4_estimate'] / 60:.1f} min on a T4 (FLOPs at {T4_ASSUMED_MFU:.0%} MFU; "
                 f"{r['other_seconds']:.0f} s outside training, as measured here)")
    lines += [f"    stated result not reached under the step cap: {a}" for a in r["failed_assertions"]]
    print("\n".join(lines), flush=True)
    if not r["ok"]:
        print(r["error"], file=sys.stderr, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path, help="these notebooks, in this order (default: all)")
    ap.add_argument("--alongside", nargs="*", type=Path, default=[],
                    help="notebooks that do no GPU work, run one by one in a second lane beside the others")
    ap.add_argument("--max-steps", type=int, default=300, help="cap on every fit() (LMLIB_MAX_STEPS)")
    ap.add_argument("--timeout", type=int, default=300, help="per-notebook timeout in seconds")
    ap.add_argument("--budget", type=float, default=None,
                    help="start no notebook after this many seconds (the rest are reported as skipped)")
    ap.add_argument("--runner", choices=["python", "jupyter"], default="python",
                    help="python: the code cells in one process; jupyter: jupyter execute (see above)")
    ap.add_argument("--profile", choices=["gpu", "cpu"], default="gpu",
                    help="cpu: check the check itself on a machine without a GPU")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--logs", type=Path, default=None, help="append each notebook's printed output to this file")
    ap.add_argument("--exec-cells", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.exec_cells:
        return exec_cells(args.exec_cells, args.report)

    import torch
    if not torch.cuda.is_available() and args.profile == "gpu":
        print("no CUDA device: the GPU check needs one (it runs the gpu profile)", file=sys.stderr)
        return 2
    runner = args.runner
    device = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    print(f"GPU check on {device}, profile {args.profile}, torch {torch.__version__}, "
          f"step cap {args.max_steps}, runner {runner}", flush=True)
    side = [p.resolve() for p in args.alongside]
    main_lane = [p.resolve() for p in args.notebooks] or [p for p in notebooks() if p not in side]
    results, skipped, start, lock = [], [], time.perf_counter(), threading.Lock()

    def lane(paths: list[Path], tmp: Path) -> None:
        for path in paths:
            name = str(path.relative_to(ROOT))
            if args.budget is not None and time.perf_counter() - start > args.budget:
                with lock:
                    skipped.append(name)
                    print(f"{name:<60} skipped (over the {args.budget:.0f} s budget)", flush=True)
                continue
            r = run_notebook(path, args.max_steps, args.timeout, tmp, runner, args.profile)
            with lock:
                results.append(r)
                report(r)
                if args.logs:
                    with args.logs.open("a") as f:
                        f.write(f"===== {r['notebook']}\n{r['stdout']}\n{r['error']}\n")
                if args.out:  # after every notebook, so that a killed run keeps what it measured
                    args.out.write_text(json.dumps({
                        "device": device, "torch": torch.__version__, "runner": runner,
                        "max_steps": args.max_steps, "results": results, "skipped": skipped}, indent=2))

    with tempfile.TemporaryDirectory() as tmp:
        second = threading.Thread(target=lane, args=(side, Path(tmp)))
        second.start()
        lane(main_lane, Path(tmp))
        second.join()
    wall = time.perf_counter() - start
    print(f"{len(results)} notebooks in {wall:.1f} s of wall time"
          + (f" (two lanes; {sum(r['seconds'] for r in results):.1f} s summed)" if side else "")
          + (f"; {len(skipped)} skipped" if skipped else ""), flush=True)
    return 0 if results and all(r["ok"] for r in results) and not skipped else 1


if __name__ == "__main__":
    sys.exit(main())
