"""Build the document model from the tree of grammar/resolution.lark."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, cast

from drafter import lexicon, ordinals, sessions
from drafter.dates import find_date
from drafter.model import (
    MEETING_ORDINAL,
    Annex,
    Closing,
    Division,
    Footnote,
    Heading,
    HeadingLine,
    Inline,
    Opening,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subheading,
    Subparagraph,
    Table,
    number_value,
    superscript_value,
)
from drafter.normalize import Unit
from drafter.parser import openings
from drafter.parser.compile import is_token
from drafter.parser.inline import read_inline
from drafter.positions import LineIndex, Span

if TYPE_CHECKING:
    from lark import Token, Tree

_NUMBER_PREFIX = re.compile(r"(\d+)\. +")
_FOOTNOTE_PREFIX = re.compile(r"(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[\^(\d+)\]:|\[\^(\*+)\]:) *")
_LABEL = re.compile(r"(\(?)((?:[a-z]{1,2}|[ivxlc]{1,6}))([).]) +")
_TITLE = re.compile(r"(.+?)\. +(.+)")
_SUBHEADING_WORDS = 15  # a heading among paragraphs is a name: "Panel of Experts on Haiti"
_ROMAN = re.compile(r"^(?=[ivxlc]+$)m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")


def build(tree: Tree, units: list[Unit], index: LineIndex, language: str) -> Resolution:
    return _Builder(units, index, language).resolution(tree)


class _Builder:
    def __init__(self, units: list[Unit], index: LineIndex, language: str) -> None:
        self.units = units
        self.index = index
        self.language = language
        self.words = lexicon.load(language)
        self.stray_organs: list[Span] = []
        self.divisions: list[Division] = []
        self.late_preamble: list[PreambularParagraph] = []  # of divisions in the operative part
        self.operative_paragraphs: list[OperativeParagraph] = []
        self.subheadings: list[Subheading] = []
        # Where the last division began: in `late_preamble`, in `operative_paragraphs`.
        self.division_start = (0, 0)
        self.awaiting = ""  # after a division line: "title", then "preamble", then ""
        self.opens_resolution = False  # the last division is "A", "B": an organ line follows
        self.part = self.section = ""  # the resolution ("B") and section ("II") being read
        self.row_before = False  # the node before was a table's row

    # -- units and their text --------------------------------------------------------------
    def unit(self, node: Token | Tree) -> Unit:
        """The unit a line terminal was read from (the grammar reads one unit per line)."""
        return self.units[cast(int, cast("Token", node).line) - 1]

    def span(self, unit: Unit, start: int = 0, end: int | None = None) -> Span:
        end = len(unit.text) if end is None else end
        return self.index.span(unit.map.to_source(start), unit.map.to_source_end(end))

    def inline(self, unit: Unit, start: int = 0) -> Inline:
        """The inline content of a unit from `start` on (after a number or a label)."""
        return read_inline(unit.text, unit.map, self.index, self.language, start)

    # -- the document ------------------------------------------------------------------------
    def resolution(self, tree: Tree) -> Resolution:
        parts = {child.data: child for child in tree.children if not is_token(child)}
        heading = self.heading(parts["heading"])
        instrument = self.instrument(parts)
        organ_token = _first_token(parts.get("organ"))
        organ = None
        if organ_token is not None and str(organ_token):
            organ = self.span(self.unit(organ_token))
        preamble = self.preamble(parts["preamble"]) if "preamble" in parts else []
        operative, misplaced = (
            self.operative(parts["operative"]) if "operative" in parts else ([], [])
        )
        preamble += self.late_preamble
        if not operative and preamble:
            operative = self.only_operative(preamble, adopting=instrument is not None)
        closing = self.closing(parts["closing"]) if "closing" in parts else None
        trailing = [self.inline(self.unit(t)) for t in parts["trailing"].children]
        annexes = [self.annex(annex) for annex in parts["annexes"].children]
        decision_token = _first_token(parts.get("decision"))
        decision = self.inline(self.unit(decision_token)) if decision_token else None
        decision_items: list[Subparagraph] = []
        for item in parts["decision"].children if "decision" in parts else []:
            if not is_token(item):
                self.add_subparagraph(decision_items, item)
        every = [self.footnote(self.unit(f.children[0])) for f in parts["footnotes"].children]
        footnotes = [footnote for footnote in every if not footnote.mark]
        adopted = bool(heading.adopted_on or heading.first("title") or closing)
        if not adopted and heading.title is None:
            heading.title = self.draft_title(heading)
        return Resolution(
            language=self.language,
            kind="adopted" if adopted else "draft",
            heading=heading,
            organ=organ,
            organ_text=str(organ_token).strip() if organ else None,
            preamble=preamble,
            operative=operative,
            footnotes=footnotes,
            notes=[footnote for footnote in every if footnote.mark],
            closing=closing,
            misplaced=misplaced,
            trailing=trailing,
            stray_organs=self.stray_organs,
            annexes=annexes,
            divisions=self.divisions,
            subheadings=self.subheadings,
            decision=decision,
            decision_items=decision_items,
            instrument=instrument,
        )

    # -- an instrument the resolution adopts, set out in its body ------------------------------
    def instrument(self, parts: dict[str, Tree]) -> Annex | None:
        """The paragraphs after one that adopts "the following" instrument ("*Adopts* the
        following Pact for the Future and its annexes:"), up to the plenary line: the
        instrument's own (its title, its numbered paragraphs, its chapters), not the
        resolution's. They are taken out of the body's tree and read as an annex, headed by
        the instrument's title."""
        bodies = [parts[name] for name in ("preamble", "operative") if name in parts]
        nodes = [(body, at, node) for body in bodies for at, node in enumerate(body.children)]
        adopting = _adopting(self.language)
        for place, (body, at, node) in enumerate(nodes):
            following = nodes[place + 1 : place + 2]
            if node.data == "subparagraph" or not following:
                continue
            if following[0][2].data == "subparagraph":
                continue
            if not adopting.fullmatch(self.unit(node.children[0]).text):
                continue
            units = [self.unit(later.children[0]) for _, _, later in nodes[place + 1 :]]
            body.children[at + 1 :] = []
            for other in bodies[bodies.index(body) + 1 :]:
                other.children = []
            title = units[0].text.strip()
            titled = not title.endswith((",", ";", ":", ".")) and not _NUMBER_PREFIX.match(title)
            lines = units[1:] if titled else units
            return Annex(
                title if titled else "",
                self.span(units[0]),
                [self.inline(unit) for unit in lines],
            )
        return None

    # -- heading ------------------------------------------------------------------------------
    def heading(self, tree: Tree) -> Heading:
        heading = Heading()
        for node in tree.children:
            unit = self.unit(node.children[0])
            line = HeadingLine(str(node.data), self.inline(unit), self.span(unit))
            heading.lines.append(line)
            getattr(self, f"_heading_{node.data}", _ignore)(heading, line)
        if heading.session is None:
            heading.session = sessions.of_symbol(heading.symbol)
        return heading

    def _heading_title(self, heading: Heading, line: HeadingLine) -> None:
        found = _TITLE.fullmatch(line.content.text.strip())
        if found:
            heading.symbol, heading.title = found.group(1), found.group(2).strip()

    def _heading_session(self, heading: Heading, line: HeadingLine) -> None:
        after_ordinal = _after_ordinal(self.language)
        heading.session_ordinal = after_ordinal.split(line.content.text, maxsplit=1)[0]
        heading.session = ordinals.value(heading.session_ordinal, self.language)

    def _heading_adoption(self, heading: Heading, line: HeadingLine) -> None:
        heading.adopted_on = self.line_date(line)

    def _heading_issue_date(self, heading: Heading, line: HeadingLine) -> None:
        heading.issued_on = heading.issued_on or self.line_date(line)

    def line_date(self, line: HeadingLine) -> date | None:
        """Read the date a heading line gives into the line, and return it."""
        line.date, found = find_date(line.content.text, self.language)
        if found:
            line.date_text, line.date_offset = found.group(0), found.start()
        return line.date

    def _heading_agenda(self, heading: Heading, line: HeadingLine) -> None:
        text = line.content.text
        found = _agenda_item(self.language).fullmatch(text)
        heading.agenda_item = found.group(1) if found else text

    def _heading_document_symbol(self, heading: Heading, line: HeadingLine) -> None:
        heading.symbol = heading.symbol or line.content.text.strip()

    def _heading_masthead(self, heading: Heading, line: HeadingLine) -> None:
        parts = line.content.text.split()
        if parts and "/" in parts[-1]:
            heading.symbol = heading.symbol or parts[-1]

    def draft_title(self, heading: Heading) -> str | None:
        """A draft's title is the last free line of its heading (after the sponsors)."""
        texts = [line for line in heading.lines if line.kind == "heading_text"]
        return texts[-1].content.text.strip() if texts else None

    # -- body ---------------------------------------------------------------------------------
    def preamble(self, tree: Tree) -> list[PreambularParagraph]:
        paragraphs: list[PreambularParagraph] = []
        for node in tree.children:
            unit = self.unit(node.children[0])
            goes_on = self.row_before  # a row right after a row: the same table
            self.row_before = node.data == "table_row"
            if node.data == "preambular":
                if not self.division_title(unit):
                    paragraphs.append(self.preambular(unit))
            elif node.data in ("stray_organ", "division"):
                self.division_or_organ(node.data, unit)
            elif node.data == "table_row" and paragraphs:
                self.add_row(paragraphs[-1].tables, unit, goes_on)
            elif paragraphs:
                self.add_subparagraph(paragraphs[-1].subparagraphs, node)
        return paragraphs

    def only_operative(
        self, preamble: list[PreambularParagraph], *, adopting: bool = False
    ) -> list[OperativeParagraph]:
        """A resolution with a single operative paragraph leaves it unnumbered: the last
        unnumbered paragraph is it when it opens with an operative verb and ends with a full
        stop ("*Takes note* of the report …."), or with the colon before the instrument it
        adopts (`adopting`). Taken from the preamble, it is returned."""
        last, verbs = preamble[-1], openings.operative(self.language)
        verb = self.opening(last.content, verbs)
        if not (verb.italic or verbs.match(last.content.text).known):
            return []
        if not last.content.text.rstrip(" ⁰¹²³⁴⁵⁶⁷⁸⁹").endswith(":" if adopting else "."):
            return []
        preamble.pop()
        return [_unnumbered(last, verb)]

    def close_division(self) -> None:
        """A section with one operative paragraph leaves it unnumbered too ("XVIII",
        "International Trade Centre", "*Approves* resources …;"): the last paragraph of a
        section without numbered ones is it when it opens with a known operative verb."""
        preamble_start, operative_start = self.division_start
        late, operative = self.late_preamble, self.operative_paragraphs
        verbs = openings.operative(self.language)
        alone = len(operative) == operative_start and len(late) > preamble_start
        if alone and verbs.match(late[-1].content.text).known:
            last = late.pop()
            operative.append(_unnumbered(last, self.opening(last.content, verbs)))
            operative[-1].division, operative[-1].part = last.division, self.part
        self.division_start = (len(late), len(operative))

    def subheading(self, unit: Unit) -> bool:
        """Whether an unnumbered line among the operative paragraphs heads some of them
        ("Office of the Special Envoy …"): a short line that begins with a capital, opens
        with no paragraph's word and has no final punctuation."""
        content = self.inline(unit)
        text = content.text.strip()
        if not text[:1].isupper() or text.endswith((",", ";", ":", ".")):
            return False
        if len(text.split()) > _SUBHEADING_WORDS:
            return False
        for matcher in (openings.operative(self.language), openings.preambular(self.language)):
            if matcher.match(text).known:
                return False
        self.subheadings.append(Subheading(content, self.span(unit)))
        return True

    # -- sections and resolutions A, B under one number ---------------------------------------
    def division_or_organ(self, kind: str, unit: Unit) -> None:
        """A division line opens a section or a resolution; the organ line again is out of
        place, unless it opens resolution B after its letter."""
        if kind == "division":
            label = unit.text.strip().rstrip(".")
            self.divisions.append(Division(label, self.span(unit)))
            self.awaiting = "title"
            self.opens_resolution = names_a_resolution(label)
            if self.opens_resolution:
                self.part, self.section = label, ""
            else:
                self.section = label
            return
        if not self.opens_resolution:
            self.stray_organs.append(self.span(unit))
        self.opens_resolution = False

    def division_title(self, unit: Unit) -> bool:
        """Whether an unnumbered line is the title of the division just opened ("Calendar of
        conferences and meetings": no final punctuation); it then goes with the division."""
        awaiting, self.awaiting = self.awaiting, "preamble" if self.awaiting else ""
        if awaiting != "title" or unit.text.rstrip().endswith((",", ";", ":", ".")):
            return False
        self.divisions[-1].title = unit.text.strip()
        return True

    def preambular(self, unit: Unit) -> PreambularParagraph:
        content = self.inline(unit)
        opening = self.opening(content, openings.preambular(self.language))
        return PreambularParagraph(
            opening, content, self.span(unit), joins=list(unit.joins), division=self.division()
        )

    def division(self) -> str:
        return "/".join(label for label in (self.part, self.section) if label)

    def operative(self, tree: Tree) -> tuple[list[OperativeParagraph], list[PreambularParagraph]]:
        paragraphs = self.operative_paragraphs
        misplaced: list[PreambularParagraph] = []
        last: OperativeParagraph | PreambularParagraph | None = None  # takes subparagraphs
        for node in tree.children:
            unit = self.unit(node.children[0])
            goes_on = self.row_before  # a row right after a row: the same table
            self.row_before = node.data == "table_row"
            if node.data == "operative_paragraph":
                last = self.operative_paragraph(unit)
                last.division, last.part = self.division(), self.part
                paragraphs.append(last)
                self.awaiting = ""
            elif node.data == "late_paragraph":
                # A division's own preamble comes after its head and title, before its first
                # numbered paragraph.
                in_preamble = bool(self.awaiting)
                if not self.division_title(unit) and not self.subheading(unit):
                    last = self.preambular(unit)
                    (self.late_preamble if in_preamble else misplaced).append(last)
                self.awaiting = "preamble" if in_preamble else ""
            elif node.data in ("stray_organ", "division"):
                if node.data == "division":
                    self.close_division()
                self.division_or_organ(node.data, unit)
            elif node.data == "table_row" and last is not None:
                self.add_row(last.tables, unit, goes_on)
            elif last is not None:
                self.add_subparagraph(last.subparagraphs, node)
        self.close_division()
        return paragraphs, misplaced

    def operative_paragraph(self, unit: Unit) -> OperativeParagraph:
        prefix = _NUMBER_PREFIX.match(unit.text)
        assert prefix is not None  # the OPERATIVE terminal starts so
        content = self.inline(unit, prefix.end())
        verb = self.opening(content, openings.operative(self.language))
        return OperativeParagraph(
            number=number_value(prefix.group(1)),
            number_span=self.span(unit, 0, len(prefix.group(1)) + 1),
            verb=verb,
            content=content,
            span=self.span(unit),
            joins=[j - prefix.end() for j in unit.joins],
        )

    def opening(self, content: Inline, matcher: openings.OpeningMatcher) -> Opening:
        """The opening phrase: the leading italics when there are some, else the lexicon's;
        or a known verb in italics after a phrase that sets its condition ("Pending the total
        elimination of nuclear weapons, *urges* …", A/RES/80/23)."""
        text = content.text
        leading = content.italics[0] if content.italics and content.italics[0][0] == 0 else None
        if leading:
            found = matcher.split(text[: leading[1]].strip(), known=False)
        else:
            found = matcher.match(text)
            later = self.verb_after_phrase(content, matcher) if not found.known else None
            if later is not None:
                return later
        return Opening(found.text, found.base, found.adverb, bool(leading), content)

    def verb_after_phrase(
        self, content: Inline, matcher: openings.OpeningMatcher
    ) -> Opening | None:
        if not content.italics or matcher is not openings.operative(self.language):
            return None
        start, end = content.italics[0]
        if not content.text[:start].rstrip().endswith(","):
            return None
        written = content.text[start:end].strip()
        found = matcher.match(written[:1].upper() + written[1:])
        if not found.known or len(found.text) != len(written):
            return None
        return Opening(written, found.base, found.adverb, True, content, start)

    def add_row(self, tables: list[Table], unit: Unit, goes_on: bool) -> None:
        """A table's row, "| cell | cell |": to the paragraph's last table when it `goes_on`
        from the row before, else to a new one."""
        cells = [
            self.inline(Unit(unit.text[:end], unit.map, unit.line), start)
            for start, end in _cells(unit.text)
        ]
        span = self.span(unit)
        if tables and goes_on:
            tables[-1].rows.append(cells)
            tables[-1].span = Span(*tables[-1].span[:2], span.end_line, span.end_column)
        else:
            tables.append(Table([cells], span))

    def add_subparagraph(self, siblings: list[Subparagraph], node: Tree) -> None:
        unit = self.unit(node.children[0])
        label = _LABEL.match(unit.text)
        assert label is not None  # the SUBPARAGRAPH terminal starts so
        name = label.group(2)
        siblings.append(
            Subparagraph(
                label=name,
                marker=label.group(0).strip(),
                level=_level(name, label.group(3), siblings),
                content=self.inline(unit, label.end()),
                span=self.span(unit),
            )
        )

    def closing(self, tree: Tree) -> Closing:
        meeting_token, *date_tokens = tree.children
        meeting_unit = self.unit(meeting_token)
        text = meeting_unit.text
        date_unit = self.unit(date_tokens[0]) if date_tokens else None
        date_value = find_date(date_unit.text, self.language)[0] if date_unit else None
        ordinal = MEETING_ORDINAL.search(text)
        suffix = ordinal if ordinal and ordinal.group(1) else None
        return Closing(
            meeting=number_value(found.group(0)) if (found := re.search(r"\d+", text)) else None,
            date=date_value,
            resumed=any(word in text for word in self.words.phrases("resumed")),
            italic=text.startswith("*"),
            span=self.span(meeting_unit),
            meeting_text=text.strip("* "),
            date_span=self.span(date_unit) if date_unit else None,
            date_text=date_unit.text.strip("* ") if date_unit else None,
            suffix=suffix.group(1) if suffix else "",
            suffix_span=self.span(meeting_unit, *suffix.span(1)) if suffix else None,
        )

    def annex(self, tree: Tree) -> Annex:
        head, *lines = tree.children
        unit = self.unit(head)
        return Annex(
            unit.text.strip(),
            self.span(unit),
            [self.inline(self.unit(line.children[0])) for line in lines],
        )

    def footnote(self, unit: Unit) -> Footnote:
        prefix = _FOOTNOTE_PREFIX.match(unit.text)
        assert prefix is not None  # the FOOTNOTE terminal starts so
        digits, plain, stars = prefix.groups()
        if stars:
            return Footnote(0, self.inline(unit, prefix.end()), self.span(unit), mark=stars)
        number = superscript_value(digits) if digits else number_value(plain)
        return Footnote(number, self.inline(unit, prefix.end()), self.span(unit))


@cache
def _after_ordinal(language: str) -> re.Pattern[str]:
    """What follows the ordinal in "Soixante-dix-huitième session"."""
    return re.compile(rf"\s+{re.escape(lexicon.load(language).phrases('session')[0])}\b")


@cache
def _adopting(language: str) -> re.Pattern[str]:
    """A paragraph, numbered or not, whose verb adopts an instrument that follows it and which
    ends with a colon (its footnote calls aside)."""
    words = lexicon.load(language)
    verbs = lexicon.alternation(words.phrases("instrument_verbs"))
    follows = lexicon.alternation(words.phrases("instrument_follows"))
    return re.compile(
        rf"(?:\d+\. +)?\*?{verbs}\*?(?![\w'])[^\n]*(?<![\w']){follows}(?![\w'])[^\n]*:"
        r"[ ⁰¹²³⁴⁵⁶⁷⁸⁹]*"
    )


@cache
def _agenda_item(language: str) -> re.Pattern[str]:
    """ "Point 22 b) de l'ordre du jour", with the item, "22 b)", in a group."""
    words = lexicon.load(language)
    prefix = lexicon.alternation(words.phrases("agenda_prefix"))
    suffix = lexicon.alternation(words.phrases("agenda_suffix"))
    return re.compile(rf"{prefix} +(.*?),? *{suffix} *")


def _unnumbered(paragraph: PreambularParagraph, verb: Opening) -> OperativeParagraph:
    """The only operative paragraph of a resolution or a section, which has no number."""
    return OperativeParagraph(
        number=1,
        number_span=paragraph.content.span(0, 0),
        verb=verb,
        content=paragraph.content,
        span=paragraph.span,
        subparagraphs=paragraph.subparagraphs,
        joins=paragraph.joins,
        numbered=False,
    )


def _level(label: str, closer: str, siblings: list[Subparagraph]) -> int:
    """a) b) c) are of the first degree, i) ii) iii) of the second, a. b. of the third."""
    if closer == ".":
        return 3
    letters = [s.label for s in siblings if s.level == 1]
    if _ROMAN.match(label):
        expected_letter = _next_letter(letters[-1]) if letters else "a"
        if label != expected_letter:
            return 2
    return 1


def _next_letter(label: str) -> str:
    """b after a, aa after z, ii after hh (the UN doubles the letter after z)."""
    if label == "z" * len(label):
        return "a" * (len(label) + 1)
    return chr(ord(label[0]) + 1) * len(label)


def _cells(row: str) -> list[tuple[int, int]]:
    """Where each cell's text is in a row "| a | b |": between the pipes, spaces aside."""
    bounds = [at for at, char in enumerate(row) if char == "|"]
    if not row.rstrip().endswith("|"):
        bounds.append(len(row))
    cells = []
    for start, end in pairwise(bounds):
        text = row[start + 1 : end]
        left = start + 1 + len(text) - len(text.lstrip())
        cells.append((left, max(left, start + 1 + len(text.rstrip()))))
    return cells


def _first_token(tree: Tree | None) -> Token | None:
    if tree is None:
        return None
    return next((child for child in tree.children if is_token(child)), None)


def _ignore(heading: Heading, line: HeadingLine) -> None:
    """Heading lines with nothing to extract."""


def names_a_resolution(label: str) -> bool:
    """Whether a division's label is a resolution's letter ("B"), not a section's ("II")."""
    return len(label) == 1 and label not in "IVX"
