"""`drafter text`: the text drafter read from a file, in the form its text reader accepts (for a
PDF, what it made of the page: a user can see it, keep it, and lint or edit that)."""

from __future__ import annotations

import sys

from drafter.commands import EXIT_CLEAN, error
from drafter.reader import ReadError, read_source


def run(path: str) -> int:
    try:
        source = read_source(path)
    except ReadError as problem:
        return error(f"{path}: {problem}")
    sys.stdout.write(source.text)
    return EXIT_CLEAN
