"""Punctuation at the end of paragraphs and subparagraphs (CONVENTIONS §1.2-1.4).

The whole resolution is one sentence: each preambular paragraph ends with a comma, each
operative paragraph with a semicolon and the last with a full stop. A paragraph that
introduces subparagraphs ends with a colon; each subparagraph ends with a semicolon, the last
with what its paragraph would have ended with.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from drafter.model import Inline, Subparagraph
from drafter.rules.base import Document, Finding, Fix, Rule, Severity, register, terminal

NAMES = {",": "a comma", ";": "a semicolon", ".": "a full stop", ":": "a colon"}


class _EndsWith(Rule):
    """Shared by the rules below: a text must end with one punctuation mark."""

    fixable = "safe"
    severity = Severity.error
    wants_last: ClassVar[bool] = False  # for subparagraphs: check the last one, or the others

    def expect(
        self, document: Document, content: Inline, mark: str, what: str, also: str = ""
    ) -> Finding | None:
        """A finding unless `content` ends with `mark` (or with one of the marks `also`
        accepts); its fix writes `mark`."""
        offset, found = terminal(content)
        if found == mark or (found and found in also):
            return None
        # French spaces ";" and ":" but not "," or "."; English none: the fix writes the mark
        # as the language's policy has it.
        words = document.words
        spaced = words.setting("space_before_wanted") and mark in words.phrases("space_before")
        start = offset
        while start and content.text[start - 1] == " ":
            start -= 1
        edit = document.edit(content, start, offset + len(found), (" " if spaced else "") + mark)
        if found:
            message = f"{what} ends with {NAMES[mark]}, not {NAMES[found]}"
        else:
            message = f"{what} ends with {NAMES[mark]}; it has none"
        span = content.span(offset, offset + 1) if found else content.span(offset - 1, offset)
        return self.finding(span, message, Fix((edit,)))


def _paragraph_end(document: Document, index: int, operative: bool) -> str:
    if not operative:
        return ","
    return "." if document.resolution.ends_a_resolution(index) else ";"


def _subparagraphs_end(
    rule: _EndsWith, document: Document, subs: list[Subparagraph], last_mark: str, also: str = ""
) -> Iterator[Finding]:
    """A subparagraph that introduces subparagraphs of the next degree ("(d) … the following
    activities:" then "(i) …") ends with a colon; one followed by another of its degree or
    a higher one, with a semicolon (or a mark `also` accepts); the last of all, as its
    paragraph would have ended (`last_mark`)."""
    for position, sub in enumerate(subs):
        later = subs[position + 1 :]
        last = not any(other.level <= sub.level for other in later)
        accepted = also
        if later and later[0].level > sub.level:
            mark, accepted = ":", ""
        else:
            mark = last_mark if last else ";"
        if rule.wants_last == last:
            found = rule.expect(document, sub.content, mark, f"subparagraph {sub.marker}", accepted)
            if found:
                yield found


@register
class PreambularComma(_EndsWith):
    """A preambular paragraph ends with a comma.

    Wrong:
        Rappelant sa résolution 77/185 du 14 décembre 2022;

    Right:
        Rappelant sa résolution 77/185 du 14 décembre 2022,
    """

    code = "P001"
    name = "preambular-comma"
    summary = "A preambular paragraph ends with a comma."

    def check(self, document: Document) -> Iterator[Finding]:
        for paragraph in document.resolution.preamble:
            if not (paragraph.subparagraphs or paragraph.tables):
                found = self.expect(document, paragraph.content, ",", "a preambular paragraph")
                if found:
                    yield found


@register
class OperativeSemicolon(_EndsWith):
    """An operative paragraph ends with a semicolon, except the last.

    Wrong:
        3. *Souligne* que la coopération Sud-Sud est importante.
        4. *Prie* le Secrétaire général …

    Right:
        3. *Souligne* que la coopération Sud-Sud est importante ;
        4. *Prie* le Secrétaire général …
    """

    code = "P002"
    name = "operative-semicolon"
    summary = "An operative paragraph other than the last ends with a semicolon."

    def check(self, document: Document) -> Iterator[Finding]:
        resolution = document.resolution
        for index, paragraph in enumerate(resolution.operative):
            lists = paragraph.subparagraphs or paragraph.tables
            if not lists and not resolution.ends_a_resolution(index):
                what = f"operative paragraph {paragraph.number}"
                found = self.expect(document, paragraph.content, ";", what)
                if found:
                    yield found


@register
class LastOperativeFullStop(_EndsWith):
    """The last operative paragraph ends with a full stop: the resolution's one sentence ends.

    Wrong:
        26. *Décide* d'inscrire la question à l'ordre du jour provisoire de sa
        soixante-dix-neuvième session ;

    Right:
        26. *Décide* d'inscrire la question à l'ordre du jour provisoire de sa
        soixante-dix-neuvième session.

    A paragraph that adopts an instrument set out after it ("*Adopts* the following Pact for
    the Future and its annexes:") ends with the colon that introduces it.
    """

    code = "P003"
    name = "last-operative-full-stop"
    summary = "The last operative paragraph ends with a full stop."

    def check(self, document: Document) -> Iterator[Finding]:
        resolution = document.resolution
        for index, paragraph in enumerate(resolution.operative):
            lists = paragraph.subparagraphs or paragraph.tables
            if resolution.ends_a_resolution(index) and not lists:
                if resolution.instrument is not None and index == len(resolution.operative) - 1:
                    # "*Adopts* the following Pact …:": the instrument follows it.
                    found = self.expect(document, paragraph.content, ":", "the adopting paragraph")
                else:
                    found = self.expect(document, paragraph.content, ".", "the last paragraph")
                if found:
                    yield found


@register
class LeadInColon(_EndsWith):
    """A paragraph that introduces subparagraphs, or a table, ends with a colon.

    Wrong:
        5. *Prie* le Secrétaire général ;
        a) de faire rapport …;

    Right:
        5. *Prie* le Secrétaire général :
        a) de faire rapport …;
    """

    code = "P004"
    name = "lead-in-colon"
    summary = "A paragraph followed by subparagraphs or a table ends with a colon."

    def check(self, document: Document) -> Iterator[Finding]:
        for paragraph in document.paragraphs:
            if paragraph.subparagraphs or paragraph.tables:
                found = self.expect(document, paragraph.content, ":", "a paragraph that lists")
                if found:
                    yield found


@register
class SubparagraphSemicolon(_EndsWith):
    """Each subparagraph but the last ends with a semicolon.

    One that introduces subparagraphs of the next degree ends with a colon (A/RES/80/68 OP 8
    (d) "… the following Convention-related activities:" then (i) to (vi)). In a preambular
    paragraph the items of a list may end with commas, as the paragraph itself does
    (A/RES/79/171).

    Wrong:
        a) de faire rapport à l'Assemblée,
        b) de consulter les États Membres.

    Right:
        a) de faire rapport à l'Assemblée ;
        b) de consulter les États Membres.
    """

    code = "P005"
    name = "subparagraph-semicolon"
    summary = "A subparagraph other than the last of its paragraph ends with a semicolon."

    def check(self, document: Document) -> Iterator[Finding]:
        for index, paragraph in enumerate(document.resolution.operative):
            end = _paragraph_end(document, index, operative=True)
            yield from _subparagraphs_end(self, document, paragraph.subparagraphs, end)
        for preambular in document.resolution.preamble:
            # A list inside a preambular paragraph may part its items with commas, as the
            # paragraph ends (A/RES/79/171: "(a) The Voluntary Guidelines …, (b) …,").
            subs = preambular.subparagraphs
            yield from _subparagraphs_end(self, document, subs, ",", also=",")


@register
class LastSubparagraphEnd(SubparagraphSemicolon):
    """The last subparagraph ends as its paragraph would have ended.

    With a semicolon in an operative paragraph, a full stop in the last one, a comma in a
    preambular paragraph.

    Wrong (last operative paragraph):
        a) de faire rapport à l'Assemblée ;
        b) de consulter les États Membres ;

    Right:
        a) de faire rapport à l'Assemblée ;
        b) de consulter les États Membres.
    """

    code = "P006"
    name = "last-subparagraph-end"
    summary = "The last subparagraph ends with its paragraph's own punctuation."
    wants_last = True
