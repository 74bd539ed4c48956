"""`drafter precedents`' reports: text (a line a paragraph), Markdown (a table delegations
paste), JSON (the README's contract) and HTML (one self-contained page, nothing fetched)."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from drafter.corpus.precedents import Judged, Precedent
from drafter.corpus.texts import Text
from drafter.diff.units import short_name

_CHANGES_SHOWN = 3
_VERDICT_NAMES = {
    "verbatim": "verbatim",
    "technical": "technical updates",
    "modified": "modified",
    "new": "new",
}


def render(
    output_format: str, judged: list[Judged], totals: dict[str, Any], draft: Text, path: str
) -> str:
    if output_format == "json":
        document = {
            "draft": {"path": path, "symbol": draft.symbol, "language": draft.language},
            "paragraphs": [found.to_json() for found in judged],
            "summary": totals,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        return to_markdown(judged, totals, path)
    if output_format == "html":
        return to_html(judged, totals, draft, path)
    return "".join(_line(found) + "\n" for found in judged) + summary_line(totals) + "\n"


def summary_line(totals: dict[str, Any]) -> str:
    return (
        f"{totals['paragraphs']} paragraphs: {totals['verbatim']} verbatim, {totals['technical']}"
        f" with technical updates, {totals['modified']} modified, {totals['new']} new;"
        f" agreed language: {totals['agreed']:.0%}; {totals['with_agreed_phrases']} with"
        " clauses adopted before"
    )


def paragraph_name(found: Judged) -> str:
    paragraph = found.paragraph
    label = f" ({paragraph.label})" if paragraph.label else ""
    return f"{short_name(paragraph.part)} {paragraph.number}{label}"


def source_name(precedent: Precedent) -> str:
    label = f" ({precedent.label})" if precedent.label else ""
    return f"{precedent.symbol} {short_name(precedent.part)} {precedent.number}{label}"


def _changes(precedent: Precedent) -> str:
    shown = "; ".join(f"“{old}” → “{new}”" for old, new in precedent.changes[:_CHANGES_SHOWN])
    hidden = len(precedent.changes) - _CHANGES_SHOWN
    return shown + (f" and {hidden} more" if hidden > 0 else "")


def _line(found: Judged) -> str:
    line = f"{paragraph_name(found)}: {found.verdict}"
    if found.precedents:
        best = found.precedents[0]
        line += f", {source_name(best)} ({best.date or 'undated'}, {best.similarity:.2f})"
        if found.verdict in ("technical", "modified"):
            line += f": {_changes(best)}"
    for phrase in found.phrases:
        line += f"\n  “{phrase.text}”: {phrase.where}"
    return line


def to_markdown(judged: list[Judged], totals: dict[str, Any], path: str) -> str:
    rows = [
        f"Agreed language in {path}: {summary_line(totals)}.",
        "",
        "| Paragraph | Verdict | Source | Date | Similarity | Changes or clauses |",
        "|---|---|---|---|---|---|",
    ]
    for found in judged:
        best = found.precedents[0] if found.precedents else None
        notes = _changes(best) if best and found.verdict in ("technical", "modified") else ""
        clauses = "; ".join(f"“{p.text}” ({p.symbol})" for p in found.phrases)
        cells = [
            paragraph_name(found),
            _VERDICT_NAMES[found.verdict],
            source_name(best) if best else "",
            (best.date or "") if best else "",
            f"{best.similarity:.2f}" if best else "",
            "; ".join(filter(None, [notes, clauses])),
        ]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


STYLE = """
body { font: 15px/1.5 Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 70em;
  color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4em .6em; border-top: 1px solid #ddd; }
.verbatim { color: #14561c; } .technical { color: #2f4f6f; } .modified { color: #7a4b00; }
.new { color: #8b1a1a; } q { font-style: italic; }
"""


def to_html(judged: list[Judged], totals: dict[str, Any], draft: Text, path: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="{escape(draft.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agreed language: {escape(path)}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>Agreed language: {escape(path)}</h1>
{precedents_table(judged, totals)}
</body>
</html>
"""


def precedents_table(judged: list[Judged], totals: dict[str, Any]) -> str:
    """The summary and the table of paragraphs, for a page of its own or drafter serve's."""
    rows = []
    for found in judged:
        best = found.precedents[0] if found.precedents else None
        source = escape(source_name(best)) if best else ""
        date = escape(best.date or "") if best else ""
        details = _changes(best) if best and found.verdict in ("technical", "modified") else ""
        clauses = "".join(
            f"<br><q>{escape(p.text)}</q> ({escape(p.symbol)})" for p in found.phrases
        )
        rows.append(
            f'<tr><th scope="row">{escape(paragraph_name(found))}</th>'
            f'<td class="{found.verdict}">{escape(_VERDICT_NAMES[found.verdict])}</td>'
            f"<td>{source}</td><td>{date}</td><td>{escape(details)}{clauses}</td></tr>"
        )
    body = "\n".join(rows)
    return f"""<p class="counts">{escape(summary_line(totals))}</p>
<table class="precedents">
<thead><tr><th scope="col">Paragraph</th><th scope="col">Verdict</th>
<th scope="col">Source</th><th scope="col">Date</th><th scope="col">Changes, clauses</th></tr>
</thead>
<tbody>
{body}
</tbody>
</table>"""
