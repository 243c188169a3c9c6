"""The latest release's row hashes, kept beside the versions (like the fingerprints, not in a
release: a release's files are its data and docs only), so that the next release's changelog
compares by key and hash without reading and hashing the whole previous release.

One Parquet file per table: the key columns as text and the row hash, in the row order of the
release's own Parquet file, with the columns hashed, the hashing scheme and the sha256 of that
Parquet file in its metadata. A store that does not match the release it claims to describe (a
different file, another scheme, other columns) is not used: the caller reads the release.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import latest_store
from .changelog import HashedRows

STORE_DIR = ".rowhashes"
SCHEME = "1"  # changelog.row_hashes' canonical forms; bump when they change
HASH_COLUMN = "_row_hash"


def _folder(ddir: Path, version: str) -> Path:
    return Path(ddir) / STORE_DIR / version


def save(ddir: Path, version: str, sides: dict[str, HashedRows], sha256: dict[str, str]) -> None:
    """Keep version's hashes (sha256: table -> sha256 of its Parquet file in the release) and
    drop any older version's: only the latest release is ever compared with."""

    def write(folder: Path) -> None:
        for table, side in sides.items():
            arrays = {c: pa.array(side.keys[c].to_numpy(), type=pa.string()) for c in side.keys.columns}
            arrays[HASH_COLUMN] = pa.array(side.hashes, type=pa.uint64())
            meta = {"scheme": SCHEME, "cols": json.dumps(side.cols), "sha256": sha256[table]}
            pq.write_table(pa.table(arrays).replace_schema_metadata(meta), folder / f"{table}.parquet")

    latest_store.replace(Path(ddir) / STORE_DIR, version, write)


def load(ddir: Path, version: str, table: str, sha256: str | None) -> HashedRows | None:
    """version's hashes of table, or None where they are missing or do not describe the release's
    Parquet file of that table (sha256) under this code's hashing scheme."""
    path = _folder(ddir, version) / f"{table}.parquet"
    try:
        t = pq.read_table(path)
    except (OSError, pa.ArrowException):
        return None
    meta = {k.decode(): v.decode() for k, v in (t.schema.metadata or {}).items()}
    if sha256 is None or meta.get("scheme") != SCHEME or meta.get("sha256") != sha256:
        return None
    keys = pd.DataFrame({c: t.column(c).to_numpy(zero_copy_only=False) for c in t.column_names if c != HASH_COLUMN})
    hashes = t.column(HASH_COLUMN).to_numpy().astype(np.uint64, copy=False)
    return HashedRows(keys, hashes, json.loads(meta["cols"]))
