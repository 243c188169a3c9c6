"""What changed between two releases: rows added, removed and changed per table, and for
facts the same per indicator and per institution."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from schemas.describe import primary_key
from schemas.tables import PUBLISHED_TABLES

# Columns that record how a row was made, not what it says: a new extractor version alone is
# no change to a fact.
PROVENANCE_ONLY = {"extractor_version"}


@dataclass
class TableDiff:
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # new versions of changed rows

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)}


@dataclass
class ReleaseDiff:
    tables: dict[str, TableDiff] = field(default_factory=dict)

    def total(self, what: str, tables: tuple[str, ...] | None = None) -> int:
        return sum(d.counts[what] for t, d in self.tables.items() if tables is None or t in tables)


def _key(df: pd.DataFrame, table: str) -> pd.Series:
    cols = primary_key(PUBLISHED_TABLES[table])
    return df[cols].astype(str).agg("\x1f".join, axis=1) if len(df) else pd.Series([], dtype=str)


def _norm(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        out[c] = out[c].map(
            lambda v: (
                None
                if pd.isna(v)
                else (
                    pd.Timestamp(v).date().isoformat()
                    if isinstance(v, pd.Timestamp)
                    else (float(v) if isinstance(v, (int, float)) else str(v))
                )
            )
        )
    return out


def diff_table(old: pd.DataFrame | None, new: pd.DataFrame, table: str) -> TableDiff:
    if old is None or not len(old):
        return TableDiff(new, new.iloc[0:0], new.iloc[0:0])
    old_n, new_n = _norm(old), _norm(new[old.columns.intersection(new.columns)] if len(old.columns) else new)
    ok, nk = _key(old_n, table), _key(new_n, table)
    old_i, new_i = old_n.set_index(ok), new_n.set_index(nk)
    added = new.loc[~nk.isin(ok).to_numpy()]
    removed = old.loc[~ok.isin(nk).to_numpy()]
    common = new_i.index.intersection(old_i.index)
    cols = [c for c in new_i.columns if c in old_i.columns and c not in PROVENANCE_ONLY]
    a, b = old_i.loc[common, cols], new_i.loc[common, cols]
    differs = ~((a == b) | (a.isna() & b.isna())).all(axis=1)
    changed = new.loc[nk.isin(common[differs.to_numpy()]).to_numpy()]
    return TableDiff(added, removed, changed)


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
                for r in rows.head(max_rows).itertuples():
                    lines.append(
                        f"- `{r.fact_id}` {r.institution or ''}: {r.quote} = {r.normalized_value:g} {r.base_unit} ({r.indicator_code})"
                    )
                if len(rows) > max_rows:
                    lines.append(f"- … and {len(rows) - max_rows} more")
    return "\n".join(lines) + "\n"


def diff_metadata(diff: ReleaseDiff) -> dict:
    out = {t: d.counts for t, d in diff.tables.items()}
    facts = diff.tables.get("facts")
    if facts is not None:
        out["facts_by_indicator"] = _group_counts(facts, "indicator_code").to_dict("index")
        out["facts_by_institution"] = _group_counts(facts, "institution").to_dict("index")
    return out
