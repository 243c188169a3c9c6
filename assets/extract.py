"""Extract: decoded reports → numeric facts, cached per report by content hash and extractor version."""

import dagster as dg

from pipelines.extract.version import EXTRACTOR_VERSION

from ._meta import OWNERS, progress_logger, table_metadata
from .resources import ChanjiaoPaths


@dg.asset(
    group_name="extract",
    kinds={"python", "pandas"},
    owners=OWNERS,
    code_version=EXTRACTOR_VERSION,
    description="Numeric facts as extracted, before validation: number, unit, base unit, qualifier, "
    "indicator code, and the evidence quote with its character offsets.",
)
def extracted_facts(context: dg.AssetExecutionContext, decoded_reports, chanjiao: ChanjiaoPaths) -> dg.Output:
    from pipelines.steps import extract_facts_table  # the pipeline loads with the step, not the code location

    result = extract_facts_table(decoded_reports, chanjiao.paths(), progress_logger(context))
    df = result.facts
    return dg.Output(
        df,
        metadata={
            **table_metadata(
                df,
                preview_columns=["file_name", "quote", "normalized_value", "base_unit", "qualifier", "indicator_code"],
            ),
            "reports_extracted": result.reports_extracted,
            "reports_from_cache": result.reports_from_cache,
            "extractor_version": EXTRACTOR_VERSION,
            "facts_per_indicator": dg.MetadataValue.json(df["indicator_code"].value_counts().to_dict()),
        },
    )
