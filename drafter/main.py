"""The `drafter` console script.

The commonest calls — `drafter lint FILE…` as a pre-commit hook makes it on every commit, and
`drafter parse FILE` — run without building the Typer app: Typer checks every option through
pydantic, whose import alone costs more than parsing a resolution. Any other call, any option
included, goes through Typer (drafter.cli), which gives both forms the same defaults.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from drafter.commands import EXIT_FAILURE, error


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    sys.exit(guarded(lambda: _run(args)))


def _run(args: list[str]) -> int:
    command, operands = (args[0], args[1:]) if args else ("", [])
    plain = bool(operands) and all(arg == "-" or not arg.startswith("-") for arg in operands)
    if command == "lint" and plain:
        from drafter.commands import lint

        return lint.run(lint.LintOptions(paths=operands, color=lint.color_wanted()))
    if command == "parse" and plain and len(operands) == 1:
        from drafter.commands import parse

        return parse.run(operands[0])
    from drafter.cli import app

    return app(args, prog_name="drafter", standalone_mode=True) or 0


def guarded(command: Callable[[], int]) -> int:
    """Run a command; a bug of drafter's own gives one line, not a traceback."""
    try:
        return command()
    except BrokenPipeError:
        # The reader went away (`drafter parse … | head`): stop quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return error("interrupted")
    except Exception as bug:
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return error(
            f"internal error: {type(bug).__name__}: {bug} "
            "(run with DRAFTER_DEBUG=1 for details, and please report it)"
        )
