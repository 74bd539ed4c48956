"""The folder where drafter keeps what it can compute again: compiled grammars, tables, the
lexicons and configuration files as data, LanguageTool's answers.

Data is kept with marshal, which needs no import: json's costs a short lint 2 ms."""

from __future__ import annotations

import marshal
import os
import time
import zlib
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from drafter.files import write_file

DAY = 24 * 3600  # seconds
UNUSED_FOR = 30 * DAY  # what no run has used for this long goes when more is kept


@cache
def cache_dir() -> Path | None:
    """A writable folder of the user's, or None when there is none (drafter then works without
    a cache). drafter runs code compiled there, so in a shared folder such as /tmp it only uses
    a subfolder that the user owns and nobody else may write to."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"
    if _writable(home):
        return home
    import getpass
    import tempfile  # here only: importing it costs more start-up than a short parse

    user = os.getuid() if hasattr(os, "getuid") else getpass.getuser()
    shared = Path(tempfile.gettempdir()) / f"drafter-cache-{user}"
    return shared if _writable(shared, private=True) else None


def _writable(folder: Path, private: bool = False) -> bool:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return False
    others_could_plant_code = hasattr(os, "getuid") and (
        status.st_uid != os.getuid() or bool(status.st_mode & 0o022)
    )
    return not (private and others_could_plant_code) and os.access(folder, os.W_OK)


def checksum(text: str) -> str:
    """A key that changes when `text` does, for naming what is computed from it. (zlib's
    checksums, not hashlib: its import alone costs a few milliseconds of every start-up.)"""
    return checksum_bytes(text.encode("utf-8"))


def checksum_bytes(data: bytes) -> str:
    """`checksum` of a file's bytes."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def code_stamp(*sources: str) -> str:
    """Changes when one of the `sources` (files of drafter's code) does: the name of what they
    compute carries it, so that the cache never serves what older code computed."""
    stamps = (Path(source).stat() for source in sources)
    return checksum(" ".join(f"{s.st_size}:{s.st_mtime_ns}" for s in stamps))


def read_data(name: str) -> Any | None:
    """What `store_data` kept under `name` (a path inside the cache folder), or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = marshal.loads((folder / name).read_bytes())
        mark_used(folder / name)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data


def mark_used(path: Path) -> None:
    """Spare a kept file from `prune` (marked once a day at most: a write costs)."""
    if time.time() - path.stat().st_mtime > DAY:
        os.utime(path)


def prune(pattern: str) -> list[Path]:
    """Delete the files of the cache folder that match `pattern` and that no run has used for
    a month (each change of drafter leaves some behind); return them."""
    folder = cache_dir()
    gone: list[Path] = []
    for path in folder.glob(pattern) if folder else ():
        with suppress(OSError):
            if time.time() - path.stat().st_mtime > UNUSED_FOR:
                path.unlink()
                gone.append(path)
    return gone


def store_data(name: str, data: Any) -> None:
    """Keep `data` (plain values: dicts, lists, strings, numbers) under `name` in the cache
    folder; no cache is no failure."""
    folder = cache_dir()
    if folder is None:
        return
    path = folder / name
    with suppress(OSError, ValueError):  # ValueError: a TOML date, say, is not plain data
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, marshal.dumps(data), overwrite=True)


def toml_data(text: str, kind: str) -> dict[str, Any]:
    """The data of a TOML text, kept in the cache folder under the text's checksum: tomllib
    is pure Python, and importing it costs a short lint more than reading the data back.
    Raises ValueError (tomllib's TOMLDecodeError) on a text that is not TOML."""
    name = f"{kind}-{checksum(text)}.data"
    data = read_data(name)
    if isinstance(data, dict):
        return data
    import tomllib

    data = tomllib.loads(text)
    store_data(name, data)
    return data
