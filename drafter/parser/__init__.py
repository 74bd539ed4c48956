"""Parse a resolution: read → normalize → grammar (structure, then inline) → document model."""

from __future__ import annotations

import re
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter import lexicon
from drafter.model import Resolution, SyntaxProblem
from drafter.normalize import Markers, PhraseStart, Unit, normalize
from drafter.parser.compile import grammar_parser, runtime
from drafter.parser.structure import build
from drafter.positions import LineIndex, Span
from drafter.reader import read_source

if TYPE_CHECKING:
    from lark.exceptions import UnexpectedInput


class NotAResolution(ValueError):
    """The text has neither the organ line nor numbered operative paragraphs."""


def parse_file(
    path: str | Path, language: str | None = None, revisions: str = "accepted"
) -> Resolution:
    """The model of a file in any format drafter reads (a Word document's tracked changes
    read as `revisions` says)."""
    return parse_text(read_source(path, revisions).text, language)


def parse_text(text: str, language: str | None = None) -> Resolution:
    """The document model of a resolution; syntax problems are in `problems`, never raised."""
    language = language or detect_language(text)
    parser = grammar_parser("resolution", language)
    normalized = normalize(text, markers(language))
    units = normalized.units
    index = LineIndex(text)
    problems: list[SyntaxProblem] = []
    # (The stream is not kept: a long text's copy, of no use once its tree is made.)
    tree = parser.parse(
        "".join(unit.text + "\n" for unit in units),
        on_error=_Recovery(runtime(language), units, index, problems),
    )
    resolution = build(tree, units, index, language)
    resolution.problems = problems + resolution.problems
    resolution.suppressions = normalized.suppressions
    resolution.guessed_breaks = normalized.guessed
    if resolution.organ is None and not resolution.operative and resolution.decision is None:
        raise NotAResolution(
            f"not a General Assembly resolution: no organ line "
            f"(“{lexicon.load(language).phrases('organ')[0]},”) and no numbered paragraph"
        )
    return resolution


def detect_language(text: str) -> str:
    """The language whose markers the text holds most often; NotAResolution when it holds
    none of any language's."""
    languages = lexicon.available()
    if len(languages) == 1:  # nothing to tell apart
        return languages[0]
    for size in _SAMPLES:
        sample = text[:size].replace("\u2019", "'")
        counts = {
            language: sum(sample.count(m) for m in lexicon.load(language).phrases("markers"))
            for language in languages
        }
        best, *others = sorted(languages, key=lambda language: counts[language], reverse=True)
        if counts[best] >= _CLEAR_LEAD * max((counts[other] for other in others), default=0) + 1:
            return best
    if not counts[best]:
        raise NotAResolution(
            f"not a General Assembly resolution: language not recognised "
            f"(drafter reads: {', '.join(languages)})"
        )
    return best


# The text's beginning, then more of it, until its markers tell one language clearly (a
# heading and a few paragraphs usually do).
_SAMPLES = (4000, 20000)
_CLEAR_LEAD = 3  # times the next language's count


@cache
def markers(language: str) -> Markers:
    """The line patterns the normalizer needs, taken from the grammar itself."""
    parser = grammar_parser("resolution", language)

    def terminal(name: str) -> re.Pattern[str]:
        return re.compile(parser.get_terminal(name).pattern.to_regexp())

    return Markers(
        terminal("ORGAN"),
        terminal("MEETING"),
        terminal("FOOTNOTE"),
        PhraseStart(lexicon.load(language).preambular_openings),
        re.compile(f"(?:{terminal('ANNEX').pattern})|(?:{terminal('DIVISION').pattern})"),
        partial(_heading_kind, language),
        _annex_head(language),
    )


def _annex_head(language: str) -> re.Pattern[str]:
    """ "Annex I" before a title on the same line: a capital, no end of a sentence."""
    words = lexicon.alternation(lexicon.load(language).phrases("annex"))
    # (Not "Annex" and "II": the numeral is the head's.)
    return re.compile(
        rf"(?:{words})(?: +[IVXLC]+)?(?= +(?![IVXLC]+\b)[A-Z][^\n]{{0,200}}[^,;:.\s]$)"
    )


def _heading_kind(language: str, text: str) -> str:
    """ "title" (78/167. …), "agenda" (its item's line), "masthead" (the masthead's or the
    organ's phrase alone), "line" (another heading line the grammar names), or "free" text.
    By the lines' first and last words, from the lexicon: no regex of the grammar's terminals
    to compile, on every run, for a question most headings never ask."""
    first = text.split(" ", 1)[0]
    if first.endswith(".") and "/" in first and first[-2:-1].isdigit():
        return "title"
    whole, agenda, starts, session, ends = _heading_words(language)
    # A masthead or organ is the whole line ("United Nations A/RES/80/2": with a symbol).
    bare = text.rstrip(",") if "/" not in text else text.rsplit(" ", 1)[0]
    if bare in whole:
        return "masthead"
    if text.startswith(agenda):
        return "agenda"
    named = (
        text[:1] in "[*0123456789"
        or text.startswith(starts)
        or text.endswith(ends)
        # "Seventy-eighth session", "Tenth emergency special session"; not an agenda title's
        # wrapped line ("Trade Law on the work of its fifty-sixth session").
        or (text.endswith(session) and text.count(" ") <= _SESSION_WORDS)
    )
    return "line" if named or "/" in first else "free"


_SESSION_WORDS = 4  # before the word "session" on a session line: "Resumed tenth emergency special"


@cache
def _heading_words(
    language: str,
) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The named heading lines that are their phrase alone (masthead, organ), how the agenda
    item's line begins, how the others begin (distribution, adoption, committee, draft label,
    original), how a session line ends, and how the sponsors' line ends."""
    words = lexicon.load(language)

    def phrases(*keys: str) -> tuple[str, ...]:
        return tuple(phrase for key in keys for phrase in words.phrases(key))

    return (
        frozenset(phrases("masthead", "organ")),
        phrases("agenda_prefix"),
        phrases("distribution", "adoption", "committees", "draft_label", "original"),
        phrases("session"),
        phrases("sponsor_suffix"),
    )


class _Recovery:
    """Lark's on_error hook: note the problem, repair what can be repaired, and go on."""

    def __init__(
        self, lark: Any, units: list[Unit], index: LineIndex, problems: list[SyntaxProblem]
    ):
        self.lark = lark  # the parsing runtime, whose classes the errors and tokens are
        self.units = units
        self.index = index
        self.problems = problems
        self.organ_supplied = False

    def __call__(self, error: UnexpectedInput) -> bool:
        if (
            isinstance(error, self.lark.UnexpectedToken)
            and "ORGAN" in error.expected
            and not self.organ_supplied
        ):
            # No organ line before the body (or at all): go on as if it were there.
            self.organ_supplied = True
            self._report(error, "the organ line is missing before this paragraph", "ORGAN")
            parser = error.interactive_parser
            parser.feed_token(self.lark.Token("ORGAN", ""))
            if error.token.type != "$END":
                parser.feed_token(error.token)
            return True
        what = error.token.type if isinstance(error, self.lark.UnexpectedToken) else "text"
        if isinstance(error, self.lark.UnexpectedCharacters) or what != "$END":
            self._report(error, f"unexpected {_DESCRIPTIONS.get(what, 'text')} here", what)
        return True

    def _report(self, error: UnexpectedInput, message: str, found: str) -> None:
        line = getattr(error, "line", None)
        if isinstance(error, self.lark.UnexpectedToken) and error.token.type == "$END":
            line = len(self.units)
        if not isinstance(line, int) or line < 1:
            line = 1
        unit = self.units[min(line, len(self.units)) - 1] if self.units else None
        if unit is None:
            self.problems.append(SyntaxProblem(message, Span(1, 1, 1, 1), found))
            return
        start = unit.map.to_source(0)
        self.problems.append(SyntaxProblem(message, self.index.span(start, start), found))


_DESCRIPTIONS = {
    "OPERATIVE": "numbered paragraph",
    "PARAGRAPH": "paragraph",
    "SUBPARAGRAPH": "subparagraph",
    "MEETING": "plenary meeting line",
    "DATE_LINE": "date line",
    "FOOTNOTE": "footnote",
    "ORGAN": "organ line",
}
