"""Materialisation metadata shared by the asset modules: row counts, column schema, preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:
    import pandas as pd

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


def frame_column_schema(df: pd.DataFrame) -> dg.TableSchema:
    """Column schema of an intermediate table that has no published model: names and types."""
    return dg.TableSchema(columns=[dg.TableColumn(name=str(c), type=str(t)) for c, t in df.dtypes.items()])


def table_metadata(df: pd.DataFrame, model=None, preview_columns: list[str] | None = None) -> dict:
    """Row count, a markdown preview, and the column schema: the published model's where the
    table has one (descriptions and constraints included), else the frame's own types."""
    from schemas.describe import dagster_column_schema

    return {
        "dagster/row_count": len(df),
        "preview": dg.MetadataValue.md(markdown_preview(df[preview_columns] if preview_columns else df)),
        "dagster/column_schema": dagster_column_schema(model) if model is not None else frame_column_schema(df),
    }


PROGRESS_MESSAGE = "progress: {done}/{total} {noun}"


def progress_logger(context: dg.AssetExecutionContext, noun: str = "reports"):
    """A pipelines.progress callback that writes `progress: 512/10000 reports` to the run's log,
    which the terminal's progress display (assets/run.py) draws as a bar."""

    def report(done: int, total: int | None) -> None:
        context.log.info(PROGRESS_MESSAGE.format(done=done, total="?" if total is None else total, noun=noun))

    return report
