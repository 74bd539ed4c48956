"""References: resolutions cited with dates possible, consistent and in order, and publications
cited in the text's language (CONVENTIONS §3-4, R12)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from itertools import pairwise

from drafter import lexicon, sessions
from drafter.model import Citation, Inline
from drafter.rules.base import Document, Finding, Fix, Rule, Severity, register


def _cited(document: Document) -> Iterator[tuple[Inline, Citation]]:
    for block in document.blocks:
        for citation in block.citations:
            yield block, citation


def _in_lists(block: Inline) -> Iterator[tuple[Citation, Citation, bool]]:
    """Each citation that follows another in the same list ("ses résolutions A, B et C"),
    with the one before it, and whether it is the last of its list."""
    items = block.citations
    for index in range(1, len(items)):
        previous, citation = items[index - 1], items[index]
        if previous.phrase != citation.phrase:  # not of one list
            continue
        last = index + 1 == len(items) or items[index + 1].phrase != citation.phrase
        yield previous, citation, last


def _newest_first(block: Inline) -> set[int]:
    """The lists (by where their phrase starts) of three dated resolutions or more, each older
    than the one before it (two in reverse order are more likely a slip)."""
    dates: dict[int, list[date]] = {}
    for citation in block.citations:
        if citation.date is not None:
            dates.setdefault(citation.phrase, []).append(citation.date)
    return {
        phrase
        for phrase, found in dates.items()
        if len(found) > 2 and all(a > b for a, b in pairwise(found))
    }


def _one_date(
    block: Inline, previous: Citation, citation: Citation, conjunctions: list[str]
) -> bool:
    """ "67/139 and 67/143 of 20 December 2012": two resolutions of one date, joined by "and",
    the date given once, after the second."""
    return (
        previous.date_text is None
        and citation.date_text is not None
        and block.text[previous.end : citation.offset].strip() in conjunctions
    )


def _numbered(document: Document) -> Iterator[tuple[Citation, sessions.ResolutionNumber]]:
    """The cited resolutions of the Assembly, with what their numbers say of their session."""
    for _, citation in _cited(document):
        number = sessions.resolution_number(citation.symbol)
        if number is not None:
            yield citation, number


@register
class CitedDateInSession(Rule):
    """A cited resolution's date falls within its session.

    Resolution 73/291 belongs to the seventy-third session (September 2018 to September
    2019); it cannot be dated 2012. A wrong year is a common slip when a list is updated.

    Wrong:
        sa résolution 73/291 du 15 avril 2012

    Right:
        sa résolution 73/291 du 15 avril 2019
    """

    code = "R001"
    name = "cited-date-in-session"
    severity = Severity.error
    summary = "A cited resolution is dated within its own session."

    def check(self, document: Document) -> Iterator[Finding]:
        for citation, number in _numbered(document):
            session = number.session
            # The sessions whose periods are known: the regular ones, numbered N/x since 1976.
            numbered = not (number.series or number.legacy) and session >= _FIRST_NUMBERED[""]
            if citation.date and numbered and not sessions.contains(session, citation.date):
                start, end = sessions.period(session)
                yield self.finding(
                    citation.span,
                    f"resolution {citation.symbol} is of session {session} "
                    f"({start.year}–{end.year}); it cannot be dated {citation.date_text}",
                )


@register
class CitedDateConsistent(Rule):
    """The same resolution is always cited with the same date.

    Wrong:
        sa résolution 70/1 du 25 septembre 2015 … sa résolution 70/1 du 27 septembre 2015

    Right:
        sa résolution 70/1 du 25 septembre 2015 … sa résolution 70/1 du 25 septembre 2015
    """

    code = "R002"
    name = "cited-date-consistent"
    severity = Severity.error
    summary = "A resolution is never cited with two different dates."

    def check(self, document: Document) -> Iterator[Finding]:
        first: dict[str, Citation] = {}
        for _, citation in _cited(document):
            if citation.date is None:
                continue
            earlier = first.setdefault(citation.symbol, citation)
            if earlier.date != citation.date:
                yield self.finding(
                    citation.span,
                    f"resolution {citation.symbol} is dated {citation.date_text} here but "
                    f"{earlier.date_text} on line {earlier.span.line}",
                )


@register
class CitationListOrder(Rule):
    """Resolutions listed together are in chronological order.

    A list in which every resolution is older than the one before it is in order too: the
    UN lists "the most recent of which being resolutions 77/227 of 15 December 2022, 76/180
    of 16 December 2021, …" newest first (A/RES/78/219). A warning, not an error: adopted
    texts also group a list by topic, where the dates do not run in one direction.

    Wrong:
        ses résolutions 60/212 du 22 décembre 2005, 57/270 B du 23 juin 2003 et 62/209 du
        19 décembre 2007

    Right:
        ses résolutions 57/270 B du 23 juin 2003, 60/212 du 22 décembre 2005 et 62/209 du
        19 décembre 2007
    """

    code = "R003"
    name = "citation-list-order"
    severity = Severity.warning
    summary = "A list of cited resolutions is in chronological order."

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks:
            newest_first = _newest_first(block)
            for previous, citation, _ in _in_lists(block):
                if citation.phrase in newest_first:
                    continue
                if previous.date and citation.date and citation.date < previous.date:
                    yield self.finding(
                        citation.span,
                        f"{citation.symbol} ({citation.date_text}) is listed after "
                        f"{previous.symbol} ({previous.date_text}): list them by date",
                    )


@register
class CitedAfterAdoption(Rule):
    """No resolution is cited with a date after the adoption of the text that cites it.

    Wrong (in a text adopted on 19 December 2023):
        sa résolution 78/300 du 5 mars 2024

    Right:
        sa résolution 77/185 du 14 décembre 2022
    """

    code = "R004"
    name = "cited-after-adoption"
    severity = Severity.error
    summary = "No cited resolution is dated after the text's adoption."

    def check(self, document: Document) -> Iterator[Finding]:
        adopted_on = document.resolution.adopted_on
        if adopted_on is None:
            return
        for _, citation in _cited(document):
            if citation.date and citation.date > adopted_on:
                yield self.finding(
                    citation.span,
                    f"{citation.symbol} is dated {citation.date_text}, after this text's "
                    f"adoption on {adopted_on.isoformat()}",
                )


@register
class CitedDateReal(Rule):
    """The date of a cited resolution is a real date.

    Wrong:
        sa résolution 73/291 du 31 avril 2019

    Right:
        sa résolution 73/291 du 15 avril 2019
    """

    code = "R005"
    name = "cited-date-real"
    severity = Severity.error
    summary = "A cited resolution's date is a real date."

    def check(self, document: Document) -> Iterator[Finding]:
        for _, citation in _cited(document):
            if citation.date_text and citation.date is None:
                yield self.finding(citation.span, f'"{citation.date_text}" is not a real date')


@register
class SalesNumberLanguage(Rule):
    """A United Nations publication is cited by the sales number of the text's language.

    The first letter of a sales number names the edition: F. for French, E. for English. A
    French text that cites the English edition has kept a reference from a translation.

    Wrong:
        (publication des Nations Unies, numéro de vente : E.78.II.A.11)

    Right:
        (publication des Nations Unies, numéro de vente : F.78.II.A.11)
    """

    code = "R006"
    name = "sales-number-language"
    severity = Severity.warning
    summary = "Sales numbers of publications are those of the text's language edition."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        letter = document.words.setting("sales_number_letter")
        pattern, first_words = _sales_number(document.resolution.language)
        for block in document.blocks_where(pattern, first_words):
            for found in pattern.finditer(block.text):
                if found.group(1) == letter:
                    continue
                edit = document.edit(block, found.start(1), found.end(1), letter)
                yield self.finding(
                    block.span(found.start(1), found.end(2)),
                    f"sales number {found.group(1)}{found.group(2)} is of another language's "
                    f"edition: {letter}{found.group(2)}",
                    Fix((edit,), safe=True),
                )


@register
class UndatedFirstCitation(Rule):
    """A resolution of the Assembly gives its date where the text first cites it.

    Later mentions may leave the date out, and so may footnotes ("Voir résolution 60/1.").
    Security Council resolutions carry their year in their symbol and take no date.

    Wrong:
        Rappelant sa résolution 73/291, … *Prie* … la résolution 73/291 du 15 avril 2019

    Right:
        Rappelant sa résolution 73/291 du 15 avril 2019, … *Prie* … la résolution 73/291
    """

    code = "R007"
    name = "undated-first-citation"
    severity = Severity.warning
    summary = "A resolution cited for the first time in the body gives its date."

    def check(self, document: Document) -> Iterator[Finding]:
        seen: set[str] = set()
        conjunctions = document.words.phrases("list_and")
        for block in document.resolution.paragraph_blocks():
            for citation, following in zip(
                block.citations, [*block.citations[1:], None], strict=False
            ):
                if citation.symbol in seen:
                    continue
                if sessions.resolution_number(citation.symbol) is None:  # "1757 (2007)"
                    continue  # a Security Council resolution: its year is in its symbol
                seen.add(citation.symbol)
                if citation.date_text is None and not (
                    following and _one_date(block, citation, following, conjunctions)
                ):
                    yield self.finding(
                        citation.span,
                        f"resolution {citation.symbol} is cited here for the first time: "
                        "give its date",
                    )


@cache
def _sales_number(language: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of a sales number, and the words one begins with ("numéro de vente")."""
    phrases = lexicon.load(language).phrases("sales_number")
    words = lexicon.alternation(phrases)
    pattern = re.compile(rf"{words} *:? *([A-Z])(\.\d{{2}}\.[IVX]+\.[A-Z0-9.]*[A-Z0-9])")
    return pattern, tuple(sorted({phrase.split()[0] for phrase in phrases}))


# CONVENTIONS §3: the last session of each series whose resolutions were numbered as 3363 (XXX),
# and the first numbered as 31/16. The 6th and 7th emergency special sessions are not
# attested either way, so neither form is flagged for them.
_LAST_LEGACY = {"": 30, "S": 7, "ES": 5}
_FIRST_NUMBERED = {"": 31, "S": 8, "ES": 8}
_EXAMPLES = {
    "": ("31/16", "3363 (XXX)"),
    "S": ("S-8/1", "3362 (S-VII)"),
    "ES": ("ES-8/2", "2252 (ES-V)"),
}
_SERIES = {"": "session", "S": "special session", "ES": "emergency special session"}


@register
class ResolutionNumberForm(Rule):
    """A resolution is numbered in the form of its time. Up to the 30th session, numbers ran
    on from session to session and the session followed in Roman numerals: 3363 (XXX). Since
    the 31st (1976), a resolution is numbered within its session: 31/16, 78/167. Special
    sessions changed at the 8th (3362 (S-VII), then S-8/1), emergency special sessions by the
    8th (2252 (ES-V), then ES-8/2).

    Wrong:
        sa résolution 25/2626
        sa résolution 3363 (XXXV)

    Right:
        sa résolution 2626 (XXV)
        sa résolution 35/56
    """

    code = "R008"
    name = "resolution-number-form"
    severity = Severity.error
    summary = "A cited resolution's number has the form of its session: 3363 (XXX), or 31/16."

    def check(self, document: Document) -> Iterator[Finding]:
        for citation, number in _numbered(document):
            modern, legacy = _EXAMPLES[number.series]
            series = _SERIES[number.series]
            if number.legacy and number.session > _LAST_LEGACY[number.series]:
                first = _FIRST_NUMBERED[number.series]
                yield self.finding(
                    citation.span,
                    f"{citation.symbol}: since {series} {first}, resolutions are numbered "
                    f"as {modern}",
                )
            elif not number.legacy and number.session < _FIRST_NUMBERED[number.series]:
                last = _LAST_LEGACY[number.series]
                yield self.finding(
                    citation.span,
                    f"{citation.symbol}: up to {series} {last}, resolutions were numbered "
                    f"as {legacy}",
                )


@register
class CitedLaterSession(Rule):
    """No resolution of a later session than the text's own is cited: it cannot exist yet.
    A slip of the session number, or last year's text read the wrong way round.

    Wrong (in a text of the seventy-eighth session):
        sa résolution 79/12

    Right:
        sa résolution 77/12
    """

    code = "R009"
    name = "cited-later-session"
    severity = Severity.error
    summary = "No resolution of a session after the text's own is cited."

    def check(self, document: Document) -> Iterator[Finding]:
        own = document.resolution.heading.session
        if own is None:
            return
        for citation, number in _numbered(document):
            if number.series == "" and number.session > own:
                yield self.finding(
                    citation.span,
                    f"resolution {citation.symbol} is of session {number.session}, after this "
                    f"text's ({own})",
                )


@register
class CitationListAnd(Rule):
    """In a list of resolutions, "et" comes before the last one only, and commas go between
    the others. The slip of a list that gained a resolution at its end.

    Wrong:
        ses résolutions 60/212 du 22 décembre 2005 et 62/209 du 19 décembre 2007,
        64/222 du 21 décembre 2009

    Right:
        ses résolutions 60/212 du 22 décembre 2005, 62/209 du 19 décembre 2007
        et 64/222 du 21 décembre 2009
    """

    code = "R010"
    name = "citation-list-and"
    severity = Severity.warning
    summary = 'In a list of resolutions, "et" comes before the last one only.'
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        conjunctions = document.words.phrases("list_and")
        conjunction = conjunctions[0]
        goes_on = _list_goes_on(document.resolution.language)
        for block in document.blocks:
            gaps: list[tuple[int, int, bool]] = []  # between the items of one list
            for previous, citation, last in _in_lists(block):
                start, end = previous.end, citation.offset
                if not _one_date(block, previous, citation, conjunctions):  # one item if so
                    gaps.append((start, end, block.text[start:end].strip() in conjunctions))
                if last:
                    ends_later = goes_on.match(block.text, citation.end) is not None
                    if gaps:
                        yield from self.list_findings(
                            document, block, gaps, ends_later, conjunction
                        )
                    gaps = []

    def list_findings(
        self,
        document: Document,
        block: Inline,
        gaps: list[tuple[int, int, bool]],
        ends_later: bool,
        conjunction: str,
    ) -> Iterator[Finding]:
        """An "et" before an item that is not the last goes; the last item takes one. Moving
        an "et" that a list gained at its end is safe; adding one where none is may not be:
        the list may go on in words drafter does not know."""
        misplaced = [(start, end) for start, end, joined in gaps[:-1] if joined]
        moves = [document.edit(block, start, end, ", ") for start, end in misplaced]
        start, end, joined = gaps[-1]
        fix: Fix | None
        if not joined and not ends_later:
            fix = Fix((*moves, document.edit(block, start, end, f" {conjunction} ")), bool(moves))
            message = f'put "{conjunction}" before the last resolution of the list'
            yield self.finding(block.span(start, end), message, fix)
        else:
            fix = Fix(tuple(moves)) if moves else None
        for start, end in misplaced:
            message = f'"{conjunction}" goes before the last resolution of the list only'
            yield self.finding(block.span(start, end), message, fix)


@cache
def _list_goes_on(language: str) -> re.Pattern[str]:
    words = lexicon.load(language).phrases("list_goes_on")
    return re.compile(rf",? +(?:{lexicon.alternation(words)}) ")


_NUMBER_ONLY = re.compile(r"(?:S-|ES-)?\d{1,3}/\d+$")  # no letter yet: 57/270, not 57/270 B
_PART_LETTER = re.compile(r"[A-Z](?![\w'])")


@register
class ResolutionPartLetter(Rule):
    """A resolution adopted in parts is cited with the letter of its part after a space:
    57/270 B. Without the space the letter is not read as part of the number, and neither
    is the date that follows.

    Wrong:
        sa résolution 57/270B du 23 juin 2003

    Right:
        sa résolution 57/270 B du 23 juin 2003
    """

    code = "R011"
    name = "resolution-part-letter"
    severity = Severity.error
    summary = "The letter of a resolution's part follows its number after a space: 57/270 B."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        for block, citation in _cited(document):
            after = citation.offset + len(citation.symbol)
            if not _PART_LETTER.match(block.text, after) or not _NUMBER_ONLY.match(citation.symbol):
                continue
            yield self.finding(
                block.span(citation.offset, after + 1),
                f"write {citation.symbol} {block.text[after]}, with a space before the letter",
                Fix((document.edit(block, after, after, " "),)),
            )
