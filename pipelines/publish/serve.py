"""Serve a published/ folder over HTTP on 127.0.0.1 (the catalogue page, catalog.json and every
release file), e.g. for `chanjiao download --from http://127.0.0.1:PORT/`. Stops cleanly on
Ctrl-C and SIGTERM. Hidden entries (the lock file, staging folders, temporary files) are neither
served nor listed, and no link is followed out of the served folder."""

from __future__ import annotations

import html
import io
import os
import signal
import sys
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

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
        if any(p.startswith(".") for p in parts if p) or not self._inside(Path(self.translate_path(self.path))):
            self.send_error(404, "Not found")
            return None
        return super().send_head()

    def _inside(self, path: Path) -> bool:
        """True when path, every link followed, stays inside the served folder."""
        root = Path(self.directory).resolve()
        try:
            return path.resolve().is_relative_to(root)
        except (OSError, RuntimeError):  # a link loop
            return False

    def list_directory(self, path):
        """A listing without hidden entries (the lock file, staging folders, temporary files) or
        links that lead out of the served folder."""
        try:
            names = sorted(
                (n for n in os.listdir(path) if not n.startswith(".") and self._inside(Path(path) / n)),
                key=str.lower,
            )
        except OSError:
            self.send_error(404, "No permission to list directory")
            return None
        shown = html.escape(unquote(urlsplit(self.path).path), quote=False)
        items = []
        for name in names:
            link = name + "/" if os.path.isdir(os.path.join(path, name)) else name
            items.append(f'<li><a href="{quote(link)}">{html.escape(link, quote=False)}</a></li>')
        body = (
            f'<!DOCTYPE HTML>\n<html lang="en">\n<head><meta charset="utf-8"><title>Index of {shown}</title></head>\n'
            f"<body>\n<h1>Index of {shown}</h1>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</body>\n</html>\n"
        ).encode("utf-8", "surrogateescape")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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
