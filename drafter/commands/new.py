"""`drafter new`: next session's draft from the previous resolution, and what is left to fill."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from drafter.cache import write_atomically
from drafter.model import PLACEHOLDER
from drafter.parser import NotAResolution, parse_file
from drafter.reader import ReadError
from drafter.scaffold.render import TemplateProblem, builtin_template, render, user_template
from drafter.scaffold.updates import CannotScaffold, next_session

EXIT_CLEAN, EXIT_FAILURE = 0, 2


@dataclass(frozen=True)
class NewOptions:
    previous: str
    output: str | None = None
    session: int | None = None
    values: dict[str, str] = field(default_factory=dict)
    template: str | None = None
    force: bool = False
    quiet: bool = False


def run(options: NewOptions) -> int:
    target = Path(options.output) if options.output else None
    if target and target.exists() and not options.force:
        return _error(f"{target}: already exists (add --force to overwrite it)")
    try:
        previous = parse_file(options.previous)
    except (ReadError, NotAResolution) as error:
        return _error(f"{options.previous}: {error}")
    try:
        planned = next_session(previous, options.session, options.values)
        source = (
            user_template(options.template)
            if options.template
            else builtin_template(previous.language)
        )
        text = render(source, planned.context).rstrip("\n") + "\n"
    except (CannotScaffold, TemplateProblem) as error:
        return _error(str(error))
    if target:
        try:
            write_atomically(target, text.encode("utf-8"), overwrite=options.force)
        except FileExistsError:
            return _error(f"{target}: already exists (add --force to overwrite it)")
        except OSError as error:
            return _error(f"{target}: cannot write: {error.strerror or error}")
    else:
        sys.stdout.write(text)
    if not options.quiet:
        _summarize(options.previous, previous.symbol, planned.summary, text, options.output)
    return EXIT_CLEAN


def _summarize(
    path: str, symbol: str | None, summary: list[str], text: str, output: str | None
) -> None:
    """What was done, and each placeholder left to fill, on standard error."""
    lines = [f"drafter new: {symbol or path} →"] + [f"  {line}" for line in summary]
    left = [
        (number, match.group(0))
        for number, line in enumerate(text.split("\n"), start=1)
        for match in PLACEHOLDER.finditer(line)
    ]
    where = output or "<stdout>"
    lines.append(f"{len(left)} placeholder{'s' if len(left) != 1 else ''} to fill:")
    lines += [f"  {where}:{number}: {placeholder}" for number, placeholder in left]
    print("\n".join(lines), file=sys.stderr)


def _error(message: str) -> int:
    print(f"drafter: {message}", file=sys.stderr)
    return EXIT_FAILURE
