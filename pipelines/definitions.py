"""The Dagster code location: `dagster dev -m pipelines.definitions` (or `make ui`)."""

import dagster as dg

from assets import extract, ingest, publish, validate
from pipelines.jobs import refresh_job
from pipelines.resources import ChanjiaoPaths
from pipelines.schedules import fetch_and_refresh_job, weekly_fetch_schedule
from pipelines.sensors import inbox_sensor

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingest, extract, validate, publish]),
    asset_checks=validate.indicator_checks,
    jobs=[refresh_job, fetch_and_refresh_job],
    schedules=[weekly_fetch_schedule],
    sensors=[inbox_sensor],
    resources={"chanjiao": ChanjiaoPaths()},
    # The graph is a chain (fetch → intake → texts → facts → validate → release): a process per
    # step buys no parallelism and re-imports pandas/pandera/Dagster for every step (a UI-launched
    # refresh took ~45 s that way on 2 cores, ~9 s in one process).
    executor=dg.in_process_executor,
)
