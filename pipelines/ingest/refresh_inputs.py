"""Everything a refresh reads, as a few digests, and the record of the inputs the latest release
was built from: when both agree, a refresh has nothing to do and stops at its first step.

A release is a function of its inputs: the inbox (each file's relative path, size and mtime, as
the inbox sensor reads it: one `stat` per file, never a read), the bundled manifest, the fetched
URL snapshots (each URL's snapshot file and hash), the code and catalogue that turn them into
tables (every source and data file of pipelines/, schemas/ and assets/, the lock file of the
libraries, and the extractor version the fact cache is keyed by) and the folders and dataset name of the deployment. `components` digests each; the
release step records them beside the versions (`published/<dataset>/.refresh-inputs.json`) with
the version they produced. The next refresh compares: same digests, same latest version, its
SHA256SUMS and the catalogue page as they were → nothing can have changed, and nothing is read,
extracted, validated or written.

Any doubt runs the pipeline: a touched file (same content, new mtime), a missing or unreadable
record, another version published since, an edited release. That costs a normal refresh, whose
release step still publishes nothing when the tables come out the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines import settings
from pipelines.atomic import write_atomic

from .inbox import inbox_digest, inbox_state

if TYPE_CHECKING:
    import pandas as pd

RECORD_FILE = ".refresh-inputs.json"  # beside the versions, like the tables' fingerprints
CODE_PACKAGES = ("pipelines", "schemas", "assets")
CODE_SUFFIXES = (".py", ".csv", ".json", ".yaml", ".yml", ".toml", ".html", ".css", ".js")
LOCK_FILES = ("uv.lock", "pyproject.toml")
FETCHED_KEYS = ("file_name", "sha256", "institution", "publisher", "date")  # not when it was fetched


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path | None) -> str:
    if path is None:
        return "none"
    try:
        return _sha(Path(path).read_bytes())
    except FileNotFoundError:
        return "missing"


def _tree_digest(files: Iterable[tuple[str, Path]]) -> str:
    h = hashlib.sha256()
    for name, path in sorted(files):
        h.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def code_files(root: Path = settings.PROJECT_ROOT) -> list[tuple[str, Path]]:
    """(relative name, path) of every file whose content can change what a refresh publishes."""
    found = []
    for package in CODE_PACKAGES:
        for dirpath, dirnames, filenames in os.walk(root / package):
            dirnames[:] = [d for d in dirnames if not d.startswith((".", "__pycache__"))]
            for name in filenames:
                if name.endswith(CODE_SUFFIXES):
                    path = Path(dirpath) / name
                    found.append((path.relative_to(root).as_posix(), path))
    found += [(name, root / name) for name in LOCK_FILES if (root / name).is_file()]
    return found


def code_digest(root: Path = settings.PROJECT_ROOT) -> str:
    """The code and locked libraries a refresh runs with, as one digest."""
    return _tree_digest(code_files(root))


def fetched_digest(data_dir: Path) -> str:
    """The fetched snapshots intake would read: per URL its snapshot and what the index says of
    its source, not when it was fetched (a 304 or a refetch of the same body changes nothing)."""
    try:
        index = json.loads((Path(data_dir) / "fetched" / "index.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "none"
    except ValueError:
        return "unreadable"
    if not isinstance(index, dict):
        return "unreadable"
    kept = {url: {k: e.get(k) for k in FETCHED_KEYS} if isinstance(e, dict) else e for url, e in index.items()}
    return _sha(json.dumps(kept, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def extractor_version() -> str:
    """The version the fact cache is keyed by, read from the extractor's files (not imported)."""
    from pipelines.extract.version import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def components(paths: settings.Paths, code_root: Path = settings.PROJECT_ROOT) -> dict[str, str]:
    """A digest per input of a refresh (see the module's docstring)."""
    inbox = paths.inbox_dir
    deployment = {
        "dataset": paths.dataset,
        "inbox": str(Path(inbox).resolve()),
        "published": str(Path(paths.published_dir).resolve()),
        "data": str(Path(paths.data_dir).resolve()),
    }
    return {
        "inbox": inbox_digest(inbox_state(inbox)) if Path(inbox).is_dir() else "missing",
        "manifest": _file_digest(paths.manifest_file),
        "fetched": fetched_digest(paths.data_dir),
        "code": code_digest(code_root),
        "extractor": extractor_version(),  # the version the fact cache is keyed by
        "deployment": _sha(json.dumps(deployment, sort_keys=True).encode("utf-8")),
    }


def fingerprint(parts: dict[str, str]) -> str:
    return _sha(json.dumps(parts, sort_keys=True).encode("utf-8"))


def frame(parts: dict[str, str]) -> pd.DataFrame:
    """The inputs as a table: one row per input and its digest (what the asset hands on)."""
    import pandas as pd

    return pd.DataFrame({"input": list(parts), "digest": list(parts.values())})


def parts_of(df: pd.DataFrame) -> dict[str, str]:
    return dict(zip(df["input"], df["digest"], strict=True))


# --- the record of the latest release's inputs ---------------------------------------------------


@dataclass(frozen=True)
class Unchanged:
    """The latest release, built from exactly the inputs this refresh would read."""

    dataset: str
    version: str
    path: Path
    rows: dict


def record_path(published: Path, dataset: str) -> Path:
    return Path(published) / dataset / RECORD_FILE


def _sums_digest(release_dir: Path) -> str:
    return _file_digest(release_dir / "SHA256SUMS")


def write_record(published: Path, dataset: str, version: str, parts: dict[str, str], rows: dict) -> None:
    """After a refresh that published (or kept) `version`: the inputs it was built from."""
    release_dir = Path(published) / dataset / version
    record = {
        "fingerprint": fingerprint(parts),
        "inputs": parts,
        "version": version,
        "sha256sums": _sums_digest(release_dir),
        "rows": rows,
    }
    write_atomic(record_path(published, dataset), json.dumps(record, indent=1) + "\n")


def read_record(published: Path, dataset: str) -> dict:
    try:
        record = json.loads(record_path(published, dataset).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def changed_inputs(parts: dict[str, str], record: dict) -> list[str]:
    """The inputs that differ from the record's (every input when there is no record)."""
    before = record.get("inputs") if isinstance(record.get("inputs"), dict) else {}
    return [name for name, digest in parts.items() if before.get(name) != digest]


def unchanged_release(paths: settings.Paths, parts: dict[str, str]) -> Unchanged | None:
    """The latest release when it was built from these very inputs and is still as published
    (its SHA256SUMS, the catalogue page current); else None."""
    from pipelines.publish import catalog, folders, versioning  # the release folders, not the publish stage

    published, dataset = Path(paths.published_dir), paths.dataset
    record = read_record(published, dataset)
    if not record or record.get("fingerprint") != fingerprint(parts):
        return None
    try:
        latest = versioning.latest(folders.published_versions(published, dataset))
    except folders.ReleaseError:
        return None  # a broken release folder: the full run says what is wrong
    if latest is None or latest != record.get("version"):
        return None
    release_dir = published / dataset / latest
    if _sums_digest(release_dir) != record.get("sha256sums") or not catalog.is_current(published):
        return None
    return Unchanged(dataset, latest, release_dir, dict(record.get("rows") or {}))
