"""A table glued into lines: an AI-written page's table copied without its cell borders, each row
a rank glued to the cells' words and numbers, under a header of the column names glued likewise:

    排名学校名称所属地区重点专业领域校企合作企业数量毕业生就业率
    1上海信息技术学校上海电子信息、物联网技术126家98.7%

No cell can be told from the next, but the header names what the row's numbers measure; a number
in such a row reads the header as the sentence before its own (the classifier weighs it weakly and
only for codes of the number's own base unit: 126家 finds 校企合作企业, 98.7% finds 就业率)."""

from __future__ import annotations

import re
from dataclasses import replace

from .cells import Candidate

ROW_START = re.compile(r"[ \t]*[0-9]{1,3}(?=[\u4e00-\u9fff])")  # a rank glued to a name
HEADER = re.compile(r"[\u4e00-\u9fff（）()、/]{6,60}")  # column names glued: words only
PROSE = re.compile(r"[，,。；;：:！？!?]")
# A table whose rows have no rank (农牧类专业492.3% under 专业类别专业数量年均就业率) is told from a
# heading over a line of prose by its header: at least three words that name a table's columns.
COLUMN_WORDS = re.compile(
    r"名称|排名|数量|人数|占比|比例|比重|[就升]业率|升学率|合格率|通过率|达标率|类别|类型|性质|地区|区域|"
    r"专业|企业|学校|院校|年份|年度|指标|金额|经费|起薪|薪资|层次"
)
MIN_COLUMN_WORDS = 3
UNRANKED_ROW = re.compile(r"[^|｜\t]*[0-9][^|｜\t]*")  # a number, no cell borders (other readers' tables)
MAX_ROWS_UP = 30  # rows walked back to the header
MAX_LINE = 200  # a row or a header is a short line; a longer one is read no further
# Both bounds keep the work per number constant, however long the text or its lines: linear.


def _line(text: str, start: int) -> str | None:
    """The line starting at start, None if it is longer than MAX_LINE."""
    end = text.find("\n", start, start + MAX_LINE + 1)
    if end == -1 and len(text) - start > MAX_LINE:
        return None
    return text[start : len(text) if end == -1 else end]


def glued_header(text: str, line_start: int) -> str | None:
    """The header of the glued table whose row starts at line_start, if the line is such a row."""
    if line_start < 0 or (line_start and text[line_start - 1] != "\n"):
        return None
    row = _line(text, line_start)
    if row is None or PROSE.search(row):
        return None
    ranked = bool(ROW_START.match(row))
    if not ranked and not UNRANKED_ROW.fullmatch(row):
        return None
    is_row = ROW_START.match if ranked else UNRANKED_ROW.fullmatch
    start = line_start
    for _ in range(MAX_ROWS_UP):
        if start == 0:
            return None
        start = _line_start(text, start - 1)
        if start < 0:
            return None  # the line above is longer than any row or header
        line = _line(text, start)
        if line is None:
            return None
        if not line.strip():
            continue
        if is_row(line) and not PROSE.search(line):
            continue  # a row above: walk on to the header
        header = line.strip()
        if not HEADER.fullmatch(header):
            return None
        if not ranked and len(set(COLUMN_WORDS.findall(header))) < MIN_COLUMN_WORDS:
            return None
        return header
    return None


# A share glued to the cells before it: 201928501589% is 2019 | 2850 | 15 | 89%, 850097.2% is
# 8500 | 97.2%. No share is five digits long, nor, in a glued table's row, more than 100: the share
# is the number's last two digits (100 where it ends so) with its decimals; what stands before it
# cannot be told apart and is left unread.
PERCENT_UNITS = ("%", "％")
ALWAYS_GLUED_DIGITS = 5  # a whole part this long is never one share (the corpus's largest: 1123.59%)


def unglued_percent(text: str, c: Candidate) -> Candidate:
    """c, or, where c is a share glued to the cells before it, the share alone."""
    if c.unit_text not in PERCENT_UNITS or c.number2 is not None:
        return c
    whole, _, decimals = c.number.partition(".")
    if not whole.isascii() or not whole.isdigit() or len(whole) < 3 or float(c.number) <= 100:
        return c
    if len(whole) < ALWAYS_GLUED_DIGITS and glued_header(text, _line_start(text, c.num_start)) is None:
        return c
    keep = 3 if whole.endswith("100") and not decimals else 2
    start = c.num_end - keep - (len(decimals) + 1 if decimals else 0)
    if text[start : c.num_end] != c.number[len(c.number) - (c.num_end - start) :]:
        return c  # the number as read is not the text as written (full-width digits, commas): leave it
    return replace(c, start=start, num_start=start, number=text[start : c.num_end], prefix=None, glued=True)


# A year glued to the first cell after it: 20183200人 under 年份在校生规模… is 2018 | 3200人. A row of
# such a table opens with its year; a number of five or more digits there that opens with a year and
# has a unit is that year and the cell's count.
YEAR_HEADER = re.compile(r"学?年")  # 年份, 年度, 学年
GLUED_YEAR = re.compile(r"(?:19[5-9][0-9]|20[0-4][0-9])[1-9][0-9]*")


def unglued_year(text: str, c: Candidate) -> Candidate:
    """c, or, where c opens a glued table's row with the row's year glued to it, the count alone."""
    if not c.unit_text or c.number2 is not None or not GLUED_YEAR.fullmatch(c.number):
        return c
    if c.num_start and text[c.num_start - 1] != "\n":
        return c
    if text[c.num_start : c.num_end] != c.number:
        return c  # the number as read is not the text as written (full-width digits, commas): leave it
    header = glued_header(text, c.num_start)
    if header is None or not YEAR_HEADER.match(header):
        return c
    start = c.num_start + 4
    return replace(c, start=start, num_start=start, number=c.number[4:], prefix=None, glued=True)


def _line_start(text: str, pos: int) -> int:
    """The start of pos's line, or -1 where it lies further back than any row's length."""
    lo = max(0, pos - MAX_LINE)
    found = text.rfind("\n", lo, pos)
    return -1 if found == -1 and lo > 0 else found + 1
