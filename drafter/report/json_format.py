"""A JSON list of findings: the contract of DESIGN.md, plus the fix and its kind."""

from __future__ import annotations

import json
from typing import Any

from drafter.lint import FileResult
from drafter.report import Options, findings, fixable, per_rule
from drafter.rules import Finding


def render(results: list[FileResult], options: Options) -> str:
    if options.statistics:  # as ruff's: one object per rule instead of the findings
        data: list[dict[str, Any]] = [
            {"code": code, "name": name, "count": count, "fixable": fixes}
            for code, name, count, fixes in per_rule(results)
        ]
    else:
        data = [as_json(f) for f in findings(results)]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_json(finding: Finding) -> dict[str, Any]:
    span = finding.span
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": fixable(finding),
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement}
                for e in finding.fix.edits
            ],
        }
    return {
        "path": finding.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "message": finding.message,
        "fixable": bool(fixable(finding)),
        "fix": fix,
        # Where lines alone do not tell it (a PDF, a Word document): the page, the part of the
        # resolution, and the column in a Word paragraph.
        "page": finding.place.page if finding.place else None,
        "part": finding.place.part or None if finding.place else None,
        "part_column": finding.place.column if finding.place else None,
    }
