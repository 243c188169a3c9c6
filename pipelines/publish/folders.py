"""A published dataset's folders on disk: which versions it has, whether a version folder is whole
and still as published (its SHA256SUMS), and the file checksums themselves.

File-system work only (json, hashlib): a refresh whose inputs are unchanged checks the latest
release through these without loading the publish stage's libraries (pandas, Arrow, DuckDB).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import versioning

DATA_SUFFIXES = (".parquet", ".csv")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class ReleaseError(RuntimeError):
    """A release cannot be published as asked (e.g. it would rewrite a published version)."""


def dataset_dir(root: Path, dataset: str) -> Path:
    return Path(root) / dataset


def published_versions(root: Path, dataset: str) -> list[str]:
    """The versions published for dataset. A version folder missing its datapackage.json or its
    SHA256SUMS, or a file either of them lists, is an error (ReleaseError), never a version
    silently skipped (it would vanish from the catalogue, or be published a second time)."""
    d = dataset_dir(root, dataset)
    if not d.is_dir():
        return []
    versions = [p for p in d.iterdir() if p.is_dir() and versioning.SEMVER.match(p.name)]
    broken = {p.name: missing for p in versions if (missing := missing_files(p))}
    if broken:
        listed = "; ".join(f"{d / v}: missing {', '.join(m)}" for v, m in sorted(broken.items()))
        raise ReleaseError(
            f"incomplete release folder(s) of {dataset}: {listed}. A published version is never rewritten: "
            "restore the missing files from a copy (or `chanjiao download` from a mirror) before refreshing"
        )
    return [p.name for p in versions]


def missing_files(folder: Path) -> list[str]:
    """Files a release folder must hold and does not: datapackage.json, SHA256SUMS, and every
    file either lists."""
    missing = [name for name in ("datapackage.json", "SHA256SUMS") if not (folder / name).is_file()]
    listed = set(sums(folder))
    dp_path = folder / "datapackage.json"
    if dp_path.is_file():
        try:
            listed |= {r["path"] for r in json.loads(dp_path.read_text(encoding="utf-8")).get("resources", [])}
        except (ValueError, KeyError, TypeError, AttributeError):
            missing.append("a readable datapackage.json")
    missing += sorted(name for name in listed if not (folder / name).is_file())
    return missing


def sums(folder: Path) -> dict[str, str]:
    path = folder / "SHA256SUMS"
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return {name: sha for sha, sep, name in (line.partition("  ") for line in lines) if sep}


def data_sums(folder: Path) -> dict[str, str]:
    """The checksums of the data files only: a release's content (its docs name the date and version)."""
    return {name: sha for name, sha in sums(folder).items() if name.endswith(DATA_SUFFIXES)}


def verify_release(folder: Path) -> list[str]:
    """Problems with a release folder's files against its SHA256SUMS (empty when all is well)."""
    if not (folder / "SHA256SUMS").is_file():
        return ["SHA256SUMS: missing"]
    problems = []
    listed = sums(folder)
    dp_path = folder / "datapackage.json"
    if dp_path.is_file():
        try:
            resources = [r["path"] for r in json.loads(dp_path.read_text(encoding="utf-8")).get("resources", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            resources = []
            problems.append("datapackage.json: not readable")
        problems += [f"{name}: not listed in SHA256SUMS" for name in resources if name not in listed]
    for name, sha in listed.items():
        path = folder / name
        if not path.exists():
            problems.append(f"{name}: missing")
        elif sha256_file(path) != sha:
            problems.append(f"{name}: checksum mismatch")
    return problems
