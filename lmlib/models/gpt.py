"""GPT-2 (Radford et al., 2019): a stack of pre-LN causal transformer blocks that predicts the next token.

    idx (B, T) -> token embedding wte + position embedding wpe -> dropout
               -> n_layers x Block(pre-LN, causal) -> final LayerNorm ln_f
               -> lm_head (tied to wte) -> logits (B, T, vocab_size)

Given the same weights it computes the same logits as HF ``GPT2LMHeadModel`` (see ``lmlib.models.hf``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from lmlib._checks import check_id_ranges, check_like_ids, check_token_ids, positive_int
from lmlib.generate import sample_tokens
from lmlib.nn import Block, LearnedPositionalEmbedding, check_heads, get_activation

PADDING_MASK = "1 = real token, 0 = padding"


def check_config(config: object, positive: tuple[str, ...]) -> None:
    """Shared checks of the model configs: positive sizes, heads dividing d_model, dropout, activation."""
    name = type(config).__name__
    for field in positive:
        positive_int(f"{name}.{field}", getattr(config, field))
    check_heads(config.d_model, config.n_heads)
    if not 0.0 <= config.dropout < 1.0:
        raise ValueError(f"{name}.dropout must be in [0, 1), got {config.dropout!r}")
    get_activation(config.activation)


@dataclass
class GPTConfig:
    """Sizes of a GPT. ``d_ff`` defaults to 4 * d_model; the defaults of the rest follow GPT-2."""

    vocab_size: int
    max_positions: int = 256  # context length (GPT-2: 1024)
    d_model: int = 128
    n_layers: int = 4
    n_heads: int = 4
    d_ff: int | None = None
    dropout: float = 0.1
    layer_norm_eps: float = 1e-5
    activation: str = "gelu_new"  # GPT-2's tanh approximation of GELU

    def __post_init__(self) -> None:
        if self.d_ff is None:
            self.d_ff = 4 * self.d_model
        check_config(self, ("vocab_size", "max_positions", "d_model", "n_layers", "n_heads", "d_ff"))


class GPT(nn.Module):
    """GPT-2: pre-LN causal transformer with learned positions and a LM head tied to the token embedding."""

    def __init__(self, config: GPTConfig) -> None:
        super().__init__()
        self.config = c = config
        self.wte = nn.Embedding(c.vocab_size, c.d_model)  # token embedding
        self.wpe = LearnedPositionalEmbedding(c.max_positions, c.d_model)  # position embedding
        self.drop = nn.Dropout(c.dropout)
        self.blocks = nn.ModuleList(
            Block(c.d_model, c.n_heads, c.d_ff, c.dropout, norm_first=True, causal=True,
                  layer_norm_eps=c.layer_norm_eps, activation=c.activation)
            for _ in range(c.n_layers)
        )
        self.ln_f = nn.LayerNorm(c.d_model, eps=c.layer_norm_eps)
        self.lm_head = nn.Linear(c.d_model, c.vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight  # weight tying (Press and Wolf, 2017)

        # GPT-2 initialisation: N(0, 0.02), zero biases, and the projections that write into the
        # residual stream scaled by 1/sqrt(2 n_layers) so that its variance does not grow with depth.
        self.apply(init_weights)
        for block in self.blocks:
            for proj in (block.attn.out_proj, block.ffn.fc2):
                nn.init.normal_(proj.weight, std=0.02 / math.sqrt(2 * c.n_layers))

    def features(self, idx: Tensor, attention_mask: Tensor | None = None) -> Tensor:
        """Final hidden states (after ln_f): idx (B, T) -> (B, T, d_model).

        attention_mask: optional (B, T), 1 = real token, 0 = padding. Wrong shapes, dtypes or ids
        outside the vocabulary raise a ValueError or TypeError that says what was expected.
        """
        self.check_inputs(idx, attention_mask)
        T = idx.shape[1]
        x = self.drop(self.wte(idx) + self.wpe(T))  # (B, T, C) + (T, C)
        for block in self.blocks:
            x = block(x, attention_mask)
        return self.ln_f(x)

    def forward(
        self, idx: Tensor, targets: Tensor | None = None, attention_mask: Tensor | None = None
    ) -> tuple[Tensor, Tensor | None]:
        """Logits (B, T, vocab_size) and, given targets (B, T), the mean cross-entropy loss.

        targets[b, t] is the token that should follow idx[b, :t+1]; positions with -100 are ignored.
        """
        if targets is not None and (not isinstance(targets, Tensor) or targets.shape != idx.shape):
            got = tuple(targets.shape) if isinstance(targets, Tensor) else type(targets).__name__
            raise ValueError(f"GPT: targets must have the shape of idx, (B, T) = {tuple(idx.shape)} (the "
                             f"next token at every position, -100 to ignore one), got {got}")
        logits = self.lm_head(self.features(idx, attention_mask))  # (B, T, V)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-100)
        return logits, loss

    def check_inputs(self, idx: Tensor, attention_mask: Tensor | None = None) -> None:
        """Raise a clear error unless idx is (B, T) token ids in [0, vocab_size) and attention_mask,
        if given, has idx's shape. (Sequences longer than max_positions fail in the position embedding.)"""
        name = type(self).__name__
        check_token_ids(name, idx, "idx")
        check_like_ids(name, "attention_mask", attention_mask, idx, PADDING_MASK, ids_name="idx")
        check_id_ranges(name, [("idx", idx, self.config.vocab_size, "vocab_size")])

    @torch.no_grad()
    def generate(
        self,
        idx: Tensor,
        max_new_tokens: int,
        temperature: float = 1.0,
        top_k: int | None = None,
        generator: torch.Generator | None = None,
    ) -> Tensor:
        """Append max_new_tokens sampled tokens to idx (B, T); temperature=0 picks the most likely token.

        The context is cropped to the last max_positions tokens. Call ``model.eval()`` first. Draws
        from ``generator`` (default: the global RNG) with :func:`lmlib.generate.sample_tokens`, the
        sampler behind :func:`lmlib.generate.generate`.
        """
        strategy = "greedy" if temperature == 0 else "sample"
        return sample_tokens(self, idx, max_new_tokens, strategy=strategy, temperature=temperature,
                             top_k=top_k, generator=generator)

    def num_parameters(self, non_embedding: bool = False) -> int:
        """Number of parameters (the tied LM head counted once).

        non_embedding=True leaves out the token and position embeddings, the N of Kaplan et al. (2020).
        """
        n = sum(p.numel() for p in self.parameters())
        if non_embedding:
            n -= self.wte.weight.numel() + self.wpe.weight.numel()
        return n


def init_weights(module: nn.Module) -> None:
    """N(0, 0.02) weights and zero biases for linear layers and embeddings (GPT-2 and BERT)."""
    if isinstance(module, nn.Linear):
        nn.init.normal_(module.weight, std=0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.Embedding):
        nn.init.normal_(module.weight, std=0.02)


__all__ = ["GPT", "GPTConfig", "check_config", "init_weights"]
