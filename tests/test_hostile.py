"""Hostile documents cost little: a zip bomb, a lying header, XML entities, a PDF of 10,000
pages or with a stream that unpacks to gigabytes each get one plain line and exit 2, in a
bounded amount of memory (measured in the process that runs drafter, by the kernel's count).
How long they take is in benchmarks/hostile_speed.py."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from pdf_documents import write_pdf

MB = 1024 * 1024
PEAK_LIMIT = 200 * MB

# Runs drafter in a child and prints its exit status, standard error and peak memory (bytes):
# the peak of a process is known to its parent once it has ended.
_MEASURE = """
import json, resource, subprocess, sys
run = subprocess.run([sys.executable, "-m", "drafter", *sys.argv[1:]], capture_output=True,
                     text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # Linux: kilobytes
print(json.dumps({"code": run.returncode, "stderr": run.stderr, "peak": peak}))
"""


def measured(*arguments: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *arguments], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def _word_package(path: Path, replace: dict[str, bytes | tuple[str, int]]) -> Path:
    """A small real .docx (python-docx's), with some parts replaced: by bytes, or by a part of
    (text, megabytes) that repeats the text to that size, packed."""
    import docx

    base = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    document.save(base)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename not in replace:
                out.writestr(info, source.read(info))
        for name, part in replace.items():
            entry = zipfile.ZipInfo(name)
            entry.compress_type = zipfile.ZIP_DEFLATED
            if isinstance(part, bytes):
                out.writestr(entry, part)
                continue
            text, megabytes = part
            with out.open(entry, "w", force_zip64=True) as stream:
                stream.write(b'<?xml version="1.0"?><w:document xmlns:w="'
                             b'http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                             b"<w:body><w:p><w:r><w:t>")  # fmt: skip
                block = text.encode() * (MB // len(text))
                for _ in range(megabytes):
                    stream.write(block)
                stream.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def _lying(path: Path) -> Path:
    """A .docx whose document part says, in both its headers, that it is 1,000 bytes: it
    inflates to 300 MB."""
    _word_package(path, {"word/document.xml": (" ", 300)})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    # The size stands in the local header's zip64 field (8 bytes) and in the central
    # directory (4 bytes): both say 1,000.
    for width in (8, 4):
        real = info.file_size.to_bytes(width, "little")
        assert data.count(real) >= 1
        data = data.replace(real, (1000).to_bytes(width, "little"))
    path.write_bytes(bytes(data))
    return path


_BODY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>The General Assembly, %s</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    + _BODY % b"&secret;"
)
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([ord("b") + n]), (b"&%s;" % bytes([ord("a") + n])) * 20)
        for n in range(6)
    )
    + b"]>\n"
    + _BODY % b"&g;"
)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: _word_package(p, {"word/document.xml": (" ", 900)}),
            "its document part would be 900 MB unpacked (limit 100 MB); not read",
        ),
        (
            lambda p: _word_package(p, {"word/document.xml": ("<w:p/>", 60)}),
            "its document part is packed",  # under the size limit, over the ratio
        ),
        (lambda p: _lying(p), "a part of it is not what the package's headers say"),
    ],
    ids=["bomb in the document part", "packed too tightly", "lying size header"],
)
def test_a_zip_bomb_is_refused_in_one_line_and_little_memory(tmp_path, make, message):
    bomb = make(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 2 * MB
    run = measured("lint", str(bomb))
    assert run["code"] == 2 and message in run["stderr"], run["stderr"]
    assert len(run["stderr"].strip().splitlines()) == 1 and "Traceback" not in run["stderr"]
    assert run["peak"] < PEAK_LIMIT, run["peak"] / MB


def test_a_bomb_in_the_footnotes_part_is_refused_and_the_rest_of_the_batch_linted(tmp_path):
    from conftest import SEED_78

    bomb = tmp_path / "bomb.docx"
    _word_package(bomb, {})
    # The footnotes part is what the document's relationships point to: point to a bomb.
    with zipfile.ZipFile(bomb) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    rels = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    _word_package(bomb, {"word/_rels/document.xml.rels": rels, "word/footnotes.xml": (" ", 400)})
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED_78.read_bytes())
    run = measured("lint", str(bomb), str(seed))
    assert run["code"] == 2
    assert "its footnotes part would be 400 MB unpacked (limit 100 MB); not read" in run["stderr"]
    assert run["peak"] < PEAK_LIMIT


def test_the_limits_are_the_configuration_s(tmp_path):
    bomb = _word_package(tmp_path / "big.docx", {"word/document.xml": (" ", 30)})
    (tmp_path / "drafter.toml").write_text("max-unpacked-mb = 20\n", encoding="utf-8")
    run = measured("lint", str(bomb))
    assert "its document part would be 30 MB unpacked (limit 20 MB)" in run["stderr"]
    (tmp_path / "drafter.toml").write_text("max-unpacked-mb = 0\n", encoding="utf-8")
    assert "max-unpacked-mb is a whole number above 0" in measured("lint", str(bomb))["stderr"]


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["external entity", "billion laughs"])
def test_xml_entities_are_never_expanded_nor_fetched(tmp_path, xml):
    document = _word_package(tmp_path / "entities.docx", {"word/document.xml": xml})
    run = measured("text", str(document))
    assert run["code"] == 2 and "root:" not in run["stderr"]
    assert "its XML declares a document type, as no Word document does" in run["stderr"]
    assert run["peak"] < PEAK_LIMIT
    shown = subprocess.run(
        [sys.executable, "-m", "drafter", "text", str(document)], capture_output=True, text=True
    )
    assert "root:" not in shown.stdout and "aaaa" not in shown.stdout


def _pages(count: int) -> bytes:
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    for _ in range(count):
        document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _stream_bomb() -> bytes:
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(b" " * MB) for _ in range(900)) + packer.flush()
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        ]
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: _pages(10_000), "its 10000 pages are more than a resolution has"),
        (_stream_bomb, "its streams unpack to more than 200 MB"),
    ],
    ids=["10,000 pages", "a stream of 900 MB"],
)
def test_a_hostile_pdf_is_refused_in_one_line_and_little_memory(tmp_path, make, message):
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(make())
    run = measured("lint", str(pdf))
    assert run["code"] == 2 and message in run["stderr"], run["stderr"]
    assert len(run["stderr"].strip().splitlines()) == 1
    assert run["peak"] < PEAK_LIMIT, run["peak"] / MB


def test_a_batch_keeps_no_model_of_the_files_it_has_linted(tmp_path):
    # A pre-commit run over a drafting repository: 300 resolutions, one process. Each file's
    # model goes once its findings are known (kept, 300 of them took 110 MB and slowed every
    # collection of the garbage collector).
    seed = (Path(__file__).parent.parent / "seeds" / "fr_78-167_cooperation-sud-sud.txt").read_text(
        encoding="utf-8"
    )
    for number in range(300):
        (tmp_path / f"{number}.txt").write_text(seed, encoding="utf-8")
    run = measured("lint", str(tmp_path), "--format", "json", "--jobs", "1")
    assert run["code"] == 0, run["stderr"]
    assert run["peak"] < 70 * MB
