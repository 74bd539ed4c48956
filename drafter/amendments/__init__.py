"""Amendments in the General Assembly's own form: an L. document that changes a draft
("Delete the twenty-first preambular paragraph …", "In operative paragraph 5, replace
“encourages” with “calls upon”."). `read` turns its text into a model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lexicon

if TYPE_CHECKING:
    from drafter.amendments.model import AmendmentDocument
    from drafter.model import Resolution


def mentions_amendment(text: str) -> bool:
    """Whether `text` holds an amendment document's heading phrase ("amendment to draft
    resolution"), in any language: the test before anything is compiled to read one."""
    return any(
        phrase in text
        for language in lexicon.available()
        for phrase in lexicon.load(language).data["amendment"]["heading"]
    )


def amendment_in(text: str) -> AmendmentDocument | None:
    """The amendment document `text` is, or None; what reads one is imported only for a text
    that says the words."""
    if not mentions_amendment(text):
        return None
    from drafter.amendments.read import find_amendment

    return find_amendment(text)


def document_symbol(resolution: Resolution) -> str | None:
    """The symbol an amendment names the draft by: its own, or an adopted resolution's number
    as its document's ("62/209" → "A/RES/62/209")."""
    symbol = resolution.symbol
    if not symbol or symbol[:1].isalpha():
        return symbol
    return f"A/RES/{symbol}"
