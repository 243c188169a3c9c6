"""DOCX (python-docx): paragraphs and tables in document order. A paragraph is a line; a table
is rendered by common.render_table, its cells located as 表N!C5 (N counts the document's
tables from 1); a 单位：万元 paragraph just above a table gives that table its unit."""

from __future__ import annotations

import io

from .common import UNIT_NOTE, FormatError, Rendered, TextBuilder, clean_cell, column_letter, render_table

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _rows(table) -> list[list[str]]:
    """Cell texts row by row; a merged cell counts once (python-docx repeats it)."""
    rows = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:
                cells.append("")
                continue
            last = cell._tc
            cells.append(clean_cell("\n".join(p.text for p in cell.paragraphs)))
        rows.append(cells)
    return rows


def render_docx(data: bytes) -> Rendered:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except Exception as exc:  # python-docx raises zipfile, lxml and its own errors
        raise FormatError(f"cannot read DOCX: {exc}") from exc
    out = TextBuilder()
    note, n_tables = None, 0
    for block in blocks:
        if isinstance(block, Table):
            n_tables += 1
            try:
                rows = _rows(block)
            except Exception as exc:
                raise FormatError(f"cannot read table {n_tables} of the DOCX: {exc}") from exc
            render_table(rows, out, lambda r, c, t=n_tables: f"表{t}!{column_letter(c)}{r + 1}", note)
            note = None
            continue
        text = clean_cell(block.text)
        if text:
            out.add(text + "\n")
            m = UNIT_NOTE.search(text)
            note = m.group(1) if m else None
    title = document.core_properties.title or None
    return Rendered(out.text(), MEDIA_TYPE, tuple(out.locations), title)
