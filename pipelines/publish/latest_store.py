"""A folder beside the releases that keeps something of the latest release only (its row hashes,
its CSV row index): one sub-folder per version, written whole in a staging folder and renamed
into place, the older versions' removed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path


def replace(store: Path, version: str, write: Callable[[Path], None]) -> Path:
    """store/<version>, filled by write(folder) in a staging folder first; every other version's
    folder in store is removed."""
    store = Path(store)
    staging = store / f".{version}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    write(staging)
    final = store / version
    shutil.rmtree(final, ignore_errors=True)
    staging.rename(final)
    for p in store.iterdir():
        if p != final:
            shutil.rmtree(p, ignore_errors=True)
    return final
