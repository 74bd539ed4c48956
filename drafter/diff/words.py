"""The words that changed inside a paragraph present in both versions."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A placeholder whole; a footnote call; a word, with what joins words into one ("Sud-Sud",
# "d'ici", "73/291", "A/78/465/Add.2"); a punctuation mark.
_TOKEN = re.compile(
    rf"\[\[.*?\]\]|[{_SUPERSCRIPTS}]+|[^\W{_SUPERSCRIPTS}]+(?:[-'’/.][^\W{_SUPERSCRIPTS}]+)*"
    r"|[^\w\s]"
)
# Beyond this many words, SequenceMatcher's heuristic (ignore the most frequent words) keeps
# the comparison of a huge paragraph fast; below, every word counts.
_HEURISTIC_FROM = 2000


class Change(NamedTuple):
    """Characters `old_start`–`old_end` of the old text became `new_start`–`new_end` of the
    new one (an empty range: an insertion, or a deletion)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int

    def old(self, text: str) -> str:
        return text[self.old_start : self.old_end]

    def new(self, text: str) -> str:
        return text[self.new_start : self.new_end]


def tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def changes(old: str, new: str) -> list[Change]:
    """The word-level changes from `old` to `new` (spaces alone are no change). Each covers
    the spaces around its words that differ too, so that applying the changes to `old` gives
    `new` exactly."""
    before, after = tokens(old), tokens(new)
    matcher = SequenceMatcher(
        None,
        [t.group() for t in before],
        [t.group() for t in after],
        autojunk=max(len(before), len(after)) > _HEURISTIC_FROM,
    )
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            old_start, old_end = _gap(before, i1, i2, len(old))
            new_start, new_end = _gap(after, j1, j2, len(new))
            found.append(_trimmed(old, new, Change(old_start, old_end, new_start, new_end)))
    return found


def _gap(found: list[re.Match[str]], start: int, end: int, length: int) -> tuple[int, int]:
    """From the end of the kept token before tokens `start`–`end` to the start of the kept
    token after them."""
    return (found[start - 1].end() if start else 0), (
        found[end].start() if end < len(found) else length
    )


def _trimmed(old: str, new: str, change: Change) -> Change:
    """The change without the spaces its two sides share at either end."""
    a, b, c, d = change
    while a < b and c < d and old[a] == new[c] and old[a].isspace():
        a, c = a + 1, c + 1
    while a < b and c < d and old[b - 1] == new[d - 1] and old[b - 1].isspace():
        b, d = b - 1, d - 1
    return Change(a, b, c, d)
