"""The project's indicator catalogue: ../shared/catalog/indicators.csv, extended.

`schemas/catalog/indicators.csv` keeps every reference row and column unchanged and adds
rows (source "project extension") and one column, `match_keywords_zh`: regular
expressions that the classifier looks for in a fact's own clause.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOG_PATH = Path(__file__).with_name("catalog") / "indicators.csv"
REFERENCE_COLUMNS = (
    "code",
    "name_zh",
    "name_en",
    "base_unit",
    "category",
    "definition_en",
    "source",
    "example_phrasings_zh",
)
BASE_UNITS = ("CNY", "person_day", "person_time", "person", "paper", "hour", "percent", "item", "unit", "other")
QUALIFIERS = ("exact", "at_least", "approx", "at_most", "range")
ENTITY_LEVELS = ("institution", "group", "city", "province", "national")
# Money units and their factor to the currency's unit, the one table of them: the extractor
# normalises with it and the facts contract checks normalized_value against it. Only 元 in a
# report about the mainland is CNY; other currencies (港元, 美元, and 元 in a report in New Taiwan
# dollars) keep the base unit `other`, their value expanded all the same (spec: 万元 × 10 000).
# Shares written as tenths (八成 = 80 percent): their factor to percent.
SHARE_FACTORS = {"成": 10}
MONEY_MULTIPLIERS = {
    "": 1,
    "千": 1_000,
    "万": 10_000,
    "萬": 10_000,
    "十万": 100_000,
    "十萬": 100_000,
    "百万": 1_000_000,
    "百萬": 1_000_000,
    "千万": 10_000_000,
    "千萬": 10_000_000,
    "亿": 100_000_000,
    "億": 100_000_000,
    "万亿": 1_000_000_000_000,  # trillions (快递业务收入7万亿元)
    "萬億": 1_000_000_000_000,
}
# Currencies written after an amount. Macau's pataca (澳门元) is not the Australian dollar (澳元);
# Taiwan's dollar is 新台币 or 台币 after an amount as well as before it.
RENMINBI = ("元", "人民币", "人民幣")  # the yuan's names after an amount (七十万人民币)
RENMINBI_EN = ("yuan", "rmb", "cny")  # its names in English, before or after an amount (CNY500,000, 8 million yuan)
CURRENCIES = (
    *RENMINBI,
    *("美元", "美金", "港元", "港币", "港幣", "澳元", "欧元", "歐元", "日元", "英镑", "英鎊"),
    *("澳门元", "澳門元", "澳门币", "澳門幣", "葡币", "葡幣", "新台币", "新台幣", "台币", "台幣"),
)
# Pay written in thousands of no named currency (起薪約35K, 月薪25K以上: Taiwanese reports' monthly pay):
# base unit other, its value expanded as money's is.
THOUSANDS = {"K": 1_000}
MONEY_FACTORS = {m + c: f for c in CURRENCIES for m, f in MONEY_MULTIPLIERS.items()} | THOUSANDS
CNY_UNITS = tuple(m + c for c in RENMINBI for m in MONEY_MULTIPLIERS)


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    base_unit: str
    category: str
    definition_en: str
    source: str
    example_phrasings_zh: str
    match_keywords_zh: tuple[str, ...]


def read_catalog(path: Path = CATALOG_PATH) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def load_catalog(path: Path = CATALOG_PATH) -> tuple[Indicator, ...]:
    out = []
    for row in read_catalog(path):
        keywords = tuple(k for k in row.pop("match_keywords_zh", "").split("|") if k)
        out.append(Indicator(match_keywords_zh=keywords, **{k: row[k] for k in REFERENCE_COLUMNS}))
    return tuple(out)


def indicator_codes(path: Path = CATALOG_PATH) -> tuple[str, ...]:
    return tuple(ind.code for ind in load_catalog(path))
