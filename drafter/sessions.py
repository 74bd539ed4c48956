"""Sessions of the General Assembly: which session a symbol names, and when a session runs."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

# "78/167", "A/RES/78/167", "A/C.2/78/L.12", "A/78/465/Add.2": the session is the first number.
_SESSION_OF_SYMBOL = re.compile(r"^(?:A/(?:RES/|C\.\d+/|INF/)?)?(\d{1,3})/")


def of_symbol(symbol: str | None) -> int | None:
    """The regular session a resolution or General Assembly document symbol belongs to."""
    found = _SESSION_OF_SYMBOL.match(symbol or "")
    return int(found.group(1)) if found else None


def could_be_the_assemblys(symbol: str, day: date | None) -> bool:
    """Whether the Assembly can have given a resolution this number (and date): "31/1" of
    20 May 2022 it cannot (its session 31 ran in 1976–1977), nor "8/12" (numbers of that form
    began with session 31)."""
    number = resolution_number(symbol)
    if number is None:
        return False
    if number.legacy or number.series:
        return True
    if number.session < 31:
        return False
    return day is None or contains(number.session, day)


def period(session: int) -> tuple[date, date]:
    """From the September a session opens to the September the next one does (loosely: the
    session ends the day before the next opens, on the third Tuesday of September)."""
    return date(1945 + session, 9, 1), date(1946 + session, 9, 30)


def contains(session: int, day: date) -> bool:
    start, end = period(session)
    return start <= day <= end


class ResolutionNumber(NamedTuple):
    """What a resolution's number says of its session: 78/167, S-27/2, 3363 (XXX), 2252 (ES-V)."""

    series: str  # "" for a regular session, "S" for a special one, "ES" for an emergency one
    session: int
    legacy: bool  # numbered "3363 (XXX)", as before the 31st session, rather than "31/16"


_NUMBERED = re.compile(r"(?:(S|ES)-)?(\d{1,3})/\d")
_LEGACY_NUMBERED = re.compile(r"\d{1,4}(?: [A-Z])? \((?:(S|ES)-)?([IVXLC]+)\)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@lru_cache(maxsize=4096)  # four rules ask it of every citation; resolutions are cited often
def resolution_number(symbol: str) -> ResolutionNumber | None:
    """The session of a General Assembly resolution's number; None for any other number (a
    Security Council resolution's "1757 (2007)", say)."""
    if found := _NUMBERED.match(symbol):
        return ResolutionNumber(found.group(1) or "", int(found.group(2)), legacy=False)
    if found := _LEGACY_NUMBERED.fullmatch(symbol):
        return ResolutionNumber(found.group(1) or "", roman_value(found.group(2)), legacy=True)
    return None


def roman_value(numeral: str) -> int:
    """XXX → 30, XLIV → 44: a letter before a greater one is taken away."""
    values = [_ROMAN_VALUES[letter] for letter in numeral]
    return sum(
        -v if v < following else v for v, following in zip(values, [*values[1:], 0], strict=True)
    )
