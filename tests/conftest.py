"""Shared test set-up: no test may touch the network; the pydocs splits the tokenizer tests share."""

import socket

import pytest

from lmlib.data import pydocs

_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any attempt to connect anywhere but this machine."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family == socket.AF_UNIX or str(host).startswith(_LOCAL):
            return real_connect(self, address)
        raise RuntimeError(f"tests must not use the network (tried to connect to {address!r})")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def train_text() -> list[str]:
    """pydocs' training paragraphs (read once per test session)."""
    return pydocs.load("train")


@pytest.fixture(scope="session")
def valid_text() -> list[str]:
    """pydocs' validation paragraphs."""
    return pydocs.load("validation")
