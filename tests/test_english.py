"""English resolutions: the same pipeline, with the English lexicon and its policies."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import (
    EN_BUDGET,
    EN_SECTIONS,
    ENGLISH,
    SEED_62,
    SEED_78,
    draft,
    draft_en,
    drafter,
    seed_text,
)

from drafter.config import Settings
from drafter.lint import fix_text, lint_text
from drafter.parser import NotAResolution, parse_text

PP = "Recalling its resolution 77/185 of 14 December 2022,"
OP1 = "1. *Decides* to do this;"
OP2 = "2. *Requests* the Secretary-General to do that."


def findings(text: str, code: str = "ALL") -> list[tuple[str, int, str]]:
    _, found = lint_text(text, Settings(select=(code,)), today=date(2024, 1, 10))
    return [(f.code, f.span.line, f.message) for f in found]


def fixed(text: str, code: str) -> str:
    settings = Settings(select=(code,))
    _, found = lint_text(text, settings, today=date(2024, 1, 10))
    return fix_text(text, found, settings, "-", unsafe=False)[0]


# -- the samples: real resolutions --------------------------------------------------------------
# symbol: (preambular, operative, last number, footnotes, cited resolutions, meeting)
SAMPLES = {
    "en_68-262.txt": ("68/262", 7, 6, 6, 0, ["2625 (XXV)"], None),
    "en_80-2.txt": ("80/2", 2, 6, 6, 1, ["54/237 C", "54/237 C", "54/237 C"], 18),
    "en_80-7.txt": ("80/7", 4, 5, 5, 3, ["1145 (XII)"], 40),
    "en_ES-11-1.txt": ("ES-11/1", 18, 16, 16, 0, ["377 A (V)", "2625 (XXV)", "3314 (XXIX)"], None),
}
# Every warning of each sample, each a real departure of that text from the conventions.
WARNINGS = {
    "en_68-262.txt": [],
    # These two have no italic markup: the italics of their verbs cannot be checked.
    "en_80-2.txt": ["V002"],
    "en_80-7.txt": ["V002"],
    # "Uniting for peace" and "special military operation" in straight quotes; OPs 7 and 8
    # both open "Calls upon" (the second would be "Also calls upon").
    "en_ES-11-1.txt": ["Y003", "Y003", "V005"],
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_sample_reads_as_a_careful_person_reads_it(name):
    symbol, preamble, operative, last, notes, cited, meeting = SAMPLES[name]
    model = parse_text(seed_text(ENGLISH / name))
    assert (model.language, model.kind, model.symbol) == ("en", "adopted", symbol)
    assert (len(model.preamble), len(model.operative)) == (preamble, operative)
    assert [p.number for p in model.operative] == list(range(1, last + 1))
    assert len(model.footnotes) == notes and model.problems == []
    assert [c.symbol for c in model.citations] == cited
    assert (model.closing.meeting if model.closing else None) == meeting


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_sample_has_no_error_and_only_its_real_departures(name):
    _, found = lint_text(seed_text(ENGLISH / name), Settings())
    assert [f.severity for f in found if f.severity == "error"] == []
    assert [f.code for f in found] == WARNINGS[name]


def test_openings_with_their_adverbs_where_english_puts_them():
    model = parse_text(seed_text(ENGLISH / "en_ES-11-1.txt"))
    openings = [(p.opening.base, p.opening.adverb) for p in model.preamble]
    assert ("Recalling", "further") in openings and ("Expressing concern", "also") in openings
    verbs = [(p.verb.base, p.verb.adverb) for p in model.operative]
    assert verbs[3] == ("Demands", "also")  # "Also demands"


# -- which language ------------------------------------------------------------------------------
def test_the_language_is_told_by_the_text():
    assert parse_text(seed_text(SEED_78)).language == "fr"
    assert parse_text(seed_text(SEED_62)).language == "fr"
    assert parse_text(draft_en(PP, OP1, OP2)).language == "en"
    assert (
        parse_text(draft("Rappelant sa résolution 77/185,", "1. *Décide* ceci.")).language == "fr"
    )


def test_a_beginning_that_does_not_tell_the_language_is_read_on():
    # The first 4,000 characters decide when their markers name one language clearly; here an
    # English cover note is followed by the French resolution, which then decides.
    note = "Note by the Secretariat on the status of the text and of the consultations. " * 4
    text = note + "\n\n" + seed_text(SEED_78)
    assert text[:4000].count(" of the ") == 8
    assert parse_text(text).language == "fr"


def test_a_text_in_neither_language_is_refused_in_one_line(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("Die Generalversammlung,\n\n1. *Beschließt* dies.\n", encoding="utf-8")
    result = drafter("lint", str(path))
    assert result.returncode == 2
    assert "language not recognised (drafter reads: en, fr)" in result.stderr
    with pytest.raises(NotAResolution):
        parse_text("Hallo Welt.\n")


def test_the_language_can_be_forced(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(draft_en(PP, OP1, OP2), encoding="utf-8")
    result = drafter("parse", str(path), "--language", "en")
    assert result.returncode == 0 and json.loads(result.stdout)["language"] == "en"
    forced = drafter("lint", str(path), "--language", "fr")
    assert forced.returncode == 1  # read as French, it is all wrong: what was asked


# -- the policies -------------------------------------------------------------------------------
def test_the_reference_english_draft_is_clean():
    assert findings(draft_en(PP, OP1, OP2)) == []


@pytest.mark.parametrize(
    ("paragraphs", "suggested"),
    [
        ((PP, "Recalling its resolution 76/221 of 17 December 2021,", OP1, OP2), "Recalling also"),
        (
            (PP, "1. *Requests* this;", "2. *Requests* that;", "3. *Requests* more."),
            "Further requests",
        ),
        ((PP, "1. *Takes note* of this;", "2. *Takes note* of that."), "Also takes note"),
    ],
)
def test_the_repetition_adverb_goes_where_english_puts_it(paragraphs, suggested):
    messages = [message for _, _, message in findings(draft_en(*paragraphs), "V005")]
    assert messages and messages[-1].endswith(f'write "{suggested}"')
    right = draft_en(
        PP, "1. *Requests* this;", "2. *Also requests* that;", "3. *Further requests*."
    )
    assert findings(right, "V00") == []


def test_french_keeps_its_adverb_after_the_verb():
    text = draft(
        "Rappelant sa résolution 77/185,",
        "1. *Prend note avec satisfaction* du rapport ;",
        "2. *Prend note avec satisfaction* de la note.",
    )
    assert findings(text, "V005")[0][2].endswith('write "Prend également note avec satisfaction"')


def test_no_space_before_high_punctuation_nor_inside_quotes_in_english():
    text = draft_en(PP, "1. *Decides* to do this ;", "2. *Requests* the “ Secretary-General”.")
    assert [code for code, _, _ in findings(text, "Y")] == ["Y001", "Y002"]
    assert "to do this;" in fixed(text, "Y001")
    assert "the “Secretary-General”." in fixed(text, "Y002")
    quoted = draft_en(PP, OP1, '2. *Requests* a report entitled "Peace".')
    assert "entitled “Peace”." in fixed(quoted, "Y003")


def test_an_english_footnote_call_follows_the_punctuation():
    wrong = (
        draft_en("Recalling the 2005 World Summit Outcome¹,", OP1, OP2) + "\n¹ Resolution 60/1.\n"
    )
    assert findings(wrong, "F005")[0][2] == 'write the call after the ","'
    assert "Outcome,¹" in fixed(wrong, "F005")
    several = draft_en("Recalling the Outcome,¹,²", OP1, OP2) + "\n¹ One.\n\n² Two.\n"
    assert findings(several, "F005") == []


@pytest.mark.parametrize(
    ("written", "right"),
    [
        ("52rd", None),
        ("51st", "51st"),
        ("52nd", "52nd"),
        ("53rd", "53rd"),
        ("11th", "11th"),
        ("12nd", None),
        ("112th", "112th"),
        ("101st", "101st"),
    ],
)
def test_the_meeting_takes_its_own_ordinal(written, right):
    text = draft_en(PP, OP1, OP2, closing=f"{written} plenary meeting\n19 December 2023")
    found = findings(text, "C005")
    assert (found == []) == (right is not None)
    if right is None:
        number = written[:-2]
        expected = {"2": "nd"}.get(number[-1], "th") if number[-2:-1] != "1" else "th"
        assert f"{number}{expected} plenary meeting" in fixed(text, "C005")


def test_subparagraph_labels_take_parentheses_in_english():
    text = draft_en(PP, "1. *Requests* the Secretary-General:", "a) to do this;", "b) to do that.")
    assert [code for code, _, _ in findings(text, "N003")] == ["N003", "N003"]
    assert "(a) to do this;" in fixed(text, "N003")


def test_another_organ_s_resolutions_are_not_the_assembly_s():
    text = draft_en(
        "Recalling Human Rights Council resolution 49/1 of 4 March 2022 and Security Council "
        "resolution 2334 (2016), and its resolution 73/291 of 15 April 2019,",
        OP1,
        OP2,
    )
    assert [c.symbol for c in parse_text(text).citations] == ["73/291"]
    assert findings(text, "R") == []


# -- drafter new ---------------------------------------------------------------------------------
PREVIOUS = draft_en(
    "Recalling its resolutions 76/221 of 17 December 2021 and 77/185 of 14 December 2022,",
    "1. *Requests* the Secretary-General to submit to the General Assembly at its "
    "seventy-ninth session a report on the implementation of the present resolution;",
    "2. *Decides* to include in the provisional agenda of its seventy-ninth session the item "
    "entitled “South-South cooperation”.",
)


def test_next_session_s_draft_of_an_english_resolution(tmp_path):
    previous = tmp_path / "previous.txt"
    previous.write_text(PREVIOUS, encoding="utf-8")
    result = drafter("new", str(previous), "--set", "meeting=52", "--language", "en")
    assert result.returncode == 0, result.stderr
    new = result.stdout
    assert "Seventy-ninth session" in new and "79/[[resolution number]]. Test resolution" in new
    assert (
        "Recalling its resolutions 76/221 of 17 December 2021, 77/185 of 14 December 2022 "
        "and 78/500 of 19 December 2023," in new
    )
    assert "at its eightieth session a report" in new
    assert "provisional agenda of its eightieth session" in new
    assert "52nd plenary meeting\n[[date of adoption]]" in new
    assert "Resolution adopted by the General Assembly on [[date of adoption]]" in new
    assert "(A/79/[[document symbol]], para. [[paragraph of the report]])" in new
    assert "/Add.2" not in new  # the next report's addendum is not known
    codes = {f.code for f in lint_text(new, Settings())[1]}
    assert codes == {"X001"}  # only the placeholders left to fill


def test_an_english_sample_gives_its_next_draft(tmp_path):
    result = drafter("new", str(ENGLISH / "en_80-7.txt"), "--set", "meeting=51")
    assert result.returncode == 0, result.stderr
    assert "Eighty-first session" in result.stdout and "51st plenary meeting" in result.stdout
    assert "records of the eighty-first session" in result.stdout


def test_rules_say_which_languages_they_apply_to():
    assert "Languages: fr." in drafter("rules", "V007").stdout  # the agreement of "Consciente"
    assert "Languages: en, fr." in drafter("rules", "F005").stdout
    assert "Right (en):" in drafter("rules", "F005").stdout


# -- constructs of real English texts --------------------------------------------------------
def test_an_annex_after_the_plenary_line_is_the_annex_not_operative_paragraphs():
    text = draft_en(
        PP,
        "1. *Adopts* the Sevilla Commitment contained in the annex to the present resolution.",
        closing=(
            "88th plenary meeting\n19 December 2023\n\nAnnex\n\nSevilla Commitment\n\nI.\n\n"
            "A renewed framework\n\n1. We, the Heads of State and Government, have gathered "
            "in Sevilla, Spain, to renew the framework.¹\n\n2. We recommit to it:\n\n"
            "(a) Fully;\n\n(b) Now.\n\n¹ A/CONF.227/2025/L.1."
        ),
    )
    model = parse_text(text)
    assert [p.number for p in model.operative] == [1] and model.problems == []
    [annex] = model.annexes
    assert annex.label == "Annex" and annex.lines[0].text == "Sevilla Commitment"
    assert len(annex.lines) == 7 and model.footnotes[0].number == 1
    assert findings(text) == []  # the call in the annex has its text; nothing is out of place
    assert parse_text(text).to_json()["annexes"][0]["paragraphs"][0] == "Sevilla Commitment"


def test_sections_with_their_titles_and_numbering_through_or_anew():
    through = EN_SECTIONS
    model = parse_text(through)
    assert [(d.label, d.title) for d in model.divisions] == [
        ("I", "Calendar of conferences and meetings"),
        ("II", "Utilization of conference-servicing resources"),
    ]
    assert [(p.number, p.division) for p in model.operative] == [(1, ""), (2, "I"), (3, "II")]
    assert len(model.preamble) == 2 and model.misplaced == []  # a section's own preamble
    assert findings(through) == []
    anew = through.replace("2. *Approves*", "1. *Approves*").replace(
        "3. *Reaffirms*", "1. *Reaffirms*"
    )
    assert findings(anew, "N001") == []
    gap = through.replace("3. *Reaffirms*", "5. *Reaffirms*")
    assert [code for code, _, _ in findings(gap, "N001")] == ["N001"]


def test_a_budget_text_s_headings_and_its_sections_of_one_paragraph():
    # Fifth Committee texts head the paragraphs on one mission with its name, and leave the
    # only paragraph of a section unnumbered, as a resolution of one paragraph does.
    text = EN_BUDGET
    model = parse_text(text)
    assert [s.content.text for s in model.subheadings] == [
        "Office of the Special Envoy of the Secretary-General for Syria",
        "Panel of Experts on Haiti",
    ]
    assert [(p.number, p.numbered, p.division) for p in model.operative] == [
        (1, True, ""),
        (2, True, "I"),
        (3, True, "I"),
        (4, True, "I"),
        (1, False, "II"),
        (1, False, "III"),
    ]
    assert [s.label for s in model.operative[-1].subparagraphs] == ["a", "b"]
    assert [p.opening.text for p in model.preamble] == ["Recalling", "Having considered"]
    assert model.misplaced == [] and findings(text) == []
    from drafter.places import part_at

    assert part_at(model, model.subheadings[1].span.line) == "heading “Panel of Experts on Haiti”"
    assert part_at(model, model.operative[4].span.line) == "operative part of section II"
    # Numbered through the sections, the count passes over the section of one paragraph.
    through = text.replace("*Approves* the budget", "5. *Approves* the budget")
    assert [(p.number, p.numbered) for p in parse_text(through).operative][-3:] == [
        (4, True),
        (1, False),
        (5, True),
    ]
    assert findings(through, "N001") == []
    # A paragraph that only lacks its number is still reported, however short.
    forgot = text.replace("3. *Decides* against", "Decides against")
    assert [code for code, _, _ in findings(forgot, "S004")] == ["S004"]


def test_another_organ_in_its_resolution_is_not_the_assembly_s():
    text = draft_en(
        PP,
        "1. *Approves* posts to support the activities mandated by the Human Rights Council "
        "in its resolutions 58/13 of 3 April 2025 and 60/2 of 6 October 2025;",
        "2. *Requests* that.",
    )
    assert findings(text, "R001") == []
    own = text.replace("the Human Rights Council in its", "its")
    assert [code for code, _, _ in findings(own, "R001")] == ["R001", "R001"]


def test_resolutions_a_and_b_under_one_number():
    text = draft_en(
        "A",
        "Assistance to Palestine refugees",
        "The General Assembly,",
        PP,
        "1. *Decides* this;",
        "2. *Requests* that.",
        "B",
        "Operations of the Agency",
        "The General Assembly,",
        "Recalling its resolution 76/221 of 17 December 2021,",
        "1. *Decides* more;",
        "2. *Requests* the rest.",
    )
    model = parse_text(text)
    assert [d.label for d in model.divisions] == ["A", "B"] and model.stray_organs == []
    assert [(p.number, p.division) for p in model.operative] == [
        (1, "A"),
        (2, "A"),
        (1, "B"),
        (2, "B"),
    ]
    assert findings(text) == []


def test_a_single_operative_paragraph_is_not_numbered():
    text = draft_en(
        "Recalling its resolution 77/185 of 14 December 2022,",
        "*Takes note* of the report of the Secretary-General on South-South cooperation.",
    )
    model = parse_text(text)
    [only] = model.operative
    assert (only.verb.text, only.numbered, len(model.preamble)) == ("Takes note", False, 1)
    assert findings(text) == []
    assert model.to_json()["operative"][0]["numbered"] is False
    roman = text.replace("*Takes note*", "Takes note")  # no italics: read by its verb
    assert len(parse_text(roman).operative) == 1
    # With a numbered paragraph after it, it is a preambular paragraph gone wrong.
    two = draft_en(PP, "*Takes note* of this;", "1. *Decides* that.")
    assert {"P001", "V004"} <= {code for code, _, _ in findings(two)}


def test_an_english_committee_draft_with_its_sponsors_over_several_lines():
    # Built from the heading of A/C.3/80/L.47, as a user copies it out of the PDF.
    text = seed_text(ENGLISH.parent / "synthetic" / "en_committee_draft.txt")
    model = parse_text(text)
    assert (model.kind, model.symbol, model.session) == ("draft", "A/C.3/80/L.47", 80)
    assert model.title == "The human rights to safe drinking water and sanitation"
    kinds = [line.kind for line in model.heading.lines]
    assert kinds.count("sponsor") == 1 and "original" in kinds and "committee" in kinds
    sponsor = next(line for line in model.heading.lines if line.kind == "sponsor")
    assert sponsor.content.text.endswith("Switzerland and Ukraine: draft resolution")
    assert findings(text) == []
    plenary = text.replace("A/C.3/80/L.47", "A/80/L.12/Rev.1").replace("Third Committee\n", "")
    assert parse_text(plenary).symbol == "A/80/L.12/Rev.1" and findings(plenary, "H") == []


def test_several_calls_at_one_point_and_a_call_repeated_later():
    text = (
        draft_en(
            "Recalling the Universal Declaration of Human Rights and the Covenants,¹,²",
            "1. *Calls upon* States to ratify the Covenants;²",
            "2. *Requests* a report.",
        )
        + "\n¹ Resolution 217 A (III).\n\n² Resolution 2200 A (XXI), annex.\n"
    )
    model = parse_text(text)
    assert [ref.number for ref in model.preamble[0].content.footnote_refs] == [1, 2]
    assert [ref.number for ref in model.operative[0].content.footnote_refs] == [2]
    assert findings(text) == []


def test_the_english_model_fills_the_french_contract():
    english = parse_text(seed_text(ENGLISH / "en_80-7.txt")).to_json()
    french = parse_text(seed_text(SEED_78)).to_json()
    assert english.keys() == french.keys()
    assert english["operative"][0].keys() == french["operative"][0].keys()
    assert english["closing"].keys() == french["closing"].keys()


def test_a_resumed_meeting_in_english_word_order():
    text = draft_en(PP, OP1, OP2, closing="55th (resumed) plenary meeting\n19 December 2023")
    closing = parse_text(text).closing
    assert closing is not None and (closing.meeting, closing.resumed) == (55, True)
    assert findings(text) == []


def test_a_draft_decision_is_one_sentence_of_the_assembly():
    text = seed_text(ENGLISH.parent / "synthetic" / "en_committee_draft_decision.txt")
    model = parse_text(text)
    assert (model.kind, model.symbol, model.operative) == ("draft", "A/C.2/80/L.9", [])
    assert model.title == "Ad hoc open-ended intergovernmental working group"
    assert model.decision is not None and model.decision.text.endswith("eighty-first session.")
    assert [c.symbol for c in model.citations] == ["78/167"]
    assert findings(text) == []  # nor S006: a decision has no operative paragraphs
    french = "L'Assemblée générale, rappelant sa résolution 78/167, décide de se réunir.\n"
    assert parse_text(french).decision is not None


def test_divisions_are_in_the_json():
    text = draft_en(
        PP, "1. *Decides* this;", "II", "Utilization of resources", "2. *Requests* that."
    )
    model = parse_text(text).to_json()
    assert model["divisions"] == [{"label": "II", "title": "Utilization of resources", "line": 21}]
    assert model["operative"][1]["division"] == "II" and "division" not in model["operative"][0]


def test_two_resolutions_of_one_date_inside_a_list():
    text = draft_en(
        "Recalling its resolutions 61/110 and 61/111 of 14 December 2006, 62/101 of "
        "17 December 2007 and 79/86 and 79/87 of 4 December 2024,",
        "1. *Decides* to remain seized of the matter.",
    )
    assert findings(text, "R007") == [] and findings(text, "R010") == []
    misplaced = text.replace("62/101 of 17 December 2007 and", "62/101 of 17 December 2007,")
    assert [code for code, _, _ in findings(misplaced, "R010")] == ["R010"]


def test_a_section_s_preamble_calls_its_footnotes_after_the_section_before():
    text = draft_en(
        "Recalling its resolution 76/221 of 17 December 2021,¹",
        "I",
        "Calendar of conferences",
        "1. *Approves* the draft calendar;²",
        "II",
        "Utilization of resources",
        "Recalling the report of the Committee,³",
        "2. *Reaffirms* the practice.",
        "¹ A/76/1.\n\n² A/76/2.\n\n³ A/76/3.",
    )
    assert findings(text, "F003") == [] and findings(text, "F002") == []


def test_english_references_to_paragraphs_are_checked():
    text = draft_en(
        "Recalling its resolution 77/185 of 14 December 2022,",
        "1. *Requests* the Secretary-General:",
        "(a) To report;",
        "(b) To act;",
        "2. *Decides* that paragraph 1 (b) above and subparagraph (a) of paragraph 1 of the"
        " present resolution apply, as do paragraphs 3 and 1 (c) below, but not paragraph 7 of"
        " resolution 70/1.",
    )
    model = parse_text(text)
    assert [(r["paragraph"], r["subparagraph"]) for r in model.to_json()["references"]] == [
        (1, "b"),
        (1, "a"),
        (3, None),
        (1, "c"),
    ]
    assert [message for _, _, message in findings(text, "N004")] == [
        "there is no paragraph 3: the operative paragraphs run from 1 to 2",
        "paragraph 1 has no subparagraph c",
    ]


def test_an_english_punctuation_fix_writes_no_french_space():
    text = draft_en(
        "Recalling its resolution 77/185 of 14 December 2022,",
        "1. *Requests* the Secretary-General;",
        "(a) To report;",
        "(b) To act,",
        "2. *Decides* to remain seized of the matter,",
    )
    repaired = fixed(text, "P")
    assert "the Secretary-General:\n" in repaired and "(b) To act;\n" in repaired
    assert "seized of the matter.\n" in repaired and " :" not in repaired and " ;" not in repaired
