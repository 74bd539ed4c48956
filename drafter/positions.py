"""Positions in the file the user opened, and maps from derived text back to them.

The parser works on derived text: wrapped lines joined, footnote blocks lifted out, links and
Markdown footnote references rewritten. Every derived string carries a `TextMap` so that any
offset in it names a true line and column of the original file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple


class Span(NamedTuple):
    """A region of the original file; lines and columns start at 1, the end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


class Place(NamedTuple):
    """Where a finding is for a reader of a file whose lines they cannot count (a PDF, a Word
    document): its page, where the format has pages, the part of the resolution ("operative
    paragraph 12", or a paragraph's first words), and the column in that paragraph, where the
    format's paragraphs are what a reader finds (Word)."""

    page: int | None
    part: str
    column: int | None = None

    def __str__(self) -> str:
        where = [f"page {self.page}"] if self.page is not None else []
        where += [self.part] if self.part else []
        where += [f"column {self.column}"] if self.column is not None else []
        return ", ".join(where)


class LineIndex:
    """Turns character offsets of the original text into (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(match.end() for match in re.finditer("\n", text))
        self.length = len(text)

    def span(self, start: int, end: int) -> Span:
        """The lines and columns of two offsets, each kept within the text, and the end not
        before the start. (One function, not two calls of a helper: the model asks this of
        every unit.)"""
        starts, length = self.starts, self.length
        start = 0 if start < 0 else min(start, length)
        end = start if end < start else min(end, length)
        line = bisect_right(starts, start)
        end_line = bisect_right(starts, end, line - 1)
        return Span(line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1)

    def offsets(self, span: Span) -> tuple[int, int]:
        """The offsets in the text where a span starts and ends: `span`'s inverse."""
        starts = self.starts
        return (
            starts[span.line - 1] + span.column - 1,
            starts[span.end_line - 1] + span.end_column - 1,
        )


class Piece(NamedTuple):
    """`length` characters of derived text from `source_start` on, and `source_length` of source.

    Equal lengths map character by character; unequal ones (a link reduced to its text, a
    Markdown reference rewritten as a superscript) map the whole piece to the whole source.
    """

    start: int
    length: int
    source_start: int
    source_length: int


class TextMap:
    """Maps offsets of a derived string to offsets of its source text."""

    __slots__ = ("_starts", "_unresolved", "length", "pieces")

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self._starts: list[int] = []
        self.length = 0
        self._unresolved: tuple[TextMap, TextMap] | None = None  # see `compose`

    def add(self, length: int, source_start: int, source_length: int | None = None) -> None:
        if length <= 0 and not source_length:
            return
        source_length = length if source_length is None else source_length
        if self.pieces and length == source_length:
            start, last_length, last_source, last_source_length = self.pieces[-1]
            if last_length == last_source_length and last_source + last_length == source_start:
                # Text that goes on where the last piece ends, in both: one piece is enough,
                # and fewer pieces make lookups and `compose` cheaper.
                joined = last_length + length
                self.pieces[-1] = Piece(start, joined, last_source, joined)
                self.length += length
                return
        self.pieces.append(Piece(self.length, length, source_start, source_length))
        self._starts.append(self.length)
        self.length += length

    def to_source(self, offset: int) -> int:
        """The source offset of the derived character at `offset` (or just past the end)."""
        if self._unresolved:
            self._resolve()
        if not self.pieces:
            return 0
        index = max(0, bisect_right(self._starts, offset) - 1)
        piece = self.pieces[index]
        inside = offset - piece.start
        if piece.length == piece.source_length:
            return piece.source_start + inside
        return piece.source_start + (piece.source_length if inside >= piece.length else 0)

    def to_source_end(self, offset: int) -> int:
        """The source offset just past the derived character before `offset`."""
        if self._unresolved:
            self._resolve()
        if offset <= 0 or not self.pieces:
            return self.to_source(0)
        piece = self._piece_at(offset - 1)
        if piece.length == piece.source_length:
            return piece.source_start + (offset - 1 - piece.start) + 1
        return piece.source_start + piece.source_length

    def _piece_at(self, offset: int) -> Piece:
        if self._unresolved:
            self._resolve()
        return self.pieces[max(0, bisect_right(self._starts, offset) - 1)]

    def compose(self, outer: TextMap) -> TextMap:
        """This map followed by `outer` (which maps this map's source to the file). The pieces
        are worked out when the map is first used: most texts are never asked a position."""
        composed = TextMap()
        composed.length = self.length
        composed._unresolved = (self, outer)
        return composed

    def _resolve(self) -> None:
        assert self._unresolved is not None
        inner, outer = self._unresolved
        self._unresolved = None
        self.length = 0  # counted again as the pieces are added
        if inner._unresolved:
            inner._resolve()
        for piece in inner.pieces:
            if piece.length == piece.source_length:
                # Split where the outer map changes piece, so each part stays exact.
                done = 0
                while done < piece.length:
                    source = piece.source_start + done
                    outer_piece = outer._piece_at(source)
                    run = piece.length - done
                    if outer_piece.length == outer_piece.source_length:
                        run = min(run, outer_piece.start + outer_piece.length - source)
                        self.add(run, outer.to_source(source))
                    else:
                        run = min(run, max(1, outer_piece.start + outer_piece.length - source))
                        self.add(run, outer_piece.source_start, outer_piece.source_length)
                    done += run
            else:
                start = outer.to_source(piece.source_start)
                end = outer.to_source_end(piece.source_start + piece.source_length)
                self.add(piece.length, start, max(0, end - start))
