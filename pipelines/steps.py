"""The pipeline's steps as plain functions, each in three parts: load inputs, process, save
outputs. Dagster assets (assets/) are thin wrappers around these; tests call them directly."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from pipelines.ingest.intake import QUARANTINED, intake, scan_folder
from pipelines.publish import release
from pipelines.resources import ChanjiaoPaths
from pipelines.tables import (catalogue_frame, fact_references, facts_frame, institutions_frame, intake_frame,
                              report_texts_frame, reports_frame)
from pipelines.validate import QUARANTINE_COLUMNS, Validated, validate
from schemas.tables import PUBLISHED_TABLES, FactsModel


def ingest_raw_reports(paths: ChanjiaoPaths) -> pd.DataFrame:
    files = list(scan_folder(paths.inbox_dir)) if paths.inbox_dir.is_dir() else []
    files += _fetched_snapshots(paths)
    return intake_frame(intake(files, paths.snapshot_store()))


def _fetched_snapshots(paths: ChanjiaoPaths) -> list:
    from pipelines.sources import fetched_reports

    return fetched_reports(paths.data_dir / "fetched")


@dataclass(frozen=True)
class ExtractResult:
    facts: pd.DataFrame
    reports_extracted: int
    reports_from_cache: int


def extract_facts_table(texts: pd.DataFrame, paths: ChanjiaoPaths) -> ExtractResult:
    cache = paths.fact_cache()
    facts = facts_frame(texts, cache)
    return ExtractResult(facts, cache.misses, cache.hits)


def validate_facts(facts: pd.DataFrame, texts: pd.DataFrame) -> Validated:
    """The model's own checks first, then the cross-table ones; quarantines add up."""
    first = validate(facts, FactsModel.to_schema(), "facts", "fact_id")
    second = validate(first.valid, fact_references(texts), "facts", "fact_id")
    quarantine = pd.concat([q for q in (first.quarantine, second.quarantine) if len(q)] or [first.quarantine],
                           ignore_index=True)
    cases = pd.concat([c for c in (first.failure_cases, second.failure_cases) if len(c)] or [pd.DataFrame()],
                      ignore_index=True)
    return Validated(second.valid, quarantine, cases)


def raw_quarantine(raw: pd.DataFrame) -> pd.DataFrame:
    """Raw files held back at intake, as quarantine rows."""
    bad = raw[raw["status"] == QUARANTINED]
    rows = [{"table": "raw_reports", "record_id": r.origin, "report_id": None, "check": "intake",
             "column": None, "failure_case": r.file_name, "reason": r.reason,
             "record_json": json.dumps({"origin": r.origin, "file_name": r.file_name, "sha256": r.sha256,
                                        "size_bytes": int(r.size_bytes), "media_type": r.media_type},
                                       ensure_ascii=False, sort_keys=True)}
            for r in bad.itertuples()]
    return pd.DataFrame(rows, columns=QUARANTINE_COLUMNS)


def release_tables(texts: pd.DataFrame, facts: pd.DataFrame, quarantine: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every published table, each validated against its model (a failure here is a bug, and loud)."""
    tables = {
        "facts": facts,
        "reports": reports_frame(texts, facts),
        "report_texts": report_texts_frame(texts),
        "institutions": institutions_frame(texts, facts),
        "indicators": catalogue_frame(),
        "quarantine": quarantine,
    }
    return {name: PUBLISHED_TABLES[name].validate(df, lazy=True) for name, df in tables.items()}


def publish(tables: dict[str, pd.DataFrame], paths: ChanjiaoPaths, sources: list[dict] | None = None) -> release.ReleaseResult:
    return release.run(tables, paths.published_dir, paths.dataset, sources=sources)
