"""The pipeline's steps as plain functions, each in three parts: load inputs, process, save
outputs. The assets in assets/ are thin wrappers around these; tests call them directly."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import pandas as pd

from pipelines.extract.facts_table import facts_frame, frame_store
from pipelines.ingest.intake import intake, intake_frame, scan_folder
from pipelines.ingest.manifest import read_manifest, with_manifest
from pipelines.ingest.sources import fetched_reports
from pipelines.ingest.texts import texts_frame
from pipelines.progress import Report
from pipelines.publish import release
from pipelines.publish.frames import catalogue_frame, institutions_frame, report_texts_frame, reports_frame
from pipelines.settings import Paths


class NoReportsError(ValueError):
    """The inbox is missing, or neither it nor the fetched URLs hold a report: nothing is published."""


def check_inbox(inbox: Path) -> None:
    if not inbox.exists():
        raise NoReportsError(f"inbox {inbox} does not exist (mistyped --inbox or CHANJIAO_INBOX?)")
    if not inbox.is_dir():
        raise NoReportsError(f"inbox {inbox} is not a folder")


def ingest_raw_reports(paths: Paths, progress: Report | None = None) -> pd.DataFrame:
    check_inbox(paths.inbox_dir)
    # a generator: one file's bytes in memory at a time
    inbox = with_manifest(scan_folder(paths.inbox_dir), read_manifest(paths.manifest_file))
    facts = paths.fact_cache()
    records = intake(
        chain(inbox, fetched_reports(paths.data_dir / "fetched")),
        paths.snapshot_store(),
        decoded=paths.decoded_cache(),
        progress=progress,
        facts=facts,
    )
    if not records:
        raise NoReportsError(f"no reports: inbox {paths.inbox_dir} is empty and no report URL has been fetched")
    df = intake_frame(records)
    df.attrs[EXTRACTED_AT_INTAKE] = facts.stored  # read by the raw_reports asset's metadata
    return df


# How many new reports the intake's time-budget check extracted (their facts are then read from
# the fact cache by the extraction step, which counts them as cached).
EXTRACTED_AT_INTAKE = "reports_extracted_at_intake"


def decode_reports(raw: pd.DataFrame, paths: Paths, progress: Report | None = None) -> pd.DataFrame:
    return texts_frame(raw, paths.snapshot_store(), paths.decoded_cache(), progress)


@dataclass(frozen=True)
class ExtractResult:
    facts: pd.DataFrame
    reports_extracted: int
    reports_from_cache: int


def extract_facts_table(texts: pd.DataFrame, paths: Paths, progress: Report | None = None) -> ExtractResult:
    cache = paths.fact_cache()
    facts = facts_frame(texts, cache, progress, frame_store(cache))
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


def publish(
    tables: dict[str, pd.DataFrame], paths: Paths, sources: list[dict] | None = None, allow_shrink: bool = False
) -> release.ReleaseResult:
    return release.run(tables, paths.published_dir, paths.dataset, sources=sources, allow_shrink=allow_shrink)
