"""One way to write a file: readers see the old content or the new, never a part of either.

A temporary file in the target's folder is written, flushed to disk, given its final mode
(mkstemp creates 0600, which a web server running as another user could not read) and renamed
over the target. On any failure the temporary file is removed. Caches (`durable=False`) skip
the flush to disk: after a crash an entry is old, new or missing, and a missing one is redone.
Many files written at once can skip it too and be flushed together by `flush` (one flush of
their filesystem instead of one per file).
"""

from __future__ import annotations

import ctypes
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path


def write_atomic(path: Path, data: str | bytes | Iterable[bytes], mode: int = 0o644, durable: bool = True) -> Path:
    """data: the content, or its pieces in order (written as they come: a large file need not be
    held whole in memory); an exception while they come leaves the target as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pieces = [data.encode("utf-8")] if isinstance(data, str) else [data] if isinstance(data, bytes) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def flush(paths: Sequence[Path]) -> None:
    """Make files written with durable=False as durable as write_atomic makes each: one syncfs(2)
    of their filesystem where the C library has it (Linux), else an fsync per file. The paths
    are on one filesystem (a store's folder)."""
    if not paths:
        return
    syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
    if syncfs is not None:
        fd = os.open(Path(paths[0]).parent, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for p in paths:
        fd = os.open(p, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
