"""Claims: the results a page states, each checked with a stated margin or tolerance.

A notebook's hidden assertion cell collects its claims and verifies them all at once, so that one
failed claim does not hide the others::

    claims = Claims()
    claims.above("the GPT beats the best count model", ngram_bpc - gpt_bpc, 0.02)
    claims.near("GPT bits/char", gpt_bpc, stated=0.312, tol=0.004)
    claims.verify()   # AssertionError listing every claim that failed

Two kinds of claim, two rules (see the README's section on notebooks):

- a *comparison* ("A beats B", "removing X hurts") holds by a margin: :meth:`above` / :meth:`below`
  record how far the value is from its bound, so ``make robust`` can report the smallest margin
  seen over seeds, kernel paths and thread counts;
- a *stated number* ("0.312 bits/char") holds within a tolerance built from the spread that
  ``make robust`` measured: :meth:`near` records the value, so that spread can be measured again.

With ``$LMLIB_CLAIMS_LOG`` set, every claim is appended to that file as one JSON line (with
``$LMLIB_NOTEBOOK`` and ``$LMLIB_RUN``, set by ``bench/robust.py``).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass

LOG_VARIABLE = "LMLIB_CLAIMS_LOG"


@dataclass(frozen=True)
class Claim:
    """One checked statement: ``value`` compared with ``bound`` (``kind`` says how)."""

    name: str
    kind: str  # "that" | "above" | "below" | "near"
    held: bool
    value: float | None = None
    bound: float | None = None  # the number compared with: a bound, or the stated value
    tol: float | None = None  # margin (above/below) or tolerance (near)

    def __str__(self) -> str:
        if self.kind == "that":
            return self.name
        op = {"above": ">", "below": "<", "near": "within"}[self.kind]
        if self.kind == "near":
            return f"{self.name}: {self.value:.6g} not within {self.tol:g} of the stated {self.bound:g}"
        return f"{self.name}: {self.value:.6g} is not {op} {self.bound:.6g} by the margin {self.tol:g}"


def _number(name: str, what: str, x: object) -> float:
    is_number = isinstance(x, (int, float)) or hasattr(x, "__float__")  # numpy and 0-d tensors too
    if isinstance(x, bool) or not is_number:
        raise TypeError(f"claim {name!r}: {what} must be a number, got {type(x).__name__} {x!r}")
    x = float(x)
    if math.isnan(x):
        raise ValueError(f"claim {name!r}: {what} is NaN")
    return x


class Claims:
    """The claims of one page, checked together by :meth:`verify`."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []

    def _add(self, claim: Claim) -> bool:
        if any(c.name == claim.name for c in self.claims):
            raise ValueError(f"claim {claim.name!r} is stated twice; give each claim its own name")
        self.claims.append(claim)
        path = os.environ.get(LOG_VARIABLE)
        if path:
            record = dict(notebook=os.environ.get("LMLIB_NOTEBOOK"), run=os.environ.get("LMLIB_RUN"),
                          **asdict(claim))
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
        return claim.held

    def that(self, name: str, holds: bool) -> bool:
        """A claim with no number to it (an equality of tokens, a decoded text)."""
        return self._add(Claim(name, "that", bool(holds)))

    def above(self, name: str, value: float, bound: float, margin: float = 0.0) -> bool:
        """``value > bound + margin``; ``make robust`` reports ``value - bound``."""
        value, bound = _number(name, "value", value), _number(name, "bound", bound)
        return self._add(Claim(name, "above", value > bound + margin, value, bound, margin))

    def below(self, name: str, value: float, bound: float, margin: float = 0.0) -> bool:
        """``value < bound - margin``; ``make robust`` reports ``bound - value``."""
        value, bound = _number(name, "value", value), _number(name, "bound", bound)
        return self._add(Claim(name, "below", value < bound - margin, value, bound, margin))

    def near(self, name: str, value: float, stated: float, tol: float) -> bool:
        """``|value - stated| <= tol``: a number the page states, within its measured spread."""
        value, stated = _number(name, "value", value), _number(name, "stated", stated)
        if _number(name, "tol", tol) < 0:
            raise ValueError(f"claim {name!r}: tol must be >= 0, got {tol}")
        return self._add(Claim(name, "near", abs(value - stated) <= tol + 1e-12, value, stated, tol))

    @property
    def failed(self) -> list[Claim]:
        return [c for c in self.claims if not c.held]

    def verify(self) -> None:
        """Raise an AssertionError that lists every failed claim; do nothing when all hold."""
        if not self.claims:
            raise AssertionError("no claims were stated")
        if self.failed:
            lines = "\n".join(f"  - {c}" for c in self.failed)
            raise AssertionError(f"{len(self.failed)} of {len(self.claims)} claims failed:\n{lines}")
