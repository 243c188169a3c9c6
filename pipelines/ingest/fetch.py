"""Fetch the report URLs listed in sources.yaml into the snapshot store (plain Python, no Dagster).

    sources.yaml → GET every url (conditional, retried, a few at a time, User-Agent chanjiao)
                 → <data>/snapshots/<sha[:2]>/<sha>  (+ <sha>.json provenance)
                 → <data>/fetched/index.json  {url: {file_name, sha256, fetched_at, etag,
                                                     last_modified, institution, publisher, date}}

The index is what `pipelines.ingest.sources.fetched_reports` reads for intake. A 304 keeps the previous
snapshot; a URL that fails (timeout, refused connection, 404, 5xx after the retries …) is
reported with its reason and keeps its previous snapshot if it had one — it never raises. URLs
no longer listed in sources.yaml leave the index (their snapshots stay in the store).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import yaml

from pipelines.atomic import write_atomic
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
    sleep: Callable[[float], None] = time.sleep,
) -> Response:
    """GET one URL, conditionally when there is a previous snapshot, retrying transient failures."""
    url, attempts = source.url, config.retries + 1
    headers = conditional_headers(previous)
    for attempt in range(1, attempts + 1):
        try:
            with client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                body = _read_body(resp, config.max_bytes) if status == 200 else b""
        except _TooLarge:
            return _failed(url, f"body larger than {config.max_bytes} bytes", attempt, 200)
        except httpx.TransportError as exc:  # refused, DNS, timeouts, dropped connections
            reason = f"{type(exc).__name__}: {exc or 'no detail'}"
            if attempt < attempts:
                log.info("%s: %s, retrying (attempt %d of %d)", url, reason, attempt, attempts)
                sleep(retry_delay(attempt - 1, config))
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
            log.info("%s: %s, retrying (attempt %d of %d)", url, reason, attempt, attempts)
            sleep(retry_delay(attempt - 1, config, resp.headers.get("retry-after")))
            continue
        suffix = f" (after {attempts} attempts)" if retryable(status) else ""
        return _failed(url, reason + suffix, attempt, status)
    raise AssertionError("unreachable")  # pragma: no cover


def _read_body(resp: httpx.Response, limit: int) -> bytes:
    body = bytearray()
    for chunk in resp.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise _TooLarge
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
    sleep: Callable[[float], None] = time.sleep,
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
    with client, ThreadPoolExecutor(max_workers=max(1, config.concurrency), thread_name_prefix="fetch") as pool:
        responses = list(
            pool.map(
                lambda s: _guarded(lambda: fetch_one(client, s, previous.get(s.url), config, sleep), s.url), sources
            )
        )

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
