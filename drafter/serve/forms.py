"""What a page's request brings (the files chosen, or sent back by an answer page, and the
choices made) and what a download takes; the uploads as files for the time of a request."""

from __future__ import annotations

import base64
import binascii
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.responses import Response

from drafter.config import PROFILES, choices
from drafter.reader import FORMATS

LANGUAGES = choices("language") or ()  # as `drafter lint --language` takes them
DOWNLOADS = {  # what the pages offer to download: (suffix, media type)
    "markdown": (".md", "text/markdown; charset=utf-8"),
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "text": (".txt", "text/plain; charset=utf-8"),
}
_MEDIA_TYPES = dict(DOWNLOADS.values())


class Problem(Exception):
    """What the page says instead of an answer, with its HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class Upload(NamedTuple):
    name: str  # as the user's computer named it
    data: bytes

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    @property
    def encoded(self) -> str:
        """For a form of the answer page that sends it back (a download)."""
        return base64.b64encode(self.data).decode("ascii")


def upload_in(form: FormData, field: str, pasted: str | None = None) -> Upload:
    """The file chosen in `field`, else the text pasted in `pasted`."""
    chosen = uploads_in(form, field)
    text = str(form.get(pasted) or "") if pasted else ""
    if chosen:
        return chosen[0]
    if text.strip():
        return Upload("pasted.txt", text.encode("utf-8"))
    raise Problem("choose a file, or paste a text" if pasted else "choose both files")


def uploads_in(form: FormData, field: str) -> list[Upload]:
    """The files chosen in `field` (one, or several where the input takes them)."""
    return [
        readable(Upload(chosen.filename, chosen.file.read()))
        for chosen in form.getlist(field)
        if not isinstance(chosen, str) and chosen.filename
    ]


def sent_back(form: FormData, field: str, name: str) -> Upload:
    """A document an answer page put in its form, to download something made of it."""
    return _sent(form.get(field), form.get(name))


def all_sent_back(form: FormData, field: str, name: str) -> list[Upload]:
    """The documents an answer page put in its form under one field, with their names."""
    return [
        _sent(encoded, named)
        for encoded, named in zip(form.getlist(field), form.getlist(name), strict=True)
    ]


def _sent(encoded: object, name: object) -> Upload:
    try:
        data = base64.b64decode(str(encoded or ""), validate=True)
    except (binascii.Error, ValueError):
        raise Problem("the page sent back a document drafter cannot read: check it again") from None
    return readable(Upload(Path(str(name or "document.txt")).name, data))


def pair(form: FormData, first: str, second: str) -> tuple[Upload, Upload]:
    """Two files chosen on a form, or sent back by its answer page."""
    if form.get(f"document_{first}"):
        return (
            sent_back(form, f"document_{first}", f"name_{first}"),
            sent_back(form, f"document_{second}", f"name_{second}"),
        )
    return upload_in(form, first), upload_in(form, second)


def wanted_download(form: FormData, offered: tuple[str, ...]) -> str:
    """The download a button asked for ("" for the page)."""
    wanted = str(form.get("download") or "")
    if wanted and wanted not in offered:
        raise Problem("choose a download among those offered")
    return wanted


def readable(upload: Upload) -> Upload:
    if upload.suffix not in FORMATS:
        raise Problem(f"{upload.name}: drafter reads .txt, .md, .pdf and .docx files")
    return upload


def session_in(form: FormData) -> int | None:
    """The session the next draft is for, when the page names one (else the next one)."""
    written = str(form.get("session") or "").strip()
    if not written:
        return None
    if not written.isdigit() or not 1 <= int(written) <= 200:
        raise Problem("the session is a number, such as 81")
    return int(written)


# What `drafter new --set KEY=VALUE` fills, as the next-year page asks for it.
KNOWN = {
    "number": "Its number, if known (212)",
    "adopted_on": "Adopted on, or expected (17 December 2025)",
    "issued_on": "Issued on",
    "meeting": "Plenary meeting (52)",
    "agenda_item": "Agenda item (22 (b))",
}


def known_in(form: FormData) -> dict[str, str]:
    """What the user already knows of the next text, as `--set` values: those filled in."""
    values = {key: str(form.get(key) or "").strip() for key in KNOWN}
    return {key: value for key, value in values.items() if value}


def choices_in(form: FormData) -> tuple[str, str]:
    language, profile = str(form.get("language") or "auto"), str(form.get("profile") or "auto")
    if language not in LANGUAGES or profile not in PROFILES:
        raise Problem("choose a language and a profile among those offered")
    return language, profile


@contextmanager
def as_files(*uploads: Upload) -> Iterator[list[Path]]:
    """The uploads as files of a temporary folder, deleted when done, whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="drafter-serve-"))
    try:
        paths = []
        for number, upload in enumerate(uploads):
            path = folder / f"{number}{upload.suffix}"  # never a name from the request
            path.write_bytes(upload.data)
            paths.append(path)
        yield paths
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def named_in(message: str, *files: tuple[Path, Upload]) -> str:
    """A message of the command line's, the temporary files named as the user named them (by
    their paths, then by their names alone: "amendment 2 of 1.txt")."""
    for path, upload in files:
        message = message.replace(str(path), upload.name)
    for path, upload in files:  # a name alone, not inside another ("draft1.txt")
        alone = re.compile(rf"(?<![\w./-]){re.escape(path.name)}(?![\w.-])")
        message = alone.sub(upload.name.replace("\\", "\\\\"), message)
    return message


def download_name(name: str, what: str, suffix: str | None) -> str:
    """The name of a download made from the file `name`: "draft.fixed.docx"."""
    path = Path(name)
    return f"{path.stem}.{what}{suffix or path.suffix}"


def download(data: bytes, name: str) -> Response:
    media = _MEDIA_TYPES.get(Path(name).suffix, "text/plain; charset=utf-8")
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace('"', "'")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})
