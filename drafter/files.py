"""Writing a file so that nothing the user wrote is lost.

A write goes through a temporary file beside the target and a rename, so a reader never sees
half a file and a crash leaves the old one whole. It writes through a symbolic link to its
target, keeps the file's permissions (a new file gets the umask's), keeps a file's other hard
links (their content changes with it), writes only to regular files, and, when told what the
file held when it was read, refuses to replace an edit saved meanwhile.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path


class WriteRefused(OSError):
    """drafter will not write this file; the message says why, in one line."""


def write_file(
    path: str | Path, data: bytes, *, overwrite: bool = False, expected: bytes | None = None
) -> None:
    """Write `data` to `path`. Without `overwrite`, an existing file (even one created
    meanwhile) raises FileExistsError. With `expected`, the file must still hold exactly those
    bytes, else WriteRefused. OSError for what the system refuses (permissions, a full disk)."""
    import tempfile  # here only: its import costs start-up that a lint without --fix skips

    target = Path(os.path.realpath(path))  # through symbolic links, to the file itself
    status = _status(target)
    if status is not None and not overwrite:
        raise FileExistsError(str(path))
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # a full disk fails here, before the file is touched
            _copy_ownership(stream.fileno(), status)
        if expected is not None and _content(target) != expected:
            raise WriteRefused("changed since drafter read it: not written (run drafter again)")
        if status is not None and status.st_nlink > 1:
            _write_in_place(target, data)  # a rename would split the hard links
            os.unlink(temporary)
        elif overwrite:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the path exists, unlike a rename
            os.unlink(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _status(target: Path) -> os.stat_result | None:
    """The target's status, None if there is no such file; refuses what is not a file."""
    try:
        status = target.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(status.st_mode):
        raise WriteRefused("not a regular file: drafter writes only to files")
    return status


def _copy_ownership(descriptor: int, status: os.stat_result | None) -> None:
    """The existing file's mode (and owner, where allowed), else the umask's for a new file."""
    if status is None:
        os.fchmod(descriptor, 0o666 & ~_umask())
        return
    os.fchmod(descriptor, stat.S_IMODE(status.st_mode))
    if hasattr(os, "fchown") and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
        # Not ours to give away: the copy then stays the writer's, as an editor's would.
        with suppress(PermissionError):
            os.fchown(descriptor, status.st_uid, status.st_gid)


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it: put it back at once
    os.umask(mask)
    return mask


def _content(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except FileNotFoundError:
        return None


def _write_in_place(target: Path, data: bytes) -> None:
    with target.open("r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())
