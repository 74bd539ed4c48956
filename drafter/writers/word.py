"""Write a Word document (.docx) in which the base text is the previous resolution and every
change (drafter new's, or a redline's of two versions) is a tracked change: accepting them all gives
the new draft, rejecting them all the previous text, as the General Assembly's submission
guidelines ask of a text that updates an earlier one.

The layout is the UN's: heading lines, the organ line, unnumbered preambular paragraphs with
their italic openings, numbered operative paragraphs with their italic verbs (typed numbers,
then a tab), subparagraphs "(a)", real Word footnotes, the plenary line. When the previous text
is itself a .docx, its styles and page set-up are kept (python-docx, loaded only here).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, NamedTuple
from xml.sax.saxutils import escape, quoteattr

from drafter.model import (
    Annex,
    BodyItem,
    Division,
    HeadingLine,
    Inline,
    OperativeParagraph,
    Resolution,
    Subheading,
    Subparagraph,
    Table,
    superscript,
)
from drafter.parser.structure import names_a_resolution
from drafter.scaffold.markup import Change
from drafter.writers import AFTER_ORGAN, AT_TOP, NEW_FOOTNOTES, After, Revisions, Tracked

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{_W}"'
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_NOTE_IDS = 9000  # the ids of the notes marked with asterisks, after any footnote's number
_INDENT = 'w:firstLine="1247"'  # the UN's first-line indent (2.2 cm), in twentieths of a point


class Piece(NamedTuple):
    """A stretch of a paragraph: kept, deleted or inserted text (italic or not), or a call."""

    kind: str  # "same", "del", "ins", "call"
    text: str
    italic: bool = False
    raised: bool = False  # a superscript: the "e" of "49^e séance plénière"


def write_docx(
    previous: Resolution,
    tracked: Tracked | None = None,
    *,
    base: bytes | None = None,
    author: str = "drafter",
    now: datetime | None = None,
) -> bytes:
    """`previous` with the `tracked` changes (drafter new's, or a redline's) as tracked
    changes, as the bytes of a .docx (without changes: the previous text as it is). `base`: a
    .docx whose styles and page set-up the new document keeps (the previous text's own, when
    it was one)."""
    import docx  # type: ignore[import-untyped]
    from docx.oxml import parse_xml  # type: ignore[import-untyped]

    writer = _Writer(previous, tracked or Tracked(), Revisions(author, now))
    document = docx.Document(io.BytesIO(base) if base else None)
    body = document.element.body
    section = body.find(f"{{{_W}}}sectPr")
    for element in list(body):
        if element is not section:
            body.remove(element)
    for xml in writer.paragraphs():
        element = parse_xml(xml)
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)
    _put_footnotes(document, writer.footnotes())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Writer:
    def __init__(self, previous: Resolution, tracked: Tracked, revisions: Revisions) -> None:
        self.previous = previous
        self.tracked = tracked
        self.revisions = revisions

    # -- the body ------------------------------------------------------------------------------
    def paragraphs(self) -> Iterator[str]:
        resolution = self.previous
        marks = {note.mark: _NOTE_IDS + index for index, note in enumerate(resolution.notes)}
        yield from self.inserted(AT_TOP)
        for line in resolution.heading.lines:
            pieces = _with_note_calls(self.pieces(line.content), marks)
            yield self.paragraph(
                pieces, centred=line.kind == "title", deleted=self.is_deleted(line.content)
            )
            yield from self.inserted(("after", id(line.content)))
        if resolution.organ_text:
            yield self.paragraph([Piece("same", resolution.organ_text)], indent=True)
        yield from self.inserted(AFTER_ORGAN)
        if resolution.decision is not None:
            yield self.paragraph(self.pieces(resolution.decision), indent=True)
            yield from self.inserted(("after", id(resolution.decision)))
            for lettered in resolution.decision_items:
                pieces = [Piece("same", f"{lettered.marker}\t"), *self.pieces(lettered.content)]
                deleted = self.is_deleted(lettered.content)
                yield self.paragraph(pieces, indent=True, deleted=deleted)
                yield from self.inserted(("after", id(lettered.content)))
        for kind, item in resolution.body():
            yield from self.item(kind, item)
        yield from self.closing()
        for inline in resolution.trailing:
            yield self.paragraph(self.pieces(inline))
        for annex in resolution.annexes:
            yield from self.annex(annex)

    def annex(self, annex: Annex) -> Iterator[str]:
        """An annex, or an instrument the resolution adopts: its head, then its lines."""
        if annex.label:
            yield self.paragraph([Piece("same", annex.label)], centred=True)
        yield from self.inserted(("after", id(annex)))
        for text in annex.lines:
            yield self.paragraph(self.pieces(text), indent=True, deleted=self.is_deleted(text))
            yield from self.inserted(("after", id(text)))

    def item(self, kind: str, item: BodyItem) -> Iterator[str]:
        if isinstance(item, Table):
            yield self.table(item)
            return
        if isinstance(item, Annex):
            yield from self.annex(item)
            return
        if isinstance(item, Division):
            kind = "del" if self.is_deleted(item) else "same"
            for line in filter(None, [item.label, item.title]):
                yield self.paragraph([Piece(kind, line)], centred=True, deleted=kind == "del")
            if names_a_resolution(item.label) and self.previous.organ_text:
                yield self.paragraph([Piece("same", self.previous.organ_text)], indent=True)
            yield from self.inserted(("after", id(item)))
            return
        if isinstance(item, Subheading):
            yield self.paragraph(self.pieces(item.content), deleted=self.is_deleted(item.content))
            yield from self.inserted(("after", id(item.content)))
            return
        number = []
        if isinstance(item, OperativeParagraph) and item.numbered and kind == "operative":
            renumbered = self.tracked.numbers.get(id(item.content))
            number = self.replaced(item.content, str(item.number), renumbered, ".\t")
        deleted = self.is_deleted(item.content)
        yield self.paragraph([*number, *self.pieces(item.content)], indent=True, deleted=deleted)
        yield from self.inserted(("first subparagraph", id(item.content)))
        for sub in item.subparagraphs:
            new_marker = self.tracked.markers.get(id(sub.content))
            pieces = self.replaced(sub.content, sub.marker, new_marker, "\t")
            pieces += self.pieces(sub.content)
            yield self.paragraph(pieces, indent=True, deleted=self.is_deleted(sub.content))
            yield from self.inserted(("after", id(sub.content)))
        yield from self.inserted(("after", id(item.content)))

    def table(self, table: Table) -> str:
        """A table as Word's table: its rows and cells, each cell one paragraph."""
        rows = "".join(
            "<w:tr>"
            + "".join(f"<w:tc>{self.paragraph(self.pieces(cell))}</w:tc>" for cell in row)
            + "</w:tr>"
            for row in table.rows
        )
        borders = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        return (
            f'<w:tbl {_NS}><w:tblPr><w:tblW w:w="0" w:type="auto"/>'
            f"<w:tblBorders>{borders}</w:tblBorders></w:tblPr>{rows}</w:tbl>"
        )

    def replaced(self, content: Inline, written: str, new: object | None, then: str) -> list[Piece]:
        """A number or marker as written and what follows it (".", a tab), or taken out for
        its new one, or taken out with its paragraph."""
        if self.is_deleted(content):
            return [Piece("del", written + then)]
        if new is None or str(new) == written:
            return [Piece("same", written + then)]
        return [Piece("del", written), Piece("ins", str(new)), Piece("same", then)]

    def is_deleted(self, content: Inline | Division) -> bool:
        return id(content) in self.tracked.deleted

    # -- paragraphs new to the text ----------------------------------------------------------
    def inserted(self, where: After) -> Iterator[str]:
        """The paragraphs of the new text that go at `where`, all of them tracked insertions."""
        for item in self.tracked.inserted.get(where, ()):
            if isinstance(item, HeadingLine):
                yield self.new_paragraph([], item.content, centred=item.kind == "title")
                continue
            if isinstance(item, Subparagraph):
                yield self.new_paragraph([Piece("ins", f"{item.marker}\t")], item.content)
                continue
            if isinstance(item, Division):
                for line in filter(None, [item.label, item.title]):
                    yield self.paragraph([Piece("ins", line)], centred=True, inserted=True)
                continue
            if isinstance(item, Inline):  # a line of an annex
                yield self.new_paragraph([], item)
                continue
            if isinstance(item, Subheading):
                yield self.paragraph(self.new_pieces(item.content), inserted=True)
                continue
            number = []
            if isinstance(item, OperativeParagraph) and item.numbered:
                number = [Piece("ins", f"{item.number}.\t")]
            yield self.new_paragraph(number, item.content)
            for sub in item.subparagraphs:
                yield self.new_paragraph([Piece("ins", f"{sub.marker}\t")], sub.content)

    def new_paragraph(self, lead: list[Piece], content: Inline, centred: bool = False) -> str:
        pieces = [*lead, *self.new_pieces(content)]
        return self.paragraph(pieces, indent=not centred, centred=centred, inserted=True)

    def new_pieces(self, content: Inline) -> list[Piece]:
        """A text of the new model as insertions; its calls, to the new document's notes."""
        ids = self.tracked.footnote_ids
        return [
            Piece("call-ins", str(ids.get(int(piece.text), int(piece.text))))
            if piece.kind == "call"
            else piece._replace(kind="ins")
            for piece in _pieces(content, ())
        ]

    def closing(self) -> Iterator[str]:
        old, new = self.previous.closing, self.tracked.closing or {}
        if old is None:
            return
        lines = [(old.meeting_text, new.get("meeting") or old.meeting_text)]
        if old.date_text:
            lines.append((old.date_text, new.get("date") or old.date_text))
        for before, after in lines:
            pieces = [piece._replace(italic=old.italic) for piece in _difference(before, after)]
            yield self.paragraph([raised for piece in pieces for raised in _raised(piece)])

    # -- footnotes -----------------------------------------------------------------------------
    def footnotes(self) -> Iterator[tuple[int, str]]:
        """Each footnote by its number, and each note marked with asterisks by an id of its
        own, its text after its mark (as Word writes a note with a mark of its own)."""
        for footnote in self.previous.footnotes:
            yield footnote.number, self.runs(self.pieces(footnote.content))
        for footnote in self.tracked.inserted.get(NEW_FOOTNOTES, ()):
            number = self.tracked.footnote_ids.get(footnote.number, footnote.number)
            yield number, self.runs(self.new_pieces(footnote.content))
        for index, note in enumerate(self.previous.notes):
            mark = self.runs([Piece("same", note.mark, raised=True), Piece("same", " ")])
            yield _NOTE_IDS + index, mark + self.runs(self.pieces(note.content))

    # -- text ----------------------------------------------------------------------------------
    def pieces(self, inline: Inline) -> list[Piece]:
        if self.is_deleted(inline):
            return list(_pieces(inline, [Change(0, len(inline.text), "")]))
        return list(_pieces(inline, self.tracked.changes.get(id(inline), ())))

    def paragraph(
        self,
        pieces: list[Piece],
        *,
        indent: bool = False,
        centred: bool = False,
        inserted: bool = False,
        deleted: bool = False,
    ) -> str:
        properties = ""
        if indent:
            properties += f"<w:ind {_INDENT}/>"
        if centred:
            properties += '<w:jc w:val="center"/>'
        if inserted or deleted:  # the paragraph mark too: the paragraph goes with its text
            properties += f"<w:rPr><w:{'ins' if inserted else 'del'} {self.attributes()}/></w:rPr>"
        head = f"<w:pPr>{properties}</w:pPr>" if properties else ""
        return f"<w:p {_NS}>{head}{self.runs(pieces)}</w:p>"

    def attributes(self) -> str:
        """Those of a tracked change, as XML."""
        return " ".join(
            f"w:{name}={quoteattr(value)}" for name, value in self.revisions.new().items()
        )

    def runs(self, pieces: Iterable[Piece]) -> str:
        out = []
        for piece in pieces:
            style = "<w:i/>" if piece.italic else ""
            if piece.raised:
                style += '<w:vertAlign w:val="superscript"/>'
            if piece.kind in ("call", "call-ins", "note"):  # a note's mark follows its reference
                custom = ' w:customMarkFollows="1"' if piece.kind == "note" else ""
                run = (
                    '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference{custom} w:id="{piece.text}"/></w:r>'
                )
                if piece.kind == "call-ins":
                    run = f"<w:ins {self.attributes()}>{run}</w:ins>"
                out.append(run)
                continue
            tag = "w:delText" if piece.kind == "del" else "w:t"
            run = f"<w:r><w:rPr>{style}</w:rPr>{_text(piece.text, tag)}</w:r>"
            if piece.kind in ("ins", "del"):
                kind = "w:ins" if piece.kind == "ins" else "w:del"
                run = f"<{kind} {self.attributes()}>{run}</{kind}>"
            out.append(run)
        return "".join(out)


def _text(text: str, tag: str) -> str:
    """Text with its tabs as Word's tabs."""
    parts = [f'<{tag} xml:space="preserve">{escape(part)}</{tag}>' for part in text.split("\t")]
    return "<w:tab/>".join(parts)


def _pieces(inline: Inline, changes: Iterable[Change]) -> Iterator[Piece]:
    """The inline's text as pieces: kept, deleted by a change, inserted by one; italics as they
    were; a footnote call as a call (where no change touches it)."""
    text = inline.text
    italic = bytearray(len(text))
    for start, end in inline.italics:
        italic[start:end] = b"\x01" * (end - start)
    calls = {ref.offset: ref for ref in inline.footnote_refs}

    def stretch(start: int, end: int, kind: str) -> Iterator[Piece]:
        at = start
        while at < end:
            ref = calls.get(at) if kind == "same" else None
            if ref is not None:
                yield Piece("call", str(ref.number))
                at += len(superscript(ref.number))
                continue
            stop = at + 1
            while stop < end and italic[stop] == italic[at] and stop not in calls:
                stop += 1
            yield Piece(kind, text[at:stop], bool(italic[at]))
            at = stop

    cursor = 0
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        yield from stretch(cursor, change.start, "same")
        yield from stretch(max(cursor, change.start), change.end, "del")
        if change.text:  # italic where the text around it is
            before = change.start > 0 and italic[change.start - 1] == 1
            after = change.end < len(text) and italic[change.end] == 1
            yield Piece("ins", change.text, before and after)
        cursor = max(cursor, change.end)
    yield from stretch(cursor, len(text), "same")


def _with_note_calls(pieces: list[Piece], marks: dict[str, int]) -> list[Piece]:
    """A heading line's note mark ("Morocco:* draft resolution") as a call to its note: the
    reference, then the mark raised. Each mark is called once, where it first stands."""
    out: list[Piece] = []
    for piece in pieces:
        found = next((m for m in marks if piece.kind == "same" and m in piece.text), None)
        if found is None:
            out.append(piece)
            continue
        before, after = piece.text.split(found, 1)
        out += [piece._replace(text=before)] if before else []
        out += [Piece("note", str(marks.pop(found))), piece._replace(text=found, raised=True)]
        out += [piece._replace(text=after)] if after else []
    return out


def _raised(piece: Piece) -> Iterator[Piece]:
    """ "49^e" as "49" and a raised "e", as the text form writes a superscript."""
    first, *rest = piece.text.split("^")
    if first:
        yield piece._replace(text=first)
    for part in rest:
        letters = len(part) - len(part.lstrip("abcdefghijklmnopqrstuvwxyzèé"))
        if letters:
            yield piece._replace(text=part[:letters], raised=True)
        if part[letters:]:
            yield piece._replace(text=part[letters:])


def _difference(before: str, after: str) -> list[Piece]:
    """One line changed as little as it can be: the common start and end kept."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    pieces = [Piece("same", before[:start])]
    pieces += [Piece("del", before[start : len(before) - end])]
    pieces += [Piece("ins", after[start : len(after) - end])]
    pieces += [Piece("same", before[len(before) - end :])]
    return [piece for piece in pieces if piece.text]


def _put_footnotes(document: Any, notes: Iterable[tuple[int, str]]) -> None:
    """The footnotes part: Word's two separators, then each footnote (its id is its number),
    in the part the document already has, or a new one."""
    from docx.opc.constants import RELATIONSHIP_TYPE  # type: ignore[import-untyped]
    from docx.opc.packuri import PackURI  # type: ignore[import-untyped]
    from docx.opc.part import Part  # type: ignore[import-untyped]

    written = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:pPr><w:rPr/></w:pPr><w:r><w:rPr>'
        '<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>'
        for number, runs in notes
    )
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    blob = f"<w:footnotes {_NS}>{separators}{written}</w:footnotes>".encode()
    for relationship in document.part.rels.values():
        if relationship.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
            existing = relationship.target_part
            if hasattr(existing, "_element"):  # a part python-docx reads as XML
                from docx.oxml import parse_xml  # type: ignore[import-untyped]

                existing._element = parse_xml(blob)
            else:
                existing._blob = blob
            return
    if not written:
        return
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_TYPE, blob, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
