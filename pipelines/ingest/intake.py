"""Every raw report ends up ingested, a duplicate, or quarantined with its reason.

`intake(files, store)` takes (origin, bytes) pairs, snapshots the good ones and returns one
IntakeRecord per input, in input order, so that the counts always add up.
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from .decode import DecodeError, decode_report
from .formats import MEDIA_TYPES
from .snapshots import SnapshotStore, sha256_bytes

SUPPORTED_SUFFIXES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    **MEDIA_TYPES,  # PDF, DOCX, XLSX/XLS, CSV (formats/)
}
MAX_BYTES = 20 * 1024 * 1024

INGESTED, DUPLICATE, QUARANTINED = "ingested", "duplicate", "quarantined"
DECLARED_FIELDS = ("institution", "publisher", "date", "title", "url")


@dataclass(frozen=True)
class RawFile:
    origin: str  # path or URL as given
    name: str  # file name
    data: bytes
    extra: dict | None = None  # provenance from the fetcher (url, fetched_at, etag …)


@dataclass(frozen=True)
class IntakeRecord:
    origin: str
    file_name: str
    sha256: str
    report_id: str
    size_bytes: int
    media_type: str
    status: str
    reason: str
    duplicate_of: str
    declared: str = ""  # JSON of metadata declared by the source list (institution, publisher, date, title)

    def to_dict(self) -> dict:
        return asdict(self)


def report_id_of(sha: str) -> str:
    return sha[:16]


def scan_folder(folder: Path) -> Iterator[RawFile]:
    """Every regular file below folder (hidden files skipped), in a stable order. The origin
    is the path relative to the folder, so records do not depend on where the inbox lives."""
    folder = Path(folder)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        yield RawFile(origin=rel.as_posix(), name=path.name, data=path.read_bytes())


def check(raw: RawFile) -> tuple[str, str]:
    """(media type, reason to quarantine or '')."""
    suffix = Path(raw.name).suffix.lower()
    media = SUPPORTED_SUFFIXES.get(suffix) or mimetypes.guess_type(raw.name)[0] or "application/octet-stream"
    if suffix not in SUPPORTED_SUFFIXES:
        return (
            media,
            f"unsupported file type {suffix or '(none)'}: only text, HTML, PDF, DOCX, XLSX/XLS and CSV reports are read",
        )
    if not raw.data.strip():
        return media, "empty file"
    if len(raw.data) > MAX_BYTES:
        return media, f"too large: {len(raw.data)} bytes (limit {MAX_BYTES})"
    try:
        decoded = decode_report(raw.data, raw.name)
    except (DecodeError, UnicodeDecodeError, LookupError) as exc:
        return media, f"cannot decode: {exc}"
    if not decoded.text.strip():
        return decoded.media_type, "no text after removing markup"
    return decoded.media_type, ""


def intake(files: Iterable[RawFile], store: SnapshotStore) -> list[IntakeRecord]:
    seen: dict[str, str] = {}
    records = []
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    for raw in files:
        sha = sha256_bytes(raw.data)
        rid = report_id_of(sha)
        media, reason = check(raw)
        if reason:
            status, dup = QUARANTINED, ""
        elif sha in seen:
            status, dup, reason = DUPLICATE, seen[sha], f"same bytes as {seen[sha]}"
        else:
            status, dup = INGESTED, ""
            seen[sha] = raw.name
            store.put(
                raw.data,
                {
                    "origin": raw.origin,
                    "file_name": raw.name,
                    "media_type": media,
                    "first_seen": now,
                    **(raw.extra or {}),
                },
            )
        declared = {k: raw.extra[k] for k in DECLARED_FIELDS if raw.extra and raw.extra.get(k)}
        records.append(
            IntakeRecord(
                raw.origin,
                raw.name,
                sha,
                rid,
                len(raw.data),
                media,
                status,
                reason,
                dup,
                json.dumps(declared, ensure_ascii=False, sort_keys=True) if declared else "",
            )
        )
    return records


def intake_frame(records: Iterable[IntakeRecord]) -> pd.DataFrame:
    return pd.DataFrame([r.to_dict() for r in records], columns=list(IntakeRecord.__dataclass_fields__))
