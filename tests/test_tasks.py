"""The synthetic tasks of the Embeddings notebook: deterministic, balanced, and labelled as documented."""

import pytest
import torch

from lmlib.data import tasks, tinyworld
from lmlib.data.mlm import PARAGRAPH, split_sentences


@pytest.fixture(scope="module")
def vocab():
    return tasks.WordVocab.build(tasks.tinyworld_sentences(500, seed=0))


def test_split_words_and_sentences():
    assert tasks.split_words("Ada's cat, Bo.") == ["ada's", "cat", ",", "bo", "."]
    sents = tasks.tinyworld_sentences(50, seed=3, min_words=5, max_words=9)
    assert len(sents) == 50 and all(5 <= len(tasks.split_words(s)) <= 9 for s in sents)
    assert sents == tasks.tinyworld_sentences(50, seed=3, min_words=5, max_words=9)
    assert tasks.tinyworld_sentences(20, seed=3, min_words=5, max_words=9) == sents[:20]
    assert not any(tinyworld.PARAGRAPH.strip() in s for s in sents)  # paragraph marks are dropped


def test_sentence_pairs_are_consecutive_sentences_of_one_paragraph():
    pairs = tasks.tinyworld_sentence_pairs(200, seed=3, min_words=5, max_words=12)
    assert len(pairs) == 200 and pairs == tasks.tinyworld_sentence_pairs(200, seed=3, min_words=5, max_words=12)
    assert tasks.tinyworld_sentence_pairs(50, seed=3, min_words=5, max_words=12) == pairs[:50]
    assert all(5 <= len(tasks.split_words(s)) <= 12 for pair in pairs for s in pair)
    paragraphs = [split_sentences(p) for d in tinyworld.generate(400, seed=3) for p in d.text.split(PARAGRAPH)]
    consecutive = {(p[i], p[i + 1]) for p in paragraphs for i in range(len(p) - 1)}
    assert set(pairs) <= consecutive
    assert len({s for pair in pairs for s in pair}) > 1.9 * len(pairs)  # pairs do not overlap


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


@pytest.mark.parametrize("make", [tasks.word_order_task, tasks.sentence_order_task])
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


def test_word_order_sentence_length(vocab):
    d = tasks.word_order_task(300, vocab, seed=1, max_len=24, max_words=10)
    lengths = d.attention_mask.sum(1)
    assert d.input_ids.shape == (300, 24) and lengths.max() <= 12 and lengths.min() >= 6
    assert lengths.max() == 12  # sentences of up to 10 words, with [CLS] and [SEP]
    with pytest.raises(ValueError, match="max_words"):
        tasks.word_order_task(10, vocab, seed=1, max_len=24, max_words=23)


def test_word_order_labels_cannot_be_read_from_the_bag_of_tokens(vocab):
    # Swapping [X] and [Y] gives the same multiset of tokens with the other label.
    d = tasks.word_order_task(2_000, vocab, seed=1)
    bags = {}
    for ids, label in zip(d.input_ids.tolist(), d.labels.tolist()):
        bags.setdefault(tuple(sorted(ids)), set()).add(label)
    assert len(bags) < len(d)  # some sentences repeat in tinyworld, so some bags recur ...
    assert any(len(labels) == 2 for labels in bags.values())  # ... with both labels


def _sentences(ids, mask, sep):
    """The word ids of sentence A and of sentence B of one ``[CLS] A [SEP] B [SEP]`` example."""
    ids = ids[: mask.sum()].tolist()
    first = ids.index(sep)
    assert ids[-1] == sep and ids.count(sep) == 2
    return ids[1:first], ids[first + 1: -1]


def test_sentence_order_labels_and_token_types(vocab):
    d = tasks.sentence_order_task(300, vocab, seed=1, max_len=40)
    SEP = vocab["[SEP]"]
    swapped = 0
    for ids, types, mask, label, (a, b) in zip(d.input_ids, d.token_type_ids, d.attention_mask, d.labels,
                                               tasks.tinyworld_sentence_pairs(300, seed=1, max_words=18)):
        first, second = _sentences(ids, mask, SEP)
        a, b = vocab.encode(tasks.split_words(a)), vocab.encode(tasks.split_words(b))
        assert (first, second) == ((a, b) if label == 0 else (b, a))  # label 1: the pair swapped
        n_a = len(first) + 2  # [CLS], A and its [SEP]
        assert (types[:n_a] == 0).all() and (types[n_a: mask.sum()] == 1).all() and not types[mask.sum():].any()
        swapped += label.item()
    assert 0.4 < swapped / len(d) < 0.6


def test_sentence_order_labels_cannot_be_read_from_the_bag_of_tokens(vocab):
    # Both orders of a pair are the same multiset of tokens: only positions or segments tell them apart.
    d = tasks.sentence_order_task(300, vocab, seed=1, max_len=40)
    pairs = tasks.tinyworld_sentence_pairs(300, seed=1, max_words=18)
    for ids, mask, (a, b) in zip(d.input_ids, d.attention_mask, pairs):
        as_is = [vocab["[CLS]"]] + vocab.encode(tasks.split_words(a)) + [vocab["[SEP]"]]
        as_is += vocab.encode(tasks.split_words(b)) + [vocab["[SEP]"]]
        assert sorted(ids[: mask.sum()].tolist()) == sorted(as_is)


def test_sentence_dataset_has_no_labels_and_feeds_the_mlm_collator(vocab):
    from lmlib.data.mlm import MLMCollator

    d = tasks.sentence_dataset(200, vocab, seed=4, max_len=16)
    assert len(d) == 200 and d.labels is None and set(d[0]) == {"input_ids", "token_type_ids", "attention_mask"}
    sents = tasks.tinyworld_sentences(200, seed=4, max_words=14)
    assert d.decode(3) == "[CLS] " + vocab.decode(vocab.encode(tasks.split_words(sents[3]))) + " [SEP]"
    assert vocab.token_to_id("[MASK]") == tasks.SPECIALS.index("[MASK]") and vocab.token_to_id("zzqx") is None
    batch = MLMCollator(vocab, seed=0)([d[i] for i in range(32)])
    selected = batch["labels"] != -100
    assert selected.any() and set(batch) == {"input_ids", "token_type_ids", "attention_mask", "labels"}
    specials = torch.tensor([vocab[t] for t in tasks.SPECIALS])
    assert not torch.isin(batch["labels"][selected], specials).any()  # never a special token as target
    with pytest.raises(ValueError, match="every example has a label or none"):
        tasks.TaskDataset([([1, 2], [0, 0], None), ([1, 2], [0, 0], 1)], max_len=4, vocab=vocab)


def test_too_long_examples_are_refused(vocab):
    with pytest.raises(ValueError, match="max_len"):
        tasks.TaskDataset([([1] * 9, [0] * 9, 0)], max_len=8, vocab=vocab)
