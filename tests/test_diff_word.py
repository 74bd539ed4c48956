"""`drafter diff --format docx`: NEW against OLD as a Word redline. Read back with its changes
accepted it is NEW, rejected it is OLD: by drafter's own reader, and by LibreOffice, a real
word processor."""

from __future__ import annotations

import pytest
from conftest import EN_BUDGET, EN_SECTIONS, SEED_78, draft_en, drafter
from test_diff import OPERATIVE, PREAMBLE, _text
from word_documents import assert_accepted_and_rejected, needs_uno

NOTE = "¹ A/78/290."
OLD = draft_en(
    *PREAMBLE,
    "1. *Welcomes* the efforts of Member States to strengthen cooperation among them;",
    "2. *Encourages* the United Nations system to support national development plans;¹",
    "3. *Requests* the Secretary-General:",
    "(a) To submit a report at its next session;",
    "(b) To consult Member States;",
    "4. *Invites* donors to contribute to the trust fund for technical assistance;",
    "5. *Notes* the work of the regional commissions;",
    "6. *Decides* to remain seized of the matter.",
    NOTE,
)
NEW = draft_en(
    *PREAMBLE[:2],
    "*Taking note* of the outcome of the high-level meeting,¹",
    PREAMBLE[2],
    "1. *Stresses* the need for predictable funding;",
    "2. *Welcomes* the efforts of Member States to strengthen cooperation among them;",
    "3. *Encourages* the United Nations system to support national development plans;²",
    "4. *Requests* the Secretary-General:",
    "(a) To consult Member States;",
    "(b) To submit a report at its eightieth session;",
    "(c) To brief the Second Committee;",
    "5. *Notes* the work of the regional commissions;",
    "6. *Urges* donors to contribute to the trust fund for technical assistance;",
    "7. *Decides* to remain seized of the matter.",
    "¹ See A/79/100.",
    "² A/78/290.",
).replace("Seventy-eighth session", "Seventy-ninth session")


def _redline(tmp_path, old: str, new: str):
    paths = tmp_path / "old.txt", tmp_path / "new.txt", tmp_path / "redline.docx"
    paths[0].write_text(old, encoding="utf-8")
    paths[1].write_text(new, encoding="utf-8")
    result = drafter("diff", str(paths[0]), str(paths[1]), "-f", "docx", "-o", str(paths[2]))
    assert result.returncode == 1, result.stderr
    return paths


PAIRS = {
    "inserted, deleted, moved, amended, subparagraphs, footnotes": (OLD, NEW),
    "the seed and its next draft": (SEED_78.read_text(encoding="utf-8"), None),
    "one paragraph inserted early": (
        _text(PREAMBLE, OPERATIVE),
        _text(PREAMBLE, [OPERATIVE[0], "*Stresses* the need for funding;", *OPERATIVE[1:]]),
    ),
}


SECTIONED = {
    "sections": (
        EN_SECTIONS,
        EN_SECTIONS.replace("Calendar of conferences and meetings", "Calendar of conferences")
        .replace("2. *Approves* the draft calendar;", "2. *Approves* the revised calendar;")
        .replace("3. *Reaffirms*", "3. *Notes* the plan;\n\n4. *Reaffirms*"),
    ),
    "budget": (
        EN_BUDGET,
        EN_BUDGET.replace("Panel of Experts on Haiti\n\n", "").replace(
            "Field Security Operations", "Field security operations"
        ),
    ),
    "annex": (
        _text(PREAMBLE, OPERATIVE) + "\nAnnex\n\nSevilla Commitment\n\nWe commit to act.\n",
        _text(PREAMBLE, OPERATIVE)
        + "\nAnnex\n\nSevilla Commitment\n\nWe resolve to act.\n\nWe will report.\n",
    ),
}


@pytest.mark.parametrize(
    "old, new", [*PAIRS.values(), *SECTIONED.values()], ids=[*PAIRS, *SECTIONED]
)
def test_the_redline_accepted_is_new_and_rejected_is_old(tmp_path, old, new):
    if new is None:  # drafter new's draft of it
        new = drafter("new", str(SEED_78), "-q").stdout
    old_path, new_path, redline = _redline(tmp_path, old, new)
    for revisions, expected in (("accepted", new_path), ("rejected", old_path)):
        read = tmp_path / f"{revisions}.txt"
        read.write_text(drafter("text", str(redline), "--revisions", revisions).stdout, "utf-8")
        same = drafter("diff", str(read), str(expected))
        assert same.returncode == 0, (revisions, same.stdout)


@needs_uno
def test_a_word_processor_accepts_the_redline_into_new_and_rejects_it_into_old(tmp_path):
    redline = _redline(tmp_path, OLD, NEW)[2]
    assert_accepted_and_rejected(redline, NEW, OLD)


def test_a_redline_goes_to_a_file_and_what_it_cannot_show_is_said(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text(OLD, encoding="utf-8")
    result = drafter("diff", str(old), str(old), "-f", "docx")
    assert result.returncode == 2 and "--output" in result.stderr
    annexed = tmp_path / "annexed.txt"
    annexed.write_text(OLD + "\nAnnex\n\nSevilla Commitment\n", "utf-8")
    target = tmp_path / "r.docx"
    result = drafter("diff", str(old), str(annexed), "-f", "docx", "-o", str(target))
    assert result.returncode == 2 and "--format html" in result.stderr and not target.exists()
