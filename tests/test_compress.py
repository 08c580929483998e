"""lmlib.compress: exact round trips, output length = the model's cross-entropy, the wrong-model guard."""

import copy
import zlib

import numpy as np
import pytest
import torch

from lmlib import compress
from lmlib.compress import ArithmeticDecoder, ArithmeticEncoder, decode, encode, quantize
from lmlib.data import tinyworld
from lmlib.models.gpt import GPT, GPTConfig
from lmlib.objectives.causal_lm import next_token_loss
from lmlib.ngram import CharNGram

HEADER = compress.HEADER.size


class Markov:
    """A synthetic model: the next token's distribution depends on the last token (seeded Dirichlet rows)."""

    def __init__(self, vocab_size: int, seed: int, alpha: float = 0.5):
        rng = np.random.default_rng(seed)
        self.table = rng.dirichlet(np.full(vocab_size, alpha), size=vocab_size + 1)  # last row: start

    def __call__(self, prefix):
        return self.table[prefix[-1] if len(prefix) else -1]

    def sample(self, n: int, seed: int) -> list[int]:
        rng, out = np.random.default_rng(seed), []
        for _ in range(n):
            out.append(int(rng.choice(len(self.table[0]), p=self(out))))
        return out


def check_size(data: bytes, bits: float, slack_bytes: int = 4) -> None:
    """The stream is the header plus the cross-entropy, within 1 % and a few bytes."""
    assert len(data) - HEADER <= bits / 8 * 1.01 + slack_bytes
    assert len(data) - HEADER >= bits / 8 * 0.99 - slack_bytes


# --------------------------------------------------------------------------- quantisation


def test_quantize_keeps_every_symbol_possible_and_is_proportional():
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.full(300, 0.3))
    p[7] = 0.0
    cum = quantize(p, total=2**20)
    freq = np.diff(cum)
    assert cum[0] == 0 and cum[-1] == 2**20 and freq.min() >= 1 and freq[7] == 1
    assert np.abs(freq - p * 2**20).max() <= 2 * 300 + 2  # the "+1"s, and the leftover on the likeliest
    assert np.array_equal(quantize(p, 2**20), cum)  # deterministic
    p32 = torch.tensor(p, dtype=torch.float32)
    assert np.array_equal(quantize(p32), quantize(p32.numpy().astype(np.float64)))  # torch = numpy
    assert np.array_equal(quantize([1.0]), [0, compress.DEFAULT_TOTAL])


@pytest.mark.parametrize("probs, total, message", [
    ([0.5, np.nan], 2**16, "finite and >= 0"),
    ([0.5, -0.1], 2**16, "finite and >= 0"),
    ([0.0, 0.0], 2**16, "all zero"),
    ([[0.5, 0.5]], 2**16, "1-D probability vector"),
    ([], 2**16, "1-D probability vector"),
    ([0.25] * 4, 4, r"total must be an int in \(4, 1073741824\]"),
    ([0.5, 0.5], 2**31, "total must be an int"),
])
def test_quantize_errors(probs, total, message):
    with pytest.raises(ValueError, match=message):
        quantize(probs, total)


# ------------------------------------------------------------------------------- the coder


def test_core_coder_round_trip_with_underflow():
    # [3, 7) out of 10 lies in the middle half of any interval: every such symbol is an E3 case.
    table = np.array([0, 3, 7, 10])
    symbols = [1] * 500 + [0, 2] * 50 + [1] * 500
    encoder = ArithmeticEncoder()
    for s in symbols:
        encoder.encode(table, s)
    data = encoder.finish()
    decoder = ArithmeticDecoder(data)
    assert [decoder.decode(table) for _ in symbols] == symbols
    ideal = -np.log2([np.diff(table)[s] / 10 for s in symbols]).sum()
    assert ideal / 8 <= len(data) <= ideal / 8 + 2


def test_core_coder_at_the_largest_total():
    total = compress.MAX_TOTAL
    table = np.array([0, 1, 2, total])  # two symbols of probability 2**-30
    symbols = [2] * 100 + [0, 1, 0] + [2] * 100
    encoder = ArithmeticEncoder()
    for s in symbols:
        encoder.encode(table, s)
    decoder = ArithmeticDecoder(encoder.finish())
    assert [decoder.decode(table) for _ in symbols] == symbols
    with pytest.raises(ValueError, match="bad frequency table"):
        ArithmeticEncoder().encode(np.array([0, 0, 5]), 0)


def test_round_trip_and_length_on_a_random_markov_source():
    model = Markov(vocab_size=40, seed=1)
    tokens = model.sample(20_000, seed=2)
    data = encode(model, tokens)
    assert decode(model, data) == tokens
    bits = compress.cross_entropy_bits(model, tokens)
    assert abs(bits.quantized - bits.unquantized) < 1e-3 * bits.unquantized
    check_size(data, bits.quantized)
    check_size(data, bits.unquantized)


def test_skewed_distribution():
    p = np.full(16, 1e-6 / 15)
    p[0] = 1 - 1e-6
    model = lambda prefix: p  # noqa: E731
    tokens = [0] * 20_000
    for i in (5, 777, 12_345, 19_999):
        tokens[i] = 3  # some very unlikely tokens
    data = encode(model, tokens)
    assert decode(model, data, n_tokens=len(tokens)) == tokens
    bits = compress.cross_entropy_bits(model, tokens)
    assert bits.quantized < 4 * 25 + 20_000 * 1e-3  # ~24 bits per rare token, almost nothing for the rest
    check_size(data, bits.quantized)
    worst = [15] * 1000  # every token the least likely one
    assert decode(model, encode(model, worst)) == worst


def test_uniform_distribution_costs_one_byte_per_byte():
    tokens = np.random.default_rng(3).integers(0, 256, size=5000).tolist()
    data = encode(lambda prefix: np.ones(256), tokens)
    assert decode(lambda prefix: np.ones(256), data) == tokens
    assert 5000 <= len(data) - HEADER <= 5001


def test_edge_cases_and_torch_output():
    one = lambda prefix: np.ones(1)  # noqa: E731  a certain symbol costs nothing
    assert len(encode(one, [0] * 1000)) <= HEADER + 1
    assert decode(one, encode(one, [0] * 1000)) == [0] * 1000
    model = Markov(5, seed=4)
    assert decode(model, encode(model, [])) == []
    as_torch = lambda prefix: torch.softmax(torch.tensor(model(prefix)).log().float(), -1)  # noqa: E731
    tokens = model.sample(500, seed=5)
    assert decode(as_torch, encode(as_torch, torch.tensor(tokens))) == tokens


def test_encode_decode_errors():
    model = Markov(5, seed=4)
    with pytest.raises(ValueError, match="token 5 at position 2 is outside the model's vocabulary of 5"):
        encode(model, [0, 1, 5])
    with pytest.raises(ValueError, match="1-D sequence of token ids"):
        encode(model, [0, -1])
    with pytest.raises(ValueError, match="power of two"):
        encode(model, [0, 1], total=1000)
    data = encode(model, [0, 1, 2])
    with pytest.raises(ValueError, match="holds 3 tokens, not 4"):
        decode(model, data, n_tokens=4)
    with pytest.raises(ValueError, match="bad or missing header"):
        decode(model, b"PK" + data[2:])
    with pytest.raises(ValueError, match="different model"):
        decode(Markov(5, seed=6), data)  # plain functions: fingerprint of the first prediction


# ------------------------------------------------------------------------------ a tiny GPT


@pytest.fixture(scope="module")
def text_and_gpt():
    text = tinyworld.corpus(tinyworld.generate(120, seed=11))
    alphabet = "".join(sorted(set(text)))
    tokens = [alphabet.index(ch) for ch in text]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny model, shared CPU: one thread is fastest
    try:
        torch.manual_seed(0)
        model = GPT(GPTConfig(vocab_size=len(alphabet), max_positions=32, d_model=32, n_layers=2, n_heads=2))
        data = torch.tensor(tokens)
        optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
        for _ in range(30):  # a few steps, so that predictions are far from uniform
            ix = torch.randint(0, len(data) - 33, (16,))
            x = torch.stack([data[i:i + 32] for i in ix])
            loss = next_token_loss(model(x), torch.stack([data[i + 1:i + 33] for i in ix]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    finally:
        torch.set_num_threads(threads)
    return alphabet, tokens, model


@pytest.mark.parametrize("stride, context", [(1, ()), (10, (0,)), (16, (0,)), (32, (3, 5))])
def test_gpt_encoder_and_decoder_see_bit_identical_probabilities(text_and_gpt, stride, context):
    _, tokens, model = text_and_gpt
    probs = compress.gpt_probs(model, context=context, stride=stride)
    seq = np.array(tokens[:150])
    batched = probs.predict_all(seq)  # the encoder's windows, real text after each position
    one_by_one = np.stack([probs(seq[:i]) for i in range(len(seq))])  # the decoder's, filler after
    assert np.array_equal(batched, one_by_one)
    assert np.allclose(batched.sum(axis=1), 1.0)
    if not context:
        assert np.all(batched[0] == 1 / model.config.vocab_size)


def test_gpt_round_trip_and_length_on_text(text_and_gpt):
    alphabet, tokens, model = text_and_gpt
    model = copy.deepcopy(model)  # changed below
    probs = compress.gpt_probs(model, context=[alphabet.index("\n")])
    seq = tokens[:2000]
    data = encode(probs, seq)
    assert decode(probs, data, n_tokens=len(seq)) == seq
    bits = compress.cross_entropy_bits(probs, seq)
    check_size(data, bits.quantized)
    assert bits.quantized / len(seq) < np.log2(len(alphabet)) - 0.5  # it learned something
    with torch.no_grad():
        model.wte.weight.add_(1.0)  # the adapter holds a snapshot
    assert decode(probs, data) == seq


def test_gpt_wrong_model_fails_clearly(text_and_gpt):
    alphabet, tokens, model = text_and_gpt
    data = encode(compress.gpt_probs(model, stride=8), tokens[:50])
    torch.manual_seed(1)
    other = GPT(model.config)
    for wrong in (compress.gpt_probs(other, stride=8), compress.gpt_probs(model, stride=16),
                  compress.gpt_probs(model, context=[1], stride=8)):
        with pytest.raises(ValueError, match=r"encoded with a different model \(fingerprint [0-9a-f]{16}, "
                                             r"this model's is [0-9a-f]{16}\); decode it with the model"):
            decode(wrong, data)
    with pytest.raises(ValueError, match="stride must be an int in"):
        compress.gpt_probs(model, stride=0)
    with pytest.raises(ValueError, match="context token ids must be <"):
        compress.gpt_probs(model, context=[len(alphabet)])


# ------------------------------------------------------------------------ a character n-gram


def test_ngram_coder_round_trip_and_length():
    train = tinyworld.corpus(tinyworld.generate(1000, seed=0))
    text = tinyworld.corpus(tinyworld.generate(40, seed=99))
    model = CharNGram(6).fit(train)
    probs = compress.ngram_probs(model, alphabet="".join(sorted(set(train) | set(text))))
    tokens = probs.tokens(text)
    data = encode(probs, tokens)
    assert probs.text(decode(probs, data)) == text
    bits = compress.cross_entropy_bits(probs, tokens)
    check_size(data, bits.quantized)
    # Renormalising over the alphabet only raises probabilities: at most the n-gram's own bits.
    assert bits.unquantized <= model.bits(text) < bits.unquantized * 1.01
    assert len(data) < len(zlib.compress(text.encode(), 9)) * 0.7  # a model that knows the language wins
    other = compress.ngram_probs(CharNGram(5).fit(train), probs.alphabet)
    with pytest.raises(ValueError, match="different model"):
        decode(other, data)
    with pytest.raises(ValueError, match="not in the alphabet"):
        probs.tokens("é")
    with pytest.raises(ValueError, match="not fitted"):
        compress.ngram_probs(CharNGram(3))
