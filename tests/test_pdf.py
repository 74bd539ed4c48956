"""Official UN PDFs read into the same model as drafter's text form (drafter.readers.pdf)."""

from __future__ import annotations

import io
import os
import re
import time
from functools import cache
from pathlib import Path

import pytest
from conftest import drafter
from pdf_documents import write_pdf

from drafter.config import Settings
from drafter.lint import lint_file
from drafter.parser import parse_text
from drafter.reader import read_source

PDFS = Path(__file__).resolve().parent / "fixtures" / "pdf"


@cache
def pdf_text(name: str) -> str:
    """The text drafter reads from a sample PDF, read once for all the tests that need it."""
    return read_source(PDFS / name).text


# What a careful reader counts in each adopted resolution (checked against the printed page,
# and for issue 28's samples against an independent count of pdftotext's layout, each
# difference read on the page):
# preambular paragraphs, operative paragraphs (numbered 1…N), footnotes (1…N), the plenary
# meeting and its date, the first openings and verbs (italic in the PDF), and annexes.
SAMPLES = {
    "A_RES_78_102.pdf": (24, 33, 18, 45, "2023-12-07", "Recalling", "Takes note", 0),
    "A_RES_78_177.pdf": (27, 69, 21, 50, "2023-12-19", "Recalling", "Reaffirms", 0),
    "A_RES_78_53.pdf": (34, 23, 19, 42, "2023-12-04", "Recalling", "Urges", 0),
    # Issue 28's samples: each shows a class of what official texts do (tests/test_official.py).
    "A_RES_78_104.pdf": (8, 4, 2, 45, "2023-12-07", "Recalling", "Expresses", 0),
    "A_RES_78_117.pdf": (1, 2, 0, 45, "2023-12-07", "Wishing", "Decides", 0),
    "A_RES_78_124.pdf": (1, 1, 1, 48, "2023-12-18", "Having considered", "Approves", 0),
    "A_RES_78_219.pdf": (70, 32, 29, 50, "2023-12-19", "Guided", "Expresses", 0),
    "A_RES_78_307.pdf": (6, 24, 4, 95, "2024-06-28", "Having considered", "Requests", 0),
    "A_RES_79_152.pdf": (46, 18, 21, 53, "2024-12-17", "Recalling", "Strongly condemns", 0),
    "A_RES_79_170.pdf": (38, 53, 31, 53, "2024-12-17", "Guided", "Takes note", 0),
    "A_RES_79_171.pdf": (50, 51, 28, 53, "2024-12-17", "Reaffirming", "Reaffirms", 0),
    "A_RES_79_212.pdf": (20, 26, 13, 54, "2024-12-19", "Recalling", "Takes note", 0),
    "A_RES_79_247.pdf": (4, 15, 11, 55, "2024-12-24", "Recalling", "Reaffirms", 0),
    "A_RES_79_85.pdf": (17, 31, 2, 47, "2024-12-04", "Recalling", "Commends", 0),
    "A_RES_80_110.pdf": (35, 362, 172, 58, "2025-12-09", "Reaffirming", "Reaffirms", 0),
    "A_RES_80_220.pdf": (28, 28, 36, 69, "2025-12-18", "Reaffirming", "Condemns", 0),
    "A_RES_80_23.pdf": (9, 4, 1, 52, "2025-12-01", "Reaffirming", "Demands", 0),
    "A_RES_80_68.pdf": (9, 15, 16, 52, "2025-12-01", "Recalling", "Calls upon", 0),
    # The italic verb of paragraphs 11, 17 … begins at the full stop after the number.
    "A_RES_78_187.pdf": (54, 66, 42, 50, "2023-12-19", "Reaffirming", "Recognizes", 0),
    "A_RES_79_198.pdf": (42, 45, 6, 54, "2024-12-19", "Reaffirming", "Emphasizes", 0),
    "A_RES_79_248.pdf": (7, 130, 6, 55, "2024-12-24", "Recalling", "Welcomes", 0),
    "A_RES_79_313.pdf": (41, 46, 18, 81, "2025-06-30", "Reaffirming", "Stresses", 0),
    "A_RES_79_323.pdf": (1, 2, 19, 88, "2025-08-25", "Recalling", "Expresses", 1),
    "A_RES_80_96.pdf": (35, 19, 11, 55, "2025-12-05", "Having considered", "Reaffirms", 0),
}


@pytest.fixture(scope="module")
def models():
    return {name: parse_text(pdf_text(name)) for name in SAMPLES}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_pdf_reads_as_a_careful_person_reads_it(models, name):
    preamble, operative, notes, meeting, day, opening, verb, annexes = SAMPLES[name]
    model = models[name]
    symbol = name.removeprefix("A_RES_").removesuffix(".pdf").replace("_", "/")
    assert (model.language, model.kind, model.symbol) == ("en", "adopted", symbol)
    assert len(model.preamble) == preamble
    assert [p.number for p in model.operative] == list(range(1, operative + 1))
    assert [f.number for f in model.footnotes] == list(range(1, notes + 1))
    assert all(f.content.text.strip() for f in model.footnotes)
    assert model.closing is not None and model.closing.meeting == meeting
    assert model.closing.date is not None and model.closing.date.isoformat() == day
    assert model.preamble[0].opening.text == opening and model.preamble[0].opening.italic
    assert model.operative[0].verb.text.startswith(verb) and model.operative[0].verb.italic
    assert len(model.annexes) == annexes and model.problems == []


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_an_adopted_pdf_has_no_error(name):
    result = lint_file(str(PDFS / name), Settings())
    assert result.error is None
    assert [f"{f.code} {f.message}" for f in result.findings if f.severity == "error"] == []


def test_page_furniture_is_gone_and_calls_are_superscripts(models):
    text = pdf_text("A_RES_80_96.pdf")
    assert "25-20103" not in text and "*2520103*" not in text and "2/6" not in text
    assert "A/RES/80/96 Question of Guam" not in text  # the running header
    assert "Peoples for 2025,¹" in text and "\n¹ *Official Records of the General Assembly" in text
    assert "self-determination" in text  # the hyphen of a word cut at a line's end stays
    footnote = models["A_RES_80_96.pdf"].footnotes[5]
    assert footnote.content.text.startswith("District Court of Guam, Davis v. Guam et al.")


def test_a_footnote_cut_by_the_page_break_goes_after_the_paragraph_it_cut(models):
    # 80/96: the paragraph on the Guam Commonwealth Act and its notes on two pages.
    model = models["A_RES_80_96.pdf"]
    assert all(not p.content.text.startswith(("⁵", "⁶", "⁷")) for p in model.paragraphs)


def test_the_annex_of_79_323_is_its_annex(models):
    [annex] = models["A_RES_79_323.pdf"].annexes
    assert annex.label == "Annex" and annex.lines[0].text == "Sevilla Commitment"


def test_the_command_reads_a_pdf_and_refuses_to_write_into_it(tmp_path):
    pdf = tmp_path / "resolution.pdf"
    pdf.write_bytes((PDFS / "A_RES_80_96.pdf").read_bytes())
    parsed = drafter("parse", str(pdf), "--format", "text")
    assert parsed.returncode == 0 and "19 operative paragraphs" in parsed.stdout
    assert drafter("lint", str(pdf)).returncode == 0
    fixed = drafter("lint", str(pdf), "--fix", "--select", "V005")
    assert pdf.read_bytes() == (PDFS / "A_RES_80_96.pdf").read_bytes()
    assert fixed.returncode in (0, 2)


# -- bad PDFs --------------------------------------------------------------------------------
def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF showing `text` in Helvetica, written by hand (offsets and all)."""
    stream = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return write_pdf(objects)


def _encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_with_text("Secret"))))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank() -> bytes:
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_encrypted, "encrypted PDF"),
        (_blank, "no text layer (a scanned PDF?): run OCR first"),
        (lambda: b"%PDF-1.7\n%\xe2\xe3 this is no PDF at all\n", "not a readable PDF"),
        (lambda: _pdf_with_text("Hello world"), "not a General Assembly resolution"),
    ],
    ids=["encrypted", "scanned", "broken", "not a resolution"],
)
def test_a_pdf_drafter_cannot_read_gets_one_line(tmp_path, make, reason):
    path = tmp_path / "document.pdf"
    path.write_bytes(make())
    for command in ("lint", "parse", "new"):
        result = drafter(command, str(path))
        assert result.returncode == 2, (command, result.stderr)
        assert reason in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_the_text_of_a_hand_made_pdf_is_read():
    # The helper above makes a real PDF: its text comes back (so "not a resolution" is true).
    from drafter.readers.pdf import read_pdf

    assert read_pdf(_pdf_with_text("Hello world")).text.strip() == "Hello world"


def test_a_pdf_read_once_is_read_again_from_the_cache_and_only_if_unchanged(tmp_path, monkeypatch):
    # A pre-commit hook lints the same PDF on every commit: PDFium opens it once.
    import drafter.cache
    import drafter.readers.pdf as pdf

    monkeypatch.setattr(drafter.cache, "cache_dir", lambda: tmp_path)
    first = pdf.read_pdf(_pdf_with_text("Hello world"))
    opened = []
    monkeypatch.setattr(pdf, "_read_text_layer", lambda data: opened.append(data) or first)
    assert pdf.read_pdf(_pdf_with_text("Hello world")) == first and not opened
    stale = tmp_path / "pdf" / "read-two-months-ago.data"
    stale.write_bytes(b"")
    two_months_ago = time.time() - 60 * 24 * 3600
    os.utime(stale, (two_months_ago, two_months_ago))
    pdf.read_pdf(_pdf_with_text("Hello there"))
    assert len(opened) == 1  # another PDF is read, not served the first one's text
    assert not stale.exists()  # and what no run used for a month goes


def test_a_pdf_is_read_without_a_cache_folder(monkeypatch):
    import drafter.cache
    from drafter.readers.pdf import read_pdf

    monkeypatch.setattr(drafter.cache, "cache_dir", lambda: None)
    assert read_pdf(_pdf_with_text("Hello world")).text.strip() == "Hello world"


def test_drafter_text_prints_what_drafter_read_and_it_lints_the_same(tmp_path):
    result = drafter("text", str(PDFS / "A_RES_80_96.pdf"))
    assert result.returncode == 0 and "\n*Having considered* the question of Guam" in result.stdout
    kept = tmp_path / "80-96.txt"
    kept.write_text(result.stdout, encoding="utf-8")
    from_pdf = lint_file(str(PDFS / "A_RES_80_96.pdf"), Settings()).findings
    from_text = lint_file(str(kept), Settings()).findings
    assert [(f.code, f.span.line) for f in from_pdf] == [(f.code, f.span.line) for f in from_text]


def test_a_finding_in_a_pdf_points_at_the_line_drafter_read():
    result = lint_file(str(PDFS / "A_RES_80_96.pdf"), Settings())
    pages = [f.place.page for f in result.findings if f.place]
    assert pages and set(pages) <= {5, 6} and len(pages) == len(result.findings)
    text_lines = pdf_text("A_RES_80_96.pdf").split("\n")
    first = result.findings[0]
    assert "resolution 1541" in text_lines[first.span.line - 1]  # the line of `drafter text`


def words(text: str) -> str:
    return " ".join(text.split())


def test_words_are_whole_across_ligatures_letter_spacing_and_line_ends():
    text_102 = words(pdf_text("A_RES_78_102.pdf"))
    assert "its seventy-ninth session in the framework" in text_102  # cut after its hyphen
    text_313 = words(pdf_text("A_RES_79_313.pdf"))
    assert "aff ect" not in text_313 and "crimes that affect the" in text_313  # a ligature
    text_53 = words(pdf_text("A_RES_78_53.pdf"))
    assert "risk that these weapons" in text_53 and "legally binding" in text_53  # spaced out
    text_198 = words(pdf_text("A_RES_79_198.pdf"))
    assert "middle-income countries" in text_198  # "middle -" with a space PDFium made up
    text_80_96 = words(pdf_text("A_RES_80_96.pdf"))
    assert "Non-Self-Governing Territories”, held" in text_80_96  # cut at a page's end


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_call_stands_apart_from_the_word_after_it(name):
    # PDFium ends a line at a raised call and begins another with the words after it.
    text = pdf_text(name)
    assert re.findall(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+[^\W\d⁰¹²³⁴⁵⁶⁷⁸⁹]", text) == []


def test_a_draft_s_sponsor_note_is_a_note_marked_with_its_asterisk():
    # A/C.4/80/L.8: "Morocco:* draft resolution", and at page 1's foot, with no rule line,
    # "* In its capacity as Chair of the Committee on the Peaceful Uses of Outer Space."
    path = PDFS / "A_C.4_80_L.8.pdf"
    model = parse_text(read_source(path).text)
    assert [(n.mark, n.content.text) for n in model.notes] == [
        ("*", "In its capacity as Chair of the Committee on the Peaceful Uses of Outer Space.")
    ]
    assert model.kind == "draft" and len(model.preamble) == 18 and len(model.operative) == 49
    assert not any("In its capacity" in p.content.text for p in model.paragraphs)
    result = lint_file(str(path), Settings())
    assert [f.code for f in result.findings if f.severity == "error"] == []


def test_the_next_number_at_the_top_of_a_page_begins_its_paragraph():
    # A/RES/79/1, the Global Digital Compact: paragraph 38 ends page 46 on a full line, and
    # "39. We commit, by 2030, to:" opens page 47 flush left, with no gap to measure.
    lines = pdf_text("A_RES_79_1.pdf").split("\n")
    at = lines.index("39. We commit, by 2030, to:")
    assert lines[at - 1] == "" and lines[at - 2].endswith("data governance.")
    result = lint_file(str(PDFS / "A_RES_79_1.pdf"), Settings())
    assert [f.code for f in result.findings] == []
