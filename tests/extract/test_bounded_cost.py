"""Bounded cost for any input (issue 12 item 4): the quote search and every per-fact span stay
bounded however the text is built, decode + extract never raise on arbitrary bytes, stay
within the time budget, and every quote is text[char_start:char_end]. Speed itself is measured
in `make bench`, not here."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.devtools.hostile import repeated_clause
from pipelines.extract.doc import MAX_SPAN, QUOTE_REACH, Doc, shortest_unique
from pipelines.extract.extractor import extract_facts
from pipelines.extract.simplify import for_matching
from pipelines.ingest.budget import report_budget
from pipelines.ingest.decode import DecodeError, decode_report

GENEROUS = 120.0  # seconds: a hang, not a slow run, is what this catches


def test_a_fact_repeated_a_thousand_times_in_one_clause_stays_bounded():
    text = repeated_clause(1000)
    with report_budget(GENEROUS):
        facts = extract_facts(text)
    assert len(facts) == 1000
    for f in facts:
        assert text[f.char_start : f.char_end] == f.quote
        assert len(f.quote) <= 2 * QUOTE_REACH + len("合作企业45家")
        assert len(f.sentence) <= MAX_SPAN + 1  # not the whole file per fact


def test_a_long_clause_without_punctuation_is_narrowed_around_the_fact():
    text = "学院" + "共建实训基地" * 2000 + "12个" + "共建实训基地" * 2000
    doc = Doc(text)
    pos = text.index("12个")
    s, e = doc.sentence(pos)
    c, d = doc.clause(pos)
    assert s <= pos < e and e - s <= MAX_SPAN + 1
    assert c <= pos < d and d - c <= MAX_SPAN


def _count(text: str, sub: str) -> int:
    return sum(1 for i in range(len(text) - len(sub) + 1) if text.startswith(sub, i))


def _reference(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The definition, by brute force: fewest extra characters, then most on the left."""
    lo, hi = max(lo, start - QUOTE_REACH), min(max(hi, end), end + QUOTE_REACH)
    for extra in range(0, (start - lo) + (hi - end) + 1):
        for left in range(min(extra, start - lo), -1, -1):
            right = extra - left
            if right > hi - end:
                break
            if _count(text, text[start - left : end + right]) == 1:
                return start - left, end + right
    return lo, hi


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab。，", min_size=1, max_size=60), st.data())
def test_the_quote_search_agrees_with_its_definition(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 4)))
    doc = Doc(text)
    lo, hi = doc.sentence(start)
    assert shortest_unique(doc, start, end, lo, hi) == _reference(text, start, end, lo, hi)


FRAGMENTS = st.sampled_from(
    [
        "合作企业45家",
        "授权专利147项",
        "技术服务到款额1400万元",
        "，",
        "、",
        "。",
        "\n",
        "其中",
        "共建产业学院5个",
        "（",
        "“",
        "a",
    ]
)
hostile_texts = st.lists(FRAGMENTS, max_size=400).map("".join) | st.builds(
    lambda frag, n, sep: sep.join([frag] * n), FRAGMENTS, st.integers(1, 600), st.sampled_from(["，", "", "、", " "])
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_texts)
def test_hostile_texts_extract_within_budget_and_quotes_are_slices(text):
    with report_budget(GENEROUS):  # BudgetExceeded would fail the test
        facts = extract_facts(text)
    for f in facts:
        assert text[f.char_start : f.char_end] == f.quote
        assert len(f.quote) <= 2 * QUOTE_REACH + 40


raw_bytes = (
    st.binary(max_size=2000)
    | hostile_texts.map(lambda t: t.encode("utf-8"))
    | st.builds(
        lambda t, enc, junk: t.encode(enc, errors="ignore") + junk,
        hostile_texts,
        st.sampled_from(["utf-8", "gb18030", "big5", "utf-16-le", "utf-16"]),
        st.binary(max_size=8),
    )
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_bytes, st.sampled_from(["r.txt", "r.html"]))
def test_decode_then_extract_never_raises_on_any_bytes(data, name):
    with report_budget(GENEROUS):
        try:
            text = decode_report(data, name).text
        except DecodeError:
            return  # a clear refusal is an outcome, a crash is not
        for f in extract_facts(text):
            assert text[f.char_start : f.char_end] == f.quote


def test_what_each_fact_reads_to_name_its_noun_stays_near_it(monkeypatch):
    # a trailing count with no list item in its clause once made Simplified everything before it
    from pipelines.extract import extractor, filters

    longest = [0]

    def recording(text: str) -> str:
        longest[0] = max(longest[0], len(text))
        return for_matching(text)

    monkeypatch.setattr(extractor, "for_matching", recording)
    monkeypatch.setattr(filters, "for_matching", recording)
    text = "学院建成实训室3个。" * 2000
    with report_budget(GENEROUS):
        assert len(extract_facts(text)) == 2000
    assert longest[0] <= 2 * MAX_SPAN


def test_no_line_pattern_opens_with_whitespace_that_runs_across_lines():
    """With re.M, ^\\s* at a line's start runs on over every blank line after it, once per line:
    quadratic on a text of blank lines (a yearbook's units row cost 12 s on 20,000 of them)."""
    import importlib
    import pkgutil
    import re

    import pipelines.extract as package

    offenders = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"pipelines.extract.{info.name}")
        for name, value in vars(module).items():
            multiline = isinstance(value, re.Pattern) and value.flags & re.MULTILINE
            if multiline and re.match(r"\^(?:\(\?:)*\\s[*+]", value.pattern):
                offenders.append(f"{info.name}.{name}")
    assert offenders == []
