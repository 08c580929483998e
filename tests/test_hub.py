"""lmlib.data.hub against small local files in each dataset's hub format (no network)."""

import gzip
import json
import math
import sys

import pytest

from lmlib.data import hub, tinyworld

datasets = pytest.importorskip("datasets")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

HH_CHOSEN = "\n\nHuman: What is a cat?\n\nAssistant: A small animal.\n\nHuman: Really?\n\nAssistant: Yes, a pet."
HH_REJECTED = "\n\nHuman: What is a cat?\n\nAssistant: A small animal.\n\nHuman: Really?\n\nAssistant: No."

# name -> (file in the hub repository's layout, rows with the hub's columns)
SAMPLES = {
    "tinystories": ("data/train-00000-of-00004-2d5a1467fff1081b.parquet", [
        {"text": "Once upon a time, there was a cat.\n\nThe cat was happy."},
        {"text": "Tom had a red ball. He liked it."},
        {"text": "Lily saw a bird."}]),
    "wikitext-2": ("wikitext-2-raw-v1/train-00000-of-00001.parquet", [
        {"text": ""}, {"text": " = Valkyria Chronicles III = \n"}, {"text": ""},
        {"text": " Senjō no Valkyria 3 is a role @-@ playing video game . \n"}]),
    "wikitext-103": ("wikitext-103-raw-v1/train-00000-of-00002.parquet", [
        {"text": " = Robert Boulter = \n"}, {"text": ""}, {"text": " Robert Boulter is an actor . \n"}]),
    "sst2": ("data/train-00000-of-00001.parquet", [
        {"idx": 0, "sentence": "hide new secretions from the parental units ", "label": 0},
        {"idx": 1, "sentence": "a charming and affecting journey ", "label": 1}]),
    "imdb": ("plain_text/train-00000-of-00001.parquet", [
        {"text": "I rented this movie.<br /><br />It was dull.", "label": 0},
        {"text": "A wonderful film.", "label": 1}]),
    "alpaca": ("data/train-00000-of-00001-a09b74b3ef9c3b56.parquet", [
        {"instruction": "Give three tips for staying healthy.", "input": "",
         "output": "1. Eat well.\n2. Sleep.\n3. Move.", "text": "Below is an instruction ..."},
        {"instruction": "Translate to French.", "input": "Good morning", "output": "Bonjour",
         "text": "Below is an instruction ..."}]),
    "openorca": ("1M-GPT4-Augmented.parquet", [
        {"id": "niv.242684", "system_prompt": "You are a helpful assistant.",
         "question": "What is 2 + 2?", "response": "4"}]),
    "hh-rlhf": ("helpful-base/train.jsonl.gz", [
        {"chosen": HH_CHOSEN, "rejected": HH_REJECTED},
        {"chosen": "\n\nHuman: Hi\n\nAssistant: Hello!", "rejected": "\n\nHuman: Hi\n\nAssistant: Go away."}]),
}


def write(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    else:
        with gzip.open(path, "wt") if path.suffix == ".gz" else open(path, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
    return path


@pytest.fixture
def repo(tmp_path):
    """A local copy of every registered dataset's repository (its train split), by name."""
    def make(name, rows=None):
        file, sample = SAMPLES[name]
        write(tmp_path / name / file, sample if rows is None else rows)
        return tmp_path / name
    return make


def test_every_dataset_has_a_sample_and_a_tinyworld_kind():
    assert set(hub.DATASETS) == set(SAMPLES)
    for name, spec in hub.DATASETS.items():
        assert spec.kind in tinyworld.KINDS, name
        assert "train" in spec.splits and spec.instead


@pytest.mark.parametrize("name", sorted(SAMPLES))
@pytest.mark.parametrize("streaming", [False, True])
def test_rows_become_documents(name, streaming, repo, tmp_path):
    docs = hub.load(name, path=repo(name), cache_dir=str(tmp_path / "cache"), streaming=streaming)
    assert docs and all(isinstance(d, tinyworld.Document) for d in docs)
    for d in docs:
        assert d.kind == hub.DATASETS[name].kind
        assert math.isnan(d.log2p)
        assert d.text and "\n" not in d.text and d.text == d.text.strip()
    # the same through data_files= (the file itself), and hub.corpus is tinyworld's: a line each
    file = tmp_path / name / SAMPLES[name][0]
    assert hub.load(name, data_files=file, cache_dir=str(tmp_path / "cache")) == docs
    assert hub.corpus(docs).splitlines() == [d.text for d in docs]


def test_stories_and_articles(repo, tmp_path):
    stories = hub.load("tinystories", path=repo("tinystories"), cache_dir=str(tmp_path))
    assert [d.text for d in stories] == ["Once upon a time, there was a cat. The cat was happy.",
                                        "Tom had a red ball. He liked it.", "Lily saw a bird."]
    wiki = hub.load("wikitext-2", path=repo("wikitext-2"), cache_dir=str(tmp_path))
    assert [d.text for d in wiki] == ["= Valkyria Chronicles III =",  # empty rows are skipped
                                     "Senjō no Valkyria 3 is a role @-@ playing video game ."]


def test_labels(repo, tmp_path):
    sst = hub.load("sst2", path=repo("sst2"), cache_dir=str(tmp_path))
    assert sst[0].text == "hide new secretions from the parental units Label: negative."
    assert sst[1].fields == {"text": "a charming and affecting journey ", "label": "positive", "label_id": 1}
    imdb = hub.load("imdb", path=repo("imdb"), cache_dir=str(tmp_path))
    assert imdb[0].text == "I rented this movie. It was dull. Label: negative."
    assert imdb[0].fields["text"] == "I rented this movie.<br /><br />It was dull."
    assert [d.fields["label"] for d in imdb] == ["negative", "positive"]


def test_unlabelled_rows_have_no_label(tmp_path):
    # SST-2's test split and IMDb's unsupervised split hide the label as -1
    file = write(tmp_path / "test.parquet", [{"idx": 0, "sentence": "an unseen review", "label": -1}])
    (doc,) = hub.load("sst2", split="test", data_files=file, cache_dir=str(tmp_path))
    assert doc.text == "an unseen review" and doc.fields["label"] is None and doc.fields["label_id"] == -1


def test_instructions(repo, tmp_path):
    first, second = hub.load("alpaca", path=repo("alpaca"), cache_dir=str(tmp_path))
    assert first.text == "Question: Give three tips for staying healthy. Answer: 1. Eat well. 2. Sleep. 3. Move."
    assert first.fields["output"] == first.fields["answer"] == "1. Eat well.\n2. Sleep.\n3. Move."
    assert first.fields["input"] == "" and first.fields["question"] == "Give three tips for staying healthy."
    assert second.text == "Question: Translate to French. Good morning Answer: Bonjour"
    assert (second.fields["instruction"], second.fields["input"]) == ("Translate to French.", "Good morning")
    (orca,) = hub.load("openorca", path=repo("openorca"), cache_dir=str(tmp_path))
    assert orca.text == "Question: What is 2 + 2? Answer: 4"
    assert orca.fields["system_prompt"] == "You are a helpful assistant."


def test_preferences(repo, tmp_path):
    first, second = hub.load("hh-rlhf", path=repo("hh-rlhf"), cache_dir=str(tmp_path))
    f = first.fields
    assert f["prompt"] == "\n\nHuman: What is a cat?\n\nAssistant: A small animal.\n\nHuman: Really?\n\nAssistant:"
    assert (f["chosen"], f["rejected"]) == ("Yes, a pet.", "No.")
    assert f["question"] == "Human: What is a cat?\n\nAssistant: A small animal.\n\nHuman: Really?"
    for d in (first, second):
        a, b = (d.fields["chosen"], d.fields["rejected"])[:: 1 if d.fields["better"] == "A" else -1]
        question = " ".join(d.fields["question"].split())
        assert d.text == f"Question: {question} Answer A: {a} Answer B: {b} Better: {d.fields['better']}."
    # the pair's order is a stable function of the row, not always A
    assert hub.load("hh-rlhf", path=repo("hh-rlhf"), cache_dir=str(tmp_path)) == [first, second]


def test_n_limits_and_counts_documents_not_rows(repo, tmp_path):
    path = repo("tinystories", [{"text": f"Story {i}."} for i in range(50)])
    cache = str(tmp_path / "cache")
    assert [d.text for d in hub.load("tinystories", n=3, path=path, cache_dir=cache)] == \
        ["Story 0.", "Story 1.", "Story 2."]
    assert hub.load("tinystories", n=3, path=path, cache_dir=cache, streaming=True) == \
        hub.load("tinystories", n=3, path=path, cache_dir=cache)
    assert hub.load("tinystories", n=0, path=path, cache_dir=cache) == []
    assert len(hub.load("tinystories", n=1000, path=path, cache_dir=cache)) == 50
    wiki = hub.load("wikitext-2", n=2, path=repo("wikitext-2"), cache_dir=cache)  # 4 rows, 2 empty
    assert len(wiki) == 2


def test_splits_by_name(tmp_path):
    files = {"train": write(tmp_path / "t.parquet", [{"text": "Train story."}]),
             "validation": [write(tmp_path / "v.parquet", [{"text": "Validation story."}])]}
    (val,) = hub.load("tinystories", split="validation", data_files=files, cache_dir=str(tmp_path))
    assert val.text == "Validation story."
    repo = tmp_path / "repo"
    write(repo / "data/validation-00000-of-00001.parquet", [{"text": "From the folder."}])
    write(repo / "data/train-00000-of-00001.parquet", [{"text": "Not this one."}])
    (doc,) = hub.load("tinystories", split="validation", path=repo, cache_dir=str(tmp_path))
    assert doc.text == "From the folder."


def test_unknown_names_splits_and_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="unknown dataset 'tinystory'.*tinystories"):
        hub.load("tinystory")
    with pytest.raises(ValueError, match=r"no split 'validation'.*\('train',\)"):
        hub.load("alpaca", split="validation")
    with pytest.raises(ValueError, match="n must be"):
        hub.load("sst2", n=-1)
    with pytest.raises(ValueError, match="not both"):
        hub.load("sst2", path=tmp_path, data_files=tmp_path / "x.parquet")
    with pytest.raises(ValueError, match="parquet, json"):
        hub.load("sst2", data_files=tmp_path / "x.txt")
    with pytest.raises(ValueError, match="one format"):
        hub.load("sst2", data_files={"train": tmp_path / "a.parquet", "test": tmp_path / "b.jsonl"})


def test_without_datasets_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "datasets", None)  # import datasets raises ImportError
    with pytest.raises(ImportError, match=r'pip install "lmlib\[hub\]"'):
        hub.load("tinystories", n=1)


def test_offline_names_the_embedded_equivalent(monkeypatch, tmp_path):
    # conftest sets HF_HUB_OFFLINE=1; make sure the libraries see it even if imported before
    import huggingface_hub.constants

    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(hub.HubUnavailable) as info:
        hub.load("tinystories", n=5, cache_dir=str(tmp_path / "cache"))
    message = str(info.value)
    assert "'tinystories'" in message and "roneneldan/TinyStories" in message
    assert 'tinyworld.generate(n, kind="story")' in message
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert isinstance(info.value, ConnectionError)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_connection_errors_become_hub_unavailable(name, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Couldn't reach 'x' on the Hub (LocalEntryNotFoundError)")

    monkeypatch.setattr(datasets, "load_dataset", unreachable)
    spec = hub.DATASETS[name]
    with pytest.raises(hub.HubUnavailable, match=name) as info:
        hub.load(name, n=3)
    assert spec.instead in str(info.value) and spec.path in str(info.value)
    assert f'kind="{spec.kind}"' in str(info.value)


def test_other_errors_are_not_called_offline(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Unknown split")

    monkeypatch.setattr(datasets, "load_dataset", broken)
    with pytest.raises(ValueError, match="Unknown split"):
        hub.load("sst2")

def test_missing_local_files_are_not_called_offline(tmp_path):
    with pytest.raises(FileNotFoundError):  # a missing local file is not the hub being offline
        hub.load("sst2", data_files=tmp_path / "missing.parquet", cache_dir=str(tmp_path))


# lmlib.data.sources: the data= knob of the notebooks
def test_sources_tinyworld_is_the_books_fixed_splits():
    from lmlib.data import sources, tinyworld

    train = sources.documents("tinyworld", "train", 5)
    assert train == tinyworld.generate(5, seed=1)
    assert sources.documents("tinyworld", "validation", 5) == tinyworld.generate(5, seed=2)
    assert sources.has_entropy(train)
    assert sources.names()[0] == "tinyworld" and set(sources.names()[1:]) == set(hub.DATASETS)


def test_sources_real_data_go_through_the_hub(monkeypatch):
    from lmlib.data import sources

    calls = []
    fake = [hub._doc("story", "Once upon a time.", text="Once upon a time.")]
    monkeypatch.setattr(hub, "load", lambda *a, **k: calls.append((a, k)) or fake)
    docs = sources.documents("tinystories", "validation", 3)
    assert docs == fake and calls == [(("tinystories", "validation"), {"n": 3})]
    assert not sources.has_entropy(docs)


def test_sources_bad_names_and_sizes():
    from lmlib.data import sources

    with pytest.raises(ValueError, match=r"unknown data source 'tinystory'.*'tinyworld', .*'tinystories'"):
        sources.documents("tinystory", "train", 3)
    with pytest.raises(ValueError, match=r"tinyworld has no split 'dev'.*'validation'"):
        sources.documents("tinyworld", "dev", 3)
    with pytest.raises(ValueError, match="n must be a positive integer, got 0"):
        sources.documents("tinyworld", "train", 0)


def test_sources_offline_says_what_to_use_instead(monkeypatch, tmp_path):
    import huggingface_hub.constants

    from lmlib.data import sources

    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(hub.HubUnavailable, match="tinyworld"):
        sources.documents("tinystories", "train", 2)
