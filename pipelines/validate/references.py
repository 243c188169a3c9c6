"""Checks across tables, as a pandera schema: every fact's report exists, and its quote is
exactly the slice of that report's decoded text at [char_start, char_end)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa


def fact_references(texts: pd.DataFrame) -> pa.DataFrameSchema:
    by_id = dict(zip(texts["report_id"], texts["text"]))

    def quote_is_slice(df: pd.DataFrame) -> pd.Series:
        return pd.Series(
            [
                by_id.get(r, "")[s:e] == q
                for r, s, e, q in zip(df["report_id"], df["char_start"], df["char_end"], df["quote"])
            ],
            index=df.index,
        )

    return pa.DataFrameSchema(
        name="facts",
        strict=False,
        checks=[
            pa.Check(
                lambda df: df["report_id"].isin(by_id),
                name="report_exists",
                description="the fact's report is among the ingested reports",
            ),
            pa.Check(
                quote_is_slice,
                name="quote_matches_report_text",
                description="the quote equals the report text between char_start and char_end",
            ),
        ],
    )
