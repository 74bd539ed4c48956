"""Reading Word documents (.docx): the body, italics, footnotes, Word's own numbering, tracked
changes; findings that point at a paragraph a Word user finds; bad files in one line."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import ENGLISH, SEED_78, drafter, seed_text
from word_documents import (
    build,
    call,
    deleted,
    inserted,
    libreoffice_convert,
    libreoffice_text,
    needs_libreoffice,
    needs_uno,
    paragraph,
    run,
    text_paragraphs,
    without_lines,
)

from drafter.config import Settings
from drafter.lint import lint_file, lint_text
from drafter.parser import parse_text
from drafter.reader import read_source

HEADING = [
    paragraph(run("Resolution adopted by the General Assembly on 14 December 2022")),
    paragraph(run("77/185. South-South cooperation")),
    paragraph(run("The General Assembly,")),
]


def draft_docx(tmp_path, *paragraphs: str, name: str = "draft.docx", **extra) -> str:
    path = tmp_path / name
    path.write_bytes(build([*HEADING, *paragraphs], **extra))
    return str(path)


def test_italics_footnotes_and_word_s_numbers_read_as_the_text_form_writes_them(tmp_path):
    path = draft_docx(
        tmp_path,
        paragraph(
            run("Recalling", italic=True),
            run(" its resolution 76/123 of 10 December 2021 and the report "),
            run("Our Common Agenda", italic=True),
            run(","),
            call(5),
        ),
        paragraph(run("Decides", italic=True), run("\tto do this:"), numbered=(7, 0)),
        paragraph(run("first;"), numbered=(7, 1)),
        paragraph(run("second;"), numbered=(7, 1)),
        paragraph(
            run("Requests", italic=True), run(" the Secretary-General to report."), numbered=(7, 0)
        ),
        paragraph(run("52nd plenary meeting\n14 December 2022", italic=True)),
        footnotes={5: "See *Official Records*, A/77/1."},
    )
    model = parse_text(read_source(path).text)
    first = model.preamble[0]
    assert first.opening.text == "Recalling" and first.opening.italic
    assert first.content.text.endswith("report Our Common Agenda,¹")
    assert len(first.content.italics) == 2
    assert [(p.number, p.verb.text, p.verb.italic) for p in model.operative] == [
        (1, "Decides", True),
        (2, "Requests", True),
    ]
    assert [s.marker for s in model.operative[0].subparagraphs] == ["(a)", "(b)"]
    assert [(f.number, f.content.text) for f in model.footnotes] == [
        (1, "See Official Records, A/77/1.")
    ]
    assert model.closing is not None and model.closing.meeting == 52
    assert model.problems == []


def test_italics_of_a_character_style_count_and_comments_are_left_out(tmp_path):
    comment = (
        '<w:commentRangeStart w:id="0"/><w:r><w:t>1. </w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
    )
    path = draft_docx(
        tmp_path,
        paragraph(comment, run("Decides", style="QuoteChar"), run(" to do this;")),
        paragraph(run("2. "), run("Requests", italic=True), run(" that.")),
    )
    model = parse_text(read_source(path).text)
    assert [(p.number, p.verb.text, p.verb.italic) for p in model.operative] == [
        (1, "Decides", True),
        (2, "Requests", True),
    ]
    assert model.operative[0].content.text == "Decides to do this;"


def _with_part(path: str, name: str, change) -> None:
    """Rewrite one part of the package at `path` through `change` (bytes to bytes)."""
    with zipfile.ZipFile(path) as package:
        parts = {info: package.read(info) for info in package.infolist()}
    with zipfile.ZipFile(path, "w") as package:
        for info, data in parts.items():
            package.writestr(info, change(data) if info.filename == name else data)


def test_a_style_changed_in_the_template_is_read_anew(tmp_path):
    # What drafter learns of a styles part is kept from one run to the next (the styles are a
    # template's, met again in every draft): a changed part must not be served from there.
    path = draft_docx(
        tmp_path, paragraph(run("1. "), run("Decides", style="QuoteChar"), run(" to do this."))
    )
    assert parse_text(read_source(path).text).operative[0].verb.italic

    def not_italic(styles: bytes) -> bytes:
        quote = styles.index(b'w:styleId="QuoteChar"')
        italic = styles.index(b"<w:i/>", quote)
        return styles[:italic] + b'<w:i w:val="0"/>' + styles[italic + len(b"<w:i/>") :]

    _with_part(path, "word/styles.xml", not_italic)
    verb = parse_text(read_source(path).text).operative[0].verb
    assert verb.text == "Decides" and not verb.italic


def test_numbers_typed_with_a_tab_read_as_numbers(tmp_path):
    path = draft_docx(
        tmp_path,
        paragraph(run("1.\t"), run("Decides", italic=True), run(" to do this;")),
        paragraph(run("2.\t"), run("Requests", italic=True), run(" that.")),
    )
    model = parse_text(read_source(path).text)
    assert [p.number for p in model.operative] == [1, 2] and model.problems == []


def test_a_paragraph_style_that_numbers_gives_its_numbers(tmp_path):
    # Word's "List Number" style numbers its paragraphs through the style's own list.
    path = draft_docx(
        tmp_path,
        paragraph(run("Decides", italic=True), run(" to do this;"), style="ListNumber"),
        paragraph(run("Requests", italic=True), run(" that."), style="ListNumber"),
        numbering=None,  # the template's lists, which the style refers to
    )
    model = parse_text(read_source(path).text)
    assert [(p.number, p.verb.text) for p in model.operative] == [(1, "Decides"), (2, "Requests")]


def test_tracked_changes_are_read_accepted_or_rejected_and_said_once(tmp_path):
    path = draft_docx(
        tmp_path,
        paragraph(
            run("1. "),
            run("Requests", italic=True),
            run(" the Secretary-General to "),
            inserted(run("report to the Assembly ")),
            deleted("submit a note "),
            run("at its eightieth session."),
        ),
    )
    accepted = parse_text(read_source(path).text).operative[0].content.text
    rejected = parse_text(read_source(path, "rejected").text).operative[0].content.text
    assert "to report to the Assembly at its" in accepted and "submit" not in accepted
    assert "to submit a note at its" in rejected and "report to" not in rejected
    result = drafter("lint", path)
    assert result.stderr.count("2 tracked changes read as accepted") == 1
    assert "read as rejected" in drafter("lint", path, "--revisions", "rejected").stderr
    shown = drafter("text", path, "--revisions", "rejected")
    assert "to submit a note at its" in shown.stdout


def test_a_finding_names_the_paragraph_and_the_column_word_shows(tmp_path):
    # "Decides" repeats the verb of the paragraph before it: V005 at the verb, which Word
    # shows at column 1 of operative paragraph 2 (the number is Word's, the * drafter's).
    path = draft_docx(
        tmp_path,
        paragraph(run("Decides", italic=True), run(" to do this;"), numbered=(7, 0)),
        paragraph(run("Decides", italic=True), run(" to do that."), numbered=(7, 0)),
    )
    result = drafter("lint", path, "--select", "V005")
    assert "(operative paragraph 2, column 1)" in result.stdout, result.stdout
    [found] = json.loads(drafter("lint", path, "--select", "V005", "--format", "json").stdout)
    assert (found["page"], found["part"], found["part_column"]) == (
        None,
        "operative paragraph 2",
        1,
    )
    sarif = json.loads(drafter("lint", path, "--select", "V005", "--format", "sarif").stdout)
    [location] = sarif["runs"][0]["results"][0]["locations"]
    assert location["properties"]["partColumn"] == 1


def test_a_heading_line_is_named_by_its_first_words(tmp_path):
    path = tmp_path / "draft.docx"
    heading = paragraph(run("Resolution adopted by the General  Assembly on 14 December 2022"))
    body = [
        paragraph(run("1. "), run("Decides", italic=True), run(" to do this;")),
        paragraph(run("2. "), run("Requests", italic=True), run(" that.")),
    ]
    path.write_bytes(build([heading, *HEADING[1:], *body]))
    [found] = lint_file(str(path), Settings(select=("Y004",))).findings
    assert found.place is not None
    assert found.place.part == "paragraph “Resolution adopted by the General Assembly …”"
    assert found.place.column == len("Resolution adopted by the General") + 1  # the two spaces


def test_real_resolutions_read_from_word_as_from_their_text(tmp_path):
    for source in (ENGLISH / "en_68-262.txt", SEED_78):
        text = seed_text(source)
        path = tmp_path / f"{source.stem}.docx"
        path.write_bytes(build(text_paragraphs(text)))
        from_word = parse_text(read_source(path).text)
        from_text = parse_text(text)
        assert without_lines(from_word.to_json()) == without_lines(from_text.to_json())
        assert [p.content.text for p in from_word.preamble] == [
            p.content.text for p in from_text.preamble
        ]
        codes = [f.code for f in lint_file(str(path), Settings()).findings]
        assert codes == [f.code for f in lint_text(text, Settings())[1]]


@needs_libreoffice
def test_what_a_word_processor_writes_reads_too(tmp_path):
    # LibreOffice writes its own Word: list numbering, italics, a raised call.
    page = tmp_path / "draft.html"
    page.write_text(
        "<html><body><p>Resolution adopted by the General Assembly on 14 December 2022</p>"
        "<p>77/185. South-South cooperation</p><p>The General Assembly,</p>"
        "<p><i>Recalling</i> its resolution 76/123 of 10 December 2021,<sup>1</sup></p>"
        "<ol><li><p><i>Decides</i> to do this;</p></li>"
        "<li><p><i>Requests</i> the Secretary-General to report.</p></li></ol>"
        "<p><i>52nd plenary meeting</i></p></body></html>",
        encoding="utf-8",
    )
    model = parse_text(read_source(libreoffice_convert(page, "docx:MS Word 2007 XML")).text)
    assert model.preamble[0].content.text.endswith("2021,¹")
    assert [(p.number, p.verb.text, p.verb.italic) for p in model.operative] == [
        (1, "Decides", True),
        (2, "Requests", True),
    ]
    assert model.closing is not None and model.problems == []


def _zip(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, data)
    return out.getvalue()


BAD = {
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old binary Word document"),
    "encrypted": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"),
        "password-protected",
    ),
    "corrupt": (b"PK\x03\x04" + b"\x00garbage" * 50, "not a readable Word document"),
    "other zip": (_zip("content.xml", b"<x/>"), "Word document"),
}


@pytest.mark.parametrize("data, reason", BAD.values(), ids=BAD.keys())
def test_a_word_file_drafter_cannot_read_gets_one_line(tmp_path, data, reason):
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    for command in ("lint", "parse", "text", "new"):
        result = drafter(command, str(path))
        assert result.returncode == 2, (command, result.stderr)
        assert reason in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_word_document_that_is_no_resolution_gets_one_line(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_bytes(build([paragraph(run("Dear colleagues, please find the agenda attached."))]))
    result = drafter("lint", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    empty = tmp_path / "empty.docx"
    empty.write_bytes(build([]))
    result = drafter("lint", str(empty))
    assert result.returncode == 2 and "no text" in result.stderr


def _fixable(tmp_path) -> str:
    # P002: operative paragraph 1 has no semicolon; Y004: a doubled space in paragraph 2.
    return draft_docx(
        tmp_path,
        paragraph(run("1. "), run("Decides", italic=True), run(" to do this")),
        paragraph(
            run("2. "), run("Requests", italic=True), run(" the  Secretary-General to report.")
        ),
    )


def _parts(path: str) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_fixes_are_written_into_a_word_document_as_tracked_changes(tmp_path):
    path = _fixable(tmp_path)
    before = _parts(path)
    text = read_source(path).text
    expected = lint_file(path, Settings(), fix=True).fixed_raw
    assert expected is not None and expected != text
    result = drafter("lint", path, "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert read_source(path).text == expected  # the changes accepted: the fixed text
    assert read_source(path, "rejected").text == text  # rejected: the document as it was
    after = _parts(path)
    assert after.keys() == before.keys()
    assert [name for name in before if before[name] != after[name]] == ["word/document.xml"]
    assert b'w:author="drafter"' in after["word/document.xml"]


def test_the_author_of_the_fixes_is_configurable(tmp_path):
    path = _fixable(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.drafter]\nauthor = "Delegation of Fiji"\n')
    assert drafter("lint", path, "--fix", cwd=tmp_path).returncode == 0
    assert b'w:author="Delegation of Fiji"' in _parts(path)["word/document.xml"]


def test_without_fix_a_word_document_is_not_written(tmp_path):
    path = _fixable(tmp_path)
    before = Path(path).read_bytes()
    assert drafter("lint", path).returncode == 1
    assert Path(path).read_bytes() == before


def test_a_fix_that_changes_formatting_is_left_to_word_and_said(tmp_path):
    # V-rules fix an opening by its italics: that is formatting, which a change of text in
    # Word cannot make; the other fixes are written.
    path = draft_docx(
        tmp_path,
        paragraph(run("1. Decides to do this")),
        paragraph(run("2. "), run("Requests", italic=True), run(" that.")),
    )
    text = read_source(path).text
    result = drafter("lint", path, "--fix")
    assert "not:" in result.stderr and "Traceback" not in result.stderr
    fixed = read_source(path).text
    assert "*" not in fixed.split("\n")[6] and "1. Decides to do this;" in fixed
    assert read_source(path, "rejected").text == text


@needs_uno
def test_libreoffice_applies_the_fixes_drafter_wrote(tmp_path):
    path = _fixable(tmp_path)
    assert drafter("lint", path, "--fix").returncode == 0
    accepted = libreoffice_text(Path(path), "accept")
    rejected = libreoffice_text(Path(path), "reject")
    assert "1.\tDecides to do this;" in accepted or "1. Decides to do this;" in accepted
    assert "2. Requests the Secretary-General to report." in accepted
    assert "1. Decides to do this" in rejected
    assert "2. Requests the  Secretary-General to report." in rejected
