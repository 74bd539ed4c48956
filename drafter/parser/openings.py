"""Find the opening phrase of a paragraph with the lexicon's openings and verbs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafter import lexicon


@dataclass(frozen=True)
class Found:
    text: str  # as written, with its adverb
    base: str  # without the adverb
    adverb: str | None
    known: bool


class OpeningMatcher:
    """Matches any listed phrase at the start of a text, with an adverb after its verb."""

    def __init__(self, phrases: list[str], words: lexicon.Lexicon) -> None:
        adverb = lexicon.alternation(words.adverbs)
        reflexive = set(words.phrases("reflexive"))
        alternatives = []
        for phrase in lexicon.longest_first(phrases):
            parts = phrase.split(" ")
            verb_end = 2 if parts[0] in reflexive and len(parts) > 1 else 1
            if parts[0].endswith("'") and parts[0] in reflexive:  # "S'engageant": one word
                verb_end = 1
            head = " ".join(parts[:verb_end])
            tail = " ".join(parts[verb_end:])
            pattern = re.escape(head).replace(r"\ ", " +") + f"(?: +{adverb})?"
            if tail:
                pattern += " +" + re.escape(tail).replace(r"\ ", " +")
            alternatives.append(pattern)
        self.pattern = re.compile("(?:" + "|".join(alternatives) + r")(?![\w'-])")
        self.adverb_pattern = re.compile(rf" +({adverb})(?![\w'-])")

    def match(self, text: str) -> Found:
        found = self.pattern.match(text)
        if found:
            return self.split(found.group(0), known=True)
        first_word = re.match(r"[^\s,;:.]*", text).group(0)
        return Found(first_word, first_word, None, False)

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
