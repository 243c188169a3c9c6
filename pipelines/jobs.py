"""Jobs of the code location."""

import dagster as dg

# The main job: every asset and check, from raw reports to the published release.
refresh_job = dg.define_asset_job("refresh", selection=dg.AssetSelection.all(), description=
                                  "Ingest the inbox and fetched sources, extract, validate and publish a release.")
