"""Words LanguageTool may not know but a resolution uses: the lexicon's list of UN terms, and
the project's own `drafter.dic` (one word a line, # for comments), found by walking up from
the linted file as the configuration is."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from drafter import lexicon
from drafter.config import folder_of

WORD_LIST = "drafter.dic"


def word_list(path: str, language: str) -> frozenset[str]:
    return _builtin(language) | _project_words(folder_of(path))


@cache
def _builtin(language: str) -> frozenset[str]:
    return frozenset(lexicon.load(language).phrases("known_words"))


@cache
def _project_words(folder: Path) -> frozenset[str]:
    for candidate in (folder, *folder.parents):
        listed = candidate / WORD_LIST
        if listed.is_file():
            return frozenset(_read(listed))
    return frozenset()


def _read(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    # The prose has straight apostrophes (drafter.normalize); so must the words it is matched to.
    words = (line.split("#", 1)[0].strip().replace("\u2019", "'") for line in lines)
    return [word for word in words if word]
