"""The inbox's state as cheaply as it can be read: (relative path, size, mtime_ns) of every
entry that intake would record (hidden ones skipped, as intake skips them), and a digest of it.
One `lstat` per entry, never a read, never a link followed: what a sensor polls. Names that are
not UTF-8 are escaped, so that a GBK file name cannot break a sensor tick."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .intake import walk_inbox


def inbox_state(folder: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime_ns) of every non-hidden entry below folder, sorted."""
    return sorted((e.rel, e.size, e.mtime_ns) for e in walk_inbox(folder))


def inbox_digest(state: list[tuple[str, int, int]]) -> str:
    lines = "\n".join(f"{rel}\t{size}\t{mtime}" for rel, size, mtime in state)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()
