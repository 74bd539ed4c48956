"""Placeholders: what `drafter new` leaves for a human to fill must be filled before submission."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.model import PLACEHOLDER
from drafter.rules.base import Document, Finding, Rule, Severity, register


@register
class Placeholder(Rule):
    """No template placeholder is left in the text.

    `drafter new` marks what a human must decide as [[…]]; a draft that still has one is
    unfinished and must not be submitted (the pre-commit hook fails on it).

    Wrong:
        Résolution adoptée par l'Assemblée générale le [[date d'adoption]]

    Right:
        Résolution adoptée par l'Assemblée générale le 19 décembre 2024
    """

    code = "X001"
    name = "placeholder"
    severity = Severity.error
    summary = "No template placeholder ([[…]], {{…}}) is left in the text."

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks_where(PLACEHOLDER, ("[[", "{{", "{%")):
            for match in PLACEHOLDER.finditer(block.text):
                yield self.finding(
                    block.span(*match.span()), f"placeholder left to fill: {match.group(0)}"
                )
        closing = document.resolution.closing
        if closing is None:
            return
        # The plenary line is no inline block; its placeholders are reported on their line.
        for text, span in (
            (closing.meeting_text, closing.span),
            (closing.date_text, closing.date_span or closing.span),
        ):
            for match in PLACEHOLDER.finditer(text or ""):
                yield self.finding(span, f"placeholder left to fill: {match.group(0)}")
