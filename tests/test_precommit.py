"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit in a drafting
repository, with this project as the hook repository (at its last commit)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_78, seed_text

PROJECT = Path(__file__).resolve().parent.parent
BROKEN = seed_text(SEED_78).replace("*Prend acte*", "Prend acte", 1)

pytestmark = pytest.mark.skipif(
    not (PROJECT / ".git").exists() or shutil.which("git") is None,
    reason="needs the project as a git checkout, and git",
)


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A drafting repository whose commits run drafter-lint through pre-commit."""
    root = tmp_path_factory.mktemp("drafting")
    revision = git("rev-parse", "HEAD", cwd=PROJECT).stdout.strip()
    env = {
        **os.environ,
        # The hook's environment is built once for this test module, away from the user's.
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "GIT_AUTHOR_NAME": "Drafter",
        "GIT_AUTHOR_EMAIL": "drafter@example.org",
        "GIT_COMMITTER_NAME": "Drafter",
        "GIT_COMMITTER_EMAIL": "drafter@example.org",
    }
    git("init", "-q", cwd=root)
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {PROJECT}\n    rev: {revision}\n    hooks:\n      - id: drafter-lint\n",
        encoding="utf-8",
    )
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    return root, env


def commit(root: Path, env: dict[str, str], name: str, text: str) -> subprocess.CompletedProcess:
    (root / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", name, ".pre-commit-config.yaml"], cwd=root, env=env, check=True)
    return subprocess.run(
        ["git", "commit", "-q", "-m", f"Add {name}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_clean_draft_is_committed(repository):
    root, env = repository
    done = commit(root, env, "clean.txt", seed_text(SEED_78))
    output = done.stdout + done.stderr  # git shows the hooks' output on stderr
    assert done.returncode == 0, output
    assert "drafter lint" in output and "Passed" in output
    assert git("log", "--oneline", cwd=root).stdout.count("\n") == 1


def test_a_broken_draft_is_refused_with_the_findings(repository):
    root, env = repository
    done = commit(root, env, "broken.txt", BROKEN)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Failed" in output
    assert "broken.txt:" in output and "V001" in output  # the verb out of italics
    assert "Add broken.txt" not in git("log", "--oneline", cwd=root).stdout
