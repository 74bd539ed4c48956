"""Render a template of templates/ in a sandbox: a template may come from the user."""

from __future__ import annotations

from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from drafter import package_data
from drafter.cache import cache_dir, checksum, mark_used, prune
from drafter.deadline import within
from drafter.reader import read_bytes

SHARED_TEMPLATE = "resolution.txt.j2"
MAX_TEMPLATE = 1024 * 1024  # bytes: a template is a page or two
MAX_OUTPUT = 10 * 1024 * 1024  # characters of a draft: as much as drafter reads
RENDER_SECONDS = 10
_MAX_BITS = 100_000  # of a number computed by a template: some 30,000 digits


class TemplateProblem(ValueError):
    """The template is missing, malformed, or asks for something the context does not have."""


def builtin_template(language: str) -> str:
    """The template shipped for a language (templates/<language>.txt.j2), else the one every
    language shares (templates/resolution.txt.j2)."""
    for name in (f"{language}.txt.j2", SHARED_TEMPLATE):
        try:
            return package_data.read_text("drafter.templates", name)
        except FileNotFoundError:
            continue
    raise TemplateProblem(f"no template for language {language!r} (give one with --template)")


def user_template(path: str) -> str:
    try:
        data = read_bytes(Path(path), MAX_TEMPLATE)
    except OSError as error:
        raise TemplateProblem(
            f"cannot read the template {path}: {error.strerror or error}"
        ) from None
    if len(data) > MAX_TEMPLATE:
        raise TemplateProblem(f"the template {path} is larger than {MAX_TEMPLATE // 1024} KiB")
    if not data.strip():
        raise TemplateProblem(f"the template {path} is empty")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TemplateProblem(f"cannot read the template {path}: {error}") from None


def render(source: str, context: dict[str, Any]) -> str:
    """The template rendered with `context`; a template (maybe the user's) that fails, runs
    for more than RENDER_SECONDS or writes more than MAX_OUTPUT characters is a
    TemplateProblem."""
    try:
        return within(RENDER_SECONDS, lambda: _render(source, context))
    except TimeoutError:
        raise TemplateProblem(
            f"the template ran for more than {RENDER_SECONDS} s: stopped"
        ) from None


def _render(source: str, context: dict[str, Any]) -> str:
    # Jinja2 is imported here only: `drafter lint` never pays for it.
    from jinja2 import (
        FunctionLoader,
        StrictUndefined,
        TemplateError,
        TemplateNotFound,
        UndefinedError,
    )
    from jinja2.sandbox import SecurityError

    name = checksum(source)

    environment = _bounded_environment()(
        undefined=StrictUndefined,
        autoescape=False,  # plain text, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        loader=FunctionLoader(lambda asked: source if asked == name else None),
        bytecode_cache=_bytecode_cache(),
    )
    try:
        # By the source's checksum: its compiled code is kept in the cache folder (Jinja2's
        # bytecode cache), where compiling the template took as long as a lint.
        template = environment.get_template(name)
    except TemplateError as error:
        raise TemplateProblem(f"the template is not valid{_line(error)}: {error}") from None
    pieces: list[str] = []
    size = 0
    try:
        for piece in template.generate(context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise TemplateProblem(
                    f"the template writes more than {MAX_OUTPUT // 2**20} MiB: stopped"
                )
            pieces.append(piece)
    except TemplateProblem:
        raise
    except UndefinedError as error:
        raise TemplateProblem(
            f"the template asks for an unknown variable: {error.message}"
        ) from None
    except SecurityError as error:
        raise TemplateProblem(f"the template was stopped{_line(error)}: {error}") from None
    except TemplateNotFound:
        raise TemplateProblem(
            "the template includes or imports another: drafter renders one file alone"
        ) from None
    except TemplateError as error:
        raise TemplateProblem(f"the template is not valid{_line(error)}: {error}") from None
    except Exception as error:  # what a template computes can fail in any way
        raise TemplateProblem(
            f"the template failed{_line(error)}: {type(error).__name__}: {error}"
        ) from None
    return "".join(pieces)


def _bytecode_cache() -> Any:
    """Jinja2's cache of compiled templates, in drafter's cache folder (None without one).
    Each template's code is kept under the checksum of its source (Jinja2 compiles again a
    source that changed); what no run has used for a month goes, as the grammar's code does."""
    from jinja2 import FileSystemBytecodeCache

    class Kept(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            super().load_bytecode(bucket)
            if bucket.code is not None:
                with suppress(OSError):
                    mark_used(Path(self.directory) / (self.pattern % bucket.key))

        def dump_bytecode(self, bucket: Any) -> None:
            with suppress(OSError):  # a folder that cannot be written: no cache, no failure
                super().dump_bytecode(bucket)

    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / _TEMPLATES).mkdir(exist_ok=True)
    except OSError:
        return None
    prune(f"{_TEMPLATES}/*.cache")
    return Kept(str(folder / _TEMPLATES))


_TEMPLATES = "templates"  # the folder of compiled templates, in the cache folder


def _line(error: BaseException) -> str:
    """ " (line N)" of the template where `error` arose, when that is known."""
    line = getattr(error, "lineno", None)
    trace = error.__traceback__
    while trace is not None:  # Jinja2 rewrites tracebacks to show the template's lines
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return f" (line {line})" if line else ""


def _too_large(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT


@cache
def _bounded_environment() -> type:
    """Jinja2's sandbox, which also refuses what would take unbounded time or memory in one
    step: a power of thousands of digits, a string repeated past MAX_OUTPUT, a method given
    such a number ("x".center(10**9))."""
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    class Bounded(SandboxedEnvironment):
        intercepted_binops = frozenset({"**", "*"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and _huge_power(left, right):
                raise SecurityError("a power too large to compute")
            if operator == "*" and _huge_repetition(left, right):
                raise SecurityError(f"a repetition longer than {MAX_OUTPUT} characters")
            return super().call_binop(context, operator, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            if any(_too_large(value) for value in (*args, *kwargs.values())):
                raise SecurityError(f"a number larger than {MAX_OUTPUT} given to a call")
            return super().call(__context, __obj, *args, **kwargs)

    return Bounded


def _huge_power(base: Any, exponent: Any) -> bool:
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (base, exponent)):
        return False  # a float overflows at once, with an error
    return exponent > 0 and abs(base) > 1 and exponent * abs(base).bit_length() > _MAX_BITS


def _huge_repetition(left: Any, right: Any) -> bool:
    sequence, count = (left, right) if isinstance(right, int) else (right, left)
    return (
        isinstance(sequence, str | list | tuple)
        and isinstance(count, int)
        and len(sequence) * count > MAX_OUTPUT
    )
