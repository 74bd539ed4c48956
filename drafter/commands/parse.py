"""`drafter parse`: print the document model of one resolution, as JSON or as a summary."""

from __future__ import annotations

import json
import sys
from typing import Any

from drafter.commands import EXIT_CLEAN, EXIT_FINDINGS, error
from drafter.config import ConfigError, check_choice
from drafter.parser import NotAResolution, parse_file
from drafter.reader import ReadError
from drafter.report import plural


def run(
    path: str, output_format: str = "json", language: str = "auto", revisions: str = "accepted"
) -> int:
    try:
        check_choice("language", language, "--language")
    except ConfigError as problem:
        return error(str(problem))
    try:
        resolution = parse_file(path, None if language == "auto" else language, revisions)
    except (ReadError, NotAResolution) as problem:
        return error(f"{path}: {problem}")
    model = resolution.to_json()
    if output_format == "json":
        json.dump(model, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(summary(model))
    for syntax in resolution.problems:
        print(f"{path}:{syntax.span.line}:{syntax.span.column}: {syntax.message}", file=sys.stderr)
    return EXIT_FINDINGS if resolution.problems else EXIT_CLEAN


def summary(model: dict[str, Any]) -> str:
    """A few lines for a person: what is unknown reads "-", never Python's None."""
    closing = model["closing"]
    meeting = (
        f"closing: meeting {_shown(closing['meeting'])} on {_shown(closing['date'])}"
        if closing
        else "closing: none"
    )
    return "\n".join(
        [
            f"{model['kind']} {'decision' if model['decision'] else 'resolution'} "
            f"{model['symbol'] or '(no symbol)'}: "
            f"{model['title'] or '(no title)'}",
            f"language {model['language']}, session {_shown(model['session'])}, "
            f"adopted on {_shown(model['adopted_on'])}",
            f"{plural(len(model['preamble']), 'preambular paragraph')}, "
            f"{plural(len(model['operative']), 'operative paragraph')}, "
            f"{plural(len(model['footnotes']), 'footnote')}, "
            f"{plural(len(model['citations']), 'citation')}",
            meeting,
        ]
    )


def _shown(value: Any) -> str:
    return "-" if value is None else str(value)
