"""A manifest beside the inbox (CSV: file, url, title, site, publisher, date, …) declares where
each inbox file came from. Its word beats what the text suggests (title, publisher, date), and
its url is published with the report, so every fact links back to its public source.

CHANJIAO_MANIFEST names the file; the bundled corpus's is samples/real/sources.csv.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .intake import RawFile

DECLARED = ("url", "title", "publisher", "date", "institution")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ManifestError(ValueError):
    """The manifest cannot be read as a CSV with a `file` column."""


def read_manifest(path: Path | None) -> dict[str, dict[str, str]]:
    """file name → the declared fields that are filled in (a malformed date is left out)."""
    if path is None or not Path(path).is_file():
        return {}
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if "file" not in (reader.fieldnames or []):
            raise ManifestError(f"{path}: a manifest needs a 'file' column")
        out = {}
        for row in reader:
            declared = {k: (row.get(k) or "").strip() for k in DECLARED}
            if declared["date"] and not ISO_DATE.match(declared["date"]):
                declared["date"] = ""
            out[row["file"].strip()] = {k: v for k, v in declared.items() if v}
    return out


def with_manifest(files: Iterable[RawFile], manifest: dict[str, dict[str, str]]) -> Iterator[RawFile]:
    """Inbox files with what the manifest declares about them added to their provenance (lazily:
    one file in memory at a time)."""
    for f in files:
        yield replace(f, extra={**(f.extra or {}), **manifest[f.name]}) if f.name in manifest else f
