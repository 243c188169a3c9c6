"""Report texts → the facts frame: one row per fact, with its report's id, who the number
belongs to and the period it covers (extract/attribution.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from pipelines.ingest.formats.common import Locator, locations_from_json
from pipelines.progress import Report
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


_PIPELINES = Path(__file__).resolve().parents[1]
# What who-and-when and the page/cell of a fact depend on besides the extractor (whose version
# names the cache folder): their code.
_ROWS_CODE = (
    "extract/attribution.py",
    "extract/facts_table.py",
    "extract/doc.py",
    "extract/simplify.py",
    "extract/numbers.py",
    "ingest/metadata.py",
    "ingest/formats/common.py",
)
ROWS_VERSION = hashlib.sha256(b"".join((_PIPELINES / p).read_bytes() for p in _ROWS_CODE)).hexdigest()[:8]


def _rows_key(rep, year) -> str:
    """A report's attributions depend on its bytes (text, facts, page map: sha256 and the
    name's suffix) and on its metadata."""
    parts = [rep.sha256, Path(rep.file_name).suffix.lower(), *map(_clean, (rep.institution, rep.publisher, rep.title))]
    return hashlib.sha256(json.dumps([*parts, year], ensure_ascii=False).encode()).hexdigest()


def _derived(rep, facts: list[dict], year) -> list[list]:
    """Per fact: entity, level, period start, end and source, page, cell."""
    attributions = attribute_facts(
        rep.text,
        [number_position(f["char_start"], f["quote"], f["number_text"]) for f in facts],
        _clean(rep.institution),
        _clean(rep.publisher),
        _clean(rep.title),
        year,
    )
    where_is = Locator(locations_from_json(getattr(rep, "locations", "") or ""))
    out = []
    for f, a in zip(facts, attributions, strict=True):
        where = where_is(f["char_start"], f["char_end"], f["number_text"], rep.text)
        period = a.period
        if where.period and str(where.period).isdigit():  # a table's year column says it
            period = Period(int(where.period), int(where.period), "text")
        out.append([a.entity.name, a.entity.level, period.start, period.end, period.source, where.page, where.cell])
    return out


def _clean(v):
    return None if v is None or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v


def facts_frame(texts: pd.DataFrame, cache: FactCache, progress: Report | None = None) -> pd.DataFrame:
    rows = []
    per_report = cache.facts_of(zip(texts["sha256"], texts["text"]), progress)
    for rep, facts in zip(texts.itertuples(), per_report, strict=True):
        year = None if pd.isna(rep.published) else rep.published.year
        key, kind = _rows_key(rep, year), f"rows-{ROWS_VERSION}"
        derived = cache.cached(key, kind)
        if derived is None or len(derived) != len(facts):
            derived = _derived(rep, facts, year)
            cache.put(key, derived, kind)
        for f, (entity, level, p_start, p_end, p_source, page, cell) in zip(facts, derived, strict=True):
            rows.append(
                {
                    "fact_id": fact_id(rep.report_id, f["char_start"], f["char_end"]),
                    "report_id": rep.report_id,
                    "file_name": rep.file_name,
                    "institution": rep.institution,
                    "entity": entity,
                    "entity_level": level,
                    "published": rep.published,
                    "period_start": p_start,
                    "period_end": p_end,
                    "period_source": p_source,
                    **{k: f[k] for k in FACT_FIELDS},
                    "extractor_version": cache.version,
                    "page": page,
                    "cell": cell,
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
