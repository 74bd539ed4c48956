"""The context a template of templates/ receives: the resolution as lines of marked-up text.

language      "fr"
session       the new session's number
heading       [str]  each line of the heading block
organ         "L'Assemblée générale,"
decision      str | None  the one sentence of a decision, which has no paragraphs
decision_items [{"marker": "(a)", "text": str}]  its lettered items, where it leads into them
body          the paragraphs and the heads of sections in the order of the text, each with its
              "kind": "preambular" {"text", "subparagraphs"}, "operative" {"number", "text",
              "subparagraphs"}, "misplaced" {"text"} (kept where it stood), "subheading"
              {"text"} (a heading among the paragraphs: "Panel of Experts on Haiti"), "division"
              {"label": "II", "title": str | None, "organ": str | None (the organ line again,
              when the division is resolution "B")}, "instrument" {"label", "lines"} (an
              instrument the resolution adopts, set out in its body: "The Pact for the Future"),
              "table" {"rows": [[str]]} (a paragraph's table, where it stands)
preamble      [{"text": str, "subparagraphs": [{"marker": "a)", "text": str}],
                "tables": [[[str]]] (each table's rows of cells)}]
operative     [{"number": int, "text": str, "subparagraphs": [...], "tables": [...]}]
misplaced     [str]  paragraphs the previous text had out of place, kept
closing       {"meeting": "49^e séance plénière", "date": str | None, "italic": bool} | None
trailing      [str]  lines after the closing, kept
annexes       [{"label": "Annex I", "lines": [str]}]
footnotes     [{"mark": "¹", "text": str}]
notes         [{"mark": "*", "text": str}]  notes marked with asterisks (a draft's sponsor)
(body holds what preamble, operative and misplaced hold, and the divisions: a template that
lays out resolutions with sections or resolutions A and B reads body.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drafter.dates import spell
from drafter.model import (
    Annex,
    Division,
    Inline,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subheading,
    Subparagraph,
    Table,
    superscript,
)
from drafter.parser.structure import names_a_resolution
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
        "decision": write(resolution.decision) if resolution.decision else None,
        "decision_items": [_subparagraph(item, write) for item in resolution.decision_items],
        "body": _body(resolution, write),
        "preamble": [_preambular(p, write) for p in resolution.preamble],
        "operative": [_operative(p, write) for p in resolution.operative],
        "misplaced": [write(p.content) for p in resolution.misplaced],
        "closing": closing if closing is not None else _closing(resolution),
        "trailing": [write(inline) for inline in resolution.trailing],
        "annexes": [_annex(annex, write) for annex in resolution.annexes],
        "footnotes": [
            {"mark": superscript(f.number), "text": write(f.content)} for f in resolution.footnotes
        ],
        "notes": [{"mark": note.mark, "text": write(note.content)} for note in resolution.notes],
    }


def _body(resolution: Resolution, write: Write) -> list[dict[str, Any]]:
    """The context's "body": `Resolution.body()` as the template reads them."""
    body: list[dict[str, Any]] = []
    for kind, item in resolution.body():
        if isinstance(item, Annex):  # an instrument the resolution adopts
            body.append({"kind": kind, **_annex(item, write)})
        elif isinstance(item, Table):
            body.append(
                {"kind": kind, "rows": [[write(cell) for cell in row] for row in item.rows]}
            )
        elif isinstance(item, Division):
            body.append(_division(item, resolution))
        elif isinstance(item, Subheading) or kind == "misplaced":
            body.append({"kind": kind, "text": write(item.content)})
        elif isinstance(item, OperativeParagraph):
            body.append({"kind": kind, **_operative(item, write)})
        else:
            body.append({"kind": kind, **_preambular(item, write)})
    return body


def _annex(annex: Annex, write: Write) -> dict[str, Any]:
    return {"label": annex.label, "lines": [write(line) for line in annex.lines]}


def _division(division: Division, resolution: Resolution) -> dict[str, Any]:
    opens_resolution = names_a_resolution(division.label)
    return {
        "kind": "division",
        "label": division.label,
        "title": division.title,
        "organ": resolution.organ_text if opens_resolution else None,
    }


def _preambular(paragraph: PreambularParagraph, write: Write) -> dict[str, Any]:
    return {
        "text": write(paragraph.content),
        "subparagraphs": _subparagraphs(paragraph, write),
        "tables": _tables(paragraph, write),
    }


def _operative(paragraph: OperativeParagraph, write: Write) -> dict[str, Any]:
    return {
        "number": paragraph.number if paragraph.numbered else None,
        "text": write(paragraph.content),
        "subparagraphs": _subparagraphs(paragraph, write),
        "tables": _tables(paragraph, write),
    }


def _tables(
    paragraph: PreambularParagraph | OperativeParagraph, write: Write
) -> list[list[list[str]]]:
    return [[[write(cell) for cell in row] for row in table.rows] for table in paragraph.tables]


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
