"""A text with its sentence and clause boundaries indexed once, so that every per-fact
lookup is a binary search instead of a scan (long reports stay linear)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

SENTENCE_END = "。！？；!?;\n"
# Clauses end at commas and colons; list commas (、) and quotes stay inside, since the
# words of a list or a quoted name describe the same count.
CLAUSE_END = SENTENCE_END + "，,：:"


def _stops(text: str, chars: str) -> list[int]:
    return [m.start() for m in re.finditer("[" + re.escape(chars) + "]", text)]


@dataclass
class Doc:
    text: str
    _sentence: list[int] = field(init=False, repr=False)
    _clause: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sentence = _stops(self.text, SENTENCE_END)
        self._clause = _stops(self.text, CLAUSE_END)

    @staticmethod
    def _bounds(stops: list[int], pos: int, n: int) -> tuple[int, int]:
        """[start, end): start just after the last stop before pos, end at the first stop at or after pos."""
        i = bisect_left(stops, pos)
        start = stops[i - 1] + 1 if i > 0 else 0
        return start, (stops[i] if i < len(stops) else n)

    def sentence(self, pos: int) -> tuple[int, int]:
        """Sentence bounds; the end includes the closing punctuation."""
        start, end = self._bounds(self._sentence, pos, len(self.text))
        return start, min(end + 1, len(self.text))

    def clause(self, pos: int) -> tuple[int, int]:
        return self._bounds(self._clause, pos, len(self.text))

    def occurrences(self, sub: str) -> list[int]:
        out, i = [], self.text.find(sub)
        while i != -1:
            out.append(i)
            i = self.text.find(sub, i + 1)
        return out


def shortest_unique(doc: Doc, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The shortest span holding [start, end) that occurs once in the text, widened inside
    [lo, hi): left first (the subject words), then right. Falls back to [lo, hi) where no
    widening is unique.

    Only the other occurrences p of the core text[start:end] can spoil uniqueness. For each,
    how far its left and right context agree with ours (lmax, rmax) is measured once; a
    widening (left, right) is unique when, for every p, left > lmax or right > rmax. The cost
    grows with the sentence and the number of repeats, not with the length of the text."""
    text = doc.text
    hi = max(hi, end)
    others = [p for p in doc.occurrences(text[start:end]) if p != start]
    if not others:
        return start, end
    max_left, max_right = start - lo, hi - end
    spans = []
    for p in others:
        lmax = 0
        while lmax < max_left and p - lmax - 1 >= 0 and text[p - lmax - 1] == text[start - lmax - 1]:
            lmax += 1
        rmax = 0
        q = p + (end - start)
        while rmax < max_right and q + rmax < len(text) and text[q + rmax] == text[end + rmax]:
            rmax += 1
        spans.append((lmax, rmax))
    if any(lm >= max_left and rm >= max_right for lm, rm in spans):
        return lo, hi  # even the whole span repeats
    for extra in range(1, max_left + max_right + 1):
        for left in range(min(extra, max_left), -1, -1):
            right = extra - left
            if right > max_right:
                break
            if all(left > lm or right > rm for lm, rm in spans):
                return start - left, end + right
    return lo, hi
