"""`drafter lint`: find the files, lint each, write fixes, report, and choose the exit status."""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.cache import write_atomically
from drafter.config import ConfigError, settings_for
from drafter.lint import FileResult, lint_file
from drafter.report import Options, counts, formatter
from drafter.rules import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2
SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class LintOptions:
    paths: list[str]
    output_format: str = "text"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    profile: str | None = None
    language: str | None = None
    statistics: bool = False
    strict: bool = False
    color: bool = False

    def overrides(self) -> dict[str, Any]:
        """The command line's settings, which win over the configuration file's. As in ruff,
        a --select on the command line starts afresh: the file's ignores no longer apply."""
        fresh = self.select is not None
        given = {
            "select": self.select,
            "ignore": self.ignore if self.ignore is not None or not fresh else (),
            "extend_select": self.extend_select if self.extend_select or not fresh else (),
            "profile": self.profile,
            "language": self.language,
        }
        return {key: value for key, value in given.items() if value is not None}


def color_wanted() -> bool:
    """Colour on a terminal only, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def discover(paths: list[str]) -> list[str]:
    """The files to lint, in a stable order: as given, directories expanded and sorted."""
    found: list[str] = []
    for path in paths:
        target = Path(path)
        if path != "-" and target.is_dir():
            found.extend(
                str(file)
                for file in sorted(target.rglob("*"))
                if file.suffix in SUFFIXES
                and file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(target).parts)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def run(options: LintOptions) -> int:
    if not options.paths:
        _error("give a file, a directory or - (standard input) to lint")
        return EXIT_FAILURE
    results = []
    files = discover(options.paths)
    if not files:
        _error(f"no {' or '.join(SUFFIXES)} files in {', '.join(options.paths)}")
    fixing = options.fix or options.diff
    for path in files:
        try:
            settings = settings_for(path, options.overrides())
            result = lint_file(path, settings, fix=fixing, unsafe=options.unsafe_fixes)
        except ConfigError as error:
            _error(str(error))
            return EXIT_FAILURE
        if result.error:
            _error(f"{path}: {result.error}")
        results.append(result)
    if options.diff:
        return _show_diffs(results)
    if options.fix:
        _write_fixes(results)
    report = formatter(options.output_format)(
        results, Options(color=options.color, statistics=options.statistics)
    )
    stream = sys.stderr if options.fix and "-" in options.paths else sys.stdout
    stream.write(report)
    return _status(results, options.strict)


def _status(results: list[FileResult], strict: bool) -> int:
    if any(result.error for result in results):
        return EXIT_FAILURE
    count = counts(results)
    if count[Severity.error] or (strict and count[Severity.warning]):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _write_fixes(results: list[FileResult]) -> None:
    for result in results:
        if result.source is None or result.fixed_raw is None:
            continue
        if result.path == "-":
            sys.stdout.write(result.fixed_raw)
        elif result.changed:
            write_atomically(Path(result.path), result.source.encode(result.fixed_raw))


def _show_diffs(results: list[FileResult]) -> int:
    changed = False
    for result in results:
        if result.source is None or not result.changed or result.fixed_raw is None:
            continue
        changed = True
        sys.stdout.writelines(
            difflib.unified_diff(
                result.source.text.splitlines(keepends=True),
                result.fixed_raw.replace("\r\n", "\n")
                .replace("\r", "\n")
                .splitlines(keepends=True),
                fromfile=f"a/{result.path.lstrip('/')}",
                tofile=f"b/{result.path.lstrip('/')}",
            )
        )
    fixed = sum(result.fixed for result in results)
    print(f"{fixed} fix{'es' if fixed != 1 else ''} would be applied", file=sys.stderr)
    if any(result.error for result in results):
        return EXIT_FAILURE
    return EXIT_FINDINGS if changed else EXIT_CLEAN


def _error(message: str) -> None:
    print(f"drafter: {message}", file=sys.stderr)
