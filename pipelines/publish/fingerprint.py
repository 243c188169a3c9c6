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
    h = hashlib.sha256(table.encode())
    h.update(repr([(c, str(t)) for c, t in out.dtypes.items()]).encode())
    h.update(len(out).to_bytes(8, "little"))
    h.update(pd.util.hash_pandas_object(out, index=False, categorize=False).to_numpy().tobytes())
    h.update(out.isna().to_numpy().tobytes())  # the hash of an object column reads None as "None"
    return h.hexdigest()


def tables_fingerprint(tables: dict[str, pd.DataFrame], is_canonical: bool = False) -> str:
    h = hashlib.sha256(_writer_version())
    for table in PUBLISHED_TABLES:
        h.update(table_fingerprint(tables[table], table, is_canonical).encode())
    return h.hexdigest()
