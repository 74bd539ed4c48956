"""Readers of the formats drafter reads besides its text form: each turns a document into that
text form (the text reader is drafter.reader, which hands other formats here)."""

from __future__ import annotations

import re

# What every page of an official document carries besides its text, which a reader drops: the
# job number ("25-20103 (E) 081225") and the page number ("2/6").
JOB_NUMBER = r"\d{2}-\d{5}(?: *\([A-Z]\))?(?: +\d{6})?"
PAGE_NUMBER = r"\d{1,3}/\d{1,3}"
BARCODE = r"\*\d{7,8}\*"  # "*2520103*"
# Markdown's ways of writing what drafter's text form writes otherwise (bold, escapes, "#"
# headings, <sup> calls, underscores): tested by substring first, since most texts hold none,
# but many hold underscores, in their footnote rule.
_MARKDOWN_SIGNS = ("**", "\\", "\n#", "<sup>")
_UNDERSCORE_OPENS = r"(?<![\w*\\_])_[^\s_]|__[^\s_]"
# Something of a copy's page furniture: a job number's start ("25-20103"), or the barcode. Each
# is searched from its first literal character ("-", "*"), which `re` skips to fast; a pattern
# that opens on a digit, or two patterns in one, is tried at every character (0.4 ms a text).
_JOB_NUMBER_TAIL = re.compile(r"-\d{5}")
_BARCODE = re.compile(BARCODE)

_HYPHEN_AT_END = re.compile(r"[^\W\d_]-$")
# The word and what goes with it: its punctuation and its footnote calls ("General;¹⁰").
_FIRST_WORD = re.compile(r"[^\W\d_][\w’'-]*[,.;:)”’]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*[,.;:]*")
# "pre-" / "and post-conflict": a hyphen that waits for its word after "and", "or", "to".
_OWN_HYPHEN = re.compile(r"(?:and|or|to)\b")


def has_other_markdown(text: str) -> bool:
    """Whether `text` may hold Markdown written in another style than drafter's."""
    return (
        any(sign in text for sign in _MARKDOWN_SIGNS)
        or text.startswith("#")
        or ("_" in text and re.search(_UNDERSCORE_OPENS, text) is not None)
    )


def may_be_extracted(text: str) -> bool:
    """Whether `text` may be another program's extraction of a PDF, which
    drafter.readers.extracted reads (and tells for sure): a copy's page furniture, front
    matter, Markdown footnotes or Markdown in another style. Most texts are drafter's own text
    form, and spare themselves the reading and the import."""
    return (
        "[^" in text
        or text.lstrip().startswith("---")
        or has_other_markdown(text)
        or _has_copy_furniture(text)
    )


def _has_copy_furniture(text: str) -> bool:
    for tail in _JOB_NUMBER_TAIL.finditer(text):
        start = tail.start()
        if start >= 2 and text[start - 2 : start].isdecimal():  # isdecimal: what \d matches
            return True
    return _BARCODE.search(text) is not None


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
