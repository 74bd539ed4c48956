"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from drafter.lint import FileResult
from drafter.report import Options, findings
from drafter.rules import Severity


def render(results: list[FileResult], options: Options) -> str:
    lines = []
    for finding in findings(results):
        span = finding.span
        level = "error" if finding.severity is Severity.error else "warning"
        properties = ",".join(
            [
                f"file={_property(finding.path)}",
                f"line={span.line}",
                f"col={span.column}",
                f"endLine={span.end_line}",
                f"endColumn={span.end_column}",
                f"title={_property(f'{finding.code} {finding.name}')}",
            ]
        )
        lines.append(f"::{level} {properties}::{_data(finding.described)}")
    return "".join(line + "\n" for line in lines)


def _data(text: str) -> str:
    """Escaping of a workflow command's message (what @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
