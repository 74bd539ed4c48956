"""Grammar and spelling through LanguageTool: the real language-tool-python client against a
LanguageTool server on loopback (tests/languagetool_fake.py). Nothing leaves the machine."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEED_78, draft, seed_text
from conftest import drafter as run_drafter
from languagetool_fake import SPELLING, Fake, _match, start

from drafter.cache import cache_dir
from drafter.config import ConfigError, Settings
from drafter.languagetool import words as words_module
from drafter.languagetool.prose import prose_of
from drafter.lint import lint_file
from drafter.parser import parse_text

# 78/167 with two misspellings: one on a line with links and a footnote call, one in an
# operative paragraph with its verb in italics and a footnote call before it.
MISSPELT = (
    seed_text(SEED_78)
    .replace("sien le Plan d'action de Buenos Aires", "sien le Plan d'actoin de Buenos Aires", 1)
    .replace(
        "et demande à la communauté internationale", "et demande à la comunauté internationale", 1
    )
)


@pytest.fixture(scope="module")
def server():
    fake, http = start()
    yield fake
    http.shutdown()


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def fake(server: Fake, cache_home: Path, monkeypatch) -> Iterator[Fake]:
    """The server, its records cleared, and drafter's cache in a folder of these tests, with
    no answer of LanguageTool's kept from another test."""
    server.checks.clear()
    server.reset()
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch.delenv("DRAFTER_LANGUAGETOOL_URL", raising=False)
    cache_dir.cache_clear()
    shutil.rmtree(cache_home / "drafter" / "languagetool", ignore_errors=True)
    yield server
    cache_dir.cache_clear()


def settings(fake: Fake, **more) -> Settings:
    return Settings(language_check=True, language_server=fake.url, **more)


def write(tmp_path: Path, text: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def where(text: str, needle: str) -> tuple[int, int]:
    """Line and column (from 1) of `needle` in the file, found without drafter."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def language_findings(path: Path, **more):
    result = lint_file(str(path), more.pop("settings"), **more)
    return result, [f for f in result.findings if f.code.startswith("L")]


# -- positions ---------------------------------------------------------------------------------
def test_matches_land_on_their_line_and_column(fake, tmp_path):
    path = write(tmp_path, MISSPELT)
    _, found = language_findings(path, settings=settings(fake))
    spans = {(f.span.line, f.span.column, f.span.end_column) for f in found}
    for word in ("actoin", "comunauté"):
        line, column = where(MISSPELT, word)
        assert (line, column, column + len(word)) in spans
    assert {f.code for f in found} == {"LFR_SPELLING_RULE"}
    assert any("« action »" in f.message for f in found)


def test_characters_outside_the_bmp_do_not_shift_positions(fake, tmp_path):
    text = draft(
        "Consciente des enjeux 😀😀 du Plan d'actoin,", "1. *Décide* de poursuivre l'examen."
    )
    path = write(tmp_path, text)
    _, found = language_findings(path, settings=settings(fake))
    line, column = where(text, "actoin")
    assert [(f.span.line, f.span.column) for f in found] == [(line, column)]


def test_markup_symbols_and_calls_never_reach_the_server(fake, tmp_path):
    lint_file(str(write(tmp_path, MISSPELT)), settings(fake))
    sent = "".join(check["text"] for check in fake.checks)
    assert "actoin" in sent and "Réaffirmant" in sent
    for markup in ("*", "¹", "⁵", "[", "](#)", "73/291", "A/78/", "TD/541"):
        assert markup not in sent


def test_masking_maps_back_across_calls_and_symbols():
    block = parse_text(draft("Rappelant le rapport A/78/290¹ sur la comunauté,", "1. *Décide*."))
    prose = prose_of(block.preamble[0].content)
    assert prose.text == "Rappelant le rapport 0 sur la comunauté,"
    start = prose.text.index("comunauté")
    canonical = block.preamble[0].content.text.index("comunauté")
    assert prose.to_canonical(start, start + 9) == (canonical, canonical + 9)
    assert prose.to_canonical(21, 22) == (21, 29)  # the mask stands for the whole symbol


# -- requests, cache -----------------------------------------------------------------------------
def test_a_file_costs_one_request_and_a_second_run_none(fake, tmp_path):
    path = write(tmp_path, MISSPELT)
    first = language_findings(path, settings=settings(fake))[1]
    # The 18 + 26 paragraphs and 7 footnotes of 78/167 (22,000 characters): two requests.
    paragraphs = sum(check["text"].count("\n\n") + 1 for check in fake.checks)
    assert paragraphs == 18 + 26 + 7 and len(fake.checks) == 2
    again = language_findings(path, settings=settings(fake))[1]
    assert len(fake.checks) == 2 and again == first  # from the cache
    language_findings(path, settings=settings(fake, language_cache=False))
    assert len(fake.checks) == 4


def test_a_changed_paragraph_alone_is_sent_again(fake, tmp_path):
    path = write(tmp_path, MISSPELT)
    lint_file(str(path), settings(fake))
    before = len(fake.checks)
    write(tmp_path, MISSPELT.replace("comunauté", "communauté"))
    lint_file(str(path), settings(fake))
    assert len(fake.checks) == before + 1
    assert fake.checks[-1]["text"].count("\n\n") == 0  # one paragraph


# -- word lists, disabled rules, selection, fixes -----------------------------------------------
def test_the_project_word_list_and_the_built_in_one(fake, tmp_path):
    path = write(tmp_path, MISSPELT)
    words = {f.message for f in language_findings(path, settings=settings(fake))[1]}
    assert not any("CNUCED" in m for m in words)  # UN terms are known (the seed has CNUCED)
    (tmp_path / "drafter.dic").write_text("# our words\nactoin\n", encoding="utf-8")
    words_module._project_words.cache_clear()  # read once per run; this test adds one
    found = language_findings(path, settings=settings(fake, language_cache=False))[1]
    assert [where(MISSPELT, "comunauté")[0]] == [f.span.line for f in found]


def test_word_list_entries_are_read_as_the_prose_is_written(tmp_path):
    (tmp_path / "drafter.dic").write_text("l\u2019ONU-Habitat  # curly\n", encoding="utf-8")
    assert "l'ONU-Habitat" in words_module.word_list(str(tmp_path / "draft.txt"), "fr")


def test_disabled_rules_are_sent_and_honoured(fake, tmp_path):
    path = write(tmp_path, MISSPELT)
    chosen = settings(fake, disabled_language_rules=("FR_SPELLING_RULE",))
    assert language_findings(path, settings=chosen)[1] == []
    assert fake.checks[-1]["disabledRules"] == "FR_SPELLING_RULE"


def test_language_findings_follow_selection(fake, tmp_path):
    path = write(tmp_path, MISSPELT)
    ignored = settings(fake, ignore=("LFR_SPELLING_RULE",))
    assert language_findings(path, settings=ignored)[1] == []
    only = lint_file(str(path), settings(fake, select=("L",))).findings
    assert only and all(f.code.startswith("L") for f in only)


def test_fix_applies_a_single_suggestion_only_when_asked(fake, tmp_path):
    text = draft("Consciente des rapport de la comunauté,", "1. *Décide* de poursuivre l'examen.")
    path = write(tmp_path, text)
    plain = lint_file(str(path), settings(fake), fix=True)
    assert plain.fixed_raw == text
    fixed = lint_file(str(path), settings(fake, fix_language=True), fix=True)
    assert "Consciente des rapports de la communauté," in fixed.fixed_raw


def _hostile(text: str) -> list[dict]:
    """Matches no honest server gives: a negative length, a suggestion that adds a line and
    one that spans the whole paragraph, a message with terminal escapes."""
    at = text.index("rapport")
    escape = "\x1b[2J\x1b[31mFaute\x1b[0m\u202e"
    matches = [
        _match(text, at, at + 7, SPELLING, escape, ["rapport\n\n2. *Décide* de tout"]),
        _match(text, 0, len(text), SPELLING, "Tout", ["X"]),
    ]
    matches[0]["rule"] = {**SPELLING, "id": "EVIL\x1b]0;pwned\x07"}
    matches.append({**matches[1], "offset": at, "length": -5})
    return matches


def test_a_hostile_answer_changes_nothing_and_reaches_no_terminal(fake, tmp_path):
    text = draft("Consciente des rapport de la comunauté,", "1. *Décide* de poursuivre l'examen.")
    path = write(tmp_path, text)
    fake.hostile = _hostile
    result = lint_file(str(path), settings(fake, fix_language=True), fix=True)
    assert result.error is None and result.language_error is None
    assert result.fixed_raw is not None and result.fixed_raw.count("\n") == text.count("\n")
    assert "2. *Décide* de tout" not in result.fixed_raw
    messages = " ".join(f.message + f.code + f.name for f in result.findings)
    assert "\x1b" not in messages and "\x07" not in messages and "\u202e" not in messages
    assert "Faute" in messages


def test_a_suggestion_is_applied_once(fake, tmp_path):
    # A server that always suggests more of the same word must not be followed each round.
    def grows(text: str) -> list[dict]:
        at = text.index("examen")
        end = text.index(".", at)
        return [_match(text, at, end, SPELLING, "Plus long", [text[at:end] + "s"])]

    text = draft("Consciente de la chose,", "1. *Décide* de poursuivre l'examen.")
    path = write(tmp_path, text)
    fake.hostile = grows
    result = lint_file(str(path), settings(fake, fix_language=True), fix=True)
    assert "l'examens." in (result.fixed_raw or "") and result.fixed == 1


# -- faults and privacy, through the command ---------------------------------------------------
def drafter(*args: str, cwd: Path, env: dict[str, str] | None = None):
    """The command, with its cache in the test's folder."""
    cache = {"XDG_CACHE_HOME": str(cwd / "cache")}
    return run_drafter(*args, cwd=cwd, env={**os.environ, **cache, **(env or {})})


BROKEN = MISSPELT.replace("*Prend acte*", "Prend acte", 1)  # and V001, a convention


def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


@pytest.mark.parametrize(
    ("trouble", "reason"),
    [
        ("unreachable", "cannot connect"),
        ("slow", "no answer within 0.5 s"),
        ("broken", "answered with an error"),
        ("dripping", "no answer within 0.5 s"),
        ("huge", "an answer of more than 16 MiB"),
    ],
)
def test_a_server_in_trouble_gives_one_line_and_the_conventions_still(
    fake, tmp_path, trouble, reason
):
    path = write(tmp_path, BROKEN)
    (tmp_path / "drafter.toml").write_text("language-timeout = 0.5\n", encoding="utf-8")
    url = closed_port() if trouble == "unreachable" else fake.url
    fake.delay = 1.5 if trouble == "slow" else 0.0
    fake.broken = trouble == "broken"
    fake.drip = 0.05 if trouble == "dripping" else 0.0  # each byte soon, the whole too late
    fake.padding = 17 * 2**20 if trouble == "huge" else 0
    result = drafter("lint", str(path), "--language-check", "--language-server", url, cwd=tmp_path)
    assert result.returncode == 2
    assert f"{path.name}:" in result.stdout and "V001" in result.stdout  # conventions reported
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and reason in lines[0] and "Traceback" not in result.stderr
    if trouble == "slow":
        assert len(fake.checks) == 1  # asked once: a slow server is not waited on twice
    fake.reset()


def test_a_server_from_the_configuration_in_trouble_does_not_fail_the_run(tmp_path):
    path = write(tmp_path, seed_text(SEED_78))
    (tmp_path / "drafter.toml").write_text(
        f'language_check = true\nlanguage_server = "{closed_port()}"\n', encoding="utf-8"
    )
    result = drafter("lint", str(path), cwd=tmp_path)
    assert result.returncode == 0
    assert "cannot connect; grammar and spelling were not checked" in result.stderr


def test_nothing_is_sent_unless_asked(fake, tmp_path):
    path = write(tmp_path, MISSPELT)
    env = {"DRAFTER_LANGUAGETOOL_URL": fake.url}
    assert drafter("lint", str(path), cwd=tmp_path, env=env).returncode == 0
    assert fake.checks == []
    asked = drafter("lint", str(path), "--language-check", cwd=tmp_path, env=env)
    assert fake.checks and "LFR_SPELLING_RULE" in asked.stdout


def test_language_check_without_a_server_is_refused(tmp_path):
    path = write(tmp_path, MISSPELT)
    env = {k: v for k, v in os.environ.items() if k != "DRAFTER_LANGUAGETOOL_URL"}
    result = run_drafter("lint", str(path), "--language-check", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "needs a LanguageTool server" in result.stderr
    with pytest.raises(ConfigError):
        lint_file(str(path), replace(Settings(), language_check=True))


def test_an_english_text_is_checked_as_british_english(fake, tmp_path):
    from conftest import draft_en

    path = write(tmp_path, draft_en("Recalling its resolution 77/185,", "1. *Decides* this."))
    result, _ = language_findings(path, settings=settings(fake))
    assert result.language_error is None
    assert fake.checks and {check["language"] for check in fake.checks} == {"en-GB"}
