"""The rule engine: parse a text, run the selected rules, filter and fix their findings."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from drafter.amendments import amendment_in
from drafter.config import ConfigError, Settings
from drafter.model import Resolution, Suppression
from drafter.parser import NotAResolution, parse_text
from drafter.places import part_at
from drafter.positions import Place
from drafter.reader import ReadError, Source, read_source
from drafter.rules import REGISTRY, Document, Edit, Finding, Fix, Rule

if TYPE_CHECKING:
    from drafter.amendments.model import AmendmentDocument
    from drafter.readers.zipped import Limits

# A fix can make another possible (a comma, then its space): fix again until nothing changes.
MAX_FIX_ROUNDS = 8
# LanguageTool's findings: "L" and its rule id (drafter.languagetool).
LANGUAGETOOL_PREFIX = "L"
NO_SERVER = (
    "--language-check needs a LanguageTool server, and none is configured: give "
    "--language-server URL, set DRAFTER_LANGUAGETOOL_URL, or set language-server in the "
    "configuration (`public` sends the text to LanguageTool's public API)"
)


@dataclass
class FileResult:
    """One file's outcome: its findings, or why it could not be linted, and what --fix did."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be linted: why
    fixed: int = 0  # findings fixed
    unfixed: list[Finding] = field(default_factory=list, repr=False)  # before any fix
    source: Source | None = field(default=None, repr=False)
    resolution: Resolution | None = field(default=None, repr=False)  # as first read
    linted: bool = False  # the text was read as a resolution and checked
    fixed_raw: str | None = field(default=None, repr=False)  # the fixed text, line ends kept
    language_error: str | None = None  # LanguageTool could not be used: why
    author: str = "drafter"  # of the tracked changes --fix writes into a Word document

    @property
    def changed(self) -> bool:
        return self.source is not None and self.fixed_raw not in (None, self.source.raw)


def matches(code: str, selector: str) -> int:
    """How specific a selector that covers `code` is (its length), or -1 if it does not."""
    if selector == "ALL":
        return 0
    return len(selector) if code.startswith(selector) else -1


@cache  # once per configuration, not once per file
def check_selectors(selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        known = any(code.startswith(selector) for code in REGISTRY)
        if selector != "ALL" and not known and not selector.startswith(LANGUAGETOOL_PREFIX):
            raise ConfigError(f"unknown rule code or prefix {selector!r} (see `drafter rules`)")


def enabled_codes(settings: Settings, path: str) -> tuple[str, ...]:
    """The registered rules that run on `path`."""
    return _enabled_codes(*selectors(settings, path))


@cache  # the same for every file of a run, unless per-file ignores say otherwise
def _enabled_codes(chosen: tuple[str, ...], dropped: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code for code in sorted(REGISTRY) if is_selected(code, chosen, dropped))


def selectors(settings: Settings, path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The selectors that choose codes and those that drop them for `path`, checked."""
    chosen = (*settings.select, *settings.extend_select)
    dropped = (*settings.ignore, *settings.ignored_for(path))
    check_selectors(chosen)
    check_selectors(dropped)
    return chosen, dropped


def is_selected(code: str, chosen: tuple[str, ...], dropped: tuple[str, ...]) -> bool:
    """ruff's logic: the most specific selector wins; on a tie, ignoring wins."""
    best_choice = max((matches(code, s) for s in chosen), default=-1)
    best_drop = max((matches(code, s) for s in dropped), default=-1)
    return best_choice >= 0 and best_choice > best_drop


@cache
def _rule(code: str) -> Rule:
    return REGISTRY[code]()


def run_rules(document: Document, codes: tuple[str, ...]) -> list[Finding]:
    findings: list[Finding] = []
    for code in codes:
        rule = _rule(code)
        if document.profile in rule.profiles:
            findings.extend(rule.check(document))
    return findings


def lint_text(
    text: str, settings: Settings, path: str = "-", today: date | None = None
) -> tuple[Resolution, list[Finding]]:
    """Parse and check one text; raises NotAResolution when it is not a resolution at all."""
    language = None if settings.language == "auto" else settings.language
    resolution = parse_text(text, language)
    profile = resolution.profile if settings.profile == "auto" else settings.profile
    document = Document(resolution, text, profile, **({"today": today} if today else {}))
    findings = run_rules(document, enabled_codes(settings, path))
    if settings.language_check:
        findings += _language_findings(document, settings, path)
    if resolution.guessed_breaks:  # a fix applied to a guessed structure could do harm
        for finding in findings:
            finding.fix = None
    silenced = _silenced_lines(resolution.suppressions, text)
    findings = [f for f in findings if not _suppressed(f, silenced)]
    for finding in findings:
        finding.path = path
    findings.sort(key=lambda f: f.sort_key)
    return resolution, findings


def lint_amendment(
    amendment: AmendmentDocument, text: str, settings: Settings, path: str = "-"
) -> list[Finding]:
    """Check an amendment document's own conventions (the A rules; a resolution's do not
    apply to it)."""
    from drafter.rules.amendments import AmendmentRule, AmendmentText

    document = AmendmentText(amendment, text)
    findings: list[Finding] = []
    for code in enabled_codes(settings, path):
        rule = _rule(code)
        if isinstance(rule, AmendmentRule):
            findings.extend(rule.check_amendment(document))
    for finding in findings:
        finding.path = path
    return sorted(findings, key=lambda f: f.sort_key)


def _language_findings(document: Document, settings: Settings, path: str) -> list[Finding]:
    """Grammar and spelling (LanguageTool), selected like every other finding."""
    from drafter import languagetool

    if not settings.language_server:
        raise ConfigError(NO_SERVER)
    found = languagetool.findings(
        document,
        settings.language_server,
        disabled_rules=settings.disabled_language_rules,
        fix=settings.fix_language,
        cache=settings.language_cache,
        timeout=settings.language_timeout,
        path=path,
    )
    chosen, dropped = selectors(settings, path)
    return [finding for finding in found if is_selected(finding.code, chosen, dropped)]


def _silenced_lines(
    suppressions: list[Suppression], text: str
) -> list[tuple[int, int, tuple[str, ...]]]:
    """For each suppression comment: the lines it covers (the block after it) and its codes."""
    if not suppressions:
        return []
    lines = text.split("\n")
    return [(s.target_line, _block_end(lines, s.target_line), s.codes) for s in suppressions]


def _suppressed(finding: Finding, silenced: list[tuple[int, int, tuple[str, ...]]]) -> bool:
    return any(
        start <= finding.span.line <= end and any(matches(finding.code, c) >= 0 for c in codes)
        for start, end, codes in silenced
    )


def _block_end(lines: list[str], line: int) -> int:
    """The last line of the block of text (up to a blank line) that starts at `line`."""
    end = line
    while end < len(lines) and lines[end].strip() and not lines[end].lstrip().startswith("<!--"):
        end += 1
    return end


def lint_file(
    path: str, settings: Settings, *, fix: bool = False, unsafe: bool = False
) -> FileResult:
    """Lint one file (or "-"); with `fix`, compute the fixed text (the caller writes it).

    A file that cannot be read or is no resolution is recorded in the result; a ConfigError
    (an unknown rule code) is raised, since it stops the whole run."""
    result = FileResult(path, author=settings.author)
    try:
        result.source = read_source(path, settings.revisions, _limits(settings))
        # (Before the parse: numbered amendments would read as a resolution's paragraphs.)
        amendment = amendment_in(result.source.text)
        if amendment is not None:
            result.findings = lint_amendment(amendment, result.source.text, settings, path)
            result.linted = True
        elif not settings.language_check:
            _check(result, settings, fix, unsafe)
        else:
            _check_language_too(result, settings, fix, unsafe)
    except (ReadError, NotAResolution) as error:
        result.error = str(error)
    source = result.source
    if source is not None and (source.pages or source.lines or source.word_lines):
        _point_into_file(source, result.findings, result.resolution)
        if result.unfixed is not result.findings:
            _point_into_file(source, result.unfixed, result.resolution)
    return result


def _check_language_too(result: FileResult, settings: Settings, fix: bool, unsafe: bool) -> None:
    from drafter.languagetool import Unavailable

    try:
        _check(result, settings, fix, unsafe)
    except Unavailable as error:
        # The conventions are still checked: a server down is no reason to hide them.
        result.language_error = str(error)
        _check(result, replace(settings, language_check=False), fix, unsafe)


def _point_into_file(
    source: Source, findings: list[Finding], resolution: Resolution | None
) -> None:
    """A PDF's findings point at the lines of the text drafter made of it (`drafter text`),
    and each says its place in the PDF: the page, and the paragraph; a Word document's say the
    paragraph and the column in it. Those of a text made from another text (copied out of a
    PDF) point at the lines of that text."""
    text_lines = source.text.split("\n") if source.word_lines else []
    for finding in findings:
        line = finding.span.line
        if source.pages:
            part = part_at(resolution, line) if resolution else ""
            finding.place = Place(_of_line(source.pages, line), part)
        if source.word_lines:
            before = (
                text_lines[line - 1][: finding.span.column - 1] if line <= len(text_lines) else ""
            )
            finding.place = _word_place(source, resolution, line, before)
        if source.lines:
            span = finding.span
            finding.span = span._replace(
                line=_of_line(source.lines, span.line),
                end_line=_of_line(source.lines, span.end_line),
            )


def _word_place(source: Source, resolution: Resolution | None, line: int, before: str) -> Place:
    """The paragraph of a Word document (its part of the resolution, or its first words where
    it is none: a heading line) and the column in it as Word counts, from what the line holds
    `before` the finding: the text form's * and ^ marks are not in the document, nor a number
    that Word generates."""
    paragraph, offset = _of_line(source.word_lines, line)
    part = part_at(resolution, line) if resolution else ""
    if part in ("", "heading", "title", "organ line", "closing"):
        part = f"paragraph “{paragraph}”"
    marks = before.count("*") + before.count("^")
    return Place(None, part, max(1, offset + len(before) + 1 - marks))


_Value = TypeVar("_Value")


def _of_line(values: list[_Value], line: int) -> _Value:
    """What `values` holds for a line (from 1); past its end, for its last line."""
    return values[min(line, len(values)) - 1]


def _check(result: FileResult, settings: Settings, fix: bool, unsafe: bool) -> None:
    assert result.source is not None
    text = result.source.text
    result.resolution, result.findings = lint_text(text, settings, result.path)
    result.linted = True
    if fix:
        result.unfixed = result.findings
        fixed_text, result.findings, result.fixed = fix_text(
            text, result.findings, settings, result.path, unsafe
        )
        result.fixed_raw = _with_line_ends(result.source, text, fixed_text)


def fix_text(
    text: str, findings: list[Finding], settings: Settings, path: str, unsafe: bool
) -> tuple[str, list[Finding], int]:
    """Apply fixes until none is left; the text, what remains to report, and how many fixed."""
    fixed = 0
    for _ in range(MAX_FIX_ROUNDS):
        fixes = [f.fix for f in findings if f.fix and (f.fix.safe or unsafe)]
        text, applied = apply_fixes(text, fixes)
        if not applied:
            break
        fixed += applied
        # LanguageTool's suggestions are applied once: asked again about its own suggestion,
        # a server may suggest more of the same.
        settings = replace(settings, fix_language=False)
        _, findings = lint_text(text, settings, path)
    return text, findings, fixed


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply the fixes whose edits touch nothing another accepted fix touches, in one pass:
    the time grows with the text and the number of fixes, not with their product."""
    accepted: list[Edit] = []  # sorted by start; they never overlap, so their ends sort too
    applied = 0
    seen: set[tuple[Edit, ...]] = set()
    for fix in sorted(fixes, key=lambda f: min(f.edits)):
        if fix.edits in seen or any(_clashes(edit, accepted) for edit in fix.edits):
            continue
        seen.add(fix.edits)
        for edit in fix.edits:
            insort(accepted, edit)
        applied += 1
    pieces: list[str] = []
    done = 0
    for edit in accepted:
        pieces += (text[done : edit.start], edit.replacement)
        done = edit.end
    pieces.append(text[done:])
    return "".join(pieces), applied


def _clashes(edit: Edit, accepted: list[Edit]) -> bool:
    """Whether `edit` overlaps an accepted edit (two insertions at one point do): only the
    neighbours by start can."""
    after = bisect_left(accepted, edit.start, key=lambda e: e.start)
    if after < len(accepted):
        following = accepted[after]
        if following.start == edit.start or following.start < edit.end:
            return True
    return after > 0 and edit.start < accepted[after - 1].end


def _with_line_ends(source: Source, before: str, after: str) -> str:
    """The fixed text with the file's own line ends: fixes change no line end, so the lines of
    `before` and `after` correspond one to one."""
    if source.raw == before:
        return after
    raw_lines = re.split(r"(\r\n|\r|\n)", source.raw)
    ends = raw_lines[1::2]
    lines = after.split("\n")
    if len(lines) != len(ends) + 1:
        return after
    return "".join(line + end for line, end in zip(lines, [*ends, ""], strict=True))


def _limits(settings: Settings) -> Limits:
    from drafter.readers.zipped import Limits

    return Limits(settings.max_unpacked_mb, settings.max_compression_ratio)
