"""Find the opening phrase of a paragraph with the lexicon's openings and verbs."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


# Where a language puts the repetition adverb in an opening (the lexicon's policy):
AFTER_VERB = "after_verb"  # after the verb, inside the phrase: "Prend également note"
AFTER = "after"  # after the opening: "Recalling also", "Taking note also of"
BEFORE = "before"  # before the verb, which it capitalizes: "Also requests"


class OpeningMatcher:
    """Matches the longest listed phrase at the start of a text, with an adverb where the
    language puts it (and, in reading, wherever a drafter may have put it inside the phrase).

    A lookup of the leading words in a table, not one regex of every phrase: a regex of all
    phrases times all adverbs takes longer to compile than a resolution takes to parse.
    """

    def __init__(self, phrases: list[str], words: lexicon.Lexicon, position: str) -> None:
        self.position = position
        reflexive = self.reflexive = set(words.phrases("reflexive"))
        self.phrases: dict[tuple[str, ...], tuple[str, int]] = {}
        for phrase in phrases:
            parts = tuple(phrase.split())
            # The adverb follows the verb: "Se félicitant également", "Prie en outre".
            verb_end = 2 if parts[0] in reflexive and len(parts) > 1 else 1
            if parts[0].endswith("'") and parts[0] in reflexive:  # "S'engageant": one word
                verb_end = 1
            self.phrases[parts] = (phrase, verb_end)
        # Every beginning of a phrase: reading words one by one stops where none goes on.
        self.beginnings = {parts[:count] for parts in self.phrases for count in range(len(parts))}
        self.adverbs = [tuple(adverb.split()) for adverb in words.adverbs]
        self.longest = max(map(len, self.phrases), default=0) + max(
            map(len, self.adverbs), default=0
        )
        adverbs = lexicon.alternation(words.adverbs)
        self.adverb_pattern = re.compile(rf" +({adverbs})(?![\w'-])")
        self.leading_adverb = re.compile(rf"({adverbs}) +(?=\w)", re.IGNORECASE)

    def match(self, text: str) -> Found:
        words, ends = self._leading_words(text)
        best: tuple[int, int, str] | None = None  # (length of the phrase, words used, phrase)
        for used, phrase in self._readings(words):
            # The longest phrase wins; between equally long ones, the reading of more words.
            if best is None or (len(phrase), used) > best[:2]:
                best = (len(phrase), used, phrase)
        if best:
            return self.split(text[: ends[best[1] - 1]], known=True)
        first_word = _WORD_END.split(text, maxsplit=1)[0]
        return Found(first_word, first_word, None, False)

    def _readings(self, words: list[str]) -> Iterator[tuple[int, str]]:
        """Each listed phrase the leading words can be read as, with how many words it takes:
        the words as they are, or without an adverb where the language may put one."""
        for used, (phrase, _) in self._phrases_from(words, 0, (), 0):
            yield used, phrase
        if self.position == BEFORE:
            yield from self._after_leading_adverb(words)
            return
        # After the verb (its first one or two words), or after any word of the phrase.
        ends = range(1, min(2 if self.position == AFTER_VERB else self.longest, len(words)) + 1)
        for verb_end in ends:
            verb = tuple(words[:verb_end])
            for adverb in self.adverbs:
                after = verb_end + len(adverb)
                if tuple(words[verb_end:after]) != adverb:
                    continue
                for used, (phrase, its_verb_end) in self._phrases_from(
                    words, after, verb, len(adverb)
                ):
                    if self.position != AFTER_VERB or its_verb_end == verb_end:
                        yield used, phrase

    def _after_leading_adverb(self, words: list[str]) -> Iterator[tuple[int, str]]:
        """ "Also requests": the phrase after the adverb, its verb read with a capital."""
        for adverb in self.adverbs:
            count = len(adverb)
            if len(words) <= count or tuple(w.lower() for w in words[:count]) != adverb:
                continue
            rest = [words[count][:1].upper() + words[count][1:], *words[count + 1 :]]
            for used, (phrase, _) in self._phrases_from(rest, 0, (), 0):
                yield used + count, phrase

    def _phrases_from(
        self, words: list[str], position: int, start: tuple[str, ...], skipped: int
    ) -> Iterator[tuple[int, tuple[str, int]]]:
        """The phrases (with their verb's length) read from `start` on, then words[position:]
        one by one, and how many words each takes: `skipped` words (an adverb) count too."""
        parts = start
        while True:
            entry = self.phrases.get(parts)
            if entry:
                yield len(parts) + skipped, entry
            if position == len(words) or parts not in self.beginnings:
                return
            parts = (*parts, words[position])
            position += 1

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
        if self.position == BEFORE:
            leading = self.leading_adverb.match(opening)
            if leading:
                rest = opening[leading.end() :]
                return Found(opening, rest[:1].upper() + rest[1:], leading.group(1).lower(), known)
        adverb = self.adverb_pattern.search(opening)
        if not adverb:
            return Found(opening, opening, None, known)
        base = (opening[: adverb.start()] + opening[adverb.end() :]).strip()
        return Found(opening, base, adverb.group(1), known)

    def with_adverb(self, base: str, adverb: str) -> str:
        """The opening `base` with `adverb` where the language puts it."""
        if self.position == BEFORE:
            return f"{adverb[:1].upper()}{adverb[1:]} {base[:1].lower()}{base[1:]}"
        if self.position == AFTER:
            return f"{base} {adverb}"
        parts = base.split(" ")
        verb_end = 2 if parts[0] in self.reflexive and len(parts) > 1 else 1
        if parts[0].endswith("'"):  # "S'engageant": one word
            verb_end = 1
        return " ".join([*parts[:verb_end], adverb, *parts[verb_end:]])


@cache
def preambular(language: str) -> OpeningMatcher:
    words = lexicon.load(language)
    return OpeningMatcher(words.preambular_openings, words, words.setting("preamble_position"))


@cache
def operative(language: str) -> OpeningMatcher:
    words = lexicon.load(language)
    return OpeningMatcher(words.operative_verbs, words, words.setting("operative_position"))
