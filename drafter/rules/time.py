"""Time: events announced as to come that have already happened (CONVENTIONS §6, point 4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from drafter.events import stale_events
from drafter.rules.base import Document, Finding, Rule, Severity, register

# How long before the plenary's adoption a Main Committee may have settled the text.
COMMITTEE_STAGE = timedelta(days=61)


@register
class StaleFutureEvent(Rule):
    """An event announced as to come ("qui se tiendra", "attend avec intérêt") has happened.

    This is what goes wrong when last year's text is reused: the event is now past. Turn it
    into a past event ("qui s'est tenue", "se félicite de la tenue") or drop it. The
    reference date is the adoption date, else the date of issue, else today. An adopted text
    was settled in its Main Committee up to two months before the plenary adopted it (in
    November, for December): an event of those weeks was still to come when it was written
    (A/RES/79/212, adopted on 19 December 2024, "to be held on 13 December 2024"). An event
    that `drafter new` has marked with a placeholder after its date is left to X001.

    Wrong (in a text adopted on 19 December 2024):
        *Attend avec intérêt* la conférence qui se tiendra du 20 au 22 mars 2024 ;

    Right:
        *Se félicite* de la tenue de la conférence du 20 au 22 mars 2024 ;
    """

    code = "T001"
    name = "stale-future-event"
    severity = Severity.warning
    summary = "No event is announced as to come when its date has passed."

    def check(self, document: Document) -> Iterator[Finding]:
        reference = document.reference_date
        settled = reference
        if document.resolution.heading.adopted_on is not None:
            settled -= COMMITTEE_STAGE
        language = document.resolution.language
        for block in document.resolution.paragraph_blocks():
            for event in stale_events(block.text, settled, language):
                yield self.finding(
                    block.span(event.announce.start(), event.announce.end()),
                    f'"{event.announce.group(0)}" announces an event'
                    f" ({event.when.group(0).strip()}) already past on {reference.isoformat()}:"
                    " update or drop it",
                )
