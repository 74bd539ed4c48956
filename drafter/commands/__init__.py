"""What each command does, apart from reading its options (drafter.cli).

The exit statuses and the one-line error every command uses live here, and the checks and the
write of a command's output file (`drafter new -o`, `drafter diff -o`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # the commands that run on every commit write no file
    from pathlib import Path

    from drafter.model import Resolution
    from drafter.reader import Source

_Item = TypeVar("_Item")

# 0: done, nothing at error level; 1: findings; 2: drafter could not do its job.
EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def error(message: str) -> int:
    """One line on standard error; the exit status of a command that could not do its job."""
    print(f"drafter: {message}", file=sys.stderr)
    return EXIT_FAILURE


def refused_output(target: Path | None, force: bool) -> str | None:
    """Why an output file cannot be written, said before any work is done; None if it can
    (or if the output is standard output)."""
    if target is None or not target.exists():
        return None
    if not force:
        return _taken(target)
    if not target.is_file():
        return f"{target}: not a regular file: drafter writes only to files"
    return None


def write_output(target: Path, data: bytes, force: bool) -> str | None:
    """Write an output file atomically (drafter.files); what went wrong, or None."""
    from drafter.files import write_file

    try:
        write_file(target, data, overwrite=force)
    except FileExistsError:  # created meanwhile
        return _taken(target)
    except OSError as problem:
        return f"{target}: cannot write: {problem.strerror or problem}"
    return None


def _taken(target: Path) -> str:
    return f"{target}: already exists (add --force to overwrite it)"


def with_progress(items: Iterable[_Item], label: str, total: int) -> Iterable[_Item]:
    """`items`, with a progress bar on standard error when it is a terminal (rich, imported
    only then); the caller says when a run is long enough to want one."""
    if not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, label, total=total, console=Console(stderr=True), transient=True)


def read_resolution(
    path: str, language: str = "auto", revisions: str = "accepted"
) -> tuple[Source, Resolution] | str:
    """A file read and parsed as a resolution (in `language`, or the one detected), or why it
    cannot be ("no text layer (a scanned PDF?): run OCR first")."""
    from drafter.parser import NotAResolution, parse_text
    from drafter.reader import ReadError, read_source

    try:
        source = read_source(path, revisions)
    except ReadError as problem:
        return str(problem)
    try:
        return source, parse_text(source.text, None if language == "auto" else language)
    except NotAResolution as problem:
        return _not_a_resolution(source.text, problem)


def _not_a_resolution(text: str, problem: Exception) -> str:
    """Why a text is no resolution: an amendment document is named as one (a user may well
    hand `drafter new` or `diff` the L. document that amends a draft)."""
    from drafter.amendments import amendment_in

    amendment = amendment_in(text)
    if amendment is None:
        return str(problem)
    return (
        f"an amendment document (to {amendment.amends}), not a resolution: `drafter apply"
        " DRAFT AMENDMENT` carries its amendments out"
    )
