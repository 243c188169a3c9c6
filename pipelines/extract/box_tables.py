"""A table drawn with box characters, as a statistical yearbook's text edition prints it:

    13-23 技工学校基本情况
    单位:人
    ──────┬────┬────┬────
    │ 学校数 │ │ │
    年 份 │ │在校生数│ 招生数
    │ (所) │ │ │
    ──────┼────┼────┼────
    1978 │ 9│ 3419│ 2500
    1985 │ 35│ │ 8819

Each line splits at its bars (│) into a row's label (before the first bar) and its cells; a header
may wrap over several lines, a column's name continuing in the same cell of the next line, so a
column's name is its cells joined down the header lines (学校数 (所)). Rows are lines whose cells
are numbers or empty, at least two numbers. A column takes the unit its name brackets or counts
(学校数 → 所; cells.HEADER_CELL), else the table's note (单位:人). Each number is read with its
row's label and its column's name as its label. Rule lines (────┼────) separate; any other line
ends the table. One pass over the lines.
"""

from __future__ import annotations

import re

from .cells import CELL_NUMBER, NOTE_ALONE, Candidate, cell_candidate, header_unit

BARS = "│┃║"
_RULE = re.compile(r"[ \t\u3000─━═┬┼┴┌┐└┘├┤┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬-]*[─━═][ \t\u3000─━═┬┼┴┌┐└┘├┤┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬-]*")
_CORNERS = re.compile(r"[┌┐└┘├┤┬┴┼─━═#＃]+")
_NUMBER = re.compile(CELL_NUMBER)
_EMPTY = re.compile(r"[ \t\u3000]*(?:[-—–…]+)?[ \t\u3000]*")
_NOTE = re.compile(NOTE_ALONE)
NOTE_REACH = 4  # lines above a table where its note (单位:人) may stand
MIN_ROWS = 2


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a line's pieces between bars: the first is the row's label."""
    out, at = [], start
    for i in range(start, end):
        if text[i] in BARS:
            out.append((at, i))
            at = i + 1
    out.append((at, end))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\u3000":
        a += 1
    while b > a and text[b - 1] in " \t\u3000":
        b -= 1
    return a, b


def _row(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int] | None] | None:
    """A data row's cells (None where empty), or None where the line is no data row."""
    cells: list[tuple[int, int] | None] = []
    for a, b in pieces[1:]:
        a, b = _trim(text, a, b)
        if _NUMBER.fullmatch(text, a, b):
            cells.append((a, b))
        elif _EMPTY.fullmatch(text, a, b):
            cells.append(None)
        else:
            return None
    return cells if sum(c is not None for c in cells) >= 2 else None


def box_table_candidates(text: str) -> list[Candidate]:
    if not any(bar in text for bar in BARS):
        return []
    out: list[Candidate] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    header: list[list[tuple[int, int]]] = []  # the header lines' pieces, label first
    rows: list[tuple[int, list[tuple[int, int]], list[tuple[int, int] | None]]] = []  # start, pieces, cells
    table_start = None
    for k, (a, b) in enumerate(lines + [(len(text), len(text))]):
        if a < b and _RULE.fullmatch(text, a, b):
            table_start = k if table_start is None else table_start
            continue
        pieces = _split(text, a, b) if a < b and any(ch in BARS for ch in text[a:b]) else None
        if pieces is not None and (cells := _row(text, pieces)) is not None:
            rows.append((a, pieces, cells))
            continue
        if pieces is not None and not rows:
            table_start = k if table_start is None else table_start
            header.append(pieces)
            continue
        if len(rows) >= MIN_ROWS:
            out += _read(text, header, rows, lines[max(0, (table_start or 0) - NOTE_REACH) : table_start or 0])
        header, rows, table_start = [], [], None
        if pieces is not None:  # a header line of the next table
            table_start, header = k, [pieces]
    return out


def _read(
    text: str,
    header: list[list[tuple[int, int]]],
    rows: list[tuple[int, list[tuple[int, int]], list[tuple[int, int] | None]]],
    above: list,
) -> list[Candidate]:
    note = next((m for a, b in reversed(above) if (m := _NOTE.search(text, a, b))), None)
    table_unit = (note.group(1), note.start(1), note.end(1)) if note else None
    width = max(len(p) for _, p, _ in rows) - 1
    names, units = [], []
    for col in range(width):
        parts = [_trim(text, *p[col + 1]) for p in header if col + 1 < len(p)]
        name = " ".join(_CORNERS.sub("", text[a:b]).strip() for a, b in parts if a < b).strip()
        names.append(name)
        own = next((u for a, b in parts if a < b and (u := header_unit(text, a, b))), None)
        if own is None and name and (joined := header_unit(name, 0, len(name))):  # a name wrapped mid-word
            own = (joined[0], parts[0][0], parts[-1][1])
        units.append(own or table_unit)
    out = []
    for row_start, pieces, cells in rows:
        label = _trim(text, *pieces[0])
        for col, cell in enumerate(cells):
            if cell is None or col >= width or units[col] is None:
                continue
            unit = units[col]
            if unit[1] >= len(text):
                continue
            name = f"{text[label[0] : label[1]]} {names[col]}".strip()
            labels = [label] if label[0] < label[1] else [(cell[0], cell[0])]
            out.append(cell_candidate(text, row_start, labels, *cell, unit, name))
    return out
