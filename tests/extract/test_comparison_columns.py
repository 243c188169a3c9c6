"""A pipe table's comparators (pipelines/extract/comparison_columns.py): their cells are no facts."""

from __future__ import annotations

import time

from pipelines.extract.comparison_columns import comparator_cells, in_comparator_cell
from pipelines.extract.extractor import extract_facts

PROFILE = (
    "邛崃职教中心学前教育专业概况\n"
    "指标类型 | 邛崃职教中心 | 行业平均值(中职类) | 省级示范校标准 |\n"
    "---|---|---|---|\n"
    "硕士以上学历教师 | 35% | 18% | 50% |\n"
    "双师型教师 | 78% | 45% | 65% |\n"
    "\n"
    "| 年份 | 郫县幼师 | 成都某幼师学校 |\n"
    "|---|---|---|\n"
    "| 2022年 | 680人 | 850人 |\n"
    "\n"
    "核心指标 | 成都职业幼师 | 实践教学 |\n"
    "---|---|---|\n"
    "成都职业幼师 | 40% | 50% |\n"
    "A类对比院校 | 55% | 40% |\n"
)


def test_the_report_institutions_column_stays_and_the_comparators_go():
    values = [f.value for f in extract_facts(PROFILE)]
    assert 35 in values and 78 in values and 680 in values and 40 in values and 50 in values
    for gone in (18, 45, 65, 850, 55):
        assert gone not in values, gone


def test_a_schemes_weights_and_benchmarks_are_no_facts_with_or_without_a_separator():
    scheme = "评估模型如下:\n| 评估维度 | 权重系数 | 标杆值 |\n| 基础条件 | 0.2 | 生均设备值≥4万元 |\n"
    assert extract_facts(scheme) == []
    rows = "本校数据:\n| 2022年 | 680人 | 850人 |\n| 2023年 | 820人 | 980人 |\n"  # no header: all stay
    assert [f.value for f in extract_facts(rows)] == [680, 850, 820, 980]


def test_tiers_and_plain_tables_are_no_comparators():
    tiers = "评估维度 | A类院校 | B类院校 |\n---|---|---|\n双师型教师占比 | 65% | 30% |\n"
    assert [f.value for f in extract_facts(tiers)] == [65, 30]
    assert comparator_cells("学校共有教师120人。\n没有表格。") == []


def test_a_cell_is_found_by_its_column_under_a_header_with_or_without_outer_bars():
    text = "| 项目 | 本校 | 同类院校均值 |\n|---|---|---|\n| 就业率 | 96% | 90% |\n"
    tables = comparator_cells(text)
    assert in_comparator_cell(text, tables, text.index("90%")) and not in_comparator_cell(
        text, tables, text.index("96%")
    )


def test_the_cost_stays_linear_on_many_tables_and_long_rows():
    table = "对比 | 本校 | 某校 |\n---|---|---|\n人数 | 12人 | 13人 |\n"

    def cost(n: int) -> float:
        text = table * n + "x|" * (50 * n) + "\n"
        t = time.perf_counter()
        tables = comparator_cells(text)
        for i in range(0, len(text), 97):
            in_comparator_cell(text, tables, i)
        return time.perf_counter() - t

    cost(100)
    small, large = min(cost(500) for _ in range(3)), min(cost(5000) for _ in range(3))
    assert large < small * 30  # ten times the input: about ten times the time, never a hundred
