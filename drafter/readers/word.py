"""Read a Word document (.docx) into drafter's text form.

python-docx opens the package (imported only when a .docx is read); the body's paragraphs are
walked in their XML, since drafter needs what python-docx does not give: tracked changes,
footnote calls, the numbers Word generates. Italic runs (their own formatting, their character
style, or their paragraph's style) become *…*; a footnote call becomes a superscript number in
the order of the calls, and the footnote's text goes after the body; a list number Word
generates ("3.", "(a)") is written before the paragraph as a typed one would be; a tab is a
space and a line break a wrapped line. Tracked changes are read as accepted (or rejected).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from drafter.model import SUPERSCRIPT_DIGITS
from drafter.reader import OLE_CONTAINER

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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
    origins: list[Origin | None]  # one per character of `text`: where --fix edits it
    parts: dict[str, Any]  # the XML trees those characters are in, by their part's name


def read_docx(data: bytes, revisions: str = "accepted") -> WordText:
    """The text form of a .docx; WordProblem when it is none that drafter can read."""
    if data.startswith(OLE_CONTAINER):  # Word 97-2003, or an encrypted Office file
        if _ENCRYPTED in data:
            raise WordProblem("password-protected Word document: save a copy without a password")
        raise WordProblem("old binary Word document (.doc): save it as .docx (Word 2007 or later)")
    document = _open(data)
    return _Reader(document, revisions).read()


def _open(data: bytes) -> Any:
    import zipfile

    import docx  # type: ignore[import-untyped]
    from docx.opc.exceptions import PackageNotFoundError  # type: ignore[import-untyped]
    from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:  # python-docx: "… is not a Word file, content type is …"
        raise WordProblem(f"not a Word document ({_first_line(error)})") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError) as error:
        raise WordProblem(f"not a readable Word document ({_first_line(error)})") from None


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


Origin = tuple[Any, int]  # a character's w:t element and its index there


@dataclass
class _Line:
    """A line of the text form, and where each character comes from in the document (None:
    drafter wrote it, as the * of italics or a number Word generates)."""

    chars: list[str] = field(default_factory=list)
    origins: list[Origin | None] = field(default_factory=list)

    def add(self, text: str, element: Any = None) -> None:
        """Text from `element` (a w:t, when each character is its own), or drafter's."""
        self.chars.extend(text)
        own = element is not None and len(text) == len(element.text or "")
        self.origins.extend((element, i) if own else None for i in range(len(text)))

    def insert(self, index: int, text: str) -> None:
        self.chars[index:index] = list(text)
        self.origins[index:index] = [None] * len(text)

    def strip(self, *, left: bool = True, right: bool = True) -> None:
        text = "".join(self.chars)
        start = len(text) - len(text.lstrip()) if left else 0
        end = len(text.rstrip()) if right else len(text)
        self.chars, self.origins = self.chars[start:end], self.origins[start:end]

    @property
    def text(self) -> str:
        return "".join(self.chars)


@dataclass
class _Block:
    """A paragraph of the text form: its lines, and where each starts in the document."""

    lines: list[_Line] = field(default_factory=lambda: [_Line()])
    starts: list[int] = field(default_factory=lambda: [0])

    @property
    def empty(self) -> bool:
        return not "".join(line.text for line in self.lines).strip()


class _Reader:
    def __init__(self, document: Any, revisions: str) -> None:
        self.document = document
        self.skipped = {f"{_W}del", f"{_W}moveFrom"}
        if revisions == "rejected":
            self.skipped = {f"{_W}ins", f"{_W}moveTo"}
        self.revised = {f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo"}
        self.revisions = 0
        self.italic_styles = _italic_styles(document)
        self.numbering = _Numbering(document)
        self.footnote_parts, self.footnote_elements = _footnotes(document)
        self.calls: dict[str, int] = {}  # footnote id → its number, in the order of the calls
        self.marks: dict[str, str] = {}  # footnote id → its own mark ("*"), not numbered

    def read(self) -> WordText:
        blocks = [(self.paragraph(p), _words(p)) for p in _paragraphs(self.document.element)]
        body = [(block, words) for block, words in blocks if not block.empty]
        notes = list(self.footnote_blocks())
        lines: list[str] = []
        origins: list[Origin | None] = []
        places: list[WordLine] = []
        for block, words in [*body, *notes]:
            if lines:
                lines.append("")
                origins.append(None)
                places.append(places[-1])
            for line, start in zip(block.lines, block.starts, strict=True):
                line.strip(left=False)
                lines.append(line.text)
                origins.extend([*line.origins, None])  # and its line end
                places.append(WordLine(words, start))
        if not lines:
            raise WordProblem("the Word document has no text")
        text = "\n".join(lines) + "\n"
        parts = {str(self.document.part.partname): self.document.element}
        parts.update(self.footnote_parts)
        return WordText(text, places, self.revisions, origins, parts)

    # -- a paragraph -------------------------------------------------------------------------
    def paragraph(self, element: Any) -> _Block:
        block = _Block()
        label = self.numbering.label(element)
        if label:
            block.lines[0].add(f"{label} ")
            block.starts[0] = -len(block.lines[0].chars)
        style_italic = _paragraph_style(element) in self.italic_styles
        italic = False
        count = 0  # characters of the paragraph as Word counts them
        for run, child, text in self.pieces(element):
            if text == "\n":  # a line break: a wrapped line, which the normalizer joins
                block.lines.append(_Line())
                block.starts.append(count)
                continue
            run_italic = _italic(run, self.italic_styles, style_italic)
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
        """Each run of the paragraph (those a revision keeps), each of its children, and the
        text that child shows."""
        for run in self.runs(paragraph):
            superscript = _superscript(run)
            for child in run:
                text = self.text_of(child, superscript)
                if text:
                    yield run, child, text

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
                        if note.chars and not note.text.endswith(" "):
                            note.add(" ")
                        note.chars += line.chars
                        note.origins += line.origins
            if not number:  # the note's text begins with its own mark, as the call does
                mark = self.marks[identifier]
                note.strip()
                for prefix in (f"^{mark}", mark):
                    if note.text.startswith(prefix):
                        note.chars, note.origins = (
                            note.chars[len(prefix) :],
                            note.origins[len(prefix) :],
                        )
                note.strip()
                note.insert(0, f"[^{mark}]: ")
            yield (
                _Block([note], [0]),
                f"footnote {number}" if number else f"note {self.marks[identifier]}",
            )


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


def _italic(run: Any, italic_styles: set[str], paragraph_italic: bool) -> bool:
    properties = run.find(f"{_W}rPr")
    if properties is not None:
        own = _on(properties.find(f"{_W}i"))
        if own is not None:
            return own
        style = properties.find(f"{_W}rStyle")
        if style is not None and style.get(f"{_W}val") in italic_styles:
            return True
    return paragraph_italic


def _superscript(run: Any) -> bool:
    """Set as a superscript, or raised (a word processor's import of HTML's <sup> raises)."""
    align = run.find(f"{_W}rPr/{_W}vertAlign")
    if align is not None:
        return align.get(f"{_W}val") == "superscript"
    raised = run.find(f"{_W}rPr/{_W}position")
    height = raised.get(f"{_W}val", "0") if raised is not None else "0"
    return height.isdigit() and int(height) > 0  # "-4" (lowered) is not a digit string


def _paragraph_style(paragraph: Any) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


def _italic_styles(document: Any) -> set[str]:
    """The ids of the styles that make their text italic, by themselves or by inheritance
    (read from the styles' XML in one pass: python-docx looks each base style up anew)."""
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    for style in document.styles.element.iter(f"{_W}style"):
        identifier = style.get(f"{_W}styleId", "")
        own[identifier] = _on(style.find(f"{_W}rPr/{_W}i"))
        base = style.find(f"{_W}basedOn")
        if base is not None:
            based_on[identifier] = base.get(f"{_W}val", "")
    italic = set()
    for identifier in own:
        current, seen = identifier, set()
        while current in own and own[current] is None and current not in seen:
            seen.add(current)  # a loop of basedOn, which Word would not write, ends here
            current = based_on.get(current, "")
        if own.get(current):
            italic.add(identifier)
    return italic


def _footnotes(document: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The footnotes part's tree by its name, and its footnotes by id (separators left out)."""
    from docx.opc.constants import RELATIONSHIP_TYPE  # type: ignore[import-untyped]
    from lxml import etree  # type: ignore[import-untyped]

    for relationship in document.part.rels.values():
        if relationship.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not relationship.is_external:
            part = relationship.target_part
            root = getattr(part, "_element", None)
            if root is None:
                root = etree.fromstring(part.blob)
            notes = {
                note.get(f"{_W}id"): note
                for note in root.iter(f"{_W}footnote")
                if note.get(f"{_W}type") in (None, "normal")
            }
            return {str(part.partname): root}, notes
    return {}, {}


class _Numbering:
    """The numbers Word generates for list paragraphs: "%1." of a decimal level gives "3.",
    "(%2)" of a lowerLetter level "(b)". Counters go on through the document, and a level's
    counter starts again after a paragraph of a higher level."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → level
        self.counters: dict[str, dict[int, int]] = {}
        # The list properties of the paragraph styles that number their paragraphs, read
        # once (python-docx looks a style up by an XPath query each time).
        self.style_numbers = {
            style.get(f"{_W}styleId", ""): properties
            for style in document.styles.element.iter(f"{_W}style")
            if (properties := style.find(f"{_W}pPr/{_W}numPr")) is not None
        }
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
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

    def label(self, paragraph: Any) -> str:
        found = self.number_properties(paragraph)
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

    def number_properties(self, paragraph: Any) -> tuple[str, int] | None:
        """The list (numId) and level a paragraph is numbered by: its own, or its style's."""
        properties = paragraph.find(f"{_W}pPr/{_W}numPr")
        if properties is None:
            properties = self.style_numbers.get(_paragraph_style(paragraph) or "")
        if properties is None:
            return None
        num_id = properties.find(f"{_W}numId")
        level = properties.find(f"{_W}ilvl")
        if num_id is None or num_id.get(f"{_W}val") == "0":
            return None
        return num_id.get(f"{_W}val"), int(level.get(f"{_W}val", "0")) if level is not None else 0


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
