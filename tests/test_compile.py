"""The compiled grammars: made on the first run, kept in the cache folder, loaded without lark."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import SEED_62, SEED_78, drafter, seed_text
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark

from drafter import cache, package_data
from drafter.parser import compile as grammars
from drafter.parser.inline import inline_tokens

CACHED_RUN = (
    "import sys\n"
    "from drafter.parser import parse_file\n"
    f"parse_file({str(SEED_78)!r})\n"
    "print(sorted({'lark', 'logging'} & set(sys.modules)))\n"
)


def environment(cache_home: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(cache_home)}


def compiled(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "drafter").glob("parsers-fr-*.marshal"))


def test_grammars_are_compiled_once_and_later_runs_do_without_lark(tmp_path: Path) -> None:
    """Importing lark (and logging, for lark's logger) is most of a short run's start-up."""
    first = drafter("parse", str(SEED_78), env=environment(tmp_path))
    assert first.returncode == 0 and len(compiled(tmp_path)) == 1
    again = drafter("parse", str(SEED_78), env=environment(tmp_path))
    assert again.stdout == first.stdout
    run = [sys.executable, "-c", CACHED_RUN]
    cached = subprocess.run(run, env=environment(tmp_path), capture_output=True, text=True)
    assert cached.stdout.strip() == "[]", cached.stderr


def test_a_damaged_compiled_grammar_is_made_again(tmp_path: Path) -> None:
    first = drafter("parse", str(SEED_78), env=environment(tmp_path))
    (damaged,) = compiled(tmp_path)
    damaged.write_bytes(b"\x00 not code")
    again = drafter("parse", str(SEED_78), env=environment(tmp_path))
    assert again.returncode == 0 and again.stdout == first.stdout
    assert damaged.read_bytes() != b"\x00 not code"


def test_without_a_cache_folder_the_grammars_are_compiled_in_memory(monkeypatch) -> None:
    monkeypatch.setattr(grammars, "cache_dir", lambda: None)
    monkeypatch.delitem(sys.modules, "drafter_parsers_fr", raising=False)  # put back after
    runtime = grammars.runtime.__wrapped__("fr")  # not the cached one of the other tests
    tree = runtime.load("resolution").parse("L'Assemblée générale,\n1. *Décide* de …\n")
    assert [child.data for child in tree.children][1:4] == ["organ", "preamble", "operative"]
    assert "CITATION" in runtime.SCANNERS["inline"][0]


# Pieces of inline text that the terminals of inline.lark compete for.
INLINE_PIECES = st.sampled_from(
    [
        *"*[]()^/ ,.-'AÉSrs1",
        *"¹²³⁴⁵⁶⁷⁸⁹⁰",
        "*Décide*",
        "[^3]",
        "[[date d'adoption]]",
        "résolution",
        " résolutions ",
        "sa résolution 73/291 du 15 avril 2019",
        "résolution [73/291",
        "](",
        " du 1er mars 2020",
        " et ",
        "57/270 B",
        "31/6 A et B",
        "ES-10/23",
        "3363 (XXX)",
        "1757 (2007)",
        "[73/291](#)",
        "[A/78/290](https://undocs.org/A/78/290)",
        "A/79/[[numéro]]/Add.2",
        "TD/541/Add.2",
    ]
)


@functools.cache
def lark_inline() -> Lark:
    """inline.lark as Lark itself reads it: the reference for drafter's regex scan."""
    template = package_data.read_text("drafter.grammar", "inline.lark")
    return Lark(grammars.fill(template, "fr"), parser="lalr", lexer="contextual")


def lark_tokens(line: str) -> list[tuple[str, str, int]]:
    """The tokens Lark reads in a line of inline text: name, text and start of each."""
    return [(str(t.type), str(t), t.start_pos) for t in lark_inline().parse(line).children]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=8), INLINE_PIECES), max_size=30).map("".join))
def test_inline_text_is_read_into_the_tokens_lark_reads(text: str) -> None:
    read = list(inline_tokens(text, "fr"))
    assert "".join(token for _, token, _ in read) == text  # nothing lost, not even a newline
    if "\n" not in text:  # which no terminal takes: a unit is one line
        assert read == lark_tokens(text)


def test_the_seeds_lines_are_read_into_the_tokens_lark_reads() -> None:
    for line in (seed_text(SEED_78) + seed_text(SEED_62)).splitlines():
        assert list(inline_tokens(line, "fr")) == lark_tokens(line), line


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder ownership is a POSIX notion")
def test_a_shared_cache_folder_that_others_may_write_is_not_used(tmp_path, monkeypatch) -> None:
    """drafter runs the code it compiled into its cache: a folder under /tmp that another user
    could have made, or could write to, must not be used."""
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    shared = tmp_path / f"drafter-cache-{os.getuid()}"
    shared.mkdir()
    try:
        shared.chmod(0o777)
        cache.cache_dir.cache_clear()
        assert cache.cache_dir() is None
        shared.chmod(0o700)
        cache.cache_dir.cache_clear()
        assert cache.cache_dir() == shared
    finally:
        cache.cache_dir.cache_clear()


def test_compiled_grammars_no_run_has_used_for_a_month_are_deleted(tmp_path, monkeypatch):
    """Each change of drafter or of its lexicon leaves a compiled module behind; one that
    another install still uses is kept."""
    month_ago = time.time() - 31 * 24 * 3600
    stale, in_use = (
        (tmp_path / "parsers-fr-stale-py1.marshal"),
        tmp_path / "parsers-fr-used-py1.marshal",
    )
    for path in (stale, stale.with_suffix(".py"), in_use):
        path.write_bytes(b"")
    os.utime(stale, (month_ago, month_ago))
    monkeypatch.setattr(grammars, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path)
    monkeypatch.delitem(sys.modules, "drafter_parsers_fr", raising=False)
    grammars.runtime.__wrapped__("fr")  # compiles: nothing of this folder is current
    left = sorted(path.name for path in tmp_path.iterdir())
    assert "parsers-fr-stale-py1.marshal" not in left and "parsers-fr-stale-py1.py" not in left
    assert "parsers-fr-used-py1.marshal" in left
    assert len([name for name in left if name.endswith(".marshal")]) == 2  # and the new one
