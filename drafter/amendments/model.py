"""The model of an amendment document: its heading, and each amendment it states."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Action = Literal["delete", "replace", "insert", "add"]
Part = Literal["preamble", "operative", "annex"]


@dataclass
class Target:
    """The paragraphs an amendment names: "operative paragraphs 27 and 43", "the eighth
    preambular paragraph", "subparagraph (b) of operative paragraph 4"."""

    part: Part
    numbers: list[int]
    subparagraph: str | None = None
    # Preambular paragraphs named by figures ("preambular paragraph 8"), not ordinal words.
    figures: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"part": self.part, "numbers": self.numbers, "subparagraph": self.subparagraph}


@dataclass
class Amendment:
    """One instruction: what it does, where, and the words it quotes. `old` is what goes (the
    words deleted or replaced, a deleted paragraph's text where the document quotes it),
    `new` what comes (the words or the paragraph inserted); `anchor` where inserted words go
    ("after" or "before" the quoted words), or where a new paragraph goes (after or before
    the target paragraph: then its value is "")."""

    number: int
    action: Action
    target: Target
    old: str | None = None
    new: str | None = None
    anchor: dict[str, str] | None = None
    line: int = 0  # where the instruction begins in the text
    whole: bool = False  # a whole paragraph is deleted, replaced or added (not words in one)
    # A paragraph the document quotes, as it writes it: italics and subparagraphs' lines kept
    # (`new` and `old` are its words alone).
    written: str | None = None
    # As the document writes it, for the checks of its conventions: the instruction (its
    # lines joined), and its number if it has one.
    said: str = ""
    written_number: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "action": self.action,
            "target": self.target.to_json(),
            "old": self.old,
            "new": self.new,
            "anchor": self.anchor,
        }


@dataclass
class AmendmentDocument:
    symbol: str | None
    amends: str  # the symbol of the draft it amends
    sponsors: str
    language: str
    title: str | None = None
    amendments: list[Amendment] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # line, what is not read

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "amendment",
            "symbol": self.symbol,
            "amends": self.amends,
            "sponsors": self.sponsors,
            "language": self.language,
            "title": self.title,
            "amendments": [amendment.to_json() for amendment in self.amendments],
        }
