"""SequenceClassifier: shapes, learning, reproducibility, its optimiser and schedule, clear errors."""

import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader

from lmlib.models import Bert, BertConfig, ModelOutput, TransformerModel
from lmlib.objectives import SequenceClassifier, warmup_linear
from lmlib.profile import seed_everything
from lmlib.train import fit

V, T = 20, 8
KEY = 7  # label = 1 if token KEY occurs in the sequence: learnable without positions or segments


def small_config(**kw) -> BertConfig:
    return BertConfig(vocab_size=V, max_positions=T, d_model=32, n_layers=1, n_heads=2, dropout=0.0, **kw)


def batch(n: int = 6, seed: int = 0) -> dict:
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(1, V, (n, T), generator=g)
    return {"input_ids": ids, "token_type_ids": torch.zeros_like(ids), "attention_mask": torch.ones_like(ids),
            "labels": (ids == KEY).any(1).long()}


class DictDataset(torch.utils.data.Dataset):
    def __init__(self, data: dict):
        self.data = data

    def __len__(self):
        return len(self.data["labels"])

    def __getitem__(self, i):
        return {k: v[i] for k, v in self.data.items()}


def loaders(seed: int = 0):
    train = DictDataset(batch(512, seed=1))
    val = DictDataset(batch(256, seed=2))
    return (DataLoader(train, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(seed)),
            DataLoader(val, batch_size=128))


def train_once(steps: int = 40, seed: int = 0):
    seed_everything(seed)
    model = SequenceClassifier(small_config(), num_labels=2, lr=3e-3, warmup_steps=4, total_steps=steps,
                               dropout=0.0)
    train, val = loaders(seed)
    history = fit(model, train, val, max_steps=steps, seed=seed, profile="cpu", verbose=False)
    return model, history


def test_logits_shape_and_step_outputs():
    seed_everything(0)
    model = SequenceClassifier(small_config(), num_labels=3)
    b = batch()
    assert model(b["input_ids"]).shape == (6, 3)  # token types and mask are optional
    assert model(b["input_ids"], b["attention_mask"], b["token_type_ids"]).shape == (6, 3)  # HF's order
    out = model.training_step(b, 0)
    assert set(out) == {"loss", "acc"} and out["loss"].dim() == 0 and 0.0 <= out["acc"].item() <= 1.0
    assert out["loss"].requires_grad
    assert isinstance(model.encoder, Bert) and model.head.proj.out_features == 3


def test_any_model_of_the_contract_with_a_pooled_vector_works():
    class MeanEncoder(TransformerModel):
        """The contract's smallest encoder: mean of token embeddings as the pooled vector."""

        def __init__(self):
            super().__init__()
            self.config = BertConfig(vocab_size=V, d_model=16, n_heads=2)
            self.emb = nn.Embedding(V, 16)
            self.pooler = nn.Identity()

        def encode(self, input_ids, attention_mask=None, token_type_ids=None, position_ids=None,
                   output_hidden_states=False):
            h = self.emb(input_ids)
            return ModelOutput(h, None, self.pooler(h.mean(1)))

        def embedding_modules(self):
            return (self.emb,)

    model = SequenceClassifier(MeanEncoder(), num_labels=2)
    assert model(batch()["input_ids"]).shape == (6, 2) and model.head.proj.in_features == 16


def test_a_pretrained_encoder_is_used_as_given():
    seed_everything(0)
    bert = Bert(small_config())
    model = SequenceClassifier(bert, num_labels=2)
    assert model.encoder is bert


def test_loss_decreases_and_it_learns_a_trivial_task():
    _, h = train_once(steps=40)
    assert h.val["loss"][-1] < 0.5 * h.val["loss"][0]
    assert h.last("val_acc") > 0.95


def test_training_is_deterministic_given_the_seed():
    m1, h1 = train_once(steps=12, seed=3)
    m2, h2 = train_once(steps=12, seed=3)
    assert h1.train["loss"] == h2.train["loss"] and h1.val["acc"] == h2.val["acc"]
    for p1, p2 in zip(m1.parameters(), m2.parameters()):
        assert torch.equal(p1, p2)
    _, h3 = train_once(steps=12, seed=4)
    assert h3.train["loss"] != h1.train["loss"]


def test_accuracy_counts_every_example():
    model, h = train_once(steps=40)
    _, val = loaders()
    assert model.accuracy(val) == pytest.approx(h.last("val_acc"), abs=1e-6)  # equal batches: same mean
    assert model.training  # accuracy() restores the mode it found
    odd = DataLoader(DictDataset(batch(50, seed=2)), batch_size=32)
    b = batch(50, seed=2)
    with torch.no_grad():
        expected = (model.eval()(b["input_ids"]).argmax(-1) == b["labels"]).float().mean().item()
    assert model.accuracy(odd) == pytest.approx(expected)


def test_weight_decay_spares_biases_and_layer_norms():
    model = SequenceClassifier(small_config(), num_labels=2, weight_decay=0.1)
    opt = model.configure_optimizers()
    decay, no_decay = opt.param_groups
    assert decay["weight_decay"] == 0.1 and no_decay["weight_decay"] == 0.0
    assert all(p.dim() >= 2 for p in decay["params"]) and all(p.dim() < 2 for p in no_decay["params"])
    assert len(decay["params"]) + len(no_decay["params"]) == len(list(model.parameters()))


def test_warmup_then_linear_decay():
    assert [warmup_linear(s, 4) for s in range(6)] == [0.25, 0.5, 0.75, 1.0, 1.0, 1.0]
    assert [warmup_linear(s, 2, 6) for s in range(7)] == [0.5, 1.0, 1.0, 0.75, 0.5, 0.25, 0.0]
    assert warmup_linear(100, 0, None) == 1.0 and warmup_linear(9, 0, 8) == 0.0
    model = SequenceClassifier(small_config(), num_labels=2, lr=1e-3, warmup_steps=2, total_steps=6)
    config = model.configure_optimizers()
    assert config["lr_scheduler"]["interval"] == "step"
    assert config["optimizer"].param_groups[0]["lr"] == pytest.approx(0.5e-3)  # first step of warm-up


@pytest.mark.parametrize("num_labels", [1, 0, -2, True, 2.0, "2"])
def test_num_labels_must_be_an_int_of_at_least_two(num_labels):
    with pytest.raises(ValueError, match="num_labels"):
        SequenceClassifier(small_config(), num_labels=num_labels)


def test_clear_errors_on_bad_arguments():
    with pytest.raises(TypeError, match="encoder must be an lmlib model with a pooled"):
        SequenceClassifier(nn.Linear(4, 4), num_labels=2)
    with pytest.raises(ValueError, match="lr"):
        SequenceClassifier(small_config(), num_labels=2, lr=0.0)
    with pytest.raises(ValueError, match="warmup_steps"):
        SequenceClassifier(small_config(), num_labels=2, warmup_steps=10, total_steps=10)
    with pytest.raises(ValueError, match="warmup_steps"):
        SequenceClassifier(small_config(), num_labels=2, warmup_steps=-1)


def test_clear_errors_on_bad_batches():
    model = SequenceClassifier(small_config(), num_labels=2)
    b = batch()
    with pytest.raises(ValueError, match="'labels'"):
        model.training_step({"input_ids": b["input_ids"]}, 0)
    with pytest.raises(ValueError, match="dict"):
        model.training_step((b["input_ids"], b["labels"]), 0)
    with pytest.raises(ValueError, match=r"labels must lie in \[0, 2\)"):
        model.training_step(dict(b, labels=b["labels"] + 2), 0)
    with pytest.raises(ValueError, match="shape"):
        model.training_step(dict(b, labels=b["labels"][:, None]), 0)


def test_fit_counts_the_examples_and_tokens_of_dict_batches():
    # Dict items collate into a dict of stacked tensors; fit counts its input_ids.
    seed_everything(0)
    model = SequenceClassifier(small_config(), num_labels=2)
    train, _ = loaders()
    h = fit(model, train, max_steps=2, seed=0, profile="cpu", verbose=False)
    assert h.examples == 64 and h.tokens == 64 * T
