"""Numbering: operative paragraphs 1…N; subparagraphs a), b) … and i), ii) … (§1.3-1.4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from drafter.model import OperativeParagraph, Subparagraph
from drafter.rules.base import Document, Edit, Finding, Fix, Rule, Severity, register


@register
class OperativeNumbering(Rule):
    """Operative paragraphs are numbered 1, 2, 3 … without gaps or repeats.

    Renumbering is an unsafe fix (it may not be the numbers that are wrong, but a paragraph
    missing). It renumbers the references to the paragraphs it renumbers ("paragraph 5
    above" follows its paragraph, when its number was not repeated); N004 checks the rest.

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
            )
            + tuple(_followed_references(document, expected)),
            safe=False,
        )
        # Each break in the sequence is reported once, where it happens: a number missing
        # makes every later paragraph's differ from its count, but only one is wrong.
        previous = 0
        for index, paragraph in enumerate(operative):
            if not paragraph.numbered:
                continue
            if paragraph.number != _following(operative, index, previous):
                yield self.finding(
                    paragraph.number_span, _misnumbered(previous, paragraph.number), renumbering
                )
            previous = paragraph.number


def _followed_references(document: Document, expected: list[int]) -> Iterator[Edit]:
    """The references that follow their paragraph to its new number: those to a number that
    one paragraph only had (a repeated number does not say which is meant)."""
    operative = document.resolution.operative
    counted = Counter(p.number for p in operative if p.numbered)
    renumbered = {
        p.number: number
        for p, number in zip(operative, expected, strict=True)
        if p.numbered and counted[p.number] == 1 and p.number != number
    }
    for block in document.resolution.blocks():
        for reference in block.references:
            if reference.number in renumbered:
                start, end = document.offsets(reference.span)
                yield Edit(start, end, str(renumbered[reference.number]))


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


def _following(operative: list[OperativeParagraph], index: int, previous: int) -> int:
    """The number paragraph `index` should have after one numbered `previous`: 1 at the
    start, and at the start of a section or resolution that numbers anew."""
    paragraph = operative[index]
    restarts = index and paragraph.division != operative[index - 1].division
    if previous == 0 or (restarts and paragraph.number == 1):
        return 1
    return previous + 1


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
        opener = document.words.setting("label_open")
        closer = document.words.setting("label_close")
        for paragraph in document.paragraphs:
            expected = {1: 0, 2: 0}
            for sub in paragraph.subparagraphs:
                if sub.level not in expected:
                    continue
                want = _label(sub.level, expected[sub.level])
                if sub.label != want:
                    written = f"{opener}{want}{closer}"
                    yield self.finding(sub.span, f"subparagraph {sub.marker} should be {written}")
                expected[sub.level] += 1
                if sub.level == 1:
                    expected[2] = 0


def _label(level: int, position: int) -> str:
    """The label at `position` (from 0) of a degree: after (z) the UN doubles the letter,
    (aa), (bb) … (A/RES/79/152); the second degree counts in Roman numerals."""
    if level == 1:
        return chr(ord("a") + position % 26) * (position // 26 + 1)
    return roman(position + 1).lower()


def roman(number: int) -> str:
    """1 → "I", 14 → "XIV"."""
    written = ""
    for value, letters in _ROMAN_VALUES:
        count, number = divmod(number, value)
        written += letters * count
    return written


_ROMAN_VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


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


@register
class CrossReference(Rule):
    """A reference to a paragraph of the text points to a paragraph that exists.

    "Paragraph 5 above", "paragraphs 3 and 4 of the present resolution", "subparagraph (b) of
    paragraph 3", "paragraphe 5 ci-dessus": the paragraph, and the subparagraph, must be in
    the text. Such references are the first to go wrong when a paragraph is inserted or
    dropped; N001's renumbering fix carries them along with their paragraphs.

    Wrong (a text of four operative paragraphs):
        4. *Requests* the Secretary-General to report on the implementation of paragraph 6
        above.

    Right:
        4. *Requests* the Secretary-General to report on the implementation of paragraph 2
        above.
    """

    code = "N004"
    name = "cross-reference"
    severity = Severity.error
    summary = "A reference to a paragraph of the text points to one (and a subparagraph) it has."

    def check(self, document: Document) -> Iterator[Finding]:
        by_number = {p.number: p for p in document.resolution.operative if p.numbered}
        if not by_number:  # an extract without its operative part: nothing to point to
            return
        last = max(by_number)
        for block in document.resolution.blocks():
            for reference in block.references:
                target = by_number.get(reference.number)
                if target is None:
                    yield self.finding(
                        reference.span,
                        f"there is no paragraph {reference.number}: the operative paragraphs"
                        f" run from 1 to {last}",
                    )
                elif reference.label and reference.label not in {
                    sub.label for sub in target.subparagraphs
                }:
                    yield self.finding(
                        reference.span,
                        f"paragraph {reference.number} has no subparagraph {reference.label}",
                    )
