"""Each construct of the grammar, on small synthetic texts."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import draft

from drafter.parser import NotAResolution, parse_text


def test_subparagraphs_of_two_degrees():
    text = draft(
        "Rappelant sa résolution 70/1,",
        "1. *Décide* :\n\na) Que le comité se réunira ;\n\nb) Que le rapport portera sur :\n\n"
        "i) Les progrès ;\n\nii) Les lacunes ;\n\nc) Que le bureau sera élu.",
    )
    [op] = parse_text(text).operative
    assert [(s.label, s.level) for s in op.subparagraphs] == [
        ("a", 1),
        ("b", 1),
        ("i", 2),
        ("ii", 2),
        ("c", 1),
    ]
    assert op.subparagraphs[3].content.text == "Les lacunes ;"


def test_letter_i_after_h_is_a_letter():
    subs = "\n\n".join(f"{c}) Point {c} ;" for c in "abcdefghij")
    [op] = parse_text(draft("Rappelant,", f"1. *Décide* :\n\n{subs}")).operative
    assert [s.level for s in op.subparagraphs] == [1] * 10


def test_multi_digit_footnotes_and_a_repeated_call():
    notes = "\n\n".join(f"{n} Résolution 70/{i}." for i, n in enumerate(["¹⁰", "¹¹", "¹²"], 1))
    text = draft(
        "Rappelant le Programme¹⁰ et le Plan¹¹,",
        "1. *Prie* le Secrétaire général de tenir compte du Programme¹⁰ et du Cadre¹² ;",
        notes,
    )
    model = parse_text(text)
    assert [r.number for r in model.preamble[0].content.footnote_refs] == [10, 11]
    assert [r.number for r in model.operative[0].content.footnote_refs] == [10, 12]
    assert [f.number for f in model.footnotes] == [10, 11, 12]
    assert model.footnotes[2].content.text == "Résolution 70/3."


def test_italic_spans_inside_a_paragraph_and_across_lines():
    text = draft(
        "Rappelant le *Recueil\ndes Traités*,", "1. *Attend également\navec intérêt* la session."
    )
    model = parse_text(text)
    pp = model.preamble[0].content
    assert pp.text == "Rappelant le Recueil des Traités,"
    assert [pp.text[s:e] for s, e in pp.italics] == ["Recueil des Traités"]
    verb = model.operative[0].verb
    assert (verb.text, verb.base, verb.adverb, verb.italic) == (
        "Attend également avec intérêt",
        "Attend avec intérêt",
        "également",
        True,
    )


def test_citation_lists_with_links_letters_and_et():
    text = draft(
        "Rappelant ses résolutions [57/270 B](#) du 23 juin 2003, 60/212 du 22 décembre 2005 "
        "et [77/185](#) du 14 décembre 2022, ainsi que la résolution 31/16 A,",
        "1. *Décide* de revenir sur la résolution 1757 (2007) et la résolution 3363 (XXX).",
    )
    cited = [(c.symbol, c.date) for c in parse_text(text).citations]
    assert cited == [
        ("57/270 B", date(2003, 6, 23)),
        ("60/212", date(2005, 12, 22)),
        ("77/185", date(2022, 12, 14)),
        ("31/16 A", None),
        # 1757 (2007) is the Security Council's (only it numbers so): not the Assembly's.
        ("3363 (XXX)", None),
    ]


def test_list_without_a_number_after_et_ends_the_citation():
    text = draft(
        "Rappelant ses résolutions 57/270 B du 23 juin 2003 et les autres résolutions,",
        "1. *Décide* de rester saisie de la question.",
    )
    assert [c.symbol for c in parse_text(text).citations] == ["57/270 B"]


def test_a_citing_word_stands_alone():
    text = draft(
        "Rappelant les irrésolutions 12/3 du 1er mars 2000 et sa résolution 70/1 du "
        "25 septembre 2015, ainsi que les Résolutions 71/2,",
        "1. *Décide*.",
    )
    assert [c.symbol for c in parse_text(text).citations] == ["70/1", "71/2"]


def test_a_citing_word_before_a_link_left_open_loses_nothing_after_it():
    """A "[" that opens no link after "résolution": the rest of the paragraph is still read."""
    text = draft(
        "Rappelant sa résolution [73/291 du 15 avril 2019 et sa résolution 70/1²,",
        "1. *Décide* de rester saisie de la question.",
    )
    [paragraph] = parse_text(text).preamble
    assert [c.symbol for c in paragraph.content.citations] == ["70/1"]
    assert [ref.number for ref in paragraph.content.footnote_refs] == [2]
    assert paragraph.content.text.startswith("Rappelant sa résolution [73/291 du")


def test_first_of_the_month_and_impossible_dates():
    text = draft(
        "Rappelant ses résolutions 70/1 du 1er janvier 2016 et 70/2 du 31 février 2016,",
        "1. *Décide*.",
    )
    first, impossible = parse_text(text).citations
    assert first.date == date(2016, 1, 1)
    assert impossible.date is None and impossible.date_text == "31 février 2016"


def test_document_symbols():
    text = draft(
        "Ayant examiné le rapport publié sous la cote A/78/290 et le document [TD/541/Add.2](#),",
        "1. *Prend note* de la décision figurant dans FCCC/CP/2015/10/Add.1 "
        "et A/C.2/78/L.12/Rev.1.",
    )
    model = parse_text(text)
    symbols = [s.symbol for block in model.blocks() for s in block.symbols]
    assert symbols[-4:] == [
        "A/78/290",
        "TD/541/Add.2",
        "FCCC/CP/2015/10/Add.1",
        "A/C.2/78/L.12/Rev.1",
    ]
    assert "[" not in model.preamble[0].content.text


@pytest.mark.parametrize(
    "closing, meeting, resumed",
    [
        ("49e séance plénière\n19 décembre 2023", 49, False),
        ("49ᵉ séance plénière\n19 décembre 2023", 49, False),
        ("*55^e séance plénière (reprise)*\n*19 décembre 2023*", 55, True),
        ("*1re séance plénière\n19 décembre 2023*", 1, False),
    ],
)
def test_closing_line_forms(closing, meeting, resumed):
    model = parse_text(draft("Rappelant,", "1. *Décide*.", closing=closing))
    assert (model.closing.meeting, model.closing.date, model.closing.resumed) == (
        meeting,
        date(2023, 12, 19),
        resumed,
    )


def test_heading_variants():
    heading = (
        "Nations Unies A/RES/57/270 B\n\nAssemblée générale\n\nDistr. générale\n11 mars 2008\n\n"
        "Soixante et onzième session\nPoints 20 et 21 de l'ordre du jour\n\n"
        "Résolution adoptée par l'Assemblée générale le 1er décembre 2016\n\n"
        "[sans renvoi à une grande commission (A/71/L.45 et Add.1)]\n\n57/270 B. Suite donnée"
    )
    model = parse_text(draft("Rappelant,", "1. *Décide*.", heading=heading))
    kinds = [line.kind for line in model.heading.lines]
    assert kinds == [
        "masthead",
        "masthead",
        "distribution",
        "issue_date",
        "session",
        "agenda",
        "adoption",
        "basis",
        "title",
    ]
    assert (model.symbol, model.session, model.title) == ("57/270 B", 71, "Suite donnée")
    assert model.adopted_on == date(2016, 12, 1)
    assert model.heading.agenda_item == "20 et 21"


def test_wrapped_heading_lines_are_joined():
    heading = (
        "Soixante-dix-huitième session\nPoint 22 b) de l'ordre du jour\n"
        "Activités opérationnelles de\ndéveloppement\n\n"
        "Résolution adoptée par l'Assemblée générale le 19 décembre 2023\n\n"
        "[sur la base du rapport de la Deuxième Commission\n(A/78/465/Add.2, par. 7)]\n\n"
        "78/167. Titre"
    )
    model = parse_text(draft("Rappelant,", "1. *Décide*.", heading=heading))
    texts = [line.content.text for line in model.heading.lines]
    assert "Activités opérationnelles de développement" in texts
    assert "[sur la base du rapport de la Deuxième Commission (A/78/465/Add.2, par. 7)]" in texts


def test_a_committee_draft():
    heading = (
        "Nations Unies A/C.2/78/L.12\n\nAssemblée générale\n\nDistr. limitée\n10 novembre 2023\n"
        "Français\nOriginal : anglais\n\nSoixante-dix-huitième session\nDeuxième Commission\n"
        "Point 22 b) de l'ordre du jour\n\nCuba* : projet de résolution\n\nCoopération Sud-Sud"
    )
    text = draft("Rappelant,", "1. *Décide*.", heading=heading).replace(
        "49^e séance plénière\n19 décembre 2023\n", ""
    )
    model = parse_text(text)
    assert (model.kind, model.symbol, model.session, model.title) == (
        "draft",
        "A/C.2/78/L.12",
        78,
        "Coopération Sud-Sud",
    )
    assert model.closing is None and model.adopted_on is None
    assert {"sponsor", "committee", "original", "distribution"} <= {
        line.kind for line in model.heading.lines
    }


def test_a_bare_draft_without_heading():
    model = parse_text("L'Assemblée générale,\n\nRappelant,\n\n1. *Décide*.\n")
    assert model.kind == "draft" and len(model.operative) == 1 and model.symbol is None


def test_missing_organ_line_is_reported_and_the_rest_is_read():
    text = "Projet de résolution\n\nCoopération\n\n1. *Décide* de ceci ;\n\n2. *Prie* cela.\n"
    model = parse_text(text)
    assert [p.number for p in model.operative] == [1, 2]
    [problem] = model.problems
    assert "organ line" in problem.message
    assert (problem.span.line, problem.span.column) == (5, 1)


def test_paragraphs_out_of_place_are_kept():
    text = draft("Rappelant,", "1. *Décide* ;", "Notant aussi,", "2. *Prie*.")
    model = parse_text(text + "Une ligne de trop.\n")
    assert [p.opening.text for p in model.misplaced] == ["Notant aussi"]
    assert [p.number for p in model.operative] == [1, 2]
    assert [t.text for t in model.trailing] == ["Une ligne de trop."]


def test_suppression_comments_are_invisible():
    text = draft("<!-- drafter: ignore P101 -->\nRappelant,", "1. *Décide*.")
    model = parse_text(text)
    assert model.preamble[0].content.text == "Rappelant,"


def test_prose_is_not_a_resolution():
    with pytest.raises(NotAResolution):
        parse_text("Cher collègue,\n\nVoici le compte rendu de la réunion d'hier.\n")


def test_markup_inside_italics_is_read_whatever_the_path():
    plain = parse_text(draft("Rappelant,", "1. *Prend note avec satisfaction* de ceci."))
    assert plain.operative[0].verb.text == "Prend note avec satisfaction"
    assert plain.operative[0].content.italics == [(0, len("Prend note avec satisfaction"))]
    marked = parse_text(
        draft("Rappelant,", "1. *Décide* de voir *sa résolution 73/291 du 15 avril 2019*.")
    )
    [citation] = marked.citations
    assert (citation.symbol, citation.date.isoformat()) == ("73/291", "2019-04-15")
    assert len(marked.operative[0].content.italics) == 2


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # The longest listed phrase, with the adverb after the whole verb.
        ("Se félicitant également vivement des progrès,", ("Se félicitant vivement", "également")),
        (
            "1. Prend en outre acte avec satisfaction du rapport ;",
            ("Prend acte avec satisfaction", "en outre"),
        ),
        ("1. Prie instamment les États de coopérer ;", ("Prie instamment", None)),
        ("1. Prie également le Secrétaire général ;", ("Prie", "également")),
        # An adverb out of its place is not taken out: "Prend acte" is read without it.
        ("1. Prend acte en outre du rapport ;", ("Prend acte", None)),
    ],
)
def test_openings_without_italics_come_from_the_lexicon(paragraph, expected):
    """Plain-text exports carry no italics: the opening is the longest phrase of the lexicon
    that the paragraph begins with, an adverb ("également", "en outre") set apart."""
    operative = paragraph.startswith("1.")
    body = ("Rappelant,", paragraph) if operative else (paragraph, "1. Décide de conclure.")
    model = parse_text(draft(*body))
    opening = model.operative[0].verb if operative else model.preamble[0].opening
    assert (opening.base, opening.adverb) == expected


def test_an_organ_line_out_of_place_loses_nothing():
    """The body begins at the first numbered paragraph when the organ line comes later: the
    footnote at the page break is lifted out, and what follows the organ line is still read."""
    text = draft(
        "1. *Décide* de faire ceci¹ ;", "¹ Note de bas de page.", "2. *Prie* le Secrétaire général."
    )
    text = text.replace("L'Assemblée générale,\n\n", "", 1).replace(
        "¹ Note de bas de page.\n\n", "¹ Note de bas de page.\n\nL'Assemblée générale,\n\n"
    )
    model = parse_text(text)
    assert [p.number for p in model.operative] == [1, 2]
    assert [f.number for f in model.footnotes] == [1] and model.closing is not None
    [problem] = model.problems
    assert "organ line is missing" in problem.message and problem.span.line == 15


def test_an_organ_line_without_a_blank_line_before_it_still_begins_the_body():
    """The organ line stands alone, whatever touches it: the preamble's footnote after it is
    lifted out of the body, and the operative part is read."""
    text = draft("Rappelant sa résolution 70/1¹,", "¹ Note.", "1. *Décide* ceci ;", "2. *Prie*.")
    text = text.replace("78/500. Résolution d'essai\n\n", "78/500. Résolution d'essai\n")
    model = parse_text(text)
    assert model.organ is not None and model.problems == []
    assert [p.number for p in model.operative] == [1, 2] and len(model.footnotes) == 1
    assert model.heading.title == "Résolution d'essai"


def test_without_an_organ_line_a_numbered_paragraph_joined_to_the_line_above_begins_the_body():
    text = draft("Rappelant sa résolution 70/1¹,\n1. *Décide* ceci ;", "¹ Note.", "2. *Prie*.")
    model = parse_text(text.replace("L'Assemblée générale,\n\n", "", 1))
    assert [p.number for p in model.operative] == [1, 2] and len(model.footnotes) == 1
    assert [problem.found for problem in model.problems] == ["ORGAN"]  # missing, and said once
