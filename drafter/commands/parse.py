"""`drafter parse`: print the document model of one resolution, as JSON or as a summary."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from drafter.amendments import amendment_in
from drafter.commands import EXIT_CLEAN, EXIT_FINDINGS, error
from drafter.config import ConfigError, check_choice
from drafter.parser import NotAResolution, parse_text
from drafter.reader import ReadError, read_source
from drafter.report import plural

if TYPE_CHECKING:
    from drafter.amendments.model import Amendment, AmendmentDocument


def run(
    path: str, output_format: str = "json", language: str = "auto", revisions: str = "accepted"
) -> int:
    try:
        check_choice("language", language, "--language")
    except ConfigError as problem:
        return error(str(problem))
    try:
        source = read_source(path, revisions)
        # (An amendment document first: its numbered amendments would read as a resolution's
        # operative paragraphs without an organ line.)
        amendment = amendment_in(source.text)
        if amendment is not None:
            return _amendment(path, amendment, output_format)
        resolution = parse_text(source.text, None if language == "auto" else language)
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


def _amendment(path: str, document: AmendmentDocument, output_format: str) -> int:
    if output_format == "json":
        json.dump(document.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(
            f"amendment {document.symbol or '(no symbol)'} by {document.sponsors} to "
            f"{document.amends}: {document.title or '(no title)'}"
        )
        print(f"language {document.language}, {plural(len(document.amendments), 'amendment')}")
        for amendment in document.amendments:
            print(f"  {amendment.number}. {describe(amendment)}")
    for line, message in document.problems:
        print(f"{path}:{line}:1: {message}", file=sys.stderr)
    return EXIT_FINDINGS if document.problems else EXIT_CLEAN


def describe(amendment: Amendment) -> str:
    """ "delete “all” in operative paragraph 4 (b)", in words a delegate reads."""
    target = amendment.target
    part = "preambular" if target.part == "preamble" else target.part
    numbers = ", ".join(map(str, target.numbers))
    where = f"{part} paragraph{'s' if len(target.numbers) > 1 else ''} {numbers}"
    if target.subparagraph:
        where += f" ({target.subparagraph})"
    if amendment.action == "delete" and amendment.whole:
        reading = f", reading “{_shortened(amendment.old)}”" if amendment.old else ""
        return f"delete {where}{reading}"
    words = {
        "delete": f"delete “{amendment.old}” in",
        "replace": f"replace “{amendment.old}” with “{amendment.new}” in",
        "insert": "insert",
        "add": "add",
    }[amendment.action]
    if amendment.action in ("insert", "add"):
        anchor = amendment.anchor or {}
        side, quoted = next(iter(anchor.items()), ("in", ""))
        if quoted:
            return f"insert “{amendment.new}” {side} “{quoted}” in {where}"
        return f"{words} a new paragraph {side} {where}"
    return f"{words} {where}"


def _shortened(text: str, words: int = 8) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


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
