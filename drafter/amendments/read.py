"""Read an amendment document's text (drafter's text form of a .txt, PDF or .docx) into its
model. Each instruction is a paragraph of its own; one that announces a paragraph ("…
reading:") takes the paragraph after it. The words are the lexicon's `[amendment]` section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from drafter import lexicon, ordinals
from drafter.amendments.model import Action, Amendment, AmendmentDocument, Target
from drafter.model import SUPERSCRIPT_DIGITS

_SYMBOL = r"[A-Z]{1,6}(?:\.\d+)?(?:/[A-Za-z0-9.]+)+"
_QUOTED = r"[“\"«]\s*(.+?)\s*[”\"»]"
_NUMBER = re.compile(r"^(\d{1,3})\.\s+")  # "2. In operative paragraph 5, …"


@dataclass
class _Words:
    """The lexicon's words for amendments, as patterns."""

    heading: re.Pattern[str]
    preambular: re.Pattern[str]
    preambular_figures: re.Pattern[str]
    operative: re.Pattern[str]
    subparagraph: re.Pattern[str]
    verbs: dict[str, re.Pattern[str]]
    prefix: re.Pattern[str]
    quoted: re.Pattern[str]
    reading: re.Pattern[str]
    new_paragraph: re.Pattern[str]
    ordinal: re.Pattern[str]  # one ordinal word ("vingt et unième" is one)
    language: str


def find_amendment(text: str) -> AmendmentDocument | None:
    """The amendment document `text` is, in whichever language its heading line is."""
    for language in lexicon.available():
        found = read_amendment(text, language)
        if found is not None:
            return found
    return None


def read_amendment(text: str, language: str) -> AmendmentDocument | None:
    """The amendment document `text` is, or None when it is none (no heading line such as
    "Denmark: amendment to draft resolution A/C.2/80/L.13/Rev.1")."""
    words = _words(language)
    paragraphs = _paragraphs(text)
    found = next(
        (
            (at, match)
            for at, paragraph in enumerate(paragraphs)
            if (match := words.heading.search(paragraph.text))
        ),
        None,
    )
    if found is None:
        return None
    at, heading = found
    document = AmendmentDocument(
        symbol=_own_symbol(paragraphs[:at]),
        amends=heading.group("amends"),
        sponsors=heading.group("sponsors").strip(" *:").rstrip("*"),
        language=language,
    )
    rest = [p for p in paragraphs[at + 1 :] if not p.text.startswith("[^")]
    if rest and not _instruction(rest[0].text, words):
        document.title = rest.pop(0).text
    _read_instructions(document, rest, words)
    return document


def _read_instructions(
    document: AmendmentDocument, paragraphs: list[_Paragraph], words: _Words
) -> None:
    waiting: Amendment | None = None  # an instruction that announced a paragraph
    for line, text, written in paragraphs:
        if waiting is not None and not _instruction(text, words):
            quoted = plain(text)
            if waiting.action == "delete":
                waiting.old = quoted
            else:
                waiting.new, waiting.written = quoted, written
            waiting = None
            continue
        waiting = None
        number = _NUMBER.match(text)
        body = text[number.end() :] if number else text
        read = _read_one(body, words)
        if read is None:
            document.problems.append((line, f"not an amendment drafter can read: “{text[:80]}”"))
            continue
        amendment, announces = read
        amendment.written_number = int(number.group(1)) if number else None
        amendment.number = amendment.written_number or _next_number(document)
        amendment.line, amendment.said = line, body
        # "Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and
        # 39": one amendment, one entry for each part it names.
        also = _target(body, words, "preamble") if amendment.action == "delete" else None
        if also is not None and amendment.target.part == "operative" and not amendment.old:
            document.amendments.append(
                Amendment(
                    amendment.number,
                    "delete",
                    also,
                    line=amendment.line,
                    whole=True,
                    said=body,
                    written_number=amendment.written_number,
                )
            )
        document.amendments.append(amendment)
        if announces:
            waiting = amendment


def _read_one(text: str, words: _Words) -> tuple[Amendment, bool] | None:
    """One instruction, and whether it announces a paragraph that follows it."""
    prefix = words.prefix.match(text)
    where = _target(prefix.group("target"), words) if prefix else None
    rest = text[prefix.end() :] if prefix else text
    verb = next((name for name in _ACTIONS if words.verbs[name].match(rest)), None)
    if verb is None:
        return None
    rest = words.verbs[verb].sub("", rest, count=1)
    quotes = [m.group(1) for m in words.quoted.finditer(rest)]
    announces = bool(words.reading.search(rest)) or rest.rstrip().endswith(":")
    own_target = _target(words.quoted.sub("", rest), words)
    target = where or own_target
    if target is None:
        return None
    if verb == "delete":
        if quotes and where is not None:  # "In operative paragraph 13, delete “…”."
            return Amendment(0, "delete", where, old=quotes[0]), False
        return Amendment(0, "delete", target, whole=True), announces  # "Delete the … paragraph"
    if verb == "replace":
        if announces and not quotes:  # "Replace operative paragraph 5 with the following:"
            return Amendment(0, "replace", target, whole=True), True
        if len(quotes) < 2:
            return None
        return Amendment(0, "replace", target, old=quotes[0], new=quotes[1]), False
    if words.new_paragraph.search(rest) or (announces and not quotes):
        # "After operative paragraph 3, insert a new paragraph reading:"
        side = "before" if prefix and words.verbs["before"].match(prefix.group(0)) else "after"
        action: Action = "add" if verb == "add" else "insert"
        return Amendment(0, action, target, anchor={side: ""}, whole=True), True
    if not quotes or where is None:
        return None
    if prefix is not None and prefix.group("anchor"):
        # "In the eighth preambular paragraph, after “States”, insert “and …”."
        side = "before" if words.verbs["before"].match(prefix.group("anchor_side")) else "after"
        return Amendment(
            0, "insert", where, new=quotes[0], anchor={side: prefix.group("anchor")}
        ), False
    return Amendment(0, "insert", where, new=quotes[0]), False


_ACTIONS = ("delete", "replace", "insert", "add")


def _next_number(document: AmendmentDocument) -> int:
    return document.amendments[-1].number + 1 if document.amendments else 1


def _target(text: str, words: _Words, part: str = "") -> Target | None:
    """The paragraphs `text` names (of `part` only, if given), or None."""
    sub = words.subparagraph.search(text)
    label = sub.group(1) if sub else None
    operative = words.operative.search(text) if part != "preamble" else None
    if operative:
        numbers = [int(n) for n in re.findall(r"\d+", operative.group("numbers"))]
        return Target("operative", numbers, label)
    preambular = words.preambular.search(text)
    if preambular:
        spelled = words.ordinal.findall(preambular.group("ordinals"))
        values = ordinal_values(words.language)
        numbers = [n for word in spelled if (n := values.get(" ".join(word.lower().split())))]
        return Target("preamble", numbers, label) if numbers else None
    # "preambular paragraph 8", "the 8th preambular paragraph": read, and A003 reports it.
    figures = words.preambular_figures.search(text)
    if figures:
        written = figures.group("numbers") or figures.group("numbers_before")
        numbers = [int(n) for n in re.findall(r"\d+", written)]
        return Target("preamble", numbers, label, figures=True)
    return None


@cache
def ordinal_values(language: str) -> dict[str, int]:
    """The ordinal words that name paragraphs, and their numbers: the session ordinals, in
    the form a paragraph takes where it differs ("premier alinéa", not "première")."""
    section = lexicon.load(language).data["amendment"]
    values: dict[str, int] = {}
    for number in range(1, ordinals.HIGHEST_SESSION + 1):
        word = ordinals.spell(number, language)
        values[word] = number
        for pattern, replacement in section.get("ordinal_corrections", []):
            values[re.sub(pattern, replacement, word)] = number
    return values


def ordinal_word(number: int, language: str) -> str:
    """How an amendment names the `number`-th preambular paragraph: "twenty-first"."""
    # (The last word given for a number: the paragraph's form, where it has its own.)
    words = ordinal_values(language).items()
    return next(word for word, value in reversed(words) if value == number)


def _instruction(text: str, words: _Words) -> bool:
    body = text[m.end() :] if (m := _NUMBER.match(text)) else text
    prefix = words.prefix.match(body)
    rest = body[prefix.end() :] if prefix else body
    return any(pattern.match(rest) for pattern in words.verbs.values())


class _Paragraph(NamedTuple):
    line: int  # where it begins
    text: str  # its lines joined into one
    written: str  # its lines as they are


def _paragraphs(text: str) -> list[_Paragraph]:
    """The text's paragraphs (runs of lines)."""
    found: list[_Paragraph] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            found.append(_Paragraph(start, " ".join(lines), "\n".join(lines)))
            lines = []
    return found


def plain(text: str) -> str:
    """A quoted paragraph's words: no italics' asterisks, footnote calls or links' targets."""
    return re.sub(rf"[*{SUPERSCRIPT_DIGITS}]", "", _LINK.sub(r"\1", text)).strip()


_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")


def _own_symbol(heading: list[_Paragraph]) -> str | None:
    for paragraph in heading:
        found = re.search(rf"(?<!\S){_SYMBOL}(?!\S)", paragraph.text)
        if found:
            return found.group()
    return None


@cache
def _words(language: str) -> _Words:
    section = lexicon.load(language).data["amendment"]
    ordinal = lexicon.alternation(lexicon.longest_first(list(ordinal_values(language))))
    and_words = lexicon.alternation(lexicon.load(language).phrases("list_and"))

    def any_of(key: str) -> str:
        return lexicon.alternation(lexicon.longest_first(section[key]))

    article = rf"(?:(?:{any_of('article')})\s+)?"
    ordinal_list = (
        rf"{article}(?:{ordinal})(?:(?:,\s*|\s+(?:{and_words})\s+){article}(?:{ordinal}))*"
    )
    number_list = rf"\d+(?:(?:,\s*|\s+(?:{and_words})\s+)\d+)*"
    operative_after = any_of("operative_after") if "operative_after" in section else ""
    operative = rf"(?:{any_of('operative')})\s+(?P<numbers>{number_list})"
    if operative_after:
        operative += rf"\s+(?:{operative_after})"
    side = rf"(?P<side>{any_of('after')}|{any_of('before')})"
    # ("À l'alinéa b) du paragraphe 4 du dispositif": the article joins its noun.)
    elided = rf"(?:{any_of('in_elided')})|" if section.get("in_elided") else ""
    return _Words(
        heading=re.compile(
            rf"^(?P<sponsors>.+?):\*{{0,3}}\s+(?:{any_of('heading')})\s+(?P<amends>{_SYMBOL}|\[\[[^\]\n]*\]\])"
        ),
        preambular=re.compile(rf"(?P<ordinals>{ordinal_list})\s+(?:{any_of('preambular')})", re.I),
        preambular_figures=re.compile(
            rf"(?:{any_of('preambular')})\s+(?P<numbers>{number_list})"
            rf"|{article}(?P<numbers_before>\d+)(?:{any_of('figure_suffix')})\s+"
            rf"(?:{any_of('preambular')})"
        ),
        operative=re.compile(operative),
        subparagraph=re.compile(rf"(?:{any_of('subparagraph')})\s+\(?([a-z]{{1,2}})\)"),
        verbs={
            "delete": re.compile(rf"(?:{any_of('delete')})\b\s*"),
            "replace": re.compile(rf"(?:{any_of('replace')})\b\s*"),
            "insert": re.compile(rf"(?:{any_of('insert')})\b\s*"),
            "add": re.compile(rf"(?:{any_of('add')})\b\s*"),
            "after": re.compile(rf"(?:{any_of('after')})\b\s*"),
            "before": re.compile(rf"(?:{any_of('before')})\b\s*"),
        },
        prefix=re.compile(
            rf"(?:(?:{any_of('in')})\s+|{elided}{side}\s+)(?P<target>[^,“\"«]+?),\s*"
            rf"(?:(?P<anchor_side>{any_of('after')}|{any_of('before')})\s+"
            rf"[“\"«]\s*(?P<anchor>.+?)\s*[”\"»]\s*,\s*)?"
        ),
        quoted=re.compile(_QUOTED),
        reading=re.compile(rf"\b(?:{any_of('reading')})\b"),
        new_paragraph=re.compile(rf"(?:{any_of('new_paragraph')})"),
        ordinal=re.compile(rf"\b(?:{ordinal})\b", re.IGNORECASE),
        language=language,
    )
