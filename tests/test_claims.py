"""lmlib.claims (the checked statements of a page) and the training seed from $LMLIB_SEED."""

import json

import pytest

from lmlib.claims import Claims
from lmlib.profile import training_seed


def test_claims_hold_and_fail_with_their_margins():
    c = Claims()
    assert c.above("a beats b", 0.50, 0.40, margin=0.05)
    assert not c.above("a beats b by a lot", 0.50, 0.40, margin=0.2)
    assert c.below("loss below", 1.0, 1.5, margin=0.4)
    assert not c.below("loss far below", 1.0, 1.5, margin=0.6)
    assert c.near("stated", 0.3125, stated=0.312, tol=0.001)
    assert not c.near("stated tightly", 0.3125, stated=0.312, tol=0.0001)
    assert c.that("decoded exactly", True)
    assert [x.name for x in c.failed] == ["a beats b by a lot", "loss far below", "stated tightly"]
    with pytest.raises(AssertionError) as e:
        c.verify()
    message = str(e.value)
    assert "3 of 7 claims failed" in message and "a beats b by a lot" in message
    assert "0.3125 not within 0.0001 of the stated 0.312" in message


def test_verify_passes_when_all_hold_and_refuses_an_empty_page():
    c = Claims()
    c.near("x", 2.0, 2.0, 0.0)
    c.verify()
    with pytest.raises(AssertionError, match="no claims"):
        Claims().verify()


def test_bad_claims_get_clear_errors():
    c = Claims()
    c.that("once", True)
    with pytest.raises(ValueError, match="stated twice"):
        c.that("once", True)
    with pytest.raises(TypeError, match="value must be a number"):
        c.above("text", "0.3", 0.1)
    with pytest.raises(ValueError, match="NaN"):
        c.near("nan", float("nan"), 0.1, 0.1)
    with pytest.raises(ValueError, match="tol must be >= 0"):
        c.near("negative", 0.1, 0.1, -1)


def test_claims_are_logged_for_the_robustness_harness(tmp_path, monkeypatch):
    log = tmp_path / "claims.jsonl"
    monkeypatch.setenv("LMLIB_CLAIMS_LOG", str(log))
    monkeypatch.setenv("LMLIB_NOTEBOOK", "ch/nb")
    monkeypatch.setenv("LMLIB_RUN", "seed1")
    c = Claims()
    c.above("gap", 0.3, 0.1)
    c.near("number", 0.5, 0.4, 0.05)
    rows = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(r["notebook"], r["run"], r["name"], r["held"]) for r in rows] == [
        ("ch/nb", "seed1", "gap", True), ("ch/nb", "seed1", "number", False)]
    assert rows[1]["value"] == 0.5 and rows[1]["bound"] == 0.4 and rows[1]["tol"] == 0.05


def test_training_seed_comes_from_lmlib_seed(monkeypatch):
    monkeypatch.delenv("LMLIB_SEED", raising=False)
    assert training_seed() == 0 and training_seed(default=3) == 3
    monkeypatch.setenv("LMLIB_SEED", " 17 ")
    assert training_seed() == 17
    for bad in ("one", "1.5", "0x10"):
        monkeypatch.setenv("LMLIB_SEED", bad)
        with pytest.raises(ValueError, match=r"LMLIB_SEED must be an integer .*" + bad):
            training_seed()
    monkeypatch.setenv("LMLIB_SEED", "-2")
    with pytest.raises(ValueError, match="LMLIB_SEED must be >= 0"):
        training_seed()
