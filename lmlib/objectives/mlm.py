"""Masked language modelling and next-sentence prediction: BERT's two pretraining tasks (Devlin et al., 2019).

    batch: input_ids (masked), token_type_ids, attention_mask, labels (B, T); next_sentence_label (B,)
    h, pooled   = bert.encode(input_ids, attention_mask, token_type_ids)     (B, T, C), (B, C)
    mlm_loss    = cross_entropy(mlm_head(h[selected]), labels[selected])     selected: labels != -100
    nsp_loss    = cross_entropy(nsp_head(pooled), next_sentence_label)       0 = IsNext, 1 = NotNext
    loss        = mlm_loss + nsp_loss                                        (as HF BertForPreTraining)

The MLM head runs only at the selected positions (about 15 % of the tokens), as in BERT's own code,
which saves most of the cost of the vocabulary-sized output layer. With ``nsp=False`` (or batches
without ``next_sentence_label``) the loss is the MLM loss alone, as in RoBERTa.

Optimisation: AdamW with weight decay on matrices only, and the warm-up + cosine schedule of
:func:`lmlib.objectives.schedules.warmup_cosine`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import torch
import torch.nn.functional as F
from torch import Tensor

from lmlib.data.mlm import IGNORE_INDEX
from lmlib.inference import evaluating
from lmlib.models.bert import BertConfig, BertForMaskedLM, BertForPreTraining
from lmlib.objectives.base import Objective, build_model


def _shape_of(t: object) -> tuple[int, ...] | str:
    return tuple(t.shape) if isinstance(t, Tensor) else type(t).__name__


def check_labels(batch: Mapping[str, Tensor]) -> None:
    """Raise a ValueError unless labels has input_ids' shape (B, T) and next_sentence_label, if any,
    has shape (B,). Shapes only: no synchronisation."""
    ids, labels, nsl = batch["input_ids"], batch["labels"], batch.get("next_sentence_label")
    if not isinstance(ids, Tensor) or ids.dim() != 2:
        return  # the model's own check of input_ids says what is wrong with it
    if not isinstance(labels, Tensor) or _shape_of(labels) != _shape_of(ids):
        raise ValueError(f"MaskedLM: labels must have the shape of input_ids, (B, T) = {_shape_of(ids)} "
                         f"(the original token where one was selected, {IGNORE_INDEX} elsewhere), "
                         f"got {_shape_of(labels)}")
    if nsl is not None and _shape_of(nsl) != (ids.shape[0],):
        raise ValueError(f"MaskedLM: next_sentence_label must have shape (B,) = ({ids.shape[0]},) "
                         f"(0 = IsNext, 1 = NotNext), got {_shape_of(nsl)}")


class MaskedLM(Objective):
    """A BERT trained with masked language modelling (+ next-sentence prediction when ``nsp``).

    ``model`` is a :class:`BertForPreTraining` (with NSP) or :class:`BertForMaskedLM` (without), or a
    :class:`BertConfig` to build the one ``nsp`` asks for. Batches come from
    :func:`lmlib.data.mlm.mlm_loader`. ``training_step`` and ``validation_step`` return
    ``{"loss", "mlm_loss", "mlm_acc"}`` and, with NSP, ``"nsp_loss", "nsp_acc"``: losses in nats,
    accuracies as fractions (MLM over the selected positions of the batch).
    """

    def __init__(self, model: BertForMaskedLM | BertConfig, *, nsp: bool = True, lr: float = 1e-3,
                 weight_decay: float = 0.01, betas: tuple[float, float] = (0.9, 0.999),
                 warmup_steps: int = 0, max_steps: int | None = None, min_lr_ratio: float = 0.1,
                 layer_lr_decay: float = 1.0) -> None:
        super().__init__(lr=lr, weight_decay=weight_decay, betas=betas, schedule="cosine",
                         warmup_steps=warmup_steps, max_steps=max_steps, min_lr_ratio=min_lr_ratio,
                         layer_lr_decay=layer_lr_decay)
        self.model = build_model(model, BertForMaskedLM, BertConfig,
                                 build=BertForPreTraining if nsp else BertForMaskedLM)
        if nsp and not isinstance(self.model, BertForPreTraining):
            raise TypeError(f"MaskedLM(nsp=True) needs a BertForPreTraining (it has the next-sentence head), "
                            f"got a {type(self.model).__name__}; pass nsp=False to train the MLM loss alone")
        self.nsp = nsp

    def forward(self, input_ids: Tensor, attention_mask: Tensor | None = None,
                token_type_ids: Tensor | None = None):
        """MLM logits (B, T, vocab_size) at every position, and NSP logits (B, 2) with a BertForPreTraining."""
        return self.model(input_ids, attention_mask, token_type_ids)

    def step(self, batch: Mapping[str, Tensor]) -> dict[str, Tensor]:
        """Losses and accuracies on one batch (see the module docstring)."""
        if not isinstance(batch, Mapping) or "input_ids" not in batch or "labels" not in batch:
            got = sorted(batch) if isinstance(batch, Mapping) else type(batch).__name__
            raise ValueError(f"a batch must be a dict with 'input_ids' and 'labels' (from mlm_loader), got {got}")
        check_labels(batch)
        labels = batch["labels"]
        out = self.model.encode(batch["input_ids"], batch.get("attention_mask"), batch.get("token_type_ids"))
        h, pooled = out.last_hidden_state, out.pooled
        selected = labels != IGNORE_INDEX
        logits = self.model.mlm_head(h[selected])  # (n_selected, vocab_size)
        if logits.shape[0]:
            mlm_loss = F.cross_entropy(logits.float(), labels[selected])
            mlm_acc = (logits.argmax(-1) == labels[selected]).float().mean()
        else:  # no token selected in this batch: nothing to predict
            mlm_loss, mlm_acc = h.sum() * 0.0, h.new_zeros(())
        out = {"loss": mlm_loss, "mlm_loss": mlm_loss, "mlm_acc": mlm_acc}
        if self.nsp and "next_sentence_label" in batch:
            nsp_logits = self.model.nsp_head(pooled)
            nsp_loss = F.cross_entropy(nsp_logits.float(), batch["next_sentence_label"])
            out.update(loss=mlm_loss + nsp_loss, nsp_loss=nsp_loss,
                       nsp_acc=(nsp_logits.argmax(-1) == batch["next_sentence_label"]).float().mean())
        return out


def evaluate(module: MaskedLM, batches: Iterable[Mapping[str, Tensor]]) -> dict[str, float]:
    """MLM loss and accuracy over all selected tokens, NSP loss and accuracy over all pairs of
    ``batches`` (weighted by tokens and pairs, not averaged per batch), with counts ``n_tokens`` and
    ``n_pairs``. The module is evaluated in eval mode (no dropout) and restored afterwards."""
    device = next(module.parameters()).device
    sums = dict(mlm_loss=0.0, mlm_correct=0, n_tokens=0, nsp_loss=0.0, nsp_correct=0, n_pairs=0)
    with evaluating(module):
        for batch in batches:
            batch = {k: v.to(device) for k, v in batch.items()}
            check_labels(batch)
            out = module.model.encode(batch["input_ids"], batch.get("attention_mask"),
                                      batch.get("token_type_ids"))
            h, pooled = out.last_hidden_state, out.pooled
            selected = batch["labels"] != IGNORE_INDEX
            logits, target = module.model.mlm_head(h[selected]).float(), batch["labels"][selected]
            sums["mlm_loss"] += F.cross_entropy(logits, target, reduction="sum").item()
            sums["mlm_correct"] += (logits.argmax(-1) == target).sum().item()
            sums["n_tokens"] += len(target)
            if "next_sentence_label" in batch and module.nsp:
                nsp_logits, y = module.model.nsp_head(pooled).float(), batch["next_sentence_label"]
                sums["nsp_loss"] += F.cross_entropy(nsp_logits, y, reduction="sum").item()
                sums["nsp_correct"] += (nsp_logits.argmax(-1) == y).sum().item()
                sums["n_pairs"] += len(y)
    if sums["n_tokens"] == 0:
        raise ValueError("no selected (masked) token in the batches: nothing to evaluate")
    out = {"mlm_loss": sums["mlm_loss"] / sums["n_tokens"], "mlm_acc": sums["mlm_correct"] / sums["n_tokens"],
           "n_tokens": sums["n_tokens"]}
    if sums["n_pairs"]:
        out.update(nsp_loss=sums["nsp_loss"] / sums["n_pairs"], nsp_acc=sums["nsp_correct"] / sums["n_pairs"],
                   n_pairs=sums["n_pairs"])
    return out


def fill_mask(model: MaskedLM | BertForMaskedLM, tokenizer, text: str | Sequence[str],
              text_b: str | Sequence[str] | None = None, k: int = 5, batch_size: int = 256):
    """The ``k`` most probable tokens (with probabilities) for every [MASK] in ``text`` (and ``text_b``,
    encoded as sentence B), in order of appearance: ``fill_mask(m, tok, "She lives in [MASK].")`` ->
    ``[[("mirefold", 0.8), ...]]``. Given lists of texts (and of texts B), returns one such list per
    text, computed in padded batches of ``batch_size``."""
    bert = model.model if isinstance(model, MaskedLM) else model
    if not isinstance(bert, BertForMaskedLM):
        raise TypeError(f"model must be a MaskedLM or an lmlib BertForMaskedLM / BertForPreTraining (a Bert "
                        f"with its MLM head), got {type(model).__name__}")
    mask_id, pad_id = tokenizer.token_to_id("[MASK]"), tokenizer.token_to_id("[PAD]")
    if mask_id is None or pad_id is None:
        raise ValueError("the tokenizer needs [MASK] and [PAD] tokens")
    single = isinstance(text, str)
    texts = [text] if single else list(text)
    texts_b = [text_b] * len(texts) if text_b is None or isinstance(text_b, str) else list(text_b)
    if len(texts_b) != len(texts):
        raise ValueError(f"got {len(texts)} texts but {len(texts_b)} texts B")
    inputs = [(a, b) if b is not None else a for a, b in zip(texts, texts_b)]
    encodings = tokenizer.encode_batch(inputs) if inputs else []
    for enc, a, b in zip(encodings, texts, texts_b):
        if mask_id not in enc.ids:
            raise ValueError(f"no [MASK] in {a!r}" + (f" / {b!r}" if b is not None else ""))
    device = next(bert.parameters()).device
    results = []
    with evaluating(bert):
        for start in range(0, len(encodings), batch_size):
            chunk = encodings[start : start + batch_size]
            T = max(len(e.ids) for e in chunk)
            pad = lambda xs, v: xs + [v] * (T - len(xs))  # noqa: E731
            ids = torch.tensor([pad(e.ids, pad_id) for e in chunk], device=device)
            types = torch.tensor([pad(e.type_ids, 0) for e in chunk], device=device)
            attention = torch.tensor([pad([1] * len(e.ids), 0) for e in chunk], device=device)
            h = bert.encode(ids, attention, types).last_hidden_state
            where = ids == mask_id
            top = bert.mlm_head(h[where]).float().softmax(-1).topk(k, dim=-1)
            per_mask = [[(tokenizer.id_to_token(i), p) for i, p in zip(ii.tolist(), pp.tolist())]
                        for ii, pp in zip(top.indices, top.values)]
            counts = where.sum(1).tolist()
            for n in counts:
                results.append(per_mask[:n])
                per_mask = per_mask[n:]
    return results[0] if single else results


__all__ = ["MaskedLM", "check_labels", "evaluate", "fill_mask"]
