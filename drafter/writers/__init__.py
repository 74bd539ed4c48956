"""Writers of the formats drafter writes besides its text form (the text form is written by the
templates of drafter.scaffold): each turns a model, and what changed in it, into a document."""

from __future__ import annotations

from datetime import UTC, datetime


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
