"""`drafter amend OLD NEW`: the amendment document that turns OLD into NEW, in the UN's form;
`drafter apply DRAFT AMENDMENT...`: the draft with amendments carried out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.commands import EXIT_CLEAN, error, read_resolution, refused_output, write_output
from drafter.config import ConfigError, check_choice
from drafter.model import Resolution
from drafter.parser import NotAResolution, parse_text
from drafter.reader import ReadError, Source, read_source

if TYPE_CHECKING:
    from drafter.amendments.apply import Labelled


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
    from drafter.amendments.write import amendment_document, document_text
    from drafter.diff.compare import CannotCompare

    target, refused = _output(output, force, language)
    if refused:
        return error(refused)
    if output_format == "docx" and target is None:
        return error("--format docx writes a Word document: name it with --output FILE.docx")
    versions: list[tuple[Source, Resolution]] = []
    for path in (old_path, new_path):
        read = read_resolution(path, language)
        if isinstance(read, str):
            return error(f"{path}: {read}")
        versions.append(read)
    (_, old), (new_source, new) = versions
    try:
        written = amendment_document(old, new, new_source.text, sponsors)
    except CannotCompare as problem:
        return error(str(problem))
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
    from drafter.amendments.apply import CannotApply, apply_amendments

    target, refused = _output(output, force, language)
    if refused:
        return error(refused)
    chosen = _only(only)
    if isinstance(chosen, str):
        return error(chosen)
    read = read_resolution(draft_path, language)
    if isinstance(read, str):
        return error(f"{draft_path}: {read}")
    source, draft = read
    labelled = _amendments(amendment_paths, chosen, draft)
    if isinstance(labelled, str):
        return error(labelled)
    try:
        text = apply_amendments(source.text, draft, labelled)
    except CannotApply as problem:
        return error(str(problem))
    if target is not None and target.suffix.lower() == ".docx":
        return _tracked(source, draft, text, draft_path, target, force)
    return _written(text, target, force)


def _tracked(
    source: Source, draft: Resolution, amended: str, draft_path: str, target: Path, force: bool
) -> int:
    """The draft as a Word document with the amended text's changes tracked: accepted, the
    amended draft; rejected, the draft (`drafter diff --format docx`'s redline)."""
    from drafter.commands.diff import redline_document
    from drafter.diff.compare import compare
    from drafter.diff.redline import CannotRedline

    try:
        data = redline_document(
            compare(draft, parse_text(amended, draft.language)), source, draft_path
        )
    except (CannotRedline, NotAResolution) as problem:
        return error(str(problem))
    failed = write_output(target, data, force)
    return error(failed) if failed else EXIT_CLEAN


def _amendments(
    paths: list[str], chosen: set[int] | None, draft: Resolution
) -> list[Labelled] | str:
    """The amendments of each document, in turn (those `chosen`, if given), named for the
    messages; or what is wrong with a document."""
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
            print(
                f"drafter: {path} amends {document.amends}; the draft is {symbol}", file=sys.stderr
            )
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
