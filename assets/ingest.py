"""Ingest: report URLs fetched into snapshots, raw reports from the inbox and those snapshots →
decoded reports."""

import dagster as dg

from ._meta import OWNERS, progress_logger, table_metadata
from .resources import ChanjiaoPaths

TABLE = dict(group_name="ingest", kinds={"python", "pandas"}, owners=OWNERS, code_version="1")


@dg.asset(
    **{**TABLE, "kinds": {"python"}},
    description="The report URLs of sources.yaml (CHANJIAO_SOURCES), fetched politely and conditionally "
    "into the snapshot store; `fetched/index.json` in the data folder points at the latest "
    "snapshot per URL. A failed URL keeps its previous snapshot and is listed in the metadata.",
)
def fetched_sources(context: dg.AssetExecutionContext, chanjiao: ChanjiaoPaths) -> dg.MaterializeResult:
    from pipelines.ingest.fetch import fetch_from_file  # the pipeline loads with the step, not the code location

    paths = chanjiao.paths()
    summary = fetch_from_file(paths.sources_file, paths.data_dir)
    for url, reason in summary.failed.items():
        context.log.warning(f"fetch failed for {url}: {reason}")
    return dg.MaterializeResult(
        metadata={
            "sources": len(summary.outcomes),
            "fetched": len(summary.fetched),
            "not_modified": len(summary.not_modified),
            "failed": len(summary.failed),
            "failures": dg.MetadataValue.json(summary.failed),
            "removed": dg.MetadataValue.json(list(summary.removed)),
            "sources_file": dg.MetadataValue.path(str(paths.sources_file)),
        }
    )


@dg.asset(
    **TABLE,
    deps=[fetched_sources],
    output_required=False,
    description="A digest of everything a refresh reads: the inbox (path, size and mtime of each file), "
    "the manifest, the fetched snapshots, the code and catalogue, the deployment's folders. When all of "
    "them are those the latest release was built from (and it is as published), this step yields "
    "nothing and every later step is skipped: the run costs a `stat` per file. "
    "`chanjiao refresh --rebuild` (resource config `rebuild`) runs every step anyway.",
)
def refresh_inputs(context: dg.AssetExecutionContext, chanjiao: ChanjiaoPaths):
    from pipelines.ingest.refresh_inputs import (
        changed_inputs,
        components,
        fingerprint,
        frame,
        read_record,
        unchanged_release,
    )

    paths = chanjiao.paths()
    parts = components(paths)
    same = None if chanjiao.rebuild else unchanged_release(paths, parts)
    if same is not None:
        context.log.info(f"inputs unchanged since {same.dataset} {same.version}: nothing to do")
        yield dg.AssetObservation(
            asset_key="release",
            metadata={
                "dataset": same.dataset,
                "version": same.version,
                "path": dg.MetadataValue.path(str(same.path)),
                "new_version": False,
                "inputs_unchanged": True,
                "rows": dg.MetadataValue.json(same.rows),
            },
        )
        return
    changed = changed_inputs(parts, read_record(paths.published_dir, paths.dataset))
    yield dg.Output(
        frame(parts),
        metadata={
            "changed": dg.MetadataValue.json(changed),
            "fingerprint": fingerprint(parts),
            "rebuild": chanjiao.rebuild,
        },
    )


@dg.asset(
    **TABLE,
    deps=[refresh_inputs],
    description="Every raw report file in the inbox and every fetched URL snapshot, with sha256, size, "
    "media type and path; each ends up ingested, a duplicate, or quarantined with its reason.",
)
def raw_reports(context: dg.AssetExecutionContext, chanjiao: ChanjiaoPaths) -> dg.Output:
    from pipelines.ingest.intake import QUARANTINED, counts_add_up
    from pipelines.steps import EXTRACTED_AT_INTAKE, ingest_raw_reports

    paths = chanjiao.paths()
    df = ingest_raw_reports(paths, progress_logger(context, "files"))
    counts = counts_add_up(df)  # raises if a file was lost
    for rec in df[df["status"] == QUARANTINED].itertuples():
        context.log.warning(f"quarantined raw report {rec.origin}: {rec.reason}")
    return dg.Output(
        df,
        metadata={
            **table_metadata(df, preview_columns=["file_name", "status", "reason", "size_bytes", "media_type"]),
            **counts,
            EXTRACTED_AT_INTAKE: int(df.attrs.get(EXTRACTED_AT_INTAKE, 0)),
            "inbox": str(paths.inbox_dir),
        },
    )


@dg.asset(
    **TABLE,
    description="Decoded text of every ingested report (HTML reduced to text) with title, date, "
    "publisher and institution where found.",
)
def decoded_reports(context: dg.AssetExecutionContext, raw_reports, chanjiao: ChanjiaoPaths) -> dg.Output:
    from pipelines.steps import decode_reports

    df = decode_reports(raw_reports, chanjiao.paths(), progress_logger(context))
    return dg.Output(
        df,
        metadata={
            **table_metadata(df, preview_columns=["file_name", "title", "published", "institution", "n_chars"]),
            "with_institution": int(df["institution"].notna().sum()),
            "with_date": int(df["published"].notna().sum()),
        },
    )
