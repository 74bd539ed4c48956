"""Writers of the formats drafter writes besides its text form (the text form is written by the
templates of drafter.scaffold): each turns a model, and what changed in it, into a document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from drafter.scaffold.markup import Change


class Revisions:
    """The author and date of the tracked changes a writer makes, and their ids, which no
    other change of the document has (`first`: the next id free)."""

    def __init__(self, author: str, now: datetime | None = None, first: int = 1) -> None:
        self.author = author
        self.date = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = first

    def new(self) -> dict[str, str]:
        """The attributes of one more change (w:id, w:author, w:date), by their local names."""
        self.next_id += 1
        return {"id": str(self.next_id - 1), "author": self.author, "date": self.date}


# Where a paragraph new to the text goes: after a paragraph of the previous text (the id of
# its Inline), before a paragraph's first subparagraph, after the organ line, or first.
After = tuple[str, int]  # ("after", id), ("first subparagraph", id), ("organ", 0), ("top", 0)
AFTER_ORGAN: After = ("organ", 0)
AT_TOP: After = ("top", 0)
NEW_FOOTNOTES: After = ("footnotes", 0)  # footnotes new to the text: where Word numbers them


@dataclass
class Tracked:
    """The changes a writer shows as tracked changes over the previous text, each by the id()
    of what it changes in the previous model (an Inline, by which its paragraph, heading line,
    subparagraph or footnote is known):

    - `changes`: edits of an Inline's canonical text;
    - `deleted`: paragraphs (subparagraphs, heading lines, footnotes) taken out whole;
    - `inserted`: paragraphs of the new model put in (a heading line, a preambular or operative
      paragraph with its subparagraphs, a subparagraph, a footnote), by where they go;
    - `numbers`, `markers`: an operative paragraph's new number, a subparagraph's new marker;
    - `closing`: the new plenary line ({"meeting", "date"} as written);
    - `footnote_ids`: the id in the new document of each footnote of the new model, by number.
    """

    changes: dict[int, list[Change]] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    inserted: dict[After, list[Any]] = field(default_factory=dict)
    numbers: dict[int, int] = field(default_factory=dict)
    markers: dict[int, str] = field(default_factory=dict)
    closing: dict[str, Any] | None = None
    footnote_ids: dict[int, int] = field(default_factory=dict)
