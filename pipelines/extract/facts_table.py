"""Report texts → the facts frame: one row per fact, with its report's id, who the number
belongs to and the period it covers (extract/attribution.py)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pandas as pd

from pipelines.progress import Report
from schemas.tables import FactsModel

from .cache import FactCache
from .frame_store import KEY, POS, FrameStore, frame_key
from .parallel import map_reports
from .who_when import ReportFacts, derive_chunk

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


def fact_id(report_id: str, start: int, end: int, nth: int | None = None) -> str:
    """report id and the quote's span; where facts share a quote (a quote widened to be unique can
    hold a second number), each also its place among them in the text's order (-1, -2, …)."""
    base = f"{report_id}-{start:06d}-{end:06d}"
    return base if nth is None else f"{base}-{nth}"


_PIPELINES = Path(__file__).resolve().parents[1]
# What who-and-when and the page/cell of a fact depend on besides the extractor (whose version
# names the cache folder): their code.
_ROWS_CODE = (
    "extract/attribution.py",
    "extract/facts_table.py",
    "extract/who_when.py",
    "extract/doc.py",
    "extract/simplify.py",
    "extract/numbers.py",
    "ingest/metadata.py",
    "ingest/formats/common.py",
)
ROWS_VERSION = hashlib.sha256(b"".join((_PIPELINES / p).read_bytes() for p in _ROWS_CODE)).hexdigest()[:8]


def _rows_key(rep, year) -> str:
    """A report's attributions depend on its bytes (text, facts, page map: sha256 and the
    name's suffix) and on its metadata (its source URL's host included)."""
    meta = (rep.institution, rep.publisher, rep.title, getattr(rep, "source_url", None))
    parts = [rep.sha256, Path(rep.file_name).suffix.lower(), *map(_clean, meta)]
    return hashlib.sha256(json.dumps([*parts, year], ensure_ascii=False).encode()).hexdigest()


def _year(rep) -> int | None:
    return None if pd.isna(rep.published) else rep.published.year


def _who_and_when(reports: list, keys: list[str], per_report: list[list[dict]], cache: FactCache) -> list[list[list]]:
    """Each report's who-and-when rows (who_when.py): cached ones read, the others derived
    together (on every core when there are enough, see parallel.py) and cached."""
    kind = f"rows-{ROWS_VERSION}"
    out = [cache.cached(key, kind) for key in keys]
    todo = [i for i, rows in enumerate(out) if rows is None or len(rows) != len(per_report[i])]
    jobs = [
        ReportFacts(
            reports[i].text,
            per_report[i],
            *(_clean(getattr(reports[i], k)) for k in ("institution", "publisher", "title")),
            _year(reports[i]),
            getattr(reports[i], "locations", "") or "",
            _clean(getattr(reports[i], "source_url", None)),
        )
        for i in todo
    ]
    for i, rows in zip(todo, map_reports(derive_chunk, jobs, [len(j.text) for j in jobs]), strict=True):
        cache.put(keys[i], rows, kind)
        out[i] = rows
    return out


def _clean(v):
    return None if v is None or v is pd.NaT or (isinstance(v, float) and pd.isna(v)) else v


def facts_frame(
    texts: pd.DataFrame, cache: FactCache, progress: Report | None = None, store: FrameStore | None = None
) -> pd.DataFrame:
    """One row per fact of every report, in report order. With a store (frame_store.py), the rows
    of reports unchanged since the last refresh come from it and only the others are built."""
    reports = list(texts.itertuples())
    rows_keys = [_rows_key(rep, _year(rep)) for rep in reports]
    if store is None:
        return _rows(reports, rows_keys, cache, progress)
    keys = [
        frame_key(k, rep.report_id, rep.file_name, rep.institution, rep.published)
        for k, rep in zip(rows_keys, reports, strict=True)
    ]
    if len(set(keys)) < len(keys):  # the same report twice: no key tells its rows apart
        return _rows(reports, rows_keys, cache, progress)
    kept, known = store.kept(keys)
    todo = [i for i, k in enumerate(keys) if k not in known]
    cache.hits += len(reports) - len(todo)
    new = _rows([reports[i] for i in todo], [rows_keys[i] for i in todo], cache, progress, [keys[i] for i in todo])
    table = store.combine(kept, new, keys)
    store.save(table, keys)
    return table.drop_columns([KEY, POS]).to_pandas()


def _rows(
    reports: list, rows_keys: list[str], cache: FactCache, progress: Report | None, keys: list[str] | None = None
) -> pd.DataFrame:
    per_report = cache.facts_of(((rep.sha256, rep.text) for rep in reports), progress)
    derived = _who_and_when(reports, rows_keys, per_report, cache)
    rows = []
    for n, (rep, facts, who_when) in enumerate(zip(reports, per_report, derived, strict=True)):
        spans = Counter((f["char_start"], f["char_end"]) for f in facts)
        seen: Counter = Counter()
        for pos, (f, (entity, level, p_start, p_end, p_source, page, cell)) in enumerate(
            zip(facts, who_when, strict=True)
        ):
            span = (f["char_start"], f["char_end"])
            seen[span] += 1
            nth = seen[span] if spans[span] > 1 else None
            rows.append(
                {
                    "fact_id": fact_id(rep.report_id, *span, nth),
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
                    **({KEY: keys[n], POS: pos} if keys is not None else {}),
                }
            )
    columns = list(FactsModel.to_schema().columns) + ([KEY, POS] if keys is not None else [])
    df = pd.DataFrame(rows, columns=columns)
    for c in ("value", "normalized_value", "code_confidence", "period_start", "period_end"):
        df[c] = df[c].astype("float64")
    for c in ("char_start", "char_end", *([POS] if keys is not None else [])):
        df[c] = df[c].astype("int64")
    df["published"] = pd.to_datetime(df["published"])
    df["page"] = df["page"].astype("float64")
    return df.reset_index(drop=True)


def frame_store(cache: FactCache) -> FrameStore | None:
    """The store of the last facts frame beside the cache (none for a cache without a folder)."""
    if cache.dir is None:
        return None
    return FrameStore(
        cache.dir.parents[1] / "frames", f"{cache.version}+{ROWS_VERSION}", list(FactsModel.to_schema().columns)
    )
