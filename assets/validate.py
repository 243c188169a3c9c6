"""Validate: extracted facts → `facts` (rows that satisfy the FactsModel contract and the
cross-table checks) and `quarantine` (every row and raw file held back, with check and reason)."""

import dagster as dg

from ._meta import OWNERS, markdown_preview, table_metadata
from .checks import failure_metadata
from .resources import ChanjiaoPaths


@dg.multi_asset(
    group_name="validate",
    can_subset=False,
    outs={
        "facts": dg.AssetOut(
            kinds={"pandera", "pandas"},
            owners=OWNERS,
            code_version="1",
            description="Validated facts: every row satisfies the FactsModel contract and the "
            "cross-table checks (published as the `facts` table).",
        ),
        "quarantine": dg.AssetOut(
            kinds={"pandera", "pandas"},
            owners=OWNERS,
            code_version="1",
            description="Rows and raw files held back, with the failing check, column and reason.",
        ),
    },
    check_specs=[
        dg.AssetCheckSpec(
            "rows_quarantined",
            asset="facts",
            description="Warns when fact rows were quarantined; counts and a sample in metadata.",
        )
    ],
)
def validated_facts(extracted_facts, decoded_reports, raw_reports, chanjiao: ChanjiaoPaths):
    from pipelines.validate import validate_facts
    from pipelines.validate.memo import memos
    from schemas.tables import FactsModel, QuarantineModel

    result = validate_facts(extracted_facts, decoded_reports, raw_reports, memos=memos(chanjiao.paths().data_dir))
    n_bad = result.rows_quarantined
    yield dg.Output(
        result.valid,
        output_name="facts",
        metadata={
            **table_metadata(result.valid, FactsModel, ["file_name", "quote", "normalized_value", "indicator_code"]),
            "rows_in": len(extracted_facts),
            "rows_valid": len(result.valid),
            "rows_quarantined": n_bad,
        },
    )
    yield dg.Output(
        result.quarantine,
        output_name="quarantine",
        metadata={
            **table_metadata(result.quarantine, QuarantineModel, ["table", "record_id", "check", "reason"]),
            "by_check": dg.MetadataValue.json(result.quarantine["check"].value_counts().to_dict()),
        },
    )
    fact_rows = result.quarantine[result.quarantine["table"] == "facts"]
    yield dg.AssetCheckResult(
        check_name="rows_quarantined",
        asset_key="facts",
        passed=n_bad == 0,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{n_bad} of {len(extracted_facts)} fact rows quarantined",
        metadata={
            "rows_quarantined": n_bad,
            **failure_metadata(result.failure_cases),
            "quarantine_sample": dg.MetadataValue.md(
                markdown_preview(fact_rows[["record_id", "check", "reason"]], rows=20)
            ),
        },
    )
