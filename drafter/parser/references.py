"""References to the text's own paragraphs in a block's canonical text: "paragraph 5 above",
"paragraphs 3 and 4 of the present resolution", "subparagraph (b) of paragraph 3",
"l'alinéa b) du paragraphe 3", "paragraphe 5 ci-dessus". The words come from the lexicon; a
paragraph of another text ("paragraph 7 of resolution 70/1") is not one."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from drafter import lexicon


class Found(NamedTuple):
    number: int
    label: str | None
    start: int  # of the number
    end: int


class _Patterns(NamedTuple):
    listed: re.Pattern[str]  # "paragraphs 3 (b) and 4 above"
    within: re.Pattern[str]  # "subparagraph (b) of paragraph 3"
    one: re.Pattern[str]  # a number of a list, and its label
    after: re.Pattern[str]  # what says whose paragraph it is, after its number
    words: tuple[str, ...]  # the words for paragraph: every reference has one


def references(text: str, language: str) -> list[Found]:
    """The references, in the order of the text."""
    patterns = _patterns(language)
    if not any(word in text for word in patterns.words):  # most paragraphs refer to none
        return []
    found: dict[int, Found] = {}
    for match in patterns.listed.finditer(text):
        for one in patterns.one.finditer(match.group(1)):
            start = match.start(1) + one.start(1)
            found[start] = Found(int(one.group(1)), one.group(2), start, start + len(one.group(1)))
    for match in patterns.within.finditer(text):  # "l'alinéa b) du paragraphe 3 ci-dessus"
        whose = patterns.after.match(text, match.end())
        if whose is None or whose.group("own"):
            found[match.start(2)] = Found(
                int(match.group(2)), match.group(1), match.start(2), match.end(2)
            )
    return [found[start] for start in sorted(found)]


@cache
def _patterns(language: str) -> _Patterns:
    words = lexicon.load(language)

    def any_of(key: str) -> str:
        return lexicon.alternation(words.phrases(key))

    opening, closing = (re.escape(words.setting(k)) for k in ("label_open", "label_close"))
    label = rf"{opening}([a-z]|[ivx]{{1,5}}){closing}"
    number = rf"\d{{1,3}}(?: *{label})?"
    joined = lexicon.alternation([*words.phrases("list_and"), *words.phrases("list_to")])
    numbers = rf"{number}(?:(?: *, *| +{joined} +){number})*"
    paragraph = any_of("paragraph_word")
    return _Patterns(
        re.compile(rf"(?<!\w){paragraph} +({numbers}) +{any_of('own_text')}(?!\w)"),
        re.compile(
            rf"(?<!\w){any_of('subparagraph_word')} +{label} +{any_of('subparagraph_of')}"
            rf" +{paragraph} +(\d{{1,3}})(?!\d)"
        ),
        re.compile(rf"(\d{{1,3}})(?: *{label})?"),
        re.compile(rf" +(?:(?P<own>{any_of('own_text')})|{any_of('elsewhere')})(?!\w)"),
        tuple(words.phrases("paragraph_word")),
    )
