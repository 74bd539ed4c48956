"""Agreed language: `drafter corpus` keeps adopted texts paragraph by paragraph, and `drafter
precedents` says where each paragraph of a draft was adopted before. On the real texts: the
seeds (78/167 kept some of 62/209's words) and the English samples."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import ENGLISH, SEED_62, SEED_78, drafter

from drafter.corpus.store import APPLICATION_ID

ENGLISH_80_7 = ENGLISH / "en_80-7.txt"  # IAEA report, A/RES/80/7


def assert_words_counted(corpus: Path) -> None:
    """`terms` holds, for each word, how many documents hold it: none left unindexed."""
    from drafter.corpus.texts import terms

    db = sqlite3.connect(corpus)
    try:
        assert db.execute("SELECT count(*) FROM unindexed").fetchone() == (0,)
        held: dict[int, set[str]] = {}
        for document, text in db.execute("SELECT document, text FROM paragraphs"):
            held.setdefault(document, set()).update(terms(text))
        expected: dict[str, int] = {}
        for words in held.values():
            for word in words:
                expected[word] = expected.get(word, 0) + 1
        counted = dict(db.execute("SELECT term, documents FROM terms WHERE documents > 0"))
        assert counted == expected
    finally:
        db.close()


def corpus_of(tmp_path: Path, *paths: Path) -> Path:
    corpus = tmp_path / "corpus.sqlite"
    added = drafter("corpus", "add", *map(str, paths), "--corpus", str(corpus))
    assert added.returncode == 0, added.stderr
    return corpus


def precedents(draft: Path, corpus: Path) -> dict:
    found = drafter("precedents", str(draft), "--corpus", str(corpus), "--format", "json")
    assert found.returncode == 0, found.stderr
    return json.loads(found.stdout)


def paragraph(result: dict, part: str, number: int) -> dict:
    return next(
        p
        for p in result["paragraphs"]
        if (p["part"], p["number"], p["subparagraph"]) == (part, number, None)
    )


def test_what_78_167_kept_of_62_209_is_found_with_its_62_209_numbers(tmp_path):
    corpus = corpus_of(tmp_path, SEED_62, ENGLISH)
    result = precedents(SEED_78, corpus)
    kept = paragraph(result, "operative", 2)
    assert kept["verdict"] == "verbatim"
    assert (kept["precedents"][0]["symbol"], kept["precedents"][0]["number"]) == (
        "A/RES/62/209",
        2,
    )
    assert kept["precedents"][0]["date"] == "2007-12-19"
    grown = paragraph(result, "preamble", 3)  # "Réaffirmant en outre les dispositions de …"
    assert grown["verdict"] == "modified"
    assert grown["precedents"][0]["number"] == 1
    assert {"old": "", "new": "en outre les dispositions de"} in grown["precedents"][0]["changes"]
    # French paragraphs have French precedents only, never the English samples'.
    symbols = {p["symbol"] for found in result["paragraphs"] for p in found["precedents"]}
    assert symbols == {"A/RES/62/209"}
    summary = result["summary"]
    assert summary["paragraphs"] == len(result["paragraphs"])
    assert sum(summary[v] for v in ("verbatim", "technical", "modified", "new")) == len(
        result["paragraphs"]
    )


def test_a_draft_made_from_a_sample_gets_each_verdict_and_its_source(tmp_path):
    corpus = corpus_of(tmp_path, ENGLISH)
    scaffold = drafter("new", str(ENGLISH_80_7), "-q").stdout  # next session's: years move
    lines = scaffold.split("\n")
    numbered = {int(line[0]): at for at, line in enumerate(lines) if line[1:3] == ". "}
    lines[numbered[4]] = "4. Appeals to all Member States to continue to support the Agency;"
    lines[numbered[2]], lines[numbered[3]] = (  # moved: 3 before 2
        lines[numbered[3]].replace("3.", "2.", 1),
        lines[numbered[2]].replace("2.", "3.", 1),
    )
    lines.insert(
        numbered[5], "6. Decides to hold a commemorative meeting on the peaceful uses of space;\n"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(lines), encoding="utf-8")
    result = precedents(draft, corpus)
    source = {
        p["number"]: p["precedents"][0] if p["precedents"] else None
        for p in result["paragraphs"]
        if p["part"] == "operative"
    }
    verdicts = {p["number"]: p["verdict"] for p in result["paragraphs"] if p["part"] == "operative"}
    assert verdicts[1] == "verbatim" and source[1]["symbol"] == "A/RES/80/7"
    assert verdicts[2] == "verbatim" and source[2]["number"] == 3  # moved: its old number
    assert verdicts[4] == "modified" and source[4]["number"] == 4
    assert {"old": "", "new": "all"} in source[4]["changes"]
    assert verdicts[6] == "new"
    assert verdicts[5] == "technical"  # "eightieth session" → "eighty-first": drafter new's
    assert {"old": "eightieth", "new": "eighty-first"} in source[5]["changes"]


def test_the_text_report_names_each_paragraph_and_the_share_of_agreed_language(tmp_path):
    corpus = corpus_of(tmp_path, SEED_62)
    found = drafter("precedents", str(SEED_78), "--corpus", str(corpus))
    assert found.returncode == 0
    assert "OP 2: verbatim, A/RES/62/209 OP 2 (2007-12-19, 1.00)" in found.stdout
    assert found.stdout.rstrip().splitlines()[-1].startswith("44 paragraphs: 1 verbatim")


def test_adding_again_changes_nothing_and_another_file_of_a_symbol_replaces_it(tmp_path):
    corpus = corpus_of(tmp_path, SEED_62)
    again = drafter("corpus", "add", str(SEED_62), "--corpus", str(corpus))
    assert again.returncode == 0
    listed = drafter("corpus", "list", "--corpus", str(corpus)).stdout.splitlines()
    assert len(listed) == 1 and listed[0].startswith("A/RES/62/209\tfr\t2007-12-19\t")
    edited = tmp_path / "62-209-corrected.txt"
    edited.write_text(
        SEED_62.read_text(encoding="utf-8").replace("Rappelant", "Rappelant aussi", 1)
    )
    replaced = drafter("corpus", "add", str(edited), "--corpus", str(corpus))
    assert "replaced the earlier file of A/RES/62/209" in replaced.stdout
    assert len(drafter("corpus", "list", "--corpus", str(corpus)).stdout.splitlines()) == 1
    assert_words_counted(corpus)  # the words of the file replaced no longer counted
    both = tmp_path / "both"  # one add in which the second file replaces the first
    both.mkdir()
    shutil.copy(SEED_62, both / "a.txt")
    shutil.copy(edited, both / "b.txt")
    fresh = tmp_path / "fresh.sqlite"
    drafter("corpus", "add", str(both), "--corpus", str(fresh))
    assert_words_counted(fresh)
    removed = drafter("corpus", "remove", "A/RES/62/209", "--corpus", str(corpus))
    assert removed.returncode == 0
    assert drafter("corpus", "list", "--corpus", str(corpus)).stdout == ""


def test_files_that_cannot_be_read_are_named_and_the_rest_added(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("Lunch at noon.\n", encoding="utf-8")
    corpus = tmp_path / "corpus.sqlite"
    added = drafter("corpus", "add", str(junk), str(SEED_62), "--corpus", str(corpus))
    assert added.returncode == 2
    assert "notes.txt: skipped: not a General Assembly resolution" in added.stderr
    stats = drafter("corpus", "stats", "--corpus", str(corpus))
    assert "fr: 1 documents, 28 paragraphs" in stats.stdout


def test_two_adds_at_once_lose_nothing(tmp_path):
    corpus = tmp_path / "corpus.sqlite"
    drafter("corpus", "add", str(SEED_62), "--corpus", str(corpus))  # made before the race
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "drafter", "corpus", "add", str(path), "--corpus", str(corpus)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for path in (SEED_78, ENGLISH)
    ]
    assert [run.wait() for run in runs] == [0, 0]
    symbols = {
        line.split("\t")[0]
        for line in drafter("corpus", "list", "--corpus", str(corpus)).stdout.splitlines()
    }
    assert {"A/RES/62/209", "A/RES/78/167", "A/RES/80/7", "A/RES/80/2"} <= symbols
    check = sqlite3.connect(corpus).execute("PRAGMA integrity_check").fetchone()
    assert check == ("ok",)
    assert_words_counted(corpus)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.write_bytes(b"not a database at all" * 100), "not a corpus drafter can read"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
            "not a drafter corpus",
        ),
        (
            lambda p: sqlite3.connect(p).executescript(
                f"PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 99;"
                " CREATE TABLE t (x);"
            ),
            "made by a newer drafter",
        ),
    ],
)
def test_a_corpus_drafter_cannot_use_gets_a_clear_message(tmp_path, make, said):
    corpus = tmp_path / "corpus.sqlite"
    make(corpus)
    for command in (["precedents", str(SEED_78)], ["corpus", "add", str(SEED_62)]):
        run = drafter(*command, "--corpus", str(corpus))
        assert run.returncode == 2 and said in run.stderr, run.stderr
        assert "Traceback" not in run.stderr


def test_an_empty_or_missing_corpus_is_said(tmp_path):
    missing = drafter("precedents", str(SEED_78), "--corpus", str(tmp_path / "none.sqlite"))
    assert missing.returncode == 2 and "no corpus there" in missing.stderr
    corpus = tmp_path / "corpus.sqlite"
    drafter("corpus", "add", str(tmp_path / "nothing-here"), "--corpus", str(corpus))
    empty = drafter("precedents", str(SEED_78), "--corpus", str(corpus))
    assert empty.returncode == 2 and "the corpus is empty" in empty.stderr


def test_the_configuration_names_the_corpus_of_a_drafting_repository(tmp_path):
    (tmp_path / "drafter.toml").write_text('corpus = "agreed/corpus.sqlite"\n', encoding="utf-8")
    added = drafter("corpus", "add", str(SEED_62), cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert (tmp_path / "agreed" / "corpus.sqlite").is_file()
    found = drafter("precedents", str(SEED_78), cwd=tmp_path)
    assert "verbatim, A/RES/62/209" in found.stdout


# A clause of 78/167's eleventh preambular paragraph (a new one) that 62/209 adopted in its
# operative paragraph 12.
LANDLOCKED = {
    "text": "les pays en développement sans littoral et les petits États insulaires en"
    " développement",
    "symbol": "A/RES/62/209",
    "part": "operative",
    "number": 12,
    "subparagraph": None,
    "date": "2007-12-19",
}


def test_a_new_paragraph_s_clauses_adopted_before_are_found_with_where(tmp_path):
    corpus = corpus_of(tmp_path, SEED_62)
    result = precedents(SEED_78, corpus)
    landlocked = paragraph(result, "preamble", 11)
    assert landlocked["verdict"] == "new"
    assert LANDLOCKED in landlocked["phrases"]
    assert paragraph(result, "operative", 2)["phrases"] == []  # verbatim: no clause to trace
    assert result["summary"]["with_agreed_phrases"] >= 1


def test_the_markdown_report_is_a_table_delegations_can_paste(tmp_path):
    corpus = corpus_of(tmp_path, SEED_62)
    table = drafter("precedents", str(SEED_78), "--corpus", str(corpus), "-f", "markdown")
    lines = table.stdout.splitlines()
    assert lines[2] == "| Paragraph | Verdict | Source | Date | Similarity | Changes or clauses |"
    assert "| OP 2 | verbatim | A/RES/62/209 OP 2 | 2007-12-19 | 1.00 |  |" in lines
    assert all(line.count(" | ") == 5 for line in lines[4:])


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_the_html_report_opens_offline_in_a_browser(tmp_path):
    from test_diff_html import _chromium

    corpus = corpus_of(tmp_path, SEED_62)
    page = tmp_path / "precedents.html"
    made = drafter("precedents", str(SEED_78), "--corpus", str(corpus), "-f", "html")
    page.write_text(made.stdout, encoding="utf-8")
    assert "<script" not in made.stdout.lower()
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", made.stdout)
    dom = _chromium(page, "--dump-dom").stdout
    assert '<th scope="row">OP 2</th><td class="verbatim">verbatim</td>' in dom
    assert "A/RES/62/209 OP 2" in dom


def test_a_kill_in_the_middle_of_an_add_leaves_every_document_whole(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    text = SEED_62.read_text(encoding="utf-8")
    for number in range(200):  # resolutions of their own
        (folder / f"{number:02}.txt").write_text(
            text.replace("62/209. ", f"62/{300 + number}. ", 1), encoding="utf-8"
        )
    corpus = tmp_path / "corpus.sqlite"
    drafter("corpus", "add", str(SEED_78), "--corpus", str(corpus))
    before = drafter("corpus", "list", "--corpus", str(corpus)).stdout
    run = subprocess.Popen(
        [sys.executable, "-m", "drafter", "corpus", "add", str(folder), "--corpus", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    watch = sqlite3.connect(corpus, timeout=30)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # killed in the middle: some documents in, not all
        if watch.execute("SELECT count(*) FROM documents").fetchone()[0] >= 12:
            break
        time.sleep(0.02)
    run.kill()
    watch.close()
    run.wait()
    db = sqlite3.connect(corpus)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.execute("INSERT INTO words (words) VALUES ('integrity-check')")  # raises if torn
    counts = db.execute(
        "SELECT documents.symbol, count(paragraphs.id) FROM documents"
        " LEFT JOIN paragraphs ON paragraphs.document = documents.id GROUP BY documents.id"
    ).fetchall()
    kept = int(before.split("\t")[3].split()[0])  # "51 paragraphs"
    assert ("A/RES/78/167", kept) in counts
    assert all(paragraphs == 28 for symbol, paragraphs in counts if symbol != "A/RES/78/167")
    assert 12 <= len(counts) < 201, "the kill came after the add: nothing tested"
    waiting = db.execute("SELECT count(*) FROM unindexed").fetchone()[0]
    db.rollback()
    db.close()
    assert waiting > 0, "the kill came between two batches: nothing left to index"
    stats = drafter("corpus", "stats", "--corpus", str(corpus)).stdout
    assert f"{waiting} documents not indexed yet" in stats
    found = drafter("precedents", str(SEED_62), "--corpus", str(corpus))
    assert found.returncode == 0 and "not indexed yet" in found.stderr
    again = drafter("corpus", "add", str(folder), "--corpus", str(corpus))
    assert again.returncode == 0
    assert len(drafter("corpus", "list", "--corpus", str(corpus)).stdout.splitlines()) == 201
    assert_words_counted(corpus)  # those the kill left unindexed, indexed by the next add


DRAFT = """Assemblée générale

Projet de résolution

Coopération Sud-Sud

L'Assemblée générale,

Rappelant sa résolution 77/185 du 14 décembre 2022,

1. *Prend note* du rapport du Secrétaire général ;

2. *Décide* d'inscrire la question à l'ordre du jour de sa quatre-vingtième session.
"""


def test_diff_says_where_the_new_words_were_adopted_before(tmp_path):
    corpus = corpus_of(tmp_path, SEED_62)
    old = tmp_path / "old.txt"
    old.write_text(DRAFT, encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(
        DRAFT.replace(
            "1. *Prend note* du rapport du Secrétaire général ;",
            "1. *Prend note* du rapport du Secrétaire général ;\n\n"
            "2. *Souligne* les besoins des pays les moins avancés, les pays en développement"
            " sans littoral et les petits États insulaires en développement ;",
        ).replace("2. *Décide*", "3. *Décide*"),
        encoding="utf-8",
    )
    found = drafter("diff", str(old), str(new), "--corpus", str(corpus), "--format", "json")
    added = next(p for p in json.loads(found.stdout)["paragraphs"] if p["status"] == "new")
    assert added["sources"] == [LANDLOCKED]
    text = drafter("diff", str(old), str(new), "--corpus", str(corpus)).stdout
    assert "adopted before: “les pays en développement sans littoral" in text
    plain = drafter("diff", str(old), str(new), "--format", "json").stdout
    assert all(p["sources"] == [] for p in json.loads(plain)["paragraphs"])


SETPRIV = shutil.which("setpriv")


@pytest.mark.skipif(
    SETPRIV is None or not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="needs root and setpriv, to query as a user who may not write the corpus",
)
def test_a_corpus_another_user_may_not_write_is_still_queried():
    """The corpus of a shared folder, read by a user who may not write it (nor its folder, so
    that SQLite cannot make the WAL's shared-memory file there): precedents answer, an add is
    refused in one line."""
    folder = Path(tempfile.mkdtemp(prefix="drafter-read-only-"))
    try:
        folder.chmod(0o755)  # others may read and enter, not write
        corpus = folder / "corpus.sqlite"
        assert drafter("corpus", "add", str(SEED_62), "--corpus", str(corpus)).returncode == 0
        corpus.chmod(0o644)
        draft = folder / "78-167.txt"
        shutil.copy(SEED_78, draft)
        draft.chmod(0o644)

        def as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
            command = [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"]
            return subprocess.run(
                [*command, sys.executable, "-m", "drafter", *args, "--corpus", str(corpus)],
                capture_output=True,
                text=True,
                env={**os.environ, "HOME": str(folder)},  # no cache of root's to write
                timeout=120,
            )

        answered = as_nobody("precedents", str(draft), "--format", "json")
        assert answered.returncode == 0, answered.stderr
        found = json.loads(answered.stdout)
        assert paragraph(found, "operative", 2)["precedents"][0]["symbol"] == "A/RES/62/209"
        refused = as_nobody("corpus", "add", str(draft))
        assert refused.returncode == 2 and "cannot be changed by you" in refused.stderr
        assert "Traceback" not in refused.stderr
        listed = as_nobody("corpus", "list")
        assert listed.returncode == 0 and "A/RES/62/209" in listed.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)
