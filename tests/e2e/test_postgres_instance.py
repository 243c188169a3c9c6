"""The Dagster instance in PostgreSQL (DAGSTER_PG_URL), for real: a private PostgreSQL server
(Debian's binaries, `make postgres`) initialised in a temporary folder on a free port with its
socket there too, run as a non-root user; a refresh in-process and a run launched through the
webserver and dequeued by the daemon are both recorded in it."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assets import instance as instance_config

from conftest import ROOT

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
REPORT = "江南职业技术学院产教融合年度报告\n发布时间：2024-03-15\n2023年，江南职业技术学院与126家企业开展校企合作，共建产业学院6个。\n"


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user():
    """Run the server as a non-root user (postgres refuses root): the Debian package's own."""
    if os.getuid() != 0:
        return None, None
    try:
        pw = pwd.getpwnam("postgres")
    except KeyError:
        return None, None

    def demote():
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)

    return demote, pw


@pytest.fixture(scope="module")
def pg_url(tmp_path_factory):
    pg = _pg_bin()
    if pg is None:
        subprocess.run(["make", "-s", "postgres"], cwd=ROOT, check=False, capture_output=True)
        pg = _pg_bin()
    if pg is None:
        pytest.skip("PostgreSQL server binaries could not be installed (make postgres)")
    demote, pw = _as_user()
    if os.getuid() == 0 and demote is None:
        pytest.skip("running as root without a 'postgres' user to run the server as")
    tmp = tmp_path_factory.mktemp("pg")
    data, sock = tmp / "data", tmp / "sock"
    sock.mkdir()
    if pw is not None:
        for p in (tmp, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
        # the test's temporary folders above tmp must be traversable by that user
        for parent in tmp.parents:
            if parent == Path("/tmp") or parent == Path("/"):
                break
            os.chmod(parent, os.stat(parent).st_mode | 0o011)
    env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    run = dict(preexec_fn=demote, env=env, capture_output=True, text=True, cwd=tmp)
    init = subprocess.run([str(pg / "initdb"), "-D", str(data), "-U", "chanjiao", "--auth=trust", "-E", "UTF8"], **run)
    assert init.returncode == 0, init.stderr
    port = _free_port()
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = subprocess.run(
        [str(pg / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "server.log"), "-w", "-t", "60", "start"],
        **run,
    )
    log = tmp / "server.log"
    assert start.returncode == 0, (
        start.stdout + start.stderr + (log.read_text(errors="replace") if log.exists() else "")
    )
    try:
        yield f"postgresql+psycopg2://chanjiao@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], **run)


def _runs_in_postgres(url: str) -> list[tuple[str, str]]:
    import psycopg2

    with contextlib.closing(psycopg2.connect(url.replace("+psycopg2", ""))) as conn, conn.cursor() as cur:
        try:
            cur.execute("select run_id, status from runs")
        except psycopg2.errors.UndefinedTable:  # no Dagster process has used this database yet
            return []
        return cur.fetchall()


def _deployment(tmp: Path, url: str) -> dict[str, str]:
    inbox = tmp / "inbox"
    inbox.mkdir()
    (inbox / "jiangnan.txt").write_text(REPORT, encoding="utf-8")
    (tmp / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHANJIAO_", "DAGSTER_"))}
    env.update(
        DAGSTER_HOME=str(tmp / "home"),
        DAGSTER_PG_URL=url,
        CHANJIAO_INBOX=str(inbox),
        CHANJIAO_PUBLISHED=str(tmp / "published"),
        CHANJIAO_DATA=str(tmp / "data"),
        CHANJIAO_SOURCES=str(tmp / "sources.yaml"),
        PYTHONUNBUFFERED="1",
    )
    return env


def test_the_instance_config_follows_the_environment(tmp_path):
    assert instance_config.instance_yaml({}) == (ROOT / ".dagster_home" / "dagster.yaml").read_text(encoding="utf-8")
    text = instance_config.instance_yaml({"DAGSTER_PG_URL": "postgresql+psycopg2://u:secret@h/db"})
    assert "env: DAGSTER_PG_URL" in text and "secret" not in text  # the password stays in the environment
    with pytest.raises(ValueError, match=r"must start with postgresql\+psycopg2://"):
        instance_config.instance_yaml({"DAGSTER_PG_URL": "postgresql://u@h/db"})
    home = instance_config.write_config(tmp_path, {"DAGSTER_PG_URL": "postgresql+psycopg2://u@h/db"})
    assert "postgres" in (home / "dagster.yaml").read_text()
    instance_config.write_config(tmp_path, {})
    assert "postgres" not in (home / "dagster.yaml").read_text()


def test_a_refresh_is_recorded_in_postgres(pg_url, tmp_path, monkeypatch):
    env = _deployment(tmp_path, pg_url)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    from assets.run import instance, refresh

    inst = instance()
    assert type(inst.run_storage).__name__ == "PostgresRunStorage"
    assert refresh()
    runs = _runs_in_postgres(pg_url)
    assert any(status == "SUCCESS" for _, status in runs), runs
    assert (tmp_path / "published" / "ie-facts" / "1.0.0" / "facts.parquet").exists()


def test_a_run_launched_through_the_webserver_is_run_by_the_daemon_and_recorded_in_postgres(pg_url, tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from test_webserver_e2e import (
        LAUNCH,
        RUN_STATUS,
        create_storage,
        free_port,
        graphql,
        start_services,
        stop_group,
        wait_for_server,
    )

    env = _deployment(tmp_path, pg_url)
    instance_config.write_config(Path(env["DAGSTER_HOME"]), env)
    before = {rid for rid, _ in _runs_in_postgres(pg_url)}
    port = free_port()
    procs, logs = [], []
    try:
        commands = {
            "webserver": [str(BIN / "dagster-webserver"), "-h", "127.0.0.1", "-p", str(port)],
            "daemon": [str(BIN / "dagster-daemon"), "run"],
        }
        create_storage(env)
        start_services(commands, env, tmp_path, procs, logs)
        base = f"http://127.0.0.1:{port}"
        wait_for_server(base, procs, logs, timeout=120)
        selector = {"repositoryLocationName": "chanjiao", "repositoryName": "__repository__", "jobName": "refresh"}
        launched = graphql(base, LAUNCH, {"executionParams": {"selector": selector, "runConfigData": {}}})["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        run_id = launched["run"]["runId"]
        started, status = time.monotonic(), None
        while time.monotonic() - started < 180:
            status = graphql(base, RUN_STATUS, {"runId": run_id})["runOrError"]["status"]
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            time.sleep(0.5)
        assert status == "SUCCESS", "\n".join(p.read_text(errors="replace")[-2000:] for p in logs)
        after = dict(_runs_in_postgres(pg_url))
        assert run_id not in before and after[run_id] == "SUCCESS"
    finally:
        for p in procs:
            stop_group(p, signal.SIGTERM)
        shutil.rmtree(tmp_path / "home", ignore_errors=True)
