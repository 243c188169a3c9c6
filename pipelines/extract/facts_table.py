"""Report texts → the facts frame (one row per fact, with its report's id and metadata)."""

from __future__ import annotations

import pandas as pd

from pipelines.ingest.formats.common import Locator, locations_from_json
from schemas.tables import FactsModel

from .cache import FactCache

FACT_FIELDS = (
    "quote",
    "char_start",
    "char_end",
    "number_text",
    "value",
    "unit_text",
    "normalized_value",
    "base_unit",
    "qualifier",
    "indicator_code",
    "subject",
    "about",
    "sentence",
)


def fact_id(report_id: str, start: int, end: int) -> str:
    return f"{report_id}-{start:06d}-{end:06d}"


def facts_frame(texts: pd.DataFrame, cache: FactCache) -> pd.DataFrame:
    rows = []
    for rep in texts.itertuples():
        where_is = Locator(locations_from_json(getattr(rep, "locations", "") or ""))
        for f in cache.facts(rep.sha256, rep.text):
            where = where_is(f["char_start"], f["char_end"], f["number_text"], rep.text)
            rows.append(
                {
                    "fact_id": fact_id(rep.report_id, f["char_start"], f["char_end"]),
                    "report_id": rep.report_id,
                    "file_name": rep.file_name,
                    "institution": rep.institution,
                    "published": rep.published,
                    **{k: f[k] for k in FACT_FIELDS},
                    "extractor_version": cache.version,
                    "page": where.page,
                    "cell": where.cell,
                }
            )
    cols = list(FactsModel.to_schema().columns)
    df = pd.DataFrame(rows, columns=cols)
    for c in ("value", "normalized_value"):
        df[c] = df[c].astype("float64")
    for c in ("char_start", "char_end"):
        df[c] = df[c].astype("int64")
    df["published"] = pd.to_datetime(df["published"])
    df["page"] = df["page"].astype("float64")
    return df.reset_index(drop=True)
