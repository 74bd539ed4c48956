"""Read the inline content of one unit (grammar/inline.lark) into an `Inline`."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, cast

from drafter import lexicon
from drafter.dates import find_date
from drafter.model import (
    Citation,
    DocumentSymbol,
    FootnoteRef,
    Inline,
    superscript,
    superscript_value,
)
from drafter.parser.compile import grammar_parser, is_token, runtime
from drafter.positions import LineIndex, TextMap

if TYPE_CHECKING:
    from lark import Token, Tree

_LINK = re.compile(r"\[([^\]]*)\]\(")


def read_inline(
    text: str, source: TextMap, index: LineIndex, language: str, start: int = 0
) -> Inline:
    """The inline content of `text` from `start` on (after a paragraph's number, say).
    `source` maps offsets of `text` to offsets of the file; `index` turns those into lines."""
    builder = _Builder(index, source, language)
    builder.add_parsed(text[start:], start)
    return builder.finish()


@cache
def _markup_starts(language: str) -> tuple[str, ...]:
    """What can start anything but plain text in inline.lark: markup, a footnote call, a
    symbol or resolution number (both hold "/"), or a word that introduces a citation."""
    return (*"*[/⁰¹²³⁴⁵⁶⁷⁸⁹", *lexicon.load(language).phrases("resolution_word"))


def _may_hold_markup(text: str, language: str) -> bool:
    # Substring tests, not one regex search: a tenth of the time over a resolution's texts.
    return any(start in text for start in _markup_starts(language))


@cache
def _italic(language: str) -> re.Pattern[str]:
    """The grammar's own ITALIC terminal."""
    terminal = grammar_parser("inline", language).get_terminal("ITALIC")
    return re.compile(terminal.pattern.to_regexp())


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
        self.citations: list[tuple[str, str | None, int, int, int, int, int]] = []
        self.symbols: list[tuple[str, int, int, int]] = []
        self.strays: list[int] = []

    # -- writing canonical text ------------------------------------------------------------
    def add_text(self, text: str, unit_offset: int, unit_length: int | None = None) -> int:
        start = self.length
        self.parts.append(text)
        self.map.add(len(text), unit_offset, unit_length)
        self.length += len(text)
        return start

    def add_parsed(self, text: str, base: int) -> None:
        """Parse `text` with inline.lark and add what it holds; most texts of a resolution
        are plain (a verb in italics, a footnote text), and skip the parser."""
        if not _may_hold_markup(text, self.language):
            self.add_text(text, base)
            return
        unmarked = _italic(self.language).sub(lambda italic: italic.group(0)[1:-1], text)
        if not _may_hold_markup(unmarked, self.language):  # no markup but plain italics
            self.add_plain_italics(text, base)
            return
        try:
            tree = grammar_parser("inline", self.language).parse(text)
        except runtime(self.language).LarkError:
            # The inline grammar accepts any line; should it ever fail, keep the text unmarked
            # rather than lose it.
            self.add_text(text, base)
        else:
            self.add_nodes(tree.children, base)

    def add_plain_italics(self, text: str, base: int) -> None:
        """Text whose only markup is italics of plain words ("*Décide* de …"): what the
        grammar would make of it (TEXT and ITALIC tokens), without the parser."""
        last = 0
        for match in _italic(self.language).finditer(text):
            if match.start() > last:
                self.add_text(text[last : match.start()], base + last)
            start = self.length
            self.add_text(match.group(0)[1:-1], base + match.start() + 1)
            self.italics.append((start, self.length))
            last = match.end()
        if last < len(text):
            self.add_text(text[last:], base + last)

    def add_nodes(self, nodes: list[Tree | Token], base: int) -> None:
        for node in cast("list[Tree]", nodes):  # start: _inline*, each a rule of its own
            getattr(self, f"_{node.data}")(node, base)

    # -- one method per rule of inline.lark --------------------------------------------------
    def _text(self, node: Tree, base: int) -> None:
        token = _only_token(node)
        self.add_text(str(token), _at(token, base))

    # A placeholder stays in the text as written; X001 finds it there.
    _placeholder = _text

    def _stray(self, node: Tree, base: int) -> None:
        token = _only_token(node)
        self.strays.append(self.add_text(str(token), _at(token, base)))

    def _italic(self, node: Tree, base: int) -> None:
        token = _only_token(node)
        start = self.length
        self.add_parsed(str(token)[1:-1], _at(token, base) + 1)
        self.italics.append((start, self.length))

    def _footnote_ref(self, node: Tree, base: int) -> None:
        token = _only_token(node)
        at = _at(token, base)
        if token.type == "SUPERSCRIPT":
            number = superscript_value(str(token))
            offset = self.add_text(str(token), at)
        else:  # [^6]
            number = int(str(token)[2:-1])
            offset = self.add_text(superscript(number), at, len(token))
        self.footnote_refs.append((number, offset, at, at + len(token)))

    def _symbol(self, node: Tree, base: int) -> None:
        token = _only_token(node)
        text, inner_start = _unlinked(str(token))
        at = _at(token, base) + inner_start
        offset = self.add_text(text, at)
        self.symbols.append((text, offset, at, at + len(text)))

    def _link(self, node: Tree, base: int) -> None:
        token = _only_token(node)
        text, inner_start = _unlinked(str(token))
        self.add_text(text, _at(token, base) + inner_start)

    def _citation(self, node: Tree, base: int) -> None:
        phrase = self.length
        for child in node.children:
            if is_token(child):  # the word "résolution" and the list separators
                self.add_text(str(child), _at(child, base))
            else:
                self._cited(child, base, phrase)

    def _cited(self, node: Tree, base: int, phrase: int) -> None:
        number, *rest = cast("list[Token]", node.children)
        symbol, inner_start = _unlinked(str(number))
        at = _at(number, base) + inner_start
        offset = self.add_text(symbol, at)
        end = at + len(symbol)
        date_text = None
        for token in rest:
            self.add_text(str(token), _at(token, base))
            if token.type == "CITED_DATE":
                date_text = str(token)
                end = _at(token, base) + len(token)
        self.citations.append((symbol, date_text, offset, at, end, self.length, phrase))

    # -- the result --------------------------------------------------------------------------
    def finish(self) -> Inline:
        to_file = self.map.compose(self.source)

        def span(start: int, end: int):  # unit offsets → file span
            return self.index.span(self.source.to_source(start), self.source.to_source_end(end))

        return Inline(
            text="".join(self.parts),
            map=to_file,
            index=self.index,
            italics=self.italics,
            footnote_refs=[
                FootnoteRef(n, offset, span(s, e)) for n, offset, s, e in self.footnote_refs
            ],
            citations=[
                Citation(symbol, _date(text, self.language), offset, span(s, e), text, end, phrase)
                for symbol, text, offset, s, e, end, phrase in self.citations
            ],
            symbols=[DocumentSymbol(t, offset, span(s, e)) for t, offset, s, e in self.symbols],
            stray_markers=self.strays,
        )


def _only_token(node: Tree) -> Token:
    """The token of a rule that holds one terminal (every rule of inline.lark but citations)."""
    return cast("Token", node.children[0])


def _at(token: Token, base: int) -> int:
    """Where a token starts in the unit (the lexer sets `start_pos` on every token)."""
    return base + cast(int, token.start_pos)


def _unlinked(text: str) -> tuple[str, int]:
    """The text of a Markdown link `[text](target)` and where it starts; other text as it is."""
    match = _LINK.match(text)
    return (match.group(1), 1) if match else (text, 0)


def _date(text: str | None, language: str):
    return find_date(text, language)[0] if text else None
