"""The evaluator's matching rule is the shared scorer's (pipelines/devtools/evaluate.py)."""

import importlib.util

import pytest

from pipelines.devtools.evaluate import core_number, matches

from conftest import SHARED

GOLD = {"base_unit": "person_time", "normalized_value": "44000000", "number_text": "4400多万", "quote": "4400多万人次"}
PAIRS = [
    (GOLD, {"base_unit": "person_time", "normalized_value": 44000000, "quote": "4400多万人次"}, True),
    (GOLD, {"base_unit": "person_time", "normalized_value": 44000000, "quote": "共4400多万人次"}, True),
    (GOLD, {"base_unit": "person", "normalized_value": 44000000, "quote": "4400多万人次"}, False),
    (
        {"base_unit": "person", "normalized_value": "100", "number_text": "近100", "quote": "近100名学生"},
        {"base_unit": "person", "normalized_value": 100, "quote": "100名"},
        True,
    ),
    (
        {"base_unit": "unit", "normalized_value": "12", "number_text": "12", "quote": "合作企业12家"},
        {"base_unit": "unit", "normalized_value": 12, "quote": "基地12个"},
        False,
    ),
]


def test_an_inner_approximation_mark_stays_in_the_number():
    assert core_number("4400多万") == "4400多万"
    assert core_number("近100") == "100" and core_number("500多") == "500" and core_number(" 10余万 ") == "10余万"


@pytest.mark.parametrize(("gold", "pred", "expected"), PAIRS)
def test_matching(gold, pred, expected):
    assert matches(gold, pred) is expected


def test_matching_agrees_with_the_shared_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared is not here")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    for gold, pred, _ in PAIRS:
        assert matches(gold, pred) is shared.matches(gold, pred)


def test_a_gold_period_is_read_as_years_or_is_unknown():
    from pipelines.devtools.attribution_eval import gold_period

    assert gold_period("2023") == (2023, 2023)
    assert gold_period("2019-2023") == (2019, 2023)
    assert gold_period("2024?") == (2024, 2024)
    assert gold_period("") == (None, None)
    assert gold_period("202X") == (None, None)  # the page writes it so: no year to read, no crash


def test_the_nation_is_one_entity_by_any_of_its_names():
    """A labeller's 全国 (the whole nation) and the extractor's 中国 name one entity; a province or
    a college is still not the nation, and an unknown gold name accepts any answer."""
    from pipelines.devtools.attribution_eval import same_name

    assert same_name("全国", "中国") and same_name("我国", "中国") and same_name("中国", "中国")
    assert not same_name("全国", "广东省") and not same_name("全国", None)
    assert same_name("浙江大学", "浙江大學") and same_name("", "中国")


def test_a_report_the_pipeline_quarantines_has_no_facts_in_an_evaluation(tmp_path, capsys):
    from pipelines.devtools.evaluate import predictions

    (tmp_path / "ja.txt").write_text("技能実習生の派遣を開始し、今まで100人近い学生が日本に渡航しました。" * 3)
    (tmp_path / "zh.txt").write_text("学院共建产业学院3个。")
    preds = predictions([tmp_path / "ja.txt", tmp_path / "zh.txt"])
    assert [(p["source"], p["normalized_value"]) for p in preds] == [("zh.txt", 3)]
    assert "ja.txt: no facts, the pipeline quarantines it" in capsys.readouterr().err
