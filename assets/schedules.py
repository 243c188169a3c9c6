"""Schedules of the code location: every Monday 06:00 China time, refetch the URL sources and
republish (`fetch_and_refresh`)."""

from __future__ import annotations

import dagster as dg

from .jobs import fetch_and_refresh_job

# RUNNING by default: the weekly refetch keeps the URL sources fresh by itself; with an empty
# sources.yaml it fetches nothing, and unchanged content publishes no new version.
weekly_fetch_schedule = dg.ScheduleDefinition(
    name="weekly_fetch_and_refresh",
    job=fetch_and_refresh_job,
    cron_schedule="0 6 * * 1",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Mondays 06:00 Asia/Shanghai: refetch the URL sources and republish.",
)
