"""PDF reports: text with pypdfium2 (fast; `make bench` measures it against pdfplumber),
pdfplumber's table finder only on pages whose lines look like table rows.

From the characters and their boxes the text is rebuilt as a reader sees it:
- running headers, footers and page numbers are dropped: lines near the top or bottom edge
  that repeat (digits aside) on at least half of the pages, and page-number lines there
  (3, - 3 -, 第3页, 3/12, Page 3 of 12);
- lines the layout wrapped are joined back (no space between CJK characters) when the line
  reaches the right edge and the next one starts at the left edge without a wider gap; a
  paragraph break stays a line break, also across a page break;
- a wide gap or a vertical ruling line inside a line is a table cell boundary (` | `); a run
  of such lines is a table, rendered by common.render_table (label | unit | years, cell
  locations); only where a ruled table comes out ragged (wrapped, empty or merged cells)
  does pdfplumber's table finder read that page's tables;
- every page's span of the text is recorded (Location.page), so every fact has its page.

A PDF without a text layer (scanned) is refused with that reason, as are encrypted,
truncated and damaged files."""

from __future__ import annotations

import ctypes
import io
import logging
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .common import FormatError, Location, Rendered, TextBuilder, column_letter, render_table

MEDIA_TYPE = "application/pdf"
EDGE_BAND = 0.08  # share of the page height at the top and bottom where furniture lives
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*\d+\s*[-–—]|第\s*\d+\s*页(?:\s*[/／,，]?\s*共\s*\d+\s*页)?|\d+\s*[/／]\s*\d+|"
    r"(?:page\s*)?\d+(?:\s*of\s*\d+)?|[ivxlc]+)\s*$",
    re.I,
)
LATIN_WORD = re.compile(r"[〔（(“‘《【]*[0-9A-Za-z+\-.,%/:()]+")
MIN_CHARS_PER_PAGE = 10  # fewer visible characters than this on every page: no text layer


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float  # distance from the page top (grows downwards)
    bottom: float
    size: float  # typical character height
    cells: bool = False  # holds a table cell boundary


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[tuple[tuple[float, float, float, float], list[list[str]]]] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # vertical rules: x, top, bottom


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


# CJK Radicals Supplement forms that fonts map simplified characters to (no NFKC mapping)
RADICAL_SUPPLEMENT = dict(
    zip(
        "⺠⺟⺢⻄⻅⻆⻉⻋⻓⻔⻘⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳",
        "民母水西见角贝车长门青页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟",
    )
)


def _radical(ch: str) -> str:
    """Fonts often map 人 日 门 to the radicals ⼈ ⽇ ⻔: read them as the characters."""
    if "\u2f00" <= ch <= "\u2fdf":  # Kangxi radicals: NFKC maps them
        return unicodedata.normalize("NFKC", ch)
    return RADICAL_SUPPLEMENT.get(ch, ch)


def _open(data: bytes):
    import pypdfium2 as pdfium

    if not data.lstrip()[:5] == b"%PDF-":
        raise FormatError("not a PDF: no %PDF- header")
    if b"%%EOF" not in data[-2048:]:
        raise FormatError("truncated PDF: no %%EOF at the end of the file")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise FormatError("encrypted PDF: it needs a password to open") from exc
        raise FormatError(f"damaged PDF: {msg}") from exc


def _rules(page, height: float) -> list[tuple[float, float, float]]:
    """The vertical ruling lines the page draws (path objects under 2 pt wide and over 5 pt
    high): (x, top, bottom), top-down. They separate the cells of a ruled table. Read with
    pdfium's own calls: wrapping every text object in Python would cost more than the text."""
    import pypdfium2.raw as c

    out = []
    box = [ctypes.c_float() for _ in range(4)]

    def walk(count: int, get) -> None:
        for i in range(count):
            obj = get(i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_FORM:
                walk(c.FPDFFormObj_CountObjects(obj), lambda k, o=obj: c.FPDFFormObj_GetObject(o, k))
            elif kind == c.FPDF_PAGEOBJ_PATH and c.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, box)):
                left, bottom, right, top = (v.value for v in box)
                if right - left < 2 and top - bottom > 5:
                    out.append(((left + right) / 2, height - top, height - bottom))

    walk(c.FPDFPage_CountObjects(page.raw), lambda k: c.FPDFPage_GetObject(page.raw, k))
    return out


def _ruled_between(rules: list[tuple[float, float, float]], x0: float, x1: float, mid: float) -> bool:
    return any(x0 - 1 <= x <= x1 + 1 and top <= mid <= bottom for x, top, bottom in rules)


def _page_lines(page, number: int) -> Page:
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    tp = page.get_textpage()
    text = tp.get_text_range()
    out = Page(number, width, height, rules=_rules(page, height))
    box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top: pdfium's order
    refs = [ctypes.byref(v) for v in box]
    get_box, raw_tp = pdfium_c.FPDFText_GetCharBox, tp.raw
    start = 0
    for raw in text.split("\r\n") if text else []:
        end = start + len(raw)
        chars = []
        for k in range(start, end):
            get_box(raw_tp, k, *refs)
            chars.append((text[k], box[0].value, box[1].value, height - box[3].value, height - box[2].value))
        start = end + 2
        visible = [c for c in chars if c[0].strip() and c[2] > c[1]]
        if not visible:
            continue
        size = statistics.median(c[4] - c[3] for c in visible)
        mid = (min(c[3] for c in visible) + max(c[4] for c in visible)) / 2
        parts: list[str] = []
        cells, prev, space = False, None, False
        for ch, left, right, _top, _bottom in chars:
            if not ch.strip() or right <= left:
                space = space or not ch.strip()
                if ch.strip():  # a generated character without a box (rare)
                    parts.append(ch)
                continue
            ch = _radical(ch)
            if prev is not None and parts:
                gap = left - prev
                if gap > 2.5 * size or (out.rules and _ruled_between(out.rules, prev, left, mid)):
                    parts.append(" | ")
                    cells = True
                elif space and not (_is_cjk(parts[-1][-1]) or _is_cjk(ch)) or gap > size:
                    parts.append(" ")  # a space only where the text had one, never beside CJK
            parts.append(ch)
            prev, space = right, False
        line_text = "".join(parts).strip()
        out.lines.append(
            Line(
                line_text,
                min(c[1] for c in visible),
                max(c[2] for c in visible),
                min(c[3] for c in visible),
                max(c[4] for c in visible),
                size,
                cells,
            )
        )
    return out


def _furniture(pages: list[Page]) -> set[tuple[int, int]]:
    """(page index, line index) of running headers, footers and page numbers."""

    def in_band(p: Page, ln: Line) -> bool:
        return ln.bottom <= p.height * EDGE_BAND or ln.top >= p.height * (1 - EDGE_BAND)

    def key(s: str) -> str:
        return re.sub(r"\d+", "#", s)

    seen = Counter(key(ln.text) for p in pages for ln in {key(x.text): x for x in p.lines if in_band(p, x)}.values())
    repeat = max(2, (len(pages) + 1) // 2)
    drop = set()
    for i, p in enumerate(pages):
        for j, ln in enumerate(p.lines):
            numbered = any(PAGE_NUMBER.match(cell) for cell in ln.text.split(" | "))  # 1/3, or URL | 1/3
            if in_band(p, ln) and (numbered or (len(pages) > 1 and seen[key(ln.text)] >= repeat)):
                drop.add((i, j))
    return drop


def _in_ruled_cell(p: Page, ln: Line) -> bool:
    """Whether the line stands between two vertical ruling lines that span it: inside a cell."""
    mid = (ln.top + ln.bottom) / 2
    spanning = [x for x, top, bottom in p.rules if top <= mid <= bottom]
    return any(x <= ln.x0 + 1 for x in spanning) and any(x >= ln.x1 - 1 for x in spanning)


def _needs_table_finder(p: Page) -> bool:
    """Whether a ruled table's lines leave it ragged: a line without cell boundaries inside a
    ruled cell (a wrapped cell), or rows with different numbers of cells (an empty or merged
    cell). pdfplumber's table finder reads those pages; regular tables are read from the
    lines, their cells split at the gaps between words and at the ruling lines."""
    if not p.rules:
        return False
    counts = set()
    for ln in p.lines:
        if not _in_ruled_cell(p, ln):
            continue
        if not ln.cells:
            return True
        counts.add(ln.text.count(" | "))
    return len(counts) > 1


def _tables(data: bytes, pages: list[Page]) -> None:
    """pdfplumber's table finder, only on the pages whose ruled tables are ragged."""
    wanted = [p for p in pages if _needs_table_finder(p)]
    if not wanted:
        return
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings, one per character
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p in wanted:
            for table in pdf.pages[p.number - 1].find_tables():
                rows = [["".join(map(_radical, c or "")) for c in row] for row in table.extract()]
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                    p.tables.append((table.bbox, rows))


def _items(p: Page) -> list[Line | list[list[str]]]:
    """A page's lines in reading order, each table (a run of cell lines, or what pdfplumber
    found) as its rows."""
    items: list[Line | list[list[str]]] = []
    run: list[Line] = []
    done: set[int] = set()

    def flush() -> None:
        if run:
            items.append([ln.text.split(" | ") for ln in run])
            run.clear()

    for ln in p.lines:
        t = _table_of(p, ln)
        if t is not None:
            flush()
            if t not in done:
                done.add(t)
                items.append(p.tables[t][1])
        elif ln.cells:
            run.append(ln)
        else:
            flush()
            items.append(ln)
    flush()
    return items


def _joins(a: Line, b: Line, right: float, left: float, same_page: bool) -> bool:
    """Whether b continues a's paragraph: a reaches the right edge, b starts at the left edge,
    neither is a table row, and (on one page) the white space between them is no wider than
    line spacing (a paragraph's margin is)."""
    if a.cells or b.cells:
        return False
    # a Latin word or number that did not fit leaves the line short by its own width
    word = LATIN_WORD.match(b.text)
    # (and line-breaking rules may carry up to two characters over: no line starts with ，)
    full = a.x1 >= right - a.size * (2.5 + 0.6 * (len(word.group()) if word else 0))
    flush = b.x0 <= left + 0.5 * b.size
    close = not same_page or -0.2 * a.size <= b.top - a.bottom <= 0.9 * a.size
    return full and flush and close


def render_pdf(data: bytes) -> Rendered:
    doc = _open(data)
    try:
        pages = [_page_lines(doc[i], i + 1) for i in range(len(doc))]
    finally:
        doc.close()
    if not pages:
        raise FormatError("PDF without pages")
    if all(sum(len(ln.text.strip()) for ln in p.lines) < MIN_CHARS_PER_PAGE for p in pages):
        raise FormatError("PDF without a text layer (scanned pages?): no text to read, OCR is not done")
    drop = _furniture(pages)
    for i, p in enumerate(pages):
        p.lines = [ln for j, ln in enumerate(p.lines) if (i, j) not in drop]
    _tables(data, pages)

    out = TextBuilder()
    prev: Line | None = None
    prev_page: Page | None = None
    for p in pages:
        page_start = out.n
        right = max((ln.x1 for ln in p.lines if not ln.cells), default=0.0)
        left = min((ln.x0 for ln in p.lines if not ln.cells), default=0.0)
        n_tables = 0
        for item in _items(p):
            if isinstance(item, list):
                n_tables += 1
                if prev is not None:
                    out.add("\n")
                render_table(item, out, lambda r, c, n=p.number, k=n_tables: f"p{n}表{k}!{column_letter(c)}{r + 1}")
                prev = None
                continue
            ln = item
            if prev is not None:
                if _joins(prev, ln, right, left, prev_page is p):
                    if not (_is_cjk(prev.text[-1]) or _is_cjk(ln.text[0]) or prev.text.endswith("-")):
                        out.add(" ")
                else:
                    out.add("\n")
            out.add(ln.text)
            prev, prev_page = ln, p
        if out.n > page_start:
            out.locations.append(Location(page_start, out.n, page=p.number))
    if prev is not None:
        out.add("\n")
    text = out.text()
    # a page's span ends where the next begins, so that a separator belongs to a page too
    locs = sorted(out.locations, key=lambda loc: (loc.start, loc.page is None))
    return Rendered(text, MEDIA_TYPE, tuple(locs))


def _table_of(p: Page, ln: Line) -> int | None:
    mid = (ln.top + ln.bottom) / 2
    for k, ((x0, top, x1, bottom), _rows) in enumerate(p.tables):
        if top <= mid <= bottom and x0 - 2 <= ln.x0 and ln.x1 <= x1 + 2:
            return k
    return None
