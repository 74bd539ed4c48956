"""Heading consistency: session, symbols and dates agree (CONVENTIONS §1.1, §3, §4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter import ordinals, sessions
from drafter.model import PLACEHOLDER
from drafter.rules.base import Document, Finding, Fix, Rule, Severity, register


@register
class SessionMatchesSymbol(Rule):
    """The session of the heading is the session of the resolution's symbol.

    Wrong:
        Soixante-dix-septième session
        …
        78/167. Coopération Sud-Sud

    Right:
        Soixante-dix-huitième session
        …
        78/167. Coopération Sud-Sud
    """

    code = "H001"
    name = "session-matches-symbol"
    severity = Severity.error
    summary = "The session line names the session of the resolution's symbol."

    def check(self, document: Document) -> Iterator[Finding]:
        heading = document.resolution.heading
        line = heading.first("session")
        of_symbol = sessions.of_symbol(heading.symbol)
        if line and heading.session and of_symbol and heading.session != of_symbol:
            yield self.finding(
                line.span,
                f"the heading names session {heading.session}, but {heading.symbol} belongs "
                f"to session {of_symbol}",
            )


@register
class SessionOrdinal(Rule):
    """The session is spelled out as the United Nations spells it, with a capital.

    Wrong:
        Soixante dix-huitième session
        78e session

    Right:
        Soixante-dix-huitième session
    """

    code = "H002"
    name = "session-ordinal"
    severity = Severity.error
    summary = "The session line spells the ordinal as the UN does."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        heading = document.resolution.heading
        line = heading.first("session")
        written = heading.session_ordinal
        if line is None or written is None:
            return
        number = ordinals.value(written, document.resolution.language)
        if number is None:
            yield self.finding(line.span, f'"{written}" is not a session ordinal the UN writes')
            return
        right = ordinals.spell(number, document.resolution.language)
        right = right[0].upper() + right[1:]
        if written != right:
            fix = Fix((document.edit(line.content, 0, len(written), right),))
            yield self.finding(line.span, f'write the session as "{right}"', fix)


@register
class ReportSession(Rule):
    """The report named in the basis line belongs to the same session as the resolution.

    Wrong:
        [sur la base du rapport de la Deuxième Commission (A/77/465/Add.2, par. 7)]
        78/167. Coopération Sud-Sud

    Right:
        [sur la base du rapport de la Deuxième Commission (A/78/465/Add.2, par. 7)]
        78/167. Coopération Sud-Sud
    """

    code = "H003"
    name = "report-session"
    severity = Severity.error
    summary = "The basis line's report symbol is of the resolution's session."

    def check(self, document: Document) -> Iterator[Finding]:
        heading = document.resolution.heading
        basis = heading.first("basis")
        session = sessions.of_symbol(heading.symbol) or heading.session
        if basis is None or session is None:
            return
        for symbol in basis.content.symbols:
            of_symbol = sessions.of_symbol(symbol.symbol)
            if of_symbol and of_symbol != session:
                yield self.finding(
                    symbol.span,
                    f"{symbol.symbol} is a document of session {of_symbol}, "
                    f"not of session {session}",
                )


@register
class AdoptionInSession(Rule):
    """The adoption date falls within the session (September 1945+N to September 1946+N).

    Wrong:
        Soixante-dix-huitième session
        Résolution adoptée par l'Assemblée générale le 19 décembre 2022

    Right:
        Soixante-dix-huitième session
        Résolution adoptée par l'Assemblée générale le 19 décembre 2023
    """

    code = "H004"
    name = "adoption-in-session"
    severity = Severity.error
    summary = "The adoption date falls within the resolution's session."

    def check(self, document: Document) -> Iterator[Finding]:
        heading = document.resolution.heading
        line = heading.first("adoption")
        if not (line and heading.adopted_on and heading.session):
            return
        if not sessions.contains(heading.session, heading.adopted_on):
            start, end = sessions.period(heading.session)
            yield self.finding(
                line.span,
                f"adopted on {heading.adopted_on.isoformat()}, outside session "
                f"{heading.session} ({start.year}–{end.year})",
            )


@register
class HeadingDates(Rule):
    """Dates of the heading are real dates, and a text is issued after it is adopted.

    Wrong:
        31 novembre 2023
        Résolution adoptée par l'Assemblée générale le 19 décembre 2023

    Right:
        21 décembre 2023
        Résolution adoptée par l'Assemblée générale le 19 décembre 2023
    """

    code = "H005"
    name = "heading-dates"
    severity = Severity.error
    summary = "Heading dates are real dates; the issue date is not before the adoption."

    def check(self, document: Document) -> Iterator[Finding]:
        heading = document.resolution.heading
        for line in heading.lines:
            if line.date_text and line.date is None:
                yield self.finding(line.span, f'"{line.date_text}" is not a real date')
        issued, adopted = heading.issued_on, heading.adopted_on
        issue_line = heading.first("issue_date")
        if issue_line and issued and adopted and issued < adopted:
            yield self.finding(
                issue_line.span,
                f"issued on {issued.isoformat()}, before its adoption on {adopted.isoformat()}",
            )


# CONVENTIONS §3: A/C.2/78/L.12 (a main committee's), A/78/L.45 (the plenary's), A/ES-10/L.30
# and A/S-27/L.1 (special sessions'), with /Rev.1, /Add.1, /Corr.1 or /Amend.1 after them.
_DRAFT_SYMBOL = re.compile(
    r"A/(?:C\.[1-6]/)?(?:\d{1,3}|(?:S|ES)-\d{1,2})/L\.\d+(?:/(?:Rev|Add|Corr|Amend)\.\d+)*"
)


@register
class DraftSymbol(Rule):
    """A draft resolution's symbol has the form of a draft: A/C.2/78/L.12 for a main
    committee's (First to Sixth), A/78/L.45 for the plenary's, with /Rev.1 for a revision.
    A symbol still holding a placeholder (A/C.3/81/[[document symbol]], as `drafter new`
    leaves next year's) is X001's to report until it is filled.

    Wrong:
        Nations Unies A/C.2/78/L12

    Right:
        Nations Unies A/C.2/78/L.12
    """

    code = "H006"
    name = "draft-symbol-form"
    severity = Severity.error
    summary = "A draft's symbol has the form A/C.2/78/L.12 or A/78/L.45."
    profiles = ("draft",)

    def check(self, document: Document) -> Iterator[Finding]:
        heading = document.resolution.heading
        symbol = heading.symbol
        if not symbol or _DRAFT_SYMBOL.fullmatch(symbol) or PLACEHOLDER.search(symbol):
            return
        for line in heading.lines:
            at = line.content.text.find(symbol)
            if line.kind in {"masthead", "document_symbol"} and at >= 0:
                yield self.finding(
                    line.content.span(at, at + len(symbol)),
                    f"{symbol} is not the symbol of a draft resolution (A/C.2/78/L.12, A/78/L.45)",
                )
                return
