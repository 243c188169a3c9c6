"""fetch against hostile servers on 127.0.0.1: a trickle, a silent socket, an endless body, a lie
about the size, Retry-After: 3600, a binary body where a report was, and a SIGTERM mid-fetch.
Every server loop is bounded, so a regression fails a test instead of hanging it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipelines.ingest.fetch import FAILED, FETCHED, FetchConfig, Source, fetch_sources
from pipelines.ingest.sources import read_index

from conftest import ROOT

REPORT = "示范职业技术学院产教融合年度报告\n发布时间：2024-05-10\n学院与86家企业开展合作，技术服务到款额达到560万元。\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
QUICK = FetchConfig(timeout=5, retries=2, backoff=0.01, max_backoff=60, url_deadline=30, run_deadline=60)
MAX_SERVER_SECONDS = 20  # no handler runs longer than this, whatever the client does


class Hostile:
    def __init__(self):
        self.hits: dict[str, int] = {}
        self.binary = False
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # close-delimited bodies: an endless body needs no length

            def log_message(self, *args):
                pass

            def do_GET(self):
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    server.route(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def bounded(self):
        """Yield until the test ends or MAX_SERVER_SECONDS pass."""
        end = time.monotonic() + MAX_SERVER_SECONDS
        while not self.stop.is_set() and time.monotonic() < end:
            yield

    def route(self, h: BaseHTTPRequestHandler):
        path = h.path
        if path.startswith("/trickle"):  # a report, ten bytes every 0.2 s, 100 KB announced
            h.send_response(200)
            h.send_header("Content-Length", "100000")
            h.end_headers()
            for _ in self.bounded():
                h.wfile.write(REPORT.encode()[:10])
                h.wfile.flush()
                time.sleep(0.2)
        elif path == "/silent":  # headers sent, then nothing
            h.send_response(200)
            h.end_headers()
            h.wfile.flush()
            for _ in self.bounded():
                time.sleep(0.1)
        elif path == "/endless":  # no length, 64 KB chunks for as long as the client reads
            h.send_response(200)
            h.end_headers()
            chunk = REPORT.encode() * 400
            for _ in self.bounded():
                h.wfile.write(chunk)
        elif path == "/liar":  # says a terabyte
            h.send_response(200)
            h.send_header("Content-Length", str(10**12))
            h.end_headers()
            h.wfile.write(REPORT.encode())
        elif path == "/later":
            h.send_response(503)
            h.send_header("Retry-After", "3600")
            h.send_header("Content-Length", "4")
            h.end_headers()
            h.wfile.write(b"busy")
        elif path == "/report.txt":
            body = PNG if self.binary else REPORT.encode()
            h.send_response(200)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        else:
            h.send_error(404)


@pytest.fixture
def hostile():
    s = Hostile()
    try:
        yield s
    finally:
        s.close()


def source(server: Hostile, path: str) -> Source:
    return Source(url=server.base + path, file_name=path.strip("/").replace("/", "-") + ".txt")


def timed(fn):
    started = time.monotonic()
    out = fn()
    return out, time.monotonic() - started


def test_a_trickling_server_is_cut_off_at_the_url_deadline(hostile, tmp_path):
    cfg = FetchConfig(timeout=5, retries=0, url_deadline=1.0)
    summary, took = timed(lambda: fetch_sources([source(hostile, "/trickle")], tmp_path, cfg))
    assert took < 4
    assert summary.outcomes[0].status == FAILED and "deadline" in summary.outcomes[0].reason


def test_a_silent_server_is_cut_off_at_the_url_deadline_not_the_read_timeout(hostile, tmp_path):
    cfg = FetchConfig(timeout=30, retries=3, backoff=0.01, url_deadline=1.0)
    summary, took = timed(lambda: fetch_sources([source(hostile, "/silent")], tmp_path, cfg))
    assert took < 4 and summary.outcomes[0].status == FAILED


def test_the_whole_fetch_has_a_deadline(hostile, tmp_path):
    sources = [source(hostile, f"/trickle/{i}") for i in range(5)]
    cfg = FetchConfig(timeout=5, retries=0, concurrency=2, url_deadline=60, run_deadline=1.5)
    summary, took = timed(lambda: fetch_sources(sources, tmp_path, cfg))
    assert took < 5
    assert [o.status for o in summary.outcomes] == [FAILED] * 5
    assert all("deadline" in o.reason for o in summary.outcomes)


def test_an_endless_body_and_a_declared_terabyte_are_refused_at_the_cap(hostile, tmp_path):
    cfg = FetchConfig(timeout=5, retries=0, max_bytes=1 << 20, url_deadline=15)
    summary, took = timed(lambda: fetch_sources([source(hostile, "/endless"), source(hostile, "/liar")], tmp_path, cfg))
    assert took < 10
    for o in summary.outcomes:
        assert o.status == FAILED and "larger than 1048576 bytes" in o.reason
    assert not list((tmp_path / "snapshots").rglob("*")) if (tmp_path / "snapshots").exists() else True


def test_retry_after_3600_is_not_waited_for(hostile, tmp_path):
    summary, took = timed(lambda: fetch_sources([source(hostile, "/later")], tmp_path, QUICK))
    assert took < 3
    assert hostile.hits["/later"] == 1
    assert "3600" in summary.outcomes[0].reason and summary.outcomes[0].status == FAILED


def test_a_binary_body_never_replaces_the_last_good_snapshot(hostile, tmp_path):
    first = fetch_sources([source(hostile, "/report.txt")], tmp_path, QUICK)
    assert first.outcomes[0].status == FETCHED
    good = read_index(tmp_path / "fetched")[hostile.base + "/report.txt"]["sha256"]
    hostile.binary = True
    second = fetch_sources([source(hostile, "/report.txt")], tmp_path, QUICK)
    assert second.outcomes[0].status == FAILED and "not a report" in second.outcomes[0].reason
    assert read_index(tmp_path / "fetched")[hostile.base + "/report.txt"]["sha256"] == good


def test_sigterm_stops_a_fetch_at_once_and_leaves_the_index_alone(hostile, tmp_path):
    """As in a Dagster run worker: SIGTERM becomes KeyboardInterrupt in the main thread. The
    trickling workers must stop too, not hold the process until their deadline."""
    script = textwrap.dedent(
        f"""
        import signal, sys
        from pathlib import Path
        def interrupt(*_):
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, interrupt)
        from pipelines.ingest.fetch import FetchConfig, Source, fetch_sources
        sources = [Source(url="{hostile.base}/trickle/" + str(i), file_name=f"t{{i}}.txt") for i in range(3)]
        print("ready", flush=True)
        try:
            fetch_sources(sources, Path(sys.argv[1]), FetchConfig(retries=0, url_deadline=60, run_deadline=60))
        except KeyboardInterrupt:
            print("stopped", flush=True)
            sys.exit(130)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        out, _ = proc.communicate(timeout=15)
        took = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130 and "stopped" in out
    assert took < 3, f"the fetch took {took:.1f} s to stop after SIGTERM"
    assert not (tmp_path / "fetched" / "index.json").exists()


def test_chanjiao_fetch_stops_cleanly_on_sigterm(hostile, tmp_path):
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"sources:\n  - url: {hostile.base}/trickle/cli\n    file_name: t.txt\n", encoding="utf-8")
    env = {**os.environ, "CHANJIAO_DATA": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "chanjiao"), "fetch", "--sources", str(sources)],
        cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        started = time.monotonic()
        while "/trickle/cli" not in hostile.hits and time.monotonic() - started < 60:
            time.sleep(0.05)
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        err = proc.stderr.read()
        proc.stderr.close()
    assert code == 130, err
    assert "stopped; the fetch index is as it was" in err
    assert not (tmp_path / "data" / "fetched" / "index.json").exists()
