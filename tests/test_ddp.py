"""Scale-out through Lightning: ``fit(..., devices=2, strategy="ddp")`` trains like one process on
the global batch.

tests/ddp_worker.py trains a tiny GPT (CausalLM), a tiny BERT with NSP (MaskedLM(nsp=True), every
parameter used) and one without (MaskedLM(nsp=False), a BertForMaskedLM: no pooler, no NSP head)
for 5 steps on 2 CPU processes (gloo), 4 examples per process and step. It runs in a subprocess
because Lightning's "ddp" starts the running script again for rank 1 (in pytest that would be
pytest). Here the same models train on one process, 8 examples per step: the union of the two
ranks' batches.

Tolerances (float32, dropout 0, deterministic algorithms), measured on 2 CPU cores:
- per-step loss (mean over the two ranks, as fit's history records it) against the one-process
  loss: at most 4.8e-7 (1 ulp at a loss of 4) -> 1e-5. DDP averages the ranks' gradients and each
  rank's loss is a mean over as many tokens (as many masked tokens for MLM: 3 per row), so the two
  runs compute the same function in another summation order;
- final weights: at most 2.2e-7 -> 2e-6, while training moved them by about 1e-2. The key biases
  (attention ``k_proj.bias``) are left out: softmax ignores a constant added to every score of a
  query, so their true gradient is 0 and what they get is round-off, which Adam's normalisation
  turns into steps of arbitrary sign (they differ by up to 3.8e-6 here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

import ddp_worker as w
from lmlib.train import FIT_LOG_ENV, STEP_CAP_ENV, fit

ROOT = Path(__file__).resolve().parents[1]
LOSS_TOL = 1e-5
WEIGHT_TOL = 2e-6
NO_GRADIENT = "attn.k_proj.bias"  # mathematically zero gradient: see the module docstring


@pytest.fixture(scope="module")
def ddp(tmp_path_factory):
    """Runs the worker once for every case: {case: [rank 0's record, rank 1's]}, weights, stdout."""
    out = tmp_path_factory.mktemp("ddp")
    env = {k: v for k, v in os.environ.items() if k not in (STEP_CAP_ENV, FIT_LOG_ENV, "LMLIB_PROFILE")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "ddp_worker.py"), str(out), *w.CASES],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-4000:]
    records = {c: [json.loads((out / f"{c}.rank{r}.json").read_text()) for r in range(w.DEVICES)] for c in w.CASES}
    weights = {c: [torch.load(out / f"{c}.rank{r}.pt") for r in range(w.DEVICES)] for c in w.CASES}
    return records, weights, proc.stdout


@pytest.fixture(scope="module")
def single():
    """The same cases on one process, each step on the global batch: {case: (history, initial, final)}."""
    runs = {}
    with pytest.MonkeyPatch.context() as mp:
        for name in (STEP_CAP_ENV, FIT_LOG_ENV):
            mp.delenv(name, raising=False)
        for case in w.CASES:
            module = w.build(case)
            initial = {k: v.clone() for k, v in module.state_dict().items()}
            history = fit(module, w.global_loader(case), max_steps=w.STEPS, print_every=1, profile="cpu",
                          verbose=False)
            runs[case] = history, initial, module.state_dict()
    return runs


def test_ddp_runs_two_gloo_processes_and_only_rank_0_prints(ddp):
    records, _, stdout = ddp
    for case in w.CASES:
        assert [r["rank"] for r in records[case]] == [0, 1]
        assert all(r["world_size"] == 2 and r["strategy"] == "DDPStrategy" for r in records[case])
    summary = f"trained {w.STEPS} steps on cpu (profile cpu): 40 examples, 640 tokens"
    assert stdout.count(summary) == len(w.CASES), stdout  # once per case, from rank 0 only
    assert stdout.count(f"step 1/{w.STEPS} |") == len(w.CASES), stdout


@pytest.mark.parametrize("case", w.CASES)
def test_ddp_matches_one_process_on_the_global_batch(ddp, single, case):
    records, weights, _ = ddp
    rank0, rank1 = records[case]
    history, initial, final = single[case]
    # the same data: step s of one process is the union of the two ranks' batches s
    global_inputs = [w.input_ids(batch).tolist() for batch in w.global_loader(case)]
    assert global_inputs == [a + b for a, b in zip(rank0["inputs"], rank1["inputs"])]
    # fit's history under DDP: the same on both ranks, the mean of the ranks' own losses, all the data
    assert rank0["train"] == rank1["train"] and rank0["train_steps"] == list(range(1, w.STEPS + 1))
    mean = [(a + b) / 2 for a, b in zip(rank0["local_losses"], rank1["local_losses"])]
    assert rank0["train"]["loss"] == pytest.approx(mean, abs=1e-6)
    assert (rank0["steps"], rank0["examples"], rank0["tokens"]) == (history.steps, history.examples, history.tokens)
    # the losses of every step, against one process
    for key in [k for k in history.train if k.endswith("loss")]:
        diff = max(abs(a - b) for a, b in zip(rank0["train"][key], history.train[key]))
        assert diff <= LOSS_TOL, (key, diff, rank0["train"][key], history.train[key])
    # the final weights: identical on the two ranks, and those of one process
    ddp0, ddp1 = weights[case]
    assert all(torch.equal(ddp0[k], ddp1[k]) for k in ddp0)
    assert ddp0.keys() == final.keys()
    compared = [k for k in final if not k.endswith(NO_GRADIENT)]
    diff = max((ddp0[k] - final[k]).abs().max().item() for k in compared)
    moved = max((final[k] - initial[k]).abs().max().item() for k in compared)
    assert diff <= WEIGHT_TOL and moved > 1e-3, (diff, moved)


def test_fsdp_needs_a_gpu_in_this_lightning():
    """Lightning (2.6) refuses FSDP on the CPU when the Trainer is built: the README says so. If this
    fails, a newer Lightning accepts it: add "fsdp" to the worker and update the README."""
    module = w.build("gpt")
    with pytest.raises(ValueError, match="The strategy `fsdp` requires a GPU accelerator"):
        fit(module, w.loader("gpt"), max_steps=1, verbose=False, profile="cpu", accelerator="cpu", devices=2,
            strategy="fsdp")
