"""`drafter diff OLD NEW`: what changed from one version of a resolution to another."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.commands import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    error,
    read_resolution,
    refused_output,
    write_output,
)
from drafter.config import ConfigError, check_choice
from drafter.reader import Source

if TYPE_CHECKING:
    from drafter.diff.compare import Comparison


def run(
    old_path: str,
    new_path: str,
    output_format: str = "text",
    output: str | None = None,
    force: bool = False,
    language: str = "auto",
    revisions: str = "accepted",
    corpus: str | None = None,
) -> int:
    """0: the texts say the same; 1: they differ; 2: drafter could not compare them. With a
    corpus, the clauses of the new words adopted before are shown where they were."""
    from drafter.diff.compare import CannotCompare, compare
    from drafter.diff.redline import CannotRedline

    try:
        check_choice("language", language, "--language")
    except ConfigError as problem:
        return error(str(problem))
    target = Path(output) if output not in (None, "-") else None
    refused = refused_output(target, force)
    if refused:
        return error(refused)
    if output_format == "docx" and not target:
        return error("--format docx writes a Word document: name it with --output FILE.docx")
    sources, versions = [], []
    for path in (old_path, new_path):
        read = read_resolution(path, language, revisions)
        if isinstance(read, str):
            return error(f"{path}: {read}")
        sources.append(read[0])
        versions.append(read[1])
    try:
        comparison = compare(*versions)
        if corpus is not None:
            found = _sources(comparison, corpus, new_path)
            if found:
                return error(found)
        if output_format == "docx":
            data = redline_document(comparison, sources[0], old_path)
        else:
            data = _render(comparison, output_format, old_path, new_path, target is None)
    except (CannotCompare, CannotRedline) as problem:
        return error(str(problem))
    if target:
        failed = write_output(target, data, force)
        if failed:
            return error(failed)
    else:
        sys.stdout.write(data.decode("utf-8"))
    return EXIT_FINDINGS if comparison.changed else EXIT_CLEAN


def redline_document(comparison: Comparison, old: Source, old_path: str) -> bytes:
    """NEW against OLD as a Word document: OLD, every change tracked (by the configured
    author), in OLD's own styles and page set-up when it was a Word document."""
    from drafter.config import settings_for
    from drafter.diff.redline import redline
    from drafter.writers.word import write_docx

    author = settings_for(old_path, {}).author
    base = old.original if old.word_parts else None
    return write_docx(comparison.old, redline(comparison), base=base, author=author)


def _render(
    comparison: Comparison, output_format: str, old: str, new: str, terminal: bool
) -> bytes:
    from drafter.diff import formats

    if output_format == "json":
        return (formats.to_json(comparison, old, new) + "\n").encode("utf-8")
    if output_format == "markdown":
        return (formats.to_markdown(comparison, old, new) + "\n").encode("utf-8")
    if output_format == "html":
        from drafter.diff.html import to_html

        return to_html(comparison, old, new).encode("utf-8")
    colour = terminal and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return (formats.to_text(comparison, old, new, colour) + "\n").encode("utf-8")


def _sources(comparison: Comparison, corpus_option: str, new_path: str) -> str | None:
    """Where the new words come from (Entry.sources); what is wrong with the corpus, if
    anything."""
    import sqlite3

    from drafter.amendments import document_symbol
    from drafter.commands.corpus import opened_corpus, record_of
    from drafter.corpus.precedents import sources_of_changes

    corpus = opened_corpus(corpus_option)
    if isinstance(corpus, str):
        return corpus
    try:
        draft = record_of(comparison.new, new_path)
        old = document_symbol(comparison.old) or ""
        sources_of_changes(comparison.entries, draft, corpus, old)
    except sqlite3.Error as problem:
        return f"{corpus.path}: {problem}"
    finally:
        corpus.close()
    return None
