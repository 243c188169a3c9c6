"""Build the pipeline's tables (pandas DataFrames) from intake records and reports.

Each function is pure apart from the explicit cache/store it is handed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from pipelines.extract.extractor import EXTRACTOR_VERSION, extract_facts
from pipelines.ingest.intake import INGESTED, IntakeRecord
from pipelines.ingest.reports import read_report
from pipelines.ingest.snapshots import SnapshotStore
from schemas.catalog import read_catalog
from schemas.tables import FactsModel, ReportsModel

FACT_FIELDS = ("quote", "char_start", "char_end", "number_text", "value", "unit_text", "normalized_value",
               "base_unit", "qualifier", "indicator_code", "subject", "about", "sentence")


def intake_frame(records: Iterable[IntakeRecord]) -> pd.DataFrame:
    return pd.DataFrame([r.to_dict() for r in records],
                        columns=list(IntakeRecord.__dataclass_fields__))


def texts_frame(intake: pd.DataFrame, store: SnapshotStore) -> pd.DataFrame:
    """Decoded text and metadata of every ingested report."""
    rows = []
    for rec in intake[intake["status"] == INGESTED].itertuples():
        report = read_report(store.get(rec.sha256), rec.file_name)
        meta = report.meta
        declared = json.loads(rec.declared) if rec.declared else {}  # a source list's word beats a guess
        published = declared.get("date") or meta.published
        rows.append({
            "report_id": rec.report_id, "sha256": rec.sha256, "file_name": rec.file_name,
            "origin": rec.origin, "media_type": report.decoded.media_type,
            "encoding": report.decoded.encoding, "size_bytes": rec.size_bytes,
            "title": declared.get("title") or meta.title,
            "published": pd.Timestamp(published) if published else pd.NaT,
            "publisher": declared.get("publisher") or meta.publisher,
            "institution": declared.get("institution") or meta.institution,
            "abbreviations": "|".join(meta.abbreviations), "n_chars": len(report.text), "text": report.text,
        })
    cols = ["report_id", "sha256", "file_name", "origin", "media_type", "encoding", "size_bytes", "title",
            "published", "publisher", "institution", "abbreviations", "n_chars", "text"]
    df = pd.DataFrame(rows, columns=cols)
    df["published"] = pd.to_datetime(df["published"])
    return df.sort_values("report_id").reset_index(drop=True)


class FactCache:
    """Facts per report, keyed by content hash and extractor version: a refresh after one new
    report extracts only that one; a new extractor version redoes them all."""

    def __init__(self, root: Path | None, version: str = EXTRACTOR_VERSION):
        self.dir = Path(root) / "facts" / version if root else None
        self.version = version
        self.hits = 0
        self.misses = 0

    def facts(self, sha256: str, text: str) -> list[dict]:
        path = self.dir / f"{sha256}.json" if self.dir else None
        if path and path.exists():
            self.hits += 1
            return json.loads(path.read_text(encoding="utf-8"))
        self.misses += 1
        facts = [f.to_dict() for f in extract_facts(text)]
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(facts, fh, ensure_ascii=False)
            os.replace(tmp, path)
        return facts


def fact_id(report_id: str, start: int, end: int) -> str:
    return f"{report_id}-{start:06d}-{end:06d}"


def facts_frame(texts: pd.DataFrame, cache: FactCache) -> pd.DataFrame:
    rows = []
    for rep in texts.itertuples():
        for f in cache.facts(rep.sha256, rep.text):
            rows.append({
                "fact_id": fact_id(rep.report_id, f["char_start"], f["char_end"]),
                "report_id": rep.report_id, "file_name": rep.file_name, "institution": rep.institution,
                "published": rep.published, **{k: f[k] for k in FACT_FIELDS},
                "extractor_version": cache.version,
            })
    cols = list(FactsModel.to_schema().columns)
    df = pd.DataFrame(rows, columns=cols)
    for c in ("value", "normalized_value"):
        df[c] = df[c].astype("float64")
    for c in ("char_start", "char_end"):
        df[c] = df[c].astype("int64")
    df["published"] = pd.to_datetime(df["published"])
    return df.reset_index(drop=True)


def reports_frame(texts: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    counts = facts.groupby("report_id").size()
    out = texts.drop(columns=["text", "abbreviations"]).copy()
    out["n_facts"] = out["report_id"].map(counts).fillna(0).astype("int64")
    return out[list(ReportsModel.to_schema().columns)]


def report_texts_frame(texts: pd.DataFrame) -> pd.DataFrame:
    return texts[["report_id", "text"]].copy()


def institutions_frame(texts: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    named = texts.dropna(subset=["institution"])
    rows = []
    for name, group in named.groupby("institution"):
        abbrs = sorted({a for s in group["abbreviations"] for a in s.split("|") if a})
        rows.append({
            "institution": name, "abbreviations": "|".join(abbrs), "n_reports": len(group),
            "n_facts": int((facts["institution"] == name).sum()),
            "first_published": group["published"].min(), "last_published": group["published"].max(),
        })
    cols = ["institution", "abbreviations", "n_reports", "n_facts", "first_published", "last_published"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("first_published", "last_published"):
        df[c] = pd.to_datetime(df[c])
    return df


def catalogue_frame() -> pd.DataFrame:
    return pd.DataFrame(read_catalog())


def fact_references(texts: pd.DataFrame) -> pa.DataFrameSchema:
    """Checks across tables: every fact's report exists, and its quote is exactly the slice
    of that report's decoded text at [char_start, char_end)."""
    by_id = dict(zip(texts["report_id"], texts["text"]))

    def quote_is_slice(df: pd.DataFrame) -> pd.Series:
        return pd.Series([by_id.get(r, "")[s:e] == q for r, s, e, q in
                          zip(df["report_id"], df["char_start"], df["char_end"], df["quote"])], index=df.index)

    return pa.DataFrameSchema(
        name="facts", strict=False,
        checks=[
            pa.Check(lambda df: df["report_id"].isin(by_id), name="report_exists",
                     description="the fact's report is among the ingested reports"),
            pa.Check(quote_is_slice, name="quote_matches_report_text",
                     description="the quote equals the report text between char_start and char_end"),
        ],
    )
