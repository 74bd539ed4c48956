"""For each paragraph of a draft, the paragraphs adopted before that it takes its words from.

Candidates come from the corpus's word index (the paragraph's rarest words, so that a query
stays small whatever the corpus's size), then a real alignment score (rapidfuzz's ratio of the
two texts) ranks them. A paragraph's own document and later ones never count. The verdict is
the best precedent's: verbatim (same words), agreed with technical updates (only years,
numbers, symbols, session ordinals, dates and the connectors of a recall list differ), modified
(the words changed are shown), or new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from drafter import lexicon, ordinals
from drafter.corpus.store import Corpus, Found
from drafter.corpus.texts import Paragraph, Text, comparable, terms
from drafter.diff.units import short_name
from drafter.diff.words import changes

VERDICTS = ("verbatim", "technical", "modified", "new")
BODY = ("preamble", "operative")
# Below this similarity a paragraph is new; from it, modified (measured on the seeds: a kept
# paragraph whose clause changed scores 0.7 and more, an unrelated one on the same topic 0.5).
MODIFIED_FROM = 0.6
_SHOWN = 3  # precedents shown for each paragraph
_CANDIDATES = 400  # read from the index for each query, at most
_RAREST = 8  # words of a paragraph that query the index
_TOGETHER = 3  # of those, held together by the first candidates asked for
_PHRASE_WORDS = 8  # a clause this long, adopted word for word before, is agreed language
_CLAUSE = re.compile(r"[,;:.!?](?=\s|$)")
_TOKEN = re.compile(r"\w+")
_NOTABLE_WORD = 6  # letters: a word put in alone, this long, is worth tracing


@dataclass
class Precedent:
    symbol: str
    part: str
    number: int | None
    label: str | None
    date: str | None
    similarity: float
    changes: list[tuple[str, str]] = field(default_factory=list)  # (old, new) words

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "part": self.part,
            "number": self.number,
            "subparagraph": self.label,
            "date": self.date,
            "similarity": round(self.similarity, 3),
            "changes": [{"old": old, "new": new} for old, new in self.changes],
        }


@dataclass
class Judged:
    """A paragraph of the draft, its verdict and its precedents, best first."""

    paragraph: Paragraph
    verdict: str
    precedents: list[Precedent]
    # Of a modified or new paragraph: its clauses adopted word for word before, with where.
    phrases: list[Phrase] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.paragraph.part,
            "number": self.paragraph.number,
            "subparagraph": self.paragraph.label,
            "verdict": self.verdict,
            "precedents": [precedent.to_json() for precedent in self.precedents],
            "phrases": [phrase.to_json() for phrase in self.phrases],
        }


@dataclass
class Phrase:
    """A clause of the draft found word for word in a paragraph adopted before."""

    text: str
    symbol: str
    part: str
    number: int | None
    label: str | None
    date: str | None

    @property
    def where(self) -> str:
        """The paragraph that holds it, as a delegation names it: "A/RES/62/209 OP 12"."""
        return f"{self.symbol} {short_name(self.part)} {self.number}"

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "symbol": self.symbol,
            "part": self.part,
            "number": self.number,
            "subparagraph": self.label,
            "date": self.date,
        }


def judge(draft: Text, corpus: Corpus) -> list[Judged]:
    """Each preambular and operative paragraph (and subparagraph) of the draft, judged."""
    return [
        _judged(paragraph, draft, corpus)
        for paragraph in draft.paragraphs
        if paragraph.part in BODY
    ]


def summary(judged: list[Judged]) -> dict[str, Any]:
    counts = {verdict: sum(1 for j in judged if j.verdict == verdict) for verdict in VERDICTS}
    total = len(judged)
    agreed = counts["verbatim"] + counts["technical"]
    return {
        "paragraphs": total,
        **counts,
        "agreed": round(agreed / total, 3) if total else 0.0,
        "with_agreed_phrases": sum(1 for j in judged if j.phrases),
    }


def _judged(paragraph: Paragraph, draft: Text, corpus: Corpus) -> Judged:
    rarest = _rarest(paragraph, corpus)
    # The paragraphs that hold its rarest words together first, which a paragraph kept or
    # updated shares with its precedent: a short list from the index whatever its size; then,
    # where none of those is close, the paragraphs that hold any of them.
    scored = _scored(paragraph, draft, corpus, " AND ".join(rarest[:_TOGETHER]))
    if not scored or scored[0][0] < MODIFIED_FROM:
        scored = _scored(paragraph, draft, corpus, " OR ".join(rarest))
    shown = [
        _precedent(candidate, score, paragraph.text)
        for score, candidate in scored[:_SHOWN]
        if score >= MODIFIED_FROM / 1.5
    ]
    verdict = _verdict(paragraph, shown, draft.language)
    phrases = _phrases(paragraph, draft, corpus) if verdict in ("modified", "new") else []
    return Judged(paragraph, verdict, shown, phrases)


def _phrases(
    paragraph: Paragraph,
    draft: Text,
    corpus: Corpus,
    holding: list[str] | None = None,
    besides: str | None = None,
) -> list[Phrase]:
    """The clauses of a paragraph (between its commas, semicolons and colons), of
    _PHRASE_WORDS words or more (and holding one of the texts `holding`, if given), that a
    paragraph adopted before holds word for word (in another document than `besides`): the
    latest such paragraph for each."""
    found = []
    for clause in _CLAUSE.split(paragraph.text):
        words = _TOKEN.findall(clause)
        if len(words) < _PHRASE_WORDS or (holding and not any(h in clause for h in holding)):
            continue
        query = '"' + " ".join(words) + '"'  # an FTS5 phrase: these words, in this order
        match = next(
            (
                c
                for c in corpus.candidates(query, draft.language, 20)
                if _earlier(c, draft) and c.symbol != besides
            ),
            None,
        )
        if match is not None:
            text = clause.strip()
            found.append(
                Phrase(text, match.symbol, match.part, match.number, match.label, match.date)
            )
    return found


def _scored(
    paragraph: Paragraph, draft: Text, corpus: Corpus, query: str
) -> list[tuple[float, Found]]:
    """The candidates the query finds, scored, the best first."""
    from rapidfuzz import fuzz, process  # only here: the corpus's one user of it

    if not query:
        return []
    found = [c for c in corpus.candidates(query, draft.language, _CANDIDATES) if _earlier(c, draft)]
    best = process.extract(
        paragraph.text, [c.text for c in found], scorer=fuzz.ratio, limit=_SHOWN * 4
    )
    scored = [(score / 100, found[at]) for _, score, at in best]
    return sorted(scored, key=lambda item: (-item[0], item[1].date or ""))


def _rarest(paragraph: Paragraph, corpus: Corpus) -> list[str]:
    """The paragraph's words that the fewest documents of the corpus hold, quoted for FTS5."""
    words = sorted(terms(paragraph.text))
    if not words:
        return []
    frequency = corpus.frequencies(words)
    rarest = sorted((t for t in words if frequency.get(t)), key=lambda t: frequency[t])
    return [f'"{term}"' for term in rarest[:_RAREST]]


def _earlier(candidate: Found, draft: Text) -> bool:
    """Whether a paragraph of the corpus may be the draft's precedent: not of the draft's own
    document, and not adopted after it."""
    if candidate.symbol == draft.symbol:
        return False
    if draft.date and candidate.date:
        return candidate.date <= draft.date
    if draft.session and candidate.session:
        return candidate.session <= draft.session
    return True


def _precedent(candidate: Found, score: float, text: str) -> Precedent:
    found = [
        (change.old(candidate.text).strip(), change.new(text).strip())
        for change in changes(candidate.text, text)
    ]
    return Precedent(
        candidate.symbol,
        candidate.part,
        candidate.number,
        candidate.label,
        candidate.date,
        score,
        found,
    )


def _verdict(paragraph: Paragraph, shown: list[Precedent], language: str) -> str:
    if not shown:
        return "new"
    best = shown[0]
    if not best.changes:
        return "verbatim"
    if all(_technical(old, language) and _technical(new, language) for old, new in best.changes):
        return "technical"
    return "modified" if best.similarity >= MODIFIED_FROM else "new"


def _technical(words: str, language: str) -> bool:
    """Whether changed words are only what a new session changes: figures, symbols, dates,
    session ordinals, placeholders, and the words that join a recall list."""
    allowed = _technical_words(language)
    for token in re.findall(r"\[\[.*?\]\]|[\w/.-]+|[^\w\s]", words):
        if token.startswith("[[") or any(c.isdigit() for c in token) or token in ",;.()":
            continue
        if token.lower() in allowed or ordinals.value(token, language):
            continue
        return False
    return True


@cache
def _technical_words(language: str) -> frozenset[str]:
    words = lexicon.load(language)
    phrases = [
        *words.months,
        *words.phrases("list_and"),
        *words.phrases("date_of"),
        *words.phrases("resolution_word"),
    ]
    return frozenset(word.lower() for phrase in phrases for word in phrase.split())


def sources_of_changes(entries: list[Any], draft: Text, corpus: Corpus, old: str) -> None:
    """For `drafter diff`: the clauses of each new or changed paragraph that hold its new words
    and were adopted before, elsewhere than in the old version `old` (`Entry.sources`)."""
    for entry in entries:
        if entry.part not in BODY or entry.new is None or entry.status == "unchanged":
            continue
        # What the new version says that the old did not: a new paragraph's words, or the
        # words each change puts in (a word alone, of some length; else a few together).
        holding = None
        if entry.status != "new":
            added = [comparable(edit.new) for edit in entry.edits]
            holding = [a for a in added if len(a.split()) > 1 or len(a) >= _NOTABLE_WORD]
            if not holding:
                continue
        text = Paragraph(entry.part, entry.new.number, None, comparable(entry.new.full_text))
        entry.sources = _phrases(text, draft, corpus, holding, old)
