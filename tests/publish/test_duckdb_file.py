"""The DuckDB database of a release is byte-reproducible: DuckDB's random database id is replaced
by one derived from the release's Parquet bytes, and the header checksum still verifies."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.publish.duckdb_file import (
    HEADER_ID,
    HEADER_SIZE,
    DuckDBHeaderError,
    header_checksum,
    set_header_id,
    write_duckdb,
)

from release_helpers import DATASET, publish_two_versions


@pytest.fixture(scope="module")
def parquet_folder(tmp_path_factory) -> Path:
    built = publish_two_versions(tmp_path_factory.mktemp("ddb"))
    return built / DATASET / "1.1.0"


def _build(src: Path, dst: Path) -> bytes:
    dst.mkdir(parents=True)
    for p in src.glob("*.parquet"):
        shutil.copy(p, dst / p.name)
    return write_duckdb(dst, DATASET).read_bytes()


def test_two_builds_of_the_same_tables_are_identical_and_open(parquet_folder, tmp_path):
    a = _build(parquet_folder, tmp_path / "a")
    b = _build(parquet_folder, tmp_path / "b")
    assert a == b
    stored = int.from_bytes(a[:8], "little")
    assert header_checksum(a[:HEADER_SIZE]) == stored
    with duckdb.connect(str(tmp_path / "a" / f"{DATASET}.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == 12


def test_different_tables_get_a_different_database_id(parquet_folder, tmp_path):
    a = _build(parquet_folder, tmp_path / "a")
    other = parquet_folder.parent / "1.0.0"
    b = _build(other, tmp_path / "b")
    assert a[HEADER_ID] != b[HEADER_ID]


def test_a_header_that_does_not_verify_is_refused_not_patched(parquet_folder, tmp_path):
    _build(parquet_folder, tmp_path / "a")
    path = tmp_path / "a" / f"{DATASET}.duckdb"
    data = bytearray(path.read_bytes())
    data[200] ^= 0xFF  # the stored checksum no longer matches: a layout this code does not know
    path.write_bytes(bytes(data))
    with pytest.raises(DuckDBHeaderError, match="header layout"):
        set_header_id(path, b"seed")
    assert path.read_bytes() == bytes(data)  # untouched
    path.write_bytes(b"not a database" * 400)
    with pytest.raises(DuckDBHeaderError, match="not a DuckDB file"):
        set_header_id(path, b"seed")
