"""A table glued into lines: an AI-written page's table copied without its cell borders, each row
a rank glued to the cells' words and numbers, under a header of the column names glued likewise:

    排名学校名称所属地区重点专业领域校企合作企业数量毕业生就业率
    1上海信息技术学校上海电子信息、物联网技术126家98.7%

No cell can be told from the next, but the header names what the row's numbers measure; a number
in such a row reads the header as the sentence before its own (the classifier weighs it weakly and
only for codes of the number's own base unit: 126家 finds 校企合作企业, 98.7% finds 就业率)."""

from __future__ import annotations

import re

ROW_START = re.compile(r"[ \t]*[0-9]{1,3}(?=[\u4e00-\u9fff])")  # a rank glued to a name
HEADER = re.compile(r"[\u4e00-\u9fff（）()、/]{6,60}")  # column names glued: words only
PROSE = re.compile(r"[，,。；;：:！？!?]")
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
    if line_start and text[line_start - 1] != "\n":
        return None
    row = _line(text, line_start)
    if row is None or not ROW_START.match(row) or PROSE.search(row):
        return None
    start = line_start
    for _ in range(MAX_ROWS_UP):
        if start == 0:
            return None
        lo = max(0, start - 1 - MAX_LINE)
        above = text.rfind("\n", lo, start - 1)
        if above == -1 and lo > 0:
            return None  # the line above is longer than any row or header
        start = above + 1
        line = _line(text, start)
        if line is None:
            return None
        if not line.strip():
            continue
        if ROW_START.match(line) and not PROSE.search(line):
            continue  # a row above: walk on to the header
        return line.strip() if HEADER.fullmatch(line.strip()) else None
    return None
