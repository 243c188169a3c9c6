"""What a release promises: a valid Frictionless data package; no new version without new
content; a MINOR version with a changelog naming the new facts when a report is added; the same
bytes from the same inbox anywhere; published versions never rewritten; and a process killed
mid-publish leaving catalog.json and the previous release intact."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import frictionless
import pyarrow.parquet as pq
import pytest

from pipelines.ingest import refresh_inputs
from pipelines.publish import catalog, csv_rows, release, row_hash_store
from pipelines.publish.download import download

from conftest import ROOT
from release_helpers import DATASET, EXTRA_REPORT, REPORTS, build_tables, refresh, write_inbox

TESTS = ROOT / "tests"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    """(two reports, the same plus one more) as published tables."""
    tmp = tmp_path_factory.mktemp("tables")
    first = build_tables(write_inbox(tmp / "inbox1", REPORTS), tmp / "data1")
    second = build_tables(write_inbox(tmp / "inbox2", {**REPORTS, **EXTRA_REPORT}), tmp / "data2")
    return first, second


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def hidden(folder: Path) -> list[str]:
    """Leftovers of a publish (staging folders, temp files); the dataset's lock file, its
    fingerprint record, the latest release's row hashes and CSV row index, and the record of the
    latest release's inputs stay by design."""
    kept = (
        release.LOCK_FILE,
        release.FINGERPRINT_FILE,
        row_hash_store.STORE_DIR,
        csv_rows.STORE_DIR,
        refresh_inputs.RECORD_FILE,
    )
    return [str(p.relative_to(folder)) for p in folder.rglob(".*") if p.name not in kept]


# --- fast: release.run on tables built once ------------------------------------------------------


def test_frictionless_validates_the_published_datapackage(tables, tmp_path):
    result = release.run(tables[1], tmp_path / "pub", DATASET, today=date(2024, 8, 1))
    dp_path = result.path / "datapackage.json"
    report = frictionless.validate(str(dp_path))
    problems = [e.message for e in report.errors] + [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, problems
    names = {t.name for t in report.tasks}
    assert {"facts-csv", "facts-parquet", "report-texts-csv", "quarantine-parquet", "duckdb"} <= names
    assert len(names) == 13
    rows = {t.name: t.stats.get("rows") for t in report.tasks}
    assert rows["facts-csv"] == rows["facts-parquet"] == 12  # the BOM'd CSV and the Parquet both read in full

    # frictionless really checks the CSVs' declared bytes and sha256, and the Parquet content against the schema
    facts_csv = result.path / "facts.csv"
    facts_csv.write_bytes(facts_csv.read_bytes().replace("襄阳".encode(), "湘阳".encode(), 1))
    bad = frictionless.validate(str(dp_path))
    assert not bad.valid
    assert {e.type for t in bad.tasks if t.name == "facts-csv" for e in t.errors} == {"hash-count"}


def test_the_descriptor_and_checksums_describe_every_file(tables, tmp_path):
    result = release.run(tables[0], tmp_path / "pub", DATASET, today=date(2024, 7, 1))
    files = {p.name for p in result.path.iterdir()}
    sums = dict(line.split("  ")[::-1] for line in (result.path / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == files - {"SHA256SUMS"}  # data, datapackage.json, README.md, CHANGELOG.md
    assert release.verify_release(result.path) == []
    dp = json.loads((result.path / "datapackage.json").read_text(encoding="utf-8"))
    assert dp["created"] == "2024-07-01T00:00:00Z"
    for res in dp["resources"]:
        assert res["hash"] == f"sha256:{sums[res['path']]}"
        assert (
            res.get("bytes", (result.path / res["path"]).stat().st_size) == (result.path / res["path"]).stat().st_size
        )
    entry = json.loads((tmp_path / "pub" / "catalog.json").read_text(encoding="utf-8"))["datasets"][DATASET]
    v = entry["versions"][0]
    assert v["created"] == "2024-07-01" and v["latest"]
    assert all(f["bytes"] == (tmp_path / "pub" / f["path"]).stat().st_size for f in v["files"])
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o755  # not mkdtemp's 0700: a web server can read it
    assert stat.S_IMODE((tmp_path / "pub" / "catalog.json").stat().st_mode) == 0o644


def test_a_published_version_is_never_rewritten(tables, tmp_path):
    root = tmp_path / "pub"
    first, second = tables
    assert release.run(first, root, DATASET).version == "1.0.0"
    before = snapshot(root)
    with pytest.raises(release.ReleaseError, match="1.0.0 of ie-facts is already published with different content"):
        release.run(second, root, DATASET, version="1.0.0")
    assert snapshot(root) == before and hidden(root) == []
    same = release.run(first, root, DATASET, version="1.0.0")  # the same bytes again: nothing to do
    assert not same.created and snapshot(root) == before
    for bad in ("../1.0.0", "1.0", "/tmp/x"):
        with pytest.raises(release.ReleaseError, match="not a MAJOR.MINOR.PATCH version"):
            release.run(second, root, DATASET, version=bad)
    assert snapshot(root) == before and not (tmp_path / "x").exists()


def test_unchanged_content_publishes_nothing_and_a_new_report_is_minor(tables, tmp_path):
    root = tmp_path / "pub"
    first, second = tables
    assert release.run(first, root, DATASET, today=date(2024, 7, 1)).created
    again = release.run(first, root, DATASET, today=date(2024, 7, 2))
    assert (again.created, again.version) == (False, "1.0.0")
    minor = release.run(second, root, DATASET, today=date(2024, 8, 1))
    assert (minor.created, minor.version, minor.bump) == (True, "1.1.0", "minor")
    assert sorted(release.published_versions(root, DATASET)) == ["1.0.0", "1.1.0"]


def test_an_error_mid_write_leaves_everything_as_it_was(tables, tmp_path, monkeypatch):
    root = tmp_path / "pub"
    release.run(tables[0], root, DATASET)
    before = snapshot(root)
    calls = []

    def failing(df, table, folder, *rest, **kw):
        calls.append(table)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(df, table, folder, *rest, **kw)

    real = release.write_table
    monkeypatch.setattr(release, "write_table", failing)
    with pytest.raises(OSError, match="disk full"):
        release.run(tables[1], root, DATASET)
    assert snapshot(root) == before and hidden(root) == []


def test_a_release_from_before_docs_were_checksummed_still_compares_and_downloads(tables, tmp_path):
    """Releases published before SHA256SUMS listed datapackage.json, README.md and CHANGELOG.md
    (like an existing published/ie-facts/1.0.0) keep working: same data is no new version, and a
    download verifies the data and says which docs it could not verify."""
    root = tmp_path / "pub"
    first = release.run(tables[0], root, DATASET)
    sums = first.path / "SHA256SUMS"
    sums.write_text(
        "".join(ln + "\n" for ln in sums.read_text().splitlines() if ln.endswith((".csv", ".parquet", ".duckdb")))
    )
    catalog.rebuild(root)
    assert not release.run(tables[0], root, DATASET).created
    result = download(DATASET, str(root), target=tmp_path / "dl")
    assert sorted(result.unverified) == ["CHANGELOG.md", "README.md", "datapackage.json"]


# --- slow: the real pipeline ---------------------------------------------------------------------


@pytest.mark.e2e
def test_two_refreshes_of_the_same_inbox_leave_one_version(tmp_path):
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    pub = tmp_path / "published"
    assert refresh(inbox, pub, tmp_path / "data")
    before = snapshot(pub)
    assert refresh(inbox, pub, tmp_path / "data")
    assert release.published_versions(pub, DATASET) == ["1.0.0"]
    assert snapshot(pub) == before and hidden(pub) == []


@pytest.mark.e2e
def test_one_more_report_gives_a_minor_version_whose_changelog_names_the_new_facts(tmp_path):
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    pub = tmp_path / "published"
    assert refresh(inbox, pub, tmp_path / "data")
    first = snapshot(pub / DATASET / "1.0.0")
    write_inbox(inbox, EXTRA_REPORT)
    assert refresh(inbox, pub, tmp_path / "data")
    assert sorted(release.published_versions(pub, DATASET)) == ["1.0.0", "1.1.0"]
    assert snapshot(pub / DATASET / "1.0.0") == first  # the previous release untouched
    cat = json.loads((pub / "catalog.json").read_text(encoding="utf-8"))["datasets"][DATASET]
    assert cat["latest"] == "1.1.0"

    log = (pub / DATASET / "1.1.0" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 1.1.0" in log and "Changes since 1.0.0" in log and "### Facts added" in log
    facts = pq.read_table(pub / DATASET / "1.1.0" / "facts.parquet").to_pandas()
    new = facts[facts["file_name"] == "xiangyang.txt"]
    assert len(new) == 4
    for f in new.itertuples():
        assert f"`{f.fact_id}` 襄阳工业职业技术学院: {f.quote}" in log
    assert "520万元" in log and "| facts | 4 | 0 | 0 |" in log
    old_ids = set(pq.read_table(pub / DATASET / "1.0.0" / "facts.parquet").to_pandas()["fact_id"])
    assert not any(f"`{i}`" in log for i in old_ids)  # only the new facts are listed


@pytest.mark.e2e
def test_the_same_inbox_built_in_two_folders_gives_identical_checksums(tmp_path):
    sums = []
    for side in ("a", "b"):
        inbox = write_inbox(tmp_path / side / "somewhere" / "inbox", REPORTS)
        assert refresh(inbox, tmp_path / side / "published", tmp_path / side / "data")
        sums.append((tmp_path / side / "published" / DATASET / "1.0.0" / "SHA256SUMS").read_text())
    created = [
        json.loads((tmp_path / s / "published" / DATASET / "1.0.0" / "datapackage.json").read_text())["created"]
        for s in ("a", "b")
    ]
    assert all(f"  {DATASET}.duckdb\n" in s for s in sums)
    if created[0] != created[1]:  # the two builds straddled midnight: only the dated docs may differ
        data = (".csv", ".parquet", ".duckdb")
        sums = ["".join(ln for ln in s.splitlines(True) if ln.rstrip().endswith(data)) for s in sums]
    assert sums[0] == sums[1] and sums[0].count("\n") >= 13  # the DuckDB database included


CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from pipelines.publish import catalog, release
from release_helpers import refresh

def stall(real):
    def inner(*args, **kwargs):
        out = real(*args, **kwargs) if {where!r} == "write_table" else None
        Path({marker!r}).write_text("inside")
        time.sleep(600)
        return out
    return inner

if {where!r} == "write_table":
    release.write_table = stall(release.write_table)   # killed while writing the data files in staging
elif {where!r} == "catalog":
    catalog.rebuild = stall(catalog.rebuild)            # killed after the rename, before the catalogue is rewritten
sys.exit(0 if refresh(Path({inbox!r}), Path({published!r}), Path({data!r})) else 1)
"""


def child(tmp_path: Path, where: str | None) -> subprocess.Popen:
    """A refresh in its own process (every refresh of the test, so that all run the same code even
    while the extractor is being edited: its version is a hash of its source)."""
    script = CHILD.format(
        tests=str(TESTS),
        marker=str(tmp_path / "marker"),
        where=where,
        inbox=str(tmp_path / "inbox"),
        published=str(tmp_path / "published"),
        data=str(tmp_path / "data"),
    )
    return subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def child_refresh(tmp_path: Path) -> None:
    proc = child(tmp_path, None)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode(errors="replace")[-3000:]


@pytest.mark.e2e
@pytest.mark.parametrize("where", ["write_table", "catalog"])
def test_a_process_killed_mid_publish_leaves_the_catalogue_and_previous_release_intact(tmp_path, where):
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    pub = tmp_path / "published"
    child_refresh(tmp_path)
    previous = snapshot(pub / DATASET / "1.0.0")
    catalogue, page = (pub / "catalog.json").read_bytes(), (pub / "index.html").read_bytes()

    write_inbox(inbox, EXTRA_REPORT)
    marker = tmp_path / "marker"
    proc = child(tmp_path, where)
    try:
        deadline = time.monotonic() + 300
        while not marker.exists():
            assert proc.poll() is None, proc.stderr.read().decode(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the child never reached the publish step"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
        proc.stderr.close()

    # the previous release and the catalogue (and its page) are exactly as they were
    assert snapshot(pub / DATASET / "1.0.0") == previous
    assert (pub / "catalog.json").read_bytes() == catalogue and (pub / "index.html").read_bytes() == page
    assert json.loads(catalogue)["datasets"][DATASET]["latest"] == "1.0.0"
    assert release.verify_release(pub / DATASET / "1.0.0") == []
    leftovers = [p.name for p in (pub / DATASET).iterdir() if p.name.startswith(release.STAGING_PREFIX)]
    if where == "write_table":
        assert leftovers and release.published_versions(pub, DATASET) == ["1.0.0"]  # killed inside staging
    else:
        assert sorted(release.published_versions(pub, DATASET)) == ["1.0.0", "1.1.0"]
        assert release.verify_release(pub / DATASET / "1.1.0") == []  # renamed into place whole

    # the next run sweeps the staging folder and brings the catalogue up to date
    child_refresh(tmp_path)
    assert sorted(release.published_versions(pub, DATASET)) == ["1.0.0", "1.1.0"]
    assert json.loads((pub / "catalog.json").read_text(encoding="utf-8"))["datasets"][DATASET]["latest"] == "1.1.0"
    assert "1.1.0" in (pub / "index.html").read_text(encoding="utf-8")
    assert not hidden(pub)
