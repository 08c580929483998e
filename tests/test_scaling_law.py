"""The Chinchilla law: FLOPs counted layer by layer, fits that recover known laws, the compute optimum."""

import math

import pytest
import torch

from lmlib.scaling import gpt_parameters
from lmlib.scaling_law import ScalingLaw, fit_scaling_law, flops_per_token, isoflop_minimum

CHINCHILLA = ScalingLaw(E=1.69, A=406.4, B=410.7, alpha=0.34, beta=0.28)  # Hoffmann et al. (2022), eq. 10


def test_flops_per_token_written_out_for_a_tiny_model():
    d, L, T, V, f, h = 8, 2, 4, 10, 32, 2
    per_layer = 6 * d * d + 2 * T * d + 3 * h * T + 2 * T * d + 2 * d * d + 4 * d * f
    forward = 2 * V * d + L * per_layer + 2 * d * V
    assert flops_per_token(d, L, T, V, f, h, training=False) == forward
    assert flops_per_token(d, L, T, V, f, h) == 3 * forward


def test_flops_per_token_approach_6n_for_wide_models_and_exceed_it_for_the_books():
    big = flops_per_token(8192, 80, 2048, 32000, n_heads=64)
    n = gpt_parameters(32000, 2048, 8192, 80, non_embedding=True)
    assert big / (6 * n) == pytest.approx(1.0, abs=0.06)  # Llama-2-70B-like: attention and logits are small
    small = flops_per_token(128, 4, 256, 64, n_heads=4)  # the book's next-word GPT
    assert small / (6 * gpt_parameters(64, 256, 128, 4, non_embedding=True)) > 1.3  # 1.35


def grid(law, noise=0.0, seed=0):
    g = torch.Generator().manual_seed(seed)
    N, D = [], []
    for n in (1e6, 3e6, 1e7, 3e7, 1e8):
        for d in (1e8, 1e9, 1e10):
            N.append(n), D.append(d)
    loss = [law(n, d) * math.exp(noise * torch.randn((), generator=g).item()) for n, d in zip(N, D)]
    return N, D, loss


def test_the_fit_recovers_a_known_law():
    N, D, loss = grid(CHINCHILLA)
    for fitted in (fit_scaling_law(N, D, loss), fit_scaling_law(N, D, loss, E=CHINCHILLA.E)):
        assert fitted.alpha == pytest.approx(0.34, abs=0.01) and fitted.beta == pytest.approx(0.28, abs=0.01)
        assert fitted.E == pytest.approx(1.69, abs=0.02)
        for n, d, y in zip(N, D, loss):
            assert fitted(n, d) == pytest.approx(y, rel=1e-3)


def test_a_known_entropy_makes_the_fit_of_noisy_runs_better():
    N, D, loss = grid(CHINCHILLA, noise=0.01, seed=1)
    free, fixed = fit_scaling_law(N, D, loss), fit_scaling_law(N, D, loss, E=CHINCHILLA.E)
    assert fixed.E == CHINCHILLA.E
    err = lambda f: abs(f.alpha - 0.34) + abs(f.beta - 0.28)  # noqa: E731
    assert err(fixed) < 0.1 and err(fixed) <= err(free) + 0.02


def test_compute_optimum_is_the_minimum_along_the_isoflop_curve():
    C = 5.76e23  # Chinchilla's budget
    N_opt, D_opt = CHINCHILLA.compute_optimal(C)
    assert 6 * N_opt * D_opt == pytest.approx(C)
    ns = torch.logspace(9, 12, 20001, dtype=torch.float64)
    losses = CHINCHILLA(ns, C / 6 / ns)
    assert ns[losses.argmin()].item() == pytest.approx(N_opt, rel=1e-3)
    assert CHINCHILLA.tokens_per_parameter(C) == pytest.approx(D_opt / N_opt)
    with pytest.raises(ValueError, match="compute budget C must be positive"):
        CHINCHILLA.compute_optimal(0)


def test_compute_optimum_with_counted_flops_per_token():
    C = 5.76e23
    six = CHINCHILLA.compute_optimal(C, flops_per_token=lambda n: 6 * n)  # the closed form again
    assert six == pytest.approx(CHINCHILLA.compute_optimal(C), rel=1e-6)
    cost = lambda n: 6 * n + 2e10  # noqa: E731  a fixed cost per token (say attention) on top of 6N
    N_opt, D_opt = CHINCHILLA.compute_optimal(C, flops_per_token=cost)
    assert cost(N_opt) * D_opt == pytest.approx(C)
    ns = torch.logspace(9, 12, 20001, dtype=torch.float64)
    losses = CHINCHILLA(ns, C / cost(ns))
    assert ns[losses.argmin()].item() == pytest.approx(N_opt, rel=1e-3)
    assert N_opt > six[0]  # each token costs more, so fewer of them and a larger model
    assert CHINCHILLA.tokens_per_parameter(C, cost) == pytest.approx(D_opt / N_opt)
    with pytest.raises(ValueError, match="does flops_per_token grow with N"):
        CHINCHILLA.compute_optimal(C, flops_per_token=lambda n: 1e30 / n)


def test_isoflop_minimum_finds_the_vertex():
    C = 1e18
    exact = CHINCHILLA.compute_optimal(C)[0]
    ns = [exact * k for k in (1 / 9, 1 / 3, 1, 3, 9)]  # widths around the optimum, as an IsoFLOP study picks
    n_opt = isoflop_minimum(ns, [CHINCHILLA(n, C / 6 / n) for n in ns])
    assert n_opt == pytest.approx(exact, rel=0.1)  # the loss is nearly a parabola in log N
    with pytest.raises(ValueError, match="do not curve upwards"):
        isoflop_minimum([1, 2, 3], [3.0, 2.0, 1.0])


def test_clear_errors():
    with pytest.raises(ValueError, match="every loss must be above the entropy E=2"):
        fit_scaling_law([1, 2, 3, 4], [1, 2, 3, 4], [3, 2.5, 1.9, 2.2], E=2.0)
    with pytest.raises(ValueError, match="need at least 5 runs"):
        fit_scaling_law([1, 2], [1, 2], [3, 2])
    with pytest.raises(ValueError, match="one length"):
        fit_scaling_law([1, 2, 3, 4, 5], [1, 2], [3, 2, 1, 1, 1])
    with pytest.raises(ValueError, match="d_model must be a positive integer"):
        flops_per_token(0, 1, 1, 1)
