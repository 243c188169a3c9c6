"""Run the main job in-process (one process, no subprocess per step), printing progress."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dagster as dg


def instance() -> dg.DagsterInstance:
    """The project's instance (DAGSTER_HOME, SQLite) so runs show in the UI; ephemeral if unset."""
    if os.environ.get("DAGSTER_HOME"):
        Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


def refresh(
    inbox: Path | None = None,
    published: Path | None = None,
    data: Path | None = None,
    dagster_instance: dg.DagsterInstance | None = None,
) -> bool:
    from assets.definitions import defs

    config = {k: str(v) for k, v in (("inbox", inbox), ("published", published), ("data", data)) if v is not None}
    job = defs.resolve_job_def("refresh")
    run_config = {"resources": {"chanjiao": {"config": config}}} if config else {}
    result = job.execute_in_process(
        run_config=run_config, instance=dagster_instance or instance(), raise_on_error=False
    )
    summary(result)
    return result.success


def summary(result) -> None:
    for ev in result.get_asset_materialization_events():
        mat = ev.event_specific_data.materialization
        md = {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
        keys = (
            "dagster/row_count",
            "fetched",
            "not_modified",
            "failed",
            "ingested",
            "duplicates",
            "quarantined",
            "rows_quarantined",
            "reports_extracted",
            "reports_from_cache",
            "version",
            "new_version",
        )
        shown = ", ".join(f"{k.split('/')[-1]}={md[k]}" for k in keys if k in md)
        print(f"  {mat.asset_key.to_user_string():<14} {shown}", file=sys.stderr)
    if result.success:
        print("refresh: ok", file=sys.stderr)
    else:
        for reason in failure_reasons(result):
            print(f"  {reason}", file=sys.stderr)
        print("refresh: FAILED", file=sys.stderr)


def failure_reasons(result) -> list[str]:
    """Why a run failed, in the words of the exception that stopped it (the innermost cause of
    each step or resource failure), without Dagster's wrapping."""
    reasons = []
    for ev in result.all_events:
        error = getattr(ev.event_specific_data, "error", None)
        if not ev.is_failure and ev.event_type_value not in ("RESOURCE_INIT_FAILURE",) or error is None:
            continue
        while getattr(error, "cause", None) is not None:
            error = error.cause
        reason = f"{ev.step_key or 'run'}: {error.message.strip()}"
        if reason not in reasons:
            reasons.append(reason)
    return reasons
