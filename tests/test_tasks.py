"""The synthetic tasks of the Embeddings notebook: deterministic, balanced, and labelled as documented."""

import pytest
import torch

from lmlib.data import tasks


@pytest.fixture(scope="module")
def vocab():
    return tasks.WordVocab.build(tasks.tinyworld_sentences(500, seed=0))


def test_split_words_and_sentences():
    assert tasks.split_words("Ada's cat, Bo.") == ["ada's", "cat", ",", "bo", "."]
    sents = tasks.tinyworld_sentences(50, seed=3, min_words=5, max_words=9)
    assert len(sents) == 50 and all(5 <= len(tasks.split_words(s)) <= 9 for s in sents)
    assert sents == tasks.tinyworld_sentences(50, seed=3, min_words=5, max_words=9)
    assert tasks.tinyworld_sentences(20, seed=3, min_words=5, max_words=9) == sents[:20]


def test_vocab(vocab):
    assert vocab.itos[: len(tasks.SPECIALS)] == list(tasks.SPECIALS)
    assert vocab["[PAD]"] == 0 and vocab["zzqx-never-seen"] == vocab["[UNK]"]
    ids = vocab.encode(["she", "found", "zzqx"])
    assert vocab.decode(ids) == "she found [UNK]"
    assert len(vocab) == len(set(vocab.itos))
    with pytest.raises(ValueError, match="distinct"):
        tasks.WordVocab(["a", "a"])


def _same(a, b):
    return all(torch.equal(getattr(a, k), getattr(b, k))
               for k in ("input_ids", "token_type_ids", "attention_mask", "labels"))


@pytest.mark.parametrize("make", [tasks.word_order_task, tasks.segment_task])
def test_tasks_are_deterministic_and_balanced(vocab, make):
    a, b, c = make(400, vocab, seed=5), make(400, vocab, seed=5), make(400, vocab, seed=6)
    assert _same(a, b) and not _same(a, c)
    assert len(a) == 400 and 0.4 < a.labels.float().mean().item() < 0.6
    item = a[0]
    assert set(item) == {"input_ids", "token_type_ids", "attention_mask", "labels"}
    assert item["labels"].dim() == 0
    lengths = a.attention_mask.sum(1)
    for i in range(len(a)):  # real tokens first, then padding ([PAD] = 0)
        n = lengths[i]
        assert a.attention_mask[i, :n].all() and not a.attention_mask[i, n:].any()
        assert (a.input_ids[i, n:] == 0).all() and (a.input_ids[i, :n] != 0).all()
    assert a.decode(0).startswith("[CLS] ") and a.decode(0).endswith(" [SEP]")


def test_word_order_labels_follow_the_markers(vocab):
    d = tasks.word_order_task(300, vocab, seed=1, max_len=24)
    X, Y = vocab["[X]"], vocab["[Y]"]
    for ids, label in zip(d.input_ids, d.labels):
        x, y = (ids == X).nonzero().flatten(), (ids == Y).nonzero().flatten()
        assert len(x) == 1 and len(y) == 1
        assert label.item() == int(y.item() < x.item())
    assert (d.token_type_ids == 0).all()


def test_word_order_labels_cannot_be_read_from_the_bag_of_tokens(vocab):
    # Swapping [X] and [Y] gives the same multiset of tokens with the other label.
    d = tasks.word_order_task(300, vocab, seed=1)
    bags = {}
    for ids, label in zip(d.input_ids.tolist(), d.labels.tolist()):
        bags.setdefault(tuple(sorted(ids)), set()).add(label)
    assert len(bags) < len(d)  # sentences repeat in tinyworld, so some bags recur ...
    assert any(len(labels) == 2 for labels in bags.values())  # ... with both labels


def test_segment_labels_and_token_types(vocab):
    d = tasks.segment_task(300, vocab, seed=1, max_len=40)
    X, SEP = vocab["[X]"], vocab["[SEP]"]
    for ids, types, mask, label in zip(d.input_ids, d.token_type_ids, d.attention_mask, d.labels):
        seps = (ids == SEP).nonzero().flatten()
        x = (ids == X).nonzero().flatten()
        assert len(seps) == 2 and len(x) == 1 and seps[1] == mask.sum() - 1
        first = seps[0].item()
        assert (types[: first + 1] == 0).all() and (types[first + 1: mask.sum()] == 1).all()
        assert label.item() == int(x.item() > first) == types[x].item()


def test_too_long_examples_are_refused(vocab):
    with pytest.raises(ValueError, match="max_len"):
        tasks.TaskDataset([([1] * 9, [0] * 9, 0)], max_len=8, vocab=vocab)
