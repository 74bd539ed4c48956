"""`drafter lint`: find the files, lint each, write fixes, report, and choose the exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from drafter.arguments import selectors
from drafter.commands import EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS, error, with_progress
from drafter.config import (
    LOCAL,
    NO_SELECTION,
    ConfigError,
    check_choice,
    folder_of,
    language_server,
    settings_for,
    settings_in,
)
from drafter.files import write_file
from drafter.lint import FileResult, lint_file
from drafter.report import STATISTICS_FORMATS, Options, counts, formatter, plural
from drafter.rules import Severity

SUFFIXES = (".txt", ".md", ".docx")
# Starting worker processes costs more than linting a few files; a progress bar for a few
# files only flickers.
PARALLEL_FROM = 8
PROGRESS_FROM = 5


@dataclass(frozen=True)
class LintOptions:
    """The options of `drafter lint`, as the command line gave them."""

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
    jobs: int | None = None  # processes; None: one per core
    language_check: bool | None = None  # None: as the configuration says
    language_server: str | None = None
    fix_language: bool = False
    language_cache: bool = True
    revisions: str | None = None  # a Word document's tracked changes: "accepted", "rejected"
    quiet: bool = False  # the findings only: no summary, no progress
    verbose: bool = False

    def overrides(self) -> dict[str, Any]:
        """The command line's settings, which win over the configuration file's. As in ruff,
        a --select on the command line starts afresh: the file's ignores no longer apply."""
        fresh = self.select is not None
        if self.select == ():
            raise ConfigError(f"--{NO_SELECTION}")
        chosen = (
            ("profile", self.profile),
            ("language", self.language),
            ("revisions", self.revisions),
        )
        for key, value in chosen:
            if value is not None:
                check_choice(key, value, f"--{key}")
        given = {
            "select": self.select,
            "ignore": self.ignore if self.ignore is not None or not fresh else (),
            "extend_select": self.extend_select if self.extend_select or not fresh else (),
            "profile": self.profile,
            "language": self.language,
            "language_check": self.language_check,
            # The command line, then the environment, win over the configuration file.
            "language_server": language_server(self.language_server),
            "fix_language": self.fix_language or None,
            "language_cache": None if self.language_cache else False,
            "revisions": self.revisions,
        }
        return {key: value for key, value in given.items() if value is not None}


def command(
    paths: list[str] | None,
    output_format: str = "text",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
    no_cache: bool = False,
    **flags: Any,
) -> int:
    """`drafter lint` with its options as the command line gives them (drafter.cli, or
    drafter.arguments for a call read without Typer)."""
    return run(
        LintOptions(
            paths=paths or [],
            output_format=output_format,
            select=selectors(select),
            ignore=selectors(ignore),
            extend_select=selectors(extend_select),
            color=color_wanted(),
            language_cache=not no_cache,
            **flags,
        )
    )


def color_wanted() -> bool:
    """Colour on a terminal only, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def discover(paths: list[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """The files to lint (or read), in a stable order: as given, folders expanded (the files
    of `suffixes` in them, hidden ones aside) and sorted."""
    found: list[str] = []
    for path in paths:
        target = Path(path)
        if path != "-" and _is_dir(target):
            found.extend(
                str(file)
                for file in sorted(target.rglob("*"))
                if file.suffix.lower() in suffixes
                and file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(target).parts)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _is_dir(path: Path) -> bool:
    """Whether `path` is a folder; a name the system refuses (too long, a loop of links) is
    left to the reader, which says why in one line."""
    try:
        return path.is_dir()
    except OSError:
        return False


def run(options: LintOptions) -> int:
    if not options.paths:
        return error("give a file, a directory or - (standard input) to lint")
    if options.statistics and options.output_format not in STATISTICS_FORMATS:
        formats = " or ".join(STATISTICS_FORMATS)
        return error(f"--statistics goes with --format {formats}, not {options.output_format}")
    files = discover(options.paths)
    if not files:
        kinds = ", ".join(SUFFIXES[:-1]) + " or " + SUFFIXES[-1]
        return error(f"no {kinds} files in {', '.join(options.paths)}")
    try:
        results = lint_all(files, options)
    except ConfigError as problem:
        return error(str(problem))
    if options.fix and not options.diff:
        _write_fixes(results)
    for result in results:
        if result.error:
            error(f"{result.path}: {result.error}")
        elif result.source is not None and result.source.notice:
            error(f"{result.path}: {result.source.notice}")
    for reason in dict.fromkeys(r.language_error for r in results if r.language_error):
        error(f"{reason}; grammar and spelling were not checked")
    if options.diff:
        return _show_diffs(results, options.strict)
    report = formatter(options.output_format)(
        results,
        Options(color=options.color, statistics=options.statistics, summary=not options.quiet),
    )
    stream = sys.stderr if options.fix and "-" in options.paths else sys.stdout
    stream.write(report)
    if options.language_check and any(result.language_error for result in results):
        return EXIT_FAILURE  # asked for on the command line, and not done
    return _status(results, options.strict)


def lint_all(files: list[str], options: LintOptions) -> list[FileResult]:
    """Lint each file, in parallel processes when there are enough files to pay for them;
    the results come back in the order of `files` either way."""
    task = partial(
        _lint_one,
        overrides=options.overrides(),
        fix=options.fix or options.diff,
        unsafe=options.unsafe_fixes,
    )
    jobs = _processes(files, options)
    if options.verbose:
        error(f"{plural(len(files), 'file')}, {jobs} process(es)")
    if jobs == 1:
        return _collect(map(task, files), len(files), options)
    from concurrent.futures import ProcessPoolExecutor  # only when it is used: 15 ms

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            chunk = max(1, len(files) // (jobs * 8))
            return _collect(pool.map(task, files, chunksize=chunk), len(files), options)
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a bad configuration: stop the others
            raise


def _processes(files: list[str], options: LintOptions) -> int:
    """One process per core (or --jobs), but one for a few files, for standard input (which
    this process reads), and when a local LanguageTool checks any of the files: each process
    would start its own, a Java server of a gigabyte or more, and its checks take the time."""
    jobs = min(options.jobs or os.cpu_count() or 1, len(files))
    if jobs < 2 or len(files) < PARALLEL_FROM or "-" in files:
        return 1
    overrides = options.overrides()
    for folder in {folder_of(path) for path in files}:  # settings are a folder's
        settings = settings_in(folder, overrides)
        if settings.language_check and settings.language_server == LOCAL:
            return 1
    return jobs


def _lint_one(path: str, overrides: dict[str, Any], fix: bool, unsafe: bool) -> FileResult:
    result = lint_file(path, settings_for(path, overrides), fix=fix, unsafe=unsafe)
    # The model is not reported on, and a thousand of them kept alive make every collection
    # of the garbage collector walk them all: a batch ran at two thirds of its speed.
    result.resolution = None
    return result


def _collect(results: Iterable[FileResult], total: int, options: LintOptions) -> list[FileResult]:
    if total > PROGRESS_FROM and not options.quiet:
        results = with_progress(results, "Linting", total)
    collected = []
    for result in results:
        if options.verbose:
            error(f"{result.path}: {len(result.findings)} finding(s)")
        collected.append(result)
    return collected


def _status(results: list[FileResult], strict: bool) -> int:
    if any(result.error for result in results):
        return EXIT_FAILURE
    count = counts(results)
    if count[Severity.error] or (strict and count[Severity.warning]):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _write_fixes(results: list[FileResult]) -> None:
    """Write each fixed file (a Word document: its fixes as tracked changes); one that cannot
    be written is reported as it was, unfixed."""
    for result in results:
        if result.source is None or result.fixed_raw is None:
            continue
        if result.path == "-":
            sys.stdout.write(result.fixed_raw)
        elif result.changed and result.source.word_parts:
            _write_word_fixes(result)
        elif result.changed and result.source.converted_from:
            _not_fixed(result, f"fixes are not written into a {result.source.converted_from}")
        elif result.changed:
            data = result.source.encode(result.fixed_raw)
            try:
                write_file(result.path, data, overwrite=True, expected=result.source.original)
            except OSError as problem:
                _not_fixed(result, str(problem.strerror or problem))


def _write_word_fixes(result: FileResult) -> None:
    """The fixes as tracked changes of the Word document, for its author to accept or reject;
    what a fix cannot change in the document's text is said, and left as it was."""
    from drafter.writers.fixed import fixed_file

    assert result.source is not None
    fixes = fixed_file(result)
    try:
        write_file(result.path, fixes.data, overwrite=True, expected=result.source.original)
    except OSError as problem:
        _not_fixed(result, str(problem.strerror or problem))
        return
    if fixes.left:
        result.error = (
            f"{fixes.written} fixes written as tracked changes; {fixes.left} not: they change "
            "what Word generates or formats (a list number, italics), to do in Word"
        )


def _not_fixed(result: FileResult, reason: str) -> None:
    """The file stays as it was: say why, and report its findings as they still are."""
    result.error = f"not fixed: {reason}"
    result.findings, result.fixed = result.unfixed, 0


def _show_diffs(results: list[FileResult], strict: bool) -> int:
    """The fixes as a unified diff; the exit status is lint's, after those fixes, or 1 when
    there is a fix to show."""
    from difflib import unified_diff  # --diff only: a plain lint does not pay its import

    changed = False
    for result in results:
        if result.source is None or not result.changed or result.fixed_raw is None:
            continue
        changed = True
        sys.stdout.writelines(
            unified_diff(
                result.source.text.splitlines(keepends=True),
                result.fixed_raw.replace("\r\n", "\n")
                .replace("\r", "\n")
                .splitlines(keepends=True),
                fromfile=f"a/{result.path.lstrip('/')}",
                tofile=f"b/{result.path.lstrip('/')}",
            )
        )
    fixed = sum(result.fixed for result in results)
    left = counts(results)[Severity.error]
    print(
        f"{plural(fixed, 'fix', 'fixes')} would be applied; {plural(left, 'error')} would remain",
        file=sys.stderr,
    )
    status = _status(results, strict)
    return EXIT_FINDINGS if changed and status == EXIT_CLEAN else status
