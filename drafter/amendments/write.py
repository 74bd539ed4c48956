"""Write the amendments that turn one version of a draft into another, in the UN's form.

The paragraphs are paired as `drafter diff` pairs them. A paragraph that goes is deleted, one
that comes is inserted after the last paragraph of the draft that stays before it (a moved
one: both); a changed one gets an instruction for each change of its words, quoting the
draft's words exactly and as few of them as name one place in the paragraph, or, changed
through and through, is replaced whole. Paragraph numbers are the draft's: `apply` renumbers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from drafter import lexicon
from drafter.amendments import document_symbol
from drafter.amendments.apply import end_mark, paragraph_lines, searchable
from drafter.amendments.model import Action, Amendment, AmendmentDocument, Part, Target
from drafter.amendments.read import ordinal_word, plain
from drafter.diff.compare import Entry, compare
from drafter.diff.units import Unit
from drafter.diff.words import changes, tokens
from drafter.model import SUPERSCRIPT_DIGITS, OperativeParagraph, Resolution

# A paragraph whose words changed more than this (a share of its characters), or in more
# places than _MOST_CHANGES, is replaced whole: a reader follows that better.
_MOST_CHANGED = 0.5
_MOST_CHANGES = 4
_PARTS: tuple[Part, ...] = ("preamble", "operative")
_CALLS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")


@dataclass
class Written:
    """The amendment document, and the changes between the versions that are not amendments
    of the body (the heading, footnotes, the closing line), by name."""

    document: AmendmentDocument
    left_out: list[str]


def amendment_document(
    old: Resolution, new: Resolution, new_text: str, sponsors: str | None = None
) -> Written:
    """The amendments that turn `old` into `new` (read from `new_text`), numbered in the order
    of `old`'s text."""
    forms = _forms(old.language)
    comparison = compare(old, new)
    found: list[tuple[tuple[int, int, int], Amendment]] = []
    left_out: list[str] = []
    following = _following(comparison.entries, old)
    for part in _PARTS:
        entries = [e for e in comparison.entries if e.part == part]
        structure = _structure(entries, part, new_text)
        found.extend(structure)
        ends = _ends([amendment for _, amendment in structure], old)
        for entry in entries:
            if entry.status == "amended" and entry.old and entry.new:
                end = ends.get(id(entry.old.item))
                changed = _Changed(part, new_text, end, old.language, following)
                found.extend(_amended(entry, changed))
    for entry in comparison.entries:
        unit = entry.old or entry.new
        if entry.part not in _PARTS and entry.updated and unit and unit.name not in left_out:
            left_out.append(unit.name)
    found.sort(key=lambda item: item[0])
    amendments = _grouped([amendment for _, amendment in found])
    for number, amendment in enumerate(amendments, start=1):
        amendment.number = number
    document = AmendmentDocument(
        symbol=None,
        amends=_symbol(old),
        sponsors=sponsors or forms["sponsors"],
        language=old.language,
        title=_title(old),
        amendments=amendments,
    )
    return Written(document, left_out)


def _symbol(resolution: Resolution) -> str:
    """The draft's symbol, or a placeholder for it."""
    return document_symbol(resolution) or str(_forms(resolution.language)["draft"])


def _title(resolution: Resolution) -> str | None:
    title = resolution.title
    return re.sub(r"^\d+/\d+\.\s+", "", title) if title else None


# -- paragraphs that go, come or move --------------------------------------------------------


def _structure(
    entries: list[Entry], part: Part, new_text: str
) -> list[tuple[tuple[int, int, int], Amendment]]:
    found = []
    for entry in entries:
        if entry.old is not None and (entry.new is None or entry.status == "moved"):
            target = Target(part, [_number(entry.old)])
            found.append((_at(part, entry.old, 1), Amendment(0, "delete", target, whole=True)))
    kept = [e for e in entries if e.old and e.new and e.status != "moved"]
    kept_ids = {id(e) for e in kept}
    anchor: Unit | None = None  # the last paragraph of the draft that stays, in the new order
    first_kept = min((e.old for e in kept if e.old), key=_position, default=None)
    for entry in sorted((e for e in entries if e.new), key=lambda e: _position(e.new)):
        if id(entry) in kept_ids:
            anchor = entry.old
            continue
        if entry.status not in ("new", "moved"):
            continue
        assert entry.new is not None
        beside, side = (anchor, "after") if anchor else (first_kept, "before")
        if beside is None:
            continue  # the draft has none of this part left to say where: not written here
        written = _paragraph_text(entry.new, new_text)
        amendment = Amendment(
            0,
            "insert",  # "…, insert a new paragraph reading:", as the reader reads it
            Target(part, [_number(beside)]),
            new=_words(written),
            anchor={side: ""},
            whole=True,
            written=written,
        )
        found.append((_at(part, beside, 2 if side == "after" else 0), amendment))
    return _as_replacements(found, [e.old for e in entries if e.old])


def _as_replacements(
    found: list[tuple[tuple[int, int, int], Amendment]], old: list[Unit]
) -> list[tuple[tuple[int, int, int], Amendment]]:
    """A paragraph deleted where a new one comes is replaced by it ("Replace operative
    paragraph 20 with the following:"): the last of those inserted before its place."""
    order = sorted(old, key=_position)
    following = {_number(a): _number(b) for a, b in pairwise(order)}
    merged = list(found)
    for at, (key, deletion) in enumerate(found):
        if deletion.action != "delete" or len(deletion.target.numbers) != 1:
            continue
        gone = deletion.target.numbers[0]
        slot = [
            index
            for index, (_, other) in enumerate(merged)
            if other is not None and other.action == "insert" and other.whole
            if (other.anchor == {"before": ""} and other.target.numbers == [gone])
            or (other.anchor == {"after": ""} and following.get(other.target.numbers[0]) == gone)
        ]
        if not slot:
            continue
        inserted = merged[slot[-1]][1]
        merged[slot[-1]] = (key, None)  # type: ignore[assignment]
        merged[at] = (
            key,
            Amendment(
                0,
                "replace",
                deletion.target,
                new=inserted.new,
                whole=True,
                written=inserted.written,
            ),
        )
    return [(key, amendment) for key, amendment in merged if amendment is not None]


def _ends(structure: list[Amendment], old: Resolution) -> dict[int, str]:
    """The operative paragraphs of the draft whose end `apply` changes (a full stop for a
    semicolon, or back) because paragraphs after them come or go, as `apply` works it out from
    the amendments: their words are compared with that end."""
    if not old.operative:
        return {}
    last = old.operative[-1]
    operative = [a for a in structure if a.target.part == "operative" and a.whole]
    deleted = {n for a in operative if a.action == "delete" for n in a.target.numbers}
    added_after_last = any(
        a.action == "insert" and a.anchor == {"after": ""} and a.target.numbers == [last.number]
        for a in operative
    )
    if added_after_last and last.number not in deleted:
        return {id(last): ";"}
    kept = [p for p in old.operative if p.number not in deleted]
    if not added_after_last and last.number in deleted and kept:
        return {id(kept[-1]): "."}
    return {}


# -- paragraphs whose words changed ------------------------------------------------------


@dataclass
class _Changed:
    """What the words of a changed paragraph are compared with: the end `apply` gives it, and
    its references to operative paragraphs as `apply` renumbers them (`following`)."""

    part: Part
    new_text: str  # the new version's file
    end: str | None
    language: str
    following: dict[int, int]


def _following(entries: list[Entry], old: Resolution) -> dict[int, int]:
    """The new number of each operative paragraph of the draft that a reference can name (its
    number is its own), where it changes."""
    counted = Counter(p.number for p in old.operative)
    return {
        e.old.number: e.new.number
        for e in entries
        if e.part == "operative" and e.old and e.new and e.status != "moved"
        if e.old.number is not None and e.new.number is not None
        if counted[e.old.number] == 1 and e.old.number != e.new.number
    }


def _as_renumbered(unit: Unit, following: dict[int, int]) -> str:
    text = unit.text
    references = unit.inline.references if unit.inline else []
    for reference in sorted(references, key=lambda r: r.offset, reverse=True):
        digits = str(reference.number)
        if reference.number in following and text.startswith(digits, reference.offset):
            after = reference.offset + len(digits)
            text = text[: reference.offset] + str(following[reference.number]) + text[after:]
    return text


def _amended(entry: Entry, changed: _Changed) -> list[tuple[tuple[int, int, int], Amendment]]:
    assert entry.old is not None and entry.new is not None
    part, end = changed.part, changed.end
    number = _number(entry.old)
    if any(b.old is None or b.new is None or b.moved for b in entry.blocks[1:]):
        return _whole(entry, changed)  # subparagraphs added, deleted or reordered
    found = []
    blocks = [(None, entry.old, entry.new)] + [(b.label, b.old, b.new) for b in entry.blocks[1:]]
    last_block = len(blocks) - 1
    total = 0
    for at, (label, old_unit, new_unit) in enumerate(blocks):
        assert old_unit is not None and new_unit is not None
        written = searchable(old_unit.text)[0]  # what quotes are looked for in
        old_text = searchable(_as_renumbered(old_unit, changed.following))[0]
        if end and at == last_block:
            old_text = old_text.rstrip().rstrip(";.:,").rstrip() + end_mark(end, changed.language)
        new_text_of = searchable(new_unit.text)[0]
        if old_text == new_text_of:
            continue
        for change in changes(old_text, new_text_of):
            total += max(change.old_end - change.old_start, change.new_end - change.new_start)
            said = _said(old_text, new_text_of, change)
            if said is None:
                return _whole(entry, changed)
            action, old, new, anchor = said
            quoted = [old, *(anchor or {}).values()]
            if any(words and written.count(words) != 1 for words in quoted):
                return _whole(entry, changed)  # words that renumbering or the new end changes
            target = Target(part, [number], label)
            found.append((_at(part, entry.old, 1), Amendment(0, action, target, old, new, anchor)))
    if len(found) > _MOST_CHANGES or total > _MOST_CHANGED * len(entry.old.full_text):
        return _whole(entry, changed)
    return found


def _whole(entry: Entry, changed: _Changed) -> list[tuple[tuple[int, int, int], Amendment]]:
    """The changed paragraph replaced whole by its new text."""
    assert entry.old is not None and entry.new is not None
    written = _paragraph_text(entry.new, changed.new_text)
    target = Target(changed.part, [_number(entry.old)])
    replaced = Amendment(0, "replace", target, new=_words(written), whole=True, written=written)
    return [(_at(changed.part, entry.old, 1), replaced)]


def _said(
    old: str, new: str, change: Any
) -> tuple[Action, str | None, str | None, dict[str, str] | None] | None:
    """The instruction for one change of words: the fewest words of the draft that name one
    place in the paragraph (widened with the unchanged words around it where needed)."""
    a, b, c, d = change
    old_words, new_words = old[a:b].strip(), new[c:d].strip()
    if not old_words:  # words inserted: after the words before them, or before those after
        anchor = _unique_around(old, a, before=True)
        if anchor is not None:
            return "insert", None, new_words, {"after": anchor}
        anchor = _unique_around(old, a, before=False)
        if anchor is not None:
            return "insert", None, new_words, {"before": anchor}
        return None
    if old.count(old_words) == 1:
        return (
            ("delete", old_words, None, None)
            if not new_words
            else ("replace", old_words, new_words, None)
        )
    # Not unique: widen both sides with the same words around the change, one at a time.
    for left, right in _widenings(old, a, b):
        quoted = old[left:right].strip()
        if old.count(quoted) == 1:
            replacement = (old[left:a] + new[c:d] + old[b:right]).strip()
            return "replace", quoted, " ".join(replacement.split()), None
    return None


def _unique_around(text: str, at: int, before: bool) -> str | None:
    """The fewest whole words just before (or after) `at` that occur once in `text`."""
    found = tokens(text)
    if before:
        starts = [t.start() for t in found if t.end() <= at]
        for start in reversed(starts):
            quoted = text[start:at].strip()
            if quoted and text.count(quoted) == 1:
                return quoted
        return None
    ends = [t.end() for t in found if t.start() >= at]
    for end in ends:
        quoted = text[at:end].strip()
        if quoted and text.count(quoted) == 1:
            return quoted
    return None


def _widenings(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found = tokens(text)
    befores = [t.start() for t in found if t.end() <= start][::-1]
    afters = [t.end() for t in found if t.start() >= end]
    ranges = []
    for step in range(1, max(len(befores), len(afters)) + 1):
        left = befores[min(step, len(befores)) - 1] if befores else start
        right = afters[min(step, len(afters)) - 1] if afters else end
        ranges.extend([(left, end), (start, right), (left, right)])
    return ranges


def _grouped(amendments: list[Amendment]) -> list[Amendment]:
    """The same change of words in several operative paragraphs is one amendment ("In
    operative paragraphs 27 and 43, delete …"), as are paragraphs deleted one after another."""
    grouped: list[Amendment] = []
    for amendment in amendments:
        last = grouped[-1] if grouped else None
        if last is not None and _same_change(last, amendment):
            last.target.numbers.append(amendment.target.numbers[0])
            continue
        same = next(
            (
                other
                for other in grouped
                if not amendment.whole
                and amendment.target.part == "operative"
                and _same_change(other, amendment)
            ),
            None,
        )
        if same is not None:
            same.target.numbers.append(amendment.target.numbers[0])
            continue
        grouped.append(amendment)
    return grouped


def _same_change(one: Amendment, other: Amendment) -> bool:
    if one.target.part != other.target.part or one.target.subparagraph or other.target.subparagraph:
        return False
    if one.whole or other.whole:
        return one.whole and other.whole and one.action == other.action == "delete"
    return (one.action, one.old, one.new, one.anchor) == (
        other.action,
        other.old,
        other.new,
        other.anchor,
    )


# -- where and how ---------------------------------------------------------------------------


def _number(unit: Unit) -> int:
    return unit.number or 0


def _position(unit: Unit | None) -> int:
    """Where a unit stands in its version: its first line."""
    assert unit is not None and unit.inline is not None
    return unit.inline.span(0, 0).line


def _at(part: Part, unit: Unit, order: int) -> tuple[int, int, int]:
    """The place of an amendment in the document: part, paragraph, then additions before it
    (0), changes of it (1), additions after it (2)."""
    return (_PARTS.index(part), _position(unit), order)


def _paragraph_text(unit: Unit, text: str) -> str:
    """A paragraph (with its subparagraphs) as its version writes it, its italics kept, without
    its number, its footnote calls, or a footnote set among its lines at a page break."""
    start, end = paragraph_lines(unit.item, text)
    lines = [
        _CALLS.sub("", line).rstrip()
        for line in text[start:end].splitlines()
        if line.strip() and line.lstrip()[:1] not in SUPERSCRIPT_DIGITS
    ]
    if lines and isinstance(unit.item, OperativeParagraph):
        lines[0] = re.sub(r"^\d+\.\s+", "", lines[0])
    return "\n".join(lines)


def _words(written: str) -> str:
    return " ".join(plain(written).split())


# -- the document's text ---------------------------------------------------------------------


def _forms(language: str) -> dict[str, Any]:
    return dict(lexicon.load(language).data["amendment"]["forms"])


def document_text(document: AmendmentDocument) -> str:
    """The amendment document in drafter's text form, in its language."""
    forms = _forms(document.language)
    count = len(document.amendments)
    heading = forms["heading"].format(
        sponsors=document.sponsors,
        amendments=forms["amendments"][0 if count == 1 else 1],
        amends=document.amends,
    )
    blocks = [heading]
    if document.title:
        blocks.append(document.title)
    for amendment in document.amendments:
        blocks.append(f"{amendment.number}. {_instruction(amendment, forms, document.language)}")
        if amendment.whole and amendment.action != "delete":
            blocks.append(amendment.written or amendment.new or "")
    return "\n\n".join(blocks) + "\n"


def _instruction(amendment: Amendment, forms: dict[str, Any], language: str) -> str:
    target = _target(amendment.target, forms, language)
    in_target = _contracted(target, forms["in"])
    values = {
        "target": target,
        "in_target": _capital(in_target),
        "old": amendment.old,
        "new": amendment.new,
    }
    if amendment.whole:
        if amendment.action == "delete":
            return _capital(forms["delete"].format(**values))
        if amendment.action == "replace":
            return forms["replace"].format(**values)
        side = "before" if amendment.anchor and "before" in amendment.anchor else "after"
        kind = forms["new_paragraph"][0 if amendment.target.part == "preamble" else 1]
        return forms[f"add_{side}"].format(new_paragraph=kind, **values)
    if amendment.action == "insert":
        side, anchor = next(iter((amendment.anchor or {"after": ""}).items()))
        return forms[f"insert_{side}"].format(anchor=anchor, **values)
    return forms[f"{amendment.action}_words"].format(**values)


def _target(target: Target, forms: dict[str, Any], language: str) -> str:
    plural = 1 if len(target.numbers) > 1 else 0
    if target.part == "operative":
        named = forms["operative"][plural].format(numbers=_listed(target.numbers, forms))
    else:
        words = [ordinal_word(n, language) for n in target.numbers]
        named = forms["preambular"][plural].format(ordinals=_listed(words, forms))
    if target.subparagraph:
        of_target = _contracted(named, forms["of"])
        return forms["subparagraph"].format(label=target.subparagraph, of_target=of_target)
    return named


def _listed(items: list[Any], forms: dict[str, Any]) -> str:
    words = [str(item) for item in items]
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {forms['list_and']} {words[-1]}"


def _contracted(target: str, contractions: list[list[str]]) -> str:
    for pattern, replacement in contractions:
        contracted, count = re.subn(pattern, replacement, target, count=1)
        if count:
            return contracted
    return target


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
