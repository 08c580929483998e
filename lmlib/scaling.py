"""The arithmetic of training cost: parameters, FLOPs, memory, GPU-hours and money.

Four rules of thumb carry most of it:

- parameters: a GPT block holds about 12 d_model^2 weights (4 d^2 in attention, 8 d^2 in a feed-forward
  layer with d_ff = 4 d), so N ~= 12 n_layers d_model^2 without the embeddings (Kaplan et al., 2020);
- compute: training costs C ~= 6 N D floating-point operations for D tokens (2 N per token forward,
  one multiply and one add per weight; twice that backward), and generating costs 2 N per token;
- data: a compute-optimal model sees about 20 tokens per parameter (Hoffmann et al., 2022, "Chinchilla");
- memory: 2 bytes per parameter to store bf16 weights, about 16 to train them with mixed-precision Adam.

Turning FLOPs into time needs the accelerator's peak speed and the fraction of it a training run
really achieves, the model FLOPs utilization (MFU; Chowdhery et al., 2022). ``LLAMA2_70B`` holds the
figures that Touvron et al. (2023) published for Llama 2 70B, and the tests reproduce from them the
numbers the book quotes: a 140 GB file, 8.4e23 FLOPs, about 6,000 GPUs for about 12 days, about $2M.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real

from lmlib._checks import positive_int

# Dense (no sparsity) bf16 tensor-core peaks from NVIDIA's datasheets, in FLOP/s.
A100_BF16_PEAK_FLOPS = 312e12
H100_SXM_BF16_PEAK_FLOPS = 989e12

# An assumed price, in US dollars per A100 GPU-hour: roughly what large reserved or owned clusters
# cost in 2023. On-demand cloud prices were higher; pass your own price to ``cost``.
A100_PRICE_PER_GPU_HOUR = 1.2

# Bytes per parameter to train with mixed-precision Adam (Micikevicius et al., 2018; the ZeRO paper's
# accounting, Rajbhandari et al., 2020): the forward and backward passes use bf16 copies of the weights
# and gradients, while the optimizer keeps an fp32 master copy of the weights and Adam's two fp32
# moment estimates. Activations come on top and depend on batch size and sequence length.
MIXED_PRECISION_ADAM: dict[str, float] = {
    "weights (bf16)": 2,
    "gradients (bf16)": 2,
    "master weights (fp32)": 4,
    "Adam first moment m (fp32)": 4,
    "Adam second moment v (fp32)": 4,
}


def _positive(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return value


def _fraction(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not 0 < value <= 1:
        raise ValueError(f"{name} must be in (0, 1], got {value!r} (0.4 means 40 % of the peak)")
    return value


# ----------------------------------------------------------------------------------- parameters


def gpt_parameters(
    vocab_size: int,
    max_positions: int,
    d_model: int,
    n_layers: int,
    d_ff: int | None = None,
    tied: bool = True,
    non_embedding: bool = False,
) -> int:
    """Exact parameter count of an lmlib (GPT-2) model: equals ``GPT(config).num_parameters()``.

    Per block: attention 4 d^2 + 4 d (Q, K, V and output projections with biases), feed-forward
    2 d d_ff + d_ff + d, two LayerNorms 4 d. Around the blocks: token embedding V d, position embedding
    P d, final LayerNorm 2 d, and an LM head of V d unless it is tied to the token embedding.
    ``non_embedding=True`` leaves out the token and position embeddings (and an untied LM head),
    like ``GPT.num_parameters(non_embedding=True)``.
    """
    V, P = positive_int("vocab_size", vocab_size), positive_int("max_positions", max_positions)
    d, L = positive_int("d_model", d_model), positive_int("n_layers", n_layers)
    f = 4 * d if d_ff is None else positive_int("d_ff", d_ff)
    block = (4 * d * d + 4 * d) + (2 * d * f + f + d) + 4 * d
    embeddings = V * d + P * d + (0 if tied else V * d)
    return L * block + 2 * d + (0 if non_embedding else embeddings)


def from_config(config, tied: bool = True, non_embedding: bool = False) -> int:
    """``gpt_parameters`` for a ``GPTConfig``."""
    return gpt_parameters(config.vocab_size, config.max_positions, config.d_model, config.n_layers,
                          config.d_ff, tied=tied, non_embedding=non_embedding)


def non_embedding_parameters(d_model: int, n_layers: int, d_ff: int | None = None) -> int:
    """Kaplan et al.'s N = 2 n_layers d_model (2 d_model + d_ff): 12 n_layers d_model^2 when d_ff = 4 d.

    Only the weight matrices of the blocks: biases and LayerNorms (a few d per layer) are left out,
    which makes it slightly smaller than the exact ``gpt_parameters(..., non_embedding=True)``.
    """
    d, L = positive_int("d_model", d_model), positive_int("n_layers", n_layers)
    f = 4 * d if d_ff is None else positive_int("d_ff", d_ff)
    return 2 * L * d * (2 * d + f)


# ---------------------------------------------------------------------------------------- FLOPs


def training_flops(n_params: float, n_tokens: float) -> float:
    """C = 6 N D: forward 2 N per token (a multiply and an add per weight), backward twice that.

    It leaves out attention's own work (query-key products and the weighted sum of values, about
    6 n_layers n_ctx d_model per token over forward and backward), small when d_model >> n_ctx / 12.
    """
    return 6 * _positive("n_params", n_params) * _positive("n_tokens", n_tokens)


def inference_flops_per_token(n_params: float) -> float:
    """2 N FLOPs to generate one token (a forward pass only)."""
    return 2 * _positive("n_params", n_params)


# --------------------------------------------------------------------------------------- memory


def weights_bytes(n_params: float, bytes_per_param: float = 2) -> float:
    """Size of the weights: 2 bytes per parameter in bf16/fp16, 4 in fp32, 0.5 at 4 bits."""
    return _positive("n_params", n_params) * _positive("bytes_per_param", bytes_per_param)


def training_memory_breakdown(
    n_params: float, bytes_per_param: Mapping[str, float] = MIXED_PRECISION_ADAM
) -> dict[str, float]:
    """Bytes of each piece of training state, e.g. ``MIXED_PRECISION_ADAM`` (16 bytes per parameter)."""
    n = _positive("n_params", n_params)
    return {name: n * _positive(f"bytes_per_param[{name!r}]", b) for name, b in bytes_per_param.items()}


def training_memory_bytes(
    n_params: float,
    bytes_per_param: Mapping[str, float] | float = MIXED_PRECISION_ADAM,
    activation_bytes: float = 0,
) -> float:
    """Memory to train: weights, gradients and optimizer state (16 bytes per parameter by default,
    see ``MIXED_PRECISION_ADAM``), plus ``activation_bytes`` (e.g. from ``activation_memory_bytes``).

    Summed over all GPUs: sharding (ZeRO, FSDP) splits it between them but does not shrink it.
    """
    if isinstance(bytes_per_param, Mapping):
        states = sum(training_memory_breakdown(n_params, bytes_per_param).values())
    else:
        states = _positive("n_params", n_params) * _positive("bytes_per_param", bytes_per_param)
    if isinstance(activation_bytes, bool) or not isinstance(activation_bytes, Real) or activation_bytes < 0:
        raise ValueError(f"activation_bytes must be a number >= 0, got {activation_bytes!r}")
    return states + activation_bytes


def activation_memory_bytes(
    seq_len: int, batch_size: int, d_model: int, n_layers: int, n_heads: int
) -> float:
    """Activations a GPT keeps for the backward pass, with 16-bit activations and no recomputation:
    s b h (34 + 5 a s / h) bytes per layer (Korthikanti et al., 2022), s = seq_len, b = batch_size,
    h = d_model, a = n_heads. The 5 a s^2 b term is the attention matrices; fused attention (which
    recomputes them) drops it.
    """
    s, b = positive_int("seq_len", seq_len), positive_int("batch_size", batch_size)
    h, a = positive_int("d_model", d_model), positive_int("n_heads", n_heads)
    L = positive_int("n_layers", n_layers)
    return L * s * b * h * (34 + 5 * a * s / h)


# ------------------------------------------------------------------------------ time and money


def gpu_hours(flops: float, peak_flops_per_s: float, mfu: float) -> float:
    """GPU-hours to do ``flops`` on accelerators of the given peak, at utilization ``mfu`` in (0, 1]."""
    rate = _positive("peak_flops_per_s", peak_flops_per_s) * _fraction("mfu", mfu)
    return _positive("flops", flops) / rate / 3600


def mfu(flops: float, gpu_hours: float, peak_flops_per_s: float) -> float:
    """Model FLOPs utilization: the fraction of the peak that ``flops`` in ``gpu_hours`` achieved."""
    achieved = _positive("flops", flops) / (_positive("gpu_hours", gpu_hours) * 3600)
    utilization = achieved / _positive("peak_flops_per_s", peak_flops_per_s)
    if utilization > 1:
        raise ValueError(
            f"{flops:.3g} FLOPs in {gpu_hours:.3g} GPU-hours is {achieved:.3g} FLOP/s per GPU, more "
            f"than the peak of {peak_flops_per_s:.3g}: check the units (FLOP, not TFLOP; hours, not days)"
        )
    return utilization


def wall_clock_days(gpu_hours: float, n_gpus: int) -> float:
    """Days that ``gpu_hours`` take when spread over ``n_gpus`` GPUs working in parallel."""
    return _positive("gpu_hours", gpu_hours) / positive_int("n_gpus", n_gpus) / 24


def cost(gpu_hours: float, price_per_gpu_hour: float = A100_PRICE_PER_GPU_HOUR) -> float:
    """Price of ``gpu_hours``, in the currency of ``price_per_gpu_hour``."""
    return _positive("gpu_hours", gpu_hours) * _positive("price_per_gpu_hour", price_per_gpu_hour)


def chinchilla_tokens(n_params: float, tokens_per_param: float = 20) -> float:
    """Compute-optimal number of training tokens, about 20 per parameter (Hoffmann et al., 2022)."""
    return _positive("n_params", n_params) * _positive("tokens_per_param", tokens_per_param)


def tokens_per_parameter(n_params: float, n_tokens: float) -> float:
    """D / N: 20 is compute-optimal for training; smaller models served at scale get far more."""
    return _positive("n_tokens", n_tokens) / _positive("n_params", n_params)


# ------------------------------------------------------------------------------ a published run


@dataclass(frozen=True)
class TrainingRun:
    """A published pretraining run: model size, tokens, and the GPU-hours its authors reported."""

    name: str
    n_params: float
    n_tokens: float
    gpu_hours: float
    gpu: str
    peak_flops_per_s: float

    @property
    def flops(self) -> float:
        """6 N D."""
        return training_flops(self.n_params, self.n_tokens)

    @property
    def mfu(self) -> float:
        """The utilization implied by the reported GPU-hours (6 N D counts model FLOPs only)."""
        return mfu(self.flops, self.gpu_hours, self.peak_flops_per_s)


# Touvron et al. (2023), Table 2 and Section 2.2: 70B parameters, 2.0T tokens, 1,720,320 GPU-hours
# on A100-80GB GPUs (the Meta Research SuperCluster).
LLAMA2_70B = TrainingRun(
    name="Llama 2 70B", n_params=70e9, n_tokens=2e12, gpu_hours=1_720_320,
    gpu="A100-80GB", peak_flops_per_s=A100_BF16_PEAK_FLOPS,
)

__all__ = [
    "A100_BF16_PEAK_FLOPS", "A100_PRICE_PER_GPU_HOUR", "H100_SXM_BF16_PEAK_FLOPS", "LLAMA2_70B",
    "MIXED_PRECISION_ADAM", "TrainingRun", "activation_memory_bytes", "chinchilla_tokens", "cost",
    "from_config", "gpt_parameters", "gpu_hours", "inference_flops_per_token", "mfu",
    "non_embedding_parameters", "tokens_per_parameter", "training_flops", "training_memory_breakdown",
    "training_memory_bytes", "wall_clock_days", "weights_bytes",
]
