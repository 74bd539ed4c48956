"""Mutation test: break one convention at a time, in every place a seed offers, and check that
the linter reports the right code on the right line each time.

Mutations keep the number of lines (a deleted line becomes a blank one), so the line of each
expected finding is known from the seed's own model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from conftest import ENGLISH, SEED_62, SEED_78, seed_text
from test_pdf import PDFS

from drafter import lexicon
from drafter.config import Settings
from drafter.lint import lint_text
from drafter.model import Citation, Resolution, superscript
from drafter.parser import parse_text
from drafter.positions import Span
from drafter.sessions import resolution_number


@dataclass
class Mutation:
    name: str
    text: str
    code: str
    line: int


def _replace_on(lines: list[str], line: int, old: str, new: str, count: int = 1) -> str:
    changed = list(lines)
    assert old in changed[line - 1], (line, old)
    changed[line - 1] = changed[line - 1].replace(old, new, count)
    return "\n".join(changed)


def _replace_last(lines: list[str], line: int, old: str, new: str) -> str:
    changed = list(lines)
    head, _, tail = changed[line - 1].rpartition(old)
    changed[line - 1] = head + new + tail
    return "\n".join(changed)


def _replace_before(lines: list[str], span: Span, old: str, new: str) -> str:
    """The last `old` of the span's last line that ends inside the span."""
    changed = list(lines)
    line = changed[span.end_line - 1]
    at = line.rindex(old, 0, span.end_column - 1)
    changed[span.end_line - 1] = line[:at] + new + line[at + len(old) :]
    return "\n".join(changed)


def mutations(text: str, model: Resolution) -> Iterator[Mutation]:
    lines = text.split("\n")
    operative = model.operative
    for index, paragraph in enumerate(operative):
        line, verb = paragraph.span.line, paragraph.verb.text
        n = paragraph.number
        # Where the text has no italic markup (an export), a verb is written bare.
        written = f"*{verb}*" if paragraph.verb.italic else verb
        if paragraph.verb.italic:
            yield Mutation(f"roman verb {n}", _replace_on(lines, line, written, verb), "V001", line)
        misspelt = written.replace(verb, verb[:2] + verb[3:], 1)
        yield Mutation(
            f"misspelt verb {n}", _replace_on(lines, line, written, misspelt), "V003", line
        )
        if index:
            yield Mutation(
                f"skip {n}", _replace_on(lines, line, f"{n}.", f"{n + 1}."), "N001", line
            )
            yield Mutation(
                f"repeat {n}", _replace_on(lines, line, f"{n}.", f"{n - 1}."), "N001", line
            )
        # A paragraph with subparagraphs ends where its last subparagraph does (P006).
        last = paragraph.subparagraphs[-1].content if paragraph.subparagraphs else paragraph.content
        end = last.span(len(last.text) - 1, len(last.text))
        mark, wrong, code = (";", ".", "P002") if index < len(operative) - 1 else (".", ";", "P003")
        code = "P006" if paragraph.subparagraphs else code
        yield Mutation(
            f"end of {n}", _replace_last(lines, end.line, mark, wrong), code, end.end_line
        )
    for paragraph in model.preamble:
        end = paragraph.content.span(len(paragraph.content.text) - 1, len(paragraph.content.text))
        yield Mutation(
            f"end of {paragraph.opening.text}", _replace_last(lines, end.line, ",", ";"), "P001",
            end.line,
        )  # fmt: skip
    calls: dict[int, list[int]] = {}
    for block in model.blocks():
        for ref in block.footnote_refs:
            calls.setdefault(ref.number, []).append(ref.span.line)
    for footnote in model.footnotes:
        blanked = list(lines)
        blanked[footnote.span.line - 1] = ""
        first_call = calls[footnote.number][0]
        yield Mutation(f"no text {footnote.number}", "\n".join(blanked), "F001", first_call)
        if len(calls[footnote.number]) == 1:
            mark = superscript(footnote.number)
            yield Mutation(
                f"no call {footnote.number}",
                _replace_on(lines, first_call, mark, ""),
                "F002",
                footnote.span.line,
            )
    closing = model.closing
    if closing is not None and closing.date_span is not None and closing.date is not None:
        day = f"{closing.date.day} "
        yield Mutation(
            "plenary date",
            _replace_on(lines, closing.date_span.line, day, f"{closing.date.day - 1} "),
            "C003",
            closing.date_span.line,
        )
    # The Assembly's own citations: "resolution 79/239" alone, with a number the Assembly could
    # not have given, reads as another organ's (R001 and R009 leave those alone).
    own = [c for c in model.citations if _introduced_as_own(text, model, c)]
    for citation in own:
        number = resolution_number(citation.symbol)
        # R001 knows the periods of the sessions numbered N/x (since 1976), not of the earlier.
        if citation.date is None or number is None or number.legacy or number.series:
            continue
        year = str(citation.date.year)
        yield Mutation(
            f"year of {citation.symbol}",
            _replace_before(lines, citation.span, year, str(citation.date.year - 7)),
            "R001",
            citation.span.line,  # a finding points at the citation, which a wrap may cut
        )
    own_session = model.heading.session
    for citation in own if own_session else ():  # an emergency session: no next
        number = resolution_number(citation.symbol)
        if number is None or number.legacy or number.series:
            continue
        later = citation.symbol.replace(f"{number.session}/", f"{own_session + 1}/", 1)
        yield Mutation(
            f"session of {citation.symbol}",
            _replace_on(lines, citation.span.line, citation.symbol, later),
            "R009",
            citation.span.line,
        )


def _introduced_as_own(text: str, model: Resolution, citation: Citation) -> bool:
    """The citing phrase of the list begins with the Assembly's own words: "its resolution",
    "sa résolution", "General Assembly resolution"."""
    block = next(b for b in model.blocks() if citation in b.citations)
    before = block.text[max(0, citation.phrase - 20) : citation.phrase]
    words = lexicon.load(model.language).phrases("own_citing")
    return any(before.rstrip().endswith(word) for word in words)


# Official English PDFs, read into drafter's text form: the mutations break what a real issued
# text does right (issue 28: recall on English texts must not fall).
OFFICIAL = ["A_RES_78_104.pdf", "A_RES_79_247.pdf", "A_RES_80_23.pdf", "A_RES_80_68.pdf"]


def _all() -> list[Mutation]:
    from drafter.reader import read_source

    texts = [(seed.stem[:9], seed_text(seed)) for seed in (SEED_78, SEED_62)]
    texts += [(seed.stem[:9], seed_text(seed)) for seed in sorted(ENGLISH.glob("*.txt"))]
    texts += [(f"en_{name[6:-4]}", read_source(PDFS / name).text) for name in OFFICIAL]
    found = []
    for stem, text in texts:
        for mutation in mutations(text, parse_text(text)):
            mutation.name = f"{stem} {mutation.name}"
            found.append(mutation)
    return found


MUTATIONS = _all()


def test_there_are_many_mutations():
    assert len(MUTATIONS) > 300
    assert sum(m.name.startswith("en_") for m in MUTATIONS) > 100
    assert {m.code for m in MUTATIONS} == {
        "V001", "V003", "N001", "P001", "P002", "P003", "P006", "F001", "F002", "C003", "R001",
        "R009",
    }  # fmt: skip


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_the_broken_convention_is_reported_on_its_line(mutation: Mutation):
    _, findings = lint_text(mutation.text, Settings())
    reported = [(f.code, f.span.line) for f in findings]
    assert (mutation.code, mutation.line) in reported, reported
