"""Runs on one Dagster instance never spoil each other: each run's tables are its own (Parquet
keyed by run id), one refresh at a time holds the instance's lock (a second waits, says so, and
gives up clearly), the daemon's queue runs one at a time, and the release publishes only tables
of its own run."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml
from dagster._core.execution.api import create_execution_plan
from dagster._core.storage.defs_state.base import set_defs_state_storage
from test_orchestration import latest_release, write_reports

import pipelines.steps
from assets.io import (
    RUN_ID_ATTR,
    InputFromAnotherRun,
    RefreshBusy,
    RunParquetIOManager,
    check_inputs_from_run,
    lock_path,
    plan_readers,
    refresh_lock,
    runs_root,
)
from assets.run import refresh

from conftest import ROOT


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    (tmp_path / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setenv("CHANJIAO_SOURCES", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


def instance_at(home: Path) -> dg.DagsterInstance:
    return dg.DagsterInstance.from_config(str(home))


def test_a_second_refresh_during_a_run_cannot_mix_its_tables_into_the_first(home, tmp_path, monkeypatch):
    """The defect: two refreshes on one instance shared `storage/<asset>`, so a run published the
    other's reports (with its own facts quarantined). Here refresh B starts while A is in its
    extract step; A must publish exactly its own reports, and B must not run alongside A."""
    monkeypatch.setenv("CHANJIAO_REFRESH_WAIT", "1")
    instance = instance_at(home)
    a, b = tmp_path / "a", tmp_path / "b"
    write_reports(a / "inbox", range(0, 3))
    write_reports(b / "inbox", range(10, 14))
    original = pipelines.steps.extract_facts_table
    seen: dict[str, bool] = {}

    def extract_then_start_b(texts, paths, *rest):
        if "b" not in seen:
            seen["b"] = refresh(
                inbox=b / "inbox", published=b / "published", data=b / "data", dagster_instance=instance
            )
        return original(texts, paths, *rest)

    monkeypatch.setattr(pipelines.steps, "extract_facts_table", extract_then_start_b)
    assert refresh(inbox=a / "inbox", published=a / "published", data=a / "data", dagster_instance=instance)
    reports = pq.read_table(latest_release(a / "published") / "reports.parquet").to_pandas()
    assert sorted(reports["file_name"]) == [f"report-{i:02d}.txt" for i in range(3)]
    facts = pq.read_table(latest_release(a / "published") / "facts.parquet").to_pandas()
    assert len(facts) > 0 and set(facts["file_name"]) == set(reports["file_name"])
    assert seen["b"] is False  # B waited for the lock, then refused: it never ran alongside A
    assert not (b / "published" / "catalog.json").exists()


def test_no_step_table_is_written_in_a_one_process_run_and_old_runs_are_swept(home, tmp_path):
    instance = instance_at(home)
    for new in (range(2), [2]):  # the second run has a new report, so it runs every step
        write_reports(tmp_path / "inbox", new)
        assert refresh(
            inbox=tmp_path / "inbox",
            published=tmp_path / "published",
            data=tmp_path / "data",
            dagster_instance=instance,
        )
    storage = Path(instance.storage_directory())
    assert not list(storage.rglob("*.pickle")) and not (storage / "decoded_reports").exists()  # no shared pickles
    assert not list(storage.rglob("*.parquet"))  # every table was taken in memory
    (runs_root(instance) / "old-run").mkdir(parents=True)  # a finished run's folder, as a process left it
    write_reports(tmp_path / "inbox", [3])
    assert refresh(
        inbox=tmp_path / "inbox", published=tmp_path / "published", data=tmp_path / "data", dagster_instance=instance
    )
    assert not (runs_root(instance) / "old-run").exists()


def test_the_release_refuses_tables_from_another_run():
    mine, other = pd.DataFrame({"x": [1]}), pd.DataFrame({"x": [2]})
    mine.attrs[RUN_ID_ATTR] = "run-1"
    other.attrs[RUN_ID_ATTR] = "run-0"
    check_inputs_from_run("run-1", {"facts": mine})
    with pytest.raises(InputFromAnotherRun, match=r"reports \(from run run-0\)"):
        check_inputs_from_run("run-1", {"facts": mine, "reports": other})
    with pytest.raises(InputFromAnotherRun, match="unknown"):
        check_inputs_from_run("run-1", {"facts": pd.DataFrame({"x": [1]})})


def test_a_waiting_refresh_starts_as_soon_as_the_lock_is_released(tmp_path, capsys):
    path = tmp_path / "lock"
    holder = refresh_lock(path, wait=0)
    holder.__enter__()
    threading.Timer(0.3, holder.__exit__, (None, None, None)).start()
    started = time.monotonic()
    with refresh_lock(path, wait=10):
        waited = time.monotonic() - started
    assert 0.2 < waited < 5
    assert "another refresh is running" in capsys.readouterr().err
    with refresh_lock(path, wait=0), pytest.raises(RefreshBusy, match="not starting a second one"):  # noqa: SIM117
        with refresh_lock(path, wait=0.2):
            pass


def test_chanjiao_refresh_on_a_busy_instance_waits_then_refuses_clearly(home, tmp_path):
    write_reports(tmp_path / "inbox", range(1))
    env = {**os.environ, "DAGSTER_HOME": str(home), "CHANJIAO_REFRESH_WAIT": "1", "CHANJIAO_DATA": str(tmp_path / "d")}
    with refresh_lock(lock_path(instance_at(home)), wait=0):
        proc = subprocess.run(
            [str(Path(sys.executable).parent / "chanjiao"), "refresh", "--inbox", str(tmp_path / "inbox"),
             "--published", str(tmp_path / "published")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert proc.returncode != 0
    assert "another refresh is running on this Dagster instance" in proc.stderr
    assert "not starting a second one" in proc.stderr.splitlines()[-1] or "not starting a second one" in proc.stderr
    assert not (tmp_path / "published" / "catalog.json").exists()


def test_the_daemon_runs_one_refresh_at_a_time(tmp_path):
    """The project's dagster.yaml queues runs (sensor, schedule, UI launches) one at a time."""
    config = yaml.safe_load((ROOT / ".dagster_home" / "dagster.yaml").read_text(encoding="utf-8"))
    assert config["run_queue"]["max_concurrent_runs"] == 1
    home = tmp_path / "h"
    home.mkdir()
    (home / "dagster.yaml").write_text((ROOT / ".dagster_home" / "dagster.yaml").read_text(encoding="utf-8"))
    instance = instance_at(home)
    assert instance.run_coordinator.get_run_queue_config().max_concurrent_runs == 1


def test_a_refresh_hands_its_tables_over_in_memory_and_reads_none_back(home, tmp_path, monkeypatch):
    """Every step runs in one process, so a step's inputs come from memory: reading them back from
    Parquet cost 4.5 s of a 28 s refresh at 10,000 reports, and writing them 2 s more."""

    def no_read_back(path):
        raise AssertionError(f"a step read {path} back")

    monkeypatch.setattr(RunParquetIOManager, "_read", staticmethod(no_read_back))
    write_reports(tmp_path / "inbox", range(2))
    assert refresh(inbox=tmp_path / "inbox", published=tmp_path / "published", data=tmp_path / "data")
    facts = pq.read_table(latest_release(tmp_path / "published") / "facts.parquet")
    assert facts.num_rows > 0
    assert not runs_root(instance_at(home)).exists() or not list(runs_root(instance_at(home)).rglob("*.parquet"))


def test_a_table_a_reader_did_not_take_is_written_for_it_when_the_process_ends(tmp_path):
    """A step run in a process of its own leaves its table, untaken, for the next step's process:
    the IO manager writes what is still handed over when its process is done (here a reader
    skipped in a one-process run, the same path). A table taken in memory is not written."""

    @dg.asset
    def taken() -> pd.DataFrame:
        return pd.DataFrame({"x": [1, 2]})

    @dg.asset
    def untaken() -> pd.DataFrame:
        return pd.DataFrame({"y": ["a", "b", "c"]})

    @dg.asset(output_required=False)
    def gate():
        return
        yield  # no output: its readers are skipped

    @dg.asset
    def reads_taken(taken: pd.DataFrame) -> None:
        assert taken["x"].tolist() == [1, 2]

    @dg.asset
    def skipped(untaken: pd.DataFrame, gate) -> None:  # never runs: gate gave nothing
        raise AssertionError("ran")

    (tmp_path / "home").mkdir()
    with dg.DagsterInstance.local_temp(str(tmp_path / "home")) as instance, set_defs_state_storage(None):
        result = dg.materialize(
            [taken, untaken, gate, reads_taken, skipped],
            resources={"io_manager": RunParquetIOManager()},
            instance=instance,
        )
        folder = runs_root(instance) / result.run_id
        written = sorted(p.name for p in folder.iterdir())
        table = pq.read_table(folder / "untaken.parquet")
    assert result.success
    assert written == ["untaken.parquet"]
    assert table.to_pandas()["y"].tolist() == ["a", "b", "c"]
    assert table.schema.metadata[b"chanjiao_run_id"].decode() == result.run_id


def test_each_reader_of_a_handed_over_table_gets_its_own(tmp_path):
    """Two steps read one table; the first changes its frame in place. The second must see the
    table as it was produced, and the handed-over frames are let go when the run ends."""
    seen: dict[str, list] = {}

    @dg.asset
    def table() -> pd.DataFrame:
        return pd.DataFrame({"x": [1, 2]})

    @dg.asset
    def changes_it(table: pd.DataFrame) -> pd.DataFrame:
        seen["first"] = table["x"].tolist()
        table.loc[0, "x"] = 99
        table["y"] = 0
        return table

    @dg.asset(deps=[changes_it])
    def reads_it(table: pd.DataFrame) -> pd.DataFrame:
        seen["second"] = table["x"].tolist()
        seen["columns"] = list(table.columns)
        seen["run"] = table.attrs[RUN_ID_ATTR]
        return table

    manager = RunParquetIOManager()
    (tmp_path / "home").mkdir()
    # Dagster resolves the definitions against a context variable's "current definitions-state
    # storage"; in one CI order an earlier test had left one whose instance was gone. None here: this
    # test's definitions need no stored state.
    with dg.DagsterInstance.local_temp(str(tmp_path / "home")) as instance, set_defs_state_storage(None):
        result = dg.materialize([table, changes_it, reads_it], resources={"io_manager": manager}, instance=instance)
    assert result.success
    assert seen["first"] == [1, 2] and seen["second"] == [1, 2] and seen["columns"] == ["x"]
    assert seen["run"] == result.run_id
    plan = create_execution_plan(result.job_def)
    assert plan_readers(plan, "table", "result") == 2 and plan_readers(plan, "reads_it", "result") == 0
    assert plan_readers(plan, "changes_it", "result") == 0  # deps=[changes_it] orders, loads nothing
