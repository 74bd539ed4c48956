"""`pip install .` in a clean virtual environment gives a working drafter, run from a folder
outside the checkout: the grammars, lexicons and templates travel inside the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_78

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh virtual environment holding drafter, installed from here."""
    # A copy without the build leftovers of an editable install, as a user downloads it.
    source = tmp_path_factory.mktemp("source") / "drafter"
    shutil.copytree(
        PROJECT,
        source,
        # Hidden folders (.git, a .venv, caches) and build leftovers are not part of it.
        ignore=shutil.ignore_patterns(".*", "*.egg-info", "build", "__pycache__", "venv"),
    )
    environment = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(environment)], check=True)
    bin_folder = environment / ("Scripts" if os.name == "nt" else "bin")
    pip = subprocess.run(
        [str(bin_folder / "python"), "-m", "pip", "install", "-q", str(source)],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        check=False,
    )
    assert pip.returncode == 0, pip.stderr
    shutil.rmtree(source)  # nothing may be read from the source any more
    return bin_folder


def run(bin_folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["XDG_CACHE_HOME"] = str(cwd / "cache")  # grammars compiled afresh
    return subprocess.run(
        [str(bin_folder / "drafter"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_the_installed_command_lints_drafts_and_scaffolds(installed, tmp_path):
    seed = tmp_path / "previous.txt"
    shutil.copy(SEED_78, seed)
    assert run(installed, "--version", cwd=tmp_path).stdout.startswith("drafter ")
    lint = run(installed, "lint", "previous.txt", cwd=tmp_path)
    assert lint.returncode == 0, lint.stderr
    assert "0 errors, 0 warnings in 1 file" in lint.stdout
    new = run(installed, "new", "previous.txt", "-o", "next.txt", cwd=tmp_path)
    assert new.returncode == 0, new.stderr
    assert "Soixante-dix-neuvième session" in (tmp_path / "next.txt").read_text("utf-8")
    assert "P001" in run(installed, "rules", cwd=tmp_path).stdout
    diff = run(installed, "diff", "previous.txt", "next.txt", cwd=tmp_path)
    assert diff.returncode == 1 and "Soixante-dix-neuvième" in diff.stdout, diff.stderr


def test_every_package_of_the_source_is_installed(installed, tmp_path):
    # The packages are listed by hand in pyproject.toml (grammar/ and templates/ ship inside
    # the package): one left out installs, and fails only when a command imports it.
    source = sorted(
        ".".join(folder.relative_to(PROJECT).parts)
        for folder in (PROJECT / "drafter").rglob("*")
        if (folder / "__init__.py").is_file()
    )
    probe = f"import importlib; [importlib.import_module(name) for name in {source!r}]"
    result = subprocess.run(
        [str(installed / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr


def test_the_package_data_lies_in_the_environment(installed, tmp_path):
    probe = (
        "import drafter, importlib.resources as r;"
        "print(drafter.__file__);"
        "print(sorted(p.name for p in r.files('drafter.grammar').iterdir() if '.' in p.name));"
        "print(sorted(p.name for p in r.files('drafter.templates').iterdir()));"
        "print(r.files('drafter.lexicon').joinpath('fr.toml').is_file())"
    )
    result = subprocess.run(
        [str(installed / "python"), "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    where, grammars, templates, lexicon = result.stdout.splitlines()
    assert Path(where).is_relative_to(installed.parent)
    assert "inline.lark" in grammars and "resolution.lark" in grammars
    assert "resolution.txt.j2" in templates
    assert lexicon == "True"
