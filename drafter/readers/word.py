"""Read a Word document (.docx) into drafter's text form.

The package is opened with zipfile and lxml (python-docx, which writes Word, would take longer
to import and to parse than the whole reading: a lint runs on every commit), and only the parts
drafter needs are parsed: the main document and the styles, numbering and footnotes it refers
to. The body's paragraphs are walked in their XML, tracked changes, footnote calls and the
numbers Word generates included. Italic runs (their own formatting, their character
style, or their paragraph's style) become *…*; a footnote call becomes a superscript number in
the order of the calls, and the footnote's text goes after the body; a list number Word
generates ("3.", "(a)") is written before the paragraph as a typed one would be; a tab is a
space and a line break a wrapped line. Tracked changes are read as accepted (or rejected).
"""

from __future__ import annotations

import io
import posixpath
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, overload

from drafter.cache import code_stamp, prune, read_data, store_data
from drafter.model import SUPERSCRIPT_DIGITS
from drafter.reader import OLE_CONTAINER
from drafter.readers.zipped import DEFAULT_LIMITS, Limits, ZipLimit, read_entry

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream an encrypted .docx hides in
_OFF = {"0", "false", "off", "none"}
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
# Elements whose content is not the paragraph's text: deletions (or insertions, when changes
# are rejected), field codes, text boxes anchored in it (their own paragraphs), comments.
_NEVER_TEXT = {f"{_W}{name}" for name in ("instrText", "txbxContent", "pPr", "rPrChange")}
_FORMATS = {"lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimal"}


class WordProblem(Exception):
    """The file cannot be read as a Word document; the message says why, in one line."""


class WordLine(NamedTuple):
    """Where a line of the text form comes from in the document: its paragraph (by its first
    words, which a Word user can search for) and how many of the paragraph's characters come
    before the line (negative where Word's generated number "3. " was written before it)."""

    paragraph: str
    offset: int


class WordText(NamedTuple):
    text: str
    lines: list[WordLine]  # one per line of `text`
    revisions: int  # tracked changes read as accepted (or rejected)
    origins: Origins  # one per character of `text`: where --fix edits it
    parts: dict[str, Any]  # the XML trees those characters are in, by their part's name


def read_docx(
    data: bytes, revisions: str = "accepted", limits: Limits = DEFAULT_LIMITS
) -> WordText:
    """The text form of a .docx; WordProblem when it is none that drafter can read, or one
    of its parts is over the `limits` of a zip package."""
    if data.startswith(OLE_CONTAINER):  # Word 97-2003, or an encrypted Office file
        if _ENCRYPTED in data:
            raise WordProblem("password-protected Word document: save a copy without a password")
        raise WordProblem("old binary Word document (.doc): save it as .docx (Word 2007 or later)")
    document = _open(data, limits)
    return _Reader(document, revisions).read()


def _open(data: bytes, limits: Limits) -> _Package:
    import zipfile

    from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

    try:
        return _Package(zipfile.ZipFile(io.BytesIO(data)), limits)
    except ZipLimit as limit:
        raise WordProblem(str(limit)) from None
    except zipfile.BadZipFile as error:
        if "CRC" in str(error):  # what was unpacked is not what the headers say
            raise WordProblem(
                "a part of it is not what the package's headers say (damaged, or made to"
                " deceive); not read"
            ) from None
        raise WordProblem(f"not a readable Word document ({_first_line(error)})") from None
    except (KeyError, XMLSyntaxError, OSError, EOFError) as error:
        raise WordProblem(f"not a readable Word document ({_first_line(error)})") from None


class _Package:
    """The parts of a .docx that drafter reads: the main document, and the numbering and
    footnotes parts it refers to, as XML trees (an empty one where there is none), and the
    name of its styles part (see _Styles)."""

    def __init__(self, archive: Any, limits: Limits) -> None:
        self.archive = archive
        self.limits = limits
        self.relations: dict[str, list[Any]] = {}
        main = self.related("/", "officeDocument")
        if main is None:
            raise WordProblem("not a Word document (it has no main document part)")
        kind = self.content_type(main)
        if "wordprocessingml" not in kind:
            raise WordProblem(f"not a Word document (its content type is {kind or 'unknown'})")
        self.document_name = main
        self.document = self.xml(main)
        self.styles_name = self.related(main, "styles")
        self.numbering = self.related_xml(main, "numbering")
        self.footnotes_name = self.related(main, "footnotes")
        self.footnotes = self.xml(self.footnotes_name) if self.footnotes_name else None

    def xml(self, name: str) -> Any:
        entry = name.lstrip("/")
        return _xml(read_entry(self.archive, entry, _part_name(entry), self.limits))

    def related_xml(self, source: str, kind: str) -> Any:
        from lxml import etree  # type: ignore[import-untyped]

        name = self.related(source, kind)
        return self.xml(name) if name else etree.Element("none")

    def related(self, source: str, kind: str) -> str | None:
        """The part that `source` refers to by a relationship of `kind` (the type's last
        word: transitional and strict documents spell its beginning differently)."""
        folder = source.rpartition("/")[0]
        for relation in self.relationships(source):
            if relation.get("TargetMode") == "External":
                continue
            if relation.get("Type", "").rpartition("/")[2] == kind:
                target = relation.get("Target", "")
                joined = target if target.startswith("/") else f"{folder}/{target}"
                name = posixpath.normpath(joined)
                return name if name.lstrip("/") in self.archive.NameToInfo else None
        return None

    def relationships(self, source: str) -> list[Any]:
        if source not in self.relations:
            folder, _, file = source.rpartition("/")
            rels = f"{folder}/_rels/{file}.rels".lstrip("/")
            found = self.archive.NameToInfo.get(rels)
            tree = self.xml(rels) if found else None
            self.relations[source] = [] if tree is None else list(tree.iter(f"{_RELATIONSHIPS}*"))
        return self.relations[source]

    def content_type(self, name: str) -> str:
        types = self.xml("[Content_Types].xml")
        for override in types.iter(f"{_CONTENT_TYPES}Override"):
            if override.get("PartName", "").lower() == name.lower():
                return str(override.get("ContentType", ""))
        extension = name.rpartition(".")[2].lower()
        for default in types.iter(f"{_CONTENT_TYPES}Default"):
            if default.get("Extension", "").lower() == extension:
                return str(default.get("ContentType", ""))
        return ""


def _part_name(entry: str) -> str:
    """How the user is told of a part: "its document part", "its footnotes part"."""
    stem = entry.rpartition("/")[2].removesuffix(".xml")
    named = stem in {"document", "footnotes", "styles"}
    return f"its {stem} part" if named else f"its part {entry}"


def _xml(data: bytes) -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    # A Word document's XML declares no document type: one that does is made to expand its
    # entities (a "billion laughs") or to fetch files; it is refused before it is parsed.
    if b"<!DOCTYPE" in data[:4096]:
        raise WordProblem("its XML declares a document type, as no Word document does; not read")
    # No entities, no network: a document's XML is data, never instructions.
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


Origin = tuple[Any, int]  # a character's w:t element and its index there


class _Piece(NamedTuple):
    text: str
    element: Any  # the w:t the text is all of (from `first` on), or None: drafter wrote it
    first: int = 0


class Origins(Sequence[Origin | None]):
    """Where each character of the text comes from, held as one entry per piece of text (a
    lint asks for none of them, --fix for the few it changes)."""

    def __init__(self, pieces: Iterable[_Piece]) -> None:
        self.starts: list[int] = []
        self.pieces: list[_Piece] = []
        self.length = 0
        for piece in pieces:
            if piece.text:
                self.starts.append(self.length)
                self.pieces.append(piece)
                self.length += len(piece.text)

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> Origin | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[Origin | None]: ...
    def __getitem__(self, index: int | slice) -> Origin | list[Origin | None] | None:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.length))]
        if index < 0:
            index += self.length
        if not 0 <= index < self.length:
            raise IndexError(index)
        at = bisect_right(self.starts, index) - 1
        piece = self.pieces[at]
        if piece.element is None:
            return None
        return piece.element, piece.first + index - self.starts[at]


class _Line:
    """A line of the text form, as pieces that each say where their characters come from."""

    def __init__(self, pieces: list[_Piece] | None = None) -> None:
        self.set(pieces or [])

    def set(self, pieces: list[_Piece]) -> None:
        self.pieces = pieces
        self.text = "".join(piece.text for piece in pieces)  # kept: read far more than changed

    def add(self, text: str, element: Any = None) -> None:
        """Text from `element` (a w:t, when each character is its own), or drafter's."""
        own = element is not None and len(text) == len(element.text or "")
        self.pieces.append(_Piece(text, element if own else None))
        self.text += text

    def insert(self, index: int, text: str) -> None:
        before, after = self.split(index)
        self.set([*before, _Piece(text, None), *after])

    def drop(self, start: int, end: int | None = None) -> None:
        """Keep the characters from `start` to `end` only."""
        if start == 0 and end in (None, len(self.text)):
            return
        kept = self.split(start)[1]
        if end is not None and end < len(self.text):
            kept = _Line(kept).split(end - start)[0]
        self.set(kept)

    def split(self, index: int) -> tuple[list[_Piece], list[_Piece]]:
        before: list[_Piece] = []
        for at, piece in enumerate(self.pieces):
            if index <= 0:
                return before, self.pieces[at:]
            if index < len(piece.text):
                head = _Piece(piece.text[:index], piece.element, piece.first)
                tail = _Piece(piece.text[index:], piece.element, piece.first + index)
                return [*before, head], [tail, *self.pieces[at + 1 :]]
            before.append(piece)
            index -= len(piece.text)
        return before, []

    def strip(self, *, left: bool = True, right: bool = True) -> None:
        text = self.text
        start = len(text) - len(text.lstrip()) if left else 0
        end = len(text.rstrip()) if right else len(text)
        self.drop(start, max(start, end))

    def extend(self, other: _Line) -> None:
        self.pieces += other.pieces
        self.text += other.text


@dataclass
class _Block:
    """A paragraph of the text form: its lines, and where each starts in the document."""

    lines: list[_Line] = field(default_factory=lambda: [_Line()])
    starts: list[int] = field(default_factory=lambda: [0])

    @property
    def empty(self) -> bool:
        return not "".join(line.text for line in self.lines).strip()


class _Reader:
    def __init__(self, package: _Package, revisions: str) -> None:
        self.package = package
        self.skipped = {f"{_W}del", f"{_W}moveFrom"}
        if revisions == "rejected":
            self.skipped = {f"{_W}ins", f"{_W}moveTo"}
        self.revised = {f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo"}
        self.revisions = 0
        self.styles = _Styles.of(package)
        self.numbering = _Numbering(self.styles, package.numbering)
        self.footnote_elements = _footnotes(package.footnotes)
        self.calls: dict[str, int] = {}  # footnote id → its number, in the order of the calls
        self.marks: dict[str, str] = {}  # footnote id → its own mark ("*"), not numbered

    def read(self) -> WordText:
        body = [(b, words) for b, words in self.body_blocks() if not b.empty]
        notes = list(self.footnote_blocks())
        lines: list[str] = []
        pieces: list[_Piece] = []
        places: list[WordLine] = []
        for block, words in [*body, *notes]:
            if lines:
                lines.append("")
                pieces.append(_Piece("\n", None))
                places.append(places[-1])
            for line, start in zip(block.lines, block.starts, strict=True):
                line.strip(left=False)
                lines.append(line.text)
                pieces += [*line.pieces, _Piece("\n", None)]  # and its line end
                places.append(WordLine(words, start))
        if not lines:
            raise WordProblem("the Word document has no text")
        text = "\n".join(lines) + "\n"
        parts = {self.package.document_name: self.package.document}
        if self.package.footnotes_name:
            parts[self.package.footnotes_name] = self.package.footnotes
        return WordText(text, places, self.revisions, Origins(pieces), parts)

    def body_blocks(self) -> Iterator[tuple[_Block, str]]:
        """The body's paragraphs, and each row of a table as one line "| cell | cell |"."""
        row: Any = None  # the w:tr being read, and its cells' text (w:tc)
        last_cell: Any = None
        cells: list[_Line] = []
        words = ""
        for element in _paragraphs(self.package.document):
            cell = next(element.iterancestors(f"{_W}tc"), None)
            if cell is None or cell.getparent() is not row:
                if row is not None:
                    yield _row_block(cells), words
                row, cells, words = None, [], ""
            if cell is None:
                yield self.paragraph(element), _words(element)
                continue
            if row is None:
                row, words = cell.getparent(), _words(element)
            if cell is not last_cell:
                cells.append(_Line())
                last_cell = cell
            for line in self.paragraph(element).lines:
                line.strip()
                if cells[-1].text and line.text:
                    cells[-1].add(" ")
                cells[-1].extend(line)
        if row is not None:
            yield _row_block(cells), words

    # -- a paragraph -------------------------------------------------------------------------
    def paragraph(self, element: Any) -> _Block:
        block = _Block()
        properties = element.find(f"{_W}pPr")  # the paragraph's own (w:pPr)
        style = _style_of(properties)
        label = self.numbering.label(properties, style)
        if label:
            block.lines[0].add(f"{label} ")
            block.starts[0] = -len(block.lines[0].text)
        style_italic = self.styles.italic(style)
        italic = False
        count = 0  # characters of the paragraph as Word counts them
        for run_properties, child, text in self.pieces(element):
            if text == "\n":  # a line break: a wrapped line, which the normalizer joins
                block.lines.append(_Line())
                block.starts.append(count)
                continue
            run_italic = _italic(run_properties, self.styles, style_italic)
            if text.strip() and run_italic != italic:
                _mark_italics(block.lines[-1], closing=italic)
                italic = run_italic
            block.lines[-1].add(text, child if child.tag == f"{_W}t" else None)
            count += len(text)
        if italic:
            _mark_italics(block.lines[-1], closing=True)
        if not label:
            block.lines[0].strip(right=False)
        return block

    def pieces(self, paragraph: Any) -> Iterator[tuple[Any, Any, str]]:
        """The properties (w:rPr) of each run of the paragraph (those a revision keeps), each
        of the run's children, and the text that child shows."""
        for run in self.runs(paragraph):
            properties = run.find(f"{_W}rPr")
            superscript = _superscript(properties)
            for child in run:
                text = self.text_of(child, superscript)
                if text:
                    yield properties, child, text

    def runs(self, element: Any) -> Iterator[Any]:
        for child in element:
            tag = child.tag
            if tag in self.skipped or tag in _NEVER_TEXT:
                if tag in self.revised:
                    self.revisions += 1
                continue
            if tag in self.revised:
                self.revisions += 1
            if tag == f"{_W}r":
                yield child
            elif tag != f"{_W}p":  # hyperlinks, insertions, smart tags, content controls
                yield from self.runs(child)

    def text_of(self, child: Any, superscript: bool) -> str:
        tag = child.tag[len(_W) :] if child.tag.startswith(_W) else ""
        if tag in ("t", "delText"):
            text = child.text or ""
            if superscript and text.isdigit():
                return text.translate(_TO_SUPERSCRIPT)
            if superscript and text.strip(" *"):  # "49^e", as the text form writes it
                return f"^{text}"
            return text
        if tag in ("tab", "ptab"):
            return " "
        if tag in ("br", "cr"):
            return "\n"
        if tag == "noBreakHyphen":
            return "-"
        if tag == "footnoteReference":
            return self.call(child)
        return ""

    def call(self, reference: Any) -> str:
        identifier = reference.get(f"{_W}id", "")
        if reference.get(f"{_W}customMarkFollows") in ("1", "true", "on"):
            self.marks.setdefault(identifier, "*")  # the mark is the run's text that follows
            return ""
        return _superscript_number(self.calls.setdefault(identifier, len(self.calls) + 1))

    # -- footnotes -----------------------------------------------------------------------------
    def footnote_blocks(self) -> Iterator[tuple[_Block, str]]:
        """The footnotes, in the order of their calls: "¹ text", or "[^*]: text" for a note
        with its own mark."""
        ordered = [*self.calls.items(), *((i, 0) for i in self.marks)]
        for identifier, number in ordered:
            element = self.footnote_elements.get(identifier)
            if element is None:
                continue
            note = _Line()
            note.add(f"{_superscript_number(number)} " if number else "")
            for block in (self.paragraph(p) for p in element.iter(f"{_W}p")):
                if not block.empty:
                    for line in block.lines:
                        line.strip()
                        if note.pieces and not note.text.endswith(" "):
                            note.add(" ")
                        note.extend(line)
            if not number:  # the note's text begins with its own mark, as the call does
                mark = self.marks[identifier]
                note.strip()
                for prefix in (f"^{mark}", mark):
                    if note.text.startswith(prefix):
                        note.drop(len(prefix))
                note.strip()
                note.insert(0, f"[^{mark}]: ")
            yield (
                _Block([note], [0]),
                f"footnote {number}" if number else f"note {self.marks[identifier]}",
            )


def _row_block(cells: list[_Line]) -> _Block:
    """A table's row as one line of the text form: "| cell | cell |"."""
    row = _Line()
    for cell in cells:
        row.add("| ")
        row.extend(cell)
        row.add(" ")
    row.add("|")
    return _Block([row], [0])


def _superscript_number(number: int) -> str:
    return str(number).translate(_TO_SUPERSCRIPT)


def _mark_italics(line: _Line, *, closing: bool) -> None:
    """Open an italic run with *, or close it: the closing * before the spaces the run ended
    with ("*Our Common Agenda* and")."""
    if not closing:
        line.add("*")
        return
    text = line.text
    line.insert(len(text.rstrip(" ")), "*")


def _paragraphs(body: Any) -> Iterator[Any]:
    """The body's paragraphs in reading order, those of table cells included."""
    for element in body.iter(f"{_W}p"):
        if not any(a.tag == f"{_W}txbxContent" for a in element.iterancestors()):
            yield element


def _words(paragraph: Any, count: int = 6) -> str:
    text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _on(element: Any | None) -> bool | None:
    """A toggle property: <w:i/> is on, <w:i w:val="0"/> off, none is not said."""
    if element is None:
        return None
    return element.get(f"{_W}val", "true").lower() not in _OFF


def _italic(properties: Any | None, styles: _Styles, paragraph_italic: bool) -> bool:
    """Whether a run with these properties (w:rPr) is italic."""
    if properties is not None:
        own = _on(properties.find(f"{_W}i"))
        if own is not None:
            return own
        style = properties.find(f"{_W}rStyle")
        if style is not None and styles.italic(style.get(f"{_W}val")):
            return True
    return paragraph_italic


def _superscript(properties: Any | None) -> bool:
    """Whether a run with these properties (w:rPr) is set as a superscript, or raised (a word
    processor's import of HTML's <sup> raises)."""
    if properties is None:
        return False
    align = properties.find(f"{_W}vertAlign")
    if align is not None:
        return align.get(f"{_W}val") == "superscript"
    raised = properties.find(f"{_W}position")
    height = raised.get(f"{_W}val", "0") if raised is not None else "0"
    return height.isdigit() and int(height) > 0  # "-4" (lowered) is not a digit string


def _style_of(paragraph_properties: Any | None) -> str | None:
    """The style of a paragraph with these properties (w:pPr)."""
    if paragraph_properties is None:
        return None
    style = paragraph_properties.find(f"{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


StyleSummary = tuple[bool, str | None, int]  # italic; the list (numId, level) it numbers by


class _Styles:
    """What drafter asks of a style, by its id: does it make its text italic (by itself or by
    inheritance), and which list numbers its paragraphs. Worked out once per styles part and
    kept in the cache folder: the styles are the template's, the same in every draft made from
    it, and parsing them can take longer than reading the whole text (python-docx's template
    has 350 KB of them)."""

    def __init__(self, summary: dict[str, StyleSummary]) -> None:
        self.summary = summary

    @classmethod
    def of(cls, package: _Package) -> _Styles:
        """The styles of `package`, known by the checksum its zip entry has of them: a styles
        part met before is not even decompressed."""
        if package.styles_name is None:
            return cls({})
        entry = package.archive.getinfo(package.styles_name.lstrip("/"))
        key = f"{entry.CRC:08x}{entry.file_size:x}"
        name = f"word/styles-{key}-{code_stamp(__file__)}.data"
        kept = read_data(name)
        if isinstance(kept, dict):
            return cls(kept)
        summary = _summarize_styles(package.xml(package.styles_name))
        store_data(name, summary)
        prune("word/*.data")
        return cls(summary)

    def italic(self, identifier: str | None) -> bool:
        found = self.summary.get(identifier or "")
        return found is not None and found[0]

    def list_of(self, identifier: str | None) -> tuple[str, int] | None:
        """The list (numId) and level a paragraph style numbers its paragraphs by, if any."""
        found = self.summary.get(identifier or "")
        return (found[1], found[2]) if found is not None and found[1] is not None else None


def _summarize_styles(styles: Any) -> dict[str, StyleSummary]:
    by_id = {style.get(f"{_W}styleId", ""): style for style in styles.iter(f"{_W}style")}
    summary: dict[str, StyleSummary] = {}
    for identifier, style in by_id.items():
        own, current, seen = None, identifier, set()
        while current in by_id and current not in seen:
            seen.add(current)  # a loop of basedOn, which Word would not write, ends here
            own = _on(by_id[current].find(f"{_W}rPr/{_W}i"))
            if own is not None:
                break
            base = by_id[current].find(f"{_W}basedOn")
            current = base.get(f"{_W}val", "") if base is not None else ""
        listed = _list_of(style.find(f"{_W}pPr/{_W}numPr"))
        summary[identifier] = (bool(own), *(listed or (None, 0)))
    return summary


def _list_of(properties: Any | None) -> tuple[str, int] | None:
    """The list (numId) and level of list properties (w:numPr); None for none, or numId 0."""
    if properties is None:
        return None
    num_id = properties.find(f"{_W}numId")
    level = properties.find(f"{_W}ilvl")
    if num_id is None or num_id.get(f"{_W}val") == "0":
        return None
    return num_id.get(f"{_W}val"), int(level.get(f"{_W}val", "0")) if level is not None else 0


def _footnotes(footnotes: Any | None) -> dict[str, Any]:
    """The footnotes by id (separators left out)."""
    if footnotes is None:
        return {}
    return {
        note.get(f"{_W}id"): note
        for note in footnotes.iter(f"{_W}footnote")
        if note.get(f"{_W}type") in (None, "normal")
    }


class _Numbering:
    """The numbers Word generates for list paragraphs: "%1." of a decimal level gives "3.",
    "(%2)" of a lowerLetter level "(b)". Counters go on through the document, and a level's
    counter starts again after a paragraph of a higher level."""

    def __init__(self, styles: _Styles, numbering: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → level
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = styles
        abstract = {
            a.get(f"{_W}abstractNumId"): _levels(a) for a in numbering.iter(f"{_W}abstractNum")
        }
        for num in numbering.iter(f"{_W}num"):
            reference = num.find(f"{_W}abstractNumId")
            if reference is None:
                continue
            levels = dict(abstract.get(reference.get(f"{_W}val"), {}))
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                level = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and level in levels:
                    form, text, _ = levels[level]
                    levels[level] = (form, text, int(start.get(f"{_W}val", "1")))
            self.levels[num.get(f"{_W}numId")] = levels

    def label(self, properties: Any | None, style: str | None) -> str:
        """The number of a paragraph with these properties (w:pPr) and style: "" if none."""
        found = self.number_properties(properties, style)
        if found is None:
            return ""
        num_id, level = found
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        form, _, start = levels[level]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        if form not in _FORMATS:
            return ""  # bullets: no number to write

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            form_of, _, start_of = levels.get(index, ("decimal", "", 1))
            return _format(counters.get(index, start_of), form_of)

        return re.sub(r"%(\d)", value, levels[level][1])

    def number_properties(
        self, properties: Any | None, style: str | None
    ) -> tuple[str, int] | None:
        """The list (numId) and level a paragraph is numbered by: its own, or its style's."""
        own = properties.find(f"{_W}numPr") if properties is not None else None
        return _list_of(own) if own is not None else self.styles.list_of(style)


def _levels(abstract: Any) -> dict[int, tuple[str, str, int]]:
    levels = {}
    for level in abstract.iter(f"{_W}lvl"):
        form = level.find(f"{_W}numFmt")
        text = level.find(f"{_W}lvlText")
        start = level.find(f"{_W}start")
        levels[int(level.get(f"{_W}ilvl", "0"))] = (
            form.get(f"{_W}val", "decimal") if form is not None else "decimal",
            text.get(f"{_W}val", "") if text is not None else "",
            int(start.get(f"{_W}val", "1")) if start is not None else 1,
        )
    return levels


def _format(number: int, form: str) -> str:
    if form in ("lowerLetter", "upperLetter"):
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if form == "upperLetter" else letters
    if form in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.upper() if form == "upperRoman" else roman
    return str(number)


def _roman(number: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
    values += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in values:
        while number >= value:
            out, number = out + letters, number - value
    return out
