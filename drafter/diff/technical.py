"""Which changes a new session makes as a matter of course ("technical updates").

A change is technical when every word it takes out lies in a technical stretch of the old
text and every word it puts in lies in one of the new: session ordinals, years, dates,
document symbols, footnote calls, the placeholders of `drafter new`, the heading's and the
closing's frame, references that follow their renumbered paragraph, recall lists, so long
as what a list gains is the previous resolution (or one it already cited), and event
updates: an announcement with its date on the old side ("to be held in Baku from 11 to 22
November 2024", "Looking forward to"), a report of the event held with its place and date
on the new ("held in …", "Welcoming"). Everything else is substantive.
"""

from __future__ import annotations

import re
from collections import defaultdict

from drafter import ordinals
from drafter.dates import all_dates
from drafter.diff.units import Unit
from drafter.diff.words import Change
from drafter.events import event_updates
from drafter.model import Inline

_PLACEHOLDER = re.compile(r"\S*\[\[.*?\]\]\S*")  # with the symbol it stands in: "A/79/[[…]]"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERIOD = re.compile(r"\b(?:19|20)\d\d/\d\d\b")  # a reporting period: "2023/24"
_CALL = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_TITLE_SYMBOL = re.compile(r"^\s*\S+/\S+?\.")  # "78/167." before a title
# Heading lines that are the document's frame: each session writes them anew.
_FRAME = {"masthead", "document_symbol", "distribution", "issue_date", "original", "session"}
_FRAME |= {"agenda", "adoption", "basis"}


class Stretches:
    """The technical stretches of each side's texts."""

    def __init__(self, language: str, cited_before: set[str], renumbered: dict[int, int]) -> None:
        self.language = language
        # What a recall list may gain and stay technical: the previous resolution, and what
        # the previous text cited already.
        self.cited_before = cited_before
        # Operative paragraphs' old numbers → new: a reference that follows its paragraph
        # ("paragraph 5 above" → "paragraph 6 above") is renumbering.
        self.renumbered = renumbered

    def covered(self, unit: Unit, new_side: bool) -> bytearray:
        """One flag per character of the unit's text (its own, not its subparagraphs'): 1
        where it is technical."""
        text = unit.text
        flags = bytearray(len(text))
        if unit.part == "closing" or (unit.part == "heading" and unit.label in _FRAME):
            return bytearray(b"\x01" * len(text))
        patterns = [_PLACEHOLDER, _PERIOD, _YEAR, _CALL]
        if unit.label == "title":
            patterns.append(_TITLE_SYMBOL)
        for pattern in patterns:
            for found in pattern.finditer(text):
                _mark(flags, found.start(), found.end())
        for found in all_dates(text, self.language):
            _mark(flags, found.start(), found.end())
        for found in ordinals.session_ordinals(text, self.language):
            _mark(flags, found.start(1), found.end(1))
        # An event announced, then reported as held: the update every recurring text makes.
        for start, end in event_updates(text, self.language, reported=new_side):
            _mark(flags, start, end)
        if unit.inline is not None:
            self._mark_citations(flags, unit.inline, new_side)
            self._mark_references(flags, unit.inline, new_side)
        return flags

    def _mark_references(self, flags: bytearray, inline: Inline, new_side: bool) -> None:
        moved = {old: new for old, new in self.renumbered.items() if old != new}
        followed = set(moved.values()) if new_side else set(moved)
        for reference in inline.references:
            if reference.number in followed:
                start = reference.offset
                _mark(flags, start, start + len(str(reference.number)))

    def _mark_citations(self, flags: bytearray, inline: Inline, new_side: bool) -> None:
        for symbol in inline.symbols:
            _mark(flags, symbol.offset, symbol.offset + len(symbol.symbol))
        lists: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for citation in inline.citations:
            lists[citation.phrase].append((citation.offset, citation.end or citation.offset))
        for phrase, extents in lists.items():
            _mark(flags, min(phrase, *(start for start, _ in extents)), max(e for _, e in extents))
        if new_side:  # a citation the previous text did not have is news, list or not
            for citation in inline.citations:
                if citation.symbol not in self.cited_before:
                    _mark(flags, citation.offset, citation.end or citation.offset, 0)


def is_technical(change: Change, old: tuple[str, bytearray], new: tuple[str, bytearray]) -> bool:
    """Whether every character the change takes out or puts in (spaces aside) is in a
    technical stretch of its side, or the change is noise: the same words but for their
    case, their hyphens or their spacing ("parties" → "Parties", "Agreement²" →
    "Agreement ²")."""
    taken, put = (
        old[0][change.old_start : change.old_end],
        new[0][change.new_start : change.new_end],
    )
    if (taken or put) and _noise(taken) == _noise(put):
        return True
    return _all_covered(old, change.old_start, change.old_end) and _all_covered(
        new, change.new_start, change.new_end
    )


# What a typesetter writes for "-": the non-breaking hyphen and the hyphen character (a soft
# hyphen is dropped).
_HYPHENS = str.maketrans({"\u2011": "-", "\u2010": "-", "\u00ad": None})


def _noise(text: str) -> str:
    """The text as a reader compares it: no case, one kind of hyphen, no spaces."""
    return "".join(text.translate(_HYPHENS).casefold().split())


def _all_covered(side: tuple[str, bytearray], start: int, end: int) -> bool:
    """Every character is technical, spaces aside, and the commas that set off a technical
    stretch (", held in Sevilla, Spain, from 30 June to 3 July 2025,"): a change of
    punctuation alone must be technical itself."""
    text, flags = side
    solid = [i for i in range(start, end) if not text[i].isspace()]
    words = [i for i in solid if text[i] not in ","]
    return all(flags[i] for i in (words or solid))


def _mark(flags: bytearray, start: int, end: int, value: int = 1) -> None:
    end = min(max(start, end), len(flags))
    flags[start:end] = bytes([value]) * (end - start)
