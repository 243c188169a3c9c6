"""The tables built from others: right counts, and work that does not grow per institution."""

from __future__ import annotations

import pandas as pd

from pipelines.publish.frames import institutions_frame


def _inputs(n_inst: int, reports_each: int = 3, facts_each: int = 4):
    names = [f"第{i:03d}职业技术学院" for i in range(n_inst)]
    texts = pd.DataFrame(
        {
            "institution": [n for n in names for _ in range(reports_each)] + [None],
            "abbreviations": [("甲职|乙职" if j else "乙职") for _ in names for j in range(reports_each)] + [""],
            "published": pd.to_datetime(
                [f"2024-0{j + 1}-15" if j else None for _ in names for j in range(reports_each)] + ["2024-01-01"]
            ),
        }
    )
    facts = pd.DataFrame({"institution": [n for n in names for _ in range(facts_each)] + [None, "不在表里的学院"]})
    return texts, facts


def test_institutions_have_their_counts_abbreviations_and_dates():
    texts, facts = _inputs(2)
    facts = facts.iloc[1:]  # the first institution has one fact fewer
    df = institutions_frame(texts, facts)
    assert df["institution"].tolist() == ["第000职业技术学院", "第001职业技术学院"]
    assert df["n_reports"].tolist() == [3, 3]
    assert df["n_facts"].tolist() == [3, 4]
    assert df["abbreviations"].tolist() == ["乙职|甲职", "乙职|甲职"]
    assert df["first_published"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-15"] * 2
    assert df["last_published"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-15"] * 2
    assert str(df["n_facts"].dtype) == "int64"


def test_an_institution_without_facts_counts_zero_and_no_institution_gives_an_empty_typed_table():
    texts, facts = _inputs(1)
    assert institutions_frame(texts, facts.iloc[:0])["n_facts"].tolist() == [0]
    empty = institutions_frame(texts.iloc[:0], facts.iloc[:0])
    assert empty.empty and str(empty["n_reports"].dtype) == "int64"


def test_the_facts_are_not_scanned_once_per_institution(monkeypatch):
    """Counting by comparing the whole facts column with each name is quadratic: 10k reports
    about as many colleges took 103 s. The number of column comparisons must not grow with
    the number of institutions."""
    calls = []
    real_eq = pd.Series.__eq__
    monkeypatch.setattr(pd.Series, "__eq__", lambda self, other: calls.append(1) or real_eq(self, other))

    def comparisons(n):
        texts, facts = _inputs(n)
        calls.clear()
        institutions_frame(texts, facts)
        return len(calls)

    assert comparisons(200) == comparisons(5)
