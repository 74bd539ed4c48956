"""Read the entries of a zip package (a .docx) without trusting what their headers say.

A package of a megabyte can inflate to gigabytes (a zip bomb): before an entry is inflated,
its declared size and its compression ratio are held against limits, and it is then read in
bounded pieces, so that a header that lies about the size cannot get past either. An entry
over a limit is not read, and the message says which part, how large, and the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_MB = 1024 * 1024
_CHUNK = _MB
# Below this size a part is not judged by its ratio: a short run of XML may compress far better
# than a document does, and costs nothing to read.
_RATIO_FLOOR = _MB


class ZipLimit(Exception):
    """An entry is over a limit; the message says which, in one line."""


@dataclass(frozen=True)
class Limits:
    """How large an entry may be once inflated, and how much smaller it may be packed (the
    configuration's `max-unpacked-mb` and `max-compression-ratio`)."""

    unpacked_mb: int = 100
    ratio: int = 100


DEFAULT_LIMITS = Limits()


def read_entry(archive: Any, name: str, what: str, limits: Limits) -> bytes:
    """The bytes of entry `name` of a zipfile.ZipFile; `what` names it for the user ("its
    document part"). ZipLimit when it is over a limit."""
    info = archive.getinfo(name)
    limit = limits.unpacked_mb * _MB
    if info.file_size > limit:
        raise ZipLimit(
            f"{what} would be {_size(info.file_size)} unpacked (limit {limits.unpacked_mb} MB);"
            " not read"
        )
    if _over_ratio(info.file_size, info.compress_size, limits.ratio):
        raise ZipLimit(
            f"{what} is packed {info.file_size // max(info.compress_size, 1)} to 1"
            f" (limit {limits.ratio} to 1), as a zip bomb is; not read"
        )
    pieces: list[bytes] = []
    read = 0
    with archive.open(info) as stream:
        while piece := stream.read(_CHUNK):
            read += len(piece)
            if read > limit or _over_ratio(read, info.compress_size, limits.ratio):
                raise ZipLimit(
                    f"{what} unpacks to more than its header says ({_size(read)} and more);"
                    " not read"
                )
            pieces.append(piece)
    return b"".join(pieces)


def _over_ratio(size: int, packed: int, ratio: int) -> bool:
    return size > _RATIO_FLOOR and size > ratio * max(packed, 1)


def _size(size: int) -> str:
    return f"{size / _MB:.0f} MB" if size >= _MB else f"{size // 1024} KB"
