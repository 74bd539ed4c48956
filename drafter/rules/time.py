"""Time: events announced as to come that have already happened (CONVENTIONS §6, point 4)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from drafter import lexicon
from drafter.dates import from_words
from drafter.model import Inline
from drafter.rules.base import Document, Finding, Rule, Severity, register

# How far after "qui se tiendra" the date of the event may stand, within the same clause.
REACH = 160


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon.load(language)
    future = re.compile(lexicon.alternation(words.phrases("future")) + r"(?![\w'])")
    months = lexicon.alternation(words.months)
    day_suffix = lexicon.alternation(words.phrases("day_suffix"))
    in_year = lexicon.alternation(words.phrases("in_year"))
    when = re.compile(
        rf"(?:(\d{{1,2}}){day_suffix}? +)?({months}) +(\d{{4}})"
        rf"|\b{in_year} +(\d{{4}})\b"
    )
    return future, when


def event_date(match: re.Match[str], language: str) -> date | None:
    """The last day the written date can mean: "mars 2019" → 31 March 2019."""
    day, month, year, bare_year = match.groups()
    if bare_year:
        return date(int(bare_year), 12, 31)
    return from_words(int(day) if day else None, month, int(year), language)


@register
class StaleFutureEvent(Rule):
    """An event announced as to come ("qui se tiendra", "attend avec intérêt") has happened.

    This is what goes wrong when last year's text is reused: the event is now past. Turn it
    into a past event ("qui s'est tenue", "se félicite de la tenue") or drop it. The
    reference date is the adoption date, else the date of issue, else today.

    Wrong (in a text adopted on 19 December 2024):
        *Attend avec intérêt* la conférence qui se tiendra du 20 au 22 mars 2024 ;

    Right:
        *Se félicite* de la tenue de la conférence du 20 au 22 mars 2024 ;
    """

    code = "T001"
    name = "stale-future-event"
    severity = Severity.warning
    summary = "No event is announced as to come when its date has passed."

    def check(self, document: Document) -> Iterator[Finding]:
        reference = document.reference_date
        language = document.resolution.language
        future, when = _patterns(language)
        for block in self.blocks(document):
            for announce in future.finditer(block.text):
                clause_end = _clause_end(block.text, announce.end())
                found = when.search(block.text, announce.end(), clause_end)
                if not found:
                    continue
                happened = event_date(found, language)
                if happened and happened < reference:
                    yield self.finding(
                        block.span(announce.start(), announce.end()),
                        f'"{announce.group(0)}" announces an event of {found.group(0).strip()}, '
                        f"already past on {reference.isoformat()}: update or drop it",
                    )

    def blocks(self, document: Document) -> Iterator[Inline]:
        for paragraph in document.paragraphs:
            yield paragraph.content
            yield from (sub.content for sub in paragraph.subparagraphs)


def _clause_end(text: str, start: int) -> int:
    stop = min(len(text), start + REACH)
    semicolon = text.find(";", start, stop)
    return semicolon if semicolon != -1 else stop
