"""Write `drafter lint --fix` into a Word document as tracked changes, so that its author accepts
or rejects each fix in Word.

The fixed text is compared with the text drafter read, line by line and then character by
character; each difference becomes a deletion (w:del) and an insertion (w:ins) at the place of
the document the changed characters came from (the reader's origins). Only the parts whose
text changed are written again; every other part of the package is copied byte for byte.
"""

from __future__ import annotations

import copy
import difflib
import io
import zipfile
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from drafter.readers.zipped import DEFAULT_LIMITS, read_entry
from drafter.writers import Revisions

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TAG = f"{{{_W}}}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What the text form writes for what is formatting in Word: italics, a raised letter, a call.
_FORMATTING = ("*", "^", *"⁰¹²³⁴⁵⁶⁷⁸⁹")


class TrackedFixes(NamedTuple):
    data: bytes  # the new document
    written: int  # changes written as tracked changes
    left: int  # changes that touch what drafter wrote around the text (an italic mark, a
    # number Word generates), which cannot be written as a change of the document's text


class _Change(NamedTuple):
    start: int  # in the text drafter read
    end: int
    text: str  # what replaces it


def tracked_fixes(
    original: bytes,
    text: str,
    fixed: str,
    origins: Sequence[tuple[Any, int] | None],
    parts: dict[str, Any],
    *,
    author: str = "drafter",
    now: datetime | None = None,
) -> TrackedFixes:
    """`original` with the differences from `text` to `fixed` as tracked changes by `author`."""
    ids = _Ids(parts, Revisions(author, now))
    written = left = 0
    touched: set[int] = set()
    for change in sorted(_changes(text, fixed), key=lambda c: (c.start, c.end), reverse=True):
        roots = {id(element.getroottree().getroot()) for element, _ in _origins(change, origins)}
        if _apply(change, origins, ids):
            written += 1
            touched |= roots
        else:
            left += 1
    changed = {name for name, root in parts.items() if id(root) in touched}
    return TrackedFixes(_package(original, parts, changed), written, left)


def _changes(text: str, fixed: str) -> Iterator[_Change]:
    """The differences, line by line (fast on long texts) and inside changed lines character
    by character. Lines added or removed are not compared: a fix changes text in a line."""
    before, after = text.split("\n"), fixed.split("\n")
    offsets = [0]
    for line in before:
        offsets.append(offsets[-1] + len(line) + 1)
    lines = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag != "replace" or i2 - i1 != j2 - j1:
            if tag != "equal":
                yield _Change(offsets[i1], offsets[i2], "\n".join(after[j1:j2]))  # not mappable
            continue
        for row in range(i2 - i1):
            old, new = before[i1 + row], after[j1 + row]
            start = offsets[i1 + row]
            chars = difflib.SequenceMatcher(None, old, new, autojunk=False)
            for op, a1, a2, b1, b2 in chars.get_opcodes():
                if op != "equal":
                    yield _Change(start + a1, start + a2, new[b1:b2])


def _origins(change: _Change, origins: Sequence[tuple[Any, int] | None]) -> list[tuple[Any, int]]:
    found = [origins[i] for i in range(change.start, change.end) if i < len(origins)]
    anchor = _anchor(change, origins)
    return [origin for origin in [*found, anchor] if origin is not None]


def _anchor(change: _Change, origins: Sequence[tuple[Any, int] | None]) -> tuple[Any, int] | None:
    """Where an insertion goes: before the first changed character, or after the one before."""
    if change.start < len(origins) and origins[change.start] is not None:
        return origins[change.start]
    before = origins[change.start - 1] if 0 < change.start <= len(origins) else None
    return (before[0], before[1] + 1) if before is not None else None


class _Ids:
    """Tracked changes as elements, their ids after those the document already has."""

    def __init__(self, parts: dict[str, Any], revisions: Revisions) -> None:
        taken = [
            int(element.get(f"{_TAG}id", "0"))
            for root in parts.values()
            for element in root.iter(f"{_TAG}ins", f"{_TAG}del")
            if element.get(f"{_TAG}id", "0").isdigit()
        ]
        revisions.next_id = max(taken, default=0) + 1
        self.revisions = revisions

    def element(self, kind: str) -> Any:
        from lxml import etree  # type: ignore[import-untyped]

        element = etree.Element(f"{_TAG}{kind}")
        for name, value in self.revisions.new().items():
            element.set(f"{_TAG}{name}", value)
        return element


def _apply(change: _Change, origins: Sequence[tuple[Any, int] | None], ids: _Ids) -> bool:
    """Write one change into the XML; False (and nothing written) where a character it deletes
    or the place it inserts at is not the document's text."""
    removed = origins[change.start : change.end]
    anchor = _anchor(change, origins)
    if any(origin is None for origin in removed) or (change.text and anchor is None):
        return False
    if "\n" in change.text or any(mark in change.text for mark in _FORMATTING):
        return False  # a new paragraph, italics, a call: formatting, for Word to do
    # Deletions, element by element, from the end: earlier indices stay valid.
    groups: list[tuple[Any, int, int]] = []
    for element, index in removed:  # type: ignore[misc]
        if groups and groups[-1][0] is element and groups[-1][2] == index:
            groups[-1] = (element, groups[-1][1], index + 1)
        else:
            groups.append((element, index, index + 1))
    insert_after = None
    for element, start, end in reversed(groups):
        _split(element, end)  # the text after the deletion, in a run of its own
        middle = _split(element, start)
        middle_text = middle.find(f"{_TAG}t")
        middle_text.tag = f"{_TAG}delText"
        wrapper = ids.element("del")
        middle.addprevious(wrapper)
        wrapper.append(middle)
        insert_after = insert_after if insert_after is not None else wrapper
    if change.text:
        assert anchor is not None
        if insert_after is None:  # an insertion alone: after the text before its place
            element, index = anchor
            _split(element, index)
            insert_after = template = element.getparent()
        else:  # a replacement: after the deletion, formatted as the deleted text was
            template = insert_after[0]
        wrapper = ids.element("ins")
        wrapper.append(_run_like(template, change.text))
        insert_after.addnext(wrapper)
    return True


def _run_like(run: Any, text: str) -> Any:
    """A run of `text` with the formatting (w:rPr) of `run`."""
    from lxml import etree  # type: ignore[import-untyped]

    made = copy.deepcopy(run)
    for child in list(made):
        if child.tag != f"{_TAG}rPr":
            made.remove(child)
    element = etree.SubElement(made, f"{_TAG}t")
    element.text = text
    element.set(_SPACE, "preserve")
    return made


def _split(text_element: Any, index: int) -> Any:
    """Split the run of a w:t before its character `index`: the run holding the rest (and
    the run's later children) goes after it, with the same formatting; returned."""
    run = text_element.getparent()
    value = text_element.text or ""
    rest = _run_like(run, value[index:])
    after = False
    for child in list(run):
        if after:
            rest.append(child)
        after = after or child is text_element
    text_element.text = value[:index]
    text_element.set(_SPACE, "preserve")
    run.addnext(rest)
    return rest


def _package(original: bytes, parts: dict[str, Any], changed: set[str]) -> bytes:
    """The package with the changed parts written again and the others copied as they were."""
    from lxml import etree  # type: ignore[import-untyped]

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            name = "/" + info.filename
            data = read_entry(source, info.filename, f"its part {info.filename}", DEFAULT_LIMITS)
            if name in changed:
                data = etree.tostring(
                    parts[name], xml_declaration=True, encoding="UTF-8", standalone=True
                )
            target.writestr(info, data)
    return out.getvalue()
