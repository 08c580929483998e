"""BERT (Devlin et al., 2019): a bidirectional post-LN transformer encoder pretrained with two heads.

    input_ids, token_type_ids (B, T) -> BertEmbeddings: LN(token + segment + position) -> dropout
        -> n_layers x Block(post-LN, not causal)            -> hidden states h (B, T, C)   Bert.encode
    pooler:          h[:, 0] (the [CLS] token) -> dense -> tanh   -> pooled (B, C)
    masked LM head:  h -> dense -> gelu -> LN -> decoder (tied to the token embedding) + bias
                                                           -> mlm_logits (B, T, vocab_size)
    next-sentence:   pooled -> linear                              -> nsp_logits (B, 2)

``Bert`` is the encoder with its pooler (HF ``BertModel``); ``BertForMaskedLM`` adds the MLM head and
no pooler (HF ``BertForMaskedLM``); ``BertForPreTraining`` has the pooler and both heads (HF
``BertForPreTraining``). Given the same weights each computes the same logits as its HF twin (see
``lmlib.models.hf``); the losses are the objective's (``lmlib.objectives.MaskedLM``).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

from lmlib.models.base import ModelOutput, TransformerConfig, TransformerModel, init_weights
from lmlib.models.heads import MaskedLMHead, SentencePairHead
from lmlib.nn import BertEmbeddings, Block


@dataclass
class BertConfig(TransformerConfig):
    """Sizes of a BERT. ``d_ff`` defaults to 4 * d_model; the defaults of the rest follow BERT.

    use_positions / use_segments switch the position / segment embeddings off, for ablations.
    """

    vocab_size: int
    max_positions: int = 128  # BERT: 512
    d_model: int = 128
    n_layers: int = 2
    n_heads: int = 4
    d_ff: int | None = None
    dropout: float = 0.1
    layer_norm_eps: float = 1e-12
    activation: str = "gelu"  # exact GELU
    type_vocab_size: int = 2  # sentence A and sentence B
    use_positions: bool = True
    use_segments: bool = True

    positive = TransformerConfig.positive + ("type_vocab_size",)


class Bert(TransformerModel):
    """BERT's encoder and pooler (HF ``BertModel``); task models add heads with ``add_heads``."""

    pooler_layer = True  # BertForMaskedLM has none, as in HF

    def __init__(self, config: BertConfig) -> None:
        super().__init__()
        self.config = c = config
        self.embeddings = BertEmbeddings(
            c.vocab_size, c.d_model, c.max_positions, c.type_vocab_size, c.dropout, c.layer_norm_eps,
            use_positions=c.use_positions, use_segments=c.use_segments,
        )
        self.blocks = nn.ModuleList(
            Block(c.d_model, c.n_heads, c.d_ff, c.dropout, norm_first=False, causal=False,
                  layer_norm_eps=c.layer_norm_eps, activation=c.activation)
            for _ in range(c.n_layers)
        )
        self.pooler = nn.Linear(c.d_model, c.d_model) if self.pooler_layer else None
        self.add_heads()
        self.apply(init_weights)  # N(0, 0.02), zero biases, LayerNorms at identity
        self.tie_weights()

    def tie_weights(self) -> None:
        """Task models tie their decoders to the token embedding here."""

    def encode(self, input_ids: Tensor, attention_mask: Tensor | None = None,
               token_type_ids: Tensor | None = None, position_ids: Tensor | None = None,
               output_hidden_states: bool = False, output_attentions: bool = False) -> ModelOutput:
        """Hidden states (B, T, d_model) and the pooled [CLS] vector (B, d_model) of input_ids (B, T).

        attention_mask: 1 = real token, 0 = padding; token_type_ids: default all 0 (sentence A);
        position_ids: default 0..T-1. output_attentions: also every layer's attention weights
        (B, n_heads, T, T). Wrong shapes, dtypes or ids outside their tables raise a ValueError or
        TypeError that says what was expected.
        """
        self.check_inputs(input_ids, attention_mask, token_type_ids, position_ids)
        x = self.embeddings(input_ids, token_type_ids, position_ids)
        x, hidden, attentions = self.run_blocks(x, attention_mask, output_attentions)
        pooled = torch.tanh(self.pooler(x[:, 0])) if self.pooler is not None else None  # [CLS] first
        return ModelOutput(x, tuple(hidden) if output_hidden_states else None, pooled,
                           tuple(attentions) if output_attentions else None)

    def input_modules(self) -> tuple[nn.Module, ...]:
        return (self.embeddings,)  # the tables and their LayerNorm

    def embedding_modules(self) -> tuple[nn.Module, ...]:
        emb = self.embeddings
        return tuple(m for m in (emb.token_embeddings, emb.position_embeddings, emb.segment_embeddings)
                     if m is not None)


class BertForMaskedLM(Bert):
    """BERT with the masked-LM head and no pooler (HF ``BertForMaskedLM``; RoBERTa's pretraining)."""

    pooler_layer = False

    def add_heads(self) -> None:
        c = self.config
        self.mlm_head = MaskedLMHead(c.d_model, c.vocab_size, c.activation, c.layer_norm_eps)

    def tie_weights(self) -> None:
        self.mlm_head.decoder.weight = self.embeddings.token_embeddings.weight

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None,
                token_type_ids: Tensor | None = None, position_ids: Tensor | None = None) -> Tensor:
        """MLM logits (B, T, vocab_size) at every position."""
        return self.mlm_head(self.encode(input_ids, attention_mask, token_type_ids, position_ids).last_hidden_state)


class BertForPreTraining(BertForMaskedLM):
    """BERT with the pooler and both pretraining heads, MLM and next-sentence prediction (HF
    ``BertForPreTraining``)."""

    pooler_layer = True

    def add_heads(self) -> None:
        super().add_heads()
        self.nsp_head = SentencePairHead(self.config.d_model)  # 0 = B follows A, 1 = B is a random sentence

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None,
                token_type_ids: Tensor | None = None,
                position_ids: Tensor | None = None) -> tuple[Tensor, Tensor]:
        """MLM logits (B, T, vocab_size) and NSP logits (B, 2)."""
        out = self.encode(input_ids, attention_mask, token_type_ids, position_ids)
        return self.mlm_head(out.last_hidden_state), self.nsp_head(out.pooled)


__all__ = ["Bert", "BertConfig", "BertForMaskedLM", "BertForPreTraining", "MaskedLMHead"]
