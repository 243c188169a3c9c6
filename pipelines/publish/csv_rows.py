"""A release's CSV files take the previous release's bytes for the rows that did not change.

The CSV files are most of a release's writing (at 10k synthetic reports the facts CSV is 103 MB,
about 3 s of a 7 s release), and a refresh that adds one report changes a handful of their rows.
Each row is known by a 64-bit key of its values and of which of them are null
(fingerprint.row_keys, from the pass that fingerprints the release). Beside the latest release
(as its row hashes are: not in the release) is kept, per table, each row's key and where its line
starts in the CSV file. The next release copies the line of every row whose key that file holds
(a run of such rows in one read) and formats only the other rows, in one pass over them.

A copied line is the line the writer would make: the index is used only where it describes the
previous file (the sha256 that file has in its release's SHA256SUMS, and its size) and was made by
the same writer code and libraries for a table of the same columns and dtypes (stamp()).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import latest_store
from .files import CSV_CHUNK_BYTES, WrittenFile, csv_header, csv_row_pieces, write_csv_pieces, written_file
from .fingerprint import writer_version

STORE_DIR = ".csvrows"
SCHEME = "1"


@dataclass(frozen=True)
class CsvIndex:
    """Where each row of a CSV file starts: keys[i] is row i's key, its line is
    bytes starts[i]:starts[i + 1] (starts has one entry more: the file's size)."""

    keys: np.ndarray
    starts: np.ndarray
    stamp: str


@dataclass(frozen=True)
class Previous:
    """The previous release's CSV file of a table and its index."""

    path: Path
    index: CsvIndex


def stamp(df: pd.DataFrame, table: str) -> str:
    """What a row's bytes depend on besides its values: the writer and the table's columns and dtypes."""
    text = json.dumps([writer_version(), table, [(c, str(t)) for c, t in df.dtypes.items()]])
    return hashlib.sha256(text.encode()).hexdigest()


def write_csv(
    canon: pd.DataFrame, table: str, folder: Path, keys: np.ndarray, previous: Previous | None = None
) -> tuple[WrittenFile, CsvIndex | None]:
    """canon (a canonical table) as folder/<table>.csv, byte for byte what files.write_csv writes,
    with its index; the index is None where a value not of its column's kind sent the table to
    pandas' writer (no line of such a file is copied next time)."""
    path = Path(folder) / f"{table}.csv"
    mark = stamp(canon, table)
    if previous is not None and previous.index.stamp != mark:
        previous = None
    lengths: list[np.ndarray] = []
    index = None
    if write_csv_pieces(path, _pieces(canon, table, keys, previous, lengths), canon, table):
        header = len(csv_header(table))
        starts = np.concatenate([[0], np.cumsum(np.concatenate(lengths or [np.empty(0, np.int64)]))]) + header
        index = CsvIndex(np.asarray(keys, dtype=np.uint64), starts.astype(np.int64), mark)
    return written_file(path, table, "csv", len(canon)), index


def _pieces(
    canon: pd.DataFrame, table: str, keys: np.ndarray, previous: Previous | None, lengths: list[np.ndarray]
) -> Iterator[bytes]:
    """The file's bytes: the header, then runs of rows copied from the previous file or formatted
    (all formatted rows in one pass of csv_row_pieces, whatever the runs). Appends each run's
    row lengths to `lengths`."""
    yield csv_header(table)
    n = len(canon)
    at = _positions(keys, previous.index.keys) if previous is not None else np.full(n, -1, dtype=np.int64)
    copied = at >= 0
    fresh = _RowStream(csv_row_pieces(canon.iloc[np.flatnonzero(~copied)], table))
    cut = np.ones(n, dtype=bool)
    cut[1:] = (copied[1:] != copied[:-1]) | (copied[1:] & (at[1:] != at[:-1] + 1))
    bounds = np.append(np.flatnonzero(cut), n)
    with previous.path.open("rb") if previous is not None else nullcontext() as old:
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            if copied[a]:
                starts = previous.index.starts[at[a] : at[b - 1] + 2]
                lengths.append(np.diff(starts))
                yield from _read(old, int(starts[0]), int(starts[-1] - starts[0]))
            else:
                for piece, sizes in fresh.take(b - a):
                    lengths.append(sizes)
                    yield piece


def _positions(keys: np.ndarray, old_keys: np.ndarray) -> np.ndarray:
    """For each key, the position of a row with that key in old_keys (its first), or -1."""
    first = ~pd.Index(old_keys).duplicated()
    where = np.flatnonzero(first)
    found = pd.Index(old_keys[first]).get_indexer(keys)
    return np.where(found >= 0, where[np.maximum(found, 0)], -1).astype(np.int64)


def _read(fh, start: int, size: int) -> Iterator[bytes]:
    fh.seek(start)
    while size > 0:
        piece = fh.read(min(size, CSV_CHUNK_BYTES))
        if not piece:
            raise OSError(f"{fh.name}: shorter than its index says")
        size -= len(piece)
        yield piece


class _RowStream:
    """Pieces of formatted rows (csv_row_pieces) handed out k rows at a time."""

    def __init__(self, pieces: Iterator[tuple[bytes, np.ndarray]]):
        self.pieces, self.data, self.sizes, self.at = pieces, memoryview(b""), np.empty(0, np.int64), 0

    def take(self, k: int) -> Iterator[tuple[bytes, np.ndarray]]:
        while k > 0:
            if not len(self.sizes):
                data, self.sizes = next(self.pieces)
                self.data = memoryview(data)
                self.at = 0
            sizes, self.sizes = self.sizes[:k], self.sizes[k:]
            size = int(sizes.sum())
            yield self.data[self.at : self.at + size], sizes
            self.at += size
            k -= len(sizes)


def previous(ddir: Path, version: str | None, release: Path | None, table: str, sha256: str | None) -> Previous | None:
    """The previous release's CSV of table with its kept index, or None where there is none or the
    index does not describe that file."""
    if version is None or release is None or sha256 is None:
        return None
    index = load(ddir, version, table, sha256)
    path = Path(release) / f"{table}.csv"
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if index is None or int(index.starts[-1]) != size:
        return None
    return Previous(path, index)


def _folder(ddir: Path, version: str) -> Path:
    return Path(ddir) / STORE_DIR / version


def save(ddir: Path, version: str, indexes: dict[str, CsvIndex], sha256: dict[str, str]) -> None:
    """Keep version's CSV indexes (sha256: table -> sha256 of its CSV file in the release) and drop
    any older version's: only the latest release is ever copied from."""

    def write(folder: Path) -> None:
        for table, index in indexes.items():
            arrays = {
                "key": pa.array(index.keys, type=pa.uint64()),
                "start": pa.array(index.starts[:-1], type=pa.int64()),
            }
            meta = {"scheme": SCHEME, "sha256": sha256[table], "stamp": index.stamp, "size": str(int(index.starts[-1]))}
            pq.write_table(pa.table(arrays).replace_schema_metadata(meta), folder / f"{table}.parquet")

    latest_store.replace(Path(ddir) / STORE_DIR, version, write)


def load(ddir: Path, version: str, table: str, sha256: str) -> CsvIndex | None:
    """version's index of table's CSV, or None where it is missing, unreadable or made for another file."""
    try:
        t = pq.read_table(_folder(ddir, version) / f"{table}.parquet")
        meta = {k.decode(): v.decode() for k, v in (t.schema.metadata or {}).items()}
        if meta.get("scheme") != SCHEME or meta.get("sha256") != sha256:
            return None
        keys = t.column("key").to_numpy().astype(np.uint64, copy=False)
        starts = np.append(t.column("start").to_numpy(), int(meta["size"])).astype(np.int64)
    except (OSError, KeyError, ValueError, pa.ArrowException):
        return None
    if len(starts) != len(keys) + 1 or (len(starts) > 1 and (np.diff(starts) <= 0).any()):
        return None
    return CsvIndex(keys, starts, meta.get("stamp", ""))
