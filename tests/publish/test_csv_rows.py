"""A release's CSV files copy the previous release's lines for unchanged rows (csv_rows): the file
is byte for byte the one written from scratch, whatever was added, removed, changed or moved, and
only rows the previous file does not hold are formatted."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from pipelines.publish import csv_rows, files, release
from pipelines.publish.fingerprint import fingerprint_and_row_keys, row_keys

from release_helpers import EXTRA_REPORT, REPORTS, build_tables, write_inbox

DATASET = "ie-facts"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csvrows")
    first = build_tables(write_inbox(tmp / "inbox", REPORTS), tmp / "data")
    second = build_tables(write_inbox(tmp / "inbox", EXTRA_REPORT), tmp / "data")
    return first, second


def canon(df: pd.DataFrame, table: str = "facts") -> pd.DataFrame:
    return files.canonical(df, table)


def keys_of(df: pd.DataFrame) -> np.ndarray:
    """The row keys the release computes (fingerprint_and_row_keys) for one table."""
    return row_keys(pd.util.hash_pandas_object(df, index=False, categorize=False).to_numpy(), df.isna().to_numpy())


def write(df, folder, previous=None, table="facts"):
    folder.mkdir(parents=True, exist_ok=True)
    return csv_rows.write_csv(df, table, folder, keys_of(df), previous)


def fresh_bytes(df, tmp_path, table="facts") -> bytes:
    path = tmp_path / "fresh" / f"{table}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_csv(df, table, path, is_canonical=True)
    return path.read_bytes()


class Counting:
    """csv_row_pieces, counting the rows it formats."""

    def __init__(self, monkeypatch):
        self.rows = 0
        real = csv_rows.csv_row_pieces

        def counted(out, table, rows=None):
            self.rows += len(out)
            return real(out, table, rows)

        monkeypatch.setattr(csv_rows, "csv_row_pieces", counted)


def edited(old: pd.DataFrame) -> pd.DataFrame:
    """old with two rows removed (one between rows that stay side by side), a row changed (to text
    that needs quotes), a None turned into the text "None" and two rows added from elsewhere in the
    table, in canonical order."""
    new = old.drop(index=old.index[[2, 5]]).copy()
    new.loc[new.index[0], "sentence"] = 'changed, with "quotes"\nand a line end'
    col = next(c for c in new.columns if new[c].dtype == object and new[c].isna().any())
    at = new.index[new[col].isna()][1]
    new.loc[at, col] = "None"  # hashes as None does in an object column: the null mask tells them apart
    extra = old.iloc[[3, 5]].copy()
    extra["fact_id"] = extra["fact_id"].astype(str) + "-copy"
    return canon(pd.concat([new, extra], ignore_index=True))


def test_a_file_built_on_the_previous_one_is_the_file_written_from_scratch(tables, tmp_path, monkeypatch):
    old = canon(tables[0]["facts"])
    _, index = write(old, tmp_path / "v1")
    assert index is not None and len(index.keys) == len(old)
    new = edited(old)
    counting = Counting(monkeypatch)
    written, new_index = write(new, tmp_path / "v2", csv_rows.Previous(tmp_path / "v1" / "facts.csv", index))
    assert written.path.read_bytes() == fresh_bytes(new, tmp_path)
    # the changed row, the None made "None" and the two added rows were formatted; the rest copied
    assert counting.rows == 4 < len(new)
    # the new index describes the new file as one written without a previous file does
    _, scratch = write(new, tmp_path / "scratch")
    assert np.array_equal(new_index.starts, scratch.starts) and np.array_equal(new_index.keys, scratch.keys)
    body = written.path.read_bytes()
    first = body[new_index.starts[0] : new_index.starts[1]].decode()
    assert first.endswith("\n") and first.count(",") >= len(new.columns) - 1


def test_rows_copied_in_any_order_and_interleaved_with_new_ones(tables, tmp_path, monkeypatch):
    """Every other row new, and the copied rows in reverse order of the previous file: each copied
    line is still its row's, and the new rows are formatted in one pass (not one per run)."""
    old = canon(tables[0]["facts"]).reset_index(drop=True)
    _, index = write(old, tmp_path / "v1")
    reversed_ = old.iloc[::-1].reset_index(drop=True)
    mixed = []
    for i, row in reversed_.iterrows():
        mixed.append(row)
        extra = row.copy()
        extra["fact_id"] = f"{row['fact_id']}-new{i}"
        mixed.append(extra)
    new = pd.DataFrame(mixed).reset_index(drop=True).astype(old.dtypes.to_dict())
    calls = []
    real = csv_rows.csv_row_pieces
    monkeypatch.setattr(csv_rows, "csv_row_pieces", lambda out, table, rows=None: calls.append(1) or real(out, table))
    written, _ = write(new, tmp_path / "v2", csv_rows.Previous(tmp_path / "v1" / "facts.csv", index))
    assert written.path.read_bytes() == fresh_bytes(new, tmp_path)
    assert len(calls) == 1


def test_an_index_is_used_only_for_the_file_it_describes(tables, tmp_path, monkeypatch):
    old = canon(tables[0]["facts"])
    _, index = write(old, tmp_path / "v1")
    ddir = tmp_path / "dataset"
    sha = files.sha256_file(tmp_path / "v1" / "facts.csv")
    csv_rows.save(ddir, "1.0.0", {"facts": index}, {"facts": sha})
    assert csv_rows.load(ddir, "1.0.0", "facts", sha) is not None
    assert csv_rows.load(ddir, "1.0.0", "facts", "0" * 64) is None  # another file
    assert csv_rows.load(ddir, "1.1.0", "facts", sha) is None  # another version
    (ddir / csv_rows.STORE_DIR / "1.0.0" / "facts.parquet").write_bytes(b"not parquet")
    assert csv_rows.load(ddir, "1.0.0", "facts", sha) is None

    # an index of a table whose dtypes differ (the writer may turn other dtypes into other text)
    # copies nothing; the file is still right
    new = edited(old)
    new["value"] = new["value"].astype(object)
    counting = Counting(monkeypatch)
    written, _ = write(new, tmp_path / "v2", csv_rows.Previous(tmp_path / "v1" / "facts.csv", index))
    assert counting.rows == len(new)
    assert written.path.read_bytes() == fresh_bytes(new, tmp_path)


def test_a_release_built_on_the_last_one_has_the_files_of_one_built_alone(tables, tmp_path, monkeypatch):
    first, second = tables
    chained, alone = tmp_path / "chained", tmp_path / "alone"
    release.run(first, chained, DATASET, today=date(2024, 7, 1))
    assert (chained / DATASET / csv_rows.STORE_DIR / "1.0.0" / "facts.parquet").is_file()
    counting = Counting(monkeypatch)
    b = release.run(second, chained, DATASET, today=date(2024, 7, 2))
    formatted = counting.rows
    c = release.run(second, alone, DATASET, today=date(2024, 7, 2), version=b.version)
    assert release._data_sums(b.path) == release._data_sums(c.path)
    assert counting.rows - formatted == sum(len(second[t]) for t in second)  # alone: every row formatted
    assert formatted < counting.rows - formatted  # chained: the rows the first release had were copied
    assert [p.name for p in (chained / DATASET / csv_rows.STORE_DIR).iterdir()] == [b.version]


def test_row_keys_tell_apart_rows_that_hash_alike(tables):
    """None and the text "None" in an object column hash alike in pandas and are written apart."""
    df = pd.DataFrame({"a": ["None", None], "b": ["x", "x"]})
    values = pd.util.hash_pandas_object(df, index=False, categorize=False).to_numpy()
    assert values[0] == values[1]
    _, keys = fingerprint_and_row_keys({t: canon(tables[0][t], t) for t in tables[0]}, is_canonical=True)
    k = row_keys(values, df.isna().to_numpy())
    assert k[0] != k[1]
    assert set(keys) == set(tables[0])


def test_a_row_removed_between_kept_rows_splits_the_copy(tables, tmp_path):
    """Rows side by side in the new file that were not side by side in the old one are two copies."""
    old = canon(tables[0]["facts"])
    _, index = write(old, tmp_path / "v1")
    new = old.drop(index=old.index[len(old) // 2])
    written, _ = write(new, tmp_path / "v2", csv_rows.Previous(tmp_path / "v1" / "facts.csv", index))
    assert written.path.read_bytes() == fresh_bytes(new, tmp_path)
