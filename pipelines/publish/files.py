"""Write a table as Parquet and CSV, byte-for-byte reproducibly.

Fixed row order (each model's sort keys), fixed writer settings, the Arrow schema derived
from the pandera model (dates as date32, categoricals dictionary-encoded), no wall-clock time
and no library-version metadata beyond what the Parquet format itself records.
CSV: UTF-8 with BOM (Excel opens Chinese intact), \\n line ends, ISO dates, empty for null.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.atomic import write_atomic
from schemas.describe import arrow_schema, columns, sort_keys
from schemas.tables import PUBLISHED_TABLES

from .folders import sha256_file  # noqa: F401 (files.sha256_file, as before)

CSV_ENCODING = "utf-8-sig"
PARQUET_OPTIONS = dict(
    # zstd 4, not 9: on the real sample's tables 6–8 % larger and written 2.9× faster (at 10k
    # synthetic reports 2.7 s → 0.9 s of a release); reading is as fast at every level
    compression="zstd",
    compression_level=4,
    use_dictionary=True,
    write_statistics=True,
    version="2.6",
    data_page_size=1 << 20,
    row_group_size=1 << 20,
)


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    table: str
    format: str
    bytes: int
    sha256: str
    rows: int


def canonical(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Columns in schema order, rows in key order, and an empty string in a nullable string
    column made null (CSV cannot tell the two apart, so Parquet must not either). A frame already
    in that order and layout (the facts arrive in key order) is not copied: its columns are shared
    and only a column that needs nulls is replaced (at 10k reports a copy of the facts held 90 MB
    more through the release). df itself is never changed."""
    specs = columns(PUBLISHED_TABLES[table])
    names, keys = [c.name for c in specs], sort_keys(PUBLISHED_TABLES[table])
    in_order = (
        list(df.columns) == names
        and isinstance(df.index, pd.RangeIndex)
        and df.index.start == 0
        and df.index.step == 1
        and (len(df) < 2 or _in_key_order(df, keys))
    )
    if in_order:
        out = df.copy(deep=False)
    else:
        out = df[names].sort_values(keys, kind="mergesort", na_position="last").reset_index(drop=True)
    for c in specs:
        if c.kind == "string" and c.nullable and _needs_nulls(out[c.name]):
            col = out[c.name].astype(object)
            out[c.name] = col.where(col.notna() & (col != ""), None)
    return out


def _needs_nulls(col: pd.Series) -> bool:
    """Whether the column holds an empty string, or a missing value other than None."""
    if col.dtype != object:
        return True
    values = col.to_numpy()
    missing = pd.isna(values)
    return bool((values[~missing] == "").any()) or any(v is not None for v in values[missing])


def _in_key_order(df: pd.DataFrame, keys: list[str]) -> bool:
    """Every row's keys ≤ the next row's, compared key by key (no null key: those sort last)."""
    ahead = np.zeros(len(df) - 1, dtype=bool)  # rows already known to be before the next
    for k in keys:
        v = df[k].to_numpy()
        if pd.isna(v).any():
            return False
        try:
            lt, eq = v[:-1] < v[1:], v[:-1] == v[1:]
        except TypeError:  # values of mixed kinds: let the sort decide
            return False
        if (~ahead & ~lt & ~eq).any():
            return False
        ahead |= lt
    return True


def _strings(s: pd.Series) -> pa.Array:
    """A column as Arrow strings, nulls where pandas has none: in C where every value is a str,
    else value by value (a number that strayed into a text column is written as its text)."""
    try:
        return pa.array(s.astype(object), type=pa.string(), from_pandas=True)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        return pa.array([None if pd.isna(v) else str(v) for v in s], type=pa.string())


def to_arrow(df: pd.DataFrame, table: str, is_canonical: bool = False) -> pa.Table:
    model = PUBLISHED_TABLES[table]
    schema = arrow_schema(model)
    df = df if is_canonical else canonical(df, table)
    arrays = []
    for f in schema:
        s = df[f.name]
        if pa.types.is_date32(f.type):
            arr = _dates(s)
        elif pa.types.is_dictionary(f.type):
            arr = _strings(s).dictionary_encode().cast(f.type)
        elif pa.types.is_string(f.type):
            arr = _strings(s)
        else:
            arr = pa.array(s, type=f.type, from_pandas=True)
        arrays.append(arr)
    return pa.Table.from_arrays(arrays, schema=schema)


def _dates(s: pd.Series) -> pa.Array:
    """A column of dates as Arrow date32 (NaT stays NaT, written as null)."""
    days = pd.to_datetime(s).to_numpy().astype("datetime64[D]")
    return pa.array(days, type=pa.date32(), from_pandas=True)


def write_parquet(df: pd.DataFrame, table: str, path: Path, is_canonical: bool = False) -> None:
    pq.write_table(to_arrow(df, table, is_canonical), path, **PARQUET_OPTIONS)


def write_csv(df: pd.DataFrame, table: str, path: Path, is_canonical: bool = False) -> None:
    out = df if is_canonical else canonical(df, table)
    write_csv_pieces(path, csv_chunks(out, table, CSV_CHUNK_ROWS), out, table)


def write_csv_pieces(path: Path, pieces: Iterable[bytes], out: pd.DataFrame, table: str) -> bool:
    """Write the CSV of the canonical table `out` from its pieces (csv_chunks, or a file's pieces
    built otherwise); where a value no column kind expects stops them (NotOfItsKind), pandas'
    writer writes the table instead, cell by cell. True when the pieces were written."""
    try:
        write_atomic(path, pieces, durable=False)
        return True
    except NotOfItsKind:
        write_atomic(path, _pandas_csv(out, table), durable=False)
        return False


def written_file(path: Path, table: str, fmt: str, rows: int) -> WrittenFile:
    """A file just written, with its size and sha256."""
    return WrittenFile(path, table, fmt, path.stat().st_size, sha256_file(path), rows)


def _pandas_csv(out: pd.DataFrame, table: str) -> bytes:
    out = out.copy()
    for c in columns(PUBLISHED_TABLES[table]):
        if c.kind == "date":
            out[c.name] = pd.to_datetime(out[c.name]).dt.strftime("%Y-%m-%d").fillna("")
        elif c.kind == "number":
            out[c.name] = _numbers(out[c.name])
    return out.to_csv(index=False, lineterminator="\n", na_rep="").encode(CSV_ENCODING)


_NEEDS_QUOTES = '[",\n]'  # what pandas' (QUOTE_MINIMAL) writer quotes, with \n line ends


def _csv_cells(s: pd.Series, kind: str) -> pa.Array | None:
    """A column's CSV cells as Arrow strings, as pandas writes them; None where a value is not
    of the column's kind."""
    if kind == "date":
        cells = pc.strftime(_dates(s).cast(pa.timestamp("s")), "%Y-%m-%d")
    elif kind == "number":
        cells = pa.array(_numbers(s), type=pa.string())
    elif kind == "integer":
        if not pd.api.types.is_integer_dtype(s.dtype):
            return None
        cells = pa.array(s, from_pandas=True).cast(pa.string())
    else:
        if s.dtype != object or pd.api.types.infer_dtype(s, skipna=True) not in ("string", "empty"):
            return None  # a value that is not text (a number, bytes) is left to pandas' writer
        cells = pa.array(s, type=pa.string(), from_pandas=True)
        needs = pc.match_substring_regex(cells, _NEEDS_QUOTES)
        if pc.any(needs).as_py():  # most columns have no cell to quote: no quoting pass for them
            quoted = pc.binary_join_element_wise('"', pc.replace_substring(cells, '"', '""'), '"', "")
            cells = pc.if_else(needs, quoted, cells)
    return pc.fill_null(cells, "")


class NotOfItsKind(ValueError):
    """A column holds a value its kind does not expect (a number in a text column)."""


# Rows of a CSV file made at once: the file is written in pieces, not held whole in memory. A
# piece holds at most CSV_CHUNK_ROWS rows and about CSV_CHUNK_BYTES bytes (a row of whole report
# text is 5.7 kB on average at 10k synthetic reports against 470 bytes a fact, and one report may run
# to megabytes): the first piece is FIRST_CHUNK_ROWS rows, each next one sized from the bytes a row
# took in the last.
CSV_CHUNK_ROWS = 65_536
CSV_CHUNK_BYTES = 8 << 20
FIRST_CHUNK_ROWS = 256


def csv_chunks(out: pd.DataFrame, table: str, rows: int | None = None) -> Iterator[bytes]:
    """The CSV of a canonical table in pieces (of at most `rows` rows), built column by column in
    Arrow: byte for byte what pandas' to_csv writes (BOM, header, commas, \\n line ends, quotes
    only where a cell holds a comma, a quote or a line end), without a Python call per cell. Raises
    NotOfItsKind (possibly after some pieces) where a value is not of its column's kind."""
    yield csv_header(table)
    for piece, _ in csv_row_pieces(out, table, rows):
        yield piece


def csv_header(table: str) -> bytes:
    return (",".join(c.name for c in columns(PUBLISHED_TABLES[table])) + "\n").encode(CSV_ENCODING)


def csv_row_pieces(out: pd.DataFrame, table: str, rows: int | None = None) -> Iterator[tuple[bytes, np.ndarray]]:
    """csv_chunks without the header: each piece of rows with the byte length of each of its rows."""
    rows = CSV_CHUNK_ROWS if rows is None else rows
    specs = columns(PUBLISHED_TABLES[table])
    nothing, comma = pa.scalar("", pa.large_string()), pa.scalar(",", pa.large_string())
    start, n = 0, min(rows, FIRST_CHUNK_ROWS)
    while start < len(out):
        part = out.iloc[start : start + n]
        start += len(part)
        cells = []
        for c in specs:
            arr = _csv_cells(part[c.name], c.kind)
            if arr is None:
                raise NotOfItsKind(f"{table}.{c.name}")
            cells.append(arr.cast(pa.large_string()))  # 64-bit offsets: no limit on a piece's size
        joined = pc.binary_join_element_wise(*cells, nothing, comma)  # a trailing comma …
        joined = pc.binary_replace_slice(joined, -1, 2**62, "\n")  # … becomes the line end (a comma is one byte)
        _, offsets, data = joined.buffers()
        ends = np.frombuffer(offsets, dtype=np.int64, count=len(joined) + 1, offset=joined.offset * 8)
        size = int(ends[-1] - ends[0])
        piece = data.slice(int(ends[0]), size).to_pybytes()
        lengths = np.diff(ends)
        del cells, joined, offsets, data, ends
        yield piece, lengths
        n = max(1, min(rows, int(CSV_CHUNK_BYTES * len(part) / max(size, 1))))


def csv_bytes(out: pd.DataFrame, table: str) -> bytes | None:
    """The whole CSV of csv_chunks, or None where a value is not of its column's kind."""
    try:
        return b"".join(csv_chunks(out, table))
    except NotOfItsKind:
        return None


def _numbers(s: pd.Series) -> pd.Series:
    """_number of every value: the whole numbers (most of them) at once, the rest one by one."""
    v = pd.to_numeric(s, errors="coerce").astype("float64")
    out = pd.Series("", index=s.index, dtype=object)
    whole = v.notna() & (v == v.round()) & (v.abs() < 1e15)
    out[whole] = v[whole].astype("int64").astype(str)
    rest = v.notna() & ~whole
    if rest.any():
        out[rest] = _decimals(v[rest].to_numpy())
    return out


def _decimals(x: np.ndarray) -> np.ndarray:
    """repr of each float, as _number writes it: the short decimals (at most 6 places, 1e-4 ≤ |x| <
    1e9: confidences, shares, amounts in 万元) in Arrow, the others by repr one by one. A float that
    is exactly a decimal of at most 15 significant digits has that decimal as its shortest repr, and
    the Arrow-written text is checked to read back as the float."""
    out = np.empty(len(x), dtype=object)
    scaled = np.round(x * 1e6)
    fast = (np.abs(x) >= 1e-4) & (np.abs(x) < 1e9) & (scaled / 1e6 == x)
    if fast.any():
        units = np.abs(scaled[fast]).astype(np.int64)
        whole = pa.array(units // 1_000_000).cast(pa.string())
        part = pc.utf8_rtrim(pc.utf8_lpad(pa.array(units % 1_000_000).cast(pa.string()), 6, "0"), "0")
        text = pc.binary_join_element_wise(whole, part, ".")
        text = pc.if_else(pa.array(scaled[fast] < 0), pc.binary_join_element_wise("-", text, ""), text)
        if pc.all(pc.equal(pc.cast(text, pa.float64()), pa.array(x[fast]))).as_py():
            out[fast] = text.to_numpy(zero_copy_only=False)
        else:  # pragma: no cover (a float the argument above missed: repr decides)
            fast[:] = False
    slow = ~fast
    out[slow] = [_number(v) for v in x[slow]]
    return out


def _number(v) -> str:
    if pd.isna(v):
        return ""
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(float(v))


def write_table(
    df: pd.DataFrame, table: str, folder: Path, is_canonical: bool = False, formats=("parquet", "csv")
) -> list[WrittenFile]:
    """The table as Parquet and CSV (is_canonical: df is already canonical(df, table))."""
    out = []
    for fmt, writer in (("parquet", write_parquet), ("csv", write_csv)):
        if fmt not in formats:
            continue
        path = Path(folder) / f"{table}.{fmt}"
        writer(df, table, path, is_canonical)
        out.append(written_file(path, table, fmt, len(df)))
    return out


def read_csv(path: Path, table: str) -> pd.DataFrame:
    """Read a published CSV back with the types of its model (for tests and diffs)."""
    specs = columns(PUBLISHED_TABLES[table])
    dtypes = {
        c.name: ("string" if c.kind in ("string", "date") else ("Int64" if c.kind == "integer" else "float64"))
        for c in specs
    }
    df = pd.read_csv(path, encoding=CSV_ENCODING, dtype=dtypes, keep_default_na=False, na_values=[""])
    return df
