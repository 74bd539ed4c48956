"""The pages' HTML: the project's Jinja2 templates (templates/serve/), escaped."""

from __future__ import annotations

from functools import cache
from typing import Any

from starlette.responses import HTMLResponse

from drafter import package_data


def page(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_templates().get_template(template).render(**values), status_code=status)


def problem_page(message: str, status: int) -> HTMLResponse:
    return page("problem.html.j2", status=status, message=message)


@cache
def _templates() -> Any:
    from jinja2 import Environment, FileSystemLoader

    folder = package_data.folder("drafter.templates") / "serve"
    return Environment(loader=FileSystemLoader(folder), autoescape=True)
