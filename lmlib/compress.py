"""Language modeling is compression: arithmetic coding driven by a model.

A model that gives the next token probability p can store it in about -log2 p bits (Shannon, 1948),
so a text costs its cross-entropy under the model. Arithmetic coding gets there. The message becomes
one number in [0, 1): start with the interval [low, high) = [0, 1); for each token, cut the interval
into one piece per symbol, each as wide as the symbol's probability, and keep the piece of the token
that occurred. After n tokens the interval is prod_i p_i wide, and -sum_i log2 p_i bits (plus two) name
a number inside it. The decoder runs the same model, sees which piece the number falls in, and so
recovers the tokens one by one -- provided it computes exactly the same probabilities.

This is the integer coder of Witten, Neal and Cleary (1987), with their names (low, high, cum_freq,
bits_to_follow, Half, First_qtr); ``low`` and ``high`` are 32-bit integers. When the interval lies in
the lower half of the range, the next output bit is 0; in the upper half, 1: we write it and double
the interval (the cases often called E1 and E2). When it straddles the middle but lies in the middle
half (E3, "underflow"), the next bit is not known yet, only that the bit after it will be the
opposite; we double around the middle and count a pending bit (``bits_to_follow``).

The model's probabilities are quantised first (``quantize``) into integer cumulative frequencies
(``cum_freq``) with a fixed total, every symbol at least 1, so that nothing is impossible and the
encoder and the decoder agree to the last bit.

The model-driven API: ``encode(model_probs_fn, tokens)`` and ``decode(model_probs_fn, data)``, where
``model_probs_fn(prefix)`` returns the probability vector of the next token after ``prefix`` (a 1-D
int64 array; numpy or torch output). ``gpt_probs`` and ``ngram_probs`` make one from an lmlib GPT or a
CharNGram. Such a function may also have a ``predict_all(tokens)`` method returning every
prediction at once (the encoder's fast path; it must equal calling it on each prefix bit for bit)
and a ``fingerprint`` (bytes) that the stream's header records, so that decoding with another model
fails with a clear error. Decoding needs the same software and hardware arithmetic as encoding.
"""

from __future__ import annotations

import copy
import hashlib
import struct
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import torch

if TYPE_CHECKING:
    from lmlib.models.gpt import GPT
    from lmlib.ngram import CharNGram

CODE_VALUE_BITS = 32
TOP_VALUE = (1 << CODE_VALUE_BITS) - 1
FIRST_QTR = TOP_VALUE // 4 + 1
HALF = 2 * FIRST_QTR
THIRD_QTR = 3 * FIRST_QTR
MAX_TOTAL = FIRST_QTR  # after renormalisation high - low >= FIRST_QTR, so each count >= 1 keeps a width
DEFAULT_TOTAL = 1 << 24

ProbsFn = Callable[[np.ndarray], "np.ndarray | torch.Tensor"]


# ------------------------------------------------------------------------- quantisation


def _float64(probs: np.ndarray | torch.Tensor | Sequence[float]) -> np.ndarray:
    if isinstance(probs, torch.Tensor):
        return probs.detach().to("cpu", torch.float64).numpy()
    return np.asarray(probs, dtype=np.float64)


def quantize(probs: np.ndarray | torch.Tensor | Sequence[float], total: int = DEFAULT_TOTAL) -> np.ndarray:
    """Integer cumulative frequencies for a probability vector: ``cum_freq`` of length V + 1, from 0 to
    ``total``; symbol s owns [cum_freq[s], cum_freq[s+1]), at least 1 wide.

    Deterministic: one elementwise float step (p / max p, scaled to 2^32 and floored), then integers
    only, so equal inputs give equal tables. The vector need not sum to 1.
    """
    p = _float64(probs)
    if p.ndim != 1 or p.size == 0:
        raise ValueError(f"expected a 1-D probability vector, got shape {p.shape}")
    if not np.isfinite(p).all() or (p < 0).any():
        raise ValueError("probabilities must be finite and >= 0")
    if isinstance(total, bool) or not isinstance(total, int) or not p.size < total <= MAX_TOTAL:
        raise ValueError(f"total must be an int in ({p.size}, {MAX_TOTAL}] for {p.size} symbols, "
                         f"got {total!r}")
    p_max = p.max()
    if p_max <= 0:
        raise ValueError("probabilities are all zero")
    weights = np.floor(p / p_max * 2.0**32).astype(np.int64)  # in [0, 2^32]; the largest is 2^32
    freq = 1 + weights * (total - p.size) // weights.sum()  # each >= 1, sum <= total
    freq[np.argmax(weights)] += total - freq.sum()  # what rounding left over goes to the likeliest
    return np.concatenate(([0], np.cumsum(freq)))


# -------------------------------------------------------------------- the coder (WNC 1987)


class ArithmeticEncoder:
    """Narrow [low, high] symbol by symbol; ``finish()`` returns the bits as bytes."""

    def __init__(self) -> None:
        self.low, self.high = 0, TOP_VALUE
        self.bits_to_follow = 0  # pending E3 bits: each is the opposite of the next bit output
        self.bits: list[int] = []

    def _bit_plus_follow(self, bit: int) -> None:
        self.bits.append(bit)
        self.bits.extend([1 - bit] * self.bits_to_follow)
        self.bits_to_follow = 0

    def encode(self, cum_freq: Sequence[int] | np.ndarray, symbol: int) -> None:
        """Keep symbol's piece of the interval: [cum_freq[symbol], cum_freq[symbol + 1]) out of the total."""
        total, lo, hi = int(cum_freq[-1]), int(cum_freq[symbol]), int(cum_freq[symbol + 1])
        if not (0 <= lo < hi <= total <= MAX_TOTAL):
            raise ValueError(f"bad frequency table for symbol {symbol}: [{lo}, {hi}) of {total}")
        range_ = self.high - self.low + 1
        self.high = self.low + range_ * hi // total - 1
        self.low = self.low + range_ * lo // total
        while True:
            if self.high < HALF:  # E1: lower half, the next bit is 0
                self._bit_plus_follow(0)
            elif self.low >= HALF:  # E2: upper half, the next bit is 1
                self._bit_plus_follow(1)
                self.low, self.high = self.low - HALF, self.high - HALF
            elif self.low >= FIRST_QTR and self.high < THIRD_QTR:  # E3: middle half, bit not known yet
                self.bits_to_follow += 1
                self.low, self.high = self.low - FIRST_QTR, self.high - FIRST_QTR
            else:
                break
            self.low, self.high = 2 * self.low, 2 * self.high + 1  # zoom in: double the interval

    def finish(self) -> bytes:
        """Two more bits pick a quarter inside [low, high]; the decoder reads zeros past the end."""
        self.bits_to_follow += 1
        self._bit_plus_follow(0 if self.low < FIRST_QTR else 1)
        return np.packbits(np.array(self.bits, dtype=np.uint8)).tobytes()


class ArithmeticDecoder:
    """Follow the encoder's intervals; ``value`` is the code number read so far."""

    def __init__(self, data: bytes) -> None:
        self.bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8)).tolist()
        self.position = 0
        self.low, self.high, self.value = 0, TOP_VALUE, 0
        for _ in range(CODE_VALUE_BITS):
            self.value = 2 * self.value + self._next_bit()

    def _next_bit(self) -> int:
        bit = self.bits[self.position] if self.position < len(self.bits) else 0
        self.position += 1
        return bit

    def decode(self, cum_freq: Sequence[int] | np.ndarray) -> int:
        """The symbol whose piece of [low, high] holds ``value``; then narrow exactly as the encoder."""
        total = int(cum_freq[-1])
        range_ = self.high - self.low + 1
        count = ((self.value - self.low + 1) * total - 1) // range_
        symbol = int(np.searchsorted(cum_freq, count, side="right")) - 1
        lo, hi = int(cum_freq[symbol]), int(cum_freq[symbol + 1])
        self.high = self.low + range_ * hi // total - 1
        self.low = self.low + range_ * lo // total
        while True:  # the encoder's E1, E2, E3 steps, applied to value too
            if self.high < HALF:
                shift = 0
            elif self.low >= HALF:
                shift = HALF
            elif self.low >= FIRST_QTR and self.high < THIRD_QTR:
                shift = FIRST_QTR
            else:
                break
            self.value, self.low, self.high = self.value - shift, self.low - shift, self.high - shift
            self.low, self.high = 2 * self.low, 2 * self.high + 1
            self.value = 2 * self.value + self._next_bit()
        return symbol


# ------------------------------------------------------------------------- model-driven API

MAGIC = b"AC"
HEADER = struct.Struct(">2sB8sI")  # magic, log2(total), model fingerprint, number of tokens


def _as_tokens(tokens: Iterable[int] | np.ndarray | torch.Tensor) -> np.ndarray:
    arr = np.asarray(tokens.tolist() if isinstance(tokens, torch.Tensor) else
                     tokens if isinstance(tokens, (np.ndarray, list, tuple)) else list(tokens))
    if arr.size == 0:
        arr = arr.astype(np.int64)
    if arr.ndim != 1 or arr.dtype.kind not in "iu" or (arr < 0).any():
        raise ValueError("tokens must be a 1-D sequence of token ids >= 0")
    arr = arr.astype(np.int64)  # a copy that we make read-only: prefixes handed out are views of it
    arr.flags.writeable = False
    return arr


def _predictions(model_probs_fn: ProbsFn, tokens: np.ndarray) -> Iterable:
    """The next-token distribution at every position: ``predict_all`` if the model offers it."""
    if hasattr(model_probs_fn, "predict_all"):
        predictions = model_probs_fn.predict_all(tokens)
        if len(predictions) != len(tokens):
            raise ValueError(f"predict_all gave {len(predictions)} predictions for {len(tokens)} tokens")
        return predictions
    return (model_probs_fn(tokens[:i]) for i in range(len(tokens)))


def fingerprint(model_probs_fn: ProbsFn, total: int = DEFAULT_TOTAL) -> bytes:
    """8 bytes that identify the model: its ``fingerprint`` attribute, or else a hash of its first
    (empty-prefix) frequency table, a weaker check."""
    fp = getattr(model_probs_fn, "fingerprint", None)
    if fp is None:
        table = quantize(model_probs_fn(_as_tokens([])), total)
        fp = hashlib.sha256(table.astype(">i8").tobytes()).digest()
    return bytes(fp[:8]).ljust(8, b"\0")


def _table(probs, total: int, tokens: np.ndarray, i: int) -> np.ndarray:
    cum_freq = quantize(probs, total)
    if tokens[i] >= len(cum_freq) - 1:
        raise ValueError(f"token {tokens[i]} at position {i} is outside the model's vocabulary "
                         f"of {len(cum_freq) - 1}")
    return cum_freq


def encode(model_probs_fn: ProbsFn, tokens: Iterable[int], total: int = DEFAULT_TOTAL) -> bytes:
    """Compress ``tokens``: a 15-byte header (model fingerprint, token count), then the arithmetic code."""
    if isinstance(total, bool) or not isinstance(total, int) or not 2 <= total <= MAX_TOTAL \
            or total & (total - 1):
        raise ValueError(f"total must be a power of two between 2 and 2**30, got {total!r}")
    tokens = _as_tokens(tokens)
    if len(tokens) >= 2**32:
        raise ValueError("at most 2**32 - 1 tokens per stream")
    encoder = ArithmeticEncoder()
    for i, probs in enumerate(_predictions(model_probs_fn, tokens)):
        encoder.encode(_table(probs, total, tokens, i), int(tokens[i]))
    header = HEADER.pack(MAGIC, total.bit_length() - 1, fingerprint(model_probs_fn, total), len(tokens))
    return header + encoder.finish()


def decode(model_probs_fn: ProbsFn, data: bytes, n_tokens: int | None = None) -> list[int]:
    """Decompress a stream made by ``encode`` with the same model; ``n_tokens``, if given, is checked."""
    if len(data) < HEADER.size or data[:2] != MAGIC:
        raise ValueError("not a stream made by lmlib.compress.encode (bad or missing header)")
    _, log2_total, stored, n = HEADER.unpack(data[:HEADER.size])
    total = 1 << log2_total
    mine = fingerprint(model_probs_fn, total)
    if stored != mine:
        raise ValueError(f"this stream was encoded with a different model (fingerprint {stored.hex()}, "
                         f"this model's is {mine.hex()}); decode it with the model that encoded it")
    if n_tokens is not None and n_tokens != n:
        raise ValueError(f"the stream holds {n} tokens, not {n_tokens}")
    decoder = ArithmeticDecoder(data[HEADER.size:])
    out = np.zeros(n, dtype=np.int64)
    for i in range(n):
        prefix = out[:i]
        prefix.flags.writeable = False
        out[i] = decoder.decode(quantize(model_probs_fn(prefix), total))
    return out.tolist()


class CrossEntropy(NamedTuple):
    """Total -log2 p of a token stream, in bits: as the coder sees it, and straight from the model."""

    quantized: float
    unquantized: float


def cross_entropy_bits(
    model_probs_fn: ProbsFn, tokens: Iterable[int], total: int = DEFAULT_TOTAL
) -> CrossEntropy:
    """The model's -sum log2 p(token | prefix) with the coder's quantised probabilities and with the
    model's own (renormalised to sum to 1 over the vocabulary). The coder's output is within a few
    bytes of ``quantized``."""
    tokens = _as_tokens(tokens)
    q = u = 0.0
    for i, probs in enumerate(_predictions(model_probs_fn, tokens)):
        t, cum_freq, p = tokens[i], _table(probs, total, tokens, i), _float64(probs)
        q -= np.log2((cum_freq[t + 1] - cum_freq[t]) / total)
        u -= np.log2(p[t] / p.sum())
    return CrossEntropy(float(q), float(u))


# ---------------------------------------------------------------------------------- adapters


class GPTProbs:
    """Next-token probabilities of an lmlib GPT, identical in the encoder and in the decoder.

    Every forward pass sees a window of exactly ``max_positions`` (P) tokens: the known tokens, then
    filler tokens (id 0). Causal attention keeps what comes later from changing earlier positions, so a
    position's logits do not depend on whether the rest of the window is real text (the encoder, which
    reads up to P predictions from one pass) or filler (the decoder, which does not know it yet).
    Windows start at multiples of ``stride`` S: the first predicts tokens 1..P, each later one its last
    S tokens, each from at least P - S + 1 tokens of context. ``stride=1`` is the true sliding window
    (every token sees the P before it) at one pass per token; the default is P // 2. Passes run on one
    thread, softmax in float64, on the CPU. ``context`` (e.g. a BOS id) precedes the tokens on both
    sides; without one the first token is coded with a uniform distribution. The model is copied to the
    CPU, so training it further does not change this snapshot.
    """

    def __init__(self, model: GPT, context: Iterable[int] = (), stride: int | None = None) -> None:
        self.model = copy.deepcopy(model).to("cpu").eval().requires_grad_(False)
        config = self.model.config
        self.vocab_size, self.window = config.vocab_size, config.max_positions
        self.stride = max(1, self.window // 2) if stride is None else stride
        if isinstance(self.stride, bool) or not isinstance(self.stride, int) \
                or not 1 <= self.stride <= self.window:
            raise ValueError(f"stride must be an int in [1, max_positions={self.window}], got {stride!r}")
        self.context = _as_tokens(context)
        if (self.context >= self.vocab_size).any():
            raise ValueError(f"context token ids must be < vocab_size={self.vocab_size}")
        h = hashlib.sha256(repr((type(self).__name__, config, self.stride, self.context.tolist())).encode())
        for name, tensor in self.model.state_dict().items():
            h.update(f"{name} {tensor.dtype} {tuple(tensor.shape)}".encode())
            h.update(tensor.detach().contiguous().reshape(-1).view(torch.uint8).numpy().tobytes())
        self.fingerprint = h.digest()[:8]

    def _window_start(self, t: int) -> int:
        """Start of the window whose logits predict stream position t (t >= 1)."""
        P, S = self.window, self.stride
        return 0 if t <= P else -(-(t - P) // S) * S  # ceil((t - P) / S) * S

    @torch.inference_mode()
    def _window_logits(self, window_tokens: np.ndarray) -> torch.Tensor:
        x = torch.zeros(1, self.window, dtype=torch.long)  # filler after the given tokens
        x[0, : len(window_tokens)] = torch.from_numpy(np.asarray(window_tokens, dtype=np.int64))
        threads = torch.get_num_threads()
        torch.set_num_threads(1)  # the same summation order on every machine, and no threading overhead
        try:
            return self.model(x)[0]  # (P, V)
        finally:
            torch.set_num_threads(threads)

    def _probs(self, logits: torch.Tensor, j: int) -> np.ndarray:
        return torch.softmax(logits[j].to(torch.float64), dim=-1).numpy()

    def __call__(self, prefix: Sequence[int] | np.ndarray) -> np.ndarray:
        """P(next token | context + prefix): one forward pass (the decoder's path)."""
        stream = np.concatenate([self.context, np.asarray(prefix, dtype=np.int64)])
        t = len(stream)
        if t == 0:
            return np.full(self.vocab_size, 1.0 / self.vocab_size)
        a = self._window_start(t)
        return self._probs(self._window_logits(stream[a:t]), t - 1 - a)

    def predict_all(self, tokens: Sequence[int] | np.ndarray) -> np.ndarray:
        """(n, V): the prediction for every token, one forward pass per window (the encoder's path)."""
        stream = np.concatenate([self.context, np.asarray(tokens, dtype=np.int64)])
        c, n = len(self.context), len(stream) - len(self.context)
        out = np.full((n, self.vocab_size), 1.0 / self.vocab_size)  # stays for a first token without context
        start, logits = None, None
        for t in range(max(c, 1), c + n):  # t: the target's position in the stream
            a = self._window_start(t)
            if a != start:
                start, logits = a, self._window_logits(stream[a:a + self.window])
            out[t - c] = self._probs(logits, t - 1 - a)
        return out


def gpt_probs(model: GPT, context: Iterable[int] = (), stride: int | None = None) -> GPTProbs:
    """A ``model_probs_fn`` for ``encode``/``decode`` from an lmlib GPT (see ``GPTProbs``)."""
    return GPTProbs(model, context, stride)


class NGramProbs:
    """Next-character probabilities of a fitted ``CharNGram`` over ``alphabet`` (token i = alphabet[i]).

    The n-gram keeps a little probability for characters it never saw; the coder renormalises over
    the alphabet. ``tokens(text)`` and ``text(tokens)`` convert between characters and ids. The
    fingerprint is taken here: after refitting the n-gram, make a new ``NGramProbs``.
    """

    def __init__(self, model: CharNGram, alphabet: str | None = None) -> None:
        if not model.levels:
            raise ValueError("this n-gram model is not fitted; call fit(text) first")
        self.model = model
        self.alphabet = "".join(sorted(model.alphabet)) if alphabet is None else alphabet
        if not self.alphabet or len(set(self.alphabet)) != len(self.alphabet):
            raise ValueError("alphabet must be a non-empty string of distinct characters")
        self.vocab_size = len(self.alphabet)
        self.index = {ch: i for i, ch in enumerate(self.alphabet)}
        self._cache: dict[str, np.ndarray] = {}  # history -> probabilities
        h = hashlib.sha256(repr((type(self).__name__, model.order, model.discount, self.alphabet)).encode())
        for level in model.levels:
            h.update(repr(sorted(level["counts"].items())).encode())
        self.fingerprint = h.digest()[:8]

    def tokens(self, text: str) -> list[int]:
        missing = sorted(set(text) - set(self.index))
        if missing:
            raise ValueError(f"characters {missing!r} are not in the alphabet")
        return [self.index[ch] for ch in text]

    def text(self, tokens: Iterable[int]) -> str:
        return "".join(self.alphabet[t] for t in tokens)

    def __call__(self, prefix: Sequence[int] | np.ndarray) -> np.ndarray:
        k = self.model.order - 1
        history = self.text(prefix[max(0, len(prefix) - k):]) if k else ""
        probs = self._cache.get(history)
        if probs is None:
            probs = np.array([self.model.prob(history, ch) for ch in self.alphabet])
            self._cache[history] = probs
        return probs


def ngram_probs(model: CharNGram, alphabet: str | None = None) -> NGramProbs:
    """A ``model_probs_fn`` for ``encode``/``decode`` from a fitted CharNGram (see ``NGramProbs``)."""
    return NGramProbs(model, alphabet)


__all__ = ["ArithmeticDecoder", "ArithmeticEncoder", "CrossEntropy", "GPTProbs", "NGramProbs",
           "cross_entropy_bits", "decode", "encode", "fingerprint", "gpt_probs", "ngram_probs", "quantize"]
