"""Atomic writes, and flushing many non-durable writes to disk at once."""

from __future__ import annotations

import os

from pipelines import atomic


def test_flush_takes_one_syncfs_where_the_c_library_has_it_else_an_fsync_per_file(tmp_path, monkeypatch):
    paths = [atomic.write_atomic(tmp_path / f"{i}.txt", f"{i}", durable=False) for i in range(3)]
    atomic.flush(paths)  # the real thing: returns without error on this system
    atomic.flush([])

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))

    class NoSyncfs:  # a C library without syncfs (not Linux)
        def __init__(self, *a, **k):
            pass

    monkeypatch.setattr(atomic.ctypes, "CDLL", NoSyncfs)
    atomic.flush(paths)
    assert len(synced) == 3
    assert [p.read_text() for p in paths] == ["0", "1", "2"]
