"""A linted file with its fixes applied, as the bytes of a file: a text in its own encoding, a
Word document with the fixes as tracked changes, the text read from a PDF (or another
program's copy of one) in drafter's text form, since drafter does not write PDFs."""

from __future__ import annotations

from typing import NamedTuple

from drafter.lint import FileResult


class FixedFile(NamedTuple):
    data: bytes
    suffix: str | None  # another suffix than the file's (".txt" for a PDF's text), or None
    written: int = 0  # a Word document's tracked changes
    left: int = 0  # changes a Word document cannot take as tracked changes, left to do in Word


def fixed_file(result: FileResult) -> FixedFile:
    """The file of a `lint_file(..., fix=True)` result, its fixes applied."""
    source, fixed = result.source, result.fixed_raw
    assert source is not None and fixed is not None, "a result linted with fix=True"
    if source.word_parts:
        from drafter.writers.word_fixes import tracked_fixes  # lxml, only for Word

        fixes = tracked_fixes(
            source.original,
            source.text,
            fixed,
            source.word_origins,
            source.word_parts,
            author=result.author,
        )
        return FixedFile(fixes.data, None, fixes.written, fixes.left)
    if source.converted_from:
        return FixedFile(fixed.encode("utf-8"), ".txt")
    return FixedFile(source.encode(fixed), None)
