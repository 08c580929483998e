"""lmlib.nn against direct, written-out computations: explicit formulas, loops over heads, explicit masks."""

import math

import pytest
import torch

from lmlib.nn import (
    BertEmbeddings,
    Block,
    FeedForward,
    LearnedPositionalEmbedding,
    MultiHeadAttention,
    SinusoidalPositionalEmbedding,
    make_attention_mask,
    sinusoidal_table,
)

TOL = dict(atol=1e-6, rtol=1e-5)


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(0)


# ------------------------------------------------------------------------------ reference formulas


def layer_norm(x, ln):
    """LN(x) = (x - mean) / sqrt(var + eps) * gamma + beta, with the biased variance over features."""
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + ln.eps) * ln.weight + ln.bias


def linear(x, layer):
    return x @ layer.weight.T + layer.bias


def explicit_attention(mha, x, attention_mask=None):
    """concat_h softmax(Q_h K_h^T / sqrt(d) + M) V_h, then W^O; M built entry by entry."""
    B, T, C = x.shape
    d = C // mha.n_heads
    q, k, v = linear(x, mha.q_proj), linear(x, mha.k_proj), linear(x, mha.v_proj)
    M = torch.zeros(B, T, T)
    for b in range(B):
        for i in range(T):
            for j in range(T):
                future = mha.causal and j > i
                padding = attention_mask is not None and attention_mask[b, j] == 0
                if future or padding:
                    M[b, i, j] = float("-inf")
    heads = []
    for h in range(mha.n_heads):
        s = slice(h * d, (h + 1) * d)
        scores = q[..., s] @ k[..., s].transpose(1, 2) / math.sqrt(d)  # (B, T, T)
        heads.append(torch.softmax(scores + M, dim=-1) @ v[..., s])  # (B, T, d)
    return linear(torch.cat(heads, dim=-1), mha.out_proj)


def gelu_exact(x):
    return 0.5 * x * (1 + torch.erf(x / math.sqrt(2)))


def gelu_tanh(x):
    return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def randomize_layer_norms(module):
    """LayerNorms start at the identity (gamma=1, beta=0), which would hide a swapped gamma/beta."""
    for m in module.modules():
        if isinstance(m, torch.nn.LayerNorm):
            torch.nn.init.normal_(m.weight, 1.0, 0.3)
            torch.nn.init.normal_(m.bias, 0.0, 0.3)


# -------------------------------------------------------------------------------------- positions


@pytest.mark.parametrize("d_model", [8, 7])
def test_sinusoidal_table_matches_the_formula(d_model):
    table = sinusoidal_table(50, d_model)
    assert table.shape == (50, d_model) and table.dtype == torch.float32
    for pos in range(50):
        for col in range(d_model):
            angle = pos / 10000 ** ((col - col % 2) / d_model)  # column 2i and 2i+1 share 10000^(2i/d)
            expected = math.sin(angle) if col % 2 == 0 else math.cos(angle)
            assert table[pos, col].item() == pytest.approx(expected, abs=1e-6)


def test_sinusoidal_shift_is_a_rotation():
    # Vaswani et al.: PE[pos + k] is a linear function (a rotation per frequency) of PE[pos].
    d, k = 16, 5
    table = sinusoidal_table(40, d).double()
    for i in range(d // 2):
        w = 1 / 10000 ** (2 * i / d)
        c, s = math.cos(k * w), math.sin(k * w)
        rot = torch.tensor([[c, -s], [s, c]], dtype=torch.float64)
        pair = table[:, 2 * i : 2 * i + 2]  # (sin(p w), cos(p w)) @ rot = (sin((p+k) w), cos((p+k) w))
        torch.testing.assert_close(pair[:-k] @ rot, pair[k:], atol=1e-6, rtol=0)


def test_sinusoidal_embedding_is_a_fixed_buffer():
    pe = SinusoidalPositionalEmbedding(12, 6)
    assert list(pe.parameters()) == [] and pe.state_dict() == {}
    torch.testing.assert_close(pe(5), sinusoidal_table(12, 6)[:5], atol=0, rtol=0)
    ids = torch.tensor([[3, 1, 4], [1, 5, 9]])
    assert torch.equal(pe(ids), sinusoidal_table(12, 6)[ids])


def test_learned_positional_embedding_looks_up_rows():
    pe = LearnedPositionalEmbedding(10, 4)
    assert pe.weight.shape == (10, 4) and pe.weight.requires_grad
    assert torch.equal(pe(3), pe.weight[:3])
    ids = torch.tensor([[0, 2], [7, 9]])
    assert torch.equal(pe(ids), pe.weight[ids])


@pytest.mark.parametrize("cls", [LearnedPositionalEmbedding, SinusoidalPositionalEmbedding])
@pytest.mark.parametrize("as_ids", [False, True])
def test_positions_beyond_max_positions_raise(cls, as_ids):
    pe = cls(8, 4)
    pe(8)  # exactly max_positions is fine
    positions = torch.arange(9)[None] if as_ids else 9
    with pytest.raises(ValueError, match=r"sequence of length 9 is longer than the model's 8 positions"):
        pe(positions)


# ---------------------------------------------------------------------------------- BertEmbeddings


def test_bert_embeddings_are_layer_norm_of_the_sum():
    emb = BertEmbeddings(vocab_size=20, d_model=8, max_positions=10, type_vocab_size=2, layer_norm_eps=1e-12)
    randomize_layer_norms(emb)
    ids = torch.randint(0, 20, (2, 6))
    segments = torch.tensor([[0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]])
    tok, seg, pos = emb.token_embeddings.weight, emb.segment_embeddings.weight, emb.position_embeddings.weight
    expected = layer_norm(tok[ids] + seg[segments] + pos[torch.arange(6)], emb.norm)
    torch.testing.assert_close(emb(ids, segments), expected, **TOL)
    # no token_type_ids means sentence A everywhere; explicit position ids are used as given
    torch.testing.assert_close(emb(ids), layer_norm(tok[ids] + seg[0] + pos[:6], emb.norm), **TOL)
    pid = torch.tensor([[2, 3, 4, 5, 6, 7]]).expand(2, -1)
    expected = layer_norm(tok[ids] + seg[segments] + pos[pid], emb.norm)
    torch.testing.assert_close(emb(ids, segments, pid), expected, **TOL)


def test_bert_embeddings_without_positions_are_order_blind():
    emb = BertEmbeddings(20, 8, 10, use_positions=False)
    assert emb.position_embeddings is None
    assert all("position" not in name for name, _ in emb.named_parameters())
    ids = torch.randint(0, 20, (1, 30))  # no position table, so no length limit either
    perm = torch.randperm(30)
    torch.testing.assert_close(emb(ids)[:, perm], emb(ids[:, perm]), atol=0, rtol=0)
    with_positions = BertEmbeddings(20, 8, 30)
    assert not torch.allclose(with_positions(ids)[:, perm], with_positions(ids[:, perm]))


def test_bert_embeddings_without_segments_ignore_token_type_ids():
    emb = BertEmbeddings(20, 8, 10, use_segments=False)
    assert emb.segment_embeddings is None
    ids = torch.randint(0, 20, (2, 5))
    expected = layer_norm(emb.token_embeddings.weight[ids] + emb.position_embeddings.weight[:5], emb.norm)
    torch.testing.assert_close(emb(ids, torch.ones_like(ids)), expected, **TOL)


def test_bert_embeddings_too_long_raise():
    emb = BertEmbeddings(20, 8, max_positions=4)
    with pytest.raises(ValueError, match=r"sequence of length 5 is longer than the model's 4 positions"):
        emb(torch.zeros(1, 5, dtype=torch.long))


# -------------------------------------------------------------------------------------- attention


def test_make_attention_mask_entries():
    pad = torch.tensor([[1, 1, 0]])
    expected_causal_pad = torch.tensor([[1, 0, 0], [1, 1, 0], [1, 1, 0]], dtype=torch.bool)
    assert torch.equal(make_attention_mask(pad, 3, causal=True)[0, 0], expected_causal_pad)
    assert torch.equal(make_attention_mask(pad, 3, causal=False)[0, 0], torch.tensor([[1, 1, 0]] * 3).bool())
    assert torch.equal(make_attention_mask(None, 3, causal=True)[0, 0], torch.ones(3, 3).bool().tril())
    assert make_attention_mask(None, 3, causal=False) is None


@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("padded", [False, True])
@pytest.mark.parametrize("n_heads", [1, 4])
def test_attention_matches_explicit_softmax(causal, padded, n_heads):
    mha = MultiHeadAttention(d_model=16, n_heads=n_heads, causal=causal).eval()
    x = torch.randn(2, 5, 16)
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]]) if padded else None
    torch.testing.assert_close(mha(x, mask), explicit_attention(mha, x, mask), **TOL)


def test_causal_attention_does_not_see_the_future():
    mha = MultiHeadAttention(16, 4, causal=True).eval()
    x = torch.randn(1, 6, 16)
    y = x.clone()
    y[:, 4:] = torch.randn(1, 2, 16)  # change the last two positions only
    out_x, out_y = mha(x), mha(y)
    torch.testing.assert_close(out_x[:, :4], out_y[:, :4], **TOL)
    assert not torch.allclose(out_x[:, 4:], out_y[:, 4:])


def test_padding_keys_are_ignored():
    mha = MultiHeadAttention(16, 2).eval()
    mask = torch.tensor([[1, 1, 1, 0, 0]])
    x = torch.randn(1, 5, 16)
    y = x.clone()
    y[:, 3:] = torch.randn(1, 2, 16)  # change what sits in the padding
    torch.testing.assert_close(mha(x, mask)[:, :3], mha(y, mask)[:, :3], **TOL)
    assert not torch.allclose(mha(x)[:, :3], mha(y)[:, :3])  # without the mask they are seen


def test_attention_dropout_only_in_training():
    mha = MultiHeadAttention(16, 2, dropout=0.5)
    x = torch.randn(2, 5, 16)
    assert not torch.allclose(mha.train()(x), mha(x))
    torch.testing.assert_close(mha.eval()(x), explicit_attention(mha, x), **TOL)


@pytest.mark.parametrize("d_model, n_heads", [(10, 3), (64, 5), (16, 0)])
def test_heads_must_divide_d_model(d_model, n_heads):
    with pytest.raises(ValueError, match=rf"d_model={d_model} is not divisible by n_heads={n_heads}; choose"):
        MultiHeadAttention(d_model, n_heads)


# --------------------------------------------------------------------------- feed-forward, blocks


@pytest.mark.parametrize(
    "activation, act", [("gelu", gelu_exact), ("gelu_new", gelu_tanh), ("relu", torch.relu)]
)
def test_feed_forward_matches_formula(activation, act):
    ffn = FeedForward(8, 32, activation=activation)
    x = 3 * torch.randn(4, 8)  # wide enough that gelu, its tanh approximation and relu differ
    torch.testing.assert_close(ffn(x), linear(act(linear(x, ffn.fc1)), ffn.fc2), **TOL)


def test_gelu_variants_differ():
    x = 3 * torch.randn(4, 8)
    gelu, gelu_new = FeedForward(8, 16, "gelu"), FeedForward(8, 16, "gelu_new")
    gelu_new.load_state_dict(gelu.state_dict())
    assert not torch.allclose(gelu(x), gelu_new(x), atol=1e-6, rtol=0)


def test_unknown_activation_raises():
    with pytest.raises(ValueError, match=r"unknown activation 'swish'; choose one of"):
        FeedForward(8, 16, activation="swish")


@pytest.mark.parametrize("norm_first", [True, False])
@pytest.mark.parametrize("causal", [True, False])
def test_block_matches_residual_formula(norm_first, causal):
    block = Block(16, 4, 32, norm_first=norm_first, causal=causal, layer_norm_eps=1e-5, activation="gelu")
    block.eval()
    randomize_layer_norms(block)
    x = torch.randn(2, 5, 16)
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])

    def attn(h):
        return explicit_attention(block.attn, h, mask)

    def ffn(h):
        return linear(gelu_exact(linear(h, block.ffn.fc1)), block.ffn.fc2)

    if norm_first:  # x + Attn(LN1(x)), then h + FFN(LN2(h))
        h = x + attn(layer_norm(x, block.ln_1))
        expected = h + ffn(layer_norm(h, block.ln_2))
    else:  # LN1(x + Attn(x)), then LN2(h + FFN(h))
        h = layer_norm(x + attn(x), block.ln_1)
        expected = layer_norm(h + ffn(h), block.ln_2)
    torch.testing.assert_close(block(x, mask), expected, **TOL)
