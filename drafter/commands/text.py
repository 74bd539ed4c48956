"""`drafter text`: the text drafter read from a file, in the form its text reader accepts (for a
PDF, what it made of the page, for a Word document its text with the tracked changes accepted
or rejected: a user can see it, keep it, and lint or edit that)."""

from __future__ import annotations

import sys

from drafter.commands import EXIT_CLEAN, error
from drafter.reader import ReadError, read_source


def run(path: str, revisions: str = "accepted") -> int:
    try:
        source = read_source(path, revisions)
    except ReadError as problem:
        return error(f"{path}: {problem}")
    if source.notice:
        error(f"{path}: {source.notice}")
    sys.stdout.write(source.text)
    return EXIT_CLEAN
