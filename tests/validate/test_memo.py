"""The memo of rows that passed a contract: validating with it gives exactly what validating
every row gives, checks only rows it has not seen pass, and never lets a changed row, a repeated
key or a new code digest through on the strength of an old pass."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

from pipelines.validate import validate_facts
from pipelines.validate.memo import RowMemo, failure_cases, row_hashes
from schemas.tables import FactsModel


class CountingSchema:
    """Wraps a schema and counts the rows handed to validate."""

    def __init__(self, schema: pa.DataFrameSchema):
        self.schema, self.rows = schema, []

    def __getattr__(self, name):
        return getattr(self.schema, name)

    def validate(self, df, **kw):
        self.rows.append(len(df))
        return self.schema.validate(df, **kw)


def test_with_a_memo_the_result_is_what_validating_every_row_gives(tables, tmp_path):
    texts, facts = tables
    facts = facts.copy()
    facts.loc[2, "qualifier"] = "maybe"
    plain = validate_facts(facts, texts)

    def memos(name):
        return RowMemo(tmp_path / "memo", name, "d1")

    first = validate_facts(facts, texts, memos=memos)
    assert len(memos("facts").seen()) == len(facts) - 1 and len(memos("facts_references").seen()) == len(facts) - 1
    again = validate_facts(facts, texts, memos=memos)
    for result in (first, again):
        pd.testing.assert_frame_equal(result.valid, plain.valid)
        pd.testing.assert_frame_equal(result.quarantine, plain.quarantine)
    assert len(plain.valid) == len(facts) - 1


def test_only_rows_not_seen_pass_before_are_checked(tables, tmp_path):
    _, facts = tables
    memo = RowMemo(tmp_path / "memo", "facts", "d1")
    schema = CountingSchema(FactsModel.to_schema())
    assert failure_cases(facts.iloc[:4], schema, memo).empty
    assert failure_cases(facts, schema, RowMemo(tmp_path / "memo", "facts", "d1")).empty
    assert schema.rows == [4, len(facts) - 4]


def test_a_changed_row_is_checked_again_and_caught(tables, tmp_path):
    _, facts = tables
    memo = RowMemo(tmp_path / "memo", "facts", "d1")
    assert failure_cases(facts, FactsModel.to_schema(), memo).empty
    broken = facts.copy()
    broken.loc[1, "base_unit"] = "furlong"
    cases = failure_cases(broken, FactsModel.to_schema(), RowMemo(tmp_path / "memo", "facts", "d1"))
    assert set(cases["index"]) == {1}
    assert cases["check"].str.startswith("isin").any() and "furlong" in set(cases["failure_case"])


def test_a_key_repeated_across_old_and_new_rows_is_caught(tables, tmp_path):
    _, facts = tables
    memo = RowMemo(tmp_path / "memo", "facts", "d1")
    assert failure_cases(facts, FactsModel.to_schema(), memo).empty
    twice = pd.concat([facts, facts.iloc[[0]].assign(quote=facts["quote"].iloc[0])], ignore_index=True)
    twice.loc[len(facts), "char_start"] = twice.loc[0, "char_start"]  # same fact_id, a row of its own
    cases = failure_cases(twice, FactsModel.to_schema(), RowMemo(tmp_path / "memo", "facts", "d1"))
    assert set(cases.loc[cases["column"] == "fact_id", "index"]) == {0, len(facts)}


def test_a_table_level_failure_is_seen_even_when_every_row_passed_before(tables, tmp_path):
    _, facts = tables
    memo = RowMemo(tmp_path / "memo", "facts", "d1")
    assert failure_cases(facts, FactsModel.to_schema(), memo).empty
    cases = failure_cases(facts.drop(columns=["base_unit"]), FactsModel.to_schema(), memo)
    assert cases["index"].isna().any()


def test_a_new_code_digest_starts_empty_and_removes_the_old_memo(tables, tmp_path):
    _, facts = tables
    old = RowMemo(tmp_path / "memo", "facts", "d1")
    failure_cases(facts, FactsModel.to_schema(), old)
    assert old.path.exists() and len(old.seen()) == len(facts)
    new = RowMemo(tmp_path / "memo", "facts", "d2")
    schema = CountingSchema(FactsModel.to_schema())
    failure_cases(facts, schema, new)
    assert schema.rows == [len(facts)]
    assert new.path.exists() and not old.path.exists()


def test_a_torn_memo_file_means_validate_everything(tables, tmp_path):
    _, facts = tables
    memo = RowMemo(tmp_path / "memo", "facts", "d1")
    memo.path.parent.mkdir(parents=True)
    memo.path.write_bytes(b"\x93NUMPY garbage")
    assert len(memo.known(row_hashes(facts))) == len(facts) and not memo.known(row_hashes(facts)).any()


def test_row_hashes_see_values_and_column_names_not_the_index():
    a = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
    assert (row_hashes(a) == row_hashes(a.set_axis([7, 8]))).all()
    assert row_hashes(a)[0] != row_hashes(a.assign(y=["c", "b"]))[0]
    assert not np.array_equal(row_hashes(a), row_hashes(a.rename(columns={"y": "z"})))


def test_the_cross_table_memo_is_not_used_when_a_fact_names_a_report_not_among_the_texts(tables, tmp_path):
    texts, facts = tables

    def memos(name):
        return RowMemo(tmp_path / "memo", name, "d1")

    validate_facts(facts, texts, memos=memos)
    result = validate_facts(facts, texts.iloc[:0], memos=memos)  # the report is gone, its facts are not
    assert result.valid.empty and set(result.quarantine["check"]) == {"report_exists", "quote_matches_report_text"}


def test_rows_passed_before_and_new_rows_some_bad_give_what_validating_every_row_gives(tables, tmp_path):
    """The mixed case of a refresh with a new report: old rows are only coerced, new rows are
    validated, a bad new row is quarantined; the valid rows keep the input's order."""
    texts, facts = tables
    facts = facts.copy()
    facts.loc[len(facts) - 2, "qualifier"] = "maybe"  # a bad row among the new ones

    def memos(name):
        return RowMemo(tmp_path / "memo", name, "d1")

    validate_facts(facts.iloc[:3], texts, memos=memos)
    mixed = validate_facts(facts, texts, memos=memos)
    plain = validate_facts(facts, texts)
    pd.testing.assert_frame_equal(mixed.valid, plain.valid)
    pd.testing.assert_frame_equal(mixed.quarantine, plain.quarantine)
    assert len(mixed.valid) == len(facts) - 1


def test_the_memo_knows_exactly_the_hashes_it_was_given(tmp_path):
    rng = np.random.default_rng(7)
    memo = RowMemo(tmp_path, "t", "d1")
    given: set[int] = set()
    for _ in range(5):
        batch = rng.integers(0, 2**64, size=200, dtype=np.uint64)
        batch = np.concatenate([batch, batch[:20]])  # repeats within a batch
        memo.remember(batch)
        given |= set(batch.tolist())
        probe = np.concatenate([batch, rng.integers(0, 2**64, size=200, dtype=np.uint64)])
        assert memo.known(probe).tolist() == [int(h) in given for h in probe]
    reread = RowMemo(tmp_path, "t", "d1")
    assert sorted(reread.seen().tolist()) == sorted(given) and np.all(np.diff(reread.seen().astype(np.float64)) >= 0)
    assert not RowMemo(tmp_path, "empty", "d1").known(np.array([1, 2], dtype=np.uint64)).any()
