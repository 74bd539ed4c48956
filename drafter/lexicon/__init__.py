"""The words of each language: one TOML file per language beside this module."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from drafter import package_data
from drafter.cache import toml_data


class UnknownLanguage(ValueError):
    """No lexicon exists for the requested language."""


@dataclass(frozen=True)
class Lexicon:
    """The conventions of one language, as read from its data file."""

    language: str
    data: dict[str, Any] = field(repr=False)

    def words(self, section: str, key: str) -> list[str]:
        return list(self.data[section][key])

    @property
    def months(self) -> list[str]:
        return self.words("dates", "months")

    @property
    def preambular_openings(self) -> list[str]:
        return self.words("preamble", "openings")

    @property
    def operative_verbs(self) -> list[str]:
        return self.words("operative", "verbs")

    @property
    def repetition_adverbs(self) -> list[str]:
        return self.words("adverbs", "repetition")

    @property
    def adverbs(self) -> list[str]:
        return self.repetition_adverbs + self.words("adverbs", "other")

    def phrases(self, key: str) -> list[str]:
        """The phrases listed under `key`, in whichever section holds it."""
        return list(self.setting(key))

    def pairs(self, key: str) -> list[tuple[str, str]]:
        """The pairs listed under `key` (a wrong form and the right one, say)."""
        return [(first, second) for first, second in self.setting(key)]

    def setting(self, key: str) -> Any:
        """The value of `key`, in whichever section holds it."""
        for section in self.data.values():
            if isinstance(section, dict) and key in section:
                return section[key]
        raise KeyError(f"lexicon {self.language!r} has no entry {key!r}")


def longest_first(phrases: list[str]) -> list[str]:
    """Distinct phrases, longest first so a regex alternation prefers them; ties alphabetical,
    so that the grammar text (and the key of its cache) is the same in every process."""
    return sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))


def alternation(phrases: list[str]) -> str:
    """A regex group that matches any of the literal phrases, the longest it can, where a space
    matches any run of spaces.

    The phrases are merged into a tree of their common beginnings ("qui +(?:se +tiendra|aura
    +lieu)"): at each letter the regex engine has one way on, where a plain list of phrases
    would be tried one phrase after the other at every place it might start. Wherever a
    phrase could end, going on comes first, so the longest phrase wins, as longest-first
    alternatives would. The same phrases give the same regex, in any order.
    """
    tree: dict[str, dict] = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return "(?:" + _branches(tree) + ")"


def _branches(node: dict[str, dict]) -> str:
    ways = [
        (" +" if char == " " else re.escape(char)) + _branches(rest)
        for char, rest in sorted(node.items())
        if char
    ]
    if not ways:
        return ""
    body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def load(language: str) -> Lexicon:
    try:
        text = package_data.read_text(__name__, f"{language}.toml")
    except FileNotFoundError:
        raise UnknownLanguage(
            f"no lexicon for language {language!r} (known: {', '.join(available())})"
        ) from None
    return Lexicon(language, toml_data(text, f"lexicon-{language}"))


@cache
def available() -> tuple[str, ...]:
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in package_data.folder(__name__).iterdir()
            if entry.name.endswith(".toml")
        )
    )
