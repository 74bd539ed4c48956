"""Writing Word documents: a resolution written as .docx reads back as the same model, and
`drafter new -o next.docx` is the previous text with every change tracked: LibreOffice, a real
word processor, accepts them all to give the new draft and rejects them all to give the
previous text."""

from __future__ import annotations

import re

import pytest
from conftest import ENGLISH, SEED_62, SEED_78, drafter
from word_documents import (
    build,
    libreoffice_text,
    needs_libreoffice,
    needs_uno,
    paragraph,
    run,
    without_lines,
)

from drafter.parser import parse_text
from drafter.reader import read_source
from drafter.scaffold.context import context_of
from drafter.scaffold.render import builtin_template, render
from drafter.writers.word import write_docx

PDFS = ENGLISH.parent / "pdf"
TEXTS = [SEED_78, SEED_62, *sorted(ENGLISH.glob("*.txt")), *sorted(PDFS.glob("*.pdf"))]


@pytest.mark.parametrize("path", TEXTS, ids=[path.stem for path in TEXTS])
def test_a_resolution_written_to_word_reads_back_as_the_same_model(tmp_path, path):
    model = parse_text(read_source(path).text)
    written = tmp_path / "written.docx"
    written.write_bytes(write_docx(model))
    again = parse_text(read_source(written).text)
    assert without_lines(again.to_json()) == without_lines(model.to_json())


def _plain(line: str) -> str:
    """A paragraph as a word processor's text shows it: no markup, calls as digits."""
    line = line.replace("*", "").replace("^", "").replace("\t", " ")
    line = line.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
    return re.sub(r"\s+", " ", line).strip()


def _paragraphs(text: str) -> list[str]:
    """The lines of the text `drafter new` writes (a paragraph a line, and the plenary line's
    two lines, as Word's two paragraphs), footnote texts left out (a text export omits them)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return [_plain(line) for line in lines if not re.match(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ", line)]


@needs_libreoffice
@needs_uno
def test_drafter_new_writes_the_changes_as_tracked_changes_that_word_processors_apply(tmp_path):
    target = tmp_path / "next.docx"
    result = drafter("new", str(SEED_78), "-o", str(target))
    assert result.returncode == 0, result.stderr
    new_text = drafter("new", str(SEED_78)).stdout
    previous = parse_text(read_source(SEED_78).text)
    previous_text = render(builtin_template("fr"), context_of(previous))
    accepted = [_plain(line) for line in libreoffice_text(target, "accept")]
    rejected = [_plain(line) for line in libreoffice_text(target, "reject")]
    assert accepted == _paragraphs(new_text)
    assert rejected == _paragraphs(previous_text)
    assert (
        "Soixante-dix-neuvième session" in accepted and "Soixante-dix-huitième session" in rejected
    )
    # drafter reads its own file both ways too, and says how many changes it read.
    read = drafter("text", str(target))
    assert "tracked changes read as accepted" in read.stderr
    assert _paragraphs(read.stdout) == _paragraphs(new_text)
    rejected_by_drafter = drafter("text", str(target), "--revisions", "rejected").stdout
    assert _paragraphs(rejected_by_drafter) == _paragraphs(previous_text)


@needs_libreoffice
@needs_uno
def test_a_new_draft_from_a_word_document_keeps_its_styles_and_page(tmp_path):
    import docx

    previous = tmp_path / "previous.docx"
    text = read_source(SEED_78).text
    blocks = [b.replace("\n", " ") for b in text.split("\n\n") if b.strip()]
    previous.write_bytes(build([paragraph(run(block.replace("*", ""))) for block in blocks]))
    styled = docx.Document(str(previous))
    styled.styles["Normal"].font.name = "Times New Roman"
    styled.sections[0].left_margin = docx.shared.Cm(3.1)
    styled.save(str(previous))
    margin = docx.Document(str(previous)).sections[0].left_margin
    target = tmp_path / "next.docx"
    assert drafter("new", str(previous), "-o", str(target)).returncode == 0
    written = docx.Document(str(target))
    assert written.styles["Normal"].font.name == "Times New Roman"
    assert written.sections[0].left_margin == margin
    assert "Soixante-dix-neuvième session" in libreoffice_text(target, "accept")


def test_drafter_new_refuses_to_overwrite_a_word_document(tmp_path):
    target = tmp_path / "next.docx"
    target.write_bytes(b"the user's own")
    result = drafter("new", str(SEED_78), "-o", str(target))
    assert result.returncode == 2 and "already exists" in result.stderr
    assert target.read_bytes() == b"the user's own"


def test_a_template_does_not_lay_out_a_word_document(tmp_path):
    template = tmp_path / "mine.txt.j2"
    template.write_text("{{ organ }}\n")
    target = tmp_path / "next.docx"
    result = drafter("new", str(SEED_78), "-o", str(target), "--template", str(template))
    assert result.returncode == 2 and "--template" in result.stderr and not target.exists()


def test_parse_and_new_read_a_word_document_s_changes_as_asked(tmp_path):
    # The draft for session 79 as Word wrote it: rejected, its changes give 78/167 again.
    draft = tmp_path / "next.docx"
    assert drafter("new", str(SEED_78), "-o", str(draft)).returncode == 0
    again = drafter("new", str(draft), "--revisions", "rejected").stdout
    assert again == drafter("new", str(SEED_78)).stdout
    parsed = drafter("parse", str(draft), "--revisions", "rejected", "--format", "text")
    assert "session 78" in parsed.stdout
    assert "session 79" in drafter("parse", str(draft), "--format", "text").stdout
