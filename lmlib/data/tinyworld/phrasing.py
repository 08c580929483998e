"""Templates with synonyms: ``"{0} {walked|strolled|wandered} to the {1}"``.

A template is literal text with two kinds of holes: ``{0}``, ``{1}``, ... take the arguments in
order, and ``{a|b|c}`` is a choice among synonyms (a word decision, uniform over the options; an
option may be empty, as in ``{|very }``). A :class:`Phrasebook` compiles each template once and
truncates every choice to ``lexicon_size`` options, so that tiny worlds stay enumerable.

Options of one choice must differ, and the text around a choice must not let two choices give the
same text (for example two neighbouring optional words that may be the same word): the grammar
stays unambiguous only if every pick leaves its own mark.
"""

from __future__ import annotations

import re

from .sampler import STRUCTURE, WORD, Categorical

_ARG = re.compile(r"\{(\d)\}")


def _split(text: str) -> list[str]:
    """Top-level pieces of ``text``: literal runs and ``{...}`` holes (which may hold ``{0}`` refs)."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "{":
            if depth == 0 and i > start:
                pieces.append(text[start:i])
                start = i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                raise ValueError(f"unbalanced braces in {text!r}")
            if depth == 0:
                pieces.append(text[start:i + 1])
                start = i + 1
    if depth:
        raise ValueError(f"unbalanced braces in {text!r}")
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _option(text: str):
    """An option as a plain string, or as literal pieces and argument indices if it refers to arguments."""
    if "{" not in text:
        return text
    parts, pos = [], 0
    for m in _ARG.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        parts.append(int(m.group(1)))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return tuple(parts)


class Template:
    """A compiled template: literal strings, argument indices and choices."""

    __slots__ = ("parts", "text")

    def __init__(self, text: str, limit: int | None = None, category: int = WORD):
        self.text = text
        parts: list = []
        for piece in _split(text):
            if not piece.startswith("{"):
                parts.append(piece)
                continue
            inner = piece[1:-1]
            if _ARG.fullmatch(piece):
                parts.append(int(inner))
                continue
            options = inner.split("|")
            if len(options) < 2 or len(set(options)) != len(options):
                raise ValueError(f"a choice needs two or more distinct options: {piece} in {text!r}")
            options = options[:max(limit, 2)] if limit else options
            parts.append((Categorical([_option(o) for o in options]), category))
        self.parts = parts

    def render(self, s, args) -> str:
        out = []
        for x in self.parts:
            t = type(x)
            if t is str:
                out.append(x)
            elif t is int:
                out.append(args[x])
            else:
                o = s.pick(x[0], x[1])
                if type(o) is str:
                    out.append(o)
                else:
                    out.extend(args[y] if type(y) is int else y for y in o)
        return "".join(out)


class Phrasebook:
    """Compiles templates on first use (per world config) and renders them."""

    def __init__(self, limit: int | None = None):
        self.limit = limit
        self._cache: dict[str, Template] = {}
        self._sets: dict[tuple, Categorical] = {}

    def __call__(self, s, text: str, *args: str) -> str:
        """Render ``text`` with ``args``, picking every synonym through ``s``."""
        t = self._cache.get(text)
        if t is None:
            t = self._cache[text] = Template(text, self.limit)
        return t.render(s, args)

    def one_of(self, s, texts: tuple[str, ...], *args: str) -> str:
        """Pick one of ``texts`` (a structure decision: the templates must differ in their fixed
        words) and render it."""
        c = self._sets.get(texts)
        if c is None:
            c = self._sets[texts] = Categorical(list(texts[:max(self.limit, 2)] if self.limit else texts))
        return self(s, s.pick(c, STRUCTURE), *args)
