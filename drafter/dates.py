"""Dates written in a language's words: "19 décembre 2023", "1er janvier 2024"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache

from drafter import lexicon


@cache
def _date_pattern(language: str) -> re.Pattern[str]:
    words = lexicon.load(language)
    return re.compile(
        rf"(\d{{1,2}})(?:{lexicon.alternation(words.phrases('day_suffix'))})? +"
        # (An issued text may lose the space before the year: "4 December2024", A/RES/79/85.)
        rf"({lexicon.alternation(words.months)}) *(\d{{4}})"
    )


def find_date(text: str, language: str) -> tuple[date | None, re.Match[str] | None]:
    """The first date written in `text`; None for the date when it is not a real one."""
    match = _date_pattern(language).search(text)
    if not match:
        return None, None
    return to_date(match, language), match


def all_dates(text: str, language: str) -> Iterator[re.Match[str]]:
    """Every date written in `text`, real or not."""
    return _date_pattern(language).finditer(text)


def to_date(match: re.Match[str], language: str) -> date | None:
    day, month, year = match.groups()
    return from_words(int(day), month, int(year), language)


def from_words(day: int | None, month: str, year: int, language: str) -> date | None:
    """The date of a day, a month name and a year; a month alone means its last day. None
    when there is no such day ("31 février 2023")."""
    month_number = lexicon.load(language).months.index(month) + 1
    try:
        if day is None:
            day = _last_day(year, month_number)
        return date(year, month_number, day)
    except ValueError:  # no such day, or a year out of range
        return None


def _last_day(year: int, month: int) -> int:
    """The day before the first of the next month (December's is the 31st: no year 10000)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def spell(day: date, language: str) -> str:
    """A date in the language's words: 2023-12-19 → "19 décembre 2023", the first → "1er"."""
    words = lexicon.load(language)
    number = f"1{words.phrases('day_suffix')[0]}" if day.day == 1 else str(day.day)
    return f"{number} {words.months[day.month - 1]} {day.year}"
