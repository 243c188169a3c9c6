"""What the grammar and the table readers share: a candidate number, and the cells of a flattened
table (a number cell, the units a header cell names)."""

from __future__ import annotations

import re
from dataclasses import dataclass

TABLE_UNIT = (
    r"万元|亿元|千元|元|萬元|億元|人日|人天|万人次|萬人次|人次|万人|萬人|人|名|位|项|項|件|个|個|家|所|门|种|篇|部|本|"
    r"学时|课时|户|%|％"
)
# A table's note that is one unit alone (单位:人, 單位:元): the unit of every number of its table.
NOTE_ALONE = rf"[单單]\s*位\s*[:：]\s*({TABLE_UNIT})\s*"
CELL_NUMBER = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9]+)?"
CELL_NUM = re.compile(CELL_NUMBER)
# A cell of a statistics table may fall (比上年增长 | -11.6): signed, where a reader allows it.
SIGNED_CELL_NUM = re.compile("[-−－]?" + CELL_NUMBER)
# A cell that holds a range (生均拨款(万元) | 1.2-1.8 |, 起薪区间(元/月) 4500-6200): one fact at its lower end.
RANGE_CELL = re.compile(rf"({CELL_NUMBER})[ \t]*[-–~～至][ \t]*({CELL_NUMBER})")
# A flattened table's header (毕业去向 | 人数 | 比例 |) gives the unit of a column of bare numbers.
HEADER_UNITS = {
    "人数": "人",
    "人數": "人",
    "人次": "人次",
    "学生数": "人",
    "學生數": "人",
    "毕业生数": "人",
    "畢業生數": "人",
    "招生数": "人",  # enrolment, graduates, teachers and trainees counted in a column (| 招生数 | 4.3万 |)
    "招生數": "人",
    "教师数": "人",
    "教師數": "人",
    "学员数": "人",
    "學員數": "人",
    # enrolment (在校生规模 | 8000+ |, 在校生 | 1200 |)
    "在校生规模": "人",
    "学生规模": "人",
    "在校生": "人",
    "在校生数": "人",
    "在校生數": "人",
    "企业数": "家",
    "家数": "家",
    "校数": "所",
    "学校数": "所",
    "项目数": "项",
    "项数": "项",
    # shares: a column of bare numbers under 比例 is percentages (比例 | 53.91 |)
    "比例": "%",
    "占比": "%",
    "百分比": "%",
    "比率": "%",
}
# A header cell names its column's unit by a unit word at its end (参加人数, 通过人数), by a unit in
# brackets (到款额（万元）), or as a count of a known noun (科目数, 合作企业数 → the noun is the unit).
HEADER_CELL = re.compile(
    # the bracket may stay open where the page's cell lost its end (增长(%)
    r"^(?:.{0,8}?(?P<word>"
    + "|".join(HEADER_UNITS)
    + rf")|.{{0,12}}[（(](?P<unit>{TABLE_UNIT})(?:/[月年人生])?(?:[）)]|$))$"
)


# The units an English yearbook writes in brackets after a row's or a column's name (Number of
# Schools (unit), Teachers (10 000 persons)): the units as the grammar reads them (10 000 persons
# are 万人: the value is scaled as 万人's is).
ENGLISH_ROW_UNITS = {
    "unit": "所",
    "units": "所",
    "person": "人",
    "persons": "人",
    "10 000 persons": "万人",
    "10,000 persons": "万人",
    "10000 persons": "万人",
    "yuan": "元",
    "10 000 yuan": "万元",
    "10,000 yuan": "万元",
    "100 million yuan": "亿元",
}
# An English unit in brackets, as a header cell or a table's note writes it: (unit), (10 000 persons).
ENGLISH_BRACKETED_UNIT = r"[（(](?P<unit>[A-Za-z0-9 ,]{1,20})[）)]"
# An English header cell naming its column's unit in brackets (Schools (unit), New Enrollment (person)).
ENGLISH_HEADER_CELL = re.compile(rf"^[A-Za-z][A-Za-z '’&.,-]{{0,40}}{ENGLISH_BRACKETED_UNIT}$")


def english_unit(words: str) -> str | None:
    """The unit an English yearbook's bracketed words name (10 000 persons → 万人), however spaced or cased."""
    return ENGLISH_ROW_UNITS.get(" ".join(words.split()).lower())


def header_unit(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    """The unit a header cell text[a:b] names (参加人数 → 人, 到款额（万元） → 万元, Schools (unit) → 所),
    with the cell's span."""
    h = HEADER_CELL.match(text[a:b])
    if not h:
        e = ENGLISH_HEADER_CELL.match(text[a:b])
        unit = e and english_unit(e.group("unit"))
        return (unit, a, b) if unit else None
    return (h.group("word") and HEADER_UNITS[h.group("word")]) or h.group("unit"), a, b


@dataclass(frozen=True)
class Candidate:
    start: int  # whole match, marks included
    end: int
    num_start: int  # the number_text span
    num_end: int
    number: str  # the number as written, without marks
    number2: str | None  # upper end of a range
    unit_text: str
    prefix: str | None
    suffix: str | None
    after: str | None
    unit_start: int
    unit_end: int
    table_label: str | None = None  # set for a number read from a statistics-table row
    glued: bool = False  # a share cut from the cells glued before it (glued_rows.unglued_percent)


def opens_with(words) -> str:
    """A lookahead on the characters words open with. A scan is tried at every position of a text;
    this at its head fails at once where no match can begin (most of a text), where an optional
    part before the first required character (a mark before a number) made the engine try every
    alternative there first: the same matches (tests/extract/test_scan_shortcuts.py)."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"


def matched_candidate(
    m: re.Match, start: int, end: int, number: str | None = None, prefix: str | None = None, label: str | None = None
) -> Candidate:
    """A candidate read by a pattern with groups `num` and `unit` (no range, suffix or mark after)."""
    return Candidate(
        start=start,
        end=end,
        num_start=m.start("num"),
        num_end=m.end("num"),
        number=m.group("num") if number is None else number,
        number2=None,
        unit_text=m.group("unit"),
        prefix=prefix,
        suffix=None,
        after=None,
        unit_start=m.start("unit"),
        unit_end=m.end("unit"),
        table_label=label,
    )


def span_candidate(
    start: int, end: int, num: tuple[int, int], unit: tuple[int, int], number: str, unit_text: str
) -> Candidate:
    """A candidate from its spans, with no range, mark or word after (a reader's own reading)."""
    return Candidate(start, end, num[0], num[1], number, None, unit_text, None, None, None, unit[0], unit[1])


def cell_candidate(text, row_start, labels, a, b, unit, label=None, end=None) -> Candidate:
    return Candidate(
        start=labels[-1][0] if labels[-1][0] < a else row_start,
        end=end or b,
        num_start=a,
        num_end=b,
        number=text[a:b],
        number2=None,
        unit_text=unit[0],
        prefix=None,
        suffix=None,
        after=None,
        unit_start=unit[1],
        unit_end=unit[2],
        table_label=label if label is not None else " ".join(text[x:y] for x, y in labels),
    )
