"""What `drafter diff` compares: the parts of a resolution a delegation talks about when it says
what changed ("PP3", "OP7 (b)", "footnote 4", the title), each with its text and number."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.model import (
    Annex,
    Division,
    Inline,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
    Table,
)

PARTS = ("heading", "preamble", "operative", "annex", "footnote", "closing")
# How a delegation names a paragraph of a part: "PP 3", "OP 7", "footnote 4".
SHORT_NAMES = {"preamble": "PP", "operative": "OP", "footnote": "footnote"}


def short_name(part: str) -> str:
    """A part's short name ("PP", "OP"), or the part's own ("annex")."""
    return SHORT_NAMES.get(part, part)


@dataclass
class Unit:
    """A paragraph (or heading line, footnote, subparagraph, closing line) and its text."""

    part: str  # one of PARTS
    number: int | None  # operative or footnote number, preambular position (from 1)
    text: str
    inline: Inline | None = None  # where the text comes from (None: the closing line)
    label: str | None = None  # a subparagraph's ("b"), or a heading line's kind ("title")
    children: list[Unit] = field(default_factory=list)  # its subparagraphs
    item: Any = None  # what it is in the model: a paragraph, heading line, footnote …

    @property
    def full_text(self) -> str:
        """The text with its subparagraphs', which a paragraph is aligned by."""
        return " ".join([self.text, *(child.full_text for child in self.children)])

    @property
    def name(self) -> str:
        """How a delegation names it: "PP 3", "OP 7 (b)", "footnote 4", "title"."""
        prefix = SHORT_NAMES.get(self.part)
        if self.part == "annex" and self.number is not None:
            prefix = "annex, paragraph"
        if prefix is None:  # a heading line by its kind ("issue date"), the closing, an annex
            return (self.label or self.part).replace("_", " ")
        number = "" if self.number is None else f" {self.number}"
        return f"{prefix}{number}" + (f" ({self.label})" if self.label else "")


def units(resolution: Resolution) -> dict[str, list[Unit]]:
    """The units of each part, in the order of the text. A section's head and a subheading
    stand among the operative paragraphs (part "heading"), where they are; a decision's one
    sentence is its operative part; an annex's lines are numbered from 1."""
    preamble: list[Unit] = []
    operative: list[Unit] = []
    for kind, item in resolution.body():
        if isinstance(item, Annex | Table):  # an annex's lines; its paragraph's rows
            continue
        if isinstance(item, PreambularParagraph):  # in the preamble, or out of place
            preamble.append(_paragraph(item, "preamble", len(preamble) + 1))
        elif isinstance(item, OperativeParagraph):
            operative.append(_paragraph(item, "operative", item.number))
        elif isinstance(item, Division):
            head = " ".join(filter(None, [item.label, item.title]))
            operative.append(Unit("heading", None, head, None, f"section {item.label}", item=item))
        else:
            text = item.content.text
            operative.append(Unit("heading", None, text, item.content, kind, item=item))
    if resolution.decision is not None:
        decision = resolution.decision
        items = [_subparagraph(item, "operative", 1) for item in resolution.decision_items]
        operative.append(
            Unit("operative", None, decision.text, decision, children=items, item=decision)
        )
    return {
        "heading": [
            Unit("heading", None, line.content.text, line.content, line.kind, item=line)
            for line in resolution.heading.lines
        ],
        "preamble": preamble,
        "operative": operative,
        "annex": [
            unit
            for annex in filter(None, [resolution.instrument, *resolution.annexes])
            for unit in _annex(annex)
        ],
        "footnote": [
            Unit(
                "footnote",
                note.number or None,
                note.content.text,
                note.content,
                note.mark or None,
                item=note,
            )
            for note in [*resolution.footnotes, *resolution.notes]
        ],
        "closing": _closing(resolution),
    }


def _annex(annex: Annex) -> list[Unit]:
    head = Unit("annex", None, annex.label, None, annex.label, item=annex)
    return [
        head,
        *(Unit("annex", n, line.text, line, item=line) for n, line in enumerate(annex.lines, 1)),
    ]


def _closing(resolution: Resolution) -> list[Unit]:
    if resolution.closing is None:
        return []
    parts = [resolution.closing.meeting_text, resolution.closing.date_text or ""]
    return [Unit("closing", None, " ".join(p for p in parts if p), None, "closing")]


def _paragraph(paragraph: PreambularParagraph | OperativeParagraph, part: str, number: int) -> Unit:
    children = [_subparagraph(sub, part, number) for sub in paragraph.subparagraphs]
    children += [  # a table's rows, "OP 17 (table row 2)"
        Unit(part, number, text, None, f"table row {at}", item=table)
        for table in paragraph.tables
        for at, text in enumerate(table.row_texts(), start=1)
    ]
    content = paragraph.content
    return Unit(part, number, content.text, content, children=children, item=paragraph)


def _subparagraph(sub: Subparagraph, part: str, number: int) -> Unit:
    return Unit(part, number, sub.content.text, sub.content, sub.label, item=sub)
