"""The document model: what the parser reads out of a resolution, and what rules check.

Plain dataclasses. Every node carries the `Span` of the original file it came from. The text
of a paragraph is kept in a canonical form — markup removed, footnote calls as superscript
digits, wrapped lines joined — so that the same resolution reads the same whatever tool
produced its file; `Inline` records where the markup was, and maps any offset of the
canonical text back to the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from drafter.positions import LineIndex, Span, TextMap

Kind = Literal["adopted", "draft"]


@dataclass(slots=True)
class FootnoteRef:
    """A footnote call in the text: ¹ or [^1], read as a superscript number."""

    number: int
    offset: int  # in the canonical text
    span: Span


@dataclass(slots=True)
class Citation:
    """A resolution cited in the text: "sa résolution 73/291 du 15 avril 2019"."""

    symbol: str
    date: date | None
    offset: int
    span: Span
    date_text: str | None = None  # as written, even when it is not a real date
    end: int = 0  # in the canonical text: just past the date, or past the symbol
    phrase: int = 0  # where its citing phrase ("ses résolutions …") starts; one per list


@dataclass(slots=True)
class DocumentSymbol:
    """A document symbol such as A/78/290 or TD/541/Add.2."""

    symbol: str
    offset: int
    span: Span


@dataclass(slots=True)
class Reference:
    """A reference to a paragraph of the text itself: "paragraph 5 above", "subparagraph (b)
    of paragraph 3", "paragraphe 5 ci-dessus" (one per number referred to)."""

    number: int
    label: str | None  # the subparagraph referred to ("b"), if any
    offset: int  # of the number, in the canonical text
    span: Span  # of the number, in the file


@dataclass(slots=True)
class Inline:
    """Canonical text of a paragraph, heading line or footnote, and where its markup was."""

    text: str
    map: TextMap = field(repr=False, compare=False)
    index: LineIndex = field(repr=False, compare=False)
    italics: list[tuple[int, int]] = field(default_factory=list)
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    symbols: list[DocumentSymbol] = field(default_factory=list)
    stray_markers: list[int] = field(default_factory=list)  # a lone "*" or "[", by offset
    references: list[Reference] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """The span in the file of the canonical text between two offsets."""
        return self.index.span(self.map.to_source(start), self.map.to_source_end(end))

    @property
    def plain(self) -> str:
        """The text a reader reads: no markup, no footnote calls."""
        if not self.footnote_refs:
            return self.text
        parts, last = [], 0
        for ref in self.footnote_refs:
            parts.append(self.text[last : ref.offset])
            last = ref.offset + len(superscript(ref.number))
        parts.append(self.text[last:])
        return "".join(parts)


@dataclass(slots=True)
class Opening:
    """The words that open a paragraph: "Réaffirmant également", "Attend également avec intérêt".

    `base` is the phrase without its repetition adverb, `adverb` that adverb if any.
    """

    text: str
    base: str
    adverb: str | None
    italic: bool
    content: Inline = field(repr=False, compare=False)  # the paragraph's, which it opens
    # Where it starts in the content: 0, or after a phrase that sets the verb's condition
    # ("Pending the total elimination of nuclear weapons, *urges* …").
    start: int = 0

    @property
    def span(self) -> Span:
        """Where it stands in the file: worked out when a rule asks, as most never do."""
        return self.content.span(self.start, self.start + len(self.text))


@dataclass(slots=True)
class Subparagraph:
    """A lettered or numbered part of a paragraph: "a) …", "(ii) …"."""

    label: str  # "a", "ii"
    marker: str  # as written: "a)", "(ii)", "b."
    level: int  # 1 for a) b) c), 2 for i) ii) iii)
    content: Inline
    span: Span


@dataclass
class Table:
    """A table set in a paragraph (a staffing table, a budget's figures): its rows, each a list
    of cells. Its cells are no paragraphs: the rules leave them alone, but a footnote called
    in a cell is called."""

    rows: list[list[Inline]]
    span: Span

    def row_texts(self) -> list[str]:
        return [" | ".join(cell.text for cell in row) for row in self.rows]


class _HasSubparagraphs:
    __slots__ = ()
    content: Inline
    subparagraphs: list[Subparagraph]
    tables: list[Table]

    def blocks(self) -> list[Inline]:
        """The paragraph's text, then its subparagraphs'."""
        if not self.subparagraphs:  # most paragraphs
            return [self.content]
        return [self.content, *(sub.content for sub in self.subparagraphs)]


@dataclass(slots=True)
class PreambularParagraph(_HasSubparagraphs):
    """A paragraph of the preamble: "Rappelant sa résolution 73/291 …,"."""

    opening: Opening
    content: Inline
    span: Span
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    joins: list[int] = field(default_factory=list)  # offsets where a page break was rejoined
    division: str = ""  # as an operative paragraph's: a section's own preamble
    tables: list[Table] = field(default_factory=list)


@dataclass(slots=True)
class OperativeParagraph(_HasSubparagraphs):
    """A numbered paragraph of the operative part: "1. *Réaffirme* …;"."""

    number: int
    number_span: Span
    verb: Opening
    content: Inline  # the text after the number
    span: Span
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    joins: list[int] = field(default_factory=list)
    # The resolution ("B") and section ("II") it stands in, when one number holds several
    # resolutions or the text has sections: "B", "II", "B/II".
    division: str = ""
    part: str = ""  # the resolution alone: "B"
    numbered: bool = True  # a resolution's only operative paragraph is not numbered
    tables: list[Table] = field(default_factory=list)

    @property
    def opening(self) -> Opening:
        """The verb, under the name a preambular paragraph gives its opening."""
        return self.verb


@dataclass
class Footnote:
    """A footnote's text, attached to its number wherever the page break left it; or a note
    marked with asterisks ("[^*]: In its capacity as Chair …"), on the heading: a sponsor, a
    reissue."""

    number: int  # 0 for a note marked with asterisks
    content: Inline
    span: Span
    mark: str = ""  # "*", "**": the asterisks of such a note


@dataclass
class Closing:
    """The plenary line: "49^e séance plénière" / "19 décembre 2023"."""

    meeting: int | None  # None while it is a placeholder to fill
    date: date | None
    resumed: bool
    italic: bool
    span: Span
    meeting_text: str
    date_span: Span | None
    date_text: str | None = None  # the date line as written, without its italics marker
    suffix: str = ""  # the meeting number's ordinal suffix as written: "nd", "e", "^e"
    suffix_span: Span | None = None


@dataclass
class Division:
    """A section ("I" and its title) of an omnibus text, or a resolution ("A", "B") of several
    under one number."""

    label: str
    span: Span
    title: str | None = None


@dataclass
class Subheading:
    """A heading among the paragraphs that opens no section: a budget text heads the
    paragraphs on one mission with its name ("Office of the Special Envoy of the
    Secretary-General for Syria"). It has no number and no final punctuation."""

    content: Inline
    span: Span


@dataclass
class Annex:
    """An annex after the plenary line: its heading ("Annex II") and its lines, which are not
    paragraphs of the resolution."""

    label: str
    span: Span
    lines: list[Inline] = field(default_factory=list)


@dataclass
class HeadingLine:
    """One line of the heading block; `kind` is the grammar's name for it."""

    kind: str
    content: Inline
    span: Span
    # Issue-date and adoption lines: the date as written, where it starts in the content's
    # text, and the day it means (None when there is no such day: "31 novembre 2023").
    date_text: str | None = None
    date_offset: int = 0
    date: date | None = None


@dataclass
class Heading:
    """The heading block, and what its lines say: symbol, session, dates, committee."""

    lines: list[HeadingLine] = field(default_factory=list)
    symbol: str | None = None  # "78/167", or the draft's "A/C.2/78/L.12"
    session: int | None = None
    session_ordinal: str | None = None  # as written on the session line: "Soixante-dix-huitième"
    title: str | None = None
    adopted_on: date | None = None
    issued_on: date | None = None
    agenda_item: str | None = None

    def kinds(self) -> set[str]:
        return {line.kind for line in self.lines}

    def first(self, kind: str) -> HeadingLine | None:
        return next((line for line in self.lines if line.kind == kind), None)


@dataclass
class SyntaxProblem:
    """A place where the text breaks the grammar; parsing went on after it."""

    message: str
    span: Span
    found: str | None = None  # the grammar's name for what was found there ("ORGAN", …)


class Suppression(NamedTuple):
    """`<!-- drafter: ignore CODE -->`: silences CODE in the block of text that follows."""

    line: int
    target_line: int
    codes: tuple[str, ...]


BodyItem = PreambularParagraph | OperativeParagraph | Division | Subheading | Annex | Table


@dataclass
class Resolution:
    """A resolution or draft resolution: heading, organ line, preamble, operative part, closing."""

    language: str
    kind: Kind
    heading: Heading
    organ: Span | None
    organ_text: str | None
    preamble: list[PreambularParagraph]
    operative: list[OperativeParagraph]
    footnotes: list[Footnote]
    closing: Closing | None
    notes: list[Footnote] = field(default_factory=list)  # marked with asterisks, not numbered
    misplaced: list[PreambularParagraph] = field(default_factory=list)
    trailing: list[Inline] = field(default_factory=list)
    stray_organs: list[Span] = field(default_factory=list)  # organ lines after the first place
    annexes: list[Annex] = field(default_factory=list)
    divisions: list[Division] = field(default_factory=list)
    subheadings: list[Subheading] = field(default_factory=list)
    # A decision instead of a resolution: its one sentence ("The General Assembly … decides …").
    decision: Inline | None = None
    # Its lettered items, where its sentence leads into them: "(a) Urges …;" (A/C.4/80/L.3).
    decision_items: list[Subparagraph] = field(default_factory=list)
    # An instrument the resolution adopts in its body ("*Adopts* the following Pact …:"), with
    # its title: its paragraphs are its own, not the resolution's.
    instrument: Annex | None = None
    problems: list[SyntaxProblem] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    # Lines where a paragraph was taken to begin with no blank line before it (normalize).
    guessed_breaks: list[int] = field(default_factory=list)

    @property
    def symbol(self) -> str | None:
        return self.heading.symbol

    @property
    def session(self) -> int | None:
        return self.heading.session

    @property
    def title(self) -> str | None:
        return self.heading.title

    @property
    def adopted_on(self) -> date | None:
        return self.heading.adopted_on

    @property
    def profile(self) -> str:
        """What the text is checked as: "draft", "adopted", or "extract" for an adopted text
        as corpora and compilations give it, without the frame of its document (masthead,
        distribution, session line, and the plenary line that closes it)."""
        if self.kind == "adopted" and not self.heading.kinds() & _DOCUMENT_FRAME:
            return "extract"
        return self.kind

    def ends_a_resolution(self, index: int) -> bool:
        """Whether operative paragraph `index` is the last of its resolution: of the text, or
        of resolution A or B where one number holds several (each ends with a full stop)."""
        following = self.operative[index + 1 : index + 2]
        return not following or following[0].part != self.operative[index].part

    def body(self) -> list[tuple[str, BodyItem]]:
        """The preambular and operative paragraphs, the misplaced ones, the subheadings and
        the divisions' heads, the paragraphs' tables, and an instrument the resolution adopts
        ("instrument"), each with its kind, in the order of the text (a section's own preamble
        stands after its head)."""
        items: list[tuple[tuple[int, int], str, BodyItem]] = []
        kinds: list[tuple[str, list[Any]]] = [
            ("preambular", self.preamble),
            ("operative", self.operative),
            ("misplaced", self.misplaced),
            ("subheading", self.subheadings),
            ("division", self.divisions),
            ("instrument", [self.instrument] if self.instrument else []),
            # A paragraph's tables where they stand: a subheading may part two of them.
            ("table", [table for paragraph in self.paragraphs for table in paragraph.tables]),
        ]
        for kind, found in kinds:
            items.extend((item.span[:2], kind, item) for item in found)
        return [(kind, item) for _, kind, item in sorted(items, key=lambda entry: entry[0])]

    @property
    def paragraphs(self) -> list[PreambularParagraph | OperativeParagraph]:
        """The preambular paragraphs, then the operative ones."""
        return [*self.preamble, *self.operative]

    def paragraph_blocks(self) -> list[Inline]:
        """The texts of the body's paragraphs and their subparagraphs, in reading order."""
        return [block for paragraph in self.paragraphs for block in paragraph.blocks()]

    def blocks(self) -> list[Inline]:
        """Every piece of text with inline content, in reading order, footnotes last."""
        found: list[Inline] = [line.content for line in self.heading.lines]
        found.extend(self.paragraph_blocks())
        found.extend(
            cell
            for paragraph in self.paragraphs
            for table in paragraph.tables
            for row in table.rows
            for cell in row
        )
        if self.decision is not None:
            found.append(self.decision)
            found.extend(item.content for item in self.decision_items)
        found.extend(paragraph.content for paragraph in self.misplaced)
        found.extend(subheading.content for subheading in self.subheadings)
        if self.instrument is not None:
            found.extend(self.instrument.lines)
        found.extend(self.trailing)
        found.extend(line for annex in self.annexes for line in annex.lines)
        found.extend(footnote.content for footnote in self.footnotes)
        found.extend(note.content for note in self.notes)
        return found

    @property
    def citations(self) -> list[Citation]:
        """In reading order (footnotes last), whatever the layout of the file."""
        return [citation for block in self.blocks() for citation in block.citations]

    def to_json(self) -> dict[str, Any]:
        """The JSON of `drafter parse --format json` (DESIGN.md: its field names are a contract)."""
        return {
            "language": self.language,
            "kind": self.kind,
            "symbol": self.symbol,
            "session": self.session,
            "title": self.title,
            "adopted_on": _iso(self.adopted_on),
            "preamble": [_preambular_json(p) for p in self.preamble],
            "operative": [_operative_json(p) for p in self.operative],
            "footnotes": [
                {"number": f.number, "text": f.content.text, "line": f.span.line}
                for f in self.footnotes
            ],
            "notes": [
                {"mark": f.mark, "text": f.content.text, "line": f.span.line} for f in self.notes
            ],
            "citations": [
                {"symbol": c.symbol, "date": _iso(c.date), "line": c.span.line}
                for c in self.citations
            ],
            "references": [
                {"paragraph": r.number, "subparagraph": r.label, "line": r.span.line}
                for block in self.blocks()
                for r in block.references
            ],
            "closing": _closing_json(self.closing),
            "decision": self.decision.text if self.decision is not None else None,
            "decision_items": [_subparagraph_json(item) for item in self.decision_items],
            "divisions": [
                {"label": d.label, "title": d.title, "line": d.span.line} for d in self.divisions
            ],
            "subheadings": [
                {"text": sub.content.text, "line": sub.span.line} for sub in self.subheadings
            ],
            "instrument": _annex_json(self.instrument) if self.instrument else None,
            "annexes": [_annex_json(annex) for annex in self.annexes],
            "heading": {
                "issued_on": _iso(self.heading.issued_on),
                "agenda_item": self.heading.agenda_item,
                "lines": [
                    {"kind": line.kind, "text": line.content.text, "line": line.span.line}
                    for line in self.heading.lines
                ],
            },
            "problems": [
                {"message": p.message, "line": p.span.line, "column": p.span.column}
                for p in self.problems
            ],
        }


# What a template leaves for a human to fill: "[[date d'adoption]]" (drafter new), "{{ x }}".
# Nothing inside opens another: a search from an opening left unclosed stops at the next one,
# so that a text full of them takes linear time, not quadratic.
# A plenary meeting's number and its ordinal suffix as written: "52nd", "49^e", "1re".
MEETING_ORDINAL = re.compile(r"\d+(\^?[^\W\d]*)")
# Heading lines of a whole document, which an extract (a corpus's copy) does not have.
_DOCUMENT_FRAME = {"masthead", "document_symbol", "distribution", "issue_date", "session"}
PLACEHOLDER = re.compile(r"\[\[[^\[\]\n]*\]\]|\{\{[^{}\n]*\}\}|\{%[^{%\n]*%\}")

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Of a number read as a paragraph's, a footnote's or a meeting's: what Python converts (by
# default it refuses longer runs, whose conversion takes quadratic time).
_MOST_DIGITS = 4300


def superscript(number: int) -> str:
    return "".join(SUPERSCRIPT_DIGITS[int(d)] for d in str(number))


def superscript_value(digits: str) -> int:
    """ "¹²" → 12."""
    return number_value(digits.translate(_SUPERSCRIPT_VALUES))


def number_value(digits: str) -> int:
    """The number a paragraph, a footnote or a meeting is given, whole. Only a run of digits
    longer than Python converts (4,300) is read from its first digits: the text must be read
    whatever it holds."""
    return int(digits[:_MOST_DIGITS])


_SUPERSCRIPT_VALUES = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _refs(content: Inline) -> list[int]:
    return [ref.number for ref in content.footnote_refs]


def _preambular_json(paragraph: PreambularParagraph) -> dict[str, Any]:
    return _paragraph_json({"opening": paragraph.opening.text}, paragraph)


def _operative_json(paragraph: OperativeParagraph) -> dict[str, Any]:
    found: dict[str, Any] = {"number": paragraph.number, "verb": paragraph.verb.text}
    if not paragraph.numbered:
        found["numbered"] = False
    if paragraph.division:
        found["division"] = paragraph.division
    return _paragraph_json(found, paragraph)


def _paragraph_json(
    head: dict[str, Any], paragraph: PreambularParagraph | OperativeParagraph
) -> dict[str, Any]:
    return {
        **head,
        "text": paragraph.content.text,
        "line": paragraph.span.line,
        "footnote_refs": _refs(paragraph.content),
        "subparagraphs": [_subparagraph_json(s) for s in paragraph.subparagraphs],
        **({"tables": [_table_json(t) for t in paragraph.tables]} if paragraph.tables else {}),
    }


def _table_json(table: Table) -> dict[str, Any]:
    return {"line": table.span.line, "rows": [[cell.text for cell in row] for row in table.rows]}


def _subparagraph_json(sub: Subparagraph) -> dict[str, Any]:
    return {"label": sub.label, "text": sub.content.text, "line": sub.span.line}


def _annex_json(annex: Annex) -> dict[str, Any]:
    return {
        "label": annex.label,
        "line": annex.span.line,
        "paragraphs": [line.text for line in annex.lines],
    }


def _closing_json(closing: Closing | None) -> dict[str, Any] | None:
    if closing is None:
        return None
    return {
        "meeting": closing.meeting,
        "date": _iso(closing.date),
        "resumed": closing.resumed,
        "line": closing.span.line,
    }
