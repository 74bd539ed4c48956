"""Read a file into text: the first step of the pipeline.

UTF-8 (with or without a byte-order mark) first, then UTF-16 when a byte-order mark says so.
Line ends become LF; since a CRLF or a lone CR ends a line just as an LF does, every line
and column stays where the user's editor shows it.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

# A long resolution (the omnibus texts on oceans) is a few hundred kilobytes.
MAX_BYTES = 10 * 1024 * 1024


class ReadError(Exception):
    """The input cannot be read as a resolution text; the message says why, in one line."""


def read_path(path: str | Path) -> str:
    """Read a file, or standard input for "-"."""
    if str(path) == "-":
        return decode(sys.stdin.buffer.read(MAX_BYTES + 1))
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
    return decode(data)


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ReadError(f"too large (drafter reads texts of up to {MAX_BYTES // 2**20} MiB)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16")
    else:
        if b"\x00" in data:
            raise ReadError("binary file (contains NUL bytes), not a text")
        text = _decode(data, "utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("empty file")
    return text


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(
            f"not valid {encoding.removesuffix('-sig').upper()} at byte {error.start} "
            "(save the file as UTF-8)"
        ) from None
