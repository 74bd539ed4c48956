"""Closing: the plenary meeting line and its date (CONVENTIONS §1.7 and §5)."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.model import PLACEHOLDER
from drafter.ordinals import meeting_suffix
from drafter.positions import Span
from drafter.rules.base import Document, Edit, Finding, Fix, Rule, Severity, register


def _end_of_text(document: Document) -> Span:
    resolution = document.resolution
    last = resolution.operative[-1].span if resolution.operative else Span(1, 1, 1, 1)
    return Span(last.end_line, last.end_column, last.end_line, last.end_column)


@register
class ClosingMissing(Rule):
    """An adopted resolution ends with its plenary meeting line and date.

    Wrong:
        26. *Décide* d'inscrire …
        (nothing after)

    Right:
        26. *Décide* d'inscrire …
        49e séance plénière
        19 décembre 2023
    """

    code = "C001"
    name = "closing-missing"
    severity = Severity.error
    summary = "An adopted text ends with its plenary meeting line."
    profiles = ("adopted",)

    def check(self, document: Document) -> Iterator[Finding]:
        if document.resolution.closing is None:
            words = document.words
            example = f"{49}{meeting_suffix(49, words.language)} {words.phrases('meeting')[0]}"
            yield self.finding(
                _end_of_text(document),
                f'the plenary line is missing: add "{example}" and the date',
            )


@register
class ClosingInDraft(Rule):
    """A draft has no plenary meeting line: the meeting is not yet held.

    Wrong (in a draft):
        49e séance plénière

    Right:
        (no plenary line until the text is adopted)
    """

    code = "C002"
    name = "closing-in-draft"
    severity = Severity.error
    summary = "A draft has no plenary meeting line."
    profiles = ("draft",)

    def check(self, document: Document) -> Iterator[Finding]:
        closing = document.resolution.closing
        if closing is not None:
            yield self.finding(closing.span, "a draft has no plenary line: remove it")


@register
class ClosingDate(Rule):
    """The plenary line's date is a real date, equal to the adoption date of the heading.

    Wrong:
        Résolution adoptée par l'Assemblée générale le 19 décembre 2023
        …
        49e séance plénière
        18 décembre 2023

    Right:
        49e séance plénière
        19 décembre 2023
    """

    code = "C003"
    name = "closing-date"
    severity = Severity.error
    summary = "The plenary line's date is a real date and the adoption date."
    profiles = ("adopted", "extract")

    def check(self, document: Document) -> Iterator[Finding]:
        closing = document.resolution.closing
        if closing is None:
            return
        adopted_on = document.resolution.adopted_on
        if closing.date_span is None:
            yield self.finding(closing.span, "the plenary line has no date under it")
        elif closing.date is None and not PLACEHOLDER.search(closing.date_text or ""):
            yield self.finding(closing.date_span, "the plenary line's date is not a real date")
        elif adopted_on and closing.date and closing.date != adopted_on:
            yield self.finding(
                closing.date_span,
                f"the plenary line is dated {closing.date.isoformat()}, but the text was "
                f"adopted on {adopted_on.isoformat()}",
            )


@register
class MeetingNumber(Rule):
    """The plenary meeting number is a positive integer.

    Wrong:
        0e séance plénière

    Right:
        49e séance plénière
    """

    code = "C004"
    name = "meeting-number"
    severity = Severity.error
    summary = "The plenary meeting number is a positive integer."

    def check(self, document: Document) -> Iterator[Finding]:
        closing = document.resolution.closing
        if closing is not None and closing.meeting is not None and closing.meeting < 1:
            yield self.finding(closing.span, f"meeting number {closing.meeting} is not positive")


@register
class MeetingOrdinal(Rule):
    """The meeting number's ordinal suffix is the one its number takes.

    English: 51st, 52nd, 53rd, but 11th, 12th, 13th; French: 1re, then 2e, 21e.

    Wrong:
        52rd plenary meeting

    Right:
        52nd plenary meeting
    """

    code = "C005"
    name = "meeting-ordinal"
    severity = Severity.error
    summary = "The meeting number takes its own ordinal suffix (52nd, 1re)."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        closing = document.resolution.closing
        if closing is None:
            return
        if closing.meeting is None or closing.suffix_span is None:
            return
        right = meeting_suffix(closing.meeting, document.resolution.language)
        written = closing.suffix.lstrip("^")
        if written.replace("ᵉ", "e") == right:
            return
        caret = "^" if closing.suffix.startswith("^") else ""
        start, end = document.offsets(closing.suffix_span)
        yield self.finding(
            closing.suffix_span,
            f"write {closing.meeting}{caret}{right}, not {closing.meeting}{closing.suffix}",
            Fix((Edit(start, end, caret + right),)),
        )
