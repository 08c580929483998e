"""The book's figures: the GPT architecture diagram counts the parameters the model has."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from lmlib.models.gpt import GPT, GPTConfig  # noqa: E402
from lmlib.plot import gpt_architecture, gpt_parameters  # noqa: E402


@pytest.mark.parametrize("sizes", [dict(vocab_size=2048, max_positions=128, d_model=128, n_layers=4, n_heads=4),
                                   dict(vocab_size=97, max_positions=33, d_model=24, n_layers=3, n_heads=2, d_ff=40),
                                   dict(vocab_size=500, max_positions=64, d_model=64, n_layers=1, n_heads=8)])
def test_parameter_breakdown_sums_to_the_models_count(sizes):
    config = GPTConfig(dropout=0.0, **sizes)
    parts = gpt_parameters(config)
    assert sum(parts.values()) == GPT(config).num_parameters()
    assert parts["token embedding"] == config.vocab_size * config.d_model


def test_architecture_figure_shows_the_sizes_and_the_total():
    config = GPTConfig(vocab_size=97, max_positions=33, d_model=24, n_layers=3, n_heads=2, d_ff=40, dropout=0.0)
    ax = gpt_architecture(config)
    texts = " ".join(t.get_text() for t in ax.texts)
    assert f"{GPT(config).num_parameters():,} parameters" in ax.get_title()
    assert "× 3 blocks" in texts and "24 → 40 → 24" in texts and "2 heads of 12" in texts
