"""Immutable, content-addressed snapshots of raw reports, with provenance beside each.

<root>/<sha[:2]>/<sha>            the bytes, written once (temp file + rename)
<root>/<sha[:2]>/<sha>.json       provenance: sha256, size, media type, origin (path or
                                  url), first seen, and for URLs the HTTP validators
<root>/verdicts/<key>/<sha>.json  verdicts on a content (whether it fits the time budget)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pipelines.atomic import flush, write_atomic
from pipelines.keyed_store import KeyedStore


def escaped(name: bytes | str) -> str:
    """A file name as text: UTF-8 as it is, any other byte as \\xNN (GBK names from an unzipped
    archive, say), so that it can be recorded, published and hashed without raising."""
    if isinstance(name, str):
        name = name.encode("utf-8", errors="surrogateescape")
    return name.decode("utf-8", errors="backslashreplace")


def _clean(value):
    """Provenance values with any undecodable file-name characters escaped."""
    if isinstance(value, str):
        return escaped(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    sha256: str
    path: Path
    provenance: dict


class SnapshotStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._unflushed: list[Path] = []  # written by put(durable=False), for flush()
        self._verdicts = KeyedStore(self.root / "verdicts")

    def blob_path(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.blob_path(sha).exists()

    def put(self, data: bytes, provenance: dict, durable: bool = True) -> Snapshot:
        """The snapshot of data, written unless the store has it. durable=False leaves the flush
        to disk to flush(), which a caller putting many snapshots calls once before it records
        them (a blob torn by a crash before that has the wrong size, and is written again)."""
        sha = sha256_bytes(data)
        blob = self.blob_path(sha)
        meta_path = blob.with_name(sha + ".json")
        if not blob.exists() or blob.stat().st_size != len(data):
            write_atomic(blob, data, durable=durable)
            if not durable:
                self._unflushed.append(blob)
        meta = None
        if meta_path.exists():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except ValueError:  # torn by a crash before its flush: written again below
                meta = None
        if meta is None:
            meta = {"sha256": sha, "size": len(data), **_clean(provenance)}
            write_atomic(
                meta_path, json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True).encode(), durable=durable
            )
            if not durable:
                self._unflushed.append(meta_path)
        return Snapshot(sha, blob, meta)

    def flush(self) -> None:
        """Flush to disk what put(durable=False) wrote."""
        flush(self._unflushed)
        self._unflushed = []

    def verdict(self, sha: str, key: str) -> dict | None:
        """A recorded verdict on a snapshot's content (e.g. whether it fits the time budget)."""
        return self._verdicts.get(sha, key)

    def set_verdict(self, sha: str, key: str, verdict: dict) -> None:
        """Kept as a cache entry (pipelines/keyed_store.py): a lost one is checked again."""
        self._verdicts.put(sha, verdict, key)

    def verdict_batch(self):
        """Verdicts set inside share one transaction (keyed_store.KeyedStore.batch)."""
        return self._verdicts.batch()

    def get(self, sha: str) -> bytes:
        data = self.blob_path(sha).read_bytes()
        if sha256_bytes(data) != sha:
            raise ValueError(f"snapshot {sha} is corrupt: its bytes no longer hash to its name")
        return data
