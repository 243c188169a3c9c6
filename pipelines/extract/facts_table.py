"""Report texts → the facts frame: one row per fact, with its report's id, who the number
belongs to and the period it covers (extract/attribution.py)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow as pa

from pipelines.progress import Report
from schemas.tables import FactsModel

from .cache import FactCache
from .frame_store import KEY, POS, FrameStore, frame_key
from .parallel import Fanout
from .who_when import WHO_WHEN_FIELDS, ReportFacts, derive_chunk

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
# names the cache folder): their code and the gazetteers attribution reads.
_ROWS_CODE = (
    "extract/attribution.py",
    "extract/english_names.py",
    "extract/cities.txt",
    "extract/cities_en.txt",
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


def _who_and_when(
    reports: list, keys: list[str], per_report: list[list[dict]], cache: FactCache, fan: Fanout
) -> Callable[[], list[list[list]]]:
    """Each report's who-and-when rows (who_when.py): cached ones read, the others started
    together (on every core when there are enough, see parallel.py); the function returned waits
    for them, caches them and gives every report's rows."""
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
    pending = fan.submit(derive_chunk, jobs, [len(j.text) for j in jobs])

    def finish() -> list[list[list]]:
        derived = pending()
        with cache.batch():
            for i, rows in zip(todo, derived, strict=True):
                cache.put(keys[i], rows, kind)
                out[i] = rows
        return out

    return finish


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
        return _frame(_rows(reports, rows_keys, cache, progress))
    keys = [
        frame_key(k, rep.report_id, rep.file_name, rep.institution, rep.published)
        for k, rep in zip(rows_keys, reports, strict=True)
    ]
    if len(set(keys)) < len(keys):  # the same report twice: no key tells its rows apart
        return _frame(_rows(reports, rows_keys, cache, progress))
    kept, known = store.kept(keys)
    todo = [i for i, k in enumerate(keys) if k not in known]
    cache.hits += len(reports) - len(todo)
    new = _rows([reports[i] for i in todo], [rows_keys[i] for i in todo], cache, progress, [keys[i] for i in todo])
    table = store.combine(kept, new, keys)
    del kept, new
    store.save(table, keys)
    table = table.drop_columns([KEY, POS])
    return _frame(table)


def _frame(table: pa.Table) -> pd.DataFrame:
    """The rows as pandas; the Arrow buffers are let go column by column as they are converted
    (self_destruct), so the two copies are not held whole at once."""
    return table.to_pandas(split_blocks=True, self_destruct=True)


# Reports whose facts and attributions are held as Python objects at once: the rows built so far
# wait as Arrow columns (a third of the memory of the same rows in pandas, and a fraction of their
# dicts'), so the step's peak no longer grows with every report's dicts (issue 14).
SLICE_REPORTS = 1000


def _rows(
    reports: list, rows_keys: list[str], cache: FactCache, progress: Report | None, keys: list[str] | None = None
) -> pa.Table:
    """The rows of these reports as one Arrow table, built SLICE_REPORTS reports at a time on the
    same workers (parallel.Fanout), each slice column by column: a dict per fact (27 keys, some 300k
    of them at 10k reports) was the refresh's peak of memory and a third of this step's time.
    Slices overlap: a slice's who and when is out on the workers while this process reads the next
    slice's facts and builds the rows of the slice before (one after the other, the workers waited
    for this process a fifth of the step)."""
    columns = list(FactsModel.to_schema().columns) + ([KEY, POS] if keys is not None else [])
    total = len(reports)
    parts: list[pa.Table] = []
    with Fanout() as fan:
        waiting: Callable[[], pa.Table] | None = None
        for a in range(0, max(total, 1), SLICE_REPORTS):
            part, b = reports[a : a + SLICE_REPORTS], a + SLICE_REPORTS
            done = (lambda d, _t, a=a: progress(a + d, total)) if progress is not None else None
            per_report = cache.facts_of(((rep.sha256, rep.text) for rep in part), done, fan)
            derived = _who_and_when(part, rows_keys[a:b], per_report, cache, fan)
            if waiting is not None:
                parts.append(waiting())
            waiting = partial(
                _slice_table, part, per_report, derived, cache.version, None if keys is None else keys[a:b], columns
            )
            del per_report, derived
        if waiting is not None:
            parts.append(waiting())
    return pa.concat_tables(parts)


def _slice_table(reports, per_report, derived: Callable[[], list[list[list]]], version, keys, columns) -> pa.Table:
    """A slice's rows as Arrow, once its who and when is back from the workers."""
    return _arrow(_slice_frame(reports, per_report, derived(), version, keys, columns))


def _arrow(df: pd.DataFrame) -> pa.Table:
    """A slice's rows as Arrow: text columns as strings (nulls for None and NaN), the rest by dtype."""
    fields = [pa.field(c, pa.string() if df[c].dtype == object else pa.from_numpy_dtype(df[c].dtype)) for c in df]
    return pa.Table.from_pandas(df, schema=pa.schema(fields), preserve_index=False)


def _slice_frame(
    reports: list, per_report: list[list[dict]], derived: list[list[list]], version: str, keys, columns: list[str]
) -> pd.DataFrame:
    """One slice's rows, built column by column; each report's facts and attributions are let go
    once their columns hold them."""
    cols: dict[str, list] = {c: [] for c in columns}
    for n, rep in enumerate(reports):
        facts, who_when = per_report[n], derived[n]
        per_report[n] = derived[n] = None
        if len(who_when) != len(facts):
            raise ValueError(f"{rep.file_name}: {len(facts)} facts but {len(who_when)} attributions")
        spans = [(f["char_start"], f["char_end"]) for f in facts]
        shared = {span for span, count in Counter(spans).items() if count > 1}
        seen: Counter = Counter()
        for span in spans:
            seen[span] += 1
            cols["fact_id"].append(fact_id(rep.report_id, *span, seen[span] if span in shared else None))
        k = len(facts)
        for name in ("report_id", "file_name", "institution", "published"):
            cols[name] += [getattr(rep, name)] * k
        for name in FACT_FIELDS:
            cols[name] += [f[name] for f in facts]
        for j, name in enumerate(WHO_WHEN_FIELDS):
            cols[name] += [w[j] for w in who_when]
        cols["extractor_version"] += [version] * k
        if keys is not None:
            cols[KEY] += [keys[n]] * k
            cols[POS] += range(k)
    df = (
        pd.DataFrame(cols, columns=columns) if cols["fact_id"] else pd.DataFrame(columns=columns)
    )  # empty: object columns
    del cols
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
