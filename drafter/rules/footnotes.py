"""Footnotes: every call has its text, every text its call, numbered in order (CONVENTIONS §1.5)."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.model import SUPERSCRIPT_DIGITS, FootnoteRef, Inline, superscript
from drafter.rules.base import Document, Finding, Fix, Rule, Severity, register


def _calls(document: Document) -> list[tuple[Inline, FootnoteRef]]:
    """Footnote calls in the order of the text (a section's preamble, say, comes after the
    operative paragraphs of the section before), then those inside footnote texts."""
    resolution = document.resolution
    notes = {id(note.content) for note in [*resolution.footnotes, *resolution.notes]}
    calls = [(block, ref) for block in document.blocks for ref in block.footnote_refs]
    body = sorted(
        (call for call in calls if id(call[0]) not in notes), key=lambda call: call[1].span
    )
    return body + [call for call in calls if id(call[0]) in notes]


@register
class CallWithoutText(Rule):
    """Every footnote call has a footnote text of the same number.

    Wrong:
        … du Sommet mondial de 2005²,      (and no "² …" footnote)

    Right:
        … du Sommet mondial de 2005²,
        ² Voir résolution 60/1.
    """

    code = "F001"
    name = "footnote-text-missing"
    severity = Severity.error
    summary = "Every footnote call has a footnote text."

    def check(self, document: Document) -> Iterator[Finding]:
        numbers = {footnote.number for footnote in document.resolution.footnotes}
        for _, ref in _calls(document):
            if ref.number not in numbers:
                yield self.finding(ref.span, f"footnote {ref.number} has no text")


@register
class TextWithoutCall(Rule):
    """Every footnote text is called from the text.

    Wrong:
        ³ A/55/74, annexe II.      (and no ³ in the text)

    Right:
        … adopté lors du premier Sommet du Sud³, …
        ³ A/55/74, annexe II.
    """

    code = "F002"
    name = "footnote-not-called"
    severity = Severity.error
    summary = "Every footnote text is called from the text."

    def check(self, document: Document) -> Iterator[Finding]:
        called = {ref.number for _, ref in _calls(document)}
        for footnote in document.resolution.footnotes:
            if footnote.number not in called:
                yield self.finding(footnote.span, f"footnote {footnote.number} is never called")


@register
class CallOrder(Rule):
    """Footnotes are first called in ascending order, 1, 2, 3 …, without gaps.

    A footnote may be called again later (62/209 calls footnote 1 twice); a new footnote
    takes the next number.

    Wrong:
        … de 2005³, … du Sud²,

    Right:
        … de 2005², … du Sud³,
    """

    code = "F003"
    name = "footnote-order"
    severity = Severity.error
    summary = "Footnotes are first called in the order 1, 2, 3 … without gaps."

    def check(self, document: Document) -> Iterator[Finding]:
        highest = 0
        for _, ref in _calls(document):
            if ref.number <= highest:
                continue  # a repeated call
            if ref.number != highest + 1:
                yield self.finding(
                    ref.span, f"footnote {ref.number} is called before footnote {highest + 1}"
                )
            highest = max(highest, ref.number)


@register
class DuplicateFootnote(Rule):
    """Two footnote texts have the same number.

    Wrong:
        ⁴ A/58/683, annexe II.
        ⁴ A/60/111, annexe II.

    Right:
        ⁴ A/58/683, annexe II.
        ⁵ A/60/111, annexe II.
    """

    code = "F004"
    name = "footnote-duplicate"
    severity = Severity.error
    summary = "No two footnote texts have the same number."

    def check(self, document: Document) -> Iterator[Finding]:
        seen: set[int] = set()
        for footnote in document.resolution.footnotes:
            if footnote.number in seen:
                yield self.finding(footnote.span, f"a second footnote {footnote.number}")
            seen.add(footnote.number)


_PUNCTUATION = ",;.:"  # what a call stands before in French, after in English


@register
class CallPlacement(Rule):
    """A footnote call stands on the side of the punctuation its language puts it: before
    it in French, after it in English. Several calls at one point are separated by commas,
    which stay between them.

    Wrong (fr):
        … du Sommet mondial de 2005,²

    Right (fr):
        … du Sommet mondial de 2005²,

    Wrong (en):
        … of the 2005 World Summit²,

    Right (en):
        … of the 2005 World Summit,²
    """

    code = "F005"
    name = "footnote-call-placement"
    severity = Severity.warning
    summary = "A footnote call stands before the punctuation (fr) or after it (en)."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        before_punctuation = document.words.setting("call_before_punctuation")
        for block, ref in _calls(document):
            text, start = block.text, ref.offset
            end = start + len(superscript(ref.number))
            if before_punctuation:  # the run of punctuation before the call moves after it
                run_start = start
                while run_start > 1 and text[run_start - 1] in _PUNCTUATION:
                    run_start -= 1
                run = text[run_start:start]
                if not run or text[run_start - 1] in SUPERSCRIPT_DIGITS:  # "¹,²": a separator
                    continue
                edits = (
                    document.edit(block, run_start, start, ""),
                    document.edit(block, end, end, run),
                )
                message = f'write the call before the "{run}"'
            else:  # the run of punctuation after the call moves before it
                run_end = end
                while run_end < len(text) and text[run_end] in _PUNCTUATION:
                    run_end += 1
                run = text[end:run_end]
                if not run or text[run_end : run_end + 1] in tuple(SUPERSCRIPT_DIGITS):
                    continue
                edits = (
                    document.edit(block, start, start, run),
                    document.edit(block, end, run_end, ""),
                )
                message = f'write the call after the "{run}"'
            yield self.finding(ref.span, message, Fix(edits))
