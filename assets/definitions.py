"""The Dagster code location `chanjiao`: `dagster dev` in the project folder, or `make ui`."""

import dagster as dg

from . import extract, ingest, publish, validate
from .checks import contract_checks
from .io import RunParquetIOManager
from .jobs import fetch_and_refresh_job, refresh_job
from .resources import ChanjiaoPaths
from .schedules import weekly_fetch_schedule
from .sensors import inbox_sensor

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingest, extract, validate, publish]),
    asset_checks=contract_checks(),
    jobs=[refresh_job, fetch_and_refresh_job],
    schedules=[weekly_fetch_schedule],
    sensors=[inbox_sensor],
    # io_manager: each run's tables are its own (Parquet keyed by run id) and it holds the
    # instance's refresh lock for the whole run (assets/io.py).
    resources={"chanjiao": ChanjiaoPaths(), "io_manager": RunParquetIOManager()},
    # The graph is a chain: a process per step buys no parallelism and re-imports pandas, pandera
    # and Dagster for every step (a UI-launched refresh took ~45 s that way on 2 cores, ~9 s in one).
    executor=dg.in_process_executor,
)
