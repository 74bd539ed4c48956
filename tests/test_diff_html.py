"""`drafter diff --format html` opened in a real browser: headless Chromium prints the page
to PDF and pdftotext reads back what a person sees; the page needs no network and no script."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import drafter
from test_diff import OPERATIVE, PREAMBLE, _text

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None or shutil.which("pdftotext") is None,
    reason="Chromium (Debian chromium) or pdftotext (poppler-utils) is not installed",
)


def _chromium(page: Path, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium on `page`, offline: every host name resolves to nothing."""
    return subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
            "--disable-gpu",
            f"--user-data-dir={page.parent / '.chromium'}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _seen(page: Path) -> str:
    """The page's text as Chromium lays it out and prints it."""
    printed = page.with_suffix(".pdf")
    _chromium(page, "--no-pdf-header-footer", f"--print-to-pdf={printed}")
    return subprocess.run(
        ["pdftotext", str(printed), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_page_shows_both_texts_side_by_side_with_the_changes_marked(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_text(PREAMBLE, OPERATIVE), encoding="utf-8")
    inserted = "*Notes* with appreciation the plan of action;"
    changed = [OPERATIVE[0], inserted, *OPERATIVE[1:3], OPERATIVE[3].replace("Invites", "Urges")]
    new.write_text(_text(PREAMBLE, [*changed, OPERATIVE[4]]), encoding="utf-8")
    page = tmp_path / "changes.html"
    result = drafter("diff", str(old), str(new), "--format", "html", "-o", str(page))
    assert result.returncode == 1, result.stderr

    html = page.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", html)  # nothing to fetch

    dom = _chromium(page, "--dump-dom").stdout
    assert "<del>Invites</del>" in dom and "<ins>Urges</ins>" in dom

    seen = " ".join(_seen(page).split())
    assert "1 new, 1 amended" in seen or "1 amended, 1 new" in seen
    assert "OP 4 → 5" in seen and "AMENDED" in seen
    # Both texts of the amended paragraph, each in its column, and the new paragraph's.
    assert "Invites donors to contribute" in seen and "Urges donors to contribute" in seen
    assert "Notes with appreciation the plan of action;" in seen
