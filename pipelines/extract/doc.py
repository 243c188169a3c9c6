"""A text with its sentence and clause boundaries indexed once, so that every per-fact
lookup is a binary search instead of a scan (long reports stay linear).

Every span a fact looks at is bounded, whatever the text: a "sentence" or "clause" longer than
MAX_SPAN characters (one comma-joined line of 5 MB, a table flattened without punctuation) is
narrowed to the part around the fact, cut at clause stops where there are any; a quote is
searched within QUOTE_REACH characters of its number. So the work per fact does not grow with
the length of the text, and extraction stays linear in it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from pipelines.ingest.budget import check_budget

from .suffixes import shortest_unique_lengths


def last_match(rx: re.Pattern, s: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The last match of rx in s (in s[pos:endpos]): of the words before a number, the nearest to it."""
    found = None
    for found in rx.finditer(s, pos, len(s) if endpos is None else endpos):  # noqa: B007  (the loop keeps the last)
        pass
    return found


SENTENCE_END = "。！？；!?;\n"
# Clauses end at commas and colons; list commas (、) and quotes stay inside, since the
# words of a list or a quoted name describe the same count.
CLAUSE_END = SENTENCE_END + "，,：:"
# The longest sentence or clause taken whole; longer ones are narrowed around the fact.
MAX_SPAN = 400
# Of a narrowed sentence, the whole clauses kept before the fact's own.
CLAUSES_BEFORE = 3
# How far a quote may widen around its number on either side before it gives up on uniqueness.
QUOTE_REACH = 200
# Quote uniqueness by scanning for the number's other occurrences costs a scan of the text per
# distinct number and a pass over its occurrences per fact: cheap on a report of a few pages,
# quadratic on a long or repetitive one. Past these sizes the text's suffix array answers instead.
SCAN_TEXT_LIMIT = 20_000
SCAN_OCCURRENCE_LIMIT = 64


def _stops(text: str, chars: str) -> list[int]:
    return [m.start() for m in re.finditer("[" + re.escape(chars) + "]", text)]


@dataclass
class Doc:
    text: str
    _sentence: list[int] = field(init=False, repr=False)
    _clause: list[int] = field(init=False, repr=False)
    _occurrences: dict[str, list[int]] = field(init=False, repr=False, default_factory=dict)
    _unique: dict[tuple, tuple[int, int] | None] = field(init=False, repr=False, default_factory=dict)
    _sentences: dict[int, tuple[int, int]] = field(init=False, repr=False, default_factory=dict)
    _unique_lengths: np.ndarray | None = field(init=False, repr=False, default=None)
    # per-document facts derived once by the rules that need them (once: the report's currency, …)
    derived: dict[object, object] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._sentence = _stops(self.text, SENTENCE_END)
        self._clause = _stops(self.text, CLAUSE_END)

    def once(self, name: str, compute: Callable[[str], object]) -> object:
        """compute(text), computed on the first ask and kept in `derived` under name."""
        if name not in self.derived:
            self.derived[name] = compute(self.text)
        return self.derived[name]

    @staticmethod
    def _bounds(stops: list[int], pos: int, n: int) -> tuple[int, int]:
        """[start, end): start just after the last stop before pos, end at the first stop at or after pos."""
        i = bisect_left(stops, pos)
        start = stops[i - 1] + 1 if i > 0 else 0
        return start, (stops[i] if i < len(stops) else n)

    def _narrow(self, start: int, end: int, pos: int) -> tuple[int, int]:
        """[start, end) cut to at most MAX_SPAN characters around pos, at clause stops where
        the text has them, with at most CLAUSES_BEFORE whole clauses before pos's own."""
        if end - start <= MAX_SPAN:
            return start, end
        half = MAX_SPAN // 2
        stops = self._clause
        i = bisect_left(stops, pos)  # stops[i - 1] < pos <= stops[i]
        lo = max(start, pos - half)
        j = i - 1 - CLAUSES_BEFORE
        if j >= 0 and stops[j] + 1 > lo:
            lo = stops[j] + 1
        else:
            m = bisect_left(stops, lo)  # the first clause stop at or after lo
            if m < len(stops) and stops[m] < pos:
                lo = stops[m] + 1
        hi = min(end, pos + half)
        n = bisect_right(stops, hi) - 1  # the last clause stop at or before hi
        if n >= 0 and stops[n] > pos:
            hi = stops[n]
        return lo, hi

    def sentence(self, pos: int) -> tuple[int, int]:
        """Sentence bounds; the end includes the closing punctuation."""
        found = self._sentences.get(pos)
        if found is None:
            start, end = self._bounds(self._sentence, pos, len(self.text))
            start, end = self._narrow(start, end, pos)
            found = self._sentences[pos] = (start, min(end + 1, len(self.text)))
        return found

    def whole_sentence(self, pos: int) -> tuple[int, int]:
        """Sentence bounds, not narrowed (the end excludes the closing punctuation)."""
        return self._bounds(self._sentence, pos, len(self.text))

    def clause(self, pos: int) -> tuple[int, int]:
        start, end = self._bounds(self._clause, pos, len(self.text))
        if end - start <= MAX_SPAN:
            return start, end
        half = MAX_SPAN // 2
        return max(start, pos - half), min(end, pos + half)

    def unique_lengths(self) -> np.ndarray:
        """Per position, the length of the shortest substring starting there that occurs once
        (suffixes.py), built on first use."""
        if self._unique_lengths is None:
            self._unique_lengths = shortest_unique_lengths(self.text)
        return self._unique_lengths

    def occurrences(self, sub: str) -> list[int]:
        """Every start of sub in the text (overlapping ones too), found once per distinct sub."""
        out = self._occurrences.get(sub)
        if out is None:
            out, i = [], self.text.find(sub)
            while i != -1:
                out.append(i)
                i = self.text.find(sub, i + 1)
            self._occurrences[sub] = out
        return out


def _common_suffix(a: str, b: str) -> int:
    """Length of the longest common suffix of a and b (binary search on slices: C speed)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def shortest_unique(doc: Doc, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The shortest span holding [start, end) that occurs once in the text, widened inside
    [lo, hi) and at most QUOTE_REACH characters either side: the fewest extra characters,
    and among those the most on the left (the subject words). Falls back to that bounded
    window where no widening is unique.

    Only the other occurrences p of the core text[start:end] can spoil uniqueness. For each,
    how far its left and right context agree with ours (lmax, rmax) is measured once; a
    widening (left, right) is unique when, for every p, left > lmax or right > rmax. So for
    each left the least right is one past the largest rmax among the p with lmax ≥ left.
    The answer depends only on the window's own characters, so identical windows (a fact
    repeated a thousand times) are solved once.

    Two ways to the same answer: on a short text whose number occurs a few times, by comparing
    the contexts of its other occurrences (by_occurrences); on a long text, or a number that
    occurs many times, from the text's suffix array (by_suffixes), so that the cost per fact
    never grows with the text."""
    check_budget()
    text = doc.text
    hi = max(hi, end)
    lo, hi = max(lo, start - QUOTE_REACH), min(hi, end + QUOTE_REACH)
    if len(text) > SCAN_TEXT_LIMIT:
        return by_suffixes(doc, start, end, lo, hi)
    occ = doc.occurrences(text[start:end])
    if len(occ) <= 1:
        return start, end
    if len(occ) > SCAN_OCCURRENCE_LIMIT:
        return by_suffixes(doc, start, end, lo, hi)
    return by_occurrences(doc, start, end, lo, hi, occ)


def by_suffixes(doc: Doc, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """shortest_unique from the suffix array: text[l:r] is unique when r - l is at least the
    shortest unique length at l, so for each left end l the least right end is known at once."""
    lefts = np.arange(lo, start + 1)
    rights = np.maximum(end, lefts + doc.unique_lengths()[lo : start + 1])
    fits = rights <= hi
    if not fits.any():
        return lo, hi
    spans = np.where(fits, rights - lefts, np.iinfo(np.int64).max)
    best = int(np.argmin(spans))  # the first of the shortest: the most on the left
    return lo + best, int(rights[best])


def by_occurrences(doc: Doc, start: int, end: int, lo: int, hi: int, occ: list[int]) -> tuple[int, int]:
    """shortest_unique by comparing the contexts of the core's other occurrences with ours."""
    text = doc.text
    core = text[start:end]
    left_ctx, right_ctx = text[lo:start], text[end:hi]
    key = (core, left_ctx, right_ctx)
    if key in doc._unique:
        found = doc._unique[key]
        return (start - found[0], end + found[1]) if found else (lo, hi)
    max_left, max_right = start - lo, hi - end
    window = text[lo:hi]
    # the whole window found elsewhere: nothing inside it is unique (cheap, and the common case
    # for a fact repeated many times, whose neighbour is the same window)
    other = text.find(window)
    if other == lo:
        other = text.find(window, lo + 1)
    if other != -1:
        doc._unique[key] = None
        return lo, hi
    # the other occurrences' contexts, each distinct one measured once (ours is unique, as the
    # window is: drop it)
    size = end - start
    contexts = {(text[max(0, p - max_left) : p], text[p + size : p + size + max_right]) for p in occ}
    contexts.discard((left_ctx, right_ctx))
    # need[left]: the largest rmax among the p whose lmax is exactly left (-1: none)
    need = [-1] * (max_left + 1)
    for before, after in contexts:
        lm, rm = _common_suffix(before, left_ctx), _common_prefix(after, right_ctx)
        need[lm] = max(need[lm], rm)
    best: tuple[int, int] | None = None  # (extra, -left)
    worst_right = -1
    for left in range(max_left, -1, -1):  # suffix max of need: the p with lmax ≥ left
        worst_right = max(worst_right, need[left])
        right = worst_right + 1
        if right <= max_right and (best is None or (left + right, -left) < best):
            best = (left + right, -left)
    if best is None:
        doc._unique[key] = None
        return lo, hi
    left = -best[1]
    right = best[0] - left
    doc._unique[key] = (left, right)
    return start - left, end + right
