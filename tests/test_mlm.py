"""BERT's pretraining data and objective: masking rates within binomial bounds, special tokens never
touched, NSP pairs 50/50 and correctly segmented, determinism, the loss against HF, and training."""

import math

import pytest
import torch
from tokenizers import Tokenizer, models, pre_tokenizers

from lmlib.data import tinyworld
from lmlib.data.mlm import (
    IGNORE_INDEX, IS_NEXT, MASKED, NOT_NEXT, NOT_SELECTED, RANDOM, UNCHANGED, BucketBatchSampler,
    MLMCollator, PairDataset,
    SentencePair, mask_tokens, mlm_loader, nsp_pairs, special_ids, split_sentences,
)
from lmlib.models.bert import Bert, BertConfig
from lmlib.objectives.mlm import MaskedLM, evaluate, fill_mask
from lmlib.tokenize.hf import encode_pair, train_wordpiece
from lmlib.train import fit


def within(count: int, n: int, p: float, sigmas: float = 4.0) -> bool:
    """``count`` successes in ``n`` trials is within ``sigmas`` standard deviations of Binomial(n, p)."""
    return abs(count - n * p) <= sigmas * math.sqrt(n * p * (1 - p))


@pytest.fixture(scope="module")
def docs():
    return tinyworld.generate(300, seed=0)


@pytest.fixture(scope="module")
def tok(docs):
    return train_wordpiece([d.text for d in docs], vocab_size=400)


@pytest.fixture(scope="module")
def pairs(docs):
    return nsp_pairs(docs, seed=0)


MAX_LENGTH = 128  # tinyworld's pairs of sentences: median 59 tokens of this tokenizer, 99 % within 119


@pytest.fixture(scope="module")
def dataset(tok, pairs):
    return PairDataset(tok, pairs, max_length=MAX_LENGTH)


def ids(tok, *tokens):
    return [tok.token_to_id(t) for t in tokens]


# ----------------------------------------------------------------------------- masking


def sample_batch(tok, rows=200, length=100, seed=0):
    """Random ordinary tokens framed as [CLS] ... [SEP] ... [SEP] [PAD]..., with [UNK] sprinkled in."""
    g = torch.Generator().manual_seed(seed)
    cls, sep, pad, unk = ids(tok, "[CLS]", "[SEP]", "[PAD]", "[UNK]")
    x = torch.randint(5, tok.get_vocab_size(), (rows, length), generator=g)
    x[:, 0], x[:, 40], x[:, 80], x[:, 81:] = cls, sep, sep, pad
    x[:, 7] = unk
    return x


def test_masking_rates_are_bert_s_within_binomial_bounds(tok):
    x = sample_batch(tok)
    col = MLMCollator(tok, seed=0)
    inputs, labels, action = col.mask(x)
    special = torch.isin(x, torch.tensor(special_ids(tok)))
    n_candidates = int((~special).sum())
    n_selected = int((action != NOT_SELECTED).sum())
    assert n_candidates > 15_000
    assert within(n_selected, n_candidates, 0.15), n_selected / n_candidates
    for what, p in ((MASKED, 0.8), (RANDOM, 0.1), (UNCHANGED, 0.1)):
        assert within(int((action == what).sum()), n_selected, p), (what, int((action == what).sum()))


def test_special_tokens_are_never_selected_and_labels_mark_exactly_the_selection(tok):
    x = sample_batch(tok, seed=1)
    mask_id = tok.token_to_id("[MASK]")
    inputs, labels, action = MLMCollator(tok, seed=1).mask(x)
    special = torch.isin(x, torch.tensor(special_ids(tok)))
    assert set(special_ids(tok)) >= set(ids(tok, "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"))
    assert (action[special] == NOT_SELECTED).all()
    selected = action != NOT_SELECTED
    assert torch.equal(labels != IGNORE_INDEX, selected)
    assert torch.equal(labels[selected], x[selected])  # the label is the original token
    assert (inputs[action == MASKED] == mask_id).all()
    assert torch.equal(inputs[action == UNCHANGED], x[action == UNCHANGED])
    assert torch.equal(inputs[action == NOT_SELECTED], x[action == NOT_SELECTED])
    random = inputs[action == RANDOM]
    assert not torch.isin(random, torch.tensor(special_ids(tok))).any()  # never a special token
    assert len(random.unique()) > 0.5 * len(random)  # drawn from the vocabulary, not a fixed token
    assert (random != x[action == RANDOM]).float().mean() > 0.9


def test_masking_honours_other_rates(tok):
    x = sample_batch(tok, seed=2)
    _, _, action = MLMCollator(tok, mlm_probability=0.4, mask_ratio=0.5, random_ratio=0.5, seed=2).mask(x)
    n = int((action != NOT_SELECTED).sum())
    assert within(n, int((x >= 5).sum()), 0.4)
    assert within(int((action == MASKED).sum()), n, 0.5) and (action != UNCHANGED).all()


def test_mask_tokens_draws_from_the_generator_only(tok):
    x = sample_batch(tok, rows=8)
    kw = dict(mask_id=tok.token_to_id("[MASK]"), special_ids=special_ids(tok), vocab_size=tok.get_vocab_size())
    a = mask_tokens(x, generator=torch.Generator().manual_seed(5), **kw)
    torch.manual_seed(123)  # global state must not matter
    b = mask_tokens(x, generator=torch.Generator().manual_seed(5), **kw)
    c = mask_tokens(x, generator=torch.Generator().manual_seed(6), **kw)
    assert all(torch.equal(u, v) for u, v in zip(a, b))
    assert not torch.equal(a[2], c[2])


# ----------------------------------------------------------------------------- NSP pairs


def test_split_sentences():
    text = "Ada found a lamp. Did she mend it? Yes! Question: Where? Answer: Mirefold."
    assert split_sentences(text) == ["Ada found a lamp.", "Did she mend it?", "Yes!", "Question: Where?",
                                     "Answer: Mirefold."]
    assert split_sentences("  ") == []
    # abbreviations before a number or a lower-case word do not end a sentence; quotes close one
    assert split_sentences("He lives at No. 5 Mill Lane. It cost 1s. 3d. in all. \"Go!\" Mr Reed said.") == [
        "He lives at No. 5 Mill Lane.", "It cost 1s. 3d. in all.", "\"Go!\"", "Mr Reed said."]


def test_nsp_pairs_are_half_next_and_come_from_the_right_documents():
    docs = tinyworld.generate(1500, seed=4)
    pairs = nsp_pairs(docs, seed=4)
    sents = [split_sentences(d.text) for d in docs]
    slots = [(d, i) for d, s in enumerate(sents) for i in range(len(s) - 1)]
    assert len(pairs) == len(slots) > 3000
    n_next = sum(p.is_next for p in pairs)
    assert within(n_next, len(pairs), 0.5), n_next / len(pairs)
    same_text = 0  # a random sentence can read like the true one ("Label: happy.")
    for p, (d, i) in zip(pairs, slots):
        assert p.a == sents[d][i]
        assert p.label == (IS_NEXT if p.is_next else NOT_NEXT)
        if p.is_next:
            assert p.b == sents[d][i + 1]
        else:
            same_text += p.b == sents[d][i + 1]
            assert any(p.b in s for j, s in enumerate(sents) if j != d)
    assert same_text < 0.05 * len(pairs)
    assert within(sum(p.is_next for p in nsp_pairs(docs, seed=5, p_next=0.8)), len(pairs), 0.8)


def test_nsp_pairs_are_deterministic_by_seed(docs, pairs):
    assert nsp_pairs(docs, seed=0) == pairs
    assert nsp_pairs(docs, seed=1) != pairs
    assert nsp_pairs([d.text for d in docs], seed=0) == pairs  # strings or documents


def test_pairs_are_encoded_with_segments_and_padding(tok, pairs, dataset):
    cls, sep, pad = ids(tok, "[CLS]", "[SEP]", "[PAD]")
    assert len(dataset) == len(pairs)
    for i in (0, 1, 2, 3, len(pairs) - 1):
        item, p = dataset[i], pairs[i]
        x, seg, att = item["input_ids"].tolist(), item["token_type_ids"].tolist(), item["attention_mask"].tolist()
        a = tok.encode(p.a, add_special_tokens=False).ids
        b = tok.encode(p.b, add_special_tokens=False).ids
        n = 3 + len(a) + len(b)
        assert n <= MAX_LENGTH
        assert x[:n] == [cls, *a, sep, *b, sep] and set(x[n:]) <= {pad}
        assert seg[:n] == [0] * (len(a) + 2) + [1] * (len(b) + 1)  # 0: [CLS] A [SEP], 1: B [SEP]
        assert att == [1] * n + [0] * (MAX_LENGTH - n) and set(seg[n:]) <= {0}
        assert item["next_sentence_label"] == p.label and item["index"] == i
        assert x == encode_pair(tok, p.a, p.b, MAX_LENGTH)["input_ids"]


def test_collated_batches_are_trimmed_and_padding_is_never_a_target(tok, dataset):
    batch = next(iter(mlm_loader(dataset, tok, batch_size=32, shuffle=True, seed=0)))
    assert set(batch) == {"input_ids", "token_type_ids", "attention_mask", "labels", "next_sentence_label"}
    B, T = batch["input_ids"].shape
    assert B == 32 and T == int(batch["attention_mask"].sum(1).max())
    short = dataset.attention_mask.sum(1).argsort()[:8].tolist()
    assert MLMCollator(tok)([dataset[i] for i in short])["input_ids"].shape[1] < 30
    pad = batch["attention_mask"] == 0
    assert pad.any() and (batch["labels"][pad] == IGNORE_INDEX).all()
    assert (batch["input_ids"][pad] == tok.token_to_id("[PAD]")).all()
    assert (batch["token_type_ids"][pad] == 0).all()


def test_dynamic_masking_is_deterministic_by_seed_and_fresh_every_epoch(tok, dataset):
    def epochs(seed, n=2):
        loader = mlm_loader(dataset, tok, batch_size=64, shuffle=True, seed=seed)
        return [[b["input_ids"] for b in loader] for _ in range(n)]

    a, b, c = epochs(0), epochs(0), epochs(1)
    assert all(torch.equal(u, v) for e, f in zip(a, b) for u, v in zip(e, f))
    assert not torch.equal(a[0][0], c[0][0])
    assert not all(torch.equal(u, v) for u, v in zip(a[0], a[1]))  # re-masked (and reshuffled)


def test_static_masking_depends_only_on_the_example(tok, dataset):
    def masked(batch_size, shuffle):
        out = {}
        loader = mlm_loader(dataset, tok, batch_size, shuffle=shuffle, seed=3, static=True, drop_last=False)
        collate = loader.collate_fn
        for idx in loader.batch_sampler:
            examples = [dataset[i] for i in idx]
            batch = collate(examples)
            for row, i in enumerate(idx):
                n = int(batch["attention_mask"][row].sum())
                out[i] = (batch["input_ids"][row, :n], batch["labels"][row, :n])
        return out

    a, b = masked(16, False), masked(50, True)
    assert sorted(a) == sorted(b) == list(range(len(dataset)))
    assert all(torch.equal(a[i][0], b[i][0]) and torch.equal(a[i][1], b[i][1]) for i in a)
    first = [next(iter(mlm_loader(dataset, tok, 64, static=True, seed=3)))["input_ids"] for _ in range(2)]
    assert torch.equal(*first)


def test_bucketed_batches_cover_every_example_once_with_less_padding(tok, dataset):
    lengths = dataset.attention_mask.sum(1)
    sampler = BucketBatchSampler(lengths, batch_size=16, bucket=10, seed=0, drop_last=False)
    epoch1, epoch2 = list(sampler), list(sampler)
    assert len(epoch1) == len(sampler) == -(-len(dataset) // 16)
    assert sorted(i for b in epoch1 for i in b) == list(range(len(dataset)))
    assert epoch1 != epoch2  # a new order every epoch
    assert list(BucketBatchSampler(lengths, 16, 10, seed=0, drop_last=False)) == epoch1  # fixed by seed

    def padding(batches):
        return sum(len(b) * lengths[b].max().item() - lengths[b].sum().item() for b in batches)

    plain = [list(range(i, min(i + 16, len(dataset)))) for i in range(0, len(dataset), 16)]
    assert padding(epoch1) < 0.3 * padding(plain)
    dropped = list(BucketBatchSampler(lengths, 16, 10, seed=0))
    assert all(len(b) == 16 for b in dropped) and len(dropped) == len(dataset) // 16
    loader = mlm_loader(dataset, tok, 16, shuffle=True, seed=0, bucket=10)
    batch = next(iter(loader))
    width = batch["input_ids"].shape[1]  # trimmed to its longest example, which is of a similar length
    assert batch["input_ids"].shape[0] == 16 and (batch["attention_mask"].sum(1) >= 0.8 * width).all()


# ----------------------------------------------------------------------------- errors


def test_clear_errors(tok, docs, dataset):
    for p in (0, 1, 1.5, -0.1):
        with pytest.raises(ValueError, match="mlm_probability"):
            MLMCollator(tok, mlm_probability=p)
    with pytest.raises(ValueError, match="mask_ratio"):
        MLMCollator(tok, mask_ratio=0.8, random_ratio=0.3)
    no_mask = Tokenizer(models.WordLevel({"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "a": 4},
                                         unk_token="[UNK]"))
    no_mask.pre_tokenizer = pre_tokenizers.Whitespace()
    with pytest.raises(ValueError, match=r"\[MASK\]"):
        MLMCollator(no_mask)
    with pytest.raises(ValueError, match="p_next"):
        nsp_pairs(docs, p_next=1.5)
    with pytest.raises(ValueError, match="two sentences"):
        nsp_pairs(["One sentence.", "Another one."])
    with pytest.raises(ValueError, match="index"):
        MLMCollator(tok, static=True)([{"input_ids": torch.tensor([2, 10, 3])}])
    with pytest.raises(ValueError, match="shuffle"):
        mlm_loader(dataset, tok, 16, bucket=10)
    with pytest.raises(ValueError, match="bucket"):
        BucketBatchSampler([3, 4, 5], batch_size=2, bucket=0)
    with pytest.raises(TypeError, match="Bert"):
        MaskedLM(torch.nn.Linear(2, 2))
    with pytest.raises(ValueError, match="labels"):
        MaskedLM(BertConfig(tok.get_vocab_size(), d_model=16, n_heads=2, n_layers=1)).step(
            {"input_ids": torch.tensor([[2, 10, 3]])})
    with pytest.raises(ValueError, match="no \\[MASK\\]"):
        fill_mask(MaskedLM(BertConfig(tok.get_vocab_size(), d_model=16, n_heads=2, n_layers=1)), tok, "a b")


# ----------------------------------------------------------------------------- the objective


def small_module(tok, seed=0, **kw):
    torch.manual_seed(seed)
    cfg = BertConfig(tok.get_vocab_size(), max_positions=MAX_LENGTH, d_model=32, n_layers=1, n_heads=2, dropout=0.0)
    return MaskedLM(cfg, **kw)


def test_loss_equals_hf_bert_for_pretraining(tok, dataset):
    transformers = pytest.importorskip("transformers")
    transformers.logging.set_verbosity_error()
    from lmlib.models.hf import bert_to_hf

    module = small_module(tok).eval()
    batch = next(iter(mlm_loader(dataset, tok, 16, static=True, seed=0)))
    out = module.step(batch)
    hf = bert_to_hf(module.model).eval()
    with torch.no_grad():
        ref = hf(**batch)
    assert torch.allclose(out["loss"], ref.loss, atol=1e-5)
    nsp_only = torch.nn.functional.cross_entropy(ref.seq_relationship_logits, batch["next_sentence_label"])
    assert torch.allclose(out["nsp_loss"], nsp_only, atol=1e-5)


def test_step_outputs_and_no_selected_token(tok, dataset):
    module = small_module(tok)
    batch = next(iter(mlm_loader(dataset, tok, 16, static=True, seed=0)))
    out = module.step(batch)
    assert set(out) == {"loss", "mlm_loss", "mlm_acc", "nsp_loss", "nsp_acc"}
    assert torch.allclose(out["loss"], out["mlm_loss"] + out["nsp_loss"])
    assert 0 <= out["mlm_acc"] <= 1 and 0 <= out["nsp_acc"] <= 1
    assert abs(out["mlm_loss"].item() - math.log(tok.get_vocab_size())) < 1.0  # near uniform at init
    assert set(small_module(tok, nsp=False).step(batch)) == {"loss", "mlm_loss", "mlm_acc"}
    empty = dict(batch, labels=torch.full_like(batch["labels"], IGNORE_INDEX))
    out = module.step(empty)
    out["loss"].backward()
    assert out["mlm_loss"].item() == 0 and torch.isfinite(out["loss"])


@pytest.fixture
def one_thread():
    """A tiny model on a shared CPU: one thread is fastest (more threads wait on each other)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_masked_lm_learns_on_a_tiny_corpus(tok, dataset, one_thread):
    module = small_module(tok, lr=1e-2, warmup_steps=5, max_steps=60)
    train = mlm_loader(dataset, tok, 32, shuffle=True, seed=0)
    val = mlm_loader(dataset, tok, 128, static=True, seed=1)
    before = evaluate(module, val)
    h = fit(module, train, val, max_steps=60, seed=0, profile="cpu", verbose=False)
    after = evaluate(module, val)
    assert h.steps == 60 and h.train["loss"][-1] < h.train["loss"][0] - 0.4
    assert after["mlm_loss"] < before["mlm_loss"] - 0.4  # measured: 6.00 -> 5.33 (seed 0), 5.35 (seed 1) nats
    assert after["mlm_acc"] > before["mlm_acc"] + 0.02  # measured: 0.002 -> 0.039 (seed 0), 0.036 (seed 1)
    assert set(h.val) >= {"mlm_acc", "nsp_acc", "mlm_loss", "nsp_loss"}
    assert module.training  # evaluate restores the mode
    top = fill_mask(module, tok, "Ada found a lamp [MASK] the old mill.", k=5)
    assert len(top) == 1 and len(top[0]) == 5
    probs = [p for _, p in top[0]]
    assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1 + 1e-6


def test_fill_mask_in_batches_equals_one_at_a_time(tok, pairs):
    module = small_module(tok, seed=3)
    a = [p.a.replace(" ", " [MASK] ", 1) for p in pairs[:5]]
    b = [p.b if i % 2 else p.b.replace(" ", " [MASK] [MASK] ", 1) for i, p in enumerate(pairs[:5])]
    batched = fill_mask(module, tok, a, b, k=3, batch_size=2)
    assert [len(r) for r in batched] == [3, 1, 3, 1, 3]  # one entry per [MASK], in order
    for x, y, got in zip(a, b, batched):
        one = fill_mask(module, tok, x, y, k=3)
        assert [[t for t, _ in m] for m in one] == [[t for t, _ in m] for m in got]
        assert all(abs(p - q) < 1e-5 for m, n in zip(one, got) for (_, p), (_, q) in zip(m, n))
    with pytest.raises(ValueError, match="texts B"):
        fill_mask(module, tok, a, b[:2])


def test_evaluate_weights_by_tokens_and_pairs(tok, dataset, one_thread):
    module = small_module(tok)
    batches = list(mlm_loader(dataset, tok, 40, static=True, seed=2))[:3]
    res = evaluate(module, batches)
    module.eval()
    correct = total = pair_correct = n_pairs = 0
    with torch.no_grad():
        for b in batches:
            mlm, nsp = module(b["input_ids"], b["attention_mask"], b["token_type_ids"])  # HF's order
            sel = b["labels"] != IGNORE_INDEX
            correct += (mlm.argmax(-1)[sel] == b["labels"][sel]).sum().item()
            total += sel.sum().item()
            pair_correct += (nsp.argmax(-1) == b["next_sentence_label"]).sum().item()
            n_pairs += len(b["next_sentence_label"])
    assert res["n_tokens"] == total and res["n_pairs"] == n_pairs == 120
    assert res["mlm_acc"] == pytest.approx(correct / total)
    assert res["nsp_acc"] == pytest.approx(pair_correct / n_pairs)


def test_sentence_pair_label():
    assert SentencePair("a.", "b.", True).label == IS_NEXT == 0
    assert SentencePair("a.", "b.", False).label == NOT_NEXT == 1
    assert isinstance(Bert(BertConfig(10, d_model=8, n_heads=2, n_layers=1)), Bert)
