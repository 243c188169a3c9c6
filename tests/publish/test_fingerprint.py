"""A refresh whose tables are unchanged writes no file: the tables' fingerprint, taken before
any file is written, equals the latest release's."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.publish import fingerprint, release

from release_helpers import DATASET, REPORTS, build_tables, write_inbox


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fp")
    return build_tables(write_inbox(tmp / "inbox", REPORTS), tmp / "data")


def test_unchanged_tables_write_nothing(tables, tmp_path, monkeypatch):
    first = release.run(tables, tmp_path, DATASET, today=date(2024, 8, 1))
    assert first.created

    def no_writing(*a, **k):
        raise AssertionError("a file was written for unchanged tables")

    monkeypatch.setattr(release, "write_table", no_writing)
    monkeypatch.setattr(release.tempfile, "mkdtemp", no_writing)
    again = release.run({t: df.copy() for t, df in tables.items()}, tmp_path, DATASET, today=date(2024, 8, 2))
    assert (again.created, again.version, again.rows) == (False, first.version, first.rows)


def test_a_changed_value_is_written_and_published(tables, tmp_path):
    release.run(tables, tmp_path, DATASET, today=date(2024, 8, 1))
    changed = {t: df.copy() for t, df in tables.items()}
    changed["facts"].loc[0, "normalized_value"] += 1
    result = release.run(changed, tmp_path, DATASET, today=date(2024, 8, 2))
    assert result.created and result.bump == "patch"


def test_a_release_without_a_recorded_fingerprint_is_compared_by_its_files(tables, tmp_path):
    first = release.run(tables, tmp_path, DATASET, today=date(2024, 8, 1))
    (tmp_path / DATASET / release.FINGERPRINT_FILE).unlink()
    again = release.run(tables, tmp_path, DATASET, today=date(2024, 8, 2))
    assert not again.created and again.version == first.version
    assert (tmp_path / DATASET / release.FINGERPRINT_FILE).exists()  # remembered for next time


def test_the_fingerprint_sees_every_table_value_null_and_order_independent_of_row_order(tables):
    base = fingerprint.tables_fingerprint(tables)
    shuffled = {t: df.sample(frac=1, random_state=1) for t, df in tables.items()}
    assert fingerprint.tables_fingerprint(shuffled) == base  # rows are written in key order
    for table, df in tables.items():
        if df.empty:
            continue
        col = next(c for c in df.columns if df[c].dtype == object and df[c].notna().any())
        edited = {**tables, table: df.copy()}
        i = edited[table][col].first_valid_index()
        edited[table].loc[i, col] = str(edited[table].loc[i, col]) + "x"
        assert fingerprint.tables_fingerprint(edited) != base, table
    # a null and the string "None" are written differently, so they must hash apart
    as_null = {**tables, "reports": tables["reports"].copy()}
    as_null["reports"]["publisher"] = None
    as_text = {**tables, "reports": tables["reports"].copy()}
    as_text["reports"]["publisher"] = "None"
    assert fingerprint.tables_fingerprint(as_null) != fingerprint.tables_fingerprint(as_text)
