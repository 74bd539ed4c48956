"""`drafter diff --format html`: one self-contained page, both texts side by side, what was
taken out struck through on the left, what was put in underlined on the right, technical
updates in grey. No script and nothing fetched: the page opens offline, as drafts are
confidential."""

from __future__ import annotations

from html import escape

from drafter.diff.compare import Block, Comparison, Entry
from drafter.diff.formats import counts, name, source_line
from drafter.diff.units import Unit
from drafter.model import Subparagraph

STYLE = """
body { font: 15px/1.5 Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 78em;
  color: #1b1b1b; }
h1 { font-size: 1.3em; } p.counts { color: #444; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { vertical-align: top; padding: .45em .7em; border-top: 1px solid #ddd; }
th.name { width: 9em; text-align: left; font-weight: normal; color: #444; }
td p { margin: 0 0 .35em; }
del { background: #fbe0e0; color: #8b1a1a; }
ins { background: #dff3df; color: #14561c; text-decoration: underline; }
del.technical, ins.technical { background: #eee; color: #555; }
.status { display: block; font-size: .8em; text-transform: uppercase; letter-spacing: .05em; }
tr.new td.old, tr.deleted td.new { background: #fafafa; }
tr.unchanged { color: #555; }
p.source { font-size: .85em; color: #2f4f6f; }
"""


def to_html(comparison: Comparison, old_path: str, new_path: str) -> str:
    title = f"{escape(old_path)} → {escape(new_path)}"
    language = escape(comparison.new.language)
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>drafter diff: {title}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>{title}</h1>
{side_by_side(comparison, old_path, new_path)}
</body>
</html>
"""


def side_by_side(comparison: Comparison, old_path: str, new_path: str) -> str:
    """The counts and the table of both texts, for a page of its own or drafter serve's."""
    rows = "\n".join(_row(entry) for entry in comparison.entries)
    return f"""<p class="counts">{escape(counts(comparison))}</p>
<table class="diff">
<thead><tr><th class="name">Paragraph</th><th>{escape(old_path)}</th>\
<th>{escape(new_path)}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>"""


def _row(entry: Entry) -> str:
    status = entry.status + (", technical" if entry.updated and entry.technical else "")
    old = "".join(_side(block, "old") for block in entry.blocks)
    new = "".join(_side(block, "new") for block in entry.blocks)
    new += "".join(f'<p class="source">{escape(source_line(s))}</p>' for s in entry.sources)
    return (
        f'<tr class="{entry.status}"><th class="name">{escape(name(entry))}'
        f'<span class="status">{escape(status)}</span></th>'
        f'<td class="old">{old}</td><td class="new">{new}</td></tr>'
    )


def _side(block: Block, side: str) -> str:
    """One version of a text (a paragraph's own, or a subparagraph's), its changes marked."""
    unit: Unit | None = block.old if side == "old" else block.new
    if unit is None:
        return ""
    marker = f"{escape(unit.item.marker)} " if isinstance(unit.item, Subparagraph) else ""
    tag = "del" if side == "old" else "ins"
    return f"<p>{marker}{_marked(unit.text, _marks(block, side), tag)}</p>"


def _marks(block: Block, side: str) -> list[tuple[int, int, bool]]:
    """What changed in one version of a block: (start, end, technical), in order."""
    other = block.new if side == "old" else block.old
    if other is None:  # all of it new, or all of it deleted
        unit = block.old or block.new
        return [(0, len(unit.text) if unit else 0, False)]
    marks = []
    for change, technical in zip(block.changes, block.technical, strict=True):
        start, end = change[:2] if side == "old" else change[2:]
        if start < end:
            marks.append((start, end, technical))
    return marks


def _marked(text: str, marks: list[tuple[int, int, bool]], tag: str) -> str:
    out, last = [], 0
    for start, end, technical in marks:
        css = ' class="technical"' if technical else ""
        out.append(f"{escape(text[last:start])}<{tag}{css}>{escape(text[start:end])}</{tag}>")
        last = end
    out.append(escape(text[last:]))
    return "".join(out)
