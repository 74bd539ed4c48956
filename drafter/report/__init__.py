"""Output formats of `drafter lint`: one module per format, each a `render` function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: importing the report stays light
    from drafter.lint import FileResult
    from drafter.rules import Finding, Severity


@dataclass(frozen=True)
class Options:
    """How findings are shown."""

    color: bool = False
    statistics: bool = False
    show_fixes: bool = True  # say which findings --fix would fix
    summary: bool = True  # the last line of the text format; --quiet leaves it out


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 file", "2 files"; `words` where adding an s is wrong ("fixes")."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def findings(results: list[FileResult]) -> list[Finding]:
    return [finding for result in results for finding in result.findings]


def counts(results: list[FileResult]) -> Counter[Severity]:
    return Counter(finding.severity for finding in findings(results))


def fixable(finding: Finding) -> str:
    """ "safe", "unsafe" or "" (no fix)."""
    if finding.fix is None:
        return ""
    return "safe" if finding.fix.safe else "unsafe"


def per_rule(results: list[FileResult]) -> list[tuple[str, str, int, bool]]:
    """`--statistics`: code, name, count and whether --fix repairs them, most frequent first."""
    per_code = Counter(finding.code for finding in findings(results))
    names = {finding.code: finding.name for finding in findings(results)}
    fixes = {f.code for f in findings(results) if fixable(f) == "safe"}
    return [
        (code, names[code], count, code in fixes)
        for code, count in sorted(per_code.items(), key=lambda item: (-item[1], item[0]))
    ]


# Formats that can count findings per rule (--statistics).
STATISTICS_FORMATS = ("text", "json")
# The module of each format, imported only when that format is asked for.
_MODULES = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github"}


def formatter(name: str) -> Callable[[list[FileResult], Options], str]:
    return import_module(f"drafter.report.{_MODULES[name]}").render
