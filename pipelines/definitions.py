"""The Dagster code location: `dagster dev -m pipelines.definitions` (or `make ui`)."""

import dagster as dg

from assets import extract, ingest, publish, validate
from pipelines.jobs import refresh_job
from pipelines.resources import ChanjiaoPaths

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingest, extract, validate, publish]),
    asset_checks=validate.indicator_checks,
    jobs=[refresh_job],
    resources={"chanjiao": ChanjiaoPaths()},
)
