"""BERT (Devlin et al., 2019): a bidirectional post-LN transformer encoder pretrained with two heads.

    input_ids, token_type_ids (B, T) -> BertEmbeddings: LN(token + segment + position) -> dropout
        -> n_layers x Block(post-LN, not causal)            -> hidden states h (B, T, C)
    masked LM head:  h -> dense -> gelu -> LN -> decoder (tied to the token embedding) + bias
                                                           -> mlm_logits (B, T, vocab_size)
    pooler:          h[:, 0] (the [CLS] token) -> dense -> tanh   -> pooled (B, C)
    next-sentence:   pooled -> linear                              -> nsp_logits (B, 2)

Given the same weights it computes the same logits as HF ``BertForPreTraining`` (see ``lmlib.models.hf``).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

from lmlib._checks import check_id_ranges, check_like_ids, check_position_ids, check_token_ids
from lmlib.models.gpt import PADDING_MASK, check_config, init_weights
from lmlib.nn import BertEmbeddings, Block, get_activation


@dataclass
class BertConfig:
    """Sizes of a BERT. ``d_ff`` defaults to 4 * d_model; the defaults of the rest follow BERT.

    use_positions / use_segments switch the position / segment embeddings off, for ablations.
    """

    vocab_size: int
    max_positions: int = 128  # BERT: 512
    type_vocab_size: int = 2  # sentence A and sentence B
    d_model: int = 128
    n_layers: int = 2
    n_heads: int = 4
    d_ff: int | None = None
    dropout: float = 0.1
    layer_norm_eps: float = 1e-12
    activation: str = "gelu"  # exact GELU
    use_positions: bool = True
    use_segments: bool = True

    def __post_init__(self) -> None:
        if self.d_ff is None:
            self.d_ff = 4 * self.d_model
        check_config(
            self, ("vocab_size", "max_positions", "type_vocab_size", "d_model", "n_layers", "n_heads", "d_ff")
        )


class MaskedLMHead(nn.Module):
    """Predicts the token at every position: decoder(LN(act(dense(h)))); the decoder weight is tied."""

    def __init__(self, d_model: int, vocab_size: int, activation: str, layer_norm_eps: float) -> None:
        super().__init__()
        self.dense = nn.Linear(d_model, d_model)
        self.act = get_activation(activation)
        self.norm = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.decoder = nn.Linear(d_model, vocab_size)  # weight tied by Bert; the bias is its own

    def forward(self, h: Tensor) -> Tensor:
        """(B, T, d_model) -> (B, T, vocab_size)"""
        return self.decoder(self.norm(self.act(self.dense(h))))


class Bert(nn.Module):
    """BERT with its two pretraining heads: masked language modelling and next-sentence prediction."""

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
        self.pooler = nn.Linear(c.d_model, c.d_model)
        self.mlm_head = MaskedLMHead(c.d_model, c.vocab_size, c.activation, c.layer_norm_eps)
        self.nsp_head = nn.Linear(c.d_model, 2)  # 0 = B follows A, 1 = B is a random sentence
        self.apply(init_weights)  # N(0, 0.02), zero biases, LayerNorms at identity
        self.mlm_head.decoder.weight = self.embeddings.token_embeddings.weight  # weight tying

    def features(
        self,
        input_ids: Tensor,
        token_type_ids: Tensor | None = None,
        attention_mask: Tensor | None = None,
        position_ids: Tensor | None = None,
    ) -> tuple[Tensor, Tensor]:
        """Hidden states (B, T, d_model) and the pooled [CLS] vector (B, d_model).

        input_ids, token_type_ids (default: all 0), attention_mask (1 = real token, 0 = padding): (B, T).
        Wrong shapes, dtypes or ids outside their vocabularies raise a ValueError or TypeError that
        says what was expected.
        """
        self.check_inputs(input_ids, token_type_ids, attention_mask, position_ids)
        x = self.embeddings(input_ids, token_type_ids, position_ids)
        for block in self.blocks:
            x = block(x, attention_mask)
        pooled = torch.tanh(self.pooler(x[:, 0]))  # the first token is [CLS]
        return x, pooled

    def check_inputs(
        self,
        input_ids: Tensor,
        token_type_ids: Tensor | None = None,
        attention_mask: Tensor | None = None,
        position_ids: Tensor | None = None,
    ) -> None:
        """Raise a clear error unless input_ids is (B, T) token ids in [0, vocab_size), the other
        tensors given have its shape ((T,) is fine for position_ids) and their ids fit the model's
        type_vocab_size and max_positions. One synchronisation for all the value checks."""
        name, c = type(self).__name__, self.config
        check_token_ids(name, input_ids)
        check_like_ids(name, "token_type_ids", token_type_ids, input_ids, "0 = sentence A, 1 = sentence B")
        check_like_ids(name, "attention_mask", attention_mask, input_ids, PADDING_MASK)
        check_position_ids(name, position_ids, input_ids)
        check_id_ranges(name, [
            ("input_ids", input_ids, c.vocab_size, "vocab_size"),
            ("token_type_ids", token_type_ids if c.use_segments else None, c.type_vocab_size, "type_vocab_size"),
            ("position_ids", position_ids if c.use_positions else None, c.max_positions, "max_positions"),
        ])

    def forward(
        self,
        input_ids: Tensor,
        token_type_ids: Tensor | None = None,
        attention_mask: Tensor | None = None,
        position_ids: Tensor | None = None,
    ) -> tuple[Tensor, Tensor]:
        """MLM logits (B, T, vocab_size) and NSP logits (B, 2); arguments as in ``features``."""
        h, pooled = self.features(input_ids, token_type_ids, attention_mask, position_ids)
        return self.mlm_head(h), self.nsp_head(pooled)

    def num_parameters(self, non_embedding: bool = False) -> int:
        """Number of parameters (the tied decoder counted once); non_embedding leaves out the embeddings."""
        n = sum(p.numel() for p in self.parameters())
        if non_embedding:
            emb = self.embeddings
            n -= sum(p.numel() for m in (emb.token_embeddings, emb.position_embeddings,
                                         emb.segment_embeddings) if m is not None for p in m.parameters())
        return n


__all__ = ["Bert", "BertConfig", "MaskedLMHead"]
