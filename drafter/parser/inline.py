"""Read the inline content of one unit (grammar/inline.lark) into an `Inline`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from drafter import lexicon, sessions
from drafter.dates import find_date
from drafter.model import (
    Citation,
    DocumentSymbol,
    FootnoteRef,
    Inline,
    Reference,
    number_value,
    superscript,
    superscript_value,
)
from drafter.parser.compile import token_patterns
from drafter.parser.references import references
from drafter.positions import LineIndex, Span, TextMap

_LINK = re.compile(r"\[([^\]]*)\]\(")


def read_inline(
    text: str, source: TextMap, index: LineIndex, language: str, start: int = 0
) -> Inline:
    """The inline content of `text` from `start` on (after a paragraph's number, say).
    `source` maps offsets of `text` to offsets of the file; `index` turns those into lines."""
    builder = _Builder(index, source, language)
    builder.add_inline(text[start:], start)
    return builder.finish()


@cache
def _markup_starts(language: str) -> tuple[str, ...]:
    """What can start anything but plain text in inline.lark: markup, a footnote call, a
    symbol or resolution number (both hold "/"), or a word that introduces a citation."""
    return (*"*[/⁰¹²³⁴⁵⁶⁷⁸⁹", *lexicon.load(language).phrases("resolution_word"))


def _may_hold_markup(text: str, language: str) -> bool:
    # Substring tests, not one regex search: a tenth of the time over a resolution's texts.
    return any(start in text for start in _markup_starts(language))


def inline_tokens(text: str, language: str) -> Iterator[tuple[str, str, int]]:
    """The terminals of inline.lark in `text`: name, text and start of each, as Lark's lexer
    reads them."""
    tokens = token_patterns("inline", language)[0]
    position, end = 0, len(text)
    while position < end:
        match = tokens.match(text, position)
        if match is None:  # only at a newline, which a unit does not hold: keep it as text
            yield "TEXT", text[position:], position
            return
        yield match.lastgroup, match.group(), position  # type: ignore[misc]
        position = match.end()


@dataclass
class _Cited:
    """A resolution number of a citation, with its date if it has one. Offsets: `offset`,
    `text_end` and `phrase` (where "sa résolution …" starts) in the canonical text; `start` and
    `end` (after the date) in the unit."""

    symbol: str
    offset: int
    start: int
    end: int
    text_end: int
    phrase: int
    date: str | None = None


class _Builder:
    """Collects the canonical text, its map to the unit, and the markup found on the way."""

    def __init__(self, index: LineIndex, source: TextMap, language: str) -> None:
        self.index = index
        self.source = source
        self.language = language
        self.parts: list[str] = []
        self.length = 0
        self.map = TextMap()
        self.italics: list[tuple[int, int]] = []
        self.footnote_refs: list[tuple[int, int, int, int]] = []  # number, offset, unit range
        self.citations: list[_Cited] = []
        self.symbols: list[tuple[str, int, int, int]] = []
        self.strays: list[int] = []

    # -- writing canonical text ------------------------------------------------------------
    def add_text(self, text: str, unit_offset: int, unit_length: int | None = None) -> int:
        start = self.length
        self.parts.append(text)
        self.map.add(len(text), unit_offset, unit_length)
        self.length += len(text)
        return start

    def add_inline(self, text: str, base: int) -> None:
        """Read `text` with inline.lark and add what it holds; a text without markup (many a
        footnote or heading line) skips the reading."""
        if not _may_hold_markup(text, self.language):
            self.add_text(text, base)
            return
        for name, token, start in inline_tokens(text, self.language):
            _READERS[name](self, token, base + start)

    # -- one method per terminal of inline.lark ----------------------------------------------
    def _text(self, token: str, at: int) -> None:
        self.add_text(token, at)

    # A placeholder stays in the text as written; X001 finds it there.
    _placeholder = _text
    _uncited = _text  # a citing word that cites nothing is prose

    def _stray(self, token: str, at: int) -> None:
        self.strays.append(self.add_text(token, at))

    def _italic(self, token: str, at: int) -> None:
        start = self.length
        self.add_inline(token[1:-1], at + 1)
        self.italics.append((start, self.length))

    def _superscript(self, token: str, at: int) -> None:
        offset = self.add_text(token, at)
        self.footnote_refs.append((superscript_value(token), offset, at, at + len(token)))

    def _markdown_ref(self, token: str, at: int) -> None:  # [^6]
        number = number_value(token[2:-1])
        offset = self.add_text(superscript(number), at, len(token))
        self.footnote_refs.append((number, offset, at, at + len(token)))

    def _symbol(self, token: str, at: int) -> None:
        text, inner_start = _unlinked(token)
        at += inner_start
        offset = self.add_text(text, at)
        self.symbols.append((text, offset, at, at + len(text)))

    _linked_symbol = _symbol

    def _link(self, token: str, at: int) -> None:
        text, inner_start = _unlinked(token)
        self.add_text(text, at + inner_start)

    def _citation(self, token: str, at: int) -> None:
        """The citing word, then numbers, each with its date or not, joined by "," or "et".
        The text goes in as written, in one piece, but for a linked number's brackets and
        target: `written` is how much of the token is in the canonical text already."""
        phrase, written = self.length, 0
        for part in token_patterns("inline", self.language)[1].finditer(token):
            name, start, end = part.lastgroup, part.start(), part.end()
            if name == "RESOLUTION_NUMBER":
                symbol, inner_start = _unlinked(part.group())
                if inner_start:  # [73/291](#): the text before it, then the number alone
                    self.add_text(token[written:start], at + written)
                    offset, written = self.add_text(symbol, at + start + inner_start), end
                else:
                    offset = self.length + start - written
                in_unit = at + start + inner_start
                self.citations.append(
                    _Cited(
                        symbol, offset, in_unit, in_unit + len(symbol), offset + len(symbol), phrase
                    )
                )
            elif name == "CITED_DATE":
                cited = self.citations[-1]
                cited.date, cited.end = part.group(), at + end
                cited.text_end = self.length + end - written
            elif name == "LIST_CALL":  # a footnote called inside the list
                offset = self.length + start - written
                self.footnote_refs.append(
                    (superscript_value(part.group()), offset, at + start, at + end)
                )
        self.add_text(token[written:], at + written)

    # -- the result --------------------------------------------------------------------------
    def finish(self) -> Inline:
        source, index = self.source, self.index

        def span(start: int, end: int) -> Span:  # unit offsets → file span
            return index.span(source.to_source(start), source.to_source_end(end))

        text = "".join(self.parts)
        others = _other_organs(self.citations, text, self.language)
        inline = Inline(
            text,
            self.map.compose(source),
            index,
            self.italics,
            [FootnoteRef(n, offset, span(s, e)) for n, offset, s, e in self.footnote_refs],
            [
                Citation(
                    cited.symbol,
                    _date(cited.date, self.language),
                    cited.offset,
                    span(cited.start, cited.end),
                    cited.date,
                    cited.text_end,
                    cited.phrase,
                )
                for cited in self.citations
                if cited.phrase not in others
            ],
            [DocumentSymbol(t, offset, span(s, e)) for t, offset, s, e in self.symbols],
            self.strays,
        )
        inline.references = [
            Reference(found.number, found.label, found.start, inline.span(found.start, found.end))
            for found in references(text, self.language)
        ]
        return inline


# The method that reads each terminal of inline.lark: `_Builder._italic` for ITALIC.
_READERS = {
    name[1:].upper(): method
    for name, method in vars(_Builder).items()
    if name.startswith("_") and not name.startswith("__") and callable(method)
}


def _other_organs(citations: list[_Cited], text: str, language: str) -> set[int]:
    """The citing phrases (by where they start) of another organ's resolutions: "Security
    Council resolution 2334 (2016)", "la résolution 1980/67 du Conseil économique et social".
    They are not the Assembly's, and its rules about its own resolutions leave them alone."""
    if not citations:  # most units
        return set()
    before, after = _organ_patterns(language)
    subject = _organ_subject(language)
    own = _own_words(language)
    phrase_end: dict[int, int] = {}
    impossible: dict[int, bool] = {}  # per phrase: none of its numbers can be the Assembly's
    others = set()
    for cited in citations:
        phrase_end[cited.phrase] = cited.text_end
        if _SECURITY_COUNCIL.fullmatch(cited.symbol):  # only the Council numbers so
            others.add(cited.phrase)
        number = sessions.resolution_number(cited.symbol)
        if number is not None and (number.legacy or number.series):
            continue  # a special session's or an old number: it cannot tell whose it is
        date = _date(cited.date, language)
        alien = not sessions.could_be_the_assemblys(cited.symbol, date)
        impossible[cited.phrase] = impossible.get(cited.phrase, True) and alien
    for phrase, alien in impossible.items():
        # "resolution 31/1 of 20 May 2022" (a commission's): a number the Assembly never gave,
        # not introduced as its own ("its resolution", "General Assembly resolution"); or
        # introduced by an "its" whose organ follows ("through its resolution 54/18 of
        # 12 October 2023, the Human Rights Council submitted …").
        if alien and (
            not own.search(text, max(0, phrase - 40), phrase)
            or (subject is not None and subject.match(text, phrase_end[phrase]))
        ):
            others.add(phrase)
    for phrase, end in phrase_end.items():
        if (before and before.search(text, max(0, phrase - 120), phrase)) or (
            after and after.match(text, end)
        ):
            others.add(phrase)
    return others


_SECURITY_COUNCIL = re.compile(r"\d{3,4} \(\d{4}\)")


@cache
def _own_words(language: str) -> re.Pattern[str]:
    """The words that introduce the Assembly's own resolutions, just before the citing word."""
    return re.compile(lexicon.alternation(lexicon.load(language).phrases("own_citing")) + r" +\Z")


@cache
def _organ_patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The organs named before the citing word (English), or after the numbers (French)."""
    words = lexicon.load(language)
    before, after = words.phrases("other_organs_before"), words.phrases("other_organs_after")
    between = words.phrases("other_organs_between")
    then = f"(?: +{lexicon.alternation(between)})?" if between else ""
    return (
        re.compile(lexicon.alternation(before) + then + r" +\Z") if before else None,
        re.compile(r" *,? *" + lexicon.alternation(after)) if after else None,
    )


@cache
def _organ_subject(language: str) -> re.Pattern[str] | None:
    """Another organ named right after a citation, as the subject its "its" refers to: ",
    the Human Rights Council submitted"."""
    words = lexicon.load(language)
    organs = words.phrases("other_organs_before")
    if not organs:
        return None
    article = lexicon.alternation(words.phrases("definite_article"))
    return re.compile(
        rf"[ ,⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:{article} +)?" + lexicon.alternation(organs) + r"(?![\w'])"
    )


def _unlinked(text: str) -> tuple[str, int]:
    """The text of a Markdown link `[text](target)` and where it starts; other text as it is."""
    match = _LINK.match(text)
    return (match.group(1), 1) if match else (text, 0)


def _date(text: str | None, language: str):
    return find_date(text, language)[0] if text else None
