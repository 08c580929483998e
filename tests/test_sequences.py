"""Sequence helpers: completion log-probabilities, left-padded batched generation, KL to a reference."""

import pytest
import torch

from lmlib.generate import generate
from lmlib.inference import evaluating
from lmlib.models.gpt import GPT, GPTConfig
from lmlib.objectives import CausalLM
from lmlib.sequences import (
    CompletionLogProbs,
    completion_batch,
    completion_logprobs,
    generate_batch,
    logprobs_from_logits,
    pad_left,
    pad_right,
    padded_logits,
    sampled_kl,
    token_kl,
)

V, P = 23, 16  # vocabulary and positions of the test GPT


def tiny_gpt(seed: int = 0, max_positions: int = P) -> GPT:
    """A small GPT whose LayerNorms and biases are off their identity/zero init (so that bugs show), with
    large position embeddings: its greedy output depends on each token's position, so a shifted
    position shows, and its top two logits stay >= 0.01 apart there (a clear winner at every step)."""
    torch.manual_seed(seed)
    model = GPT(GPTConfig(V, max_positions=max_positions, d_model=32, n_layers=2, n_heads=4, dropout=0.0))
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "bias" in name or "ln" in name:
                p.add_(0.1 * torch.randn_like(p))
        model.wte.weight.mul_(3.0)
        model.wpe.weight.mul_(30.0)
    return model.eval()


def pairs(seed: int = 1, n: int = 5):
    """n (prompt, completion) pairs of different lengths."""
    g = torch.Generator().manual_seed(seed)
    out = []
    for i in range(n):
        lp, lc = 1 + (3 * i) % 5, 1 + (2 * i + 1) % 4
        out.append((torch.randint(0, V, (lp,), generator=g), torch.randint(0, V, (lc,), generator=g)))
    return out


def brute_force_logp(model, prompt, completion) -> tuple[float, list[float]]:
    """sum over completion tokens of log p(token | everything before it): one unpadded forward per token."""
    seq = torch.cat([prompt, completion])
    per_token = []
    with evaluating(model):
        for t in range(len(prompt), len(seq)):
            logits = model(seq[None, :t])
            per_token.append(logits[0, -1].double().log_softmax(-1)[seq[t]].item())
    return sum(per_token), per_token


# --- padding ----------------------------------------------------------------------------------------------

def test_pad_left_and_right():
    ids, mask = pad_left([[5, 6, 7], [8]], pad_id=0)
    assert ids.tolist() == [[5, 6, 7], [0, 0, 8]] and mask.tolist() == [[1, 1, 1], [0, 0, 1]]
    ids, mask = pad_right([[5, 6, 7], torch.tensor([8])], pad_id=9)
    assert ids.tolist() == [[5, 6, 7], [8, 9, 9]] and mask.tolist() == [[1, 1, 1], [1, 0, 0]]


@pytest.mark.parametrize("side", ["left", "right"])
def test_completion_batch(side):
    ids, mask, comp = completion_batch([[1, 2], [3]], [[4], [5, 6, 7]], pad_id=0, side=side)
    if side == "right":
        assert ids.tolist() == [[1, 2, 4, 0], [3, 5, 6, 7]]
        assert mask.tolist() == [[1, 1, 1, 0], [1, 1, 1, 1]]
        assert comp.tolist() == [[0, 0, 1, 0], [0, 1, 1, 1]]
    else:
        assert ids.tolist() == [[0, 1, 2, 4], [3, 5, 6, 7]]
        assert mask.tolist() == [[0, 1, 1, 1], [1, 1, 1, 1]]
        assert comp.tolist() == [[0, 0, 0, 1], [0, 1, 1, 1]]


# --- completion log-probabilities -------------------------------------------------------------------------

@pytest.mark.parametrize("side", ["left", "right"])
def test_logprobs_equal_a_loop_over_positions_of_the_unpadded_model(side):
    model, data = tiny_gpt(), pairs()
    ids, mask, comp = completion_batch(*zip(*data, strict=True), pad_id=3, side=side)
    with evaluating(model):
        out = completion_logprobs(model, ids, mask, comp, dtype=torch.float64)
    assert isinstance(out, CompletionLogProbs)
    for b, (prompt, completion) in enumerate(data):
        total, per_token = brute_force_logp(model, prompt, completion)
        assert out.logp[b].item() == pytest.approx(total, abs=1e-5)
        assert out.token_logp[b][comp[b].bool()].tolist() == pytest.approx(per_token, abs=1e-5)
        assert out.n_tokens[b].item() == len(completion)
        assert out.mean[b].item() == pytest.approx(total / len(completion), abs=1e-5)


def test_padding_does_not_change_a_sequences_logprob():
    model = tiny_gpt()
    prompt, completion = torch.tensor([4, 9, 1]), torch.tensor([7, 7, 2])
    ids, mask, comp = completion_batch([prompt], [completion], pad_id=0)
    with evaluating(model):
        alone = completion_logprobs(model, ids, mask, comp).logp[0]
        longer = [torch.arange(9) % V, torch.arange(6) % V]  # neighbours that force padding
        for side in ("left", "right"):
            for pad_id in (0, V - 1):
                ids, mask, comp = completion_batch([longer[0], prompt, longer[1]], [[1, 2], completion, [3]],
                                                   pad_id=pad_id, side=side)
                assert mask[1].sum() < mask.shape[1]  # the row really is padded
                batched = completion_logprobs(model, ids, mask, comp).logp[1]
                torch.testing.assert_close(batched, alone, atol=1e-5, rtol=0)


def test_a_plain_forward_of_a_left_padded_batch_shifts_positions():
    """Why padded_logits realigns rows: lmlib's GPT adds positions 0..T-1 to the columns, so feeding it a
    left-padded row (even with its attention_mask) gives other log-probs than the row alone."""
    model = tiny_gpt()
    ids, mask, comp = completion_batch([[0, 1, 2, 3, 4, 5], [4, 9]], [[1], [7, 7]], pad_id=0, side="left")
    with evaluating(model):
        naive = logprobs_from_logits(model(ids, attention_mask=mask), ids, comp).logp[1]
        right = completion_logprobs(model, ids, mask, comp).logp[1]
    alone, _ = brute_force_logp(model, torch.tensor([4, 9]), torch.tensor([7, 7]))
    assert right.item() == pytest.approx(alone, abs=1e-5)
    assert abs(naive - right) > 1e-3


def test_prompt_tokens_are_excluded():
    model = tiny_gpt()
    prompt, completion = torch.tensor([4, 9, 1, 3]), torch.tensor([7, 0, 2])
    seq = torch.cat([prompt, completion])
    with evaluating(model):
        ids, mask, comp = completion_batch([prompt], [completion], pad_id=0)
        out = completion_logprobs(model, ids, mask, comp, dtype=torch.float64)
        # chain rule: log p(completion | prompt) = log p(seq[1:] | seq[0]) - log p(prompt[1:] | prompt[0])
        everything = completion_logprobs(model, seq[None], None, (torch.arange(len(seq)) > 0)[None],
                                         dtype=torch.float64).logp[0]
        of_prompt = completion_logprobs(model, prompt[None], None, (torch.arange(len(prompt)) > 0)[None],
                                        dtype=torch.float64).logp[0]
    assert out.logp[0].item() == pytest.approx((everything - of_prompt).item(), abs=1e-6)
    assert out.token_logp[0, :len(prompt)].eq(0).all() and out.token_logp[0, len(prompt):].lt(0).all()
    assert out.n_tokens.tolist() == [len(completion)]


def test_works_with_a_causal_lm_and_a_callable_returning_logits():
    model = tiny_gpt()
    ids, mask, comp = completion_batch(*zip(*pairs(), strict=True), pad_id=0, side="left")
    with evaluating(model):
        ref = completion_logprobs(model, ids, mask, comp).logp
        for m in (CausalLM(model), lambda x: model(x)):
            torch.testing.assert_close(completion_logprobs(m, ids, mask, comp).logp, ref)


def test_padded_logits_of_each_row_equal_the_row_alone():
    model = tiny_gpt()
    for side in ("left", "right"):
        ids, mask, _ = completion_batch(*zip(*pairs(), strict=True), pad_id=0, side=side)
        with evaluating(model):
            logits = padded_logits(model, ids, mask)
            for b in range(len(ids)):
                real = mask[b].bool()
                alone = model(ids[b, real][None])[0]
                torch.testing.assert_close(logits[b, real], alone, atol=1e-5, rtol=0)


def test_gradients_reach_the_policy():
    model = tiny_gpt().train()
    ids, mask, comp = completion_batch(*zip(*pairs(), strict=True), pad_id=0)
    out = completion_logprobs(model, ids, mask, comp)
    out.logp.sum().backward()
    assert model.wte.weight.grad is not None and model.wte.weight.grad.abs().sum() > 0


def test_equal_to_hf_gpt2_with_its_own_left_padding():
    """Same weights in HF's GPT2LMHeadModel, which handles left padding itself (attention_mask and
    position_ids counted from each row's first real token): the same log-probs, to 1e-5."""
    transformers = pytest.importorskip("transformers")
    from lmlib.models.hf import gpt_to_hf

    transformers.logging.set_verbosity_error()
    model = tiny_gpt()
    hf = gpt_to_hf(model).eval()
    ids, mask, comp = completion_batch(*zip(*pairs(n=6), strict=True), pad_id=0, side="left")
    with torch.no_grad():
        position_ids = (mask.cumsum(1) - 1).clamp(min=0)
        hf_logits = hf(input_ids=ids, attention_mask=mask, position_ids=position_ids).logits
        theirs = logprobs_from_logits(hf_logits, ids, comp).logp
        ours = completion_logprobs(model, ids, mask, comp).logp
        hf_through_ours = completion_logprobs(lambda x: hf(input_ids=x).logits, ids, mask, comp).logp
    torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=0)
    torch.testing.assert_close(hf_through_ours, theirs, atol=1e-5, rtol=0)


# --- batched generation with left padding -----------------------------------------------------------------

PROMPTS = [[3], [5, 1, 4, 1, 5, 9, 2], [6, 5], [3, 5, 8, 9], [7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4]]


@pytest.mark.parametrize("max_new_tokens", [6, 12])  # 12: the longer prompts slide past max_positions
def test_left_padded_greedy_batch_equals_each_prompt_alone(max_new_tokens):
    model = tiny_gpt()
    assert max(map(len, PROMPTS)) + 12 > P  # (so that the cropped window is tested too)
    batch = generate_batch(model, PROMPTS, max_new_tokens, pad_id=0, strategy="greedy")
    for prompt, completion in zip(PROMPTS, batch, strict=True):
        alone = generate(model, prompt, max_new_tokens, strategy="greedy")[len(prompt):]
        assert completion.tolist() == alone.tolist()
    assert len({tuple(c.tolist()) for c in batch}) > 1  # the rows really differ


def test_rows_stop_at_eos_and_the_others_go_on():
    model = tiny_gpt()
    alone = [generate(model, p, 8, strategy="greedy")[len(p):].tolist() for p in PROMPTS]
    # an eos that some rows produce early and some never: then rows of both kinds are in the batch
    eos = next(t for t in range(V) if any(t in a[:3] for a in alone) and any(t not in a for a in alone))
    batch = generate_batch(model, PROMPTS, 8, pad_id=eos, eos_id=eos, strategy="greedy")
    for completion, a in zip(batch, alone, strict=True):
        expected = a[:a.index(eos) + 1] if eos in a else a  # up to and with the first eos
        assert completion.tolist() == expected


def test_sampling_is_seeded_and_passes_the_knobs_on():
    model = tiny_gpt()
    run = lambda **kw: [c.tolist() for c in generate_batch(model, PROMPTS, 8, pad_id=0, **kw)]  # noqa: E731
    assert run(seed=1) == run(seed=1) and run(seed=1) != run(seed=2)
    assert run(strategy="sample", top_k=1, seed=3) == run(strategy="greedy")  # top-1 sampling is greedy
    assert run(strategy="greedy") == [c.tolist() for c in generate_batch(model, PROMPTS, 8, pad_id=V - 1,
                                                                          strategy="greedy")]


def test_generate_batch_restores_the_training_mode():
    model = tiny_gpt().train()
    generate_batch(CausalLM(model), PROMPTS[:2], 2, pad_id=0)
    assert model.training


# --- KL to a reference ------------------------------------------------------------------------------------

def test_token_kl_is_zero_for_identical_logits_and_equals_the_formula():
    g = torch.Generator().manual_seed(0)
    lp, lq = torch.randn(3, 5, V, generator=g) * 3, torch.randn(3, 5, V, generator=g) * 3
    assert token_kl(lp, lp).abs().max() < 1e-6
    kl = token_kl(lp, lq, dtype=torch.float64)
    p, q = lp.double().softmax(-1), lq.double().softmax(-1)
    written_out = (p * (p.log() - q.log())).sum(-1)
    torch.testing.assert_close(kl, written_out)
    reference = torch.distributions.kl_divergence(torch.distributions.Categorical(logits=lp.double()),
                                                  torch.distributions.Categorical(logits=lq.double()))
    torch.testing.assert_close(kl, reference)
    assert (kl > 0).all()
    mask = torch.rand(3, 5, generator=g) > 0.5
    masked = token_kl(lp, lq, mask, dtype=torch.float64)
    assert masked[~mask].eq(0).all() and torch.equal(masked[mask], kl[mask])


def test_token_kl_where_the_policy_gives_a_token_no_probability():
    lp = torch.tensor([[0.0, 1.0, float("-inf")]], requires_grad=True)
    lq = torch.tensor([[0.5, 0.0, 2.0]])
    kl = token_kl(lp, lq, dtype=torch.float64)
    p, q = torch.tensor([0.0, 1.0]).softmax(-1).double(), lq.double().softmax(-1)[0]
    assert kl.item() == pytest.approx((p * (p.log() - q[:2].log())).sum().item())
    kl.sum().backward()
    assert torch.isfinite(lp.grad).all()


def test_sampled_kl_estimators_are_unbiased():
    g = torch.Generator().manual_seed(0)
    lp, lq = torch.randn(V, generator=g).double(), torch.randn(V, generator=g).double()
    logp, logq = lp.log_softmax(-1), lq.log_softmax(-1)
    x = torch.multinomial(logp.exp(), 200_000, replacement=True, generator=g)  # tokens drawn from p
    exact = token_kl(lp, lq, dtype=torch.float64).item()
    k1 = sampled_kl(logp[x], logq[x])
    k3 = sampled_kl(logp[x], logq[x], estimator="k3")
    torch.testing.assert_close(k1, logp[x] - logq[x])
    assert k1.mean().item() == pytest.approx(exact, rel=0.03)
    assert k3.mean().item() == pytest.approx(exact, rel=0.03) and (k3 >= 0).all()
    assert sampled_kl(logp[x[:4]], logq[x[:4]], torch.tensor([1, 0, 1, 0]))[1::2].eq(0).all()


# --- clear errors -----------------------------------------------------------------------------------------

def test_clear_errors_for_bad_input():
    model = tiny_gpt()
    ids, mask, comp = completion_batch([[1, 2], [3]], [[4, 5], [6]], pad_id=0)  # row 1: [3, 6, pad, pad]
    with pytest.raises(ValueError, match="completion_mask must have the shape of input_ids"):
        completion_logprobs(model, ids, mask, comp[:, :-1])
    with pytest.raises(ValueError, match="attention_mask must have the shape of input_ids"):
        completion_logprobs(model, ids, mask[:1], comp)
    with pytest.raises(ValueError, match=r"rows \[1\] have an empty completion"):
        completion_logprobs(model, ids, mask, comp * torch.tensor([[1], [0]]))
    with pytest.raises(ValueError, match="empty completion"):
        completion_batch([[1, 2]], [[]], pad_id=0)
    with pytest.raises(ValueError, match="completion_mask marks padding"):
        completion_logprobs(model, ids, mask, torch.tensor([[0, 0, 1, 1], [0, 1, 0, 1]]))
    with pytest.raises(ValueError, match="no context"):
        completion_logprobs(model, ids, mask, mask)
    with pytest.raises(ValueError, match="not one block of ones"):
        completion_logprobs(model, ids, torch.tensor([[1, 1, 1, 1], [1, 0, 1, 0]]), comp)
    with pytest.raises(ValueError, match="only 0 and 1"):
        completion_logprobs(model, ids, mask * 2, comp)
    with pytest.raises(ValueError, match="pad_id must be a token id"):
        pad_left([[1, 2], [3]], pad_id=None)
    with pytest.raises(ValueError, match="pad_id must be a token id"):
        generate_batch(model, [[1, 2], [3]], 4, pad_id=None)
    with pytest.raises(ValueError, match="sequence 1 is empty"):
        pad_left([[1, 2], []], pad_id=0)
    with pytest.raises(ValueError, match="unknown strategy"):
        generate_batch(model, [[1]], 4, pad_id=0, strategy="beam")
    with pytest.raises(ValueError, match="same shape"):
        token_kl(torch.zeros(2, 3, V), torch.zeros(2, 4, V))
    with pytest.raises(ValueError, match=r"mask must have shape \(2, 3\)"):
        token_kl(torch.zeros(2, 3, V), torch.zeros(2, 3, V), torch.ones(2, 4))
    with pytest.raises(ValueError, match="unknown estimator"):
        sampled_kl(torch.zeros(3), torch.zeros(3), estimator="k2")
