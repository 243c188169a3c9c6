"""Identical surroundings, identical fact: a candidate's checks and its fact read only a bounded
window of the text around the number (its sentence and clauses, narrowed to doc.MAX_SPAN; the
code rules' CONTEXT_CHARS before it; the quote's QUOTE_REACH either side), so two candidates whose
windows are the same characters, at the same relative offsets, get the same outcome, shifted.

That makes a text that repeats itself (a clause of one short fact joined ten thousand times, a
page pasted twice, boilerplate per row) cost one fact's work per distinct window instead of one
per occurrence. The key is a 128-bit digest of the window plus the candidate's and its
sentence's and clauses' relative offsets, so memory stays small for long reports with no
repeats. Table cells whose unit comes from a header rows away are not memoised (their window
would be the whole table)."""

from __future__ import annotations

import hashlib

from .cells import Candidate
from .doc import MAX_SPAN, QUOTE_REACH, Doc

# Farther than any read around a number: a whole sentence or clause of up to MAX_SPAN characters,
# the quote's reach, the code rules' context (extractor.CONTEXT_CHARS, kept below this).
REACH = max(MAX_SPAN, QUOTE_REACH) + 32
# What a check reads after the unit (filters' look-ahead words, the counted noun's 24 characters).
AFTER_UNIT = 32


def window_key(doc: Doc, c: Candidate) -> tuple[tuple, int] | None:
    """(key, offset of the window) for a candidate, or None where it is not memoised."""
    if c.table_label is not None:
        return None
    text = doc.text
    n = len(text)
    s0, s1 = doc.sentence(c.start)
    k0, k1 = doc.clause(c.start)
    e0, e1 = doc.clause(c.end) if c.end < n else (n, n)
    a = max(0, min(s0, k0, c.start - REACH, c.unit_start))
    b = min(n, max(s1, k1, e1, c.end + REACH, c.unit_end + AFTER_UNIT))
    digest = hashlib.blake2b(text[a:b].encode("utf-8", "surrogatepass"), digest_size=16).digest()
    fields = (c.start, c.end, c.num_start, c.num_end, c.unit_start, c.unit_end, s0, s1, k0, k1, e0, e1)
    strings = (c.number, c.number2, c.unit_text, c.prefix, c.suffix, c.after)
    return (digest, b - a, tuple(x - a for x in fields), strings), a


def shifted(record: tuple, by: int) -> tuple:
    """A fact stored as a tuple with its char_start/char_end (fields 1 and 2) moved by `by`."""
    return (record[0], record[1] + by, record[2] + by, *record[3:])


def as_record(fact) -> tuple:
    """The fact's fields in order (a shallow copy: dataclasses.astuple deep-copies every field)."""
    return tuple(vars(fact).values())
