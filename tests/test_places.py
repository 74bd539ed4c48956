"""A finding's place in words a reader finds it by, where the file's lines do not tell it (a
PDF): "page 3, operative paragraph 12 (b)", in every output format."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import draft_en, drafter

from drafter.parser import parse_text
from drafter.places import part_at

PDFS = Path(__file__).resolve().parent / "fixtures" / "pdf"

TEXT = draft_en(
    "Recalling its resolution 76/221 of 17 December 2021,¹",
    "Noting the report,",
    "I",
    "Calendar of conferences",
    "1. *Approves* the draft calendar;",
    "2. *Requests*:\n\n(a) a report;\n\n(b) a plan;",
    "II",
    "Utilization of resources",
    "Recalling the report of the Committee,",
    "3. *Reaffirms* the practice;",
    "Noting also the unnumbered paragraph among the operative paragraphs,",
    "4. *Decides* to remain seized of the matter.",
    "¹ A/76/1.",
)


def part_of(text: str, words: str) -> str:
    """The part of the resolution named for the line where `words` stand."""
    line = next(n for n, row in enumerate(text.split("\n"), 1) if words in row)
    return part_at(parse_text(text), line)


def test_each_part_of_a_resolution_is_named_as_a_reader_counts_it():
    assert part_of(TEXT, "Recalling its resolution 76/221") == "preambular paragraph 1"
    assert part_of(TEXT, "Noting the report") == "preambular paragraph 2"
    assert part_of(TEXT, "Calendar of conferences") == "title of section I"
    assert part_of(TEXT, "Approves") == "operative paragraph 1 of section I"
    assert part_of(TEXT, "(b) a plan") == "operative paragraph 2 (b) of section I"
    # A section's own preamble is counted from 1 again.
    assert part_of(TEXT, "report of the Committee") == "preambular paragraph 1 of section II"
    assert part_of(TEXT, "Noting also the unnumbered") == (
        "unnumbered paragraph after operative paragraph 3 of section II"
    )
    assert part_of(TEXT, "¹ A/76/1.") == "footnote 1"
    assert part_of(TEXT, "The General Assembly,") == "organ line"


def test_resolutions_a_and_b_under_one_number_are_named_by_their_letter():
    text = draft_en(
        "A",
        "Recalling its resolution 76/221 of 17 December 2021,",
        "1. *Decides* this.",
        "B",
        "The General Assembly,",
        "Noting the report,",
        "1. *Requests* that.",
    )
    assert part_of(text, "Requests") == "operative paragraph 1 of resolution B"


def test_a_finding_in_a_pdf_names_its_page_and_paragraph_in_every_format():
    pdf = str(PDFS / "A_RES_80_96.pdf")
    text = drafter("lint", "--select", "R007", pdf).stdout
    assert "cited here for the first time: give its date (page 5, operative paragraph 3)" in text
    [found] = json.loads(drafter("lint", "--select", "R007", "--format", "json", pdf).stdout)
    assert (found["page"], found["part"]) == (5, "operative paragraph 3")
    assert found["message"].endswith("give its date")  # the place is not in the message
    sarif = json.loads(drafter("lint", "--select", "R007", "--format", "sarif", pdf).stdout)
    [location] = sarif["runs"][0]["results"][0]["locations"]
    assert location["properties"] == {"page": 5}
    assert location["logicalLocations"][0]["name"] == "operative paragraph 3"
    github = drafter("lint", "--select", "R007", "--format", "github", pdf).stdout
    assert "(page 5, operative paragraph 3)" in github


def test_a_text_file_s_findings_need_no_place():
    [found] = json.loads(
        drafter(
            "lint",
            "--select",
            "R007",
            "--format",
            "json",
            "-",
            stdin=TEXT.replace("76/221 of 17 December 2021", "76/221").encode(),
        ).stdout
    )
    assert found["page"] is None and found["part"] is None
