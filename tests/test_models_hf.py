"""lmlib's GPT and BERT against Hugging Face transformers: same weights, same outputs (float32, eval mode)."""

import sys

import pytest
import torch

transformers = pytest.importorskip("transformers")

from lmlib.models import (  # noqa: E402
    GPT,
    Bert,
    BertConfig,
    GPTConfig,
    bert_from_hf,
    bert_to_hf,
    gpt_from_hf,
    gpt_to_hf,
)

TOL = dict(atol=1e-5, rtol=1e-5)
VOCAB = 101

# (d_model, n_heads, n_layers, activation, seed): small, varied shapes and both GELUs
GPT_CONFIGS = [(32, 2, 2, "gelu_new", 0), (48, 4, 1, "gelu_new", 1), (64, 4, 2, "gelu", 2)]
BERT_CONFIGS = [(32, 2, 2, "gelu", 0), (48, 4, 1, "gelu", 1), (64, 4, 2, "gelu_new", 2)]


@pytest.fixture(autouse=True)
def _quiet():
    transformers.logging.set_verbosity_error()


def perturb_(model):
    """Random init leaves LayerNorms at the identity and biases at zero; move them off so bugs show."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "bias" in name or "LayerNorm" in name or "ln" in name or "norm" in name:
                p.add_(0.1 * torch.randn_like(p))
    return model


def hf_gpt(d_model, n_heads, n_layers, activation, seed, n_positions=24):
    torch.manual_seed(seed)
    config = transformers.GPT2Config(
        vocab_size=VOCAB, n_positions=n_positions, n_embd=d_model, n_layer=n_layers, n_head=n_heads,
        activation_function=activation, bos_token_id=None, eos_token_id=None, attn_implementation="eager",
    )
    return perturb_(transformers.GPT2LMHeadModel(config)).eval()


def hf_bert(d_model, n_heads, n_layers, activation, seed, n_positions=24):
    torch.manual_seed(seed)
    config = transformers.BertConfig(
        vocab_size=VOCAB, hidden_size=d_model, num_hidden_layers=n_layers, num_attention_heads=n_heads,
        intermediate_size=3 * d_model, hidden_act=activation, max_position_embeddings=n_positions,
        attn_implementation="eager",
    )
    return perturb_(transformers.BertForPreTraining(config)).eval()


def assert_same_state(a, b):
    sa, sb = a.state_dict(), b.state_dict()
    assert sa.keys() == sb.keys()
    for key in sa:
        assert torch.equal(sa[key], sb[key]), key


# ------------------------------------------------------------------------------------------ GPT


@pytest.mark.parametrize("d_model, n_heads, n_layers, activation, seed", GPT_CONFIGS)
def test_gpt_matches_hf_logits_and_loss(d_model, n_heads, n_layers, activation, seed):
    hf = hf_gpt(d_model, n_heads, n_layers, activation, seed)
    model = gpt_from_hf(hf)
    assert not model.training
    idx = torch.randint(0, VOCAB, (3, 24))
    labels = idx.clone()
    labels[0, 5:9] = -100  # ignored positions
    expected = hf(idx, labels=labels)
    # HF shifts the labels inside; lmlib takes targets already aligned: targets[t] follows idx[:t+1].
    targets = torch.cat([labels[:, 1:], torch.full((3, 1), -100)], dim=1)
    logits, loss = model(idx, targets)
    torch.testing.assert_close(logits, expected.logits, **TOL)
    torch.testing.assert_close(loss, expected.loss, **TOL)
    assert model(idx)[1] is None


def test_gpt_matches_hf_with_padding_mask():
    hf = hf_gpt(32, 4, 2, "gelu_new", 3)
    model = gpt_from_hf(hf)
    idx = torch.randint(0, VOCAB, (2, 10))
    mask = torch.tensor([[1] * 10, [1] * 6 + [0] * 4])  # right padding
    logits, _ = model(idx, attention_mask=mask)
    torch.testing.assert_close(logits, hf(idx, attention_mask=mask).logits, **TOL)
    assert not torch.allclose(logits[1], model(idx)[0][1])  # the mask does change something


def test_gpt_to_hf_matches_and_round_trips():
    torch.manual_seed(4)
    model = perturb_(GPT(GPTConfig(vocab_size=VOCAB, max_positions=16, d_model=48, n_layers=2, n_heads=3,
                                   dropout=0.0))).eval()
    hf = gpt_to_hf(model)
    assert hf.lm_head.weight is hf.transformer.wte.weight  # still tied
    idx = torch.randint(0, VOCAB, (2, 16))
    torch.testing.assert_close(model(idx)[0], hf(idx).logits, **TOL)
    assert_same_state(gpt_from_hf(hf), model)  # lmlib -> HF -> lmlib
    hf_again = gpt_to_hf(gpt_from_hf(hf))
    assert_same_state(hf_again, hf)  # HF -> lmlib -> HF


def test_gpt_greedy_generation_matches_hf():
    hf = hf_gpt(32, 2, 2, "gelu_new", 5, n_positions=32)
    model = gpt_from_hf(hf)
    idx = torch.randint(0, VOCAB, (2, 4))
    expected = hf.generate(
        idx, attention_mask=torch.ones_like(idx), max_new_tokens=6, do_sample=False, pad_token_id=0
    )
    assert torch.equal(model.generate(idx, 6, temperature=0.0), expected)


def test_gpt_parameters_and_tying():
    hf = hf_gpt(32, 2, 2, "gelu_new", 6)
    model = gpt_from_hf(hf)
    assert model.lm_head.weight is model.wte.weight
    assert model.num_parameters() == hf.num_parameters()
    assert model.num_parameters(non_embedding=True) == hf.num_parameters() - (VOCAB + 24) * 32


def test_gpt_sequence_longer_than_positions_raises():
    model = GPT(GPTConfig(vocab_size=VOCAB, max_positions=8, d_model=16, n_layers=1, n_heads=2))
    model(torch.zeros(1, 8, dtype=torch.long))
    with pytest.raises(ValueError, match=r"sequence of length 9 is longer than the model's 8 positions"):
        model(torch.zeros(1, 9, dtype=torch.long))
    # generation keeps to the context window instead
    assert model.generate(torch.zeros(1, 8, dtype=torch.long), 3).shape == (1, 11)


@pytest.mark.parametrize("config_cls", [GPTConfig, BertConfig])
def test_config_validation(config_cls):
    with pytest.raises(ValueError, match=r"d_model=30 is not divisible by n_heads=4; choose n_heads"):
        config_cls(vocab_size=VOCAB, d_model=30, n_heads=4)
    with pytest.raises(ValueError, match=r"vocab_size must be a positive integer, got 0"):
        config_cls(vocab_size=0)
    with pytest.raises(ValueError, match=r"dropout must be in \[0, 1\), got 1.0"):
        config_cls(vocab_size=VOCAB, dropout=1.0)
    with pytest.raises(ValueError, match=r"unknown activation 'swish'"):
        config_cls(vocab_size=VOCAB, activation="swish")
    assert config_cls(vocab_size=VOCAB, d_model=32).d_ff == 128


def test_unsupported_hf_config_is_refused():
    config = transformers.GPT2Config(
        vocab_size=VOCAB, n_positions=8, n_embd=16, n_layer=1, n_head=2,
        scale_attn_by_inverse_layer_idx=True, bos_token_id=None, eos_token_id=None,
    )
    with pytest.raises(ValueError, match=r"cannot convert: lmlib scales attention scores by 1/sqrt"):
        gpt_from_hf(transformers.GPT2LMHeadModel(config))
    with pytest.raises(TypeError, match=r"expected a transformers.GPT2LMHeadModel, got GPT2Model"):
        gpt_from_hf(transformers.GPT2Model(config))


def test_missing_transformers_gives_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "transformers", None)  # makes `import transformers` fail
    model = GPT(GPTConfig(vocab_size=VOCAB, max_positions=8, d_model=16, n_layers=1, n_heads=2))
    with pytest.raises(ImportError, match=r"pip install transformers"):
        gpt_to_hf(model)


# ----------------------------------------------------------------------------------------- BERT


@pytest.mark.parametrize("d_model, n_heads, n_layers, activation, seed", BERT_CONFIGS)
def test_bert_matches_hf_mlm_and_nsp_logits(d_model, n_heads, n_layers, activation, seed):
    hf = hf_bert(d_model, n_heads, n_layers, activation, seed)
    model = bert_from_hf(hf)
    idx = torch.randint(0, VOCAB, (3, 20))
    segments = torch.tensor([[0] * 8 + [1] * 12, [0] * 12 + [1] * 8, [0] * 20])
    mask = torch.tensor([[1] * 20, [1] * 15 + [0] * 5, [1] * 9 + [0] * 11])  # padding at the end
    expected = hf(idx, token_type_ids=segments, attention_mask=mask)
    mlm, nsp = model(idx, token_type_ids=segments, attention_mask=mask)
    torch.testing.assert_close(mlm, expected.prediction_logits, **TOL)
    torch.testing.assert_close(nsp, expected.seq_relationship_logits, **TOL)
    # and with the defaults: no segments given (all A), no padding
    expected = hf(idx)
    mlm, nsp = model(idx)
    torch.testing.assert_close(mlm, expected.prediction_logits, **TOL)
    torch.testing.assert_close(nsp, expected.seq_relationship_logits, **TOL)


def test_bert_to_hf_matches_and_round_trips():
    torch.manual_seed(7)
    model = perturb_(Bert(BertConfig(vocab_size=VOCAB, max_positions=16, d_model=32, n_layers=2, n_heads=4,
                                     dropout=0.0))).eval()
    hf = bert_to_hf(model)
    assert hf.cls.predictions.decoder.weight is hf.bert.embeddings.word_embeddings.weight
    idx = torch.randint(0, VOCAB, (2, 16))
    segments = (torch.arange(16) >= 7).long().expand(2, -1)
    mask = torch.tensor([[1] * 16, [1] * 11 + [0] * 5])
    mlm, nsp = model(idx, segments, mask)
    expected = hf(idx, token_type_ids=segments, attention_mask=mask)
    torch.testing.assert_close(mlm, expected.prediction_logits, **TOL)
    torch.testing.assert_close(nsp, expected.seq_relationship_logits, **TOL)
    assert_same_state(bert_from_hf(hf), model)  # lmlib -> HF -> lmlib
    assert_same_state(bert_to_hf(bert_from_hf(hf)), hf)  # HF -> lmlib -> HF


def test_bert_parameters_and_tying():
    hf = hf_bert(32, 2, 2, "gelu", 8)
    model = bert_from_hf(hf)
    assert model.mlm_head.decoder.weight is model.embeddings.token_embeddings.weight
    assert model.num_parameters() == hf.num_parameters()
    assert model.num_parameters(non_embedding=True) == hf.num_parameters() - (VOCAB + 24 + 2) * 32


def test_bert_sequence_longer_than_positions_raises():
    model = Bert(BertConfig(vocab_size=VOCAB, max_positions=8, d_model=16, n_layers=1, n_heads=2))
    with pytest.raises(ValueError, match=r"sequence of length 9 is longer than the model's 8 positions"):
        model(torch.zeros(1, 9, dtype=torch.long))


def test_bert_ablations_cannot_go_to_hf():
    model = Bert(BertConfig(vocab_size=VOCAB, d_model=16, n_layers=1, n_heads=2, use_positions=False))
    assert model.embeddings.position_embeddings is None
    with pytest.raises(ValueError, match=r"cannot convert: HF's BERT always has position and segment"):
        bert_to_hf(model)
