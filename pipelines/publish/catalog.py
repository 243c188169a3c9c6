"""published/catalog.json: every dataset and version with date, row counts and files; the
latest marked. Rebuilt from the release folders themselves (they are the truth), written
atomically, together with the static catalogue page published/index.html."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

from pipelines.atomic import write_atomic

from . import versioning
from .folders import sha256_file

# The code that draws the page (a page older than it is drawn again); imported only to draw it.
INDEX_PAGE_CODE = Path(__file__).with_name("index_page.py")

CATALOG = "catalog.json"
CHECKSUMS = "SHA256SUMS"
INDEX_PAGE = "index.html"


def scan(root: Path) -> dict:
    datasets = {}
    for ddir in sorted(p for p in Path(root).iterdir() if p.is_dir() and not p.name.startswith(".")):
        versions = []
        for vdir in ddir.iterdir():
            dp_path = vdir / "datapackage.json"
            if not (vdir.is_dir() and versioning.SEMVER.match(vdir.name) and dp_path.exists()):
                continue
            dp = json.loads(dp_path.read_text(encoding="utf-8"))
            # bytes: the file's own size (datapackage.json declares it for CSVs only; see datapackage.py)
            files = [
                {
                    "path": f"{ddir.name}/{vdir.name}/{r['path']}",
                    "format": r["format"],
                    "bytes": r.get("bytes", _size(vdir / r["path"])),
                    "hash": r["hash"],
                    "table": r["path"].rsplit(".", 1)[0],
                }
                for r in dp["resources"]
            ]
            rows = {f["table"]: r.get("rows") for f, r in zip(files, dp["resources"]) if f["format"] == "parquet"}
            entry = {
                "version": vdir.name,
                "created": str(dp.get("created") or "")[:10] or None,
                "rows": rows,
                "bytes": sum(f["bytes"] for f in files),
                "files": files,
                "datapackage": f"{ddir.name}/{vdir.name}/datapackage.json",
            }
            if (vdir / CHECKSUMS).exists():
                entry["checksums"] = {
                    "path": f"{ddir.name}/{vdir.name}/{CHECKSUMS}",
                    "hash": f"sha256:{sha256_file(vdir / CHECKSUMS)}",
                }
            versions.append(entry)
        if versions:
            versions.sort(key=lambda v: versioning.parse(v["version"]), reverse=True)
            latest = versions[0]["version"]
            for v in versions:
                v["latest"] = v["version"] == latest
            datasets[ddir.name] = {"name": ddir.name, "latest": latest, "versions": versions}
    return {"datasets": datasets}


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


LATEST = "latest"


def point_latest(root: Path, data: dict) -> None:
    """published/<dataset>/latest: a relative symlink to the latest version's folder, replaced
    atomically, so that `…/ie-facts/latest/facts.parquet` is a stable address."""
    import os

    for name, ds in data["datasets"].items():
        link = Path(root) / name / LATEST
        if link.exists() and not link.is_symlink():
            continue  # a real folder of that name is never replaced
        if link.is_symlink() and os.readlink(link) == ds["latest"]:
            continue
        tmp = link.with_name(f".{LATEST}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        os.symlink(ds["latest"], tmp, target_is_directory=True)
        os.replace(tmp, link)


def rebuild(root: Path, unless_current: bool = False, drawn: dict | None = None) -> dict:
    """Rewrite catalog.json and index.html from the release folders. One writer at a time per
    published folder (a lock on the folder), which first removes the temporary files a writer killed
    mid-write left behind (`.catalog.json.*.tmp`, `.index.html.*.tmp`). With `unless_current`
    (a refresh that published nothing), files already current are left alone: catalog.json when
    its content is the same, index.html (charts over every release: seconds to render) when it
    is also newer than catalog.json and than the code that renders it. drawn: charts already drawn
    for a dataset's version (index_page.write_index_page)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root, os.O_RDONLY)  # the lock is on the folder itself: no lock file to publish
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        sweep_temporary(root)
        data = scan(root)
        text = catalog_text(data)
        if unless_current and _current(root, text):
            point_latest(root, data)
            return data
        write_atomic(root / CATALOG, text)
        point_latest(root, data)
        from .index_page import write_index_page  # pandas and Arrow: only when a page is drawn

        write_index_page(root, data, drawn)
    finally:
        os.close(fd)
    return data


def is_current(root: Path) -> bool:
    """Whether catalog.json and index.html already describe the release folders as they are."""
    root = Path(root)
    if not root.is_dir():
        return False
    return _current(root, catalog_text(scan(root)))


def catalog_text(data: dict) -> str:
    """catalog.json as written."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _current(root: Path, catalog_text: str) -> bool:
    cat, page = root / CATALOG, root / INDEX_PAGE
    try:
        if cat.read_text(encoding="utf-8") != catalog_text:
            return False
        page_mtime = page.stat().st_mtime_ns
        return page_mtime >= cat.stat().st_mtime_ns and page_mtime >= INDEX_PAGE_CODE.stat().st_mtime_ns
    except OSError:
        return False


def sweep_temporary(root: Path) -> list[str]:
    """Remove the leftovers of an atomic write of the catalogue or its page that was killed."""
    removed = []
    for name in (CATALOG, INDEX_PAGE):
        for p in Path(root).glob(f".{name}.*.tmp"):
            if p.is_file() and not p.is_symlink():
                p.unlink(missing_ok=True)
                removed.append(p.name)
    return removed
