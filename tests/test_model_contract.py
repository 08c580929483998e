"""The model contract (config base, ``encode`` -> ``ModelOutput``, separate heads) and the objective base.

The bodies and task models must draw the same initial weights and compute the same outputs as the
models before the contract (frozen below as they were), so that every notebook's numbers stay put.
"""

import math

import lightning as L
import pytest
import torch
from torch import nn

from lmlib.models import (
    GPT,
    Bert,
    BertConfig,
    BertForMaskedLM,
    BertForPreTraining,
    ClassificationHead,
    GPTConfig,
    GPTModel,
    MaskedLMHead,
    ModelOutput,
    ReplacedTokenHead,
    ScalarHead,
    SentencePairHead,
    TransformerConfig,
    last_token_states,
)
from lmlib.models.base import init_weights
from lmlib.models.hf import from_hf
from lmlib.nn import BertEmbeddings, Block, LearnedPositionalEmbedding
from lmlib.objectives import CausalLM, GradualUnfreezing, MaskedLM, Objective, SequenceClassifier
from lmlib.objectives.base import layer_of
from lmlib.objectives.causal_lm import next_token_loss
from lmlib.train import fit

V = 40


# --- the models before the contract, frozen (construction order and forward as they were) ---------------

class _OldGPT(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.wte = nn.Embedding(c.vocab_size, c.d_model)
        self.wpe = LearnedPositionalEmbedding(c.max_positions, c.d_model)
        self.drop = nn.Dropout(c.dropout)
        self.blocks = nn.ModuleList(Block(c.d_model, c.n_heads, c.d_ff, c.dropout, norm_first=True, causal=True,
                                          layer_norm_eps=c.layer_norm_eps, activation=c.activation)
                                    for _ in range(c.n_layers))
        self.ln_f = nn.LayerNorm(c.d_model, eps=c.layer_norm_eps)
        self.lm_head = nn.Linear(c.d_model, c.vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight
        self.apply(init_weights)
        for block in self.blocks:
            for proj in (block.attn.out_proj, block.ffn.fc2):
                nn.init.normal_(proj.weight, std=0.02 / math.sqrt(2 * c.n_layers))

    def forward(self, idx, targets=None, attention_mask=None):
        x = self.drop(self.wte(idx) + self.wpe(idx.shape[1]))
        for block in self.blocks:
            x = block(x, attention_mask)
        logits = self.lm_head(self.ln_f(x))
        loss = None if targets is None else nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten())
        return logits, loss


class _OldBert(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.embeddings = BertEmbeddings(c.vocab_size, c.d_model, c.max_positions, c.type_vocab_size, c.dropout,
                                         c.layer_norm_eps, use_positions=c.use_positions, use_segments=c.use_segments)
        self.blocks = nn.ModuleList(Block(c.d_model, c.n_heads, c.d_ff, c.dropout, norm_first=False, causal=False,
                                          layer_norm_eps=c.layer_norm_eps, activation=c.activation)
                                    for _ in range(c.n_layers))
        self.pooler = nn.Linear(c.d_model, c.d_model)
        self.mlm_head = MaskedLMHead(c.d_model, c.vocab_size, c.activation, c.layer_norm_eps)
        self.nsp_head = nn.Linear(c.d_model, 2)
        self.apply(init_weights)
        self.mlm_head.decoder.weight = self.embeddings.token_embeddings.weight

    def forward(self, input_ids, token_type_ids=None, attention_mask=None):
        x = self.embeddings(input_ids, token_type_ids, None)
        for block in self.blocks:
            x = block(x, attention_mask)
        return self.mlm_head(x), self.nsp_head(torch.tanh(self.pooler(x[:, 0])))


def gpt_config():
    return GPTConfig(vocab_size=V, max_positions=16, d_model=32, n_layers=2, n_heads=4)


def bert_config(**kw):
    return BertConfig(vocab_size=V, max_positions=16, d_model=32, n_layers=2, n_heads=4, **kw)


def seeded(make, seed=0):
    torch.manual_seed(seed)
    return make()


IDS = torch.randint(0, V, (3, 12), generator=torch.Generator().manual_seed(1))
MASK = torch.tensor([[1] * 12, [1] * 9 + [0] * 3, [1] * 4 + [0] * 8])
TYPES = (torch.arange(12) >= 6).long().expand(3, -1)


def assert_same_weights(a: nn.Module, b: nn.Module):
    sa, sb = a.state_dict(), b.state_dict()
    assert list(sa) == list(sb)  # same names in the same order (checkpoints, HF tables)
    for key in sa:
        assert torch.equal(sa[key], sb[key]), key


@pytest.mark.parametrize("seed", [0, 1])
def test_gpt_draws_and_computes_what_it_did_before_the_contract(seed):
    old, new = seeded(lambda: _OldGPT(gpt_config()), seed), seeded(lambda: GPT(gpt_config()), seed)
    assert_same_weights(old, new)
    assert torch.equal(torch.get_rng_state(), seeded(lambda: (GPT(gpt_config()), torch.get_rng_state())[1], seed))
    for training in (False, True):
        old.train(training), new.train(training)
        torch.manual_seed(5)
        logits_old, loss_old = old(IDS, IDS, MASK)
        torch.manual_seed(5)
        logits_new = new(IDS, MASK)
        assert torch.equal(logits_old, logits_new)
        assert torch.equal(loss_old, next_token_loss(logits_new, IDS))


@pytest.mark.parametrize("seed", [0, 1])
def test_bert_for_pretraining_draws_and_computes_what_bert_did_before(seed):
    old, new = seeded(lambda: _OldBert(bert_config()), seed), seeded(lambda: BertForPreTraining(bert_config()), seed)
    assert_same_weights(old, new)
    for training in (False, True):
        old.train(training), new.train(training)
        torch.manual_seed(5)
        a = old(IDS, TYPES, MASK)
        torch.manual_seed(5)
        b = new(IDS, MASK, TYPES)
        assert all(torch.equal(x, y) for x, y in zip(a, b, strict=True))


def test_the_rng_after_building_a_model_is_as_before():
    """Later draws (the data order, dropout) depend on it: the same state means the same training run."""
    for old, new in ((lambda: _OldGPT(gpt_config()), lambda: GPT(gpt_config())),
                     (lambda: _OldBert(bert_config()), lambda: BertForPreTraining(bert_config()))):
        seeded(old)
        after_old = torch.get_rng_state()
        seeded(new)
        assert torch.equal(after_old, torch.get_rng_state())


# --- the contract --------------------------------------------------------------------------------------

def test_every_model_encodes_into_one_output():
    for model in (GPTModel(gpt_config()), GPT(gpt_config()), Bert(bert_config()), BertForMaskedLM(bert_config()),
                  BertForPreTraining(bert_config())):
        model.eval()
        out = model.encode(IDS, MASK, output_hidden_states=True)
        assert isinstance(out, ModelOutput) and out.last_hidden_state.shape == (3, 12, 32)
        assert len(out.hidden_states) == model.config.n_layers + 1
        assert torch.equal(out.hidden_states[-1], out.last_hidden_state)
        has_pooler = isinstance(model, Bert) and not type(model) is BertForMaskedLM
        assert (out.pooled is not None) == has_pooler
        if has_pooler:
            assert out.pooled.shape == (3, 32)
    body = Bert(bert_config()).eval()
    assert torch.equal(body(IDS, MASK).last_hidden_state, body.encode(IDS, MASK).last_hidden_state)  # forward = encode


def test_heads_are_separate_modules_and_bodies_have_none():
    assert not hasattr(Bert(bert_config()), "mlm_head") and not hasattr(GPTModel(gpt_config()), "lm_head")
    mlm = BertForMaskedLM(bert_config())
    assert mlm.pooler is None and not hasattr(mlm, "nsp_head")  # RoBERTa-style: nothing unused
    assert isinstance(BertForPreTraining(bert_config()).nsp_head, SentencePairHead)
    assert isinstance(mlm.mlm_head, MaskedLMHead) and mlm.mlm_head.decoder.weight is mlm.embeddings.token_embeddings.weight
    gpt = GPT(gpt_config())
    assert gpt.lm_head.weight is gpt.wte.weight and gpt.num_parameters() == GPTModel(gpt_config()).num_parameters()


def test_heads_follow_their_written_out_formulas():
    torch.manual_seed(0)
    h, pooled = torch.randn(2, 5, 16), torch.randn(2, 16)
    rtd = ReplacedTokenHead(16, "gelu")
    want = (nn.functional.gelu(h @ rtd.dense.weight.T + rtd.dense.bias) @ rtd.prediction.weight.T
            + rtd.prediction.bias).squeeze(-1)
    torch.testing.assert_close(rtd(h), want)
    clf = ClassificationHead(16, 3, dropout=0.0)
    torch.testing.assert_close(clf(pooled), pooled @ clf.proj.weight.T + clf.proj.bias)
    assert clf.proj.bias.eq(0).all() and SentencePairHead(16)(pooled).shape == (2, 2)


def test_replaced_token_head_equals_hf_electra():
    transformers = pytest.importorskip("transformers")
    config = transformers.ElectraConfig(hidden_size=16, hidden_act="gelu")
    torch.manual_seed(0)
    hf = transformers.models.electra.modeling_electra.ElectraDiscriminatorPredictions(config).eval()
    ours = ReplacedTokenHead(16, "gelu")
    ours.dense.load_state_dict(hf.dense.state_dict())
    ours.prediction.load_state_dict(hf.dense_prediction.state_dict())
    h = torch.randn(2, 7, 16)
    torch.testing.assert_close(ours(h), hf(h), atol=1e-6, rtol=1e-6)


def test_a_reward_at_the_last_real_token_equals_hf_gpt2_sequence_classification():
    transformers = pytest.importorskip("transformers")
    transformers.logging.set_verbosity_error()
    config = transformers.GPT2Config(vocab_size=V, n_positions=16, n_embd=32, n_layer=2, n_head=4, num_labels=1,
                                     pad_token_id=0, bos_token_id=None, eos_token_id=None,
                                     attn_implementation="eager")
    torch.manual_seed(0)
    hf = transformers.GPT2ForSequenceClassification(config).eval()
    body = from_hf(hf.transformer).eval()  # a GPT2Model -> lmlib's GPTModel
    head = ScalarHead(32, bias=False)
    head.weight.data.copy_(hf.score.weight)
    ids = torch.randint(1, V, (3, 12), generator=torch.Generator().manual_seed(2))
    mask = MASK.clone()
    ids = ids * mask  # right padding with pad_token_id 0, as HF finds the last real token by it
    ours = head(last_token_states(body.encode(ids, mask).last_hidden_state, mask))
    torch.testing.assert_close(ours, hf(ids, attention_mask=mask).logits.squeeze(-1), atol=1e-5, rtol=1e-5)
    h = torch.randn(2, 4, 3)
    left = torch.tensor([[0, 0, 1, 1], [0, 1, 1, 0]])
    assert torch.equal(last_token_states(h, left), h[[0, 1], [3, 2]]) and torch.equal(last_token_states(h), h[:, -1])
    with pytest.raises(ValueError, match="at least one real token"):
        last_token_states(h, torch.tensor([[0, 0, 0, 0], [1, 1, 1, 1]]))


def test_one_config_base_checks_every_family():
    assert issubclass(GPTConfig, TransformerConfig) and issubclass(BertConfig, TransformerConfig)
    for cls in (GPTConfig, BertConfig, TransformerConfig):
        with pytest.raises(ValueError, match=rf"{cls.__name__}.n_layers must be a positive integer, got 0"):
            cls(vocab_size=V, n_layers=0)
    with pytest.raises(ValueError, match=r"BertConfig.type_vocab_size must be a positive integer, got 0"):
        BertConfig(vocab_size=V, type_vocab_size=0)
    assert GPTConfig(vocab_size=V).activation == "gelu_new" and BertConfig(vocab_size=V).layer_norm_eps == 1e-12


# --- the objective base ---------------------------------------------------------------------------------

def test_parameter_groups_split_decay_as_before():
    lm = CausalLM(GPT(gpt_config()))
    decay, no_decay = lm.parameter_groups()
    params = [p for p in lm.parameters()]
    assert [id(p) for p in decay["params"]] == [id(p) for p in params if p.dim() >= 2]
    assert [id(p) for p in no_decay["params"]] == [id(p) for p in params if p.dim() < 2]
    assert (decay["weight_decay"], no_decay["weight_decay"]) == (0.1, 0.0)


def test_discriminative_learning_rates_per_layer():
    clf = SequenceClassifier(bert_config(), num_labels=2, lr=1e-3, layer_lr_decay=0.5)
    groups = clf.parameter_groups()
    lr_of = {id(p): g["lr"] for g in groups for p in g["params"]}
    L = clf.encoder.config.n_layers
    assert lr_of[id(clf.encoder.embeddings.token_embeddings.weight)] == pytest.approx(1e-3 * 0.5 ** (L + 1))
    assert lr_of[id(clf.encoder.blocks[0].attn.q_proj.weight)] == pytest.approx(1e-3 * 0.5 ** L)
    assert lr_of[id(clf.encoder.blocks[L - 1].ffn.fc1.bias)] == pytest.approx(1e-3 * 0.5)
    assert lr_of[id(clf.encoder.embeddings.norm.weight)] == pytest.approx(1e-3 * 0.5 ** (L + 1))  # input layer
    assert lr_of[id(clf.head.proj.weight)] == lr_of[id(clf.encoder.pooler.weight)] == pytest.approx(1e-3)
    assert sorted(lr_of) == sorted(id(p) for p in clf.parameters())  # every parameter once
    optimizer = clf.configure_optimizers()
    assert sorted(g["lr"] for g in optimizer.param_groups) == sorted(g["lr"] for g in groups)
    assert layer_of("encoder.blocks.11.ln_1.weight", nn.Parameter(torch.ones(1)), set(), 12) == 12
    with pytest.raises(ValueError, match=r"layer_lr_decay must be in \(0, 1\]"):
        CausalLM(gpt_config(), layer_lr_decay=0.0)


def test_unknown_schedule_and_bad_settings_are_refused():
    class Plain(Objective):
        pass

    with pytest.raises(ValueError, match=r"unknown schedule 'step'; choose one of \('constant', 'cosine', 'linear'\)"):
        Plain(lr=1e-3, schedule="step")
    with pytest.raises(ValueError, match=r"need 0 <= warmup_steps < max_steps"):
        Plain(lr=1e-3, warmup_steps=5, max_steps=5)
    with pytest.raises(NotImplementedError, match=r"Plain must define step\(batch\)"):
        Plain(lr=1e-3).step(None)


class _WithReference(CausalLM):
    """A policy and a frozen reference (as DPO and PPO need): the reference is neither trained nor saved."""

    def __init__(self, config):
        super().__init__(config)
        self.freeze("reference", GPT(config))


def test_frozen_reference_is_not_trained_counted_or_saved():
    module = _WithReference(gpt_config())
    assert all(not k.startswith("reference") for k in module.state_dict())
    assert sum(p.numel() for p in module.parameters()) == module.model.num_parameters()
    assert all(not p.requires_grad for p in module.reference.parameters())
    module.train()
    assert not module.reference.training and module.model.training
    module.double()
    assert next(module.reference.parameters()).dtype == torch.float64  # moves with the module
    assert module.frozen() == {"reference": module.reference}
    with pytest.raises(ValueError, match=r"already has an attribute 'model'"):
        module.freeze("model", GPT(gpt_config()))


class _Manual(CausalLM):
    """The same objective, optimised by hand (as policy optimisation does)."""

    automatic_optimization = False

    def training_step(self, batch, batch_idx):
        out = self.step(batch)
        self.manual_step(out["loss"])
        return out


def _data(n=64):
    g = torch.Generator().manual_seed(0)
    x = torch.randint(0, V, (n, 12), generator=g)
    return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, x.roll(-1, 1)), batch_size=8)


def test_manual_optimisation_equals_automatic():
    runs = []
    for cls in (CausalLM, _Manual):
        torch.manual_seed(0)
        module = cls(GPTConfig(vocab_size=V, max_positions=16, d_model=16, n_layers=1, n_heads=2, dropout=0.0),
                     lr=1e-2, warmup_steps=2, max_steps=6)
        history = fit(module, _data(), max_steps=6, seed=0, profile="cpu", verbose=False, grad_clip=0.5)
        runs.append((module, history))
    (auto, h_auto), (manual, h_manual) = runs
    assert h_auto.train["loss"] == pytest.approx(h_manual.train["loss"], abs=1e-6)
    for a, b in zip(auto.parameters(), manual.parameters(), strict=True):
        torch.testing.assert_close(a, b, atol=1e-6, rtol=0)


def test_masked_lm_without_nsp_builds_a_model_without_unused_parameters():
    module = MaskedLM(bert_config(), nsp=False)
    assert type(module.model) is BertForMaskedLM
    batch = {"input_ids": IDS, "attention_mask": MASK, "labels": torch.where(MASK.bool(), IDS, -100)}
    module.step(batch)["loss"].backward()
    assert all(p.grad is not None for p in module.parameters())  # DDP needs no find_unused_parameters


def test_gradual_unfreezing_trains_the_top_first_then_one_group_more_every_few_steps():
    torch.manual_seed(0)
    module = CausalLM(GPTConfig(vocab_size=V, max_positions=16, d_model=16, n_layers=2, n_heads=2, dropout=0.0),
                      lr=1e-2)
    groups = module.layers()  # embeddings, block 0, block 1, the rest (ln_f; the LM head is tied to wte)
    assert [len(g) for g in groups][1] == len(list(module.model.blocks[0].parameters())) and len(groups) == 4
    start = [[p.detach().clone() for p in g] for g in groups]
    seen = []

    class Watch(L.Callback):
        def on_train_batch_start(self, trainer, m, batch, batch_idx):
            seen.append([all(p.requires_grad for p in g) for g in m.layers()])

    unfreezing = GradualUnfreezing(every=2)
    fit(module, _data(), max_steps=3, seed=0, profile="cpu", verbose=False, callbacks=[unfreezing, Watch()])
    assert seen == [[False, False, False, True], [False, False, False, True], [False, False, True, True]]
    moved = [any(not torch.equal(p, q) for p, q in zip(g, s0)) for g, s0 in zip(groups, start)]
    assert moved == [False, False, True, True]  # embeddings and block 0 never trained in 3 steps
    assert all(p.requires_grad for p in module.parameters())  # everything trainable again after fit
    assert [unfreezing.unfrozen(s, 4) for s in (0, 1, 2, 5, 6, 100)] == [1, 1, 2, 3, 4, 4]
    with pytest.raises(ValueError, match="every must be a positive number of steps"):
        GradualUnfreezing(every=0)
