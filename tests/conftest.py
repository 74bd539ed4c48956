from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from drafter.model import Resolution
from drafter.parser import parse_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Real English resolutions in drafter's text form (../shared/samples/en/text).
ENGLISH = Path(__file__).resolve().parent / "fixtures" / "en"
SEED_78 = SEEDS / "fr_78-167_cooperation-sud-sud.txt"
SEED_62 = SEEDS / "fr_62-209_cooperation-sud-sud.txt"


def seed_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def drafter(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """The real command, in a fresh interpreter, as a user (or pre-commit) runs it. Its output
    is text, or bytes when bytes are given on standard input."""
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        check=False,
        text=stdin is None,
    )


def without_positions(value: Any) -> Any:
    """The JSON model with every line number left out: what must not depend on the layout."""
    if isinstance(value, dict):
        return {k: without_positions(v) for k, v in value.items() if k not in {"line", "column"}}
    if isinstance(value, list):
        return [without_positions(v) for v in value]
    return value


def signature(resolution: Resolution) -> Any:
    return without_positions(resolution.to_json())


@pytest.fixture(scope="session")
def model_78() -> Resolution:
    return parse_text(seed_text(SEED_78))


@pytest.fixture(scope="session")
def model_62() -> Resolution:
    return parse_text(seed_text(SEED_62))


# The frame of a small synthetic resolution in each language: heading, organ line, closing.
FRAMES = {
    "fr": (
        "Assemblée générale\n\nDistr. générale\n21 décembre 2023\n\n"
        "Soixante-dix-huitième session\nPoint 22 b) de l'ordre du jour\n\n"
        "Résolution adoptée par l'Assemblée générale le 19 décembre 2023\n\n"
        "[sur la base du rapport de la Deuxième Commission (A/78/465/Add.2, par. 7)]\n\n"
        "78/500. Résolution d'essai",
        "L'Assemblée générale,",
        "49^e séance plénière\n19 décembre 2023",
    ),
    "en": (
        "General Assembly\n\nDistr.: General\n21 December 2023\n\n"
        "Seventy-eighth session\nAgenda item 22 (b)\n\n"
        "Resolution adopted by the General Assembly on 19 December 2023\n\n"
        "[on the report of the Second Committee (A/78/465/Add.2, para. 7)]\n\n"
        "78/500. Test resolution",
        "The General Assembly,",
        "49th plenary meeting\n19 December 2023",
    ),
}


def draft(*paragraphs: str, heading: str = "", closing: str = "", language: str = "fr") -> str:
    """A small synthetic resolution: heading lines, the organ line, paragraphs, closing."""
    default_heading, organ, default_closing = FRAMES[language]
    body = "\n\n".join(paragraphs)
    return f"{heading or default_heading}\n\n{organ}\n\n{body}\n\n{closing or default_closing}\n"


def draft_en(*paragraphs: str, heading: str = "", closing: str = "") -> str:
    """The same, in English."""
    return draft(*paragraphs, heading=heading, closing=closing, language="en")


# An omnibus text: sections with their titles, the second with a preamble of its own.
EN_SECTIONS = draft_en(
    "Recalling its resolution 77/185 of 14 December 2022,",
    "1. *Decides* this;",
    "I",
    "Calendar of conferences and meetings",
    "2. *Approves* the draft calendar;",
    "II",
    "Utilization of conference-servicing resources",
    "Recalling its resolution 76/221 of 17 December 2021,",
    "3. *Reaffirms* the practice.",
)
# A Fifth Committee text: headings among the operative paragraphs, and sections of one
# unnumbered paragraph (the last with a preamble and subparagraphs of its own).
EN_BUDGET = draft_en(
    "Recalling its resolution 77/185 of 14 December 2022,",
    "1. *Decides* this;",
    "I",
    "Special political missions",
    "2. *Takes note* of the report;",
    "Office of the Special Envoy of the Secretary-General for Syria",
    "3. *Decides* against the abolishment of the post;",
    "Panel of Experts on Haiti",
    "4. *Approves* the reclassification of one post;",
    "II",
    "International Trade Centre",
    "*Approves* resources in the amount of 22,055,700 dollars;",
    "III",
    "Department of Safety and Security",
    "Having considered the report of the Secretary-General,",
    "*Approves* the budget, broken down as follows:",
    "(a) Field Security Operations: 124,739,200 dollars;",
    "(b) Security and Safety Services: 22,515,600 dollars.",
)
