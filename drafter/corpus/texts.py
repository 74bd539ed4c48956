"""What the corpus keeps of a resolution: its symbol, session, date and language, and each
paragraph (preambular, operative, subparagraph, annex, footnote) with its part and number, in
the words a comparison reads (footnote calls, markup and spacing aside)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from drafter.amendments import document_symbol
from drafter.diff.units import Unit, units
from drafter.model import SUPERSCRIPT_DIGITS, Resolution

PARTS = ("preamble", "operative", "annex", "footnote")
# Characters that stand for one another (str.replace on each: a translation table with a dict
# takes ten times as long over a corpus).
_SAME = (("’", "'"), ("‘", "'"), ("\u00a0", " "), ("\u202f", " "), ("‑", "-"))
_CALLS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass
class Paragraph:
    part: str  # preamble, operative, annex or footnote
    number: int | None  # operative or footnote number, preambular position, annex line
    label: str | None  # a subparagraph's ("b")
    text: str  # as compared: see `comparable`


@dataclass
class Text:
    symbol: str
    language: str
    session: int | None
    date: str | None  # ISO: adoption, else issue
    paragraphs: list[Paragraph]
    # Its words as the corpus counts them, in order (worked out where it is read: by the
    # processes that read files, not the one that writes the corpus).
    words: list[str] = field(default_factory=list)

    def counted_words(self) -> list[str]:
        if not self.words:
            self.words = sorted(terms(" ".join(p.text for p in self.paragraphs)))
        return self.words


def comparable(text: str) -> str:
    """A paragraph's words as the corpus compares them: footnote calls out, one kind of
    apostrophe and of space, one space between words, quotes of either language alike."""
    for variant, same in _SAME:
        if variant in text:
            text = text.replace(variant, same)
    text = _CALLS.sub("", text)
    text = text.replace("« ", "“").replace(" »", "”").replace("«", "“").replace("»", "”")
    return " ".join(text.replace('"', "“").split())


def text_of(resolution: Resolution, fallback_symbol: str) -> Text:
    """The corpus's record of a resolution; one without a symbol takes `fallback_symbol`."""
    heading = resolution.heading
    day = heading.adopted_on or heading.issued_on
    paragraphs = [
        Paragraph(unit.part, unit.number, label, words)
        for part, found in units(resolution).items()
        if part in PARTS
        for unit in found
        for label, text in _texts(unit)
        if (words := comparable(text))
    ]
    return Text(
        document_symbol(resolution) or fallback_symbol,
        resolution.language,
        resolution.session,
        day.isoformat() if day else None,
        paragraphs,
    )


def _texts(unit: Unit) -> list[tuple[str | None, str]]:
    """A unit's own text, then each subparagraph's, with its label."""
    if unit.part == "annex" and unit.number is None:
        return []  # an annex's head ("Annex I"): no language to agree on
    return [(None, unit.text), *((child.label, child.text) for child in unit.children)]


def terms(text: str) -> set[str]:
    """The words of a text as the index keeps them (lower case, no diacritics, as FTS5's
    unicode61 tokenizer folds them), three letters and more: what a search for candidates
    looks for, and what the corpus counts (how many documents hold each)."""
    folded = _MARKS.sub("", unicodedata.normalize("NFD", text.lower()))
    return set(_WORD.findall(folded))


_MARKS = re.compile("[\u0300-\u036f]")  # the combining diacritics NFD sets apart
