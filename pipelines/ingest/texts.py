"""Intake records → the report-texts frame: decoded text and metadata of every ingested report."""

from __future__ import annotations

import json

import pandas as pd

from pipelines.progress import Report, tracked

from .decoded_cache import DecodedCache
from .formats.common import locations_json
from .intake import INGESTED
from .metadata import published_date
from .snapshots import SnapshotStore

TEXT_COLUMNS = [
    "report_id",
    "sha256",
    "file_name",
    "origin",
    "source_url",
    "media_type",
    "encoding",
    "replaced_bytes",
    "size_bytes",
    "title",
    "published",
    "publisher",
    "institution",
    "abbreviations",
    "n_chars",
    "text",
    "locations",  # JSON: text offsets → PDF page or table cell (formats.Location); empty for text and HTML
]


def texts_frame(
    intake: pd.DataFrame, store: SnapshotStore, cache: DecodedCache | None = None, progress: Report | None = None
) -> pd.DataFrame:
    """Decoded text and metadata of every ingested report; a report decoded before (same
    bytes, same decoder) comes from the cache without reading its snapshot."""
    cache = cache or DecodedCache(None)
    rows = []
    ingested = intake[intake["status"] == INGESTED]
    for rec in tracked(ingested.itertuples(), len(ingested), progress):
        report = cache.report(rec.sha256, rec.file_name, lambda sha=rec.sha256: store.get(sha))
        meta = report.meta
        declared = json.loads(rec.declared) if rec.declared else {}  # a source list's word beats a guess
        url = declared.get("url") or (rec.origin if rec.origin.startswith(("http://", "https://")) else None)
        published = published_date(declared.get("date"), meta.published, url)
        rows.append(
            {
                "report_id": rec.report_id,
                "sha256": rec.sha256,
                "file_name": rec.file_name,
                "origin": rec.origin,
                "source_url": url,
                "media_type": report.decoded.media_type,
                "encoding": report.decoded.encoding,
                "replaced_bytes": report.decoded.replaced_bytes,
                "size_bytes": rec.size_bytes,
                "title": declared.get("title") or meta.title,
                "published": pd.Timestamp(published) if published else pd.NaT,
                "publisher": declared.get("publisher") or meta.publisher,
                "institution": declared.get("institution") or meta.institution,
                "abbreviations": "|".join(meta.abbreviations),
                "n_chars": len(report.text),
                "text": report.text,
                "locations": locations_json(report.decoded.locations) if report.decoded.locations else "",
            }
        )
    df = pd.DataFrame(rows, columns=TEXT_COLUMNS)
    df["published"] = pd.to_datetime(df["published"])
    return df.sort_values("report_id").reset_index(drop=True)
