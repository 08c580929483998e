"""Blocks from parts (lmlib.nn): RMSNorm, masks, the position-bias hook, cross-attention, norm layouts.

Every part against a written-out formula; one RMSNorm and one attention layer against T5's in HF
transformers; and GPT and BERT bit-identical to a frozen copy of the code before the parts existed.
"""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

import lmlib.models.bert as bert_module
import lmlib.models.gpt as gpt_module
from lmlib.models import GPT, BertConfig, BertForPreTraining, GPTConfig
from lmlib.nn import Block, FeedForward, MultiHeadAttention, RMSNorm, get_activation, make_norm

TOL = dict(atol=1e-6, rtol=1e-5)
NEG_INF = float("-inf")


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(0)


# ------------------------------------------------------------------------------ reference formulas


def linear(x, layer):
    y = x @ layer.weight.T
    return y if layer.bias is None else y + layer.bias


def rms_norm(x, norm):
    """x / sqrt(mean(x^2) + eps) * w"""
    return x / torch.sqrt((x**2).mean(-1, keepdim=True) + norm.eps) * norm.weight


def layer_norm(x, ln):
    mean = x.mean(-1, keepdim=True)
    y = (x - mean) / torch.sqrt(((x - mean) ** 2).mean(-1, keepdim=True) + ln.eps) * ln.weight
    return y if ln.bias is None else y + ln.bias


def attention(mha, x, context=None, add=0.0, scale=None):
    """concat_h softmax(Q_h K_h^T * scale + add_h) V_h, then W^O; add broadcasts to (B, H, T, S)."""
    c = x if context is None else context
    q, k, v = linear(x, mha.q_proj), linear(c, mha.k_proj), linear(c, mha.v_proj)
    d = mha.d_head
    scale = 1 / math.sqrt(d) if scale is None else scale
    add = torch.as_tensor(add).expand(x.shape[0], mha.n_heads, x.shape[1], c.shape[1])
    heads = []
    for h in range(mha.n_heads):
        s = slice(h * d, (h + 1) * d)
        scores = q[..., s] @ k[..., s].transpose(1, 2) * scale + add[:, h]  # (B, T, S)
        heads.append(torch.softmax(scores, dim=-1) @ v[..., s])
    return linear(torch.cat(heads, dim=-1), mha.out_proj)


def randomize_(module):
    """Norm gains and biases off their initial 1 and 0, so that a swapped or missing one shows."""
    with torch.no_grad():
        for name, p in module.named_parameters():
            if "ln" in name or "norm" in name or name.endswith("bias"):
                p.add_(0.3 * torch.randn_like(p))
    return module


def additive_padding(keep):
    """(B, S) 1/0 -> (B, 1, 1, S) with 0 where kept and -inf where blocked."""
    return torch.zeros(keep.shape).masked_fill(keep == 0, NEG_INF)[:, None, None, :]


# ------------------------------------------------------------------------------------------ norms


def test_rms_norm_matches_the_formula():
    norm = RMSNorm(8, eps=1e-6)
    assert [n for n, _ in norm.named_parameters()] == ["weight"] and torch.equal(norm.weight, torch.ones(8))
    torch.nn.init.normal_(norm.weight, 1.0, 0.3)
    x = 3 * torch.randn(2, 5, 8) + 1  # a mean far from 0: RMSNorm does not subtract it
    torch.testing.assert_close(norm(x), rms_norm(x, norm), **TOL)
    assert not torch.allclose(norm(x), layer_norm(x, nn.LayerNorm(8, bias=False)), atol=1e-3)


def test_rms_norm_computes_in_float32_and_casts_back():
    norm = RMSNorm(8).to(torch.bfloat16)
    x = (100 * torch.randn(4, 8)).to(torch.bfloat16)  # large values: the mean of squares is taken in float32
    y = norm(x)
    assert y.dtype == torch.bfloat16
    x32 = x.float()
    expected = (x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + norm.eps)).to(torch.bfloat16)
    assert torch.equal(y, norm.weight * expected)


@pytest.mark.parametrize("bias", [True, False])
def test_make_norm(bias):
    ln = make_norm("layernorm", 6, eps=1e-12, bias=bias)
    assert isinstance(ln, nn.LayerNorm) and ln.eps == 1e-12 and (ln.bias is not None) == bias
    randomize_(ln)
    x = torch.randn(3, 6)
    torch.testing.assert_close(ln(x), layer_norm(x, ln), **TOL)
    rms = make_norm("rmsnorm", 6, eps=1e-6, bias=bias)  # RMSNorm has no bias either way
    assert isinstance(rms, RMSNorm) and rms.eps == 1e-6 and [n for n, _ in rms.named_parameters()] == ["weight"]
    with pytest.raises(ValueError, match=r"unknown norm 'batchnorm'; choose one of \['layernorm', 'rmsnorm'\]"):
        make_norm("batchnorm", 6)


# -------------------------------------------------------------------------------------- attention


def test_bias_false_has_no_bias_parameters():
    mha = MultiHeadAttention(16, 4, bias=False)
    assert sorted(n for n, _ in mha.named_parameters()) == [f"{p}_proj.weight" for p in ("k", "out", "q", "v")]
    block = Block(16, 4, 32, bias=False, cross_attention=True, gated=True)
    assert not [n for n, _ in block.named_parameters() if "bias" in n]
    assert all(n.endswith("weight") for n, _ in Block(16, 4, 32, norm="rmsnorm", bias=False).named_parameters())


@pytest.mark.parametrize("scale, expected_scale", [(True, None), (False, 1.0), (0.3, 0.3)])
@pytest.mark.parametrize("bias", [True, False])
def test_additive_mask_and_position_bias_match_the_formula(scale, expected_scale, bias):
    B, H, T = 2, 4, 5
    mha = randomize_(MultiHeadAttention(16, H, bias=bias, scale=scale)).eval()
    x = torch.randn(B, T, 16)
    mask = torch.randn(B, 1, T, T)  # any additive float mask, here a random one
    mask[1, 0, :, 3:] = NEG_INF  # and one that blocks keys
    position_bias = torch.randn(1, H, T, T)  # T5's relative bias: one per head, shared by the batch
    expected = attention(mha, x, add=mask + position_bias, scale=expected_scale)
    torch.testing.assert_close(mha(x, mask, position_bias=position_bias), expected, **TOL)
    # a (B, T, S) mask broadcasts over the heads; a (B, H, T, S) bias is per example
    per_example = torch.randn(B, H, T, T)
    expected = attention(mha, x, add=mask[:, 0, None] + per_example, scale=expected_scale)
    torch.testing.assert_close(mha(x, mask[:, 0], position_bias=per_example), expected, **TOL)


def test_position_bias_is_trained():
    mha = MultiHeadAttention(16, 2, scale=False)
    table = nn.Parameter(torch.randn(2, 5, 5))  # T5 learns its relative bias: gradients must reach it
    pad = torch.tensor([[1, 1, 1, 1, 0]])
    mha(torch.randn(1, 5, 16), pad, position_bias=table[None]).pow(2).sum().backward()
    assert table.grad is not None and table.grad.abs().sum() > 0
    assert torch.all(table.grad[:, :, 4] == 0)  # no gradient through a blocked key


def test_position_bias_may_be_a_function_of_queries_and_keys():
    mha = MultiHeadAttention(16, 2).eval()
    x = torch.randn(2, 5, 16)
    u = torch.randn(2, 8)  # XLNet-like: a learned per-head vector scored against every key

    def bias(q, k):
        assert q.shape == (2, 2, 5, 8) and k.shape == (2, 2, 5, 8)
        return torch.einsum("hd,bhsd->bhs", u, k)[:, :, None, :] / math.sqrt(8)  # (B, H, 1, S)

    k = linear(x, mha.k_proj).view(2, 5, 2, 8).transpose(1, 2)
    expected = attention(mha, x, add=torch.einsum("hd,bhsd->bhs", u, k)[:, :, None, :] / math.sqrt(8))
    with pytest.raises(ValueError, match=r"position_bias must have shape \(B, H, T, S\)"):
        mha(x, position_bias=bias)  # (B, H, 1, S) is not (1 or B, H, T, S)
    out = mha(x, position_bias=lambda q, k: bias(q, k).expand(-1, -1, 5, -1))
    torch.testing.assert_close(out, expected, **TOL)


@pytest.mark.parametrize("shape", ["BTS", "B1TS", "BHTS"])
def test_boolean_mask_equals_additive_mask_with_minus_inf(shape):
    B, H, T = 2, 4, 6
    mha = MultiHeadAttention(16, H).eval()
    x = torch.randn(B, T, 16)
    full = {"BTS": (B, T, T), "B1TS": (B, 1, T, T), "BHTS": (B, H, T, T)}[shape]
    allowed = torch.rand(full) < 0.6
    allowed[..., 0] = True  # every query sees at least one key
    additive = torch.zeros(full).masked_fill(~allowed, NEG_INF)
    out = mha(x, allowed)
    torch.testing.assert_close(out, mha(x, additive), **TOL)
    torch.testing.assert_close(mha(x, allowed.long()), out, atol=0, rtol=0)  # 0/1 integers are boolean
    add = additive if additive.dim() == 4 else additive[:, None]
    torch.testing.assert_close(out, attention(mha, x, add=add), **TOL)


def test_causal_combines_with_boolean_and_additive_masks():
    mha = MultiHeadAttention(16, 2, causal=True).eval()
    x = torch.randn(2, 5, 16)
    causal = torch.zeros(5, 5).masked_fill(torch.ones(5, 5).bool().triu(1), NEG_INF)
    allowed = torch.rand(2, 5, 5) < 0.7
    allowed[..., 0] = True
    expected = attention(mha, x, add=causal + torch.zeros(2, 1, 5, 5).masked_fill(~allowed[:, None], NEG_INF))
    torch.testing.assert_close(mha(x, allowed), expected, **TOL)
    bias = torch.randn(1, 2, 5, 5)
    torch.testing.assert_close(mha(x, position_bias=bias), attention(mha, x, add=causal + bias), **TOL)
    pad = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
    expected = attention(mha, x, add=causal + bias + additive_padding(pad))
    torch.testing.assert_close(mha(x, pad, position_bias=bias), expected, **TOL)


def test_cross_attention_takes_keys_and_values_from_the_context():
    mha = randomize_(MultiHeadAttention(16, 4)).eval()
    x, context = torch.randn(2, 3, 16), torch.randn(2, 7, 16)  # T = 3 queries, S = 7 keys
    pad = torch.tensor([[1] * 7, [1] * 4 + [0] * 3])  # the encoder's padding
    out = mha(x, pad, context=context)
    assert out.shape == (2, 3, 16)
    torch.testing.assert_close(out, attention(mha, x, context, add=additive_padding(pad)), **TOL)
    bias = torch.randn(2, 4, 3, 7)
    expected = attention(mha, x, context, add=additive_padding(pad) + bias)
    torch.testing.assert_close(mha(x, pad, context=context, position_bias=bias), expected, **TOL)
    changed = context.clone()
    changed[1, 4:] = torch.randn(3, 16)  # what sits in the padding is not seen
    torch.testing.assert_close(mha(x, pad, context=changed)[1], out[1], **TOL)


def test_d_head_sets_the_inner_width():
    mha = MultiHeadAttention(16, 3, d_head=8).eval()  # inner width 24 != d_model, as T5 allows
    assert mha.q_proj.weight.shape == (24, 16) and mha.out_proj.weight.shape == (16, 24)
    x = torch.randn(2, 4, 16)
    torch.testing.assert_close(mha(x), attention(mha, x), **TOL)


@pytest.mark.parametrize("mask_shape, message", [
    ((2, 4), r"a 2-D \(padding\) mask must have shape \(B, S\) = \(2, 5\), got shape \(2, 4\)"),
    ((3, 5), r"a 2-D \(padding\) mask must have shape \(B, S\) = \(2, 5\), got shape \(3, 5\)"),
    ((2, 5, 4), r"a 3-D mask must have shape \(B, T, S\) = \(2, 5, 5\) \(B, T may be 1\), got shape \(2, 5, 4\)"),
    ((2, 3, 5, 5), r"a 4-D mask must have shape \(B, H, T, S\) = \(2, 2, 5, 5\) \(B, H, T may be 1\)"),
    ((5,), r"mask must have shape \(B, S\) \(padding, 1 = real token\), \(B, T, S\) or \(B, H, T, S\)"),
])
def test_wrong_mask_shapes_raise(mask_shape, message):
    mha = MultiHeadAttention(16, 2)
    with pytest.raises(ValueError, match=message):
        mha(torch.randn(2, 5, 16), torch.ones(mask_shape, dtype=torch.bool))


def test_wrong_inputs_raise():
    mha, x = MultiHeadAttention(16, 2), torch.randn(2, 5, 16)
    with pytest.raises(ValueError, match=r"position_bias must have shape \(B, H, T, S\) = \(2, 2, 5, 5\) \(B may"):
        mha(x, position_bias=torch.zeros(1, 1, 5, 5))
    with pytest.raises(ValueError, match=r"context must have shape \(B, S, d_model=16\), got shape \(2, 7, 8\)"):
        mha(x, context=torch.randn(2, 7, 8))
    with pytest.raises(ValueError, match=r"x must have shape \(B, T, d_model=16\), got shape \(5, 16\)"):
        mha(x[0])
    with pytest.raises(ValueError, match=r"context must have x's batch size 2"):
        mha(x, context=torch.randn(3, 7, 16))
    with pytest.raises(TypeError, match=r"mask must be a torch.Tensor or None, got list"):
        mha(x, [[1, 1, 1, 1, 1]] * 2)
    with pytest.raises(ValueError, match=r"causal attention is self-attention"):
        MultiHeadAttention(16, 2, causal=True)(x, context=x)
    with pytest.raises(ValueError, match=r"scale must be True \(1/sqrt\(d_head\)\), False \(1\) or a positive"):
        MultiHeadAttention(16, 2, scale=-1.0)


# ------------------------------------------------------------------------------------------ blocks


@pytest.mark.parametrize("norm_first", [True, False])
@pytest.mark.parametrize("norm", ["layernorm", "rmsnorm"])
def test_block_with_cross_attention_matches_the_formulas(norm_first, norm):
    block = randomize_(Block(16, 4, 32, norm_first=norm_first, causal=True, layer_norm_eps=1e-6,
                             activation="relu", norm=norm, bias=False, cross_attention=True, scale=False))
    block.eval()
    N = rms_norm if norm == "rmsnorm" else layer_norm
    x, context = torch.randn(2, 5, 16), torch.randn(2, 7, 16)
    context_pad = torch.tensor([[1] * 7, [1] * 5 + [0] * 2])
    bias = torch.randn(1, 4, 5, 5)
    causal = torch.zeros(5, 5).masked_fill(torch.ones(5, 5).bool().triu(1), NEG_INF)

    def attn(h):
        return attention(block.attn, h, add=causal + bias, scale=1.0)

    def cross(h):
        return attention(block.cross_attn, h, context, add=additive_padding(context_pad), scale=1.0)

    def ffn(h):
        return linear(torch.relu(linear(h, block.ffn.fc1)), block.ffn.fc2)

    h = x
    for sublayer, norm_layer in ((attn, block.ln_1), (cross, block.ln_cross), (ffn, block.ln_2)):
        if norm_first:  # h + F(N(h))
            h = h + sublayer(N(h, norm_layer))
        else:  # N(h + F(h))
            h = N(h + sublayer(h), norm_layer)
    out = block(x, context=context, context_mask=context_pad, position_bias=bias)
    torch.testing.assert_close(out, h, **TOL)


def test_block_needs_context_exactly_with_cross_attention():
    x = torch.randn(1, 3, 16)
    with pytest.raises(ValueError, match=r"pass context .* when the block has cross-attention; this one has one"):
        Block(16, 2, 32, cross_attention=True)(x)
    with pytest.raises(ValueError, match=r"this one has none"):
        Block(16, 2, 32)(x, context=x)


@pytest.mark.parametrize("activation", ["gelu_new", "silu"])
def test_gated_feed_forward_matches_the_formula(activation):
    ffn = randomize_(FeedForward(8, 16, activation=activation, gated=True))
    act = get_activation(activation)
    x = torch.randn(3, 8)
    expected = linear(act(linear(x, ffn.fc1)) * linear(x, ffn.fc_linear), ffn.fc2)  # (act(xW) * xV) W_2
    torch.testing.assert_close(ffn(x), expected, **TOL)


# -------------------------------------------------------------------------------- against HF's T5


def test_rms_norm_and_attention_match_t5():
    t5 = pytest.importorskip("transformers.models.t5.modeling_t5")
    config = t5.T5Config(d_model=16, d_kv=8, num_heads=3, dropout_rate=0.0, attn_implementation="eager")
    theirs_norm = t5.T5LayerNorm(16, eps=1e-6)
    torch.nn.init.normal_(theirs_norm.weight, 1.0, 0.3)
    ours_norm = RMSNorm(16, eps=1e-6)
    ours_norm.load_state_dict(theirs_norm.state_dict())
    x, context = torch.randn(2, 5, 16), torch.randn(2, 7, 16)
    torch.testing.assert_close(ours_norm(x), theirs_norm(x), atol=1e-6, rtol=0)

    theirs = t5.T5Attention(config, has_relative_attention_bias=False).eval()
    ours = MultiHeadAttention(16, 3, bias=False, scale=False, d_head=8).eval()
    ours.load_state_dict({f"{p}_proj.weight": getattr(theirs, p[0]).weight for p in ("q", "k", "v", "out")})
    bias = torch.randn(1, 3, 5, 5)
    mask = additive_padding(torch.tensor([[1] * 5, [1, 1, 1, 0, 0]]))
    expected = theirs(x, mask=mask, position_bias=bias)[0]
    torch.testing.assert_close(ours(x, mask, position_bias=bias), expected, atol=1e-6, rtol=0)
    cross_bias = torch.randn(1, 3, 5, 7)  # cross-attention: 5 queries, 7 keys
    expected = theirs(x, key_value_states=context, position_bias=cross_bias)[0]
    torch.testing.assert_close(ours(x, context=context, position_bias=cross_bias), expected, atol=1e-6, rtol=0)


# ---------------------------------------- GPT and BERT bit-identical to the code before the parts
# A frozen copy of lmlib.nn's attention, feed-forward and block before they were built from parts:
# the models built with it must have the same parameter names, the same initial weights for the same
# seed, and give the same outputs and gradients, bit for bit (torch.equal, not allclose).


def _old_make_attention_mask(attention_mask, seq_len, causal, device=None):
    mask = None
    if causal:
        mask = torch.ones(seq_len, seq_len, dtype=torch.bool, device=device).tril()
        mask = mask[None, None]
    if attention_mask is not None:
        keys = attention_mask.to(device=device, dtype=torch.bool)[:, None, None, :]
        mask = keys if mask is None else mask & keys
        mask = mask.expand(-1, -1, seq_len, -1)
    return mask


class _OldAttention(nn.Module):
    def __init__(self, d_model, n_heads, dropout=0.0, bias=True, causal=False):
        super().__init__()
        self.d_model, self.n_heads, self.d_head = d_model, n_heads, d_model // n_heads
        self.causal, self.dropout = causal, dropout
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)
        self.resid_dropout = nn.Dropout(dropout)

    def forward(self, x, attention_mask=None):
        B, T, C = x.shape
        q = self.q_proj(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        k = self.k_proj(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        v = self.v_proj(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        if attention_mask is None:
            mask, is_causal = None, self.causal
        else:
            mask, is_causal = _old_make_attention_mask(attention_mask, T, self.causal, x.device), False
        p = self.dropout if self.training else 0.0
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p, is_causal=is_causal)
        return self.resid_dropout(self.out_proj(y.transpose(1, 2).reshape(B, T, C)))


class _OldFeedForward(nn.Module):
    def __init__(self, d_model, d_ff, activation="gelu", dropout=0.0):
        super().__init__()
        self.act = get_activation(activation)
        self.fc1, self.fc2 = nn.Linear(d_model, d_ff), nn.Linear(d_ff, d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.dropout(self.fc2(self.act(self.fc1(x))))


class _OldBlock(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, dropout=0.0, norm_first=True, causal=False,
                 layer_norm_eps=1e-5, activation="gelu"):
        super().__init__()
        self.norm_first = norm_first
        self.ln_1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.attn = _OldAttention(d_model, n_heads, dropout=dropout, causal=causal)
        self.ln_2 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.ffn = _OldFeedForward(d_model, d_ff, activation=activation, dropout=dropout)

    def forward(self, x, attention_mask=None):
        if self.norm_first:
            x = x + self.attn(self.ln_1(x), attention_mask)
            x = x + self.ffn(self.ln_2(x))
        else:
            x = self.ln_1(x + self.attn(x, attention_mask))
            x = self.ln_2(x + self.ffn(x))
        return x


def _build(module, make, seed, old, monkeypatch):
    with monkeypatch.context() as m:
        if old:
            m.setattr(module, "Block", _OldBlock)
        torch.manual_seed(seed)
        return make()


def _runs(model, call, idx, pad):
    """Outputs in eval and train mode (seeded dropout), without, with and with an all-ones mask; grads."""
    outs = []
    for training in (False, True):
        model.train(training)
        for mask in (None, pad, torch.ones_like(pad)):
            torch.manual_seed(5)
            outs += [t.detach() for t in call(model, idx, mask)]
    model.zero_grad()
    torch.manual_seed(5)
    sum(t.float().pow(2).mean() for t in call(model, idx, pad)).backward()
    return outs + [p.grad for p in model.parameters()]


MODELS = {
    "gpt": (gpt_module, lambda d, h, L, act: GPT(GPTConfig(50, 16, d, L, h, activation=act)),
            lambda m, idx, mask: (m(idx, attention_mask=mask),)),
    "bert": (bert_module, lambda d, h, L, act: BertForPreTraining(BertConfig(50, 16, d_model=d, n_layers=L,
                                                                             n_heads=h, activation=act)),
             lambda m, idx, mask: m(idx, mask, (torch.arange(12) >= 6).long().expand(3, -1))),
}


@pytest.mark.parametrize("family", sorted(MODELS))
@pytest.mark.parametrize("d, h, L, act, seed", [(32, 2, 2, "gelu_new", 0), (48, 4, 3, "gelu", 1)])
def test_gpt_and_bert_are_bit_identical_to_the_code_before_parts(family, d, h, L, act, seed, monkeypatch):
    module, make, call = MODELS[family]
    old = _build(module, lambda: make(d, h, L, act), seed, True, monkeypatch)
    new = _build(module, lambda: make(d, h, L, act), seed, False, monkeypatch)
    assert isinstance(old.blocks[0], _OldBlock) and type(new.blocks[0]) is Block
    old_sd, new_sd = old.state_dict(), new.state_dict()
    assert list(old_sd) == list(new_sd)  # same names in the same order: the HF converters rely on them
    for key in old_sd:
        assert torch.equal(old_sd[key], new_sd[key]), key  # same initialisation order
    idx = torch.randint(0, 50, (3, 12))
    pad = torch.ones(3, 12, dtype=torch.long)
    pad[1, 9:], pad[2, 4:] = 0, 0
    for a, b in zip(_runs(old, call, idx, pad), _runs(new, call, idx, pad), strict=True):
        assert torch.equal(a, b)
