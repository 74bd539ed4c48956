"""Where a line stands in a resolution, in the words a reader finds it by: "operative paragraph
12 (b)", "footnote 4". For files whose lines a reader cannot count (a PDF, a Word document),
findings name the paragraph as well as the line."""

from __future__ import annotations

from drafter.model import OperativeParagraph, PreambularParagraph, Resolution
from drafter.parser.structure import names_a_resolution
from drafter.positions import Span


def part_at(resolution: Resolution, line: int) -> str:
    """The smallest named part of the resolution that holds `line`, or "" for none."""
    for footnote in resolution.footnotes:  # inside a paragraph, at its page break
        if _holds(footnote.span, line):
            return f"footnote {footnote.number}"
    for note in resolution.notes:
        if _holds(note.span, line):
            return f"note {note.mark}"
    positions: dict[str, int] = {}  # a section's own preamble is counted from 1
    for paragraph in resolution.preamble:
        position = positions[paragraph.division] = positions.get(paragraph.division, 0) + 1
        name = _named(f"preambular paragraph {position}", paragraph, line)
        if name:
            return name + _of_division(paragraph.division)
    for operative in resolution.operative:
        name = _named(_operative_name(operative), operative, line)
        if name:
            return name + _of_division(operative.division)
    if any(_holds(paragraph.span, line) for paragraph in resolution.misplaced):
        return _unnumbered(resolution, line)
    for subheading in resolution.subheadings:
        if _holds(subheading.span, line):
            return f"heading “{subheading.content.text.strip()}”"
    return _outside_paragraphs(resolution, line)


def _unnumbered(resolution: Resolution, line: int) -> str:
    """An unnumbered paragraph among the operative ones is found by the paragraph before it."""
    before = [paragraph for paragraph in resolution.operative if paragraph.span.line < line]
    if not before:
        return "unnumbered paragraph"
    name = _operative_name(before[-1]) + _of_division(before[-1].division)
    return f"unnumbered paragraph after {name}"


def _operative_name(paragraph: OperativeParagraph) -> str:
    return f"operative paragraph {paragraph.number}" if paragraph.numbered else "operative part"


def _named(name: str, paragraph: PreambularParagraph | OperativeParagraph, line: int) -> str:
    """`name`, with the subparagraph's label where `line` is in one: "… 2 (b)"; "" when
    `line` is not in the paragraph."""
    if _holds(paragraph.span, line):
        return name
    for sub in paragraph.subparagraphs:
        if _holds(sub.span, line):
            return f"{name} ({sub.label})"
    return ""


def _of_division(division: str) -> str:
    """ " of resolution B, section II" for the division "B/II"."""
    return " of " + _division_name(division) if division else ""


def _division_name(division: str) -> str:
    labels = division.split("/")
    names = [f"resolution {labels.pop(0)}"] if names_a_resolution(labels[0]) else []
    return ", ".join([*names, *(f"section {label}" for label in labels)])


def _outside_paragraphs(resolution: Resolution, line: int) -> str:
    for heading_line in resolution.heading.lines:
        if _holds(heading_line.span, line):
            return "title" if heading_line.kind == "title" else "heading"
    if resolution.organ is not None and _holds(resolution.organ, line):
        return "organ line"
    closing = resolution.closing
    if closing is not None and any(
        span is not None and _holds(span, line) for span in (closing.span, closing.date_span)
    ):
        return "closing"
    for annex in reversed(resolution.annexes):
        if line >= annex.span.line:
            return annex.label
    instrument = resolution.instrument
    if instrument is not None and line >= instrument.span.line:
        return instrument.label or "the instrument adopted"
    for division in reversed(resolution.divisions):  # its label and title lines
        if line >= division.span.line:
            return "title of " + _division_name(division.label)
    return ""


def _holds(span: Span, line: int) -> bool:
    return span.line <= line <= span.end_line
