"""The web application: the check page, its result, the rules' explanations."""

from __future__ import annotations

import asyncio
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from drafter import package_data

DEFAULT_LIMIT_MB = 20
TIMEOUT_SECONDS = 60  # a check that runs longer is cut (the readers have their own limits)
READ = (".txt", ".md", ".pdf", ".docx")
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
LANGUAGES = ("auto", "en", "fr")  # as `drafter lint --language` takes them
PROFILES = ("auto", "draft", "adopted", "extract")  # as `--profile`
LANGUAGE_NAMES = {"en": "English", "fr": "French"}


def create_app(limit_mb: int = DEFAULT_LIMIT_MB, host: str = "127.0.0.1") -> Starlette:
    """The application; uploads of more than `limit_mb` are refused."""
    limit = limit_mb * 1024 * 1024

    async def home(request: Request) -> Response:
        return _page("check.html.j2", limit_mb=limit_mb, languages=LANGUAGES, profiles=PROFILES)

    async def check(request: Request) -> Response:
        refused = _refused(request, host)
        if refused is not None:
            return refused
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit + 64 * 1024:
            return _problem(f"the file is larger than {limit_mb} MB, which is the limit", 413)
        try:
            form = await request.form(max_files=1, max_fields=4, max_part_size=limit)
        except Exception:  # python-multipart's errors: a part too large, a malformed body
            return _problem(f"the upload could not be read (at most {limit_mb} MB)", 400)
        upload, pasted = form.get("file"), str(form.get("text") or "")
        language, profile = str(form.get("language") or "auto"), str(form.get("profile") or "auto")
        if language not in LANGUAGES or profile not in PROFILES:
            return _problem("choose a language and a profile among those offered", 400)
        if upload is not None and not isinstance(upload, str) and upload.filename:
            name, data = upload.filename, await upload.read()
        elif pasted.strip():
            name, data = "pasted.txt", pasted.encode("utf-8")
        else:
            return _problem("choose a file, or paste a text", 400)
        suffix = Path(name).suffix.lower()
        if suffix not in READ:
            return _problem(f"{name}: drafter reads .txt, .md, .pdf and .docx files", 400)
        try:
            result = await asyncio.wait_for(
                run_in_threadpool(_lint, data, suffix, language, profile),
                timeout=TIMEOUT_SECONDS,
            )
        except TimeoutError:
            return _problem(f"{name}: the check took more than {TIMEOUT_SECONDS} s; stopped", 503)
        return _page("result.html.j2", name=name, **result)

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
            Route("/check", check, methods=["POST"]),
            Route("/rules/{code}", rule),
        ]
    )


def _refused(request: Request, host: str) -> Response | None:
    """A request for another host name (a page on the internet whose name resolves here), or
    a form posted by a page of another origin, is refused."""
    name = request.headers.get("host", "")
    hostname = urlsplit(f"//{name}").hostname or ""
    allowed = {host, *LOCAL_NAMES} - {"0.0.0.0", "::"}
    if hostname not in {h.strip("[]") for h in allowed}:
        return _problem("this server answers its own address only", 400)
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != name:
        return _problem("a page of another site may not send a draft here", 403)
    return None


def _lint(data: bytes, suffix: str, language: str, profile: str) -> dict[str, Any]:
    """Lint an upload as the command line does, from a temporary file deleted afterwards."""
    from drafter.config import Settings
    from drafter.lint import lint_file

    folder = tempfile.mkdtemp(prefix="drafter-serve-")
    path = Path(folder) / f"upload{suffix}"
    try:
        path.write_bytes(data)
        result = lint_file(str(path), Settings(language=language, profile=profile))
        text = result.source.text if result.source else ""
    finally:
        path.unlink(missing_ok=True)
        os.rmdir(folder)
    if result.error:
        return {"error": result.error, "lines": [], "findings": [], "read_as": None}
    resolution = result.resolution
    read_as = None
    if resolution is not None:
        chosen = resolution.profile if profile == "auto" else profile
        read_as = (LANGUAGE_NAMES.get(resolution.language, resolution.language), chosen)
    by_line: dict[int, list[Any]] = {}
    for finding in result.findings:
        by_line.setdefault(finding.span.line, []).append(finding)
    lines = [
        (number, line, by_line.get(number, []))
        for number, line in enumerate(text.split("\n"), start=1)
    ]
    return {"error": None, "lines": lines, "findings": result.findings, "read_as": read_as}


def _page(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_templates().get_template(template).render(**values), status_code=status)


def _problem(message: str, status: int) -> HTMLResponse:
    return _page("problem.html.j2", status=status, message=message)


@cache
def _templates() -> Any:
    from jinja2 import Environment, FileSystemLoader

    folder = package_data.folder("drafter.templates") / "serve"
    return Environment(loader=FileSystemLoader(folder), autoescape=True)
