"""Asset checks generated from the registry of published tables (schemas/tables.py), as PUDL
does: every published table is an asset of the same name, and each gets one blocking contract
check from its pandera model. A failure means publishing would be wrong (a missing column, a
broken enum), so the release does not run; the metadata carries failure counts and a sample."""

from typing import TYPE_CHECKING

import dagster as dg

from schemas.registry import PUBLISHED_MODELS

from ._meta import markdown_preview
from .resources import ChanjiaoPaths

if TYPE_CHECKING:
    import pandas as pd

SAMPLE = 20


def failure_metadata(cases: "pd.DataFrame") -> dict:
    if cases is None or cases.empty:
        return {"failures": 0}
    by_check = cases.groupby(["column", "check"], dropna=False).size().reset_index(name="n")
    return {
        "failures": len(cases),
        "failures_by_check": dg.MetadataValue.md(markdown_preview(by_check, rows=50)),
        "failure_sample": dg.MetadataValue.md(
            markdown_preview(cases[["column", "check", "failure_case", "index"]].astype(str), rows=SAMPLE)
        ),
    }


def contract_check(table: str, model_name: str) -> dg.AssetChecksDefinition:
    """A blocking check that the asset named after the table satisfies every check of its model
    (pandas and pandera are imported when the check runs, not when the code location loads)."""

    @dg.asset_check(
        asset=table,
        name=f"{table}_contract",
        blocking=True,
        description=f"The `{table}` table satisfies the `{model_name}` schema: columns, types, "
        "enums and row checks (lazy pandera validation; rows that passed before under the same "
        "code are remembered by their hash and not checked again).",
    )
    def _check(context: dg.AssetCheckExecutionContext, value, chanjiao: ChanjiaoPaths) -> dg.AssetCheckResult:
        from pipelines.validate.memo import failure_cases, memos
        from schemas.tables import PUBLISHED_TABLES

        memo = memos(chanjiao.paths().data_dir)(table)
        cases = failure_cases(value, PUBLISHED_TABLES[table].to_schema(), memo)
        if len(cases):
            table_level = int(cases["index"].isna().sum())
            return dg.AssetCheckResult(
                passed=False,
                severity=dg.AssetCheckSeverity.ERROR,
                description="table-level schema failure" if table_level else "rows break the schema",
                metadata={"rows": len(value), "table_level_failures": table_level, **failure_metadata(cases)},
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows": len(value), "failures": 0})

    return _check


def contract_checks() -> list[dg.AssetChecksDefinition]:
    """One blocking contract check per published table, on the asset named after the table."""
    return [contract_check(table, model_name) for table, model_name in PUBLISHED_MODELS.items()]
