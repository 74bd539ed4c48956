"""Typography: French spacing of punctuation and quotes, doubled spaces, unbalanced markup."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from drafter.model import Inline
from drafter.rules.base import Document, Finding, Fix, Rule, Severity, register

_SPACES = " \u00a0\u202f\u2009"
_STRAIGHT_QUOTE = re.compile('"')
_DOUBLED_SPACE = re.compile("  +")  # not " {2,}": a literal prefix is found fastest


def _quotes(document: Document) -> tuple[str, str] | None:
    """The language's opening and closing quotation marks, if it has a pair (« »)."""
    quotes = document.words.phrases("quotes")
    return (quotes[0], quotes[1]) if len(quotes) == 2 else None


def _space_kind(document: Document, marks: list[str]) -> str:
    """The space the file already sets before high punctuation (a plain space if none)."""
    found = re.findall(f"([{_SPACES}])[{re.escape(''.join(marks))}]", document.text)
    return Counter(found).most_common(1)[0][0] if found else " "


@register
class SpaceBeforeHighPunctuation(Rule):
    """French sets a space before ; : ! and ? (plain, no-break or narrow no-break).

    Wrong:
        … sur les travaux de sa quinzième session;

    Right:
        … sur les travaux de sa quinzième session ;
    """

    code = "Y001"
    name = "space-before-punctuation"
    severity = Severity.warning
    summary = "A space precedes ; : ! ? in French."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        marks = document.words.phrases("space_before")
        if not marks:
            return
        if not document.words.setting("space_before_wanted"):
            yield from self.spaces_before(document, marks)
            return
        escaped = re.escape("".join(marks))
        # The mark, then a look back at what precedes it: a match begins at a mark.
        pattern = re.compile(f"([{escaped}])(?<=[^\\s{escaped}].)")
        space = None
        for block in document.blocks_where(pattern, tuple(marks)):
            for match in pattern.finditer(block.text):
                at = match.start(1)
                if _exempt(block.text, at):
                    continue
                space = space or _space_kind(document, marks)
                yield self.finding(
                    block.span(at, at + 1),
                    f'put a space before "{match.group(1)}"',
                    Fix((document.edit(block, at, at, space),)),
                )

    def spaces_before(self, document: Document, marks: list[str]) -> Iterator[Finding]:
        """English: no space before the marks."""
        # The mark, then a look back at the space before it: a match begins at a mark.
        pattern = re.compile(f"[{re.escape(''.join(marks))}](?<=[{_SPACES}].)")
        for block in document.blocks_where(pattern, tuple(marks)):
            text = block.text
            for match in pattern.finditer(text):
                at = start = match.start()
                while start and text[start - 1] in _SPACES:
                    start -= 1
                yield self.finding(
                    block.span(start, at + 1),
                    f'no space before "{text[at]}" in this language',
                    Fix((document.edit(block, start, at, ""),)),
                )


def _exempt(text: str, at: int) -> bool:
    """Not French punctuation: "https://…", "10:30", "1:2"."""
    after = text[at + 1 : at + 3]
    return after.startswith("//") or (text[at - 1].isdigit() and after[:1].isdigit())


@register
class SpaceInsideGuillemets(Rule):
    """French sets a space after « and before ».

    Wrong:
        intitulée «Coopération Sud-Sud pour le développement»

    Right:
        intitulée « Coopération Sud-Sud pour le développement »
    """

    code = "Y002"
    name = "space-inside-guillemets"
    severity = Severity.warning
    summary = "A space follows « and precedes » in French."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        quotes = _quotes(document)
        if quotes is None:
            return
        if not document.words.setting("space_inside_quotes"):
            yield from self.spaces_inside(document, quotes)
            return
        opening, closing = (re.escape(quote) for quote in quotes)
        # Each alternative begins with its quote (the closing one looks back). \S, not a
        # class of the spaces: a class of characters beyond Latin-1 takes 0.5 ms to compile.
        pattern = re.compile(f"{opening}(?=\\S)|{closing}(?<=\\S.)")
        for block in document.blocks_where(pattern, quotes):
            for match in pattern.finditer(block.text):
                at = match.start()
                if match.group(0) == quotes[0]:
                    where, message = at + 1, f'put a space after "{quotes[0]}"'
                else:
                    where, message = at, f'put a space before "{quotes[1]}"'
                yield self.finding(
                    block.span(at, at + 1),
                    message,
                    Fix((document.edit(block, where, where, " "),)),
                )

    def spaces_inside(self, document: Document, quotes: tuple[str, str]) -> Iterator[Finding]:
        """English: no space after the opening quote or before the closing one."""
        opening, closing = (re.escape(quote) for quote in quotes)
        # Each alternative begins with its quote (the closing one looks back at its space).
        pattern = re.compile(f"{opening}(?= )|{closing}(?<= .)")
        for block in document.blocks_where(pattern, quotes):
            text = block.text
            for match in pattern.finditer(text):
                at = match.start()
                if match.group(0) == quotes[0]:
                    start, end = at + 1, len(text) - len(text[at + 1 :].lstrip(" "))
                else:
                    start, end = len(text[:at].rstrip(" ")), at
                yield self.finding(
                    block.span(start, end),
                    "no space inside quotation marks in this language",
                    Fix((document.edit(block, start, end, ""),)),
                )


@register
class StraightQuotes(Rule):
    """French quotes with « » (spaced), not straight double quotes.

    Wrong:
        intitulée "Coopération Sud-Sud pour le développement"

    Right:
        intitulée « Coopération Sud-Sud pour le développement »
    """

    code = "Y003"
    name = "straight-quotes"
    severity = Severity.warning
    summary = 'Quotations take « » in French, not straight quotes (").'
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        quotes = _quotes(document)
        if quotes is None:
            return
        for block in document.blocks_where(_STRAIGHT_QUOTE, ('"',)):
            positions = [match.start() for match in _STRAIGHT_QUOTE.finditer(block.text)]
            pairs = len(positions) % 2 == 0
            for index, at in enumerate(positions):
                if index % 2 and pairs:
                    continue  # reported with its opening quote
                fix = None
                if pairs:
                    end = positions[index + 1]
                    space = " " if document.words.setting("space_inside_quotes") else ""
                    fix = Fix(
                        (
                            document.edit(block, at, at + 1, quotes[0] + space),
                            document.edit(block, end, end + 1, space + quotes[1]),
                        )
                    )
                yield self.finding(
                    block.span(at, at + 1), f'use "{quotes[0]} … {quotes[1]}" for quotations', fix
                )


@register
class DoubledSpace(Rule):
    """One space between words, not two.

    Wrong:
        la coopération  Sud-Sud

    Right:
        la coopération Sud-Sud
    """

    code = "Y004"
    name = "doubled-space"
    severity = Severity.warning
    summary = "No run of two or more spaces inside a line."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks_where(_DOUBLED_SPACE, ("  ",)):
            for match in _DOUBLED_SPACE.finditer(block.text):
                start, end = match.span()
                edit = document.edit(block, start, end, " ")
                if edit.end - edit.start != end - start:
                    continue  # the spaces are not all on one line of the file
                yield self.finding(block.span(start, end), "a doubled space", Fix((edit,)))


@register
class UnbalancedItalics(Rule):
    """Every * that opens italics closes them on the same paragraph.

    Wrong:
        1. *Décide de …

    Right:
        1. *Décide* de …
    """

    code = "Y005"
    name = "unbalanced-italics"
    severity = Severity.error
    summary = "Italic markers (*) come in pairs."

    def check(self, document: Document) -> Iterator[Finding]:
        # A draft's sponsors' line calls its note with a star ("Iraq:* draft resolution").
        sponsors = {
            id(line.content) for line in document.resolution.heading.lines if line.kind == "sponsor"
        }
        for block in document.blocks:
            if id(block) in sponsors:
                continue
            for at in block.stray_markers:
                if block.text[at] == "*":
                    yield self.finding(
                        block.span(at, at + 1), "this * opens italics it never closes"
                    )


@register
class UnbalancedGuillemets(Rule):
    """Every « has its » in the same paragraph.

    Wrong:
        intitulée « Coopération Sud-Sud pour le développement,

    Right:
        intitulée « Coopération Sud-Sud pour le développement »,
    """

    code = "Y006"
    name = "unbalanced-guillemets"
    severity = Severity.error
    summary = "Guillemets « » come in pairs."

    def check(self, document: Document) -> Iterator[Finding]:
        quotes = _quotes(document)
        if quotes is None:
            return
        pattern = re.compile("|".join(map(re.escape, quotes)))
        for block in document.blocks_where(pattern, quotes):
            yield from self._unmatched(block, pattern, *quotes)

    def _unmatched(
        self, block: Inline, pattern: re.Pattern[str], opening: str, closing: str
    ) -> Iterator[Finding]:
        open_at: list[int] = []
        for match in pattern.finditer(block.text):
            at, char = match.start(), match.group(0)
            if char == opening:
                open_at.append(at)
            elif char == closing and open_at:
                open_at.pop()
            elif char == closing:
                yield self.finding(block.span(at, at + 1), f'"{closing}" closes nothing')
        for at in open_at:
            yield self.finding(block.span(at, at + 1), f'"{opening}" is never closed')
