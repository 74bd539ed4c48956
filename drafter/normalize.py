"""Turn the text of a file into units: one heading line, paragraph or footnote each.

Real resolution texts carry the layout of the printed page: paragraphs hard-wrapped over
several lines, footnote texts in the middle of a paragraph at a page break (the paragraph
then goes on, in lowercase, after them), Markdown footnote definitions gathered at the end.
Normalizing undoes that layout so the grammar sees one unit per line, in reading order, with
the footnotes after the body, and keeps a map from every unit back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from drafter.model import Suppression
from drafter.positions import TextMap

# Characters replaced one for one, so offsets do not move: no-break and thin spaces read as
# spaces, typographic apostrophes as the straight one, tabs as spaces.
_SAME_WIDTH = {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\u2019": "'", "\u02bc": "'"}

_COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$")
_DIRECTIVE = re.compile(r"^\s*drafter\s*:\s*ignore\s+([A-Za-z0-9_,\s-]+?)\s*$")
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,})\s*$")
# The rule under a pipe table's head ("| --- | :---: |"): markup, not text.
_TABLE_RULE = re.compile(r"\|[\s:|-]*-[\s:|-]*$")
# A numbered (operative) paragraph: with no organ line before it, the body begins there.
_NUMBERED = re.compile(r"\d+\.\s")
# A wrapped piece of a paragraph starts in lowercase; subparagraph labels ("a)", "(ii)",
# "b.": a letter or two, or a Roman numeral, not a word such as "chap.") do too but begin a
# new unit.
_CONTINUATION = re.compile(r"^(?!\(?(?:[a-z]{1,2}|[ivxlc]{1,6})[).][ ])[a-zà-öø-ÿœ]")
# Where no blank line separates paragraphs (text pasted from a word processor), a line begins
# one when it starts with a number or a label, or when the line before ends as a paragraph
# does and it starts as one does (a capital, or italics).
LABELLED = re.compile(r"\d+\.\s|\(?(?:[a-z]{1,2}|[ivxlc]{1,6})[).] ")
# (A colon ends a paragraph's chapeau: its subparagraphs follow, and their labels begin lines.)
_PARAGRAPH_END = (",", ";", ".")
_TRAILING_CALLS = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]|\[\^\d+\])+$")
_PARAGRAPH_START = re.compile(r"\*?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]")  # a word: "S-29/1" is a number
_FULL_LINE = 0.8  # of the longest line of a block: a line this long was wrapped
_WORD_AND_SPACE = re.compile(r"\*?[A-ZÀ-ÖØ-Þ][\w'-]+\*? ")


class PhraseStart:
    """Whether a line opens with one of the phrases, as a whole word ("Rappelant", not
    "Rappelante"), after the "*" of italics or not. A lookup by the phrases' first letters: a
    regex of them all took longer to compile than a resolution takes to normalize."""

    def __init__(self, phrases: list[str]) -> None:
        self.width = min(map(len, phrases), default=1)
        self.by_start: dict[str, list[str]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):  # the longest first, as a regex
            self.by_start.setdefault(phrase[: self.width], []).append(phrase)

    def match(self, text: str) -> bool:
        start = 1 if text[:1] == "*" else 0
        for phrase in self.by_start.get(text[start : start + self.width], ()):
            end = start + len(phrase)
            if text.startswith(phrase, start) and not _word_goes_on(text, end):
                return True
        return False


def _word_goes_on(text: str, at: int) -> bool:
    return at < len(text) and (text[at].isalnum() or text[at] in "_'")


class Markers(NamedTuple):
    """The line patterns normalizing needs; the grammar provides them (whole-line terminals
    end with a look-ahead for the end of the line)."""

    organ: re.Pattern[str]
    meeting: re.Pattern[str]
    footnote: re.Pattern[str]
    opening: PhraseStart  # a known preambular opening, at the start of a line
    alone: re.Pattern[str]  # a line that is a unit of its own: "Annex", a section's "II"
    # The kind of a heading line: "title" (78/167. …), "line" (any other the grammar names:
    # a session, a date, the basis …) or "free" (an agenda's title, say).
    heading_kind: Callable[[str], str]
    # An annex's head with its title run into it ("Annex I Global Digital Compact", as a copy
    # may set it): the head, which goes on a line of its own.
    annex_head: re.Pattern[str] | None = None


@dataclass
class Unit:
    """One logical line for the grammar, with the map back to the original text."""

    text: str
    map: TextMap
    line: int
    joins: list[int] = field(default_factory=list)  # offsets where a page break was rejoined


@dataclass
class Normalized:
    """The units for the grammar, and the suppression comments found on the way."""

    units: list[Unit]
    suppressions: list[Suppression]
    # Lines where a paragraph was taken to begin although no blank line separated it from
    # the one before: the structure there is a guess.
    guessed: list[int] = field(default_factory=list)


@dataclass
class _Line:
    """A non-blank line of the file."""

    number: int  # 1-based
    start: int  # offset of the first non-space character
    text: str  # stripped


def normalize(text: str, markers: Markers) -> Normalized:
    for character, replacement in _SAME_WIDTH.items():  # faster than str.translate
        if character in text:
            text = text.replace(character, replacement)
    lines, suppressions = _content_lines(text)
    blocks, organ_index = _blocks(lines, markers)
    # The body begins at the organ line, or at a numbered paragraph or a known preambular
    # opening met before it (the organ line missing, or out of place): a heading holds neither.
    heading_end = _body_start(blocks, organ_index, markers)
    units: list[Unit] = []
    for block in blocks[:heading_end]:
        units.extend(_heading_units(block, markers))
    guessed: list[int] = []
    body, footnotes = _body_units(blocks[heading_end:], markers, guessed)
    return Normalized(units + body + footnotes, suppressions, guessed)


def _content_lines(text: str) -> tuple[list[_Line | None], list[Suppression]]:
    """Lines with their offsets (None for a blank line); comment lines vanish."""
    lines: list[_Line | None] = []
    pending: list[tuple[int, tuple[str, ...]]] = []
    suppressions: list[Suppression] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        comment = "<!--" in raw and _COMMENT.match(raw)  # the test first: most lines are text
        if comment:
            directive = _DIRECTIVE.match(comment.group(1))
            if directive:
                codes = tuple(c for c in re.split(r"[\s,]+", directive.group(1).upper()) if c)
                pending.append((number, codes))
        elif (stripped := raw.strip()) and not (
            (stripped[0] in "-_*" and _SEPARATOR.match(raw))
            or (stripped[0] == "|" and _TABLE_RULE.match(stripped))
        ):
            lines.append(_Line(number, offset + raw.index(stripped[0]), stripped))
            suppressions.extend(Suppression(at, number, codes) for at, codes in pending)
            pending.clear()
        else:
            lines.append(None)
        offset += len(raw) + 1
    return lines, suppressions


def _blocks(lines: list[_Line | None], markers: Markers) -> tuple[list[list[_Line]], int]:
    """Runs of non-blank lines; a footnote or a plenary meeting line starts a new run, and
    the organ line, an annex's or a section's head are runs of their own (the body begins at
    the organ line, whatever it touches). With the runs, where the first organ line is (the
    number of runs if there is none)."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    organ_index: int | None = None
    for line in _annex_heads_apart(lines, markers):
        organ = line is not None and _whole_line(markers.organ, line.text)
        alone = organ or (
            line is not None
            and (line.text.startswith("|") or _whole_line(markers.alone, line.text))
        )  # (a table's row is a unit of its own)
        if (
            line is None
            or alone
            or markers.footnote.match(line.text)
            or _meeting_line(line.text, markers)
        ):
            if current:
                blocks.append(current)
            current = []
        if line is not None:
            current.append(line)
        if alone:  # a block of its own; the body begins at the first organ line
            if organ and organ_index is None:
                organ_index = len(blocks)
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks, len(blocks) if organ_index is None else organ_index


def _annex_heads_apart(lines: list[_Line | None], markers: Markers) -> list[_Line | None]:
    """The lines, an annex's head run into its title cut in two ("Annex I" / "Global Digital
    Compact")."""
    if markers.annex_head is None:
        return lines
    out: list[_Line | None] = []
    for line in lines:
        head = None
        # (At the start of a block only: "the\nAnnex I Parties to the Convention" is prose.)
        if line is not None and (not out or out[-1] is None):
            head = markers.annex_head.match(line.text)
        if line is None or head is None:
            out.append(line)
            continue
        title = line.text[head.end() :].lstrip()
        out.append(_Line(line.number, line.start, head.group()))
        out.append(_Line(line.number, line.start + len(line.text) - len(title), title))
    return out


def _body_start(blocks: list[list[_Line]], before: int, markers: Markers) -> int:
    """The block of the first paragraph, numbered or opening with a known preambular word,
    among the first `before` (else `before`). One that a missing blank line joined to the line
    above it is split off its block."""
    for index, block in enumerate(blocks[:before]):
        for at, line in enumerate(block):
            if _NUMBERED.match(line.text) or markers.opening.match(line.text):
                if at:
                    blocks[index : index + 1] = [block[:at], block[at:]]
                    return index + 1
                return index
    return before


def _heading_units(block: list[_Line], markers: Markers) -> list[Unit]:
    """Heading lines stand alone, unless a line is the wrapped end of the one before: it
    starts in lowercase, or a bracket is open, or it goes on with a title ("80/2. Scale of
    assessments for the apportionment of the expenses of the" / "United Nations: …") and is
    no heading line of its own."""
    units: list[Unit] = []
    wraps = False  # whether the last unit is a title or free text, which may go on
    # The masthead comes first: after the agenda item or the numbered title, its phrase is
    # their text going on.
    past_masthead = False
    for at, line in enumerate(block):
        previous = units[-1] if units else None
        kind = markers.heading_kind(line.text)
        if previous and (
            _CONTINUATION.match(line.text)
            or _unclosed(previous.text)
            or (
                wraps
                and kind == "free"
                and not LABELLED.match(line.text)  # a lettered decision's item
                and not _wrapped_heading_line(block, at, markers)
            )
            # "… Culture in the" / "General Assembly": the agenda's title goes on.
            or (wraps and past_masthead and kind == "masthead")
        ):
            _append(previous, line, join_page_break=False)
        else:
            units.append(_unit(line))
            wraps = len(block) > 1 and kind in ("free", "title")
            past_masthead = past_masthead or kind in ("agenda", "title")
    return units


def _wrapped_heading_line(block: list[_Line], at: int, markers: Markers) -> bool:
    """The line and the lowercase one after it make a heading line the grammar names
    ("Resolution adopted by the General Assembly" / "on 5 December 2025")."""
    if at + 1 >= len(block) or not _CONTINUATION.match(block[at + 1].text):
        return False
    return markers.heading_kind(f"{block[at].text} {block[at + 1].text}") not in ("free", "title")


def _body_units(
    blocks: list[list[_Line]], markers: Markers, guessed: list[int]
) -> tuple[list[Unit], list[Unit]]:
    body: list[Unit] = []
    footnotes: list[Unit] = []
    for block in blocks:
        if markers.footnote.match(block[0].text):
            end = _footnote_end(block, markers)
            footnotes.append(_joined(block[:end]))
            if end == len(block):
                continue
            block = block[end:]  # the body goes on right after the footnote
            guessed.append(block[0].number)
        if _meeting_line(block[0].text, markers):
            body.extend(unit for line in block for unit in _meeting_units(line, markers))
        elif body and _CONTINUATION.match(block[0].text):
            # A paragraph interrupted by a page break (and maybe by footnotes) goes on here.
            _append(body[-1], block[0], join_page_break=True)
            _paragraphs(block, 1, body, markers, guessed)
        else:
            body.append(_unit(block[0]))
            _paragraphs(block, 1, body, markers, guessed)
    return body, footnotes


def _paragraphs(
    block: list[_Line], start: int, body: list[Unit], markers: Markers, guessed: list[int]
) -> None:
    """The lines of `block` from `start` on: each a wrapped piece of the last unit of `body`,
    unless it begins a paragraph of its own. Only a block that holds several paragraphs for
    sure (a number, a label or a known opening begins one of its lines) is cut after a line
    that ends as a paragraph does: in a hard-wrapped paragraph, a line may end with a comma
    before a capital ("the Secretary-General,\nMember States")."""
    lines = block[start:]
    several = any(_begins_surely(line.text, markers) for line in lines)
    # A line that fills the width of the block's longest is a wrapped one, whatever it ends
    # with; a paragraph's last line is most often shorter.
    full = _FULL_LINE * max(len(line.text) for line in block)
    for previous, line in zip(block[start - 1 :], lines, strict=False):
        # A known opening begins a paragraph only after a line that ends one: "… the Global
        # Ocean" / "Observing System, …" is a wrapped name.
        opens = LABELLED.match(line.text) or (
            markers.opening.match(line.text) and ends_paragraph(previous.text)
        )
        if opens or (
            several and len(previous.text) < full and ends_and_begins(previous.text, line.text)
        ):
            body.append(_unit(line))
            guessed.append(line.number)
        else:
            _append(body[-1], line, join_page_break=False)


def _footnote_end(block: list[_Line], markers: Markers) -> int:
    """Where a footnote's text ends in its block: at a line that begins a paragraph, or one
    that goes on with the body (after the footnote's full stop, a lowercase word or a word and
    a space: "chap.\nI." is still the footnote)."""
    for at in range(1, len(block)):
        text = block[at].text
        if _begins_surely(text, markers):
            return at
        if block[at - 1].text.endswith(".") and (
            _CONTINUATION.match(text) or _WORD_AND_SPACE.match(text)
        ):
            return at
    return len(block)


def _begins_surely(text: str, markers: Markers) -> bool:
    """A number, a label or a known opening begins the line (a wrapped lowercase piece
    matches neither: _CONTINUATION leaves labels out)."""
    return bool(LABELLED.match(text) or markers.opening.match(text))


def ends_and_begins(previous: str, text: str) -> bool:
    """The line before ends as a paragraph does (its footnote calls aside), and this one
    starts as one does."""
    return ends_paragraph(previous) and _PARAGRAPH_START.match(text) is not None


def ends_paragraph(text: str, marks: tuple[str, ...] = _PARAGRAPH_END) -> bool:
    """The line ends with one of `marks` (as a paragraph does; a chapeau ends with a colon,
    but so does a title's first part: "Human Rights:" / "Implementing …"), its footnote calls
    aside."""
    return _TRAILING_CALLS.sub("", text).endswith(marks)


# A date at the end of a line: "52nd plenary meeting 1 December 2025" (a copy may run the
# plenary line and its date together).
_TRAILING_DATE = re.compile(r" +(\d{1,2}(?:er|st)? +[^\W\d]+ *\d{4}\*?) *$")


def _meeting_line(text: str, markers: Markers) -> bool:
    """The plenary meeting line, alone or with its date run into it."""
    return _whole_line(markers.meeting, text) or _date_run_in(text, markers) is not None


def _date_run_in(text: str, markers: Markers) -> re.Match[str] | None:
    """The date at the end of a plenary line that holds it too (most lines end otherwise:
    the test of the last figures first)."""
    if not text.rstrip("* ")[-4:].isdigit():
        return None
    date = _TRAILING_DATE.search(text)
    return date if date and _whole_line(markers.meeting, text[: date.start()]) else None


def _meeting_units(line: _Line, markers: Markers) -> list[Unit]:
    """The plenary line's units: its date, when the line holds it too, is a unit of its own."""
    date = _date_run_in(line.text, markers)
    if date is None:
        return [_unit(line)]
    meeting = _Line(line.number, line.start, line.text[: date.start()])
    return [_unit(meeting), _unit(_Line(line.number, line.start + date.start(1), date.group(1)))]


def _unit(line: _Line) -> Unit:
    text_map = TextMap()
    text_map.add(len(line.text), line.start)
    return Unit(line.text, text_map, line.number)


def _joined(block: list[_Line]) -> Unit:
    unit = _unit(block[0])
    for line in block[1:]:
        _append(unit, line, join_page_break=False)
    return unit


def _append(unit: Unit, line: _Line, *, join_page_break: bool) -> None:
    """Join a wrapped line to a unit with one space (mapped to the end of the previous line)."""
    if join_page_break:
        unit.joins.append(len(unit.text) + 1)
    unit.map.add(1, unit.map.to_source_end(len(unit.text)), 0)
    unit.map.add(len(line.text), line.start)
    unit.text += " " + line.text


def _unclosed(text: str) -> bool:
    return text.count("[") > text.count("]") or text.count("(") > text.count(")")


def _whole_line(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.match(text + "\n") is not None
