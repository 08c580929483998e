"""fit(): it lowers the loss, it is reproducible, it respects its caps, it prints what it did."""

import lightning as L
import pytest
import torch
from lightning.pytorch.callbacks import ModelCheckpoint
from lightning.pytorch.loggers import CSVLogger
from torch.utils.data import DataLoader, TensorDataset

from lmlib import checkpoint
from lmlib.profile import get_profile, pick, precision_for, seed_everything
from lmlib.train import History, count_batch, fit

V, T = 16, 8


class TinyLM(L.LightningModule):
    """Predicts the next token of sequences where next = (current + 1) mod V."""

    def __init__(self, lr: float = 3e-2):
        super().__init__()
        self.emb = torch.nn.Embedding(V, 32)
        self.out = torch.nn.Linear(32, V)
        self.lr = lr

    def forward(self, x):
        return self.out(torch.tanh(self.emb(x)))

    def _loss(self, batch):
        x, y = batch
        return torch.nn.functional.cross_entropy(self(x).view(-1, V), y.view(-1))

    def training_step(self, batch, batch_idx):
        return self._loss(batch)

    def validation_step(self, batch, batch_idx):
        loss = self._loss(batch)
        return {"loss": loss, "acc": (self(batch[0]).argmax(-1) == batch[1]).float().mean()}

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)


def loaders(n=256, seed=0):
    g = torch.Generator().manual_seed(seed)
    start = torch.randint(0, V, (n, 1), generator=g)
    seq = (start + torch.arange(T + 1)) % V
    ds = TensorDataset(seq[:, :-1], seq[:, 1:])
    return (DataLoader(ds, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(seed)),
            DataLoader(ds, batch_size=64))


def train_once(steps=40, seed=0, **kw):
    seed_everything(seed)
    model = TinyLM()
    train, val = loaders()
    return model, fit(model, train, val, max_steps=steps, seed=seed, profile="cpu", **kw)


def test_fit_lowers_the_loss_and_counts_data(capsys):
    _, h = train_once(steps=60, print_every=20)
    assert h.steps == 60 and not h.stopped_by_time
    assert h.train["loss"][-1] < 0.5 * h.train["loss"][0]
    assert h.last("val_acc") > 0.9
    assert h.examples == 60 * 32 and h.tokens == 60 * 32 * T
    out = capsys.readouterr().out
    assert "step 20/60" in out and "trained 60 steps on cpu (profile cpu)" in out
    assert "15,360 tokens" in out
    assert "GPU available" not in out and "LOCAL_RANK" not in out


def test_progress_lines_show_the_validation_of_their_own_step(capsys):
    _, h = train_once(steps=40, print_every=10, val_every=20)
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("step")]
    assert [ln.split("|")[0].strip() for ln in lines] == ["step 10/40", "step 20/40", "step 30/40", "step 40/40"]
    assert h.val_steps == [20, 40]
    assert "val_loss" not in lines[0]
    for line, value in zip((lines[1], lines[3]), h.val["loss"]):
        assert f"val_loss {value:.4f}" in line
    assert f"val_loss {h.val['loss'][0]:.4f}" in lines[2]  # between validations: the latest one


def test_fit_prints_nothing_from_lightning(capfd):
    train_once(steps=5, verbose=False)
    captured = capfd.readouterr()
    assert captured.out == "" and "lightning" not in captured.err.lower()


def test_same_seed_same_losses():
    _, a = train_once(steps=30, seed=3, verbose=False)
    _, b = train_once(steps=30, seed=3, verbose=False)
    _, c = train_once(steps=30, seed=4, verbose=False)
    assert a.train["loss"] == b.train["loss"] and a.val["loss"] == b.val["loss"]
    assert a.train["loss"] != c.train["loss"]


def test_validation_schedule_and_final_validation():
    _, h = train_once(steps=25, val_every=10, verbose=False)
    assert h.val_steps == [10, 20, 25]


def test_wall_time_cap_stops_training():
    _, h = train_once(steps=10**6, max_seconds=1.0, verbose=False)
    assert h.stopped_by_time and 0 < h.steps < 10**6


def test_fit_rejects_bad_arguments():
    model, (train, _) = TinyLM(), loaders()
    with pytest.raises(ValueError, match="max_steps"):
        fit(model, train, max_steps=0)
    with pytest.raises(ValueError, match="max_seconds"):
        fit(model, train, max_steps=5, max_seconds=-1)
    with pytest.raises(ValueError, match="unknown profile 'tpu'"):
        fit(model, train, max_steps=5, profile="tpu")


class CountSteps(L.Callback):
    def __init__(self):
        self.steps = 0

    def on_train_batch_end(self, trainer, module, outputs, batch, batch_idx):
        self.steps += 1


def test_fit_runs_the_callers_callbacks_alongside_its_own(tmp_path):
    _, plain = train_once(steps=3, verbose=False)
    counter = CountSteps()
    _, h = train_once(steps=3, verbose=False, callbacks=[counter])
    assert counter.steps == 3 and h.steps == 3
    assert h.train["loss"] == plain.train["loss"] and h.val["loss"] == plain.val["loss"]  # nothing else changed
    # one callback on its own is fine too; a ModelCheckpoint turns checkpointing on
    _, h = train_once(steps=3, verbose=False, callbacks=ModelCheckpoint(dirpath=tmp_path, every_n_train_steps=3))
    assert h.steps == 3 and len(list(tmp_path.glob("*.ckpt"))) == 1


def test_fit_passes_other_trainer_arguments_through_and_they_win(tmp_path):
    seen = {}

    class Look(L.Callback):
        def on_fit_start(self, trainer, module):
            seen.update(logger=trainer.logger, root=trainer.default_root_dir)

    logger = CSVLogger(tmp_path)
    _, h = train_once(steps=2, verbose=False, callbacks=[Look()], logger=logger, default_root_dir=str(tmp_path))
    assert seen == {"logger": logger, "root": str(tmp_path)} and h.steps == 2


@pytest.mark.parametrize("kwargs, match", [
    (dict(val_check_interval=5), "fit sets lightning.Trainer's val_check_interval itself: pass val_every= to fit"),
    (dict(gradient_clip_val=0.5), "gradient_clip_val itself: pass grad_clip= to fit instead"),
    (dict(max_time=None), "max_time itself: pass max_seconds= to fit instead"),
    (dict(max_epochs=1), r"max_epochs itself: pass max_steps= \(fit counts optimizer steps, not epochs\)"),
    (dict(limit_val_batches=2, check_val_every_n_epoch=1),
     r"check_val_every_n_epoch itself: pass val_every= .*; fit sets lightning.Trainer's limit_val_batches itself"),
])
def test_fit_names_its_own_parameter_for_a_clashing_trainer_argument(kwargs, match):
    model, (train, _) = TinyLM(), loaders()
    with pytest.raises(ValueError, match=match):
        fit(model, train, max_steps=2, **kwargs)


def test_history_last_and_plot():
    _, h = train_once(steps=10, verbose=False)
    assert h.last("loss") == h.train["loss"][-1]
    with pytest.raises(KeyError, match="no metric 'bleu'"):
        h.last("bleu")
    ax = h.plot()
    assert ax.get_xlabel() == "optimizer step" and len(ax.lines) == 2


def test_count_batch():
    x = torch.zeros(4, 7, dtype=torch.long)
    assert count_batch((x, x)) == (4, 28)
    assert count_batch({"input_ids": x}) == (4, 28)
    assert count_batch(torch.zeros(4, 3)) == (4, 0)


def test_checkpoint_round_trip_gives_identical_outputs(tmp_path):
    model, _ = train_once(steps=10, verbose=False)
    path = checkpoint.save(model, tmp_path / "tiny.safetensors", config={"V": V})
    fresh = TinyLM()
    x = torch.arange(V).view(2, -1)
    assert not torch.equal(fresh(x), model(x))
    assert checkpoint.load(fresh, path) == {"V": V}
    assert torch.equal(fresh(x), model(x))
    assert path.read_bytes()[:8] != b"\x80\x02\x8a\nl\xfc\x9cF"  # not a pickle


def test_checkpoint_handles_tied_weights_and_mismatch(tmp_path):
    class Tied(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = torch.nn.Embedding(5, 3)
            self.head = torch.nn.Linear(3, 5, bias=False)
            self.head.weight = self.emb.weight

    a, b = Tied(), Tied()
    checkpoint.load(b, checkpoint.save(a, tmp_path / "t.safetensors"))
    assert torch.equal(a.emb.weight, b.head.weight) and b.head.weight is b.emb.weight
    with pytest.raises(ValueError, match="does not fit this model"):
        checkpoint.load(TinyLM(), tmp_path / "t.safetensors")
    with pytest.raises(FileNotFoundError, match="no checkpoint"):
        checkpoint.read_config(tmp_path / "missing.safetensors")


def test_profiles(monkeypatch):
    monkeypatch.setenv("LMLIB_PROFILE", "cpu")
    p = get_profile()
    assert (p.name, p.device, p.precision) == ("cpu", "cpu", "32-true")
    assert pick(cpu=1, gpu=2) == 1 and pick(cpu=1, gpu=2, profile="cpu") == 1
    monkeypatch.setenv("LMLIB_PROFILE", "fast")
    with pytest.raises(ValueError, match="unknown profile 'fast'.*cpu.*gpu"):
        get_profile()
    monkeypatch.delenv("LMLIB_PROFILE")
    assert get_profile().name == ("gpu" if torch.cuda.is_available() else "cpu")
    if not torch.cuda.is_available():
        with pytest.raises(RuntimeError, match="needs a CUDA device"):
            get_profile("gpu")


def test_precision_by_device_capability():
    assert precision_for("cpu") == "32-true"
    assert precision_for("cuda", bf16_supported=True) == "bf16-mixed"
    assert precision_for("cuda", bf16_supported=False) == "16-mixed"  # a T4: fp16 + loss scaling


@pytest.mark.parametrize("capability, expected", [((7, 5), "16-mixed"), ((7, 0), "16-mixed"),
                                                  ((8, 0), "bf16-mixed"), ((8, 9), "bf16-mixed"),
                                                  ((9, 0), "bf16-mixed")])
def test_precision_from_the_gpus_compute_capability(monkeypatch, capability, expected):
    # T4 (7.5) and V100 (7.0): fp16 with loss scaling, even though torch reports bf16 as
    # "supported" there by emulation; A100 (8.0), L4 (8.9), H100 (9.0): bf16.
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_capability", lambda device=None: capability)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda including_emulation=True: True)
    assert precision_for("cuda") == expected


def test_seed_type_is_checked():
    with pytest.raises(TypeError, match="seed must be an int"):
        seed_everything("42")
    seed_everything(7)
    a = torch.rand(3)
    seed_everything(7)
    assert torch.equal(a, torch.rand(3))


def test_step_cap_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("LMLIB_MAX_STEPS", "7")
    _, h = train_once(steps=40, print_every=10)
    assert h.steps == 7 and h.capped_steps == 7 and h.requested_steps == 40 and not h.stopped_by_time
    assert "capped at 7 steps by $LMLIB_MAX_STEPS" in capsys.readouterr().out
    monkeypatch.setenv("LMLIB_MAX_STEPS", "100")  # a cap above max_steps changes nothing
    _, h = train_once(steps=5, verbose=False)
    assert h.steps == 5 and h.capped_steps is None and h.requested_steps == 5
    monkeypatch.setenv("LMLIB_MAX_STEPS", "ten")
    with pytest.raises(ValueError, match="LMLIB_MAX_STEPS must be a positive integer"):
        train_once(steps=5, verbose=False)


def test_fit_log_records_each_run(monkeypatch, tmp_path):
    import json
    log = tmp_path / "fits.jsonl"
    monkeypatch.setenv("LMLIB_FIT_LOG", str(log))
    train_once(steps=6, verbose=False)
    train_once(steps=4, verbose=False)
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [r["steps"] for r in records] == [6, 4] and [r["requested_steps"] for r in records] == [6, 4]
    assert records[0]["tokens"] == 6 * 32 * T and records[0]["parameters"] == V * 32 + 32 * V + V
    assert records[0]["device_name"] == "cpu"
