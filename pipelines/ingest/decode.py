"""Raw report bytes → text. Pure functions: encoding detection, HTML to plain text.

The decoded text is what every fact's char offsets point into, so its rules are fixed:
- the encoding is the most plausible of those that fit the bytes: a BOM decides; otherwise
  UTF-8, UTF-16 without BOM, the HTML's declared charset, GB18030 (covers GBK/GB2312), Big5
  and UTF-8 with a few bad bytes replaced are each tried, and the one whose text has the
  largest share of common characters wins (Big5 read as GB18030 decodes without error, but
  as mojibake: 约カ禩…). A text whose best reading still looks like mojibake is refused;
- a few invalid bytes in otherwise valid UTF-8 become U+FFFD, one per byte, counted in
  `replaced_bytes`; only a share of bad bytes that shows the file is not text refuses it;
- line ends become \\n;
- HTML: <head>, <script>, <style> and page furniture are dropped: <nav>, <aside>, <footer>,
  elements whose class or id says sidebar, menu, breadcrumb, footer, related …, and lines that
  are furniture by what they say (您当前的位置：首页 > …, 扫一扫在手机打开当前页, 版权所有, ICP备,
  打印本页 …) or by how they stand (a line of several links, a lone link before the first or after
  the last paragraph). Block elements end a line, table cells are joined by a TAB, entities are
  unescaped, runs of spaces inside a line fold to one, non-breaking spaces become spaces.

This parser was measured against trafilatura 2 (favor_recall, tables kept) and selectolax
(lexbor, tag rules only) on the HTML reports of samples/inbox, each also wrapped in typical
furniture (menu, breadcrumb, share bar, 扫一扫, 上一篇, 打印本页, 版权所有/ICP): gold quotes kept
302/302, 252/302 and 302/302; furniture words left 0/117, 12/117 and 96/117; 13, 63 and 2 ms a
page. trafilatura drops table rows and sentences the facts live in, so the parser stays.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

from charset_normalizer import from_bytes

from . import formats
from .budget import check_budget
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


# The share of bad bytes above which a file that is mostly UTF-8 is held not to be text.
MAX_BAD_BYTE_SHARE = 0.02
# A text whose best reading has fewer common characters than this (among its CJK-looking ones)
# is mojibake; judged only where there are enough of them to tell.
MIN_PLAUSIBILITY = 0.75
MIN_CHARS_TO_JUDGE = 20
# Characters that look CJK (kana, Han, Hangul, private use, compatibility forms, the replacement
# character): what mojibake is made of, as well as Chinese; all in the Basic Multilingual Plane.
_CJK_RANGES = (
    (0x3040, 0x30FF),
    (0x3400, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xE000, 0xF8FF),
    (0xF900, 0xFAFF),
    (0xFFFD, 0xFFFD),
)
_CJK_LIKE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]")


@cache
def common_chars() -> frozenset[str]:
    """The 3,755 common characters of GB2312 level 1 (the national list of 常用字, in GB byte
    order) and their traditional forms: what a correctly decoded report is made of."""
    import zhconv

    table = bytes(b for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    simplified = table.decode("gb2312", errors="ignore")  # the 5 unused codes of D7FA-D7FE dropped
    return frozenset(simplified) | frozenset(zhconv.convert(simplified, "zh-hant"))


UNCOMMON, COMMON = 1, 2  # a character's class in char_classes (0: not CJK-looking)


@cache
def char_classes():
    """Per code point of the Basic Multilingual Plane: 0, UNCOMMON (CJK-looking) or COMMON (CJK-looking
    and one of common_chars()); a lookup table, so that a text is classed at array speed."""
    import numpy as np

    table = np.zeros(0x10000, dtype=np.uint8)
    for lo, hi in _CJK_RANGES:
        table[lo : hi + 1] = UNCOMMON
    common = np.fromiter((ord(c) for c in common_chars() if ord(c) < 0x10000), dtype=np.int64)
    table[common[table[common] == UNCOMMON]] = COMMON
    return table


def plausibility(text: str) -> tuple[float, int]:
    """(share of common characters among the CJK-looking ones, how many there are): near 1 for a
    report read in its own encoding, well under one half for mojibake. A text without CJK-looking
    characters (English, numbers) scores 1. Counted over the text's code points as an array
    (a Python loop per character was a tenth of intake's time)."""
    import numpy as np

    sample = text if len(text) <= 400_000 else text[:300_000] + text[-100_000:]
    points = np.frombuffer(sample.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    counts = np.bincount(char_classes()[points[points < 0x10000]], minlength=3)
    cjk = int(counts[UNCOMMON] + counts[COMMON])
    if not cjk:
        return 1.0, 0
    return int(counts[COMMON]) / cjk, cjk


@dataclass(frozen=True)
class Reading:
    """One way to read the bytes: the encoding, the text, bad bytes replaced, plausibility."""

    encoding: str
    text: str
    replaced_bytes: int = 0
    score: float = 1.0
    judged_chars: int = 0


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


_ORDINARY = re.compile(r"[\t\n\r\f\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\uff00-\uffef]")


def _text_like(text: str) -> bool:
    """Control characters (other than tab, line and page breaks) are at most 1% of a text."""
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) <= len(sample) // 100


def _letters_like(text: str) -> bool:
    """Nine in ten characters are ordinary (ASCII, Latin-1, punctuation, full-width) or common
    CJK ones: what a guess without a BOM or a strict decoder (UTF-16, a detector's pick) needs."""
    sample = text[:100_000]
    if not sample:
        return False
    common = common_chars()
    ordinary = len(_ORDINARY.findall(sample)) + sum(1 for c in sample if c in common)
    return _text_like(sample) and ordinary >= 0.9 * len(sample)


def _one_per_byte(exc: UnicodeDecodeError) -> tuple[str, int]:
    return "\ufffd" * (exc.end - exc.start), exc.end


codecs.register_error("chanjiao-one-per-byte", _one_per_byte)


def _utf8_replacing(data: bytes) -> tuple[str, int]:
    """UTF-8 with every invalid byte as one U+FFFD, and how many there were."""
    text = data.decode("utf-8", errors="chanjiao-one-per-byte")
    return text, text.count("\ufffd") - data.count("\ufffd".encode())


def _mostly_utf8(data: bytes) -> bool:
    """Bad bytes are at most MAX_BAD_BYTE_SHARE of the first 64 KiB (a cheap look first)."""
    head = data[:65536]
    return _utf8_replacing(head)[1] <= MAX_BAD_BYTE_SHARE * len(head) + 3


def _utf16_guess(data: bytes) -> list[str]:
    """UTF-16 without BOM: NUL bytes standing in every other position (ASCII) or not at all
    where the text is CJK; tried when the bytes have an even length and NULs mostly on one side."""
    if len(data) % 2 or len(data) < 4:
        return []
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even + odd == 0:
        # all-CJK UTF-16 has no NULs; it is tried only where nothing else fits
        return ["utf-16-le", "utf-16-be"]
    if odd > 4 * even:
        return ["utf-16-le"]
    if even > 4 * odd:
        return ["utf-16-be"]
    return []


def _strict(data: bytes, encoding: str) -> Reading | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    score, n = plausibility(text)
    return Reading(encoding, text, 0, score, n)


def _declared(data: bytes) -> str | None:
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    declared = m.group(1).decode("ascii").lower()
    return "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared


def readings(data: bytes, html_doc: bool = False) -> list[Reading]:
    """Every plausible way to read the bytes, best first."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, bad = _utf8_replacing(data[3:])
        return [Reading("utf-8-sig", text, bad, *plausibility(text))]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        r = _strict(data, "utf-16")
        if r:
            return [r]
    out: list[Reading] = []
    utf8 = _strict(data, "utf-8")
    if utf8 and not _text_like(utf8.text):
        utf8 = None
    if utf8 and utf8.score >= MIN_PLAUSIBILITY:
        return [utf8]  # the common case, decided at once
    if utf8:
        out.append(utf8)
    candidates = []
    if html_doc and (declared := _declared(data)):
        candidates.append(declared)
    if b"\x00" in data:
        candidates += _utf16_guess(data)
    candidates += ["gb18030", "big5", "cp950"]
    for enc in dict.fromkeys(candidates):
        check_budget()
        r = _strict(data, enc)
        if r and (_letters_like(r.text) if enc.startswith("utf-16") else _text_like(r.text)):
            out.append(r)
    if utf8 is None and _mostly_utf8(data):
        text, bad = _utf8_replacing(data)
        if bad <= MAX_BAD_BYTE_SHARE * len(data) and _text_like(text):
            score, n = plausibility(text)
            out.append(Reading("utf-8", text, bad, score, n))
    # most plausible first; among equals, fewer replaced bytes, then the order tried
    order = {id(r): i for i, r in enumerate(out)}
    return sorted(out, key=lambda r: (-round(r.score, 3), r.replaced_bytes, order[id(r)]))


# Japanese and Korean pages read cleanly are made of their own scripts: hiragana (the particles
# の, は, を…) or Hangul syllables, a large share of their CJK-looking characters; mojibake scatters
# a few kana or Hangul among rare ideographs (约カ禩) and has bad bytes or no such share.
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
OTHER_SCRIPT_SHARE = 0.2


def other_script(reading: Reading) -> str | None:
    """ "Japanese" or "Korean" for a reading without bad bytes whose CJK-looking characters are that
    script's in a large share; else None (mojibake, or Chinese)."""
    if reading.replaced_bytes or reading.encoding not in ("utf_8", "utf-8", "ascii", "utf_8_sig"):
        return None
    cjk = _CJK_LIKE.findall(reading.text[:400_000])
    for language, script in (("Japanese", _HIRAGANA), ("Korean", _HANGUL)):
        if cjk and sum(1 for c in cjk if script.fullmatch(c)) / len(cjk) >= OTHER_SCRIPT_SHARE:
            return language
    return None


def read_text(data: bytes, html_doc: bool = False) -> Reading:
    """The most plausible reading of the bytes, or DecodeError saying why there is none."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not _utf16_guess(data):
        raise DecodeError("binary content (NUL bytes), not a text or HTML report")
    found = readings(data, html_doc)
    if not found:
        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding not in ("utf_8", "ascii"):
            r = _strict(data, best.encoding)
            if r and _letters_like(r.text):
                found = [r]
    if not found:
        _, bad = _utf8_replacing(data)
        raise DecodeError(f"binary content: {bad} of {len(data)} bytes are not UTF-8 and no other text encoding fits")
    best = found[0]
    if best.judged_chars >= MIN_CHARS_TO_JUDGE and best.score < MIN_PLAUSIBILITY:
        if (language := other_script(best)) is not None:
            raise DecodeError(f"{language} text, not a Chinese report: read as {best.encoding} without a bad byte")
        raise DecodeError(
            f"garbled text (mojibake): read as {best.encoding}, only {best.score:.0%} of its "
            f"{best.judged_chars} CJK characters are common ones"
        )
    return best


def detect_encoding(data: bytes, html_doc: bool = False) -> str:
    return read_text(data, html_doc).encoding


# Page furniture by what a line says (a line of at most FURNITURE_LINE characters).
FURNITURE_LINE = 120
FURNITURE_SAYS = re.compile(
    r"^\s*(?:您当前的位置|您现在的位置|你当前的位置|你现在的位置|当前位置|现在位置|所在位置|您的位置|当前页面)\s*[:：]"
    r"|扫一扫|扫码|手机打开当前页|用手机(?:扫描|浏览)|微信扫|"
    r"版权所有|版權所有|copyright|©|ICP\s*备|ICP\s*证|公网安备|网站标识码|网站识别码|"
    r"^\s*(?:主办|承办|协办|技术支持|主管|维护|网站维护)(?:单位)?\s*[:：]|"
    r"^\s*(?:分享到|分享|上一篇|下一篇|上一条|下一条|相关阅读|相关文章|相关新闻|热点新闻|推荐阅读)\s*[:：]|"
    r"打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|返回顶部|加入收藏|设为首页|"
    r"^\s*(?:搜索|登录|注册|首页|返回|打印|关闭|收藏|分享|更多|更多>>|English|网站地图|无障碍|繁体|简体|繁體|"
    r"网站导航|站内搜索|高级搜索|移动版|手机版|联系我们)\s*$",
    re.I,
)
# Widgets inside a line that is otherwise kept (the date and source line): cut out.
INLINE_WIDGETS = re.compile(r"【?\s*字[体號号]\s*[:：]\s*[大中小\s]+】?|【\s*(?:打印|关闭|收藏)\s*】")
# Footer lines by what they say, dropped after the last paragraph.
TAIL_SAYS = re.compile(r"^\s*(?:地址|通讯地址|联系电话|电话|传真|邮编|邮政编码|E-?mail|邮箱)\s*[:：]", re.I)
PARAGRAPH = re.compile(r"[。！？；]|[，,].{20}")


@dataclass
class _Line:
    text: str
    link_chars: int = 0
    links: int = 0


def drop_furniture(lines: list[_Line]) -> list[str]:
    """The lines that are the report: furniture dropped by what it says and where it stands."""
    paragraphs = [i for i, ln in enumerate(lines) if len(ln.text) >= 30 and PARAGRAPH.search(ln.text)]
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (len(lines), -1)
    out = []
    for i, ln in enumerate(lines):
        text = INLINE_WIDGETS.sub("", ln.text).strip() if len(ln.text) <= FURNITURE_LINE else ln.text
        if not text:
            continue
        outside = i < first or i > last
        short = len(text) <= FURNITURE_LINE
        share = ln.link_chars / max(1, len(ln.text))
        if short and FURNITURE_SAYS.search(text):
            continue
        if ln.links >= 2 and share >= 0.7:  # a menu, a share bar, a list of related links
            continue
        if outside and ln.links and share >= 0.9 and len(text) <= 40:  # a lone link around the report
            continue
        if i > last >= 0 and short and TAIL_SAYS.search(text):
            continue
        out.append(text)
    return out


@dataclass
class _HtmlText(HTMLParser):
    lines: list[_Line] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    cells: list[str] | None = None
    skip: int = 0
    title: list[str] = field(default_factory=list)
    in_title: bool = False
    meta: dict[str, str] = field(default_factory=dict)
    furniture: str | None = None  # tag of the boilerplate element being skipped
    furniture_depth: int = 0
    in_link: int = 0
    link_chars: int = 0
    links: int = 0

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
        if tag == "a":
            self.in_link += 1
            self.links += 1
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
        if tag == "a":
            self.in_link = max(0, self.in_link - 1)
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
                self.lines.append(_Line(row))
            self.cells = None
            self.link_chars = self.links = 0
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
        if self.in_link:
            self.link_chars += len(data.strip())

    def _end_line(self):
        if self.cells is not None:
            return
        line = _fold("".join(self.current))
        if line:
            self.lines.append(_Line(line, min(self.link_chars, len(line)), self.links))
        self.current = []
        self.link_chars = self.links = 0

    def text(self) -> str:
        self._end_line()
        return "\n\n".join(drop_furniture(self.lines)) + "\n"


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
    replaced_bytes: int = 0  # invalid bytes read as U+FFFD


FEED_CHUNK = 256 * 1024


def decode_report(data: bytes, name: str = "") -> Decoded:
    if not data.strip():
        raise DecodeError("empty file")
    if formats.media_type_of(name):  # PDF, DOCX, XLSX/XLS, CSV: rendered to text by formats/
        try:
            r = formats.render(data, name)
        except formats.FormatError as exc:
            raise DecodeError(str(exc)) from exc
        return Decoded(r.text, r.encoding, r.media_type, r.title, {}, locations=r.locations)
    html_doc = is_html(data, name)
    reading = read_text(data, html_doc)
    raw = reading.text.replace("\r\n", "\n").replace("\r", "\n")
    if not html_doc:
        return Decoded(raw, reading.encoding, "text/plain", None, {}, replaced_bytes=reading.replaced_bytes)
    parser = _HtmlText()
    for i in range(0, len(raw), FEED_CHUNK):  # in pieces, so that the time budget is checked
        check_budget()
        parser.feed(raw[i : i + FEED_CHUNK])
    parser.close()
    title = html.unescape("".join(parser.title)).strip() or None
    return Decoded(
        parser.text(), reading.encoding, "text/html", title, parser.meta, replaced_bytes=reading.replaced_bytes
    )
