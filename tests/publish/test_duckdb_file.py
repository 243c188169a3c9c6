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
    return write_duckdb(_copy_parquet(src, dst), DATASET).read_bytes()


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


def test_built_from_arrow_tables_it_holds_the_parquet_files_values_and_is_reproducible(parquet_folder, tmp_path):
    """The release builds its database from the Arrow tables its Parquet files are written from,
    beside the writing: the same values as reading the files, the same bytes on a second build."""
    import pyarrow.parquet as pq

    from pipelines.publish.duckdb_file import build_duckdb, seal
    from schemas.tables import PUBLISHED_TABLES

    built = []
    for side in ("a", "b"):
        folder = _copy_parquet(parquet_folder, tmp_path / side)
        arrow = {t: pq.read_table(folder / f"{t}.parquet") for t in PUBLISHED_TABLES}
        path = build_duckdb(folder / f"{DATASET}.duckdb", arrow)
        seal(path, folder)
        built.append(path)
    assert built[0].read_bytes() == built[1].read_bytes()
    from_files = Path(write_duckdb(_copy_parquet(parquet_folder, tmp_path / "c"), DATASET))
    for table in PUBLISHED_TABLES:
        query = f"SELECT * FROM {table} ORDER BY ALL"
        with duckdb.connect(str(built[0]), read_only=True) as a, duckdb.connect(str(from_files), read_only=True) as b:
            assert a.execute(query).fetchall() == b.execute(query).fetchall()
            comments = "SELECT comment FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index"
            assert a.execute(comments, [table]).fetchall() == b.execute(comments, [table]).fetchall()


def _copy_parquet(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True)
    for p in src.glob("*.parquet"):
        shutil.copy(p, dst / p.name)
    return dst
