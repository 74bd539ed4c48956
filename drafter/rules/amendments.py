"""An amendment document's own conventions (A): its amendments numbered in order, the words
it quotes between the language's quotation marks, preambular paragraphs named by ordinal
words, each instruction ending with its full stop, or with the colon that announces the
paragraph it quotes. These rules read the amendment's model (drafter.amendments); a
resolution's rules never run on an amendment, nor these on a resolution."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from drafter import lexicon
from drafter.amendments.model import Amendment, AmendmentDocument
from drafter.positions import Span
from drafter.rules.base import Document, Finding, Rule, Severity, register

PROFILE = "amendment"


@dataclass
class AmendmentText:
    """What an amendment rule sees: the document's model and its text."""

    amendment: AmendmentDocument
    text: str
    profile: str = PROFILE

    @cached_property
    def words(self) -> lexicon.Lexicon:
        return lexicon.load(self.amendment.language)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def instructions(self) -> list[Amendment]:
        """Each instruction once (one that names paragraphs of both parts is two entries)."""
        seen: set[int] = set()
        found = []
        for amendment in self.amendment.amendments:
            if amendment.line not in seen:
                seen.add(amendment.line)
                found.append(amendment)
        return found

    def span(self, amendment: Amendment) -> Span:
        """The instruction's first line."""
        return self.line_span(amendment.line)

    def line_span(self, line: int) -> Span:
        """A whole line of the document."""
        line = max(1, line)
        length = len(self.lines[line - 1]) if line <= len(self.lines) else 0
        return Span(line, 1, line, length + 1)


class AmendmentRule(Rule):
    """A convention of amendment documents: `check_amendment` reads the amendment's model."""

    profiles = (PROFILE,)

    def check(self, document: Document) -> Iterator[Finding]:
        return iter(())  # a resolution states no amendments

    def check_amendment(self, document: AmendmentText) -> Iterator[Finding]:
        raise NotImplementedError


@register
class AmendmentNumbering(AmendmentRule):
    """A document of several amendments numbers them 1, 2, 3 … in the order of the draft.

    A document of one amendment may leave it unnumbered.

    Wrong:
        1. In operative paragraph 5, replace “encourages” with “calls upon”.
        3. Delete the eighth preambular paragraph.

    Right:
        1. In operative paragraph 5, replace “encourages” with “calls upon”.
        2. Delete the eighth preambular paragraph.
    """

    code = "A001"
    name = "amendment-numbering"
    severity = Severity.error
    summary = "Several amendments are numbered 1, 2, 3 … in order."

    def check_amendment(self, document: AmendmentText) -> Iterator[Finding]:
        instructions = document.instructions()
        if len(instructions) < 2:
            return
        for expected, amendment in enumerate(instructions, start=1):
            if amendment.written_number is None:
                yield self.finding(
                    document.span(amendment), f"amendment {expected} has no number: “{expected}.”"
                )
            elif amendment.written_number != expected:
                yield self.finding(
                    document.span(amendment),
                    f"amendment {expected} is numbered {amendment.written_number}",
                )


@register
class AmendmentQuotes(AmendmentRule):
    """The words an amendment quotes stand between the language's quotation marks: “…” in
    English, « … » in French, never straight quotes.

    Wrong:
        In operative paragraph 5, replace "encourages" with "calls upon".

    Right:
        In operative paragraph 5, replace “encourages” with “calls upon”.
    """

    code = "A002"
    name = "amendment-quotes"
    severity = Severity.error
    summary = "Quoted words take the language's quotation marks, not straight quotes."

    def check_amendment(self, document: AmendmentText) -> Iterator[Finding]:
        opening, closing = document.words.phrases("quotes")
        for amendment in document.instructions():
            if '"' in amendment.said:
                yield self.finding(
                    document.span(amendment),
                    f"straight quotation marks: quote the draft's words as {opening}…{closing}",
                )


@register
class AmendmentOrdinals(AmendmentRule):
    """Preambular paragraphs are named by ordinal words, operative ones by number.

    Wrong:
        In preambular paragraph 8, after “States”, insert “and regional organizations”.

    Right:
        In the eighth preambular paragraph, after “States”, insert “and regional
        organizations”.
    """

    code = "A003"
    name = "amendment-ordinals"
    severity = Severity.error
    summary = "Preambular paragraphs are named by ordinal words (“the eighth …”)."

    def check_amendment(self, document: AmendmentText) -> Iterator[Finding]:
        from drafter.amendments.read import ordinal_word

        language = document.amendment.language
        for amendment in document.instructions():
            if amendment.target.part == "preamble" and amendment.target.figures:
                words = ", ".join(ordinal_word(n, language) for n in amendment.target.numbers)
                yield self.finding(
                    document.span(amendment),
                    f"a preambular paragraph is named by its ordinal word ({words}), not a figure",
                )


@register
class AmendmentEnd(AmendmentRule):
    """Each instruction ends with a full stop; one that announces the paragraph it quotes
    ("insert a new paragraph reading:") ends with a colon.

    Wrong:
        1. In operative paragraph 5, replace “encourages” with “calls upon”

    Right:
        1. In operative paragraph 5, replace “encourages” with “calls upon”.
    """

    code = "A004"
    name = "amendment-end"
    severity = Severity.error
    summary = "An instruction ends with a full stop (a colon before the paragraph it quotes)."

    def check_amendment(self, document: AmendmentText) -> Iterator[Finding]:
        for amendment in document.instructions():
            announces = amendment.whole and (amendment.action != "delete" or bool(amendment.old))
            wanted = ":" if announces else "."
            said = amendment.said.rstrip()
            if not said.endswith(wanted):
                what = "the colon that announces its paragraph" if announces else "a full stop"
                yield self.finding(document.span(amendment), f"the instruction ends without {what}")


@register
class AmendmentForm(AmendmentRule):
    """Each instruction is in one of the forms of the General Assembly's amendments, which
    drafter reads (and applies): "Delete …", "In … , delete / replace … with … / after “…”,
    insert …", "After …, insert a new paragraph reading:", "Replace … with the following:".

    Wrong:
        1. Paragraph 5 should say “calls upon”.

    Right:
        1. In operative paragraph 5, replace “encourages” with “calls upon”.
    """

    code = "A005"
    name = "amendment-form"
    severity = Severity.error
    summary = "Each instruction is in one of the UN's forms (drafter reads it)."

    def check_amendment(self, document: AmendmentText) -> Iterator[Finding]:
        for line, problem in document.amendment.problems:
            yield self.finding(document.line_span(line), problem)
