"""Report URLs (sources.yaml): the snapshots fetched for them, as raw files for intake.

The fetcher (`pipelines.ingest.fetch`) stores each response body in the snapshot store and records
the latest snapshot per URL in <data>/fetched/index.json; intake reads them from there.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.ingest.intake import RawFile
from pipelines.ingest.snapshots import SnapshotStore

INDEX = "index.json"


def read_index(folder: Path) -> dict[str, dict]:
    path = Path(folder) / INDEX
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def fetched_reports(folder: Path) -> list[RawFile]:
    """The latest snapshot of every fetched URL, in URL order."""
    index = read_index(folder)
    if not index:
        return []
    store = SnapshotStore(Path(folder).parent / "snapshots")
    out = []
    for url, entry in sorted(index.items()):
        out.append(
            RawFile(
                origin=url,
                name=entry["file_name"],
                data=store.get(entry["sha256"]),
                extra={k: v for k, v in entry.items() if k not in ("file_name", "sha256")},
            )
        )
    return out
