"""The extractor's shortcuts that buy speed must not change what it finds: a scan's lookahead on
the characters a quantity opens with, and a keyword pattern skipped where its literal head is absent."""

from __future__ import annotations

import re

import pytest

from pipelines.extract import classify, english, grammar

from conftest import REAL


@pytest.fixture(scope="module")
def texts() -> list[str]:
    from pipelines.ingest.decode import decode_report

    return [decode_report(p.read_bytes(), p.name).text for p in sorted((REAL / "inbox").iterdir())]


@pytest.mark.parametrize(
    ("rx", "at_least"),
    [
        (grammar.QUANTITY, 5000),
        (grammar.PERCENT_WORDS, 3),
        (english.ENGLISH_COUNT, 50),
        (english.ENGLISH_MARKED, 300),
        (english.BRACKETED, 10),
    ],
)
def test_the_openers_lookahead_finds_what_the_scan_without_it_finds(rx, at_least, texts):
    assert rx.pattern.startswith("(?=[")
    plain = re.compile(rx.pattern[rx.pattern.index("])") + 2 :], rx.flags)
    probes = ["约新台幣12億元", "超 95%", "上千家企业", "近三成", "百分之八十五点五", "逾百分之九十"]
    probes += ["Over 5,700 trainees", "Thirty-five enterprises", "above 96%", "4.7 million", "Participants (76,385)"]
    for text in texts + probes:
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert sum(1 for t in texts for _ in rx.finditer(t)) >= at_least  # the comparison saw matches


@pytest.mark.parametrize(
    ("pattern", "head"),
    [
        ("培养.{0,6}人才", "培养"),
        (r"1\+X", "1+X"),
        (r"国\(境\)外认可", "国(境)外认可"),
        ("留[一-鿿]就业", "留"),
        ("生均[一-鿿]{0,8}", "生均"),
        ("ab?c", "a"),
        ("ab*", "a"),
        ("ab{2}", "a"),
        ("(ab|cd)", ""),
        ("ab|cd", ""),
    ],
)
def test_a_keyword_patterns_head_is_the_literal_every_match_opens_with(pattern, head):
    assert classify._head(pattern) == head


def test_every_keyword_pattern_of_the_catalogue_has_a_head_its_matches_hold():
    """A pattern with no literal head would be tried everywhere; one whose head a match can lack
    would be skipped wrongly: every match of every catalogue pattern starts with its head."""
    for unit in {ind.base_unit for ind in classify._indicators()}:
        for head, pat, _ in classify._matcher(unit).regexes:
            assert head, pat.pattern
            for sample in ("培养了一批高技能人才", "1+X证书", "国(境)外认可的标准", "生均经费", "在本地就业"):
                for m in pat.finditer(sample):
                    assert m.group().startswith(head)


def test_places_scanned_by_hinted_runs_are_the_places_a_whole_scan_finds(texts):
    """attribution.place_matches scans only the runs of Chinese characters holding 市, 区, 县 or 州:
    the same matches as PLACE over the whole text and over each sentence, two-character places
    (沛县, 我县) and names at a text's or a sentence's edge included."""
    from pipelines.extract import attribution
    from pipelines.extract.simplify import for_matching

    rx = attribution.PLACE
    probes = ["沛县", "我县71名", "5个县(市)", "楚雄彝族自治州和大理市", "在深圳市南山区", "全市", "市"]
    for text in [for_matching(t) for t in texts] + probes:
        for part in [text, *re.split(r"[。！？!?\n]", text)[:40]]:
            assert [m.span() for m in attribution.place_matches(part)] == [m.span() for m in rx.finditer(part)]
    assert sum(1 for t in texts for _ in attribution.place_matches(for_matching(t))) >= 1000


@pytest.mark.parametrize(
    ("gate", "rx"),
    [(english.BRACKETED_GATE, english.BRACKETED), (english.FRACTION_GATE, english.ENGLISH_FRACTION)],
)
def test_a_text_an_english_scan_skips_holds_none_of_its_matches(gate, rx, texts):
    """BRACKETED and ENGLISH_FRACTION run only where their gate finds what every match holds (a
    letter before a bracketed number; ' of ' after a fraction): a text the gate rejects has no match."""
    probes = ["Participants (76,385)", "graduates （12）", "two thirds of graduates", "Half of them", "one third"]
    for text in texts + probes:
        if not gate.search(text):
            assert next(rx.finditer(text), None) is None
    assert sum(1 for t in texts + probes if gate.search(t) and next(rx.finditer(t), None)) >= 3


def test_table_rows_tried_line_by_line_are_the_rows_a_whole_scan_finds(texts):
    """grammar.table_rows tries TABLE_ROW only at the starts of lines that hold a cell and a number:
    the same rows as TABLE_ROW.finditer, with Windows line ends, a leading blank line, and on a
    one-line text of many cells (where each line is tried once, not once per cell)."""
    probes = [
        "横向技术服务到款额（万元）\t1256.80\n| 专任教师数(万人) | 4.63 | 4.55 |\n",
        "合作企业数量(家) | 200+ |\r\n生均拨款(万元) | 1.2-1.8 |",
        "学生\t1\t2" * 500,
        "",
    ]
    for text in texts + probes:
        for variant in (text, text.replace("\n", "\r\n"), "\n" + text):
            assert [m.span() for m in grammar.table_rows(variant)] == [
                m.span() for m in grammar.TABLE_ROW.finditer(variant)
            ]
    assert sum(1 for t in texts for _ in grammar.table_rows(t)) >= 10  # the comparison saw rows


def test_a_text_with_no_line_of_one_value_gives_no_cell_per_line_table(texts, monkeypatch):
    """line_tables reads its tables only where some line is one value cell (_VALUE_LINE): without the
    gate, the texts it skips give the same (no) candidates."""
    from pipelines.extract import line_tables

    gated = [t for t in texts if t.count("\n") >= 6 and not line_tables._VALUE_LINE.search(t)]
    assert len(gated) >= 1000
    monkeypatch.setattr(line_tables, "_VALUE_LINE", re.compile(""))
    assert all(line_tables.cell_per_line_candidates(t) == [] for t in gated)
