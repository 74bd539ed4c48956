"""Find the opening phrase of a paragraph with the lexicon's openings and verbs."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from drafter import lexicon


class Found(NamedTuple):
    text: str  # as written, with its adverb
    base: str  # without the adverb
    adverb: str | None
    known: bool


_WORD = re.compile(r"([\w'-]+)( *)")
_WORD_END = re.compile(r"[\s,;:.]")


class OpeningMatcher:
    """Matches the longest listed phrase at the start of a text, with an adverb after its verb.

    A lookup of the leading words in a table, not one regex of every phrase: a regex of all
    phrases times all adverbs takes longer to compile than a resolution takes to parse.
    """

    def __init__(self, phrases: list[str], words: lexicon.Lexicon) -> None:
        reflexive = set(words.phrases("reflexive"))
        self.phrases: dict[tuple[str, ...], tuple[str, int]] = {}
        for phrase in phrases:
            parts = tuple(phrase.split())
            # The adverb follows the verb: "Se félicitant également", "Prie en outre".
            verb_end = 2 if parts[0] in reflexive and len(parts) > 1 else 1
            if parts[0].endswith("'") and parts[0] in reflexive:  # "S'engageant": one word
                verb_end = 1
            self.phrases[parts] = (phrase, verb_end)
        self.adverbs = [tuple(adverb.split()) for adverb in words.adverbs]
        self.longest = max(map(len, self.phrases), default=0) + max(
            map(len, self.adverbs), default=0
        )
        self.adverb_pattern = re.compile(rf" +({lexicon.alternation(words.adverbs)})(?![\w'-])")

    def match(self, text: str) -> Found:
        words, ends = self._leading_words(text)
        best: tuple[int, int, str] | None = None  # (length of the phrase, words used, phrase)
        for count in range(len(words), 0, -1):
            for candidate, used in self._readings(words[:count]):
                entry = self.phrases.get(candidate)
                if entry and (best is None or len(entry[0]) > best[0]):
                    best = (len(entry[0]), used, entry[0])
        if best:
            return self.split(text[: ends[best[1] - 1]], known=True)
        first_word = _WORD_END.split(text, maxsplit=1)[0]
        return Found(first_word, first_word, None, False)

    def _readings(self, words: list[str]) -> list[tuple[tuple[str, ...], int]]:
        """The words as a phrase, and as a phrase with an adverb after its first one or two."""
        readings = [(tuple(words), len(words))]
        for verb_end in (1, 2):
            for adverb in self.adverbs:
                if tuple(words[verb_end : verb_end + len(adverb)]) == adverb:
                    rest = words[:verb_end] + words[verb_end + len(adverb) :]
                    entry = self.phrases.get(tuple(rest))
                    if entry and entry[1] == verb_end:
                        readings.append((tuple(rest), len(words)))
        return readings

    def _leading_words(self, text: str) -> tuple[list[str], list[int]]:
        """The first words of the text joined by spaces only, and where each ends."""
        words: list[str] = []
        ends: list[int] = []
        position = 0
        while len(words) < self.longest:
            found = _WORD.match(text, position)
            if not found:
                break
            words.append(found.group(1))
            ends.append(found.end(1))
            if not found.group(2):
                break
            position = found.end()
        return words, ends

    def split(self, opening: str, *, known: bool) -> Found:
        """Separate the repetition adverb from an opening phrase."""
        adverb = self.adverb_pattern.search(opening)
        if not adverb:
            return Found(opening, opening, None, known)
        base = (opening[: adverb.start()] + opening[adverb.end() :]).strip()
        return Found(opening, base, adverb.group(1), known)


@cache
def preambular(language: str) -> OpeningMatcher:
    words = lexicon.load(language)
    return OpeningMatcher(words.preambular_openings, words)


@cache
def operative(language: str) -> OpeningMatcher:
    words = lexicon.load(language)
    return OpeningMatcher(words.operative_verbs, words)
