"""A table flattened with single spaces between cells (a web page's table copied as text):

    年份 中职就业率 高职就业率 专业对口率
    2020 94.2% 89.5% 72.3%

A header line of three or more word cells with no digits, then rows of as many cells. A cell
that carries its own unit (94.2%, 230万元) is read with its row's first cell and its column's
name as its label, so that what the column measures (中职就业率) decides its code and the row's
year stays beside it. A line of another shape ends the table. One pass over the lines.
"""

from __future__ import annotations

import re

from .cells import CELL_NUMBER, TABLE_UNIT, Candidate, matched_candidate

_TOKEN = re.compile(r"\S+")
_HEADER_CELL = re.compile(r"[^\s0-9０-９]*[\u4e00-\u9fff][^\s0-9０-９]*")
_OWN_UNIT = re.compile(rf"(?P<num>{CELL_NUMBER})(?P<unit>{TABLE_UNIT})")
MAX_HEADER_CELL = 12
MIN_COLUMNS = 3


def _header(line: str) -> list[str] | None:
    if len(line) > MAX_HEADER_CELL * 8:  # a line of prose: no header
        return None
    cells = line.split()
    if len(cells) < MIN_COLUMNS or "|" in line or "｜" in line:
        return None
    if all(len(c) <= MAX_HEADER_CELL and _HEADER_CELL.fullmatch(c) for c in cells):
        return cells
    return None


def space_table_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    names: list[str] | None = None
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        cells = [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(line)] if names else []
        if names is not None and len(cells) == len(names) and "|" not in line:
            row = text[cells[0][0] : cells[0][1]]
            for k, (a, b) in enumerate(cells[1:], start=1):
                m = _OWN_UNIT.fullmatch(text, a, b)
                if m:
                    out.append(matched_candidate(m, a, b, label=f"{row} {names[k]}"))
            continue
        names = _header(line)
    return out
