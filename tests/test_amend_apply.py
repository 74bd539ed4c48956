"""`drafter amend` writes the amendments that turn one version into another, in the UN's form;
`drafter apply` carries amendments out on a draft. Round trips on synthetic pairs (words
inserted, deleted and replaced, paragraphs inserted, deleted and moved, subparagraphs, the
last paragraph gone) and on the seeds, which are two sessions of one resolution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED_62, SEED_78, drafter
from word_documents import assert_accepted_and_rejected, libreoffice_text, needs_uno

from drafter.amendments.apply import paragraph_lines
from drafter.diff.compare import compare
from drafter.model import SUPERSCRIPT_DIGITS
from drafter.parser import parse_text
from drafter.reader import read_source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "amendments"
DRAFT, REVISED = FIXTURES / "en_draft.txt", FIXTURES / "en_revised.txt"

FRENCH_DRAFT = """Assemblée générale

Projet de résolution

Coopération Sud-Sud

L'Assemblée générale,

Rappelant sa résolution 77/185 du 14 décembre 2022,

Réaffirmant que la coopération Sud-Sud complète la coopération Nord-Sud,

1. *Prend note* du rapport du Secrétaire général ;

2. *Engage* les États Membres à :
a) Renforcer leurs capacités nationales ;
b) Partager leurs données d'expérience ;

3. *Prie* le Secrétaire général de lui faire rapport sur l'application du paragraphe 2 ci-dessus ;

4. *Décide* d'inscrire la question à l'ordre du jour de sa quatre-vingtième session.
"""

FRENCH_REVISED = """Assemblée générale

Projet de résolution

Coopération Sud-Sud

L'Assemblée générale,

Réaffirmant que la coopération Sud-Sud complète la coopération Nord-Sud,

Rappelant sa résolution 77/185 du 14 décembre 2022,

1. *Prend note avec satisfaction* du rapport du Secrétaire général ;

2. *Engage* les États Membres à :
a) Renforcer leurs capacités nationales et régionales ;
b) Partager leurs données d'expérience ;

3. *Prie* le Secrétaire général de lui faire rapport sur l'application du paragraphe 2 ci-dessus.
"""


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def round_trip(tmp_path: Path, old: Path, new: Path) -> str:
    """NEW as `drafter apply OLD $(drafter amend OLD NEW)` gives it."""
    amendment = tmp_path / "amendment.txt"
    made = drafter("amend", str(old), str(new), "--by", "Sweden", "-o", str(amendment))
    assert made.returncode == 0, made.stderr
    applied = drafter("apply", str(old), str(amendment))
    assert applied.returncode == 0, applied.stderr
    return applied.stdout


def body_differences(expected: str, got: str) -> list[tuple[str, str, list]]:
    """The paragraphs of the body whose words differ (footnote calls aside: amendments do
    not carry footnotes yet)."""
    comparison = compare(parse_text(expected), parse_text(got))
    return [
        (entry.part, entry.status, edits)
        for entry in comparison.entries
        if entry.part in ("preamble", "operative")
        if (edits := [e for e in entry.edits if (e.old + e.new).strip(SUPERSCRIPT_DIGITS)])
        or entry.status in ("new", "deleted", "moved")
    ]


def test_the_amendment_document_is_in_the_uns_form():
    made = drafter("amend", str(DRAFT), str(REVISED), "--by", "Denmark")
    assert made.returncode == 0, made.stderr
    assert made.stdout == (
        "Denmark: amendments to draft resolution A/C.3/80/L.20\n\n"
        "Rights of the child\n\n"
        "1. In the second preambular paragraph, after “States”, insert “and regional"
        " organizations”.\n\n"
        "2. Delete the third preambular paragraph.\n\n"
        "3. In operative paragraph 1, replace “Encourages” with “Calls upon”.\n\n"
        "4. After operative paragraph 1, insert a new paragraph reading:\n\n"
        "*Urges* all States to act;\n\n"
        # (Not "replace “2” with “3”" in paragraph 3: apply renumbers references.)
        "5. In operative paragraph 2, delete “sexual and reproductive”.\n"
    )


def test_round_trip_gives_the_new_version_exactly(tmp_path):
    assert round_trip(tmp_path, DRAFT, REVISED) == REVISED.read_text(encoding="utf-8")


def test_french_round_trip_with_a_move_a_subparagraph_and_the_last_paragraph_gone(tmp_path):
    old = written(tmp_path, "old.txt", FRENCH_DRAFT)
    new = written(tmp_path, "new.txt", FRENCH_REVISED)
    made = drafter("amend", str(old), str(new))
    assert made.stdout.split("\n\n")[2:] == [
        # The moved paragraph: inserted where it goes, deleted where it was.
        "1. Avant le premier alinéa du préambule, insérer un nouvel alinéa ainsi libellé :",
        "Réaffirmant que la coopération Sud-Sud complète la coopération Nord-Sud,",
        "2. Supprimer le deuxième alinéa du préambule.",
        "3. Au paragraphe 1 du dispositif, après « note », insérer « avec satisfaction ».",
        "4. À l'alinéa a) du paragraphe 2 du dispositif, après « nationales », insérer"
        " « et régionales ».",
        "5. Supprimer le paragraphe 4 du dispositif.\n",
    ]
    assert made.stdout.startswith("[[auteurs]] : amendements au projet de résolution [[projet]]")
    got = round_trip(tmp_path, old, new)
    assert body_differences(FRENCH_REVISED, got) == []
    # The new last paragraph ends with a full stop: the amendment did not have to say so.
    assert "paragraphe 2 ci-dessus.\n" in got


@pytest.mark.parametrize(("old", "new"), [(SEED_62, SEED_78), (SEED_78, SEED_62)])
def test_round_trip_between_two_sessions_of_a_resolution(tmp_path, old, new):
    got = round_trip(tmp_path, old, new)
    assert body_differences(new.read_text(encoding="utf-8"), got) == []


def test_the_same_change_in_several_paragraphs_is_one_amendment(tmp_path):
    text = DRAFT.read_text(encoding="utf-8")
    old = written(tmp_path, "old.txt", text)
    new = written(tmp_path, "new.txt", text.replace("States to", "States, as appropriate, to"))
    made = drafter("amend", str(old), str(new))
    assert (
        "\n1. In operative paragraphs 1 and 2, after “States”, insert “, as appropriate,”.\n"
        in (made.stdout)
    )
    assert round_trip(tmp_path, old, new) == new.read_text(encoding="utf-8")


AMENDMENT = """Sweden: amendments to draft resolution A/C.3/80/L.20

1. In operative paragraph 2, delete “sexual and reproductive”.

2. In operative paragraph 1, replace “Encourages” with “Calls upon”.

3. After operative paragraph 2, insert a new paragraph reading:

*Urges* all States to act;
"""


def test_apply_carries_out_a_document_renumbers_and_follows_references(tmp_path):
    amendment = written(tmp_path, "L.70.txt", AMENDMENT)
    applied = drafter("apply", str(DRAFT), str(amendment))
    assert applied.returncode == 0, applied.stderr
    assert "1. *Calls upon* States to protect all children;" in applied.stdout
    assert "access to health, education and care;" in applied.stdout
    assert "3. *Urges* all States to act;" in applied.stdout
    assert (
        "4. *Requests* the Secretary-General to report on the implementation of paragraph 2"
        in applied.stdout
    )
    assert "5. *Decides* to continue" in applied.stdout


def test_only_applies_the_amendments_named(tmp_path):
    amendment = written(tmp_path, "L.70.txt", AMENDMENT)
    applied = drafter("apply", str(DRAFT), str(amendment), "--only", "2")
    assert "1. *Calls upon* States" in applied.stdout
    assert "sexual and reproductive health" in applied.stdout
    assert "*Urges*" not in applied.stdout


@pytest.mark.parametrize(
    ("instruction", "said"),
    [
        (
            "In operative paragraph 2, delete “sexual health”.",
            "amendment 1: “sexual health” is not in operative paragraph 2; the closest words"
            " there are “sexual and”",
        ),
        (
            "In operative paragraph 9, delete “States”.",
            "amendment 1 names operative paragraph 9; the draft's are numbered 1 to 4",
        ),
        (
            "In the fifth preambular paragraph, delete “States”.",
            "amendment 1 names preambular paragraph 5; the draft has 3 preambular paragraphs",
        ),
        (
            "In operative paragraph 1, delete “children”.",
            "amendment 1: “children” is 2 times",
        ),
    ],
)
def test_an_amendment_that_does_not_fit_the_draft_stops_everything(tmp_path, instruction, said):
    text = f"Sweden: amendment to draft resolution A/C.3/80/L.20\n\n1. {instruction}\n"
    if "children”" in instruction:
        base = DRAFT.read_text(encoding="utf-8").replace(
            "all children;", "all children and children;"
        )
        draft = written(tmp_path, "draft.txt", base)
    else:
        draft = DRAFT
    amendment = written(tmp_path, "L.71.txt", text)
    out = tmp_path / "amended.txt"
    applied = drafter("apply", str(draft), str(amendment), "-o", str(out))
    assert applied.returncode == 2
    assert said in applied.stderr
    assert not out.exists()


def test_two_documents_that_change_the_same_words_are_in_conflict(tmp_path):
    one = written(
        tmp_path,
        "L.70.txt",
        "Sweden: amendment to draft resolution A/C.3/80/L.20\n\n"
        "1. In operative paragraph 1, replace “Encourages” with “Calls upon”.\n",
    )
    two = written(
        tmp_path,
        "L.71.txt",
        "Norway: amendment to draft resolution A/C.3/80/L.20\n\n"
        "1. In operative paragraph 1, delete “Encourages”.\n",
    )
    applied = drafter("apply", str(DRAFT), str(one), str(two))
    assert applied.returncode == 2
    assert "amendment 1 of L.70.txt and amendment 1 of L.71.txt change the same words" in (
        applied.stderr
    )


def test_apply_refuses_a_file_that_is_no_amendment_and_amend_a_file_that_is_no_resolution(
    tmp_path,
):
    applied = drafter("apply", str(DRAFT), str(REVISED))
    assert applied.returncode == 2 and "not an amendment document" in applied.stderr
    junk = written(tmp_path, "junk.txt", "Nothing to see here.\n")
    made = drafter("amend", str(junk), str(REVISED))
    assert made.returncode == 2 and "junk.txt" in made.stderr


def test_amend_json_is_the_readme_contract():
    import json

    made = drafter("amend", str(DRAFT), str(REVISED), "--format", "json")
    document = json.loads(made.stdout)
    assert document["kind"] == "amendment" and document["amends"] == "A/C.3/80/L.20"
    assert document["amendments"][1] == {
        "number": 2,
        "action": "delete",
        "target": {"part": "preamble", "numbers": [3], "subparagraph": None},
        "old": None,
        "new": None,
        "anchor": None,
    }


# A real draft (A/C.3/80/L.20, 51 preambular and 57 operative paragraphs, from its PDF), and
# amendments in the UN's forms that quote its words.
REAL_DRAFT = FIXTURES / "A_C.3_80_L.20.pdf"
REAL_AMENDMENTS = """Sweden:* amendments to draft resolution A/C.3/80/L.20

Rights of the child

1. In operative paragraph 13, delete “sexual and reproductive health,”.

2. In operative paragraphs 25 and 42, delete “sexual and reproductive”.

3. In operative paragraph 5, replace “Urges” with “Calls upon”.

4. After operative paragraph 3, insert a new paragraph reading:

*Urges* all States to act;

5. In the third preambular paragraph, after “Rights of the Child”, insert “and regional
organizations”.

6. In subparagraph (b) of operative paragraph 57, replace “eighty-second” with “eighty-third”.

7. Delete the eighth preambular paragraph.
"""


def test_amendments_to_a_real_draft_are_carried_out_on_its_pdf(tmp_path):
    amendment = written(tmp_path, "L.70.txt", REAL_AMENDMENTS)
    applied = drafter("apply", str(REAL_DRAFT), str(amendment))
    assert applied.returncode == 0, applied.stderr
    amended = parse_text(applied.stdout)
    assert (len(amended.preamble), len(amended.operative)) == (50, 58)
    assert [p.number for p in amended.operative] == list(range(1, 59))
    assert amended.operative[3].content.text == "Urges all States to act;"
    assert amended.operative[5].content.text.startswith("Calls upon States to review")
    assert "sexual and reproductive" not in amended.operative[13].content.text
    assert "sexual and reproductive" not in amended.operative[25].content.text
    assert "sexual and reproductive" not in amended.operative[42].content.text
    assert "sexual and reproductive" in amended.operative[12].content.text  # old 12: untouched
    assert "Rights of the Child and regional organizations" in amended.preamble[2].content.text
    assert all("Summit of the Future on 22" not in p.content.text for p in amended.preamble)
    assert "eighty-third session" in amended.operative[57].subparagraphs[1].content.text
    assert amended.operative[-1].content.text.startswith("Decides")
    # The amended text breaks none of the conventions the draft kept.
    linted = drafter("lint", "-", "--select", "N,P,S", stdin=applied.stdout.encode("utf-8"))
    assert linted.returncode == 0, linted.stdout


def test_round_trip_on_a_real_draft(tmp_path):
    """Paragraphs deleted, added, rewritten, and the same words gone from two, in the draft's
    text (as drafter reads it from the PDF), renumbered by drafter's own fix."""
    text = read_source(REAL_DRAFT).text
    draft = parse_text(text)
    operative = {p.number: paragraph_lines(p, text) for p in draft.operative}
    edits = [
        (*operative[13], ""),
        (*operative[20], "20. *Encourages* States to do much more for children;\n"),
        (operative[5][1], operative[5][1], "\n6. *Urges* all States to act;\n"),
        (*paragraph_lines(draft.preamble[7], text), ""),
    ]
    for number in (25, 42):
        start, end = operative[number]
        edits.append((start, end, re.sub(r"sexual\s+and\s+reproductive\s+", "", text[start:end])))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    new = written(tmp_path, "new.txt", text)
    fixed = drafter("lint", str(new), "--fix", "--unsafe-fixes", "--select", "N001")
    assert "fixed" in fixed.stdout, fixed.stdout
    made = drafter("amend", str(REAL_DRAFT), str(new))
    assert "In operative paragraphs 25 and 42, delete “sexual and reproductive”." in made.stdout
    assert "Delete operative paragraph 13." in made.stdout
    assert "Replace operative paragraph 20 with the following:" in made.stdout
    assert "After operative paragraph 5, insert a new paragraph reading:" in made.stdout
    assert "Delete the eighth preambular paragraph." in made.stdout
    got = round_trip(tmp_path, REAL_DRAFT, new)
    assert body_differences(new.read_text(encoding="utf-8"), got) == []


def _applied_as_word(tmp_path: Path) -> tuple[Path, str]:
    amendment = written(tmp_path, "L.70.txt", AMENDMENT)
    tracked = tmp_path / "amended.docx"
    made = drafter("apply", str(DRAFT), str(amendment), "-o", str(tracked))
    assert made.returncode == 0, made.stderr
    return tracked, drafter("apply", str(DRAFT), str(amendment)).stdout


def test_apply_to_a_word_document_tracks_the_amendments(tmp_path):
    tracked, amended = _applied_as_word(tmp_path)
    for revisions, expected in (("accepted", amended), ("rejected", DRAFT.read_text("utf-8"))):
        read = written(
            tmp_path,
            f"{revisions}.txt",
            drafter("text", str(tracked), "--revisions", revisions).stdout,
        )
        same = drafter("diff", str(read), str(written(tmp_path, "expected.txt", expected)))
        assert same.returncode == 0, (revisions, same.stdout)


@needs_uno
def test_a_word_processor_accepts_the_amendments_and_rejects_them_into_the_draft(tmp_path):
    tracked, amended = _applied_as_word(tmp_path)
    assert_accepted_and_rejected(tracked, amended, DRAFT.read_text("utf-8"))


def test_the_amendment_document_in_word_reads_back_and_applies(tmp_path):
    document = tmp_path / "L.70.docx"
    made = drafter(
        "amend", str(DRAFT), str(REVISED), "--by", "Denmark", "-f", "docx", "-o", str(document)
    )
    assert made.returncode == 0, made.stderr
    applied = drafter("apply", str(DRAFT), str(document))
    assert applied.stdout == REVISED.read_text(encoding="utf-8")


@needs_uno
def test_a_word_processor_opens_the_amendment_document_as_written(tmp_path):
    document = tmp_path / "L.70.docx"
    drafter("amend", str(DRAFT), str(REVISED), "--by", "Denmark", "-f", "docx", "-o", str(document))
    text = drafter("amend", str(DRAFT), str(REVISED), "--by", "Denmark").stdout
    lines = [line.replace("*", "") for line in text.splitlines() if line.strip()]
    assert [line for line in libreoffice_text(document, "accept") if line.strip()] == lines
