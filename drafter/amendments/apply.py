"""Apply amendments to a draft: the draft's text with each instruction carried out, its
operative paragraphs renumbered and the references to them following ("paragraph 5 above"
→ "paragraph 6 above"), the last one ending with a full stop and the others with a semicolon.

Every amendment names paragraphs by the draft's own numbers, whatever the others do; they are
carried out on the draft's text together, as edits of its file, so that what no amendment
touches (the heading, the footnotes, the layout) stays as it was. Two that change the same
words are in conflict; words that are not where an amendment says, or a paragraph the draft
does not have, stop everything: `CannotApply` says which amendment and what the draft says.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise, repeat

from drafter import lexicon
from drafter.amendments.model import Amendment, Target
from drafter.model import (
    SUPERSCRIPT_DIGITS,
    Inline,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
)
from drafter.positions import LineIndex

Paragraph = PreambularParagraph | OperativeParagraph
# Characters that stand for one another when quoted words are looked for, one for one.
_SAME = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " ", "‑": "-"})
_PUNCTUATION_AFTER = tuple(",;:.)!?”»")


class CannotApply(ValueError):
    """An amendment cannot be carried out on the draft; the message says which and why."""


@dataclass
class Labelled:
    """An amendment and how messages name it: "amendment 3" or "amendment 3 of A/C.3/80/L.70"."""

    amendment: Amendment
    name: str


@dataclass
class _Change:
    start: int
    end: int
    text: str
    by: str  # the amendment's name; "" for renumbering, which gives way to amendments


@dataclass
class _Plan:
    """What the amendments do to the draft, gathered before any of it is done."""

    draft: Resolution
    text: str
    index: LineIndex  # of `text`, which the model's spans are in
    changes: list[_Change] = field(default_factory=list)
    deleted: dict[int, str] = field(default_factory=dict)  # id(paragraph) → by
    replaced: dict[int, tuple[str, str]] = field(default_factory=dict)  # id → (text, by)
    # New paragraphs by the draft's paragraph they go after (or before: side), in order.
    added: dict[tuple[int, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    numbers: dict[int, int] = field(default_factory=dict)  # id(paragraph) → its new number
    added_numbers: dict[tuple[int, str], list[int]] = field(default_factory=dict)


def apply_amendments(text: str, draft: Resolution, amendments: Sequence[Labelled]) -> str:
    """The text of `draft` (read from `text`) with `amendments` carried out."""
    plan = _Plan(draft, text, LineIndex(text))
    for labelled in amendments:
        _carry_out(plan, labelled.amendment, labelled.name)
    _renumbered(plan)
    _ends(plan)
    return _edited(plan)


def _carry_out(plan: _Plan, amendment: Amendment, by: str) -> None:
    paragraphs = _targets(plan.draft, amendment.target, by)
    if amendment.whole:
        for paragraph in paragraphs:
            _whole(plan, amendment, paragraph, by)
        return
    for paragraph in paragraphs:
        content = _content(paragraph, amendment.target, by)
        if amendment.action in ("delete", "replace"):
            start, end = _found(content, amendment.old or "", amendment, by)
            if amendment.action == "delete":
                start, end = _with_a_space(content.text, start, end)
            _edit(plan, content, start, end, amendment.new or "", by)
        else:  # words inserted after or before quoted ones, or at the end
            _inserted(plan, content, amendment, by)


def _whole(plan: _Plan, amendment: Amendment, paragraph: Paragraph, by: str) -> None:
    key = id(paragraph)
    if amendment.action in ("delete", "replace"):
        earlier = _gone_by(plan, key)
        if earlier:
            raise CannotApply(
                f"{by} {amendment.action}s {_name(paragraph)}, which {earlier} deletes or"
                " replaces too"
            )
        if amendment.action == "delete":
            plan.deleted[key] = by
        else:
            plan.replaced[key] = (_written(amendment), by)
    else:  # a new paragraph after (or before) this one
        side = "before" if amendment.anchor and "before" in amendment.anchor else "after"
        plan.added[(key, side)].append(_written(amendment))


def _gone_by(plan: _Plan, key: int) -> str:
    """The amendment that deletes or replaces a paragraph (by id), or ""."""
    return plan.deleted.get(key) or plan.replaced.get(key, ("", ""))[1]


def _written(amendment: Amendment) -> str:
    return amendment.written or amendment.new or ""


def _targets(draft: Resolution, target: Target, by: str) -> list[Paragraph]:
    if target.part == "preamble":
        preamble = draft.preamble
        missing = [n for n in target.numbers if not 0 < n <= len(preamble)]
        if missing:
            raise CannotApply(
                f"{by} names preambular paragraph {missing[0]}; the draft has"
                f" {len(preamble)} preambular paragraphs"
            )
        return [preamble[n - 1] for n in target.numbers]
    if target.part != "operative":
        raise CannotApply(f"{by} amends an annex: drafter applies amendments to the body only")
    found: list[Paragraph] = []
    for number in target.numbers:
        matching = [p for p in draft.operative if p.number == number]
        if not matching:
            last = draft.operative[-1].number if draft.operative else 0
            raise CannotApply(
                f"{by} names operative paragraph {number}; the draft's are numbered 1 to {last}"
            )
        found.append(matching[0])
    return found


def _content(paragraph: Paragraph, target: Target, by: str) -> Inline:
    if target.subparagraph is None:
        return paragraph.content
    for sub in paragraph.subparagraphs:
        if sub.label == target.subparagraph:
            return sub.content
    labels = ", ".join(f"({sub.label})" for sub in paragraph.subparagraphs) or "none"
    raise CannotApply(
        f"{by} names subparagraph ({target.subparagraph}) of {_name(paragraph)}, whose"
        f" subparagraphs are: {labels}"
    )


def _found(content: Inline, quoted: str, amendment: Amendment, by: str) -> tuple[int, int]:
    """Where the quoted words are in the paragraph's text: once, or it is an error."""
    searched, offsets = searchable(content.text)
    needle = " ".join(quoted.translate(_SAME).split())
    hits = [m.start() for m in re.finditer(re.escape(needle), searched)] if needle else []
    if len(hits) == 1:
        start = hits[0]
        return offsets[start], offsets[start + len(needle) - 1] + 1
    where = _target_name(amendment.target)
    if not hits:
        raise CannotApply(
            f"{by}: “{quoted}” is not in {where}; the closest words there are"
            f" “{closest(needle, searched)}”"
        )
    raise CannotApply(
        f"{by}: “{quoted}” is {len(hits)} times in {where}; quote more words to say which"
    )


def searchable(text: str) -> tuple[str, list[int]]:
    """The text as quotes give it (no footnote calls, one space between words, one kind of
    apostrophe), and the offset in `text` of each of its characters."""
    kept: list[str] = []
    offsets: list[int] = []
    for at, char in enumerate(text.translate(_SAME)):
        if char in SUPERSCRIPT_DIGITS or (char == " " and kept and kept[-1] == " "):
            continue
        kept.append(char)
        offsets.append(at)
    offsets.append(len(text))
    return "".join(kept), offsets


def closest(quoted: str, text: str) -> str:
    """The words of `text` most like `quoted`: as many words, where they match best."""
    words = text.split()
    size = max(1, len(quoted.split()))
    best, best_score = "", -1.0
    for at in range(max(1, len(words) - size + 1)):
        candidate = " ".join(words[at : at + size])
        score = SequenceMatcher(None, quoted, candidate).ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best


def _with_a_space(text: str, start: int, end: int) -> tuple[int, int]:
    """Deleted words take one space with them: the one before them when punctuation or the
    end follows, else the one after."""
    after = text[end : end + 1]
    if start > 0 and text[start - 1] == " " and (not after or after.startswith(_PUNCTUATION_AFTER)):
        return start - 1, end
    if after == " ":
        return start, end + 1
    if start > 0 and text[start - 1] == " ":
        return start - 1, end
    return start, end


def _inserted(plan: _Plan, content: Inline, amendment: Amendment, by: str) -> None:
    new = amendment.new or ""
    anchor = amendment.anchor or {}
    if anchor.get("before"):
        start, _ = _found(content, anchor["before"], amendment, by)
        _edit(plan, content, start, start, new + " ", by)
        return
    if anchor.get("after"):
        _, end = _found(content, anchor["after"], amendment, by)
    else:  # "In operative paragraph 5, insert “…”": at its end, before its punctuation
        end = len(content.text.rstrip(" ;,.:"))
    glue = "" if new.startswith(_PUNCTUATION_AFTER) else " "
    _edit(plan, content, end, end, glue + new, by)


def _edit(plan: _Plan, content: Inline, start: int, end: int, replacement: str, by: str) -> None:
    source_start = content.map.to_source(start)
    source_end = content.map.to_source_end(end) if end > start else source_start
    plan.changes.append(_Change(source_start, source_end, replacement, by))


# -- what follows from the amendments: numbers, references, the final full stop -------------


def _renumbered(plan: _Plan) -> None:
    """The operative paragraphs' numbers once amended (a section that numbers anew still
    does), and the references that follow their paragraph."""
    draft = plan.draft
    count = 0
    previous: OperativeParagraph | None = None
    for paragraph in draft.operative:
        key = id(paragraph)
        restarts = previous is not None and paragraph.division != previous.division
        if restarts and paragraph.number == 1:  # a section that numbers anew
            count = 0
        for side in ("before", "after"):
            if side == "after" and key not in plan.deleted:
                count += 1
                plan.numbers[key] = count
            added = len(plan.added.get((key, side), []))
            plan.added_numbers[(key, side)] = list(range(count + 1, count + added + 1))
            count += added
        previous = paragraph
    for paragraph in draft.operative:
        number = plan.numbers.get(id(paragraph))
        if number is not None and number != paragraph.number and paragraph.numbered:
            start, end = plan.index.offsets(paragraph.number_span)
            plan.changes.append(_Change(start, end, f"{number}.", ""))
    counted = Counter(p.number for p in draft.operative)
    following = {
        p.number: plan.numbers[id(p)]
        for p in draft.operative
        if id(p) in plan.numbers and counted[p.number] == 1 and plan.numbers[id(p)] != p.number
    }
    for block in draft.blocks():
        for reference in block.references:
            if reference.number in following:
                start, end = plan.index.offsets(reference.span)
                plan.changes.append(_Change(start, end, str(following[reference.number]), ""))


def _ends(plan: _Plan) -> None:
    """The last operative paragraph ends with a full stop, the others with a semicolon: where
    amendments delete the last or add one after it, the ends change hands."""
    if not plan.draft.operative:
        return
    old_last = plan.draft.operative[-1]
    added = plan.added.get((id(old_last), "after"), [])
    kept = [p for p in plan.draft.operative if id(p) not in plan.deleted]
    if added and id(old_last) not in plan.deleted:
        _set_end(plan, old_last, ";")
    elif not added and id(old_last) in plan.deleted and kept:
        _set_end(plan, kept[-1], ".")
    for at, written in enumerate(added):
        body = written.rstrip().rstrip(";.").rstrip()
        added[at] = body + end_mark("." if at == len(added) - 1 else ";", plan.draft.language)


def _set_end(plan: _Plan, paragraph: OperativeParagraph, mark: str) -> None:
    if id(paragraph) in plan.replaced:
        return  # its new text ends as its amendment writes it
    content = paragraph.subparagraphs[-1].content if paragraph.subparagraphs else paragraph.content
    text = content.text.rstrip()
    body = text.rstrip(";.:,").rstrip()
    if not text or text[len(body) :].strip() == mark:
        return
    _edit(plan, content, len(body), len(text), end_mark(mark, plan.draft.language), "")


def end_mark(mark: str, language: str) -> str:
    """A paragraph's final "." or ";" as the language sets it (French: a space before ";")."""
    if mark == ";" and lexicon.load(language).setting("space_before_wanted"):
        return " ;"
    return mark


# -- the edits, done ----------------------------------------------------------------------


def _edited(plan: _Plan) -> str:
    paragraphs = _paragraph_changes(plan)
    changes = [*plan.changes, *paragraphs]
    by_amendments = sorted((c for c in changes if c.by), key=lambda c: (c.start, c.end))
    for first, second in pairwise(by_amendments):
        same_point = first.start == first.end == second.start == second.end
        if (second.start < first.end or same_point) and first.by != second.by:
            raise CannotApply(f"{first.by} and {second.by} change the same words")
    # Renumbering and the final full stop give way to an amendment of the same words.
    kept = [c for c in changes if c.by or not any(_overlap(c, o) for o in by_amendments)]
    text = plan.text
    for change in sorted(kept, key=lambda c: (c.start, c.end), reverse=True):
        text = text[: change.start] + change.text + text[change.end :]
    return text


def _overlap(one: _Change, other: _Change) -> bool:
    return one.start < other.end and other.start < one.end


def _paragraph_changes(plan: _Plan) -> list[_Change]:
    """Whole paragraphs deleted, replaced or added, as edits of the text's lines. Words
    changed inside a paragraph that another amendment deletes or replaces are a conflict."""
    found: list[_Change] = []
    paragraphs: list[Paragraph] = [*plan.draft.preamble, *plan.draft.operative]
    for paragraph in paragraphs:
        key = id(paragraph)
        start, end = paragraph_lines(paragraph, plan.text)
        gone_by = _gone_by(plan, key)
        if gone_by:
            inside = [c for c in plan.changes if start <= c.start < end]
            clash = next((c for c in inside if c.by and c.by != gone_by), None)
            if clash is not None:
                raise CannotApply(
                    f"{clash.by} changes words of {_name(paragraph)}, which {gone_by}"
                    " deletes or replaces"
                )
            plan.changes = [c for c in plan.changes if c not in inside]
        if key in plan.deleted:
            found.append(_Change(start, _after_blank_lines(plan.text, end), "", gone_by))
        elif key in plan.replaced:
            written = _numbered(plan.replaced[key][0], plan.numbers.get(key), paragraph)
            found.append(_Change(start, end, written + "\n", gone_by))
        for side in ("before", "after"):
            lines = [
                _numbered(written, number, paragraph)
                for written, number in zip(
                    plan.added.get((key, side), []),
                    plan.added_numbers.get((key, side)) or repeat(None),
                    strict=False,
                )
            ]
            if not lines:
                continue
            block = "\n\n".join(lines)
            if side == "before":
                found.append(_Change(start, start, block + "\n\n", "+"))
            else:
                found.append(_Change(end, end, "\n" + block + "\n", "+"))
    return found


def _numbered(written: str, number: int | None, beside: Paragraph) -> str:
    """A new paragraph's text as the draft writes it: numbered among operative paragraphs."""
    text = written.strip()
    if number is None or not isinstance(beside, OperativeParagraph):
        return text
    return f"{number}. " + re.sub(r"^\d+\.\s+", "", text)


def paragraph_lines(paragraph: Paragraph, text: str) -> tuple[int, int]:
    """From the start of a paragraph's first line to just past the end of its last (its
    subparagraphs' and tables' lines too), in `text`, the text its model was read from."""
    index = paragraph.content.index  # of that text: the model's spans are in it
    spans = [
        paragraph.span,
        *(sub.span for sub in paragraph.subparagraphs),
        *(table.span for table in paragraph.tables),
    ]
    start, _ = index.offsets(paragraph.span)
    start = text.rfind("\n", 0, start) + 1
    end = max(index.offsets(span)[1] for span in spans)
    newline = text.find("\n", end)
    return start, len(text) if newline < 0 else newline + 1


def _after_blank_lines(text: str, end: int) -> int:
    while end < len(text):
        newline = text.find("\n", end)
        line = text[end : len(text) if newline < 0 else newline]
        if line.strip():
            break
        end = len(text) if newline < 0 else newline + 1
    return end


def _name(paragraph: Paragraph) -> str:
    if isinstance(paragraph, OperativeParagraph):
        return f"operative paragraph {paragraph.number}"
    return "a preambular paragraph"


def _target_name(target: Target) -> str:
    numbers = ", ".join(map(str, target.numbers))
    part = "operative paragraph" if target.part == "operative" else "preambular paragraph"
    sub = f"subparagraph ({target.subparagraph}) of " if target.subparagraph else ""
    return f"{sub}{part} {numbers}"
