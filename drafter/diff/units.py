"""What `drafter diff` compares: the parts of a resolution a delegation talks about when it says
what changed ("PP3", "OP7 (b)", "footnote 4", the title), each with its text and number."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.model import Inline, OperativeParagraph, PreambularParagraph, Resolution, Subparagraph

PARTS = ("heading", "preamble", "operative", "footnote", "closing")


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
        prefix = {"preamble": "PP", "operative": "OP", "footnote": "footnote"}.get(self.part)
        if prefix is None:  # a heading line by its kind ("issue date"), or the closing
            return (self.label or self.part).replace("_", " ")
        number = "" if self.number is None else f" {self.number}"
        return f"{prefix}{number}" + (f" ({self.label})" if self.label else "")


def units(resolution: Resolution) -> dict[str, list[Unit]]:
    """The units of each part, in the order of the text."""
    preamble = [_paragraph(p, "preamble", n) for n, p in enumerate(resolution.preamble, 1)]
    operative = [_paragraph(p, "operative", p.number) for p in resolution.operative]
    footnotes = [
        Unit(
            "footnote",
            note.number or None,
            note.content.text,
            note.content,
            note.mark or None,
            item=note,
        )
        for note in [*resolution.footnotes, *resolution.notes]
    ]
    heading = [
        Unit("heading", None, line.content.text, line.content, line.kind, item=line)
        for line in resolution.heading.lines
    ]
    closing = []
    if resolution.closing is not None:
        parts = [resolution.closing.meeting_text, resolution.closing.date_text or ""]
        closing.append(Unit("closing", None, " ".join(p for p in parts if p), None, "closing"))
    return {
        "heading": heading,
        "preamble": preamble,
        "operative": operative,
        "footnote": footnotes,
        "closing": closing,
    }


def _paragraph(paragraph: PreambularParagraph | OperativeParagraph, part: str, number: int) -> Unit:
    children = [_subparagraph(sub, part, number) for sub in paragraph.subparagraphs]
    content = paragraph.content
    return Unit(part, number, content.text, content, children=children, item=paragraph)


def _subparagraph(sub: Subparagraph, part: str, number: int) -> Unit:
    return Unit(part, number, sub.content.text, sub.content, sub.label, item=sub)
