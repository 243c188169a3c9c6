"""Serve a published/ folder over HTTP on 127.0.0.1 (the catalogue page, catalog.json and every
release file), e.g. for `chanjiao download --from http://127.0.0.1:PORT/`. Stops cleanly on
Ctrl-C and SIGTERM. Hidden entries (staging folders, temporary files) are not served."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HOST = "127.0.0.1"
TYPES = {
    ".parquet": "application/vnd.apache.parquet",
    ".csv": "text/csv; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
    "": "text/plain; charset=utf-8",
}


class Stop(Exception):
    """Raised in the serving thread by the SIGTERM handler, like KeyboardInterrupt for Ctrl-C."""


class ReleaseHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def send_head(self):
        parts = unquote(urlsplit(self.path).path).split("/")
        if any(p.startswith(".") for p in parts if p):
            self.send_error(404, "Not found")
            return None
        return super().send_head()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the stdlib's name)
        sys.stderr.write(f"serve: {self.address_string()} {format % args}\n")


def make_server(root: Path, port: int = 8000) -> ThreadingHTTPServer:
    """A server for root on 127.0.0.1:port (port 0: any free port; see server.server_address)."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    server = ThreadingHTTPServer((HOST, port), partial(ReleaseHandler, directory=str(root)))
    server.daemon_threads = True
    return server


def serve(root: Path, port: int = 8000, on_ready: Callable[[ThreadingHTTPServer], None] | None = None) -> None:
    """Serve root until Ctrl-C, SIGTERM, or server.shutdown() from another thread (on_ready is
    given the server once it listens). Signal handlers are installed only when called from the
    main thread, and restored on return."""
    server = make_server(root, port)
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_stop) if in_main else None
    try:
        if on_ready is not None:
            on_ready(server)
        server.serve_forever(poll_interval=0.2)
    except (KeyboardInterrupt, Stop):
        pass
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        server.server_close()


def _raise_stop(signum, frame) -> None:
    raise Stop(signum)
