from __future__ import annotations

from datetime import date

from pipelines.ingest.metadata import find_institution, report_metadata, resolve_abbreviation

TEXT = """江陵市教育局

您当前的位置: 首页>工作动态

江陵职院扎实推动产教融合高质量发展

发布时间：2024年5月20日  来源：江陵职业技术学院

江陵职业技术学院与华中数控、湖北长江职业学院共建产业学院。江陵职院授权专利147项。
"""


def test_report_metadata():
    m = report_metadata(TEXT)
    assert m.title == "江陵职院扎实推动产教融合高质量发展"
    assert m.published == date(2024, 5, 20)
    assert m.publisher == "江陵职业技术学院"
    assert m.institution == "江陵职业技术学院"
    assert m.abbreviations == ("江陵职院",)


def test_abbreviation_resolution():
    assert resolve_abbreviation("重庆城市职院", ["重庆城市职业学院", "重庆工商职业学院"]) == "重庆城市职业学院"
    assert resolve_abbreviation("成都职大", ["重庆城市职业学院"]) is None


def test_partner_named_once_is_not_the_subject():
    name, _ = find_institution("与湖北长江职业学院合作。江陵职业技术学院开展培训。江陵职业技术学院授权专利。")
    assert name == "江陵职业技术学院"
