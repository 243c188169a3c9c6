"""What changed between two releases: rows added, removed and changed per table, and for
facts the same per indicator and per institution.

Rows are matched by their primary key and compared by a hash of their published values,
column by column in whole-column operations (no Python function per cell). Values are compared
as they are published: a missing value, NaN, None and an empty string are one and the same
(CSV cannot tell them apart, and the Parquet writer makes an empty string null), dates compare
by day, numbers as float64.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from schemas.describe import primary_key
from schemas.tables import PUBLISHED_TABLES

# Columns that record how a row was made, not what it says: a new extractor version alone is
# no change to a fact.
PROVENANCE_ONLY = {"extractor_version"}
MISSING = "\x00"  # stands for a missing value in a text column before hashing


@dataclass
class TableDiff:
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # new versions of changed rows
    before: pd.DataFrame | None = None  # the old versions of the changed rows, in the same order

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)}


@dataclass
class ReleaseDiff:
    tables: dict[str, TableDiff] = field(default_factory=dict)

    def total(self, what: str, tables: tuple[str, ...] | None = None) -> int:
        return sum(d.counts[what] for t, d in self.tables.items() if tables is None or t in tables)


def _canonical(s: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """A column as published, in a hashable form, and where it is missing."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = s.astype(object)
    if pd.api.types.is_bool_dtype(s.dtype) and not s.isna().any():
        return s.astype("float64"), np.zeros(len(s), dtype=bool)
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        d = s.dt.tz_localize(None) if getattr(s.dt, "tz", None) is not None else s
        d = d.dt.normalize()
        missing = d.isna().to_numpy()
        return pd.Series(d.to_numpy("datetime64[ns]").view("int64"), index=s.index).where(~missing, 0), missing
    if pd.api.types.is_numeric_dtype(s.dtype):
        f = s.astype("float64")
        missing = f.isna().to_numpy()
        return f.fillna(0.0) + 0.0, missing  # + 0.0: -0.0 and 0.0 hash alike
    obj = s.astype(object)
    missing = (obj.isna() | (obj == "")).to_numpy()
    if len(obj) and not missing.all():
        first = obj[~missing].iloc[0]
        if hasattr(first, "isoformat") and not isinstance(first, str):  # datetime.date from a Parquet date32
            return _canonical(pd.to_datetime(obj.where(~missing, None)))
    return obj.where(~missing, MISSING).astype(str), missing


def _hashable(s: pd.Series) -> np.ndarray:
    """A column's hashable values, a missing value written as a value no cell holds (the text
    MISSING, a NaN of fixed bits, NaT's integer): a row hashes as one value per cell, not two."""
    values, missing = _canonical(s)
    v = values.to_numpy()
    if missing.any() and v.dtype.kind == "f":
        v = np.where(missing, np.nan, v)
    elif missing.any() and v.dtype.kind in "iu":
        v = np.where(missing, np.iinfo(np.int64).min, v)
    return v


def row_hashes(df: pd.DataFrame, cols: list[str]) -> pd.Series:
    """One uint64 per row over cols' published values: pandas' hash_pandas_object of the frame of
    hashable columns (index=False), bit for bit, folded one column at a time so that only one
    column's hashable copy is held at once (the whole frame of them was 140 MB at 10k reports)."""
    with np.errstate(over="ignore"):  # the fold multiplies modulo 2**64, as pandas' does
        out = np.full(len(df), 0x345678, dtype=np.uint64)
        mult = np.uint64(1000003)
        for i, c in enumerate(cols):
            out ^= pd.util.hash_array(_hashable(df[c]))
            out *= mult
            mult += np.uint64(82520 + 2 * (len(cols) - i))
        out += np.uint64(97531)
    return pd.Series(out, index=df.index, dtype="uint64")


def column_hashes(df: pd.DataFrame, col: str) -> np.ndarray:
    return row_hashes(df, [col]).to_numpy()


def _keys(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    out = {}
    for c in cols:
        s = df[c].astype(object)
        out[c] = s.where(~(s.isna() | (s == "")), "").astype(str).to_numpy()
    return pd.DataFrame(out)


@dataclass
class HashedRows:
    """A table as the diff compares it: its key columns as text and one hash per row over cols,
    in the table's row order. Enough to tell added, removed and changed rows apart; the rows
    themselves are read only for those."""

    keys: pd.DataFrame
    hashes: np.ndarray  # uint64, one per row
    cols: list[str]  # the columns hashed, in order


def compared_columns(names) -> list[str]:
    return [c for c in names if c not in PROVENANCE_ONLY]


def hashed_rows(df: pd.DataFrame, table: str, cols: list[str] | None = None) -> HashedRows:
    cols = compared_columns(df.columns) if cols is None else cols
    keys = _keys(df, primary_key(PUBLISHED_TABLES[table]))
    return HashedRows(keys, row_hashes(df, cols).to_numpy(), list(cols))


def diff_table(
    old: pd.DataFrame | None, new: pd.DataFrame, table: str, new_side: HashedRows | None = None
) -> TableDiff:
    """new_side: the new table's hashed rows where the caller has them (used if over the same columns)."""
    if old is None or not len(old):
        return TableDiff(new, new.iloc[0:0], new.iloc[0:0], new.iloc[0:0])
    cols = [c for c in compared_columns(new.columns) if c in old.columns]
    if new_side is None or new_side.cols != cols:
        new_side = hashed_rows(new, table, cols)
    return diff_hashed(hashed_rows(old, table, cols), old.take, new, new_side)


def diff_hashed(
    old: HashedRows, take_old: Callable[[np.ndarray], pd.DataFrame], new_df: pd.DataFrame, new: HashedRows
) -> TableDiff:
    """Rows matched by key, compared by hash. take_old(positions) gives the old table's rows at
    those positions; it is called once, and only when a row was removed or changed."""
    if not len(old.hashes):
        return TableDiff(new_df, new_df.iloc[0:0], new_df.iloc[0:0], new_df.iloc[0:0])
    keys = list(old.keys.columns)
    o, n = old.keys.copy(), new.keys.copy()
    o["_h"], o["_i"] = old.hashes, np.arange(len(o))
    n["_h"], n["_i"] = new.hashes, np.arange(len(n))
    m = o.merge(n, on=keys, how="outer", suffixes=("_o", "_n"), indicator=True, sort=False)
    both = m[m["_merge"] == "both"]
    differs = both[both["_h_o"] != both["_h_n"]].sort_values("_i_n")
    added = new_df.iloc[np.sort(m.loc[m["_merge"] == "right_only", "_i_n"].to_numpy(dtype="int64"))]
    gone = np.sort(m.loc[m["_merge"] == "left_only", "_i_o"].to_numpy(dtype="int64"))
    was = differs["_i_o"].to_numpy(dtype="int64")
    changed = new_df.iloc[differs["_i_n"].to_numpy(dtype="int64")]
    if not len(gone) and not len(was):
        return TableDiff(added, new_df.iloc[0:0], changed, new_df.iloc[0:0])
    rows = take_old(np.concatenate([gone, was]))
    return TableDiff(added, rows.iloc[: len(gone)], changed, rows.iloc[len(gone) :])


def changed_columns(d: TableDiff) -> list[list[str]]:
    """Per changed row, the columns whose published value differs (whole-column comparisons)."""
    if d.before is None or not len(d.changed):
        return [[] for _ in range(len(d.changed))]
    cols = [c for c in d.changed.columns if c in d.before.columns and c not in PROVENANCE_ONLY]
    flags = {c: column_hashes(d.before, c) != column_hashes(d.changed, c) for c in cols}
    return [[c for c in cols if flags[c][i]] for i in range(len(d.changed))]


def diff_release(old: dict[str, pd.DataFrame] | None, new: dict[str, pd.DataFrame]) -> ReleaseDiff:
    return ReleaseDiff({t: diff_table((old or {}).get(t), df, t) for t, df in new.items()})


def _group_counts(d: TableDiff, by: str) -> pd.DataFrame:
    parts = {k: getattr(d, k)[by].fillna("(unknown)").value_counts() for k in ("added", "removed", "changed")}
    out = pd.DataFrame(parts).fillna(0).astype(int)
    return out[(out.sum(axis=1) > 0)].sort_index()


def changelog_markdown(version: str, previous: str | None, diff: ReleaseDiff, max_rows: int = 50) -> str:
    lines = ["# Changelog / 变更记录", "", f"## {version}", ""]
    if previous is None:
        lines.append("First release. / 首次发布。")
    else:
        lines.append(f"Changes since {previous}. / 相对 {previous} 的变更。")
    lines += ["", "| table | added | removed | changed |", "|---|---:|---:|---:|"]
    for t, d in diff.tables.items():
        c = d.counts
        lines.append(f"| {t} | {c['added']} | {c['removed']} | {c['changed']} |")
    facts = diff.tables.get("facts")
    if facts is not None and previous is not None:
        for by, title in (
            ("indicator_code", "Facts per indicator / 按指标"),
            ("institution", "Facts per institution / 按院校"),
        ):
            g = _group_counts(facts, by)
            if len(g):
                lines += ["", f"### {title}", "", f"| {by} | added | removed | changed |", "|---|---:|---:|---:|"]
                lines += [f"| {i} | {r.added} | {r.removed} | {r.changed} |" for i, r in g.iterrows()]
        for what in ("added", "removed", "changed"):
            rows = getattr(facts, what)
            if len(rows):
                lines += [
                    "",
                    f"### Facts {what} / 事实{ {'added': '新增', 'removed': '删除', 'changed': '修改'}[what] }",
                    "",
                ]
                if what == "changed":
                    lines += _changed_lines(facts, max_rows)
                else:
                    for r in rows.head(max_rows).itertuples():
                        lines.append(
                            f"- `{r.fact_id}` {_text(r.institution)}: {r.quote} = {r.normalized_value:g} "
                            f"{r.base_unit} ({r.indicator_code})"
                        )
                if len(rows) > max_rows:
                    lines.append(f"- … and {len(rows) - max_rows} more")
    return "\n".join(lines) + "\n"


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else str(v)


def _shown(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)) or v == "":
        return "(empty)"
    if isinstance(v, pd.Timestamp) or hasattr(v, "isoformat"):
        return pd.Timestamp(v).date().isoformat()
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("|", "\\|").replace("\n", " ")


def _changed_lines(d: TableDiff, max_rows: int) -> list[str]:
    """Each changed fact (up to max_rows) with every changed column as old → new."""
    out = []
    cols = changed_columns(d)
    for i in range(min(len(d.changed), max_rows)):
        new, old = d.changed.iloc[i], d.before.iloc[i]
        what = "; ".join(f"{c}: {_shown(old[c])} → {_shown(new[c])}" for c in cols[i])
        out.append(f"- `{new['fact_id']}` {_text(new.get('institution'))}: {what}")
    return out


def diff_metadata(diff: ReleaseDiff) -> dict:
    out = {t: d.counts for t, d in diff.tables.items()}
    facts = diff.tables.get("facts")
    if facts is not None:
        out["facts_by_indicator"] = _group_counts(facts, "indicator_code").to_dict("index")
        out["facts_by_institution"] = _group_counts(facts, "institution").to_dict("index")
    return out
