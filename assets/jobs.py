"""Jobs of the code location."""

import dagster as dg

# The main job: every asset and check, from raw reports to the published release.
refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all(),
    description="Ingest the inbox and fetched sources, extract, validate and publish a release.",
)

# The same assets as `refresh` (the fetch feeds raw_reports, so every published table follows from
# it); this job exists so that the weekly refetch shows up under its own name in the run history.
fetch_and_refresh_job = dg.define_asset_job(
    "fetch_and_refresh",
    selection=dg.AssetSelection.all(),
    description="Refetch the report URLs of sources.yaml (conditional requests), then ingest, extract, "
    "validate and publish a release.",
)
