"""The pipeline's steps as plain functions, each in three parts: load inputs, process, save
outputs. The assets in assets/ are thin wrappers around these; tests call them directly."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import pandas as pd

from pipelines.extract.facts_table import facts_frame
from pipelines.ingest.intake import intake, intake_frame, scan_folder
from pipelines.ingest.sources import fetched_reports
from pipelines.ingest.texts import texts_frame
from pipelines.publish import release
from pipelines.publish.frames import catalogue_frame, institutions_frame, report_texts_frame, reports_frame
from pipelines.settings import Paths


def ingest_raw_reports(paths: Paths) -> pd.DataFrame:
    # a generator: one file's bytes in memory at a time
    inbox = scan_folder(paths.inbox_dir) if paths.inbox_dir.is_dir() else iter(())
    files = chain(inbox, fetched_reports(paths.data_dir / "fetched"))
    return intake_frame(intake(files, paths.snapshot_store()))


def decode_reports(raw: pd.DataFrame, paths: Paths) -> pd.DataFrame:
    return texts_frame(raw, paths.snapshot_store())


@dataclass(frozen=True)
class ExtractResult:
    facts: pd.DataFrame
    reports_extracted: int
    reports_from_cache: int


def extract_facts_table(texts: pd.DataFrame, paths: Paths) -> ExtractResult:
    cache = paths.fact_cache()
    facts = facts_frame(texts, cache)
    return ExtractResult(facts, cache.misses, cache.hits)


def release_tables(texts: pd.DataFrame, facts: pd.DataFrame, quarantine: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every published table, built from the validated facts and the decoded reports."""
    return {
        "facts": facts,
        "reports": reports_frame(texts, facts),
        "report_texts": report_texts_frame(texts),
        "institutions": institutions_frame(texts, facts),
        "indicators": catalogue_frame(),
        "quarantine": quarantine,
    }


def publish(tables: dict[str, pd.DataFrame], paths: Paths, sources: list[dict] | None = None) -> release.ReleaseResult:
    return release.run(tables, paths.published_dir, paths.dataset, sources=sources)
