"""Which rows already passed a table's contract, so that a refresh validates only rows it has not
seen (issue 14: a refresh costs what changed).

A row is remembered by a 64-bit hash of its values (pandas' hash_pandas_object, vectorised) in
a file per table named after a digest of the code and the locked libraries: the same row under
the same code passes the same checks, and any change to the code or a library starts a new,
empty memo (the old file is removed). Rows whose key value (a `unique` column) occurs twice
in the table are never taken from the memo, so that uniqueness is checked across old and new
rows alike.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from pipelines.atomic import write_atomic
from pipelines.ingest.refresh_inputs import code_digest


def row_hashes(df: pd.DataFrame) -> np.ndarray:
    """One uint64 per row, from the values alone (not the index), column names and order included."""
    if not len(df):
        return np.empty(0, dtype=np.uint64)
    h = pd.util.hash_pandas_object(df, index=False).to_numpy()
    names = pd.util.hash_array(np.array(["\x1f".join(map(str, df.columns))], dtype=object))[0]
    return h ^ names


def repeated_keys(df: pd.DataFrame, schema: pa.DataFrameSchema) -> np.ndarray:
    """Rows whose value of a unique column (or of the schema's unique column set) occurs twice."""
    out = np.zeros(len(df), dtype=bool)
    for name, col in schema.columns.items():
        if col.unique and name in df.columns:
            out |= df[name].duplicated(keep=False).to_numpy()
    unique = schema.unique
    if unique:
        cols = [unique] if isinstance(unique, str) else list(unique)
        if all(c in df.columns for c in cols):
            out |= df.duplicated(subset=cols, keep=False).to_numpy()
    return out


def memos(data_dir: Path) -> Callable[[str], RowMemo]:
    """The memo of a table by its name, in data_dir's cache, under the current code's digest."""
    folder, digest = Path(data_dir) / "cache" / "validated", code_digest()
    return lambda table: RowMemo(folder, table, digest)


class RowMemo:
    """The hashes of the rows of one table that passed its contract under one code digest."""

    def __init__(self, folder: Path, table: str, digest: str):
        self.folder = Path(folder)
        self.table = table
        self.path = self.folder / f"{table}-{digest[:16]}.npy"
        self._seen: np.ndarray | None = None

    def seen(self) -> np.ndarray:
        if self._seen is None:
            try:
                self._seen = np.load(self.path, allow_pickle=False)
            except (OSError, ValueError):  # none yet, or torn (memo files skip fsync): validate all
                self._seen = np.empty(0, dtype=np.uint64)
        return self._seen

    def known(self, hashes: np.ndarray) -> np.ndarray:
        """Which hashes are in the memo: a binary search each in the sorted memo (np.isin sorts both)."""
        seen, hashes = self.seen(), np.asarray(hashes, dtype=np.uint64)
        if not len(seen):
            return np.zeros(len(hashes), dtype=bool)
        at = np.minimum(np.searchsorted(seen, hashes), len(seen) - 1)
        return seen[at] == hashes

    def remember(self, hashes: np.ndarray) -> None:
        """Add the hashes of rows that passed, and drop this table's memos of other digests."""
        hashes = np.asarray(hashes, dtype=np.uint64)
        new = np.unique(hashes[~self.known(hashes)])
        if not len(new):
            return
        seen = self.seen()
        merged = np.insert(seen, np.searchsorted(seen, new), new)  # still sorted, without repeats
        self._seen = merged
        buf = io.BytesIO()
        np.save(buf, merged, allow_pickle=False)
        write_atomic(self.path, buf.getvalue(), durable=False)
        for old in self.folder.glob(f"{self.table}-*.npy"):
            if old != self.path:
                old.unlink(missing_ok=True)


def fresh_rows(
    df: pd.DataFrame, schema: pa.DataFrameSchema, memo: RowMemo | None, hashes: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, mask of the rows to validate): every row without a memo, else the rows that did
    not pass before and the rows whose key repeats. hashes: row_hashes(df) where already known."""
    if memo is None or not len(df):
        return np.empty(0, dtype=np.uint64), np.ones(len(df), dtype=bool)
    hashes = row_hashes(df) if hashes is None else hashes
    return hashes, ~memo.known(hashes) | repeated_keys(df, schema)


def failure_cases(df: pd.DataFrame, schema: pa.DataFrameSchema, memo: RowMemo | None = None) -> pd.DataFrame:
    """pandera's failure cases of df against schema (lazy; empty when every row passes). With a
    memo, rows that passed before are not checked again, and the rows that pass now are added."""
    hashes, fresh = fresh_rows(df, schema, memo)
    try:
        schema.validate(df[fresh].copy(), lazy=True)
        cases = pd.DataFrame()
    except SchemaErrors as exc:
        cases = exc.failure_cases
    if memo is not None and len(df) and not (len(cases) and cases["index"].isna().any()):
        bad = df.index.isin(cases["index"]) if len(cases) else np.zeros(len(df), dtype=bool)
        memo.remember(hashes[fresh & ~bad])
    return cases
