"""Where things live. Every path can be set by an environment variable; nothing here is
edited to configure a deployment (the Dagster resources read the same variables)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INBOX = PROJECT_ROOT / "samples" / "real" / "inbox"
DEFAULT_MANIFEST = PROJECT_ROOT / "samples" / "real" / "sources.csv"
DEFAULT_PUBLISHED = PROJECT_ROOT / "published"
DEFAULT_DATA = PROJECT_ROOT / "data"
DEFAULT_SOURCES = PROJECT_ROOT / "sources.yaml"
DATASET = "ie-facts"


def inbox_dir() -> Path:
    return Path(os.environ.get("CHANJIAO_INBOX", DEFAULT_INBOX))


def manifest_for(inbox: Path) -> Path | None:
    """Where an inbox's files came from (pipelines/ingest/manifest.py): CHANJIAO_MANIFEST (empty:
    none), else the bundled corpus's manifest when the inbox is the bundled one."""
    given = os.environ.get("CHANJIAO_MANIFEST")
    if given is not None:
        return Path(given) if given else None
    return DEFAULT_MANIFEST if Path(inbox).resolve() == DEFAULT_INBOX.resolve() else None


def manifest_file() -> Path | None:
    return manifest_for(inbox_dir())


def published_dir() -> Path:
    return Path(os.environ.get("CHANJIAO_PUBLISHED", DEFAULT_PUBLISHED))


def data_dir() -> Path:
    """Snapshots and per-report cache (generated, not in git)."""
    return Path(os.environ.get("CHANJIAO_DATA", DEFAULT_DATA))


DEFAULT_MAX_SHRINK = 0.25


def max_shrink() -> float:
    """The largest share of the previous release's facts a new release may remove without
    `--allow-shrink` (CHANJIAO_MAX_SHRINK, a number from 0 to 1; default 0.25)."""
    raw = os.environ.get("CHANJIAO_MAX_SHRINK", "")
    try:
        share = float(raw) if raw.strip() else DEFAULT_MAX_SHRINK
    except ValueError:
        raise ValueError(f"CHANJIAO_MAX_SHRINK={raw!r} is not a number between 0 and 1") from None
    if not 0 <= share <= 1:
        raise ValueError(f"CHANJIAO_MAX_SHRINK={raw!r} is not a number between 0 and 1")
    return share


def sources_file() -> Path:
    return Path(os.environ.get("CHANJIAO_SOURCES", DEFAULT_SOURCES))


@dataclass(frozen=True)
class Paths:
    """Folders of one chanjiao deployment; a field left None falls back to its environment
    variable (then to the project's default)."""

    inbox: Path | None = None
    published: Path | None = None
    data: Path | None = None
    sources: Path | None = None
    manifest: Path | None = None
    dataset: str = DATASET

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox) if self.inbox else inbox_dir()

    @property
    def published_dir(self) -> Path:
        return Path(self.published) if self.published else published_dir()

    @property
    def manifest_file(self) -> Path | None:
        return Path(self.manifest) if self.manifest else manifest_for(self.inbox_dir)

    @property
    def data_dir(self) -> Path:
        return Path(self.data) if self.data else data_dir()

    @property
    def sources_file(self) -> Path:
        return Path(self.sources) if self.sources else sources_file()

    def snapshot_store(self):
        from pipelines.ingest.snapshots import SnapshotStore

        return SnapshotStore(self.data_dir / "snapshots")

    def decoded_cache(self):
        from pipelines.ingest.decoded_cache import DecodedCache

        return DecodedCache(self.data_dir / "cache")

    def fact_cache(self):
        from pipelines.extract.cache import FactCache

        return FactCache(self.data_dir / "cache")
