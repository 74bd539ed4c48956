"""Readers of the formats drafter reads besides its text form: each turns a document into that
text form (the text reader is drafter.reader, which hands other formats here)."""

from __future__ import annotations

import re

# What every page of an official document carries besides its text, which a reader drops: the
# job number ("25-20103 (E) 081225") and the page number ("2/6").
JOB_NUMBER = r"\d{2}-\d{5}(?: *\([A-Z]\))?(?: +\d{6})?"
PAGE_NUMBER = r"\d{1,3}/\d{1,3}"

_HYPHEN_AT_END = re.compile(r"[^\W\d_]-$")
# The word and what goes with it: its punctuation and its footnote calls ("General;¹⁰").
_FIRST_WORD = re.compile(r"[^\W\d_][\w’'-]*[,.;:)”’]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*[,.;:]*")
# "pre-" / "and post-conflict": a hyphen that waits for its word after "and", "or", "to".
_OWN_HYPHEN = re.compile(r"(?:and|or|to)\b")


def rejoin_cut_word(line: str, following: str) -> tuple[str, str] | None:
    """A word cut after its own hyphen at a line's end ("self-" / "determination, without")
    made whole on the first line ("self-determination,"), the rest left on the next: the UN
    does not hyphenate words of its own accord, so the hyphen is the word's. None where the
    line does not end so."""
    if not _HYPHEN_AT_END.search(line) or _OWN_HYPHEN.match(following):
        return None
    word = _FIRST_WORD.match(following)
    if word is None:
        return None
    return line + word.group(), following[word.end() :].lstrip()
