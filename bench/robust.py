"""make robust: re-run the notebooks under perturbations and check that every claim still holds.

Floating-point results of training depend on the machine (vector width, MKL/oneDNN code path,
threads) and on the training seed. This harness runs each notebook under nbval, at the cpu
profile, once per *run* below, and records per notebook: the nbval cells that failed and every
claim of its hidden assertion cell (``lmlib.claims``), with its value. It then writes one table
into ``bench/RESULTS.md``: for each claim, in how many runs it held, the smallest margin by which a
comparison held, and the spread of every stated number, which is what each tolerance is built on.

    python bench/robust.py                              # every notebook, every run
    python bench/robust.py --notebooks chapters/02_pretraining/01_next_word_prediction.ipynb
    python bench/robust.py --runs seed1 threads1 --resume   # add runs to the same record
    python bench/robust.py --runs seed2-threads1 --record a.json &   # two runs side by side ...
    python bench/robust.py --runs aten-default-threads1 --record b.json &
    python bench/robust.py --runs --merge a.json b.json            # ... and one table

The corpus and its splits keep their fixed seeds in every run (their cells compare exactly);
``LMLIB_SEED`` moves only the training randomness (initial weights, data order, masking, sampling).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "bench" / "robust.json"
RESULTS = ROOT / "bench" / "RESULTS.md"
BEGIN, END = "<!-- robust:begin -->", "<!-- robust:end -->"

# name -> environment. "seed0" is the committed run's configuration.
RUNS: dict[str, dict[str, str]] = {
    "seed0": {"LMLIB_SEED": "0"},
    "seed1": {"LMLIB_SEED": "1"},
    "seed2": {"LMLIB_SEED": "2"},
    "aten-default": {"LMLIB_SEED": "0", "ATEN_CPU_CAPABILITY": "default"},  # no AVX2/AVX-512 kernels
    "threads1": {"LMLIB_SEED": "0", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"},
    # two perturbations at once, so that two runs can share two cores (one thread each)
    "seed2-threads1": {"LMLIB_SEED": "2", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"},
    "aten-default-threads1": {"LMLIB_SEED": "0", "ATEN_CPU_CAPABILITY": "default",
                              "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"},
}
DEFAULT_RUNS = ["seed0", "seed1", "seed2", "aten-default", "threads1"]


def notebooks() -> list[Path]:
    return sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def run_one(nb: Path, run: str) -> dict:
    """One notebook under nbval in one run's environment: failed cells, claims, wall time."""
    rel = nb.relative_to(ROOT).with_suffix("").as_posix()
    with tempfile.TemporaryDirectory() as tmp:
        log, junit = Path(tmp) / "claims.jsonl", Path(tmp) / "junit.xml"
        env = dict(os.environ, LMLIB_PROFILE="cpu", PYTHONHASHSEED="0",
                   LMLIB_CLAIMS_LOG=str(log), LMLIB_NOTEBOOK=rel, LMLIB_RUN=run, **RUNS[run])
        # matplotlib's inline backend, as under make test: a checked cell's figure is part of its output
        env.pop("MPLBACKEND", None)
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-cell-timeout=1800", "-p", "no:randomly",
             "-q", f"--junitxml={junit}", str(nb)], cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        cases = ET.parse(junit).getroot().iter("testcase") if junit.exists() else []
        failed = [c.get("name") for c in cases if c.find("failure") is not None or c.find("error") is not None]
        claims = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    if proc.returncode != 0 and not failed:
        failed = [f"pytest exit {proc.returncode}: {proc.stdout[-300:]}"]
    return dict(notebook=rel, run=run, machine=machine(), seconds=round(seconds, 1), failed_cells=failed,
                claims=claims)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    flags = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    isa = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "no AVX2"
    import torch
    return (f"{cpu} ({isa}), {os.cpu_count()} cores; Python {platform.python_version()}, "
            f"torch {torch.__version__}")


def machines_of(records: list[dict]) -> dict[str, list[str]]:
    """Machine -> the runs made on it (records of older versions without a machine: "unrecorded")."""
    out: dict[str, list[str]] = defaultdict(list)
    for r in records:
        m = r.get("machine", "unrecorded")
        if r["run"] not in out[m]:
            out[m].append(r["run"])
    return dict(out)


def summarise(records: list[dict]) -> str:
    """The Markdown table of RESULTS.md: per notebook, runs, failed cells, and each claim."""
    by_nb: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_nb[r["notebook"]].append(r)
    runs = sorted({r["run"] for r in records}, key=lambda x: list(RUNS).index(x) if x in RUNS else 99)
    out = [f"Runs: {', '.join(f'`{r}` ({_env(r)})' for r in runs)}.", ""]
    machines = machines_of(records)
    if len(machines) > 1:
        out += ["Machines: " + "; ".join(f"{m}: {', '.join(f'`{r}`' for r in rs)}" for m, rs in machines.items())
                + ".", ""]
    out += ["| notebook | runs | failed cells | claims held | wall time (s) |", "| --- | ---: | ---: | ---: | --- |"]
    for nb, rs in sorted(by_nb.items()):
        claims = [c for r in rs for c in r["claims"]]
        n_failed = sum(len(r["failed_cells"]) for r in rs)
        held = sum(c["held"] for c in claims)
        times = ", ".join(f"{r['seconds']:.0f}" for r in sorted(rs, key=lambda r: runs.index(r["run"])))
        out.append(f"| {nb} | {len(rs)} | {n_failed} | {held} / {len(claims)} | {times} |")
    for nb, rs in sorted(by_nb.items()):
        out += ["", f"**{nb}**", "", "| claim | held | value over runs | stated ± tol / bound + margin | smallest margin |",
                "| --- | ---: | --- | --- | ---: |"]
        per: dict[str, list[dict]] = defaultdict(list)
        for r in rs:
            for c in r["claims"]:
                per[c["name"]].append(c)
        for name, cs in per.items():
            held = f"{sum(c['held'] for c in cs)}/{len(cs)}"
            kind = cs[0]["kind"]
            if kind == "that":
                out.append(f"| {name} | {held} | | | |")
                continue
            values = [c["value"] for c in cs]
            span = f"{_g(min(values))} .. {_g(max(values))}" if len(values) > 1 else _g(values[0])
            if kind == "near":
                ref = f"{_g(cs[0]['bound'])} ± {_g(cs[0]['tol'])}"
                margin = min(c["tol"] - abs(c["value"] - c["bound"]) for c in cs)
            else:
                sign = 1 if kind == "above" else -1
                ref = f"{'>' if sign > 0 else '<'} {_g(cs[0]['bound'])} {'+' if sign > 0 else '-'} {_g(cs[0]['tol'])}"
                margin = min(sign * (c["value"] - c["bound"]) - c["tol"] for c in cs)
            out.append(f"| {name} | {held} | {span} | {ref} | {_g(margin)} |")
        bad = sorted({cell for r in rs for cell in r["failed_cells"]})
        if bad:
            out += ["", "Failed nbval cells: " + "; ".join(f"{r['run']}: {', '.join(r['failed_cells'])}"
                                                            for r in rs if r["failed_cells"])]
    return "\n".join(out)


def _g(x: float) -> str:
    return f"{x:.4g}"


def _env(run: str) -> str:
    return " ".join(f"{k}={v}" for k, v in RUNS.get(run, {}).items())


def write_results(records: list[dict], command: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Measured results\n"
    failed = sum(not c["held"] for r in records for c in r["claims"])
    cells = sum(len(r["failed_cells"]) for r in records)
    section = "\n".join([
        BEGIN, "## Robustness of the notebooks' claims (`make robust`)", "",
        f"Machine: {' and '.join(machines_of(records)) or machine()}. Date: {date.today().isoformat()}. "
        f"Command: `{command}`.", "",
        "Every notebook re-executed under nbval at the cpu profile, once per run. A claim is one check of a "
        "hidden assertion cell (`lmlib.claims`): a comparison with its margin, or a stated number with its "
        "tolerance. *Smallest margin* is how far the worst run stayed inside the bound (negative: failed).", "",
        f"**Total: {failed} failed claims and {cells} failed nbval cells.**", "",
        summarise(records), END])
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    RESULTS.write_text(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notebooks", nargs="*", type=Path, help="default: every notebook of the book")
    ap.add_argument("--runs", nargs="*", choices=list(RUNS), default=DEFAULT_RUNS)
    ap.add_argument("--merge", nargs="*", type=Path, default=[],
                    help="records of other invocations (run side by side) to add to this one's")
    ap.add_argument("--resume", action="store_true", help="keep the recorded runs, add the missing ones")
    ap.add_argument("--record", type=Path, default=RECORD)
    ap.add_argument("--no-results", action="store_true", help="do not rewrite bench/RESULTS.md")
    args = ap.parse_args()
    nbs = [p.resolve() for p in args.notebooks] if args.notebooks else notebooks()
    for p in nbs:
        if not p.exists():
            ap.error(f"no such notebook: {p}")
    records = json.loads(args.record.read_text()) if args.resume and args.record.exists() else []
    for other in args.merge:
        records = [r for r in records if (r["notebook"], r["run"]) not in
                   {(x["notebook"], x["run"]) for x in json.loads(other.read_text())}]
        records += json.loads(other.read_text())
    done = {(r["notebook"], r["run"]) for r in records}
    for run in args.runs:
        for nb in nbs:
            rel = nb.relative_to(ROOT).with_suffix("").as_posix()
            if (rel, run) in done:
                continue
            r = run_one(nb, run)
            records = [x for x in records if (x["notebook"], x["run"]) != (rel, run)] + [r]
            args.record.write_text(json.dumps(records, indent=1) + "\n")
            bad = [c["name"] for c in r["claims"] if not c["held"]]
            print(f"{run:>12} | {rel:<55} | {r['seconds']:6.0f} s | failed cells {len(r['failed_cells'])}"
                  f" | claims {len(r['claims']) - len(bad)}/{len(r['claims'])}"
                  + (f" | FAILED: {'; '.join(bad)}" if bad else ""), flush=True)
    if not args.no_results:
        write_results(records, "python bench/robust.py " + " ".join(sys.argv[1:]))
    failed = sum(not c["held"] for r in records for c in r["claims"]) + sum(len(r["failed_cells"]) for r in records)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
