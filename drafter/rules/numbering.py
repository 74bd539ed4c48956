"""Numbering: operative paragraphs 1…N; subparagraphs a), b) … and i), ii) … (§1.3-1.4)."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.model import OperativeParagraph, Subparagraph
from drafter.rules.base import Document, Edit, Finding, Fix, Rule, Severity, register

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"]
ROMAN += ["xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]


@register
class OperativeNumbering(Rule):
    """Operative paragraphs are numbered 1, 2, 3 … without gaps or repeats.

    Renumbering is an unsafe fix: the text may refer to "paragraph 5 above", which a
    renumbering would silently make wrong; check such references after `--unsafe-fixes`.

    Wrong:
        1. *Décide* …;
        3. *Prie* …

    Right:
        1. *Décide* …;
        2. *Prie* …
    """

    code = "N001"
    name = "operative-numbering"
    severity = Severity.error
    summary = "Operative paragraphs are numbered 1…N without gaps or repeats."
    fixable = "unsafe"

    def check(self, document: Document) -> Iterator[Finding]:
        operative = document.resolution.operative
        expected = _expected_numbers(operative)
        renumbering = Fix(
            tuple(
                Edit(*document.offsets(p.number_span), f"{number}.")
                for number, p in zip(expected, operative, strict=True)
                if p.number != number
            ),
            safe=False,
        )
        previous = 0
        for paragraph, number in zip(operative, expected, strict=True):
            if paragraph.number != number:
                yield self.finding(
                    paragraph.number_span, _misnumbered(previous, paragraph.number), renumbering
                )
            if paragraph.numbered:
                previous = paragraph.number


def _expected_numbers(operative: list[OperativeParagraph]) -> list[int]:
    """1, 2, 3 … through the text; a section or resolution ("II", "B") whose first paragraph
    is numbered 1 starts again at 1 (budget texts number each section anew). A section's only
    paragraph has no number and takes none from the count."""
    expected: list[int] = []
    count = 0
    for index, paragraph in enumerate(operative):
        if not paragraph.numbered:
            expected.append(paragraph.number)
            continue
        new_division = index and paragraph.division != operative[index - 1].division
        count = 1 if not count or (new_division and paragraph.number == 1) else count + 1
        expected.append(count)
    return expected


def _misnumbered(previous: int, number: int) -> str:
    if previous == 0:
        return f"the first operative paragraph is numbered {number}: numbering starts at 1"
    return f"paragraph {number} follows paragraph {previous}: {_what(previous, number)}"


def _what(previous: int, number: int) -> str:
    if number == previous:
        return f"number {number} is repeated"
    if number == previous + 2:
        return f"number {previous + 1} is missing"
    if number > previous + 2:
        return f"numbers {previous + 1}–{number - 1} are missing"
    return f"expected {previous + 1}"


@register
class SubparagraphSequence(Rule):
    """Subparagraphs run a), b), c) …, and within each, i), ii), iii) …

    Wrong:
        a) …;
        c) …;

    Right:
        a) …;
        b) …;
    """

    code = "N002"
    name = "subparagraph-sequence"
    severity = Severity.error
    summary = "Subparagraph labels run a), b), c) … and i), ii), iii) … in sequence."

    def check(self, document: Document) -> Iterator[Finding]:
        for paragraph in document.paragraphs:
            expected = {1: 0, 2: 0}
            for sub in paragraph.subparagraphs:
                if sub.level not in expected:
                    continue
                want = _label(sub.level, expected[sub.level])
                if sub.label != want:
                    yield self.finding(sub.span, f"subparagraph {sub.marker} should be {want})")
                expected[sub.level] += 1
                if sub.level == 1:
                    expected[2] = 0


def _label(level: int, position: int) -> str:
    if level == 1:
        return chr(ord("a") + position) if position < 26 else "?"
    return ROMAN[position] if position < len(ROMAN) else "?"


@register
class SubparagraphLabelForm(Rule):
    """Subparagraph labels take the form of the text's language.

    French (and Spanish) write a), b) and i), ii); English writes (a), (b) and (i), (ii).

    Wrong (French):
        (a) les États Membres;

    Right:
        a) les États Membres;
    """

    code = "N003"
    name = "subparagraph-label-form"
    severity = Severity.error
    summary = "Subparagraph labels are written a) in French, (a) in English."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        opener = document.words.setting("label_open")
        closer = document.words.setting("label_close")
        for paragraph in document.paragraphs:
            for sub in paragraph.subparagraphs:
                if sub.level > 2:
                    continue
                want = f"{opener}{sub.label}{closer}"
                if sub.marker != want:
                    yield self.finding(
                        sub.span,
                        f"write the label {sub.marker} as {want}",
                        Fix((_marker_edit(document, sub, want),)),
                    )


def _marker_edit(document: Document, sub: Subparagraph, replacement: str) -> Edit:
    start, _ = document.offsets(sub.span)
    return Edit(start, start + len(sub.marker), replacement)
