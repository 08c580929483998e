"""Attention weights: ``encode(..., output_attentions=True)``, HF's eager attention, and ``plot.attention_map``.

Asked for the weights, attention runs written out (``explicit_attention``) instead of the fused kernel;
the default path is untouched (its bit-identity is checked in test_model_contract.py / test_nn_parts.py).
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from model_helpers import perturb_  # noqa: E402
from lmlib.models import GPT, Bert, BertConfig, BertForPreTraining, GPTConfig, GPTModel  # noqa: E402
from lmlib.models.hf import from_hf, to_hf  # noqa: E402
from lmlib.nn import Block, MultiHeadAttention  # noqa: E402
from lmlib.nn.attention import explicit_attention  # noqa: E402
from lmlib.plot import attention_map  # noqa: E402

TOL = dict(atol=1e-5, rtol=1e-5)
SAME = dict(atol=1e-6, rtol=1e-6)
VOCAB = 101
RIGHT_PAD = torch.tensor([[1] * 10, [1] * 6 + [0] * 4, [1] * 3 + [0] * 7])


@pytest.fixture(autouse=True)
def _seed():
    torch.manual_seed(0)
    yield
    plt.close("all")




def hf_gpt(transformers, d_model, n_heads, n_layers, seed):
    torch.manual_seed(seed)
    config = transformers.GPT2Config(
        vocab_size=VOCAB, n_positions=24, n_embd=d_model, n_layer=n_layers, n_head=n_heads,
        bos_token_id=None, eos_token_id=None, attn_implementation="eager",
    )
    return perturb_(transformers.GPT2LMHeadModel(config)).eval()


def hf_bert(transformers, d_model, n_heads, n_layers, seed):
    torch.manual_seed(seed)
    config = transformers.BertConfig(
        vocab_size=VOCAB, hidden_size=d_model, num_hidden_layers=n_layers, num_attention_heads=n_heads,
        intermediate_size=3 * d_model, max_position_embeddings=24, attn_implementation="eager",
    )
    return perturb_(transformers.BertForPreTraining(config)).eval()


@pytest.fixture
def transformers():
    transformers = pytest.importorskip("transformers")
    transformers.logging.set_verbosity_error()
    return transformers


def assert_attentions_close(ours, theirs, n_layers):
    assert isinstance(ours, tuple) and len(ours) == len(theirs) == n_layers
    for a, b in zip(ours, theirs, strict=True):
        assert a.shape == b.shape
        torch.testing.assert_close(a, b, **TOL)


# ------------------------------------------------------------------------------ against HF (eager)


@pytest.mark.parametrize("d_model, n_heads, n_layers, seed", [(32, 2, 2, 0), (48, 4, 3, 1)])
@pytest.mark.parametrize("padded", [False, True])
def test_gpt_attentions_match_hf(transformers, d_model, n_heads, n_layers, seed, padded):
    hf = hf_gpt(transformers, d_model, n_heads, n_layers, seed)
    model = from_hf(hf)
    assert isinstance(model, GPT)
    idx = torch.randint(0, VOCAB, (3, 10))
    mask = RIGHT_PAD if padded else None
    ours = model.encode(idx, mask, output_attentions=True).attentions
    theirs = hf(idx, attention_mask=mask, output_attentions=True).attentions
    assert_attentions_close(ours, theirs, n_layers)
    assert ours[0].shape == (3, n_heads, 10, 10)


@pytest.mark.parametrize("d_model, n_heads, n_layers, seed", [(32, 2, 2, 0), (48, 4, 3, 1)])
@pytest.mark.parametrize("padded", [False, True])
def test_bert_attentions_match_hf(transformers, d_model, n_heads, n_layers, seed, padded):
    hf = hf_bert(transformers, d_model, n_heads, n_layers, seed)
    model = from_hf(hf)
    assert isinstance(model, BertForPreTraining)
    idx = torch.randint(0, VOCAB, (3, 10))
    types = torch.tensor([[0] * 5 + [1] * 5] * 3)
    mask = RIGHT_PAD if padded else None
    ours = model.encode(idx, mask, types, output_attentions=True).attentions
    theirs = hf(idx, attention_mask=mask, token_type_ids=types, output_attentions=True).attentions
    assert_attentions_close(ours, theirs, n_layers)


@pytest.mark.parametrize("family", ["gpt", "bert"])
def test_lmlib_to_hf_attentions_match(transformers, family):
    torch.manual_seed(3)
    if family == "gpt":
        model = GPT(GPTConfig(vocab_size=VOCAB, max_positions=16, d_model=48, n_layers=2, n_heads=3))
    else:
        model = BertForPreTraining(BertConfig(vocab_size=VOCAB, max_positions=16, d_model=48, n_layers=2,
                                              n_heads=3))
    model = perturb_(model).eval()
    hf = to_hf(model, attn_implementation="eager")
    idx = torch.randint(0, VOCAB, (3, 10))
    for mask in (None, RIGHT_PAD):
        ours = model.encode(idx, mask, output_attentions=True).attentions
        theirs = hf(idx, attention_mask=mask, output_attentions=True).attentions
        assert_attentions_close(ours, theirs, 2)


# ----------------------------------------------------------------------------- what the weights are


def small_gpt():
    return perturb_(GPT(GPTConfig(vocab_size=VOCAB, max_positions=16, d_model=32, n_layers=3, n_heads=4))).eval()


def small_bert():
    return perturb_(BertForPreTraining(BertConfig(vocab_size=VOCAB, max_positions=16, d_model=32, n_layers=3,
                                                  n_heads=4))).eval()


@pytest.mark.parametrize("make", [small_gpt, small_bert])
@pytest.mark.parametrize("mask", [None, RIGHT_PAD], ids=["no-mask", "padding"])
def test_attentions_are_distributions_over_the_allowed_keys(make, mask):
    model = make()
    causal = isinstance(model, GPTModel)
    idx = torch.randint(0, VOCAB, (3, 10))
    out = model.encode(idx, mask, output_attentions=True)
    assert len(out.attentions) == model.config.n_layers
    above = torch.ones(10, 10, dtype=torch.bool).triu(1)  # key j > query i
    real = torch.ones(3, 10, dtype=torch.bool) if mask is None else mask.bool()
    allowed = real[:, None, None, :] & ~above if causal else real[:, None, None, :].expand(3, 1, 10, 10)
    for w in out.attentions:
        assert w.shape == (3, model.config.n_heads, 10, 10)
        torch.testing.assert_close(w.sum(-1), torch.ones(3, model.config.n_heads, 10), **SAME)
        blocked = ~allowed.expand_as(w)
        assert (w[blocked] == 0).all()  # exactly zero above the diagonal (GPT) and on padding keys
        assert (w[~blocked] > 0).all()  # and positive on every key a query may see
        if causal:
            assert (w[..., above] == 0).all()
        if mask is not None:
            assert (w.permute(0, 3, 1, 2)[mask == 0] == 0).all()  # padding keys, from every query


@pytest.mark.parametrize("make", [small_gpt, small_bert])
@pytest.mark.parametrize("mask", [None, RIGHT_PAD], ids=["no-mask", "padding"])
def test_asking_for_attentions_does_not_change_the_outputs(make, mask):
    model = make()
    idx = torch.randint(0, VOCAB, (3, 10))
    plain = model.encode(idx, mask, output_hidden_states=True)
    with_weights = model.encode(idx, mask, output_hidden_states=True, output_attentions=True)
    torch.testing.assert_close(with_weights.last_hidden_state, plain.last_hidden_state, **SAME)
    for a, b in zip(with_weights.hidden_states, plain.hidden_states, strict=True):
        torch.testing.assert_close(a, b, **SAME)
    if plain.pooled is not None:
        torch.testing.assert_close(with_weights.pooled, plain.pooled, **SAME)


@pytest.mark.parametrize("make", [small_gpt, small_bert])
def test_attentions_are_none_unless_asked_for(make):
    model = make()
    idx = torch.randint(0, VOCAB, (2, 8))
    assert model.encode(idx).attentions is None
    assert model.encode(idx, output_hidden_states=True).attentions is None
    assert model.encode(idx, output_attentions=False).attentions is None


def test_bodies_forward_takes_output_attentions():
    torch.manual_seed(1)
    for body in (GPTModel(GPTConfig(vocab_size=VOCAB, d_model=32, n_layers=2)),
                 Bert(BertConfig(vocab_size=VOCAB, d_model=32, n_layers=2))):
        body.eval()
        idx = torch.randint(0, VOCAB, (2, 8))
        out = body(idx, output_attentions=True)
        assert len(out.attentions) == 2 and out.attentions[0].shape == (2, 4, 8, 8)
        assert body(idx).attentions is None


def test_left_padding_gives_zero_rows_like_the_fused_kernel():
    """A left-padded GPT row: query 0 (padding) may attend to no key; the fused kernel gives 0, and so do we."""
    model = small_gpt()
    idx = torch.randint(0, VOCAB, (2, 8))
    mask = torch.tensor([[0, 0, 1, 1, 1, 1, 1, 1], [1] * 8])
    out = model.encode(idx, mask, output_attentions=True)
    torch.testing.assert_close(out.last_hidden_state, model.encode(idx, mask).last_hidden_state, **SAME)
    for w in out.attentions:
        assert not w.isnan().any()
        assert (w[0, :, :2] == 0).all()  # the padding queries see only padding keys
        torch.testing.assert_close(w[0, :, 2:].sum(-1), torch.ones(4, 6), **SAME)


# ------------------------------------------------------------------- the attention layer and block


def fused_and_explicit(mha, x, mask=None, **kwargs):
    fused = mha(x, mask, **kwargs)
    y, w = mha(x, mask, need_weights=True, **kwargs)
    torch.testing.assert_close(y, fused, **SAME)
    return w


B, H, T, S, D = 2, 4, 6, 5, 32


@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("scale", [True, False, 0.3])
@pytest.mark.parametrize("kind", ["none", "padding", "bool3", "bool4", "additive", "bias", "bias+padding",
                                  "callable"])
def test_explicit_attention_equals_the_fused_kernel(causal, scale, kind):
    mha = MultiHeadAttention(D, H, causal=causal, scale=scale).eval()
    x = torch.randn(B, T, D)
    mask, kwargs = None, {}
    if kind == "padding":
        mask = torch.tensor([[1] * T, [1] * 4 + [0] * 2])
    elif kind == "bool3":
        mask = torch.rand(B, T, T) > 0.3
        mask[..., 0] = True  # no row fully blocked (a causal row 0 sees key 0 only)
    elif kind == "bool4":
        mask = torch.rand(B, H, T, T) > 0.3
        mask[..., 0] = True
    elif kind == "additive":
        mask = torch.randn(B, 1, T, T)
    elif kind in ("bias", "bias+padding"):
        kwargs["position_bias"] = torch.randn(1, H, T, T)
        mask = torch.tensor([[1] * T, [1] * 4 + [0] * 2]) if kind == "bias+padding" else None
    elif kind == "callable":
        kwargs["position_bias"] = lambda q, k: 0.1 * q @ k.transpose(-2, -1)
    w = fused_and_explicit(mha, x, mask, **kwargs)
    assert w.shape == (B, H, T, T)
    torch.testing.assert_close(w.sum(-1), torch.ones(B, H, T), **SAME)
    if causal:
        assert (w.triu(1) == 0).all()


def test_cross_attention_returns_its_weights():
    mha = MultiHeadAttention(D, H).eval()
    x, context = torch.randn(B, T, D), torch.randn(B, S, D)
    context_mask = torch.tensor([[1] * S, [1] * 3 + [0] * 2])
    w = fused_and_explicit(mha, x, context_mask, context=context)
    assert w.shape == (B, H, T, S)
    assert (w[1, :, :, 3:] == 0).all()
    torch.testing.assert_close(w.sum(-1), torch.ones(B, H, T), **SAME)


def test_a_fully_blocked_row_gets_zero_weights_and_output_like_the_fused_kernel():
    mha = MultiHeadAttention(D, H).eval()
    x = torch.randn(B, T, D)
    mask = torch.ones(B, T, T, dtype=torch.bool)
    mask[0, 2] = False  # query 2 of row 0 may attend to nothing
    w = fused_and_explicit(mha, x, mask)
    assert (w[0, :, 2] == 0).all() and not w.isnan().any()


def test_explicit_attention_matches_its_formula():
    q, k, v = torch.randn(B, H, T, 8), torch.randn(B, H, S, 8), torch.randn(B, H, S, 8)
    y, w = explicit_attention(q, k, v, scale=0.5)
    expected = torch.softmax(q @ k.transpose(-2, -1) * 0.5, dim=-1)
    torch.testing.assert_close(w, expected, **SAME)
    torch.testing.assert_close(y, expected @ v, **SAME)
    torch.testing.assert_close(y, F.scaled_dot_product_attention(q, k, v, scale=0.5), **SAME)


@pytest.mark.parametrize("norm_first", [True, False])
def test_block_returns_self_and_cross_attention_weights(norm_first):
    x, context = torch.randn(B, T, D), torch.randn(B, S, D)
    block = Block(D, H, 4 * D, norm_first=norm_first, causal=True, cross_attention=True).eval()
    plain = block(x, context=context)
    assert isinstance(plain, torch.Tensor)
    y, w_self, w_cross = block(x, context=context, output_attentions=True)
    torch.testing.assert_close(y, plain, **SAME)
    assert w_self.shape == (B, H, T, T) and w_cross.shape == (B, H, T, S)
    assert (w_self.triu(1) == 0).all()
    y, w_self, w_cross = Block(D, H, 4 * D).eval()(x, output_attentions=True)
    assert w_self.shape == (B, H, T, T) and w_cross is None


def test_weights_are_differentiable():
    model = small_gpt()
    idx = torch.randint(0, VOCAB, (2, 8))
    w = model.encode(idx, output_attentions=True).attentions[-1]
    w[..., 0].sum().backward()  # e.g. attribution through the attention to the first token
    assert model.blocks[0].attn.q_proj.weight.grad is not None


# --------------------------------------------------------------------------------------- the figure


def test_attention_map_draws_one_head():
    model = small_gpt()
    tokens = ["Tom", "went", "to", "the", "market", ".", "He", "bought"]
    idx = torch.randint(0, VOCAB, (1, len(tokens)))
    w = model.encode(idx, output_attentions=True).attentions[1][0, 2]
    ax = attention_map(w, tokens, title="layer 1, head 2")
    assert isinstance(ax, matplotlib.axes.Axes)
    assert ax.get_title() == "layer 1, head 2"
    assert "key" in ax.get_xlabel() and "query" in ax.get_ylabel()
    assert [t.get_text() for t in ax.get_xticklabels()] == tokens
    assert [t.get_text() for t in ax.get_yticklabels()] == tokens
    image = ax.get_images()[0]
    assert image.get_array().shape == (8, 8)
    assert image.colorbar is not None  # a colour bar
    ax.figure.canvas.draw()  # renders with Agg

    _, given = plt.subplots()
    assert attention_map(w.detach().numpy().tolist(), tokens, ax=given) is given
    assert given.get_title()  # a default title


def test_attention_map_rejects_wrong_shapes():
    with pytest.raises(ValueError, match="T = len"):
        attention_map(torch.rand(4, 4), ["a", "b", "c"])
    with pytest.raises(ValueError, match=r"\(T, T\)"):
        attention_map(torch.rand(2, 4, 4), ["a", "b", "c", "d"])


def test_input_representation_figure_labels_every_embedding():
    import matplotlib

    matplotlib.use("Agg")
    from lmlib.plot import input_representation

    tokens = ["[CLS]", "she", "sang", "[SEP]", "he", "left", "[SEP]"]
    ax = input_representation(tokens, [0, 0, 0, 0, 1, 1, 1])
    texts = [t.get_text() for t in ax.texts]
    assert {"E_she", "E_[CLS]", "E_A", "E_B", "E_0", "E_6", "input", "segment"} <= set(texts)
    assert texts.count("E_A") == 4 and texts.count("E_B") == 3 and texts.count("+") == 2 * len(tokens)
    with pytest.raises(ValueError, match="one segment id per token"):
        input_representation(tokens, [0, 1])
