"""A release's content as one hash, computed from the tables before any file is written.

Two sets of tables with the same fingerprint give byte-identical data files: the hash covers
each table's canonical form (the columns, row order and nulls that files.py writes), its
column types, and the code and library versions that turn it into bytes. So a refresh whose
tables are unchanged can stop before writing, compressing and hashing every file again.
The converse need not hold (e.g. None and NaN in an object column hash apart but are written
alike): a differing fingerprint only means the files are written and compared as before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from schemas.tables import PUBLISHED_TABLES

from .files import canonical

_WRITER_CODE = (
    Path(__file__).with_name("files.py"),
    Path(__file__),
    Path(__file__).resolve().parents[2] / "schemas" / "tables.py",
    Path(__file__).resolve().parents[2] / "schemas" / "describe.py",
)


def _writer_version() -> bytes:
    h = hashlib.sha256(f"pandas {pd.__version__} pyarrow {pa.__version__}".encode())
    for path in _WRITER_CODE:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.digest()


def table_fingerprint(df: pd.DataFrame, table: str, is_canonical: bool = False) -> str:
    out = df if is_canonical else canonical(df, table)
    return _fingerprint(out, table, *_hashes(out))


def _hashes(out: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's hash of its values, and which of its values are null."""
    return pd.util.hash_pandas_object(out, index=False, categorize=False).to_numpy(), out.isna().to_numpy()


def _fingerprint(out: pd.DataFrame, table: str, values: np.ndarray, nulls: np.ndarray) -> str:
    h = hashlib.sha256(table.encode())
    h.update(repr([(c, str(t)) for c, t in out.dtypes.items()]).encode())
    h.update(len(out).to_bytes(8, "little"))
    h.update(values.tobytes())
    h.update(nulls.tobytes())  # the hash of an object column reads None as "None"
    return h.hexdigest()


_MASK = (1 << 64) - 1


def _null_weights(n: int) -> np.ndarray:
    """n fixed odd 64-bit numbers (splitmix64 of the column's position)."""
    out = []
    for i in range(n):
        z = ((i + 1) * 0x9E3779B97F4A7C15) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        out.append((z ^ (z >> 31)) | 1)
    return np.array(out, dtype=np.uint64)


def row_keys(values: np.ndarray, nulls: np.ndarray) -> np.ndarray:
    """One uint64 per row from its values' hash and which of them are null (None and the text
    "None" hash alike in an object column and are written apart)."""
    if not nulls.size:
        return values.astype(np.uint64, copy=True)
    mixed = (nulls.astype(np.uint64) * _null_weights(nulls.shape[1])).sum(axis=1, dtype=np.uint64)
    return values.astype(np.uint64, copy=False) ^ mixed


def fingerprint_and_row_keys(
    tables: dict[str, pd.DataFrame], is_canonical: bool = False
) -> tuple[str, dict[str, np.ndarray]]:
    """The release's fingerprint and each table's row keys (row_keys), from one hashing pass."""
    h = hashlib.sha256(_writer_version())
    keys = {}
    for table in PUBLISHED_TABLES:
        out = tables[table] if is_canonical else canonical(tables[table], table)
        values, nulls = _hashes(out)
        h.update(_fingerprint(out, table, values, nulls).encode())
        keys[table] = row_keys(values, nulls)
    return h.hexdigest(), keys


def tables_fingerprint(tables: dict[str, pd.DataFrame], is_canonical: bool = False) -> str:
    return fingerprint_and_row_keys(tables, is_canonical)[0]


def writer_version() -> str:
    """A digest of the code and libraries that turn a table into bytes."""
    return _writer_version().hex()
