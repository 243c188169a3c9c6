"""Materialisation metadata shared by the asset modules: row counts, column schema, preview."""

from __future__ import annotations

import dagster as dg
import pandas as pd

from schemas.describe import dagster_column_schema

OWNERS = ["team:chanjiao"]


def markdown_preview(df: pd.DataFrame, rows: int = 10, width: int = 40) -> str:
    if df.empty:
        return "_(no rows)_"
    head = df.head(rows)
    cells = [[str(v)[:width].replace("|", "\\|").replace("\n", " ") for v in r] for r in head.itertuples(index=False)]
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(r) + " |" for r in cells]
    if len(df) > rows:
        lines.append(f"\n… {len(df) - rows} more rows")
    return "\n".join(lines)


def table_metadata(df: pd.DataFrame, model=None, preview_columns: list[str] | None = None) -> dict:
    meta = {"dagster/row_count": len(df),
            "preview": dg.MetadataValue.md(markdown_preview(df[preview_columns] if preview_columns else df))}
    if model is not None:
        meta["dagster/column_schema"] = dagster_column_schema(model)
    return meta
