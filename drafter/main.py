"""The `drafter` console script.

The calls that run on every commit — `drafter lint`, `parse` and `rules`, with their options —
and those a script runs (`new`, `diff`, `text`, `amend`, `apply`) are read by
drafter.arguments and run without building the Typer app: Typer's import costs more than
linting a resolution. Any other call (--help, `corpus`, `serve`, a mistake to explain) goes
through Typer (drafter.cli), which gives both forms the same defaults.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from drafter import arguments
from drafter.commands import EXIT_FAILURE, error


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    sys.exit(guarded(lambda: _run(args)))


def _closed_streams() -> list[str]:
    """The output streams the caller closed (`drafter lint f >&-`); each is replaced by one
    that discards, so that drafter can still say what is wrong. (A closed standard input is
    the reader's to report, when `-` is read.)"""
    closed = []
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 - lives as long as we do
            closed.append(name)
    return closed


def _run(args: list[str]) -> int:
    command, operands = (args[0], args[1:]) if args else ("", [])
    values = arguments.read(command, operands)
    if values is not None:
        return _COMMANDS[command](values)
    from drafter.cli import app

    return app(args, prog_name="drafter", standalone_mode=True) or 0


def _lint(values: dict[str, Any]) -> int:
    from drafter.commands import lint

    return lint.command(**values)


def _parse(values: dict[str, Any]) -> int:
    from drafter.commands import parse

    return parse.run(
        values["path"], values["output_format"], values["language"], values["revisions"]
    )


def _text(values: dict[str, Any]) -> int:
    from drafter.commands import text

    return text.run(values["path"], values["revisions"])


def _rules(values: dict[str, Any]) -> int:
    from drafter.commands import rules

    return rules.run(values["code"], values["output_format"])


def _diff(values: dict[str, Any]) -> int:
    from drafter.commands import diff

    return diff.run(**values)


def _new(values: dict[str, Any]) -> int:
    from drafter.commands.new import NewOptions, given_values, run

    return run(NewOptions(**{**values, "values": given_values(values["values"])}))


def _amend(values: dict[str, Any]) -> int:
    from drafter.commands.amend import run_amend

    return run_amend(**values)


def _apply(values: dict[str, Any]) -> int:
    from drafter.commands.amend import run_apply

    return run_apply(**values)


_COMMANDS: dict[str, Callable[[dict[str, Any]], int]] = {
    "amend": _amend,
    "apply": _apply,
    "diff": _diff,
    "lint": _lint,
    "new": _new,
    "parse": _parse,
    "rules": _rules,
    "text": _text,
}


def guarded(command: Callable[[], int]) -> int:
    """Run a command; a bug of drafter's own gives one line, not a traceback."""
    closed = _closed_streams()
    if "stdout" in closed:
        return error("standard output is closed: drafter would have nowhere to report")
    try:
        status = command()
        sys.stdout.flush()  # here, not at exit, where a full disk could no longer be reported
        return status
    except BrokenPipeError:
        # The reader went away (`drafter parse … | head`): stop quietly, as cat does.
        _discard_output()
        return EXIT_FAILURE
    except OSError as problem:  # the system refused: a full disk, an output gone meanwhile
        _discard_output()
        return error(f"cannot write the output: {problem.strerror or problem}")
    except KeyboardInterrupt:
        return error("interrupted")
    except Exception as bug:
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return error(
            f"internal error: {type(bug).__name__}: {bug} "
            "(run with DRAFTER_DEBUG=1 for details, and please report it)"
        )


def _discard_output() -> None:
    """What is still buffered for standard output is dropped, not written again at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
