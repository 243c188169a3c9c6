"""chanjiao's datasets in one line:

    from chanjiao import load
    facts = load("ie-facts")                          # the latest release's facts, as a pandas DataFrame
    reports = load("ie-facts", table="reports")       # any published table
    old = load("ie-facts", version="1.0.0")           # a given version
    facts = load("ie-facts", source="http://127.0.0.1:8000/")  # a served published/ folder (`chanjiao serve`)

Every file is verified against the release's SHA256SUMS when it is downloaded and again when it
is read from the cache (CHANJIAO_CACHE, default ~/.cache/chanjiao), so a changed or truncated
file is never returned.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

__all__ = ["load", "cache_dir", "LoadError"]


class LoadError(Exception):
    """A dataset, table or version that cannot be loaded, or whose files do not verify."""


def cache_dir() -> Path:
    return Path(os.environ.get("CHANJIAO_CACHE") or Path.home() / ".cache" / "chanjiao")


def _tables_of(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.parquet"))


def _verified(folder: Path, name: str) -> bool:
    from pipelines.publish.download import CHECKSUMS, parse_sums
    from pipelines.publish.files import sha256_file

    sums_path, path = folder / CHECKSUMS, folder / name
    if not (sums_path.is_file() and path.is_file()):
        return False
    sums = parse_sums(sums_path.read_text(encoding="utf-8"), str(sums_path))
    return sums.get(name) == sha256_file(path)


def load(
    dataset: str = "ie-facts",
    table: str = "facts",
    version: str | None = None,
    source: str | Path | None = None,
    cache: str | Path | None = None,
) -> pd.DataFrame:
    """One table of one version (default: the latest) of a published dataset, as a DataFrame.

    source: a published/ folder or the http(s) URL of a served one (default: the project's own,
    $CHANJIAO_PUBLISHED or published/). cache: where downloads are kept (default cache_dir())."""
    from pipelines import settings
    from pipelines.publish.download import DownloadError, download, list_versions, normalise_source, safe_name

    try:
        safe_name(table, "table")
        where = normalise_source(source if source is not None else settings.published_dir())
        if version in (None, "latest"):
            latest = [r for r in list_versions(where) if r["dataset"] == dataset and r["latest"]]
            if not latest:
                raise LoadError(f"no dataset {dataset!r} in {where}")
            version = latest[0]["version"]
        folder = Path(cache) if cache is not None else cache_dir()
        folder = folder / dataset / version
        name = f"{table}.parquet"
        if not _verified(folder, name):
            download(dataset, where, version=version, fmt="parquet", target=folder)
        if not (folder / name).is_file():
            raise LoadError(
                f"no table {table!r} in {dataset} {version} (tables: {', '.join(_tables_of(folder)) or 'none'})"
            )
        if not _verified(folder, name):
            raise LoadError(f"{folder / name}: does not match its sha256 in SHA256SUMS: refused")
    except DownloadError as exc:
        raise LoadError(str(exc)) from None
    df = pd.read_parquet(folder / name)
    for c in df.columns:  # plain strings, as in the CSV files
        if isinstance(df[c].dtype, pd.CategoricalDtype):
            df[c] = df[c].astype(object)
    return df
