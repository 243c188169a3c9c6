"""Publish: validated tables → a versioned release under published/<dataset>/<version>/."""

import dagster as dg
import pandas as pd

from pipelines.resources import ChanjiaoPaths
from pipelines.steps import publish as publish_release
from pipelines.steps import release_tables

from ._meta import OWNERS


@dg.asset(group_name="publish", kinds={"parquet", "csv"}, owners=OWNERS, code_version="1",
          description="The versioned release: Parquet + CSV per table, datapackage.json, README, CHANGELOG.md "
                      "and SHA256SUMS under published/<dataset>/<version>/; a refresh whose content is "
                      "unchanged publishes no new version.")
def release(context: dg.AssetExecutionContext, indicators: pd.DataFrame, quarantine: pd.DataFrame,
            report_texts: pd.DataFrame, chanjiao: ChanjiaoPaths) -> dg.MaterializeResult:
    tables = release_tables(report_texts, indicators, quarantine)
    result = publish_release(tables, chanjiao)
    if result.created:
        context.log.info(f"published {result.dataset} {result.version} at {result.path} ({result.bump or 'first'})")
    else:
        context.log.info(f"content unchanged: {result.dataset} stays at {result.version}")
    return dg.MaterializeResult(metadata={
        "dataset": result.dataset, "version": result.version, "path": dg.MetadataValue.path(str(result.path)),
        "new_version": result.created, "previous_version": result.previous or "", "bump": result.bump or "",
        "rows": dg.MetadataValue.json(result.rows),
        "changes": dg.MetadataValue.json(result.diff),
    })
