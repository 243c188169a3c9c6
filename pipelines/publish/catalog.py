"""published/catalog.json: every dataset and version with date, row counts and files; the
latest marked. Rebuilt from the release folders themselves (they are the truth), written
atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from . import versioning

CATALOG = "catalog.json"


def scan(root: Path) -> dict:
    datasets = {}
    for ddir in sorted(p for p in Path(root).iterdir() if p.is_dir() and not p.name.startswith(".")):
        versions = []
        for vdir in ddir.iterdir():
            dp_path = vdir / "datapackage.json"
            if not (vdir.is_dir() and versioning.SEMVER.match(vdir.name) and dp_path.exists()):
                continue
            dp = json.loads(dp_path.read_text(encoding="utf-8"))
            files = [{"path": f"{ddir.name}/{vdir.name}/{r['path']}", "format": r["format"], "bytes": r["bytes"],
                      "hash": r["hash"], "table": r["path"].rsplit(".", 1)[0]} for r in dp["resources"]]
            rows = {f["table"]: r.get("rows") for f, r in zip(files, dp["resources"]) if f["format"] == "parquet"}
            versions.append({"version": vdir.name, "created": dp.get("created"), "rows": rows,
                             "bytes": sum(f["bytes"] for f in files), "files": files,
                             "datapackage": f"{ddir.name}/{vdir.name}/datapackage.json"})
        if versions:
            versions.sort(key=lambda v: versioning.parse(v["version"]), reverse=True)
            latest = versions[0]["version"]
            for v in versions:
                v["latest"] = v["version"] == latest
            datasets[ddir.name] = {"name": ddir.name, "latest": latest, "versions": versions}
    return {"datasets": datasets}


def rebuild(root: Path) -> dict:
    root = Path(root)
    data = scan(root)
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".catalog-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    os.replace(tmp, root / CATALOG)
    try:
        from .index_page import write_index
    except ImportError:  # the static page is optional
        return data
    write_index(root, data)
    return data
