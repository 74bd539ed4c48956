"""`drafter diff` outputs: a terminal's text, the Markdown table delegations circulate, JSON."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from drafter.diff.compare import Comparison, Edit, Entry
from drafter.model import Resolution

_SHOWN_EDITS = 3  # per paragraph, in a summary
_SHOWN_WORDS = 12  # of a new or deleted paragraph, in a summary


def to_json(comparison: Comparison, old_path: str, new_path: str) -> str:
    """The JSON contract of the README: `old`, `new` and `paragraphs`."""
    data = {
        "old": _document(comparison.old, old_path),
        "new": _document(comparison.new, new_path),
        "paragraphs": [_paragraph(entry) for entry in comparison.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _document(resolution: Resolution, path: str) -> dict[str, Any]:
    return {"path": path, "symbol": resolution.symbol, "session": resolution.session}


def _paragraph(entry: Entry) -> dict[str, Any]:
    return {
        "part": entry.part,
        "name": name(entry),
        "status": entry.status,
        "old_number": entry.old.number if entry.old else None,
        "new_number": entry.new.number if entry.new else None,
        "technical": entry.technical,
        # What the text output says of a paragraph cut in two, or two made one.
        "split_off": _cut_from(entry, "new"),
        "merged_into": _cut_from(entry, "deleted"),
        "changes": [
            {"old": e.old, "new": e.new, "technical": e.technical, "subparagraph": e.subparagraph}
            for e in entry.edits
        ],
        "sources": [source.to_json() for source in entry.sources],
    }


def _cut_from(entry: Entry, status: str) -> str | None:
    """The name of the paragraph a new one was split off (a deleted one merged into)."""
    if entry.status != status or entry.cut_from is None:
        return None
    return entry.cut_from.name


def name(entry: Entry) -> str:
    """ "OP 8" (or "OP 7 → 8" when renumbered), "PP 3", "footnote 2", "title"."""
    if entry.old and entry.new and entry.old.part != entry.new.part:  # "OP 4 → PP 6"
        return f"{entry.old.name} → {entry.new.name}"
    if entry.renumbered and entry.old and entry.new:
        return f"{entry.old.name} → {entry.new.number}"
    unit = entry.new or entry.old
    return unit.name if unit else entry.part


def counts(comparison: Comparison) -> str:
    """ "3 amended (1 substantive), 1 new, 2 renumbered" — or "no change"."""
    found = Counter(e.status for e in comparison.entries if e.updated)
    substantive = sum(1 for e in comparison.entries if e.updated and not e.technical)
    renumbered = sum(1 for e in comparison.entries if not e.updated and e.renumbered)
    parts = [f"{count} {status}" for status, count in found.items()]
    if renumbered:
        parts.append(f"{renumbered} renumbered")
    if not parts:
        return "no change"
    kind = "all technical" if not substantive else f"{substantive} substantive"
    return ", ".join(parts) + f" ({kind})"


def shown(comparison: Comparison) -> list[Entry]:
    """The entries a summary lists: those that changed, or changed number."""
    return [e for e in comparison.entries if e.updated or e.renumbered]


def summary(entry: Entry) -> str:
    """What happened to it, in a line."""
    if entry.status in ("new", "deleted"):
        unit = entry.new or entry.old
        words = (unit.full_text if unit else "").split()
        text = " ".join(words[:_SHOWN_WORDS]) + (" …" if len(words) > _SHOWN_WORDS else "")
        if entry.cut_from is not None:
            how = "split off" if entry.status == "new" else "merged into"
            return f"{how} {entry.cut_from.name}: “{text}”"
        return f"“{text}”"
    edits = [_edit(edit) for edit in entry.edits]
    if entry.status == "moved" and entry.old and entry.new:
        edits.insert(0, f"moved from {entry.old.name}")
    if not edits:
        return "renumbered" if entry.renumbered else ""
    more = len(edits) - _SHOWN_EDITS
    return "; ".join(edits[:_SHOWN_EDITS]) + (f"; {more} more" if more > 0 else "")


def _edit(edit: Edit) -> str:
    where = f"({edit.subparagraph}) " if edit.subparagraph else ""
    if not edit.old:
        return f"{where}+ “{edit.new}”"
    if not edit.new:
        return f"{where}− “{edit.old}”"
    return f"{where}“{edit.old}” → “{edit.new}”"


def to_markdown(comparison: Comparison, old_path: str, new_path: str) -> str:
    lines = [
        f"Changes from {_title(comparison.old, old_path)} to {_title(comparison.new, new_path)}:"
        f" {counts(comparison)}.",
        "",
        "| Paragraph | Status | Old | New | Change |",
        "|---|---|---|---|---|",
    ]
    for entry in shown(comparison):
        status = entry.status + (" (technical)" if entry.updated and entry.technical else "")
        cells = [
            name(entry),
            status,
            _number(entry.old.number if entry.old else None),
            _number(entry.new.number if entry.new else None),
            "; ".join([summary(entry), *map(source_line, entry.sources)]).strip("; "),
        ]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(lines)


def _title(resolution: Resolution, path: str) -> str:
    return f"{resolution.symbol} ({path})" if resolution.symbol else path


def _number(number: int | None) -> str:
    return "" if number is None else str(number)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


_COLOURS = {"deleted": "31", "new": "32", "amended": "33", "moved": "36", "unchanged": "2"}


def to_text(comparison: Comparison, old_path: str, new_path: str, colour: bool) -> str:
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if colour else text

    lines = [f"{old_path} → {new_path}: {counts(comparison)}"]
    for entry in shown(comparison):
        kind = entry.status + (" technical" if entry.updated and entry.technical else "")
        head = f"{name(entry):18} {paint(f'{kind:19}', _COLOURS[entry.status])}"
        lines.append(f"{head} {summary(entry)}".rstrip())
        lines.extend(f"{'':38} {source_line(source)}" for source in entry.sources)
    return "\n".join(lines)


def source_line(source: Any) -> str:
    """A clause of the new text adopted before, and where: “…”: A/RES/62/209 OP 12."""
    return f"adopted before: “{source.text}”: {source.where}"
