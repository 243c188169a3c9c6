"""EXTRACTOR_VERSION: a short hash of the extractor's code and the catalogue, read from the files
without importing them (the Dagster code location names it at start-up as the extraction asset's
code version), so cached facts can never outlive the code that made them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from schemas.catalog import CATALOG_PATH

# Modules of this package that do not decide what the cached facts are (attribution runs on every
# refresh, after the cache), and this one.
PLUMBING = {
    "cache.py",
    "facts_table.py",
    "frame_store.py",
    "attribution.py",
    "english_names.py",
    "parallel.py",
    "who_when.py",
    "version.py",
}


def code_fingerprint() -> str:
    """Any change to the extractor's modules or to the catalogue changes it."""
    h = hashlib.sha256()
    for path in sorted(p for p in Path(__file__).parent.glob("*.py") if p.name not in PLUMBING) + [CATALOG_PATH]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:8]


EXTRACTOR_VERSION = f"0.4+{code_fingerprint()}"
