"""Spreadsheets (XLSX, XLS via python-calamine) and CSV: each sheet's tables (blocks of rows
between empty rows) rendered into the canonical text, every cell's location `sheet!C5`."""

from __future__ import annotations

import csv
import io

from .common import FormatError, Rendered, TextBuilder, clean_cell, column_letter, render_table


def _blocks(rows: list[list[str]]) -> list[tuple[int, list[list[str]]]]:
    """(first row index, rows) of each run of non-empty rows."""
    out: list[tuple[int, list[list[str]]]] = []
    cur: list[list[str]] = []
    first = 0
    for i, r in enumerate(rows):
        if any(c for c in r):
            if not cur:
                first = i
            cur.append(r)
        elif cur:
            out.append((first, cur))
            cur = []
    if cur:
        out.append((first, cur))
    return out


def _render_sheet(out: TextBuilder, rows: list[list[str]], sheet: str | None) -> None:
    prefix = f"{sheet}!" if sheet else ""
    note = None
    for first, block in _blocks(rows):
        note = render_table(block, out, lambda r, c, f=first: f"{prefix}{column_letter(c)}{f + r + 1}", note)
        out.add("\n")


def render_workbook(data: bytes, media_type: str) -> Rendered:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [(name, wb.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in wb.sheet_names]
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        raise FormatError(f"cannot read spreadsheet: {exc}") from exc
    out = TextBuilder()
    for name, raw in sheets:
        rows = [[clean_cell(c) for c in r] for r in raw]
        if not any(any(r) for r in rows):
            continue
        out.add(name + "\n\n")
        _render_sheet(out, rows, name)
    return Rendered(out.text(), media_type, tuple(out.locations), sheets[0][0] if len(sheets) == 1 else None)


def render_csv(data: bytes) -> Rendered:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            s = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FormatError("CSV in no known encoding (UTF-8, GB18030)")
    try:
        dialect = csv.Sniffer().sniff(s[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = [[clean_cell(c) for c in r] for r in csv.reader(io.StringIO(s), dialect)]
    out = TextBuilder()
    _render_sheet(out, rows, None)
    return Rendered(out.text(), "text/csv", tuple(out.locations), encoding=encoding.removesuffix("-sig"))
