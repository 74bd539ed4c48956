"""Events a text announces as to come ("qui se tiendra du 21 au 23 janvier 2024"), and which of
them have happened by a given day: what goes stale when last year's text is reused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import NamedTuple

from drafter import lexicon
from drafter.dates import from_words

# How far after "qui se tiendra" the date of the event may stand, within the same clause.
REACH = 160
# A placeholder right after the date: "du 27 au 30 mai 2024 [[événement passé …]]". `drafter
# new` marks a past event so; the mark, not the event, is then what is left to do.
_MARKED = re.compile(r" *\[\[")


class StaleEvent(NamedTuple):
    announce: re.Match[str]  # "qui se tiendra", "marquera"
    when: re.Match[str]  # "21 au 23 janvier 2024" (its last date), "en 2024"
    happened: date


def stale_events(text: str, reference: date, language: str) -> Iterator[StaleEvent]:
    """The events `text` announces as to come whose date is before `reference`, and which no
    placeholder marks already. The date follows the announcing words in the same clause, or
    stands just before them ("le 20 décembre 2023 marquera")."""
    if not any(word in text for word in _announcing_words(language)):  # most paragraphs
        return
    future, when = _patterns(language)
    for announce in future.finditer(text):
        found = when.search(text, announce.end(), _clause_end(text, announce.end()))
        if not found:
            found = _date_just_before(when, text, announce.start())
        if not found or _MARKED.match(text, found.end()):
            continue
        happened = event_date(found, language)
        if happened and happened < reference:
            yield StaleEvent(announce, found, happened)


def event_date(match: re.Match[str], language: str) -> date | None:
    """The last day the written date can mean: "mars 2019" → 31 March 2019."""
    day, month, year, bare_year = match.groups()
    if bare_year:
        return date(int(bare_year), 12, 31)
    return from_words(int(day) if day else None, month, int(year), language)


@cache
def _announcing_words(language: str) -> set[str]:
    """The announcing phrases' longest words: a text without one of them announces nothing,
    and is passed over without compiling or running the patterns below."""
    return {max(phrase.split(), key=len) for phrase in lexicon.load(language).phrases("future")}


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The announcing phrases, and the dates that may follow them."""
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


def _clause_end(text: str, start: int) -> int:
    stop = min(len(text), start + REACH)
    semicolon = text.find(";", start, stop)
    return semicolon if semicolon != -1 else stop


def _date_just_before(when: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    before = text[:end].rstrip()
    for found in when.finditer(text, max(0, len(before) - 40), len(before)):
        if found.end() == len(before):
            return found
    return None
