"""Facts per report, cached by content hash and extractor version (one SQLite file of entries
per version, pipelines/keyed_store.py)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipelines.keyed_store import KeyedStore
from pipelines.progress import Report

from .extractor import EXTRACTOR_VERSION
from .parallel import Fanout, extract_many


class FactCache:
    """Facts per report, keyed by content hash and extractor version: a refresh after one new
    report extracts only that one; a new extractor version redoes them all."""

    def __init__(self, root: Path | None, version: str = EXTRACTOR_VERSION):
        self.dir = Path(root) / "facts" / version if root else None
        self.entries = KeyedStore(self.dir)
        self.version = version
        self.hits = 0
        self.misses = 0
        self.stored = 0  # reports whose facts this instance extracted and stored

    def cached(self, sha256: str, kind: str = ""):
        """The facts of a report (or, with a kind, another per-report result kept beside them,
        e.g. facts_table's attributions); None when not cached."""
        return self.entries.get(sha256, kind)

    def put(self, sha256: str, facts, kind: str = "") -> None:
        self.entries.put(sha256, facts, kind)
        if not kind:
            self.stored += 1

    def batch(self):
        """Entries put inside share one transaction (keyed_store.KeyedStore.batch)."""
        return self.entries.batch()

    def facts(self, sha256: str, text: str) -> list[dict]:
        return self.facts_of([(sha256, text)])[0]

    def facts_of(
        self, reports: Iterable[tuple[str, str]], progress: Report | None = None, fan: Fanout | None = None
    ) -> list[list[dict]]:
        """Facts of each (sha256, text), in order: cached ones read, the others extracted
        together (on every core, see parallel.py; on fan's workers where the caller keeps them)
        and cached; progress(done, total) over the reports as the extraction goes."""
        reports = list(reports)
        out: list[list[dict] | None] = [None] * len(reports)
        todo: dict[str, list[int]] = {}
        for i, (sha, _text) in enumerate(reports):
            out[i] = self.cached(sha)
            if out[i] is not None:
                self.hits += 1
            else:
                todo.setdefault(sha, []).append(i)
        self.misses += sum(len(v) for v in todo.values())
        shas = list(todo)
        cached = len(reports) - sum(len(v) for v in todo.values())
        done_after = [cached]  # reports done once the first k distinct texts are extracted
        for sha in shas:
            done_after.append(done_after[-1] + len(todo[sha]))

        def extracted(done: int, total: int | None) -> None:
            progress(done_after[done], len(reports))

        texts = [reports[todo[s][0]][1] for s in shas]
        found = extract_many(texts, extracted if progress else None, fan)
        with self.batch():
            for sha, facts in zip(shas, found, strict=True):
                self.put(sha, facts)
                for i in todo[sha]:
                    out[i] = facts
        if progress is not None:
            progress(len(reports), len(reports))
        return out  # type: ignore[return-value]
