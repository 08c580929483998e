"""pydocs: real English prose that ships with every Python installation.

Two sources, both read as text, without importing any documented module:

- the documentation topics of the language reference (``pydoc_data/topics.py``, the text that
  ``help("if")`` shows), parsed with :mod:`ast`;
- the docstrings of the standard library's ``.py`` files (modules, public classes and functions),
  also parsed with :mod:`ast`.

Each source document is split into paragraphs of prose (code blocks, grammar rules, tables and
headings are dropped). The split into train and validation is by document, by a stable hash of its
name, so that no document has paragraphs on both sides; a paragraph repeated in several documents is
kept once, on the train side.

The exact contents depend on the Python version: use pydocs where real English matters (tokenizers)
and never check its exact text in a notebook.
"""

from __future__ import annotations

import ast
import functools
import re
import sysconfig
import zlib
from pathlib import Path

SPLITS = ("train", "validation")
VALIDATION_EVERY = 10  # about one document in ten goes to validation

_SKIP_DIRS = {"test", "tests", "idle_test", "site-packages", "lib2to3", "__pycache__", "turtledemo"}


def _stdlib() -> Path:
    return Path(sysconfig.get_paths()["stdlib"])


def _is_prose(paragraph: str) -> bool:
    lines = paragraph.splitlines()
    if not lines or lines[0].startswith((" ", "\t", ">>>", "...")):
        return False  # code, grammar, doctest
    if re.fullmatch(r"[*=\-~^+]+", lines[-1].strip()):
        return False  # a heading and its underline
    if "|" in paragraph and "+--" in paragraph:
        return False  # a table
    text = " ".join(lines)
    words = text.split()
    if len(words) < 6:
        return False
    letters = sum(c.isalpha() or c.isspace() for c in text)
    return letters / len(text) > 0.8


def _paragraphs(text: str) -> list[str]:
    out = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip("\n")
        if _is_prose(block):
            out.append(" ".join(line.strip() for line in block.splitlines()))
    return out


def _topics() -> dict[str, str]:
    path = _stdlib() / "pydoc_data" / "topics.py"
    if not path.exists():
        return {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "topics":
            return {f"topic:{k}": v for k, v in ast.literal_eval(node.value).items()}
    return {}


def _docstrings(tree: ast.Module) -> list[str]:
    """The module docstring, then those of its public classes, functions and methods."""
    found = [ast.get_docstring(tree)]
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if not node.name.startswith("_"):
                found.append(ast.get_docstring(node))
    return [d for d in found if d]


def _module_docstrings() -> dict[str, str]:
    root = _stdlib()
    docs = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if _SKIP_DIRS.intersection(rel.parts):
            continue
        try:
            found = _docstrings(ast.parse(path.read_text(encoding="utf-8")))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        if found:
            docs[f"module:{rel.as_posix()}"] = "\n\n".join(found)
    return docs


def _split_of(name: str) -> str:
    return "validation" if zlib.crc32(name.encode()) % VALIDATION_EVERY == 0 else "train"


@functools.lru_cache(maxsize=None)
def _load_all() -> dict[str, tuple[str, ...]]:
    by_split: dict[str, list[str]] = {s: [] for s in SPLITS}
    sources = {**_topics(), **_module_docstrings()}
    seen: set[str] = set()
    for name in sorted(sources, key=lambda n: (_split_of(n) != "train", n)):
        for paragraph in _paragraphs(sources[name]):
            if paragraph not in seen:  # the same docstring can appear in several modules
                seen.add(paragraph)
                by_split[_split_of(name)].append(paragraph)
    return {s: tuple(p) for s, p in by_split.items()}


def load(split: str = "train") -> list[str]:
    """Paragraphs of English prose from the Python standard library's documentation.

    ``split`` is ``"train"`` or ``"validation"``. The result is cached; a fresh list is returned.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown pydocs split {split!r}; choose one of {SPLITS}")
    paragraphs = _load_all()[split]
    if not paragraphs:
        raise RuntimeError(
            f"no documentation found under {_stdlib()}; this Python ships without its stdlib "
            "sources. Use lmlib.data.tinyworld instead."
        )
    return list(paragraphs)


def text(split: str = "train") -> str:
    """The paragraphs of ``split`` joined by blank lines."""
    return "\n\n".join(load(split))
