"""Compile the grammars of grammar/ for one language, once, and cache the result on disk."""

from __future__ import annotations

import hashlib
import re
from functools import cache

from lark import Lark
from lark import __version__ as lark_version

from drafter import lexicon, package_data
from drafter.cache import cache_dir

_PLACEHOLDER = re.compile(r"@([a-z_]+)(:initials)?@")


def fill(template: str, language: str) -> str:
    """Replace each @name@ of a grammar with the lexicon's phrases for `name`, as a regex
    alternation, and each @name:initials@ with their first letters, for a character class."""
    words = lexicon.load(language)

    def phrases(match: re.Match[str]) -> str:
        listed = words.phrases(match.group(1))
        if match.group(2):
            return "".join(sorted({re.escape(phrase[0]) for phrase in listed}))
        return lexicon.alternation(listed).replace("/", r"\/")

    return _PLACEHOLDER.sub(phrases, template)


@cache
def grammar_parser(name: str, language: str) -> Lark:
    """The LALR parser (contextual lexer: linear time) of grammar/<name>.lark."""
    template = package_data.read_text("drafter.grammar", f"{name}.lark")
    source = fill(template, language)
    return Lark(
        source,
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=False,
        cache=_cache_file(name, language, source),
    )


def _cache_file(name: str, language: str, source: str) -> str | bool:
    """Where the compiled grammar is kept between runs (Lark checks the hash when loading)."""
    folder = cache_dir()
    if folder is None:
        return False
    digest = hashlib.sha256(source.encode()).hexdigest()[:16]
    return str(folder / f"{name}-{language}-{digest}-lark{lark_version}.cache")
