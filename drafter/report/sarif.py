"""SARIF 2.1.0, the format GitHub code scanning accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from drafter import __version__
from drafter.lint import FileResult
from drafter.report import Options, findings
from drafter.rules import REGISTRY, Finding, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(results: list[FileResult], options: Options) -> str:
    found = findings(results)
    # LanguageTool's rules (L…) are known only by their findings.
    others = {f.code: f for f in found if f.code not in REGISTRY}
    codes = [*sorted(REGISTRY), *sorted(others)]
    index = {code: position for position, code in enumerate(codes)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "drafter",
                        "version": __version__,
                        "informationUri": "https://github.com/drafter/drafter",
                        "rules": [_rule(code, others.get(code)) for code in codes],
                    }
                },
                "results": [_result(f, index[f.code]) for f in found],
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.error else "warning"


def _rule(code: str, example: Finding | None) -> dict[str, Any]:
    if example is not None:
        return {
            "id": code,
            "name": example.name,
            "shortDescription": {"text": f"LanguageTool rule {code[1:]}"},
            "defaultConfiguration": {"level": _level(example.severity)},
        }
    rule = REGISTRY[code]
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation()},
        "help": {"text": rule.explanation()},
        "defaultConfiguration": {"level": _level(rule.severity)},
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    span = finding.span
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _level(finding.severity),
        "message": {"text": finding.described},
        "locations": [
            {
                **_logical_location(finding),
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path)},
                    "region": {
                        "startLine": span.line,
                        "startColumn": span.column,
                        "endLine": span.end_line,
                        "endColumn": max(span.end_column, span.column + 1)
                        if span.end_line == span.line
                        else span.end_column,
                    },
                },
            }
        ],
    }


def _logical_location(finding: Finding) -> dict[str, Any]:
    """The page (a property: SARIF's regions count lines, and a PDF's lines are drafter's) and
    the paragraph (a logical location) where a finding's lines are not the file's own."""
    if finding.place is None:
        return {}
    properties: dict[str, Any] = {"page": finding.place.page}
    if finding.place.column is not None:  # a Word paragraph's column
        properties["partColumn"] = finding.place.column
    place: dict[str, Any] = {"properties": properties}
    if finding.place.part:
        place["logicalLocations"] = [
            {
                "name": finding.place.part,
                "fullyQualifiedName": str(finding.place),
                "kind": "paragraph",
            }
        ]
    return place


def _uri(path: str) -> str:
    """Relative paths stay relative (code scanning resolves them against the repository)."""
    if path == "-":
        return "stdin"
    return Path(path).as_posix()
