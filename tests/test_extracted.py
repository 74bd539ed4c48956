"""Text another program took out of an official PDF reads into the PDF's model, minus italics.

Copies of each sample are made as users make them: `pdftotext` with no option, `-raw` and
`-layout` (poppler, the engine of Evince and Okular), the text layer as PDFium gives it (the
engine of Chrome's PDF viewer, whose "copy" gives the same text), and pypdf's text. Another
form is the Markdown of PDF extractors.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import drafter
from test_pdf import PDFS, SAMPLES, pdf_text

from drafter.config import Settings
from drafter.lint import lint_file, lint_text
from drafter.model import SUPERSCRIPT_DIGITS, Resolution
from drafter.parser import parse_text
from drafter.reader import read_source
from drafter.readers.extracted import read_extracted

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (Debian poppler-utils) is not installed"
)


def pdftotext_copy(pdf: Path, *options: str) -> str:
    run = subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, check=True)
    return run.stdout.decode("utf-8")


def pdftotext_raw_copy(pdf: Path) -> str:
    """The text in the order it was written into the PDF: a paragraph's number before its text."""
    return pdftotext_copy(pdf, "-raw")


def pdftotext_layout_copy(pdf: Path) -> str:
    """The page as laid out: columns of spaces, the running header on one line."""
    return pdftotext_copy(pdf, "-layout")


def pdftotext_plain_copy(pdf: Path) -> str:
    """pdftotext without options, as most people run it: a paragraph's number alone on its line,
    no blank line between paragraphs, a page's footnote numbers apart from their texts and out
    of their order, furniture among them, a word cut at a line's end joined without its hyphen
    ("forwardlooking")."""
    return pdftotext_copy(pdf)


def pdfium_copy(pdf: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\r\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pypdf_copy(pdf: Path) -> str:
    """pypdf's text (what many document loaders hand on): a line per printed line, a page's
    footnotes after its body."""
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)


COPIES = {
    "pdftotext-raw": pytest.param(pdftotext_raw_copy, marks=needs_pdftotext),
    "pdftotext-layout": pytest.param(pdftotext_layout_copy, marks=needs_pdftotext),
    "pdftotext": pytest.param(pdftotext_plain_copy, marks=needs_pdftotext),
    "pdfium": pytest.param(pdfium_copy),
    "pypdf": pytest.param(pypdf_copy),
}


def letters(text: str) -> str:
    """What a copy must keep: every character but spaces and the italics' asterisks (a copy
    has none, and PDFium's copy has spaces where a line was set letter-spaced)."""
    return re.sub(r"[\s*]", "", text)


def without_hyphens(text: str) -> str:
    """What a copy that joins a cut word without its hyphen must keep."""
    return letters(text).replace("-", "")


def same_model(copy: Resolution, pdf: Resolution, letters=letters) -> None:
    assert (copy.symbol, copy.kind, copy.problems) == (pdf.symbol, pdf.kind, [])
    assert len(copy.preamble) == len(pdf.preamble)
    assert [p.number for p in copy.operative] == [p.number for p in pdf.operative]
    assert [p.opening.text.split()[0] for p in copy.preamble] == [
        p.opening.text.split()[0] for p in pdf.preamble
    ]
    assert [letters(p.content.text) for p in copy.paragraphs] == [
        letters(p.content.text) for p in pdf.paragraphs
    ]
    assert [(f.number, letters(f.content.text)) for f in copy.footnotes] == [
        (f.number, letters(f.content.text)) for f in pdf.footnotes
    ]
    assert copy.closing is not None and pdf.closing is not None
    assert (copy.closing.meeting, copy.closing.date) == (pdf.closing.meeting, pdf.closing.date)
    assert len(copy.annexes) == len(pdf.annexes)


COPIED = sorted(SAMPLES)


@pytest.fixture(scope="module")
def pdf_models():
    return {name: parse_text(pdf_text(name)) for name in COPIED}


@pytest.mark.parametrize("copy", COPIES.values(), ids=COPIES.keys())
@pytest.mark.parametrize("name", COPIED)
def test_a_copy_reads_into_the_model_of_its_pdf(pdf_models, tmp_path, name, copy):
    path = tmp_path / f"{name}.txt"
    path.write_text(copy(PDFS / name), encoding="utf-8")
    source = read_source(path)
    assert source.converted_from == "text extracted from a PDF"
    kept = without_hyphens if copy is pdftotext_plain_copy else letters
    same_model(parse_text(source.text), pdf_models[name], kept)


@pytest.mark.parametrize("copy", COPIES.values(), ids=COPIES.keys())
@pytest.mark.parametrize("name", COPIED)
def test_a_copy_of_an_adopted_text_says_once_that_italics_are_unknown(tmp_path, name, copy):
    path = tmp_path / f"{name}.txt"
    path.write_text(copy(PDFS / name), encoding="utf-8")
    findings = lint_file(str(path), Settings()).findings
    assert [f.code for f in findings].count("V002") == 1
    assert not [f for f in findings if f.code == "V001" or f.severity == "error"]
    assert not [f for f in findings if f.code == "S007"]  # the copy's paragraphs are found


@needs_pdftotext
def test_page_furniture_goes_and_calls_are_superscripts_again(tmp_path):
    text = read_extracted(pdftotext_raw_copy(PDFS / "A_RES_80_96.pdf")).text
    for furniture in ("25-20103", "*2520103*", "2/6", "A/RES/80/96 Question of Guam"):
        assert furniture not in text
    assert "Colonial Countries and Peoples for 2025,¹\n" in text  # "2025,1" in the copy
    assert "working paper prepared by the Secretariat on Guam,² which" in text  # cut at the call
    assert "options for self-determination," in text  # "self-" / "determination"
    assert "\n¹ Official Records of the General Assembly, eightieth Session" in text
    assert "\n⁶ District Court of Guam, Davis v. Guam et al., decision of 8 March 2017," in text


@needs_pdftotext
def test_a_running_header_of_two_lines_goes(tmp_path):
    # 78/102: "Criminal accountability of United Nations officials and experts" / "on mission
    # A/RES/78/102" on some pages, "A/RES/78/102" / the title in two lines on others.
    text = read_extracted(pdftotext_raw_copy(PDFS / "A_RES_78_102.pdf")).text
    heading, body = text.split("The General Assembly,")
    assert "Criminal accountability of United Nations officials and experts\non mission" in heading
    assert body.count("Criminal accountability") == 1  # the last paragraph names the item
    assert "\non mission\n" not in body
    assert "A/RES/78/102" not in body


@needs_pdftotext
def test_findings_point_at_the_lines_of_the_copy(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(pdftotext_raw_copy(PDFS / "A_RES_80_96.pdf"), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    findings = lint_file(str(path), Settings()).findings
    cited = next(f for f in findings if f.code == "R007")
    assert "resolution 1541" in lines[cited.span.line - 1]
    verb = next(f for f in findings if f.code == "V002")
    assert lines[verb.span.line - 1].startswith("1. Reaffirms the inalienable right")


@needs_pdftotext
def test_the_commands_read_a_copy_and_write_nothing_into_it(tmp_path):
    path = tmp_path / "copied.txt"
    copied = pdftotext_raw_copy(PDFS / "A_RES_80_96.pdf").replace(
        "and other relevant information,", "and other relevant information."
    )
    path.write_text(copied, encoding="utf-8")
    shown = drafter("text", str(path))
    assert shown.returncode == 0 and "25-20103" not in shown.stdout
    assert "\nHaving considered the question of Guam" in shown.stdout
    fixed = drafter("lint", str(path), "--fix")  # a preambular full stop: P001 has a fix
    assert path.read_text(encoding="utf-8") == copied and fixed.returncode == 2
    assert "fixes are not written into a text extracted from a PDF" in fixed.stderr + fixed.stdout
    parsed = drafter("parse", str(path), "--format", "text")
    assert parsed.returncode == 0 and "19 operative paragraphs" in parsed.stdout


# -- the Markdown of extractors -----------------------------------------------------------------
PLAIN = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def extractor_markdown(pdf_text: str) -> str:
    """The PDF's text form as an extractor writes Markdown: front matter, the footnotes as
    "[^n]:" definitions at the end, the calls as bare numbers."""
    body: list[str] = []
    notes: list[str] = []
    in_note = False
    for line in pdf_text.split("\n"):
        if line and line[0] in SUPERSCRIPT_DIGITS:
            number, _, rest = line.partition(" ")
            notes.append(
                f"[^{number.translate(str.maketrans(SUPERSCRIPT_DIGITS, '0123456789'))}]: {rest}"
            )
            in_note = True
        elif in_note and line:
            notes[-1] += " " + line
        else:
            in_note = False
            body.append(line.translate(PLAIN))
    front = "---\ntitle: Question of Guam\nsource: A_RES_80_96.pdf\npages: 6\n---\n\n"
    return front + "\n".join(body) + "\n\n" + "\n".join(notes) + "\n"


def test_extractor_markdown_reads_into_the_model_of_its_pdf(pdf_models, tmp_path):
    path = tmp_path / "80-96.md"
    path.write_text(extractor_markdown(pdf_text("A_RES_80_96.pdf")), "utf-8")
    model = parse_text(read_source(path).text)
    same_model(model, pdf_models["A_RES_80_96.pdf"])
    assert model.preamble[0].opening.italic  # Markdown keeps the italics
    assert [f.code for f in lint_file(str(path), Settings()).findings if f.code[0] == "F"] == []


# -- synthetic copies: one behaviour each ------------------------------------------------------
COPY = """United Nations A/RES/99/1
General Assembly Distr.: General
1 January 2099
99-00001 (E)
*9900001*
Ninety-ninth session
Agenda item 1
Resolution adopted by the General Assembly
on 1 January 2099
99/1. Synthetic question
The General Assembly,
Recalling paragraphs 1, 2 and 3 of its resolution 98/1 of 1 January 2098, and the report
of the Secretary-General on the question,1
Noting the report for 2098 2 of the Committee and the Convention of 1972,3
1. Decides to remain seized of the matter.
1st plenary meeting
1 January 2099
_______________
1 A/98/1.
2 A/98/2.
3 United Nations, Treaty Series, vol. 1, No. 1.
"""


def test_numbers_that_are_not_calls_stay_numbers():
    text = read_extracted(COPY).text
    assert "paragraphs 1, 2 and 3 of its resolution 98/1 of 1 January 2098" in text
    assert "on the question,¹" in text and "for 2098² of" in text and "of 1972,³" in text
    model = parse_text(text)
    assert [f.number for f in model.footnotes] == [1, 2, 3] and len(model.preamble) == 2


def test_drafter_text_forms_are_not_taken_for_copies():
    for text in (
        COPY.replace("99-00001 (E)\n*9900001*\n", ""),  # no furniture: a text, if an odd one
        "The General Assembly,\n\n1. *Decides* to meet on 2/6 of the days.\n",
    ):
        assert read_extracted(text) is None


def test_front_matter_alone_is_dropped_and_lines_keep_their_numbers():
    text = "---\ntitle: x\n---\nThe General Assembly,\n\n1. *Decides* to meet.\n"
    extracted = read_extracted(text)
    assert extracted is not None and extracted.text.startswith("The General Assembly,")
    assert extracted.lines[:3] == [4, 5, 6]


# A copy as pdftotext writes it without options: each number alone on its line, the text on the
# next; numbers of symbols, references and amounts beside the calls.
PLAIN_COPY = """United Nations A/RES/99/2
General Assembly Distr.: General
1 January 2099
99-00002 (E)
*9900002*
Ninety-ninth session
Agenda item 1
Resolution adopted by the General Assembly
on 1 January 2099
[on the report of the Fifth Committee (A/99/481/Add.3, para. 7)]
99/2.
Synthetic question
The General Assembly,
Recalling its resolutions 97/1 of 2 January 2097,1 96/1 of 3 January 2096 and
42/3
of 4 January 2095, and the plan adopted by the Committee, to which a Compact is annexed,2
Member States being committed to it,
1.
Decides to appropriate 68,791,100 dollars for the Mission, 4,998,800 dollars for the
account and A/C.2/99/L.4 of the Secretariat;3
2.
Requests the Secretary-General to report in accordance with paragraph 8 of its resolution 98/1.
1st plenary meeting
1 January 2099
_______________
1 A/97/1.
2 A/99/2.
3 A/99/3.
2/2
"""


def test_a_plain_copy_s_numbers_alone_and_numbers_that_are_no_calls():
    text = read_extracted(PLAIN_COPY).text
    assert "\n99/2. Synthetic question\n" in text
    assert "1. Decides to appropriate 68,791,100 dollars" in text and "\n2. Requests" in text
    assert "(A/99/481/Add.3, para. 7)" in text and "A/C.2/99/L.4 of the Secretariat;³" in text
    assert "4,998,800 dollars" in text and "paragraph 8 of its resolution 98/1." in text
    words = " ".join(text.split())
    assert "2 January 2097,¹ 96/1" in words and "annexed,² Member States" in words
    assert "42/3 of 4 January 2095" in words  # a resolution's number, not a page's ("2/2")
    model = parse_text(text)
    assert [p.number for p in model.operative] == [1, 2] and len(model.preamble) == 1
    assert [f.number for f in model.footnotes] == [1, 2, 3]
    assert model.citations[0].symbol == "97/1"


def test_a_draft_s_note_on_its_sponsor_is_a_note_in_a_copy_too():
    copy = PLAIN_COPY.replace(
        "Member States being committed to it,\n",
        "Member States being committed to it,\n"
        "* In its capacity as Chair of the Committee on the Peaceful Uses of Outer Space.\n",
    )
    model = parse_text(read_extracted(copy).text)
    assert [(n.mark, n.content.text) for n in model.notes] == [
        ("*", "In its capacity as Chair of the Committee on the Peaceful Uses of Outer Space.")
    ]
    assert len(model.preamble) == 1 and model.preamble[0].content.text.endswith("to it,")
    assert [f.number for f in model.footnotes] == [1, 2, 3]


# A page of a copy as pdftotext writes it without options: no blank lines, the footnotes' numbers
# apart from their texts and out of order, the page's furniture among them, the page number
# glued to a line cut after its hyphen, the rule glued to the last line, the print date alone.
PAGED_COPY = """A/RES/99/3
United Nations
General Assembly
Distr.: General
1 January 2099
Ninety-ninth session
Agenda item 1
Resolution adopted by the General Assembly
on 1 January 2099
99/3.
Synthetic question
The General Assembly,
Recalling the Convention on the Rights of the Child 1 (all Goals) and the report of the
Special Committee for 2098,2 and the Declaration,3
Noting the work of the Non-Self1/2
_______________
1
United Nations, Treaty Series, vol. 1577, No. 27531.
A/98/2.
3
Resolution 1514 (XV), as amended by resolution 1541
(XV).
2
99-00003 (E)
020199
*9900003*
\fA/RES/99/3
Synthetic question
Governing Territories and of the Committee for 2097,4
1.
Decides to remain seized of the matter.
1st plenary meeting
1 January 2099__________________
4
2/2
A/97/4.
99-00003
"""


def test_a_copy_without_options_gives_each_page_s_notes_their_texts():
    text = read_extracted(PAGED_COPY).text
    assert "\n¹ United Nations, Treaty Series, vol. 1577, No. 27531.\n" in text
    assert "\n² A/98/2.\n" in text
    assert "\n³ Resolution 1514 (XV), as amended by resolution 1541 (XV).\n" in text
    assert "\n⁴ A/97/4.\n" in text
    for furniture in ("020199", "1/2", "2/2", "99-00003"):
        assert furniture not in text
    words = " ".join(text.split())
    assert "the Child¹ (all Goals)" in words and "Non-Self Governing Territories" in words
    model = parse_text(text)
    assert [f.number for f in model.footnotes] == [1, 2, 3, 4]
    assert len(model.preamble) == 2 and [p.number for p in model.operative] == [1]
    assert model.closing is not None and model.closing.date_text == "1 January 2099"


def test_a_paragraph_number_set_among_the_running_header_stays_with_its_paragraph():
    page = "\fA/RES/99/3\nSynthetic question\nGoverning Territories and of the Committee for 2097,4"
    page += "\n"
    copy = PAGED_COPY.replace(
        page + "1.\n", page + "99-00003\n\fSynthetic question\n1.\nA/RES/99/3\n"
    )
    model = parse_text(read_extracted(copy).text)
    assert [p.number for p in model.operative] == [1]
    assert model.operative[0].content.text.startswith("Decides to remain")


def _extractor_styles(text: str) -> str:
    """drafter's text form as other Markdown writers put it: italics between underscores, the
    title in bold, a "#" heading, a paragraph's number escaped ("1\\."), calls in <sup>."""
    text = re.sub(r"\*([^*\n]+)\*", r"_\1_", text)
    text = re.sub(r"^(\d+)\. ", r"\1\\. ", text, flags=re.MULTILINE)
    text = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹]+", lambda m: f"<sup>{m.group().translate(PLAIN)}</sup>", text)
    return text.replace("Question of Guam\n", "**Question of Guam**\n", 1).replace(
        "United Nations", "# United Nations", 1
    )


def test_markdown_of_other_writers_reads_into_the_model_of_its_pdf(pdf_models, tmp_path):
    path = tmp_path / "80-96.md"
    written = _extractor_styles(pdf_text("A_RES_80_96.pdf"))
    assert "_Having considered_" in written and "\n1\\. _Reaffirms_" in written
    assert written.startswith("# United Nations") and "**Question of Guam**" in written
    assert "Peoples for 2025,<sup>1</sup>" in written
    path.write_text(written, encoding="utf-8")
    source = read_source(path)
    assert source.converted_from == "Markdown text written in another style"
    model = parse_text(source.text)
    same_model(model, pdf_models["A_RES_80_96.pdf"])
    assert model.preamble[0].opening.italic and model.operative[0].verb.italic
    findings = lint_file(str(path), Settings()).findings
    assert not [f for f in findings if f.severity == "error" or f.code in ("V002", "V003")]
    lines = written.split("\n")
    cited = next(f for f in findings if f.code == "R007")  # "resolution 1541 (XV)"
    assert lines[cited.span.line - 1][cited.span.column - 1 :].startswith("1541")


def test_a_copy_s_spacing_is_the_layout_s_not_the_author_s():
    # pdfminer's copy of justified text: runs of spaces, and "self -" at a cut.
    copy = COPY.replace("Noting the report for", "Noting  the  report  for").replace(
        "and the report\nof the Secretary-General", "and the report of the Secretary -\nGeneral"
    )
    text = read_extracted(copy).text
    assert "Noting the report for 2098² of" in text and "Secretary-General" in text
    findings = lint_text(text, Settings())[1]
    assert not [f for f in findings if f.code.startswith("Y")]


def test_lines_a_copy_without_options_set_out_of_order_go_back():
    # pdftotext without options, where a justified line had wide spaces (80/110, 79/248): the
    # line set a word a line after the paragraph, the last line before the first.
    copy = PLAIN_COPY.replace(
        "1.\nDecides to appropriate 68,791,100 dollars for the Mission, 4,998,800 dollars for the\n"
        "account and A/C.2/99/L.4 of the Secretariat;3\n",
        "1. Decides to appropriate 68,791,100 dollars\naccount and A/C.2/99/L.4 of the"
        " Secretariat;3\n\nfor\n\nthe\n\nwhole\n\nof\n\nthe\n",
    ).replace(
        "2.\nRequests the Secretary-General to report in accordance with paragraph 8 of its"
        " resolution 98/1.\n",
        "2.\nresolution 98/1.\n\nRequests the Secretary-General to report in accordance with"
        " paragraph 8 of its\n",
    )
    model = parse_text(read_extracted(copy).text)
    assert [p.content.text for p in model.operative] == [
        "Decides to appropriate 68,791,100 dollars for the whole of the account and"
        " A/C.2/99/L.4 of the Secretariat;³",
        "Requests the Secretary-General to report in accordance with paragraph 8 of its"
        " resolution 98/1.",
    ]


@pytest.mark.parametrize("copy", COPIES.values(), ids=COPIES.keys())
def test_a_copy_of_a_text_in_sections_keeps_its_sections(tmp_path, copy):
    # The Fifth Committee's omnibus draft: each section's number alone on its line ("XIII"),
    # its title, then its paragraphs; some sections are one unnumbered paragraph ("Approves
    # resources …;"). A copy keeps no blank line between them.
    name = "A_C.5_80_L.5.pdf"
    path = tmp_path / f"{name}.txt"
    path.write_text(copy(PDFS / name), encoding="utf-8")
    model, pdf = parse_text(read_source(path).text), parse_text(pdf_text(name))
    assert [(d.label, d.title) for d in model.divisions] == [
        (d.label, d.title) for d in pdf.divisions
    ]
    assert len(model.divisions) == 24
    assert [p.opening.text.split()[0] for p in model.preamble] == [
        p.opening.text.split()[0] for p in pdf.preamble
    ]
    openings = [p.opening.text.split()[0] for p in model.operative if p.number is None]
    assert openings == [p.opening.text.split()[0] for p in pdf.operative if p.number is None]
