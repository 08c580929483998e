"""hub: real datasets for readers online (Colab), behind tinyworld's interface.

Optional: needs Hugging Face ``datasets`` (``pip install "lmlib[hub]"``), imported only when used::

    >>> from lmlib.data import hub
    >>> docs = hub.load("tinystories", n=1000)       # list[tinyworld.Document]
    >>> text = hub.corpus(docs)                      # one document per line, as tinyworld.corpus

Each row becomes a :class:`~lmlib.data.tinyworld.Document` of the tinyworld kind that plays the same
role (a TinyStories story is a "story", an SST-2 sentence with its sentiment a "label", an Alpaca
instruction a "qa", an HH-RLHF pair a "preference"), rendered like tinyworld's documents, with the
ground truth in ``fields``. Real text has no known probability: ``log2p`` is NaN. Texts are made one
line (every run of whitespace, and IMDb's ``<br />``, becomes one space), because a corpus separates
documents by newlines; ``fields`` keep the original strings. Empty rows (WikiText) are skipped.

With ``n`` (and no local files) the split is streamed, so only its first rows are downloaded.
Offline, ``load`` raises :class:`HubUnavailable`, which names the embedded equivalent. Local copies in
the hub's format load without a network: ``path=`` a directory laid out like the dataset's repository
(e.g. ``data/train-00000-of-00001.parquet``), or ``data_files=`` parquet, json(l) or csv files.
"""

from __future__ import annotations

import math
import os
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from lmlib._checks import int_at_least

from .tinyworld import Document, corpus

__all__ = ["DATASETS", "HubUnavailable", "Spec", "corpus", "load"]

INSTALL = 'pip install "lmlib[hub]"'
File = str | os.PathLike
DataFiles = File | Sequence[File] | Mapping[str, File | Sequence[File]]


class HubUnavailable(ConnectionError):
    """The Hugging Face Hub could not be reached (offline, HF_HUB_OFFLINE=1, no connection)."""


def _one_line(text: str) -> str:
    return " ".join(text.replace("<br />", " ").split())


def _doc(kind: str, rendered: str, **fields) -> Document:
    return Document(kind, _one_line(rendered), math.nan, fields)


# --- rows -> documents ---------------------------------------------------------------------------

def _story(row: Mapping) -> Document | None:
    return _doc("story", row["text"]) if row["text"].strip() else None


def _article(row: Mapping) -> Document | None:  # WikiText: one paragraph or heading per row
    return _doc("bio", row["text"]) if row["text"].strip() else None


SENTIMENT = ("negative", "positive")  # label ids 0 and 1 of SST-2 and IMDb (-1: no label given)


def _sentiment(column: str) -> Callable[[Mapping], Document | None]:
    def to_doc(row: Mapping) -> Document | None:
        text, label_id = row[column], int(row["label"])
        if not text.strip():
            return None
        label = SENTIMENT[label_id] if label_id in (0, 1) else None
        rendered = f"{_one_line(text)} Label: {label}." if label else text
        return _doc("label", rendered, text=text, label=label, label_id=label_id)
    return to_doc


def _alpaca(row: Mapping) -> Document:
    instruction, input_, output = row["instruction"], row["input"], row["output"]
    question = f"{instruction}\n{input_}" if input_.strip() else instruction
    return _doc("qa", f"Question: {question} Answer: {output}", instruction=instruction,
                input=input_, output=output, question=question, answer=output)


def _orca(row: Mapping) -> Document:
    question, answer = row["question"], row["response"]
    return _doc("qa", f"Question: {question} Answer: {answer}", system_prompt=row["system_prompt"],
                question=question, answer=answer)


ASSISTANT = "\n\nAssistant:"


def _split_dialogue(transcript: str) -> tuple[str, str]:
    """'\\n\\nHuman: .. \\n\\nAssistant: reply' -> (everything up to the last 'Assistant:', reply)."""
    i = transcript.rfind(ASSISTANT) + len(ASSISTANT) if ASSISTANT in transcript else 0
    return transcript[:i], transcript[i:].strip()


def _hh(row: Mapping) -> Document:
    prompt, chosen = _split_dialogue(row["chosen"])
    _, rejected = _split_dialogue(row["rejected"])
    question = prompt.removesuffix(ASSISTANT).strip()
    better = "AB"[zlib.crc32(row["chosen"].encode()) % 2]  # a stable coin, so position tells nothing
    a, b = (chosen, rejected) if better == "A" else (rejected, chosen)
    return _doc("preference", f"Question: {question} Answer A: {a} Answer B: {b} Better: {better}.",
                prompt=prompt, question=question, chosen=chosen, rejected=rejected, better=better)


# --- the registry --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Spec:
    """Where a dataset lives on the Hub, how its rows become documents, and what to use offline."""

    path: str                                   # the Hub repository
    config: str | None                          # its configuration (subset), if any
    data_dir: str | None                        # the repository's folder with this dataset's files
    splits: tuple[str, ...]
    to_doc: Callable[[Mapping], Document | None]
    kind: str                                   # the tinyworld kind of its documents
    instead: str                                # the embedded equivalent, as code

    @property
    def folder(self) -> str | None:
        """Where the files lie in a local copy of the repository (a config is a folder on the Hub)."""
        return self.data_dir or self.config


def _tw(kind: str) -> str:
    return f'tinyworld.generate(n, kind="{kind}")'


_WIKI = ("train", "validation", "test")
_PROSE = f"pydocs.load(split) (real English prose) or {_tw('bio')}"
DATASETS: dict[str, Spec] = {
    "tinystories": Spec("roneneldan/TinyStories", None, None, ("train", "validation"), _story, "story",
                        _tw("story")),
    "wikitext-2": Spec("Salesforce/wikitext", "wikitext-2-raw-v1", None, _WIKI, _article, "bio", _PROSE),
    "wikitext-103": Spec("Salesforce/wikitext", "wikitext-103-raw-v1", None, _WIKI, _article, "bio",
                         _PROSE),
    "sst2": Spec("stanfordnlp/sst2", None, None, ("train", "validation", "test"), _sentiment("sentence"),
                 "label", _tw("label")),
    "imdb": Spec("stanfordnlp/imdb", "plain_text", None, ("train", "test", "unsupervised"),
                 _sentiment("text"), "label", _tw("label")),
    "alpaca": Spec("tatsu-lab/alpaca", None, None, ("train",), _alpaca, "qa", _tw("qa")),
    "openorca": Spec("Open-Orca/OpenOrca", None, None, ("train",), _orca, "qa", _tw("qa")),
    "hh-rlhf": Spec("Anthropic/hh-rlhf", None, "helpful-base", ("train", "test"), _hh, "preference",
                    _tw("preference")),
}


# --- loading -------------------------------------------------------------------------------------

def _datasets():
    try:
        import datasets
    except ImportError:
        raise ImportError(f"lmlib.data.hub needs Hugging Face `datasets`: {INSTALL} "
                          "(or pip install datasets)") from None
    return datasets


_BUILDERS = {".parquet": "parquet", ".json": "json", ".jsonl": "json", ".csv": "csv"}


def _files(data_files: DataFiles, split: str) -> dict[str, list[str]]:
    if not isinstance(data_files, Mapping):
        data_files = {split: data_files}  # a bare file or list of files is the requested split
    return {k: [os.fspath(f) for f in ([v] if isinstance(v, (str, os.PathLike)) else v)]
            for k, v in data_files.items()}


def _builder(files: dict[str, list[str]]) -> str:
    """The ``datasets`` builder for local files: parquet, json (json, jsonl) or csv, maybe compressed."""
    builders = set()
    for file in (f for fs in files.values() for f in fs):
        name = file.lower().removesuffix(".gz").removesuffix(".bz2").removesuffix(".zst")
        ext = os.path.splitext(name)[1]
        if ext not in _BUILDERS:
            raise ValueError(f"data_files must be parquet, json, jsonl or csv files, got {file!r}; "
                             "pass a directory laid out like the hub repository as path=")
        builders.add(_BUILDERS[ext])
    if len(builders) != 1:
        raise ValueError(f"data_files must all have one format, got {sorted(builders) or 'no files'}")
    return builders.pop()


def _unreachable(exc: BaseException) -> bool:
    """Whether ``exc``, or an exception it was raised from, says the Hub could not be reached."""
    names = ("ConnectError", "ConnectTimeout", "OfflineModeIsEnabled", "LocalEntryNotFoundError")
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (ConnectionError, TimeoutError)) or type(exc).__name__ in names:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def load(name: str, split: str = "train", n: int | None = None, *, cache_dir: str | None = None,
         path: str | os.PathLike | None = None, data_files: DataFiles | None = None,
         streaming: bool | None = None) -> list[Document]:
    """The first ``n`` documents (all with ``n=None``) of ``split`` of dataset ``name`` (see ``DATASETS``).

    By default from the Hugging Face Hub (cached in ``cache_dir``, default ``~/.cache/huggingface``);
    ``path``: a local directory laid out like the hub repository; ``data_files``: local parquet,
    json(l) or csv files with the hub's columns (a file or list for ``split``, or a dict split ->
    files). ``streaming`` (default: when ``n`` is given and the data come from the Hub) reads rows
    without downloading the whole split. Raises :class:`HubUnavailable` when the Hub is unreachable.
    """
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {sorted(DATASETS)}")
    spec = DATASETS[name]
    if split not in spec.splits:
        raise ValueError(f"{name} has no split {split!r}; choose one of {spec.splits}")
    int_at_least("n", n, 0, none_ok=True)
    if path is not None and data_files is not None:
        raise ValueError("pass path= or data_files=, not both")
    datasets = _datasets()
    hub = path is None and data_files is None
    if streaming is None:
        streaming = hub and n is not None
    kwargs = dict(split=split, cache_dir=cache_dir, streaming=streaming)
    try:
        if data_files is not None:
            files = _files(data_files, split)
            rows = datasets.load_dataset(_builder(files), data_files=files, **kwargs)
        elif path is not None:
            rows = datasets.load_dataset(os.fspath(path), data_dir=spec.folder, **kwargs)
        else:
            rows = datasets.load_dataset(spec.path, spec.config, data_dir=spec.data_dir, **kwargs)
        return list(islice(_documents(rows, spec.to_doc), n))
    except Exception as exc:
        if not (hub and _unreachable(exc)):
            raise
        reason = f"{type(exc).__name__}: {str(exc)[:200]}"
    raise HubUnavailable(
        f"could not load {name!r} ({spec.path}{', ' + spec.config if spec.config else ''}) from the "
        f"Hugging Face Hub ({reason}). Offline, use the embedded equivalent instead: {spec.instead} "
        f"(modules of lmlib.data), or load a local copy with path= or data_files=."
    ) from None


def _documents(rows: Iterable[Mapping], to_doc: Callable[[Mapping], Document | None]) -> Iterable[Document]:
    for row in rows:
        doc = to_doc(row)
        if doc is not None:
            yield doc
