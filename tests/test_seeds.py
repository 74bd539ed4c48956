"""The two real resolutions, end to end."""

from __future__ import annotations

import re
from datetime import date

from conftest import SEED_62, SEED_78, seed_text


def test_78_167_structure(model_78):
    assert model_78.kind == "adopted"
    assert model_78.symbol == "78/167"
    assert model_78.session == 78
    assert model_78.title == "Coopération Sud-Sud"
    assert model_78.adopted_on == date(2023, 12, 19)
    assert len(model_78.preamble) == 18
    assert [p.number for p in model_78.operative] == list(range(1, 27))
    assert [f.number for f in model_78.footnotes] == list(range(1, 8))
    assert (model_78.closing.meeting, model_78.closing.date) == (49, date(2023, 12, 19))
    assert model_78.problems == []


def test_62_209_structure(model_62):
    assert (model_62.symbol, model_62.session, model_62.kind) == ("62/209", 62, "adopted")
    assert len(model_62.preamble) == 6
    assert [p.number for p in model_62.operative] == list(range(1, 16))
    assert [f.number for f in model_62.footnotes] == list(range(1, 8))
    assert (model_62.closing.meeting, model_62.closing.date) == (78, date(2007, 12, 19))
    assert model_62.closing.italic
    assert model_62.heading.agenda_item == "59, c"
    assert model_62.problems == []


def test_paragraph_cut_by_footnotes_is_rejoined(model_78):
    """78/167: the PP on resolution 70/1 goes on after footnote 1, OP 5 after footnotes 5-7."""
    pp = next(p for p in model_78.preamble if "70/1" in p.content.text[:80])
    assert ", et réaffirmant qu'elle s'engage" in pp.content.text
    assert "¹" not in pp.content.text
    op5 = model_78.operative[4]
    assert "tirer un meilleur parti de la science, de la technologie" in op5.content.text
    assert op5.content.text.endswith("d'ici à 2030 ;")
    op13 = model_78.operative[12]
    assert "faire progresser les initiatives de coopération" in op13.content.text


def test_footnotes_attach_to_their_calls(model_78, model_62):
    calls_78 = {p.number: [r.number for r in p.content.footnote_refs] for p in model_78.operative}
    assert calls_78[1] == [5] and calls_78[2] == [6] and calls_78[4] == [7]
    assert model_78.footnotes[5].content.text == "A/78/290."
    # 62/209 calls footnote 1 twice: in the preamble and in operative paragraph 13.
    assert [r.number for r in model_62.preamble[0].content.footnote_refs] == [1]
    assert [r.number for r in model_62.operative[12].content.footnote_refs] == [1]


def test_openings_and_verbs(model_78, model_62):
    openings = [p.opening.text for p in model_78.preamble]
    assert openings[:3] == ["Réaffirmant", "Réaffirmant également", "Réaffirmant en outre"]
    assert "Notant avec une vive préoccupation" in openings
    assert model_78.preamble[13].opening.base == "Se félicitant"
    assert model_78.preamble[13].opening.adverb == "également"
    verbs = [p.verb.text for p in model_78.operative]
    assert verbs[2] == "Réaffirme son soutien" and verbs[11] == "Attend également avec intérêt"
    assert all(p.verb.italic for p in model_78.operative)
    assert model_78.operative[11].verb.base == "Attend avec intérêt"
    assert [p.verb.adverb for p in model_62.operative[2:5]] == [None, "également", "en outre"]


MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
CITED = re.compile(
    rf"\[?(\d{{1,2}}/\d{{1,3}}(?: [A-Z])?)\]?(?:\(#\))? du (\d{{1,2}}) ({MONTHS}) (\d{{4}})"
)


def test_every_dated_citation_is_in_the_model(model_78, model_62):
    """Found independently in the raw text: each "N/N du <date>" is a citation with its date."""
    months = MONTHS.split("|")
    for path, model in ((SEED_78, model_78), (SEED_62, model_62)):
        expected = [
            (symbol, date(int(year), months.index(month) + 1, int(day)))
            for symbol, day, month, year in CITED.findall(seed_text(path))
        ]
        found = [(c.symbol, c.date) for c in model.citations if c.date]
        assert found == expected
        assert len(expected) >= 6


def test_citation_without_date_is_kept(model_78):
    undated = [(c.symbol, c.span.line) for c in model_78.citations if c.date is None]
    assert ("73/291", 44) in undated  # "énoncés dans la résolution [73/291](#)"
    assert ("70/1", 86) in undated  # footnote 7 "Résolution 70/1."


def test_spans_point_into_the_file(model_78):
    lines = seed_text(SEED_78).split("\n")
    ref = model_78.operative[1].content.footnote_refs[0]
    assert lines[ref.span.line - 1][ref.span.column - 1] == "⁶"
    citation = model_78.citations[3]
    line = lines[citation.span.line - 1]
    assert line[citation.span.column - 1 :].startswith("57/270 B](#) du 23 juin 2003")
    op = model_78.operative[0]
    assert (op.span.line, op.span.column) == (72, 1)
    assert (
        lines[op.verb.span.line - 1][op.verb.span.column - 1 : op.verb.span.end_column - 1]
        == "Rappelle"
    )
    # Text after a page break maps to its own line, not to the paragraph's first line.
    op5 = model_78.operative[4]
    offset = op5.content.text.index("science, de la technologie")
    assert op5.content.span(offset, offset + 7).line == 88
