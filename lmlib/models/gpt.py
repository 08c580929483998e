"""GPT-2 (Radford et al., 2019): a stack of pre-LN causal transformer blocks that predicts the next token.

    input_ids (B, T) -> token embedding wte + position embedding wpe -> dropout
                     -> n_layers x Block(pre-LN, causal) -> final LayerNorm ln_f      GPTModel.encode
                     -> lm_head (tied to wte) -> logits (B, T, vocab_size)           GPT.forward

``GPTModel`` is the body (HF ``GPT2Model``), ``GPT`` the body with its tied LM head (HF
``GPT2LMHeadModel``); given the same weights they compute the same outputs (see ``lmlib.models.hf``).
The loss is the objective's (``lmlib.objectives.CausalLM``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from lmlib.generate import sample_tokens
from lmlib.models.base import ModelOutput, TransformerConfig, TransformerModel, init_weights
from lmlib.models.heads import tied_lm_head
from lmlib.nn import Block, LearnedPositionalEmbedding


@dataclass
class GPTConfig(TransformerConfig):
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


class GPTModel(TransformerModel):
    """GPT-2's body: pre-LN causal transformer with learned positions, ending in ln_f (HF ``GPT2Model``)."""

    segment_table = "vocab_size"  # GPT-2 embeds token_type_ids with wte, as HF does

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
        self.add_heads()

        # GPT-2 initialisation: N(0, 0.02), zero biases, and the projections that write into the
        # residual stream scaled by 1/sqrt(2 n_layers) so that its variance does not grow with depth.
        self.apply(init_weights)
        for block in self.blocks:
            for proj in (block.attn.out_proj, block.ffn.fc2):
                nn.init.normal_(proj.weight, std=0.02 / math.sqrt(2 * c.n_layers))

    def encode(self, input_ids: Tensor, attention_mask: Tensor | None = None,
               token_type_ids: Tensor | None = None, position_ids: Tensor | None = None,
               output_hidden_states: bool = False, output_attentions: bool = False) -> ModelOutput:
        """Final hidden states (after ln_f), (B, T, d_model), of input_ids (B, T).

        attention_mask: 1 = real token, 0 = padding. position_ids: default 0..T-1. token_type_ids:
        embedded with wte and added, as in GPT-2. output_attentions: also every layer's (causal)
        attention weights (B, n_heads, T, T). Wrong shapes, dtypes or ids outside the vocabulary
        raise a ValueError or TypeError that says what was expected.
        """
        self.check_inputs(input_ids, attention_mask, token_type_ids, position_ids)
        x = self.wte(input_ids) + self.wpe(input_ids.shape[1] if position_ids is None else position_ids)
        if token_type_ids is not None:
            x = x + self.wte(token_type_ids)
        x = self.drop(x)
        x, hidden, attentions = self.run_blocks(x, attention_mask, output_attentions)
        x = self.ln_f(x)
        hidden[-1] = x  # HF's convention: the last entry is after ln_f
        return ModelOutput(x, tuple(hidden) if output_hidden_states else None,
                           attentions=tuple(attentions) if output_attentions else None)

    def embedding_modules(self) -> tuple[nn.Module, ...]:
        return (self.wte, self.wpe)


class GPT(GPTModel):
    """GPT-2 with its LM head tied to the token embedding (HF ``GPT2LMHeadModel``): logits of the next token."""

    def add_heads(self) -> None:
        self.lm_head = tied_lm_head(self.wte)  # weight tying (Press and Wolf, 2017)

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None,
                token_type_ids: Tensor | None = None, position_ids: Tensor | None = None) -> Tensor:
        """Logits (B, T, vocab_size): row t scores the token that follows input_ids[:, :t+1]."""
        return self.lm_head(self.encode(input_ids, attention_mask, token_type_ids, position_ids).last_hidden_state)

    @torch.no_grad()
    def generate(
        self,
        input_ids: Tensor,
        max_new_tokens: int,
        temperature: float = 1.0,
        top_k: int | None = None,
        generator: torch.Generator | None = None,
    ) -> Tensor:
        """Append max_new_tokens sampled tokens to input_ids (B, T); temperature=0 picks the most likely token.

        The context is cropped to the last max_positions tokens. Call ``model.eval()`` first. Draws
        from ``generator`` (default: the global RNG) with :func:`lmlib.generate.sample_tokens`, the
        sampler behind :func:`lmlib.generate.generate`.
        """
        strategy = "greedy" if temperature == 0 else "sample"
        return sample_tokens(self, input_ids, max_new_tokens, strategy=strategy, temperature=temperature,
                             top_k=top_k, generator=generator)


__all__ = ["GPT", "GPTConfig", "GPTModel", "init_weights"]
