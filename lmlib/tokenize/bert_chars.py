"""BERT's character classes, as HF ``tokenizers``' ``BertNormalizer`` and ``BertPreTokenizer`` use them:
whitespace, control characters, punctuation and CJK ideographs (see ``lmlib.tokenize.wordpiece``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Unicode's White_Space property (what Rust's char::is_whitespace tests). Python's str.isspace also
# counts U+001C..U+001F, which BERT treats as control characters, so the set is spelled out.
WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
# CJK Unified Ideographs and their extensions, as in HF's BertNormalizer (BERT's _is_chinese_char
# has 0x2B820 where HF has 0x2B920; we follow HF).
CJK_RANGES = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
)  # fmt: skip
CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs"})


def is_control(c: str) -> bool:
    """Control characters: categories Cc, Cf, Co, Cs except tab, LF and CR.

    HF keeps unassigned code points (Cn), which BERT's Python code dropped; we follow HF.
    """
    return c not in "\t\n\r" and unicodedata.category(c) in CONTROL_CATEGORIES


def is_punctuation(c: str) -> bool:
    """BERT's punctuation: ASCII 33-47, 58-64, 91-96, 123-126, or Unicode category P*."""
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def is_cjk(c: str) -> bool:
    """True for a CJK ideograph, which BERT treats as a word of its own."""
    cp = ord(c)
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


class CharTable(dict):
    """A ``str.translate`` table that decides each character once, on first sight."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        super().__init__()
        self.rule = rule

    def __missing__(self, cp: int) -> str:
        self[cp] = out = self.rule(chr(cp))
        return out


__all__ = ["CJK_RANGES", "CONTROL_CATEGORIES", "CharTable", "WHITESPACE", "is_cjk", "is_control", "is_punctuation"]
