"""The release README opens with how to load the data (pandas, DuckDB, R's arrow, Excel) and
holds the data dictionary; the DuckDB query it shows runs against the release."""

from __future__ import annotations

import re
from datetime import date

import duckdb

from pipelines.publish import release

from release_helpers import DATASET, REPORTS, build_tables, write_inbox


def test_the_readme_opens_with_how_to_load_and_its_query_runs(tmp_path):
    tables = build_tables(write_inbox(tmp_path / "inbox", REPORTS), tmp_path / "data")
    result = release.run(tables, tmp_path / "pub", DATASET, today=date(2024, 7, 1))
    text = (result.path / "README.md").read_text(encoding="utf-8")
    head = text.split("## About", 1)[0]
    for what in ("from chanjiao import load", "pd.read_parquet", "duckdb", "library(arrow)", "Excel"):
        assert what in head, what
    assert "## Data dictionary" in text and "| fact_id | string |" in text
    sql = re.search(r"```sql\n(.*?)```", text, re.S).group(1)
    with duckdb.connect() as con:
        con.execute(f"SET file_search_path = '{result.path}'")
        out = None
        for stmt in [s.split("--")[0].strip() for s in sql.split(";\n")]:
            if stmt:
                stmt = stmt.replace(f"'{DATASET}.duckdb'", f"'{result.path / (DATASET + '.duckdb')}'")
                stmt = stmt.replace("'facts.parquet'", f"'{result.path / 'facts.parquet'}'")
                out = (
                    con.execute(stmt.rstrip(";")).fetchall() if stmt.upper().startswith("SELECT") else con.execute(stmt)
                )
        assert out
