"""Grammar and spelling through a LanguageTool server (`drafter lint --language-check`).

document → prose of each paragraph and footnote (prose.py: markup out, symbols masked) →
requests, few and cached (client.py) → matches → findings `L<rule id>` at their place in
the file. Nothing is sent unless a server is configured: drafts are confidential.
"""

from __future__ import annotations

import re

from drafter.languagetool.client import Match, Unavailable, check_texts, printable
from drafter.languagetool.prose import Prose, prose_of
from drafter.languagetool.words import word_list
from drafter.model import Inline
from drafter.rules.base import Document, Edit, Finding, Fix, Severity

__all__ = ["Prose", "Unavailable", "code_of", "findings"]

MAX_SUGGESTIONS = 3


def findings(
    document: Document,
    server: str,
    *,
    disabled_rules: tuple[str, ...] = (),
    fix: bool = False,
    cache: bool = True,
    timeout: float = 20,
    path: str = "-",
) -> list[Finding]:
    """LanguageTool's matches on the document's paragraphs and footnotes, as findings."""
    blocks = _blocks(document)
    proses = [prose_of(block) for block in blocks]
    # LanguageTool's code for the language: "en-GB" (the UN spells the Oxford way), "fr".
    language = document.words.setting("code")
    matches = check_texts(
        [p.text for p in proses], server, language, disabled_rules, cache=cache, timeout=timeout
    )
    known = word_list(path, document.resolution.language)
    found = []
    for block, prose, block_matches in zip(blocks, proses, matches, strict=True):
        for match in block_matches:
            word = prose.text[match.offset : match.offset + match.length]
            if match.misspelling and word in known:
                continue
            start, end = prose.to_canonical(match.offset, match.offset + match.length)
            found.append(_finding(document, block, start, end, match, fix))
    return found


def _blocks(document: Document) -> list[Inline]:
    resolution = document.resolution
    return resolution.paragraph_blocks() + [footnote.content for footnote in resolution.footnotes]


def _finding(
    document: Document, block: Inline, start: int, end: int, match: Match, fix: bool
) -> Finding:
    message = match.message
    if match.replacements:
        shown = ", ".join(f"« {printable(r)} »" for r in match.replacements[:MAX_SUGGESTIONS])
        message += f" (suggestion: {shown})"
    repair = None
    if fix and len(match.replacements) == 1:
        edit: Edit = document.edit(block, start, end, match.replacements[0])
        if _harmless(edit, document.text):
            repair = Fix((edit,), safe=True)
    return Finding(
        code=code_of(match.rule_id),
        name=match.rule_id.lower().replace("_", "-"),
        severity=Severity.warning,
        message=message,
        span=block.span(start, end),
        fix=repair,
    )


def _harmless(edit: Edit, text: str) -> bool:
    """A suggestion is applied only inside one line, and only as printable text: a server's
    answer is not trusted to change the structure of a draft."""
    replaced = text[edit.start : edit.end]
    return (
        0 <= edit.start <= edit.end <= len(text)
        and "\n" not in replaced
        and printable(edit.replacement) == edit.replacement
        and "\u2028" not in edit.replacement
        and "\u2029" not in edit.replacement
    )


def code_of(rule_id: str) -> str:
    """drafter's code for a LanguageTool rule: "FR_SPELLING_RULE" → "LFR_SPELLING_RULE"."""
    return "L" + re.sub(r"[^A-Z0-9_]", "_", rule_id.upper())
