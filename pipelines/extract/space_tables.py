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
from dataclasses import replace

from .cells import (
    CELL_NUM,
    CELL_NUMBER,
    ENGLISH_BRACKETED_UNIT,
    RANGE_CELL,
    TABLE_UNIT,
    Candidate,
    cell_candidate,
    english_unit,
    header_unit,
    matched_candidate,
)

_TOKEN = re.compile(r"\S+")
_HEADER_CELL = re.compile(r"[^\s0-9０-９]*[\u4e00-\u9fff][^\s0-9０-９]*")
_OWN_UNIT = re.compile(rf"(?P<num>{CELL_NUMBER})(?P<unit>{TABLE_UNIT})")
MAX_HEADER_CELL = 12
MIN_COLUMNS = 3


_FOOTNOTE = re.compile(r"^[*＊][0-9]*")  # *1申請人次: a footnote's mark before a column's name
_ROW_NUMBER = re.compile(r"[0-9]{1,3}[.．、]")  # 1. 砌磚工 2,540 …: the row's number, no value


def _header(text: str, start: int, line: str) -> list[tuple[str, int, int]] | None:
    """The header's cells (name without a footnote mark, and span), if the line is a header."""
    if len(line) > MAX_HEADER_CELL * 8:  # a line of prose: no header
        return None
    cells = [(_FOOTNOTE.sub("", m.group()), start + m.start(), start + m.end()) for m in _TOKEN.finditer(line)]
    if len(cells) < MIN_COLUMNS or "|" in line or "｜" in line:
        return None
    if all(len(c) <= MAX_HEADER_CELL and _HEADER_CELL.fullmatch(c) for c, _, _ in cells):
        return cells
    return None


def _row(text: str, cells: list[tuple[int, int]], k: int) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """A row of a table of k columns: its label's span and its value cells. The label is its first
    cell, or, where the row has more cells than the header, every cell before the last k - 1 when
    those are all numbers (a label with spaces, 4合1髹漆工 (大油 - 批填漆灰) 280 221 177), after the
    row's own number (1. 砌磚工)."""
    if len(cells) == k:
        return cells[0], cells[1:]
    if len(cells) < k or k < 2:
        return None
    values = cells[len(cells) - (k - 1) :]
    if not all(CELL_NUM.fullmatch(text, a, b) or _OWN_UNIT.fullmatch(text, a, b) for a, b in values):
        return None
    label = cells[: len(cells) - (k - 1)]
    if _ROW_NUMBER.fullmatch(text, *label[0]) and len(label) > 1:
        label = label[1:]
    if any(CELL_NUM.fullmatch(text, a, b) for a, b in label):
        return None  # a number among the label's words: not a row of this table
    return (label[0][0], label[-1][1]), values


def space_table_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    header: list[tuple[str, int, int]] | None = None
    units: dict[int, tuple[str, int, int]] = {}
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        cells = [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(line)] if header else []
        row = _row(text, cells, len(header)) if header is not None and "|" not in line else None
        if row is not None and header is not None:
            (la, lb), values = row
            label = text[la:lb]
            for k, (a, b) in enumerate(values, start=1):
                m = _OWN_UNIT.fullmatch(text, a, b)
                if m:
                    out.append(matched_candidate(m, a, b, label=f"{label} {header[k][0]}"))
                elif k in units and CELL_NUM.fullmatch(text, a, b):
                    # a bare number under a header that names its unit (申請人次, 持資歷人數)
                    out.append(cell_candidate(text, la, [(la, lb)], a, b, units[k], label=f"{label} {header[k][0]}"))
                elif k in units and (r := RANGE_CELL.fullmatch(text, a, b)):
                    # a range under such a header (起薪区间(元/月) | 4500-6200): one fact at its lower end
                    c = cell_candidate(text, la, [(la, lb)], a, b, units[k], label=f"{label} {header[k][0]}")
                    out.append(replace(c, number=r.group(1), number2=r.group(2)))
            continue
        header = _header(text, start, line)
        units = {}
        if header is not None:
            for k, (name, a, b) in enumerate(header):
                u = header_unit(name, 0, len(name))
                if u is not None:
                    units[k] = (u[0], a, b)
    return out


# A yearbook table whose header spreads over several lines, under a note that names its one unit
# (单位:个 above; 中等职业学校 11611 92 9502 6672 2830 2017 below): rows of a label and as many numbers.
# a yearbook's note may name an area (单位:平方米, the floor space of school buildings): no count's unit
AREA_UNIT = r"平方米|平方公尺|㎡|m2|亩|畝"
# (a bilingual yearbook glosses it: 单位:人 (person))
_NOTE_LINE = re.compile(
    rf"^[ \t\u3000]*[单單][ \t\u3000]*位[ \t\u3000]*[:：][ \t\u3000]*(?P<unit>{TABLE_UNIT}|{AREA_UNIT})"
    r"(?:[ \t\u3000]*[(（][A-Za-z ]{1,20}[)）])?[ \t\u3000]*$"
)
# A yearbook row that names its own unit in brackets heads the rows under it (学校数 (所) Number of
# Schools (unit) 1764 1771, then 普通高等学校 … 82 83): its unit is theirs until the next such row.
_ROW_UNIT = re.compile(rf"[(（](?P<unit>{TABLE_UNIT}|{AREA_UNIT}|冊|册|種)(?:/人)?[)）]")
# …or counts people at its end (全校學生人數 7,882 7,229)
_PEOPLE_LABEL = re.compile(r"(?:人[数數]|人[次])(?=[ \t\u3000]*$|[ \t\u3000]+[A-Za-z])")
_ROW_UNIT_GATE = re.compile(r"[(（]|人[数數次]")
# The line of years over the columns (项 目 Item 2020 2021): the header, no row.
_YEAR_CELL = re.compile(r"(?:19|20)[0-9]{2}")
# An English yearbook's note of its table's unit, alone on a line under the title: (unit), (person).
_ENGLISH_NOTE_LINE = re.compile(rf"^[ \t]*{ENGLISH_BRACKETED_UNIT}[ \t]*$")
# … or its title, where it counts one thing (20-17 Number of Secondary Vocational Schools (2009)): schools
# counted are 所, people counted 人.
_ENGLISH_COUNT_TITLE = re.compile(
    r"^[ \t|]*(?:[0-9]{1,2}-[0-9]{1,3}[ \t]+)?Number of [A-Za-z ,'’-]{0,60}?"
    r"\b(?P<unit>Schools|Institutions|Colleges|Students|Teachers|Graduates|Entrants)[ \t]*(?:\([0-9]{4}\))?[ \t|]*$"
)
_TITLE_UNITS = {"Schools": "所", "Institutions": "所", "Colleges": "所"}
_LABEL_TOKEN = re.compile(r"[^\s0-9０-９]*[\u4e00-\u9fff][^\s0-9０-９]*|[(（][^\s]*[)）]")
# the English gloss a bilingual yearbook writes after a row's Chinese label (教室 Classroom, 教工住宅
# Residential Quarters for Teachers & Workers)
_GLOSS_WORD = re.compile(r"[A-Za-z][A-Za-z.,'’()/:-]*|&")
NOTE_REACH = 32  # lines with words from a note to its table's first row (a bilingual header takes many)
MIN_VALUES = 2


def _label_and_values(
    text: str, cells: list[tuple[int, int]], english: bool = False
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """A row of a label (words, no digits) and the numbers after it, if the line is one; under an
    English note (english) the label may be English words alone (Secondary Vocational Schools 10169 30 …)."""
    k = len(cells)
    while k > 0 and CELL_NUM.fullmatch(text, *cells[k - 1]):
        k -= 1
    values, label = cells[k:], cells[:k]
    if label and text[label[0][0] : label[0][1]] in ("#", "＃"):
        label = label[1:]  # # 高 中: a yearbook's mark of a part of the row above
    first = _GLOSS_WORD if english else _LABEL_TOKEN
    if len(values) < MIN_VALUES or not label or not first.fullmatch(text, *label[0]):
        return None
    if not all(_LABEL_TOKEN.fullmatch(text, a, b) or _GLOSS_WORD.fullmatch(text, a, b) for a, b in label[1:]):
        return None
    return (label[0][0], label[-1][1]), values


def _rows_candidates(
    text: str, group: list[tuple[tuple[int, int], list[tuple[int, int]]]], unit: tuple[str, int, int]
) -> list[Candidate]:
    """Every value of a group of rows (a label's span and its values' spans), in the group's unit."""
    return [
        cell_candidate(text, la, [(la, lb)], a, b, unit, label=text[la:lb])
        for (la, lb), values in group
        for a, b in values
    ]


def noted_table_candidates(text: str) -> list[Candidate]:
    """The numbers of such a table, each with the note's unit; a group of at least two rows with the
    same number of values, each row's label read with it. A row whose label names its own unit
    (学校数 (所), 中文圖書(冊), 全校學生人數) counts in it, and so do the rows under it until another
    names one, with or without a note. Prose (a line that ends a sentence) or a row of another width
    ends a group; one pass over the lines."""
    out: list[Candidate] = []
    note: tuple[str, int, int] | None = None
    english = False  # the note is an English yearbook's: its rows' labels may be English words alone
    since = 0  # lines since the note
    group: list[tuple[tuple[tuple[int, int], list[tuple[int, int]]], tuple[str, int, int]]] = []

    def flush() -> None:
        if len(group) >= 2:
            for row, unit in group:
                out.extend(_rows_candidates(text, [row], unit))
        group.clear()

    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if m := _NOTE_LINE.match(line):
            flush()
            note, since, english = (m.group("unit"), start + m.start("unit"), start + m.end("unit")), 0, False
            continue
        if (m := _ENGLISH_NOTE_LINE.match(line)) and (unit := english_unit(m.group("unit"))):
            flush()
            note, since, english = (unit, start + m.start("unit"), start + m.end("unit")), 0, True
            continue
        if m := _ENGLISH_COUNT_TITLE.match(line):  # a later (unit) note line overrides it
            flush()
            unit = _TITLE_UNITS.get(m.group("unit"), "人")
            note, since, english = (unit, start + m.start("unit"), start + m.end("unit")), 0, True
            continue
        if not line.strip():
            continue
        named = note is not None or _ROW_UNIT_GATE.search(line)
        cells = [(start + t.start(), start + t.end()) for t in _TOKEN.finditer(line)] if named else []
        row = _label_and_values(text, cells, english) if cells else None
        if row is not None and (own := _row_unit(text, *row[0])):
            if note is None:
                since = 0  # a table that names its units row by row begins here
            note = own
        if note is None:
            continue
        since += 1
        if row is not None and all(_YEAR_CELL.fullmatch(text, a, b) for a, b in row[1]):
            continue  # 项 目 Item 2020 2021: the columns' years
        if row is not None and (group or since <= NOTE_REACH) and (not group or len(row[1]) == len(group[0][0][1])):
            group.append((row, note))
            continue
        flush()
        if row is not None and since <= NOTE_REACH:
            group.append((row, note))
        elif row is None and ("。" in line or len(line) > 80):
            note = None  # prose: the note's table is over
    flush()
    return out


def _row_unit(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    """The unit a row's label names: in brackets (学校数 (所), 校地面積(平方公尺)), or as a headcount
    at its end (全校學生人數)."""
    if m := _ROW_UNIT.search(text, a, b):
        return m.group("unit"), m.start("unit"), m.end("unit")
    if m := _PEOPLE_LABEL.search(text, a, b):
        return ("人次" if m.group().endswith("次") else "人"), m.start(), m.end()
    return None


# A table of floor space with no note of its unit: the school-buildings tables of the ministry's and
# cities' statistics (中等职业学校(机构)校舍情况), whose header names 面积 and no count, and whose rows
# are a label and its numbers (a row may lose its empty cells: 教室 125586.67 10398.32 …; a missing
# value may stand as *). The header's 面积 names the unit of every cell, as 比例 names a column's %.
AREA_WORD = re.compile(r"面积|面積|Floor Area")
# a header that counts something besides floor space (学校数, 在校生人数, 万元, 比例) is not one of these
NOT_AREA_ONLY = re.compile(r"[数數人元%％率]")
AREA_UNIT_TEXT = "平方米"
HEADER_LINES = 12  # lines of a header kept above a table's first row
MIN_AREA_ROWS = 3
_PLACEHOLDER = re.compile(r"[*＊\-—–]+")


def area_table_candidates(text: str) -> list[Candidate]:
    """The cells of such tables, each with the header's 面积 as its unit (base unit other); a group of
    at least three rows, ended by any line that is neither a row nor blank. One pass over the lines."""
    out: list[Candidate] = []
    header: list[tuple[int, str]] = []  # (start, line) of the words-only lines since the last prose
    group: list[tuple[tuple[int, int], list[tuple[int, int]]]] = []
    unit: tuple[str, int, int] | None = None

    def flush() -> None:
        if unit is not None and len(group) >= MIN_AREA_ROWS:
            out.extend(_rows_candidates(text, group, unit))
        group.clear()

    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cells = [(start + t.start(), start + t.end()) for t in _TOKEN.finditer(line)]
        row = _label_and_values(text, cells)
        if (
            row is None
            and len(cells) > 1
            and _LABEL_TOKEN.fullmatch(text, *cells[0])
            and _placeholders(text, cells[1:])
        ):
            continue  # 四、教工住宅 * * *: a row with no value, inside the table
        if row is not None:
            if not group:
                unit = _area_unit(header)
            group.append(row)
            continue
        flush()
        if "。" in line or "，" in line or len(line) > 120:
            header.clear()  # prose: no header above what follows
        else:
            header = [*header[-(HEADER_LINES - 1) :], (start, line)]
    flush()
    return out


def _placeholders(text: str, cells: list[tuple[int, int]]) -> bool:
    return all(_PLACEHOLDER.fullmatch(text, a, b) for a, b in cells)


def _area_unit(header: list[tuple[int, str]]) -> tuple[str, int, int] | None:
    """The 面积 of a header that names floor space and nothing counted, as a cell's unit and its span."""
    if any(NOT_AREA_ONLY.search(line) for _, line in header):
        return None
    for start, line in header:
        if m := AREA_WORD.search(line):
            return AREA_UNIT_TEXT, start + m.start(), start + m.end()
    return None
