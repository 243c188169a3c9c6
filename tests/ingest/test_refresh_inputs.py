"""The digest of a refresh's inputs, and the record that lets an unchanged refresh stop early:
each input moves its own digest; the record counts only while the release it names is the
latest and is as published."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipelines.ingest import refresh_inputs as ri
from pipelines.publish import release
from pipelines.settings import Paths

from release_helpers import DATASET, REPORTS, build_tables, write_inbox


@pytest.fixture
def paths(tmp_path) -> Paths:
    write_inbox(tmp_path / "inbox", REPORTS)
    return Paths(
        inbox=tmp_path / "inbox",
        published=tmp_path / "published",
        data=tmp_path / "data",
        sources=tmp_path / "no-sources.yaml",
        manifest=tmp_path / "sources.csv",
    )


def code_tree(root: Path) -> Path:
    for rel, text in {"pipelines/a.py": "x = 1\n", "schemas/indicators.csv": "code\nx\n", "assets/b.py": ""}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_each_input_moves_only_its_own_digest(paths, tmp_path):
    code = code_tree(tmp_path / "code")
    before = ri.components(paths, code)

    inbox_file = paths.inbox_dir / "hanshui.txt"
    st = inbox_file.stat()
    os.utime(inbox_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # touched: same bytes, new mtime
    paths.manifest_file.write_text("file,url\n", encoding="utf-8")
    (code / "pipelines" / "a.py").write_text("x = 2\n", encoding="utf-8")
    after = ri.components(paths, code)

    assert ri.changed_inputs(after, {"inputs": before}) == ["inbox", "manifest", "code"]
    assert ri.fingerprint(after) != ri.fingerprint(before)
    assert ri.changed_inputs(after, {}) == list(after)  # no record: every input counts as changed


def test_code_files_cover_sources_data_and_the_lock_but_not_caches(tmp_path):
    code = code_tree(tmp_path)
    (code / "pipelines" / "__pycache__").mkdir()
    (code / "pipelines" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    (code / "uv.lock").write_text("lock", encoding="utf-8")
    names = [name for name, _ in ri.code_files(code)]
    assert sorted(names) == ["assets/b.py", "pipelines/a.py", "schemas/indicators.csv", "uv.lock"]


def test_a_refetch_of_the_same_snapshot_is_no_change_but_a_new_snapshot_is(tmp_path):
    index = tmp_path / "fetched" / "index.json"
    index.parent.mkdir(parents=True)

    def digest(entry: dict) -> str:
        index.write_text(json.dumps({"http://x/a": entry}), encoding="utf-8")
        return ri.fetched_digest(tmp_path)

    first = digest({"file_name": "a.html", "sha256": "1" * 64, "fetched_at": "2026-12-01T00:00:00Z", "etag": "1"})
    assert (
        digest({"file_name": "a.html", "sha256": "1" * 64, "fetched_at": "2026-12-02T00:00:00Z", "etag": "2"}) == first
    )
    assert digest({"file_name": "a.html", "sha256": "2" * 64, "fetched_at": "2026-12-02T00:00:00Z"}) != first
    index.write_text("{not json", encoding="utf-8")
    assert ri.fetched_digest(tmp_path) == "unreadable"
    assert ri.fetched_digest(tmp_path / "nowhere") == "none"


def publish(paths: Paths, tmp_path: Path, parts: dict) -> release.ReleaseResult:
    result = release.run(build_tables(paths.inbox_dir, tmp_path / "build"), paths.published_dir, DATASET)
    ri.write_record(paths.published_dir, DATASET, result.version, parts, result.rows)
    return result


def test_the_record_stops_a_refresh_only_while_its_release_is_latest_and_intact(paths, tmp_path):
    parts = ri.components(paths)
    assert ri.unchanged_release(paths, parts) is None  # nothing published yet

    result = publish(paths, tmp_path, parts)
    same = ri.unchanged_release(paths, parts)
    assert same is not None and (same.version, same.path) == (result.version, result.path)
    assert same.rows == result.rows

    assert ri.unchanged_release(paths, {**parts, "inbox": "other"}) is None  # other inputs

    (paths.published_dir / "catalog.json").write_text("{}", encoding="utf-8")
    assert ri.unchanged_release(paths, parts) is None  # the catalogue page is stale: repair it
    from pipelines.publish import catalog

    catalog.rebuild(paths.published_dir)
    assert ri.unchanged_release(paths, parts) is not None

    sums = result.path / "SHA256SUMS"
    os.chmod(sums, 0o644)
    sums.write_text(sums.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # the release was edited
    assert ri.unchanged_release(paths, parts) is None


def test_a_record_naming_an_older_version_does_not_count(paths, tmp_path):
    parts = ri.components(paths)
    publish(paths, tmp_path, parts)
    record = ri.read_record(paths.published_dir, DATASET)
    ri.record_path(paths.published_dir, DATASET).write_text(
        json.dumps({**record, "version": "0.9.0"}), encoding="utf-8"
    )
    assert ri.unchanged_release(paths, parts) is None
    ri.record_path(paths.published_dir, DATASET).write_text("garbled", encoding="utf-8")
    assert ri.read_record(paths.published_dir, DATASET) == {}
    assert ri.unchanged_release(paths, parts) is None


def test_the_inputs_travel_as_a_table_and_back():
    parts = {"inbox": "a", "code": "b"}
    assert ri.parts_of(ri.frame(parts)) == parts
