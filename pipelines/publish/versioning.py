"""Data Package version rules (https://specs.frictionlessdata.io/patterns/#data-package-version):
MAJOR when a column is removed, renamed or retyped; MINOR when rows are added or removed (or
columns added); PATCH only when values are corrected. Removing rows is never a PATCH: a user who
takes patches unseen would lose data without being told."""

from __future__ import annotations

import re

SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
FIRST_VERSION = "1.0.0"


def parse(version: str) -> tuple[int, int, int]:
    m = SEMVER.match(version)
    if not m:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {version!r}")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def bump_kind(
    old_fields: dict[str, dict[str, str]],
    new_fields: dict[str, dict[str, str]],
    rows_added: int,
    rows_removed: int,
    rows_changed: int,
) -> str | None:
    """old/new_fields: {table: {column: type}}. None where nothing changed."""
    for table, cols in old_fields.items():
        new_cols = new_fields.get(table)
        if new_cols is None:
            return "major"
        for name, typ in cols.items():
            if new_cols.get(name) != typ:
                return "major"
    if any(set(new_fields.get(t, {})) - set(old_fields.get(t, {})) for t in new_fields):
        return "minor"
    if rows_added or rows_removed:
        return "minor"
    if rows_changed:
        return "patch"
    return None


def bump(version: str, kind: str) -> str:
    major, minor, patch = parse(version)
    if kind == "major":
        return f"{major + 1}.0.0"
    if kind == "minor":
        return f"{major}.{minor + 1}.0"
    if kind == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown bump {kind!r}")


def latest(versions: list[str]) -> str | None:
    good = [v for v in versions if SEMVER.match(v)]
    return max(good, key=parse) if good else None
