"""The options of `lint`, `parse`, `rules`, `new` and the other commands a script runs, read
without Typer.

These commands run on every commit (pre-commit, CI), always with options; Typer's import
(click, and pydantic through it) costs twice what a lint does. So a well-formed call of
these commands is read here, from a table of their options, into the same keyword
arguments the Typer commands of drafter.cli receive. Anything this reader does not know how
to take (--help, a misspelt option, a value out of its choices) is left to Typer, which
says what is wrong: this module never writes a usage error of its own. A test checks that
the table declares exactly the options the Typer commands do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    """One option: the parameter it fills, its names, and what it takes."""

    parameter: str
    names: tuple[str, ...]
    # "value" (str), "number" (int), "list" (repeatable), "pairs" (repeatable KEY=VALUE),
    # "flag" (bool)
    takes: str = "value"
    off: tuple[str, ...] = ()  # names that set a flag to False: --no-fix
    choices: tuple[str, ...] = ()
    default: Any = None


def _flag(parameter: str, *names: str, off: bool = True) -> Option:
    """A flag as Typer makes it: `--fix` also has `--no-fix`, unless its names are given."""
    name = "--" + parameter.replace("_", "-")
    return Option(
        parameter,
        names or (name,),
        "flag",
        () if names or not off else (f"--no-{name[2:]}",),
        default=False,
    )


LINT_FORMATS = ("text", "json", "sarif", "github")
# As drafter.config has them (a test checks): importing it here would cost every start-up.
PROFILES = ("auto", "adopted", "draft", "extract")
PARSE_FORMATS = ("json", "text")
DIFF_FORMATS = ("text", "markdown", "json", "html", "docx")
AMEND_FORMATS = ("text", "json", "docx")
REVISIONS = ("accepted", "rejected")  # a Word document's tracked changes, read so

COMMANDS: dict[str, tuple[Option, ...]] = {
    "lint": (
        Option("output_format", ("--format", "-f"), choices=LINT_FORMATS, default="text"),
        Option("select", ("--select",), "list"),
        Option("ignore", ("--ignore",), "list"),
        Option("extend_select", ("--extend-select",), "list"),
        _flag("fix"),
        _flag("unsafe_fixes"),
        _flag("diff"),
        Option("profile", ("--profile",), choices=PROFILES),
        Option("language", ("--language",)),
        _flag("statistics"),
        _flag("strict"),
        Option("jobs", ("--jobs", "-j"), "number"),
        _flag("quiet", "--quiet", "-q"),
        _flag("verbose", "--verbose", "-v"),
        Option("language_check", ("--language-check",), "flag", ("--no-language-check",)),
        Option("language_server", ("--language-server",)),
        _flag("fix_language"),
        _flag("no_cache", "--no-cache"),
        Option("revisions", ("--revisions",), choices=REVISIONS),
    ),
    "parse": (
        Option("output_format", ("--format", "-f"), choices=PARSE_FORMATS, default="json"),
        Option("language", ("--language",), default="auto"),
        Option("revisions", ("--revisions",), choices=REVISIONS, default="accepted"),
    ),
    "text": (Option("revisions", ("--revisions",), choices=REVISIONS, default="accepted"),),
    "rules": (Option("output_format", ("--format", "-f"), choices=PARSE_FORMATS, default="text"),),
    "diff": (
        Option("output_format", ("--format", "-f"), choices=DIFF_FORMATS, default="text"),
        Option("output", ("--output", "-o")),
        _flag("force"),
        Option("language", ("--language",), default="auto"),
        Option("revisions", ("--revisions",), choices=REVISIONS, default="accepted"),
        Option("corpus", ("--corpus",)),
    ),
    "new": (
        Option("output", ("--output", "-o")),
        Option("session", ("--session",), "number"),
        Option("values", ("--set",), "pairs"),
        Option("template", ("--template",)),
        _flag("force"),
        Option("language", ("--language",), default="auto"),
        _flag("quiet", "--quiet", "-q"),
        Option("revisions", ("--revisions",), choices=REVISIONS, default="accepted"),
    ),
    "amend": (
        Option("sponsors", ("--by",)),
        Option("output_format", ("--format", "-f"), choices=AMEND_FORMATS, default="text"),
        Option("output", ("--output", "-o")),
        _flag("force"),
        Option("language", ("--language",), default="auto"),
    ),
    "apply": (
        Option("only", ("--only",)),
        Option("output", ("--output", "-o")),
        _flag("force"),
        Option("language", ("--language",), default="auto"),
    ),
}
# The positional arguments: their names, and how many are given: "list" (any number, in the
# first name), "required" (as many as there are names), "optional" (at most as many) or
# "then_list" (the first name one, the second all the others, at least one).
POSITIONAL = {
    "lint": (("paths",), "list"),
    "parse": (("path",), "required"),
    "text": (("path",), "required"),
    "rules": (("code",), "optional"),
    "diff": (("old_path", "new_path"), "required"),
    "new": (("previous",), "required"),
    "amend": (("old_path", "new_path"), "required"),
    "apply": (("draft_path", "amendment_paths"), "then_list"),
}


def read(command: str, args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of `command` for `args`, or None when Typer should read them."""
    options = COMMANDS.get(command)
    if options is None:
        return None
    by_name = {name: option for option in options for name in (*option.names, *option.off)}
    values: dict[str, Any] = {option.parameter: option.default for option in options}
    positional: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            positional.extend(words)
            break
        if word == "-" or not word.startswith("-"):
            positional.append(word)
            continue
        name, equals, attached = word.partition("=")
        option = by_name.get(name)
        if option is None:
            return None  # an option of Typer's own (--help), or a mistake it will name
        if option.takes == "flag":
            if equals:
                return None
            values[option.parameter] = name not in option.off
            continue
        value = attached if equals else next(words, None)
        if value is None or not _fits(option, value):
            return None
        if option.takes in ("list", "pairs"):
            values[option.parameter] = [*(values[option.parameter] or []), value]
        else:
            values[option.parameter] = int(value) if option.takes == "number" else value
    return _with_positional(command, values, positional)


def _fits(option: Option, value: str) -> bool:
    if option.choices:
        return value in option.choices
    if option.takes == "number":
        return value.isdigit() and int(value) >= 1
    if option.takes == "pairs":
        return is_pair(value)
    return True


def is_pair(value: str) -> bool:
    """Whether `value` is KEY=VALUE (the value may be empty, the key not)."""
    key, equals, _ = value.partition("=")
    return bool(equals and key.strip())


def _with_positional(
    command: str, values: dict[str, Any], positional: list[str]
) -> dict[str, Any] | None:
    names, count = POSITIONAL[command]
    if count == "list":
        values[names[0]] = positional or None
        return values
    if count == "then_list":
        if len(positional) < len(names):
            return None
        values[names[0]], values[names[1]] = positional[0], positional[1:]
        return values
    if len(positional) > len(names) or (count == "required" and len(positional) < len(names)):
        return None  # Typer says what is missing or extra
    values.update(zip(names, [*positional, *[None] * (len(names) - len(positional))], strict=True))
    return values


def selectors(values: list[str] | None) -> tuple[str, ...] | None:
    """Rule codes given as `--select P,V --select Y001`: upper case, commas split."""
    if values is None:
        return None
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )
