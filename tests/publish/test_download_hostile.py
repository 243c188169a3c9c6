"""`download` against a hostile server on 127.0.0.1 that serves a real published folder but sends
an endless README, trickles a data file, or is stopped mid-download by SIGTERM: bounded in size
and time, and no `.part` file is left behind. Every server loop is bounded."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipelines.publish.download import MAX_DOC_BYTES, DownloadError, download

from release_helpers import DATASET, publish_two_versions

MAX_SERVER_SECONDS = 20


class HostileMirror:
    """Serves the files of a published folder, except: in mode 'endless', README.md never ends;
    in mode 'trickle', facts.parquet comes ten bytes every 0.1 s."""

    def __init__(self, root: Path, mode: str):
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):
                pass

            def do_GET(self):
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    server.route(self, root, mode)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def bounded(self):
        end = time.monotonic() + MAX_SERVER_SECONDS
        while not self.stop.is_set() and time.monotonic() < end:
            yield

    def route(self, h: BaseHTTPRequestHandler, root: Path, mode: str):
        path = root / h.path.lstrip("/")
        if not path.is_file():
            h.send_error(404)
            return
        data = path.read_bytes()
        h.send_response(200)
        if mode == "endless" and path.name == "README.md":
            h.end_headers()
            for _ in self.bounded():
                h.wfile.write(data * 64)
            return
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        if mode == "trickle" and path.name == "facts.parquet":
            for i, _ in zip(range(0, len(data), 10), self.bounded()):
                h.wfile.write(data[i : i + 10])
                h.wfile.flush()
                time.sleep(0.1)
            return
        h.wfile.write(data)

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def pub(tmp_path_factory) -> Path:
    return publish_two_versions(tmp_path_factory.mktemp("hostile"))


@contextlib.contextmanager
def mirror(pub: Path, mode: str):
    m = HostileMirror(pub, mode)
    try:
        yield m.url
    finally:
        m.close()


def everything_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_an_endless_readme_is_refused_at_the_cap_and_leaves_nothing(pub, tmp_path):
    with mirror(pub, "endless") as url:
        started = time.monotonic()
        with pytest.raises(DownloadError, match=rf"README.md: larger than {MAX_DOC_BYTES} bytes"):
            download(DATASET, url, target=tmp_path / "dl")
        assert time.monotonic() - started < 10
    assert everything_in(tmp_path / "dl") == []


def test_a_trickling_server_is_cut_off_at_the_download_deadline(pub, tmp_path):
    with mirror(pub, "trickle") as url:
        started = time.monotonic()
        with pytest.raises(DownloadError, match="deadline of 1.5 s passed"):
            download(DATASET, url, target=tmp_path / "dl", deadline=1.5)
        assert time.monotonic() - started < 5
    assert everything_in(tmp_path / "dl") == []


def test_a_part_file_left_by_a_killed_download_is_swept_by_the_next(pub, tmp_path):
    target = tmp_path / "dl"
    target.mkdir()
    (target / ".facts.parquet.k1ll3d.part").write_bytes(b"half")
    (target / ".README.md.x_y.part").write_bytes(b"half")
    (target / "notes.txt").write_text("mine", encoding="utf-8")  # not ours: kept
    download(DATASET, str(pub), target=target)
    assert not [p for p in everything_in(target) if p.endswith(".part")]
    assert (target / "notes.txt").exists() and (target / "facts.parquet").exists()


def test_sigterm_stops_a_download_cleanly(pub, tmp_path):
    with mirror(pub, "trickle") as url:
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "chanjiao"), "download", DATASET, "--from", url,
             "--to", str(tmp_path / "dl")],
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            started = time.monotonic()
            while time.monotonic() - started < 30 and not list((tmp_path / "dl").glob(".facts.parquet.*.part")):
                time.sleep(0.05)
            assert list((tmp_path / "dl").glob(".facts.parquet.*.part")), "the download never started"
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            err = proc.stderr.read()
            proc.stderr.close()
    assert code == 130, err
    assert "stopped; partial files removed" in err
    assert everything_in(tmp_path / "dl") == []
