"""End to end through the real Dagster processes: `dagster-webserver` (+ `dagster-daemon`, which
dequeues launched runs) on a free port of 127.0.0.1 with a temporary DAGSTER_HOME holding the
project's dagster.yaml, queried and driven through its GraphQL API, the asset graph page captured
by headless Chromium; and `chanjiao ui` (dagster dev) stopped cleanly by SIGTERM."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pyarrow.parquet as pq
import pytest

from conftest import ROOT

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
REPORTS = {
    "jiangnan.txt": "江南职业技术学院产教融合年度报告\n发布时间：2024-03-15  来源：江南职业技术学院\n"
    "2023年，江南职业技术学院与126家企业开展校企合作，共建产业学院6个，"
    "技术服务到款额达到860万元，开展社会培训3.2万人日。\n",
    "dongshan.txt": "东山职业学院深化校企合作\n发布时间：2024-04-02  来源：东山职业学院\n"
    "东山职业学院新增合作企业45家，获授权专利38项，订单班学生达到1200人。\n",
}

OVERVIEW = """
query Overview {
  repositoriesOrError {
    __typename
    ... on RepositoryConnection {
      nodes {
        name
        location { name }
        jobs { name }
        schedules { name cronSchedule executionTimezone scheduleState { status } }
        sensors { name sensorState { status } }
      }
    }
    ... on PythonError { message }
  }
  assetNodes {
    assetKey { path }
    groupName
    assetChecksOrError { __typename ... on AssetChecks { checks { name } } }
  }
}"""

LAUNCH = """
mutation Launch($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message stack }
    ... on Error { message }
  }
}"""

RUN_STATUS = """
query RunStatus($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run { status }
    ... on PythonError { message }
  }
}"""

ACTIVE_RUNS = """
query ActiveRuns {
  runsOrError(filter: {statuses: [QUEUED, NOT_STARTED, STARTING, STARTED, CANCELING]}) {
    __typename
    ... on Runs { results { runId status } }
  }
}"""

RUN_ERRORS = """
query RunErrors($runId: ID!) {
  logsForRun(runId: $runId) {
    ... on EventConnection { events { __typename ... on MessageEvent { message } } }
  }
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_for_server(base: str, procs: list[subprocess.Popen], logs: list[Path], timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p, log in zip(procs, logs):
            if p.poll() is not None:
                pytest.fail(f"{p.args[0]} exited with {p.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(f"{base}/server_info", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"no /server_info at {base} after {timeout} s:\n{logs[0].read_text(errors='replace')[-3000:]}")


def default_sigint() -> None:
    """Dagster maps SIGTERM onto its SIGINT handler: a SIGINT ignored by whoever started pytest
    (a background job) would make the servers ignore SIGTERM too."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def create_storage(env: dict[str, str]) -> None:
    """Create (migrate) the instance's storage once, before its services start: a webserver and a
    daemon started together on an empty store both run the schema's migrations, and the loser of
    that race (or a code server reading half a schema) fails in alembic (CI saw "alembic_version
    has more than one head"). A deployment does the same (README: the `instance` service)."""
    done = subprocess.run(
        [str(BIN / "dagster"), "instance", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def start_services(commands: dict[str, list[str]], env: dict[str, str], folder: Path, procs: list, logs: list) -> None:
    """Start each command in its own process group (SIGINT handler reset), its output in
    folder/<name>.log; the processes and logs are appended as they start, so that the caller's
    `finally` stops whatever did start."""
    for name, cmd in commands.items():
        log = folder / f"{name}.log"
        logs.append(log)
        procs.append(
            subprocess.Popen(
                cmd,
                cwd=ROOT,
                env=env,
                stdout=log.open("wb"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=default_sigint,
            )
        )


def stop_group(proc: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
    """Stop a process started with start_new_session=True and everything in its group."""
    for s in (sig, signal.SIGKILL):
        try:
            os.killpg(proc.pid, s)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=timeout)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # stragglers (code servers) in the group


def deployment(tmp: Path) -> dict[str, str]:
    """A temporary DAGSTER_HOME (the project's dagster.yaml) and chanjiao folders with two reports."""
    home = tmp / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    inbox = tmp / "inbox"
    inbox.mkdir()
    for name, text in REPORTS.items():
        (inbox / name).write_text(text, encoding="utf-8")
    (tmp / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHANJIAO_", "DAGSTER_"))}
    env.update(
        DAGSTER_HOME=str(home),
        CHANJIAO_INBOX=str(inbox),
        CHANJIAO_PUBLISHED=str(tmp / "published"),
        CHANJIAO_DATA=str(tmp / "data"),
        CHANJIAO_SOURCES=str(tmp / "sources.yaml"),
        PYTHONUNBUFFERED="1",
        CHANJIAO_SENSOR_INTERVAL="5",
    )
    return env


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ui")
    env = deployment(tmp)
    port = free_port()
    commands = {
        # no -m: both read the code location (module and name) from pyproject.toml, as `chanjiao ui` does
        "webserver": [str(BIN / "dagster-webserver"), "-h", "127.0.0.1", "-p", str(port)],
        "daemon": [str(BIN / "dagster-daemon"), "run"],
    }
    procs, logs = [], []
    started = time.monotonic()
    try:
        create_storage(env)
        start_services(commands, env, tmp, procs, logs)
        base = f"http://127.0.0.1:{port}"
        wait_for_server(base, procs, logs)
        print(f"webserver up in {time.monotonic() - started:.1f} s")
        yield {"base": base, "port": port, "tmp": tmp, "env": env, "logs": logs}
    finally:
        for p in procs:
            stop_group(p)


def versions_of(webserver) -> list[Path]:
    published = webserver["tmp"] / "published" / "ie-facts"
    if not published.exists():
        return []
    # version folders only: not the `latest` alias, not hidden staging folders
    found = [
        p for p in published.iterdir() if p.is_dir() and not p.is_symlink() and re.fullmatch(r"\d+\.\d+\.\d+", p.name)
    ]
    return sorted(found, key=lambda p: tuple(int(x) for x in p.name.split(".")))


def wait_until_published_and_idle(webserver, timeout: float = 120) -> list[Path]:
    """Whatever ran before (the sensor's first tick, another test's launch): wait until a release
    exists and no run is queued or in progress, so a test starts from a settled instance."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = graphql(webserver["base"], ACTIVE_RUNS)["runsOrError"]
        if runs["__typename"] == "Runs" and not runs["results"] and versions_of(webserver):
            return versions_of(webserver)
        time.sleep(0.5)
    logs = "\n".join(p.read_text(errors="replace")[-3000:] for p in webserver["logs"])
    pytest.fail(f"no settled release after {timeout} s:\n{logs}")


def graphql(base: str, query: str, variables: dict | None = None) -> dict:
    resp = httpx.post(f"{base}/graphql", json={"query": query, "variables": variables or {}}, timeout=30)
    resp.raise_for_status()
    body = resp.json()
    assert not body.get("errors"), body["errors"]
    return body["data"]


def overview(base: str) -> tuple[dict, list[dict]]:
    data = graphql(base, OVERVIEW)
    repos = data["repositoriesOrError"]
    assert repos["__typename"] == "RepositoryConnection", repos
    assert len(repos["nodes"]) == 1
    return repos["nodes"][0], data["assetNodes"]


def test_graphql_lists_assets_checks_jobs_schedule_and_sensor(webserver):
    repo, assets = overview(webserver["base"])
    groups = {"/".join(a["assetKey"]["path"]): a["groupName"] for a in assets}
    assert repo["location"]["name"] == "chanjiao"
    assert groups == {
        "fetched_sources": "ingest",
        "refresh_inputs": "ingest",
        "raw_reports": "ingest",
        "decoded_reports": "ingest",
        "extracted_facts": "extract",
        "facts": "validate",
        "quarantine": "validate",
        "reports": "publish",
        "report_texts": "publish",
        "institutions": "publish",
        "indicators": "publish",
        "release": "publish",
    }
    checks = {
        "/".join(a["assetKey"]["path"]): sorted(c["name"] for c in a["assetChecksOrError"].get("checks", []))
        for a in assets
    }
    assert checks["facts"] == ["facts_contract", "rows_quarantined"]
    assert checks["indicators"] == ["indicators_contract"]
    assert checks["quarantine"] == ["quarantine_contract"]
    assert {"refresh", "fetch_and_refresh"} <= {j["name"] for j in repo["jobs"]}
    assert repo["schedules"] == [
        {
            "name": "weekly_fetch_and_refresh",
            "cronSchedule": "0 6 * * 1",
            "executionTimezone": "Asia/Shanghai",
            "scheduleState": {"status": "RUNNING"},
        }
    ]
    assert repo["sensors"] == [{"name": "inbox_sensor", "sensorState": {"status": "RUNNING"}}]


def test_refresh_launched_through_graphql_succeeds_and_publishes(webserver):
    base = webserver["base"]
    repo, _ = overview(base)
    selector = {
        "repositoryLocationName": repo["location"]["name"],
        "repositoryName": repo["name"],
        "jobName": "refresh",
    }
    launched = graphql(base, LAUNCH, {"executionParams": {"selector": selector, "runConfigData": {}}})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]

    started, status = time.monotonic(), None
    while time.monotonic() - started < 120:  # it may queue behind the sensor's first run
        status = graphql(base, RUN_STATUS, {"runId": run_id})["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(0.5)
    print(f"refresh run {run_id} {status} after {time.monotonic() - started:.1f} s")
    if status != "SUCCESS":
        events = graphql(base, RUN_ERRORS, {"runId": run_id})["logsForRun"].get("events", [])
        messages = "\n".join(e.get("message", "") for e in events if "Failure" in e["__typename"])
        logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in webserver["logs"])
        pytest.fail(f"run {run_id} ended {status}:\n{messages}\n{logs}")

    # whichever tests ran before, the latest release holds this deployment's reports
    latest = versions_of(webserver)[-1] if versions_of(webserver) else None
    assert latest is not None and (latest / "facts.parquet").exists()
    names = set(pq.read_table(latest / "reports.parquet", columns=["file_name"]).column("file_name").to_pylist())
    assert set(REPORTS) <= names
    assert (webserver["tmp"] / "data" / "fetched" / "index.json").exists()  # fetched_sources ran (no URLs)


def test_a_report_dropped_into_the_inbox_becomes_a_release_by_itself(webserver):
    """No hand on the keyboard: the running inbox sensor sees the new file and the daemon runs
    `refresh`, which publishes a MINOR version naming the new facts. Alone or after other tests:
    it first waits for the sensor's first run (or any other) to settle."""
    before = {p.name for p in wait_until_published_and_idle(webserver)}
    inbox = Path(webserver["env"]["CHANJIAO_INBOX"])
    (inbox / "dropped.txt").write_text(
        "陇西职业技术学院\n日期:2024-06-01\n陇西职院授权专利23项，服务企业41家，开展社会培训5600人次。\n",
        encoding="utf-8",
    )
    started, new = time.monotonic(), []
    while time.monotonic() - started < 180:  # generous: the machine may be busy with other tests
        new = [p for p in versions_of(webserver) if p.name not in before and (p / "CHANGELOG.md").exists()]
        if new:
            break
        time.sleep(1)
    else:
        logs = "\n".join(p.read_text(errors="replace")[-3000:] for p in webserver["logs"])
        pytest.fail(f"no new release 180 s after a report was dropped into the inbox:\n{logs}")
    print(f"new release {new[0].name} {time.monotonic() - started:.1f} s after the drop")
    previous = max(before, key=lambda v: tuple(int(x) for x in v.split(".")))
    major, minor, _ = (int(x) for x in previous.split("."))
    assert new[0].name == f"{major}.{minor + 1}.0"  # rows added: a MINOR version
    changelog = (new[0] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "23项" in changelog and "5600人次" in changelog and "陇西职业技术学院" in changelog


@pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="Chromium is absent (run `make browser`); required when CI is set",
)
def test_asset_graph_page_screenshot(webserver, tmp_path):
    repo, _ = overview(webserver["base"])
    ARTIFACTS.mkdir(exist_ok=True)
    png = ARTIFACTS / "asset-graph.png"
    png.unlink(missing_ok=True)
    # Groups start collapsed when there are several; the page's `expanded` parameter opens them
    # (group ids are "global@global:<group>", or "<repo>@<location>:<group>" per code location).
    groups = ["ingest", "extract", "validate", "publish"]
    ids = [f"global@global:{g}" for g in groups] + [f"{repo['name']}@{repo['location']['name']}:{g}" for g in groups]
    url = f"{webserver['base']}/asset-groups?expanded={quote(','.join(ids), safe='')}"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium'}",
        "--window-size=1600,1000",
        "--virtual-time-budget=15000",
        "--hide-scrollbars",
        f"--screenshot={png}",
        url,
    ]
    started = time.monotonic()
    result = subprocess.run(cmd, capture_output=True, timeout=60, start_new_session=True)
    print(f"screenshot in {time.monotonic() - started:.1f} s")
    assert png.exists(), result.stderr.decode(errors="replace")[-2000:]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # a rendered graph, not a blank page


def test_chanjiao_ui_starts_dagster_dev_and_stops_on_sigterm(tmp_path):
    """`chanjiao ui` as a shell's background job would run it: SIGINT ignored. SIGTERM to it must
    still stop dagster dev, its webserver, daemon and code server, and free the port."""
    env = deployment(tmp_path)
    port = free_port()
    log = tmp_path / "ui.log"
    started, dev_pid = time.monotonic(), None
    proc = subprocess.Popen(
        [str(BIN / "chanjiao"), "ui", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        wait_for_server(f"http://127.0.0.1:{port}", [proc], [log])
        up = time.monotonic() - started
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        assert len(children) == 1
        dev_pid = int(children[0])
        assert os.getpgid(dev_pid) == dev_pid  # dagster dev leads its own process group
        assert len(_pids_in_group(dev_pid)) >= 3  # dagster dev, webserver, daemon (+ code server)

        stop_at = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=40) == 0, log.read_text(errors="replace")[-3000:]
        print(f"chanjiao ui up in {up:.1f} s, stopped {time.monotonic() - stop_at:.1f} s after SIGTERM")
        assert not port_open(port)
        assert _pids_in_group(dev_pid) == []
        text = log.read_text(errors="replace")
        assert "Dagster services shut down" in text and f"DAGSTER_HOME={env['DAGSTER_HOME']}" in text
    finally:
        stop_group(proc, signal.SIGKILL)
        if dev_pid is not None and _pids_in_group(dev_pid):
            os.killpg(dev_pid, signal.SIGKILL)


def _pids_in_group(pgid: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids
