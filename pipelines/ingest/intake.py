"""Every raw report ends up ingested, a duplicate, or quarantined with its reason.

`intake(files, store)` takes RawFile records, snapshots the good ones and returns one
IntakeRecord per input, in input order, so that the counts always add up.

The inbox is a boundary (`walk_inbox`): links are never followed, special files (FIFOs,
sockets, devices), unreadable files and folders, folders named like files and entries with
names that are not UTF-8 (GBK bytes from an unzipped archive) are recorded as quarantined with
their reason, the name kept as escaped bytes (\\xb1\\xa8.txt); nothing there is fatal. A file's
size is checked before it is read (CHANJIAO_MAX_BYTES), and it is read in chunks, never past
the cap. Each new report must decode and extract within the time budget
(CHANJIAO_REPORT_SECONDS), both done on the refresh's workers (first_read.py) while this process
reads, hashes and snapshots the next batch; the verdict is kept per content hash and extractor
version, so a refresh does not pay for it again.
"""

from __future__ import annotations

import errno
import json
import mimetypes
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.progress import Report, tracked

from . import budget, first_read
from .containers import container_problem
from .decoded_cache import DecodedCache, summary_of
from .formats import MEDIA_TYPES
from .snapshots import SnapshotStore, escaped, sha256_bytes

if TYPE_CHECKING:
    import pandas as pd

SUPPORTED_SUFFIXES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    **MEDIA_TYPES,  # PDF, DOCX, XLSX/XLS, CSV (formats/)
}
# Suffixes a report file may have: a folder named so is mistaken for a file.
REPORT_SUFFIXES = set(SUPPORTED_SUFFIXES) | {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".csv", ".zip"}
MAX_BYTES = budget.DEFAULT_MAX_BYTES  # the default of CHANJIAO_MAX_BYTES
READ_CHUNK = 1024 * 1024

INGESTED, DUPLICATE, QUARANTINED = "ingested", "duplicate", "quarantined"
DECLARED_FIELDS = ("institution", "publisher", "date", "title", "url")


@dataclass(frozen=True)
class RawFile:
    origin: str  # path or URL as given
    name: str  # file name
    data: bytes
    extra: dict | None = None  # provenance from the fetcher (url, fetched_at, etag …)
    problem: str = ""  # why the entry could not be read (then data is empty)
    size: int | None = None  # size on disk where it differs from len(data) (not read)


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
        return dict(self.__dict__)  # asdict's deep copy, of str and int fields, cost 65 µs a record


def report_id_of(sha: str) -> str:
    return sha[:16]


@dataclass(frozen=True)
class Entry:
    """One entry of the inbox as `lstat` sees it: nothing followed, nothing opened."""

    path: bytes  # absolute, as bytes (names need not be UTF-8)
    rel: str  # relative to the inbox, escaped where not UTF-8
    name: str  # the last part of rel
    size: int
    mtime_ns: int
    problem: str  # why it is not read as a report ('' for a regular file)


_KINDS = (
    (stat.S_ISFIFO, "special file (a FIFO)"),
    (stat.S_ISSOCK, "special file (a socket)"),
    (stat.S_ISCHR, "special file (a character device)"),
    (stat.S_ISBLK, "special file (a block device)"),
)


def _link_problem(path: bytes) -> str:
    try:
        target = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: links are never followed"
        return "dangling symbolic link: links are never followed"
    what = "a folder" if stat.S_ISDIR(target.st_mode) else "a file"
    return f"symbolic link to {what}: links are never followed (they may lead out of the inbox)"


def walk_inbox(folder: Path) -> Iterator[Entry]:
    """Every non-hidden entry below folder, in a stable order (by name bytes), descending into
    real folders only. Regular files come with problem ''; everything else that is not a plain
    folder comes with the reason it is not read."""
    root = os.fsencode(Path(folder).resolve())

    def walk(dir_path: bytes, rel: bytes) -> Iterator[Entry]:
        try:
            with os.scandir(dir_path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if rel:  # an unreadable folder inside the inbox is a record; the inbox itself must be readable
                yield Entry(
                    dir_path, escaped(rel), escaped(os.path.basename(rel)), 0, 0, f"unreadable folder: {exc.strerror}"
                )
                return
            raise
        for e in entries:
            if e.name.startswith(b"."):
                continue
            sub = os.path.join(rel, e.name) if rel else e.name
            rel_s, name_s = escaped(sub), escaped(e.name)
            try:
                st = e.stat(follow_symlinks=False)
            except OSError as exc:
                yield Entry(e.path, rel_s, name_s, 0, 0, f"cannot be read: {exc.strerror}")
                continue
            bad_name = "" if _utf8(sub) else "badly named: the name is not UTF-8 (kept as escaped bytes); "
            if stat.S_ISLNK(st.st_mode):
                yield Entry(e.path, rel_s, name_s, st.st_size, st.st_mtime_ns, bad_name + _link_problem(e.path))
            elif stat.S_ISDIR(st.st_mode):
                if Path(name_s).suffix.lower() in REPORT_SUFFIXES:
                    yield Entry(e.path, rel_s, name_s, 0, st.st_mtime_ns, "a folder named like a report file")
                yield from walk(e.path, sub)
            elif stat.S_ISREG(st.st_mode):
                yield Entry(e.path, rel_s, name_s, st.st_size, st.st_mtime_ns, bad_name.rstrip("; "))
            else:
                kind = next((k for test, k in _KINDS if test(st.st_mode)), "special file")
                yield Entry(e.path, rel_s, name_s, 0, st.st_mtime_ns, f"{kind}: not a report")

    yield from walk(root, b"")


def _utf8(name: bytes) -> bool:
    try:
        name.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def read_capped(path: bytes | str, limit: int) -> bytes:
    """The bytes of a regular file, read in chunks and never past limit (ValueError if the file
    is larger, OSError if it cannot be opened). The file is opened without following a link and
    without blocking, and must still be a regular file once open."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if st.st_size > limit:
            raise ValueError(st.st_size)
        chunks, total = [], 0
        while chunk := fh.read(min(READ_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ValueError(total)
        return b"".join(chunks)


def too_large(size: int, limit: int) -> str:
    return f"too large: {size} bytes (limit {limit}, CHANJIAO_MAX_BYTES)"


def scan_folder(folder: Path, max_size: int | None = None) -> Iterator[RawFile]:
    """Every entry below folder (hidden ones skipped), in a stable order, as a RawFile: the
    bytes of each readable regular file within the size cap, and for every other entry the
    reason it was not read. The origin is the path relative to the folder, so records do not
    depend on where the inbox lives."""
    limit = budget.max_bytes() if max_size is None else max_size
    for entry in walk_inbox(folder):
        if entry.problem:
            yield RawFile(entry.rel, entry.name, b"", problem=entry.problem, size=entry.size)
            continue
        if entry.size > limit:
            yield RawFile(entry.rel, entry.name, b"", problem=too_large(entry.size, limit), size=entry.size)
            continue
        try:
            data = read_capped(entry.path, limit)
        except ValueError as exc:
            yield RawFile(entry.rel, entry.name, b"", problem=too_large(exc.args[0], limit), size=exc.args[0])
            continue
        except OSError as exc:
            reason = (
                "unreadable: permission denied"
                if exc.errno in (errno.EACCES, errno.EPERM)
                else (f"unreadable: {exc.strerror or exc}")
            )
            yield RawFile(entry.rel, entry.name, b"", problem=reason, size=entry.size)
            continue
        yield RawFile(entry.rel, entry.name, data)


def precheck(raw: RawFile) -> tuple[str, str]:
    """(media type, reason to quarantine or ''), from what needs no decoding: the entry's
    problem, emptiness, size, container and suffix."""
    suffix = Path(raw.name).suffix.lower()
    media = SUPPORTED_SUFFIXES.get(suffix) or mimetypes.guess_type(raw.name)[0] or "application/octet-stream"
    if raw.problem:
        return media, raw.problem
    if not raw.data.strip():
        return media, "empty file" if not raw.data else "empty file (only white space)"
    limit = budget.max_bytes()
    if len(raw.data) > limit:
        return media, too_large(len(raw.data), limit)
    problem = container_problem(raw.name, raw.data)
    if problem:
        return media, problem
    if suffix not in SUPPORTED_SUFFIXES:
        return (
            media,
            f"unsupported file type {suffix or '(none)'}: only text, HTML, PDF, DOCX, XLSX/XLS and CSV reports are read",
        )
    return media, ""


def decoded_outcome(summary: dict, media: str) -> tuple[str, str]:
    """(media type, reason or '') of a report by the summary of its decoded-cache entry
    (decoded_cache.summary_of; media: the name's)."""
    if "error" in summary:
        return media, f"cannot decode: {summary['error']}"
    if summary["blank"]:
        return summary["media_type"], "no text after removing markup"
    return summary["media_type"], ""


@dataclass
class _Checked:
    """A file of a batch on its way to its record: reason None while its decoding is out."""

    raw: RawFile
    sha: str
    media: str
    reason: str | None
    key: str = ""  # its decoded-cache key ('' when it was not to be decoded)


class _Reading:
    """One intake's decoding outcomes and time-budget verdicts, by decoded-cache key and sha256,
    across its batches: each distinct report is read once, in its first batch, and a later copy
    (or a copy in the same batch) takes the first one's outcome when that batch finishes."""

    def __init__(self, store: SnapshotStore, decoded: DecodedCache, facts, time_budget: bool):
        from pipelines.extract.version import EXTRACTOR_VERSION

        self.store, self.decoded, self.facts, self.time_budget = store, decoded, facts, time_budget
        self.seconds = budget.report_seconds()  # for decoding, and for extraction apart
        self.verdict_key = f"budget-{EXTRACTOR_VERSION}"
        self.outcomes: dict[str, tuple[str, str]] = {}  # key → (media type, reason)
        self.asked: set[str] = set()  # keys out for decoding
        self.verdicts: dict[str, str] = {}  # sha256 → '' or why it is over the budget
        self.submitted: set[str] = set()  # sha256s whose verdict is known or out

    def check(self, raw: RawFile, sha: str) -> _Checked:
        media, reason = precheck(raw)
        if reason:
            return _Checked(raw, sha, media, reason)
        key = self.decoded.key(sha, raw.name)
        if key in self.outcomes:
            return _Checked(raw, sha, *self.outcomes[key], key)
        if key in self.asked:
            return _Checked(raw, sha, media, None, key)
        summary = self.decoded.summary(key)
        if summary is None:
            return _Checked(raw, sha, media, None, key)
        self.outcomes[key] = decoded_outcome(summary, media)
        return _Checked(raw, sha, *self.outcomes[key], key)

    def _known_verdict(self, sha: str) -> bool:
        """Whether sha's verdict is known (kept from an earlier refresh and still valid under
        the budget) or on its way; sets it when kept."""
        if sha in self.submitted:
            return True
        verdict = self.store.verdict(sha, self.verdict_key)
        if verdict is not None:
            if not verdict["reason"] and verdict["elapsed"] <= self.seconds:
                self.verdicts[sha] = ""
            elif verdict["reason"] and verdict["seconds"] >= self.seconds:
                self.verdicts[sha] = verdict["reason"]
        self.submitted.add(sha)
        return sha in self.verdicts

    def start(self, checked: list[_Checked], fan) -> Callable[[], None]:
        """Start the batch's work on `fan` (a parallel.Fanout): the new reports decoded and,
        where their verdict is not known, extracted each under its own budget (first_read.py);
        the facts found go into `facts` (a FactCache), so that a cold refresh extracts each new
        report once, not once here and again in extraction. A verdict is kept beside the
        snapshots per extractor version and reused while the budget is no tighter than the time
        it took (or, for a failure, no looser than the budget it failed). The function returned
        waits for the work and records what it gave."""
        jobs: list[first_read.Job] = []
        meta: list[tuple[str, str, str]] = []  # per job: key (to decode), sha (to extract), media
        for c in checked:
            if c.reason is None and c.key not in self.asked:  # new bytes: decoded, and checked if wanted
                self.asked.add(c.key)
                extract = self.time_budget and not self._known_verdict(c.sha)
                jobs.append(first_read.Job(c.raw.name, c.raw.data, extract=extract))
                meta.append((c.key, c.sha if extract else "", c.media))
            elif c.reason == "" and self.time_budget and not self._known_verdict(c.sha):  # decoded before
                entry = self.decoded.entry(c.key)
                if entry is None:  # its summary outlived its entry (a torn value): decoded again, in budget
                    self.asked.add(c.key)
                    jobs.append(first_read.Job(c.raw.name, c.raw.data, extract=True))
                    meta.append((c.key, c.sha, c.media))
                else:
                    jobs.append(first_read.Job(c.raw.name, text=first_read.entry_text(entry), extract=True))
                    meta.append(("", c.sha, c.media))
        work = partial(first_read.read_chunk, decode_seconds=self.seconds, extract_seconds=self.seconds)
        pending = fan.submit(work, jobs, [j.size for j in jobs])

        def finish() -> None:
            reads = pending()
            facts = self.facts.batch() if self.facts is not None else nullcontext()
            with self.decoded.batch(), self.store.verdict_batch(), facts:
                self._keep(meta, reads)

        return finish

    def _keep(self, meta: list[tuple[str, str, str]], reads: list[first_read.Read]) -> None:
        """Cache and record what the workers read: entries, outcomes, verdicts, facts."""
        for (key, sha, media), read in zip(meta, reads, strict=True):
            if key:
                if read.entry is None:  # out of time: not kept (it depends on the budget)
                    self.outcomes[key] = (media, read.decode_reason)
                else:
                    self.decoded.keep(key, read.entry)
                    self.outcomes[key] = decoded_outcome(summary_of(read.entry), media)
            if sha and read.verdict is not None:
                reason, found, elapsed = read.verdict
                self.store.set_verdict(
                    sha, self.verdict_key, {"reason": reason, "seconds": self.seconds, "elapsed": elapsed}
                )
                if not reason and self.facts is not None:
                    self.facts.put(sha, found)
                self.verdicts[sha] = reason

    def _verdict_here(self, c: _Checked) -> str:
        """The time-budget verdict of a file checked in this process, decoding and extraction each
        under its own budget as on the workers."""
        try:
            with budget.report_budget(self.seconds):
                text = self.decoded.report(c.sha, c.raw.name, c.raw.data).text
        except budget.BudgetExceeded as exc:
            return str(exc)
        job = first_read.Job(c.raw.name, text=text, extract=True)
        return first_read.read_chunk([job], self.seconds, self.seconds)[0].verdict[0]

    def reason(self, c: _Checked, first_copy: bool) -> tuple[str, str]:
        """(media type, reason) of a checked file once its batch's work is done."""
        media, reason = (c.media, c.reason) if c.reason is not None else self.outcomes[c.key]
        if not reason and first_copy and self.time_budget:
            if c.sha not in self.verdicts:  # its bytes were asked about under a name that did not decode
                self.verdicts[c.sha] = self._verdict_here(c)
            reason = self.verdicts[c.sha]
        return media, reason


# Files held at once while their time-budget checks run together on the cores: at most this
# many, and no more bytes than BATCH_BYTES once the batch has one file (memory stays bounded).
BATCH = 512
BATCH_BYTES = 32 * 1024 * 1024


def _batches(files: Iterable[RawFile], size: int = BATCH, max_bytes: int = BATCH_BYTES) -> Iterator[list[RawFile]]:
    batch: list[RawFile] = []
    held = 0
    for f in files:
        batch.append(f)
        held += len(f.data)
        if len(batch) == size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def intake(
    files: Iterable[RawFile],
    store: SnapshotStore,
    time_budget: bool = True,
    decoded: DecodedCache | None = None,
    progress: Report | None = None,
    facts=None,
) -> list[IntakeRecord]:
    """One record per file; decoding goes through `decoded` (a cache in memory when None), and
    the facts the time-budget check extracts go into `facts` (a FactCache) when given.
    Batches overlap: a batch's new reports are decoded and checked on the workers while this
    process reads, hashes and snapshots the next one; records are made batch by batch in input
    order."""
    from pipelines.extract.parallel import Fanout

    reading = _Reading(store, decoded or DecodedCache(None), facts, time_budget)
    seen: dict[str, str] = {}
    records: list[IntakeRecord] = []
    now = datetime.now(UTC).replace(microsecond=0).isoformat()

    def finish(checked: list[_Checked], pending: Callable[[], None]) -> None:
        pending()
        for c in checked:
            media, reason = reading.reason(c, c.sha not in seen)
            records.append(_record(c.raw, c.sha, media, reason, seen, store, now))
        store.flush()  # the batch's snapshots reach the disk together, before their records are kept

    with Fanout() as fan:
        before: tuple[list[_Checked], Callable[[], None]] | None = None
        for batch in _batches(tracked(files, None, progress), BATCH, BATCH_BYTES):
            checked = [reading.check(raw, sha256_bytes(raw.data) if not raw.problem else "") for raw in batch]
            pending = reading.start(checked, fan)
            if before is not None:
                finish(*before)
            before = (checked, pending)
        if before is not None:
            finish(*before)
    return records


def _record(
    raw: RawFile, sha: str, media: str, reason: str, seen: dict[str, str], store: SnapshotStore, now: str
) -> IntakeRecord:
    """The file's record: quarantined with its reason, a duplicate of an earlier file, or
    ingested (its bytes put in the snapshot store)."""
    if reason:
        status, dup = QUARANTINED, ""
    elif sha in seen:
        status, dup, reason = DUPLICATE, seen[sha], f"same bytes as {seen[sha]}"
    else:
        status, dup = INGESTED, ""
        seen[sha] = raw.name
        store.put(
            raw.data,
            {"origin": raw.origin, "file_name": raw.name, "media_type": media, "first_seen": now, **(raw.extra or {})},
            durable=False,  # flushed with the rest of its batch
        )
    declared = {k: raw.extra[k] for k in DECLARED_FIELDS if raw.extra and raw.extra.get(k)}
    return IntakeRecord(
        raw.origin,
        raw.name,
        sha,
        report_id_of(sha),
        raw.size if raw.size is not None else len(raw.data),
        media,
        status,
        reason,
        dup,
        json.dumps(declared, ensure_ascii=False, sort_keys=True) if declared else "",
    )


def intake_frame(records: Iterable[IntakeRecord]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([r.to_dict() for r in records], columns=list(IntakeRecord.__dataclass_fields__))


def counts_add_up(df: pd.DataFrame) -> dict[str, int]:
    """Files seen, and how many ended ingested, duplicate or quarantined: every file is exactly
    one of them (AssertionError otherwise, a bug rather than data)."""
    counts = df["status"].value_counts().to_dict() if len(df) else {}
    out = {
        "files_seen": len(df),
        "ingested": int(counts.get(INGESTED, 0)),
        "duplicates": int(counts.get(DUPLICATE, 0)),
        "quarantined": int(counts.get(QUARANTINED, 0)),
    }
    unknown = set(counts) - {INGESTED, DUPLICATE, QUARANTINED}
    if unknown or out["ingested"] + out["duplicates"] + out["quarantined"] != out["files_seen"]:
        raise AssertionError(f"intake lost files: {out}, unknown statuses {unknown}")
    if len(df) and (df.loc[df["status"] == QUARANTINED, "reason"] == "").any():
        raise AssertionError("a quarantined file has no reason")
    return out
