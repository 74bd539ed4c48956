"""`drafter diff --format docx`: NEW against OLD as a Word redline. The base text is OLD and every
change is a tracked change (drafter.writers.word writes them), so that accepting them all gives
NEW and rejecting them all gives OLD back: words changed inside a paragraph, paragraphs taken
out or put in, a moved paragraph taken out where it stood and put in where it goes, new
numbers and subparagraph labels, the new plenary line. Footnotes are numbered by Word, in the
order of their calls: a call that only changed number is no change."""

from __future__ import annotations

import re

from drafter.diff.compare import Block, Comparison, Entry
from drafter.diff.units import Unit
from drafter.model import Annex, HeadingLine
from drafter.scaffold.markup import Change
from drafter.writers import AFTER_ORGAN, AT_TOP, NEW_FOOTNOTES, After, Tracked

_NEW_NOTE_IDS = 1000  # the ids of footnotes new to the text, after any previous one's number
_CALLS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


class CannotRedline(ValueError):
    """What the redline does not show yet; the message says what."""


def redline(comparison: Comparison) -> Tracked:
    """The changes from OLD to NEW, as the tracked changes of a Word document over OLD."""
    tracked = Tracked()
    # Where the next new paragraph goes: in the heading, the body (after the organ line when
    # it is the first), an annex (after its head when it is the first).
    anchors: dict[str, After] = {"heading": AT_TOP, "body": AFTER_ORGAN}
    for entry in comparison.entries:
        unit = entry.new or entry.old
        item = unit.item if unit else None
        if entry.part == "closing":
            _closing(tracked, comparison)
        elif entry.part == "footnote":
            _footnote(tracked, entry)
        elif isinstance(item, Annex):
            if entry.old is None or entry.new is None:
                raise CannotRedline(
                    "a Word redline of an annex put in or taken out whole is not written yet:"
                    " use --format html or markdown"
                )
            anchors["annex"] = ("after", id(entry.old.item))
        else:
            region = "heading" if isinstance(item, HeadingLine) else "body"
            region = "annex" if entry.part == "annex" else region
            anchors[region] = _paragraph(tracked, entry, anchors[region])
    return tracked


def _paragraph(tracked: Tracked, entry: Entry, anchor: After) -> After:
    """Record one heading line or paragraph; return where the next new one goes."""
    old, new = entry.old, entry.new
    # A paragraph moved, or a section's head changed (no Inline to edit): out, then in.
    replaced = entry.status == "moved" or (entry.updated and old is not None and old.inline is None)
    if old is not None and (new is None or replaced):  # where it stood, it is taken out
        _delete(tracked, old)
    if new is None and old is not None:
        return ("after", _key(old))
    if new is not None and (old is None or replaced):  # where it goes, it is put in
        tracked.inserted.setdefault(anchor, []).append(new.item)
        return anchor
    if old is None or new is None:
        return anchor
    if entry.renumbered and new.number is not None:
        tracked.numbers[id(old.inline)] = new.number
    _subparagraphs(tracked, entry)
    _edits(tracked, entry.blocks[0])
    return ("after", _key(old))


def _subparagraphs(tracked: Tracked, entry: Entry) -> None:
    """The subparagraphs of a paragraph in both versions, as its paragraphs are recorded."""
    assert entry.old is not None
    anchor: After = ("first subparagraph", id(entry.old.inline))
    for block in entry.blocks[1:]:
        old, new = block.old, block.new
        if old is not None and (new is None or block.moved):
            _delete(tracked, old)
            anchor = ("after", id(old.inline)) if new is None else anchor
        if new is not None and (old is None or block.moved):
            tracked.inserted.setdefault(anchor, []).append(new.item)
        elif old is not None and new is not None:
            if old.item.marker != new.item.marker:
                tracked.markers[id(old.inline)] = new.item.marker
            _edits(tracked, block)
            anchor = ("after", id(old.inline))


def _key(unit: Unit) -> int:
    """What the writer knows a paragraph by: its text's Inline, or (a section's head) itself."""
    return id(unit.inline) if unit.inline is not None else id(unit.item)


def _delete(tracked: Tracked, unit: Unit) -> None:
    tracked.deleted.add(_key(unit))
    tracked.deleted.update(id(child.inline) for child in unit.children)


def _edits(tracked: Tracked, block: Block) -> None:
    """The word changes of a text in both versions, but for its calls' numbers (Word's)."""
    if block.old is None or block.new is None or block.old.inline is None:
        return
    old_text, new_text = block.old.text, block.new.text
    changes = [
        Change(change.old_start, change.old_end, change.new(new_text))
        for change in block.changes
        if not (_CALLS.fullmatch(change.old(old_text)) and _CALLS.fullmatch(change.new(new_text)))
    ]
    if changes:
        tracked.changes[id(block.old.inline)] = changes


def _footnote(tracked: Tracked, entry: Entry) -> None:
    whole = entry.old is None or entry.new is None or entry.status == "moved"
    unit = entry.new or entry.old
    if whole and unit is not None and unit.number is None:
        raise CannotRedline(
            "a Word redline of a note marked with asterisks put in or taken out is not written"
            " yet: use --format html or markdown"
        )
    if entry.new is not None and entry.new.number is not None:
        number = entry.new.number
        if not whole and entry.old is not None and entry.old.number is not None:
            tracked.footnote_ids[number] = entry.old.number
        else:
            tracked.footnote_ids[number] = _NEW_NOTE_IDS + number
            tracked.inserted.setdefault(NEW_FOOTNOTES, []).append(entry.new.item)
    if entry.old is not None and whole:
        tracked.deleted.add(id(entry.old.inline))
    elif entry.old is not None:
        _edits(tracked, entry.blocks[0])


def _closing(tracked: Tracked, comparison: Comparison) -> None:
    closing = comparison.new.closing
    if closing is not None:
        tracked.closing = {"meeting": closing.meeting_text, "date": closing.date_text}
