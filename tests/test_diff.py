"""`drafter diff`: paragraphs paired by content across renumbering, insertions, deletions and
moves; technical updates told from substantive ones; the outputs and their contract."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ENGLISH, SEED_62, SEED_78, draft, draft_en, drafter, seed_text

from drafter.diff.compare import CannotCompare, Comparison, compare
from drafter.diff.formats import to_json
from drafter.diff.words import changes
from drafter.parser import parse_text
from drafter.scaffold.updates import next_session

PREAMBLE = [
    "Recalling its resolution 77/185 of 14 December 2022,",
    "*Reaffirming* the importance of South-South cooperation for development,",
    "*Noting* the report of the Secretary-General on the state of cooperation,",
]
OPERATIVE = [
    "*Welcomes* the efforts of Member States to strengthen cooperation among them;",
    "*Encourages* the United Nations system to support national development plans;",
    "*Requests* the Secretary-General to submit a report at its next session;",
    "*Invites* donors to contribute to the trust fund for technical assistance;",
    "*Decides* to remain seized of the matter.",
]


def _text(preamble: list[str], operative: list[str], footnotes: tuple[str, ...] = ()) -> str:
    numbered = [f"{n}. {paragraph}" for n, paragraph in enumerate(operative, 1)]
    return draft_en(*preamble, *numbered, *footnotes)


def _compare(old: str, new: str) -> Comparison:
    return compare(parse_text(old), parse_text(new))


def _body(comparison: Comparison) -> list[tuple[str, str, int | None, int | None]]:
    return [
        (e.part, e.status, e.old.number if e.old else None, e.new.number if e.new else None)
        for e in comparison.entries
        if e.part in ("preamble", "operative", "footnote")
    ]


def test_the_same_text_has_no_change_and_exits_0(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    result = drafter("diff", str(path), str(path))
    assert result.returncode == 0, result.stderr
    assert "no change" in result.stdout


def test_a_paragraph_inserted_early_leaves_the_others_unchanged_but_renumbered():
    inserted = "*Stresses* the need for predictable funding of the trust fund;"
    comparison = _compare(
        _text(PREAMBLE, OPERATIVE), _text(PREAMBLE, [OPERATIVE[0], inserted, *OPERATIVE[1:]])
    )
    operative = [row for row in _body(comparison) if row[0] == "operative"]
    assert operative == [
        ("operative", "unchanged", 1, 1),
        ("operative", "new", None, 2),
        ("operative", "unchanged", 2, 3),
        ("operative", "unchanged", 3, 4),
        ("operative", "unchanged", 4, 5),
        ("operative", "unchanged", 5, 6),
    ]
    new = next(e for e in comparison.entries if e.status == "new")
    assert not new.technical and new.edits[0].new == inserted.replace("*", "")


def test_two_paragraphs_swapped_are_moved_not_amended():
    swapped = [OPERATIVE[0], OPERATIVE[2], OPERATIVE[1], *OPERATIVE[3:]]
    comparison = _compare(_text(PREAMBLE, OPERATIVE), _text(PREAMBLE, swapped))
    statuses = [row[1] for row in _body(comparison)]
    assert "amended" not in statuses and "new" not in statuses and "deleted" not in statuses
    moved = [e for e in comparison.entries if e.status == "moved"]
    assert len(moved) == 1 and moved[0].edits == []
    assert {(moved[0].old.number, moved[0].new.number)} <= {(2, 3), (3, 2)}


def test_one_word_changed_is_amended_and_the_word_shown():
    changed = [*OPERATIVE[:3], OPERATIVE[3].replace("Invites", "Urges"), OPERATIVE[4]]
    comparison = _compare(_text(PREAMBLE, OPERATIVE), _text(PREAMBLE, changed))
    amended = [e for e in comparison.entries if e.status == "amended"]
    assert len(amended) == 1 and amended[0].new.number == 4
    assert [(e.old, e.new, e.technical) for e in amended[0].edits] == [("Invites", "Urges", False)]


def test_a_paragraph_split_in_two_is_one_amended_and_one_split_off():
    whole = (
        "*Reaffirming* the importance of South-South cooperation for development, and stressing"
        " the need for predictable and sustained funding of the trust fund,"
    )
    first = "*Reaffirming* the importance of South-South cooperation for development,"
    second = "*Stressing* the need for predictable and sustained funding of the trust fund,"
    comparison = _compare(
        _text([PREAMBLE[0], whole, PREAMBLE[2]], OPERATIVE),
        _text([PREAMBLE[0], first, second, PREAMBLE[2]], OPERATIVE),
    )
    preamble = [e for e in comparison.entries if e.part == "preamble"]
    assert [e.status for e in preamble[::3]] == ["unchanged", "unchanged"]
    halves = {e.status: e for e in preamble[1:3]}
    assert set(halves) == {"amended", "new"}  # the half with more of the words is the amended
    assert halves["new"].cut_from is halves["amended"].old
    assert f"split off {halves['amended'].old.name}" in _markdown(comparison)
    # The JSON says it too.
    from drafter.diff.formats import to_json

    paragraphs = json.loads(to_json(comparison, "old.txt", "new.txt"))["paragraphs"]
    [cut] = [p for p in paragraphs if p["status"] == "new"]
    assert cut["split_off"] == halves["amended"].old.name and cut["merged_into"] is None
    assert all(p["split_off"] is None for p in paragraphs if p is not cut)


def _markdown(comparison: Comparison) -> str:
    from drafter.diff.formats import to_markdown

    return to_markdown(comparison, "old.txt", "new.txt")


def test_a_footnote_renumbered_is_unchanged_and_its_call_no_change():
    note_a, note_b = "¹ Resolution 70/1.", "² A/78/290."
    new_note = "² See A/78/15, chap. II."
    old = _text(
        ["Recalling the 2030 Agenda,¹", "*Noting* the report,²", PREAMBLE[1]],
        OPERATIVE,
        (note_a, note_b),
    )
    new = _text(
        [
            "Recalling the 2030 Agenda,¹",
            "*Noting* the annual report,²",
            "*Noting also* the review,³",
            PREAMBLE[1],
        ],
        OPERATIVE,
        (note_a, new_note, "³ A/78/290."),
    )
    comparison = _compare(old, new)
    footnotes = [row for row in _body(comparison) if row[0] == "footnote"]
    assert footnotes == [
        ("footnote", "unchanged", 1, 1),
        ("footnote", "new", None, 2),
        ("footnote", "unchanged", 2, 3),
    ]
    moved_call = next(e for e in comparison.entries if e.part == "preamble" and e.new.number == 3)
    assert moved_call.status == "new"


def test_a_deleted_paragraph_stands_where_it_stood():
    comparison = _compare(
        _text(PREAMBLE, OPERATIVE), _text(PREAMBLE, [*OPERATIVE[:1], *OPERATIVE[2:]])
    )
    operative = [row for row in _body(comparison) if row[0] == "operative"]
    assert operative[:3] == [
        ("operative", "unchanged", 1, 1),
        ("operative", "deleted", 2, None),
        ("operative", "unchanged", 3, 2),
    ]


def test_the_seed_against_its_own_next_draft_is_all_technical_and_nothing_is_missed(
    model_78, tmp_path
):
    draft_path = tmp_path / "draft-79.txt"
    assert drafter("new", str(SEED_78), "-o", str(draft_path), "-q").returncode == 0
    comparison = compare(model_78, parse_text(draft_path.read_text(encoding="utf-8")))
    planned = next_session(model_78)  # what drafter new changed, by the texts of model_78
    changed = [e for e in comparison.entries if e.status != "unchanged" or e.renumbered]
    assert changed and all(e.technical for e in changed), [
        (e.part, e.status, e.edits) for e in changed if not e.technical
    ]
    # Every text drafter new edited is reported amended, and applying the reported word
    # changes to the old text gives the new one.
    edited = set(planned.changes)
    for entry in comparison.entries:
        for block in entry.blocks:
            if block.old is None or block.new is None:
                continue
            if block.old.inline is not None and id(block.old.inline) in edited:
                assert block.changes, entry.new.name
                edited.discard(id(block.old.inline))
            rebuilt, cursor = [], 0
            for change in block.changes:
                rebuilt += [block.old.text[cursor : change.old_start], change.new(block.new.text)]
                cursor = change.old_end
            assert "".join(rebuilt) + block.old.text[cursor:] == block.new.text
    assert not edited  # no change of drafter new's went unreported


def test_a_substantive_change_beside_technical_ones_is_substantive():
    old = _text(PREAMBLE, OPERATIVE)
    new = old.replace("Welcomes", "Commends").replace("Seventy-eighth", "Seventy-ninth")
    comparison = _compare(old, new)
    session = next(e for e in comparison.entries if e.old and e.old.label == "session")
    welcomes = next(
        e for e in comparison.entries if e.new and e.new.number == 1 and e.part == "operative"
    )
    assert session.technical and not welcomes.technical


def test_a_recall_list_gaining_another_resolution_is_substantive():
    old = _text(PREAMBLE, OPERATIVE)
    previous = (
        "Recalling its resolutions 77/185 of 14 December 2022 and 78/500 of 19 December 2023,"
    )
    other = "Recalling its resolutions 77/185 of 14 December 2022 and 78/300 of 19 December 2023,"
    technical = _compare(old, old.replace(PREAMBLE[0], previous))
    substantive = _compare(old, old.replace(PREAMBLE[0], other))
    assert next(e for e in technical.entries if e.status == "amended").technical
    assert not next(e for e in substantive.entries if e.status == "amended").technical


def test_subparagraphs_are_compared_inside_their_paragraph():
    old = _text(PREAMBLE, [*OPERATIVE[:4], "*Decides* to consider:"]).replace(
        "to consider:", "to consider:\n\n(a) The report;\n\n(b) The plan."
    )
    new = old.replace("(b) The plan.", "(b) The revised plan;\n\n(c) The budget.")
    comparison = _compare(old, new)
    amended = [e for e in comparison.entries if e.status == "amended"]
    assert len(amended) == 1
    edits = [(e.subparagraph, e.old, e.new) for e in amended[0].edits]
    assert ("b", "", "revised") in edits and ("c", "", "The budget.") in edits


def test_words_are_compared_not_characters():
    old, new = "to strengthen cooperation among them", "to strengthen the cooperation among States"
    found = [(c.old(old).strip(), c.new(new).strip()) for c in changes(old, new)]
    assert found == [("", "the"), ("them", "States")]


def test_two_languages_are_refused_in_one_line(tmp_path):
    french, english = tmp_path / "fr.txt", tmp_path / "en.txt"
    french.write_text(seed_text(SEED_78), encoding="utf-8")
    english.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    with pytest.raises(CannotCompare):
        compare(parse_text(french.read_text()), parse_text(english.read_text()))
    result = drafter("diff", str(french), str(english))
    assert result.returncode == 2 and "two languages" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("bad", [b"", b"\x00\x01binary", b"Dear colleagues, lunch is at one."])
def test_bad_input_gets_one_line_and_exit_2(tmp_path, bad):
    good, broken = tmp_path / "good.txt", tmp_path / "broken.txt"
    good.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    broken.write_bytes(bad)
    for args in ((str(good), str(broken)), (str(broken), str(good))):
        result = drafter("diff", *args)
        assert result.returncode == 2 and "broken.txt" in result.stderr
        assert "Traceback" not in result.stderr


def test_the_json_is_the_contract_of_the_readme(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    new.write_text(_text(PREAMBLE, [OPERATIVE[0], "*Notes* the plan;", *OPERATIVE[1:]]), "utf-8")
    result = drafter("diff", str(old), str(new), "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["old"] == {"path": str(old), "symbol": "78/500", "session": 78}
    assert set(data) == {"old", "new", "paragraphs"}
    for paragraph in data["paragraphs"]:
        assert paragraph["part"] in ("preamble", "operative", "footnote", "heading", "closing")
        assert paragraph["status"] in ("unchanged", "amended", "new", "deleted", "moved")
        assert isinstance(paragraph["technical"], bool)
        for change in paragraph["changes"]:
            assert isinstance(change["old"], str) and isinstance(change["new"], str)
    new_one = [p for p in data["paragraphs"] if p["status"] == "new"]
    assert new_one == [
        {
            "part": "operative",
            "name": "OP 2",
            "status": "new",
            "old_number": None,
            "new_number": 2,
            "technical": False,
            "split_off": None,
            "merged_into": None,
            "changes": [
                {"old": "", "new": "Notes the plan;", "technical": False, "subparagraph": None}
            ],
            "sources": [],  # where its words were adopted before: with --corpus only
        }
    ]
    renumbered = [
        p for p in data["paragraphs"] if p["old_number"] == 2 and p["part"] == "operative"
    ]
    assert renumbered[0]["new_number"] == 3 and renumbered[0]["status"] == "unchanged"


def test_markdown_is_the_table_delegations_circulate(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    new.write_text(
        _text(PREAMBLE, [OPERATIVE[0], "*Notes* the plan;", *OPERATIVE[1:]]).replace(
            "Invites", "Urges"
        ),
        "utf-8",
    )
    table = drafter("diff", str(old), str(new), "-f", "markdown").stdout.splitlines()
    assert "| Paragraph | Status | Old | New | Change |" in table
    assert "| OP 2 | new |  | 2 | “Notes the plan;” |" in table
    assert "| OP 4 → 5 | amended | 4 | 5 | “Invites” → “Urges” |" in table
    assert "| OP 2 → 3 | unchanged | 2 | 3 | renumbered |" in table


def test_the_output_file_is_not_overwritten_unless_told(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    report = tmp_path / "changes.md"
    report.write_text("mine", encoding="utf-8")
    result = drafter("diff", str(old), str(old), "-f", "markdown", "-o", str(report))
    assert result.returncode == 2 and "--force" in result.stderr
    assert report.read_text(encoding="utf-8") == "mine"
    result = drafter("diff", str(old), str(old), "-f", "markdown", "-o", str(report), "--force")
    assert result.returncode == 0 and "no change" in report.read_text(encoding="utf-8")


def test_a_pdf_against_the_text_drafter_reads_from_it_has_no_change(tmp_path):
    pdf = sorted((ENGLISH.parent / "pdf").glob("*.pdf"))[0]
    text = tmp_path / "from-pdf.txt"
    text.write_text(drafter("text", str(pdf)).stdout, encoding="utf-8")
    result = drafter("diff", str(pdf), str(text))
    assert result.returncode == 0 and "no change" in result.stdout, result.stdout


def test_french_works_as_english_does():
    old = draft(
        "1. *Décide* de poursuivre ses travaux ;",
        "2. *Prie* le Secrétaire général de faire rapport.",
    )
    new = draft(
        "1. *Décide* de poursuivre activement ses travaux ;",
        "2. *Prie* le Secrétaire général de faire rapport.",
    )
    comparison = _compare(old, new)
    amended = [e for e in comparison.entries if e.status == "amended"]
    assert [(e.old, e.new) for e in amended[0].edits] == [("", "activement")]


def test_a_reference_that_follows_its_renumbered_paragraph_is_technical():
    last = "*Decides* that the measures in paragraph 2 above apply."
    old = _text(PREAMBLE, [*OPERATIVE[:2], last])
    new = _text(PREAMBLE, [OPERATIVE[0], "*Notes* the plan;", OPERATIVE[1], last.replace("2", "3")])
    comparison = _compare(old, new)
    followed = next(e for e in comparison.entries if e.new and e.new.number == 4)
    assert followed.status == "amended" and followed.renumbered
    assert [(e.old, e.new, e.technical) for e in followed.edits] == [("2", "3", True)]
    wrong = _compare(old, new.replace("paragraph 3 above", "paragraph 1 above"))
    astray = next(e for e in wrong.entries if e.new and e.new.number == 4)
    assert not astray.technical


SAMPLES = [
    SEED_78,
    SEED_62,
    *sorted(ENGLISH.glob("en_[0-9]*.txt")),
    *sorted((ENGLISH.parent / "pdf").glob("A_RES_*.pdf")),
]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_change_of_drafter_new_is_technical_on_real_resolutions(path):
    from drafter.reader import read_source
    from drafter.scaffold.render import builtin_template, render

    previous = parse_text(read_source(path).text)
    planned = next_session(previous)
    draft_text = render(builtin_template(previous.language), planned.context)
    draft = parse_text(draft_text)
    comparison = compare(previous, draft)
    changed = [e for e in comparison.entries if e.updated]
    assert changed, "drafter new changes at least the session"
    assert [(e.part, e.status, e.edits) for e in changed if not e.technical] == []
    # No paragraph loses its number; every symbol is the previous text's, or one renewed for
    # the new session with its number left to fill.
    assert [p.number for p in draft.operative] == [p.number for p in previous.operative]
    before = {s.symbol for block in previous.blocks() for s in block.symbols}
    after = {s.symbol for block in draft.blocks() for s in block.symbols}
    assert {symbol for symbol in after - before if "[[" not in symbol} == set()


def test_a_word_document_against_its_text_has_no_change(tmp_path, model_78):
    from drafter.writers.word import write_docx

    word = tmp_path / "78-167.docx"
    word.write_bytes(write_docx(model_78))
    result = drafter("diff", str(word), str(SEED_78), "--format", "json")
    assert result.returncode == 0, result.stdout
    assert {p["status"] for p in json.loads(result.stdout)["paragraphs"]} == {"unchanged"}


def test_a_section_head_and_an_annex_are_compared_too():
    from conftest import EN_SECTIONS

    changed = EN_SECTIONS.replace("Calendar of conferences and meetings", "Calendar of conferences")
    comparison = _compare(EN_SECTIONS, changed)
    amended = [e for e in comparison.entries if e.updated]
    assert [(e.part, e.new.name, e.technical) for e in amended] == [("heading", "section I", False)]
    annex = "\nAnnex\n\nSevilla Commitment\n\nWe, the Heads of State, commit to act.\n"
    text = _text(PREAMBLE, OPERATIVE)
    comparison = _compare(text + annex, text + annex.replace("commit to", "resolve to"))
    amended = [e for e in comparison.entries if e.updated]
    assert [(e.part, e.new.number, [(c.old, c.new) for c in e.edits]) for e in amended] == [
        ("annex", 2, [("commit", "resolve")])
    ]


def test_the_text_report_is_coloured_only_when_asked(tmp_path):
    from drafter.diff.formats import to_text

    changed = [*OPERATIVE[:3], OPERATIVE[3].replace("Invites", "Urges"), OPERATIVE[4]]
    comparison = _compare(_text(PREAMBLE, OPERATIVE), _text(PREAMBLE, changed))
    coloured = to_text(comparison, "old.txt", "new.txt", colour=True)
    plain = to_text(comparison, "old.txt", "new.txt", colour=False)
    assert "\033[33m" in coloured and "\033[" not in plain  # amended: yellow
    assert plain == re.sub(r"\033\[\d+m", "", coloured)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    new.write_text(_text(PREAMBLE, changed), encoding="utf-8")
    assert "\033[" not in drafter("diff", str(old), str(new)).stdout  # a pipe: no colour


def test_a_change_of_case_hyphen_or_spacing_and_a_reporting_period_are_not_substance():
    from conftest import draft_en

    old = draft_en(
        "*Recalling* its resolution 77/185 of 14 December 2022,",
        "1. *Urges* all parties to report for the 2023/24 period on non-governmental bodies;",
        "2. *Decides* to remain seized of the matter.",
    )
    new = (
        old.replace("all parties", "all Parties")
        .replace("2023/24", "2024/25")
        .replace("non-governmental", "non\u2011governmental")
    )
    entries = [e for e in compare(parse_text(old), parse_text(new)).entries if e.updated]
    assert [(e.new.name, e.technical) for e in entries] == [("OP 1", True)]
    assert {(x.old, x.new) for x in entries[0].edits} >= {("parties", "Parties")}
    # A word that changed is still substance.
    changed = old.replace("all parties", "all States")
    entries = [e for e in compare(parse_text(old), parse_text(changed)).entries if e.updated]
    assert [e.technical for e in entries] == [False]


def test_footnotes_updated_in_place_are_amended_not_moved():
    from conftest import draft_en

    body = ("*Recalling* its resolution 77/185 of 14 December 2022,¹", "1. *Decides* this.⁶")
    notes = "\n¹ A/79/26.\n\n² A/1.\n\n³ A/2.\n\n⁴ A/3.\n\n⁵ A/4.\n\n⁶ A/78/26.\n"
    calls = "".join(f" see{n}" for n in "²³⁴⁵")
    old = draft_en(body[0], "1. *Decides* this" + calls + ".⁶") + notes
    new = old.replace("¹ A/79/26.", "¹ A/80/26.").replace("⁶ A/78/26.", "⁶ A/79/26.")
    entries = [e for e in compare(parse_text(old), parse_text(new)).entries if e.part == "footnote"]
    changed = [(e.status, e.old.number, e.new.number) for e in entries if e.updated]
    assert changed == [("amended", 1, 1), ("amended", 6, 6)]
    assert all(e.technical for e in entries)


EVENTS_ANNOUNCED = (
    "*Recalling* its resolution 77/185 of 14 December 2022,",
    "*Looking forward to* the convening in 2025 of the Fourth International Conference on"
    " Financing for Development,",
    "*Noting* the work of the Committee on the question of development and its reports,",
    "1. *Looks forward to* the twenty-ninth session of the Conference of the Parties, to be held"
    " in Baku from 11 to 22 November 2024;",
    "2. *Decides* to remain seized of the matter.",
)


def _events_held(outcome: str = "") -> str:
    return draft_en(
        EVENTS_ANNOUNCED[0],
        "*Welcoming* the convening of the Fourth International Conference on Financing for"
        f" Development, held in Sevilla, Spain, from 30 June to 3 July 2025,{outcome}",
        EVENTS_ANNOUNCED[2],
        "1. *Notes with appreciation* the twenty-ninth session of the Conference of the Parties,"
        " held in Baku from 11 to 22 November 2024;",
        EVENTS_ANNOUNCED[4],
    )


def test_an_event_announced_then_held_is_a_technical_update():
    comparison = compare(parse_text(draft_en(*EVENTS_ANNOUNCED)), parse_text(_events_held()))
    updated = [(e.new.name, e.technical) for e in comparison.entries if e.updated]
    assert updated == [("PP 2", True), ("OP 1", True)]
    edits = {(x.old, x.new) for e in comparison.entries for x in e.edits}
    assert ("Looks forward to", "Notes with appreciation") in edits
    # What is said of the event beyond its place and date is substance.
    outcome = " and its outcome document, entitled “Compromiso de Sevilla”,"
    comparison = compare(parse_text(draft_en(*EVENTS_ANNOUNCED)), parse_text(_events_held(outcome)))
    updated = [(e.status, e.new.name, e.technical) for e in comparison.entries if e.updated]
    assert updated == [("amended", "PP 2", False), ("amended", "OP 1", True)]  # paired still


def test_a_paragraph_moved_from_the_operative_part_to_the_preamble_is_paired_and_amended():
    old = _text(PREAMBLE, OPERATIVE)
    moved = "*Welcoming* the efforts of Member States to strengthen cooperation among them,"
    new = _text([*PREAMBLE, moved], OPERATIVE[1:])
    comparison = _compare(old, new)
    across = [e for e in comparison.entries if e.old and e.new and e.old.part != e.new.part]
    assert [(e.status, e.old.name, e.new.name) for e in across] == [("moved", "OP 1", "PP 4")]
    assert {(x.old, x.new) for x in across[0].edits} >= {("Welcomes", "Welcoming")}
    assert not [e for e in comparison.entries if e.status in ("new", "deleted")]
    result = json.loads(to_json(comparison, "old.txt", "new.txt"))
    assert any(entry["name"] == "OP 1 → PP 4" for entry in result["paragraphs"])
