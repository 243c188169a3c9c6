"""Validate: facts → `indicators` (rows that satisfy the FactsModel contract and the cross-table
checks) and `quarantine` (every row held back, with check, column and reason)."""

import dagster as dg
import pandas as pd

from pipelines.steps import raw_quarantine, validate_facts
from schemas.tables import FactsModel, QuarantineModel

from ._meta import OWNERS, markdown_preview, table_metadata
from .checks import contract_check, failure_metadata


@dg.multi_asset(
    group_name="validate", can_subset=False,
    outs={
        "indicators": dg.AssetOut(kinds={"pandera", "pandas"}, owners=OWNERS, code_version="1",
                                  description="Validated facts: every row satisfies the FactsModel contract."),
        "quarantine": dg.AssetOut(kinds={"pandera", "pandas"}, owners=OWNERS, code_version="1",
                                  description="Rows and raw files held back, with the failing check, column and reason."),
    },
    check_specs=[dg.AssetCheckSpec("rows_quarantined", asset="indicators",
                                   description="Warns when fact rows were quarantined; counts and a sample in metadata.")],
)
def validate_indicators(facts: pd.DataFrame, report_texts: pd.DataFrame, raw_reports: pd.DataFrame):
    result = validate_facts(facts, report_texts)
    quarantine = pd.concat([result.quarantine, raw_quarantine(raw_reports)], ignore_index=True)
    n_bad = result.rows_quarantined
    assert len(result.valid) + n_bad == len(facts), "rows in must equal rows published + rows quarantined"
    yield dg.Output(result.valid, output_name="indicators", metadata={
        **table_metadata(result.valid, FactsModel, ["file_name", "quote", "normalized_value", "indicator_code"]),
        "rows_in": len(facts), "rows_valid": len(result.valid), "rows_quarantined": n_bad,
    })
    yield dg.Output(quarantine, output_name="quarantine", metadata={
        **table_metadata(quarantine, QuarantineModel, ["table", "record_id", "check", "reason"]),
        "by_check": dg.MetadataValue.json(quarantine["check"].value_counts().to_dict()),
    })
    yield dg.AssetCheckResult(
        check_name="rows_quarantined", asset_key="indicators", passed=n_bad == 0,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{n_bad} of {len(facts)} fact rows quarantined",
        metadata={"rows_quarantined": n_bad, **failure_metadata(result.failure_cases),
                  "quarantine_sample": dg.MetadataValue.md(markdown_preview(
                      result.quarantine[["record_id", "check", "reason"]], rows=20))},
    )


indicator_checks = [contract_check("indicators", FactsModel), contract_check("quarantine", QuarantineModel)]
