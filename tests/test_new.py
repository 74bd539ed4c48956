"""`drafter new`: next session's draft from the previous resolution."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    EN_BUDGET,
    EN_SECTIONS,
    ENGLISH,
    FRAMES,
    SEED_62,
    SEED_78,
    draft,
    draft_en,
    drafter,
    seed_text,
)

from drafter import ordinals
from drafter.config import Settings
from drafter.lint import lint_text
from drafter.model import PLACEHOLDER, Resolution
from drafter.parser import parse_text
from drafter.positions import Span
from drafter.reader import read_source
from drafter.scaffold.context import context_of
from drafter.scaffold.render import TemplateProblem, builtin_template, render
from drafter.scaffold.updates import CannotScaffold, next_session

PDFS = ENGLISH.parent / "pdf"
FRAMES_EN_HEADING = FRAMES["en"][0]
SYNTHETIC_FILES = ENGLISH.parent / "synthetic"


def new(previous: str, session: int | None = None, **values: str) -> str:
    planned = next_session(parse_text(previous), session, values)
    return render(builtin_template("fr"), planned.context)


@pytest.fixture(scope="module")
def draft_79() -> str:
    return new(seed_text(SEED_78))


@pytest.fixture(scope="module")
def draft_64() -> str:
    return new(seed_text(SEED_62))


# -- the next session ------------------------------------------------------------------------
def test_78_167_gives_a_draft_for_the_79th_session(draft_79):
    model = parse_text(draft_79)
    assert model.session == 79
    assert model.heading.session_ordinal == "Soixante-dix-neuvième"
    assert model.heading.symbol == "79/[[numéro de la résolution]]"
    recall = model.preamble[3].content
    assert recall.text.endswith(
        "76/221 du 17 décembre 2021, 77/185 du 14 décembre 2022 et 78/167 du 19 décembre 2023,"
    )
    assert recall.citations[-1].symbol == "78/167"
    assert recall.citations[-1].date.isoformat() == "2023-12-19"
    # The follow-ups (report, agenda) move to the eightieth session.
    for number in (25, 26):
        assert "à sa quatre-vingtième session" in model.operative[number - 1].content.text or (
            "de sa quatre-vingtième session" in model.operative[number - 1].content.text
        )
    assert "soixante-dix-neuvième" not in draft_79
    # The High-level Committee's own session is not the Assembly's: it stays.
    assert "à sa vingt et unième session" in model.operative[2].content.text


def test_events_past_by_the_new_session_are_marked(draft_79):
    """OP 11 and 12 announce conferences of January to June 2024, OP 16 an anniversary on
    20 December 2023: all before the 79th session opens (September 2024)."""
    model = parse_text(draft_79)
    marked = {p.number for p in model.operative if "[[événement passé" in p.content.text}
    assert marked == {11, 12, 16}
    assert not any("[[événement passé" in p.content.text for p in model.preamble)
    twelve = model.operative[11].content.text
    assert twelve.count("[[événement passé : actualiser ou supprimer]]") == 2
    assert "du 27 au 30 mai 2024 [[événement passé" in twelve


def test_a_draft_made_from_a_draft_keeps_one_mark_per_past_event(draft_79):
    """An event the first draft marked is still to be dealt with, not to be marked again."""
    marks = "[[événement passé : actualiser ou supprimer]]"
    again = new(draft_79)
    assert again.count(marks) == draft_79.count(marks) > 0
    assert f"{marks} {marks}" not in again


def test_what_only_a_human_knows_is_a_placeholder(draft_79):
    lines = draft_79.split("\n")
    assert "Résolution adoptée par l'Assemblée générale le [[date d'adoption]]" in lines
    assert "Point [[point de l'ordre du jour]] de l'ordre du jour" in lines
    # The number and its suffix, the report's "/Add.2" and paragraph: the next session's.
    assert "[[numéro de la séance plénière]] séance plénière" in lines
    assert "(A/79/[[cote du document]], par. [[paragraphe du rapport]])]" in draft_79
    assert "⁶ A/79/[[cote du document]]." in lines  # the Secretary-General's report
    assert "A/78/" not in draft_79


def test_62_209_is_biennial_and_its_list_goes_on_in_words(draft_64):
    model = parse_text(draft_64)
    assert model.heading.session_ordinal == "Soixante-quatrième"
    assert "de sa soixante-sixième session" in model.operative[14].content.text
    # Paragraph 13 convenes a conference, on whose modalities the Assembly was to decide at its
    # sixty-second session: a one-off, kept and marked (moved, it would ask again).
    assert (
        "lors de sa soixante-deuxième session [[mandat ponctuel : à venir ou accompli ?]]"
        in model.operative[12].content.text
    )
    assert (
        "60/212 du 22 décembre 2005, 62/209 du 19 décembre 2007 et les autres résolutions"
        in model.preamble[1].content.text
    )


def test_session_option_moves_everything_further():
    text = new(seed_text(SEED_78), session=80)
    model = parse_text(text)
    assert model.heading.session_ordinal == "Quatre-vingtième"
    assert "de sa quatre-vingt-unième session" in model.operative[25].content.text
    assert "(A/80/[[cote du document]], par." in text


def test_set_fills_placeholders():
    text = new(seed_text(SEED_78), number="212", adopted_on="17 décembre 2024", meeting="52")
    model = parse_text(text)
    assert model.symbol == "79/212"
    assert model.adopted_on.isoformat() == "2024-12-17"
    assert (model.closing.meeting, model.closing.date.isoformat()) == (52, "2024-12-17")


def test_a_single_citation_becomes_a_list():
    previous = draft(
        "Rappelant sa résolution 77/300 du 14 décembre 2022,",
        "1. *Décide* d'inscrire la question à l'ordre du jour provisoire de sa "
        "soixante-dix-neuvième session.",
    )
    text = new(previous)
    assert (
        "Rappelant ses résolutions 77/300 du 14 décembre 2022 et 78/500 du 19 décembre 2023,"
        in text
    )


def new_en(previous: str) -> tuple[str, list[str]]:
    planned = next_session(parse_text(previous))
    return render(builtin_template("en"), planned.context), planned.summary


def test_the_series_on_the_resolution_s_own_topic_gains_the_previous_resolution():
    # As in A/RES/79/212 "Combating sand and dust storms": two lists end at session 78.
    heading = FRAMES_EN_HEADING.replace("78/500. Test resolution", "78/500. Combating sand storms")
    text, summary = new_en(
        draft_en(
            "Recalling its resolutions 76/211 of 17 December 2021 and 77/171 of 14 December 2022"
            " on combating sand and dust storms,",
            "Recalling also its resolutions 76/206 of 17 December 2021 and 77/166 of 14 December"
            " 2022 on the implementation of the Convention to Combat Desertification,",
            "1. *Decides* to include in the provisional agenda of its seventy-ninth session the"
            " item.",
            heading=heading,
        )
    )
    assert "77/171 of 14 December 2022 and 78/500 of 19 December 2023 on combating" in text
    assert "76/206 of 17 December 2021 and 77/166 of 14 December 2022 on the" in text
    assert any("(the list on the resolution's own topic) gains 78/500" in line for line in summary)


def test_a_resolution_cited_alone_before_all_previous_ones_is_replaced():
    text, summary = new_en(
        draft_en(
            "Recalling its resolution 77/6 of 1 November 2022 and all its previous relevant"
            " resolutions,",
            "1. *Decides* to include in the provisional agenda of its seventy-ninth session the"
            " item.",
        )
    )
    assert (
        "Recalling its resolution 78/500 of 19 December 2023 and all its previous relevant"
        " resolutions," in text
    )
    assert any("77/6 (the only list, cited alone) becomes 78/500" in line for line in summary)


def test_the_real_sand_and_dust_storms_list_gains_79_212():
    pdf = Path(__file__).parent / "fixtures" / "pdf" / "A_RES_79_212.pdf"
    text, _ = new_en(read_source(pdf).text)
    assert "78/158 of 19 December 2023 and 79/212 of 19 December 2024 on combating sand" in text
    assert "78/154 of 19 December 2023 on the implementation of the United Nations" in text


# A text adopted on 19 December 2023: the next is expected on 19 December 2024.
EVENTS_2024 = draft_en(
    "Looking forward to the convening in 2024 of the Fourth International Conference on"
    " Financing for Development,",
    "Looking forward also to the third United Nations Conference on Landlocked Developing"
    " Countries,",
    "Recalling the Millennium Development Goals, to be achieved by 2015,",
    "1. *Decides* to hold a ministerial meeting on the margins of the third United Nations"
    " Conference on Landlocked Developing Countries, to be held in Kigali from 18 to 21 June 2024;",
    "2. *Looks forward to* the twenty-ninth session of the Conference of the Parties, to be held"
    " in Baku from 11 to 22 November 2024, and the thirtieth, to be held in 2025;",
    "3. *Requests* the Secretary-General to report by July 2024 on the period 2022/23, and on"
    " the period 2015/16 in document A/AC.109/2022/23;",
    "4. *Decides* to include in the provisional agenda of its seventy-ninth session the item.",
)


def test_events_and_deadlines_past_by_the_expected_adoption_are_marked():
    text, summary = new_en(EVENTS_2024)
    mark = "[[past event: update or delete]]"
    assert f"convening in 2024 {mark} of the Fourth" in text  # a year alone: held by December
    assert f"Landlocked Developing Countries {mark}," in text  # dated in paragraph 1
    assert f"from 18 to 21 June 2024 {mark};" in text
    assert f"from 11 to 22 November 2024 {mark}," in text and "in 2025;" in text
    assert "by 2015," in text  # a deadline already past a year ago is history
    assert "report by July 2024 [[past deadline: update or delete]] on" in text
    assert "on the period 2023/24, and on the period 2015/16 in document A/AC.109/2022/23;" in text
    assert any(
        "4 past events and 1 past deadline marked, past by the expected adoption on 19 December"
        " 2024" in line
        for line in summary
    )
    assert "1 reporting period moved by 1 year(s)" in summary


def test_the_expected_adoption_date_can_be_given():
    planned = next_session(parse_text(EVENTS_2024), None, {"adopted_on": "1 October 2024"})
    text = render(builtin_template("en"), planned.context)
    assert "from 11 to 22 November 2024," in text  # still to come on 1 October
    assert "from 18 to 21 June 2024 [[past event" in text
    assert "convening in 2024 [[past event" in text


def test_a_one_off_meeting_s_session_is_kept_and_marked_not_moved():
    text, summary = new_en(
        draft_en(
            "Recalling its resolution 77/6 of 1 November 2022,",
            "1. *Reiterates its request* to the President of the General Assembly to convene, at"
            " the seventy-eighth session of the Assembly, a high-level meeting on the question;",
            "2. *Requests* the Secretary-General to submit a comprehensive report at its"
            " eightieth session, and a report on the implementation of the present resolution"
            " at its seventy-ninth session;",
            "3. *Decides* to include in the provisional agenda of its seventy-ninth session the"
            " item.",
        )
    )
    mark = "[[one-off: still to come, or done?]]"
    assert f"to convene, at the seventy-eighth session {mark} of the Assembly" in text
    # A report due at another session than the item's next is a one-off; the next one moves.
    assert f"report at its eightieth session {mark}, and" in text
    assert "implementation of the present resolution at its eightieth session;" in text
    assert "provisional agenda of its eightieth session the item." in text
    assert (
        "a session named for a one-off meeting or report kept and marked, not moved: paragraph"
        " 1, paragraph 2" in summary
    )


def test_the_real_request_for_a_high_level_meeting_is_not_made_anew():
    # A/RES/79/212, paragraph 9: the meeting at the seventy-ninth session, not the eightieth.
    pdf = Path(__file__).parent / "fixtures" / "pdf" / "A_RES_79_212.pdf"
    text, _ = new_en(read_source(pdf).text)
    assert "to convene, at the seventy-ninth session [[one-off: still to come, or done?]]" in text


def test_without_a_recall_list_none_is_invented():
    # The next text of a series that recalls none of its resolutions does not either.
    previous = draft(
        "Consciente de l'importance de la question,",
        "1. *Décide* de poursuivre l'examen de la question.",
    )
    planned = next_session(parse_text(previous))
    model = parse_text(new(previous))
    assert [p.content.text for p in model.preamble] == [
        "Consciente de l'importance de la question,"
    ]
    assert model.citations == [] and model.session == 79  # no follow-up named: the next one
    assert any("78/500 du 19 décembre 2023 is not added" in line for line in planned.summary)


# -- what lint makes of a generated draft ------------------------------------------------------
@pytest.mark.parametrize("name", ["draft_79", "draft_64"])
def test_lint_reports_only_placeholders_and_every_one(name, request):
    text = request.getfixturevalue(name)
    findings = lint_text(text, Settings())[1]
    errors = [f for f in findings if f.severity.value == "error"]
    assert {f.code for f in errors} == {"X001"}
    expected = [m.group(0) for m in PLACEHOLDER.finditer(text)]
    assert sorted(f.message.split(": ", 1)[1] for f in errors) == sorted(expected)


def test_past_events_the_draft_marks_are_not_reported_twice(draft_79):
    """X001 reports the [[événement passé …]] placeholders; T001 leaves those events alone."""
    opening_of_session_79 = date(2024, 9, 10)
    findings = lint_text(draft_79, Settings(), today=opening_of_session_79)[1]
    marked = draft_79.count("[[événement passé")
    assert marked and sum("événement passé" in f.message for f in findings) == marked
    assert [f for f in findings if f.code == "T001"] == []


# -- fidelity: the template writes a model back as it was --------------------------------------
def shape(value: Any) -> Any:
    """A model without positions: file spans, the places page breaks were rejoined, the
    lines where a paragraph break was guessed."""
    if dataclasses.is_dataclass(value):
        return {
            f.name: shape(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.compare
            and f.name not in {"joins", "suppressions", "guessed_breaks"}
            and not isinstance(getattr(value, f.name), Span)
        }
    if isinstance(value, list):
        return [shape(item) for item in value]
    return value


def rendered(model: Resolution) -> Resolution:
    return parse_text(render(builtin_template(model.language), context_of(model)))


SYNTHETIC = {
    "subparagraphs": draft(
        "Rappelant sa résolution 77/185 du 14 décembre 2022,",
        "1. *Prie* le Secrétaire général :",
        "a) De faire ceci ;",
        "b) De faire cela, notamment :",
        "i) En consultant les États ;",
        "ii) En rendant compte ;",
        "2. *Décide* de rester saisie de la question.",
    ),
    "multi-digit footnotes": draft(
        "Rappelant le rapport¹⁰ et ses annexes¹²,",
        "1. *Prend note* du rapport¹¹ ;",
        "2. *Décide* de rester saisie de la question.",
    )
    + "\n¹⁰ A/78/1.\n\n¹¹ A/78/2.\n\n¹² *Documents officiels*, annexe.\n",
    "italic spans": draft(
        "*Profondément préoccupée* par la situation,",
        "1. *Invite* les États à lire *Le Monde diplomatique* et *Rapport sur le "
        "développement humain 2023* ;",
        "2. *Décide* de rester saisie de la question.",
        closing="*49^e séance plénière\n19 décembre 2023*",
    ),
}


@pytest.mark.parametrize(
    "text",
    [seed_text(SEED_78), seed_text(SEED_62), *SYNTHETIC.values()],
    ids=["78/167", "62/209", *SYNTHETIC],
)
def test_rendering_a_model_reproduces_it(text):
    model = parse_text(text)
    again = rendered(model)
    assert shape(again) == shape(model)
    assert not again.problems


ENGLISH_SYNTHETIC = {
    "sections with their own preambles": EN_SECTIONS,
    "resolutions A and B": draft_en(
        "A",
        "Assistance to Palestine refugees",
        "The General Assembly,",
        "Recalling its resolution 77/185 of 14 December 2022,",
        "1. *Decides* this;",
        "2. *Requests* that.",
        "B",
        "Operations of the Agency",
        "The General Assembly,",
        "Recalling its resolution 76/221 of 17 December 2021,",
        "1. *Notes* this.",
    ),
    "a budget text's headings and sections of one paragraph": EN_BUDGET,
    "a paragraph out of place, and an annex": draft_en(
        "Recalling its resolution 77/185 of 14 December 2022,",
        "1. *Decides* this;",
        "Noting the report of the Secretary-General,",
        "2. *Requests* that.",
    )
    + "\nAnnex\n\nSevilla Commitment\n\n1. We, the Heads of State, commit.\n",
}


ENGLISH_FILES = [
    *sorted(ENGLISH.glob("*.txt")),
    *sorted(SYNTHETIC_FILES.glob("en_*.txt")),
    *sorted(PDFS.glob("*.pdf")),
]


@pytest.mark.parametrize(
    "text",
    [*ENGLISH_SYNTHETIC.values(), *(read_source(path).text for path in ENGLISH_FILES)],
    ids=[*ENGLISH_SYNTHETIC, *(path.stem for path in ENGLISH_FILES)],
)
def test_an_english_text_with_sections_and_annexes_is_written_back_whole(text):
    # `drafter new` writes its draft from the model: a section's head, its own preamble, a
    # paragraph out of place and an annex stay where they stood.
    model = parse_text(text)
    again = rendered(model)
    assert shape(again) == shape(model)
    assert again.problems == model.problems


@pytest.mark.parametrize("path", sorted(PDFS.glob("*.pdf")), ids=lambda path: path.stem)
def test_next_year_s_draft_of_an_official_text_has_no_error_the_text_has_not(path):
    # An official text is right: an error in the draft made from it is drafter's own, save
    # the placeholders left to fill (X001). A draft's next symbol, A/C.4/81/[[…]], is one.
    text = read_source(path).text
    model = parse_text(text)
    draft = render(builtin_template(model.language), next_session(model).context)

    def errors(text: str) -> set[str]:
        return {f.code for f in lint_text(text, Settings())[1] if f.severity == "error"}

    assert errors(draft) - {"X001"} <= errors(text)


def test_an_amendment_document_given_for_a_resolution_is_named_so():
    # The L. document that amends a draft is no resolution to draft next year's text from.
    amendment = ENGLISH.parent / "amendments" / "A_80_L.19.pdf"
    result = drafter("new", str(amendment))
    assert result.returncode == 2 and not result.stdout
    assert "an amendment document (to A/80/L.18)" in result.stderr
    assert "drafter apply" in result.stderr


def test_synthetic_texts_hold_what_they_are_meant_to_test():
    subparagraphs = parse_text(SYNTHETIC["subparagraphs"]).operative[0].subparagraphs
    assert [(s.label, s.level) for s in subparagraphs] == [
        ("a", 1),
        ("b", 1),
        ("i", 2),
        ("ii", 2),
    ]
    footnotes = parse_text(SYNTHETIC["multi-digit footnotes"])
    assert [f.number for f in footnotes.footnotes] == [10, 11, 12]
    italics = parse_text(SYNTHETIC["italic spans"])
    assert len(italics.operative[0].content.italics) == 3 and italics.closing.italic


# -- session ordinals, 1 to 120, against a list written by hand ("_" stands for a space) -----
UN_ORDINALS = """
première deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième
onzième douzième treizième quatorzième quinzième seizième dix-septième dix-huitième
dix-neuvième vingtième
vingt_et_unième vingt-deuxième vingt-troisième vingt-quatrième vingt-cinquième vingt-sixième
vingt-septième vingt-huitième vingt-neuvième trentième
trente_et_unième trente-deuxième trente-troisième trente-quatrième trente-cinquième
trente-sixième trente-septième trente-huitième trente-neuvième quarantième
quarante_et_unième quarante-deuxième quarante-troisième quarante-quatrième quarante-cinquième
quarante-sixième quarante-septième quarante-huitième quarante-neuvième cinquantième
cinquante_et_unième cinquante-deuxième cinquante-troisième cinquante-quatrième
cinquante-cinquième cinquante-sixième cinquante-septième cinquante-huitième cinquante-neuvième
soixantième
soixante_et_unième soixante-deuxième soixante-troisième soixante-quatrième soixante-cinquième
soixante-sixième soixante-septième soixante-huitième soixante-neuvième soixante-dixième
soixante_et_onzième soixante-douzième soixante-treizième soixante-quatorzième
soixante-quinzième soixante-seizième soixante-dix-septième soixante-dix-huitième
soixante-dix-neuvième quatre-vingtième
quatre-vingt-unième quatre-vingt-deuxième quatre-vingt-troisième quatre-vingt-quatrième
quatre-vingt-cinquième quatre-vingt-sixième quatre-vingt-septième quatre-vingt-huitième
quatre-vingt-neuvième quatre-vingt-dixième
quatre-vingt-onzième quatre-vingt-douzième quatre-vingt-treizième quatre-vingt-quatorzième
quatre-vingt-quinzième quatre-vingt-seizième quatre-vingt-dix-septième quatre-vingt-dix-huitième
quatre-vingt-dix-neuvième centième
cent_unième cent_deuxième cent_troisième cent_quatrième cent_cinquième cent_sixième
cent_septième cent_huitième cent_neuvième cent_dixième
cent_onzième cent_douzième cent_treizième cent_quatorzième cent_quinzième cent_seizième
cent_dix-septième cent_dix-huitième cent_dix-neuvième cent_vingtième
""".split()  # noqa: SIM905 (ten to a line reads better than a list literal)


def test_the_list_written_by_hand_has_120_ordinals():
    assert len(UN_ORDINALS) == 120


@pytest.mark.parametrize("number", range(1, 121))
def test_session_ordinals_are_spelled_as_the_un_spells_them(number):
    expected = UN_ORDINALS[number - 1].replace("_", " ")
    assert ordinals.spell(number, "fr") == expected
    assert ordinals.value(expected.capitalize(), "fr") == number


# -- the command ---------------------------------------------------------------------------
def test_command_writes_the_draft_and_lists_the_placeholders(tmp_path):
    out = tmp_path / "draft-79.txt"
    result = drafter("new", str(SEED_78), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Soixante-dix-neuvième session" in out.read_text("utf-8")
    assert (
        "the recall list ending with 77/185 (the list of the latest resolutions) gains 78/167"
        " du 19 décembre 2023" in result.stderr
    )
    assert f"{out}:5: [[date de distribution]]" in result.stderr
    assert result.stdout == ""
    lint = drafter("lint", str(out))
    assert lint.returncode == 1 and "X001" in lint.stdout


def test_command_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "draft.txt"
    out.write_text("my own work\n", encoding="utf-8")
    refused = drafter("new", str(SEED_78), "-o", str(out))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert out.read_text("utf-8") == "my own work\n"
    assert drafter("new", str(SEED_78), "-o", str(out), "--force").returncode == 0
    assert "Coopération Sud-Sud" in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--set", "colour=blue"], "--set colour: no such placeholder"),
        (["--set", "number"], "is not KEY=VALUE"),
        (["--session", "77"], "does not come after"),
        (["-o", "/nonexistent/folder/draft.txt"], "cannot write"),
        (["--session", "201"], "drafter spells sessions up to session 200"),
        (["--session", "200"], "session 201, where the text's “soixante-dix-neuvième"),
        (["--set", "number=12\n\n3. *Décide* x"], "not a resolution number"),
        (["--set", "adopted_on=banana"], "not a date such as 17 décembre 2025"),
        (["--set", "adopted_on=31 février 2025"], "not a date"),
        (["--set", "meeting=52e"], "not a meeting number"),
        (["--set", "agenda_item=[[x]]"], "not an agenda item"),
    ],
)
def test_command_bad_options_get_one_clear_line(args, reason):
    result = drafter("new", str(SEED_78), *args)
    assert result.returncode == 2
    assert reason in result.stderr and "Traceback" not in result.stderr


def test_command_refuses_what_is_not_a_resolution(tmp_path):
    prose = tmp_path / "notes.txt"
    prose.write_text("Bonjour,\n\nvoici le compte rendu.\n", encoding="utf-8")
    result = drafter("new", str(prose))
    assert result.returncode == 2
    assert "not a General Assembly resolution" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# -- templates -------------------------------------------------------------------------------
def test_an_unknown_variable_is_named(tmp_path):
    template = tmp_path / "mine.j2"
    template.write_text("{{ heading[0] }}\n{{ sponsors }}\n", encoding="utf-8")
    result = drafter("new", str(SEED_78), "--template", str(template))
    assert result.returncode == 2
    assert "unknown variable" in result.stderr and "sponsors" in result.stderr


def test_a_template_compiled_once_is_kept_and_an_edited_one_is_compiled_again(tmp_path):
    # The compiled code is kept in the cache folder, by the source's checksum: the next run
    # finds it, and an edit of the template takes effect at once.
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    template = tmp_path / "mine.j2"
    template.write_text("{{ heading[0] }} (first)\n", encoding="utf-8")
    first = drafter("new", str(SEED_78), "--template", str(template), "-q", env=env)
    kept = sorted((tmp_path / "cache" / "drafter" / "templates").glob("*.cache"))
    days_ago = time.time() - 3 * 24 * 3600  # last used three days ago: a run marks it used
    os.utime(kept[0], (days_ago, days_ago))
    again = drafter("new", str(SEED_78), "--template", str(template), "-q", env=env)
    assert kept[0].stat().st_mtime > days_ago + 24 * 3600
    template.write_text("{{ heading[0] }} (edited)\n", encoding="utf-8")
    edited = drafter("new", str(SEED_78), "--template", str(template), "-q", env=env)
    assert first.stdout == again.stdout and first.stdout.endswith("(first)\n")
    assert len(kept) == 1
    assert edited.returncode == 0 and edited.stdout.endswith("(edited)\n")


@pytest.mark.skipif(
    shutil.which("setpriv") is None or not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="needs root and setpriv, to run as a user who may not write the cache's folder",
)
def test_a_cache_folder_that_cannot_be_written_costs_the_cache_not_the_draft():
    # (In a folder of its own: nobody may enter pytest's.)
    home = Path(tempfile.mkdtemp(prefix="drafter-cache-read-only-"))
    try:
        cache = home / "cache"
        (cache / "drafter" / "templates").mkdir(parents=True)
        for folder in (home, cache, cache / "drafter"):
            os.chown(folder, 65534, 65534)
        (cache / "drafter" / "templates").chmod(0o755)  # root's: nobody may write in it
        previous = home / "78-167.txt"
        shutil.copy(SEED_78, previous)
        os.chown(previous, 65534, 65534)
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        result = subprocess.run(
            [*as_nobody, sys.executable, "-m", "drafter", "new", str(previous), "-q"],
            capture_output=True,
            text=True,
            env={**os.environ, "XDG_CACHE_HOME": str(cache), "HOME": str(home)},
            timeout=120,
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    assert result.returncode == 0, result.stderr
    assert "Coopération Sud-Sud" in result.stdout and not result.stderr


def test_a_user_template_runs_in_a_sandbox():
    with pytest.raises(TemplateProblem):
        render("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})


def test_a_previous_text_without_a_session_cannot_be_scaffolded():
    previous = parse_text("L'Assemblée générale,\n\n1. *Décide* de faire ceci.\n")
    with pytest.raises(CannotScaffold, match="names no session"):
        next_session(previous)


def test_set_values_of_the_right_form_are_written():
    result = drafter(
        "new",
        str(SEED_78),
        "--set",
        "number=212 B",
        "--set",
        "adopted_on=1er décembre 2025",
        "--set",
        "agenda_item=22 b)",
        "--set",
        "meeting=52",
    )
    assert result.returncode == 0, result.stderr
    assert "79/212 B. Coopération Sud-Sud" in result.stdout
    assert "Résolution adoptée par l'Assemblée générale le 1er décembre 2025" in result.stdout
    assert "Point 22 b) de l'ordre du jour" in result.stdout


def test_the_old_agenda_form_loses_its_comma_with_its_item(draft_64):
    # 62/209: "Point 59, c, de l'ordre du jour".
    assert "Point [[point de l'ordre du jour]] de l'ordre du jour" in draft_64


def test_footnote_numbers_are_written_whole():
    text = seed_text(SEED_78).replace("développement¹,", "développement¹²³⁴⁵⁶⁷⁸⁹⁰¹²,", 1)
    text = text.replace("\n¹ Rapport", "\n¹²³⁴⁵⁶⁷⁸⁹⁰¹² Rapport", 1)
    draft = render(builtin_template("fr"), next_session(parse_text(text)).context)
    assert draft.count("¹²³⁴⁵⁶⁷⁸⁹⁰¹²") == 2


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ('{% include "other.j2" %}', "includes or imports another"),
        ("{{ 1 / 0 }}", "failed (line 1): ZeroDivisionError"),
        ("{{ 9 ** (9 ** 10) }}", "a power too large to compute"),
        ('{{ "x".center(10 ** 9) }}', "a number larger than"),
        ('{{ "x" * 10 ** 9 }}', "a repetition longer than"),
        ("{% for i in range(10 ** 9) %}{% endfor %}", "a number larger than"),
        ('{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}', "writes more than 10 MiB"),
        ("", "is empty"),
    ],
)
def test_a_template_that_cannot_end_well_is_stopped_with_one_line(tmp_path, template, reason):
    path = tmp_path / "mine.j2"
    path.write_text(template, encoding="utf-8")
    result = drafter("new", str(SEED_78), "--template", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert reason in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_template_that_runs_too_long_is_stopped(monkeypatch):
    from drafter.scaffold import render as render_module

    monkeypatch.setattr(render_module, "RENDER_SECONDS", 0.05)
    # Long, not endless: the thread it runs in is left behind, and must not spin (holding the
    # interpreter's lock) for the rest of the test run. `drafter new` exits after saying so.
    long = "{% for i in range(100000) %}{% for j in range(20) %}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateProblem, match=r"ran for more than 0\.05 s"):
        render(long, {})


def test_a_template_path_that_is_a_pipe_does_not_hang(tmp_path):
    import os

    pipe = tmp_path / "pipe.j2"
    os.mkfifo(pipe)
    result = drafter("new", str(SEED_78), "--template", str(pipe))
    assert result.returncode == 2 and "is empty" in result.stderr


def test_the_heading_s_and_closing_s_stale_parts_become_placeholders():
    # A/RES/79/247: "55th (resumed) plenary meeting", "(A/79/…/Add.1, para. 11)".
    from drafter.reader import read_source

    pdf = Path(__file__).parent / "fixtures" / "pdf" / "A_RES_79_247.pdf"
    text = new(read_source(pdf).text)
    lines = text.split("\n")
    assert "[[plenary meeting number]] plenary meeting" in lines  # no "th", no "(resumed)"
    assert "(resumed)" not in text and "]]th" not in text
    assert "para. [[paragraph of the report]])" in text
    model = parse_text(text)
    assert model.closing is not None and model.closing.meeting is None
