"""Write an `Inline` back as text with its markup: the inverse of drafter.parser.inline.

The canonical text already holds the footnote calls (as superscript digits) and every word;
only the italics need their asterisks back. Changes (from the updates for the next session)
are applied on the way, in canonical offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from drafter.model import Inline

ITALIC = "*"


@dataclass(frozen=True)
class Change:
    """Replace the canonical text between two offsets (equal offsets: insert)."""

    start: int
    end: int
    text: str


def markup(inline: Inline, changes: Iterable[Change] = ()) -> str:
    # At one offset: an italic span closes before any change, and opens after an insertion,
    # so that an insertion at the edge of italics stays outside them; it opens before a
    # replacement, which takes the italics of the words it replaces ("*Eightieth*" →
    # "*Eighty-first*").
    closing, insertion, opening, replacement = 0, 1, 2, 3
    steps: list[tuple[int, int, int, str]] = []
    for start, end in inline.italics:
        steps.append((start, opening, start, ITALIC))
        steps.append((end, closing, end, ITALIC))
    steps.extend(
        (c.start, insertion if c.start == c.end else replacement, c.end, c.text) for c in changes
    )
    steps.sort(key=lambda step: (step[0], step[1]))
    text = inline.text
    pieces: list[str] = []
    cursor = 0
    for at, _kind, end, inserted in steps:
        if at > cursor:
            pieces.append(text[cursor:at])
            cursor = at
        pieces.append(inserted)
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "".join(pieces)
