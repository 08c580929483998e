"""The contract every lmlib model follows: one config base, one output, one ``encode``.

    encode(input_ids, attention_mask=None, token_type_ids=None, position_ids=None,
           output_hidden_states=False, output_attentions=False)
        -> ModelOutput(last_hidden_state, hidden_states, pooled, attentions)

A *body* (``GPTModel``, ``Bert``) is the transformer and nothing else: its ``forward`` is ``encode``.
A *task model* (``GPT``, ``BertForMaskedLM``, ``BertForPreTraining``) is a body with heads
(``lmlib.models.heads``) added by ``add_heads``; its ``forward`` returns the heads' logits and its
``encode`` is still the body's, so an objective can run any head on any body. Losses live in the
objectives (``lmlib.objectives``), not in the models.

The argument order is HF ``transformers``' (``input_ids, attention_mask, token_type_ids,
position_ids``); masks are 1 for a real token and 0 for padding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from torch import Tensor, nn

from lmlib._checks import check_id_ranges, check_like_ids, check_position_ids, check_token_ids, positive_int
from lmlib.nn import check_heads, get_activation

PADDING_MASK = "1 = real token, 0 = padding"


@dataclass
class TransformerConfig:
    """The fields every family shares, checked when the config is made. ``d_ff`` defaults to 4 * d_model.

    A family's config subclasses this one, changes defaults and adds its own fields; fields named
    in ``positive`` must be positive integers.
    """

    vocab_size: int
    max_positions: int = 128
    d_model: int = 128
    n_layers: int = 2
    n_heads: int = 4
    d_ff: int | None = None
    dropout: float = 0.1
    layer_norm_eps: float = 1e-5
    activation: str = "gelu"

    positive: ClassVar[tuple[str, ...]] = ("vocab_size", "max_positions", "d_model", "n_layers", "n_heads",
                                           "d_ff")

    def __post_init__(self) -> None:
        if self.d_ff is None:
            self.d_ff = 4 * self.d_model
        name = type(self).__name__
        for field in self.positive:
            positive_int(f"{name}.{field}", getattr(self, field))
        check_heads(self.d_model, self.n_heads)
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"{name}.dropout must be in [0, 1), got {self.dropout!r}")
        get_activation(self.activation)


@dataclass
class ModelOutput:
    """What ``encode`` returns.

    last_hidden_state: (B, T, d_model), the input of the heads.
    hidden_states: with ``output_hidden_states=True``, the embeddings' output and every layer's,
        (n_layers + 1) tensors of (B, T, d_model), in HF's convention; None otherwise.
    pooled: (B, d_model) for families with a pooler (BERT's tanh(dense(h[CLS]))), else None.
    attentions: with ``output_attentions=True``, every layer's attention weights, n_layers tensors of
        (B, n_heads, T, T): the softmax over the keys after masking (0 on blocked keys; each row
        sums to 1 in eval mode), as HF's eager attention returns them (so in training mode after
        the attention dropout, the weights that multiply the values); None otherwise. Asking for
        them runs the attention written out instead of the fused kernel: equal to float rounding.
    """

    last_hidden_state: Tensor
    hidden_states: tuple[Tensor, ...] | None = None
    pooled: Tensor | None = None
    attentions: tuple[Tensor, ...] | None = None


class TransformerModel(nn.Module):
    """Base of the bodies: input checks, ``encode`` as ``forward``, the head hook, parameter counts.

    Subclasses build their layers, call ``self.add_heads()`` and only then draw the weights, so a
    task model's heads take their random draws after the body's, as one module would.
    """

    config: TransformerConfig
    segment_table: ClassVar[str] = "type_vocab_size"  # the config field that bounds token_type_ids

    def add_heads(self) -> None:
        """Task models add their heads here (before the weights are drawn); a body has none."""

    def encode(self, input_ids: Tensor, attention_mask: Tensor | None = None,
               token_type_ids: Tensor | None = None, position_ids: Tensor | None = None,
               output_hidden_states: bool = False, output_attentions: bool = False) -> ModelOutput:
        raise NotImplementedError

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None,
                token_type_ids: Tensor | None = None, position_ids: Tensor | None = None,
                output_hidden_states: bool = False, output_attentions: bool = False) -> ModelOutput:
        """A body's forward is :meth:`encode`."""
        return self.encode(input_ids, attention_mask, token_type_ids, position_ids, output_hidden_states,
                           output_attentions)

    def run_blocks(self, x: Tensor, attention_mask: Tensor | None,
                   output_attentions: bool) -> tuple[Tensor, list[Tensor], list[Tensor]]:
        """x (B, T, d_model) through every block of ``self.blocks``: the output, the hidden states
        (x, then every block's output) and, when asked for, every block's attention weights."""
        hidden, attentions = [x], []
        for block in self.blocks:
            if output_attentions:
                x, weights, _ = block(x, attention_mask, output_attentions=True)
                attentions.append(weights)
            else:
                x = block(x, attention_mask)
            hidden.append(x)
        return x, hidden, attentions

    def check_inputs(self, input_ids: Tensor, attention_mask: Tensor | None = None,
                     token_type_ids: Tensor | None = None, position_ids: Tensor | None = None) -> None:
        """Raise a clear error unless input_ids is (B, T) token ids in [0, vocab_size), the masks and
        ids given have its shape ((T,) and (1, T) are fine for position_ids) and fit the model's
        tables. One synchronisation for all the value checks."""
        name, c = type(self).__name__, self.config
        check_token_ids(name, input_ids)
        check_like_ids(name, "attention_mask", attention_mask, input_ids, PADDING_MASK)
        check_like_ids(name, "token_type_ids", token_type_ids, input_ids, "0 = sentence A, 1 = sentence B")
        check_position_ids(name, position_ids, input_ids)
        check_id_ranges(name, [
            ("input_ids", input_ids, c.vocab_size, "vocab_size"),
            ("token_type_ids", token_type_ids if self.has_segments else None, getattr(c, self.segment_table),
             self.segment_table),
            ("position_ids", position_ids if self.has_positions else None, c.max_positions, "max_positions"),
        ])

    @property
    def has_segments(self) -> bool:
        """Whether token_type_ids are read (False for a BERT built with use_segments=False)."""
        return getattr(self.config, "use_segments", True)

    @property
    def has_positions(self) -> bool:
        """Whether position_ids are read (False for a BERT built with use_positions=False)."""
        return getattr(self.config, "use_positions", True)

    def embedding_modules(self) -> tuple[nn.Module, ...]:
        """The token (and position, segment) tables, left out of ``num_parameters(non_embedding=True)``."""
        raise NotImplementedError

    def input_modules(self) -> tuple[nn.Module, ...]:
        """What runs before the first block (layer 0 for per-layer learning rates and unfreezing):
        by default the embedding tables."""
        return self.embedding_modules()

    def num_parameters(self, non_embedding: bool = False) -> int:
        """Number of parameters (tied weights counted once).

        non_embedding=True leaves out the embedding tables, the N of Kaplan et al. (2020).
        """
        params = {id(p): p for p in self.parameters()}
        if non_embedding:
            for module in self.embedding_modules():
                for p in module.parameters():
                    params.pop(id(p), None)
        return sum(p.numel() for p in params.values())


def init_weights(module: nn.Module) -> None:
    """N(0, 0.02) weights and zero biases for linear layers and embeddings (GPT-2 and BERT)."""
    if isinstance(module, nn.Linear):
        nn.init.normal_(module.weight, std=0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.Embedding):
        nn.init.normal_(module.weight, std=0.02)


__all__ = ["ModelOutput", "PADDING_MASK", "TransformerConfig", "TransformerModel", "init_weights"]
