"""Publish: the published tables built from validated facts and decoded reports, then a
versioned release under `published/{dataset}/{version}/`."""

import dagster as dg

from ._meta import OWNERS, table_metadata
from .ingest import refresh_inputs
from .io import check_inputs_from_run
from .resources import ChanjiaoPaths

TABLE = dict(group_name="publish", kinds={"pandas"}, owners=OWNERS, code_version="1")


@dg.asset(**TABLE, description="One row per ingested report, with the number of facts it gave (table `reports`).")
def reports(decoded_reports, facts) -> dg.Output:
    from pipelines.publish.frames import reports_frame
    from schemas.tables import ReportsModel

    df = reports_frame(decoded_reports, facts)
    return dg.Output(df, metadata=table_metadata(df, ReportsModel, ["file_name", "title", "institution", "n_facts"]))


@dg.asset(**TABLE, description="The decoded text every fact's offsets point into (table `report_texts`).")
def report_texts(decoded_reports) -> dg.Output:
    from pipelines.publish.frames import report_texts_frame
    from schemas.tables import ReportTextsModel

    df = report_texts_frame(decoded_reports)
    return dg.Output(df, metadata=table_metadata(df, ReportTextsModel, ["report_id"]))


@dg.asset(**TABLE, description="Institutions named as the subject of a report, with counts (table `institutions`).")
def institutions(decoded_reports, facts) -> dg.Output:
    from pipelines.publish.frames import institutions_frame
    from schemas.tables import InstitutionsModel

    df = institutions_frame(decoded_reports, facts)
    return dg.Output(df, metadata=table_metadata(df, InstitutionsModel))


@dg.asset(
    **TABLE,
    description="The indicator catalogue: every code a fact may carry, in Chinese and English (table `indicators`).",
    deps=[refresh_inputs],
)
def indicators() -> dg.Output:
    from pipelines.publish.frames import catalogue_frame
    from schemas.tables import IndicatorCatalogueModel

    df = catalogue_frame()
    return dg.Output(df, metadata=table_metadata(df, IndicatorCatalogueModel, ["code", "name_zh", "base_unit"]))


@dg.asset(
    group_name="publish",
    kinds={"parquet", "csv"},
    owners=OWNERS,
    code_version="1",
    description="The versioned release: Parquet + CSV per table, datapackage.json, README, CHANGELOG.md "
    "and SHA256SUMS under `published/{dataset}/{version}/`; a refresh whose content is "
    "unchanged publishes no new version.",
)
def release(
    context: dg.AssetExecutionContext,
    facts,
    quarantine,
    reports,
    report_texts,
    institutions,
    indicators,
    refresh_inputs,
    chanjiao: ChanjiaoPaths,
) -> dg.MaterializeResult:
    from pipelines.ingest.refresh_inputs import parts_of, write_record
    from pipelines.steps import publish as publish_release

    tables = {
        "facts": facts,
        "reports": reports,
        "report_texts": report_texts,
        "institutions": institutions,
        "indicators": indicators,
        "quarantine": quarantine,
    }
    check_inputs_from_run(context.run_id, tables)
    paths = chanjiao.paths()
    result = publish_release(tables, paths, allow_shrink=chanjiao.allow_shrink)
    write_record(paths.published_dir, result.dataset, result.version, parts_of(refresh_inputs), result.rows)
    if result.created:
        context.log.info(f"published {result.dataset} {result.version} at {result.path} ({result.bump or 'first'})")
    else:
        context.log.info(f"content unchanged: {result.dataset} stays at {result.version}")
    return dg.MaterializeResult(
        metadata={
            "dataset": result.dataset,
            "version": result.version,
            "path": dg.MetadataValue.path(str(result.path)),
            "new_version": result.created,
            "previous_version": result.previous or "",
            "bump": result.bump or "",
            "rows": dg.MetadataValue.json(result.rows),
            "changes": dg.MetadataValue.json(result.diff),
        }
    )
