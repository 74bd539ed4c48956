"""Amendment documents in the General Assembly's own form, read into their model
(`drafter parse`): the real ones of the samples, and one synthetic text per language with
each form of instruction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import drafter

from drafter.amendments.read import find_amendment, read_amendment
from drafter.reader import read_source

PDFS = Path(__file__).resolve().parent / "fixtures" / "amendments"

ENGLISH = """United Nations A/C.3/80/L.70

General Assembly

Sweden:* amendments to draft resolution A/C.3/80/L.20/Rev.1

Rights of the child

1. In operative paragraph 13, delete “sexual and reproductive health,”.

2. In operative paragraphs 27 and 43, delete “sexual and reproductive”.

3. In operative paragraph 5, replace “encourages” with “calls upon”.

4. After operative paragraph 3, insert a new paragraph reading:

*Urges* all States to act;

5. In the eighth preambular paragraph, after “States”, insert “and regional organizations”.

6. In subparagraph (b) of operative paragraph 4, delete “all”.

7. Delete the second and fifth preambular paragraphs.
"""

FRENCH = """Nations Unies A/C.3/80/L.70

Assemblée générale

Suède : amendements au projet de résolution A/C.3/80/L.20/Rev.1

Droits de l'enfant

1. Au paragraphe 13 du dispositif, supprimer « santé sexuelle et procréative, ».

2. Supprimer le vingt et unième alinéa du préambule.

3. Au paragraphe 5 du dispositif, remplacer « encourage » par « demande ».

4. Après le paragraphe 3 du dispositif, insérer un nouveau paragraphe ainsi libellé :

*Exhorte* tous les États à agir ;

5. Au huitième alinéa du préambule, après « États », insérer « et les organisations régionales ».

6. Aux paragraphes 27 et 43 du dispositif, supprimer « sexuelle et procréative ».
"""


def stated(text: str, language: str) -> list[tuple]:
    document = read_amendment(text, language)
    assert document is not None and document.problems == []
    return [
        (a.number, a.action, a.target.part, a.target.numbers, a.target.subparagraph, a.old, a.new,
         a.anchor)
        for a in document.amendments
    ]  # fmt: skip


def test_each_english_instruction_is_read():
    assert stated(ENGLISH, "en") == [
        (1, "delete", "operative", [13], None, "sexual and reproductive health,", None, None),
        (2, "delete", "operative", [27, 43], None, "sexual and reproductive", None, None),
        (3, "replace", "operative", [5], None, "encourages", "calls upon", None),
        (4, "insert", "operative", [3], None, None, "Urges all States to act;", {"after": ""}),
        (5, "insert", "preamble", [8], None, None, "and regional organizations",
         {"after": "States"}),
        (6, "delete", "operative", [4], "b", "all", None, None),
        (7, "delete", "preamble", [2, 5], None, None, None, None),
    ]  # fmt: skip


def test_each_french_instruction_is_read():
    assert stated(FRENCH, "fr") == [
        (1, "delete", "operative", [13], None, "santé sexuelle et procréative,", None, None),
        (2, "delete", "preamble", [21], None, None, None, None),  # "vingt et unième": one
        (3, "replace", "operative", [5], None, "encourage", "demande", None),
        (4, "insert", "operative", [3], None, None, "Exhorte tous les États à agir ;",
         {"after": ""}),
        (5, "insert", "preamble", [8], None, None, "et les organisations régionales",
         {"after": "États"}),
        (6, "delete", "operative", [27, 43], None, "sexuelle et procréative", None, None),
    ]  # fmt: skip


def test_the_heading_names_the_draft_the_sponsors_and_the_title():
    document = find_amendment(ENGLISH)
    assert document is not None
    assert (document.symbol, document.amends, document.sponsors, document.language) == (
        "A/C.3/80/L.70", "A/C.3/80/L.20/Rev.1", "Sweden", "en"
    )  # fmt: skip
    assert document.title == "Rights of the child"
    assert find_amendment("The General Assembly,\n\n1. *Decides* this.\n") is None


def test_a_c2_80_l62_deletes_a_preambular_and_three_operative_paragraphs():
    # "Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39."
    document = find_amendment(read_source(PDFS / "A_C.2_80_L.62.pdf").text)
    assert document is not None and document.problems == []
    assert (document.symbol, document.amends, document.sponsors) == (
        "A/C.2/80/L.62", "A/C.2/80/L.13/Rev.1", "Denmark"
    )  # fmt: skip
    assert [(a.number, a.action, a.target.part, a.target.numbers) for a in document.amendments] == [
        (1, "delete", "preamble", [21]),
        (1, "delete", "operative", [35, 38, 39]),
    ]


def test_a_80_l19_deletes_a_preambular_paragraph_it_quotes():
    document = find_amendment(read_source(PDFS / "A_80_L.19.pdf").text)
    assert document is not None and document.problems == []
    assert (document.amends, document.sponsors) == ("A/80/L.18", "Russian Federation")
    [amendment] = document.amendments
    assert (amendment.action, amendment.target.part, amendment.target.numbers) == (
        "delete", "preamble", [38]
    )  # fmt: skip
    assert amendment.old is not None and amendment.old.startswith(
        "Recalling the inclusion of attacks intentionally directed against personnel"
    )
    assert amendment.old.endswith("serious violations of international humanitarian law,")
    assert "*" not in amendment.old and "**" not in amendment.old  # italics and call gone


def test_parse_gives_the_json_of_the_readme(tmp_path):
    run = drafter("parse", str(PDFS / "A_C.2_80_L.62.pdf"))
    assert run.returncode == 0, run.stderr
    model = json.loads(run.stdout)
    assert model["kind"] == "amendment" and model["amends"] == "A/C.2/80/L.13/Rev.1"
    assert model["amendments"][1] == {
        "number": 1,
        "action": "delete",
        "target": {"part": "operative", "numbers": [35, 38, 39], "subparagraph": None},
        "old": None,
        "new": None,
        "anchor": None,
    }
    shown = drafter("parse", str(PDFS / "A_80_L.19.pdf"), "--format", "text")
    assert "1. delete preambular paragraph 38, reading “Recalling the inclusion" in shown.stdout


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_instruction_drafter_cannot_read_is_said_with_its_line(tmp_path, language):
    text = ENGLISH if language == "en" else FRENCH
    path = tmp_path / "amendment.txt"
    path.write_text(text + "\n8. Rewrite the whole text.\n", encoding="utf-8")
    run = drafter("parse", str(path), "--format", "text")
    assert run.returncode == 1
    line = len(text.split("\n")) + 1
    assert f"amendment.txt:{line}:1: not an amendment drafter can read" in run.stderr


def test_lint_checks_an_amendments_own_conventions_and_no_resolution_rule(tmp_path):
    """The real amendment documents, and the synthetic ones, keep them: no finding."""
    path = tmp_path / "amendment.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    french = tmp_path / "amendement.txt"
    french.write_text(FRENCH, encoding="utf-8")
    for target in (path, french, PDFS / "A_80_L.19.pdf", PDFS / "A_C.2_80_L.62.pdf"):
        run = drafter("lint", str(target))
        assert run.returncode == 0, run.stdout + run.stderr
        assert "0 errors, 0 warnings in 1 file" in run.stdout


BROKEN = """Sweden: amendments to draft resolution A/C.3/80/L.20

1. In preambular paragraph 8, delete "States".

3. In operative paragraph 5, replace “encourages” with “calls upon”

4. After operative paragraph 3, insert a new paragraph reading.

*Urges* all States to act;

5. Paragraph 5 should say something else.
"""


def test_lint_reports_each_broken_convention_of_an_amendment(tmp_path):
    path = tmp_path / "amendment.txt"
    path.write_text(BROKEN, encoding="utf-8")
    run = drafter("lint", str(path), "--format", "json")
    assert run.returncode == 1
    found = sorted((f["line"], f["code"]) for f in json.loads(run.stdout))
    assert found == [
        (3, "A002"),  # straight quotes
        (3, "A003"),  # "preambular paragraph 8": the eighth
        (5, "A001"),  # 3 after 1
        (5, "A004"),  # no full stop
        (7, "A001"),
        (7, "A004"),  # "reading." announces: a colon
        (11, "A005"),  # no form drafter reads
    ]
    ignored = drafter("lint", str(path), "--ignore", "A001,A004")
    assert "A001" not in ignored.stdout and "A004" not in ignored.stdout
    assert "A002" in ignored.stdout


def test_the_amendment_rules_are_explained():
    run = drafter("rules", "A003")
    assert run.returncode == 0 and "the eighth preambular paragraph" in run.stdout
