"""Publish a versioned, immutable release: published/<dataset>/<version>/.

run(): load the previous release, write the new files into a staging folder, decide the
version (or that nothing changed), then rename the folder into place and rebuild the
catalogue. A process killed at any point leaves the previous releases and catalog.json as
they were: the staging folder is swept on the next run.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines import settings
from pipelines.atomic import write_atomic
from schemas.describe import columns
from schemas.tables import PUBLISHED_TABLES

from . import catalog, csv_rows, row_hash_store, versioning
from .changelog import (
    HashedRows,
    ReleaseDiff,
    changelog_markdown,
    diff_hashed,
    diff_metadata,
    diff_release,
    diff_table,
    hashed_rows,
)
from .datapackage import database_resource, descriptor, readme
from .duckdb_file import write_duckdb
from .files import WrittenFile, canonical, write_table
from .fingerprint import fingerprint_and_row_keys
from .folders import (  # noqa: F401 (published here too: callers name release.ReleaseError)
    DATA_SUFFIXES,
    ReleaseError,
    dataset_dir,
    missing_files,
    published_versions,
    sha256_file,
    verify_release,
)
from .folders import data_sums as _data_sums

STAGING_PREFIX = ".staging-"
LOCK_FILE = ".lock"
FINGERPRINT_FILE = ".fingerprints.json"  # version → fingerprint of its tables (fingerprint.py)
DOC_FILES = ("datapackage.json", "README.md", "CHANGELOG.md")  # listed in SHA256SUMS after the data files
RELEASE_MODE = 0o755  # mkdtemp makes the staging folder 0700: a web server could not read the release


class ShrinkError(ReleaseError):
    """A release would remove more of the previous release's facts than allowed."""


@dataclass
class ReleaseResult:
    dataset: str
    version: str
    path: Path
    created: bool  # False: content unchanged, no new version
    previous: str | None
    bump: str | None
    diff: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)


def check_latest(folder: Path) -> None:
    """Stop, saying what and where, unless the release to be compared with still matches its
    SHA256SUMS: a new version is never built on an altered one."""
    problems = verify_release(folder)
    if problems:
        raise ReleaseError(
            f"the latest release {folder} does not match its SHA256SUMS ({'; '.join(problems)}): it was "
            "altered after publishing. Nothing was published; restore the release from a copy before refreshing"
        )


def read_release_tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {t: _read_parquet(p) for t in PUBLISHED_TABLES if (p := folder / f"{t}.parquet").exists()}


# Rows of a previous release's table decoded at a time when only some are wanted (the changelog's
# removed and changed rows): the whole facts table decoded at once was 150 MB at 10k reports.
READ_BATCH_ROWS = 32_768


def _read_parquet(path: Path, rows=None) -> pd.DataFrame:
    """A release's table (rows: only those positions, in that order), categoricals as plain values."""
    t = pq.read_table(path) if rows is None else _take_rows(path, np.asarray(rows, dtype=np.int64))
    df = t.to_pandas()
    for c in df.columns:
        if isinstance(df[c].dtype, pd.CategoricalDtype):
            df[c] = df[c].astype(object)
    return df


def _take_rows(path: Path, rows: np.ndarray) -> pa.Table:
    """The rows at these positions of a Parquet file, in the order given, decoding one batch of
    READ_BATCH_ROWS at a time and keeping only the wanted rows of each."""
    order = np.argsort(rows, kind="stable")
    wanted = rows[order]
    parts, start = [], 0
    with pq.ParquetFile(path) as pf:
        schema = pf.schema_arrow
        for batch in pf.iter_batches(batch_size=READ_BATCH_ROWS):
            end = start + batch.num_rows
            lo, hi = np.searchsorted(wanted, [start, end])
            if hi > lo:
                parts.append(pa.Table.from_batches([batch]).take(pa.array(wanted[lo:hi] - start)))
            start = end
    if len(wanted) and (wanted[0] < 0 or wanted[-1] >= start):
        raise IndexError(f"{path.name}: rows outside its {start} rows")
    taken = pa.concat_tables(parts) if parts else schema.empty_table()
    return taken.take(pa.array(np.argsort(order, kind="stable")))  # back to the order asked for


def _fields(folder_or_tables) -> dict[str, dict[str, str]]:
    if isinstance(folder_or_tables, Path):
        dp = json.loads((folder_or_tables / "datapackage.json").read_text(encoding="utf-8"))
        out: dict[str, dict[str, str]] = {}
        for res in dp["resources"]:
            if "schema" not in res:  # the DuckDB database: not a table
                continue
            table = res["path"].rsplit(".", 1)[0]
            out[table] = {f["name"]: f["type"] for f in res["schema"]["fields"]}
        return out
    return {t: {c.name: c.kind for c in columns(PUBLISHED_TABLES[t])} for t in folder_or_tables}


def _sweep_staging(ddir: Path) -> None:
    if ddir.is_dir():
        for p in ddir.iterdir():
            if p.name.startswith(STAGING_PREFIX):
                shutil.rmtree(p, ignore_errors=True)


def run(
    tables: dict[str, pd.DataFrame],
    root: Path,
    dataset: str,
    sources: list[dict] | None = None,
    today: date | None = None,
    version: str | None = None,
    allow_shrink: bool = False,
    max_shrink: float | None = None,
) -> ReleaseResult:
    """Publish tables (validated DataFrames keyed by table name) as the next version. One
    publisher at a time per dataset: a second waits on the dataset's lock file, so it can
    neither sweep the first one's staging folder nor race it to a version number."""
    ddir = dataset_dir(Path(root), dataset)
    ddir.mkdir(parents=True, exist_ok=True)
    with (ddir / LOCK_FILE).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return _run(tables, root, dataset, sources, today, version, allow_shrink, max_shrink)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _run(
    tables: dict[str, pd.DataFrame],
    root: Path,
    dataset: str,
    sources: list[dict] | None,
    today: date | None,
    version: str | None,
    allow_shrink: bool = False,
    max_shrink: float | None = None,
) -> ReleaseResult:
    # 1. load inputs: the previous release, if any
    root = Path(root)
    if version is not None and not versioning.SEMVER.match(version):
        raise ReleaseError(f"not a MAJOR.MINOR.PATCH version: {version!r}")
    if not len(tables["reports"]):
        raise ReleaseError(f"nothing to publish: no reports were ingested, so {dataset} is left as it was")
    share = settings.max_shrink() if max_shrink is None else max_shrink
    ddir = dataset_dir(root, dataset)
    ddir.mkdir(parents=True, exist_ok=True)
    _sweep_staging(ddir)
    previous = versioning.latest(published_versions(root, dataset))
    prev_dir = ddir / previous if previous else None
    if prev_dir is not None:
        check_latest(prev_dir)
    created = (today or build_date()).isoformat()

    # 2. process: unchanged tables (same fingerprint as the latest release) write nothing; else
    # write the data files in staging, compare, decide the version
    canon = {t: canonical(tables[t], t) for t in PUBLISHED_TABLES}  # sorted once, for the hash and the files
    fingerprint, keys = fingerprint_and_row_keys(canon, is_canonical=True)
    if prev_dir is not None and version is None and _fingerprints(ddir).get(previous) == fingerprint:
        catalog.rebuild(root, unless_current=True)  # repairs a catalogue left stale by a killed run
        rows = {t: len(tables[t]) for t in PUBLISHED_TABLES}
        return ReleaseResult(dataset, previous, prev_dir, False, previous, None, {}, rows)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=ddir))
    os.chmod(staging, RELEASE_MODE)
    try:
        # the comparison with the previous release, the CSV files and the DuckDB file (which reads
        # the Parquet files) are made side by side: each spends most of its time in Arrow, pandas,
        # DuckDB or hashlib code that releases the GIL
        with ThreadPoolExecutor(2) as pool:
            compared = pool.submit(_compare, canon, ddir, prev_dir, previous)
            parquet = {t: write_table(canon[t], t, staging, True, ("parquet",)) for t in PUBLISHED_TABLES}
            duck = pool.submit(write_duckdb, staging, dataset)
            files: list[WrittenFile] = []
            indexes: dict[str, csv_rows.CsvIndex] = {}
            prev_sums = _data_sums(prev_dir) if prev_dir is not None else {}
            for t in PUBLISHED_TABLES:
                # rows the previous release has are copied from its CSV file (csv_rows)
                last_csv = csv_rows.previous(ddir, previous, prev_dir, t, prev_sums.get(f"{t}.csv"))
                csv, index = csv_rows.write_csv(canon[t], t, staging, keys[t], last_csv)
                files += parquet[t] + [csv]
                if index is not None:
                    indexes[t] = index
                pa.default_memory_pool().release_unused()  # Arrow's pool keeps what a table's files freed
            sums = {f.path.name: f.sha256 for f in files}
            if prev_dir is not None and _data_sums(prev_dir) == sums and version is None:
                duck.result(), compared.result()  # neither is needed: let them finish before the folder goes
                shutil.rmtree(staging)
                _remember_fingerprint(ddir, previous, fingerprint)
                catalog.rebuild(root, unless_current=True)  # repairs a catalogue left stale by a killed run
                return ReleaseResult(dataset, previous, prev_dir, False, previous, None, {}, _rows(files))
            # the catalogue page's charts of these tables, drawn while the database is being written
            from .index_page import indicator_charts

            view = indicator_charts(staging)
            database = duck.result()
            sides, diff, before = compared.result()
        if prev_dir is not None and not allow_shrink:
            _check_shrink(diff, before, share, dataset, previous)
        kind = _bump(prev_dir, diff) if prev_dir else None
        if version is None:
            version = versioning.bump(previous, kind or "patch") if previous else versioning.FIRST_VERSION
        target = ddir / version
        if target.exists():
            if _data_sums(target) == sums:
                shutil.rmtree(staging)
                _remember_fingerprint(ddir, version, fingerprint)
                catalog.rebuild(root, unless_current=True)
                return ReleaseResult(dataset, version, target, False, previous, None, {}, _rows(files))
            raise ReleaseError(
                f"version {version} of {dataset} is already published with different content "
                f"({target}); published versions are immutable: choose a new version"
            )

        # 3. save outputs: the DuckDB file (written above), descriptor, docs, then checksums of every
        # file; the atomic rename; the row hashes for the next comparison; the catalogue
        db_sha = sha256_file(database)
        _write_text(
            staging / "datapackage.json",
            json.dumps(
                descriptor(dataset, version, created, files, sources or [], [database_resource(database, db_sha)]),
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
        )
        _write_text(staging / "README.md", readme(dataset, version, created, files, _rows(files)))
        _write_text(staging / "CHANGELOG.md", changelog_markdown(version, previous, diff))
        listed = sorted(sums.items()) + [
            (database.name, db_sha),
            *((name, sha256_file(staging / name)) for name in DOC_FILES),
        ]
        _write_text(staging / "SHA256SUMS", "".join(f"{sha}  {name}\n" for name, sha in listed))
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _remember_fingerprint(ddir, version, fingerprint)
    row_hash_store.save(ddir, version, sides, {t: sums[f"{t}.parquet"] for t in sides})
    csv_rows.save(ddir, version, indexes, {t: sums[f"{t}.csv"] for t in indexes})
    catalog.rebuild(root, drawn={dataset: (version, view)})
    return ReleaseResult(dataset, version, target, True, previous, kind, diff_metadata(diff), _rows(files))


def _compare(
    canon: dict[str, pd.DataFrame], ddir: Path, prev_dir: Path | None, previous: str | None
) -> tuple[dict[str, HashedRows], ReleaseDiff, int]:
    """The new tables' row hashes, their diff with the previous release, and how many facts that
    release had. The previous release's kept row hashes stand in for its tables where they match
    its files; its rows are read only where rows were removed or changed."""
    sides = {t: hashed_rows(canon[t], t) for t in PUBLISHED_TABLES}
    if prev_dir is None:
        return sides, diff_release(None, canon), 0
    prev_sums = _data_sums(prev_dir)
    out, before = {}, 0
    for t in PUBLISHED_TABLES:
        path = prev_dir / f"{t}.parquet"
        old = row_hash_store.load(ddir, previous, t, prev_sums.get(path.name))
        if old is not None and old.cols == sides[t].cols:
            out[t] = diff_hashed(old, lambda at, path=path: _read_parquet(path, at), canon[t], sides[t])
            n_old = len(old.hashes)
        else:
            old_df = _read_parquet(path) if path.exists() else None
            out[t] = diff_table(old_df, canon[t], t, sides[t])
            n_old = 0 if old_df is None else len(old_df)
        before += n_old if t == "facts" else 0
    return sides, ReleaseDiff(out), before


def _check_shrink(diff: ReleaseDiff, before: int, share: float, dataset: str, previous: str | None) -> None:
    """Refuse a release that removes more than `share` of the previous release's facts: a mistyped
    inbox or a lost folder must not become a permanent, immutable 'latest'."""
    removed = diff.total("removed", ("facts",))
    if before and removed / before > share:
        raise ShrinkError(
            f"refused: the new release would remove {removed} of the {before} facts of {dataset} {previous} "
            f"({removed / before:.0%}, more than the {share:.0%} allowed by CHANJIAO_MAX_SHRINK); check the "
            f"inbox, or pass --allow-shrink if this is intended"
        )


def _fingerprints(ddir: Path) -> dict[str, str]:
    try:
        return json.loads((ddir / FINGERPRINT_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def _remember_fingerprint(ddir: Path, version: str, fingerprint: str) -> None:
    """Kept beside the versions (not in them: a release's files are its data and docs only)."""
    known = _fingerprints(ddir) | {version: fingerprint}
    write_atomic(ddir / FINGERPRINT_FILE, json.dumps(known, indent=1, sort_keys=True) + "\n")


def build_date() -> date:
    """The release date written into its docs: SOURCE_DATE_EPOCH when set (the reproducible-
    builds convention, so that a rebuild elsewhere reproduces SHA256SUMS byte for byte), else today.
    The data files never carry a date of building."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def _bump(prev_dir: Path, diff: ReleaseDiff) -> str:
    kind = versioning.bump_kind(
        _fields(prev_dir),
        _fields(PUBLISHED_TABLES),
        rows_added=diff.total("added"),
        rows_removed=diff.total("removed"),
        rows_changed=diff.total("changed"),
    )
    return kind or "patch"  # bytes differ but no row does (e.g. a writer change): a correction


def _rows(files: list[WrittenFile]) -> dict[str, int]:
    return {f.table: f.rows for f in files if f.format == "parquet"}


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
