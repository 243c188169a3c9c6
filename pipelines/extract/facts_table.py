"""Report texts → the facts frame: one row per fact, with its report's id, who the number
belongs to and the period it covers (extract/attribution.py)."""

from __future__ import annotations

import pandas as pd

from pipelines.ingest.formats.common import Locator, locations_from_json
from schemas.tables import FactsModel

from .attribution import Period, attribute_facts, number_position
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
    "code_confidence",
    "subject",
    "about",
    "sentence",
)


def fact_id(report_id: str, start: int, end: int) -> str:
    return f"{report_id}-{start:06d}-{end:06d}"


def _clean(v):
    return None if v is None or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v


def facts_frame(texts: pd.DataFrame, cache: FactCache) -> pd.DataFrame:
    rows = []
    per_report = cache.facts_of(zip(texts["sha256"], texts["text"]))
    for rep, facts in zip(texts.itertuples(), per_report, strict=True):
        year = None if pd.isna(rep.published) else rep.published.year
        attributions = attribute_facts(
            rep.text,
            [number_position(f["char_start"], f["quote"], f["number_text"]) for f in facts],
            _clean(rep.institution),
            _clean(rep.publisher),
            _clean(rep.title),
            year,
        )
        where_is = Locator(locations_from_json(getattr(rep, "locations", "") or ""))
        for f, a in zip(facts, attributions, strict=True):
            where = where_is(f["char_start"], f["char_end"], f["number_text"], rep.text)
            period = a.period
            if where.period and str(where.period).isdigit():  # a table's year column says it
                period = Period(int(where.period), int(where.period), "text")
            rows.append(
                {
                    "fact_id": fact_id(rep.report_id, f["char_start"], f["char_end"]),
                    "report_id": rep.report_id,
                    "file_name": rep.file_name,
                    "institution": rep.institution,
                    "entity": a.entity.name,
                    "entity_level": a.entity.level,
                    "published": rep.published,
                    "period_start": period.start,
                    "period_end": period.end,
                    "period_source": period.source,
                    **{k: f[k] for k in FACT_FIELDS},
                    "extractor_version": cache.version,
                    "page": where.page,
                    "cell": where.cell,
                }
            )
    df = pd.DataFrame(rows, columns=list(FactsModel.to_schema().columns))
    for c in ("value", "normalized_value", "code_confidence", "period_start", "period_end"):
        df[c] = df[c].astype("float64")
    for c in ("char_start", "char_end"):
        df[c] = df[c].astype("int64")
    df["published"] = pd.to_datetime(df["published"])
    df["page"] = df["page"].astype("float64")
    return df.reset_index(drop=True)
