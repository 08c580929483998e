"""Trains tiny models with ``fit(..., devices=2, strategy="ddp", accelerator="cpu")``; run by test_ddp.py.

    python tests/ddp_worker.py OUT_DIR CASE [CASE ...]        CASE: gpt, bert_nsp, bert_mlm

Lightning's "ddp" strategy starts this script again for rank 1 (with LOCAL_RANK=1 in its
environment), so the script, not a pytest process, must be what runs: each process trains on its
half of every global batch, and writes, for every CASE, ``CASE.rank{r}.json`` (fit's history, and its
own per-step losses and input ids) and ``CASE.rank{r}.pt`` (the final weights) into OUT_DIR.

The data and the models are built here, and test_ddp.py imports them to train the same models on
one process with the whole global batch.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import lightning as L
import torch
from torch.utils.data import DataLoader, DistributedSampler, Subset, TensorDataset

from lmlib.data.mlm import IGNORE_INDEX
from lmlib.models.bert import BertConfig
from lmlib.models.gpt import GPTConfig
from lmlib.objectives import CausalLM, MaskedLM
from lmlib.train import fit

CASES = ("gpt", "bert_nsp", "bert_mlm")
DEVICES = 2  # processes
PER_DEVICE = 4  # fit's batch_size is per device: the global batch is DEVICES * PER_DEVICE examples
STEPS = 5
V, T = 32, 16  # vocabulary, sequence length
MASKED_PER_ROW = 3  # every row has 3 masked tokens, so every process has as many: see bert_data


def build(case: str) -> L.LightningModule:
    """The module of ``case``, with the same initial weights every time (dropout 0).

    A schedule (warm-up then cosine over STEPS) checks that both runs count the same optimizer steps."""
    torch.manual_seed(0)
    sched = dict(lr=3e-3, warmup_steps=2, max_steps=STEPS)
    if case == "gpt":
        return CausalLM(GPTConfig(V, max_positions=T, d_model=32, n_layers=2, n_heads=2, dropout=0.0), **sched)
    cfg = BertConfig(V, max_positions=T, d_model=32, n_layers=2, n_heads=2, dropout=0.0)
    return MaskedLM(cfg, nsp=case == "bert_nsp", **sched)


def gpt_data(n: int) -> TensorDataset:
    g = torch.Generator().manual_seed(1)
    seq = torch.randint(0, V, (n, T + 1), generator=g)
    return TensorDataset(seq[:, :-1], seq[:, 1:])


def bert_data(n: int) -> list[dict[str, torch.Tensor]]:
    """Rows of [CLS]=1 a.. [SEP]=2 b.. [SEP] [PAD]=0..., each with exactly MASKED_PER_ROW masked
    ([MASK]=3) tokens. The MLM loss of a batch is the mean over its masked tokens; with as many in
    every row, the mean of the two processes' losses is the loss of the global batch."""
    g = torch.Generator().manual_seed(2)
    rows = []
    for i in range(n):
        length = int(torch.randint(10, T + 1, (), generator=g))  # some padding
        sep = length // 2
        ids = torch.randint(4, V, (T,), generator=g)
        ids[0], ids[sep], ids[length - 1], ids[length:] = 1, 2, 2, 0
        types = torch.zeros(T, dtype=torch.long)
        types[sep + 1 : length] = 1
        candidates = [j for j in range(1, length - 1) if j != sep]
        pick = torch.randperm(len(candidates), generator=g)[:MASKED_PER_ROW]
        labels = torch.full((T,), IGNORE_INDEX)
        for j in (candidates[k] for k in pick.tolist()):
            labels[j], ids[j] = ids[j], 3
        rows.append(dict(input_ids=ids, token_type_ids=types, attention_mask=(torch.arange(T) < length).long(),
                         labels=labels, next_sentence_label=torch.tensor(i % 2)))
    return rows


def dataset(case: str):
    n = STEPS * DEVICES * PER_DEVICE  # one epoch of STEPS steps
    return gpt_data(n) if case == "gpt" else bert_data(n)


def loader(case: str) -> DataLoader:
    """What a reader passes to fit: a loader with the per-device batch size. Under DDP Lightning
    replaces its sampler with a DistributedSampler that shuffles a training set (seeded by fit's
    seed) whatever the loader's own ``shuffle``, and gives rank r every DEVICES-th example of it."""
    return DataLoader(dataset(case), batch_size=PER_DEVICE, shuffle=False)


def global_loader(case: str, seed: int = 0) -> DataLoader:
    """The same steps on one process: batch s is the union of the DDP ranks' batches s (rank 0's
    examples, then rank 1's), DEVICES * PER_DEVICE examples."""
    data = dataset(case)
    orders = [list(DistributedSampler(data, num_replicas=DEVICES, rank=r, shuffle=True, seed=seed))
              for r in range(DEVICES)]
    order = [i for s in range(STEPS) for o in orders for i in o[s * PER_DEVICE : (s + 1) * PER_DEVICE]]
    return DataLoader(Subset(data, order), batch_size=DEVICES * PER_DEVICE, shuffle=False)


def input_ids(batch) -> torch.Tensor:
    return batch["input_ids"] if isinstance(batch, dict) else batch[0]


class LocalLosses(L.Callback):
    """This process's own loss and input ids at every step (fit's history holds the mean over processes)."""

    def __init__(self):
        self.losses: list[float] = []
        self.inputs: list[list[list[int]]] = []

    def on_train_batch_end(self, trainer, module, outputs, batch, batch_idx):
        self.losses.append(float(outputs["loss"]))
        self.inputs.append(input_ids(batch).tolist())


def main(out: Path, cases: list[str]) -> None:
    for case in cases:
        module, local = build(case), LocalLosses()
        history = fit(module, loader(case), max_steps=STEPS, print_every=1, profile="cpu",
                      accelerator="cpu", devices=DEVICES, strategy="ddp", callbacks=[local])
        rank = module.global_rank
        record = dict(rank=rank, world_size=module.trainer.world_size, strategy=type(module.trainer.strategy).__name__,
                      train=history.train, train_steps=history.train_steps, steps=history.steps,
                      examples=history.examples, tokens=history.tokens, local_losses=local.losses, inputs=local.inputs)
        (out / f"{case}.rank{rank}.json").write_text(json.dumps(record))
        torch.save({k: v.detach().clone() for k, v in module.state_dict().items()}, out / f"{case}.rank{rank}.pt")
    if torch.distributed.is_initialized():
        torch.distributed.barrier()  # rank 0 returns once rank 1 has written its files too


if __name__ == "__main__":
    out_dir, chosen = Path(sys.argv[1]), sys.argv[2:] or list(CASES)
    unknown = sorted(set(chosen) - set(CASES))
    if unknown:
        raise SystemExit(f"unknown cases {unknown}; choose from {CASES}")
    out_dir.mkdir(parents=True, exist_ok=True)
    main(out_dir, chosen)
