"""Read a file into text: the first step of the pipeline.

UTF-8 (with or without a byte-order mark) first, then UTF-16 or UTF-32 when a byte-order mark
says so.
Line ends become LF; since a CRLF or a lone CR ends a line just as an LF does, every line
and column stays where the user's editor shows it.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.readers import may_be_extracted

if TYPE_CHECKING:
    from drafter.readers.word import Origin, WordLine
    from drafter.readers.zipped import Limits

# A long resolution (the omnibus texts on oceans) is a few hundred kilobytes.
MAX_BYTES = 10 * 1024 * 1024
# The files drafter reads, by their suffixes: its text form, Markdown, PDF and Word.
FORMATS = (".txt", ".md", ".pdf", ".docx")
# The container of Word 97-2003 files and of encrypted Office files (an encrypted .docx).
OLE_CONTAINER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What the Word reader reads: a zip package (.docx), or that container, to say what it is.
_OFFICE_FILES = (b"PK\x03\x04", OLE_CONTAINER)
# Byte-order marks, the longest first: UTF-32's little-endian mark begins with UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """The input cannot be read as a resolution text; the message says why, in one line."""


@dataclass
class Source:
    """A file as read: its text with LF line ends, and what is needed to write it back as it was
    (encoding, byte-order mark, and every line end where it stood)."""

    raw: str  # decoded, line ends as in the file
    encoding: str  # "utf-8", "utf-8-sig" (with a BOM), or "utf-16-le" and the like (after a BOM)
    original: bytes = field(default=b"", repr=False)  # the bytes read, to tell a later edit
    text: str = field(init=False)
    # What was read when it is not drafter's text form ("PDF"): its text was made from it,
    # and fixes cannot be written back into it as text (into a Word document, as changes).
    converted_from: str | None = None
    pages: list[int] = field(default_factory=list, repr=False)  # each line's page, if paged
    # Each line's line in the file, where the text was made from another text.
    lines: list[int] = field(default_factory=list, repr=False)
    # Each line's paragraph in a Word document, and where in it the line starts.
    word_lines: list[WordLine] = field(default_factory=list, repr=False)
    # Where each character of a Word document's text is in its XML, and the XML (for --fix).
    word_origins: Sequence[Origin | None] = field(default_factory=list, repr=False)
    word_parts: dict[str, Any] = field(default_factory=dict, repr=False)
    notice: str | None = None  # what the reader did that the user should know ("tracked changes")

    def __post_init__(self) -> None:
        self.text = self.raw.replace("\r\n", "\n").replace("\r", "\n")

    def encode(self, raw: str) -> bytes:
        """`raw` in the file's encoding, with its byte-order mark if it had one."""
        mark = next((bom for bom, encoding in _MARKS if encoding == self.encoding), b"")
        return mark + raw.encode(self.encoding)


def read_path(path: str | Path) -> str:
    """Read a file, or standard input for "-", as text with LF line ends."""
    return read_source(path).text


def read_source(
    path: str | Path, revisions: str = "accepted", limits: Limits | None = None
) -> Source:
    """Read a file, or standard input for "-"; a Word document's tracked changes as
    `revisions` says ("accepted" or "rejected"), its parts within `limits`."""
    if str(path) == "-":
        try:
            return decode_source(sys.stdin.buffer.read(MAX_BYTES + 1), revisions, limits)
        except (AttributeError, OSError, ValueError):  # closed, or no buffer to read
            raise ReadError("standard input cannot be read (is it closed?)") from None
    target = Path(path)
    try:
        if target.is_dir():
            raise ReadError("is a directory")
        data = read_bytes(target, MAX_BYTES)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(error.strerror or str(error)) from None
    return decode_source(data, revisions, limits)


def read_bytes(target: Path, limit: int) -> bytes:
    """At most one byte more than `limit`. A named pipe is opened without waiting for a
    writer (none may ever come): with nobody writing, it reads as empty."""
    descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if hasattr(os, "set_blocking"):
        os.set_blocking(descriptor, True)
    with open(descriptor, "rb") as stream:
        return stream.read(limit + 1)


def decode(data: bytes) -> str:
    return decode_source(data).text


def decode_source(data: bytes, revisions: str = "accepted", limits: Limits | None = None) -> Source:
    if len(data) > MAX_BYTES:
        raise ReadError(f"too large (drafter reads texts of up to {MAX_BYTES // 2**20} MiB)")
    if data.startswith(b"%PDF-"):
        return _pdf_source(data)
    if data.startswith(_OFFICE_FILES):
        return _word_source(data, revisions, limits)
    original = data
    mark, encoding = next(((m, e) for m, e in _MARKS if data.startswith(m)), (b"", ""))
    if mark:
        data = data[len(mark) :]
    else:
        if b"\x00" in data:
            raise ReadError("binary file (contains NUL bytes), not a text")
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    source = Source(_decode(data, encoding, len(mark)), encoding, original)
    if not source.text.strip():
        raise ReadError("empty file")
    return _extracted_source(source) or source


def _pdf_source(data: bytes) -> Source:
    from drafter.readers.pdf import PdfProblem, read_pdf  # a PDF library, only for a PDF

    try:
        read = read_pdf(data)
    except PdfProblem as problem:
        raise ReadError(str(problem)) from None
    return Source(read.text, "utf-8", data, converted_from="PDF", pages=read.pages)


def _word_source(data: bytes, revisions: str, limits: Limits | None) -> Source:
    from drafter.readers.word import WordProblem, read_docx  # lxml, only for Word
    from drafter.readers.zipped import DEFAULT_LIMITS

    try:
        read = read_docx(data, revisions, limits or DEFAULT_LIMITS)
    except WordProblem as problem:
        raise ReadError(str(problem)) from None
    source = Source(read.text, "utf-8", data, converted_from="Word document")
    source.word_lines, source.word_origins, source.word_parts = read.lines, read.origins, read.parts
    if read.revisions:
        changes = "tracked change" if read.revisions == 1 else "tracked changes"
        source.notice = f"{read.revisions} {changes} read as {revisions}"
    return source


def _extracted_source(source: Source) -> Source | None:
    """Text copied out of a PDF, or an extractor's Markdown, in drafter's text form."""
    if not may_be_extracted(source.text):
        return None
    from drafter.readers.extracted import read_extracted

    extracted = read_extracted(source.text)
    if extracted is None:
        return None
    return Source(
        extracted.text,
        source.encoding,
        source.original,
        converted_from=extracted.kind,
        lines=extracted.lines,
    )


def _decode(data: bytes, encoding: str, skipped: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.removesuffix("-sig").removesuffix("-le").removesuffix("-be").upper()
        raise ReadError(
            f"not valid {name} at byte {error.start + skipped} (save the file as UTF-8)"
        ) from None
