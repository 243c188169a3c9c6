"""Sensors of the code location: `inbox_sensor` starts the `refresh` job when inbox files appear,
change or go away.

The cursor is the digest of the inbox's state (pipelines/ingest/inbox.py: relative path, size and
mtime of every file intake would read), so a tick costs one `stat` per file, never a read; the run
key is the same digest, so one inbox state triggers at most one run.
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from .jobs import refresh_job
from .resources import ChanjiaoPaths


def evaluate_inbox(folder: Path, cursor: str | None) -> dg.SensorResult | dg.SkipReason:
    """A run request when the inbox differs from the cursor's state; otherwise the reason not to."""
    from pipelines.ingest.inbox import inbox_digest, inbox_state  # on the first tick, not at start-up

    if not Path(folder).is_dir():
        return dg.SkipReason(f"inbox {folder} does not exist")
    state = inbox_state(folder)
    digest = inbox_digest(state)
    if digest == cursor:
        return dg.SkipReason(f"inbox unchanged ({len(state)} files)")
    if not state:  # nothing to publish; remember the empty state so the first file triggers a run
        return dg.SensorResult(skip_reason=dg.SkipReason(f"inbox {folder} is empty"), cursor=digest)
    request = dg.RunRequest(run_key=digest, tags={"chanjiao/trigger": "inbox", "chanjiao/inbox_files": str(len(state))})
    return dg.SensorResult(run_requests=[request], cursor=digest)


# RUNNING by default, so that a report dropped into the inbox becomes a release with no hand on
# the keyboard (`make ui` runs the daemon). Its first tick has no cursor and starts a refresh of
# whatever is in the inbox; that is harmless, because a refresh whose content is unchanged
# publishes no new version.
@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=int(os.environ.get("CHANJIAO_SENSOR_INTERVAL", "60")),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts `refresh` when files appear, change or disappear in the inbox "
    "(cursor and run key: digest of relative path, size and mtime of every inbox file).",
)
def inbox_sensor(context: dg.SensorEvaluationContext, chanjiao: ChanjiaoPaths):
    return evaluate_inbox(chanjiao.paths().inbox_dir, context.cursor)
