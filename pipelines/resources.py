"""Dagster resource holding where the pipeline reads and writes. Unset fields fall back to
the environment (pipelines.settings: CHANJIAO_INBOX, CHANJIAO_PUBLISHED, CHANJIAO_DATA,
CHANJIAO_SOURCES), so a deployment is configured without editing code."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.tables import FactCache


class ChanjiaoPaths(dg.ConfigurableResource):
    """Folders of one chanjiao deployment."""

    inbox: str | None = None
    published: str | None = None
    data: str | None = None
    sources: str | None = None
    dataset: str = settings.DATASET

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox) if self.inbox else settings.inbox_dir()

    @property
    def published_dir(self) -> Path:
        return Path(self.published) if self.published else settings.published_dir()

    @property
    def data_dir(self) -> Path:
        return Path(self.data) if self.data else settings.data_dir()

    @property
    def sources_file(self) -> Path:
        return Path(self.sources) if self.sources else settings.sources_file()

    def snapshot_store(self) -> SnapshotStore:
        return SnapshotStore(self.data_dir / "snapshots")

    def fact_cache(self) -> FactCache:
        return FactCache(self.data_dir / "cache")
