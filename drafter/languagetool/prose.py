"""The prose LanguageTool sees of a paragraph, and the way back to the paragraph's text.

Markup never reaches it (the canonical text has none left but footnote calls); footnote calls
are removed; document symbols, cited resolution numbers and placeholders are masked by a
neutral word, so that "A/78/290" is no spelling mistake. Characters outside the Basic
Multilingual Plane are sent as U+FFFD: LanguageTool counts offsets in UTF-16 code units,
and with none of those characters left its offsets are character offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from drafter.model import PLACEHOLDER, Inline, superscript

MASK = "0"


@dataclass
class Prose:
    """The text LanguageTool reads for a paragraph, and the way back to the canonical text."""

    text: str
    # Where each piece of the prose starts, where it came from in the canonical text, and
    # whether it stands for something longer (a mask).
    starts: list[int] = field(default_factory=list)
    origins: list[tuple[int, int, bool]] = field(default_factory=list)

    def to_canonical(self, start: int, end: int) -> tuple[int, int]:
        return self._point(start, end=False), self._point(end, end=True)

    def _point(self, offset: int, *, end: bool) -> int:
        index = max(0, bisect_right(self.starts, offset - (1 if end else 0)) - 1)
        piece_start = self.starts[index]
        origin, length, masked = self.origins[index]
        if masked:
            return origin + (length if end and offset > piece_start else 0)
        return origin + (offset - piece_start)


def prose_of(block: Inline) -> Prose:
    text = block.text
    hidden: list[tuple[int, int, str]] = []  # canonical start, end, replacement
    hidden += [(r.offset, r.offset + len(superscript(r.number)), "") for r in block.footnote_refs]
    hidden += [(c.offset, c.offset + len(c.symbol), MASK) for c in block.citations]
    hidden += [(s.offset, s.offset + len(s.symbol), MASK) for s in block.symbols]
    hidden += [(m.start(), m.end(), MASK) for m in PLACEHOLDER.finditer(text)]
    prose = Prose("")
    pieces: list[str] = []
    cursor = length = 0

    def add(piece: str, origin: int, source_length: int, masked: bool) -> None:
        nonlocal length
        prose.starts.append(length)
        prose.origins.append((origin, source_length, masked))
        pieces.append(piece)
        length += len(piece)

    for start, end, replacement in sorted(set(hidden)):
        if start < cursor:  # overlapping (a symbol inside a placeholder): already hidden
            continue
        if start > cursor:
            add(_bmp(text[cursor:start]), cursor, start - cursor, False)
        add(replacement, start, end - start, True)
        cursor = end
    add(_bmp(text[cursor:]), cursor, len(text) - cursor, False)
    prose.text = "".join(pieces)
    return prose


def _bmp(text: str) -> str:
    if text.isascii():
        return text
    return "".join(ch if ord(ch) <= 0xFFFF else "\ufffd" for ch in text)
