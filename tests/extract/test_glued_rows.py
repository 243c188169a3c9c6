"""Tables glued into lines (pipelines/extract/glued_rows.py)."""

from __future__ import annotations

from pipelines.extract.extractor import extract_facts
from pipelines.extract.glued_rows import glued_header

HEADER = "排名学校名称所属地区重点专业领域校企合作企业数量毕业生就业率"
TABLE = (
    "以下为2023年主流平台认可的综合实力前10院校对比:\n\n" + HEADER + "\n"
    "1上海信息技术学校上海电子信息、物联网技术126家98.7%\n"
    "2南京高等职业技术学校江苏智能制造、现代服务业98家97.5%\n"
    "3浙江信息工程学校浙江数字媒体、电子商务85家96.8%\n"
)


def test_a_glued_rows_numbers_read_the_header_that_names_their_columns():
    codes = {(f.value, f.indicator_code) for f in extract_facts(TABLE)}
    assert (97.5, "graduate_employment_rate") in codes and (96.8, "graduate_employment_rate") in codes
    assert (98, "partner_enterprises") in codes
    row = TABLE.index("2南京")
    assert glued_header(TABLE, row) == HEADER
    # prose is no row, and a row under prose has no header
    assert glued_header("学院合作企业126家，就业率98.7%。", 0) is None
    assert (
        glued_header("学院今年就业形势良好。\n1上海信息技术学校126家98.7%\n", len("学院今年就业形势良好。\n")) is None
    )


def test_the_walk_to_a_header_is_bounded_however_long_the_lines():
    # one row line of a megabyte, or a megabyte-long line above a row: nothing read past MAX_LINE
    long_row = "1上海信息技术学校" + "物联网技术" * 200_000 + "126家"
    assert glued_header(long_row, 0) is None
    long_above = "合作企业" * 200_000 + "\n1上海信息技术学校126家98.7%\n"
    assert glued_header(long_above, long_above.index("1上海")) is None


def test_a_share_glued_to_the_cells_before_it_is_read_alone():
    # no share is five digits long: 201928501589% is 2019 | 2850 | 15 | 89%
    text = "以下数据反映其近年发展轨迹:\n\n年份在校生人数专业数量毕业生就业率\n201928501589%\n202136751792%\n"
    assert [(f.number_text, f.value, f.base_unit) for f in extract_facts(text)] == [
        ("89", 89, "percent"),
        ("92", 92, "percent"),
    ]
    # in a glued table's row a share over 100 is glued too: 850097.2% is 8500 | 97.2%
    rows = "排名区间学校数量区域分布平均实训设备价值(万元)毕业生对口就业率\n1前50名江苏(18)、广东(15)850097.2%\n"
    assert [f.value for f in extract_facts(rows) if f.base_unit == "percent"] == [97.2]
    # a growth of 1123.59% in prose is a share as written
    assert [f.value for f in extract_facts("学院技术服务到款额总增长率1123.59%。")] == [1123.59]


def test_rows_without_a_rank_read_a_header_that_names_a_tables_columns():
    text = "学校专业设置如下:\n\n专业类别专业数量年均就业率\n农牧类专业492.3%\n信息技术类388.7%\n"
    assert glued_header(text, text.index("信息技术类")) == "专业类别专业数量年均就业率"
    shares = [(f.value, f.indicator_code) for f in extract_facts(text) if f.base_unit == "percent"]
    assert shares == [(92.3, "graduate_employment_rate"), (88.7, "graduate_employment_rate")]
    # a heading over a line of figures is no header: it names fewer than three columns
    heading = "学院概况\n占地面积800亩\n"
    assert glued_header(heading, heading.index("占地")) is None
    # a row of cells with bars belongs to the other table readers
    barred = "专业类别专业数量年均就业率\n农牧类 | 4 | 92.3%\n"
    assert glued_header(barred, barred.index("农牧")) is None
