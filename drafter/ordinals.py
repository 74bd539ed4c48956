"""Session ordinals as the United Nations spells them: "Soixante-dix-huitième session".

num2words spells them; the lexicon's corrections make its output the UN's spelling (a
session is feminine; num2words has "quatre-vingtsième" for 80th). Importing num2words costs
more than a whole lint run, so the table is computed once and kept in drafter's cache folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from drafter import lexicon
from drafter.cache import checksum, read_data, store_data

HIGHEST_SESSION = 200


def value(words: str, language: str) -> int | None:
    """The session number an ordinal names, or None: "Soixante-dix-huitième" → 78."""
    return _values(language).get(_fold(words))


def spell(number: int, language: str) -> str:
    """The UN's spelling of a session ordinal, in lowercase: 78 → "soixante-dix-huitième"."""
    return _table(language)[number - 1]


def session_ordinals(text: str, language: str) -> Iterator[re.Match[str]]:
    """Each session ordinal in `text` with the word for session: "soixante-dix-huitième
    session"; group 1 is the ordinal."""
    return _session_pattern(language).finditer(text)


@cache
def alternation(language: str) -> str:
    """A regex group matching any ordinal, the longest first, where a space matches a run of
    them ("vingt et unième"): for ordinals that name other things than sessions."""
    return lexicon.alternation(lexicon.longest_first(_table(language)))


@cache
def _session_pattern(language: str) -> re.Pattern[str]:
    words = _table(language)
    session = lexicon.alternation(lexicon.load(language).phrases("session"))
    alternatives = "|".join(re.escape(w) for w in lexicon.longest_first(words))
    return re.compile(rf"(?<![\w-])({alternatives}) +{session}\b", re.IGNORECASE)


def meeting_suffix(number: int, language: str) -> str:
    """The suffix of a meeting's ordinal: 51 → "st", 52 → "nd", 11 → "th" (fr: 1 → "re")."""
    digits = str(number)
    for pattern, suffix in lexicon.load(language).pairs("ordinal_rules"):
        if re.search(pattern, digits):
            return str(suffix)
    return ""


def _fold(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip().lower().replace("‑", "-"))


@cache
def _values(language: str) -> dict[str, int]:
    return {ordinal: n for n, ordinal in enumerate(_table(language), start=1)}


@cache
def _table(language: str) -> list[str]:
    name = f"ordinals-{language}-{_corrections_key(language)}.data"
    table = read_data(name)
    if isinstance(table, list) and len(table) == HIGHEST_SESSION:
        return table
    table = [_spell_with_num2words(n, language) for n in range(1, HIGHEST_SESSION + 1)]
    store_data(name, table)
    return table


def _corrections_key(language: str) -> str:
    return checksum(repr(lexicon.load(language).phrases("corrections")))


def _spell_with_num2words(number: int, language: str) -> str:
    from num2words import num2words  # type: ignore[import-untyped]

    ordinal = num2words(number, lang=language, to="ordinal")
    for pattern, replacement in lexicon.load(language).pairs("corrections"):
        ordinal = re.sub(pattern, replacement, ordinal)
    return ordinal
