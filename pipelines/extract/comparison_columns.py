"""A pipe table that compares a report's institution with others it names by no name (对比维度 |
邛崃职教中心 | A市第一幼师学院 | 行业平均值 |): the comparators' cells are about no one the report
is of, and the labellers leave them out (AI-written school profiles set one up in nearly every
page). A column is a comparator's when its header says so (对比院校, 某幼师学校, 其他同类院校,
均值, 示范校标准, A市…, B县…); so is a row whose label does (A类对比院校 | 55% | …). Tiers
(A类院校 | B类院校) compare no one with the report's institution: they stay.

`comparator_cells(text)` finds the tables once per report (one pass over its lines);
`in_comparator_cell(text, tables, pos)` asks of one number.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# ---|---|--- (or |:---|---:|): the line under a table's header
SEPARATOR = re.compile(r"[ \t|｜:\-—]*-[ \t|｜:\-—]*")
COMPARATOR = re.compile(
    r"对比|對比|某|同类|同類|其他同|其它同|其他院校|其它院校|其他学校|其它學校|均值|平均值|平均水平|"
    r"(?:示范校|示範校|省级|省級|国家|國家|行业|行業|评估|評估|达标|達標)标准|標準值|标准值|"
    r"^[A-Z][\u4e00-\u9fff]{0,3}?(?:市|县|縣|区|區|省)"  # A市第一幼师学院, B县职业中学 (A类院校 are tiers)
)


ROW_MAX = 400  # characters: a longer line ends a table's body (prose, or a hostile run)


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith(("|", "｜")) else body
    body = body[:-1] if body.endswith(("|", "｜")) else body
    return re.split(r"[|｜]", body)


def comparator_cells(text: str) -> list[tuple[int, int, frozenset[int]]]:
    """(start, end, comparator columns) of each pipe table's body whose header or rows name
    comparators; rows are looked at one by one in in_comparator_cell."""
    out: list[tuple[int, int, frozenset[int]]] = []
    lines = text.split("\n")
    at = 0
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    i = 1
    while i < len(lines):
        line = lines[i]
        if (
            ("|" in line or "｜" in line)
            and SEPARATOR.fullmatch(line)
            and ("|" in lines[i - 1] or "｜" in lines[i - 1])
        ):
            header = _cells(lines[i - 1])
            columns = frozenset(j for j, cell in enumerate(header) if j and COMPARATOR.search(cell.strip()))
            j = i + 1
            while j < len(lines) and ("|" in lines[j] or "｜" in lines[j]) and len(lines[j]) <= ROW_MAX:
                j += 1
            body_start = starts[i + 1] if i + 1 < len(lines) else len(text)
            body_end = starts[j] if j < len(lines) else len(text)
            out.append((body_start, body_end, columns))
            i = j
            continue
        i += 1
    return out


def in_comparator_cell(text: str, tables: list[tuple[int, int, frozenset[int]]], pos: int) -> bool:
    """Whether the number at pos stands in a comparator's column or row of one of tables."""
    k = bisect_right(tables, pos, key=lambda t: t[0]) - 1
    if k < 0 or not tables[k][0] <= pos < tables[k][1]:
        return False
    line_start = text.rfind("\n", max(0, pos - ROW_MAX), pos) + 1  # a body's rows are short: bounded reads
    line_end = text.find("\n", pos, pos + ROW_MAX + 1)
    line = text[line_start : min(len(text), pos + ROW_MAX) if line_end == -1 else line_end]
    label = _cells(line)[0].strip()
    if COMPARATOR.search(label):
        return True
    before = text[line_start:pos].lstrip()
    if before.startswith(("|", "｜")):
        before = before[1:]
    column = before.count("|") + before.count("｜")
    return column in tables[k][2]
