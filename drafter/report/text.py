"""`path:line:col: CODE message`, one line per finding, then a summary: ruff's format."""

from __future__ import annotations

from drafter.lint import FileResult
from drafter.report import Options, counts, findings, fixable, per_rule, plural
from drafter.rules import Finding, Severity

_COLORS = {"bold": "1", "red": "31", "yellow": "33", "cyan": "36", "dim": "2"}


def _paint(text: str, color: str, options: Options) -> str:
    return f"\033[{_COLORS[color]}m{text}\033[0m" if options.color else text


def render(results: list[FileResult], options: Options) -> str:
    lines = statistics(results, options) if options.statistics else _lines(results, options)
    if options.summary:
        lines.append(summary(results, options))
    return "".join(line + "\n" for line in lines)


def _lines(results: list[FileResult], options: Options) -> list[str]:
    return [_line(finding, options) for finding in findings(results)]


def _line(finding: Finding, options: Options) -> str:
    where = _paint(f"{finding.path}:{finding.span.line}:{finding.span.column}:", "bold", options)
    color = "red" if finding.severity is Severity.error else "yellow"
    code = _paint(finding.code, color, options)
    mark = " [*]" if options.show_fixes and fixable(finding) == "safe" else ""
    return f"{where} {code}{mark} {finding.described}"


def statistics(results: list[FileResult], options: Options) -> list[str]:
    """Findings counted per rule, most frequent first: `--statistics`."""
    return [
        f"{count:5}  {code}  {name}{'  [*]' if fixes else ''}"
        for code, name, count, fixes in per_rule(results)
    ]


def summary(results: list[FileResult], options: Options) -> str:
    count = counts(results)
    files = len(results)
    parts = [
        f"{plural(count[Severity.error], 'error')}, {plural(count[Severity.warning], 'warning')}"
        f" in {plural(files, 'file')}"
    ]
    fixed = sum(result.fixed for result in results)
    if fixed:
        parts.append(f"fixed {fixed}")
    safe = sum(1 for f in findings(results) if fixable(f) == "safe")
    if safe and options.show_fixes:
        parts.append(f"{safe} fixable with --fix")
    # A file that was read and linted but whose fixes could not all be written was linted.
    failed = sum(1 for result in results if result.error and not result.linted)
    if failed:
        parts.append(f"{plural(failed, 'file')} could not be linted")
    unfixed = sum(1 for result in results if result.error and result.linted)
    if unfixed:
        parts.append(f"{plural(unfixed, 'file')} not fixed")
    return _paint("; ".join(parts), "bold", options)
