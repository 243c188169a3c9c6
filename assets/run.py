"""Run the main job in-process (one process, no subprocess per step), with a short progress line
per stage and a closing summary on stderr. Full logs go to the Dagster instance (and to the
terminal with `verbose`)."""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import uuid
from pathlib import Path

import dagster as dg

from .ui import PROJECT_DAGSTER_HOME, prepare_home

ORCHESTRATOR_MODULE = dg.__name__  # what `make bench` times the code location's import against


class SkippedCheckNotice(logging.Filter):
    """Drops Dagster's notice that a blocking check 'emitted no result' before a step: our checks
    always emit one when they run, so it only means that the check was skipped with its asset
    (a refresh whose inputs are unchanged skips every step), and the release after it is skipped too."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "emitted no result in step" not in record.getMessage()


PLAN_LOGGER = "dagster._core.execution.plan.active"


def instance() -> dg.DagsterInstance:
    """The project's instance, as `chanjiao ui` uses it: DAGSTER_HOME, else the project's
    .dagster_home (SQLite, or PostgreSQL with DAGSTER_PG_URL set), so that every run shows in the UI."""
    home = os.environ.get("DAGSTER_HOME")
    if home:
        prepare_home(Path(home))
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.from_config(str(prepare_home(PROJECT_DAGSTER_HOME)))


ERROR_PREFIX = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit): ")

# The metadata shown per stage, in this order, where an asset has it.
SHOWN = (
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
)


def _md(entry) -> dict:
    mat = entry.dagster_event.event_specific_data.materialization
    return {k: getattr(v, "value", v) for k, v in mat.metadata.items()}


PROGRESS = re.compile(r"^progress: (\d+)/(\d+|\?) (\w+)$")  # assets/_meta.py's PROGRESS_MESSAGE
BAR_WIDTH = 24


def bar(step: str, done: int, total: int | None, noun: str) -> str:
    """`  … extracted_facts   [#########---------------]  38%  3800/10000 reports`"""
    if not total:
        return f"  … {step:<16} {done} {noun}"
    share = min(done / total, 1.0)
    filled = int(share * BAR_WIDTH)
    return f"  … {step:<16} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {share:4.0%}  {done}/{total} {noun}"


class Progress:
    """Prints one line per finished stage as the run's events are stored, and a progress bar over
    the reports of a stage that runs longer than `after` seconds: redrawn in place on a terminal,
    a line every `every` seconds in a log file."""

    def __init__(self, out=None, after: float = 2.0, every: float = 10.0, clock=time.monotonic):
        self.out = out or sys.stderr
        self.after, self.every, self.clock = after, every, clock
        self.tty = bool(getattr(self.out, "isatty", lambda: False)())
        self.started: dict[str, float] = {}
        self.shown: dict[str, float] = {}
        self.drawn = 0  # width of the bar on the terminal's current line, 0 when none
        self.releases: list[dict] = []
        self.errors: list[str] = []

    def _progress(self, entry) -> None:
        m = PROGRESS.match(entry.user_message or "")
        step = entry.step_key or ""
        now = self.clock()
        if not m or now - self.started.get(step, now) < self.after:
            return
        done, total, noun = int(m[1]), None if m[2] == "?" else int(m[2]), m[3]
        line = bar(step, done, total, noun)
        if self.tty:
            print("\r" + line.ljust(self.drawn), end="", file=self.out, flush=True)
            self.drawn = len(line)
        elif now - self.shown.get(step, -float("inf")) >= self.every:
            print(line, file=self.out, flush=True)
            self.shown[step] = now

    def _clear(self) -> None:
        if self.drawn:
            print("\r" + " " * self.drawn + "\r", end="", file=self.out, flush=True)
            self.drawn = 0

    def __call__(self, entry) -> None:
        ev = entry.dagster_event
        if ev is None:
            self._progress(entry)
            return
        kind = ev.event_type_value
        if kind == "STEP_START":
            self.started[ev.step_key] = self.clock()
        elif kind == "ASSET_MATERIALIZATION":
            self._clear()
            md = _md(entry)
            name = ev.asset_key.to_user_string()
            took = self.clock() - self.started.get(ev.step_key, self.clock())
            shown = ", ".join(f"{k.split('/')[-1].replace('row_count', 'rows')} {md[k]}" for k in SHOWN if k in md)
            if name == "release":
                self.releases.append(md)
                shown = f"{md.get('version')} ({'new' if md.get('new_version') else 'unchanged'})"
            print(f"  ✓ {name:<16} {took:5.1f}s  {shown}", file=self.out, flush=True)
        elif kind == "STEP_FAILURE":
            err = ev.event_specific_data.error
            cause = err
            while cause is not None and cause.cause is not None and "dagster" in (cause.cls_name or "").lower():
                cause = cause.cause
            message = (cause or err).message.strip().splitlines()[0] if (cause or err) else "failed"
            message = ERROR_PREFIX.sub("", message)  # "pipelines.publish.release.ShrinkError: " says nothing to a user
            self.errors.append(message)
            self._clear()
            print(f"  ✗ {ev.step_key:<16} failed", file=self.out, flush=True)


def refresh(
    inbox: Path | None = None,
    published: Path | None = None,
    data: Path | None = None,
    dagster_instance: dg.DagsterInstance | None = None,
    allow_shrink: bool = False,
    rebuild: bool = False,
    verbose: bool = False,
    progress: Progress | None = None,
    timings: dict | None = None,
) -> bool:
    """Run the refresh job in this process; `timings` (if given) gets the run's own time as
    the instance records it (`run_seconds`), what `make bench` compares."""
    from assets.definitions import defs

    config: dict = {k: str(v) for k, v in (("inbox", inbox), ("published", published), ("data", data)) if v}
    if allow_shrink:
        config["allow_shrink"] = True
    if rebuild:
        config["rebuild"] = True
    job = defs.resolve_job_def("refresh")
    run_config: dict = {"resources": {"chanjiao": {"config": config}}} if config else {}
    if not verbose:
        run_config["loggers"] = {"console": {"config": {"log_level": "CRITICAL"}}}
    inst = dagster_instance or instance()
    run_id = str(uuid.uuid4())
    progress = progress or Progress()
    inst.add_event_listener(run_id, progress)
    print("refresh: running the pipeline …", file=sys.stderr, flush=True)
    started = time.monotonic()
    quiet = SkippedCheckNotice()
    if not verbose:
        logging.getLogger(PLAN_LOGGER).addFilter(quiet)
    try:
        result = execute_without_capture(job, run_config, inst, run_id)
    finally:
        logging.getLogger(PLAN_LOGGER).removeFilter(quiet)
    summary(result, progress, time.monotonic() - started, inst)
    if timings is not None:
        stats = inst.get_run_stats(run_id)
        timings["run_seconds"] = (stats.end_time or 0.0) - (stats.start_time or 0.0)
        timings["steps"] = {
            st.step_key: (st.end_time or 0.0) - (st.start_time or 0.0) for st in inst.get_run_step_stats(run_id)
        }
    return result.success


def execute_without_capture(job: dg.JobDefinition, run_config: dict, inst: dg.DagsterInstance, run_id: str):
    """job.execute_in_process(…, raise_on_error=False), except that no step's output is kept in
    memory: execute_in_process captures every output for its result object (output_for_node),
    which held each step's frames until the run ended (at 10k reports, 1.4 GB of facts frames
    alive in the release step). Outputs go through the IO manager only; the result still gives
    the run's events, which is all the summary reads. Dagster's own entry point, with capture
    off (its version is pinned in uv.lock)."""
    from dagster._core.definitions.job_base import InMemoryJob
    from dagster._core.execution.execute_in_process import core_execute_in_process

    ephemeral = job.as_ephemeral_job(resource_defs={}, input_values={})
    return core_execute_in_process(
        run_config=run_config,
        job=InMemoryJob(job_def=ephemeral),
        instance=inst,
        output_capturing_enabled=False,
        raise_on_error=False,
        run_id=run_id,
    )


def summary(result, progress: Progress | None = None, seconds: float | None = None, inst=None) -> None:
    """The closing lines: where the release went, its version, its row counts and what changed."""
    out = sys.stderr
    release = None
    for ev in result.get_asset_materialization_events() + result.get_asset_observation_events():
        data = ev.event_specific_data
        record = getattr(data, "materialization", None) or getattr(data, "asset_observation", None)
        if record is not None and ev.asset_key.to_user_string() == "release":
            release = {k: getattr(v, "value", v) for k, v in record.metadata.items()}
    took = f" in {seconds:.1f}s" if seconds is not None else ""
    if not result.success:
        errors = (progress.errors if progress else []) or failure_reasons(result)  # a resource (the run lock) too
        why = errors[0] if errors else "a step failed"
        print(f"refresh: FAILED{took}: {why}. Nothing was published.", file=out)
        print(f"  full log: run {result.run_id} in the Dagster instance (`chanjiao ui`)", file=out)
        return
    if release is not None:
        rows = release.get("rows") or {}
        counts = ", ".join(f"{t} {n}" for t, n in rows.items())
        if release.get("new_version"):
            prev = release.get("previous_version")
            changes = release.get("changes") or {}
            facts = changes.get("facts") or {}
            changed = (
                f"facts +{facts.get('added', 0)} −{facts.get('removed', 0)} ~{facts.get('changed', 0)} since {prev} "
                f"({release.get('bump')})"
                if prev
                else "first release"
            )
            print(f"refresh: published {release['dataset']} {release['version']}{took}: {changed}", file=out)
        else:
            why = (
                " (inputs as the release was built from; --rebuild runs every step)"
                if release.get("inputs_unchanged")
                else ""
            )
            print(f"refresh: nothing changed{took}; {release['dataset']} stays at {release['version']}{why}", file=out)
        print(f"  release: {release.get('path')}", file=out)
        print(f"  rows:    {counts}", file=out)
    else:
        print(f"refresh: ok{took}", file=out)
    print(f"  log:     run {result.run_id} in the Dagster instance (`chanjiao ui`; --verbose prints it)", file=out)


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
