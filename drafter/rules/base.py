"""What every rule is made of: the rule class, its findings and fixes, and the registry.

A rule reads the document model (never the raw text) and yields findings. Selection,
suppression, profiles and output are the engine's business (`drafter.lint`), not the rule's.
"""

from __future__ import annotations

import inspect
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import ClassVar, NamedTuple

from drafter import lexicon
from drafter.model import Inline, OperativeParagraph, PreambularParagraph, Resolution
from drafter.positions import LineIndex, Place, Span


class Severity(StrEnum):
    error = "error"
    warning = "warning"


class Edit(NamedTuple):
    """Replace `text[start:end]` of the file (offsets in its decoded, LF text)."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    edits: tuple[Edit, ...]
    safe: bool = True  # unsafe fixes may change meaning and need --unsafe-fixes


@dataclass
class Finding:
    """What a rule reports: where, what is wrong, and the fix if there is one."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    path: str = ""
    place: Place | None = None  # for a PDF or a Word document: its page, paragraph, column

    @property
    def described(self) -> str:
        """The message, and the finding's place where lines alone do not tell it."""
        where = str(self.place) if self.place else ""
        return f"{self.message} ({where})" if where else self.message

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)


@dataclass
class Document:
    """What a rule sees: the model, the lexicon of its language, the profile it is checked for."""

    resolution: Resolution
    text: str  # the decoded file, for the offsets of fixes
    profile: str  # "adopted" or "draft"
    today: date = field(default_factory=date.today)

    @cached_property
    def words(self) -> lexicon.Lexicon:
        return lexicon.load(self.resolution.language)

    @cached_property
    def index(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def blocks(self) -> list[Inline]:
        """Every text of the resolution in reading order (`Resolution.blocks`), computed once."""
        return self.resolution.blocks()

    @property
    def paragraphs(self) -> list[PreambularParagraph | OperativeParagraph]:
        return self.resolution.paragraphs

    def blocks_where(self, pattern: re.Pattern[str], starts: tuple[str, ...]) -> Iterator[Inline]:
        """The blocks in which a match of `pattern` begins, in reading order. Every match must
        begin with one of the strings of `starts` (";" for a rule about semicolons): those are
        found with str.find, at memory speed, and the pattern is tried only where one stands.
        Most rules find nothing in most texts, and one regex search over a whole resolution
        costs more than all the finds. The rule still matches each block it gets.
        """
        text, offsets = self._joined_blocks
        found = -1  # the last block found
        for position in sorted(_occurrences(text, starts)):
            index = bisect_right(offsets, position) - 1
            if index != found and pattern.match(text, position):
                found = index
                yield self.blocks[index]

    @cached_property
    def _joined_blocks(self) -> tuple[str, list[int]]:
        """The texts of `blocks` one per line, and the offset where each starts."""
        starts, offset = [], 0
        for block in self.blocks:
            starts.append(offset)
            offset += len(block.text) + 1
        return "\n".join(block.text for block in self.blocks), starts

    @property
    def reference_date(self) -> date:
        """The date the text speaks from: its adoption, else its issue, else today."""
        heading = self.resolution.heading
        return heading.adopted_on or heading.issued_on or self.today

    def offsets(self, span: Span) -> tuple[int, int]:
        """The offsets in the file where a span starts and ends."""
        return self.index.offsets(span)

    def edit(self, content: Inline, start: int, end: int, replacement: str) -> Edit:
        """An edit of the file that replaces the canonical text `content.text[start:end]`."""
        source_start = content.map.to_source(start)
        source_end = content.map.to_source_end(end) if end > start else source_start
        return Edit(source_start, source_end, replacement)


def _occurrences(text: str, needles: tuple[str, ...]) -> Iterator[int]:
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            yield at
            at = text.find(needle, at + 1)


class Rule:
    """One convention. Subclasses set the class attributes and write `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    fixable: ClassVar[str] = ""  # "", "safe" or "unsafe"
    profiles: ClassVar[tuple[str, ...]] = ("adopted", "draft", "extract")
    # A lexicon entry the rule checks against: the rule applies to the languages whose lexicon
    # gives it (V007's agreement forms are French only). Empty: every language.
    needs: ClassVar[str] = ""

    @classmethod
    def languages(cls) -> tuple[str, ...]:
        """The languages the rule applies to, as their lexicons say."""
        return tuple(
            language
            for language in lexicon.available()
            if not cls.needs or lexicon.load(language).setting(cls.needs)
        )

    def check(self, document: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(self, span: Span, message: str, fix: Fix | None = None) -> Finding:
        return Finding(self.code, self.name, self.severity, message, span, fix)

    @classmethod
    def explanation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)


REGISTRY: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    if rule.code in REGISTRY:
        raise ValueError(f"two rules have the code {rule.code}")
    REGISTRY[rule.code] = rule
    return rule


def terminal(content: Inline) -> tuple[int, str]:
    """The offset and character of a text's final punctuation (footnote calls and spaces
    after it set aside), or the offset just past its last character and ""."""
    text = content.text
    end = len(text.rstrip(" ⁰¹²³⁴⁵⁶⁷⁸⁹"))
    if end and text[end - 1] in ".,;:":
        return end - 1, text[end - 1]
    return end, ""
