"""Verbs and openings: how paragraphs begin (CONVENTIONS §1.2, §1.3 and §2)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from drafter import lexicon
from drafter.model import Opening, OperativeParagraph, PreambularParagraph
from drafter.parser import openings
from drafter.rules.base import Document, Finding, Fix, Rule, Severity, register

Paragraph = PreambularParagraph | OperativeParagraph


def is_known(base: str, known: frozenset[str]) -> bool:
    """A lexicon phrase, possibly followed by its complement ("Réaffirme son soutien total")."""
    words = base.split(" ")
    return any(" ".join(words[:end]) in known for end in range(1, len(words) + 1))


def listed_openings(language: str, operative: bool) -> list[str]:
    """The operative verbs, or the preambular openings, as the lexicon lists them."""
    words = lexicon.load(language)
    return words.operative_verbs if operative else words.preambular_openings


@cache  # the same set for every text: made once, not once per text and rule
def known_openings(language: str, operative: bool) -> frozenset[str]:
    """`listed_openings` as a set, for `is_known`."""
    return frozenset(listed_openings(language, operative))


def suggestion(base: str, phrases: list[str]) -> str | None:
    import difflib  # only for an unknown verb: a lint that has none does not pay its import

    first_words = {phrase.split(" ")[0]: phrase for phrase in phrases}
    close = difflib.get_close_matches(base, phrases, n=1, cutoff=0.75)
    if not close:
        words = difflib.get_close_matches(base.split(" ")[0], list(first_words), n=1, cutoff=0.7)
        close = [first_words[words[0]]] if words else []
    return close[0] if close else None


def has_italics(document: Document) -> bool:
    return any(p.content.italics for p in document.paragraphs)


@register
class OperativeVerbItalic(Rule):
    """The verb or phrase that opens an operative paragraph is in italics.

    Checked only where the text carries italic markup (`*…*`) at all; a plain-text export
    has none, and V002 says so once instead.

    Wrong:
        3. Souligne que la coopération Sud-Sud …

    Right:
        3. *Souligne* que la coopération Sud-Sud …
    """

    code = "V001"
    name = "operative-verb-italic"
    severity = Severity.error
    summary = "The opening verb of an operative paragraph is in italics."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        if not has_italics(document):
            return
        verbs = known_openings(document.resolution.language, operative=True)
        for paragraph in document.resolution.operative:
            verb = paragraph.verb
            if verb.italic or not verb.text:
                continue
            fix = None
            if is_known(verb.base, verbs):
                content, end = paragraph.content, len(verb.text)
                fix = Fix(
                    (document.edit(content, 0, 0, "*"), document.edit(content, end, end, "*"))
                )
            yield self.finding(verb.span, f"put the operative verb in italics: *{verb.text}*", fix)


@register
class NoItalicMarkup(Rule):
    """The text carries no italic markup at all.

    Operative verbs are printed in italics. A text exported as plain text loses them, so
    drafter cannot check V001; it says so once. Mark italics with asterisks: `*Décide*`.

    Wrong:
        1. Décide de …

    Right:
        1. *Décide* de …
    """

    code = "V002"
    name = "no-italic-markup"
    severity = Severity.warning
    summary = "The text has no italic markup, so the italics of verbs cannot be checked."

    def check(self, document: Document) -> Iterator[Finding]:
        operative = document.resolution.operative
        if operative and not has_italics(document):
            verb = operative[0].verb.base or document.words.operative_verbs[0]
            yield self.finding(
                operative[0].verb.span,
                "no italic markup in this text (a plain-text export?): mark operative verbs "
                f"as *{verb}*, or ignore V002",
            )


class _KnownOpening(Rule):
    severity = Severity.warning
    operative = False

    def check(self, document: Document) -> Iterator[Finding]:
        resolution = document.resolution
        paragraphs = resolution.operative if self.operative else resolution.preamble
        known = known_openings(resolution.language, self.operative)
        for paragraph in paragraphs:
            opening = paragraph.opening
            if is_known(opening.base, known):
                continue
            text = opening.text or paragraph.content.text[:20]
            close = suggestion(opening.base, listed_openings(resolution.language, self.operative))
            hint = f'; did you mean "{close}"?' if close else ""
            kind = "operative verb" if self.operative else "preambular opening"
            yield self.finding(opening.span, f'unknown {kind} "{text}"{hint}')


@register
class UnknownOperativeVerb(_KnownOpening):
    """An operative paragraph opens with a verb or phrase of the lexicon.

    Operative verbs are in the present indicative, third person ("Décide", "Prie",
    "Se félicite"). An unknown one is often a misspelling; the message suggests the nearest
    known verb. Add real ones to the lexicon (`drafter/lexicon/fr.toml`).

    Wrong:
        4. *Encourge* les États Membres …

    Right:
        4. *Encourage* les États Membres …
    """

    code = "V003"
    name = "unknown-operative-verb"
    summary = "An operative paragraph opens with a known operative verb or phrase."
    operative = True


@register
class UnknownPreambularOpening(_KnownOpening):
    """A preambular paragraph opens with a participle or an adjective of the lexicon.

    Wrong:
        Rapelant sa résolution 77/185,

    Right:
        Rappelant sa résolution 77/185,
    """

    code = "V004"
    name = "unknown-preambular-opening"
    summary = "A preambular paragraph opens with a known participle or adjective."


def _runs(paragraphs: Sequence[Paragraph]) -> Iterator[tuple[int, Paragraph]]:
    """Each paragraph with its position in the run of consecutive same openings (0 = first)."""
    position, previous = 0, None
    for paragraph in paragraphs:
        if (
            previous
            and previous.opening.base == paragraph.opening.base
            and previous.division == paragraph.division
        ):
            position += 1
        else:
            position = 0
        yield position, paragraph
        previous = paragraph


def _matcher(document: Document, paragraph: Paragraph) -> openings.OpeningMatcher:
    language = document.resolution.language
    if isinstance(paragraph, OperativeParagraph):
        return openings.operative(language)
    return openings.preambular(language)


def _verb(opening: Opening) -> str:
    return opening.base.split(" ")[0].lower()


class _Repetition(Rule):
    severity = Severity.warning

    def runs(self, document: Document) -> Iterator[tuple[int, Paragraph]]:
        yield from _runs(document.resolution.preamble)
        yield from _runs(document.resolution.operative)

    def expected(self, document: Document, position: int) -> list[str | None]:
        """The adverbs the position in a run takes: none, then "également", then "en outre"."""
        repetition = document.words.repetition_adverbs
        others = document.words.words("adverbs", "other")
        cycle = position % (len(repetition) + 1)
        if cycle == 0:
            return [None]
        accepted: list[str | None] = [repetition[cycle - 1]]
        if cycle - 1 < len(others):
            accepted.append(others[cycle - 1])
        return accepted


@register
class RepetitionAdverb(_Repetition):
    """Consecutive paragraphs that open alike take "également", then "en outre".

    The second of a run takes "également", the third "en outre"; the fourth starts the cycle
    again with the bare form. Adopted texts sometimes depart from this, hence a warning.

    Wrong:
        3. *Souligne* que …;
        4. *Souligne* que …;

    Right:
        3. *Souligne* que …;
        4. *Souligne également* que …;
    """

    code = "V005"
    name = "repetition-adverb"
    summary = 'A repeated opening takes "également", then "en outre", in adjacent paragraphs.'

    def check(self, document: Document) -> Iterator[Finding]:
        for position, paragraph in self.runs(document):
            opening = paragraph.opening
            accepted = self.expected(document, position)
            if position and opening.adverb not in accepted:
                want = accepted[0]
                matcher = _matcher(document, paragraph)
                text = matcher.with_adverb(opening.base, want) if want else opening.base
                yield self.finding(
                    opening.span,
                    f'paragraph {position + 1} of a run of "{opening.base}": write "{text}"',
                )


@register
class OrphanAdverb(_Repetition):
    """ "également" and "en outre" follow a paragraph that opens with the same verb.

    The paragraph it repeats is the one before, or an earlier one of the same part (adopted
    texts write "Noting also" two paragraphs after "Noting"). An adverb that renews an appeal
    of earlier resolutions ("Calls once again upon", listed in the lexicon) needs none.

    Wrong:
        1. *Décide* …;
        2. *Prie également* …

    Right:
        1. *Prie* …;
        2. *Prie également* …
    """

    code = "V006"
    name = "orphan-adverb"
    summary = '"également" or "en outre" with no earlier paragraph of the same verb.'

    def check(self, document: Document) -> Iterator[Finding]:
        words = document.words
        repeating = set(words.adverbs) - set(words.words("adverbs", "renewal"))
        resolution = document.resolution
        for paragraphs in (resolution.preamble, resolution.operative):
            earlier: set[tuple[str, str]] = set()  # (division, verb) of the part so far
            for paragraph in paragraphs:
                opening = paragraph.opening
                verb = (paragraph.division, _verb(opening))
                if opening.adverb in repeating and verb not in earlier:
                    yield self.finding(
                        opening.span,
                        f'"{opening.text}" repeats nothing: no paragraph before opens with'
                        f' "{opening.base}"; drop "{opening.adverb}"',
                    )
                earlier.add(verb)


@register
class OrganAgreement(Rule):
    """Openings agree with the organ: the General Assembly is feminine in French.

    "Consciente", "Convaincue", "Est consciente", "Se déclare préoccupée", "rester saisie";
    a masculine organ ("Le Conseil de sécurité") takes the masculine forms.

    Wrong:
        Conscient de l'importance de la coopération Sud-Sud,

    Right:
        Consciente de l'importance de la coopération Sud-Sud,
    """

    code = "V007"
    name = "organ-agreement"
    needs = "forms"
    severity = Severity.error
    summary = "Adjectives and participles agree with the organ (l'Assemblée: feminine)."
    fixable = "safe"

    def check(self, document: Document) -> Iterator[Finding]:
        organ = (document.resolution.organ_text or "").rstrip(",")
        agreement = _wrong_forms(document.resolution.language, organ)
        if agreement is None:
            return
        pattern, wrong_to_right = agreement
        for paragraph in document.paragraphs:
            content = paragraph.content
            head = len(paragraph.opening.text) or _first_word_end(content.text)
            for match in pattern.finditer(content.text, 0, head):
                right = wrong_to_right[match.group(1)]
                yield self.finding(
                    content.span(match.start(), match.end()),
                    f'"{match.group(1)}" agrees with {organ}: write "{right}"',
                    Fix((document.edit(content, match.start(), match.end(), right),)),
                )


@cache  # one organ in a text, and the same in most texts
def _wrong_forms(language: str, organ: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The wrong forms of the words that agree with the organ, mapped to the right ones, and
    a pattern that finds them; None for an organ of no known gender."""
    words = lexicon.load(language)
    gender = next((g for name, g in words.pairs("organs") if organ.startswith(name)), None)
    if gender is None:
        return None
    pairs = words.pairs("forms")
    if gender == "feminine":
        wrong_to_right = {masculine: feminine for masculine, feminine in pairs}
    else:
        wrong_to_right = {feminine: masculine for masculine, feminine in pairs}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, wrong_to_right)) + r")\b")
    return pattern, wrong_to_right


def _first_word_end(text: str) -> int:
    space = text.find(" ")
    return len(text) if space == -1 else space
