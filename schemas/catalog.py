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
# Money units and their factor to yuan (CNY), the one table of them: the extractor normalises with
# it and the facts contract checks normalized_value against it.
# Shares written as tenths (八成 = 80 percent): their factor to percent.
SHARE_FACTORS = {"成": 10}
MONEY_FACTORS = {"元": 1, "千元": 1_000, "万元": 10_000, "萬元": 10_000, "亿元": 100_000_000, "億元": 100_000_000}


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
