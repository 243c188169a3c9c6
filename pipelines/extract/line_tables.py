"""Tables flattened one cell per line, as a web page's table reaches plain text (each cell on a
line of its own, often ending in `|`, blank lines between or not):

    學系 | 102學年度 | 103學年度 |        畢業出路  107學年度 … 人數  比例  人數  比例 …
    航管系 | 10 | 7 |                    升學  101  11%  140  14% …
    休閒系 | 2 | 4 |                     服兵役  132  14%  109  11% …

A run of such short lines is a table when its cells fall into rows of one text label and the
same number of value cells, at least two rows. The value columns take their units from the
header's last cells (人數, 比例: see cells.HEADER_UNITS), else, where no header cell names a
unit, from the table's caption just above it (本學程參與人數統計表如下 → 人). A cell that writes
its own unit (11%) is left to the ordinary reading of the text.
"""

from __future__ import annotations

import re
from collections import Counter

from .cells import (
    HEADER_UNITS,
    NOTE_ALONE,
    SIGNED_CELL_NUM,
    TABLE_UNIT,
    Candidate,
    cell_candidate,
    english_unit,
    header_unit,
)
from .simplify import for_matching

MAX_CELL = 24  # characters: a longer line is prose, and ends the run
_LATIN_WORDS = re.compile(r"[A-Za-z´'’ ]+")
_LONE_BAR = re.compile(r"^[ \t\u3000]*[|｜][ \t\u3000]*$", re.M)
_BARRED_CELL = re.compile(r"[^\s|｜][ \t\u3000]*[|｜][ \t\u3000]*$", re.M)
# a cell's line may open with a bar too, where a row's label opens it (| 一.中職學生計 |)
_CELL_LINE = re.compile(r"^[ \t\u3000]*(?:[|｜][ \t\u3000]*)?(?P<cell>[^|｜\n]*?)[ \t\u3000]*[|｜]?[ \t\u3000]*$")
_VALUE = re.compile(r"^(?:[<>＜＞≤≥]|[-−－](?=[0-9]))?[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9]+)?[%％]?$")
# A line that is one value cell, as _CELL_LINE and _VALUE read it: a table without one has no
# number to give, and prose (most texts) skips the line-by-line reading.
_VALUE_LINE = re.compile(
    r"^[ \t\u3000]*(?:[|｜][ \t\u3000]*)?(?:[<>＜＞≤≥]|[-−－](?=[0-9]))?[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9]+)?[%％]?"
    r"[ \t\u3000]*[|｜]?[ \t\u3000]*$",
    re.M,
)
_SENTENCE_END = re.compile(r"[。！？；!?;，,：:]$")
_ENGLISH_GLOSS = re.compile(r"[A-Za-z][A-Za-z ,.&'’()/-]*")  # words only: no digits, no Chinese
_CJK_LABEL = re.compile(r"[\u4e00-\u9fff]")
# A caption names the count the whole table holds: …人數統計表, 参加人数如下.
_CAPTION_UNIT = re.compile(r"(?P<word>人[数數]|人次)(?:[统統][计計]表|表|如下|[:：])")


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of at least six cell lines (the cells' spans), blank lines inside a run skipped."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = 0
    # Where cells end in their own bar (12615.83 |), a bar alone is an empty cell and ends a run of
    # rows; where bars stand alone between cells (728627 / | / 1106551), it only separates them.
    # Either way, a bar alone after a cell with no bar of its own (| / 單位:人 / |), or after another
    # such bar, only closes or opens a wrapped cell.
    separators = len(_LONE_BAR.findall(text)) > len(_BARRED_CELL.findall(text))
    barred = False  # the last line that was not blank ended in a bar of its own (a cell or an empty one)
    empties: list[tuple[int, int]] = []  # empty cells not yet known to belong to the table
    wrapped: int | None = None  # where in current a label's lines without bars began
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            wrapped = None
            continue
        lone = not line.strip(" \t\u3000|｜")
        if lone and (separators or not barred):
            wrapped = None  # a bar alone closes a cell: no label wraps past it
            continue
        was_barred, barred = barred, line.rstrip(" \t\u3000").endswith(("|", "｜"))
        if lone and current:  # empty cells: kept only where a label stands on both sides (below)
            empties.append((start, start))
            continue
        m = _CELL_LINE.match(line)
        cell = m.group("cell") if m else ""
        if empties:
            label_next = m is not None and bool(cell) and not _VALUE.match(cell)
            if _is_label(text, current[-1]) and label_next:
                # a section's row of empty values between two labels (一、高等教育 | | | | (一)研究生)
                current += empties
            elif current[-1][0] < current[-1][1] and not _is_label(text, current[-1]) and label_next:
                pass  # a row's trailing empty cell, before the next row's label (2909 | | Number of …): padding
            else:
                # empty cells before a number (一般公共服务支出 | | 2: an amount left empty beside a
                # budget's line number) end the run of rows, as before
                if len(current) >= 6:
                    runs.append(current)
                current = []
            empties = []
        if m and barred and not was_barred and wrapped is not None and cell and not _VALUE.match(cell):
            # a label wrapped over lines, its last line and bar after the others (畢業生數 / Graduates |,
            # Classroom / Teachers / (10 000 persons) |): one cell
            current[wrapped:] = [(current[wrapped][0], start + m.end("cell"))]
            wrapped = None
            continue
        if (
            m
            and cell
            and current
            and _ENGLISH_GLOSS.fullmatch(cell)
            and _CJK_LABEL.search(text, *current[-1])
            and not _ENGLISH_GLOSS.fullmatch(text, *current[-1])
        ):
            # a label's English gloss in a cell of its own (| 合  计 | / total | 17357 |): one cell
            current[-1] = (current[-1][0], start + m.end("cell"))
            wrapped = None
            continue
        # a bilingual label (一、高等教育 higher education) is as short as its Chinese
        if m and cell and len(_LATIN_WORDS.sub("", cell)) <= MAX_CELL and not _SENTENCE_END.search(cell):
            current.append((start + m.start("cell"), start + m.end("cell")))
            if barred:
                wrapped = None
            elif wrapped is None and not _VALUE.match(cell):
                wrapped = len(current) - 1  # a label line with no bar of its own: it may continue below
            elif _VALUE.match(cell):
                wrapped = None
            continue
        wrapped = None
        if len(current) >= 6:
            runs.append(current)
        current = []
    if len(current) >= 6:
        runs.append(current)
    return runs


def _is_label(text: str, cell: tuple[int, int]) -> bool:
    a, b = cell
    return a < b and not _VALUE.match(text[a:b])


def _blocks(kinds: list[bool]) -> list[tuple[int, int, int]]:
    """(first label's index, values per row, rows) of every run of rows of a label and the same
    number of values (True marks a value), in order: the first (at least two rows) fixes how many
    values a row has; later runs of that width, after a section's label with no values
    (二、中等教育), follow it."""
    labels = [i for i, v in enumerate(kinds) if not v and i + 1 < len(kinds) and kinds[i + 1]]
    if len(labels) < 2:
        return []
    width, _ = Counter(b - a for a, b in zip(labels, labels[1:], strict=False)).most_common(1)[0]
    k = width - 1
    if k < 1:
        return []
    # the table opens at the first label that two rows of that width follow (a note's line with
    # its empty cells, 單位:人 | | |, may stand before it)
    firsts = (a for a, b in zip(labels, labels[1:], strict=False) if b - a == width)
    first = next((a for a in firsts if _rows_at(kinds, a, width) >= 2), None)
    if first is None:
        return []
    out: list[tuple[int, int, int]] = []
    i = first
    while i < len(kinds):
        rows, start = 0, i
        while _is_row(kinds, i, width):
            rows += 1
            i += width
        if rows >= (1 if out else 2):
            out.append((start, k, rows))
        elif not out:
            return []
        i += 1 if rows == 0 else 0  # past a section's label, to the next row
    return out


def _is_row(kinds: list[bool], i: int, width: int) -> bool:
    """Whether a row of a label and width - 1 values starts at i."""
    return i + width <= len(kinds) and not kinds[i] and all(kinds[i + 1 : i + width])


def _rows_at(kinds: list[bool], i: int, width: int) -> int:
    """How many rows of a label and width - 1 values follow one another from i (at most 2: enough)."""
    rows = 0
    while rows < 2 and _is_row(kinds, i, width):
        rows, i = rows + 1, i + width
    return rows


def _caption(text: str, at: int) -> tuple[tuple[str, int, int], str] | None:
    """The unit a caption in the 200 characters before the table names, with its span, and the
    caption's clause up to it (what the table counts: 本學程參與人數)."""
    lo = max(0, at - 200)
    found = list(_CAPTION_UNIT.finditer(text, lo, at))
    if not found:
        return None
    m = found[-1]
    clause = max(text.rfind(c, lo, m.start()) for c in "\n。，,；;") + 1
    unit = HEADER_UNITS.get(m.group("word"), m.group("word"))
    return (unit, m.start("word"), m.end("word")), text[max(clause, lo) : m.end("word")]


def cell_per_line_candidates(text: str) -> list[Candidate]:
    if text.count("\n") < 6 or not _VALUE_LINE.search(text):
        return []
    out: list[Candidate] = []
    for cells in _runs(text):
        kinds = [a == b or bool(_VALUE.match(text[a:b])) for a, b in cells]
        blocks = _blocks(kinds)
        if not blocks:
            continue
        first, k, _ = blocks[0]
        header = cells[:first]
        names = header[-k:] if len(header) >= k else [None] * k
        units = {j: unit for j, name in enumerate(names) if name and (unit := header_unit(text, *name))}
        if names[0] and len(units) < k and len({text[a:b] for a, b in names}) < k:
            # a sub-header that repeats (計 | 其中… | 計 | …) and names no unit: two levels of names
            # over the columns, which the last k cells do not name one by one (人數 | 比例 | 人數 |
            # 比例 names each column's unit: kept)
            names = [None] * k
        # else one unit for the whole table: its note (单位:人) among the header's cells, or its caption
        note = None if units else next((u for a, b in header if (u := _note_unit(text, a, b))), None)
        if not units and note is None:  # the note on a line of its own just above the table (單位:人 |)
            note = _note_above(text, cells[0][0])
        caption, what = (None, "") if units or note else (_caption(text, cells[0][0]) or (None, ""))
        row_units = {} if units or note or caption else _row_units(text, cells, blocks, k)
        for start, _, n_rows in blocks:
            for i in range(start, start + n_rows * (k + 1), k + 1):
                label = cells[i]
                for j in range(k):
                    a, b = cells[i + 1 + j]
                    unit = units.get(j) or note or caption or row_units.get(i)
                    if unit is None or not SIGNED_CELL_NUM.fullmatch(text[a:b]):
                        continue
                    column = names[j]
                    row = (text[label[0] : label[1]], column and text[column[0] : column[1]])
                    name = " ".join(" ".join(x.split()) for x in (what, *row) if x)  # a wrapped cell's line breaks
                    out.append(cell_candidate(text, label[0], [label], a, b, unit, label=name))
    return out


# A row's own unit at the end of its label, as a yearbook writes it when every row counts something
# else (Number of Schools (unit), Teachers (10 000 persons), 学校数(所)): the units as the grammar
# reads them (10 000 persons are 万人: the value is scaled as 万人's is).
_ROW_UNIT = re.compile(rf"[（(]\s*(?P<unit>{TABLE_UNIT}|[A-Za-z0-9 ,]{{1,20}})\s*[)）]\s*$")


# A row whose label names people (2017届 毕业生, 在校学生人数): its bare numbers are headcounts.
_PEOPLE_ROW = re.compile(r"(?:毕业生|学生|学员|在校生|招生|就业)(?:人数|数)?$")


def _row_units(text: str, cells: list[tuple[int, int]], blocks, k: int) -> dict[int, tuple[str, int, int]]:
    """Per row (its label's index in cells): the unit its label ends in, where it names one."""
    out = {}
    for start, _, n_rows in blocks:
        for i in range(start, start + n_rows * (k + 1), k + 1):
            a, b = cells[i]
            m = _ROW_UNIT.search(text, a, b)
            if not m:
                if _PEOPLE_ROW.search(for_matching(text[a:b]).strip()):  # 2017屆 畢業(yè)生 | 112 | 110 |
                    out[i] = ("人", a, b)
                continue
            written = " ".join(m.group("unit").split())
            unit = written if re.fullmatch(TABLE_UNIT, written) else english_unit(written)
            if unit:
                out[i] = (unit, m.start("unit"), m.end("unit"))
    return out


_NOTE = re.compile(NOTE_ALONE + "$")
_NOTE_LINE = re.compile(rf"^[ \t\u3000|｜]*{NOTE_ALONE}[ \t\u3000|｜]*$", re.M)
NOTE_ABOVE = 160  # characters before a table where its note may stand on a line of its own


def _note_above(text: str, at: int) -> tuple[str, int, int] | None:
    found = list(_NOTE_LINE.finditer(text, max(0, at - NOTE_ABOVE), at))
    return (found[-1].group(1), found[-1].start(1), found[-1].end(1)) if found else None


def _note_unit(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    """The unit of a table's note standing alone in a cell (单位:人)."""
    m = _NOTE.match(text, a, b)
    return (m.group(1), m.start(1), m.end(1)) if m else None
