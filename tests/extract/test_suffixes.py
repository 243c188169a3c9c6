"""Quote uniqueness from the suffix array: the shortest unique substring at every position equals
a brute-force count, the suffix-array quote equals the one found by comparing occurrences, and a
long text's quotes never scan the text per fact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract import doc as doc_module
from pipelines.extract.doc import QUOTE_REACH, Doc, by_occurrences, by_suffixes
from pipelines.extract.extractor import extract_facts
from pipelines.extract.grammar import find_candidates
from pipelines.extract.suffixes import CAP, NOT_UNIQUE, shortest_unique_lengths

ALPHABET = "ab家，。45合作"


def brute_lengths(text: str) -> list[int]:
    def count(sub: str) -> int:
        return sum(text.startswith(sub, j) for j in range(len(text)))

    out = []
    for i in range(len(text)):
        found = next((n for n in range(1, len(text) - i + 1) if count(text[i : i + n]) == 1), None)
        out.append(found if found is not None and found <= CAP else NOT_UNIQUE)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_shortest_unique_lengths_match_a_brute_force_count(text):
    assert shortest_unique_lengths(text).tolist() == brute_lengths(text)


def test_a_substring_repeated_past_the_cap_is_not_unique():
    text = "x" + "ab" * CAP + "y"
    lengths = shortest_unique_lengths(text)
    assert lengths[0] == 1 and lengths[-1] == 1
    assert lengths[1] == NOT_UNIQUE  # "abab…" of up to CAP characters recurs one step later


def _cases(text: str):
    d = Doc(text)
    for c in find_candidates(text):
        s0, s1 = d.sentence(c.start)
        yield d, c.start, c.end, max(s0, c.start - QUOTE_REACH), min(max(s1, c.end), c.end + QUOTE_REACH)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["合作企业45家", "合作企业4家", "共建基地3个", "，", "。", "学院", "45"]), max_size=80))
def test_both_ways_to_a_unique_quote_agree(parts):
    text = "".join(parts)
    for d, start, end, lo, hi in _cases(text):
        occ = d.occurrences(text[start:end])
        expected = (start, end) if len(occ) <= 1 else by_occurrences(d, start, end, lo, hi, occ)
        assert by_suffixes(d, start, end, lo, hi) == expected


def test_a_long_text_finds_its_quotes_without_scanning_for_occurrences(monkeypatch):
    text = "江陵职业技术学院" + "，".join(f"合作企业{i}家" for i in range(3000)) + "。\n"
    assert len(text) > doc_module.SCAN_TEXT_LIMIT

    def scan(self, sub):
        raise AssertionError("a scan of the text per fact")

    monkeypatch.setattr(Doc, "occurrences", scan)
    facts = extract_facts(text)
    assert len(facts) == 3000 and all(text[f.char_start : f.char_end] == f.quote for f in facts)
    assert len({f.quote for f in facts}) == 3000  # every quote unique


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_texts(n):
    assert shortest_unique_lengths("家" * n).tolist() == ([1] if n else [])
