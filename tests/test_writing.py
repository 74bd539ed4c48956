"""Writing the user's files (`lint --fix`, `new -o`): nothing they wrote is ever lost."""

from __future__ import annotations

import os
import stat

import pytest
from conftest import SEED_78, drafter, seed_text

from drafter.commands.lint import LintOptions, _write_fixes, lint_all
from drafter.files import WriteRefused, write_file

# 78/167 with one safe finding: the space before a semicolon (Y001) left out once.
_SEED = seed_text(SEED_78)
UNFIXED = _SEED.replace(" ;\n", ";\n", 1)


@pytest.fixture
def unfixed(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(UNFIXED, encoding="utf-8")
    return path


def test_fix_keeps_the_file_mode(unfixed):
    unfixed.chmod(0o644)
    assert drafter("lint", str(unfixed), "--fix").returncode == 0
    assert unfixed.read_text(encoding="utf-8") == _SEED
    assert stat.S_IMODE(unfixed.stat().st_mode) == 0o644


def test_new_gives_a_new_file_the_umask(tmp_path):
    target = tmp_path / "next.txt"
    previous = os.umask(0o027)
    try:
        assert drafter("new", str(SEED_78), "-o", str(target)).returncode == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_fix_writes_through_a_symbolic_link_and_keeps_hard_links(unfixed, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(unfixed)
    twin = tmp_path / "twin.txt"
    os.link(unfixed, twin)
    assert drafter("lint", str(link), "--fix").returncode == 0
    assert link.is_symlink()
    assert unfixed.read_text(encoding="utf-8") == _SEED
    assert twin.read_text(encoding="utf-8") == _SEED  # the same file still
    assert os.path.samefile(unfixed, twin)


def test_new_refuses_a_target_that_is_not_a_file(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = drafter("new", str(SEED_78), "-o", str(fifo), "--force")
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_new_writes_to_standard_output_for_a_dash():
    result = drafter("new", str(SEED_78), "-o", "-", "--quiet")
    assert result.returncode == 0 and "L'Assemblée générale," in result.stdout


def test_an_edit_saved_meanwhile_is_not_overwritten(unfixed):
    options = LintOptions(paths=[str(unfixed)], fix=True)
    results = lint_all([str(unfixed)], options)
    edited = UNFIXED.replace("Coopération Sud-Sud", "Coopération Sud-Sud et triangulaire", 1)
    unfixed.write_text(edited, encoding="utf-8")  # the user saves while drafter works
    _write_fixes(results)
    assert unfixed.read_text(encoding="utf-8") == edited
    assert "changed since drafter read it" in (results[0].error or "")
    assert results[0].fixed == 0 and results[0].findings  # reported as it still is


def test_write_file_refuses_changed_content_and_existing_files(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one")
    with pytest.raises(WriteRefused, match="changed since"):
        write_file(path, b"three", overwrite=True, expected=b"two")
    with pytest.raises(FileExistsError):
        write_file(path, b"three")
    assert path.read_bytes() == b"one"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists("/usr/bin/chattr"), reason="chattr")
def test_a_file_that_cannot_be_written_is_reported_and_the_others_fixed(unfixed, tmp_path):
    # As root, permissions do not stop a write: an immutable file does.
    other = tmp_path / "other.txt"
    other.write_text(UNFIXED, encoding="utf-8")
    os.system(f"chattr +i {unfixed}")
    try:
        result = drafter("lint", str(unfixed), str(other), "--fix")
    finally:
        os.system(f"chattr -i {unfixed}")
    assert result.returncode == 2
    assert f"{unfixed}: not fixed: Operation not permitted" in result.stderr
    assert f"{unfixed}:" in result.stdout and "Y001" in result.stdout  # still reported
    assert other.read_text(encoding="utf-8") == _SEED
    assert unfixed.read_text(encoding="utf-8") == UNFIXED


def test_twenty_thousand_fixes_apply_together():
    # benchmarks/lint_speed.py times this; here, that every fix lands where it belongs.
    from drafter.lint import apply_fixes
    from drafter.rules import Edit, Fix

    text = "a;" * 20000
    fixes = [Fix((Edit(i, i, " "),)) for i in range(1, len(text), 2)]
    fixed, applied = apply_fixes(text, fixes)
    assert applied == 20000 and fixed == "a ;" * 20000
