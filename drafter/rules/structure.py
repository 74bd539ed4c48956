"""Structure: the parts of a resolution, present and in their order (CONVENTIONS §1.1)."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.positions import Span
from drafter.rules.base import Document, Edit, Finding, Fix, Rule, Severity, register

# Where each kind of heading line stands (CONVENTIONS §1.1, and §5 for drafts). Free lines
# (an agenda title, a draft's title) may stand anywhere.
HEADING_RANK = {
    "masthead": 0,
    "document_symbol": 0,
    "distribution": 1,
    "issue_date": 2,
    "original": 3,
    "session": 4,
    "committee": 5,
    "agenda": 6,
    "adoption": 7,
    "sponsor": 7,
    "draft_label": 7,
    "basis": 8,
    "title": 9,
}

HEADING_NAMES = {
    "masthead": "masthead",
    "document_symbol": "document symbol",
    "distribution": "distribution line",
    "issue_date": "date of issue",
    "original": "original-language line",
    "session": "session line",
    "committee": "committee line",
    "agenda": "agenda item",
    "adoption": "adoption line",
    "sponsor": "sponsors' line",
    "draft_label": "draft label",
    "basis": "basis line",
    "title": "numbered title",
}

REQUIRED_WHEN_ADOPTED = ("session", "adoption", "basis", "title")


@register
class HeadingOrder(Rule):
    """The heading block follows the order of the Editorial Manual.

    Masthead, distribution and date of issue, session, agenda item, "Résolution adoptée par
    l'Assemblée générale le …", the bracketed basis line, then the numbered title.

    Wrong:
        78/167. Coopération Sud-Sud
        [sur la base du rapport de la Deuxième Commission (A/78/465/Add.2, par. 7)]

    Right:
        [sur la base du rapport de la Deuxième Commission (A/78/465/Add.2, par. 7)]
        78/167. Coopération Sud-Sud
    """

    code = "S001"
    name = "heading-order"
    severity = Severity.error
    summary = "Heading lines are in the order of the Editorial Manual."

    def check(self, document: Document) -> Iterator[Finding]:
        highest = None
        for line in document.resolution.heading.lines:
            rank = HEADING_RANK.get(line.kind)
            if rank is None:
                continue
            if highest and rank < HEADING_RANK[highest.kind]:
                yield self.finding(
                    line.span,
                    f"the {HEADING_NAMES[line.kind]} should come before "
                    f"the {HEADING_NAMES[highest.kind]} (line {highest.span.line})",
                )
            elif not highest or rank >= HEADING_RANK[highest.kind]:
                highest = line


@register
class HeadingParts(Rule):
    """An adopted resolution's heading names its session, adoption, basis and number.

    Wrong (no adoption line):
        Soixante-dix-huitième session
        78/167. Coopération Sud-Sud

    Right:
        Soixante-dix-huitième session
        Résolution adoptée par l'Assemblée générale le 19 décembre 2023
        [sur la base du rapport de la Deuxième Commission (A/78/465/Add.2, par. 7)]
        78/167. Coopération Sud-Sud
    """

    code = "S002"
    name = "heading-part-missing"
    severity = Severity.error
    summary = "An adopted text's heading has its session, adoption, basis and title lines."
    profiles = ("adopted",)

    def check(self, document: Document) -> Iterator[Finding]:
        heading = document.resolution.heading
        present = {line.kind for line in heading.lines}
        where = heading.lines[0].span if heading.lines else Span(1, 1, 1, 1)
        for kind in REQUIRED_WHEN_ADOPTED:
            if kind not in present:
                yield self.finding(where, f"the heading has no {HEADING_NAMES[kind]}")


@register
class OrganLine(Rule):
    """The organ line "L'Assemblée générale," stands once, before the preamble.

    It ends with a comma when a preamble follows, and has none when the text opens
    directly with its operative paragraphs.

    Wrong:
        L'Assemblée générale
        Rappelant sa résolution 77/185,

    Right:
        L'Assemblée générale,
        Rappelant sa résolution 77/185,
    """

    code = "S003"
    name = "organ-line"
    severity = Severity.error
    summary = 'The organ line ("L\'Assemblée générale,") is present once, before the preamble.'
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        resolution = document.resolution
        strays = resolution.stray_organs
        missing_at = None
        for problem in resolution.problems:
            if problem.found == "ORGAN":
                missing_at = problem.span
                where = f": it stands at line {strays[0].line}" if strays else ""
                yield self.finding(problem.span, f"the organ line is missing here{where}")
        for stray in strays:
            if resolution.organ is not None:
                message = (
                    f"the organ line is repeated here (it stands at line {resolution.organ.line})"
                )
            else:
                before = f" (line {missing_at.line})" if missing_at else ""
                message = f"the organ line is out of place: it comes before the preamble{before}"
            yield self.finding(stray, message)
        if resolution.organ is None or resolution.organ_text is None:
            return
        organ = resolution.organ
        _, end = document.offsets(organ)
        has_comma = resolution.organ_text.endswith(",")
        if resolution.preamble and not has_comma:
            yield self.finding(
                organ,
                "the organ line ends with a comma when a preamble follows",
                Fix((Edit(end, end, ","),)),
            )
        elif not resolution.preamble and has_comma:
            yield self.finding(
                organ,
                "without a preamble the organ line takes no comma",
                Fix((Edit(end - 1, end, ""),)),
            )


@register
class PreambleAfterOperative(Rule):
    """Preambular paragraphs all come before the first operative paragraph.

    Wrong:
        1. *Décide* de …;
        Notant avec satisfaction …,
        2. *Prie* …

    Right:
        Notant avec satisfaction …,
        1. *Décide* de …;
        2. *Prie* …
    """

    code = "S004"
    name = "preamble-after-operative"
    severity = Severity.error
    summary = "No preambular (unnumbered) paragraph after the operative part has begun."

    def check(self, document: Document) -> Iterator[Finding]:
        for paragraph in document.resolution.misplaced:
            yield self.finding(
                paragraph.opening.span,
                "an unnumbered paragraph in the operative part: move it to the preamble "
                "or number it",
            )


@register
class UnknownBlock(Rule):
    """Every block of text is one of the known kinds.

    A resolution is made of heading lines, the organ line, preambular and numbered
    operative paragraphs, subparagraphs, the plenary line and footnote texts. Text after the
    plenary line, or a line the grammar cannot place, is reported here.

    Wrong:
        49e séance plénière
        19 décembre 2023
        Merci de votre attention.

    Right:
        49e séance plénière
        19 décembre 2023
    """

    code = "S005"
    name = "unknown-block"
    severity = Severity.error
    summary = "Every block of text is a heading line, a paragraph, the closing or a footnote."

    def check(self, document: Document) -> Iterator[Finding]:
        resolution = document.resolution
        for problem in resolution.problems:
            if problem.found != "ORGAN":
                yield self.finding(problem.span, problem.message)
        for block in resolution.trailing:
            yield self.finding(
                block.span(0, len(block.text)),
                "text after the plenary line: it belongs before it, or in a footnote",
            )


@register
class OperativePartMissing(Rule):
    """A resolution decides something: it has at least one operative paragraph.

    A text whose preamble is all there is has lost its operative part, or is not finished.

    Wrong:
        L'Assemblée générale,
        Rappelant sa résolution 77/185,
        49e séance plénière

    Right:
        L'Assemblée générale,
        Rappelant sa résolution 77/185,
        1. *Décide* de …
        49e séance plénière
    """

    code = "S006"
    name = "operative-part-missing"
    severity = Severity.error
    summary = "A resolution has at least one operative paragraph."

    def check(self, document: Document) -> Iterator[Finding]:
        resolution = document.resolution
        if resolution.operative or resolution.decision is not None:
            return
        last = resolution.preamble[-1].span if resolution.preamble else resolution.organ
        where = last or Span(1, 1, 1, 1)
        yield self.finding(where, "the resolution has no operative (numbered) paragraph")


@register
class ParagraphBreaksGuessed(Rule):
    """Paragraphs are separated by blank lines.

    Text pasted from a word processor often has one paragraph per line and no blank line
    between them. drafter then guesses where each paragraph begins (at a number, a label, a
    known opening, or after a line that ends as a paragraph does); a guess may be wrong, so
    `--fix` leaves such a text alone until the blank lines are there.

    Wrong:
        Rappelant sa résolution 77/185,
        Notant avec satisfaction le rapport,

    Right:
        Rappelant sa résolution 77/185,

        Notant avec satisfaction le rapport,
    """

    code = "S007"
    name = "paragraph-breaks-guessed"
    severity = Severity.warning
    summary = "Paragraphs are separated by blank lines (else --fix changes nothing)."

    def check(self, document: Document) -> Iterator[Finding]:
        guessed = document.resolution.guessed_breaks
        if not guessed:
            return
        others = f" and {len(guessed) - 1} more" if len(guessed) > 1 else ""
        yield self.finding(
            Span(guessed[0], 1, guessed[0], 1),
            f"no blank line before this paragraph{others}: drafter guessed where paragraphs "
            "begin, so --fix leaves this text alone",
        )
