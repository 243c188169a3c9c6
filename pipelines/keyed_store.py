"""Per-report cache entries (JSON values by key) in one SQLite file instead of one file each.

A refresh keeps several results per report: its decoded text and metadata, its facts, its
attributions, its time-budget verdict. As a file each, a cold refresh of 10,000 reports created
40,000 files in the orchestrator's process, and on these machines creating a file costs the
kernel 0.5–0.9 ms (measured with strace: `openat` with O_CREAT), a third of the process's work
during the intake; a row in SQLite costs about a tenth of that, and reading one back a fifth.

Each put is its own transaction (WAL journal, `synchronous=NORMAL`: a commit is not flushed to
disk, a crash loses at most the last entries, never the file's consistency), so an entry is never
half-written and nothing is lost when a process stops between two puts. A value that no longer
reads as JSON, and a file that is not a database, read as missing: the work is done again. Each
process opens its own connection on first use (a store handed to another process reconnects).
"""

from __future__ import annotations

import json
import os
import sqlite3
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
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))"
                )
            except sqlite3.DatabaseError:  # not a database (a torn or foreign file): start again
                db.close()
                self.path.unlink(missing_ok=True)
                for suffix in ("-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                return self._connect()
            self._db, self._pid = db, os.getpid()
        return self._db

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

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None
