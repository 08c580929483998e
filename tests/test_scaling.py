"""lmlib.scaling: parameter counts match the models, and the Llama 2 70B figures come out as published."""

import math

import pytest

from lmlib import scaling
from lmlib.models.gpt import GPT, GPTConfig

CONFIGS = [
    GPTConfig(vocab_size=100, max_positions=16, d_model=32, n_layers=1, n_heads=2),
    GPTConfig(vocab_size=257, max_positions=64, d_model=48, n_layers=3, n_heads=4, d_ff=100),
    GPTConfig(vocab_size=1000, max_positions=128, d_model=64, n_layers=2, n_heads=8),
    GPTConfig(vocab_size=31, max_positions=7, d_model=24, n_layers=5, n_heads=3, d_ff=24),
]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: f"V{c.vocab_size}-d{c.d_model}-L{c.n_layers}")
def test_gpt_parameters_equal_the_model(config):
    model = GPT(config)
    assert scaling.from_config(config) == model.num_parameters()
    assert scaling.from_config(config, non_embedding=True) == model.num_parameters(non_embedding=True)
    assert scaling.gpt_parameters(config.vocab_size, config.max_positions, config.d_model,
                                  config.n_layers, config.d_ff) == model.num_parameters()
    untied = scaling.from_config(config, tied=False)
    assert untied - model.num_parameters() == config.vocab_size * config.d_model


def test_gpt2_parameter_counts():
    assert scaling.gpt_parameters(50257, 1024, 768, 12) == 124_439_808  # GPT-2 small, as HF counts it
    assert scaling.gpt_parameters(50257, 1024, 1600, 48) == 1_557_611_200  # GPT-2 XL


def test_kaplan_non_embedding_parameters():
    assert scaling.non_embedding_parameters(768, 12) == 12 * 12 * 768**2
    assert scaling.non_embedding_parameters(64, 2, d_ff=100) == 2 * 2 * 64 * (2 * 64 + 100)
    # Biases and LayerNorms are a fraction of a percent at GPT-2 XL's width.
    exact = scaling.gpt_parameters(50257, 1024, 1600, 48, non_embedding=True)
    approx = scaling.non_embedding_parameters(1600, 48)
    assert approx < exact < approx * 1.002


def test_flops():
    assert scaling.training_flops(1e9, 2e10) == 6 * 1e9 * 2e10
    assert scaling.inference_flops_per_token(7e9) == 14e9


def test_llama2_70b_file_size_and_flops():
    run = scaling.LLAMA2_70B
    assert scaling.weights_bytes(run.n_params) == 140e9  # 140 GB in bf16
    assert scaling.weights_bytes(run.n_params, bytes_per_param=0.5) == 35e9  # 4-bit quantised
    assert run.flops == pytest.approx(8.4e23, rel=1e-12)
    assert scaling.tokens_per_parameter(run.n_params, run.n_tokens) == pytest.approx(28.571, abs=1e-3)


def test_llama2_70b_mfu_gpus_days_and_cost():
    run = scaling.LLAMA2_70B
    expected = 8.4e23 / (1_720_320 * 3600 * 312e12)
    assert run.mfu == pytest.approx(expected, rel=1e-12)
    assert run.mfu == pytest.approx(0.4347, abs=1e-4) and 0.35 < run.mfu < 0.5
    # The reported GPU-hours back out from the FLOPs at that utilization.
    assert scaling.gpu_hours(run.flops, run.peak_flops_per_s, run.mfu) == pytest.approx(run.gpu_hours)
    # About 6,000 GPUs for about 12 days.
    days = scaling.wall_clock_days(run.gpu_hours, 6000)
    assert days == pytest.approx(1_720_320 / (6000 * 24)) and 11.5 < days < 12.5
    # At an assumed $1.20 per A100-hour: about $2M (at $1: $1.7M).
    assert scaling.A100_PRICE_PER_GPU_HOUR == 1.2
    assert scaling.cost(run.gpu_hours) == pytest.approx(2_064_384)
    assert scaling.cost(run.gpu_hours, 1.0) == pytest.approx(1_720_320)
    assert 1.5e6 < scaling.cost(run.gpu_hours) < 2.5e6


def test_chinchilla():
    assert scaling.chinchilla_tokens(70e9) == pytest.approx(1.4e12)  # Chinchilla: 70B on 1.4T tokens
    assert scaling.chinchilla_tokens(1e9, tokens_per_param=10) == 1e10
    assert scaling.tokens_per_parameter(70e9, 1.4e12) == pytest.approx(20)


def test_training_memory():
    assert sum(scaling.MIXED_PRECISION_ADAM.values()) == 16
    n = 70e9
    breakdown = scaling.training_memory_breakdown(n)
    assert breakdown["master weights (fp32)"] == 4 * n
    assert scaling.training_memory_bytes(n) == sum(breakdown.values()) == 1.12e12  # 1.12 TB
    assert scaling.training_memory_bytes(n, bytes_per_param=12, activation_bytes=5e9) == 12 * n + 5e9
    # Korthikanti et al. (2022): s b h (34 + 5 a s / h) bytes per layer.
    s, b, h, L, a = 2048, 4, 1024, 24, 16
    acts = scaling.activation_memory_bytes(s, b, h, L, a)
    assert acts == L * s * b * h * (34 + 5 * a * s / h)
    assert scaling.training_memory_bytes(1e8, activation_bytes=acts) == 16e8 + acts


def test_peaks():
    assert scaling.A100_BF16_PEAK_FLOPS == 312e12 and scaling.LLAMA2_70B.peak_flops_per_s == 312e12
    assert scaling.H100_SXM_BF16_PEAK_FLOPS > 3 * scaling.A100_BF16_PEAK_FLOPS


@pytest.mark.parametrize("call, message", [
    (lambda: scaling.gpt_parameters(0, 16, 32, 2), "vocab_size must be a positive integer"),
    (lambda: scaling.gpt_parameters(100, 16, 32.0, 2), "d_model must be a positive integer"),
    (lambda: scaling.gpt_parameters(100, 16, 32, 2, d_ff=-1), "d_ff must be a positive integer"),
    (lambda: scaling.non_embedding_parameters(32, True), "n_layers must be a positive integer"),
    (lambda: scaling.training_flops(-1, 10), "n_params must be a positive finite number"),
    (lambda: scaling.training_flops(1e9, math.inf), "n_tokens must be a positive finite number"),
    (lambda: scaling.inference_flops_per_token(0), "n_params must be a positive"),
    (lambda: scaling.weights_bytes(1e9, bytes_per_param=0), "bytes_per_param must be a positive"),
    (lambda: scaling.training_memory_bytes(1e9, activation_bytes=-1), "activation_bytes must be"),
    (lambda: scaling.gpu_hours(1e20, 312e12, 0), r"mfu must be in \(0, 1\]"),
    (lambda: scaling.gpu_hours(1e20, 312e12, 1.5), r"mfu must be in \(0, 1\]"),
    (lambda: scaling.gpu_hours(1e20, 312e12, 40), r"0.4 means 40 %"),
    (lambda: scaling.mfu(8.4e23, 1_720, 312e12), "more than the peak"),
    (lambda: scaling.mfu(8.4e23, 0, 312e12), "gpu_hours must be a positive"),
    (lambda: scaling.cost(100, -2), "price_per_gpu_hour must be a positive"),
    (lambda: scaling.wall_clock_days(100, 0), "n_gpus must be a positive integer"),
    (lambda: scaling.chinchilla_tokens("70B"), "n_params must be a positive finite number"),
    (lambda: scaling.tokens_per_parameter(70e9, math.nan), "n_tokens must be a positive"),
])
def test_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()
