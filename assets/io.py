"""How step outputs move between the assets of one run, and why two runs cannot spoil each other.

`RunParquetIOManager` hands each asset's DataFrame to the steps of its run that read it, in
memory: the executor runs every step in one process, so a step's frame is kept until the last
step of the run's plan that reads it has loaded it (each reader but the last gets a copy of its
own, so none can change another's input). A table is written as Parquet, keyed by run id
(`$DAGSTER_HOME/storage/chanjiao-runs/<run_id>/<asset>.parquet`), only when a process is done
with it while a reader has not taken it: a step run in a process of its own (a multiprocess
executor) leaves its table there for the next step's process, which reads it back. In the
one-process run every table is taken in memory and none is written: at 10,000 reports the
writes cost about 2 s of a refresh (Arrow conversion and Parquet encoding of every step's frame)
and nothing ever read them. Each loaded frame carries the run id it came from
(`df.attrs["chanjiao/run_id"]`), which the release checks before publishing.

A step reads its inputs only from its own run (in memory, or from its own run's folder), so a
second run on the same instance (the sensor, the schedule, `make run`, a UI launch) can neither
overwrite nor feed another's intermediate tables. A run also holds the instance's refresh lock
from its first step to its last (`refresh_lock`), so one refresh at a time runs per instance
whatever started it: a second waits, saying so, and gives up with a clear error after
`CHANJIAO_REFRESH_WAIT` seconds (default 600). At a run's start the folders of every run that is
no longer in progress are removed, so storage holds at most the current run's tables.

Parquet instead of pickles where a table is written: once, column by column, readable by any
tool, and a frame round-trips its types (pyarrow keeps the pandas metadata).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
from pydantic import PrivateAttr

if TYPE_CHECKING:
    import pandas as pd

RUNS_FOLDER = "chanjiao-runs"
LOCK_NAME = "chanjiao-refresh.lock"
RUN_ID_ATTR = "chanjiao/run_id"
WAIT_ENV = "CHANJIAO_REFRESH_WAIT"
DEFAULT_WAIT = 600.0
POLL = 0.2


class RefreshBusy(RuntimeError):
    """Another refresh holds this instance's lock for longer than we were willing to wait."""


class InputFromAnotherRun(RuntimeError):
    """A step was given a table that its own run did not produce."""


def wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, DEFAULT_WAIT)))
    except ValueError:
        return DEFAULT_WAIT


def runs_root(instance: dg.DagsterInstance) -> Path:
    return Path(instance.storage_directory()) / RUNS_FOLDER


def lock_path(instance: dg.DagsterInstance) -> Path:
    return Path(instance.root_directory) / LOCK_NAME


@contextmanager
def refresh_lock(path: Path, wait: float, say=None):
    """Hold an exclusive fcntl lock on path; wait up to `wait` seconds for it (saying so once),
    then raise RefreshBusy. The kernel drops the lock if the process dies."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = path.open("a+")
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    message = (
                        f"another refresh is running on this Dagster instance (lock {path}); "
                        f"waiting up to {wait:g} s for it to finish ({WAIT_ENV} sets how long)"
                    )
                    print(f"chanjiao: {message}", file=sys.stderr)
                    if say is not None:
                        say(message)
                    told = True
                if time.monotonic() >= deadline:
                    raise RefreshBusy(
                        f"another refresh is still running on this Dagster instance after {wait:g} s "
                        f"(lock {path}): not starting a second one; try again when it has finished"
                    ) from None
                time.sleep(POLL)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the lock


def sweep_finished_runs(instance: dg.DagsterInstance, keep: str) -> list[str]:
    """Remove the stored tables of every run but `keep` that is not queued or in progress."""
    root = runs_root(instance)
    removed = []
    if not root.is_dir():
        return removed
    for folder in root.iterdir():
        if folder.name == keep:
            continue
        run = instance.get_run_by_id(folder.name) if folder.is_dir() else None
        if run is not None and not run.is_finished:
            continue
        shutil.rmtree(folder, ignore_errors=True) if folder.is_dir() else folder.unlink(missing_ok=True)
        removed.append(folder.name)
    return removed


class RunParquetIOManager(dg.ConfigurableIOManager):
    """DataFrames as Parquet, one folder per run (see the module docstring). While a run executes
    (in-process executor: resources live for the whole run) it holds the instance's refresh lock."""

    _lock: object = PrivateAttr(default=None)
    _trimmed_for: str = PrivateAttr(default="")
    # (run id, step, output) → [frame, readers left, path where it goes if a process ends with it]
    _handoff: dict = PrivateAttr(default_factory=dict)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._lock = None
        instance, run_id = context.instance, context.run_id
        if instance is None or run_id is None:  # built outside a run (e.g. a test's build_resources)
            return
        log = context.log.info if context.log is not None else None
        self._lock = refresh_lock(lock_path(instance), wait_seconds(), say=log)
        self._lock.__enter__()
        sweep_finished_runs(instance, keep=run_id)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        """The process is done with its steps: a table a reader has not taken (a reader that runs in
        a process of its own; in a one-process run, a reader skipped or failed) is written for it."""
        try:
            for (run_id, _, _), (frame, _, path) in self._handoff.items():
                self._write(frame, path, run_id)
        finally:
            self._handoff.clear()
            lock = getattr(self, "_lock", None)
            if lock is not None:
                lock.__exit__(None, None, None)
                self._lock = None

    @staticmethod
    def _path(instance: dg.DagsterInstance, run_id: str, asset_key: dg.AssetKey) -> Path:
        return runs_root(instance) / run_id / ("__".join(asset_key.path) + ".parquet")

    @staticmethod
    def _write(obj, path: Path, run_id: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        path.parent.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pandas(obj, preserve_index=False)
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"chanjiao_run_id": run_id})
        tmp = path.with_name(f".{path.name}.tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, path)

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        import pandas as pd  # with the first step, not when the code location loads

        if obj is None:
            return
        if not isinstance(obj, pd.DataFrame):
            raise TypeError(f"{context.asset_key.to_user_string()}: expected a pandas DataFrame, got {type(obj)}")
        path = self._path(context.step_context.instance, context.run_id, context.asset_key)
        readers = plan_readers(context.step_context.execution_plan, context.step_key, context.name)
        if readers:  # nothing else reads a table no step of the run reads: runs never read another's
            self._handoff[(context.run_id, context.step_key, context.name)] = [obj, readers, path]
        context.add_output_metadata({"readers_in_run": readers})

    @staticmethod
    def _read(path: Path):
        import pyarrow.parquet as pq

        return pq.read_table(path)

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        run_id = context.step_context.run_id
        if self._trimmed_for != context.step_context.step.key:  # once per step, before its inputs
            self._trimmed_for = context.step_context.step.key
            release_freed_memory()
        upstream = context.upstream_output
        kept = self._handoff.get((run_id, upstream.step_key, upstream.name)) if upstream is not None else None
        if kept is not None:
            frame, kept[1] = kept[0], kept[1] - 1
            if kept[1] <= 0:  # the last reader takes the frame itself
                del self._handoff[(run_id, upstream.step_key, upstream.name)]
            else:
                frame = frame.copy()
            frame.attrs[RUN_ID_ATTR] = run_id
            return frame
        path = self._path(context.step_context.instance, run_id, context.asset_key)
        if not path.exists():
            raise InputFromAnotherRun(
                f"{context.asset_key.to_user_string()} was not produced by this run ({run_id}): "
                "runs never read another run's tables; materialise the whole `refresh` job"
            )
        table = self._read(path)
        df = table.to_pandas()
        df.attrs[RUN_ID_ATTR] = (table.schema.metadata or {}).get(b"chanjiao_run_id", b"").decode()
        return df


def plan_readers(plan, step_key: str, output_name: str) -> int:
    """How many inputs of the steps the run's plan executes read this step output (an ordering
    dependency, an input of type Nothing, loads nothing: it is no reader)."""
    n = 0
    for step in plan.get_steps_to_execute_in_topo_order():
        for inp in step.step_inputs:
            if inp.dagster_type_key == "Nothing":
                continue
            for handle in inp.get_step_output_handle_dependencies():
                n += handle.step_key == step_key and handle.output_name == output_name
    return n


# Above this resident size a step's leftovers are worth a full garbage collection (reference
# cycles hold frames too: at 10k reports it lowers the run's peak from ~1.55 GB to ~1.3 GB); below
# it the tenth of a second a collection of the orchestrator's heap costs is not.
COLLECT_ABOVE_BYTES = 768 * 1024 * 1024


def resident_bytes() -> int | None:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # pragma: no cover (not Linux)
        return None


def release_freed_memory(collect_above: int = COLLECT_ABOVE_BYTES) -> None:
    """Give the memory the last step freed back to the system before the next step loads its
    inputs: a garbage collection where the process is large, then glibc's malloc_trim (where the
    C library has it; a millisecond). The heap of a step's frames is otherwise kept by the
    allocator, and each step's peak sits on the last's."""
    import ctypes
    import gc

    rss = resident_bytes()
    if rss is None or rss > collect_above:
        gc.collect()
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)


def check_inputs_from_run(run_id: str, frames: dict[str, pd.DataFrame]) -> None:
    """Raise InputFromAnotherRun unless every frame was loaded from this run's own outputs."""
    foreign = {name: df.attrs.get(RUN_ID_ATTR) for name, df in frames.items() if df.attrs.get(RUN_ID_ATTR) != run_id}
    if foreign:
        listed = ", ".join(f"{name} (from run {rid or 'unknown'})" for name, rid in sorted(foreign.items()))
        raise InputFromAnotherRun(
            f"refusing to publish: inputs not produced by this run {run_id}: {listed}; "
            "a release is built only from its own run's tables"
        )
