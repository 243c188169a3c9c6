"""For every position of a text, the length of the shortest substring starting there that occurs
only once in the text: from a suffix array built by prefix doubling (numpy, O(n log CAP)) and the
longest common prefix of neighbouring suffixes. A quote's uniqueness is then a lookup per left
end instead of a scan of the text per fact, so quote search stays linear in the text whatever
it repeats (doc.shortest_unique uses it for long texts and for cores that occur many times).

Lengths are measured up to CAP characters; a position whose every substring of up to CAP
characters occurs elsewhere gets NOT_UNIQUE. Quotes never come near CAP (doc.QUOTE_REACH
either side of a number)."""

from __future__ import annotations

import numpy as np

CAP = 1024
NOT_UNIQUE = np.iinfo(np.int64).max // 4


def _dense(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(rank of each key among the distinct keys, order that sorts the keys)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    step = np.empty(len(keys), dtype=bool)
    step[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=step[1:])
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.cumsum(step) - 1
    return rank, order


def shortest_unique_lengths(text: str) -> np.ndarray:
    """lengths[i]: the least L with text[i:i+L] occurring once in text (NOT_UNIQUE if none ≤ CAP
    or the suffix itself recurs)."""
    n = len(text)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
    rank, order = _dense(codes)
    ranks = [rank]  # ranks[h][i]: rank of text[i:i+2**h] (all distinct lengths kept apart)
    span = 1
    while span < CAP and rank[order[-1]] < n - 1:
        second = np.zeros(n, dtype=np.int64)
        second[: n - span] = rank[span:] + 1  # 0: the suffix ends before this half
        rank, order = _dense(rank * (n + 1) + second)
        ranks.append(rank)
        span *= 2
    # longest common prefix of each suffix with the one before it in sorted order, by binary lifting
    sa = order
    a, b = sa[:-1], sa[1:]
    lcp = np.zeros(n - 1, dtype=np.int64)
    for h in range(len(ranks) - 1, -1, -1):
        size = 1 << h
        ia, ib = a + lcp, b + lcp
        ok = (ia + size <= n) & (ib + size <= n)
        same = np.zeros(n - 1, dtype=bool)
        same[ok] = ranks[h][ia[ok]] == ranks[h][ib[ok]]
        lcp[same] += size
    # the longest prefix a suffix shares with any other: its larger neighbour's
    neighbour = np.zeros(n, dtype=np.int64)
    np.maximum(neighbour[1:], lcp, out=neighbour[1:])  # with the one before it
    np.maximum(neighbour[:-1], lcp, out=neighbour[:-1])  # with the one after it
    shared = np.empty(n, dtype=np.int64)
    shared[sa] = neighbour
    lengths = shared + 1
    positions = np.arange(n)
    lengths[(shared >= CAP) | (positions + lengths > n)] = NOT_UNIQUE
    return lengths
