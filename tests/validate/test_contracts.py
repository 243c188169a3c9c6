"""The pandera contracts: each kind of bad row ends in quarantine with the right reason, a
table without a column fails loudly, and rows in = rows published + rows quarantined."""

from __future__ import annotations

import pandas as pd
import pytest

from pipelines.validate import TableContractError, validate, validate_facts
from schemas.tables import PUBLISHED_TABLES, FactsModel


def test_valid_facts_pass_untouched(tables):
    texts, facts = tables
    result = validate_facts(facts, texts)
    assert len(result.valid) == len(facts) and result.quarantine.empty


BAD_ROWS = [
    ("base_unit", "furlong", "base_unit", "isin"),
    ("qualifier", "maybe", "qualifier", "isin"),
    ("indicator_code", "not_a_code", "indicator_code", "isin"),
    ("value", -5.0, None, "negative_only_a_change"),  # a count below zero (a percent may fall)
    ("normalized_value", 1.0, None, "normalized_value_consistent"),
    ("char_end", 0, None, "char_span_in_order"),
    ("quote", None, None, "quote_matches_report_text"),  # same length, number kept, one character changed
    ("published", pd.Timestamp("2099-01-01"), "published", "not_in_future"),
    ("report_id", "ffffffffffffffff", None, "report_exists"),
]


@pytest.mark.parametrize("column, bad, failing_column, check", BAD_ROWS)
def test_bad_row_goes_to_quarantine_with_its_reason(tables, column, bad, failing_column, check):
    texts, facts = tables
    facts = facts.copy()
    target = 1 if column != "normalized_value" else int(facts.index[facts["base_unit"] == "CNY"][0])
    facts.loc[target, column] = bad if column != "quote" else facts.loc[target, "quote"][:-1] + "Ｘ"
    if column == "report_id":
        facts.loc[target, "fact_id"] = "ffffffffffffffff-000000-000001"
    result = validate_facts(facts, texts)
    q = result.quarantine
    assert set(q["record_id"]) == {facts.loc[target, "fact_id"]}
    assert any(c.startswith(check) for c in q["check"]), q[["check", "reason"]]
    if failing_column:
        assert failing_column in set(q["column"].dropna())
    assert all(q["reason"].str.len() > 10)
    # rows in = rows published + rows quarantined, and the good rows go on
    assert len(result.valid) + q["record_id"].nunique() == len(facts)
    assert facts.loc[target, "fact_id"] not in set(result.valid["fact_id"])


def test_duplicate_fact_ids_are_quarantined(tables):
    texts, facts = tables
    facts = pd.concat([facts, facts.iloc[[0]]], ignore_index=True)
    result = validate_facts(facts, texts)
    assert "field_uniqueness" in set(result.quarantine["check"]) or "unique" in " ".join(result.quarantine["check"])
    assert len(result.valid) + result.quarantine["record_id"].nunique() <= len(facts)


def test_a_missing_column_fails_loudly(tables):
    _, facts = tables
    with pytest.raises(TableContractError, match="indicator_code"):
        validate(facts.drop(columns=["indicator_code"]), FactsModel.to_schema(), "facts", "fact_id")


def test_an_unknown_column_fails_loudly(tables):
    _, facts = tables
    with pytest.raises(TableContractError):
        validate(facts.assign(extra=1), FactsModel.to_schema(), "facts", "fact_id")


def test_every_column_is_described_in_both_languages():
    for model in PUBLISHED_TABLES.values():
        for name, col in model.to_schema().columns.items():
            assert col.metadata["zh"] and col.metadata["en"], name
            assert any("\u4e00" <= ch <= "\u9fff" for ch in col.metadata["zh"]), name


def test_a_row_dropped_without_a_record_raises(tables, monkeypatch):
    import pipelines.validate.facts as facts_module
    from pipelines.validate import LostRowsError

    texts, facts = tables
    real = facts_module.validate

    def lossy(df, schema, table, id_column, **kw):
        result = real(df, schema, table, id_column, **kw)
        return type(result)(result.valid.iloc[1:], result.quarantine, result.failure_cases)

    monkeypatch.setattr(facts_module, "validate", lossy)
    with pytest.raises(LostRowsError):
        validate_facts(facts, texts)


@pytest.mark.parametrize(
    "unit_text, number_text, passes",
    [
        ("万元", None, True),
        ("万人民币", None, True),  # 七十万人民币: yuan by the currency's name
        ("RMB", None, True),
        ("", "10万", True),
        ("人", None, False),
        ("", None, False),
    ],
)
def test_money_has_a_money_unit_or_its_number_holds_its_wan(tables, unit_text, number_text, passes):
    """捐资10万设立 and 3,300 RMB are yuan; a CNY fact counted in 人, or bare, is not."""
    texts, facts = tables
    facts = facts.copy()
    target = int(facts.index[facts["base_unit"] == "CNY"][0])
    facts.loc[target, "unit_text"] = unit_text
    if number_text is not None:
        facts.loc[target, "number_text"] = number_text
        facts.loc[target, "value"] = facts.loc[target, "normalized_value"]
    checks = set(validate_facts(facts, texts).quarantine["check"])
    assert ("money_has_money_unit" not in checks) == passes


def test_every_unit_the_extractor_writes_passes_the_contract(report_tables):
    """Facts in each unit the extractor normalises (万元, 成, pay in thousands, 人/次, an English
    million) pass the facts contract: a unit the extractor learns must be one the contract knows
    (pay in K was quarantined, normalized_value_consistent, until the catalogue gave K its factor)."""
    report = (
        "江陵职业技术学院2023年技术服务到款额1400万元，毕业生八成留在本地就业，培训3494人/次。"
        "畢業生起薪平均約35K，碩士起薪約45~48K。The college trained 1.2 million workers.\n"
        "The fund started with CNY500,000 and RMB 34.6 million, and the trade reached 3.15 trillion yuan. "
        "A firm gave $17 million.\n"
    )
    texts, facts = report_tables(report)
    assert {"万元", "成", "K", "人/次", "CNY", "RMB", "yuan", "$"} <= set(facts["unit_text"])
    result = validate_facts(facts, texts)
    assert result.quarantine.empty, result.quarantine[["check", "record_id"]]
    assert len(result.valid) == len(facts)
