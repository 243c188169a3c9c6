"""The CSV writer builds each file column by column in Arrow: byte for byte what pandas'
to_csv wrote before (the published files and their checksums do not move), on the real tables
and on cells that need quoting; a value of no column's kind goes to pandas' writer."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from pipelines.publish import files

from release_helpers import REPORTS, build_tables, write_inbox


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csv")
    return build_tables(write_inbox(tmp / "inbox", REPORTS), tmp / "data")


def test_every_table_is_written_as_pandas_writes_it(tables):
    for table, df in tables.items():
        out = files.canonical(df, table)
        assert files.csv_bytes(out, table) == files._pandas_csv(out, table), table


@pytest.mark.parametrize(
    "value",
    ["a,b", 'say "yes"', "two\nlines", "carriage\rreturn", "", " lead", "tab\there", "é“中文”", None],
)
def test_cells_that_need_quotes_or_none_are_written_as_pandas_writes_them(tables, value):
    out = files.canonical(tables["facts"], "facts").copy()
    out.loc[0, "subject"] = value
    out.loc[1, "sentence"] = value
    out.loc[0, "page"] = 3.25
    assert files.csv_bytes(out, "facts") == files._pandas_csv(out, "facts")


def test_a_value_of_no_columns_kind_goes_to_pandas(tables, tmp_path):
    out = files.canonical(tables["facts"], "facts").copy()
    out["subject"] = out["subject"].astype(object)
    out.loc[0, "subject"] = 12  # a number strayed into a text column
    assert files.csv_bytes(out, "facts") is None
    files.write_csv(out, "facts", tmp_path / "f.csv", is_canonical=True)
    assert (tmp_path / "f.csv").read_bytes() == files._pandas_csv(out, "facts")


def test_an_empty_table_is_its_header(tables):
    out = files.canonical(tables["facts"], "facts").iloc[:0]
    assert files.csv_bytes(out, "facts") == files._pandas_csv(out, "facts")
    assert pd.read_csv(io.BytesIO(files.csv_bytes(out, "facts"))).empty


def test_a_csv_written_in_pieces_is_the_csv_written_whole(tables, tmp_path, monkeypatch):
    """Pieces of a few rows (a 10k-report facts file is made 65,536 rows at a time) join to the
    file pandas writes, and a value of the wrong kind in a late piece still falls back to it."""
    out = files.canonical(tables["facts"], "facts")
    assert len(out) > 3
    whole = files._pandas_csv(out, "facts")
    assert b"".join(files.csv_chunks(out, "facts", rows=2)) == whole
    monkeypatch.setattr(files, "CSV_CHUNK_ROWS", 2)
    files.write_csv(out, "facts", tmp_path / "a.csv", is_canonical=True)
    assert (tmp_path / "a.csv").read_bytes() == whole
    bad = out.copy()
    bad["subject"] = bad["subject"].astype(object)
    bad.loc[len(bad) - 1, "subject"] = 12345  # not text, in the last piece
    files.write_csv(bad, "facts", tmp_path / "b.csv", is_canonical=True)
    assert (tmp_path / "b.csv").read_bytes() == files._pandas_csv(bad, "facts")
    assert not list(tmp_path.glob(".*.tmp"))  # the abandoned piece-by-piece file is gone


def test_numbers_are_written_as_repr_writes_them_the_short_decimals_in_bulk():
    import numpy as np

    rng = np.random.default_rng(7)
    values = np.concatenate(
        [
            [round(v, int(k)) for v, k in zip(rng.uniform(-1e6, 1e6, 20_000), rng.integers(0, 8, 20_000))],
            rng.random(5_000),
            [1e-5, 1.5e-4, 0.0001, 123456789.123456, 999999999.5, 1e20, -0.5, 0.1 + 0.2, np.nan, 0.786, 1e15 + 0.5],
        ]
    )
    s = pd.Series(values)
    assert files._numbers(s).tolist() == [files._number(v) for v in s]


def test_a_table_already_in_key_order_is_not_copied_and_never_changed(tables):
    """canonical() of a frame that is in key order shares its columns (the facts arrive so: a copy
    held 90 MB at 10k reports) and gives what sorting gives; a shuffled frame is sorted; neither
    input is changed, and empty strings in a nullable column still become null."""
    import numpy as np

    sorted_once = files.canonical(tables["facts"], "facts")
    assert len(sorted_once) > 3
    given = sorted_once.copy()
    given.loc[1, "subject"] = ""  # an empty string where canonical() writes null
    before = given.copy()
    again = files.canonical(given, "facts")
    pd.testing.assert_frame_equal(given, before)  # the input is untouched
    assert again.loc[1, "subject"] is None
    assert np.shares_memory(again["quote"].to_numpy(), given["quote"].to_numpy())  # not copied
    shuffled = given.iloc[::-1].reset_index(drop=True)
    pd.testing.assert_frame_equal(files.canonical(shuffled, "facts"), again)
    assert not np.shares_memory(files.canonical(shuffled, "facts")["quote"].to_numpy(), shuffled["quote"].to_numpy())
