"""Decoded reports (text, every field of `Decoded`, and the metadata read from it), cached by
content hash, by what the file name tells the decoder (its suffix) and by decoder version.

A refresh reads every inbox file to hash it, but decodes (encoding detection, HTML to text,
PDF/DOCX/XLSX rendering) and reads metadata only for bytes it has not seen: intake's decode
check, its time-budget check and the texts frame all go through here. A change to the code of
ingest/ (formats/ included) gives a new DECODER_VERSION, so an entry never outlives the code
that made it. A DecodeError is remembered too (the same bytes fail the same way); running out
of the time budget is not, as it depends on the budget.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pipelines.keyed_store import KeyedStore

from .decode import Decoded, DecodeError
from .formats import Location
from .metadata import ReportMeta
from .reports import Report, read_report

_HERE = Path(__file__).parent


def _code_fingerprint() -> str:
    h = hashlib.sha256()
    for path in sorted([*_HERE.glob("*.py"), *(_HERE / "formats").glob("*.py")]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


DECODER_VERSION = _code_fingerprint()


def report_to_json(report: Report) -> dict:
    """Every field of Decoded and ReportMeta, generically (a new field is cached without a
    change here as long as it is JSON, a tuple of Location, or a date)."""
    decoded = {f.name: getattr(report.decoded, f.name) for f in dataclasses.fields(Decoded)}
    decoded["locations"] = [dataclasses.asdict(loc) for loc in report.decoded.locations]
    meta = {f.name: getattr(report.meta, f.name) for f in dataclasses.fields(ReportMeta)}
    meta["published"] = meta["published"].isoformat() if meta["published"] else None
    meta["abbreviations"] = list(meta["abbreviations"])
    return {"name": report.name, "decoded": decoded, "meta": meta}


def report_from_json(entry: dict) -> Report:
    d = dict(entry["decoded"])
    d["locations"] = tuple(Location(**loc) for loc in d["locations"])
    m = dict(entry["meta"])
    m["published"] = date.fromisoformat(m["published"]) if m["published"] else None
    m["abbreviations"] = tuple(m["abbreviations"])
    return Report(entry["name"], Decoded(**d), ReportMeta(**m))


class DecodedCache:
    """Decoded reports keyed by sha256 and file suffix, in one SQLite file of entries per decoder
    version (pipelines/keyed_store.py); root None keeps nothing on disk. The last report is also
    kept in memory (intake asks twice in a row: decode check, time budget), only the last, so that
    a run holds one report's text at a time."""

    def __init__(self, root: Path | None, version: str = DECODER_VERSION):
        self.dir = Path(root) / "decoded" / version if root else None
        self.entries = KeyedStore(self.dir)
        self.version = version
        self.hits = 0
        self.misses = 0
        self._last: tuple[str, dict] | None = None

    def key(self, sha256: str, name: str) -> str:
        """An entry's key: the bytes' hash and what the name tells the decoder (its suffix)."""
        return f"{sha256}{Path(name).suffix.lower()}"

    def entry(self, key: str) -> dict | None:
        """The cached entry under key (as decoded_entry made it), or None: nothing is decoded."""
        entry = self._last[1] if self._last and self._last[0] == key else None
        if entry is None:
            entry = self.entries.get(key)  # None where missing or torn
        if entry is not None:
            self.hits += 1
            self._last = (key, entry)
        return entry

    def keep(self, key: str, entry: dict) -> None:
        """Cache an entry decoded here or elsewhere (decoded_entry on a worker process), and its
        summary beside it."""
        self.misses += 1
        self.entries.put(key, entry)
        self.entries.put(key, summary_of(entry), kind=SUMMARY)
        self._last = (key, entry)

    def summary(self, key: str) -> dict | None:
        """What intake asks of bytes decoded before (summary_of their entry) without reading
        their text: at 10,000 reports the whole entries were 57 MB of JSON parsed on every
        refresh only to learn that each report decodes. None where nothing is cached."""
        found = self.entries.get(key, kind=SUMMARY)
        if found is None:  # an entry kept without one (a torn batch): read the entry itself
            entry = self.entry(key)
            return None if entry is None else summary_of(entry)
        self.hits += 1
        return found

    def batch(self):
        """Entries kept inside share one transaction (keyed_store.KeyedStore.batch)."""
        return self.entries.batch()

    def report(self, sha256: str, name: str, data: bytes | Callable[[], bytes]) -> Report:
        """The decoded report, as read_report gives it (its name the one given here); raises
        DecodeError as decoding would. `data` may be a function, called only on a miss (a hit
        reads no bytes). Call under a time budget to bound a miss."""
        key = self.key(sha256, name)
        entry = self.entry(key)
        if entry is None:
            entry = decoded_entry(data() if callable(data) else data, name)
            self.keep(key, entry)
        return from_entry(entry, name)


SUMMARY = "summary"  # the keyed store's kind of the summaries beside the entries


def summary_of(entry: dict) -> dict:
    """An entry without its text: the decode error, or the media type and whether any text is left."""
    if "error" in entry:
        return {"error": entry["error"]}
    decoded = entry["decoded"]
    return {"media_type": decoded["media_type"], "blank": not decoded["text"].strip()}


def decoded_entry(data: bytes, name: str) -> dict:
    """What the cache keeps of the bytes: the decoded report, or the reason they do not decode
    (the same bytes fail the same way). Pure: intake runs it on worker processes."""
    try:
        return report_to_json(read_report(data, name))
    except (DecodeError, UnicodeDecodeError, LookupError) as exc:
        return {"error": str(exc)}


def from_entry(entry: dict, name: str) -> Report:
    """The report an entry holds, under this name; DecodeError for an entry of bytes that do not decode."""
    if "error" in entry:
        raise DecodeError(entry["error"])
    report = report_from_json(entry)
    return report if report.name == name else dataclasses.replace(report, name=name)
