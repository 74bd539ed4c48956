"""The parser, the linter and drafter new never raise: on any text, and on seeds with lines
deleted, repeated or swapped; and fixing converges: a second --fix finds nothing left to fix."""

from __future__ import annotations

import pytest
from conftest import ENGLISH, SEED_62, SEED_78, seed_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.config import Settings
from drafter.lint import fix_text, lint_text
from drafter.parser import NotAResolution, parse_text
from drafter.scaffold.render import builtin_template, render
from drafter.scaffold.updates import CannotScaffold, next_session

SEED_LINES = [
    seed_text(path).split("\n") for path in (SEED_78, SEED_62, *sorted(ENGLISH.glob("*.txt")))
]
# Characters that mean something to the grammars, so that random text hits them often.
MEANINGFUL = st.sampled_from(
    [
        *"*[]()^¹²⁰:;,. \n\t\u00a0’'«»1/A",
        "L'Assemblée générale,",
        "1. ",
        "a) ",
        "résolution 73/291 du 15 avril 2019",
        " et 62/209",
        ", 57/270B",
        "résolutions 3363 (XXX), S-8/1",
        "[^3]",
        "49^e séance plénière",
        "19 décembre 2023",
        "[73/291](#)",
        "A/78/290",
        "¹ Note.",
        # The same in English.
        "The General Assembly,",
        "(a) ",
        "its resolution 73/291 of 15 April 2019",
        " and 62/209",
        "Security Council resolution 2334 (2016)",
        "52nd plenary meeting",
        "19 December 2023",
        "Also requests",
        "Annex",
        "II",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), MEANINGFUL), max_size=60).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parses_or_refuses(text: str) -> None:
    try:
        model = parse_text(text)
    except NotAResolution:
        return
    model.to_json()  # every position and date of the model can be computed
    places = [(problem.span.line, problem.span.column) for problem in model.problems]
    assert len(places) == len(set(places)), places  # one syntax problem per place, not two
    _, findings = lint_text(text, Settings())
    lines = text.count("\n") + 1
    assert all(1 <= f.span.line <= f.span.end_line <= lines for f in findings)
    fixed, remaining, _ = fix_text(text, findings, Settings(), "-", unsafe=True)
    assert fix_text(fixed, remaining, Settings(), "-", unsafe=True)[2] == 0


@SETTINGS
@given(TEXT)
def test_arbitrary_text(text):
    parses_or_refuses(text)


# Numbers of more digits than Python converts (4,300), where a number is read.
HUGE = "7" * 5000
HUGE_NUMBERS = [
    f"L'Assemblée générale,\n\n{HUGE}. *Décide* de rester saisie.\n",
    f"L'Assemblée générale,\n\n1. *Décide* de rester saisie{'⁷' * 5000}.\n",
    f"L'Assemblée générale,\n\n1. *Décide* de rester saisie[^{HUGE}].\n\n[^{HUGE}]: Note.\n",
    f"L'Assemblée générale,\n\n1. *Décide* de rester saisie.\n\n{HUGE}^e séance plénière\n",
]


@pytest.mark.parametrize("text", HUGE_NUMBERS, ids=["paragraph", "call", "note", "meeting"])
def test_numbers_too_long_to_convert(text):
    parses_or_refuses(text)
    assert parse_text(text).operative  # read, not refused


@st.composite
def mangled_seed(draw):
    lines = list(draw(st.sampled_from(SEED_LINES)))
    for _ in range(draw(st.integers(1, 12))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines)


@SETTINGS
@given(mangled_seed())
def test_mangled_seeds(text):
    parses_or_refuses(text)


def scaffolds_or_refuses(text: str) -> None:
    """drafter new on any resolution: a draft, or a clear refusal; never a crash."""
    try:
        previous = parse_text(text)
        planned = next_session(previous)
    except (NotAResolution, CannotScaffold):
        return
    draft = render(builtin_template(previous.language), planned.context)
    parse_text(draft)  # the draft reads as a resolution again


@SETTINGS
@given(mangled_seed())
def test_drafter_new_on_mangled_seeds(text):
    scaffolds_or_refuses(text)
