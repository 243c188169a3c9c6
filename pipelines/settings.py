"""Where things live. Every path can be set by an environment variable; nothing here is
edited to configure a deployment (the Dagster resources read the same variables)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INBOX = PROJECT_ROOT / "samples" / "inbox"
DEFAULT_PUBLISHED = PROJECT_ROOT / "published"
DEFAULT_DATA = PROJECT_ROOT / "data"
DEFAULT_SOURCES = PROJECT_ROOT / "sources.yaml"
DATASET = "ie-facts"


def inbox_dir() -> Path:
    return Path(os.environ.get("CHANJIAO_INBOX", DEFAULT_INBOX))


def published_dir() -> Path:
    return Path(os.environ.get("CHANJIAO_PUBLISHED", DEFAULT_PUBLISHED))


def data_dir() -> Path:
    """Snapshots and per-report cache (generated, not in git)."""
    return Path(os.environ.get("CHANJIAO_DATA", DEFAULT_DATA))


def sources_file() -> Path:
    return Path(os.environ.get("CHANJIAO_SOURCES", DEFAULT_SOURCES))
