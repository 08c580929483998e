"""Clear errors at forward time, the shared checks (positive_int, evaluating), and the one sampler."""

import pytest
import torch
from torch import nn

from lmlib._checks import check_id_ranges, int_at_least, positive_int
from lmlib.generate import generate
from lmlib.inference import evaluating
from lmlib.models import GPT, Bert, BertConfig, BertForMaskedLM, BertForPreTraining, GPTConfig
from lmlib.objectives import CausalLM, MaskedLM, SequenceClassifier
from lmlib.objectives.mlm import evaluate

V, P = 50, 16


def tiny_gpt() -> GPT:
    torch.manual_seed(0)
    return GPT(GPTConfig(vocab_size=V, max_positions=P, d_model=32, n_layers=1, n_heads=4))


def tiny_bert(**kw) -> BertForPreTraining:
    torch.manual_seed(0)
    return BertForPreTraining(BertConfig(vocab_size=V, max_positions=P, d_model=32, n_layers=1, n_heads=4, **kw))


IDS = torch.randint(0, V, (2, 8), generator=torch.Generator().manual_seed(0))


# --- positive_int ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [0, -3, True, 2.0, "2", None])
def test_positive_int_names_the_argument(value):
    with pytest.raises(ValueError, match=rf"block_size must be a positive integer, got {value!r}"):
        positive_int("block_size", value)


def test_positive_int_and_int_at_least():
    assert positive_int("n", 3) == 3
    assert positive_int("top_k", None, none_ok=True) is None
    with pytest.raises(ValueError, match=r"top_k must be a positive integer or None, got 0"):
        positive_int("top_k", 0, none_ok=True)
    assert int_at_least("n", 0, 0) == 0
    with pytest.raises(ValueError, match=r"num_labels must be an integer >= 2, got 1"):
        int_at_least("num_labels", 1, 2)


# --- evaluating --------------------------------------------------------------------------------------------

def test_evaluating_restores_every_submodule_and_turns_off_gradients():
    model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5), nn.Linear(2, 2))
    model.train()
    model[2].eval()  # e.g. a frozen part of a model in training
    with evaluating(model) as m:
        assert m is model and not any(sub.training for sub in model.modules())
        assert not torch.is_grad_enabled()
        assert not model(torch.ones(1, 2)).requires_grad
    assert torch.is_grad_enabled()
    assert [sub.training for sub in model.modules()] == [True, True, True, False]


def test_evaluating_restores_the_modes_when_the_block_raises():
    model = nn.Sequential(nn.Dropout(0.1)).train()
    with pytest.raises(RuntimeError, match="boom"), evaluating(model):
        raise RuntimeError("boom")
    assert model.training and model[0].training


# --- GPT at forward time -----------------------------------------------------------------------------------

@pytest.mark.parametrize("call, error, match", [
    (lambda m: m(IDS + V), ValueError,
     r"GPT: input_ids must lie in \[0, vocab_size=50\), got values from \d+ to \d+; the ids do not fit the "
     r"model's vocabulary: encode with the tokenizer .* vocab_size >= \d+"),
    (lambda m: m(IDS - 100), ValueError,
     r"GPT: input_ids must lie in \[0, vocab_size=50\), got values from -\d+ to -\d+; negative values are not ids"),
    (lambda m: m(IDS[0]), ValueError,
     r"GPT: input_ids must have shape \(B, T\) \(batch, sequence\), got shape \(8,\); .* add a batch dimension: input_ids\[None\]"),
    (lambda m: m(IDS[None]), ValueError, r"got shape \(1, 2, 8\); flatten the extra dimensions into the batch"),
    (lambda m: m(IDS[:, :0]), ValueError, r"GPT: input_ids has no tokens \(shape \(2, 0\)\)"),
    (lambda m: m(IDS.float()), TypeError, r"GPT: input_ids must hold integer token ids .* got dtype torch.float32"),
    (lambda m: m(IDS.tolist()), TypeError, r"GPT: input_ids must be a torch.Tensor of token ids of shape \(B, T\), got list"),
    (lambda m: m(IDS, attention_mask=torch.ones(2, 7)), ValueError,
     r"GPT: attention_mask must have the shape of input_ids, \(B, T\) = \(2, 8\) \(1 = real token, 0 = padding\), "
     r"got shape \(2, 7\)"),
    (lambda m: m(IDS, attention_mask=torch.ones(2, 8, 8)), ValueError,
     r"attention_mask must have the shape of input_ids.*got shape \(2, 8, 8\)"),
    (lambda m: m(IDS, position_ids=torch.arange(8) + 10), ValueError,
     r"GPT: position_ids must lie in \[0, max_positions=16\), got values from 10 to 17"),
    (lambda m: m(IDS, token_type_ids=IDS + V), ValueError,
     r"GPT: token_type_ids must lie in \[0, vocab_size=50\)"),  # GPT-2 embeds them with wte
    (lambda m: m.encode(IDS, attention_mask=torch.ones(2, 7)), ValueError,
     r"GPT: attention_mask must have the shape of input_ids"),
    (lambda m: m(torch.zeros(1, P + 1, dtype=torch.long)), ValueError,
     r"sequence of length 17 is longer than the model's 16 positions; truncate .* max_positions >= 17"),
])
def test_gpt_forward_errors_say_what_was_wrong(call, error, match):
    with pytest.raises(error, match=match):
        call(tiny_gpt())


def test_gpt_accepts_what_it_should():
    model = tiny_gpt()
    assert model(IDS).shape == (2, 8, V)
    assert model(IDS.int(), attention_mask=torch.ones(2, 8, dtype=torch.bool)).shape == (2, 8, V)
    assert model(torch.tensor([[0, V - 1]])).shape == (1, 2, V)  # both ends of the vocabulary
    assert model(IDS, position_ids=torch.arange(8)[None].expand(2, 8)).shape == (2, 8, V)


def test_causal_lm_forward_and_step_check_the_ids():
    lm = CausalLM(tiny_gpt())
    with pytest.raises(ValueError, match=r"GPT: input_ids must lie in \[0, vocab_size=50\)"):
        lm(IDS + V)
    with pytest.raises(ValueError, match=r"GPT: input_ids must lie in \[0, vocab_size=50\)"):
        lm.training_step((IDS + V, IDS), 0)


# --- BERT at forward time ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, match", [
    (dict(input_ids=IDS + V), r"Bert: input_ids must lie in \[0, vocab_size=50\), got values from \d+ to \d+"),
    (dict(input_ids=IDS - 60), r"Bert: input_ids must lie in .* negative values are not ids"),
    (dict(input_ids=IDS[0]), r"Bert: input_ids must have shape \(B, T\).*got shape \(8,\).*input_ids\[None\]"),
    (dict(input_ids=IDS, attention_mask=torch.ones(2, 7)),
     r"Bert: attention_mask must have the shape of input_ids, \(B, T\) = \(2, 8\).*got shape \(2, 7\)"),
    (dict(input_ids=IDS, token_type_ids=torch.zeros(2, 7, dtype=torch.long)),
     r"Bert: token_type_ids must have the shape of input_ids.*\(0 = sentence A, 1 = sentence B\), got shape \(2, 7\)"),
    (dict(input_ids=IDS, token_type_ids=torch.full((2, 8), 2)),
     r"Bert: token_type_ids must lie in \[0, type_vocab_size=2\), got values from 2 to 2; 0 marks sentence A"),
    (dict(input_ids=IDS, position_ids=torch.arange(8) + 10),
     r"Bert: position_ids must lie in \[0, max_positions=16\), got values from 10 to 17; .* max_positions >= 18"),
    (dict(input_ids=IDS, position_ids=torch.arange(7)),
     r"Bert: position_ids must have shape \(T,\), \(1, T\) or \(B, T\) with \(B, T\) = \(2, 8\).*got \(7,\)"),
    (dict(input_ids=torch.zeros(1, P + 1, dtype=torch.long)), r"sequence of length 17 is longer than the model's 16"),
])
def test_bert_forward_errors_say_what_was_wrong(kwargs, match):
    bert = tiny_bert()
    with pytest.raises(ValueError, match=match.replace("Bert:", "BertForPreTraining:")):
        bert(**kwargs)
    with pytest.raises(ValueError, match=match.replace("Bert:", "BertForPreTraining:")):  # what objectives call
        bert.encode(**kwargs)
    with pytest.raises(ValueError, match=match):  # the body alone
        Bert(bert.config)(**kwargs)


def test_bert_ablations_skip_the_checks_of_what_they_ignore():
    bert = tiny_bert(use_segments=False, use_positions=False)
    assert bert(IDS, token_type_ids=torch.full((2, 8), 5))[0].shape == (2, 8, V)
    assert bert(torch.zeros(1, P + 4, dtype=torch.long))[0].shape == (1, P + 4, V)  # no positions: any length


def test_masked_lm_step_checks_labels_and_ids():
    mlm = MaskedLM(tiny_bert())
    with pytest.raises(ValueError, match=r"MaskedLM: labels must have the shape of input_ids, \(B, T\) = \(2, 8\)"):
        mlm.training_step({"input_ids": IDS, "labels": IDS[:, :7]}, 0)
    with pytest.raises(ValueError, match=r"MaskedLM: next_sentence_label must have shape \(B,\) = \(2,\)"):
        mlm.training_step({"input_ids": IDS, "labels": IDS, "next_sentence_label": torch.zeros(2, 1)}, 0)
    with pytest.raises(ValueError, match=r"BertForPreTraining: input_ids must lie in \[0, vocab_size=50\)"):
        mlm.training_step({"input_ids": IDS + V, "labels": IDS}, 0)
    with pytest.raises(ValueError, match=r"BertForPreTraining: input_ids must have shape \(B, T\)"):
        mlm.training_step({"input_ids": IDS[0], "labels": IDS}, 0)
    with pytest.raises(ValueError, match=r"MaskedLM: labels must have the shape of input_ids"):
        evaluate(mlm, [{"input_ids": IDS, "labels": IDS[:1]}])
    assert mlm.training  # evaluate gave the module back in training mode, though it raised


# --- SequenceClassifier ------------------------------------------------------------------------------------

def test_classifier_rejects_a_model_without_a_pooler_at_construction():
    with pytest.raises(TypeError, match=r"encoder must be an lmlib model with a pooled \[CLS\] vector.*got GPT: "
                                        r"a GPT is a decoder with no \[CLS\] pooled vector"):
        SequenceClassifier(tiny_gpt(), num_labels=2)
    with pytest.raises(TypeError, match=r"got BertForMaskedLM: this model was built without a pooler"):
        SequenceClassifier(BertForMaskedLM(BertConfig(vocab_size=V)), num_labels=2)
    with pytest.raises(TypeError, match=r"encoder must be an lmlib model .*got Linear"):
        SequenceClassifier(nn.Linear(2, 2), num_labels=2)


def test_masked_lm_with_nsp_needs_the_nsp_head():
    with pytest.raises(TypeError, match=r"MaskedLM\(nsp=True\) needs a BertForPreTraining .* pass nsp=False"):
        MaskedLM(BertForMaskedLM(BertConfig(vocab_size=V)))
    with pytest.raises(TypeError, match=r"model must be an lmlib BertForMaskedLM or a BertConfig, got Bert"):
        MaskedLM(Bert(BertConfig(vocab_size=V)), nsp=False)


def test_classifier_forward_checks_the_ids():
    clf = SequenceClassifier(tiny_bert(), num_labels=2)
    with pytest.raises(ValueError, match=r"BertForPreTraining: input_ids must lie in \[0, vocab_size=50\)"):
        clf(IDS + V)
    with pytest.raises(ValueError, match=r"BertForPreTraining: attention_mask must have the shape of input_ids"):
        clf(IDS, attention_mask=torch.ones(2, 9))


def test_value_checks_read_back_once():
    ids = torch.tensor([[0, 3]])
    check_id_ranges("M", [("input_ids", ids, 4, "vocab_size"), ("token_type_ids", None, 2, "type_vocab_size"),
                          ("position_ids", ids[:, :0], 2, "max_positions")])  # None and empty: skipped
    with pytest.raises(ValueError, match=r"M: position_ids must lie in \[0, max_positions=2\), got values from 0 to 3"):
        check_id_ranges("M", [("input_ids", ids, 4, "vocab_size"), ("position_ids", ids, 2, "max_positions")])


# --- one sampler: the same tokens as before GPT.generate and generate shared their loop --------------------
# Recorded with the code before the refactoring (GPT.generate had its own loop then), on
# GPT(GPTConfig(vocab_size=50, max_positions=16, d_model=32, n_layers=2, n_heads=4)) after torch.manual_seed(0).

BEFORE = {
    "gpt_sample": [[1, 2, 3, 41, 28, 30, 8, 36, 4, 40, 28, 10, 7, 32, 17, 28, 35, 13, 15, 1, 15, 37, 47],
                   [4, 5, 6, 8, 18, 1, 26, 33, 39, 49, 11, 5, 45, 26, 5, 18, 45, 33, 33, 34, 12, 13, 46]],
    "gpt_temp_topk": [[1, 2, 3, 3, 47, 1, 43, 43, 28, 47, 22, 42, 40, 18, 43, 27, 27, 24, 21, 29, 29, 39, 39],
                      [4, 5, 6, 12, 17, 17, 5, 11, 11, 10, 1, 24, 15, 15, 28, 4, 1, 36, 31, 31, 31, 33, 31]],
    "gpt_topk_big": [[1, 2, 3, 41, 7, 14, 46, 40], [4, 5, 6, 34, 31, 16, 33, 39]],
    "gpt_greedy": [[1, 2, 3, 3] + [34] * 19, [4, 5, 6] + [6] * 20],
    "gpt_global_rng": [[1, 2, 3, 32, 9, 46, 25, 10, 43, 3, 48, 37, 45], [4, 5, 6, 35, 49, 48, 4, 24, 10, 43, 35, 23, 21]],
    "gen_sample": [1, 2, 3, 41, 8, 28, 18, 30, 1, 8, 26, 36, 33, 4, 39, 27, 49, 28, 11, 10, 5, 7, 45],
    "gen_batch_topk_topp": [[1, 2, 3, 35, 31, 1, 6, 9, 33, 37, 24, 18, 44, 45, 6, 33, 31, 23, 14, 39, 21, 26, 5],
                            [4, 5, 6, 6, 24, 6, 46, 6, 28, 47, 4, 10, 1, 10, 10, 46, 20, 6, 18, 18, 14, 21, 18]],
    "gen_greedy": [[1, 2, 3, 3] + [34] * 19, [4, 5, 6] + [6] * 20],
    "gen_stop": [[1, 2, 3, 16, 32] + [0] * 18,
                 [4, 5, 6, 34, 6, 42, 42, 18, 13, 41, 16, 5, 42, 43, 24, 34, 13, 47, 17, 32, 36, 3, 31]],
}


def test_both_entry_points_give_the_tokens_they_gave_before():
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=50, max_positions=16, d_model=32, n_layers=2, n_heads=4)).eval()
    prompt = torch.tensor([[1, 2, 3], [4, 5, 6]])  # + 20 tokens: longer than max_positions, so cropped

    def g(seed):
        return torch.Generator().manual_seed(seed)

    got = {
        "gpt_sample": model.generate(prompt, 20, generator=g(0)),
        "gpt_temp_topk": model.generate(prompt, 20, temperature=0.7, top_k=5, generator=g(1)),
        "gpt_topk_big": model.generate(prompt, 5, top_k=500, generator=g(2)),
        "gpt_greedy": model.generate(prompt, 20, temperature=0.0),
    }
    torch.manual_seed(3)
    got["gpt_global_rng"] = model.generate(prompt, 10)
    got["gen_sample"] = generate(model, [1, 2, 3], 20, seed=0)
    got["gen_batch_topk_topp"] = generate(model, prompt, 20, temperature=1.3, top_k=10, top_p=0.9, seed=5)
    got["gen_greedy"] = generate(model, prompt, 20, strategy="greedy")
    got["gen_stop"] = generate(model, prompt, 20, seed=7, stop_id=0, temperature=2.0)
    assert {k: v.tolist() for k, v in got.items()} == BEFORE


def test_gpt_generate_checks_its_knobs_like_generate():
    model = tiny_gpt().eval()
    with pytest.raises(ValueError, match=r"top_k must be a positive integer or None, got 0"):
        model.generate(IDS, 2, top_k=0)
    with pytest.raises(ValueError, match=r"sampling needs temperature > 0, got -1.0"):
        model.generate(IDS, 2, temperature=-1.0)
    with pytest.raises(ValueError, match=r"GPT: input_ids must lie in \[0, vocab_size=50\)"):
        model.generate(IDS + V, 2)
