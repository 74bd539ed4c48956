"""Amendments in the General Assembly's own form: an L. document that changes a draft
("Delete the twenty-first preambular paragraph …", "In operative paragraph 5, replace
“encourages” with “calls upon”."). `read` turns its text into a model."""

from drafter import lexicon


def mentions_amendment(text: str) -> bool:
    """Whether `text` holds an amendment document's heading phrase ("amendment to draft
    resolution"), in any language: the test before anything is compiled to read one."""
    return any(
        phrase in text
        for language in lexicon.available()
        for phrase in lexicon.load(language).data["amendment"]["heading"]
    )
