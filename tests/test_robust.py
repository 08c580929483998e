"""bench/robust.py: the table of claims over runs (the harness itself runs notebooks: make robust)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("robust", ROOT / "bench" / "robust.py")
robust = importlib.util.module_from_spec(spec)
spec.loader.exec_module(robust)


def _claim(name, kind, held, value=None, bound=None, tol=None):
    return dict(name=name, kind=kind, held=held, value=value, bound=bound, tol=tol)


def test_summary_reports_held_counts_spread_and_smallest_margin():
    records = [
        dict(notebook="ch/nb", run=run, seconds=10.0, failed_cells=cells, claims=[
            _claim("gpt beats ngram", "below", v < 0.36 - 0.02, v, 0.36, 0.02),
            _claim("gpt bits/char", "near", abs(v - 0.312) <= 0.006, v, 0.312, 0.006),
            _claim("decodes", "that", True)])
        for run, v, cells in (("seed0", 0.312, []), ("seed1", 0.316, []), ("aten-default", 0.3335, ["Cell 9"]))]
    table = robust.summarise(records)
    assert "| ch/nb | 3 | 1 | 8 / 9 |" in table  # one failed cell; the near-claim failed once
    assert "| gpt beats ngram | 3/3 | 0.312 .. 0.3335 | < 0.36 - 0.02 | 0.0065 |" in table
    assert "| gpt bits/char | 2/3 | 0.312 .. 0.3335 | 0.312 ± 0.006 | -0.0155 |" in table
    assert "| decodes | 3/3 |" in table
    assert "aten-default: Cell 9" in table


def test_every_run_has_an_environment_and_the_defaults_exist():
    assert set(robust.DEFAULT_RUNS) <= set(robust.RUNS)
    assert robust.RUNS["seed0"] == {"LMLIB_SEED": "0"}
    assert any("ATEN_CPU_CAPABILITY" in env for env in robust.RUNS.values())
    assert any(env.get("OMP_NUM_THREADS") == "1" for env in robust.RUNS.values())


def test_runs_on_several_machines_are_told_apart():
    records = [dict(notebook="ch/nb", run=run, machine=m, seconds=1.0, failed_cells=[], claims=[])
               for run, m in (("seed0", "AMD (AVX-512)"), ("seed1", "AMD (AVX-512)"), ("seed2-threads1", "AMD (AVX2)"))]
    assert robust.machines_of(records) == {"AMD (AVX-512)": ["seed0", "seed1"], "AMD (AVX2)": ["seed2-threads1"]}
    assert "Machines: AMD (AVX-512): `seed0`, `seed1`; AMD (AVX2): `seed2-threads1`." in robust.summarise(records)
    assert "Machines:" not in robust.summarise(records[:2])  # one machine: said once, in the heading
