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
    named = texts.dropna(subset=["institution"])
    rows = []
    for name, group in named.groupby("institution"):
        abbrs = sorted({a for s in group["abbreviations"] for a in s.split("|") if a})
        rows.append(
            {
                "institution": name,
                "abbreviations": "|".join(abbrs),
                "n_reports": len(group),
                "n_facts": int((facts["institution"] == name).sum()),
                "first_published": group["published"].min(),
                "last_published": group["published"].max(),
            }
        )
    df = pd.DataFrame(rows, columns=_columns(InstitutionsModel))
    for c in ("first_published", "last_published"):
        df[c] = pd.to_datetime(df[c])
    return df


def catalogue_frame() -> pd.DataFrame:
    return pd.DataFrame(read_catalog())
