"""Causal LM: windows and targets, decoding strategies, the training module, bits per character."""

import math

import pytest
import torch

from lmlib.data import tinyworld
from lmlib.data.lm import CausalLMDataset, encode_documents, lm_loader
from lmlib.generate import bits_per_char, continuation_bits, generate, next_token_probs, token_bits
from lmlib.models.gpt import GPT, GPTConfig
from lmlib.objectives import CausalLM, warmup_cosine
from lmlib.tokenize.hf import train_bpe, train_wordpiece
from lmlib.train import fit

V, P = 11, 8  # vocabulary and positions of the tiny test GPT


def tiny_gpt(seed=0, scale=1.0, max_positions=P) -> GPT:
    torch.manual_seed(seed)
    model = GPT(GPTConfig(V, max_positions=max_positions, d_model=16, n_layers=1, n_heads=2, dropout=0.0))
    with torch.no_grad():
        model.wte.weight.mul_(scale)  # scale > 1 spreads the logits (a peaked distribution)
    return model.eval()


# --- data -------------------------------------------------------------------------------------------------

def test_windows_are_shifted_by_one():
    ids = torch.arange(20)
    ds = CausalLMDataset(ids, block_size=4)
    assert len(ds) == 4  # disjoint windows 0-4, 4-8, 8-12, 12-16 (each needs one more token as target)
    x, y = ds[0]
    assert x.tolist() == [0, 1, 2, 3] and y.tolist() == [1, 2, 3, 4]
    x, y = ds[3]
    assert x.tolist() == [12, 13, 14, 15] and y.tolist() == [13, 14, 15, 16]
    every = CausalLMDataset(ids, block_size=4, stride=1)
    assert len(every) == 16 and every[-1][1].tolist() == [16, 17, 18, 19]
    for x, y in every:
        assert torch.equal(y, x + 1)  # target[t] is the token after input[t]
    assert len(CausalLMDataset(ids, block_size=4, stride=3)) == 6
    with pytest.raises(IndexError):
        ds[4]


def test_loader_random_or_sequential():
    ids = torch.arange(100)
    seq = [x[:, 0].tolist() for x, _ in lm_loader(ids, 4, batch_size=5)]
    assert seq[0] == [0, 4, 8, 12, 16]  # in order
    first = lambda seed: next(iter(lm_loader(ids, 4, 5, stride=1, shuffle=True, seed=seed)))[0]  # noqa: E731
    assert torch.equal(first(0), first(0)) and not torch.equal(first(0), first(1))
    x, y = next(iter(lm_loader(ids, 4, 5, stride=1, shuffle=True, seed=3)))
    assert x.shape == (5, 4) and torch.equal(y, x + 1)


def test_dataset_errors():
    with pytest.raises(ValueError, match="too short"):
        CausalLMDataset(torch.arange(4), block_size=4)
    with pytest.raises(ValueError, match="1-D"):
        CausalLMDataset(torch.zeros(2, 10, dtype=torch.long), block_size=4)
    with pytest.raises(ValueError, match="block_size"):
        CausalLMDataset(torch.arange(10), block_size=0)
    with pytest.raises(ValueError, match="stride"):
        CausalLMDataset(torch.arange(10), block_size=2, stride=0)


@pytest.fixture(scope="module")
def docs_and_bpe():
    docs = tinyworld.generate(150, seed=0)
    return docs, train_bpe([d.text for d in docs], 400)


def test_encode_documents_is_the_corpus_with_a_newline_token(docs_and_bpe):
    docs, tok = docs_and_bpe
    ids = encode_documents(tok, docs)
    nl = tok.encode("\n", add_special_tokens=False).ids
    assert len(nl) == 1 and ids.dtype == torch.long and ids.dim() == 1
    assert (ids == nl[0]).sum().item() == len(docs) and ids[-1].item() == nl[0]
    assert tok.decode(ids.tolist()) == tinyworld.corpus(docs)
    assert torch.equal(ids, encode_documents(tok, [d.text for d in docs]))  # strings or documents
    assert tok.token_to_id("[CLS]") not in ids.tolist()  # no BERT template


def test_encode_documents_errors(docs_and_bpe):
    docs, _ = docs_and_bpe
    lossy = train_wordpiece([d.text for d in docs], 300)  # lowercases and drops whitespace
    with pytest.raises(ValueError):
        encode_documents(lossy, docs)
    with pytest.raises(ValueError, match="no documents"):
        encode_documents(lossy, [])
    with pytest.raises(TypeError):
        encode_documents(lossy, [3])


# --- decoding ---------------------------------------------------------------------------------------------

def test_same_seed_same_text_different_seeds_differ():
    model = tiny_gpt()
    prompt = torch.tensor([1, 2, 3])
    a = generate(model, prompt, 30, strategy="sample", seed=7)
    b = generate(model, prompt, 30, strategy="sample", seed=7)
    c = generate(model, prompt, 30, strategy="sample", seed=8)
    assert a.shape == (33,) and torch.equal(a[:3], prompt)
    assert torch.equal(a, b) and not torch.equal(a, c)
    batch = generate(model, prompt.repeat(4, 1), 5, strategy="sample", seed=7)
    assert batch.shape == (4, 8)


def test_greedy_is_argmax_written_out_and_long_prompts_are_cropped():
    model = tiny_gpt(scale=20.0)
    prompt = torch.tensor([[3, 1, 4, 1, 5, 9, 2, 6, 5, 3], [2, 7, 1, 8, 2, 8, 1, 8, 2, 8]])  # longer than P
    out = generate(model, prompt, 6, strategy="greedy")
    ids = prompt
    with torch.no_grad():
        for _ in range(6):
            logits = model(ids[:, -P:])  # the model sees the last P tokens
            ids = torch.cat([ids, logits[:, -1].argmax(-1, keepdim=True)], dim=1)
    assert torch.equal(out, ids)
    assert torch.equal(out[:, :10], prompt)  # the whole prompt is returned


def test_generate_restores_training_mode_and_stops():
    model = tiny_gpt(scale=20.0).train()
    first = generate(model, [1, 2], 1, strategy="greedy")[-1].item()
    out = generate(model, [1, 2], 10, strategy="greedy", stop_id=first)
    assert model.training and out.tolist() == [1, 2, first]
    lm = CausalLM(tiny_gpt(scale=20.0))
    assert torch.equal(generate(lm, [1, 2], 4, strategy="greedy"), generate(lm.model, [1, 2], 4, strategy="greedy"))


def test_top_k_support():
    logits = torch.tensor([[2.0, 0.5, 3.0, -1.0, 1.0]])
    probs = next_token_probs(logits, top_k=3)
    assert (probs > 0).nonzero()[:, 1].tolist() == [0, 2, 4]
    full = torch.softmax(logits, -1)
    assert torch.allclose(probs[0, [0, 2, 4]], full[0, [0, 2, 4]] / full[0, [0, 2, 4]].sum())
    assert torch.allclose(next_token_probs(logits, top_k=99), full)
    # sampled tokens never leave the k most probable
    model = tiny_gpt(scale=5.0)
    prompt = torch.tensor([[4, 2]]).repeat(500, 1)
    with torch.no_grad():
        top3 = set(model(prompt[:1])[0, -1].topk(3).indices.tolist())
    drawn = generate(model, prompt, 1, strategy="sample", top_k=3, seed=0)[:, -1]
    assert set(drawn.tolist()) == top3  # all three are drawn in 500 tries, nothing else


def test_top_p_nucleus_support():
    p = torch.tensor([0.5, 0.05, 0.3, 0.15])
    logits = p.log()[None]
    support = lambda q: (next_token_probs(logits, top_p=q)[0] > 0).nonzero()[:, 0].tolist()  # noqa: E731
    assert support(0.4) == [0]  # the most likely token alone already has 0.5 >= 0.4
    assert support(0.7) == [0, 2]  # 0.5 + 0.3
    assert support(0.85) == [0, 2, 3]  # 0.5 + 0.3 + 0.15 (= 0.95)
    assert support(0.99) == [0, 1, 2, 3] and support(1.0) == [0, 1, 2, 3]
    kept = next_token_probs(logits, top_p=0.85)[0]
    assert torch.allclose(kept, torch.tensor([0.5, 0.0, 0.3, 0.15]) / 0.95)
    # top-k, then top-p on the renormalised top-k distribution (0.5 / 0.8 = 0.625 >= 0.6)
    assert (next_token_probs(logits, top_k=2, top_p=0.6)[0] > 0).nonzero()[:, 0].tolist() == [0]
    # sampling respects the nucleus of the model's distribution
    model = tiny_gpt(scale=5.0)
    prompt = torch.tensor([[4, 2]]).repeat(500, 1)
    with torch.no_grad():
        probs = torch.softmax(model(prompt[:1])[0, -1].double(), -1)
    order = probs.argsort(descending=True)
    n = int((probs[order].cumsum(0) < 0.6).sum()) + 1  # the smallest prefix reaching 0.6
    drawn = generate(model, prompt, 1, strategy="sample", top_p=0.6, seed=1)[:, -1]
    assert set(drawn.tolist()) <= set(order[:n].tolist())
    assert len(set(drawn.tolist())) == n  # ... and every member of it is drawn


def test_temperature_sharpens():
    logits = torch.tensor([1.0, 2.0, 3.0])
    cold, hot = next_token_probs(logits, temperature=0.5), next_token_probs(logits, temperature=2.0)
    assert cold[2] > torch.softmax(logits, -1)[2] > hot[2]


@pytest.mark.parametrize("kwargs, match", [
    (dict(strategy="sample", temperature=0.0), "temperature"),
    (dict(strategy="sample", temperature=-1.0), "temperature"),
    (dict(strategy="sample", top_p=0.0), "top_p"),
    (dict(strategy="sample", top_p=1.5), "top_p"),
    (dict(strategy="sample", top_k=0), "top_k"),
    (dict(strategy="beam"), "strategy"),
])
def test_generate_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        generate(tiny_gpt(), [1, 2], 3, **kwargs)


def test_generate_prompt_errors():
    model = tiny_gpt()
    with pytest.raises(ValueError, match="T >= 1"):
        generate(model, torch.zeros(1, 0, dtype=torch.long), 3)
    with pytest.raises(ValueError, match=r"\[0, 11\)"):
        generate(model, [1, V], 3)
    with pytest.raises(ValueError, match="max_new_tokens"):
        generate(model, [1], -1)
    assert generate(model, [1, 2], 0).tolist() == [1, 2]  # temperature is unused by greedy
    assert generate(model, [1, 2], 2, strategy="greedy", temperature=0.0).shape == (4,)


# --- training ---------------------------------------------------------------------------------------------

def test_warmup_cosine():
    assert warmup_cosine(0, 10, 110) == pytest.approx(0.1)
    assert warmup_cosine(9, 10, 110) == pytest.approx(1.0)
    assert warmup_cosine(10, 10, 110) == pytest.approx(1.0)
    assert warmup_cosine(60, 10, 110, min_ratio=0.0) == pytest.approx(0.5)
    assert warmup_cosine(110, 10, 110, min_ratio=0.1) == pytest.approx(0.1)
    assert warmup_cosine(500, 10, 110, min_ratio=0.1) == pytest.approx(0.1)
    assert warmup_cosine(500, 10, None) == 1.0


def test_weight_decay_on_matrices_only():
    lm = CausalLM(GPTConfig(V, max_positions=P, d_model=16, n_layers=1, n_heads=2), weight_decay=0.1)
    opt = lm.configure_optimizers()
    decay, no_decay = opt.param_groups
    assert decay["weight_decay"] == 0.1 and no_decay["weight_decay"] == 0.0
    assert all(p.dim() == 2 for p in decay["params"]) and all(p.dim() == 1 for p in no_decay["params"])
    assert sum(p.numel() for g in opt.param_groups for p in g["params"]) == lm.model.num_parameters()
    lm = CausalLM(tiny_gpt(), warmup_steps=2, max_steps=10)
    assert set(lm.configure_optimizers()) == {"optimizer", "lr_scheduler"}


def test_causal_lm_learns_a_repetitive_corpus():
    ids = torch.tensor([1, 2, 3, 4, 5, 6, 7] * 60)  # every next token is determined
    lm = CausalLM(GPTConfig(V, max_positions=P, d_model=32, n_layers=1, n_heads=2, dropout=0.0),
                  lr=1e-2, warmup_steps=3, max_steps=40)
    train = lm_loader(ids, P, batch_size=8, stride=1, shuffle=True, seed=0)
    val = lm_loader(ids[:100], P, batch_size=16)
    with torch.no_grad():
        before = lm.step(next(iter(val)))["loss"].item()
    h = fit(lm, train, val, max_steps=40, seed=0, profile="cpu", verbose=False)
    assert before > 2.0 and h.last("val_loss") < 0.05 * before
    assert h.val["loss"] == sorted(h.val["loss"], reverse=True)
    assert h.tokens == 40 * 8 * P
    out = generate(lm, [1, 2, 3], 7, strategy="greedy")
    assert out.tolist() == [1, 2, 3, 4, 5, 6, 7, 1, 2, 3]


def test_causal_lm_errors():
    cfg = GPTConfig(V, max_positions=P, d_model=16, n_layers=1, n_heads=2)
    with pytest.raises(TypeError):
        CausalLM(torch.nn.Linear(2, 2))
    with pytest.raises(ValueError, match="lr"):
        CausalLM(cfg, lr=0.0)
    with pytest.raises(ValueError, match="warmup_steps"):
        CausalLM(cfg, warmup_steps=10, max_steps=10)
    lm = CausalLM(cfg)
    with pytest.raises(ValueError, match=r"\(B, T\)"):
        lm.step((torch.zeros(2, 4, dtype=torch.long), torch.zeros(2, 3, dtype=torch.long)))
    batch = {"input_ids": torch.ones(2, 4, dtype=torch.long), "labels": torch.full((2, 4), -100)}
    batch["labels"][:, 0] = 2
    assert lm.step(batch)["loss"].item() > 0


# --- bits per character -----------------------------------------------------------------------------------

def bits_written_out(model, stream, i, context):
    """-log2 p(stream[i] | the `context` tokens before it), in float64."""
    with torch.no_grad():
        logits = model(stream[None, i - context:i])[0, -1].double()
    return -(logits.log_softmax(-1)[stream[i]] / math.log(2)).item()


def test_bits_per_char_is_the_sum_of_minus_log2_p():
    model = tiny_gpt(seed=3, scale=3.0)
    ids = torch.tensor([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7])
    bos, n_chars = 10, 40
    stream = torch.cat([torch.tensor([bos]), ids])
    # stride 1: every token predicted from the longest context the window allows (block_size - 1 tokens)
    for block in (4, P):
        want = [bits_written_out(model, stream, i, min(i, block - 1)) for i in range(1, len(stream))]
        got = token_bits(model, ids, block_size=block, stride=1, bos=bos)
        assert got.dtype == torch.float64 and torch.allclose(got, torch.tensor(want, dtype=torch.float64))
        assert bits_per_char(model, ids, n_chars, block_size=block, stride=1, bos=bos) == pytest.approx(sum(want) / n_chars)
    # a larger stride: each token's context has between block_size - stride and block_size - 1 tokens
    block, stride = 6, 3
    got = token_bits(model, ids, block_size=block, stride=stride, bos=bos)
    for i in range(1, len(stream)):
        options = [bits_written_out(model, stream, i, c) for c in range(min(i, block - stride), min(i, block - 1) + 1)]
        assert any(abs(got[i - 1].item() - o) < 1e-5 for o in options), i
    # without bos the first token is not predicted
    no_bos = token_bits(model, ids, block_size=4, stride=1)
    assert math.isnan(no_bos[0].item())
    want = sum(bits_written_out(model, ids, i, min(i, 3)) for i in range(1, len(ids)))
    assert bits_per_char(model, ids, n_chars, block_size=4, stride=1) == pytest.approx(want / n_chars)


def test_bits_per_char_defaults_and_errors():
    model = tiny_gpt()
    ids = torch.arange(20) % V
    full = token_bits(model, ids, stride=1, bos=0)
    assert not full.isnan().any() and len(full) == 20
    assert torch.allclose(token_bits(model, ids, bos=0, batch_size=1), token_bits(model, ids, bos=0, batch_size=64))
    uniform = bits_per_char(model, ids, 20, bos=0)
    assert abs(uniform - math.log2(V)) < 0.1  # a fresh model is close to uniform
    with pytest.raises(ValueError, match="block_size"):
        token_bits(model, ids, block_size=P + 1)
    with pytest.raises(ValueError, match="stride"):
        token_bits(model, ids, block_size=4, stride=4)
    with pytest.raises(ValueError, match="n_chars"):
        bits_per_char(model, ids, 0)


def test_continuation_bits_are_the_bits_of_the_continuations_tokens_after_the_context():
    model = tiny_gpt(scale=3.0)
    contexts = [[1, 2, 3], [4], list(range(1, 11)) + [1, 2]]  # the last is longer than P allows
    continuations = [[5, 6], [7, 8, 9], [3, 4]]
    got = continuation_bits(model, contexts, continuations, batch_size=2)
    assert got.dtype == torch.float64 and got.shape == (3,)
    for bits, ctx, cont in zip(got, contexts, continuations):
        seq = (ctx + cont)[-P:]  # cut from the left to the model's positions
        want = token_bits(model, seq, block_size=len(seq), stride=len(seq) - 1)[-len(cont):].sum()
        assert bits.item() == pytest.approx(want.item(), abs=1e-6)
    assert torch.allclose(got, continuation_bits(model, contexts, continuations, batch_size=64))
    with pytest.raises(ValueError, match="one context per continuation"):
        continuation_bits(model, contexts, continuations[:2])
    with pytest.raises(ValueError, match="at least one token"):
        continuation_bits(model, [[]], [[1]])
    with pytest.raises(ValueError, match=r"1 to 7 tokens"):
        continuation_bits(model, [[1]], [list(range(8))])
