"""`drafter corpus add|list|remove|stats` and `drafter precedents DRAFT`."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from drafter.commands import EXIT_CLEAN, EXIT_FAILURE, error, read_resolution, with_progress
from drafter.corpus import default_corpus

if TYPE_CHECKING:
    from drafter.corpus.precedents import Judged
    from drafter.corpus.store import Corpus
    from drafter.corpus.texts import Text
    from drafter.model import Resolution

PROGRESS_FROM = 20  # files: a progress bar on a terminal for more
PARALLEL_FROM = 8  # files: fewer are read in this process (starting workers costs more)


def corpus_path(option: str | None) -> Path:
    """--corpus, else `corpus` in the configuration of the current folder, else the user's."""
    if option:
        return Path(option)
    from drafter.config import settings_in

    settings = settings_in(Path.cwd(), {})
    if settings.corpus:
        return (settings.root or Path.cwd()) / settings.corpus
    return default_corpus()


def run_add(paths: list[str], corpus_option: str | None) -> int:
    """0: every file added (or already there); 2: some could not be read (the rest is added).

    The files are read and parsed by one process per core (most of the work), and written by
    this one, one document per transaction, as they come."""
    from drafter.commands.lint import discover
    from drafter.reader import FORMATS

    files = discover(paths, FORMATS)
    corpus = opened_corpus(corpus_option, create=True)
    if isinstance(corpus, str):
        return error(corpus)
    skipped = 0
    try:
        found: Iterable[tuple[str, Read]] = _read_all(files)
        if len(files) >= PROGRESS_FROM:
            found = with_progress(found, "Adding", len(files))
        for path, read in found:
            said = _stored(corpus, read)
            if said.startswith("skipped"):
                skipped += 1
                print(f"drafter: {path}: {said}", file=sys.stderr)
            elif said:
                print(f"{path}: {said}")
    except sqlite3.Error as problem:  # locked past the wait by another add, disk full …
        return error(f"{corpus.path}: {problem} (what was added before is kept)")
    finally:
        corpus.close()
    added = len(files) - skipped
    print(f"{added} of {len(files)} files in the corpus ({corpus.path})", file=sys.stderr)
    return EXIT_FAILURE if skipped else EXIT_CLEAN


# The document, its file and its checksum; or why it cannot be kept.
Read: TypeAlias = "tuple[Text, str, str] | str"


def _read_all(files: list[str]) -> Iterator[tuple[str, Read]]:
    """Each file and what reading it gave, in order; by several processes for many files."""
    jobs = min(os.cpu_count() or 1, len(files))
    if jobs < 2 or len(files) < PARALLEL_FROM:
        yield from ((path, read_one(path)) for path in files)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(files) // (jobs * 8))
        yield from zip(files, pool.map(read_one, files, chunksize=chunk), strict=True)


def read_one(path: str) -> Read:
    """A file as the corpus keeps it, or why it cannot be kept (run in a worker process)."""
    from drafter.cache import checksum_bytes

    read = read_resolution(path)
    if isinstance(read, str):
        return f"skipped: {read}"
    source, resolution = read
    text = record_of(resolution, path)
    text.counted_words()  # here, in the reading process, not in the one that writes
    return text, str(Path(path).resolve()), checksum_bytes(source.original)


def _stored(corpus: Corpus, read: Read) -> str:
    """What happened to one file: "" (added, or there already), "replaced …", "skipped: why"."""
    if isinstance(read, str):
        return read
    text, path, checksum = read
    if corpus.has_checksum(checksum):
        return ""
    before = corpus.checksum_of(text.symbol, text.language)
    corpus.add(text, path, checksum)
    return f"replaced the earlier file of {text.symbol}" if before else ""


def run_list(corpus_option: str | None) -> int:
    corpus = _opened(corpus_option)
    if isinstance(corpus, int):
        return corpus
    for document in corpus.documents():
        print(
            f"{document.symbol}\t{document.language}\t{document.date or '-'}\t"
            f"{document.paragraphs} paragraphs\t{document.path}"
        )
    corpus.close()
    return EXIT_CLEAN


def run_remove(symbols: list[str], corpus_option: str | None) -> int:
    corpus = _opened(corpus_option, write=True)
    if isinstance(corpus, int):
        return corpus
    missing = [symbol for symbol in symbols if not corpus.remove(symbol)]
    corpus.close()
    if missing:
        return error(f"not in the corpus: {', '.join(missing)}")
    return EXIT_CLEAN


def run_stats(corpus_option: str | None) -> int:
    corpus = _opened(corpus_option)
    if isinstance(corpus, int):
        return corpus
    from drafter.corpus.store import waiting

    counts, unindexed = corpus.counts(), waiting(corpus)
    size = corpus.path.stat().st_size
    corpus.close()
    for language, (documents, paragraphs) in sorted(counts.items()):
        print(f"{language}: {documents} documents, {paragraphs} paragraphs")
    if unindexed:
        print(_UNINDEXED_NOTE.format(unindexed))
    print(f"{corpus.path}: {size / 2**20:.1f} MiB")
    return EXIT_CLEAN


_UNINDEXED_NOTE = (
    "{} documents not indexed yet, and not found as precedents (an add was stopped):"
    " `drafter corpus add` indexes them"
)


def opened_corpus(
    corpus_option: str | None, write: bool = False, create: bool = False
) -> Corpus | str:
    """The corpus `--corpus` (or the configuration, or the user's) names, opened to be read,
    or changed if `write`, made if `create`; or why it cannot be."""
    from drafter.corpus.store import CorpusError, open_corpus

    try:
        return open_corpus(corpus_path(corpus_option), create=create, write=write)
    except CorpusError as problem:
        return str(problem)


def _opened(corpus_option: str | None, write: bool = False) -> Corpus | int:
    corpus = opened_corpus(corpus_option, write)
    return error(corpus) if isinstance(corpus, str) else corpus


def record_of(resolution: Resolution, path: str) -> Text:
    """The corpus's record of a resolution read from `path`, named after the file when it has
    no symbol."""
    from drafter.corpus.texts import text_of

    return text_of(resolution, f"file:{Path(path).name}")


def run_precedents(draft_path: str, corpus_option: str | None, output_format: str) -> int:
    """0: answered; 2: the draft, or the corpus, cannot be used."""
    found = precedents_of(draft_path, corpus_option)
    if isinstance(found, str):
        return error(found)
    from drafter.corpus.precedents import summary
    from drafter.corpus.report import render

    judged, draft = found
    sys.stdout.write(render(output_format, judged, summary(judged), draft, draft_path))
    return EXIT_CLEAN


def precedents_of(draft_path: str, corpus_option: str | None) -> tuple[list[Judged], Text] | str:
    """Each paragraph of the draft judged against the corpus, and the draft's record; or why
    the draft, or the corpus, cannot be used."""
    from drafter.corpus.precedents import judge
    from drafter.corpus.store import empty, waiting

    read = read_resolution(draft_path)
    if isinstance(read, str):
        return f"{draft_path}: {read}"
    draft = record_of(read[1], draft_path)
    if not any(p.part in ("preamble", "operative") for p in draft.paragraphs):
        return f"{draft_path}: no preambular or operative paragraph to look for"
    corpus = opened_corpus(corpus_option)
    if isinstance(corpus, str):
        return corpus
    try:
        if empty(corpus):
            return f"{corpus.path}: the corpus is empty (`drafter corpus add` fills it)"
        unindexed = waiting(corpus)
        if unindexed:
            print(f"drafter: {corpus.path}: {_UNINDEXED_NOTE.format(unindexed)}", file=sys.stderr)
        return judge(draft, corpus), draft
    except sqlite3.Error as problem:
        return f"{corpus.path}: {problem}"
    finally:
        corpus.close()
