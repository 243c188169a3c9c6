"""Raw report bytes → text. Pure functions: encoding detection, HTML to plain text.

The decoded text is what every fact's char offsets point into, so its rules are fixed:
- UTF-8 (BOM dropped), else the declared or detected encoding (GB18030 covers GBK/GB2312);
- line ends become \\n;
- HTML: <head>, <script>, <style> and page furniture (<nav>, <aside>, <footer>, and elements
  whose class or id says sidebar, menu, breadcrumb, footer, related …) are dropped; block
  elements end a line, table cells are joined by a TAB, entities are unescaped, runs of
  spaces inside a line fold to one, non-breaking spaces become spaces.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from charset_normalizer import from_bytes

from . import formats
from .formats import Location


class DecodeError(ValueError):
    """The bytes are not a text report this pipeline can read."""


HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<meta|<body|<div|<p[\s>])", re.I)
META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.I)
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "form",
    "hr",
    "pre",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "main",
    "title",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
# Page furniture, not the report: dropped with everything inside it.
BOILERPLATE_TAGS = {"nav", "aside", "footer"}
BOILERPLATE_CLASS = re.compile(
    r"(^|[\s_-])(side-?bar|sidebar|aside|nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|"
    r"related|recommend|share|copyright|top-?bar|toolbar|friend-?links?)($|[\s_-])",
    re.I,
)
CELL_TAGS = {"td", "th"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def is_html(data: bytes, name: str = "") -> bool:
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(HTML_SNIFF.match(data[:512]))


def detect_encoding(data: bytes, html_doc: bool = False) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if html_doc:
        m = META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            if declared in ("gb2312", "gbk", "gb18030"):
                declared = "gb18030"
            try:
                data.decode(declared)
                return declared
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        data.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes (binary file?)")
    return best.encoding


@dataclass
class _HtmlText(HTMLParser):
    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    cells: list[str] | None = None
    skip: int = 0
    title: list[str] = field(default_factory=list)
    in_title: bool = False
    meta: dict[str, str] = field(default_factory=dict)
    furniture: str | None = None  # tag of the boilerplate element being skipped
    furniture_depth: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        if self.furniture:
            self.furniture_depth += tag == self.furniture
            return
        d = {k.lower(): (v or "") for k, v in attrs}
        if tag in BOILERPLATE_TAGS or BOILERPLATE_CLASS.search(d.get("class", "") + " " + d.get("id", "")):
            if tag not in VOID_TAGS:
                self._end_line()
                self.furniture, self.furniture_depth = tag, 1
            return
        self._open(tag, attrs)

    def _open(self, tag, attrs):
        if tag == "meta":
            d = {k.lower(): (v or "") for k, v in attrs}
            key = d.get("name") or d.get("property")
            if key and d.get("content"):
                self.meta[key.lower()] = d["content"]
            return
        if tag == "title":
            self.in_title = True
        if tag in SKIP_TAGS:
            self.skip += 1
            return
        if tag == "tr":
            self._end_line()
            self.cells = []
        elif tag in CELL_TAGS and self.cells is not None:
            self.current = []
        elif tag in BLOCK_TAGS:
            self._end_line()

    def handle_endtag(self, tag):
        if self.furniture:
            if tag == self.furniture:
                self.furniture_depth -= 1
                if self.furniture_depth == 0:
                    self.furniture = None
            return
        if tag == "title":
            self.in_title = False
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag in CELL_TAGS and self.cells is not None:
            self.cells.append(_fold("".join(self.current)))
            self.current = []
        elif tag == "tr" and self.cells is not None:
            if self.current:
                self.cells.append(_fold("".join(self.current)))
                self.current = []
            row = "\t".join(self.cells).strip("\t ")
            if row:
                self.lines.append(row)
            self.cells = None
        elif tag in BLOCK_TAGS:
            self._end_line()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("meta",):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if self.skip or self.furniture:
            return
        self.current.append(data)

    def _end_line(self):
        if self.cells is not None:
            return
        line = _fold("".join(self.current))
        if line:
            self.lines.append(line)
        self.current = []

    def text(self) -> str:
        self._end_line()
        return "\n\n".join(self.lines) + "\n"


def _fold(s: str) -> str:
    return re.sub(r"[ \t\r\n\f\v\u00a0\u3000]+", lambda m: "" if "\n" in m.group() and _cjk_join(m) else " ", s).strip()


def _cjk_join(m: re.Match) -> bool:
    """A line break between two CJK characters in HTML source is no space in a browser."""
    s, i, j = m.string, m.start(), m.end()
    return i > 0 and j < len(s) and _is_cjk(s[i - 1]) and _is_cjk(s[j])


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    media_type: str
    html_title: str | None
    html_meta: dict
    locations: tuple[Location, ...] = ()  # text offsets → PDF page or table cell (formats/)


def decode_report(data: bytes, name: str = "") -> Decoded:
    if not data.strip():
        raise DecodeError("empty file")
    if formats.media_type_of(name):  # PDF, DOCX, XLSX/XLS, CSV: rendered to text by formats/
        try:
            r = formats.render(data, name)
        except formats.FormatError as exc:
            raise DecodeError(str(exc)) from exc
        return Decoded(r.text, r.encoding, r.media_type, r.title, {}, r.locations)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("binary content (NUL bytes), not a text or HTML report")
    html_doc = is_html(data, name)
    encoding = detect_encoding(data, html_doc)
    raw = data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
    if not html_doc:
        return Decoded(raw, encoding, "text/plain", None, {})
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    title = html.unescape("".join(parser.title)).strip() or None
    return Decoded(parser.text(), encoding, "text/html", title, parser.meta)
