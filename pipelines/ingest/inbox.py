"""The inbox's state as cheaply as it can be read: (relative path, size, mtime_ns) of every
file that intake would read (hidden files skipped, as intake skips them), and a digest of it.
One `stat` per file, never a read: what a sensor polls."""

from __future__ import annotations

import hashlib
from pathlib import Path


def inbox_state(folder: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime_ns) of every non-hidden regular file below folder, sorted."""
    folder = Path(folder)
    out = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        st = path.stat()
        out.append((rel.as_posix(), st.st_size, st.st_mtime_ns))
    return sorted(out)


def inbox_digest(state: list[tuple[str, int, int]]) -> str:
    lines = "\n".join(f"{rel}\t{size}\t{mtime}" for rel, size, mtime in state)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()
