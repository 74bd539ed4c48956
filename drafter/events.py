"""Events a text announces as to come ("qui se tiendra du 21 au 23 janvier 2024"), and which of
them have happened by a given day: what goes stale when last year's text is reused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import NamedTuple

from drafter import lexicon, ordinals
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


def stale_events(
    text: str, reference: date, language: str, *, year_from_middle: bool = False
) -> Iterator[StaleEvent]:
    """The events `text` announces as to come whose date is before `reference`, and which no
    placeholder marks already. The date follows the announcing words in the same clause, or
    stands just before them ("le 20 décembre 2023 marquera"). A year alone means its last day,
    or with `year_from_middle` its middle: an event "in 2025" has most likely been held by a
    December 2025 adoption."""
    if not any(word in text for word in _announcing_words(language)):  # most paragraphs
        return
    future, when = _patterns(language)
    for announce in future.finditer(text):
        found = when.search(text, announce.end(), _clause_end(text, announce.end()))
        if not found:
            found = _date_just_before(when, text, announce.start())
        if not found or _MARKED.match(text, found.end()):
            continue
        happened = event_date(found, language, year_from_middle=year_from_middle)
        if happened and happened < reference:
            yield StaleEvent(announce, found, happened)


def past_deadlines(
    text: str, reference: date, language: str, *, since: date | None = None
) -> Iterator[re.Match[str]]:
    """Deadlines passed by `reference` ("by July 2025", "no later than 31 March 2025"), and not
    before `since`, each as the match of its date; none a placeholder marks already."""
    if not any(f"{word} " in text for word in lexicon.load(language).phrases("deadline")):
        return
    for found in _deadline_pattern(language).finditer(text):
        if _MARKED.match(text, found.end()):
            continue
        due = event_date(found, language)  # (the same groups: a year alone is its last day)
        if due and due < reference and (since is None or due >= since):
            yield found


def event_date(
    match: re.Match[str], language: str, *, year_from_middle: bool = False
) -> date | None:
    """The last day the written date can mean: "mars 2019" → 31 March 2019."""
    day, month, year, bare_year = match.groups()
    if bare_year:
        return date(int(bare_year), 7, 1) if year_from_middle else date(int(bare_year), 12, 31)
    return from_words(int(day) if day else None, month, int(year), language)


def event_key(name: re.Match[str]) -> tuple[str, str]:
    """What names an event across a text, from a match of `named_events`: its ordinal and its
    kind ("the Fourth International Conference on Financing for Development" → ("fourth",
    "conference"))."""
    return name.group(1).lower(), name.group(2).lower()


def event_names(text: str, language: str) -> set[tuple[str, str]]:
    """The keys of the events `text` names, sessions aside (every text names its own)."""
    keys = {event_key(name) for name in named_events(text, language)}
    return {key for key in keys if key[1] != "session"}


def named_events(text: str, language: str) -> Iterator[re.Match[str]]:
    """Every event named by ordinal and kind in `text` (group 1 the ordinal, 2 the kind)."""
    return _key_pattern(language).finditer(text)


def announced_names(text: str, language: str) -> Iterator[re.Match[str]]:
    """The events named by ordinal and kind that an announcing phrase before them, in the same
    clause, says are to come ("to be held on the margins of the third … Conference")."""
    if not any(word in text for word in _announcing_words(language)):
        return
    future, _ = _patterns(language)
    for announce in future.finditer(text):
        for name in named_events(text[: _clause_end(text, announce.end())], language):
            if name.start() >= announce.end():
                yield name
                break


def event_updates(text: str, language: str, *, reported: bool) -> Iterator[tuple[int, int]]:
    """The stretches of `text` that a recurring resolution rewrites once an event is held: on
    the old side (`reported` false), each announcement with the date it gives ("to be held in
    Baku from 11 to 22 November 2024", "Looking forward to the convening in 2025"); on the
    new side, each report of one with its place and date ("held in Sevilla, Spain, from 30
    June to 3 July 2025", "Welcoming")."""
    words = lexicon.load(language)
    if reported:
        phrases, pattern = words.phrases("past"), _held_pattern(language)
    else:
        phrases, pattern = words.phrases("future"), _announced_pattern(language)
    if not any(phrase in text for phrase in phrases):
        return
    for found in pattern.finditer(text):
        yield found.start(), found.end()


@cache
def _announced_pattern(language: str) -> re.Pattern[str]:
    future, when = _patterns(language)
    # The announcement, then its date within the clause (no semicolon, no full stop).
    return re.compile(rf"(?:{future.pattern})(?:[^;.]{{0,{REACH}}}?(?:{when.pattern}))?")


@cache
def _held_pattern(language: str) -> re.Pattern[str]:
    words = lexicon.load(language)
    past = lexicon.alternation(words.phrases("past"))
    _, when = _patterns(language)
    # The report, then where and when: capitalized names, commas and the date ("held in
    # Sevilla, Spain, from 30 June to 3 July 2025").
    places = r"(?:[,\s]+(?:[A-Z][\w’'.-]*|\w{1,4}))*?"
    return re.compile(
        rf"(?<![\w'’])(?:{past})(?![\w'’])(?:{places}[,\s]+(?:\w+\s+)?(?:{when.pattern}))?"
    )


@cache
def _key_pattern(language: str) -> re.Pattern[str]:
    ordinal = ordinals.alternation(language)
    kinds = lexicon.alternation(lexicon.load(language).phrases("event_kinds"))
    # Up to six words between them: "the third United Nations Conference".
    return re.compile(rf"(?<![\w-])({ordinal})(?:\s+[\w’'-]+){{0,6}}?\s+({kinds})\b", re.IGNORECASE)


@cache
def _deadline_pattern(language: str) -> re.Pattern[str]:
    deadline = lexicon.alternation(lexicon.load(language).phrases("deadline"))
    return re.compile(rf"(?<![\w'’]){deadline} +(?:{_dated(language)}|(\d{{4}}))\b")


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
    in_year = lexicon.alternation(words.phrases("in_year"))
    when = re.compile(rf"{_dated(language)}|\b{in_year} +(\d{{4}})\b")
    return future, when


def _dated(language: str) -> str:
    """A day and a month, or a month, and the year: "21 janvier 2024", "July 2025" (groups:
    day, month, year)."""
    words = lexicon.load(language)
    months = lexicon.alternation(words.months)
    day_suffix = lexicon.alternation(words.phrases("day_suffix"))
    return rf"(?:(\d{{1,2}}){day_suffix}? +)?({months}) +(\d{{4}})"


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
