"""Orchestration in-process: the whole graph materialised by `pipelines.run.refresh`, the
incremental fact cache, fetched URL reports flowing into the release, the inbox sensor and the
weekly schedule evaluated with Dagster's test contexts."""

from __future__ import annotations

import functools
import json
import os
import threading
import tomllib
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import pyarrow.parquet as pq
import pytest

from assets.definitions import defs
from assets.resources import ChanjiaoPaths
from assets.run import refresh
from assets.schedules import weekly_fetch_schedule
from assets.sensors import inbox_sensor
from pipelines.extract.cache import FactCache
from pipelines.ingest.inbox import inbox_digest, inbox_state
from pipelines.settings import Paths
from pipelines.steps import decode_reports, extract_facts_table, ingest_raw_reports
from schemas.tables import PUBLISHED_TABLES

from conftest import ROOT

COLLEGES = ["江南职业技术学院", "北川职业学院", "东海技师学院", "西岭职业技术学院", "南山职业技术大学"]


def report_text(i: int) -> str:
    college = COLLEGES[i % len(COLLEGES)]
    return (
        f"{college}深化产教融合工作报告\n发布时间：2024-0{i % 9 + 1}-1{i % 9}  来源：{college}\n"
        f"2023年，{college}与{80 + i}家企业开展校企合作，共建产业学院{3 + i}个，"
        f"开展社会培训{2 + i}.5万人日，技术服务到款额达到{500 + 10 * i}万元，获授权专利{20 + i}项。\n"
    )


def write_reports(folder: Path, indices) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in indices:
        path = folder / f"report-{i:02d}.txt"
        path.write_text(report_text(i), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    """inbox / published / data folders, and an empty source list so nothing reaches the network."""
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setenv("CHANJIAO_SOURCES", str(sources))
    d = {name: tmp_path / name for name in ("inbox", "published", "data")}
    d["sources"] = sources
    return d


def run_refresh(dirs, rebuild: bool = False) -> dg.DagsterInstance:
    instance = dg.DagsterInstance.ephemeral()
    assert refresh(
        inbox=dirs["inbox"], published=dirs["published"], data=dirs["data"], dagster_instance=instance, rebuild=rebuild
    )
    return instance


def metadata(instance: dg.DagsterInstance, asset: str) -> dict:
    event = instance.get_latest_materialization_event(dg.AssetKey(asset))
    assert event is not None, f"{asset} was not materialised"
    return {k: getattr(v, "value", v) for k, v in event.asset_materialization.metadata.items()}


def latest_release(published: Path) -> Path:
    catalog = json.loads((published / "catalog.json").read_text(encoding="utf-8"))
    return published / "ie-facts" / catalog["datasets"]["ie-facts"]["latest"]


# -- the graph ------------------------------------------------------------------------------------


def test_jobs_cover_the_graph_and_the_fetch_feeds_intake():
    graph = defs.resolve_asset_graph()
    every = set(graph.get_all_asset_keys())
    assert dg.AssetKey("fetched_sources") in every
    assert defs.resolve_job_def("refresh").asset_layer.selected_asset_keys == every
    assert defs.resolve_job_def("fetch_and_refresh").asset_layer.selected_asset_keys == every
    # the fetch, then the digest of every input (which may stop the run), then intake
    assert graph.get(dg.AssetKey("refresh_inputs")).parent_keys == {dg.AssetKey("fetched_sources")}
    assert dg.AssetKey("refresh_inputs") in graph.get(dg.AssetKey("raw_reports")).parent_keys
    assert dg.AssetKey("refresh_inputs") in graph.get(dg.AssetKey("indicators")).parent_keys
    assert defs.resolve_sensor_def("inbox_sensor").job_name == "refresh"
    assert defs.resolve_schedule_def("weekly_fetch_and_refresh").job_name == "fetch_and_refresh"


def test_refresh_materialises_every_asset_and_passes_every_check(dirs):
    write_reports(dirs["inbox"], range(3))
    instance = run_refresh(dirs)

    for key in defs.resolve_asset_graph().get_all_asset_keys():
        assert instance.get_latest_materialization_event(key) is not None, key
    assert metadata(instance, "fetched_sources")["sources"] == 0
    assert metadata(instance, "raw_reports")["ingested"] == 3
    assert metadata(instance, "facts")["dagster/row_count"] >= 12
    assert metadata(instance, "release")["new_version"] is True

    run = instance.get_runs()[0]
    evaluations = [
        e.dagster_event.asset_check_evaluation_data
        for e in instance.all_logs(run.run_id)
        if e.dagster_event and e.dagster_event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ]
    assert {e.check_name for e in evaluations} == {f"{t}_contract" for t in PUBLISHED_TABLES} | {"rows_quarantined"}
    assert all(e.passed for e in evaluations)

    reports = pq.read_table(latest_release(dirs["published"]) / "reports.parquet").to_pandas()
    assert sorted(reports["origin"]) == ["report-00.txt", "report-01.txt", "report-02.txt"]


def test_a_new_report_among_several_is_the_only_one_extracted(dirs):
    # a new report's facts are extracted once, by the intake's time-budget check, and read from
    # the fact cache by the extraction step
    write_reports(dirs["inbox"], range(4))
    cold = run_refresh(dirs)
    first = metadata(cold, "extracted_facts")
    assert metadata(cold, "raw_reports")["reports_extracted_at_intake"] == 4
    assert (first["reports_extracted"], first["reports_from_cache"]) == (0, 4)

    write_reports(dirs["inbox"], [4])
    second = run_refresh(dirs)
    facts = metadata(second, "extracted_facts")
    assert metadata(second, "raw_reports")["reports_extracted_at_intake"] == 1
    assert (facts["reports_extracted"], facts["reports_from_cache"]) == (0, 5)
    assert metadata(second, "release")["new_version"] is True

    rebuilt = run_refresh(dirs, rebuild=True)  # every step, though nothing changed
    extracted = metadata(rebuilt, "extracted_facts")
    assert metadata(rebuilt, "raw_reports")["reports_extracted_at_intake"] == 0
    assert (extracted["reports_extracted"], extracted["reports_from_cache"]) == (0, 5)
    assert metadata(rebuilt, "release")["new_version"] is False


def step_events(instance: dg.DagsterInstance) -> dict[str, str]:
    run = instance.get_runs()[0]
    return {
        e.step_key: e.dagster_event.event_type_value
        for e in instance.all_logs(run.run_id)
        if e.dagster_event and e.step_key and e.dagster_event.event_type_value in ("STEP_SUCCESS", "STEP_SKIPPED")
    }


def release_observation(instance: dg.DagsterInstance) -> dict:
    event = instance.fetch_observations(dg.AssetKey("release"), limit=1).records[0].event_log_entry
    return {k: getattr(v, "value", v) for k, v in event.asset_observation.metadata.items()}


def test_a_refresh_with_unchanged_inputs_stops_after_reading_them(dirs):
    write_reports(dirs["inbox"], range(3))
    run_refresh(dirs)
    again = run_refresh(dirs)
    steps = step_events(again)
    assert steps.pop("fetched_sources") == steps.pop("refresh_inputs") == "STEP_SUCCESS"
    assert steps and set(steps.values()) == {"STEP_SKIPPED"}  # every other step, checks and release included
    seen = release_observation(again)
    assert (seen["version"], seen["new_version"], seen["inputs_unchanged"]) == ("1.0.0", False, True)
    assert seen["rows"]["reports"] == 3

    (dirs["inbox"] / "report-01.txt").touch()  # a touched file: the inputs may differ, so every step runs
    assert step_events(run_refresh(dirs))["release"] == "STEP_SUCCESS"
    write_reports(dirs["inbox"], [3])
    assert metadata(run_refresh(dirs), "release")["version"] == "1.1.0"


def test_a_new_extractor_version_extracts_every_report_again(dirs):
    write_reports(dirs["inbox"], range(3))
    paths = Paths(inbox=dirs["inbox"], published=dirs["published"], data=dirs["data"])
    texts = decode_reports(ingest_raw_reports(paths), paths)

    warm = extract_facts_table(texts, paths)  # the intake's budget check filled the current version's cache
    again = extract_facts_table(texts, paths)
    assert (warm.reports_extracted, again.reports_extracted, again.reports_from_cache) == (0, 0, 3)

    other = FactCache(paths.data_dir / "cache", version="999.0.0-test")
    rows = [other.facts(sha, text) for sha, text in zip(texts["sha256"], texts["text"])]
    assert (other.misses, other.hits) == (3, 0)
    assert rows == [
        FactCache(paths.data_dir / "cache").facts(sha, text) for sha, text in zip(texts["sha256"], texts["text"])
    ]  # same extractor, same facts


def test_refresh_with_a_changed_extractor_version_redoes_all(dirs, monkeypatch):
    write_reports(dirs["inbox"], range(3))
    run_refresh(dirs)
    monkeypatch.setattr(Paths, "fact_cache", lambda self: FactCache(self.data_dir / "cache", "999.0.0-test"))
    monkeypatch.setattr("pipelines.ingest.refresh_inputs.extractor_version", lambda: "999.0.0-test")
    facts = metadata(run_refresh(dirs), "extracted_facts")
    assert (facts["reports_extracted"], facts["reports_from_cache"]) == (3, 0)


def test_fetched_url_reports_are_ingested_and_published(dirs, tmp_path):
    dirs["inbox"].mkdir()  # an empty inbox: the reports come from the URLs
    site = tmp_path / "site"
    site.mkdir()
    (site / "news.html").write_text(
        "<html><head><title>南山职业技术大学产教融合成果 - 新闻网</title></head><body>"
        f"<p>{report_text(7).replace(chr(10), '</p><p>')}</p></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/news.html"
        dirs["sources"].write_text(
            f"sources:\n  - url: {url}\n    file_name: nanshan-news.html\n"
            "    institution: 南山职业技术大学\n    date: 2024-08-17\n",
            encoding="utf-8",
        )
        write_reports(dirs["inbox"], range(2))
        first = run_refresh(dirs)
        assert metadata(first, "fetched_sources")["fetched"] == 1
        assert metadata(first, "raw_reports")["ingested"] == 3
        reports = pq.read_table(latest_release(dirs["published"]) / "reports.parquet").to_pandas()
        assert url in set(reports["origin"])

        second = run_refresh(dirs)  # SimpleHTTPRequestHandler answers If-Modified-Since with 304
        assert metadata(second, "fetched_sources")["not_modified"] == 1
        assert step_events(second)["raw_reports"] == "STEP_SKIPPED"  # a 304 changes none of the inputs
        assert release_observation(second)["new_version"] is False
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- sensor and schedule --------------------------------------------------------------------------


def evaluate_sensor(inbox: Path, cursor: str | None):
    context = dg.build_sensor_context(cursor=cursor, resources={"chanjiao": ChanjiaoPaths(inbox=str(inbox))})
    return inbox_sensor.evaluate_tick(context)


def test_inbox_sensor_requests_a_refresh_only_when_the_inbox_changes(tmp_path):
    inbox = tmp_path / "inbox"
    assert evaluate_sensor(inbox, None).skip_message.endswith("does not exist")

    inbox.mkdir()
    empty = evaluate_sensor(inbox, None)
    assert not empty.run_requests and "empty" in empty.skip_message

    paths = write_reports(inbox, range(2))
    new = evaluate_sensor(inbox, empty.cursor)
    assert len(new.run_requests) == 1 and new.cursor == new.run_requests[0].run_key
    assert new.cursor == inbox_digest(inbox_state(inbox))

    same = evaluate_sensor(inbox, new.cursor)
    assert not same.run_requests and "unchanged" in same.skip_message

    (inbox / ".DS_Store").write_bytes(b"x")  # hidden files are not reports (intake skips them too)
    assert not evaluate_sensor(inbox, new.cursor).run_requests

    paths[0].write_text(report_text(0) + "另有合作企业12家。\n", encoding="utf-8")
    changed = evaluate_sensor(inbox, new.cursor)
    assert len(changed.run_requests) == 1 and changed.cursor != new.cursor

    st = paths[1].stat()  # same size, new mtime: a rewrite counts as a change
    os.utime(paths[1], ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    touched = evaluate_sensor(inbox, changed.cursor)
    assert len(touched.run_requests) == 1 and touched.cursor != changed.cursor

    (inbox / "sub").mkdir()
    write_reports(inbox / "sub", [9])
    nested = evaluate_sensor(inbox, touched.cursor)
    assert len(nested.run_requests) == 1


def test_sensor_and_schedule_are_stopped_until_turned_on():
    assert inbox_sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert weekly_fetch_schedule.default_status == dg.DefaultScheduleStatus.RUNNING


def test_weekly_schedule_requests_fetch_and_refresh_on_monday_morning_in_shanghai():
    assert weekly_fetch_schedule.cron_schedule == "0 6 * * 1"
    assert weekly_fetch_schedule.execution_timezone == "Asia/Shanghai"
    monday = datetime(2026, 11, 30, 6, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert monday.weekday() == 0
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(instance=instance, scheduled_execution_time=monday)
        data = weekly_fetch_schedule.evaluate_tick(context)
    assert len(data.run_requests) == 1
    assert weekly_fetch_schedule.job_name == "fetch_and_refresh"


# -- `chanjiao ui` without starting it --------------------------------------------------------------


def test_ui_runs_dagster_dev_on_localhost_with_the_project_instance_unless_told_otherwise():
    from assets.ui import PROJECT_DAGSTER_HOME, ui_command, ui_environment

    cmd = ui_command(3456)
    assert cmd[1:4] == ["-m", "dagster", "dev"]
    assert "-m" not in cmd[2:] and "-w" not in cmd  # the code location comes from pyproject.toml
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["dagster"]
    assert tool == {"module_name": "assets.definitions", "code_location_name": "chanjiao"}
    assert cmd[cmd.index("-h") + 1] == "127.0.0.1" and cmd[cmd.index("-p") + 1] == "3456"
    assert ui_environment({"PATH": "/bin"}) == {"PATH": "/bin", "DAGSTER_HOME": str(PROJECT_DAGSTER_HOME)}
    assert ui_environment({"DAGSTER_HOME": "/srv/dagster"})["DAGSTER_HOME"] == "/srv/dagster"
    config = (PROJECT_DAGSTER_HOME / "dagster.yaml").read_text(encoding="utf-8")
    assert "telemetry:\n  enabled: false" in config and "nux:\n  enabled: false" in config


def test_ui_refuses_a_port_already_in_use(capsys):
    import socket

    from assets.ui import run_ui

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert run_ui(port=s.getsockname()[1]) == 1
    assert "already in use" in capsys.readouterr().err


def test_a_users_own_dagster_home_gets_the_projects_config_where_it_has_none_and_keeps_its_own(tmp_path):
    """A DAGSTER_HOME of the user's: a fresh folder runs as the project's instance does (telemetry
    and the welcome notice off, one run at a time) instead of Dagster's defaults and banner; a
    dagster.yaml already there is the user's and stays as written."""
    from assets.instance import SQLITE_YAML
    from assets.ui import prepare_home

    fresh = prepare_home(tmp_path / "fresh", {})
    assert (fresh / "dagster.yaml").read_text(encoding="utf-8") == SQLITE_YAML
    own = tmp_path / "own"
    own.mkdir()
    (own / "dagster.yaml").write_text("telemetry:\n  enabled: true\n", encoding="utf-8")
    prepare_home(own, {})
    assert (own / "dagster.yaml").read_text(encoding="utf-8") == "telemetry:\n  enabled: true\n"
