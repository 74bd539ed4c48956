"""Render a template of templates/ in a sandbox: a template may come from the user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafter import package_data


class TemplateProblem(ValueError):
    """The template is missing, malformed, or asks for something the context does not have."""


def builtin_template(language: str) -> str:
    """The template shipped for a language (templates/<language>.txt.j2)."""
    name = f"{language}.txt.j2"
    try:
        return package_data.read_text("drafter.templates", name)
    except FileNotFoundError:
        raise TemplateProblem(
            f"no template for language {language!r} (give one with --template)"
        ) from None


def user_template(path: str) -> str:
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise TemplateProblem(f"cannot read the template {path}: {reason}") from None


def render(source: str, context: dict[str, Any]) -> str:
    # Jinja2 is imported here only: `drafter lint` never pays for it.
    from jinja2 import StrictUndefined, TemplateError, UndefinedError
    from jinja2.sandbox import SandboxedEnvironment

    environment = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,  # plain text, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    try:
        return environment.from_string(source).render(context)
    except UndefinedError as error:
        raise TemplateProblem(
            f"the template asks for an unknown variable: {error.message}"
        ) from None
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        where = f" (line {line})" if line else ""
        raise TemplateProblem(f"the template is not valid{where}: {error}") from None
