"""Word documents built for tests: python-docx makes the package, and the XML it does not write
(footnotes, list numbering, tracked changes) is written here, as Word writes it."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (Debian libreoffice-writer-nogui) is not installed",
)


UNO_PYTHON = "/usr/bin/python3"  # Debian's, with LibreOffice's bridge (python3-uno)


def _has_uno() -> bool:
    if shutil.which("soffice") is None or not Path(UNO_PYTHON).exists():
        return False
    return subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


needs_uno = pytest.mark.skipif(
    not _has_uno(),
    reason="LibreOffice and its Python bridge (Debian libreoffice-writer-nogui, python3-uno) "
    "are not installed",
)


def libreoffice_text(document: Path, action: str) -> list[str]:
    """The paragraphs LibreOffice shows once it has accepted (or rejected) every change."""
    target = document.with_name(f"{document.stem}-{action}.txt")
    script = Path(__file__).parent / "libreoffice_changes.py"
    profile = document.parent / "libreoffice-profile"
    subprocess.run(
        [UNO_PYTHON, str(script), str(document), str(target), action, str(profile)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = target.read_text(encoding="utf-8-sig")
    return [line for line in text.split("\n") if line.strip()]


def assert_accepted_and_rejected(tracked: Path, accepted: str, rejected: str) -> None:
    """LibreOffice, accepting every change of `tracked`, shows what it shows of a plain Word
    document of the text `accepted`; rejecting them, of `rejected`."""
    from drafter.parser import parse_text
    from drafter.writers.word import write_docx

    for action, text in (("accept", accepted), ("reject", rejected)):
        plain = tracked.with_name(f"{tracked.stem}-{action}ed-plain.docx")
        plain.write_bytes(write_docx(parse_text(text)))
        assert libreoffice_text(tracked, action) == libreoffice_text(plain, "accept"), action


def libreoffice_convert(source: Path, target: str) -> Path:
    """`source` converted by LibreOffice, headless, to `target` ("docx", "txt"), beside it.
    Each call has its own profile folder: two LibreOffice runs may not share one."""
    profile = source.parent / ".libreoffice-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return source.with_suffix("." + target.split(":")[0])


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{W_NS}"'


def without_lines(value):
    """A model's JSON without the lines things are on (a Word paragraph is one line)."""
    if isinstance(value, dict):
        return {key: without_lines(item) for key, item in value.items() if key != "line"}
    if isinstance(value, list):
        return [without_lines(item) for item in value]
    return value


def run(text: str, *, italic: bool = False, superscript: bool = False, style: str = "") -> str:
    properties = ""
    if italic:
        properties += "<w:i/>"
    if superscript:
        properties += '<w:vertAlign w:val="superscript"/>'
    if style:
        properties = f'<w:rStyle w:val="{style}"/>' + properties
    head = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    pieces = []
    for index, part in enumerate(text.split("\t")):
        if index:
            pieces.append("<w:tab/>")
        lines = part.split("\n")
        for number, line in enumerate(lines):
            if number:
                pieces.append("<w:br/>")
            if line:
                pieces.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
    return f"<w:r>{head}{''.join(pieces)}</w:r>"


def call(identifier: int) -> str:
    """A footnote reference, as Word writes it: a superscript run with the reference."""
    return (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{identifier}"/></w:r>'
    )


def inserted(*runs: str, identifier: int = 1) -> str:
    changed = f'w:id="{identifier}" w:author="A" w:date="2025-01-01T00:00:00Z"'
    return f"<w:ins {changed}>{''.join(runs)}</w:ins>"


def deleted(text: str, identifier: int = 2) -> str:
    return (
        f'<w:del w:id="{identifier}" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def paragraph(*runs: str, numbered: tuple[int, int] | None = None, style: str = "") -> str:
    """A paragraph of runs; `numbered` (list, level) numbers it as a Word list does, and
    `style` gives it a paragraph style."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if numbered:
        num_id, level = numbered
        number = f'<w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
        properties += f"<w:numPr>{number}</w:numPr>"
    head = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p {_NS}>{head}{''.join(runs)}</w:p>"


def text_paragraphs(text: str) -> list[str]:
    """drafter's text form, paragraph by paragraph, *italics* as italic runs."""
    out = []
    for block in text.split("\n\n"):
        block = block.strip("\n")
        if block:
            pieces = block.split("*")
            runs = [run(piece, italic=bool(i % 2)) for i, piece in enumerate(pieces) if piece]
            out.append(paragraph(*runs))
    return out


# A list whose first level is numbered "1." and second "(a)", as resolutions are.
def _level(level: int, form: str, text: str) -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{form}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = f"""<w:numbering {_NS}>
<w:abstractNum w:abstractNumId="90">
{_level(0, "decimal", "%1.")}{_level(1, "lowerLetter", "(%2)")}{_level(2, "lowerRoman", "(%3)")}
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"""


def footnotes_xml(notes: dict[int, str]) -> str:
    body = "".join(
        f'<w:footnote w:id="{identifier}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f"</w:rPr><w:footnoteRef/></w:r>{''.join(_note_runs(text))}</w:p></w:footnote>"
        for identifier, text in notes.items()
    )
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    return f"<w:footnotes {_NS}>{separators}{body}</w:footnotes>"


def _note_runs(text: str) -> list[str]:
    pieces = (" " + text).split("*")
    return [run(piece, italic=bool(i % 2)) for i, piece in enumerate(pieces) if piece]


def build(
    paragraphs: list[str],
    *,
    footnotes: dict[int, str] | None = None,
    numbering: str | None = NUMBERING,
) -> bytes:
    """A .docx whose body is `paragraphs` (XML of w:p), with footnotes and list numbering."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    for element in list(body):
        if not element.tag.endswith("sectPr"):
            body.remove(element)
    section = body[-1] if len(body) else None
    for xml in paragraphs:
        element = parse_xml(xml)
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)
    if numbering:
        document.part.numbering_part._element = parse_xml(numbering)
    if footnotes:
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            footnotes_xml(footnotes).encode("utf-8"),
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
