"""The web application: check a draft (and download it with its safe fixes), compare two
versions (and download the summary table or the redline), the rules' explanations.

Every page calls what the command line calls: `lint_file`, `compare`, the diff's formats and
its redline. The server keeps no file: an upload is written to a temporary folder, read and
deleted before the answer goes; a page that offers a download carries its documents in the
form that asks for it, so nothing waits on the server between two requests.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from drafter import package_data
from drafter.model import PLACEHOLDER

DEFAULT_LIMIT_MB = 20
TIMEOUT_SECONDS = 60  # a request that runs longer is cut (the readers have their own limits)
READ = (".txt", ".md", ".pdf", ".docx")
MAX_FILES = 12  # in one form: a draft and its amendment documents
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
LANGUAGES = ("auto", "en", "fr")  # as `drafter lint --language` takes them
PROFILES = ("auto", "draft", "adopted", "extract")  # as `--profile`
LANGUAGE_NAMES = {"en": "English", "fr": "French"}
DOWNLOADS = {  # what the comparison and next-year pages offer: (suffix, media type)
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


def create_app(
    limit_mb: int = DEFAULT_LIMIT_MB, host: str = "127.0.0.1", corpus: str | None = None
) -> Starlette:
    """The application; uploads of more than `limit_mb` are refused. Precedents are looked
    for in `corpus` (else where `drafter precedents` looks: the configuration's, the user's)."""
    limit = limit_mb * 1024 * 1024

    def answered(handler: Callable[[FormData], Any]) -> Callable[[Request], Any]:
        """A POST: the host and origin checked, the form read within the limit, `handler`
        run in a thread within the time limit; a Problem becomes its page."""

        async def endpoint(request: Request) -> Response:
            try:
                _check_origin(request, host)
                form = await _form(request, limit, limit_mb)
                try:
                    return await asyncio.wait_for(
                        run_in_threadpool(handler, form), timeout=TIMEOUT_SECONDS
                    )
                finally:
                    await form.close()  # an upload's spooled file goes now
            except Problem as problem:
                return _problem(str(problem), problem.status)
            except TimeoutError:
                return _problem(f"the request took more than {TIMEOUT_SECONDS} s; stopped", 503)

        return endpoint

    async def home(request: Request) -> Response:
        return _page("check.html.j2", limit_mb=limit_mb, languages=LANGUAGES, profiles=PROFILES)

    def form_page(template: str) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            return _page(template, limit_mb=limit_mb)

        return endpoint

    async def rule(request: Request) -> Response:
        from drafter.rules import REGISTRY

        code = request.path_params["code"].upper()
        found = REGISTRY.get(code)
        if found is None:
            return _problem(f"no rule {code}", 404)
        return _page("rule.html.j2", rule=found, explanation=found.explanation())

    return Starlette(
        routes=[
            Route("/", home),
            Route("/check", answered(_check), methods=["POST"]),
            Route("/fix", answered(_fix), methods=["POST"]),
            Route("/compare", form_page("compare.html.j2")),
            Route("/compare", answered(_compare), methods=["POST"]),
            Route("/new", form_page("new.html.j2")),
            Route("/new", answered(_new), methods=["POST"]),
            Route("/amend", form_page("amend.html.j2")),
            Route("/amend", answered(_amend), methods=["POST"]),
            Route("/apply", form_page("apply.html.j2")),
            Route("/apply", answered(_apply), methods=["POST"]),
            Route("/precedents", form_page("precedents.html.j2")),
            Route("/precedents", answered(partial(_precedents, corpus)), methods=["POST"]),
            Route("/rules/{code}", rule),
        ]
    )


# -- the pages ---------------------------------------------------------------------------------
def _check(form: FormData) -> Response:
    upload = _upload(form, "file", pasted="text")
    language, profile = _choices(form)
    result, text = _linted(upload, language, profile, fix=False)
    if result.error:
        return _page("result.html.j2", name=upload.name, error=result.error)
    fixable = sum(1 for f in result.findings if f.fix is not None and f.fix.safe)
    return _page(
        "result.html.j2",
        name=upload.name,
        error=None,
        lines=_lines(text, result.findings),
        findings=result.findings,
        read_as=_read_as(result.resolution, profile),
        fixable=fixable,
        explanations=_explanations(result.findings),
        upload=upload,
        language=language,
        profile=profile,
    )


def _fix(form: FormData) -> Response:
    """The file with its safe fixes, as `drafter lint --fix` writes it; a Word document with
    them as tracked changes, a PDF's text as drafter's text form."""
    from drafter.writers.fixed import fixed_file

    upload = _sent_back(form, "document", "name")
    language, profile = _choices(form)
    result, _ = _linted(upload, language, profile, fix=True)
    if result.error:
        raise Problem(f"{upload.name}: {result.error}")
    if not result.changed:
        raise Problem(f"{upload.name}: there is nothing drafter can fix safely")
    fixed = fixed_file(result)
    return _download(fixed.data, _named(upload.name, "fixed", fixed.suffix))


def _compare(form: FormData) -> Response:
    """Both versions side by side, as `drafter diff --format html` shows them; or, asked for
    with `download`, the summary table (Markdown) or the redline (Word) of `drafter diff`."""
    from drafter.diff.compare import CannotCompare, compare
    from drafter.diff.redline import CannotRedline

    old, new = _pair(form, "old", "new")
    wanted = _wanted(form, ("markdown", "docx"))
    with _files(old, new) as (old_path, new_path):
        (old_source, old_model), (_, new_model) = (
            _resolution(old, old_path),
            _resolution(new, new_path),
        )
        try:
            comparison = compare(old_model, new_model)
            if wanted == "docx":
                from drafter.commands.diff import redline_document

                data = redline_document(comparison, old_source, str(old_path))
            elif wanted == "markdown":
                from drafter.diff.formats import to_markdown

                data = to_markdown(comparison, old.name, new.name).encode("utf-8") + b"\n"
            else:
                from drafter.diff.html import STYLE, side_by_side

                table = side_by_side(comparison, old.name, new.name)
                return _page("compared.html.j2", old=old, new=new, table=table, style=STYLE)
        except (CannotCompare, CannotRedline) as problem:
            raise Problem(str(problem)) from None
    suffix = DOWNLOADS[wanted][0]
    return _download(data, _named(new.name, "redline" if wanted == "docx" else "changes", suffix))


def _new(form: FormData) -> Response:
    """Next session's draft, as `drafter new` makes it: the page with its placeholders marked,
    or, asked for with `download`, the text or the Word document with every change tracked."""
    from drafter.commands.new import next_draft, word_document

    if form.get("document"):
        previous = _sent_back(form, "document", "name")
    else:
        previous = _upload(form, "previous")
    session = _session(form)
    wanted = _wanted(form, ("text", "docx"))
    with _files(previous) as [path]:
        made = next_draft(str(path), session=session)
        if isinstance(made, str):
            raise Problem(_named_in(made, (path, previous)))
        if wanted == "docx":
            data = word_document(made)
    if not wanted:
        return _page(
            "drafted.html.j2",
            previous=previous,
            session=session or "",
            summary=made.planned.summary,
            lines=[_placeholders(line) for line in made.text.split("\n")],
            placeholders=sum(len(PLACEHOLDER.findall(line)) for line in made.text.split("\n")),
        )
    if wanted == "text":
        data = made.text.encode("utf-8")
    return _download(data, _named(previous.name, "next", DOWNLOADS[wanted][0]))


def _amend(form: FormData) -> Response:
    """The amendments that turn the draft into the text wanted, in the UN's form, as `drafter
    amend` writes them: on the page, or downloaded as text or as a Word document."""
    from drafter.amendments.write import document_text
    from drafter.commands.amend import amendments_between

    old, new = _pair(form, "old", "new")
    sponsors = str(form.get("sponsors") or "").strip() or None
    wanted = _wanted(form, ("text", "docx"))
    with _files(old, new) as (old_path, new_path):
        written = amendments_between(str(old_path), str(new_path), sponsors)
    if isinstance(written, str):
        raise Problem(_named_in(written, (old_path, old), (new_path, new)))
    text = document_text(written.document)
    if wanted == "docx":
        from drafter.writers.amendment_word import amendment_docx

        return _download(amendment_docx(text), _named(new.name, "amendments", ".docx"))
    if wanted == "text":
        return _download(text.encode("utf-8"), _named(new.name, "amendments", ".txt"))
    return _page(
        "amended.html.j2",
        old=old,
        new=new,
        sponsors=sponsors or "",
        text=text,
        count=len(written.document.amendments),
        left_out=written.left_out,
    )


def _apply(form: FormData) -> Response:
    """The draft with the amendments carried out, as `drafter apply` does: both side by side
    on the page, or the amended text, or the draft with the changes tracked (Word)."""
    from drafter.commands.amend import amended_draft, tracked_amendments

    if form.get("document_draft"):
        draft = _sent_back(form, "document_draft", "name_draft")
        amendments = [
            _readable(Upload(Path(str(name)).name, _decoded(str(encoded))))
            for encoded, name in zip(
                form.getlist("document_amendment"), form.getlist("name_amendment"), strict=True
            )
        ]
    else:
        draft = _upload(form, "draft")
        amendments = [
            _readable(Upload(chosen.filename, chosen.file.read()))
            for chosen in form.getlist("amendments")
            if not isinstance(chosen, str) and chosen.filename
        ]
    if not amendments:
        raise Problem("choose the draft and at least one amendment document")
    wanted = _wanted(form, ("text", "docx"))
    with _files(draft, *amendments) as [draft_path, *paths]:
        amended = amended_draft(str(draft_path), [str(path) for path in paths])
        named = [(draft_path, draft), *zip(paths, amendments, strict=True)]
        if isinstance(amended, str):
            raise Problem(_named_in(amended, *named))
        if wanted == "docx":
            tracked = tracked_amendments(amended, str(draft_path))
            if isinstance(tracked, str):
                raise Problem(_named_in(tracked, *named))
            return _download(tracked, _named(draft.name, "amended", ".docx"))
    if wanted == "text":
        return _download(amended.text.encode("utf-8"), _named(draft.name, "amended", ".txt"))
    from drafter.diff.compare import compare
    from drafter.diff.html import STYLE, side_by_side
    from drafter.parser import parse_text

    result = parse_text(amended.text, amended.draft.language)
    table = side_by_side(compare(amended.draft, result), draft.name, "amended")
    return _page("applied.html.j2", draft=draft, amendments=amendments, table=table, style=STYLE)


def _precedents(corpus: str | None, form: FormData) -> Response:
    """Where each paragraph of the draft was adopted before, as `drafter precedents` says."""
    from drafter.commands.corpus import precedents_of
    from drafter.corpus.precedents import summary
    from drafter.corpus.report import STYLE, precedents_table

    draft = _upload(form, "draft")
    with _files(draft) as [path]:
        found = precedents_of(str(path), corpus)
    if isinstance(found, str):
        raise Problem(_named_in(found, (path, draft)))
    judged, _ = found
    table = precedents_table(judged, summary(judged))
    return _page("precedented.html.j2", draft=draft, table=table, style=STYLE)


# -- what the pages share -----------------------------------------------------------------------
def _check_origin(request: Request, host: str) -> None:
    """A request for another host name (a page on the internet whose name resolves here), or
    a form posted by a page of another origin, is refused."""
    name = request.headers.get("host", "")
    hostname = urlsplit(f"//{name}").hostname or ""
    allowed = {host, *LOCAL_NAMES} - {"0.0.0.0", "::"}
    if hostname not in {h.strip("[]") for h in allowed}:
        raise Problem("this server answers its own address only")
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != name:
        raise Problem("a page of another site may not send a draft here", 403)


async def _form(request: Request, limit: int, limit_mb: int) -> FormData:
    # Each file within the limit, and all of them together within three times it: two
    # documents may come back in base64, a third longer.
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > 3 * limit + 64 * 1024:
        raise Problem(f"the file is larger than {limit_mb} MB, which is the limit", 413)
    try:
        form = await request.form(
            max_files=MAX_FILES, max_fields=2 * MAX_FILES + 8, max_part_size=limit * 4 // 3 + 4
        )
    except Exception:  # python-multipart's errors: a part too large, a malformed body
        raise Problem(f"the upload could not be read (at most {limit_mb} MB)") from None
    if any((getattr(value, "size", 0) or 0) > limit for value in form.values()):
        await form.close()
        raise Problem(f"the file is larger than {limit_mb} MB, which is the limit", 413)
    return form


def _upload(form: FormData, field: str, pasted: str | None = None) -> Upload:
    """The file chosen in `field`, else the text pasted in `pasted`."""
    chosen = form.get(field)
    text = str(form.get(pasted) or "") if pasted else ""
    if chosen is not None and not isinstance(chosen, str) and chosen.filename:
        upload = Upload(chosen.filename, chosen.file.read())
    elif text.strip():
        upload = Upload("pasted.txt", text.encode("utf-8"))
    else:
        raise Problem("choose a file, or paste a text" if pasted else "choose both files")
    return _readable(upload)


def _sent_back(form: FormData, field: str, name: str) -> Upload:
    """A document an answer page put in its form, to download something made of it."""
    data = _decoded(str(form.get(field) or ""))
    return _readable(Upload(Path(str(form.get(name) or "document.txt")).name, data))


def _decoded(encoded: str) -> bytes:
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise Problem("the page sent back a document drafter cannot read: check it again") from None


def _pair(form: FormData, first: str, second: str) -> tuple[Upload, Upload]:
    """Two files chosen on a form, or sent back by its answer page."""
    if form.get(f"document_{first}"):
        return (
            _sent_back(form, f"document_{first}", f"name_{first}"),
            _sent_back(form, f"document_{second}", f"name_{second}"),
        )
    return _upload(form, first), _upload(form, second)


def _wanted(form: FormData, offered: tuple[str, ...]) -> str:
    """The download a button asked for ("" for the page)."""
    wanted = str(form.get("download") or "")
    if wanted and wanted not in offered:
        raise Problem("choose a download among those offered")
    return wanted


def _named_in(message: str, *files: tuple[Path, Upload]) -> str:
    """A message of the command line's, the temporary files named as the user named them."""
    for path, upload in files:
        message = message.replace(str(path), upload.name)
    return message


def _readable(upload: Upload) -> Upload:
    if upload.suffix not in READ:
        raise Problem(f"{upload.name}: drafter reads .txt, .md, .pdf and .docx files")
    return upload


def _session(form: FormData) -> int | None:
    """The session the next draft is for, when the page names one (else the next one)."""
    written = str(form.get("session") or "").strip()
    if not written:
        return None
    if not written.isdigit() or not 1 <= int(written) <= 200:
        raise Problem("the session is a number, such as 81")
    return int(written)


def _placeholders(line: str) -> list[tuple[str, bool]]:
    """A line in pieces, each a placeholder left to fill or not, for the page to mark."""
    pieces, done = [], 0
    for match in PLACEHOLDER.finditer(line):
        pieces += [(line[done : match.start()], False), (match.group(), True)]
        done = match.end()
    return [*pieces, (line[done:], False)]


def _choices(form: FormData) -> tuple[str, str]:
    language, profile = str(form.get("language") or "auto"), str(form.get("profile") or "auto")
    if language not in LANGUAGES or profile not in PROFILES:
        raise Problem("choose a language and a profile among those offered")
    return language, profile


@contextmanager
def _files(*uploads: Upload) -> Iterator[list[Path]]:
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


def _linted(upload: Upload, language: str, profile: str, *, fix: bool) -> tuple[Any, str]:
    """`lint_file`'s result for the upload, and the text it read."""
    from drafter.config import Settings
    from drafter.lint import lint_file

    with _files(upload) as [path]:
        result = lint_file(str(path), Settings(language=language, profile=profile), fix=fix)
    return result, result.source.text if result.source else ""


def _resolution(upload: Upload, path: Path) -> tuple[Any, Any]:
    from drafter.commands import read_resolution

    read = read_resolution(str(path))
    if isinstance(read, str):
        raise Problem(f"{upload.name}: {read}")
    return read


def _read_as(resolution: Any, profile: str) -> tuple[str, str] | None:
    """The language the text was read in and the profile it was checked for, for the page."""
    if resolution is None:
        return None
    chosen = resolution.profile if profile == "auto" else profile
    return LANGUAGE_NAMES.get(resolution.language, resolution.language), chosen


def _explanations(findings: list[Any]) -> dict[str, str]:
    """What `drafter rules CODE` prints, for each rule with a finding: shown on a click."""
    from drafter.rules import REGISTRY

    return {
        code: REGISTRY[code].explanation() if code in REGISTRY else ""
        for code in {finding.code for finding in findings}
    }


def _lines(text: str, findings: list[Any]) -> list[tuple[int, str, list[Any]]]:
    """Each line of the text with its number and the findings that begin on it."""
    by_line: dict[int, list[Any]] = {}
    for finding in findings:
        by_line.setdefault(finding.span.line, []).append(finding)
    return [
        (number, line, by_line.get(number, []))
        for number, line in enumerate(text.split("\n"), start=1)
    ]


def _named(name: str, what: str, suffix: str | None) -> str:
    """The name of a download made from the file `name`: "draft.fixed.docx"."""
    path = Path(name)
    return f"{path.stem}.{what}{suffix or path.suffix}"


def _download(data: bytes, name: str) -> Response:
    media = _MEDIA_TYPES.get(Path(name).suffix, "text/plain; charset=utf-8")
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace('"', "'")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})


def _page(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_templates().get_template(template).render(**values), status_code=status)


def _problem(message: str, status: int) -> HTMLResponse:
    return _page("problem.html.j2", status=status, message=message)


@cache
def _templates() -> Any:
    from jinja2 import Environment, FileSystemLoader

    folder = package_data.folder("drafter.templates") / "serve"
    return Environment(loader=FileSystemLoader(folder), autoescape=True)
