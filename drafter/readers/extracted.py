"""Read text another program took out of an official PDF into drafter's text form.

Two kinds of such text reach drafter:
- a copy of the PDF's text layer (a viewer's "copy", `pdftotext -raw`): no fonts, so no
  italics; the page furniture in the middle of the text (masthead barcode, job number,
  running header, "2/8"); each page's footnotes after a rule line, at the page's foot; calls
  flattened to plain digits beside their word ("Peoples,3", "Rights, 2");
- Markdown that PDF extractors write: front matter between "---" lines, "[^n]:" footnote
  definitions gathered at the end, and the calls as bare numbers in the text.

What comes out is drafter's text form: furniture gone, footnotes as "¹ …" lines after the body
(the normalizer then sees a text pasted without blank lines, which it reads), calls as
superscripts, a word cut after its own hyphen at a line's end whole again. Each line of it
keeps the number of the line it came from, so findings point into the user's file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import NamedTuple

from drafter.lexicon import alternation, available, load, longest_first
from drafter.model import SUPERSCRIPT_DIGITS, superscript
from drafter.normalize import LABELLED, PhraseStart, ends_and_begins, ends_paragraph
from drafter.readers import BARCODE, JOB_NUMBER, PAGE_NUMBER, has_other_markdown, rejoin_cut_word

# (Patterns are compiled on first use, by `re`: most texts are none of these.)
# The date the job was printed ("261223"), on a line of its own beside the job number in a
# copy made without options.
_PRINT_DATE = r"[0-3]\d[01]\d\d\d"
_FURNITURE = (
    rf"(?:{JOB_NUMBER}|{PAGE_NUMBER}|{BARCODE})(?: +(?:{JOB_NUMBER}|{PAGE_NUMBER}|{BARCODE}))*"
)
# Words that an anchor alone does not make furniture of: "2/6" alone might be a fraction in a
# table; a page of a copied PDF also has a job number or a barcode somewhere.
_STRONG = rf"(?:.* )?(?:{JOB_NUMBER}|{BARCODE})(?: .*)?"
_SYMBOL = r"\bA/(?:[A-Z0-9.]+/)*\d+(?:/[A-Z0-9.]+)*\b"
_NOTE_RULE = r"_{5,}"
# A section's number alone on its line ("XIII"; grammar/resolution.lark's DIVISION): its
# title follows, on a line or more, then the section's first paragraph.
_DIVISION = r"(?:[IVX]{1,5}|[A-H])\.?"
# "* In its capacity as Chair of the Committee …": a copy has no italics, so a line that
# begins with asterisks and a word is such a note.
_STAR_NOTE = r"(\*{1,3}) +(?=[A-Z])"
# A number or a label alone on its line: "1.", "(a)", "(iv)", "78/117."
_ALONE = r"\d{1,3}\.|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\)|\d{1,2}/\d{1,4}\."
_NOTE_START = r"(\d{1,3})(?: +(.*))?"
_NOTE_NUMBER = r"\d{1,3}"
_DEFINITION = r"\[\^(\d+)\]:"
_REFERENCE = r"\[\^\d+\]"
_HEADER_TITLE = 66  # characters at most in a line of the running header's title
_FRONT_MATTER_END = 40  # lines: front matter is a few keys, not a document
# A call flattened to digits. Sure: right after a lowercase letter or a punctuation mark
# ("Peoples,3", "Child7"); after punctuation and a space ("Rights, 2"), where a number before
# the punctuation is a year ("2030, 4", not "paragraphs 1, 2 and 3"); touching a year or its
# punctuation ("for 20241 and", "2015–2030.14"). Likely: after a word or a year and a space,
# before a lowercase word or the line's end ("Heritage 8 and", "2022 2 of"); after a number
# and punctuation ("age 5, 12"); at the start of a line, after punctuation on the line before
# ("51/4," / "18 and encourages"). A call touching a document's number ("resolutions 5/13":
# 5/1³) is taken only where nothing else can be (_calls_on_numbers).
# After a call: punctuation (not a number's: "4,998,800 dollars"), the line's end, a lowercase
# word, or the next item of a list of resolutions or dates ("2023,3 52/31 of", "2018, 17
# 4 February 2021").
_CALL_END = (
    r"(?=[,.;:)](?!\d)|[ \t]*$|[ \t]+[a-z]"
    r"|[ \t]+(?:S-|ES-)?\d{1,4}/\d|[ \t]+\d{1,2} [^\W\d]+ \d{4})"
)
# A number that belongs to a symbol or a reference is no call: "A/78/481/Add.3", "A/C.2/80/L.4",
# "Res.9", "para. 7", "No. 12", "vol. 1", "paragraph 8 of", "Article 1" (and their French forms).
_NUMBERED_BY = (
    "Add.", "Rev.", "Corr.", "Amend.", "Suppl.", "L.", "Res.", "para.", "paras.", "par.",
    "No.", "Nos.", "no.", "vol.", "chap.", "sect.", "Sect.", "art.", "p.", "pp.", "n°",
    "paragraph", "paragraphs", "subparagraph", "resolution", "resolutions", "decision",
    "decisions", "article", "articles", "rule", "rules", "section", "chapter", "annex", "item",
    "items", "page", "Article", "Articles", "Rule", "Rules", "Section", "Chapter", "Annex",
    "Principle", "Principles", "Goal", "SDG", "SDGs", "target", "targets", "Target",
    "paragraphe", "paragraphes", "résolution", "décision", "alinéa",
    "point",
)  # fmt: skip
# (An abbreviation numbers what touches it or follows a space; a word, what follows a space:
# "Goals13 and" is a call.)
_NOT_NUMBERED = "".join(
    (rf"(?<!\b{re.escape(word)})" if word.endswith(".") else "") + rf"(?<!\b{re.escape(word)} )"
    for word in _NUMBERED_BY
)
_SURE_CALL = (
    r"(?:(?<=[a-z,;:)\]\"”’])|(?<=\D\.)|(?<=[^\W\d][,.;:] )|(?<=[)\]\"”’] )"
    r"|(?<=[)\]\"”’][,.;:] )|(?<=\D(?:19|20)\d\d[,.;:] )"
    r"|(?<=\D(?:19|20)\d\d[,.;:])|(?<=\D(?:19|20)\d\d))"
    + _NOT_NUMBERED
    + r"(\d{1,3})"
    + _CALL_END
    # Glued to a word or its punctuation, before a capital or a bracket: "annexed,21 Member
    # States", "Destruction.14 We decide", "Child21 (all SDGs)" (no number is written so).
    + r"|(?<=[^\W\d][,;:])(\d{1,3})(?=[ \t]+[A-Z])"
    + r"|(?<=[a-z]\.)"
    + _NOT_NUMBERED
    + r"(\d{1,3})(?=[ \t]+[A-Z])|(?<=[a-z])(\d{1,3})(?=[ \t]+\()"
    # After a sentence's full stop, before a capital: "Destruction. 14 We decide" (a sentence
    # never begins with figures, and a paragraph's number has its full stop).
    + r"|(?:(?<=[a-z]\. )|(?<=[a-z]\.\n))"
    + _NOT_NUMBERED
    + r"(\d{1,3})(?=[ \t]+[A-Z])"
)
_LIKELY_CALL = (
    r"(?:(?:(?<=[A-Za-z] )|(?<=\D(?:19|20)\d\d )|(?<=\d[,.;:] )"
    # after a resolution's number and a space: "resolution 59/300 9 and"
    r"|(?<=/\d )|(?<=/\d\d )|(?<=/\d\d\d )|(?<=/\d\d\d\d ))"
    + _NOT_NUMBERED
    + r"(\d{1,3})"
    + _CALL_END
    + r"|(?<=[,.;:)\]\"”’]\n)(\d{1,3})(?=[ \t]+[a-z])"
    # After a word's comma and a space, before a capital: "annexed, 21 Member States".
    + r"|(?<=[a-z], )(\d{1,3})(?=[ \t]+[A-Z])"
    # After a word and a space, before a bracket: "the Child 21 (all SDGs)".
    + r"|(?<=[A-Za-z] )"
    + _NOT_NUMBERED
    + r"(\d{1,3})(?=[ \t]+\())"
)
# PDFium marks a word cut after its hyphen with U+FFFE (once U+0002): a copy may keep it.
_LINE_HYPHENS = str.maketrans("\ufffe\x02", "--")


class Extracted(NamedTuple):
    """The text form of an extracted text, and the line (from 1) each of its lines comes from."""

    text: str
    lines: list[int]
    kind: str = "text extracted from a PDF"


class _Line(NamedTuple):
    number: int  # 1-based, in the user's file
    text: str  # stripped
    page_start: bool = False  # the copy's form feed begins the line


def read_extracted(text: str) -> Extracted | None:
    """The text form of text extracted from a PDF; None for text that is not one (drafter's
    own text form: it is read as it is)."""
    marked = _markdown_marks(text)
    found = _read_extracted(marked)
    if found is None and marked != text:  # Markdown's marks alone: one line for one line
        lines = list(range(1, marked.count("\n") + 2))
        return Extracted(marked, lines, "Markdown text written in another style")
    return found


# Markdown's other ways of writing what drafter's text form writes one way (the line count
# stays): "_italics_" and "***bold italics***" are "*italics*", bold is nothing ("**Question
# of Guam**"), a backslash escapes ("1\. Decides", "\*"), "#" makes a heading, "<sup>1</sup>"
# is a call.
_MARKDOWN = re.compile(
    r"(?<![\w*\\])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w])|\*\*\*([^*\n]+)\*\*\*"
    r"|\*\*([^*\n]+)\*\*|__([^_\n]+)__|\\([\\`*_{}\[\]()#+\-.!|>])|^#{1,6}[ \t]+"
    r"|<sup>(\d{1,3})</sup>",
    re.MULTILINE,
)


def _markdown_marks(text: str) -> str:
    if not has_other_markdown(text):
        return text
    return _MARKDOWN.sub(_drafter_mark, text)


def _drafter_mark(found: re.Match[str]) -> str:
    italic, bold_italic, bold, underlined_bold, escaped, call = found.groups()
    if italic or bold_italic:
        return f"*{italic or bold_italic}*"
    if bold or underlined_bold:
        return bold or underlined_bold
    if escaped:
        return escaped
    return superscript(int(call)) if call else ""


def _read_extracted(text: str) -> Extracted | None:
    lines = [
        _Line(number, raw.strip(), raw.startswith("\f"))
        for number, raw in enumerate(text.split("\n"), start=1)
    ]
    front = _front_matter_end(lines)
    copied = _is_copied(lines)
    markdown = not copied and _bare_calls_wanted(text)
    if not (front or copied or markdown):
        return None
    lines = lines[front:]
    if copied:
        lines, notes, marked = _without_furniture([_spaced(line) for line in lines])
        body = [line for line in lines if line.text]
        body = _calls_rejoined(_numbers_rejoined(_in_reading_order(body)))
        body = _with_breaks(_joined(_with_calls(body, len(notes))))
        out = body + [line for note in notes + marked for line in (_Line(note.number, ""), note)]
    elif markdown:
        end = next(i for i, line in enumerate(lines) if re.match(_DEFINITION, line.text))
        out = _joined(_with_calls(lines[:end], _definitions(text))) + lines[end:]
    else:
        out = lines
    text = "\n".join(line.text for line in out).translate(_LINE_HYPHENS) + "\n"
    return Extracted(text, [line.number for line in out])


def _spaced(line: _Line) -> _Line:
    """A copied line as its words were written: one space between them (a copy of justified
    text has runs of them: "Expressing  concern  that,"), and the hyphen of a word cut at the
    line's end against it ("self -": pdfminer)."""
    if "  " not in line.text and not line.text.endswith(" -"):
        return line
    text = " ".join(line.text.split())
    if re.search(r"[^\W\d_] -$", text):
        text = text[:-2] + "-"
    return line._replace(text=text)


def _front_matter_end(lines: list[_Line]) -> int:
    """How many lines the front matter takes: "---", a few lines of keys, "---"."""
    first = next((i for i, line in enumerate(lines) if line.text), None)
    if first is None or lines[first].text != "---":
        return 0
    for at in range(first + 1, min(len(lines), first + _FRONT_MATTER_END)):
        if lines[at].text == "---":
            return at + 1
        if not re.match(r"[\w-]+ *:|- |\s*$", lines[at].text):
            return 0  # not keys: a separator line that begins the text
    return 0


def _is_copied(lines: list[_Line]) -> bool:
    """Page furniture stands on lines of its own: a job number or a barcode somewhere."""
    return any(_furniture_line(line.text) and re.fullmatch(_STRONG, line.text) for line in lines)


def _furniture_line(text: str) -> bool:
    # (The test of the first character and the length first: it spares most texts compiling
    # the pattern.)
    return len(text) < 40 and text[:1] in "*0123456789" and bool(re.fullmatch(_FURNITURE, text))


def _bare_calls_wanted(text: str) -> bool:
    """Markdown footnote definitions, and no call in the text to any of them."""
    return (
        "[^" in text
        and bool(re.search(_DEFINITION, text))
        and not any(
            re.search(_REFERENCE, line) and not re.match(_DEFINITION, line.strip())
            for line in text.split("\n")
        )
        and not any(digit in text for digit in SUPERSCRIPT_DIGITS)
    )


def _definitions(text: str) -> int:
    return max((int(m.group(1)) for m in re.finditer(_DEFINITION, text)), default=0)


def _without_furniture(lines: list[_Line]) -> tuple[list[_Line], list[_Line], list[_Line]]:
    """The lines of the body, the footnotes, each as one line "¹ …", and the notes marked with
    asterisks, each as "[^*]: …"."""
    pages = _page_count(lines)
    gone = _furniture(lines, _symbol(lines), _title(lines), pages)
    # A copy with form feeds says where each page ends: a page's footnotes run to it, whatever
    # furniture stands among them (pdftotext sets the page number between a note's number and
    # its text). Without them, the page's furniture ends its footnotes.
    paged = any(line.page_start for line in lines)
    body: list[_Line] = []
    notes: list[_Line] = []
    marked: list[_Line] = []  # notes marked with asterisks
    block: list[_Line] | None = None  # the lines under a page's footnote rule
    for at, line in enumerate(lines):
        if block is not None and (line.page_start or (at in gone and not paged)):
            _add_notes(notes, block, body)
            block = None
        if at in gone:
            continue
        if re.search(_NOTE_RULE + "$", line.text):
            # (A copy without options may glue the rule to the page's last line: "community____".)
            text = re.sub(_NOTE_RULE + "$", "", line.text)
            if text:
                body.append(_Line(line.number, text))
            block = []
            continue
        stars = re.match(_STAR_NOTE, line.text)
        if stars:  # a draft's note on its sponsor, at the page's foot, rule or no rule
            marked.append(_Line(line.number, f"[^{stars.group(1)}]: {line.text[stars.end() :]}"))
        elif block is not None:
            if line.text:
                block.append(line)
        else:
            body.append(_without_page_number(line, lines, at, gone, pages))
    if block is not None:
        _add_notes(notes, block, body)
    return body, notes, marked


def _without_page_number(
    line: _Line, lines: list[_Line], at: int, gone: set[int], pages: int | None
) -> _Line:
    """A page's last line without the page number that the copy glued to its end ("… of the
    Non-Self2/6", where the line was cut after "Non-Self-")."""
    if not pages or not line.text.endswith(f"/{pages}"):
        return line
    glued = re.search(rf"(?<=[^\d\s/])(\d{{1,3}})/{pages}$", line.text)
    following = _next_text(lines, at, 1)
    if (
        glued
        and int(glued.group(1)) <= pages
        and (following is None or following in gone or re.match(_NOTE_RULE, lines[following].text))
    ):
        return _Line(line.number, line.text[: glued.start()])
    return line


def _symbol(lines: list[_Line]) -> str | None:
    """The document's symbol, from its masthead."""
    for line in lines[:12]:
        found = re.search(_SYMBOL, line.text)
        if found:
            return found.group()
    return None


def _openings() -> re.Pattern[str]:
    """A known preambular opening, in any language, at the start of a line."""
    words = {word for language in available() for word in load(language).preambular_openings}
    return re.compile(alternation(longest_first(list(words))) + r"(?![\w'])")


def _opens_paragraph(text: str) -> bool:
    """The line begins with a known preambular opening or operative verb, in any language."""
    return any(start.match(text) for start in _paragraph_starts())


@cache
def _paragraph_starts() -> tuple[PhraseStart, ...]:
    return tuple(
        PhraseStart(words.preambular_openings + words.operative_verbs)
        for words in map(load, available())
    )


def _organ_names() -> tuple[str, ...]:
    """The organ line's words in every language: "The General Assembly,"."""
    return tuple(name for language in available() for name in load(language).setting("organ"))


def _title(lines: list[_Line]) -> str:
    """The heading's words, up to the organ line: the running header repeats the title."""
    organs = _organ_names()
    words: list[str] = []
    for line in lines[:80]:
        if line.text.startswith(organs):
            break
        words.append(line.text)
    return " ".join(words)


def _page_count(lines: list[_Line]) -> int | None:
    """How many pages the document has: what most page numbers ("2/16") are out of."""
    counts: dict[int, int] = {}
    for line in lines:
        found = re.fullmatch(_PAGE, line.text)
        if found and int(found.group(1)) <= int(found.group(2)):
            counts[int(found.group(2))] = counts.get(int(found.group(2)), 0) + 1
    return max(counts, key=lambda pages: counts[pages]) if counts else None


_PAGE = r"(\d{1,3})/(\d{1,3})"


def _is_furniture(text: str, pages: int | None) -> bool:
    """Job numbers, barcodes and page numbers alone on the line; a page number is one of the
    document's pages ("2/16"), not a resolution's number on a line of its own ("42/3")."""
    if not re.fullmatch(_FURNITURE, text):
        return False
    return all(
        int(page) <= int(count) and (pages is None or int(count) == pages)
        for page, count in re.findall(rf"(?<![\d-])(?:{_PAGE})(?!\d)", text)
    )


def _furniture(lines: list[_Line], symbol: str | None, title: str, pages: int | None) -> set[int]:
    """The indexes of furniture lines: job and page numbers and barcodes, and around them the
    running header: the symbol, and the short title (a line or two of the title) beside it."""
    masthead = next((i for i, line in enumerate(lines) if symbol and symbol in line.text), None)

    def kind(index: int) -> str:
        text = lines[index].text
        if _is_furniture(text, pages) or re.fullmatch(_PRINT_DATE, text):
            return "furniture"
        # (Measured without the run of spaces a layout copy sets between the two.)
        if symbol and symbol in text and len(" ".join(text.split())) < 120 and index != masthead:
            return "symbol"
        # (The header's title is set in a column of half the page: a body line that says the
        # title's words is longer.)
        short = 3 < len(text) < _HEADER_TITLE
        return "title" if short and f" {text} " in f" {title} " else ""

    gone: set[int] = set()
    for at, line in enumerate(lines):
        if at in gone or not _is_furniture(line.text, pages):
            continue
        gone.add(at)
        for step in (-1, 1):
            run: list[int] = []
            index = _next_text(lines, at, step)
            while index is not None and len(run) < 8:
                if kind(index):
                    run.append(index)
                # (A copy without options may set a paragraph's number among the header's
                # lines: "Combating sand and dust storms" / "1." / "A/RES/79/212".)
                elif not (run and re.fullmatch(_ALONE, lines[index].text)):
                    break
                index = _next_text(lines, index, step)
            kinds = {index: kind(index) for index in run}
            # A title's words are the header only on the symbol's side: on the other, the
            # first line of the page may be a paragraph's that says the title's words.
            with_header = "symbol" in kinds.values()
            gone.update(i for i, k in kinds.items() if k != "title" or with_header)
    return gone


def _next_text(lines: list[_Line], at: int, step: int) -> int | None:
    index = at + step
    while 0 <= index < len(lines) and not lines[index].text:
        index += step
    return index if 0 <= index < len(lines) else None


def _add_notes(notes: list[_Line], block: list[_Line], body: list[_Line]) -> None:
    """The footnotes of one page, from the lines under its rule."""
    scrambled = _scrambled_notes(block, len(notes) + 1)
    if scrambled is not None:
        notes += scrambled
        return
    for line in block:
        _add_to_notes(notes, line, body)


def _scrambled_notes(block: list[_Line], first: int) -> list[_Line] | None:
    """The notes of a page whose numbers stand alone on their lines, out of their texts' order
    (pdftotext without options: "1" / text 1 / text 2 / "3" / text 3 / "2"); None where the
    numbers are not so. The texts keep their order: they go to the numbers in turn. A number
    between two texts ends the one before; a text that ends as a note does, short, is the next
    place to cut."""
    alone = [at for at, line in enumerate(block) if re.fullmatch(_NOTE_NUMBER, line.text)]
    numbers = sorted(int(block[at].text) for at in alone)
    texts = [line for line in block if not re.fullmatch(_NOTE_NUMBER, line.text)]
    if not alone or numbers != list(range(first, first + len(alone))) or len(texts) < len(alone):
        return None
    in_order = [int(block[at].text) for at in alone] == numbers
    if in_order and all(at + 1 not in alone and at + 1 < len(block) for at in alone):
        return None  # each number before its own text: read as it comes
    cuts = _note_cuts(block, texts, len(alone) - 1)
    notes: list[_Line] = []
    for number, start, end in zip(numbers, [0, *cuts], [*cuts, len(texts)], strict=True):
        text = texts[start].text
        for line in texts[start + 1 : end]:
            text = _note_goes_on(text, line.text)
        notes.append(_Line(texts[start].number, f"{superscript(number)} {text}".rstrip()))
    return notes


def _note_cuts(block: list[_Line], texts: list[_Line], wanted: int) -> list[int]:
    """Where the texts of a page's notes part: `wanted` indexes into `texts`, in order."""
    after_number: set[int] = set()
    seen = 0  # texts before the line
    for previous, line in zip([None, *block], block, strict=False):
        if re.fullmatch(_NOTE_NUMBER, line.text):
            continue
        if seen and previous is not None and re.fullmatch(_NOTE_NUMBER, previous.text):
            after_number.add(seen)
        seen += 1
    ranked = sorted(
        range(1, len(texts)),
        key=lambda at: (
            at not in after_number,
            not (ends_paragraph(texts[at - 1].text, (".", ")")) and texts[at].text[:1].isupper()),
            len(texts[at - 1].text),
        ),
    )
    return sorted(ranked[:wanted])


def _add_to_notes(notes: list[_Line], line: _Line, body: list[_Line]) -> None:
    """A footnote begins with the next number, alone on its line or before its text; any
    other line goes on with the one before."""
    start = re.fullmatch(_NOTE_START, line.text)
    if start and int(start.group(1)) == len(notes) + 1:
        number = superscript(int(start.group(1)))
        notes.append(_Line(line.number, f"{number} {start.group(2) or ''}".rstrip()))
    elif notes:
        notes[-1] = _Line(notes[-1].number, _note_goes_on(notes[-1].text, line.text).rstrip())
    else:
        body.append(line)  # under a rule, but no footnote: text the rule does not end


def _note_goes_on(text: str, line: str) -> str:
    """A note's text with its next line: a word cut after its hyphen made whole."""
    rejoined = rejoin_cut_word(text, line)
    return " ".join(rejoined) if rejoined else f"{text} {line}"


def _joined(lines: list[_Line]) -> list[_Line]:
    """What the copy cut in the middle of a printed line is one line again: a word cut after
    its own hyphen ("self-" / "determination"), and the words after a call ("Rights,⁴" / "the
    International Covenant"): the two together no longer than a printed line."""
    printed = _printed_length(lines) * 1.1
    openings = _openings()
    out: list[_Line] = []
    for line in lines:
        last = out[-1].text if out else ""
        rejoined = rejoin_cut_word(last, line.text) if out else None
        if rejoined:
            out[-1] = _Line(out[-1].number, rejoined[0])
            line = _Line(line.number, rejoined[1])
            if not line.text:
                continue
        elif (
            last
            and last[-1] in SUPERSCRIPT_DIGITS
            and len(last) + len(line.text) < printed
            # ("annexed,²¹" / "Member States committed …": capitalized words go on too, but
            # not after a full stop, nor a paragraph that begins.)
            and (
                line.text[:1].islower()
                or (
                    last.rstrip(SUPERSCRIPT_DIGITS)[-1:] not in ".;:"
                    and not (LABELLED.match(line.text) or openings.match(line.text))
                )
            )
        ):
            out[-1] = _Line(out[-1].number, f"{last} {line.text}")
            continue
        out.append(line)
    return out


def _printed_length(lines: list[_Line]) -> int:
    """The length of a printed line: most lines of a copy are full ones."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[len(lengths) * 4 // 5] if lengths else 0


def _with_breaks(lines: list[_Line]) -> list[_Line]:
    """A blank line before each paragraph of the body: at a number, a label or a known opening,
    and after a line that ends a paragraph by its look (it ends as a paragraph does, the next
    begins as one does, and it is shorter than a printed line: most lines are printed ones, so
    their length tells it)."""
    printed = _printed_length(lines)
    organs = _organ_names()
    openings = _openings()
    out: list[_Line] = []
    in_body = in_title = False
    for at, (previous, line) in enumerate(zip([None, *lines], lines, strict=False)):
        following = lines[at + 1].text if at + 1 < len(lines) else ""
        division = re.fullmatch(_DIVISION, line.text) is not None
        if (
            in_body
            and previous is not None
            and previous.text
            and (
                LABELLED.match(line.text)
                # ("… the Global Ocean" / "Observing System": a name, not an opening.)
                or (openings.match(line.text) and ends_paragraph(previous.text))
                # (A section's title ends where its first paragraph, numbered or not, begins.)
                or (in_title and _opens_paragraph(line.text))
                or (
                    len(previous.text) < printed * 0.8 and ends_and_begins(previous.text, line.text)
                )
                or _subheading(previous.text, line.text, following)
                or (division and ends_paragraph(previous.text, (",", ";", ".", ":")))
            )
        ):
            out.append(_Line(previous.number, ""))
            in_title = False
        out.append(line)
        in_body = in_body or line.text.startswith(organs)
        in_title = in_title or division
    return out


def _in_reading_order(lines: list[_Line]) -> list[_Line]:
    """Lines that pdftotext without options sets out of their order, where a justified line
    had wide spaces, back in it: a line set a word a line after its paragraph ("55. Notes the
    significant" / "environmental threshold values;" / "progress" / "in" / "the" / …) goes
    after the short line it was cut from; a paragraph's last line set between its number and
    its first ("92." / "ranges;" / "Reiterates that … desirable") after the first."""
    out = _lone_words_back(lines)
    for at in range(len(out) - 2):
        number, last, first = out[at], out[at + 1], out[at + 2]
        if (
            re.fullmatch(_ALONE, number.text)
            and last.text[:1].islower()
            and ends_paragraph(last.text, (";", "."))
            and first.text[:1].isupper()
            and not ends_paragraph(first.text)
        ):
            out[at + 1], out[at + 2] = first, last
    return out


def _lone_words_back(lines: list[_Line]) -> list[_Line]:
    out: list[_Line] = []
    at = 0
    while at < len(lines):
        run = at
        while run < len(lines) and re.fullmatch(r"[a-z][\w’'-]*", lines[run].text):
            run += 1
        if run - at < 3 or not out:
            out.append(lines[at])
            at += 1
            continue
        words = " ".join(line.text for line in lines[at:run])
        host = _cut_line(out)
        out[host] = out[host]._replace(text=f"{out[host].text} {words}")
        at = run
    return out


def _cut_line(lines: list[_Line]) -> int:
    """The index of the line a paragraph's widely spaced line was cut from: the shortest of
    the last paragraph's lines that does not end it (its calls still plain digits: "values;
    33")."""
    ends = [ends_paragraph(re.sub(r" ?\d{1,3}$", "", line.text)) for line in lines]
    first = len(lines) - 1
    while first > 0 and not ends[first - 1]:
        first -= 1
    inside = [index for index in range(first, len(lines)) if not ends[index]]
    return min(inside, key=lambda index: len(lines[index].text), default=len(lines) - 1)


def _numbers_rejoined(lines: list[_Line]) -> list[_Line]:
    """A paragraph's number, a subparagraph's label or a resolution's number alone on its line,
    the text on the next ("1." / "Decides that …": the usual copy of a PDF's paragraphs, set
    with a tab after the number), one line again."""
    out: list[_Line] = []
    for line in lines:
        if out and re.fullmatch(_ALONE, out[-1].text) and not re.fullmatch(_ALONE, line.text):
            out[-1] = _Line(out[-1].number, f"{out[-1].text} {line.text}")
        else:
            out.append(line)
    return out


def _subheading(previous: str, text: str, following: str) -> bool:
    """A heading among the operative paragraphs, between the end of one and the number of the
    next ("Budget performance report for the period from 1 July 2022 to 30 June 2023"), or
    an instrument's title after the paragraph that adopts it ("… and its annexes:" / "The
    Pact for the Future" / "1. We, …")."""
    return (
        ends_paragraph(previous, (";", ".", ":"))
        and text[:1].isupper()
        and not ends_paragraph(text, (",", ";", ":", "."))
        and bool(LABELLED.match(following))
    )


def _calls_rejoined(lines: list[_Line]) -> list[_Line]:
    """A raised call that the copy set on a line of its own ("(XV)," / "7") goes back to the
    end of the line before it."""
    out: list[_Line] = []
    for line in lines:
        if out and len(line.text) <= 3 and line.text.isdigit():
            out[-1] = _Line(out[-1].number, out[-1].text + line.text)
        else:
            out.append(line)
    return out


def _with_calls(lines: list[_Line], notes: int) -> list[_Line]:
    """The calls of footnotes 1…`notes` as superscripts."""
    if not notes:
        return lines
    text = "\n".join(line.text for line in lines)
    calls = _calls(text, notes)
    _calls_on_numbers(text, notes, calls)
    pieces: list[str] = []
    done = 0
    for number, start in sorted(calls.items(), key=lambda item: item[1]):
        end = start + len(str(number))
        call = superscript(number)
        if text[start - 1] == "\n":  # back to the end of the line before, with its word
            pieces += (text[done : start - 1], call, "\n")
            done = end + 1 if text[end : end + 1] == " " else end
            continue
        cut = start - 1 if text[start - 1] == " " else start  # "Rights, 2" → "Rights,²"
        pieces += (text[done:cut], call)
        done = end
    pieces.append(text[done:])
    changed = "".join(pieces).split("\n")
    return [_Line(line.number, new) for line, new in zip(lines, changed, strict=True)]


def _calls(text: str, notes: int) -> dict[int, int]:
    """Where each call is. The UN numbers footnotes in the order of their calls, so the call
    of each comes after the one before, and before the first sure call of the next ones (one
    of them may be missing): there, its first sure call, or else its first likely one."""
    sure = _positions(_SURE_CALL, text)
    likely = _positions(_LIKELY_CALL, text)
    calls: dict[int, int] = {}
    done = 0
    for number in range(1, notes + 1):
        limit = min(_first(sure.get(number + k, []), done, len(text)) for k in (1, 2, 3))
        start = _first(sure.get(number, []), done, limit)
        if start == limit:
            start = _first(likely.get(number, []), done, limit)
        if start < limit:
            calls[number] = start
            done = start + len(str(number))
    return calls


def _calls_on_numbers(text: str, notes: int, calls: dict[int, int]) -> None:
    """A call not found may touch a document's number ("resolution 59/3009 and": 59/300⁹).
    Between the calls before and after it, one number alone ends with it, not followed by
    "of" (the date of a resolution comes before its call): that is it."""
    # The first call after each number's place (computed once: the calls found here are of
    # that number alone), and the last before it as the numbers go up.
    after_each: dict[int, int | None] = {}
    first: int | None = None
    for number in range(notes, 0, -1):
        after_each[number] = first
        if number in calls:
            first = calls[number] if first is None else min(first, calls[number])
    before = 0
    for number in range(1, notes + 1):
        after = after_each[number]
        # With no call found after it (but for the last note), the gap is too wide to tell.
        if number not in calls and (after is not None or number == notes):
            gap = re.compile(rf"\b\d+/\d+?({number})(?![\d/])(?! of\b)")
            found = list(gap.finditer(text, before, len(text) if after is None else after))
            if len(found) == 1:
                calls[number] = found[0].start(1)
        if number in calls:
            before = max(before, calls[number])


def _positions(pattern: str, text: str) -> dict[int, list[int]]:
    """Where each number stands as the pattern finds it, in order."""
    found: dict[int, list[int]] = {}
    for match in re.finditer(pattern, text, re.MULTILINE):
        group = match.lastindex or 1  # the pattern's alternatives each have a group
        found.setdefault(int(match.group(group)), []).append(match.start(group))
    return found


def _first(starts: list[int], after: int, before: int) -> int:
    """The first of `starts` from `after` on, if it is before `before`; else `before`."""
    at = bisect_left(starts, after)
    return starts[at] if at < len(starts) and starts[at] < before else before
