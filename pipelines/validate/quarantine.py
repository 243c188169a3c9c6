"""Validate a table against its pandera model with lazy=True: valid rows go on, failing rows
go to quarantine with the check, the column and the reason. Nothing is dropped unrecorded.

A failure that is not about particular rows (a missing column, an unknown column) makes the
whole table unusable: that raises TableContractError, which the blocking asset check shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from .memo import RowMemo, fresh_rows

QUARANTINE_COLUMNS = ["table", "record_id", "report_id", "check", "column", "failure_case", "reason", "record_json"]


class TableContractError(ValueError):
    """The table as a whole breaks its contract (schema-level failure)."""

    def __init__(self, table: str, failures: pd.DataFrame):
        self.table = table
        self.failures = failures
        lines = [f"{r.check} on {r.column}: {r.failure_case}" for r in failures.itertuples()]
        super().__init__(f"table {table!r} breaks its schema: " + "; ".join(lines[:10]))


@dataclass(frozen=True)
class Validated:
    valid: pd.DataFrame
    quarantine: pd.DataFrame
    failure_cases: pd.DataFrame  # pandera's own, for asset-check metadata

    @property
    def rows_quarantined(self) -> int:
        """Rows of the validated table held back (raw files quarantined at intake not counted)."""
        rows = self.quarantine[self.quarantine["table"] != "raw_reports"] if len(self.quarantine) else self.quarantine
        return int(rows["record_id"].nunique()) if len(rows) else 0


def empty_quarantine() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in QUARANTINE_COLUMNS})


def _descriptions(schema: pa.DataFrameSchema) -> dict[str, str]:
    out = {}
    for col in schema.columns.values():
        for chk in col.checks:
            out[f"{col.name}:{chk.name}"] = chk.description or ""
    for chk in schema.checks:
        out[f":{chk.name}"] = chk.description or ""
    return out


def _reason(row, descriptions: dict[str, str]) -> str:
    col = row["column"] if isinstance(row["column"], str) else ""
    check = str(row["check"])
    desc = descriptions.get(f"{col}:{check.split('(')[0]}") or descriptions.get(f":{check}") or ""
    if col:
        return f"column {col}: value {row['failure_case']!r} fails {check}" + (f" ({desc})" if desc else "")
    return f"row fails {check}" + (f": {desc}" if desc else "")


def validate(
    df: pd.DataFrame,
    schema: pa.DataFrameSchema,
    table: str,
    id_column: str,
    report_column: str | None = "report_id",
    memo: RowMemo | None = None,
    hashes: np.ndarray | None = None,
) -> Validated:
    """Valid rows and the quarantine. With a memo, rows that passed this contract before under the
    same code (memo.py) are only coerced to the schema's types, and the rest are validated
    (hashes: the rows' memo.row_hashes where the caller has them)."""
    if memo is None or not len(df):
        return _validate(df, schema, table, id_column, report_column)
    if not df.index.is_unique:
        raise ValueError(f"table {table!r}: validating with a memo needs a unique index")
    hashes, fresh = fresh_rows(df, schema, memo, hashes)
    result = _validate(df[fresh].copy(), schema, table, id_column, report_column)
    if not fresh.all():
        # the rows that passed before and those that pass now, in df's order, coerced to the schema's
        # types: what validating them returns (strict columns, coerce; no parsers), without pandas'
        # concat of the two parts (0.6 s at 300k rows: it tests every value of a part's all-null column)
        passed = ~fresh | df.index.isin(result.valid.index)
        valid = schema.coerce_dtype(df[passed].copy())
        result = Validated(valid, result.quarantine, result.failure_cases)
    memo.remember(hashes[fresh & df.index.isin(result.valid.index)])
    return result


def _validate(
    df: pd.DataFrame, schema: pa.DataFrameSchema, table: str, id_column: str, report_column: str | None
) -> Validated:
    try:
        out = schema.validate(df, lazy=True)
        return Validated(out, empty_quarantine(), pd.DataFrame())
    except SchemaError as exc:  # pragma: no cover - lazy=True raises SchemaErrors
        raise TableContractError(table, pd.DataFrame([{"check": str(exc), "column": "", "failure_case": ""}])) from exc
    except SchemaErrors as exc:
        cases = exc.failure_cases.copy()
    table_level = cases[cases["index"].isna()]
    if len(table_level):
        raise TableContractError(table, table_level)
    descriptions = _descriptions(schema)
    bad_index = pd.Index(cases["index"].unique())
    records = df.loc[df.index.isin(bad_index)].to_dict("index")
    as_json = {
        i: json.dumps({k: _jsonable(v) for k, v in rec.items()}, ensure_ascii=False, sort_keys=True)
        for i, rec in records.items()
    }
    rows = []
    for case in _one_per_row_check(cases).to_dict("records"):
        rec = records[case["index"]]
        rows.append(
            {
                "table": table,
                "record_id": str(rec[id_column]),
                "report_id": str(rec[report_column]) if report_column and report_column in rec else None,
                "check": str(case["check"]),
                "column": case["column"] if isinstance(case["column"], str) else None,
                "failure_case": None if pd.isna(case["failure_case"]) else str(case["failure_case"]),
                "reason": _reason(case, descriptions),
                "record_json": as_json[case["index"]],
            }
        )
    quarantine = pd.DataFrame(rows, columns=QUARANTINE_COLUMNS).drop_duplicates(["record_id", "check", "column"])
    valid = schema.validate(df.loc[~df.index.isin(bad_index)], lazy=True)
    return Validated(valid, quarantine.reset_index(drop=True), cases)


def _one_per_row_check(cases: pd.DataFrame) -> pd.DataFrame:
    """A row-level check (schema_context DataFrameSchema) lists the failing row once per column:
    one case per row, without column or value."""
    row_level = cases["schema_context"] == "DataFrameSchema" if "schema_context" in cases else False
    cases = cases.copy()
    cases.loc[row_level, ["column", "failure_case"]] = None
    return cases.drop_duplicates(["index", "check", "column"])


def _jsonable(v):
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat()
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v
