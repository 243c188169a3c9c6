"""pipelines.fetch against a real HTTP server on 127.0.0.1: conditional requests, retries,
failures recorded (never raised), the polite concurrency limit, and the index format that
intake (pipelines.sources) reads."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from pipelines import cli
from pipelines.ingest.fetch import (
    FAILED,
    INDEX_FIELDS,
    FetchConfig,
    Source,
    SourcesError,
    fetch_from_file,
    fetch_sources,
    parse_sources,
    read_sources,
    retry_delay,
)
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.ingest.sources import fetched_reports, read_index
from pipelines.settings import DEFAULT_SOURCES

REPORT_V1 = (
    "示范职业技术学院产教融合年度报告\n发布时间：2024-05-10\n学院与86家企业开展合作，技术服务到款额达到560万元。\n"
)
REPORT_V2 = (
    "示范职业技术学院产教融合年度报告\n发布时间：2024-06-01\n学院与90家企业开展合作，技术服务到款额达到610万元。\n"
)
LAST_MODIFIED = "Fri, 10 May 2024 08:00:00 GMT"
FAST = FetchConfig(timeout=5, retries=3, backoff=0.01, max_backoff=0.05)


class ReportServer:
    """Routes:
    /report.txt  ETag + Last-Modified; 304 when If-None-Match matches the current ETag
    /dated.txt   Last-Modified only; 304 when If-Modified-Since equals it
    /flaky.txt   500 once, then 200
    /busy.txt    429 (Retry-After: 0) once, then 200
    /broken.txt  always 503
    /missing.txt 404
    /empty.txt   200 with no body
    /slow/N.txt  200 after 0.15 s, counting requests in flight
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict]] = []
        self.in_flight = self.max_in_flight = 0
        self.report = (REPORT_V1, '"v1"')
        self.broken = {"/broken.txt"}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                with server.lock:
                    n = server.hits[self.path] = server.hits.get(self.path, 0) + 1
                    server.requests.append((self.path, dict(self.headers)))
                server.route(self, self.path, n)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def headers_of(self, path: str) -> list[dict]:
        return [h for p, h in self.requests if p == path]

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict | None = None):
        h.send_response(status)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        if status != 304:
            h.send_header("Content-Type", "text/plain; charset=utf-8")
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if body and status != 304:
            h.wfile.write(body)

    def route(self, h: BaseHTTPRequestHandler, path: str, n: int):
        if path == "/report.txt":
            text, etag = self.report
            if h.headers.get("If-None-Match") == etag:
                return self.send(h, 304, headers={"ETag": etag})
            return self.send(h, 200, text.encode(), {"ETag": etag, "Last-Modified": LAST_MODIFIED})
        if path == "/dated.txt":
            if h.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(h, 304)
            return self.send(h, 200, REPORT_V1.replace("示范", "日期").encode(), {"Last-Modified": LAST_MODIFIED})
        if path == "/flaky.txt":
            if n == 1:
                return self.send(h, 500, b"oops")
            return self.send(h, 200, REPORT_V1.replace("示范", "重试").encode())
        if path == "/busy.txt":
            if n == 1:
                return self.send(h, 429, b"slow down", {"Retry-After": "0"})
            return self.send(h, 200, REPORT_V1.replace("示范", "繁忙").encode())
        if path in self.broken:
            return self.send(h, 503, b"down")
        if path == "/broken.txt":
            return self.send(h, 200, REPORT_V1.replace("示范", "恢复").encode())
        if path == "/empty.txt":
            return self.send(h, 200, b"")
        if path.startswith("/slow/"):
            with self.lock:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            time.sleep(0.15)
            with self.lock:
                self.in_flight -= 1
            return self.send(h, 200, (REPORT_V1 + path).encode())
        return self.send(h, 404, b"not found")


@pytest.fixture
def server():
    s = ReportServer()
    s.thread.start()
    try:
        yield s
    finally:
        s.httpd.shutdown()
        s.httpd.server_close()


def src(server: ReportServer, path: str, **kw) -> Source:
    return Source(url=server.url(path), file_name=path.strip("/").replace("/", "-"), **kw)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_first_fetch_snapshots_bodies_and_writes_the_index_intake_reads(server, tmp_path):
    sources = [
        src(server, "/report.txt", institution="示范职业技术学院", publisher="示范职业技术学院", date="2024-05-10"),
        src(server, "/flaky.txt"),
        src(server, "/missing.txt"),
    ]
    summary = fetch_sources(sources, tmp_path, FAST)

    assert summary.fetched == [server.url("/report.txt"), server.url("/flaky.txt")]
    assert summary.not_modified == []
    assert list(summary.failed) == [server.url("/missing.txt")]
    assert "404" in summary.failed[server.url("/missing.txt")]
    assert server.hits["/flaky.txt"] == 2 and server.hits["/missing.txt"] == 1  # 500 retried, 404 not

    index = json.loads((tmp_path / "fetched" / "index.json").read_text(encoding="utf-8"))
    assert set(index) == {server.url("/report.txt"), server.url("/flaky.txt")}
    entry = index[server.url("/report.txt")]
    assert set(entry) == set(INDEX_FIELDS)
    assert entry["etag"] == '"v1"' and entry["last_modified"] == LAST_MODIFIED
    assert (entry["file_name"], entry["institution"], entry["date"]) == ("report.txt", "示范职业技术学院", "2024-05-10")

    store = SnapshotStore(tmp_path / "snapshots")
    assert store.get(entry["sha256"]) == REPORT_V1.encode()
    provenance = json.loads(store.blob_path(entry["sha256"]).with_name(entry["sha256"] + ".json").read_text())
    assert provenance["url"] == server.url("/report.txt") and provenance["http_status"] == 200
    assert provenance["etag"] == '"v1"' and provenance["fetched_at"] == entry["fetched_at"]

    raw = {r.origin: r for r in fetched_reports(tmp_path / "fetched")}
    assert raw[server.url("/report.txt")].data == REPORT_V1.encode()
    assert raw[server.url("/report.txt")].name == "report.txt"
    assert all("chanjiao" in h["User-Agent"] for _, h in server.requests)
    assert not list((tmp_path / "fetched").glob(".index-*"))  # no temp file left behind


def test_refetch_is_conditional_and_304_keeps_the_previous_snapshot(server, tmp_path):
    sources = [src(server, "/report.txt"), src(server, "/dated.txt")]
    first = fetch_sources(sources, tmp_path, FAST)
    before = read_index(tmp_path / "fetched")
    second = fetch_sources(sources, tmp_path, FAST)

    assert first.fetched == [s.url for s in sources]
    assert second.not_modified == [s.url for s in sources] and second.fetched == []
    assert read_index(tmp_path / "fetched") == before  # same snapshot, same fetched_at
    report_requests = server.headers_of("/report.txt")
    assert "If-None-Match" not in report_requests[0] and report_requests[1]["If-None-Match"] == '"v1"'
    assert report_requests[1]["If-Modified-Since"] == LAST_MODIFIED
    assert server.headers_of("/dated.txt")[1]["If-Modified-Since"] == LAST_MODIFIED


def test_changed_content_becomes_a_new_snapshot_and_the_old_one_stays(server, tmp_path):
    source = [src(server, "/report.txt")]
    fetch_sources(source, tmp_path, FAST)
    old = read_index(tmp_path / "fetched")[source[0].url]["sha256"]
    server.report = (REPORT_V2, '"v2"')
    summary = fetch_sources(source, tmp_path, FAST)
    new = read_index(tmp_path / "fetched")[source[0].url]

    assert summary.fetched == [source[0].url] and new["sha256"] != old and new["etag"] == '"v2"'
    store = SnapshotStore(tmp_path / "snapshots")
    assert store.get(new["sha256"]) == REPORT_V2.encode() and store.get(old) == REPORT_V1.encode()


def test_a_lost_snapshot_is_fetched_again_unconditionally(server, tmp_path):
    source = [src(server, "/report.txt")]
    fetch_sources(source, tmp_path, FAST)
    sha = read_index(tmp_path / "fetched")[source[0].url]["sha256"]
    SnapshotStore(tmp_path / "snapshots").blob_path(sha).unlink()
    summary = fetch_sources(source, tmp_path, FAST)
    assert summary.fetched == [source[0].url]
    assert "If-None-Match" not in server.headers_of("/report.txt")[-1]


def test_failures_are_recorded_with_reasons_and_keep_the_last_good_snapshot(server, tmp_path):
    server.broken = set()
    sources = [src(server, "/broken.txt")]
    fetch_sources(sources, tmp_path, FAST)
    good = read_index(tmp_path / "fetched")[sources[0].url]

    server.broken = {"/broken.txt"}
    dead = Source(url=f"http://127.0.0.1:{closed_port()}/gone.html", file_name="gone.html")
    summary = fetch_sources(sources + [dead, src(server, "/empty.txt")], tmp_path, FAST)

    assert set(summary.failed) == {sources[0].url, dead.url, server.url("/empty.txt")}
    assert "503" in summary.failed[sources[0].url] and "after 4 attempts" in summary.failed[sources[0].url]
    assert "ConnectError" in summary.failed[dead.url]
    assert "empty body" in summary.failed[server.url("/empty.txt")]
    assert server.hits["/broken.txt"] == 1 + 4  # the good fetch, then 1 try + 3 retries
    index = read_index(tmp_path / "fetched")
    assert index == {sources[0].url: good}  # the failed URL keeps its snapshot; the others have none
    outcome = next(o for o in summary.outcomes if o.url == sources[0].url)
    assert outcome.status == FAILED and outcome.sha256 == good["sha256"] and outcome.attempts == 4


def test_429_is_retried_after_the_servers_retry_after(server, tmp_path):
    summary = fetch_sources([src(server, "/busy.txt")], tmp_path, FAST)
    assert summary.fetched == [server.url("/busy.txt")] and server.hits["/busy.txt"] == 2
    assert summary.outcomes[0].attempts == 2


def test_backoff_doubles_honours_retry_after_and_is_capped():
    cfg = FetchConfig(backoff=1.0, max_backoff=10.0)
    assert [retry_delay(i, cfg) for i in range(5)] == [1.0, 2.0, 4.0, 8.0, 10.0]
    assert retry_delay(0, cfg, "7") == 7.0
    assert retry_delay(0, cfg, "3600") == 10.0
    assert retry_delay(0, cfg, "not a date") == 1.0


def test_no_more_than_the_configured_requests_at_once(server, tmp_path):
    sources = [src(server, f"/slow/{i}.txt") for i in range(8)]
    summary = fetch_sources(sources, tmp_path, FetchConfig(timeout=5, concurrency=2, backoff=0.01))
    assert len(summary.fetched) == 8
    assert server.max_in_flight == 2


def test_urls_dropped_from_the_sources_leave_the_index(server, tmp_path):
    a, b = src(server, "/report.txt"), src(server, "/dated.txt")
    fetch_sources([a, b], tmp_path, FAST)
    summary = fetch_sources([a], tmp_path, FAST)
    assert summary.removed == (b.url,)
    assert set(read_index(tmp_path / "fetched")) == {a.url}


def test_the_shipped_sources_file_is_an_empty_list_and_its_examples_parse():
    assert read_sources(DEFAULT_SOURCES) == []
    text = DEFAULT_SOURCES.read_text(encoding="utf-8")
    example = text[text.index("# sources:") : text.index("\nsources: []")]
    parsed = parse_sources(yaml.safe_load("\n".join(line[2:] for line in example.splitlines())))
    assert len(parsed) == 2 and parsed[0].date == "2024-05-10" and parsed[0].file_name.endswith(".html")


@pytest.mark.parametrize(
    "doc, message",
    [
        ({"sources": [{"file_name": "a.html"}]}, "url must be an http"),
        ({"sources": [{"url": "ftp://x.cn/a", "file_name": "a.html"}]}, "url must be an http"),
        ({"sources": [{"url": "https://x.cn/a"}]}, "file_name"),
        ({"sources": [{"url": "https://x.cn/a", "file_name": "../a.html"}]}, "file_name"),
        ({"sources": [{"url": "https://x.cn/a", "file_name": "a.html", "titel": "x"}]}, "unknown field"),
        ({"sources": [{"url": "https://x.cn/a", "file_name": "a.html", "date": "10/05/2024"}]}, "YYYY-MM-DD"),
        (
            {
                "sources": [
                    {"url": "https://x.cn/a", "file_name": "a.html"},
                    {"url": "https://x.cn/a", "file_name": "b.html"},
                ]
            },
            "listed twice",
        ),
        ({"sources": {"url": "https://x.cn/a"}}, "`sources:` list"),
    ],
)
def test_malformed_sources_are_rejected_with_where_and_why(doc, message):
    with pytest.raises(SourcesError, match=message):
        parse_sources(doc)


def test_a_missing_sources_file_fetches_nothing_and_leaves_the_index_alone(tmp_path):
    summary = fetch_from_file(tmp_path / "nope.yaml", tmp_path)
    assert summary.outcomes == () and not (tmp_path / "fetched").exists()


def test_cli_fetch_reports_and_exits_1_on_a_failed_url(server, tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    monkeypatch.setenv("CHANJIAO_DATA", str(data))
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - url: {server.url('/report.txt')}\n    file_name: report.txt\n"
        f"    date: 2024-05-10\n  - url: {server.url('/missing.txt')}\n    file_name: missing.txt\n",
        encoding="utf-8",
    )
    assert cli.main(["fetch", "--sources", str(sources)]) == 1
    err = capsys.readouterr().err
    assert "fetched" in err and "FAILED" in err and "404" in err
    assert read_index(data / "fetched")[server.url("/report.txt")]["date"] == "2024-05-10"

    sources.write_text(f"sources:\n  - url: {server.url('/report.txt')}\n    file_name: report.txt\n", encoding="utf-8")
    assert cli.main(["fetch", "--sources", str(sources)]) == 0
    assert "not modified" in capsys.readouterr().err
    assert cli.main(["fetch", "--sources", str(tmp_path / "absent.yaml")]) == 2
    (tmp_path / "bad.yaml").write_text("sources: [\n", encoding="utf-8")
    assert cli.main(["fetch", "--sources", str(tmp_path / "bad.yaml")]) == 2
