"""One-line loading: `chanjiao.load` returns a published table as a DataFrame from a folder or a
server, verified and cached; each release has a DuckDB database with keys and named views."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from chanjiao import LoadError, load

from release_helpers import DATASET, publish_two_versions, served


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return publish_two_versions(tmp_path_factory.mktemp("load"))


@pytest.fixture
def pub(built, tmp_path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "published", symlinks=True))


def test_load_the_latest_facts_from_the_projects_own_folder(pub, monkeypatch, tmp_path):
    monkeypatch.setenv("CHANJIAO_PUBLISHED", str(pub))
    facts = load("ie-facts")
    expected = pq.read_table(pub / DATASET / "1.1.0" / "facts.parquet").to_pandas()
    assert len(facts) == len(expected) == 12 and list(facts.columns) == list(expected.columns)
    assert facts["fact_id"].tolist() == expected["fact_id"].tolist()
    assert facts["institution"].dtype == object  # plain strings, not categories
    assert len(load("ie-facts", table="reports")) == 3
    assert len(load("ie-facts", version="1.0.0")) == 8
    assert (tmp_path / "_cache" / DATASET / "1.1.0" / "facts.parquet").exists()  # cached in CHANJIAO_CACHE


def test_load_from_a_server_and_from_the_cache_when_it_is_gone(pub, tmp_path):
    cache = tmp_path / "cache"
    with served(pub) as url:
        facts = load("ie-facts", source=url, cache=cache)
        assert len(facts) == 12
    assert len(load("ie-facts", source=url, version="1.1.0", cache=cache)) == 12  # server stopped: the cache


def test_a_tampered_cached_file_is_fetched_again_and_a_tampered_source_refused(pub, tmp_path):
    cache = tmp_path / "cache"
    load("ie-facts", source=pub, cache=cache)
    cached = cache / DATASET / "1.1.0" / "facts.parquet"
    cached.write_bytes(cached.read_bytes()[:-10])
    assert len(load("ie-facts", source=pub, cache=cache)) == 12
    shutil.rmtree(cache)
    src = pub / DATASET / "1.1.0" / "facts.parquet"
    data = bytearray(src.read_bytes())
    data[100] ^= 1
    src.write_bytes(bytes(data))
    with pytest.raises(LoadError, match="sha256"):
        load("ie-facts", source=pub, cache=cache)


def test_unknown_names_are_clear_errors(pub, tmp_path):
    with pytest.raises(LoadError, match="no dataset 'nope'"):
        load("nope", source=pub, cache=tmp_path / "c")
    with pytest.raises(LoadError, match="no table 'nope'"):
        load("ie-facts", table="nope", source=pub, cache=tmp_path / "c")
    with pytest.raises(LoadError, match="9.9.9"):
        load("ie-facts", version="9.9.9", source=pub, cache=tmp_path / "c")


def test_each_release_has_a_duckdb_database_with_keys_and_named_views(pub):
    path = pub / DATASET / "1.1.0" / f"{DATASET}.duckdb"
    sums = (pub / DATASET / "1.1.0" / "SHA256SUMS").read_text()
    assert f"  {DATASET}.duckdb\n" in sums
    with duckdb.connect(str(path), read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert tables == {"facts", "reports", "report_texts", "institutions", "indicators", "quarantine"}
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == 12
        row = con.execute(
            "SELECT indicator_name_zh, indicator_name_en, sum(normalized_value) FROM facts_named "
            "WHERE indicator_code = 'patents_granted' GROUP BY ALL"
        ).fetchone()
        assert row[1] and row[0] and row[2] == 42
        fks = con.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
        ).fetchall()
        assert ("facts", ["report_id"]) in fks and ("facts", ["indicator_code"]) in fks
        with pytest.raises(duckdb.Error):
            con.execute("INSERT INTO facts SELECT * FROM facts LIMIT 1")  # read-only here; keys hold anyway
    rw = duckdb.connect(":memory:")
    rw.execute(f"ATTACH '{path}' AS r (READ_ONLY)")
    assert rw.execute("SELECT count(*) FROM r.facts_named").fetchone()[0] == 12
