"""Read a file into text: the first step of the pipeline.

UTF-8 (with or without a byte-order mark) first, then UTF-16 when a byte-order mark says so.
Line ends become LF; since a CRLF or a lone CR ends a line just as an LF does, every line
and column stays where the user's editor shows it.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass, field
from pathlib import Path

# A long resolution (the omnibus texts on oceans) is a few hundred kilobytes.
MAX_BYTES = 10 * 1024 * 1024


class ReadError(Exception):
    """The input cannot be read as a resolution text; the message says why, in one line."""


@dataclass
class Source:
    """A file as read: its text with LF line ends, and what is needed to write it back as it was
    (encoding, byte-order mark, and every line end where it stood)."""

    raw: str  # decoded, line ends as in the file
    encoding: str  # "utf-8", "utf-8-sig" (with a BOM), "utf-16-le" or "utf-16-be" (after a BOM)
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.raw.replace("\r\n", "\n").replace("\r", "\n")

    def encode(self, raw: str) -> bytes:
        """`raw` in the file's encoding, with its byte-order mark if it had one."""
        if self.encoding.startswith("utf-16"):
            bom = codecs.BOM_UTF16_LE if self.encoding.endswith("le") else codecs.BOM_UTF16_BE
            return bom + raw.encode(self.encoding)
        return raw.encode(self.encoding)


def read_path(path: str | Path) -> str:
    """Read a file, or standard input for "-", as text with LF line ends."""
    return read_source(path).text


def read_source(path: str | Path) -> Source:
    """Read a file, or standard input for "-"."""
    if str(path) == "-":
        return decode_source(sys.stdin.buffer.read(MAX_BYTES + 1))
    target = Path(path)
    try:
        if target.is_dir():
            raise ReadError("is a directory")
        with target.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(error.strerror or str(error)) from None
    return decode_source(data)


def decode(data: bytes) -> str:
    return decode_source(data).text


def decode_source(data: bytes) -> Source:
    if len(data) > MAX_BYTES:
        raise ReadError(f"too large (drafter reads texts of up to {MAX_BYTES // 2**20} MiB)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        data = data[2:]
    else:
        if b"\x00" in data:
            raise ReadError("binary file (contains NUL bytes), not a text")
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    source = Source(_decode(data, encoding), encoding)
    if not source.text.strip():
        raise ReadError("empty file")
    return source


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name, skipped = ("UTF-16", 2) if encoding.startswith("utf-16") else ("UTF-8", 0)
        raise ReadError(
            f"not valid {name} at byte {error.start + skipped} (save the file as UTF-8)"
        ) from None
