"""`drafter parse` from the command line: output, exit status, and bad input."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest
from conftest import SEED_62, SEED_78, drafter, seed_text
from typer.testing import CliRunner

from drafter.cli import app
from drafter.reader import MAX_BYTES

runner = CliRunner()


def test_parse_prints_the_json_contract():
    result = drafter("parse", str(SEED_78), "--format", "json")
    assert result.returncode == 0, result.stderr
    model = json.loads(result.stdout)
    assert {
        "language",
        "kind",
        "symbol",
        "session",
        "title",
        "adopted_on",
        "preamble",
        "operative",
        "footnotes",
        "citations",
        "closing",
    } <= set(model)
    assert (model["symbol"], model["session"], model["adopted_on"]) == ("78/167", 78, "2023-12-19")
    assert model["operative"][0] == {
        "number": 1,
        "verb": "Rappelle",
        "text": model["operative"][0]["text"],
        "line": 72,
        "footnote_refs": [5],
        "subparagraphs": [],
    }
    assert model["closing"] == {"meeting": 49, "date": "2023-12-19", "resumed": False, "line": 136}
    assert model["footnotes"][0]["line"] == 34


def test_parse_reads_standard_input():
    result = drafter("parse", "-", stdin=SEED_62.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout)["symbol"] == "62/209"


def test_text_summary():
    result = runner.invoke(app, ["parse", str(SEED_62), "--format", "text"])
    assert result.exit_code == 0
    assert "6 preambular paragraphs, 15 operative paragraphs, 7 footnotes" in result.output


BAD_INPUTS = {
    "empty": (b"", "empty file"),
    "blank": (b"  \n\n \n", "empty file"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "latin-1": (
        "L'Assemblée générale,\n\n1. *Décide*.\n".encode("latin-1"),
        "not valid UTF-8 at byte 9",
    ),
    "bad utf-16": (codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "not valid UTF-16"),
    "prose": (b"Bonjour,\n\nvoici le compte rendu.\n", "not a General Assembly resolution"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_gets_one_clear_line_and_status_2(tmp_path, name):
    data, reason = BAD_INPUTS[name]
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    result = drafter("parse", str(path))
    stderr = result.stderr
    assert result.returncode == 2
    assert stderr.startswith(f"drafter: {path}: ") and reason in stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


def test_missing_file_directory_and_huge_file(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (MAX_BYTES + 1))
    for path, reason in [
        (tmp_path / "absent.txt", "no such file"),
        (tmp_path, "is a directory"),
        (huge, "too large"),
    ]:
        result = runner.invoke(app, ["parse", str(path)])
        assert result.exit_code == 2 and reason in result.output


def test_syntax_problem_is_reported_with_position_and_status_1(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(
        "Projet de résolution\n\nTitre\n\n1. *Décide* ;\n\n2. *Prie*.\n", encoding="utf-8"
    )
    result = drafter("parse", str(path))
    assert result.returncode == 1
    assert [p["number"] for p in json.loads(result.stdout)["operative"]] == [1, 2]
    assert f"{path}:5:1: the organ line is missing" in result.stderr


def test_usage_error_is_status_2():
    assert runner.invoke(app, ["parse"]).exit_code == 2
    assert runner.invoke(app, ["parse", str(SEED_78), "--format", "yaml"]).exit_code == 2


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("drafter ")


def test_utf16_file_parses(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(seed_text(SEED_62).encode("utf-16"))
    assert json.loads(drafter("parse", str(path)).stdout)["closing"]["meeting"] == 78


def _one_line(result, reason: str) -> None:
    assert result.returncode == 2, result.stderr
    assert reason in result.stderr and "internal error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_what_the_system_refuses_gets_its_own_line(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    long_name = str(tmp_path / ("a" * 300 + ".txt"))
    for command in ("lint", "parse"):
        _one_line(drafter(command, str(loop)), "Too many levels of symbolic links")
        _one_line(drafter(command, long_name), "File name too long")
    _one_line(drafter("lint", str(SEED_78), "--language", "de"), "language must be one of")
    _one_line(drafter("parse", str(SEED_78), "--language", "de"), "language must be one of")


def test_a_named_pipe_with_no_writer_does_not_hang(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "lint", str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    _one_line(result, "empty file")


def test_closed_streams_and_a_full_output():
    closed_out = subprocess.run(
        [sys.executable, "-m", "drafter", "lint", str(SEED_78)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    _one_line(closed_out, "standard output is closed")
    closed_in = subprocess.run(
        [sys.executable, "-m", "drafter", "parse", "-"],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    _one_line(closed_in, "standard input cannot be read")
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "drafter", "parse", str(SEED_78)],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        _one_line(result, "No space left on device")


def test_utf32_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "utf32.txt"
    path.write_bytes(seed_text(SEED_62).encode("utf-32"))
    result = drafter("parse", str(path))
    assert result.returncode == 0 and json.loads(result.stdout)["symbol"] == "62/209"


def test_the_text_summary_says_what_is_unknown_without_python_s_none(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("L'Assemblée générale,\n\n1. *Décide* de faire ceci.\n", encoding="utf-8")
    result = drafter("parse", str(path), "--format", "text")
    assert result.returncode == 0 and "None" not in result.stdout
    assert "session -, adopted on -" in result.stdout and "1 operative paragraph," in result.stdout


@pytest.mark.parametrize("command", ["lint", "new", "diff", "rules"])
def test_help_rewraps_its_prose_and_keeps_each_example_on_its_line(command):
    shown = drafter(command, "--help", env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1"})
    lines = [line.strip() for line in shown.stdout.splitlines()]
    examples = [line for line in lines if line.startswith(f"drafter {command}")]
    assert len(examples) >= 2, shown.stdout
    # Each example starts a line of its own: none was run into the next.
    assert all(line.count(f"drafter {command}") == 1 for line in examples)
    # The prose is filled to the width: no line of a paragraph but its last is left short
    # (the docstring's own line breaks are not kept, to wrap again in the middle).
    prose = "\n".join(lines[lines.index("") + 1 : lines.index("Examples:")])
    for paragraph in prose.split("\n\n"):
        assert all(len(line) > 50 for line in paragraph.splitlines()[:-1]), paragraph


# What a lint of a text in drafter's form must not load: the other formats' readers and their
# libraries, the scaffolding, the progress bar, and lark itself (its compiled tables suffice).
HEAVY_FOR_A_TEXT = {
    "lark",
    "logging",
    "jinja2",
    "pydantic",
    "rich",
    "pypdfium2",
    "docx",
    "lxml",
    "num2words",
    "concurrent.futures",
    "drafter.readers.extracted",
    "drafter.readers.pdf",
    "drafter.readers.word",
    "drafter.scaffold",
    "drafter.diff",
    "drafter.corpus.store",
    "rapidfuzz",
    "sqlite3",
    "starlette",
    "uvicorn",
    "drafter.serve",
}


@pytest.mark.parametrize("options", [[], ["--format", "json"], ["--select", "ALL"]])
def test_a_lint_of_a_text_loads_nothing_it_does_not_use(options):
    """Every commit runs it: what it imports is what its start-up costs."""
    script = (
        "import sys\n"
        "from drafter.main import main\n"
        f"sys.argv = ['drafter', 'lint', {str(SEED_78)!r}, *{options!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(set({sorted(HEAVY_FOR_A_TEXT)!r}) & set(sys.modules)), file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.stderr.strip().splitlines()[-1] == "[]", run.stderr
