"""Compare two versions of a resolution paragraph by paragraph: what `drafter diff` reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from drafter.diff.align import Pair, align, pair_across
from drafter.diff.technical import Stretches, is_technical
from drafter.diff.units import PARTS, Unit, units
from drafter.diff.words import Change, changes
from drafter.events import event_names
from drafter.model import Resolution

STATUSES = ("unchanged", "amended", "new", "deleted", "moved")


class CannotCompare(ValueError):
    """The two texts cannot be compared (two languages); the message says why."""


class Edit(NamedTuple):
    old: str
    new: str
    technical: bool
    subparagraph: str | None  # the label of the subparagraph it is in ("b"), if any


@dataclass
class Block:
    """A text of a paragraph (its own, or a subparagraph's) in both versions, and what
    changed from one to the other (None: the text is not in that version)."""

    label: str | None
    old: Unit | None
    new: Unit | None
    changes: list[Change] = field(default_factory=list)
    technical: list[bool] = field(default_factory=list)  # one per change
    moved: bool = False  # a subparagraph whose place among the others changed

    def edits(self) -> list[Edit]:
        old_text = self.old.text if self.old else ""
        new_text = self.new.text if self.new else ""
        return [
            Edit(change.old(old_text).strip(), change.new(new_text).strip(), technical, self.label)
            for change, technical in zip(self.changes, self.technical, strict=True)
        ]


@dataclass
class Entry:
    """A paragraph (heading line, footnote, closing line) and what happened to it."""

    part: str
    status: str  # one of STATUSES
    old: Unit | None
    new: Unit | None
    blocks: list[Block]
    cut_from: Unit | None = None  # a new one split off it; a deleted one merged into it
    # Where its new words were adopted before, when a corpus was asked (drafter.corpus):
    # each a clause of the new text and the paragraph that holds it word for word.
    sources: list[Any] = field(default_factory=list)

    @property
    def edits(self) -> list[Edit]:
        return [edit for block in self.blocks for edit in block.edits()]

    @property
    def technical(self) -> bool:
        """Whether every change to it is a technical update (none at all: vacuously)."""
        return all(technical for block in self.blocks for technical in block.technical)

    @property
    def updated(self) -> bool:
        """Whether its text changed (an unchanged paragraph is no technical update)."""
        return self.status != "unchanged"

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old.number != self.new.number)


@dataclass
class Comparison:
    old: Resolution
    new: Resolution
    entries: list[Entry]

    @property
    def changed(self) -> bool:
        return any(entry.updated for entry in self.entries)


def compare(old: Resolution, new: Resolution) -> Comparison:
    if old.language != new.language:
        raise CannotCompare(
            f"the texts are in two languages ({old.language} and {new.language}):"
            " compare a text with another version of it in the same language"
        )
    before, after = units(old), units(new)

    def names(unit: Unit) -> set[tuple[str, str]]:
        return event_names(unit.full_text, old.language)

    pairs = {
        part: _by_kind(before[part], after[part])
        if part in ("heading", "closing")
        else align(before[part], after[part], names)
        for part in PARTS
    }
    _moved_across(pairs, "preamble", "operative")
    _moved_across(pairs, "operative", "preamble")
    cited = {c.symbol for block in old.blocks() for c in block.citations}
    renumbered = {
        pair.old.number: pair.new.number
        for pair in pairs["operative"]
        if pair.old and pair.new and pair.old.number is not None and pair.new.number is not None
    }
    stretches = Stretches(old.language, cited | ({old.symbol} if old.symbol else set()), renumbered)
    entries = [_entry(pair, stretches) for part in PARTS for pair in pairs[part]]
    return Comparison(old, new, entries)


def _moved_across(pairs: dict[str, list[Pair]], source: str, target: str) -> None:
    """A paragraph deleted from `source` that is new in `target` moved there: one pair,
    where the new text has it, its changes shown (never a deletion and a new paragraph)."""
    deleted = [pair.old for pair in pairs[source] if pair.new is None and pair.old is not None]
    added = [pair.new for pair in pairs[target] if pair.old is None and pair.new is not None]
    if not deleted or not added:
        return
    across = {id(new): old for old, new in pair_across(deleted, added)}
    if not across:
        return
    gone = {id(old) for old in across.values()}
    pairs[source] = [pair for pair in pairs[source] if id(pair.old) not in gone or pair.new]
    pairs[target] = [
        Pair(across[id(pair.new)], pair.new, moved=True) if id(pair.new) in across else pair
        for pair in pairs[target]
    ]


def _by_kind(old: list[Unit], new: list[Unit]) -> list[Pair]:
    """Heading lines pair by their kind (the k-th title with the k-th title): a date that
    became a placeholder is still the date line."""
    waiting: dict[str | None, list[Unit]] = defaultdict(list)
    for unit in old:
        waiting[unit.label].append(unit)
    pairs = [
        Pair(waiting[unit.label].pop(0) if waiting[unit.label] else None, unit) for unit in new
    ]
    paired = {id(pair.old) for pair in pairs}
    pairs.extend(Pair(unit, None) for unit in old if id(unit) not in paired)
    return pairs


def _entry(pair: Pair, stretches: Stretches) -> Entry:
    blocks = [_block(None, pair.old, pair.new, stretches)]
    if pair.old is not None and pair.new is not None:
        subparagraphs = align(pair.old.children, pair.new.children)
    else:  # a paragraph new or deleted: its subparagraphs with it
        subparagraphs = [
            Pair(child if pair.old else None, child if pair.new else None)
            for child in pair.unit.children
        ]
    for sub in subparagraphs:
        blocks.append(_block(sub.unit.label, sub.old, sub.new, stretches, sub.moved))
    if pair.old is None:
        status = "new"
    elif pair.new is None:
        status = "deleted"
    elif pair.moved:
        status = "moved"
    else:
        status = "amended" if any(block.changes for block in blocks) else "unchanged"
    # The unit's part, not the list's: a section's head among the operative paragraphs is
    # a "heading".
    return Entry(pair.unit.part, status, pair.old, pair.new, blocks, pair.cut_from)


def _block(
    label: str | None,
    old: Unit | None,
    new: Unit | None,
    stretches: Stretches,
    moved: bool = False,
) -> Block:
    old_text = old.text if old else ""
    new_text = new.text if new else ""
    found = changes(old_text, new_text) if old_text != new_text else []
    if not found:  # what is technical is worked out where there is a change only
        return Block(label, old, new, moved=moved)
    old_flags = stretches.covered(old, False) if old else bytearray()
    new_flags = stretches.covered(new, True) if new else bytearray()
    technical = [
        is_technical(change, (old_text, old_flags), (new_text, new_flags)) for change in found
    ]
    return Block(label, old, new, found, technical, moved)
