"""Properties over arbitrary text: the extractor never raises, and every fact's offsets give
back its quote, which holds the number as written."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.extract.extractor import extract_facts

ALPHABET = (
    "0123456789０１２３.,，。、；：%％—-~～（）“”《》[]+\n 第年月日号"
    "零〇一二两兩三四五六七八九十百千万萬亿億余餘多近约約超过逾突破高于不足到低以上左右至"
    "元人日天次名位项項件门种部本篇个個家所间户类学时课大"
    "专利企业学院培训服务技术收入平台基地中心预计力争目标全市生产总值增长产值"
)
texts = st.text(alphabet=ALPHABET, max_size=200) | st.text(max_size=120)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_raises_and_offsets_give_back_the_quote(text):
    for f in extract_facts(text):
        assert text[f.char_start : f.char_end] == f.quote
        assert f.number_text.strip("近约約") in f.quote or f.unit_text == "百分之"
        assert f.normalized_value >= 0 or f.base_unit == "percent"  # a table's fall (-11.6) only
        # unique in the text, unless the whole sentence repeats (then the quote is that sentence)
        assert _occurrences(text, f.quote) == 1 or f.quote.strip() == f.sentence


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["项", "家", "人次", "人日", "万元", "%"]))
def test_any_arabic_count_is_read_back(n, unit):
    text = f"学校全年共完成{n:,}{unit}。"
    facts = extract_facts(text)
    assert len(facts) == 1
    factor = 10_000 if unit == "万元" else 1
    assert facts[0].normalized_value == n * factor


def _occurrences(text: str, sub: str) -> int:
    return sum(1 for i in range(len(text)) if text.startswith(sub, i))
