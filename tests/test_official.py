"""Official texts read clean: what real UN documents do, each class of it on a synthetic text
built to show it and on the real document that showed it (tests/fixtures/pdf)."""

from __future__ import annotations

from pathlib import Path

from conftest import draft_en
from pdf_documents import write_pdf
from word_documents import needs_libreoffice

from drafter.config import Settings
from drafter.lint import lint_text
from drafter.parser import parse_text
from drafter.reader import read_source

PDFS = Path(__file__).resolve().parent / "fixtures" / "pdf"
PP = "Recalling its resolution 77/185 of 14 December 2022,"


def codes(text: str, select: str = "ALL") -> list[str]:
    return [finding.code for finding in lint_text(text, Settings(select=(select,)))[1]]


def errors(text: str) -> list[str]:
    findings = lint_text(text, Settings())[1]
    return [f"{f.code} {f.message}" for f in findings if f.severity == "error"]


def pdf_with_runs(*runs: tuple[str, str]) -> bytes:
    """A one-page PDF of one line, each run of text in its own font ("Times-Roman",
    "Times-Italic"): italics as an official PDF sets them, by the font."""
    fonts = sorted({font for font, _ in runs})
    shown = " ".join(f"/F{fonts.index(font) + 1} 12 Tf ({text}) Tj" for font, text in runs)
    stream = f"BT 72 712 Td {shown} ET".encode()
    resources = " ".join(f"/F{n} {6 + n - 1} 0 R" for n in range(1, len(fonts) + 1))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << " + resources.encode() + b" >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< >>",  # object 5: unused, so that the fonts begin at 6
        *(f"<< /Type /Font /Subtype /Type1 /BaseFont /{font} >>".encode() for font in fonts),
    ]
    return write_pdf(objects)


# -- 3. italic runs begin on a word; one lost number is one finding --------------------------
def test_an_italic_run_that_begins_at_the_number_s_full_stop_begins_at_the_verb():
    from drafter.readers.pdf import read_pdf

    pdf = pdf_with_runs(
        ("Times-Roman", "11"), ("Times-Italic", ". Underlines"), ("Times-Roman", " the need;")
    )
    assert read_pdf(pdf).text.strip() == "11. *Underlines* the need;"


def test_a_number_missing_is_reported_once_not_on_every_later_paragraph():
    ops = [f"{n}. *Decides* this;" for n in (1, 2, 4, 5, 6, 7)]
    text = draft_en(PP, *ops[:-1], "7. *Decides* that.")
    findings = lint_text(text, Settings(select=("N001",)))[1]
    assert [f.message for f in findings] == ["paragraph 4 follows paragraph 2: number 3 is missing"]
    # The unsafe fix still renumbers every paragraph after the gap.
    assert "6. *Decides* that." in _fixed_unsafe(text, "N001")


def _fixed_unsafe(text: str, code: str) -> str:
    from drafter.lint import fix_text

    settings = Settings(select=(code,))
    findings = lint_text(text, settings)[1]
    return fix_text(text, findings, settings, "-", unsafe=True)[0]


# -- 5. an instrument adopted in the body ------------------------------------------------------
PACT = draft_en(
    "*Adopts* the following Declaration on Future Generations:",
    "Declaration on Future Generations",
    "1. We, the Heads of State and Government, have gathered to act.",
    "Guiding principles",
    "2. We commit to:",
    "(a) Acting now;",
    "(b) Acting together.",
    "3. We will follow up.",
).replace("The General Assembly,", "The General Assembly")


def test_an_instrument_adopted_in_the_body_is_read_like_an_annex():
    model = parse_text(PACT)
    assert [(p.number, p.numbered, p.verb.text) for p in model.operative] == [(1, False, "Adopts")]
    assert model.preamble == [] and model.misplaced == [] and model.subheadings == []
    assert model.instrument is not None
    assert model.instrument.label == "Declaration on Future Generations"
    assert [line.text for line in model.instrument.lines][:2] == [
        "1. We, the Heads of State and Government, have gathered to act.",
        "Guiding principles",
    ]
    assert parse_text(PACT).to_json()["instrument"]["label"] == "Declaration on Future Generations"
    assert errors(PACT) == []


def test_only_an_adopting_paragraph_that_announces_what_follows_opens_an_instrument():
    # A list introduced by a colon stays the paragraph's subparagraphs.
    listed = draft_en(PP, "1. *Adopts* the following measures:", "(a) One;", "(b) Two.")
    model = parse_text(listed)
    assert model.instrument is None and [s.label for s in model.operative[0].subparagraphs] == [
        "a",
        "b",
    ]
    # Without an announcement, numbered paragraphs are the resolution's own.
    plain = draft_en(PP, "1. *Adopts* the report;", "2. *Decides* this.")
    assert parse_text(plain).instrument is None and len(parse_text(plain).operative) == 2


def test_the_pact_for_the_future_is_its_instrument_not_operative_paragraphs():
    from drafter.lint import lint_file

    result = lint_file(str(PDFS / "A_RES_79_1.pdf"), Settings())
    assert [f"{f.code} {f.message}" for f in result.findings if f.severity == "error"] == []
    from drafter.reader import read_source

    model = parse_text(read_source(PDFS / "A_RES_79_1.pdf").text)
    assert len(model.operative) == 1 and model.operative[0].verb.text == "Adopts"
    assert model.instrument is not None and model.instrument.label == "The Pact for the Future"
    # Counted on the printed page: 56 actions, and the annexes after the plenary line.
    instrument = [line.text for line in model.instrument.lines]
    assert sum(text.startswith("Action ") for text in instrument) == 56
    assert [annex.label for annex in model.annexes] == ["Annex I", "Annex II"]
    assert [f.number for f in model.footnotes] == list(range(1, 27))
    assert model.closing is not None and model.closing.meeting == 3


# -- 2. paragraph breaks from the document's own geometry -------------------------------------
def test_subparagraphs_indented_as_a_block_and_a_short_text_with_wide_leading_read_whole():
    from drafter.lint import lint_file
    from drafter.reader import read_source

    # A/RES/80/68 sets (i) to (vi) indented as a block: each line is no paragraph of its own.
    text = read_source(PDFS / "A_RES_80_68.pdf").text
    assert (
        "(i) The Meeting of Experts of the High Contracting Parties to Protocol V, on\n"
        "8 September 2025, in accordance" in text
    )
    model = parse_text(text)
    assert [s.label for s in model.operative[7].subparagraphs] == [
        *"abcd",
        *("i", "ii", "iii", "iv", "v", "vi"),
    ]
    # Counted on the printed page.
    assert (len(model.preamble), len(model.operative), len(model.footnotes)) == (9, 15, 16)
    result = lint_file(str(PDFS / "A_RES_80_68.pdf"), Settings())
    assert [f"{f.code} {f.message}" for f in result.findings if f.severity == "error"] == []


# -- 8. subparagraph punctuation as the UN writes it ----------------------------------------
def test_a_subparagraph_that_introduces_a_list_ends_with_a_colon():
    nested = draft_en(
        PP,
        "1. *Decides*:",
        "(a) To continue the Programme;",
        "(b) To organize the following activities:",
        "(i) The Meeting of Experts;",
        "(ii) The Annual Conference;",
        "(c) To review them;",
        "2. *Decides* to remain seized of the matter.",
    )
    assert codes(nested, "P") == []
    # The list's last item ends as the item that introduced it would have: here, ";".
    wrong = nested.replace("(b) To organize the following activities:", "(b) To organize;")
    assert codes(wrong, "P") == ["P005"]
    last = nested.replace("(ii) The Annual Conference;", "(ii) The Annual Conference.")
    assert codes(last, "P") == ["P005"]


def test_a_list_inside_a_preambular_paragraph_may_part_its_items_with_commas():
    commas = draft_en(
        "*Recalling* the endorsement by the Committee of:",
        "(a) The Voluntary Guidelines,",
        "(b) The Principles for Responsible Investment,",
        "1. *Decides* to remain seized of the matter.",
    )
    assert codes(commas, "P") == []
    assert codes(commas.replace("Guidelines,", "Guidelines;"), "P") == []
    assert codes(commas.replace("Investment,", "Investment;"), "P") == ["P006"]
    assert codes(draft_en(PP, "1. *Decides*:", "(a) This,", "(b) That."), "P") == ["P005"]


# -- 6. a phrase before the operative verb ----------------------------------------------------
def test_an_operative_verb_in_italics_after_a_phrase_that_sets_its_condition():
    text = draft_en(
        PP,
        "1. *Decides* this;",
        "2. Pending the total elimination of nuclear weapons, *urges* those States to act;",
        "3. *Also urges* them to report.",
    )
    model = parse_text(text)
    verb = model.operative[1].verb
    assert (verb.text, verb.base, verb.italic) == ("urges", "Urges", True)
    assert verb.span.column == len("2. Pending the total elimination of nuclear weapons, *") + 1
    assert codes(text, "V") == []
    # Without its italics the verb is still missing at the start.
    assert "V001" in codes(text.replace("*urges*", "urges"), "V")


def test_a_resolution_whose_paragraph_opens_with_a_condition_reads_clean():
    from drafter.lint import lint_file

    result = lint_file(str(PDFS / "A_RES_80_23.pdf"), Settings())
    assert [f"{f.code} {f.message}" for f in result.findings if f.severity == "error"] == []
    from drafter.reader import read_source

    model = parse_text(read_source(PDFS / "A_RES_80_23.pdf").text)
    assert model.operative[1].verb.text == "urges"


# -- 7. heading layouts ------------------------------------------------------------------------
HEADING_78_117 = (
    "United Nations\n\nA/RES/78/117\n\nGeneral Assembly\n\nDistr.: General\n\n"
    "11 December 2023\n\nSeventy-eighth session\nAgenda item 171\n"
    "Observer status for the Organization of Ibero-American\n"
    "States for Education, Science and Culture in the\nGeneral Assembly\n\n"
    "Resolution adopted by the General Assembly\non 7 December 2023\n\n"
    "[on the report of the Sixth Committee (A/78/457, para. 7)]\n\n"
    "78/117. Observer status for the Organization of Ibero-American States for\n"
    "Education, Science and Culture in the General Assembly"
)


def draft_78_117(*paragraphs: str, heading: str = HEADING_78_117) -> str:
    return draft_en(*paragraphs, heading=heading, closing="45th plenary meeting\n7 December 2023")


def test_an_agenda_title_that_wraps_onto_the_masthead_s_words_or_a_session_s_is_one_line():
    text = draft_78_117(PP, "1. *Decides* this;", "2. *Requests* that.")
    model = parse_text(text)
    agenda = [line.content.text for line in model.heading.lines if line.kind == "heading_text"]
    assert agenda == [
        "Observer status for the Organization of Ibero-American States for Education, Science"
        " and Culture in the General Assembly"
    ]
    assert model.adopted_on is not None and model.adopted_on.isoformat() == "2023-12-07"
    assert errors(text) == []
    session = HEADING_78_117.replace(
        "Observer status for the Organization of Ibero-American\n"
        "States for Education, Science and Culture in the\nGeneral Assembly",
        "Report of the United Nations Commission on International\n"
        "Trade Law on the work of its fifty-sixth session",
    )
    model = parse_text(draft_78_117(PP, "1. *Decides* this.", heading=session))
    assert model.session == 78 and model.heading.session_ordinal == "Seventy-eighth"
    assert [line.kind for line in model.heading.lines].count("session") == 1
    assert errors(draft_78_117(PP, "1. *Decides* this.", heading=session)) == []
    # A title wrapped before the words "General Assembly" goes on too.
    title = HEADING_78_117.replace(
        "Education, Science and Culture in the General Assembly",
        "Education, Science and Culture in the\nGeneral Assembly",
    )
    model = parse_text(draft_78_117(PP, "1. *Decides* this.", heading=title))
    assert model.title is not None and model.title.endswith("Culture in the General Assembly")
    assert [line.kind for line in model.heading.lines].count("masthead") == 2  # the top two


def test_the_heading_layouts_of_the_samples_read_clean():
    from drafter.lint import lint_file

    for name in ("A_RES_78_104.pdf", "A_RES_78_117.pdf", "A_RES_78_124.pdf"):
        result = lint_file(str(PDFS / name), Settings())
        found = [f"{f.code} {f.message}" for f in result.findings if f.severity == "error"]
        assert found == [], name


# -- 10. another organ's numbers; 11. recall lists ---------------------------------------------
def test_an_its_whose_organ_follows_and_an_environment_assembly_resolution_are_not_ours():
    text = draft_en(
        PP,
        "1. *Takes note* that through its resolution 54/18 of 12 October 2023, the Human"
        " Rights Council submitted the draft covenant;",
        "2. *Notes* Environment Assembly resolution 2/21 on sand and dust storms.",
    )
    model = parse_text(text)
    assert [c.symbol for c in model.citations] == ["77/185"]
    assert codes(text, "R") == []
    # The Assembly's own "its resolution" with an impossible date is still reported.
    own = text.replace(", the Human Rights Council submitted", ", it submitted")
    assert "R001" in codes(own, "R")


def test_a_recall_list_newest_first_is_in_order_and_a_mixed_one_only_warned():
    newest = draft_en(
        "*Recalling* its resolutions 77/227 of 15 December 2022, 76/180 of 16 December 2021"
        " and 75/287 of 18 June 2021,",
        "1. *Decides* this.",
    )
    assert codes(newest, "R003") == []
    mixed = newest.replace("76/180 of 16 December 2021", "78/180 of 19 December 2023")
    findings = lint_text(mixed, Settings(select=("R003",)))[1]
    assert [(f.code, f.severity.value) for f in findings] == [("R003", "warning")]


# -- subparagraphs past (z); a date that lost its space ---------------------------------------
def test_after_z_the_labels_run_aa_bb_and_ii_after_hh_is_a_letter():
    letters = [chr(ord("a") + n) for n in range(26)] + ["aa", "bb", "cc", "dd"]
    letters += ["ee", "ff", "gg", "hh", "ii", "jj"]
    subs = [f"({label}) Item;" for label in letters[:-1]] + [f"({letters[-1]}) Item."]
    text = draft_en(PP, "1. *Urges* States:", *subs)
    model = parse_text(text)
    assert [(s.label, s.level) for s in model.operative[0].subparagraphs][-3:] == [
        ("hh", 1),
        ("ii", 1),
        ("jj", 1),
    ]
    assert codes(text, "N") == []
    wrong = text.replace("(bb) Item;", "(dd) Item;", 1)
    messages = [f.message for f in lint_text(wrong, Settings(select=("N002",)))[1]]
    assert messages[0] == "subparagraph (dd) should be (bb)"  # in the text's own form


def test_a_plenary_date_that_lost_the_space_before_its_year_is_still_the_date():
    text = draft_en(PP, "1. *Decides* this.", closing="49th plenary meeting\n19 December2023")
    model = parse_text(text)
    assert model.closing is not None and model.closing.date is not None
    assert model.closing.date.isoformat() == "2023-12-19" and errors(text) == []


# -- 1. a known opening inside a wrapped name; a note's second line ---------------------------
def test_a_line_that_opens_with_a_known_word_after_a_line_that_does_not_end_goes_on():
    text = draft_en(
        PP,
        "1. *Notes* the scientific cooperation fostered by the Global Ocean Acidification\n"
        "Observing Network;",
        "2. *Decides* this.",
    )
    model = parse_text(text)
    assert len(model.operative) == 2 and model.misplaced == []
    assert model.operative[0].content.text.endswith("Acidification Observing Network;")
    assert errors(text) == []
    # After a line that ends a paragraph, the opening begins the next one.
    pasted = draft_en(
        "Recalling its resolution 77/185,\nObserving the rules,", "1. *Decides* this."
    )
    assert len(parse_text(pasted).preamble) == 2


def test_the_law_of_the_sea_omnibus_reads_clean():
    from drafter.lint import lint_file
    from drafter.reader import read_source

    result = lint_file(str(PDFS / "A_RES_80_110.pdf"), Settings())
    assert [f"{f.code} {f.message}" for f in result.findings if f.severity == "error"] == []
    model = parse_text(read_source(PDFS / "A_RES_80_110.pdf").text)
    # A note of two lines is one note: "… UNCTAD/RMT/2023. Available at https://…".
    note = next(f for f in model.footnotes if f.number == 125)
    assert note.content.text.endswith("Available at https://unctad.org/rmt2023.")
    assert [f.number for f in model.footnotes] == list(range(1, len(model.footnotes) + 1))
    numbers = [p.number for p in model.operative]
    assert numbers == list(range(1, len(numbers) + 1))


# -- 9. footnote calls at a line's end ---------------------------------------------------------
def test_a_word_cut_at_a_line_s_end_takes_its_calls_along():
    from drafter.readers import rejoin_cut_word

    assert rejoin_cut_word("report of the Secretary-", "General;¹⁰") == (
        "report of the Secretary-General;¹⁰",
        "",
    )
    assert rejoin_cut_word("the self-", "determination,² without") == (
        "the self-determination,²",
        "without",
    )


def test_a_word_replaced_in_italics_of_its_own_keeps_them():
    from drafter.scaffold.markup import Change, markup

    text = (
        draft_en(PP, "1. *Decides* this.¹")
        + "\n¹ Ibid., *Eightieth* *Session, Supplement No. 10*.\n"
    )
    note = parse_text(text).footnotes[0].content
    start = note.text.index("Eightieth")
    changed = markup(note, [Change(start, start + len("Eightieth"), "Eighty-first")])
    assert changed == "Ibid., *Eighty-first* *Session, Supplement No. 10*."
    inserted = markup(note, [Change(start, start, "new ")])
    assert inserted == "Ibid., new *Eightieth* *Session, Supplement No. 10*."


# -- 12. a decision with lettered items; 16. a plenary line run into its date --------------------
LETTERED = Path(__file__).resolve().parent / "fixtures" / "synthetic" / "en_lettered_decision.txt"


def test_a_decision_whose_sentence_leads_into_lettered_items_is_a_decision(tmp_path):
    text = LETTERED.read_text(encoding="utf-8")
    model = parse_text(text)
    assert model.decision is not None and model.decision.text.endswith("4 December 2024:")
    assert [(i.label, i.content.text[:12]) for i in model.decision_items] == [
        ("a", "Urges the pa"),
        ("b", "Takes note o"),
        ("c", "Decides to i"),
    ]
    assert model.operative == [] and errors(text) == []
    changed = text.replace("(b) Takes note of the report;", "(b) Takes note of the new report;")
    from drafter.diff.compare import compare

    entries = [e for e in compare(model, parse_text(changed)).entries if e.status != "unchanged"]
    assert [(e.status, [edit.new for edit in e.edits]) for e in entries] == [("amended", ["new"])]
    from conftest import drafter

    draft = tmp_path / "next.txt"
    assert drafter("new", str(LETTERED), "-o", str(draft)).returncode in (0, 1)
    assert "\n(b) Takes note of the report;\n" in draft.read_text(encoding="utf-8")


def test_a_plenary_line_run_into_its_date_is_the_plenary_line_and_its_date():
    text = draft_en(PP, "1. *Decides* this.", closing="52nd plenary meeting 19 December 2023")
    model = parse_text(text)
    assert model.closing is not None and model.closing.meeting == 52
    assert model.closing.date is not None and model.closing.date.isoformat() == "2023-12-19"
    assert errors(text) == []


# -- 17. messages that say what happened -------------------------------------------------------
def test_a_pdf_linted_whose_fix_is_refused_is_not_fixed_not_unlinted(tmp_path):
    from conftest import drafter

    pdf = tmp_path / "A_RES_79_323.pdf"
    pdf.write_bytes((PDFS / "A_RES_79_323.pdf").read_bytes())
    result = drafter("lint", str(pdf), "--fix")
    assert result.returncode == 2  # drafter could not do all it was asked
    assert "not fixed: fixes are not written into a PDF" in result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert "1 file not fixed" in summary and "could not be linted" not in summary
    assert pdf.read_bytes() == (PDFS / "A_RES_79_323.pdf").read_bytes()


# -- 4. tables ----------------------------------------------------------------------------------
TABLE = Path(__file__).resolve().parent / "fixtures" / "synthetic" / "en_table.txt"
ROWS = [
    ["Action", "Title of post", "Category/level", "Number"],
    ["Establishment", "Legal Officer", "P-4", "1"],
    ["Reclassification", "Public Information Officer", "P-4", "1"],
]


def test_a_table_in_a_paragraph_is_a_table_and_its_cells_no_paragraphs():
    text = TABLE.read_text(encoding="utf-8")
    model = parse_text(text)
    assert [p.number for p in model.operative] == [1, 2] and model.misplaced == []
    [table] = model.operative[0].tables
    assert [[cell.text for cell in row] for row in table.rows] == ROWS
    assert table.span.line == text.split("\n").index(f"| {' | '.join(ROWS[0])} |") + 1
    assert parse_text(text).to_json()["operative"][0]["tables"][0]["rows"] == ROWS
    assert errors(text) == []
    # The paragraph that sets out a table ends with a colon, as one that lists does.
    assert codes(text.replace("the table below:", "the table below;"), "P") == ["P004"]


def test_a_changed_cell_is_shown_as_its_row():
    from drafter.diff.compare import compare

    text = TABLE.read_text(encoding="utf-8")
    changed = text.replace("| Legal Officer | P-4 |", "| Legal Officer | P-3 |")
    entries = [e for e in compare(parse_text(text), parse_text(changed)).entries if e.updated]
    assert [(e.new.name, [(x.old, x.new) for x in e.edits]) for e in entries] == [
        ("OP 1", [("P-4", "P-3")])
    ]


def _word_table(path: Path) -> Path:
    import docx

    document = docx.Document()
    text = TABLE.read_text(encoding="utf-8")
    for line in text.split("\n"):
        if line.strip() and not line.startswith("|"):
            paragraph = document.add_paragraph()
            for at, piece in enumerate(line.split("*")):
                paragraph.add_run(piece).italic = at % 2 == 1
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    body = document.element.body
    # The table goes after the paragraph that sets it out.
    body.remove(table._tbl)
    lead = next(p for p in document.paragraphs if p.text.endswith("the table below:"))
    lead._p.addnext(table._tbl)
    document.save(path)
    return path


def test_a_word_document_s_table_is_read_as_a_table(tmp_path):
    model = parse_text(read_source(_word_table(tmp_path / "table.docx")).text)
    assert [[cell.text for cell in row] for row in model.operative[0].tables[0].rows] == ROWS
    assert [p.number for p in model.operative] == [1, 2] and model.misplaced == []


@needs_libreoffice
def test_drafter_new_keeps_a_table_that_libreoffice_shows(tmp_path):
    from conftest import drafter
    from word_documents import libreoffice_convert

    source = _word_table(tmp_path / "table.docx")
    target = tmp_path / "next.docx"
    assert drafter("new", str(source), "-o", str(target)).returncode in (0, 1)
    model = parse_text(read_source(target).text)
    assert [[cell.text for cell in row] for row in model.operative[0].tables[0].rows] == ROWS
    shown = libreoffice_convert(target, "txt").read_text(encoding="utf-8-sig")
    assert all(cell in shown for row in ROWS for cell in row)
    assert shown.index("Legal Officer") < shown.index("Public Information Officer")


def test_an_official_pdf_s_staffing_table_is_a_table():
    from drafter.lint import lint_file

    model = parse_text(read_source(PDFS / "A_C.5_80_L.5.pdf").text)
    approves = next(p for p in model.operative if p.content.text.endswith("the table below:"))
    first, second = approves.tables
    assert [cell.text for cell in first.rows[0]] == [
        "Action",
        "Title of post",
        "Category/level",
        "Number",
    ]
    assert [cell.text for cell in first.rows[1]] == ["Establishment", "Legal Officer", "P-4", "1"]
    assert [cell.text for cell in second.rows[2]] == [
        "Establishment",
        "Senior Legal Officer",
        "P-5",
        "1",
    ]
    assert "Abbreviations" in second.rows[-1][0].text  # the table's note goes with it
    assert [s.content.text for s in model.subheadings][:2] == [
        "A. Pension Administration",
        "B. Office of Investment Management",
    ]
    found = lint_file(str(PDFS / "A_C.5_80_L.5.pdf"), Settings()).findings
    assert not [f for f in found if f.code in ("S004", "P002", "P003")]


# -- a list of resolutions with calls inside it -------------------------------------------------
def test_a_recall_list_goes_on_after_the_calls_inside_it():
    text = (
        draft_en(
            "*Recalling* its resolutions 77/227 of 15 December 2022,¹ 76/180 of 16 December"
            " 2021² and 75/287 of 18 June 2021,",
            "1. *Decides* this.",
        )
        + "\n¹ A/77/1.\n\n² A/76/1.\n"
    )
    model = parse_text(text)
    assert [c.symbol for c in model.citations] == ["77/227", "76/180", "75/287"]
    assert len({c.phrase for c in model.citations}) == 1  # one list
    assert [r.number for r in model.preamble[0].content.footnote_refs] == [1, 2]
    assert errors(text) == []
    # Its dates are checked: a wrong one past the first call is found.
    wrong = text.replace("16 December 2021", "16 December 2011")
    assert "R001" in codes(wrong, "R")
    # Another organ's list, its numbers past the calls as well, is not the Assembly's.
    council = text.replace(
        "its resolutions 77/227 of 15 December 2022,¹ 76/180 of 16 December 2021² and 75/287 of"
        " 18 June 2021",
        "the most recent of which being resolutions 53/26 of 14 July 2023,¹ S-29/1 of"
        " 12 February 2021² and 43/26 of 22 June 2020",
    )
    assert parse_text(council).citations == [] and codes(council, "R") == []


def test_a_stale_event_s_message_reads_as_english():
    text = draft_en(
        PP,
        "1. *Looks forward to* the conference to be held in 2021;",
        "2. *Decides* to remain seized of the matter.",
    )
    messages = [f.message for f in lint_text(text, Settings(select=("T001",)))[1]]
    assert messages and "an event (in 2021) already past on 2023-12-19" in messages[0]
    assert " of in " not in messages[0]


def test_an_event_of_the_weeks_before_the_plenary_is_not_stale_in_the_text_it_adopted():
    # A/RES/79/212, adopted on 19 December 2024, settled in committee in November: "looking
    # forward to … the high-level meeting to be held on 13 December 2024".
    def stale(day: str) -> list[str]:
        text = draft_en(
            PP,
            f"1. *Looks forward to* the high-level meeting to be held on {day};",
            "2. *Decides* to remain seized of the matter.",
        )
        assert parse_text(text).heading.adopted_on.isoformat() == "2023-12-19"
        return [f.code for f in lint_text(text, Settings(select=("T001",)))[1]]

    assert stale("13 December 2023") == []
    assert stale("13 November 2023") == []
    assert "T001" in stale("13 September 2023")  # before the committee could settle it


def test_an_annex_head_run_into_its_title_is_cut_from_it():
    # A copy of A/RES/79/1 may set "Annex I" and "Global Digital Compact" on one line: read
    # whole, the Compact's 60-odd paragraphs became operative paragraphs after the plenary line.
    text = read_source(PDFS / "A_RES_79_1.pdf").text
    joined = text.replace("Annex I\nGlobal Digital Compact\n", "Annex I Global Digital Compact\n")
    assert joined != text
    model, whole = parse_text(joined), parse_text(text)
    assert [(a.label, [line.text for line in a.lines]) for a in model.annexes] == [
        (a.label, [line.text for line in a.lines]) for a in whole.annexes
    ]
    assert [a.label for a in model.annexes] == ["Annex I", "Annex II"]
    assert len(model.operative) == len(whole.operative) and errors(joined) == []
    # Prose that begins a line with the same words is not cut.
    prose = draft_en(PP, "1. *Urges* the\nAnnex I Parties to the Convention to act.")
    assert parse_text(prose).operative[0].content.text.endswith("Parties to the Convention to act.")


# -- "also" and "once again" as adopted texts write them -----------------------------------------
def test_also_repeats_an_earlier_paragraph_of_its_verb_not_only_the_one_before():
    # A/RES/79/198: "Noting …", "Welcoming …", "Looking forward …", then "Noting also …".
    kept = draft_en(
        "*Noting* the report,",
        "*Welcoming* the meeting,",
        "*Noting also* the work of the United Nations,",
        "1. *Decides* this.",
    )
    assert "V006" not in codes(kept, "V")
    orphan = kept.replace("*Noting* the report", "*Stressing* the report")
    assert "V006" in codes(orphan, "V")


def test_once_again_renews_an_appeal_and_needs_no_paragraph_before():
    # A/RES/80/96 OP 6 "Calls once again upon", A/RES/80/220 PP 10 "Noting again with regret".
    text = draft_en(
        "*Noting again with regret* that the report was late,",
        "1. *Decides* this;",
        "2. *Calls once again upon* the administering Powers to act.",
    )
    assert "V006" not in codes(text, "V")


def test_a_recall_list_that_goes_on_with_a_section_of_another_resolution_takes_no_and():
    # A/RES/79/247: "… 72/266 B of 5 July 2018, section III of its resolution 72/262 C of
    # 5 July 2018 and its resolutions 73/269 of 22 December 2018 …".
    text = draft_en(
        "*Recalling* its resolutions 72/266 A of 24 December 2017, 72/266 B of 5 July 2018,"
        " section III of its resolution 72/262 C of 5 July 2018 and its resolutions 73/269 of"
        " 22 December 2018 and 78/244 of 22 December 2023,",
        "1. *Decides* this.",
    )
    assert "R010" not in codes(text, "R")
    ended = text.replace(", section III of its resolution 72/262 C of 5 July 2018", ",")
    assert "R010" in codes(ended.replace("2018, and", "2018,"), "R")
