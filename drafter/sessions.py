"""Sessions of the General Assembly: which session a symbol names, and when a session runs."""

from __future__ import annotations

import re
from datetime import date

# "78/167", "A/RES/78/167", "A/C.2/78/L.12", "A/78/465/Add.2": the session is the first number.
_SESSION_OF_SYMBOL = re.compile(r"^(?:A/(?:RES/|C\.\d+/|INF/)?)?(\d{1,3})/")


def of_symbol(symbol: str | None) -> int | None:
    """The regular session a resolution or General Assembly document symbol belongs to."""
    found = _SESSION_OF_SYMBOL.match(symbol or "")
    return int(found.group(1)) if found else None


def period(session: int) -> tuple[date, date]:
    """From the September a session opens to the September the next one does (loosely: the
    session ends the day before the next opens, on the third Tuesday of September)."""
    return date(1945 + session, 9, 1), date(1946 + session, 9, 30)


def contains(session: int, day: date) -> bool:
    start, end = period(session)
    return start <= day <= end
