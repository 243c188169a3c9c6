"""Turn a pandera model into the other descriptions of the same table, so that they cannot
drift apart: its keys and row order, Frictionless Table Schema fields with primary and foreign
keys (datapackage.json), a pyarrow schema (the Parquet files) and Dagster column metadata
(`dagster/column_schema`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandera.pandas as pa
import pyarrow as pa_arrow


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # string, integer, number, date
    title: str
    description: str
    nullable: bool
    unique: bool
    enum: tuple | None
    minimum: float | None
    pattern: str | None
    categorical: bool


def _kind(dtype) -> str:
    s = str(dtype).lower()
    if s.startswith("int"):
        return "integer"
    if s.startswith("float"):
        return "number"
    if s.startswith("datetime"):
        return "date"
    return "string"


@cache  # a model is a class, fixed once imported; to_schema() costs ~10 ms and is asked for often
def columns(model: type[pa.DataFrameModel]) -> tuple[ColumnSpec, ...]:
    out = []
    for name, col in model.to_schema().columns.items():
        enum = minimum = pattern = None
        for chk in col.checks:
            stats = chk.statistics or {}
            if chk.name == "isin":
                enum = tuple(stats.get("allowed_values", ()))
            elif chk.name == "greater_than_or_equal_to":
                minimum = stats.get("min_value")
            elif chk.name == "str_matches":
                pattern = str(stats.get("pattern"))
        categorical = bool((col.metadata or {}).get("categorical"))
        out.append(
            ColumnSpec(
                name,
                _kind(col.dtype),
                col.title or name,
                col.description or "",
                bool(col.nullable),
                bool(col.unique),
                enum,
                minimum,
                pattern,
                categorical,
            )
        )
    return tuple(out)


def _table_facts(model: type[pa.DataFrameModel]) -> dict:
    return model.Config.metadata or {}


def table_name(model: type[pa.DataFrameModel]) -> str:
    return model.Config.name


def primary_key(model: type[pa.DataFrameModel]) -> list[str]:
    return list(_table_facts(model)["primary_key"])


def sort_keys(model: type[pa.DataFrameModel]) -> list[str]:
    return list(_table_facts(model)["sort_keys"])


def foreign_keys(model: type[pa.DataFrameModel]) -> dict[str, tuple[str, str]]:
    return dict(_table_facts(model).get("foreign_keys", {}))


def table_description(model: type[pa.DataFrameModel]) -> str:
    return (model.__doc__ or "").strip()


def frictionless_fields(model: type[pa.DataFrameModel]) -> list[dict]:
    fields = []
    for c in columns(model):
        f: dict = {"name": c.name, "type": c.kind, "title": c.title, "description": c.description}
        cons: dict = {}
        if not c.nullable:
            cons["required"] = True
        if c.unique:
            cons["unique"] = True
        if c.enum:
            cons["enum"] = list(c.enum)
        if c.minimum is not None:
            cons["minimum"] = c.minimum
        if c.pattern:
            cons["pattern"] = c.pattern.lstrip("^").rstrip("$")
        if cons:
            f["constraints"] = cons
        fields.append(f)
    return fields


def arrow_schema(model: type[pa.DataFrameModel]) -> pa_arrow.Schema:
    types = {
        "integer": pa_arrow.int64(),
        "number": pa_arrow.float64(),
        "date": pa_arrow.date32(),
        "string": pa_arrow.string(),
    }
    fields = []
    for c in columns(model):
        typ = types[c.kind]
        if c.kind == "string" and c.categorical:
            typ = pa_arrow.dictionary(pa_arrow.int32(), pa_arrow.string())
        fields.append(
            pa_arrow.field(c.name, typ, nullable=c.nullable, metadata={"description": c.description.encode()})
        )
    return pa_arrow.schema(fields, metadata={"description": table_description(model).encode()})


def dagster_column_schema(model: type[pa.DataFrameModel]):
    import dagster as dg

    cols = []
    for c in columns(model):
        other = []
        if c.enum:
            other.append(
                f"one of {len(c.enum)} values" if len(c.enum) > 10 else "one of " + ", ".join(map(str, c.enum))
            )
        if c.minimum is not None:
            other.append(f">= {c.minimum}")
        if c.pattern:
            other.append(f"matches {c.pattern}")
        cols.append(
            dg.TableColumn(
                name=c.name,
                type=c.kind,
                description=c.description,
                constraints=dg.TableColumnConstraints(nullable=c.nullable, unique=c.unique, other=other),
            )
        )
    return dg.TableSchema(columns=cols)
