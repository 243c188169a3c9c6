"""datapackage.json (Frictionless Data Package v1) and the bilingual release README, both
generated from the pandera models so that documentation and data cannot drift apart."""

from __future__ import annotations

from schemas.describe import foreign_keys, frictionless_fields, primary_key, table_description
from schemas.tables import PUBLISHED_TABLES

from .files import CSV_ENCODING, WrittenFile

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
TITLE = "chanjiao: industry–education integration facts of Chinese vocational colleges / 产教融合数据集"


def created_datetime(created: str) -> str:
    """Data Package `created` is an RFC 3339 date-time; a release is dated by its day."""
    return created if "T" in created else f"{created}T00:00:00Z"


def database_resource(path, sha256: str) -> dict:
    """The release's DuckDB file (every table, keys and views in one database) as a resource."""
    return {
        "name": "duckdb",
        "path": path.name,
        "profile": "data-resource",
        "title": "DuckDB database / DuckDB 数据库",
        "description": "Every table of this release with primary and foreign keys, and the view facts_named "
        "(facts with the indicator's Chinese and English names). / 本版本全部数据表（含主键、外键）及视图 facts_named。",
        "format": "duckdb",
        "mediatype": "application/vnd.duckdb",
        "hash": f"sha256:{sha256}",
        "bytes": path.stat().st_size,
    }


def descriptor(
    dataset: str,
    version: str,
    created: str,
    files: list[WrittenFile],
    sources: list[dict],
    extra: list[dict] | None = None,
) -> dict:
    resources = []
    for f in sorted(files, key=lambda f: (f.table, f.format)):
        model = PUBLISHED_TABLES[f.table]
        res = {
            "name": f"{f.table}-{f.format}".replace("_", "-"),
            "path": f.path.name,
            "profile": "tabular-data-resource",
            "title": table_description(model).split(":")[0],
            "description": table_description(model),
            "format": f.format,
            "mediatype": "text/csv" if f.format == "csv" else "application/vnd.apache.parquet",
            "hash": f"sha256:{f.sha256}",
            "schema": {"fields": frictionless_fields(model), "primaryKey": primary_key(model)},
        }
        fks = [
            {"fields": col, "reference": {"resource": f"{table}-{f.format}".replace("_", "-"), "fields": ref}}
            for col, (table, ref) in foreign_keys(model).items()
        ]
        if fks:
            res["schema"]["foreignKeys"] = fks
        if f.format == "csv":
            # Frictionless reads Parquet through pyarrow, not as a byte stream, so it cannot count a
            # Parquet file's bytes and reports a declared size as an error: only CSVs declare one.
            # Every file's size and sha256 are in catalog.json, its sha256 in SHA256SUMS too.
            res["bytes"] = f.bytes
            res["encoding"] = "utf-8"  # with a BOM for Excel; the Table Dialect below says so
            res["dialect"] = {"delimiter": ",", "lineTerminator": "\n", "header": True, "doubleQuote": True}
            res["schema"]["missingValues"] = [""]
        else:
            res["encoding"] = "binary"
        res["rows"] = f.rows
        resources.append(res)
    resources += extra or []
    return {
        # a tabular-data-package may hold tables only: with the DuckDB file beside them it is a data-package
        "profile": "data-package" if extra else "tabular-data-package",
        "name": dataset,
        "title": TITLE,
        "version": version,
        "created": created_datetime(created),
        "licenses": [LICENSE],
        "sources": sources,
        "keywords": ["vocational education", "industry-education integration", "产教融合", "职业教育", "China"],
        "resources": resources,
        "csvEncodingNote": f"CSV files are {CSV_ENCODING} (UTF-8 with a byte-order mark) so that Excel shows Chinese.",
    }


def load_section(dataset: str, version: str) -> list[str]:
    """How to load the release, first thing in its README."""
    return [
        "## How to load / 如何读取",
        "",
        "Python (pandas), one line, verified by checksum and cached / 一行读取（校验并缓存）:",
        "",
        "```python",
        "from chanjiao import load",
        f'facts = load("{dataset}", version="{version}")            # or table="reports", source="http://…/"',
        "",
        "import pandas as pd                                       # or straight from this folder",
        'facts = pd.read_parquet("facts.parquet")',
        "```",
        "",
        f"DuckDB (SQL; `{dataset}.duckdb` holds every table with its keys, and the view `facts_named`):",
        "",
        "```sql",
        f"ATTACH '{dataset}.duckdb' AS d (READ_ONLY);",
        "SELECT indicator_name_en, base_unit, count(*) AS facts FROM d.facts_named GROUP BY ALL ORDER BY facts DESC;",
        "SELECT * FROM read_parquet('facts.parquet') LIMIT 5;       -- the Parquet files work too",
        "```",
        "",
        "R (arrow):",
        "",
        "```r",
        "library(arrow)",
        'facts <- read_parquet("facts.parquet")',
        "```",
        "",
        "Excel: open the `.csv` files (UTF-8 with a byte-order mark, so Chinese shows as it should). /",
        "Excel 可直接打开 CSV 文件（带 BOM 的 UTF-8）。",
        "",
        "The data dictionary (every column, in Chinese and English) is below. / 数据字典见下文。",
        "",
    ]


def readme(dataset: str, version: str, created: str, files: list[WrittenFile], counts: dict[str, int]) -> str:
    lines = [
        f"# {dataset} {version}",
        "",
        *load_section(dataset, version),
        "## About / 简介",
        "",
        "chanjiao turns press releases, annual quality reports (质量年报) and industry–education reports of",
        "Chinese vocational colleges into numeric facts: every number parsed, normalised to a base unit,",
        "classified against a bilingual indicator catalogue, validated, and traceable to the sentence it",
        "came from (quote and character offsets into the report text in `report_texts`).",
        "",
        "chanjiao 将职业院校产教融合相关的新闻稿、质量年报等报告中的数字逐条抽取为结构化事实：统一单位、按双语指标目录分类、",
        "经过校验，并可追溯到原文句子（引文及其在 `report_texts` 中的字符位置）。",
        "",
        f"Published {created}. Licence: CC-BY-4.0. / 发布日期 {created}，许可协议 CC-BY-4.0。",
        "",
        "## Files / 文件",
        "",
        "| file | rows | bytes | sha256 |",
        "|---|---:|---:|---|",
    ]
    for f in sorted(files, key=lambda f: (f.table, f.format)):
        lines.append(f"| {f.path.name} | {f.rows} | {f.bytes} | `{f.sha256[:16]}…` |")
    lines += ["", "Check downloads with `sha256sum -c --ignore-missing SHA256SUMS` or `chanjiao download`.", ""]
    lines += ["## Data dictionary / 数据字典", ""]
    for table, model in PUBLISHED_TABLES.items():
        lines += [
            f"### {table} ({counts.get(table, 0)} rows)",
            "",
            table_description(model),
            "",
            "| column | type | description | constraints |",
            "|---|---|---|---|",
        ]
        for fdef in frictionless_fields(model):
            cons = fdef.get("constraints", {})
            shown = ", ".join(
                f"{k}={v if k != 'enum' or len(v) <= 10 else str(len(v)) + ' codes'}" for k, v in cons.items()
            )
            lines.append(f"| {fdef['name']} | {fdef['type']} | {fdef['description']} | {shown} |")
        lines.append("")
    lines += [
        "## How to cite / 引用",
        "",
        f"chanjiao contributors ({created[:4]}). *{TITLE}*, version {version}. Dataset `{dataset}`.",
        "",
        f"chanjiao 贡献者（{created[:4]}）。《产教融合数据集》，版本 {version}，数据集 `{dataset}`。",
        "",
        "Facts are machine-extracted from public reports and self-reported by institutions; check the quote",
        "before relying on a figure. / 数据由程序从公开报告中抽取，数字为院校自报，引用前请核对原文。",
        "",
    ]
    return "\n".join(lines)
