"""The one place facts are validated: the FactsModel contract first, then the cross-table
checks, and the quarantine built in one step from both passes and from the raw files held back
at intake. Every row that is not valid has a quarantine record, or this raises."""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd

from pipelines.ingest.intake import QUARANTINED
from schemas.tables import FactsModel

from .memo import RowMemo, row_hashes
from .quarantine import QUARANTINE_COLUMNS, Validated, validate
from .references import fact_references


class LostRowsError(RuntimeError):
    """Rows went missing between the extracted facts and valid + quarantined: a bug, never data."""


def raw_quarantine(raw: pd.DataFrame) -> pd.DataFrame:
    """Raw files held back at intake, as quarantine rows."""
    bad = raw[raw["status"] == QUARANTINED]
    rows = [
        {
            "table": "raw_reports",
            "record_id": r.origin,
            "report_id": None,
            "check": "intake",
            "column": None,
            "failure_case": r.file_name,
            "reason": r.reason,
            "record_json": json.dumps(
                {
                    "origin": r.origin,
                    "file_name": r.file_name,
                    "sha256": r.sha256,
                    "size_bytes": int(r.size_bytes),
                    "media_type": r.media_type,
                },
                ensure_ascii=False,
                sort_keys=True,
            ),
        }
        for r in bad.itertuples()
    ]
    return pd.DataFrame(rows, columns=QUARANTINE_COLUMNS)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    nonempty = [f for f in frames if len(f)]
    return pd.concat(nonempty, ignore_index=True) if nonempty else frames[0]


def validate_facts(
    facts: pd.DataFrame,
    texts: pd.DataFrame,
    raw: pd.DataFrame | None = None,
    memos: Callable[[str], RowMemo] | None = None,
) -> Validated:
    """Valid facts, and the quarantine: failing fact rows (model checks, then cross-table checks)
    followed by the raw files that intake held back. With memos (memo.py: a memo by contract
    name), rows that passed a contract before under the same code are not checked against it
    again; the cross-table memo only while every fact's report is among the texts (a fact row
    names its report by a hash of the report's bytes, and the text follows from those bytes)."""
    hashes = row_hashes(facts) if memos and facts.index.is_unique else None  # one hashing for both passes
    first = validate(facts, FactsModel.to_schema(), "facts", "fact_id", memo=memos and memos("facts"), hashes=hashes)
    every_report_known = bool(first.valid["report_id"].isin(texts["report_id"]).all())
    refs_memo = memos("facts_references") if memos and every_report_known else None
    kept = hashes[facts.index.get_indexer(first.valid.index)] if hashes is not None else None
    second = validate(first.valid, fact_references(texts), "facts", "fact_id", memo=refs_memo, hashes=kept)
    fact_rows = _concat([first.quarantine, second.quarantine])
    quarantine = _concat([fact_rows, raw_quarantine(raw)]) if raw is not None else fact_rows
    cases = _concat([first.failure_cases, second.failure_cases])
    result = Validated(second.valid, quarantine, cases)
    held_back = set(facts["fact_id"].astype(str)) - set(result.valid["fact_id"].astype(str))
    unrecorded = held_back - set(fact_rows["record_id"])
    if unrecorded or len(result.valid) > len(facts):
        raise LostRowsError(
            f"{len(facts)} facts in, {len(result.valid)} valid; held back without a record: {sorted(unrecorded)[:5]}"
        )
    return result
