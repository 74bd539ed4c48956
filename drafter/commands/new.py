"""`drafter new`: next session's draft from the previous resolution, and what is left to fill."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from drafter.commands import EXIT_CLEAN, error, read_resolution, refused_output, write_output
from drafter.config import ConfigError, check_choice
from drafter.model import PLACEHOLDER, Resolution
from drafter.reader import Source
from drafter.report import plural
from drafter.scaffold.render import TemplateProblem, builtin_template, render, user_template
from drafter.scaffold.updates import CannotScaffold, NextSession, next_session


@dataclass(frozen=True)
class NewOptions:
    """The options of `drafter new`, as the command line gave them."""

    previous: str
    output: str | None = None
    session: int | None = None
    values: dict[str, str] = field(default_factory=dict)
    template: str | None = None
    force: bool = False
    quiet: bool = False
    language: str = "auto"
    revisions: str = "accepted"  # of a Word document's tracked changes


def given_values(settings: list[str] | None) -> dict[str, str]:
    """The placeholders' values `--set KEY=VALUE` gives (each already checked to be KEY=VALUE,
    by drafter.arguments or the Typer command)."""
    pairs = {}
    for setting in settings or []:
        key, _, value = setting.partition("=")
        pairs[key.strip()] = value.strip()
    return pairs


def run(options: NewOptions) -> int:
    target = Path(options.output) if options.output not in (None, "-") else None
    refused = refused_output(target, options.force)
    if refused:
        return error(refused)
    if target and target.suffix.lower() == ".docx" and options.template:
        return error("--template lays out a text; a .docx is written in the UN layout")
    try:
        check_choice("language", options.language, "--language")
    except ConfigError as problem:
        return error(str(problem))
    made = next_draft(
        options.previous,
        options.language,
        options.revisions,
        options.session,
        options.values,
        options.template,
    )
    if isinstance(made, str):
        return error(made)
    text, previous, planned = made.text, made.previous, made.planned
    data = text.encode("utf-8")
    if target and target.suffix.lower() == ".docx":
        data = word_document(made)
    if target:
        failed = write_output(target, data, options.force)
        if failed:
            return error(failed)
    else:
        sys.stdout.write(text)
    if not options.quiet:
        _summarize(options.previous, previous.symbol, planned.summary, text, target)
    return EXIT_CLEAN


class NextDraft(NamedTuple):
    """Next session's draft made from a previous resolution: its text, the resolution it was
    made from (and the file's source), and what was planned (the changes, the summary)."""

    text: str
    previous: Resolution
    planned: NextSession
    source: Source


def next_draft(
    path: str,
    language: str = "auto",
    revisions: str = "accepted",
    session: int | None = None,
    values: dict[str, str] | None = None,
    template: str | None = None,
) -> NextDraft | str:
    """The draft `drafter new` makes of the resolution in `path`, or why it cannot."""
    read = read_resolution(path, language, revisions)
    if isinstance(read, str):
        return f"{path}: {read}"
    source, previous = read
    try:
        planned = next_session(previous, session, values or {})
        layout = user_template(template) if template else builtin_template(previous.language)
        text = render(layout, planned.context).rstrip("\n") + "\n"
    except (CannotScaffold, TemplateProblem) as problem:
        return str(problem)
    return NextDraft(text, previous, planned, source)


def word_document(draft: NextDraft) -> bytes:
    """The new draft as a Word document: the previous text with every change tracked, in the
    previous document's styles and page set-up when it was a Word document itself."""
    from drafter.writers import Tracked
    from drafter.writers.word import write_docx

    source = draft.source
    base = source.original if source.word_parts else None
    tracked = Tracked(changes=draft.planned.changes, closing=draft.planned.context.get("closing"))
    return write_docx(draft.previous, tracked, base=base)


def _summarize(
    path: str, symbol: str | None, summary: list[str], text: str, output: Path | None
) -> None:
    """What was done, and each placeholder left to fill, on standard error."""
    lines = [f"drafter new: {symbol or path} →"] + [f"  {line}" for line in summary]
    left = [
        (number, match.group(0))
        for number, line in enumerate(text.split("\n"), start=1)
        for match in PLACEHOLDER.finditer(line)
    ]
    where = output or "<stdout>"
    lines.append(f"{plural(len(left), 'placeholder')} to fill:")
    lines += [f"  {where}:{number}: {placeholder}" for number, placeholder in left]
    print("\n".join(lines), file=sys.stderr)
