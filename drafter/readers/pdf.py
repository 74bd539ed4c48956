"""Read an official UN PDF into drafter's text form.

The text layer gives each character with its font, size and place (pypdfium2, imported only
when a PDF is read). From them: page furniture goes (masthead barcode, job number, running
header, page number, footnote rule); footnote texts at the foot of a page, in a smaller size,
become "¹ …" lines after the paragraph the page break cut; raised small digits become
superscript calls; italic runs become *…*; a paragraph begins at a wider gap or an indented
first line. What comes out is the text form the normalizer and the grammar read, with its
lines as the PDF wraps them (the normalizer joins them).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from drafter.cache import checksum_bytes, code_stamp, prune, read_data, store_data
from drafter.model import SUPERSCRIPT_DIGITS
from drafter.readers import JOB_NUMBER, PAGE_NUMBER, rejoin_cut_word

# A word cut at the end of a line: PDFium marks the break with this character. The UN does not
# hyphenate words of its own accord, so the hyphen is the word's ("South-South").
# (PDFium 6xxx writes U+FFFE where earlier versions wrote U+0002.)
_LINE_HYPHENS = "\x02\ufffe"
# What a resolution can be: the longest, with their annexes, have a few hundred pages. A PDF
# beyond either is refused rather than read for minutes.
MAX_PAGES = 2000
MAX_SECONDS = 60
MAX_UNPACKED_MB = 200
_COLUMN_GAP = 40  # points between two characters of a line that are two columns
_PAGE_FURNITURE = re.compile(rf"{JOB_NUMBER}|{PAGE_NUMBER}")
_RULE = re.compile(r"_{3,}")
_NUMBER = re.compile(r"(\d{1,3})\. ")  # a numbered paragraph's first line
_STARS = re.compile(r"(\*{1,3}) *(?=[A-Z])")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_CELL_GAP = 2.2  # sizes of the font between two characters: a table's next column
_SHORT_LINE = 36  # points short of the right edge: a paragraph's last line, not a justified one
_NOTE_SIZE = 0.85  # footnotes are set at about this part of the body's size (8.5 to 10)


class PdfProblem(Exception):
    """The PDF cannot be read as a resolution's text; the message says why, in one line."""


@dataclass(slots=True)
class _Char:
    text: str
    x: float
    y: float  # its baseline
    size: float  # in points, to a tenth
    italic: bool
    font: str


@dataclass
class _Line:
    page: int
    height: float = 792.0  # of its page, in points (US Letter; A4 is 842)
    chars: list[_Char] = field(default_factory=list)
    # Measured once the line is whole (`measure`): read many times while paragraphs are made.
    text: str = ""
    size: float = 0.0  # the size most of its characters have
    x: float = 0.0  # where its first visible character starts
    top: float = 0.0  # where it starts, up the page (a line PDFium joined at a cut word spans two)
    bottom: float = 0.0  # where it ends
    cells: list[str] | None = None  # a table's row: the text of each cell

    def measure(self) -> _Line:
        visible = [c for c in self.chars if c.text.strip()]
        self.text = "".join(char.text for char in self.chars).strip()
        sizes = [c.size for c in visible if c.size > 2]
        distinct = set(sizes)  # most lines have one size: no need to count
        self.size = distinct.pop() if len(distinct) == 1 else statistics.mode(sizes or [0.0])
        self.x = visible[0].x if visible else 0.0
        full = [c for c in visible if c.size >= self.size * 0.9]
        self.top, self.bottom = (full[0].y, full[-1].y) if full else (0.0, 0.0)
        return self

    def extend(self, other: _Line, *, spaced: bool) -> None:
        if spaced and other.text[:1] not in ",.;:)" and self.chars and self.chars[-1].text != " ":
            last = self.chars[-1]
            self.chars.append(_Char(" ", last.x, last.y, last.size, last.italic, last.font))
        self.chars.extend(other.chars)
        self.measure()


class PdfText(NamedTuple):
    """The text form of a PDF, and the page (from 1) each of its lines comes from."""

    text: str
    pages: list[int]


def read_pdf(data: bytes) -> PdfText:
    """The text form of a PDF's text layer; PdfProblem when there is none to read. A PDF read
    once is read back from the cache folder (a pre-commit hook lints the same files again and
    again): PDFium alone takes longer to open its pages than drafter takes to lint the text."""
    stamp = code_stamp(__file__, str(Path(__file__).parent / "__init__.py"))
    name = f"pdf/{checksum_bytes(data)}{len(data):x}-{stamp}.data"
    kept = read_data(name)
    if isinstance(kept, tuple) and len(kept) == 2:
        return PdfText(*kept)
    read = _read_text_layer(data)
    store_data(name, tuple(read))
    prune("pdf/*.data")
    return read


def _read_text_layer(data: bytes) -> PdfText:
    import pypdfium2  # type: ignore[import-untyped]

    _check_streams(data)
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise PdfProblem("encrypted PDF: drafter cannot read it without its password") from None
        raise PdfProblem(f"not a readable PDF ({error})") from None
    try:
        if len(document) > MAX_PAGES:
            raise PdfProblem(
                f"its {len(document)} pages are more than a resolution has (drafter reads up"
                f" to {MAX_PAGES}); not read"
            )
        calls = _Calls()
        started = time.monotonic()
        pages = []
        for number in range(len(document)):
            if time.monotonic() - started > MAX_SECONDS:
                raise PdfProblem(
                    f"its text takes more than {MAX_SECONDS} seconds to read (page"
                    f" {number + 1} of {len(document)}); not read"
                )
            pages.append(list(_lines(document, number, calls)))
    finally:
        document.close()
    if not any(line.text for page in pages for line in page):
        raise PdfProblem("no text layer (a scanned PDF?): run OCR first")
    return _compose(pages)


_STREAM = re.compile(rb"stream\r?\n")
_MB = 1024 * 1024


def _check_streams(data: bytes) -> None:
    """Refuse a PDF whose compressed streams would unpack to more than MAX_UNPACKED_MB (a PDF
    bomb), found by unpacking them in bounded pieces, each thrown away, before PDFium unpacks
    them whole."""
    import zlib

    total = 0
    for found in _STREAM.finditer(data):
        if b"FlateDecode" not in data[max(0, found.start() - 300) : found.start()]:
            continue
        end = data.find(b"endstream", found.end())
        inflater = zlib.decompressobj()
        pending = data[found.end() : end if end >= 0 else len(data)]
        try:
            while pending and not inflater.eof:
                total += len(inflater.decompress(pending, _MB))
                pending = inflater.unconsumed_tail
                if total > MAX_UNPACKED_MB * _MB:
                    raise PdfProblem(
                        f"its streams unpack to more than {MAX_UNPACKED_MB} MB, as a PDF bomb's"
                        " do; not read"
                    )
        except zlib.error:
            continue  # not a stream of ours to judge: PDFium will say


class _Calls:
    """The PDFium calls made once per character, with plain pointer and integer types: half
    the time of pypdfium2's typed bindings, which convert their pointer types on each call."""

    def __init__(self) -> None:
        import ctypes

        import pypdfium2.raw as raw  # type: ignore[import-untyped]

        def direct(name: str, restype: Any, *argtypes: Any) -> Any:
            address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value or 0
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        pointer, integer, double = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)
        self.raw = raw
        self.text_object = direct("FPDFText_GetTextObject", pointer, pointer, integer)
        self.origin = direct("FPDFText_GetCharOrigin", integer, pointer, integer, double, double)
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.x_ref, self.y_ref = ctypes.byref(self.x), ctypes.byref(self.y)

    def font(self, handle: Any, index: int) -> tuple[str, float]:
        """The name and size of a character's font: its text object's, asked once per object."""
        import ctypes

        name = ctypes.create_string_buffer(128)
        font = self.raw.FPDFTextObj_GetFont(self.raw.FPDFText_GetTextObject(handle, index))
        self.raw.FPDFFont_GetBaseFontName(font, name, 128)
        size = round(self.raw.FPDFText_GetFontSize(handle, index), 1)  # 9.96 and 10 are one
        return name.value.decode(errors="replace"), size


def _lines(document: Any, number: int, calls: _Calls) -> Iterator[_Line]:
    """The page's lines in PDFium's reading order, each cut where a wide gap parts columns."""
    import ctypes

    raw = calls.raw
    page = document[number]
    height = page.get_height()
    text_page = page.get_textpage()
    handle = text_page.raw
    address = ctypes.cast(handle, ctypes.c_void_p)
    count = text_page.count_chars()
    text = text_page.get_text_range() if count else ""
    if len(text) != count:  # characters beyond the first plane: one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))
    fonts: dict[int, tuple[str, float]] = {}  # by text object: its characters share a font
    line = _Line(number, height)
    last_x: float | None = None  # of the line's last visible character
    try:
        for index, char in enumerate(text):
            if char in "\r\n":
                if char == "\n" and line.chars:
                    yield line.measure()
                    line, last_x = _Line(number, height), None
                continue
            if char == " " and _spurious_space(raw, handle, index, text):
                continue
            calls.origin(address, index, calls.x_ref, calls.y_ref)
            key = calls.text_object(address, index) or 0
            if key not in fonts:
                fonts[key] = calls.font(handle, index)
            font, size = fonts[key]
            x = calls.x.value
            visible = not char.isspace()
            if visible and last_x is not None and x - last_x > _COLUMN_GAP * 3:
                yield line.measure()  # another column on its baseline: "General Assembly  Distr."
                line = _Line(number, height)
            if visible:
                last_x = x
            text_of = "-" if char in _LINE_HYPHENS else char
            line.chars.append(_Char(text_of, x, calls.y.value, size, "Italic" in font, font))
        if line.chars:
            yield line.measure()
    finally:
        text_page.close()
        page.close()


def _spurious_space(raw: Any, handle: Any, index: int, text: str) -> bool:
    """A space PDFium made up inside a word: between two letters closer than words stand
    ("aff ect" after a ligature, "thes e" in a line set with letter spacing). Measured on the
    samples: letters stand up to 0.17 of the font's size apart, words 0.19 and more."""
    import ctypes

    if not 0 < index < len(text) - 1 or not raw.FPDFText_IsGenerated(handle, index):
        return False
    if not (text[index - 1].isalpha() and (text[index + 1].isalpha() or text[index + 1] == "-")):
        return False
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    raw.FPDFText_GetCharBox(handle, index - 1, left, right, bottom, top)
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(handle, index + 1, x, y)
    size = raw.FPDFText_GetFontSize(handle, index - 1)
    return 0 <= x.value - right.value < size * 0.18


def _compose(pages: list[list[_Line]]) -> PdfText:
    body_size = statistics.mode(
        c.size for page in pages for line in page for c in line.chars if c.size > 2
    )
    body: list[_Line] = []
    notes: list[tuple[int, list[str]]] = []  # the page each footnote is on, and its lines
    for page in pages:
        below_rule = in_star_note = False
        rows = _table_baselines(page, body_size)
        for line in page:
            text = line.text
            if not text or _furniture(line, body_size, first_page=line.page == 0):
                continue
            if _RULE.fullmatch(text):
                below_rule = True
                continue
            # (A star note's next lines, in its size, go on with it, rule or no rule.)
            in_star_note = _star_note(line, body_size) or (
                in_star_note and line.size < body_size * 0.95
            )
            if (below_rule and line.size < body_size) or in_star_note:
                _add_note(notes, line, body_size)
            elif (cells := _table_cells(line, body, rows, body_size)) is not None:
                _add_cells(line, cells, body)
            elif body and _only_calls(line, body_size):
                body[-1].extend(line, spaced=False)  # a call PDFium cut off its word
            elif body and _goes_on(body[-1], line):
                body[-1].extend(line, spaced=True)  # the words after a call PDFium cut at
            else:
                body.append(line)
    return _write(body, notes, body_size)


# -- tables: set smaller than the body, their cells on one baseline, columns apart -------------
def _small(line: _Line, body_size: float) -> bool:
    return line.size < body_size * 0.95 and not _only_calls(line, body_size)


def _table_baselines(page: list[_Line], body_size: float) -> set[int]:
    """The baselines on which two or more pieces of small text stand: a table's rows."""
    seen: dict[int, int] = {}
    for line in page:
        if _small(line, body_size):
            seen[round(line.top)] = seen.get(round(line.top), 0) + 1
    return {top for top, count in seen.items() if count > 1}


def _table_cells(
    line: _Line, body: list[_Line], rows: set[int], body_size: float
) -> list[_Line] | None:
    """The cells of a line of small text that is a table's row, or a part of one: on a row's
    baseline, cut into columns, or right under a row (the table's note: "*Abbreviations*:
    …"); None for a line of no table."""
    if not _small(line, body_size):
        return None
    cells = _cut(line)
    previous = body[-1] if body else None
    under_a_row = previous is not None and previous.cells is not None and previous.page == line.page
    return cells if round(line.top) in rows or len(cells) > 1 or under_a_row else None


def _cut(line: _Line) -> list[_Line]:
    """The line cut where its characters stand a column apart."""
    pieces = [_Line(line.page, line.height)]
    last_x: float | None = None
    for char in line.chars:
        if char.text.strip():
            if last_x is not None and char.x - last_x > line.size * _CELL_GAP:
                pieces.append(_Line(line.page, line.height))
            last_x = char.x
        pieces[-1].chars.append(char)
    return [piece.measure() for piece in pieces if "".join(c.text for c in piece.chars).strip()]


def _add_cells(line: _Line, pieces: list[_Line], body: list[_Line]) -> None:
    """The line's cells (`pieces` of it), to the row on its baseline or to a row of its own."""
    cells = [_marked(piece, piece.size) for piece in pieces]
    previous = body[-1] if body else None
    if (
        previous is not None
        and previous.cells is not None
        and previous.page == line.page
        and abs(previous.top - line.top) < 1
    ):
        previous.cells += cells
        return
    line.cells = cells
    body.append(line)


def _goes_on(previous: _Line, line: _Line) -> bool:
    """The line is the rest of the one before, on its baseline, to its right."""
    return (
        previous.page == line.page
        and any(c.text.strip() for c in previous.chars)
        and abs(previous.bottom - line.top) < previous.size * 0.3
        and 0 <= line.x - _last_x(previous) < _COLUMN_GAP * 3
    )


def _only_calls(line: _Line, body_size: float) -> bool:
    return all(c.text.isdigit() and c.size < body_size * 0.8 for c in line.chars if c.text.strip())


def _furniture(line: _Line, body_size: float, *, first_page: bool) -> bool:
    """What the page carries and the resolution does not: barcode, job and page numbers,
    the running header (symbol and short title, small, at the top of later pages)."""
    text = line.text
    if any("Barcode" in c.font for c in line.chars):
        return True
    if _PAGE_FURNITURE.fullmatch(text):
        return True
    # (The top eighth of the page, whatever its size: UN documents are printed on A4 and Letter.)
    return not first_page and line.size < body_size and line.top > line.height * 0.875


def _star_note(line: _Line, body_size: float) -> bool:
    """A note marked with asterisks at a page's foot, in the notes' size, rule or no rule
    ("* In its capacity as Chair of the Committee …", on a sponsor)."""
    return _STARS.match(line.text) is not None and line.size < body_size * 0.95


def _add_note(notes: list[tuple[int, list[str]]], line: _Line, body_size: float) -> None:
    """A footnote begins with its number, smaller still than its text (read as a superscript,
    as a call is), or with asterisks; a line without either goes on with the note before."""
    stars = _STARS.match(line.text)
    if stars:
        notes.append((line.page, [f"[^{stars.group(1)}]: {line.text[stars.end() :]}"]))
        return
    # Measured against the notes' own size: a number on a line of its own is small too.
    text = _marked(line, body_size * _NOTE_SIZE)
    if text[:1] in SUPERSCRIPT_DIGITS:
        notes.append((line.page, [text]))
    elif notes:
        notes[-1][1].append(text)


def _write(body: list[_Line], notes: list[tuple[int, list[str]]], body_size: float) -> PdfText:
    """Paragraphs as blocks of their lines, a blank line between; each page's footnotes after
    the paragraph its page break cut."""
    gaps = [
        round(a.bottom - b.top, 1)
        for a, b in pairwise(body)
        if a.page == b.page and 0 < a.bottom - b.top < body_size * 2
    ]
    spacing = statistics.median(gaps) if gaps else body_size * 1.2  # a text of one line
    right = statistics.mode(
        [round(_last_x(line)) for line in body if line.size == body_size] or [0]
    )
    out: list[list[tuple[str, int]]] = []  # blocks of lines, each with its page
    pending: list[list[tuple[str, int]]] = []

    def notes_of(page: int) -> list[list[tuple[str, int]]]:
        # A note is one line: its second line ("Available at https://…") would read as the
        # body going on after it.
        return [[(_one_line(lines), on)] for on, lines in notes if on == page]

    numbered = 0  # the number of the last paragraph that began with one ("38. We …")
    for previous, line in zip([None, *body], body, strict=False):
        if previous is not None and previous.page != line.page:
            pending.extend(notes_of(previous.page))
        if line.cells is not None:  # a table's row: a line of its own, "| cell | cell |"
            out.extend(pending)
            pending = []
            out.append([("| " + " | ".join(line.cells) + " |", line.page)])
            continue
        if (
            previous is None
            or previous.cells is not None
            or _begins_block(previous, line, body_size, right, spacing)
            # At the top of a page, where no gap can be measured, the next number begins its
            # paragraph ("… data governance." ends page 46 of A/RES/79/1 as a full line;
            # "39. We commit …" opens page 47, flush left).
            or (previous.page != line.page and line.text.startswith(f"{numbered + 1}. "))
        ):
            out.extend(pending)
            pending = []
            out.append([])
            number = _NUMBER.match(line.text)
            numbered = int(number.group(1)) if number else numbered
        marked = _marked(line, body_size)
        block = out[-1]
        rejoined = rejoin_cut_word(block[-1][0], marked) if block else None
        if rejoined:
            block[-1] = (rejoined[0], block[-1][1])
            marked = rejoined[1]
        if marked:
            block.append((marked, line.page))
    out.extend(pending)
    last_page = body[-1].page if body else 0
    out.extend(
        block
        for page in sorted({on for on, _ in notes})
        if page >= last_page
        for block in notes_of(page)
    )
    lines: list[str] = []
    pages: list[int] = []
    for block in (_number_alone(block) for block in out if block):
        if lines:
            lines.append("")
            pages.append(pages[-1])
        for text, page in block:
            lines.append(text)
            pages.append(page + 1)
    return PdfText("\n".join(lines) + "\n", pages)


def _one_line(lines: list[str]) -> str:
    """A note's lines joined, a word cut at a line's end made whole."""
    joined = lines[0]
    for line in lines[1:]:
        rejoined = rejoin_cut_word(joined, line)
        joined = f"{rejoined[0]} {rejoined[1]}".rstrip() if rejoined else f"{joined} {line}"
    return joined


def _begins_block(
    previous: _Line, line: _Line, body_size: float, right: float, spacing: float
) -> bool:
    # A first line's indent is measured against the line before, not against one margin for
    # the whole text: the heading's lines, a title's hanging lines and subparagraphs indented
    # as a block ("(i) …" and its following lines) stand at other places.
    indented = line.size == body_size and line.x > previous.x + 10
    if previous.page != line.page:
        # An indented first line; or, flush left, after a paragraph's last line, one that
        # ends as a paragraph does well short of the justified lines' right edge ("…
        # terrorists." on one page, "Action 27. We will …" on the next).
        # A head set in bold ("Action 6. We will …") after a line of roman text.
        headed = "Bold" in line.chars[0].font and "Bold" not in previous.chars[-1].font
        return indented or _ends_short(previous, right) or headed
    gap = previous.bottom - line.top
    return gap > spacing * 1.3 or gap < 0 or indented


def _ends_short(line: _Line, right: float) -> bool:
    """The line ends as a paragraph does (its footnote calls aside), well short of the right
    edge of justified lines: a paragraph's last line."""
    last = next(
        (c for c in reversed(line.chars) if c.text.strip() and c.size >= line.size * 0.9), None
    )
    return last is not None and last.x < right - _SHORT_LINE and last.text in ".;:,"


def _last_x(line: _Line) -> float:
    """Where the line's last visible character starts."""
    return next((c.x for c in reversed(line.chars) if c.text.strip()), line.x)


def _number_alone(block: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """ "3." on a line of its own, the paragraph on the next: one line."""
    if len(block) > 1 and re.fullmatch(r"\d+\.", block[0][0]):
        return [(f"{block[0][0]} {block[1][0]}", block[1][1]), *block[2:]]
    return block


def _marked(line: _Line, size: float) -> str:
    """The line's text with its italics as *…* and its raised small digits as superscripts."""
    pieces: list[str] = []
    italic = False
    for char in line.chars:
        text = char.text
        small = char.size < size * 0.8 and char.size > 2
        if small and text.isdigit():
            while pieces and pieces[-1] == " ":
                pieces.pop()  # "Rights, 1" → "Rights,¹"
            pieces.append(text.translate(_TO_SUPERSCRIPT))
            continue
        # A run begins on a word: PDFium gives the full stop and space after a paragraph's
        # number the italic font of the verb they stand before ("11. *Underlines*").
        starts = char.italic and (text.isalnum() or text in "“‘([") and not italic
        ends = italic and not char.italic and text.strip()
        if starts:
            pieces.append("*")
            italic = True
        elif ends:
            _close_italics(pieces)
            italic = False
        pieces.append(text)
    if italic:
        _close_italics(pieces)
    marked = re.sub(r" {2,}", " ", "".join(pieces)).strip()
    if marked.startswith("*") and marked.rstrip(",.;:").endswith("*") and marked.count("*") == 2:
        return marked.replace("*", "")  # all of it in italics: a line set so, not an opening
    return marked


def _close_italics(pieces: list[str]) -> None:
    """The closing * goes before the spaces the italic run ended with."""
    spaces = 0
    while pieces and pieces[-1] == " ":
        pieces.pop()
        spaces += 1
    pieces.append("*" + " " * spaces)
