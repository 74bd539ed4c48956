"""Dates written in a language's words: "19 décembre 2023", "1er janvier 2024"."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from drafter import lexicon


@cache
def _date_pattern(language: str) -> re.Pattern[str]:
    words = lexicon.load(language)
    return re.compile(
        rf"(\d{{1,2}})(?:{lexicon.alternation(words.phrases('day_suffix'))})? +"
        rf"({lexicon.alternation(words.months)}) +(\d{{4}})"
    )


def find_date(text: str, language: str) -> tuple[date | None, re.Match[str] | None]:
    """The first date written in `text`; None for the date when it is not a real one."""
    match = _date_pattern(language).search(text)
    if not match:
        return None, None
    return to_date(match, language), match


def to_date(match: re.Match[str], language: str) -> date | None:
    day, month, year = match.groups()
    month_number = lexicon.load(language).months.index(month) + 1
    try:
        return date(int(year), month_number, int(day))
    except ValueError:  # "31 février 2023"
        return None
