"""Pair the paragraphs of two versions by their content, not their number.

As the patience diff does, paragraphs whose text is the same in both versions are paired
first; the others are paired by the words they share (a candidate is a paragraph with a word
that few paragraphs have, so the cost grows with the text, not with its square). The pairs
whose order the new text keeps are the longest increasing run of old positions; the others
moved. A paragraph left over next to one it was cut from is a split (or, the other way, a
merge), not a new one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

from drafter.diff.units import Unit

SIMILAR = 0.5  # the share of words two versions of one paragraph have in common, at least
PART_OF = 0.6  # the share of a leftover paragraph's words found in the one it was cut from
_WORD = re.compile(r"\w+")
_NUMBERS = re.compile(r"\[\[.*?\]\]|\d+")
# A document symbol whole, its addendum and the placeholders of `drafter new` included:
# "A/78/744/Add.12" and "A/79/[[document symbol]]" are the same report of another session.
_SYMBOLS = re.compile(r"\b[A-Z]{1,6}(?:\.\d+)?(?:/(?:\[\[[^\]]*\]\]|[\w.-]*\w))+")


@dataclass
class Pair:
    old: Unit | None
    new: Unit | None
    moved: bool = False
    cut_from: Unit | None = None  # new: split off this old paragraph; deleted: merged into

    @property
    def unit(self) -> Unit:
        """The paragraph as the new text has it, or as the old one had it, if deleted."""
        found = self.new or self.old
        assert found is not None, "a pair has one side at least"
        return found


# Two versions of a paragraph on one event, announced then held, share fewer words ("Looking
# forward to the convening in 2025 of X" → "Welcoming the convening of X, held in Sevilla …,
# and its outcome document …"): paired by the event's name, they must share this many.
SAME_EVENT = 0.25

Names = Callable[[Unit], set[tuple[str, str]]]


def align(old: list[Unit], new: list[Unit], names: Names | None = None) -> list[Pair]:
    """The pairs, in the new text's order, the deleted paragraphs where they stood. `names`
    gives the events a paragraph names: the one paragraph of each side left unpaired that
    names an event is paired with the other's."""
    return _Alignment(old, new, names).pairs()


class _Alignment:
    def __init__(self, old: list[Unit], new: list[Unit], names: Names | None = None) -> None:
        self.old, self.new = old, new
        self.old_words = [_words(unit) for unit in old]
        self.new_words = [_words(unit) for unit in new]
        # Footnotes keep their numbers when updated in place: "A/79/26." → "A/80/26." in
        # footnote 1 is footnote 1 amended, though footnote 6 now reads "A/79/26.".
        notes = any(unit.part == "footnote" for unit in old)
        paired = _same_text(old, new, _numbered) if notes else {}
        paired.update(_same_text(old, new, _key, paired))
        paired.update(_same_text(old, new, _masked, paired))
        paired.update(_similar(self.old_words, self.new_words, paired))
        if names is not None:
            paired.update(_same_event(old, new, names, paired, self.old_words, self.new_words))
        self.paired = paired  # old position → new position
        self.by_new = {j: i for i, j in paired.items()}
        self.in_order = _in_order(sorted(paired.items(), key=lambda item: item[1]))

    def pairs(self) -> list[Pair]:
        deleted = deque(i for i in range(len(self.old)) if i not in self.paired)
        pairs: list[Pair] = []
        for j, unit in enumerate(self.new):
            i = self.by_new.get(j)
            # The deleted paragraphs that stood before this one's old place come first.
            while i in self.in_order and deleted and deleted[0] < i:
                pairs.append(self.deleted(deleted.popleft()))
            if i is None:
                cut_from = _neighbour(j, self.by_new, self.new_words, self.old_words, self.old)
                pairs.append(Pair(None, unit, cut_from=cut_from))
            else:
                pairs.append(Pair(self.old[i], unit, moved=i not in self.in_order))
        pairs.extend(self.deleted(i) for i in deleted)
        return pairs

    def deleted(self, i: int) -> Pair:
        merged_into = _neighbour(i, self.paired, self.old_words, self.new_words, self.new)
        return Pair(self.old[i], None, cut_from=merged_into)


def pair_across(old: list[Unit], new: list[Unit]) -> list[tuple[Unit, Unit]]:
    """Of paragraphs deleted from one part and new in another, those that are one paragraph
    moved across (an operative paragraph made preambular, say): the most alike first."""
    found = _similar([_words(unit) for unit in old], [_words(unit) for unit in new], {})
    return [(old[i], new[j]) for i, j in sorted(found.items())]


def _key(unit: Unit) -> str:
    return " ".join(unit.full_text.split()).rstrip(";,.:")


def _masked(unit: Unit) -> str:
    """The text with its numbers and placeholders masked: "A/78/290." and next session's
    "A/79/[[document symbol]]." are one footnote."""
    return _NUMBERS.sub("0", _SYMBOLS.sub("S", _key(unit)))


def _numbered(unit: Unit) -> str:
    """A footnote's number and its text, numbers and symbols masked."""
    return f"{unit.number} {_masked(unit)}"


def _words(unit: Unit) -> set[str]:
    return set(_WORD.findall(unit.full_text.lower()))


def _same_text(
    old: list[Unit],
    new: list[Unit],
    key: Callable[[Unit], str],
    paired: dict[int, int] | None = None,
) -> dict[int, int]:
    """Old position → new position of the paragraphs (not `paired` yet) whose `key` is the
    same in both versions (the k-th of several equal ones with the k-th)."""
    paired = paired or {}
    taken = set(paired.values())
    waiting: dict[str, list[int]] = defaultdict(list)
    for j, unit in enumerate(new):
        if j not in taken:
            waiting[key(unit)].append(j)
    found: dict[int, int] = {}
    for i, unit in enumerate(old):
        candidates = waiting.get(key(unit)) if i not in paired else None
        if candidates:
            found[i] = candidates.pop(0)
    return found


def _similar(
    old_words: list[set[str]], new_words: list[set[str]], paired: dict[int, int]
) -> dict[int, int]:
    """Old position → new position of the other paragraphs that share most of their words,
    the most alike first."""
    taken = set(paired.values())
    left_old = [i for i in range(len(old_words)) if i not in paired]
    left_new = [j for j in range(len(new_words)) if j not in taken]
    words_new = {j: new_words[j] for j in left_new}
    postings: dict[str, list[int]] = defaultdict(list)
    for j, words in words_new.items():
        for word in words:
            postings[word].append(j)
    rare = max(8, int(len(left_new) ** 0.5))  # a word in more paragraphs finds no candidates
    scored: list[tuple[float, int, int]] = []
    for i in left_old:
        words = old_words[i]
        candidates = {j for w in words if len(postings.get(w, ())) <= rare for j in postings[w]}
        for j in candidates:
            shared = len(words & words_new[j])
            score = 2 * shared / (len(words) + len(words_new[j]))
            if score >= SIMILAR:
                scored.append((score, i, j))
    found: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in found and j not in used:
            found[i] = j
            used.add(j)
    return found


def _same_event(
    old: list[Unit],
    new: list[Unit],
    names: Names,
    paired: dict[int, int],
    old_words: list[set[str]],
    new_words: list[set[str]],
) -> dict[int, int]:
    """Old position → new position of the paragraphs left unpaired that alone on their side
    name an event, and share some words."""
    taken = set(paired.values())
    holders: dict[tuple[str, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, unit in enumerate(old):
        if i not in paired:
            for name in names(unit):
                holders[name][0].append(i)
    for j, unit in enumerate(new):
        if j not in taken:
            for name in names(unit):
                holders[name][1].append(j)
    found: dict[int, int] = {}
    for olds, news in holders.values():
        if len(olds) == 1 == len(news) and olds[0] not in found and news[0] not in found.values():
            i, j = olds[0], news[0]
            shared = len(old_words[i] & new_words[j])
            if 2 * shared >= SAME_EVENT * (len(old_words[i]) + len(new_words[j])):
                found[i] = j
    return found


def _in_order(pairs: list[tuple[int, int]]) -> set[int]:
    """The old positions of the longest run of pairs (sorted by new position) whose old
    positions rise too: those kept their order; the others moved."""
    tails: list[int] = []  # tails[k]: the smallest old position ending a run of k + 1
    ends: list[int] = []  # index into pairs of that run's end
    before: list[int] = [-1] * len(pairs)
    for index, (old_position, _) in enumerate(pairs):
        k = bisect_left(tails, old_position)
        if k == len(tails):
            tails.append(old_position)
            ends.append(index)
        else:
            tails[k], ends[k] = old_position, index
        before[index] = ends[k - 1] if k else -1
    kept: set[int] = set()
    index = ends[-1] if ends else -1
    while index >= 0:
        kept.add(pairs[index][0])
        index = before[index]
    return kept


def _neighbour(
    position: int,
    partner: dict[int, int],
    own_words: list[set[str]],
    other_words: list[set[str]],
    others: list[Unit],
) -> Unit | None:
    """For a paragraph left unpaired at `position` of its version: the paragraph of the other
    version that a neighbour of it was paired with, when most of its words are found there
    (it was cut from that one, or merged into it)."""
    own = own_words[position]
    for side in (position - 1, position + 1):
        other = partner.get(side)
        if other is not None and own and len(own & other_words[other]) >= PART_OF * len(own):
            return others[other]
    return None
