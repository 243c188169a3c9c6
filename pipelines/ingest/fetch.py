"""Fetch the report URLs listed in sources.yaml into the snapshot store (plain Python, no Dagster).

    sources.yaml → GET every url (conditional, retried, a few at a time, User-Agent chanjiao)
                 → <data>/snapshots/<sha[:2]>/<sha>  (+ <sha>.json provenance)
                 → <data>/fetched/index.json  {url: {file_name, sha256, fetched_at, etag,
                                                     last_modified, institution, publisher, date}}

The index is what `pipelines.ingest.sources.fetched_reports` reads for intake. A 304 keeps the previous
snapshot; a URL that fails (timeout, refused connection, 404, 5xx after the retries …) is
reported with its reason and keeps its previous snapshot if it had one — it never raises. URLs
no longer listed in sources.yaml leave the index (their snapshots stay in the store).

No server can hang or fill us: every request has a timeout, every URL an overall deadline (a
server trickling a byte at a time is cut off), the whole fetch a deadline of its own, a body is
capped in size (a declared Content-Length over the cap is refused before reading), a Retry-After
longer than `max_retry_after` is not waited for, and a 200 whose body does not decode as a report
(a binary file, an error page in another format) is a failure that keeps the last good snapshot.
A stop (SIGTERM mapped to KeyboardInterrupt, as a Dagster run worker does) stops every
worker at its next chunk or wait, and the index is left as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import yaml

from pipelines.atomic import write_atomic
from pipelines.ingest.decode import DecodeError, decode_report
from pipelines.ingest.intake import MAX_BYTES
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.ingest.sources import INDEX, read_index

log = logging.getLogger(__name__)

USER_AGENT = (
    "chanjiao/0.1 (open dataset of vocational-college industry-education reports; "
    "polite fetcher: conditional requests, at most a few at a time)"
)
SOURCE_FIELDS = ("url", "file_name", "institution", "publisher", "date")
INDEX_FIELDS = ("file_name", "sha256", "fetched_at", "etag", "last_modified", "institution", "publisher", "date")
FETCHED, NOT_MODIFIED, FAILED = "fetched", "not_modified", "failed"


class SourcesError(ValueError):
    """sources.yaml is malformed (the message says where)."""


@dataclass(frozen=True)
class Source:
    url: str
    file_name: str  # the name intake sees; its suffix (.html, .txt) decides how it is decoded
    institution: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO date the report was published, if known


@dataclass(frozen=True)
class FetchConfig:
    timeout: float = 30.0  # seconds, for each of connect / read / write / pool
    retries: int = 3  # attempts after the first, on connection errors, 5xx and 429
    backoff: float = 1.0  # the first retry waits this long, then twice as long each time …
    max_backoff: float = 60.0  # … up to this (a longer Retry-After is capped too)
    max_retry_after: float = 30.0  # a server asking for a longer wait is not retried this run
    url_deadline: float = 120.0  # seconds for one URL, all attempts and waits included
    run_deadline: float = 900.0  # seconds for the whole fetch
    concurrency: int = 3  # requests in flight at once
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Outcome:
    url: str
    status: str  # fetched | not_modified | failed
    http_status: int | None = None
    reason: str = ""  # why it failed ('' otherwise)
    attempts: int = 0
    sha256: str | None = None  # the snapshot the index now points to, if any


@dataclass(frozen=True)
class FetchSummary:
    outcomes: tuple[Outcome, ...]
    removed: tuple[str, ...] = ()  # URLs dropped from the index because sources.yaml no longer lists them

    def urls(self, status: str) -> list[str]:
        return [o.url for o in self.outcomes if o.status == status]

    @property
    def fetched(self) -> list[str]:
        return self.urls(FETCHED)

    @property
    def not_modified(self) -> list[str]:
        return self.urls(NOT_MODIFIED)

    @property
    def failed(self) -> dict[str, str]:
        return {o.url: o.reason for o in self.outcomes if o.status == FAILED}

    def to_dict(self) -> dict:
        return {
            "fetched": self.fetched,
            "not_modified": self.not_modified,
            "failed": self.failed,
            "removed": list(self.removed),
            "outcomes": [asdict(o) for o in self.outcomes],
        }


# -- sources.yaml ---------------------------------------------------------------------------------


def read_sources(path: Path) -> list[Source]:
    """The sources listed in a sources.yaml; [] when the file does not exist."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourcesError(f"{path}: not valid YAML: {exc}") from exc
    return parse_sources(doc, str(path))


def parse_sources(doc: object, where: str = "sources") -> list[Source]:
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("sources") or [], list):
        raise SourcesError(f"{where}: expected a mapping with a `sources:` list")
    out: list[Source] = []
    for i, item in enumerate(doc.get("sources") or [], 1):
        at = f"{where}: source #{i}"
        if not isinstance(item, dict):
            raise SourcesError(f"{at}: expected a mapping with url, file_name, institution, publisher, date")
        unknown = sorted(set(item) - set(SOURCE_FIELDS))
        if unknown:
            raise SourcesError(f"{at}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(SOURCE_FIELDS)})")
        url = _text(item.get("url")) or ""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SourcesError(f"{at}: url must be an http(s) URL, got {url!r}")
        file_name = _text(item.get("file_name")) or ""
        if not file_name or "/" in file_name or "\\" in file_name or file_name.startswith("."):
            raise SourcesError(f"{at}: file_name must be a plain file name such as report.html, got {file_name!r}")
        if any(s.url == url for s in out):
            raise SourcesError(f"{at}: {url} is listed twice")
        out.append(
            Source(
                url,
                file_name,
                _text(item.get("institution")),
                _text(item.get("publisher")),
                _iso_date(item.get("date"), at),
            )
        )
    return out


def _text(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _iso_date(value: object, at: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):  # YAML reads 2024-05-10 as a date
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError as exc:
        raise SourcesError(f"{at}: date must be YYYY-MM-DD, got {value!r}") from exc


# -- one URL --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    """What one URL gave: an Outcome and, when fetched, the body and validators."""

    outcome: Outcome
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    final_url: str | None = None


class _TooLarge(Exception):
    pass


class _Deadline(Exception):
    pass


class _Stopped(Exception):
    pass


@dataclass(frozen=True)
class Budget:
    """When one URL's work must end (its own deadline or the run's, whichever is first), and the
    event that asks every worker to stop."""

    until: float  # time.monotonic() value
    stop: threading.Event

    def left(self) -> float:
        return self.until - time.monotonic()

    def check(self) -> None:
        if self.stop.is_set():
            raise _Stopped
        if self.left() <= 0:
            raise _Deadline

    def wait(self, seconds: float) -> None:
        """Sleep, but never past the deadline, and wake at once when asked to stop."""
        if seconds >= self.left():
            raise _Deadline
        if self.stop.wait(max(0.0, seconds)):
            raise _Stopped


def conditional_headers(previous: dict | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the previous snapshot's validators."""
    headers = {}
    if previous and previous.get("etag"):
        headers["If-None-Match"] = previous["etag"]
    if previous and previous.get("last_modified"):
        headers["If-Modified-Since"] = previous["last_modified"]
    return headers


def retry_delay(retry: int, config: FetchConfig, retry_after: str | None = None) -> float:
    """Exponential backoff (backoff · 2^retry), or the server's Retry-After if longer; capped."""
    delay = config.backoff * 2**retry
    if retry_after:
        try:
            delay = max(delay, float(retry_after))
        except ValueError:
            try:
                when = parsedate_to_datetime(retry_after)
                delay = max(delay, (when - dt.datetime.now(dt.UTC)).total_seconds())
            except (TypeError, ValueError):
                pass
    return max(0.0, min(delay, config.max_backoff))


def retryable(status: int) -> bool:
    return status == 429 or status >= 500


def fetch_one(
    client: httpx.Client,
    source: Source,
    previous: dict | None,
    config: FetchConfig,
    sleep: Callable[[float], None] | None = None,
    budget: Budget | None = None,
) -> Response:
    """GET one URL, conditionally when there is a previous snapshot, retrying transient failures,
    within the URL's deadline."""
    budget = budget or Budget(time.monotonic() + config.url_deadline, threading.Event())
    try:
        return _attempts(client, source, previous, config, sleep, budget)
    except _Deadline:
        return _failed(
            source.url, f"deadline: no complete answer within {config.url_deadline:g} s (or the fetch's deadline)", 1
        )
    except _Stopped:
        return _failed(source.url, "stopped before the fetch finished", 1)


def _attempts(
    client: httpx.Client,
    source: Source,
    previous: dict | None,
    config: FetchConfig,
    sleep: Callable[[float], None] | None,
    budget: Budget,
) -> Response:
    url, attempts = source.url, config.retries + 1
    headers = conditional_headers(previous)

    def pause(seconds: float) -> None:
        if sleep is None:
            budget.wait(seconds)
            return
        if seconds >= budget.left():
            raise _Deadline
        sleep(seconds)
        budget.check()

    for attempt in range(1, attempts + 1):
        budget.check()
        try:
            timeout = httpx.Timeout(max(0.01, min(config.timeout, budget.left())))
            with client.stream("GET", url, headers=headers, timeout=timeout) as resp:
                status = resp.status_code
                body = _read_body(resp, config.max_bytes, budget) if status == 200 else b""
        except _TooLarge:
            return _failed(url, f"body larger than {config.max_bytes} bytes", attempt, 200)
        except httpx.TransportError as exc:  # refused, DNS, timeouts, dropped connections
            budget.check()  # a timeout cut short by the deadline is the deadline's failure
            reason = f"{type(exc).__name__}: {exc or 'no detail'}"
            if attempt < attempts:
                log.info("%s: %s, retrying (attempt %d of %d)", url, reason, attempt, attempts)
                pause(retry_delay(attempt - 1, config))
                continue
            return _failed(url, f"{reason} (after {attempts} attempts)", attempt)
        if status == 304:
            if previous is None:
                return _failed(url, "HTTP 304 Not Modified to an unconditional request", attempt, status)
            return Response(
                Outcome(url, NOT_MODIFIED, status, "", attempt, previous["sha256"]),
                etag=resp.headers.get("etag") or previous.get("etag"),
                last_modified=resp.headers.get("last-modified") or previous.get("last_modified"),
            )
        if status == 200:
            if not body.strip():
                return _failed(url, "HTTP 200 with an empty body", attempt, status)
            try:
                decode_report(body, source.file_name)
            except (DecodeError, UnicodeDecodeError, LookupError) as exc:
                return _failed(
                    url, f"HTTP 200 but the body is not a report ({exc}): the last good snapshot stays", attempt, status
                )
            return Response(
                Outcome(url, FETCHED, status, "", attempt),
                body,
                resp.headers.get("etag"),
                resp.headers.get("last-modified"),
                resp.headers.get("content-type"),
                str(resp.url),
            )
        reason = f"HTTP {status} {resp.reason_phrase}".strip()
        if retryable(status) and attempt < attempts:
            asked = retry_after_seconds(resp.headers.get("retry-after"))
            if asked is not None and asked > config.max_retry_after:
                return _failed(
                    url,
                    f"{reason}: the server asks to retry after {asked:g} s, longer than the "
                    f"{config.max_retry_after:g} s we wait; left for the next fetch",
                    attempt,
                    status,
                )
            log.info("%s: %s, retrying (attempt %d of %d)", url, reason, attempt, attempts)
            pause(retry_delay(attempt - 1, config, resp.headers.get("retry-after")))
            continue
        suffix = f" (after {attempts} attempts)" if retryable(status) else ""
        return _failed(url, reason + suffix, attempt, status)
    raise AssertionError("unreachable")  # pragma: no cover


def retry_after_seconds(retry_after: str | None) -> float | None:
    """The wait a Retry-After header asks for, in seconds (None when absent or unreadable)."""
    if not retry_after:
        return None
    try:
        return max(0.0, float(retry_after))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(retry_after) - dt.datetime.now(dt.UTC)).total_seconds())
        except (TypeError, ValueError):
            return None


def _read_body(resp: httpx.Response, limit: int, budget: Budget | None = None) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.strip().isdigit() and int(declared) > limit:
        raise _TooLarge  # refused before a byte is read
    body = bytearray()
    for chunk in resp.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise _TooLarge
        if budget is not None:
            budget.check()
    return bytes(body)


def _failed(url: str, reason: str, attempts: int, http_status: int | None = None) -> Response:
    return Response(Outcome(url, FAILED, http_status, reason, attempts))


def _guarded(fetch: Callable[[], Response], url: str) -> Response:
    """A bug or an odd error on one URL is that URL's failure, not the whole fetch's."""
    try:
        return fetch()
    except Exception as exc:  # noqa: BLE001 - recorded as the URL's failure
        log.warning("%s: unexpected %s", url, exc, exc_info=True)
        return _failed(url, f"{type(exc).__name__}: {exc}", 1)


# -- all URLs -------------------------------------------------------------------------------------


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def fetch_sources(
    sources: Sequence[Source],
    data_dir: Path,
    config: FetchConfig = FetchConfig(),
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] | None = None,
) -> FetchSummary:
    """Fetch every source, snapshot the new bodies, and rewrite <data>/fetched/index.json."""
    data_dir = Path(data_dir)
    store = SnapshotStore(data_dir / "snapshots")
    index_dir = data_dir / "fetched"
    old_index = read_index(index_dir)
    # A previous entry counts only while its snapshot is still in the store: otherwise a 304
    # would point the index at bytes that are gone, so such a URL is fetched unconditionally.
    previous = {url: e for url, e in old_index.items() if e.get("sha256") and store.has(e["sha256"])}

    client = httpx.Client(
        timeout=config.timeout,
        follow_redirects=True,
        transport=transport,
        headers={"User-Agent": config.user_agent},
        limits=httpx.Limits(max_connections=config.concurrency),
    )
    run_until = time.monotonic() + config.run_deadline
    stop = threading.Event()

    def one(source: Source) -> Response:
        budget = Budget(min(time.monotonic() + config.url_deadline, run_until), stop)
        return _guarded(lambda: fetch_one(client, source, previous.get(source.url), config, sleep, budget), source.url)

    pool = ThreadPoolExecutor(max_workers=max(1, config.concurrency), thread_name_prefix="fetch")
    try:
        with client:
            futures = [pool.submit(one, s) for s in sources]
            # Waiting in short slices keeps the main thread able to take a KeyboardInterrupt (SIGTERM).
            while wait(futures, timeout=0.2, return_when=FIRST_EXCEPTION).not_done:
                pass
            responses = [f.result() for f in futures]
    except BaseException:
        stop.set()  # every worker stops at its next chunk, wait or request; nothing is written
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)

    index, outcomes = {}, []
    for source, response in zip(sources, responses):
        entry = settle(source, response, previous.get(source.url), store)
        if entry is not None:
            index[source.url] = entry
        outcome = response.outcome
        if entry is not None and outcome.sha256 != entry["sha256"]:
            outcome = Outcome(**{**asdict(outcome), "sha256": entry["sha256"]})
        outcomes.append(outcome)
        if outcome.status == FAILED:
            log.warning("%s: %s", outcome.url, outcome.reason)
    write_fetch_index(index_dir, index)
    removed = tuple(sorted(set(old_index) - {s.url for s in sources}))
    return FetchSummary(tuple(outcomes), removed)


def settle(source: Source, response: Response, previous: dict | None, store: SnapshotStore) -> dict | None:
    """The URL's new index entry: a new snapshot, the previous one (304 or failure), or none."""
    described = {
        "file_name": source.file_name,
        "institution": source.institution,
        "publisher": source.publisher,
        "date": source.date,
    }
    outcome = response.outcome
    if outcome.status == FETCHED:
        fetched_at = utc_now()
        provenance = {
            "origin": source.url,
            "url": source.url,
            "fetched_at": fetched_at,
            "http_status": outcome.http_status,
            "etag": response.etag,
            "last_modified": response.last_modified,
            "content_type": response.content_type,
            **described,
        }
        if response.final_url and response.final_url != source.url:
            provenance["final_url"] = response.final_url
        snapshot = store.put(response.body, provenance)
        return {
            **described,
            "sha256": snapshot.sha256,
            "fetched_at": fetched_at,
            "etag": response.etag,
            "last_modified": response.last_modified,
        }
    if previous is None:
        return None
    entry = {**{k: previous.get(k) for k in INDEX_FIELDS}, **described}
    if outcome.status == NOT_MODIFIED:
        entry.update(etag=response.etag, last_modified=response.last_modified)
    return entry


def write_fetch_index(folder: Path, index: dict[str, dict]) -> Path:
    """<data>/fetched/index.json: the latest snapshot per URL, written atomically."""
    ordered = {url: {k: index[url].get(k) for k in INDEX_FIELDS} for url in sorted(index)}
    return write_atomic(Path(folder) / INDEX, json.dumps(ordered, ensure_ascii=False, indent=2) + "\n")


def fetch_from_file(sources_file: Path, data_dir: Path, config: FetchConfig = FetchConfig()) -> FetchSummary:
    """read_sources + fetch_sources: what `chanjiao fetch` and the `fetched_sources` asset run.
    Without a sources file there is nothing to fetch and the index is left as it is (an empty
    `sources: []` is how to drop every URL)."""
    if not Path(sources_file).exists():
        log.info("no sources file at %s: nothing to fetch", sources_file)
        return FetchSummary(())
    return fetch_sources(read_sources(sources_file), data_dir, config)
