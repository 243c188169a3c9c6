"""One way to write a file: readers see the old content or the new, never a part of either.

A temporary file in the target's folder is written, flushed to disk, given its final mode
(mkstemp creates 0600, which a web server running as another user could not read) and renamed
over the target. On any failure the temporary file is removed. Caches (`durable=False`) skip
the flush to disk: after a crash an entry is old, new or missing, and a missing one is redone.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes, mode: int = 0o644, durable: bool = True) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
