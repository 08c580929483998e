"""lmlib's GPT and BERT against Hugging Face transformers: same weights, same outputs (float32, eval mode)."""

import sys

import pytest
import torch

transformers = pytest.importorskip("transformers")

from lmlib.objectives.causal_lm import next_token_loss  # noqa: E402
from model_helpers import perturb_  # noqa: E402
from lmlib.models import (  # noqa: E402
    GPT,
    Bert,
    BertConfig,
    BertForMaskedLM,
    BertForPreTraining,
    GPTConfig,
    GPTModel,
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
    logits = model(idx)
    torch.testing.assert_close(logits, expected.logits, **TOL)
    torch.testing.assert_close(next_token_loss(logits, targets), expected.loss, **TOL)
    # every layer's hidden states, in HF's convention (the last one after ln_f)
    ours = model.encode(idx, output_hidden_states=True).hidden_states
    theirs = hf(idx, output_hidden_states=True).hidden_states
    assert len(ours) == len(theirs) == n_layers + 1
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, **TOL)
    assert model.encode(idx).hidden_states is None  # only when asked for


def test_gpt_matches_hf_with_position_ids_and_token_type_ids():
    hf = hf_gpt(32, 4, 2, "gelu_new", 4)
    model = gpt_from_hf(hf)
    idx = torch.randint(0, VOCAB, (2, 10))
    positions = torch.stack([torch.arange(10), torch.arange(10) + 5])  # e.g. a left-padded row
    types = torch.randint(0, VOCAB, (2, 10))
    torch.testing.assert_close(model(idx, position_ids=positions), hf(idx, position_ids=positions).logits, **TOL)
    torch.testing.assert_close(model(idx, token_type_ids=types), hf(idx, token_type_ids=types).logits, **TOL)
    assert not torch.allclose(model(idx, position_ids=positions), model(idx))


def test_gpt_matches_hf_with_padding_mask():
    hf = hf_gpt(32, 4, 2, "gelu_new", 3)
    model = gpt_from_hf(hf)
    idx = torch.randint(0, VOCAB, (2, 10))
    mask = torch.tensor([[1] * 10, [1] * 6 + [0] * 4])  # right padding
    logits = model(idx, attention_mask=mask)
    torch.testing.assert_close(logits, hf(idx, attention_mask=mask).logits, **TOL)
    assert not torch.allclose(logits[1], model(idx)[1])  # the mask does change something


def test_gpt_to_hf_matches_and_round_trips():
    torch.manual_seed(4)
    model = perturb_(GPT(GPTConfig(vocab_size=VOCAB, max_positions=16, d_model=48, n_layers=2, n_heads=3,
                                   dropout=0.0))).eval()
    hf = gpt_to_hf(model)
    assert hf.lm_head.weight is hf.transformer.wte.weight  # still tied
    idx = torch.randint(0, VOCAB, (2, 16))
    torch.testing.assert_close(model(idx), hf(idx).logits, **TOL)
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
    with pytest.raises(ValueError, match=r"cannot convert: lmlib scales attention scores by 1/sqrt"):
        gpt_from_hf(transformers.GPT2Model(config))  # the base model is checked the same way
    bert = transformers.BertModel(transformers.BertConfig(vocab_size=VOCAB, hidden_size=16, num_hidden_layers=1,
                                                          num_attention_heads=2, intermediate_size=32))
    with pytest.raises(TypeError, match=r"expected a transformers model of \['GPT2LMHeadModel', 'GPT2Model'\] "
                                        r"\(or a state dict\), got BertModel"):
        gpt_from_hf(bert)


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
    expected = hf(idx, output_hidden_states=True)
    mlm, nsp = model(idx)
    torch.testing.assert_close(mlm, expected.prediction_logits, **TOL)
    torch.testing.assert_close(nsp, expected.seq_relationship_logits, **TOL)
    ours = model.encode(idx, output_hidden_states=True).hidden_states  # the embeddings, then every layer
    assert len(ours) == len(expected.hidden_states) == n_layers + 1
    for a, b in zip(ours, expected.hidden_states, strict=True):
        torch.testing.assert_close(a, b, **TOL)


def test_bert_to_hf_matches_and_round_trips():
    torch.manual_seed(7)
    model = perturb_(BertForPreTraining(BertConfig(vocab_size=VOCAB, max_positions=16, d_model=32, n_layers=2,
                                                   n_heads=4, dropout=0.0))).eval()
    hf = bert_to_hf(model)
    assert hf.cls.predictions.decoder.weight is hf.bert.embeddings.word_embeddings.weight
    idx = torch.randint(0, VOCAB, (2, 16))
    segments = (torch.arange(16) >= 7).long().expand(2, -1)
    mask = torch.tensor([[1] * 16, [1] * 11 + [0] * 5])
    mlm, nsp = model(idx, mask, segments)  # HF's order: attention_mask, then token_type_ids
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


# ------------------------------------------------- the generic converter, every family and HF class

from dataclasses import replace  # noqa: E402

from lmlib.models.hf import FAMILIES, from_hf, load_pretrained, save_pretrained, to_hf  # noqa: E402
from lmlib.models.hf.table import Entry  # noqa: E402

BERT_CLASSES = ["BertModel", "BertForMaskedLM", "BertForPreTraining"]
GPT_CLASSES = ["GPT2Model", "GPT2LMHeadModel"]
AUTO = {"BertModel": "AutoModel", "BertForMaskedLM": "AutoModelForMaskedLM",
        "BertForPreTraining": "AutoModelForPreTraining", "GPT2Model": "AutoModel",
        "GPT2LMHeadModel": "AutoModelForCausalLM"}


def hf_config(hf_class):
    if hf_class.startswith("Bert"):
        return transformers.BertConfig(
            vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=48,
            max_position_embeddings=24, attn_implementation="eager")
    return transformers.GPT2Config(vocab_size=VOCAB, n_positions=24, n_embd=32, n_layer=2, n_head=4,
                                   bos_token_id=None, eos_token_id=None, attn_implementation="eager")


TWIN = {"BertModel": Bert, "BertForMaskedLM": BertForMaskedLM, "BertForPreTraining": BertForPreTraining,
        "GPT2Model": GPTModel, "GPT2LMHeadModel": GPT}


def lmlib_model(hf_class, seed=0):
    torch.manual_seed(seed)
    if hf_class.startswith("Bert"):
        model = TWIN[hf_class](BertConfig(vocab_size=VOCAB, max_positions=24, d_model=32, n_layers=2, n_heads=4,
                                          d_ff=48))
    else:
        model = TWIN[hf_class](GPTConfig(vocab_size=VOCAB, max_positions=24, d_model=32, n_layers=2, n_heads=4))
    return perturb_(model).eval()


def hf_model(hf_class, seed=0):
    torch.manual_seed(seed)
    return perturb_(getattr(transformers, hf_class)(hf_config(hf_class))).eval()


def inputs(hf_class):
    g = torch.Generator().manual_seed(1)
    idx = torch.randint(0, VOCAB, (3, 20), generator=g)
    mask = torch.tensor([[1] * 20, [1] * 15 + [0] * 5, [1] * 9 + [0] * 11])  # right padding
    if hf_class.startswith("Bert"):
        segments = torch.tensor([[0] * 8 + [1] * 12, [0] * 12 + [1] * 8, [0] * 20])
        return dict(input_ids=idx, token_type_ids=segments, attention_mask=mask)
    return dict(input_ids=idx, attention_mask=mask)


def hf_outputs(hf_class, model, x):
    with torch.no_grad():
        out = model(**x)
    return {
        "BertModel": lambda: (out.last_hidden_state, out.pooler_output),
        "BertForMaskedLM": lambda: (out.logits,),
        "BertForPreTraining": lambda: (out.prediction_logits, out.seq_relationship_logits),
        "GPT2Model": lambda: (out.last_hidden_state,),
        "GPT2LMHeadModel": lambda: (out.logits,),
    }[hf_class]()


def lmlib_outputs(hf_class, model, x):
    with torch.no_grad():
        out = model(**x)
    if hf_class == "BertModel":
        return out.last_hidden_state, out.pooled
    if hf_class == "GPT2Model":
        return (out.last_hidden_state,)
    return out if hf_class == "BertForPreTraining" else (out,)


def assert_same_outputs(hf_class, lmlib, hf):
    x = inputs(hf_class)
    ours, theirs = lmlib_outputs(hf_class, lmlib, x), hf_outputs(hf_class, hf, x)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        torch.testing.assert_close(a, b, **TOL)


@pytest.mark.parametrize("hf_class", BERT_CLASSES + GPT_CLASSES)
def test_every_class_both_ways_and_through_directories(hf_class, tmp_path, monkeypatch):
    # HF -> lmlib (the family is found from the class; heads the class lacks keep their init)
    hf = hf_model(hf_class)
    ours = from_hf(hf)
    assert type(ours) is TWIN[hf_class] and not ours.training  # the twin, with the same heads
    assert_same_outputs(hf_class, ours, hf)
    # lmlib -> HF
    model = lmlib_model(hf_class, seed=1)
    assert_same_outputs(hf_class, model, to_hf(model, hf_class, attn_implementation="eager"))
    assert type(to_hf(model)).__name__ == hf_class  # the default class is the twin
    # lmlib -> save_pretrained -> transformers' from_pretrained (task class and AutoModel*), nothing missing
    save_pretrained(model, tmp_path / "ours", hf_class)
    loaded, info = getattr(transformers, AUTO[hf_class]).from_pretrained(
        tmp_path / "ours", attn_implementation="eager", output_loading_info=True)
    assert type(loaded).__name__ == hf_class
    assert not info["missing_keys"] and not info["unexpected_keys"] and not info["mismatched_keys"]
    assert_same_outputs(hf_class, model, loaded.eval())
    base = transformers.AutoModel.from_pretrained(tmp_path / "ours", attn_implementation="eager").eval()
    x = inputs(hf_class)
    torch.testing.assert_close(base(**x).last_hidden_state, model.encode(**x).last_hidden_state, **TOL)
    # HF save_pretrained -> load_pretrained, without importing transformers
    hf.save_pretrained(tmp_path / "theirs")
    monkeypatch.setitem(sys.modules, "transformers", None)
    again = load_pretrained(tmp_path / "theirs")
    monkeypatch.undo()
    assert type(again) is TWIN[hf_class] and not again.training
    assert_same_outputs(hf_class, again, hf)


def test_a_head_no_class_holds_with_the_others_keeps_its_initialisation():
    hf = hf_model("BertForPreTraining")
    state = {k: v for k, v in hf.state_dict().items() if not k.startswith("cls.seq_relationship")}
    config = from_hf(hf).config
    torch.manual_seed(3)
    init = BertForPreTraining(config)
    torch.manual_seed(3)
    model = from_hf(state, config=hf.config)  # pooler and MLM but no NSP: the smallest class that holds them
    assert type(model) is BertForPreTraining
    assert torch.equal(model.nsp_head.weight, init.nsp_head.weight)
    assert torch.equal(model.mlm_head.dense.weight, hf.cls.predictions.transform.dense.weight)
    assert model.mlm_head.decoder.weight is model.embeddings.token_embeddings.weight  # still tied
    assert torch.equal(model.pooler.weight, hf.bert.pooler.dense.weight)


def test_heads_go_one_way_only():
    body = lmlib_model("BertModel")
    with pytest.raises(TypeError, match=r"lmlib's Bert has no mlm or nsp weights, which transformers' "
                                        r"BertForPreTraining needs; convert it to one of \['BertModel'\]"):
        to_hf(body, "BertForPreTraining")
    full = lmlib_model("BertForPreTraining")  # a model with more heads drops them
    x = inputs("BertModel")
    torch.testing.assert_close(to_hf(full, "BertModel", attn_implementation="eager")(**x).pooler_output,
                               full.encode(**x).pooled, **TOL)


@pytest.mark.parametrize("hf_class", ["BertForPreTraining", "GPT2LMHeadModel"])
def test_from_a_state_dict(hf_class):
    hf = hf_model(hf_class)
    for config in (hf.config, hf.config.to_dict()):
        assert_same_outputs(hf_class, from_hf(hf.state_dict(), config=config).eval(), hf)
    lmlib_config = from_hf(hf).config
    family = "bert" if hf_class.startswith("Bert") else "gpt2"
    assert_same_outputs(hf_class, from_hf(hf.state_dict(), family, lmlib_config).eval(), hf)
    with pytest.raises(ValueError, match=r"from_hf\(state_dict\) needs family="):
        from_hf(hf.state_dict(), config=lmlib_config)
    with pytest.raises(ValueError, match=r"from_hf\(state_dict\) needs config="):
        from_hf(hf.state_dict(), family)


def test_table_defaults_are_transformers_defaults():
    """load_pretrained reads config.json without transformers: a field it leaves out means HF's default."""
    for fam in FAMILIES.values():
        hf = getattr(transformers, fam.hf_config)()
        for f in fam.config_fields:
            assert [getattr(hf, name) for name in f.theirs] == [f.default] * len(f.theirs), f
        for req in fam.requires:
            assert getattr(hf, req.field, req.default) == req.default, req
        assert fam.model.__name__ and all(c in dir(transformers) for c in fam.hf_classes)


def test_old_checkpoints_with_legacy_names_buffers_and_no_prefix(tmp_path):
    """Like the hub's gpt2 (GPT2Model names, attention-mask buffers) and old BERTs (gamma/beta, position_ids),
    with a config.json that leaves defaults out."""
    import json

    from safetensors.torch import save_file

    gpt = hf_model("GPT2LMHeadModel")
    state = {k.removeprefix("transformer."): v.contiguous() for k, v in gpt.state_dict().items()
             if k != "lm_head.weight"}
    for i in range(2):
        state[f"h.{i}.attn.bias"] = torch.tril(torch.ones(24, 24)).view(1, 1, 24, 24)
        state[f"h.{i}.attn.masked_bias"] = torch.tensor(-1e4)
    (tmp_path / "gpt").mkdir()
    save_file(state, str(tmp_path / "gpt" / "model.safetensors"))
    (tmp_path / "gpt" / "config.json").write_text(json.dumps(dict(
        model_type="gpt2", vocab_size=VOCAB, n_positions=24, n_embd=32, n_layer=2, n_head=4)))
    assert_same_outputs("GPT2LMHeadModel", load_pretrained(tmp_path / "gpt"), gpt)

    bert = hf_model("BertForPreTraining")
    state = {k.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta"): v
             for k, v in bert.state_dict().items() if not k.startswith("cls.predictions.decoder")}
    state["bert.embeddings.position_ids"] = torch.arange(24)[None]
    (tmp_path / "bert").mkdir()
    save_file(state, str(tmp_path / "bert" / "model.safetensors"))
    (tmp_path / "bert" / "config.json").write_text(json.dumps(dict(
        model_type="bert", vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
        intermediate_size=48, max_position_embeddings=24)))
    assert_same_outputs("BertForPreTraining", load_pretrained(tmp_path / "bert"), bert)


def without(entries, hf_name):
    return tuple(e for e in entries if e.theirs != hf_name)


def test_a_table_with_a_missing_name_fails_loudly(monkeypatch):
    bert, gpt = FAMILIES["bert"], FAMILIES["gpt2"]
    monkeypatch.setitem(FAMILIES, "bert", replace(
        bert, entries=without(bert.entries, "bert.encoder.layer.{i}.output.dense.bias")))
    with pytest.raises(ValueError, match=r"the source has \['bert.encoder.layer.0.output.dense.bias', "
                                         r"'bert.encoder.layer.1.output.dense.bias'\], which the table neither"):
        from_hf(hf_model("BertForPreTraining"))
    with pytest.raises(ValueError, match=r"table does not match lmlib's BertForPreTraining: it leaves "
                                         r"\['blocks.0.ffn.fc2.bias', 'blocks.1.ffn.fc2.bias'\] unfilled"):
        to_hf(lmlib_model("BertForPreTraining"))
    # an HF buffer that is not in the ignore list is not skipped silently
    monkeypatch.setitem(FAMILIES, "gpt2", replace(gpt, ignore=()))
    state = dict(hf_model("GPT2Model").state_dict(), **{"h.0.attn.bias": torch.ones(1, 1, 24, 24)})
    with pytest.raises(ValueError, match=r"the source has \['transformer.h.0.attn.bias'\], which the table "
                                         r"neither uses nor ignores"):
        from_hf(state, config=hf_config("GPT2Model"))


def test_a_table_with_an_extra_or_wrong_name_fails_loudly(monkeypatch):
    bert = FAMILIES["bert"]
    extra = Entry("blocks.{i}.attn.rel_bias", "bert.encoder.layer.{i}.attention.self.rel_bias")
    monkeypatch.setitem(FAMILIES, "bert", replace(bert, entries=(*bert.entries, extra)))
    with pytest.raises(ValueError, match=r"the table needs \['bert.encoder.layer.0.attention.self.rel_bias', "
                                         r"'bert.encoder.layer.1.attention.self.rel_bias'\], "
                                         r"which the source lacks"):
        from_hf(hf_model("BertModel"))
    with pytest.raises(ValueError, match=r"names \['blocks.0.attn.rel_bias', 'blocks.1.attn.rel_bias'\], which "
                                         r"the model does not have"):
        to_hf(lmlib_model("BertModel"), "BertModel")
    wrong = tuple(replace(e, ours=("pooler.wieght",)) if e.ours == ("pooler.weight",) else e for e in bert.entries)
    monkeypatch.setitem(FAMILIES, "bert", replace(bert, entries=wrong))
    with pytest.raises(ValueError, match=r"it leaves \['pooler.weight'\] unfilled and names \['pooler.wieght'\]"):
        from_hf(hf_model("BertModel"))


def test_untied_weights_wrong_classes_and_pickles_are_refused(tmp_path):
    hf = hf_model("GPT2LMHeadModel")
    state = dict(hf.state_dict(), **{"lm_head.weight": torch.zeros(VOCAB, 32)})
    with pytest.raises(ValueError, match=r"HF weight 'lm_head.weight' is not tied to 'transformer.wte.weight'"):
        from_hf(state, config=hf.config)
    with pytest.raises(TypeError, match=r"the gpt2 table knows the HF classes \['GPT2LMHeadModel', 'GPT2Model'\], "
                                        r"not BertModel"):
        to_hf(lmlib_model("GPT2Model"), "BertModel")
    with pytest.raises(ValueError, match=r"no lmlib family 't5'; known: \['bert', 'gpt2'\]"):
        from_hf(hf.state_dict(), "t5", hf.config)
    (tmp_path / "config.json").write_text('{"model_type": "gpt2"}')
    (tmp_path / "pytorch_model.bin").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match=r"\['pytorch_model.bin'\] are pickles, which lmlib never loads"):
        load_pretrained(tmp_path)
    with pytest.raises(FileNotFoundError, match=r"no config.json in .*: not a from_pretrained directory"):
        load_pretrained(tmp_path / "nowhere")


def test_a_table_checks_itself():
    bert = FAMILIES["bert"]
    with pytest.raises(ValueError, match=r"Family 'bert': entry groups \['sop'\] are in none of its hf_classes"):
        replace(bert, entries=(*bert.entries, Entry("sop_head.weight", "cls.sop.weight", group="sop")))
    with pytest.raises(ValueError, match=r"Family 'bert': base_class 'BertEncoder' is not in its hf_classes"):
        replace(bert, base_class="BertEncoder")
