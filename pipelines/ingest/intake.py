"""Every raw report ends up ingested, a duplicate, or quarantined with its reason.

`intake(files, store)` takes RawFile records, snapshots the good ones and returns one
IntakeRecord per input, in input order, so that the counts always add up.

The inbox is a boundary (`walk_inbox`): links are never followed, special files (FIFOs,
sockets, devices), unreadable files and folders, folders named like files and entries with
names that are not UTF-8 (GBK bytes from an unzipped archive) are recorded as quarantined with
their reason, the name kept as escaped bytes (\\xb1\\xa8.txt); nothing there is fatal. A file's
size is checked before it is read (CHANJIAO_MAX_BYTES), and it is read in chunks, never past
the cap. Each new report must decode and extract within the time budget
(CHANJIAO_REPORT_SECONDS); the verdict is kept per content hash and extractor version, so a
refresh does not pay for it again.
"""

from __future__ import annotations

import errno
import json
import mimetypes
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.progress import Report, tracked

from . import budget
from .containers import container_problem
from .decode import DecodeError
from .decoded_cache import DecodedCache
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
        return asdict(self)


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


def check(raw: RawFile, decoded: DecodedCache | None = None, sha: str | None = None) -> tuple[str, str]:
    """(media type, reason to quarantine or ''). Decoding goes through the decoded cache when
    given, so bytes seen before are not decoded again."""
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
    try:
        with budget.report_budget():
            cache = decoded or DecodedCache(None)
            decoded_report = cache.report(sha or sha256_bytes(raw.data), raw.name, raw.data).decoded
    except budget.BudgetExceeded as exc:
        return media, str(exc)
    except (DecodeError, UnicodeDecodeError, LookupError) as exc:
        return media, f"cannot decode: {exc}"
    if not decoded_report.text.strip():
        return decoded_report.media_type, "no text after removing markup"
    return decoded_report.media_type, ""


def start_verdicts(
    items: list[tuple[RawFile, str]], store: SnapshotStore, decoded: DecodedCache, fan, facts=None
) -> Callable[[], dict[str, str]]:
    """Start the time-budget checks of items on `fan` (a parallel.Fanout); the function returned
    waits for them and gives sha256 → '' if the report decodes and extracts within the time
    budget, else the reason. A verdict is kept beside the snapshots per extractor version and
    reused while the budget is no tighter than the time it took (or, for a failure, no looser than
    the budget it failed). The reports without a verdict are extracted together, each under its
    own budget, on the fan's workers; the facts found go into `facts` (a FactCache), so that a cold
    refresh extracts each new report once, not once here and again in extraction."""
    from pipelines.extract import parallel
    from pipelines.extract.version import EXTRACTOR_VERSION

    seconds = budget.report_seconds()
    key = f"budget-{EXTRACTOR_VERSION}"
    out: dict[str, str] = {}
    todo: dict[str, RawFile] = {}
    for raw, sha in items:
        if sha in out or sha in todo:
            continue
        verdict = store.verdict(sha, key)
        if verdict is not None:
            if not verdict["reason"] and verdict["elapsed"] <= seconds:
                out[sha] = ""
                continue
            if verdict["reason"] and verdict["seconds"] >= seconds:
                out[sha] = verdict["reason"]
                continue
        todo[sha] = raw
    texts = [decoded.report(sha, raw.name, raw.data).text for sha, raw in todo.items()]
    pending = fan.submit(partial(parallel.extract_chunk_within, seconds=seconds), texts)

    def finish() -> dict[str, str]:
        for sha, (reason, found, elapsed) in zip(todo, pending(), strict=True):
            store.set_verdict(sha, key, {"reason": reason, "seconds": seconds, "elapsed": elapsed})
            if not reason and facts is not None:
                facts.put(sha, found)
            out[sha] = reason
        return out

    return finish


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
    Batches overlap: a batch's time-budget checks run on the workers while this process reads
    and decodes the next one; records are made batch by batch in input order."""
    from pipelines.extract.parallel import Fanout

    decoded = decoded or DecodedCache(None)
    seen: dict[str, str] = {}
    verdicts: dict[str, str] = {}  # every batch's, by sha256: a later duplicate needs its first copy's
    submitted: set[str] = set()
    records: list[IntakeRecord] = []
    now = datetime.now(UTC).replace(microsecond=0).isoformat()

    def finish(checked: list, pending: Callable[[], dict[str, str]]) -> None:
        verdicts.update(pending())
        for raw, sha, media, reason in checked:
            if not reason and sha not in seen and time_budget:
                reason = verdicts[sha]
            records.append(_record(raw, sha, media, reason, seen, store, now))
        store.flush()  # the batch's snapshots reach the disk together, before their records are kept

    with Fanout() as fan:
        before: tuple[list, Callable[[], dict[str, str]]] | None = None
        for batch in _batches(tracked(files, None, progress), BATCH, BATCH_BYTES):
            checked = []
            for raw in batch:
                sha = sha256_bytes(raw.data) if not raw.problem else ""
                checked.append((raw, sha, *check(raw, decoded, sha)))
            new = [(r, sha) for r, sha, _, why in checked if not why and sha not in submitted]
            submitted.update(sha for _, sha in new)
            pending = start_verdicts(new, store, decoded, fan, facts) if time_budget else dict
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
