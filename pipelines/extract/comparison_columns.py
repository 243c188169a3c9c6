"""A pipe table that compares a report's institution with others it names by no name (对比维度 |
邛崃职教中心 | A市第一幼师学院 | 行业平均值 |): the comparators' cells are about no one the report
is of, and the labellers leave them out (AI-written school profiles set one up in nearly every
page). A column is a comparator's when its header says so (对比院校, 某幼师学校, 其他同类院校,
均值, 示范校标准, A市…, B县…), or a scheme's weights and benchmarks (权重系数, 标杆值); so is a
row whose label does (A类对比院校 | 55% | …). Tiers
(A类院校 | B类院校) compare no one with the report's institution: they stay.

`comparator_cells(text)` finds the tables once per report (one pass over its lines);
`in_comparator_cell(text, tables, pos)` asks of one number.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# ---|---|--- (or |:---|---:|): the line under a table's header
SEPARATOR = re.compile(r"[ \t|｜:\-—]*-[ \t|｜:\-—]*")
DIGIT = re.compile(r"[0-9０-９]")
COMPARATOR = re.compile(
    r"对比|對比|某|同类|同類|其他同|其它同|其他院校|其它院校|其他学校|其它學校|均值|平均值|平均水平|"
    r"(?:示范校|示範校|省级|省級|国家|國家|行业|行業|评估|評估|达标|達標)标准|標準值|标准值|"
    # an evaluation scheme's weights and benchmarks (权重系数 | 标杆值: 0.2 | 生均设备值≥4万元)
    r"^权重|^權重|标杆|標杆|评分标准|評分標準|基准值|基準值|"
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
    if "|" not in text and "｜" not in text:
        return out  # most reports hold no pipe table: no lines to split
    lines = text.split("\n")
    at = 0
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line) + 1

    def piped(k: int) -> bool:
        return 0 <= k < len(lines) and ("|" in lines[k] or "｜" in lines[k]) and len(lines[k]) <= ROW_MAX

    i = 0
    while i < len(lines):
        if not piped(i) or piped(i - 1):
            i += 1
            continue
        # a table's first line: its header, under which a separator (---|---) may stand; a header
        # names no numbers, so a first line with digits is a row and the table has no header
        body = i + 2 if piped(i + 1) and SEPARATOR.fullmatch(lines[i + 1]) else i + 1
        header = _cells(lines[i]) if body == i + 2 or not DIGIT.search(lines[i]) else []
        columns = frozenset(j for j, cell in enumerate(header) if j and COMPARATOR.search(cell.strip()))
        j = body
        while piped(j):
            j += 1
        if j > body:
            out.append((starts[body], starts[j] if j < len(lines) else len(text), columns))
        i = max(j, i + 1)
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
