"""What every document format shares: the canonical text with its side map of locations, and
the rendering of a statistics table into rows the extractor's table-row reader reads
(`label | unit | 2022 | 2023`), one location per cell with the cell's reference and period."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from pipelines.extract.cells import TABLE_UNIT


class FormatError(ValueError):
    """The document cannot be read; the message is the quarantine reason."""


@dataclass(frozen=True)
class Location:
    """Text offsets [start, end) of the canonical text and where they came from."""

    start: int
    end: int
    page: int | None = None  # 1-based PDF page
    cell: str | None = None  # 服务贡献表!C5, 表1!B3
    period: str | None = None  # the year column a table value stands in (2023)


@dataclass(frozen=True)
class Rendered:
    text: str
    media_type: str
    locations: tuple[Location, ...] = ()
    title: str | None = None
    encoding: str = "binary"  # the character encoding, where the format has one to choose (CSV)


def locations_json(locations: Sequence[Location]) -> str:
    return json.dumps(
        [{k: v for k, v in asdict(loc).items() if v is not None} for loc in locations], ensure_ascii=False
    )


def locations_from_json(s: str | None) -> list[Location]:
    return [Location(**d) for d in json.loads(s)] if s else []


class Locator:
    """Where a fact's number came from, looked up by binary search (a workbook may hold
    thousands of cells): the cell whose text is the number (the rightmost one inside the
    quote, as a table row's quote runs from its label to the number), and the page holding
    that cell or the quote's start. An empty Location where the map says nothing."""

    def __init__(self, locations: Sequence[Location]):
        self.cells = sorted((loc for loc in locations if loc.cell), key=lambda loc: loc.start)
        self.cell_starts = [loc.start for loc in self.cells]
        self.pages = sorted((loc for loc in locations if loc.page is not None and not loc.cell), key=lambda x: x.start)
        self.page_starts = [loc.start for loc in self.pages]

    def __call__(self, char_start: int, char_end: int, number_text: str, text: str) -> Location:
        lo = bisect_left(self.cell_starts, char_start)
        hi = bisect_right(self.cell_starts, char_end)
        cell = None
        for loc in self.cells[lo:hi]:
            if (
                loc.end <= char_end
                and text[loc.start : loc.end] == number_text
                and (cell is None or loc.end > cell.end)
            ):
                cell = loc
        pos = cell.start if cell else char_start
        page = cell.page if cell else None
        i = bisect_right(self.page_starts, pos) - 1
        if page is None and i >= 0 and pos < self.pages[i].end:
            page = self.pages[i].page
        if cell:
            return Location(cell.start, cell.end, page, cell.cell, cell.period)
        return Location(char_start, char_end, page)


@dataclass
class TextBuilder:
    """Appends lines to the canonical text and records the location of each piece."""

    parts: list[str] = field(default_factory=list)
    n: int = 0
    locations: list[Location] = field(default_factory=list)

    def add(self, s: str, cell: str | None = None, period: str | None = None, page: int | None = None) -> None:
        if cell or period or page is not None:
            self.locations.append(Location(self.n, self.n + len(s), page, cell, period))
        self.parts.append(s)
        self.n += len(s)

    def row(self, cells: Sequence[tuple[str, str | None, str | None]], page: int | None = None) -> None:
        """One table row: (text, cell ref, period) per cell, joined by ' | ', then a newline."""
        for i, (s, ref, period) in enumerate(cells):
            if i:
                self.add(" | ")
            self.add(s, ref, period, page)
        self.add("\n")

    def text(self) -> str:
        return "".join(self.parts)


YEAR_HEADER = re.compile(r"^((?:19|20)\d\d)\s*(?:年度?|学年|年\s*[（(][^）)]*[）)])?$")
UNIT = re.compile(rf"(?:{TABLE_UNIT})")
UNIT_NOTE = re.compile(rf"单位\s*[:：]\s*({TABLE_UNIT})")
UNIT_IN_LABEL = re.compile(rf"[（(](?:{TABLE_UNIT})[）)]\s*$")
LABEL_HEADER = re.compile(r"指标|项目|名称|内容|类别")
NUMERIC = re.compile(r"^[+\-]?[0-9０-９][0-9,，.．]*%?$")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")


def clean_cell(value: object) -> str:
    """A cell as text: numbers without a spurious .0, runs of white space folded (none between
    CJK characters, as a wrapped cell's line break is no space)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    s = str(value).strip()
    return _SPACE.sub(lambda m: "" if _between_cjk(m) else " ", s)


def _between_cjk(m: re.Match) -> bool:
    s, i, j = m.string, m.start(), m.end()
    return i > 0 and j < len(s) and _cjk(s[i - 1]) and _cjk(s[j])


def _cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def column_letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def render_table(
    rows: list[list[str]],
    out: TextBuilder,
    ref: Callable[[int, int], str],
    note_unit: str | None = None,
    page: int | None = None,
) -> str | None:
    """A table into the canonical text. A statistics table (a header row with year columns)
    becomes `label | unit | v2022 | v2023` rows, the unit taken from the label (…（万元）),
    a 单位 column or the table's 单位：万元 note, and each value's location holding its cell
    and period. Any other table is rendered row by row, cells joined by ' | '. Returns the
    unit note in force after the table (a note may stand above the next table too)."""
    rows = [[clean_cell(c) for c in r] for r in rows]
    header = next((i for i, r in enumerate(rows) if any(YEAR_HEADER.match(c) for c in r)), None)
    upto = len(rows) if header is None else header
    for i in range(upto):
        cells = [(c, ref(i, j), None) for j, c in enumerate(rows[i]) if c]
        if cells:
            out.row(cells, page)
        note = UNIT_NOTE.search(" ".join(rows[i]))
        if note:
            note_unit = note.group(1)
    if header is None:
        return note_unit
    head = rows[header]
    years = [j for j, c in enumerate(head) if YEAR_HEADER.match(c)]
    unit_col = next((j for j, c in enumerate(head) if "单位" in c and j not in years), None)
    body = rows[header + 1 :]
    label_col = next((j for j, c in enumerate(head) if LABEL_HEADER.search(c) and j not in years), None)
    if label_col is None:
        label_col = next(
            (
                j
                for j, c in enumerate(head)
                if j not in years
                and j != unit_col
                and "序号" not in c
                and sum(bool(r[j]) and not NUMERIC.match(r[j]) for r in body if j < len(r)) * 2 >= len(body)
            ),
            0,
        )
    has_units = unit_col is not None or note_unit is not None
    # the other named columns (较上年增减, 备注) follow the years, so that no cell is lost
    others = [
        j for j, c in enumerate(head) if c and j not in years and j not in (label_col, unit_col) and "序号" not in c
    ]
    head_cells = [(head[label_col] or "指标", ref(header, label_col), None)]
    if has_units:
        head_cells.append(("单位", ref(header, unit_col) if unit_col is not None else None, None))
    head_cells += [(head[j], ref(header, j), None) for j in years + others]
    out.row(head_cells, page)
    for k, r in enumerate(body, start=header + 1):
        r = r + [""] * (len(head) - len(r))
        label = r[label_col]
        if not label:
            cells = [(c, ref(k, j), None) for j, c in enumerate(r) if c]
            if cells:
                out.row(cells, page)
            continue
        cells = [(label, ref(k, label_col), None)]
        if unit_col is not None and r[unit_col]:
            cells.append((r[unit_col], ref(k, unit_col), None))
        elif note_unit and not UNIT_IN_LABEL.search(label):
            cells.append((note_unit, None, None))
        cells += [(r[j], ref(k, j), YEAR_HEADER.match(head[j]).group(1)) for j in years if r[j]]
        cells += [(r[j], ref(k, j), None) for j in others if r[j]]
        out.row(cells, page)
    return note_unit
