"""Per-report cache entries (JSON values by key) in one SQLite file instead of one file each.

A refresh keeps several results per report: its decoded text and metadata, its facts, its
attributions, its time-budget verdict. As a file each, a cold refresh of 10,000 reports created
40,000 files and a refresh with one new report read 20,000 back. Creating a file cost these
machines' kernels 0.5–0.9 ms in a micro-benchmark (strace: `openat` with O_CREAT), a row in SQLite
about a tenth of that; in whole refreshes the gain measured is on reading (one new report at 10k,
intake and decoding 3.57 → 2.96 s), while cold refreshes showed no change beyond the noise.

Each put is its own transaction (WAL journal, `synchronous=NORMAL`: a commit is not flushed to
disk, a crash loses at most the last entries, never the file's consistency), so an entry is never
half-written and nothing is lost when a process stops between two puts; inside `batch()` the puts
share one transaction (a refresh keeps a batch of reports' entries at once: 109 → 62 µs a put),
and a process stopped inside it loses that batch's entries, which are work done again. A value that no longer
reads as JSON, and a file that is not a database, read as missing: the work is done again. Each
process opens its own connection on first use (a store handed to another process reconnects).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_NAME = "entries.sqlite"
BUSY_SECONDS = 60.0  # how long a writer waits for another process's transaction


class KeyedStore:
    """JSON values by (kind, key) in `folder/entries.sqlite`; folder None keeps nothing."""

    def __init__(self, folder: Path | None):
        self.path = Path(folder) / FILE_NAME if folder is not None else None
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def __getstate__(self) -> dict:
        return {"path": self.path, "_db": None, "_pid": 0}

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._db is None or self._pid != os.getpid():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                db = self._open()
            except sqlite3.OperationalError:  # locked by another process past the wait: not ours to remove
                raise
            except sqlite3.DatabaseError:  # not a database (a torn or foreign file): start again, once
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                db = self._open()
            self._db, self._pid = db, os.getpid()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))")
        except BaseException:
            db.close()
            raise
        return db

    def get(self, key: str, kind: str = ""):
        """The value stored under (kind, key), or None (missing, or no longer JSON)."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key)).fetchone()
            return None if row is None else json.loads(row[0])
        except (sqlite3.DatabaseError, ValueError):
            return None

    def put(self, key: str, value, kind: str = "") -> None:
        db = self._connect()
        if db is not None:
            text = json.dumps(value, ensure_ascii=False)
            db.execute("INSERT OR REPLACE INTO entries (kind, key, value) VALUES (?, ?, ?)", (kind, key, text))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """The puts inside share one transaction, committed at the end (rolled back, losing only
        cache entries, if the block raises). Nested batches join the outer one."""
        db = self._connect()
        if db is None or db.in_transaction:
            yield
            return
        db.execute("BEGIN")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
