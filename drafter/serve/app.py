"""The web application of `drafter serve`: its routes, and what every request must pass (its
host and origin, the size of its uploads, the time it takes) before a page answers it.

Every page calls what the command line calls (drafter.serve.pages). The server keeps no file:
an upload is written to a temporary folder, read and deleted before the answer goes; a page
that offers a download carries its documents in the form that asks for it, so nothing waits
on the server between two requests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from drafter.config import PROFILES
from drafter.serve import pages
from drafter.serve.forms import KNOWN, LANGUAGES, Problem
from drafter.serve.render import page, problem_page

DEFAULT_LIMIT_MB = 20
TIMEOUT_SECONDS = 60  # a request that runs longer is cut (the readers have their own limits)
MAX_FILES = 12  # in one form: a draft and its amendment documents
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")


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
                return problem_page(str(problem), problem.status)
            except TimeoutError:
                return problem_page(f"the request took more than {TIMEOUT_SECONDS} s; stopped", 503)

        return endpoint

    async def home(request: Request) -> Response:
        return page("check.html.j2", limit_mb=limit_mb, languages=LANGUAGES, profiles=PROFILES)

    def form_page(template: str, **values: Any) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            return page(template, limit_mb=limit_mb, **values)

        return endpoint

    async def rule(request: Request) -> Response:
        from drafter.rules import REGISTRY

        code = request.path_params["code"].upper()
        found = REGISTRY.get(code)
        if found is None:
            return problem_page(f"no rule {code}", 404)
        return page("rule.html.j2", rule=found, explanation=found.explanation())

    return Starlette(
        routes=[
            Route("/", home),
            Route("/check", answered(pages.check), methods=["POST"]),
            Route("/fix", answered(pages.fix), methods=["POST"]),
            Route("/compare", form_page("compare.html.j2")),
            Route("/compare", answered(pages.compare_versions), methods=["POST"]),
            Route("/new", form_page("new.html.j2", fields=KNOWN)),
            Route("/new", answered(pages.next_year), methods=["POST"]),
            Route("/amend", form_page("amend.html.j2")),
            Route("/amend", answered(pages.amend), methods=["POST"]),
            Route("/apply", form_page("apply.html.j2")),
            Route("/apply", answered(pages.apply), methods=["POST"]),
            Route("/precedents", form_page("precedents.html.j2")),
            Route("/precedents", answered(partial(pages.precedents, corpus)), methods=["POST"]),
            Route("/rules/{code}", rule),
        ]
    )


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
