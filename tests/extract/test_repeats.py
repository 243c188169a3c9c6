"""Identical surroundings give an identical fact, computed once: a text that repeats itself costs
one fact's work per distinct window, and the facts are exactly those computed one by one."""

from __future__ import annotations

import pytest

from pipelines.devtools.hostile import repeated_clause
from pipelines.extract import extractor
from pipelines.extract.repeats import REACH

REPORT = (
    "江陵职业技术学院2023年产教融合工作报告\n2023年，学院与85家企业开展校企合作，共建产业学院3个，"
    "其中省级1个；授权专利12项，技术服务收入350万元，开展社会培训2.1万人日。\n"
    "| 指标 | 2022年 | 2023年 |\n| 订单班学生（人） | 500 | 600 |\n"
)


def one_by_one(text: str, monkeypatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(extractor, "window_key", lambda doc, c: None)
        return extractor.extract_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        REPORT,
        REPORT + REPORT,  # a page pasted twice: the second copy's quotes must still be unique or widened alike
        REPORT * 3 + "另有合作企业85家。",
        repeated_clause(1500),
        repeated_clause(1500, "共建产业学院3个，其中省级1个"),  # parts after 其中 take their total's code
    ],
    ids=["report", "pasted-twice", "thrice-then-other", "clause", "clause-with-parts"],
)
def test_memoised_facts_equal_the_facts_computed_one_by_one(text, monkeypatch):
    facts = extractor.extract_facts(text)
    assert facts == one_by_one(text, monkeypatch)
    assert all(text[f.char_start : f.char_end] == f.quote for f in facts)


def test_a_repeated_clause_costs_one_fact_per_distinct_window(monkeypatch):
    calls = []
    real = extractor._to_fact
    monkeypatch.setattr(extractor, "_to_fact", lambda doc, c: calls.append(c.start) or real(doc, c))
    text = repeated_clause(5000)  # 5,000 facts in one comma-joined clause
    facts = extractor.extract_facts(text)
    assert len(facts) == 5000
    # only the windows that touch the text's two ends differ from their neighbours
    assert len(calls) < 2 * (REACH // len("合作企业45家，") + 2)
