"""The published tables that are built from others: reports, report texts, institutions and
the indicator catalogue. Each frame has exactly its model's columns, in its model's order."""

from __future__ import annotations

import pandas as pd

from schemas.catalog import read_catalog
from schemas.tables import InstitutionsModel, ReportsModel, ReportTextsModel


def _columns(model) -> list[str]:
    return list(model.to_schema().columns)


def reports_frame(texts: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    counts = facts.groupby("report_id").size()
    out = texts.drop(columns=["text", "abbreviations"]).copy()
    out["n_facts"] = out["report_id"].map(counts).fillna(0).astype("int64")
    return out[_columns(ReportsModel)]


def report_texts_frame(texts: pd.DataFrame) -> pd.DataFrame:
    return texts[_columns(ReportTextsModel)].copy()


def institutions_frame(texts: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """One row per named institution. Linear in reports + facts: every count is one group-by
    (never a scan of the facts per institution)."""
    cols = _columns(InstitutionsModel)
    named = texts.dropna(subset=["institution"])
    if named.empty:
        df = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
        for c in ("n_reports", "n_facts"):
            df[c] = df[c].astype("int64")
    else:
        by = named.groupby("institution", sort=True)
        abbr = (
            named[["institution", "abbreviations"]]
            .assign(abbreviations=named["abbreviations"].fillna("").str.split("|"))
            .explode("abbreviations")
        )
        abbr = abbr[abbr["abbreviations"].fillna("") != ""].drop_duplicates()
        joined = (
            abbr.sort_values(["institution", "abbreviations"]).groupby("institution")["abbreviations"].agg("|".join)
        )
        df = pd.DataFrame(
            {
                "n_reports": by.size(),
                "first_published": by["published"].min(),
                "last_published": by["published"].max(),
            }
        )
        df["abbreviations"] = joined.reindex(df.index).fillna("")
        df["n_facts"] = facts["institution"].value_counts().reindex(df.index).fillna(0).astype("int64")
        df = df.rename_axis("institution").reset_index()[cols]
    for c in ("first_published", "last_published"):
        df[c] = pd.to_datetime(df[c])
    return df.reset_index(drop=True)


def catalogue_frame() -> pd.DataFrame:
    return pd.DataFrame(read_catalog())
