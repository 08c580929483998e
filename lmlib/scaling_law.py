"""Compute-optimal training: FLOPs counted layer by layer, and the parametric loss L(N, D) fitted to runs.

Hoffmann et al. (2022, "Chinchilla") model the final loss of a model with N parameters trained on
D tokens as

    L(N, D) = E + A / N^alpha + B / D^beta

E is the loss of a perfect model: the entropy of the text. On natural text it must be fitted; on
tinyworld it is known exactly, so ``fit_scaling_law(..., E=entropy)`` fits only the four other
numbers. Under a budget of C = 6 N D FLOPs the loss is lowest at

    N_opt = G (C / 6)^(beta / (alpha + beta)),   D_opt = (C / 6) / N_opt,   G = (alpha A / (beta B))^(1 / (alpha + beta))

``flops_per_token`` counts what 6 N leaves out (attention over the context, the embedding and output
layers; Hoffmann et al.'s appendix F), which matters for the book's small models; with it, a budget
is C = flops_per_token D, and ``ScalingLaw.compute_optimal(C, flops_per_token=...)`` minimises the
law along that budget instead of along C = 6 N D.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from lmlib._checks import positive_int


def flops_per_token(d_model: int, n_layers: int, n_ctx: int, vocab_size: int, d_ff: int | None = None,
                    n_heads: int | None = None, training: bool = True) -> float:
    """FLOPs per token of a GPT, counted as Hoffmann et al. (2022, table A4) do, per sequence of n_ctx / n_ctx.

    Forward, per token: embeddings 2 V d; per layer Q, K, V projections 2 * 3 d^2, attention logits
    2 n_ctx d, softmax 3 n_heads n_ctx, the weighted sum of values 2 n_ctx d, the output projection
    2 d^2, the feed-forward layer 2 * 2 d d_ff; final logits 2 d V. Training (``training=True``) adds the
    backward pass, twice the forward. (Causal masking would halve the two n_ctx terms; the paper, and
    this function, do not.)
    """
    d, L = positive_int("d_model", d_model), positive_int("n_layers", n_layers)
    T, V = positive_int("n_ctx", n_ctx), positive_int("vocab_size", vocab_size)
    f = 4 * d if d_ff is None else positive_int("d_ff", d_ff)
    h = 1 if n_heads is None else positive_int("n_heads", n_heads)
    attention = 2 * 3 * d * d + 2 * T * d + 3 * h * T + 2 * T * d + 2 * d * d
    forward = 2 * V * d + L * (attention + 2 * 2 * d * f) + 2 * d * V
    return 3.0 * forward if training else float(forward)


@dataclass(frozen=True)
class ScalingLaw:
    """L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al., 2022), with N parameters and D tokens."""

    E: float
    A: float
    B: float
    alpha: float
    beta: float

    def __call__(self, N, D):
        return self.E + self.A / N ** self.alpha + self.B / D ** self.beta

    def compute_optimal(self, C: float, flops_per_token: Callable[[float], float] | None = None
                        ) -> tuple[float, float]:
        """(N_opt, D_opt) that minimise L under a budget of C FLOPs.

        By default a run costs C = 6 N D (the closed form of Hoffmann et al.). ``flops_per_token``,
        a function of N that grows with N (e.g. :func:`flops_per_token` of the width that has N
        parameters), counts the cost of a token instead: C = flops_per_token(N) D, and the minimum
        of L(N, C / flops_per_token(N)) is found numerically over log N.
        """
        if not C > 0:
            raise ValueError(f"the compute budget C must be positive, got {C!r}")
        a, b = self.alpha, self.beta
        G = (a * self.A / (b * self.B)) ** (1 / (a + b))
        N = G * (C / 6) ** (b / (a + b))
        if flops_per_token is None:
            return N, C / 6 / N

        def loss(log_n: float) -> float:
            n = math.exp(log_n)
            return self(n, C / flops_per_token(n))

        lo, hi = math.log(N) - 3 * math.log(10), math.log(N) + 3 * math.log(10)
        xs = [lo + (hi - lo) * i / 600 for i in range(601)]
        i = min(range(len(xs)), key=lambda k: loss(xs[k]))
        if i in (0, len(xs) - 1):
            raise ValueError("no minimum of the loss within a factor 1000 of the 6ND optimum; "
                             "does flops_per_token grow with N?")
        lo, hi = xs[i - 1], xs[i + 1]
        g = (math.sqrt(5) - 1) / 2
        for _ in range(100):  # golden-section search inside the bracket
            x1, x2 = hi - g * (hi - lo), lo + g * (hi - lo)
            lo, hi = (lo, x2) if loss(x1) < loss(x2) else (x1, hi)
        N = math.exp((lo + hi) / 2)
        return N, C / flops_per_token(N)

    def tokens_per_parameter(self, C: float, flops_per_token: Callable[[float], float] | None = None
                             ) -> float:
        """D_opt / N_opt at budget C (Chinchilla: about 20 at its budgets); see compute_optimal."""
        N, D = self.compute_optimal(C, flops_per_token)
        return D / N


def _huber(r: torch.Tensor, delta: float) -> torch.Tensor:
    a = r.abs()
    return torch.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))


def fit_scaling_law(N: Sequence[float], D: Sequence[float], loss: Sequence[float], E: float | None = None,
                    delta: float = 1e-3, steps: int = 100) -> ScalingLaw:
    """Fit L(N, D) to runs (N parameters, D tokens, final loss) as Hoffmann et al. (2022) did.

    Minimises the Huber loss (``delta``) between log L(N, D) and log loss over a grid of starting
    points with L-BFGS, in the parametrisation A = e^a, B = e^b, E = e^e. With ``E`` given (the known
    entropy of the source, in the loss's unit) only A, B, alpha and beta are fitted; every loss
    must then be above E.
    """
    n, d, y = (torch.as_tensor(v, dtype=torch.float64) for v in (N, D, loss))
    if not (n.shape == d.shape == y.shape and n.dim() == 1):
        raise ValueError(f"N, D and loss must be 1-D sequences of one length, got {tuple(n.shape)}, "
                         f"{tuple(d.shape)}, {tuple(y.shape)}")
    if len(y) < (4 if E is not None else 5):
        raise ValueError(f"need at least {4 if E is not None else 5} runs to fit "
                         f"{4 if E is not None else 5} numbers, got {len(y)}")
    if (n <= 0).any() or (d <= 0).any() or (y <= 0).any():
        raise ValueError("N, D and the losses must all be positive")
    if E is not None and not (y > E).all():
        raise ValueError(f"every loss must be above the entropy E={E}: a model cannot beat the source; "
                         f"lowest loss given: {y.min().item():.4g}")
    log_n, log_d, log_y = n.log(), d.log(), y.log()

    def objective(p: torch.Tensor) -> torch.Tensor:
        a, b, alpha, beta = p[0], p[1], p[2], p[3]
        log_e = torch.tensor(math.log(E), dtype=torch.float64) if E is not None else p[4]
        pred = torch.logsumexp(torch.stack([a - alpha * log_n, b - beta * log_d,
                                            log_e.expand_as(log_n)]), dim=0)
        return _huber(pred - log_y, delta).sum()

    starts = itertools.product((2.0, 8.0), (2.0, 8.0), (0.3, 0.8), (0.3, 0.8),
                               *([] if E is not None else [(-0.5, 0.5)]))
    best, best_value = None, math.inf
    for start in starts:
        p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.LBFGS([p], max_iter=steps, line_search_fn="strong_wolfe", tolerance_grad=1e-12,
                                tolerance_change=1e-14)

        def closure():
            opt.zero_grad()
            value = objective(p)
            value.backward()
            return value

        opt.step(closure)
        with torch.no_grad():
            value = objective(p).item()
        if math.isfinite(value) and value < best_value:
            best, best_value = p.detach().clone(), value
    a, b, alpha, beta = best[:4].tolist()
    e = E if E is not None else math.exp(best[4].item())
    return ScalingLaw(E=e, A=math.exp(a), B=math.exp(b), alpha=alpha, beta=beta)


def isoflop_minimum(N: Sequence[float], loss: Sequence[float]) -> float:
    """The N of lowest loss at one compute budget: the vertex of a parabola fitted to loss against
    log N (Hoffmann et al.'s approach 2). Needs at least 3 runs; the vertex may lie outside them."""
    x = torch.as_tensor(N, dtype=torch.float64).log()
    y = torch.as_tensor(loss, dtype=torch.float64)
    if x.shape != y.shape or len(x) < 3:
        raise ValueError(f"need N and loss of one length >= 3, got {len(x)} and {len(y)}")
    X = torch.stack([x * x, x, torch.ones_like(x)], dim=1)
    c2, c1, _ = torch.linalg.lstsq(X, y[:, None]).solution[:, 0].tolist()
    if c2 <= 0:
        raise ValueError("the losses do not curve upwards in log N: no minimum inside this budget's runs; "
                         "add smaller and larger models")
    return math.exp(-c1 / (2 * c2))


__all__ = ["ScalingLaw", "fit_scaling_law", "flops_per_token", "isoflop_minimum"]
