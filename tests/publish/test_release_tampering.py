"""A refresh never builds on an altered or incomplete release: the latest release is checked
against its SHA256SUMS before the diff, and a version folder missing any file is an error (not a
version silently dropped from the catalogue or published twice). A catalogue write killed midway
leaves a temporary file that the next publish removes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.publish import release

from release_helpers import DATASET, EXTRA_REPORT, REPORTS, build_tables, publish_two_versions, write_inbox


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tamper")
    root = publish_two_versions(tmp)
    newer = build_tables(
        write_inbox(
            tmp / "inbox3", {**REPORTS, **EXTRA_REPORT, "more.txt": "青山职业学院\n青山职业学院新增合作企业17家。\n"}
        ),
        tmp / "data3",
    )
    return root, newer


@pytest.fixture
def pub(built, tmp_path) -> Path:
    return Path(shutil.copytree(built[0], tmp_path / "published"))


@pytest.fixture
def tables(built):
    return built[1]


def state(pub: Path) -> dict[str, bytes]:
    return {str(p.relative_to(pub)): p.read_bytes() for p in sorted(pub.rglob("*")) if p.is_file()}


def test_an_edited_file_in_the_latest_release_stops_the_refresh(pub, tables):
    facts = pub / DATASET / "1.1.0" / "facts.parquet"
    facts.write_bytes(facts.read_bytes() + b"\0")
    before = state(pub)
    with pytest.raises(
        release.ReleaseError, match=r"1\.1\.0 does not match its SHA256SUMS \(facts\.parquet: checksum mismatch\)"
    ):
        release.run(tables, pub, DATASET)
    assert state(pub) == before


@pytest.mark.parametrize(
    "version, name",
    [("1.0.0", "datapackage.json"), ("1.1.0", "SHA256SUMS"), ("1.0.0", "facts.csv"), ("1.1.0", "README.md")],
)
def test_a_release_folder_missing_a_file_is_an_error(pub, tables, version, name):
    (pub / DATASET / version / name).unlink()
    before = state(pub)
    with pytest.raises(release.ReleaseError, match=rf"incomplete release.*{version}: missing {name}"):
        release.run(tables, pub, DATASET)
    assert state(pub) == before  # no version added, the catalogue not rebuilt without it


def test_a_file_missing_from_the_checksums_is_tampering(pub, tables):
    sums = pub / DATASET / "1.1.0" / "SHA256SUMS"
    sums.write_text("".join(line + "\n" for line in sums.read_text().splitlines() if "facts.csv" not in line))
    with pytest.raises(release.ReleaseError, match=r"facts\.csv: not listed in SHA256SUMS"):
        release.run(tables, pub, DATASET)


def test_an_intact_release_is_built_on(pub, tables):
    result = release.run(tables, pub, DATASET)
    assert result.created and result.previous == "1.1.0" and result.version == "1.2.0"


def test_a_killed_catalogue_write_leaves_nothing_for_good(pub, tables):
    (pub / ".catalog.json.k1ll3d.tmp").write_text('{"datasets": {', encoding="utf-8")
    (pub / ".index.html.x_y.tmp").write_text("<html", encoding="utf-8")
    release.run(tables, pub, DATASET)
    assert sorted(p.name for p in pub.glob(".*.tmp")) == []
