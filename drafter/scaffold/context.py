"""The context a template of templates/ receives: the resolution as lines of marked-up text.

language      "fr"
session       the new session's number
heading       [str]  each line of the heading block
organ         "L'Assemblée générale,"
preamble      [{"text": str, "subparagraphs": [{"marker": "a)", "text": str}]}]
operative     [{"number": int, "text": str, "subparagraphs": [...]}]
misplaced     [str]  paragraphs the previous text had out of place, kept
closing       {"meeting": "49^e séance plénière", "date": str | None, "italic": bool} | None
trailing      [str]  lines after the closing, kept
footnotes     [{"mark": "¹", "text": str}]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drafter.dates import spell
from drafter.model import (
    Inline,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    superscript,
)
from drafter.scaffold.markup import markup

Write = Callable[[Inline], str]


def context_of(
    resolution: Resolution,
    write: Write = markup,
    session: int | None = None,
    closing: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The context of `resolution`, each text written by `write` (which may change it)."""
    return {
        "language": resolution.language,
        "session": session or resolution.session,
        "heading": [write(line.content) for line in resolution.heading.lines],
        "organ": resolution.organ_text,
        "preamble": [_preambular(p, write) for p in resolution.preamble],
        "operative": [_operative(p, write) for p in resolution.operative],
        "misplaced": [write(p.content) for p in resolution.misplaced],
        "closing": closing if closing is not None else _closing(resolution),
        "trailing": [write(inline) for inline in resolution.trailing],
        "footnotes": [
            {"mark": superscript(f.number), "text": write(f.content)} for f in resolution.footnotes
        ],
    }


def _preambular(paragraph: PreambularParagraph, write: Write) -> dict[str, Any]:
    return {"text": write(paragraph.content), "subparagraphs": _subparagraphs(paragraph, write)}


def _operative(paragraph: OperativeParagraph, write: Write) -> dict[str, Any]:
    return {
        "number": paragraph.number if paragraph.numbered else None,
        "text": write(paragraph.content),
        "subparagraphs": _subparagraphs(paragraph, write),
    }


def _subparagraphs(
    paragraph: PreambularParagraph | OperativeParagraph, write: Write
) -> list[dict[str, str]]:
    return [_subparagraph(sub, write) for sub in paragraph.subparagraphs]


def _subparagraph(sub: Subparagraph, write: Write) -> dict[str, str]:
    return {"marker": sub.marker, "text": write(sub.content)}


def _closing(resolution: Resolution) -> dict[str, Any] | None:
    closing = resolution.closing
    if closing is None:
        return None
    date = closing.date_text
    if date is None and closing.date is not None:
        date = spell(closing.date, resolution.language)
    return {"meeting": closing.meeting_text, "date": date, "italic": closing.italic}
