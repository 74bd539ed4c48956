"""The corpus file: SQLite (the standard library's), one row per document and per paragraph,
the paragraphs' words in an FTS5 index for finding candidates.

It is drafter's by its application id and says its schema's version; it is written in WAL
mode, one transaction per document, so that two adds at once lose nothing and a kill in the
middle of one leaves every document whole; documents are indexed a hundred at a time, in
transactions of their own (`unindexed`). A read-only corpus can still be queried.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from drafter.corpus.texts import Text, terms

APPLICATION_ID = 0x64726674  # "drft"
VERSION = 2  # 2: words counted by document (`terms`)
_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    language TEXT NOT NULL,
    session INTEGER,
    date TEXT,
    path TEXT NOT NULL,
    checksum TEXT NOT NULL,
    UNIQUE (symbol, language)
);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    part TEXT NOT NULL,
    number INTEGER,
    label TEXT,
    text TEXT NOT NULL
);
CREATE INDEX paragraphs_of ON paragraphs (document);
CREATE INDEX documents_by_checksum ON documents (checksum);
CREATE VIRTUAL TABLE words USING fts5 (
    text, content = 'paragraphs', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
-- How many documents hold each word: the rarest words of a paragraph find its candidates.
CREATE TABLE terms (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
"""
# The documents stored whose paragraphs are not yet in the index (`words`) nor their words in
# `terms`. An add indexes them a hundred at a time, in a transaction of their own: one index
# segment and one count per word for the batch, rather than per document (which took two
# thirds of the writing). A kill between leaves the documents whole, listed here and not yet
# found by precedents; the next add, or remove, indexes them. (Made at a corpus's first
# change since, in a corpus made before this table: an older drafter ignores it.)
_UNINDEXED = """
CREATE TABLE IF NOT EXISTS unindexed (
    document INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE
);
"""
INDEX_EVERY = 100  # documents


class CorpusError(Exception):
    """The corpus cannot be used: not drafter's, too new, unreadable; the message says so."""


@dataclass
class Document:
    symbol: str
    language: str
    session: int | None
    date: str | None
    path: str
    paragraphs: int


@dataclass
class Found:
    """A paragraph of the corpus, with its document's symbol and date."""

    symbol: str
    date: str | None
    session: int | None
    part: str
    number: int | None
    label: str | None
    text: str


class Corpus:
    """An open corpus file."""

    def __init__(self, path: Path, create: bool = False, write: bool = False) -> None:
        self.path = path
        self._words: dict[int, list[str]] = {}  # of documents stored, not yet indexed
        if not path.exists() and not create:
            raise CorpusError(f"{path}: no corpus there (`drafter corpus add` makes one)")
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = _connected(path, write or create)
            self.db.execute("PRAGMA foreign_keys = ON")
            # In WAL mode a commit without waiting for the disk is still atomic: a kill loses
            # nothing committed, a power cut at most the last documents (never the file).
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._check(create)
            self.writable = write or create
            if self.writable:
                self.db.executescript(_UNINDEXED)
        except sqlite3.DatabaseError as problem:
            if "readonly" in str(problem):  # SQLITE_READONLY: the file or its folder
                raise CorpusError(
                    f"{path}: cannot be changed by you ({problem}): it is another user's or on"
                    " a read-only disk; it can still be queried"
                ) from None
            raise CorpusError(f"{path}: not a corpus drafter can read ({problem})") from None

    def _check(self, create: bool) -> None:
        application = self.db.execute("PRAGMA application_id").fetchone()[0]
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application == 0 and tables == 0 and create:
            with suppress(sqlite3.OperationalError):  # a read-only file keeps its mode
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(
                f"BEGIN; {_SCHEMA} PRAGMA application_id = {APPLICATION_ID};"
                f" PRAGMA user_version = {VERSION}; COMMIT;"
            )
            return
        if application != APPLICATION_ID:
            raise CorpusError(f"{self.path}: not a drafter corpus (another program's file)")
        if version > VERSION:
            raise CorpusError(
                f"{self.path}: made by a newer drafter (corpus version {version}; this one"
                f" reads {VERSION}): upgrade drafter"
            )
        if version < VERSION:
            raise CorpusError(
                f"{self.path}: made by an older drafter (corpus version {version}; this one"
                f" reads {VERSION}): remove it and add the documents again"
            )

    def close(self) -> None:
        """Close the file, having indexed the documents stored (by this add, or by one that
        was killed)."""
        try:
            if self.writable and self.db.execute("SELECT 1 FROM unindexed LIMIT 1").fetchone():
                self.index_waiting()
        except sqlite3.Error:
            pass  # they stay listed as not indexed, for the next add to index
        finally:
            self.db.close()

    # -- adding and removing ---------------------------------------------------------------

    def checksum_of(self, symbol: str, language: str) -> str | None:
        row = self.db.execute(
            "SELECT checksum FROM documents WHERE symbol = ? AND language = ?", (symbol, language)
        ).fetchone()
        return row[0] if row else None

    def has_checksum(self, checksum: str) -> bool:
        found = self.db.execute("SELECT 1 FROM documents WHERE checksum = ?", (checksum,))
        return found.fetchone() is not None

    def add(self, text: Text, path: str, checksum: str) -> None:
        """Store a document, in one transaction: another of its symbol goes."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._delete(text.symbol, text.language)
            cursor = db.execute(
                "INSERT INTO documents (symbol, language, session, date, path, checksum)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (text.symbol, text.language, text.session, text.date, path, checksum),
            )
            document = cursor.lastrowid
            db.executemany(
                "INSERT INTO paragraphs (document, part, number, label, text)"
                " VALUES (?, ?, ?, ?, ?)",
                [(document, p.part, p.number, p.label, p.text) for p in text.paragraphs],
            )
            db.execute("INSERT INTO unindexed (document) VALUES (?)", (document,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        assert document is not None
        self._words[document] = text.counted_words()
        if len(self._words) >= INDEX_EVERY:
            self.index_waiting()

    def index_waiting(self) -> None:
        """Index the paragraphs and count the words of the documents stored and not indexed
        yet, in one transaction: those this add stored (their words at hand), and any a killed
        add, or another add, left."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            waiting = [row[0] for row in db.execute("SELECT document FROM unindexed")]
            counts: Counter[str] = Counter()
            for document in waiting:
                words = self._words.get(document)
                counts.update(words if words is not None else self._held_words(document))
            db.executemany(  # (in order: the index's pages are visited once each)
                "INSERT INTO terms (term, documents) VALUES (?, ?) ON CONFLICT (term)"
                " DO UPDATE SET documents = documents + excluded.documents",
                sorted(counts.items()),
            )
            db.execute(
                "INSERT INTO words (rowid, text) SELECT id, text FROM paragraphs"
                " WHERE document IN (SELECT document FROM unindexed)"
            )
            db.execute("DELETE FROM unindexed")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._words.clear()

    def _held_words(self, document: int) -> set[str]:
        held = self.db.execute("SELECT text FROM paragraphs WHERE document = ?", (document,))
        return terms(" ".join(text for (text,) in held))

    def remove(self, symbol: str) -> int:
        """Remove every document of `symbol` (in any language); how many went."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            languages = [
                row[0]
                for row in db.execute("SELECT language FROM documents WHERE symbol = ?", (symbol,))
            ]
            for language in languages:
                self._delete(symbol, language)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(languages)

    def _delete(self, symbol: str, language: str) -> None:
        db = self.db
        row = db.execute(
            "SELECT id FROM documents WHERE symbol = ? AND language = ?", (symbol, language)
        ).fetchone()
        if row is None:
            return
        indexed = db.execute("SELECT 1 FROM unindexed WHERE document = ?", row).fetchone() is None
        gone = self._held_words(row[0]) if indexed else set()
        self._words.pop(row[0], None)
        if indexed:  # (a document not indexed yet has nothing in the index, nor in `terms`)
            db.execute(
                "INSERT INTO words (words, rowid, text) SELECT 'delete', id, text FROM paragraphs"
                " WHERE document = ?",
                (row[0],),
            )
        db.executemany(
            "UPDATE terms SET documents = documents - 1 WHERE term = ?",
            [(term,) for term in sorted(gone)],
        )
        db.execute("DELETE FROM paragraphs WHERE document = ?", (row[0],))
        db.execute("DELETE FROM documents WHERE id = ?", (row[0],))

    # -- reading ---------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        rows = self.db.execute(
            "SELECT symbol, language, session, date, path,"
            " (SELECT count(*) FROM paragraphs WHERE document = documents.id)"
            " FROM documents ORDER BY language, date, symbol"
        )
        return [Document(*row) for row in rows]

    def counts(self) -> dict[str, tuple[int, int]]:
        """Documents and paragraphs, by language."""
        rows = self.db.execute(
            "SELECT language, count(DISTINCT documents.id), count(paragraphs.id)"
            " FROM documents LEFT JOIN paragraphs ON paragraphs.document = documents.id"
            " GROUP BY language"
        )
        return {language: (documents, paragraphs) for language, documents, paragraphs in rows}

    def frequencies(self, words: list[str]) -> dict[str, int]:
        """How many documents hold each word (as the index folds words)."""
        marks = ", ".join("?" * len(words))
        rows = self.db.execute(f"SELECT term, documents FROM terms WHERE term IN ({marks})", words)
        return dict(rows.fetchall())

    def candidates(self, query: str, language: str, limit: int) -> Iterator[Found]:
        """Paragraphs of `language` that match the FTS5 `query`, the latest added first, at
        most `limit`: not ranked by the index (its bm25 costs more than the whole search, for
        a ranking the alignment score replaces)."""
        rows = self.db.execute(
            "SELECT documents.symbol, documents.date, documents.session, paragraphs.part,"
            " paragraphs.number, paragraphs.label, paragraphs.text"
            " FROM (SELECT rowid AS id FROM words WHERE words MATCH ? ORDER BY rowid DESC"
            " LIMIT ?) AS hit"
            " JOIN paragraphs ON paragraphs.id = hit.id"
            " JOIN documents ON documents.id = paragraphs.document"
            " WHERE documents.language = ?",
            (query, limit, language),
        )
        for row in rows:
            yield Found(*row)


def open_corpus(path: Path, create: bool = False, write: bool = False) -> Corpus:
    """The corpus at `path`: made there if `create`; opened to be changed if `write`, else
    only read (a corpus on a read-only disk, or another user's, can be queried)."""
    return Corpus(path, create, write)


def _connected(path: Path, write: bool) -> sqlite3.Connection:
    if write:
        return sqlite3.connect(path, timeout=30, isolation_level=None)
    uri = path.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, isolation_level=None)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        # A WAL file read where its -shm cannot be made (a read-only folder): as a file
        # nobody changes meanwhile.
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)


def waiting(corpus: Corpus) -> int:
    """How many documents are stored and not indexed yet (an add was stopped)."""
    with suppress(sqlite3.OperationalError):  # a corpus made before the table: none
        return int(corpus.db.execute("SELECT count(*) FROM unindexed").fetchone()[0])
    return 0


def empty(corpus: Corpus) -> bool:
    with closing(corpus.db.execute("SELECT 1 FROM documents LIMIT 1")) as cursor:
        return cursor.fetchone() is None
