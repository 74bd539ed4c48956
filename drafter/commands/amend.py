"""`drafter amend OLD NEW`: the amendment document that turns OLD into NEW, in the UN's form;
`drafter apply DRAFT AMENDMENT...`: the draft with amendments carried out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from drafter.commands import EXIT_CLEAN, error, read_resolution, refused_output, write_output
from drafter.config import ConfigError, check_choice
from drafter.model import Resolution
from drafter.parser import NotAResolution, parse_text
from drafter.reader import ReadError, Source, read_source

if TYPE_CHECKING:
    from drafter.amendments.apply import Labelled
    from drafter.amendments.write import Written


def run_amend(
    old_path: str,
    new_path: str,
    sponsors: str | None = None,
    output_format: str = "text",
    output: str | None = None,
    force: bool = False,
    language: str = "auto",
) -> int:
    """0: written; 2: drafter could not write it."""
    from drafter.amendments.write import document_text

    target, refused = _output(output, force, language)
    if refused:
        return error(refused)
    if output_format == "docx" and target is None:
        return error("--format docx writes a Word document: name it with --output FILE.docx")
    written = amendments_between(old_path, new_path, sponsors, language)
    if isinstance(written, str):
        return error(written)
    if written.left_out:
        print(
            "drafter: not written as amendments (an amendment changes the preamble and the"
            f" operative part): {', '.join(written.left_out)}",
            file=sys.stderr,
        )
    if not written.document.amendments:
        print("drafter: the two texts' paragraphs say the same: no amendment", file=sys.stderr)
    document = written.document
    if output_format == "json":
        return _written(
            json.dumps(document.to_json(), ensure_ascii=False, indent=2) + "\n", target, force
        )
    if output_format == "docx":
        from drafter.writers.amendment_word import amendment_docx

        assert target is not None
        failed = write_output(target, amendment_docx(document_text(document)), force)
        return error(failed) if failed else EXIT_CLEAN
    return _written(document_text(document), target, force)


def run_apply(
    draft_path: str,
    amendment_paths: list[str],
    only: str | None = None,
    output: str | None = None,
    force: bool = False,
    language: str = "auto",
) -> int:
    """0: the amended draft is written; 2: an amendment cannot be applied, nothing written."""
    target, refused = _output(output, force, language)
    if refused:
        return error(refused)
    chosen = _only(only)
    if isinstance(chosen, str):
        return error(chosen)
    amended = amended_draft(draft_path, amendment_paths, chosen, language)
    if isinstance(amended, str):
        return error(amended)
    for note in amended.notes:
        print(f"drafter: {note}", file=sys.stderr)
    if target is not None and target.suffix.lower() == ".docx":
        tracked = tracked_amendments(amended, draft_path)
        if isinstance(tracked, str):
            return error(tracked)
        failed = write_output(target, tracked, force)
        return error(failed) if failed else EXIT_CLEAN
    return _written(amended.text, target, force)


def amendments_between(
    old_path: str, new_path: str, sponsors: str | None = None, language: str = "auto"
) -> Written | str:
    """The amendments that turn the draft in `old_path` into the text in `new_path`, or why
    drafter cannot write them."""
    from drafter.amendments.write import amendment_document
    from drafter.diff.compare import CannotCompare

    versions: list[tuple[Source, Resolution]] = []
    for path in (old_path, new_path):
        read = read_resolution(path, language)
        if isinstance(read, str):
            return f"{path}: {read}"
        versions.append(read)
    (_, old), (new_source, new) = versions
    try:
        return amendment_document(old, new, new_source.text, sponsors)
    except CannotCompare as problem:
        return str(problem)


class Amended(NamedTuple):
    source: Source  # the draft's file
    draft: Resolution
    text: str  # the draft with the amendments carried out
    notes: list[str]  # what the user should know ("L.70.txt amends A/C.3/80/L.12; …")


def amended_draft(
    draft_path: str,
    amendment_paths: list[str],
    chosen: set[int] | None = None,
    language: str = "auto",
) -> Amended | str:
    """The draft with the amendments of each document carried out (those `chosen`, if
    given), or why they cannot be: then nothing is carried out."""
    from drafter.amendments.apply import CannotApply, apply_amendments

    read = read_resolution(draft_path, language)
    if isinstance(read, str):
        return f"{draft_path}: {read}"
    source, draft = read
    notes: list[str] = []
    labelled = _amendments(amendment_paths, chosen, draft, notes)
    if isinstance(labelled, str):
        return labelled
    try:
        return Amended(source, draft, apply_amendments(source.text, draft, labelled), notes)
    except CannotApply as problem:
        return str(problem)


def tracked_amendments(amended: Amended, draft_path: str) -> bytes | str:
    """The draft as a Word document with the amended text's changes tracked: accepted, the
    amended draft; rejected, the draft (`drafter diff --format docx`'s redline)."""
    from drafter.commands.diff import redline_document
    from drafter.diff.compare import compare
    from drafter.diff.redline import CannotRedline

    try:
        draft = amended.draft
        comparison = compare(draft, parse_text(amended.text, draft.language))
        return redline_document(comparison, amended.source, draft_path)
    except (CannotRedline, NotAResolution) as problem:
        return str(problem)


def _amendments(
    paths: list[str], chosen: set[int] | None, draft: Resolution, notes: list[str]
) -> list[Labelled] | str:
    """The amendments of each document, in turn (those `chosen`, if given), named for the
    messages; or what is wrong with a document. What the user should know goes in `notes`
    (a document that amends another symbol than the draft's)."""
    from drafter.amendments import amendment_in, document_symbol
    from drafter.amendments.apply import Labelled

    labelled: list[Labelled] = []
    for path in paths:
        try:
            document = amendment_in(read_source(path).text)
        except ReadError as problem:
            return f"{path}: {problem}"
        if document is None:
            return (
                f"{path}: not an amendment document (no line such as “Sponsor: amendment to"
                " draft resolution A/…”)"
            )
        if document.problems:
            line, unread = document.problems[0]
            return f"{path}:{line}: {unread}"
        symbol = document_symbol(draft)
        if symbol and document.amends != symbol:
            notes.append(f"{path} amends {document.amends}; the draft is {symbol}")
        of = f" of {document.symbol or Path(path).name}" if len(paths) > 1 else ""
        labelled.extend(
            Labelled(a, f"amendment {a.number}{of}")
            for a in document.amendments
            if chosen is None or a.number in chosen
        )
    return labelled


def _output(output: str | None, force: bool, language: str) -> tuple[Path | None, str | None]:
    """Where the result goes (None: standard output), and why it cannot, said before any
    work is done (a file that is there, without --force; an unknown language)."""
    target = Path(output) if output not in (None, "-") else None
    try:
        check_choice("language", language, "--language")
    except ConfigError as problem:
        return target, str(problem)
    return target, refused_output(target, force)


def _only(only: str | None) -> set[int] | str | None:
    if only is None:
        return None
    try:
        return {int(part) for part in only.split(",") if part.strip()}
    except ValueError:
        return f"--only takes the amendments' numbers, separated by commas: not “{only}”"


def _written(text: str, target: Path | None, force: bool) -> int:
    if target is None:
        sys.stdout.write(text)
        return EXIT_CLEAN
    failed = write_output(target, text.encode("utf-8"), force)
    return error(failed) if failed else EXIT_CLEAN
