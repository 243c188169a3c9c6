"""One pandera DataFrameModel per published table: the registry every other description of a
table is derived from (schemas/describe.py): validation, Parquet types, datapackage.json fields,
primary and foreign keys, Dagster column metadata, the changelog's keys and the blocking asset
checks.

Every column has a Chinese and an English description (`field(zh, en, …)`); a categorical column
says so (`categorical=True`: dictionary-encoded in Parquet). Each model's `Config.metadata` holds
the table-level facts: `primary_key`, `sort_keys` (the stable row order of the published files)
and `foreign_keys` (column → (table, column)).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipelines.ingest.formats import MEDIA_TYPES

from .catalog import (
    BASE_UNITS,
    CNY_UNITS,
    ENTITY_LEVELS,
    MONEY_FACTORS,
    QUALIFIERS,
    RENMINBI_EN,
    SHARE_FACTORS,
    indicator_codes,
)
from .pandas_only import pandas_types_only
from .registry import PUBLISHED_MODELS
from .text import Text

pandas_types_only()


def not_in_future(s: pd.Series) -> pd.Series:
    """True where a date is missing or not after today."""
    return s.isna() | (s <= pd.Timestamp(date.today()))


def field(zh: str, en: str, categorical: bool = False, **kwargs):
    return pa.Field(
        title=zh, description=f"{zh} / {en}", metadata={"zh": zh, "en": en, "categorical": categorical}, **kwargs
    )


def table_facts(
    primary_key: list[str], sort_keys: list[str] | None = None, foreign_keys: dict[str, tuple[str, str]] | None = None
) -> dict:
    """A model's `Config.metadata`: its primary key, the row order of its published files (the
    primary key unless said otherwise) and its foreign keys (column → (table, column))."""
    return {"primary_key": primary_key, "sort_keys": sort_keys or primary_key, "foreign_keys": foreign_keys or {}}


class FactsModel(pa.DataFrameModel):
    """事实表 / Facts: one row per numeric fact, with its evidence."""

    fact_id: Series[Text] = field(
        "事实编号", "fact id: report id and character span", unique=True, str_length={"min_value": 1}
    )
    report_id: Series[Text] = field(
        "报告编号", "report id (first 16 hex digits of the report's sha256)", str_matches=r"^[0-9a-f]{16}$"
    )
    file_name: Series[Text] = field("报告文件名", "file name of the raw report")
    institution: Series[Text] = field("院校", "institution the report is about (full name)", nullable=True)
    entity: Series[Text] = field(
        "归属主体",
        "who the number belongs to: the institution, group, city, province or nation its sentence names, "
        "else the report's own (Simplified full name; a college an English page names only in English is "
        "written in Chinese where its English form fixes the name, else in English as written; null where "
        "the text does not say)",
        nullable=True,
    )
    entity_level: Series[Text] = field(
        "主体层级",
        "level of the entity: institution, group, city, province or national",
        isin=list(ENTITY_LEVELS),
        categorical=True,
    )
    published: Series[pd.Timestamp] = field("发布日期", "publication date of the report", nullable=True)
    # Years are numbers, not integers, in the published files: a Parquet integer column with nulls
    # is read back as NaN by Frictionless and fails its type; the values are whole years.
    period_start: Series[float] = field("起始年份", "first year the number covers (a whole year)", nullable=True)
    period_end: Series[float] = field("截止年份", "last year the number covers (a whole year)", nullable=True)
    period_source: Series[Text] = field(
        "年份来源",
        "text where the sentence states the period, report where it is the report's year, else unknown",
        isin=["text", "report", "unknown"],
        categorical=True,
    )
    quote: Series[Text] = field(
        "引文", "shortest unique piece of the report text holding the number and unit", str_length={"min_value": 1}
    )
    char_start: Series[int] = field("起始位置", "start offset of the quote in the decoded report text", ge=0)
    char_end: Series[int] = field("结束位置", "end offset (exclusive) of the quote in the decoded report text", ge=1)
    number_text: Series[Text] = field("数字原文", "the number as written, with touching approximation marks")
    value: Series[float] = field(
        "数值", "the number as a plain number (below zero only for a change in percent: 比上年增长 -11.6)"
    )
    unit_text: Series[Text] = field(
        "单位原文", "unit or measure word as written (empty where a count in 万 has none: 8万产业工人)", nullable=True
    )
    normalized_value: Series[float] = field("标准化数值", "value in the base unit (万元 × 10000 → CNY)")
    base_unit: Series[Text] = field("基本单位", "base unit", isin=list(BASE_UNITS), categorical=True)
    qualifier: Series[Text] = field(
        "限定", "exact, at_least, approx, at_most or range", isin=list(QUALIFIERS), categorical=True
    )
    indicator_code: Series[Text] = field(
        "指标代码", "indicator code from the catalogue", isin=list(indicator_codes()), categorical=True
    )
    code_confidence: Series[float] = field(
        "代码置信度",
        "how often a code with this much evidence was right on the real development gold (0–1)",
        ge=0.0,
        le=1.0,
    )
    subject: Series[Text] = field(
        "主题", "what is counted: the clause words before the number and the noun after it", nullable=True
    )
    about: Series[Text] = field(
        "归属",
        "institution, or partner where a partner organisation gives or sends it",
        isin=["institution", "partner"],
        categorical=True,
    )
    sentence: Series[Text] = field("原句", "the sentence the fact comes from")
    extractor_version: Series[Text] = field(
        "抽取器版本", "version of the extractor that produced the fact", categorical=True
    )
    page: Series[float] = field(
        "页码",
        "PDF page (from 1) the number stands on; a whole number, typed as number because Parquet "
        "readers turn an integer column with nulls into floats",
        nullable=True,
    )
    cell: Series[Text] = field("单元格", "table cell the number comes from (sheet or table!column row)", nullable=True)

    class Config:
        name = "facts"
        strict = True
        coerce = True
        metadata = table_facts(
            ["fact_id"],
            ["report_id", "char_start", "fact_id"],
            {"report_id": ("reports", "report_id"), "indicator_code": ("indicators", "code")},
        )

    @pa.dataframe_check(
        name="char_span_in_order", description="char_start < char_end and the span is as long as the quote"
    )
    def span_in_order(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["char_start"] < df["char_end"]) & ((df["char_end"] - df["char_start"]) == df["quote"].str.len())

    @pa.dataframe_check(
        name="normalized_value_consistent",
        description="normalized_value = value × the factor of unit_text (money to its currency's unit, 成 to percent; "
        "1 for counts)",
    )
    def normalized_consistent(cls, df: pd.DataFrame) -> Series[bool]:
        money = df["base_unit"].isin(["CNY", "other"])
        share = df["base_unit"] == "percent"
        factor = df["unit_text"].map(MONEY_FACTORS).where(money).fillna(df["unit_text"].map(SHARE_FACTORS).where(share))
        expected = df["value"] * factor.fillna(1.0)
        return (df["normalized_value"] - expected).abs() <= 1e-6 * expected.abs().clip(lower=1.0)

    @pa.dataframe_check(
        name="money_has_money_unit",
        description="a CNY fact has a 元 (or 人民币) unit, an English one (RMB, CNY, yuan), or none where its number holds "
        "its 万 or 亿 (捐资10万设立: an amount after a money word)",
    )
    def money_unit(cls, df: pd.DataFrame) -> Series[bool]:
        bare_wan = (df["unit_text"].fillna("") == "") & df["number_text"].str.contains("[万萬亿億]", regex=True)
        english = df["unit_text"].fillna("").str.lower().isin(list(RENMINBI_EN))
        return (df["base_unit"] != "CNY") | df["unit_text"].isin(list(CNY_UNITS)) | bare_wan | english

    @pa.dataframe_check(
        name="negative_only_a_change",
        description="value and normalized_value are below zero only for a percent (a fall: 比上年增长 -11.6)",
    )
    def negative_only_a_change(cls, df: pd.DataFrame) -> Series[bool]:
        return ((df["value"] >= 0) & (df["normalized_value"] >= 0)) | (df["base_unit"] == "percent")

    @pa.dataframe_check(name="number_in_quote", description="the number as written stands in the quote")
    def number_in_quote(cls, df: pd.DataFrame) -> Series[bool]:
        return pd.Series([n.strip("近约約") in q for n, q in zip(df["number_text"], df["quote"])], index=df.index)

    @pa.check("published", name="not_in_future", description="dates are not in the future")
    def not_future(cls, s: Series[pd.Timestamp]) -> Series[bool]:
        return not_in_future(s)

    @pa.dataframe_check(
        name="period_whole_years", description="period_start and period_end are whole years from 1900 to 2100"
    )
    def period_whole_years(cls, df: pd.DataFrame) -> Series[bool]:
        # a row check, not a column constraint: Frictionless reads a Parquet null as NaN and would
        # hold NaN against a minimum
        def ok(s: pd.Series) -> pd.Series:
            return s.isna() | ((s % 1 == 0) & s.between(1900, 2100))

        return ok(df["period_start"]) & ok(df["period_end"])

    @pa.dataframe_check(name="period_in_order", description="period_start <= period_end where both are known")
    def period_in_order(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["period_start"].isna() | df["period_end"].isna() | (df["period_start"] <= df["period_end"])).astype(
            bool
        )

    @pa.check("page", name="whole_page", description="a page number is a whole number from 1")
    def whole_page(cls, s: Series[float]) -> Series[bool]:
        # not ge=1: frictionless would hold a missing page (NaN in Parquet) against the minimum
        return s.isna() | ((s >= 1) & (s == s.round()))


class ReportsModel(pa.DataFrameModel):
    """报告表 / Reports: one row per ingested report."""

    report_id: Series[Text] = field(
        "报告编号", "report id (first 16 hex digits of sha256)", unique=True, str_matches=r"^[0-9a-f]{16}$"
    )
    sha256: Series[Text] = field(
        "SHA-256 校验值", "sha256 of the raw bytes", unique=True, str_matches=r"^[0-9a-f]{64}$"
    )
    file_name: Series[Text] = field("文件名", "file name of the raw report")
    origin: Series[Text] = field(
        "来源位置", "where the raw report came from (inbox path relative to the inbox, or URL)"
    )
    source_url: Series[Text] = field(
        "来源网址", "the public page the report was copied or fetched from, where known", nullable=True
    )
    media_type: Series[Text] = field(
        "媒体类型",
        "media type of the raw report",
        isin=["text/plain", "text/html", *MEDIA_TYPES.values()],
        categorical=True,
    )
    encoding: Series[Text] = field("编码", "character encoding the report was decoded from", categorical=True)
    replaced_bytes: Series[int] = field(
        "替换字节数", "invalid bytes read as U+FFFD (a few stray bytes in an otherwise valid text; 0 for most)", ge=0
    )
    size_bytes: Series[int] = field("字节数", "size of the raw report in bytes", ge=1)
    title: Series[Text] = field("标题", "title of the report", nullable=True)
    published: Series[pd.Timestamp] = field("发布日期", "publication date", nullable=True)
    publisher: Series[Text] = field("发布者", "publisher or site", nullable=True)
    institution: Series[Text] = field("院校", "institution the report is about (full name)", nullable=True)
    n_chars: Series[int] = field("字符数", "length of the decoded text in characters", ge=1)
    n_facts: Series[int] = field("事实数", "facts extracted from the report", ge=0)

    class Config:
        name = "reports"
        strict = True
        coerce = True
        metadata = table_facts(["report_id"])

    @pa.check("published", name="not_in_future", description="dates are not in the future")
    def not_future(cls, s: Series[pd.Timestamp]) -> Series[bool]:
        return not_in_future(s)


class ReportTextsModel(pa.DataFrameModel):
    """报告文本 / Report texts: the decoded text every fact's offsets point into."""

    report_id: Series[Text] = field("报告编号", "report id", unique=True, str_matches=r"^[0-9a-f]{16}$")
    text: Series[Text] = field("文本", "decoded report text (HTML reduced to text)")

    class Config:
        name = "report_texts"
        strict = True
        coerce = True
        metadata = table_facts(["report_id"], foreign_keys={"report_id": ("reports", "report_id")})


class InstitutionsModel(pa.DataFrameModel):
    """院校表 / Institutions named as the subject of at least one report."""

    institution: Series[Text] = field("院校", "full name of the institution", unique=True)
    abbreviations: Series[Text] = field("简称", "abbreviations seen in reports, separated by |", nullable=True)
    n_reports: Series[int] = field("报告数", "reports about the institution", ge=1)
    n_facts: Series[int] = field("事实数", "facts about the institution", ge=0)
    first_published: Series[pd.Timestamp] = field("最早报告日期", "date of the earliest report", nullable=True)
    last_published: Series[pd.Timestamp] = field("最近报告日期", "date of the latest report", nullable=True)

    class Config:
        name = "institutions"
        strict = True
        coerce = True
        metadata = table_facts(["institution"])


class IndicatorCatalogueModel(pa.DataFrameModel):
    """指标目录 / Indicator catalogue: every code a fact may carry."""

    code: Series[Text] = field("代码", "indicator code", unique=True, str_matches=r"^[a-z][a-z0-9_]*$")
    name_zh: Series[Text] = field("中文名称", "Chinese name")
    name_en: Series[Text] = field("英文名称", "English name")
    base_unit: Series[Text] = field("基本单位", "base unit", isin=list(BASE_UNITS), categorical=True)
    category: Series[Text] = field("类别", "category", categorical=True)
    definition_en: Series[Text] = field("定义", "definition (English)")
    source: Series[Text] = field("出处", "source of the definition")
    example_phrasings_zh: Series[Text] = field("常见表述", "typical phrasings in reports, separated by |")
    match_keywords_zh: Series[Text] = field(
        "匹配关键词", "patterns the classifier looks for, separated by |", nullable=True
    )

    class Config:
        name = "indicators"
        strict = True
        coerce = True
        metadata = table_facts(["code"])


class QuarantineModel(pa.DataFrameModel):
    """隔离表 / Quarantine: every row or raw file held back, with the failing check and why."""

    table: Series[Text] = field(
        "表",
        "table (or stage) the record was held back from",
        isin=["facts", "reports", "raw_reports"],
        categorical=True,
    )
    record_id: Series[Text] = field("记录编号", "fact id, report id or raw file origin")
    report_id: Series[Text] = field("报告编号", "report id", nullable=True)
    check: Series[Text] = field("检查", "name of the failing check", categorical=True)
    column: Series[Text] = field("列", "column the check failed on (empty for row-level checks)", nullable=True)
    failure_case: Series[Text] = field("失败值", "the failing value", nullable=True)
    reason: Series[Text] = field("原因", "why the record was held back")
    record_json: Series[Text] = field("原始记录", "the record as JSON")

    class Config:
        name = "quarantine"
        strict = True
        coerce = True
        metadata = table_facts(["table", "record_id", "check", "column"])


PUBLISHED_TABLES: dict[str, type[pa.DataFrameModel]] = {table: globals()[m] for table, m in PUBLISHED_MODELS.items()}
if bad := [t for t, m in PUBLISHED_TABLES.items() if m.Config.name != t]:
    raise ValueError(f"models whose Config.name is not their table's: {bad}")
