"""Facts per report, cached by content hash and extractor version."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.atomic import write_atomic

from .extractor import EXTRACTOR_VERSION, extract_facts


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
            write_atomic(path, json.dumps(facts, ensure_ascii=False))
        return facts
