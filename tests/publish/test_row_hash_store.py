"""The latest release's row hashes, kept beside the versions, stand in for its tables in the next
release's comparison: they are the hashes of the release's own files, they give the same
changelog as reading the release, and a store that no longer matches the release is not used."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from pipelines.publish import changelog, release, row_hash_store
from pipelines.publish.files import canonical
from schemas.tables import PUBLISHED_TABLES

from release_helpers import DATASET, copy_tables, three_report_tables


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    return three_report_tables(tmp_path_factory.mktemp("store"))


copy = copy_tables


def edited(tables):
    """One fact removed, one changed, one added (a copy of another under a new key)."""
    new = copy(tables)
    facts = new["facts"]
    changed = facts.index[facts["quote"].str.contains("350万元")][0]
    facts.loc[changed, ["value", "normalized_value"]] = [360.0, 3_600_000.0]
    gone = facts.index[facts.index != changed][0]
    extra = facts.loc[[changed]].assign(fact_id="f-added-by-the-test")
    new["facts"] = facts.drop(index=gone)._append(extra)
    return new


def test_the_kept_hashes_are_those_of_the_release_files(three, tmp_path):
    result = release.run(three, tmp_path / "pub", DATASET, today=date(2024, 7, 1))
    sums = release._data_sums(result.path)
    for table in PUBLISHED_TABLES:
        kept = row_hash_store.load(tmp_path / "pub" / DATASET, "1.0.0", table, sums[f"{table}.parquet"])
        assert kept is not None, table
        read_back = changelog.hashed_rows(release._read_parquet(result.path / f"{table}.parquet"), table, kept.cols)
        assert np.array_equal(kept.hashes, read_back.hashes), table
        assert kept.keys.equals(read_back.keys), table


def test_the_changelog_is_the_same_with_or_without_the_kept_hashes(three, tmp_path):
    with_store, without = tmp_path / "a", tmp_path / "b"
    for pub in (with_store, without):
        release.run(three, pub, DATASET, today=date(2024, 7, 1))
    assert (with_store / DATASET / row_hash_store.STORE_DIR / "1.0.0").is_dir()
    (without / DATASET / row_hash_store.STORE_DIR / "1.0.0" / "facts.parquet").unlink()

    new = edited(three)
    a = release.run(new, with_store, DATASET, today=date(2024, 8, 1))
    b = release.run(new, without, DATASET, today=date(2024, 8, 1))
    assert a.diff["facts"] == b.diff["facts"] == {"added": 1, "removed": 1, "changed": 1}
    assert a.diff == b.diff
    log = (a.path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log == (b.path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "value: 350 → 360" in log and "f-added-by-the-test" in log
    # only the latest release's hashes are kept
    assert [p.name for p in (with_store / DATASET / row_hash_store.STORE_DIR).iterdir()] == [a.version]


def test_the_old_rows_are_read_only_where_rows_were_removed_or_changed(three, tmp_path):
    old = changelog.hashed_rows(canonical(three["facts"], "facts"), "facts")
    asked = []

    def take(at):
        asked.append(list(at))
        return three["facts"].iloc[at]

    new = canonical(three["facts"], "facts")
    d = changelog.diff_hashed(old, take, new, changelog.hashed_rows(new, "facts"))
    assert d.counts == {"added": 0, "removed": 0, "changed": 0} and asked == []
    grown = canonical(edited(three)["facts"], "facts")
    d = changelog.diff_hashed(old, take, grown, changelog.hashed_rows(grown, "facts"))
    assert d.counts == {"added": 1, "removed": 1, "changed": 1} and len(asked) == 1 and len(asked[0]) == 2


def test_a_store_that_does_not_match_the_release_is_not_used(three, tmp_path):
    result = release.run(three, tmp_path / "pub", DATASET, today=date(2024, 7, 1))
    ddir = tmp_path / "pub" / DATASET
    sha = release._data_sums(result.path)["facts.parquet"]
    assert row_hash_store.load(ddir, "1.0.0", "facts", sha) is not None
    assert row_hash_store.load(ddir, "1.0.0", "facts", "0" * 64) is None  # another file
    assert row_hash_store.load(ddir, "1.0.0", "facts", None) is None
    assert row_hash_store.load(ddir, "0.9.0", "facts", sha) is None  # not kept
    (ddir / row_hash_store.STORE_DIR / "1.0.0" / "facts.parquet").write_bytes(b"not parquet")
    assert row_hash_store.load(ddir, "1.0.0", "facts", sha) is None
    # and a release after that compares by reading the previous one
    new = edited(three)
    assert release.run(new, tmp_path / "pub", DATASET, today=date(2024, 8, 1)).diff["facts"] == {
        "added": 1,
        "removed": 1,
        "changed": 1,
    }


def test_row_hashes_are_pandas_hashes_of_the_hashable_columns(three):
    """The fold column by column gives pandas' hash_pandas_object of the whole frame of hashable
    columns bit for bit, so hashes kept by earlier releases (SCHEME) still compare."""
    import pandas as pd

    for table in PUBLISHED_TABLES:
        df = canonical(three[table], table)
        cols = changelog.compared_columns(df.columns)
        whole = pd.DataFrame({c: changelog._hashable(df[c]) for c in cols}, index=df.index)
        expected = pd.util.hash_pandas_object(whole, index=False).to_numpy()
        assert np.array_equal(changelog.row_hashes(df, cols).to_numpy(), expected), table
        c = cols[0]
        assert np.array_equal(changelog.column_hashes(df, c), pd.util.hash_pandas_object(whole[[c]], index=False))


def test_rows_of_a_release_are_read_a_batch_at_a_time_in_the_order_asked(three, tmp_path, monkeypatch):
    result = release.run(three, tmp_path / "pub", DATASET, today=date(2024, 7, 1))
    path = result.path / "facts.parquet"
    whole = release._read_parquet(path)
    monkeypatch.setattr(release, "READ_BATCH_ROWS", 2)  # several batches even for a small table
    n = len(whole)
    for rows in ([n - 1, 0, 3, 3], [], [1]):
        got = release._read_parquet(path, rows)
        expected = whole.iloc[rows].reset_index(drop=True)
        assert got.equals(expected), rows
    with pytest.raises(IndexError):
        release._read_parquet(path, [n])
