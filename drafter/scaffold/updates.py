"""What changes from one session's resolution to the next's.

Each update reads the previous resolution's model and records changes to its texts (in
canonical offsets) and a line of summary; nothing here edits text directly. What a human
must decide becomes a placeholder, "[[label]]", whose label comes from the lexicon.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from drafter import lexicon, ordinals, sessions
from drafter.dates import find_date, spell
from drafter.events import (
    announced_names,
    event_key,
    named_events,
    past_deadlines,
    stale_events,
)
from drafter.model import (
    MEETING_ORDINAL,
    Citation,
    Inline,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
)
from drafter.report import plural
from drafter.scaffold.context import context_of
from drafter.scaffold.markup import Change, markup

# The placeholders `drafter new --set KEY=VALUE` can fill; the others ([[cote du document]],
# [[événement passé …]]) differ from place to place and are filled by hand.
SETTABLE = ("number", "adopted_on", "issued_on", "meeting", "agenda_item")
# A session ordinal this far after the previous session is relative to it ("à sa
# soixante-dix-neuvième session" in 78/167) and moves with the new session.
FOLLOW_UP_REACH = 3
# The recall list of a series ends with a resolution of one of the sessions just before.
SERIES_REACH = 5


class CannotScaffold(ValueError):
    """The previous text or the options do not allow a new draft."""


@dataclass
class NextSession:
    """The new draft's context, and what was done to get it."""

    context: dict[str, Any]
    session: int
    summary: list[str] = field(default_factory=list)
    # The same changes as edits of the previous model, for a writer that shows them as
    # tracked changes (Word): by the id() of the previous text's Inline, in canonical
    # offsets. The new plenary line is the context's "closing".
    changes: dict[int, list[Change]] = field(default_factory=dict)


def next_session(
    previous: Resolution, session: int | None = None, values: dict[str, str] | None = None
) -> NextSession:
    return _Planner(previous, session, values or {}).plan()


class _Planner:
    def __init__(self, previous: Resolution, session: int | None, values: dict[str, str]):
        unknown = sorted(set(values) - set(SETTABLE))
        if unknown:
            raise CannotScaffold(
                f"--set {unknown[0]}: no such placeholder (known: {', '.join(SETTABLE)})"
            )
        for key, value in values.items():
            _check_value(key, value, previous.language)
        if previous.session is None:
            raise CannotScaffold("the previous text names no session (no session line, no symbol)")
        self.previous = previous
        self.previous_session: int = previous.session
        self.language = previous.language
        self.words = lexicon.load(previous.language)
        self.values = values
        follow_up = self.follow_up = self.follow_up_session()
        self.session = session or follow_up or previous.session + 1
        if self.session <= previous.session:
            raise CannotScaffold(
                f"session {self.session} does not come after the previous text's {previous.session}"
            )
        if self.session > ordinals.HIGHEST_SESSION:
            raise CannotScaffold(
                f"session {self.session}: drafter spells sessions up to "
                f"session {ordinals.HIGHEST_SESSION}"
            )
        self.shift = self.session - previous.session
        self.reach = max(FOLLOW_UP_REACH, (follow_up or 0) - previous.session)
        self.changes: dict[int, list[Change]] = defaultdict(list)
        self.summary: list[str] = []

    # -- the plan ----------------------------------------------------------------------------
    def plan(self) -> NextSession:
        self.move_session_ordinals()
        self.fill_heading()
        self.renew_documents()
        self.extend_recall_list()
        self.mark_past_events()
        self.move_reporting_periods()
        context = context_of(
            self.previous, self.write, session=self.session, closing=self.closing()
        )
        context["previous"] = {
            "symbol": self.previous.symbol,
            "session": self.previous.session,
            "adopted_on": self.previous.adopted_on,
        }
        return NextSession(context, self.session, self.summary, dict(self.changes))

    def placeholder(self, key: str) -> str:
        return self.values.get(key) or f"[[{self.words.setting('placeholders')[key]}]]"

    def change(self, inline: Inline, start: int, end: int, text: str) -> None:
        self.changes[id(inline)].append(Change(start, end, text))

    def write(self, inline: Inline) -> str:
        return markup(inline, self.changes.get(id(inline), ()))

    def note(self, line: str) -> None:
        self.summary.append(line)

    # -- sessions ----------------------------------------------------------------------------
    def follow_up_session(self) -> int | None:
        """The session the previous text puts the item on: "inscrire à l'ordre du jour
        provisoire de sa soixante-dix-neuvième session" → 79."""
        phrases = self.words.phrases("follow_up")
        for paragraph in reversed(self.previous.operative):
            text = paragraph.content.text
            for found in ordinals.session_ordinals(text, self.language):
                before = text[: found.start()].rstrip()
                number = ordinals.value(found.group(1), self.language)
                if number and any(before.endswith(phrase) for phrase in phrases):
                    return number
        return None

    def move_session_ordinals(self) -> None:
        """The heading's session and every session named relative to it move by the shift,
        but for a one-off: a meeting to convene or a report due at a session other than the
        item's next one is kept and marked (moving it would make a request already met a new
        one)."""
        first, last = self.previous_session, self.previous_session + self.reach
        moved = 0
        kept: dict[int, PreambularParagraph | OperativeParagraph] = {}
        # The body's blocks, each with its paragraph: the heading's session always moves.
        owners = {id(b): p for p in self.previous.paragraphs for b in p.blocks()}
        for block in self.previous.blocks():
            for found in ordinals.session_ordinals(block.text, self.language):
                number = ordinals.value(found.group(1), self.language)
                if number is None or not first <= number <= last:
                    continue
                if id(block) in owners and self.one_off(block.text, found, number):
                    self.change(block, found.end(), found.end(), f" {self.placeholder('one_off')}")
                    kept.setdefault(id(owners[id(block)]), owners[id(block)])
                    continue
                if number + self.shift > ordinals.HIGHEST_SESSION:
                    raise CannotScaffold(
                        f"session {number + self.shift}, where the text's "
                        f"“{found.group(0)}” moves, is past what drafter spells"
                    )
                words = ordinals.spell(number + self.shift, self.language)
                if found.group(1)[0].isupper():
                    words = words[0].upper() + words[1:]
                self.change(block, found.start(1), found.end(1), words)
                moved += 1
        self.note(
            f"session {self.session} ({_cycle(self.shift)}): "
            f"{plural(moved, 'session ordinal')} moved by {self.shift}"
        )
        if kept:
            names = ", ".join(self.name(p) for p in kept.values())
            self.note(
                f"a session named for a one-off meeting or report kept and marked, not moved:"
                f" {names}"
            )

    def one_off(self, text: str, found: re.Match[str], number: int) -> bool:
        """The session names a meeting to convene, or a report due at a session other than the
        item's next: in the same clause (between semicolons), words of the lexicon's
        `one_off`, or of `report` where the number is not the follow-up session. The
        follow-up itself ("include in the provisional agenda of its eightieth session")
        always moves."""
        before = text[: found.start()].rstrip()
        if any(before.endswith(phrase) for phrase in self.words.phrases("follow_up")):
            return False
        clause = text[slice(*_between_semicolons(text, found.start(), found.end()))].lower()
        if any(word in clause for word in self.words.phrases("one_off")):
            return True
        due = self.follow_up
        reports = any(word in clause for word in self.words.phrases("report"))
        return reports and due is not None and number != due

    # -- heading -----------------------------------------------------------------------------
    def fill_heading(self) -> None:
        heading = self.previous.heading
        for line in heading.lines:
            content, text = line.content, line.content.text
            if line.kind == "title" and heading.symbol and text.startswith(heading.symbol):
                number = f"{self.session}/{self.placeholder('number')}"
                self.change(content, 0, len(heading.symbol), number)
            elif line.date_text:
                key = "adopted_on" if line.kind == "adoption" else "issued_on"
                end = line.date_offset + len(line.date_text)
                self.change(content, line.date_offset, end, self.placeholder(key))
            elif line.kind == "agenda" and heading.agenda_item:
                at = text.find(heading.agenda_item)
                if at >= 0:
                    end = at + len(heading.agenda_item)
                    # The old form's comma ("Point 59, c, de l'ordre du jour") goes with it.
                    end += text.startswith(",", end)
                    self.change(content, at, end, self.placeholder("agenda_item"))
            elif line.kind == "basis":
                # "(A/79/457/Add.2, para. 9)": the next report's paragraph is not known yet.
                for found in _report_paragraph(self.language).finditer(text):
                    self.change(content, *found.span(1), self.placeholder("report_paragraph"))

    def closing(self) -> dict[str, Any] | None:
        closing = self.previous.closing
        if closing is None:
            return None
        given = self.values.get("meeting")
        if given:  # the number with the suffix it takes: 52nd, 1re (the caret kept: 49^e)
            caret = "^" if closing.suffix.startswith("^") else ""
            number = f"{given}{caret}{ordinals.meeting_suffix(int(given), self.language)}"
            meeting = MEETING_ORDINAL.sub(number, closing.meeting_text, count=1)
        else:  # the number, its suffix and "(resumed)" are the next meeting's to say
            meeting = MEETING_ORDINAL.sub(self.placeholder("meeting"), closing.meeting_text, 1)
            for resumed in self.words.phrases("resumed"):
                meeting = meeting.replace(f" {resumed}", "")
        return {
            "meeting": meeting,
            "date": self.placeholder("adopted_on"),
            "italic": closing.italic,
        }

    # -- documents ---------------------------------------------------------------------------
    def renew_documents(self) -> None:
        """Documents of the previous session (its reports, A/78/290) have successors whose
        numbers nobody knows yet: A/79/[[cote du document]]."""
        renewed = 0
        for block in self.previous.blocks():
            for symbol in block.symbols:
                successor = self.successor(symbol.symbol)
                if successor:
                    end = symbol.offset + len(symbol.symbol)
                    self.change(block, symbol.offset, end, successor)
                    renewed += 1
        if renewed:
            self.note(
                f"{plural(renewed, 'document')} of session "
                f"{self.previous.session} now of session {self.session}, numbers left to fill"
            )

    def successor(self, symbol: str) -> str | None:
        parts = symbol.split("/")
        if parts[0] != "A" or sessions.of_symbol(symbol) != self.previous.session:
            return None
        at = parts.index(str(self.previous.session))
        parts[at] = str(self.session)
        if at + 1 < len(parts):  # its number and what follows ("/Add.2"): not known yet
            parts[at + 1 :] = [self.placeholder("document")]
        return "/".join(parts)

    # -- the recall list of the series -------------------------------------------------------
    def extend_recall_list(self) -> None:
        previous = self.previous
        if previous.kind != "adopted" or not previous.symbol:
            self.note("the previous text is not an adopted resolution: the recall list stays")
            return
        entry = previous.symbol
        if previous.adopted_on:
            entry += (
                f" {self.words.phrases('date_of')[0]} {spell(previous.adopted_on, self.language)}"
            )
        lists = list(self.recall_lists())
        if any(c.symbol == previous.symbol for _, group in lists for c in group):
            return
        earliest = self.previous_session - SERIES_REACH
        title = _topic_words(previous.title or "")
        # The list on the resolution's own topic (its title's words after the list), then a
        # list rather than one citation, then the latest.
        candidates = [
            (len(title & _topic_words(_topic(block.text, group[-1]))), len(group) > 1, last, index)
            for index, (block, group) in enumerate(lists)
            if earliest
            <= (last := sessions.of_symbol(group[-1].symbol) or 0)
            <= self.previous_session
        ]
        if not candidates:
            # The next text of a series that recalls none of its resolutions does not either:
            # a paragraph drafter invented would be one more to take out (issue 29).
            self.note(f"no recall list of the series: {entry} is not added to any")
            return
        best = max(candidates)
        block, group = lists[best[-1]]
        # Which list, and why that one: it may be a guess where the text has several.
        if len(candidates) == 1:
            why = "the only list"
        elif best[0] > sorted(candidates)[-2][0]:
            why = "the list on the resolution's own topic"
        else:
            why = "the list of the latest resolutions"
        if self.replaces_alone(block, group):
            self.change(block, group[0].offset, _citation_end(group[0]), entry)
            self.note(f"{group[0].symbol} ({why}, cited alone) becomes {entry}")
            return
        self.append_to_list(block, group, entry)
        self.note(f"the recall list ending with {group[-1].symbol} ({why}) gains {entry}")

    def replaces_alone(self, block: Inline, group: list[Citation]) -> bool:
        """ "its resolution 78/6 of 1 November 2023 and all its previous relevant resolutions":
        the latest resolution cited alone before the others in general, which the next text
        replaces rather than lists beside it."""
        if len(group) > 1:
            return False
        rest = block.text[_citation_end(group[0]) :]
        return any(rest.startswith(f" {words}") for words in self.words.phrases("all_previous"))

    def recall_lists(self) -> Iterator[tuple[Inline, list[Citation]]]:
        """Each list of cited resolutions in the preamble, with the paragraph holding it."""
        for paragraph in self.previous.preamble:
            groups: dict[int, list[Citation]] = defaultdict(list)
            for citation in paragraph.content.citations:
                groups[citation.phrase].append(citation)
            for group in groups.values():
                yield paragraph.content, group

    def append_to_list(self, block: Inline, group: list[Citation], entry: str) -> None:
        text, last = block.text, group[-1]
        tail = _citation_end(last)
        conjunction = self.words.phrases("list_and")[0]
        if text[tail:].startswith(f" {conjunction} "):  # "… et les autres résolutions"
            self.change(block, tail, tail, f", {entry}")
            return
        if len(group) > 1:
            before = group[-2]
            gap_start = _citation_end(before)
            if text[gap_start : last.offset].strip() == conjunction:  # the "et" moves on
                self.change(block, gap_start, last.offset, ", ")
        else:
            self.pluralize(block, last)
        self.change(block, tail, tail, f" {conjunction} {entry}")

    def pluralize(self, block: Inline, citation: Citation) -> None:
        """ "sa résolution 77/185" → "ses résolutions 77/185 …": one citation becomes a list."""
        head = block.text[: citation.offset].rstrip()
        for singular, plural_form in self.words.setting("plural"):
            if head.endswith(singular):
                self.change(block, len(head) - len(singular), len(head), plural_form)
                return

    # -- events that will have happened ------------------------------------------------------
    def expected_adoption(self) -> date:
        """The day the new text will likely be adopted: as given (`--set adopted_on=…`), else
        the previous adoption's day as many years on as sessions, else the session's opening."""
        given = self.values.get("adopted_on")
        if given:
            day, _ = find_date(given, self.language)
            if day:
                return day
        adopted = self.previous.adopted_on
        if adopted is None:
            return sessions.period(self.session)[0]
        same_day = 28 if (adopted.month, adopted.day) == (2, 29) else adopted.day  # a leap day
        return adopted.replace(year=adopted.year + self.shift, day=same_day)

    def mark_past_events(self) -> None:
        """Events announced as to come, and deadlines, that will be past when the new text is
        adopted are kept but marked, for the drafter to update or drop. An event the text
        dates once is known by its name ("the third … Conference") wherever it is announced."""
        adoption = self.expected_adoption()
        marked: dict[int, PreambularParagraph | OperativeParagraph] = {}  # by id: in order
        events = deadlines = 0
        dated: set[tuple[str, str]] = set()
        # (A deadline already past at the previous adoption is history the text recalls:
        # "Goal 1 … by 2015".)
        since = self.previous.adopted_on
        for paragraph in self.previous.paragraphs:
            for block in paragraph.blocks():
                for end, key in self.dated_past_events(block, adoption):
                    self.change(block, end, end, f" {self.placeholder('past_event')}")
                    events += 1
                    marked.setdefault(id(paragraph), paragraph)
                    dated.update([key] if key else [])
                for found in past_deadlines(block.text, adoption, self.language, since=since):
                    self.change(
                        block, found.end(), found.end(), f" {self.placeholder('past_deadline')}"
                    )
                    deadlines += 1
                    marked.setdefault(id(paragraph), paragraph)
        for paragraph in self.previous.paragraphs:
            for block in paragraph.blocks():
                for end in self.named_past_events(block, dated):
                    self.change(block, end, end, f" {self.placeholder('past_event')}")
                    events += 1
                    marked.setdefault(id(paragraph), paragraph)
        if events or deadlines:
            counts = [plural(events, "past event")] if events else []
            counts += [plural(deadlines, "past deadline")] if deadlines else []
            names = ", ".join(self.name(p) for p in marked.values())
            self.note(
                f"{' and '.join(counts)} marked, past by the expected adoption on "
                f"{spell(adoption, self.language)} (--set adopted_on=… to change it): {names}"
            )

    def dated_past_events(self, block: Inline, adoption: date) -> list[tuple[int, Any]]:
        """Where to mark each dated event past by `adoption`, and its name's key if it has one.
        Two announcing words may point at one date ("Attend avec intérêt …, qui se tiendra du
        21 au 23 janvier 2024"): one mark per date."""
        found: dict[int, Any] = {}
        for event in stale_events(block.text, adoption, self.language, year_from_middle=True):
            # Its name: just before the announcing words, or after them ("Looking forward to
            # the convening in 2025 of the Fourth International Conference …").
            before = list(named_events(block.text[: event.announce.start()], self.language))
            after = named_events(block.text[event.announce.end() :], self.language)
            name = before[-1] if before else next(after, None)
            key = event_key(name) if name else None
            found.setdefault(event.when.end(), key)
        return sorted(found.items())

    def name(self, paragraph: PreambularParagraph | OperativeParagraph) -> str:
        if isinstance(paragraph, OperativeParagraph):
            return f"paragraph {paragraph.number}"
        at = next(i for i, p in enumerate(self.previous.preamble, 1) if p is paragraph)
        return f"preambular paragraph {at}"

    def named_past_events(self, block: Inline, dated: set[tuple[str, str]]) -> list[int]:
        """Where to mark each announcement of an event dated elsewhere in the text as past:
        at the end of its name's clause, unless a mark already stands in that clause."""
        ends = []
        for name in announced_names(block.text, self.language):
            if event_key(name) not in dated:
                continue
            end = _clause_end(block.text, name.end())
            # (Its date may stand elsewhere in the sentence, marked there: "… Conference on
            # Financing for Development, in Seville, Spain, from 30 June to 3 July 2025".)
            first, last = _between_semicolons(block.text, name.start(), name.end())
            changes = self.changes.get(id(block), ())
            already = [c for c in changes if first <= c.start <= last]
            if not already and end not in ends:
                ends.append(end)
        return ends

    # -- reporting periods -------------------------------------------------------------------
    def move_reporting_periods(self) -> None:
        """A recent reporting period ("2023/24") moves as the session does: the next text
        reports on the next period."""
        moved = 0
        adopted = self.previous.adopted_on or sessions.period(self.previous_session)[0]
        for block in self.previous.blocks():
            for found in _REPORTING_PERIOD.finditer(block.text):
                start = int(found.group(1))
                if (start + 1) % 100 != int(found.group(2)) or not (
                    adopted.year - 2 <= start <= adopted.year + 1
                ):
                    continue
                new_start = start + self.shift
                self.change(
                    block, found.start(), found.end(), f"{new_start}/{(new_start + 1) % 100:02d}"
                )
                moved += 1
        if moved:
            self.note(f"{plural(moved, 'reporting period')} moved by {self.shift} year(s)")


# A financial or reporting period: "2023/24" (not part of a symbol: "A/AC.109/2023/9").
_REPORTING_PERIOD = re.compile(r"(?<![\w/.])((?:19|20)\d\d)/(\d\d)(?![\w/])")


def _between_semicolons(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the part of `text` between semicolons that holds `start` to `end` begins and
    ends (a clause of an operative paragraph)."""
    after = text.find(";", end)
    return text.rfind(";", 0, start) + 1, len(text) if after < 0 else after


def _clause_end(text: str, start: int) -> int:
    """The end of the clause from `start`: its next comma or semicolon, or the text's end."""
    found = re.compile(r"[,;]").search(text, start)
    return found.start() if found else len(text)


# What `--set` may give for each placeholder, and how to say it.
_VALUE_FORMS = {
    "number": (re.compile(r"\d{1,4}(?: [A-Z])?"), "a resolution number, such as 212"),
    "meeting": (re.compile(r"\d{1,4}"), "a meeting number, such as 52"),
    "agenda_item": (
        re.compile(r"(?=[^\n]*\d)[\w(),. -]{1,40}"),
        "an agenda item, such as 22 b)",
    ),
}


def _check_value(key: str, value: str, language: str) -> None:
    """A `--set` value must be what its placeholder stands for: a number where a number goes,
    a real date in the text's language where a date goes; never a line break."""
    if key in ("adopted_on", "issued_on"):
        day, found = find_date(value, language)
        if day is not None and found is not None and found.group(0) == value.strip():
            return
        example = spell(date(2025, 12, 17), language)
        raise CannotScaffold(f"--set {key}={value!r}: not a date such as {example}")
    pattern, what = _VALUE_FORMS[key]
    if not pattern.fullmatch(value.strip()):
        raise CannotScaffold(f"--set {key}={value!r}: not {what}")


def _citation_end(citation: Citation) -> int:
    """Past the citation's date, or its symbol where it has none."""
    return citation.end if citation.date_text else citation.offset + len(citation.symbol)


def _topic(text: str, last: Citation) -> str:
    """What a list of resolutions is about: the words after it, to the clause's end ("… 78/158
    of 19 December 2023 on combating sand and dust storms,")."""
    return re.split(r"[,;:]", text[_citation_end(last) :], maxsplit=1)[0]


def _topic_words(text: str) -> set[str]:
    """The words that tell a topic: the longer ones, whatever their case."""
    return {word.lower() for word in re.findall(r"[^\W\d_]{4,}", text)}


def _cycle(shift: int) -> str:
    return {1: "annual", 2: "biennial", 3: "triennial"}.get(shift, f"every {shift} sessions")


@cache
def _report_paragraph(language: str) -> re.Pattern[str]:
    """The paragraph of a committee's report a basis line names: "para. 9" (its number in a
    group)."""
    words = lexicon.load(language).phrases("report_paragraph_word")
    return re.compile(rf"(?<![\w.]){lexicon.alternation(words)} +(\d+(?:[-–]\d+)?)")
