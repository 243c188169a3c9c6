"""Report metadata from its text: title, publication date, publisher, institution.

Heuristics for the genre (college press releases, bureau news, quality-report excerpts);
each field is None where the text does not say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

INSTITUTION_SUFFIX = (
    r"职业技术大学|职业技术学院|职业学院|职业大学|技师学院|技工学校|高等专科学校|师范高等专科学校|"
    r"职业技术学校|中等职业学校|中等专业学校|职业中等专业学校|职业中学|职业高级中学|职业教育中心|"
    r"职业教育培训中心|高级技工学校|职业技術學院|職業技術學院|職業學院|技師學院|职业学校|"
    r"职业中专|職業中專|职教中心|職教中心|职业技术教育中心|職業技術教育中心|科技大学|科技大學"
)
INSTITUTION = re.compile(rf"[\u4e00-\u9fff]{{2,14}}?(?:{INSTITUTION_SUFFIX})")
_SUFFIX = re.compile(INSTITUTION_SUFFIX)


def run_matches(
    pattern: re.Pattern, hint: re.Pattern, text: str, start: int = 0, end: int | None = None, shortest: int = 3
) -> Iterator[re.Match]:
    """pattern.finditer(text, start, end) for a pattern whose matches are runs of Chinese characters
    ending in a word hint finds (a name before its suffix: …职业技术学院, …职教集团), scanning only the
    runs of Chinese characters (of `shortest` characters or more: 2 or 3) that hold such a word: no
    match crosses a run's end (what a lookahead at the end reads is Chinese too), and the lazy
    pattern's try at every position of every other run, most of a text, is skipped. The same
    matches, several times faster.

    The runs are found from the hints, not the other way round: a hint is a word of Chinese
    characters, so each of its matches lies inside one run, which is widened from it to its ends
    (clipped to start and end, as a scan from start to end would see it). A text has a run every
    few characters and a hint in few of them; visiting each run in Python was most of the cost."""
    end = len(text) if end is None else end
    pos = start
    while (h := hint.search(text, pos, end)) is not None:
        first = h.start()
        while first > pos and "\u4e00" <= text[first - 1] <= "\u9fff":
            first -= 1
        last = _CJK_TAIL.match(text, h.end(), end).end()
        if last - first >= shortest:
            yield from pattern.finditer(text, first, last)
        pos = last


_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]*")


def institution_matches(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """INSTITUTION.finditer(text, start, end), faster (run_matches)."""
    return run_matches(INSTITUTION, _SUFFIX, text, start, end)


# Names that open with a character that is also a lead word (和田, 从化, 从江县 but not 从江苏, 将乐,
# 向阳区, 对外经济贸易大学): a name that opens so keeps it (和田职业技术学院 is not 田职业技术学院).
PLACES_AFTER_LEAD = {
    "和": "田|县|龙|顺|政|平|静|硕|林格尔",
    "从": "化|江县",
    "從": "化|江縣",
    "将": "乐",
    "向": "阳",
    "对": "外",
}


def lead_word(word: str) -> str:
    """A lead word's pattern, not where it opens a name it is part of (和(?!田|县|…))."""
    return f"{word}(?!{PLACES_AFTER_LEAD[word]})"


# Leading words that belong to the sentence, not to the name; a name keeps at least four
# characters (the 学校 that ends 德州信息工程中等专业学校 leads nothing) and its 经济 / 对外.
NAME_LEAD = re.compile(
    r"^.*(?:与|"
    + lead_word("和")
    + r"|及|同|在|由|为|是|了|"
    + lead_word("向")
    + "|"
    + lead_word("对")
    + "|"
    + lead_word("将")
    + r"|把|据|近日|日前|今年|去年|本年度|年度|"
    r"我校|该校|学校|联合|携手|牵头|依托|推动|支持|通过|透过|透過|經(?!濟)|经(?![济贸])|获批|入选|走进|来到|走访|"
    r"组织|組織|上午|下午|、|的|"
    # a count's verb (驻马店市共有中等职业学校13所, 现有): what follows is a kind of school, no name
    r"共有|现有|現有|拥有|擁有|"
    # what students do to a school (14位錄取國立科技大學, 考入, 升入): the words before it are no name
    r"录取|錄取|考取|考入|考上|升入|入读|入讀|就读|就讀|毕业于|畢業於|报考|報考|"
    r"来自|來自|"
    # what a sentence or a page's banner says before it names a school (欢迎访问…, 教育部补助…,
    # 以北京财贸职业学院为代表, 记者从…获悉, 获批成立…,
    # 分别前往…, 参加…, 此次…有…); 即墨 and 有色, 有限 are in names
    r"欢迎访问|歡迎訪問|欢迎来到|歡迎來到|补助|補助|位于|位於|以|"
    + lead_word("从")
    + "|"
    + lead_word("從")
    + r"|即(?!墨)|此次|成立|前往|参加|參加|有(?![色限]))(?=.{4})"
)
ABBREVIATION = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:职院|职大|职校|技院|職院)")
DATE_LABELLED = re.compile(
    r"(?:日期|发布时间|發佈時間|发布日期|时间|時間|发表时间|更新时间)\s*[:：]?\s*"
    r"(20\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
DATE_ANY = re.compile(r"(20\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
PUBLISHER_LABELLED = re.compile(r"(?:来源|來源|发布单位|发布机构|稿源)\s*[:：]\s*([^\s|丨｜/]{2,30})")
TITLE_HINT = re.compile(r"产教|融合|校企|职业|职教|年报|报告|学院|质量|合作|服务|培训|技能")


@dataclass(frozen=True)
class ReportMeta:
    title: str | None
    published: date | None
    publisher: str | None
    institution: str | None
    abbreviations: tuple[str, ...]


def _lines(text: str, n: int = 20) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()][:n]


def find_date(text: str) -> date | None:
    head = "\n".join(_lines(text, 25))
    for rx in (DATE_LABELLED, DATE_ANY):
        for m in rx.finditer(head):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


# A date in a page's address (/2014-11/14/, /2023/0730/, t20201208_123.html, 2017-08-25/): news
# and government sites file pages by the day they were published.
DATE_IN_URL = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12][0-9]|3[01])")


def date_in_url(url: str | None, today: date | None = None) -> date | None:
    """The first valid, not future date in the path of url (not its host), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    today = today or date.today()
    for m in DATE_IN_URL.finditer(path):
        try:
            found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if found <= today:
            return found
    return None


def published_date(declared: str | None, in_text: date | None, url: str | None) -> date | str | None:
    """When a report was published: what its source list declares, else the date its text gives,
    else the date in its address."""
    return declared or in_text or date_in_url(url)


def find_title(text: str, html_title: str | None = None) -> str | None:
    lines = _lines(text, 15)
    candidates = [
        ln
        for ln in lines
        if 6 <= len(ln) <= 60
        and "。" not in ln
        and not DATE_ANY.search(ln)
        and TITLE_HINT.search(ln)
        and not ln.startswith(("您当前的位置", "当前位置", "首页", "来源"))
    ]
    if html_title:
        cleaned = re.split(r"\s*[-_|｜—]+\s*", html_title)[0].strip()
        for ln in candidates:
            if ln in html_title or cleaned in ln:
                return ln
        return cleaned or None
    return candidates[0] if candidates else None


def find_publisher(text: str, html_meta: dict | None = None) -> str | None:
    if html_meta:
        for key in ("publisher", "og:site_name", "author", "source"):
            if html_meta.get(key):
                return html_meta[key].strip()
    m = PUBLISHER_LABELLED.search("\n".join(_lines(text, 30)))
    if m:
        return m.group(1)
    first = _lines(text, 1)
    if (
        first
        and len(first[0]) <= 40
        and "。" not in first[0]
        and re.search(r"网|政府|学院|教育|报|站|官网|厅|局", first[0])
    ):
        return first[0]
    return None


def institution_names(text: str) -> Counter:
    names: Counter = Counter()
    short = defined_short_names(text)
    for m in institution_matches(text):
        name = _lead_stripped(m.group())
        if name:
            names[short.get(name, name)] += 1  # a short name the text defines counts for its full one
    return names


# A short name the text defines for itself: 开江县职业教育中心（以下简称“开江职教中心”）, 江苏省交通技师学院(以下简称江苏交院).
DEFINED_SHORT_NAME = re.compile(
    r"[（(](?:以下|下文)?(?:简称|簡稱)\s*[:：]?\s*[“\"‘']?([\u4e00-\u9fff]{2,12})[”\"’']?[）)]"
)
_NAME_BEFORE = re.compile(rf"(?:{INSTITUTION.pattern})$")


# A kind of school, not one school (國立科技大學, 私立职业学院): its status and its suffix alone.
KIND_OF_SCHOOL = re.compile(rf"(?:国立|國立|市立|私立|县立|縣立|公立|省立|公办|公辦|民办|民辦)(?:{INSTITUTION_SUFFIX})")


# An address before a school's name (位于广州白云区江高镇广东省机械技师学院): the name starts at the
# province after the town, district or street.
ADDRESS_BEFORE = re.compile(r"^.*?(?:镇|鎮|街道|路|号|號|区|區)(?=[\u4e00-\u9fff]{2,3}(?:省|自治区|自治區))")


def _lead_stripped(raw: str) -> str | None:
    name = ADDRESS_BEFORE.sub("", NAME_LEAD.sub("", raw))
    return name if len(name) >= 4 and INSTITUTION.fullmatch(name) and not KIND_OF_SCHOOL.fullmatch(name) else None


def defined_short_names(text: str, name_of: Callable[[str], str | None] = _lead_stripped) -> dict[str, str]:
    """short name → the name of the institution it stands for, as the text defines them; name_of
    cleans the words before the brackets down to the name (None: no institution's)."""
    out: dict[str, str] = {}
    for m in DEFINED_SHORT_NAME.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
        full = name_of(before.group()) if before else None
        if full and m.group(1) != full:
            out.setdefault(m.group(1), full)
    return out


def resolve_abbreviation(abbr: str, full_names: list[str]) -> str | None:
    """重庆城市职院 → 重庆城市职业学院: a full name that starts with the abbreviation's stem."""
    stem = re.sub(r"(职院|职大|职校|技院|職院)$", "", abbr)
    matches = [n for n in full_names if n.startswith(stem)]
    return min(matches, key=len) if matches else None


WE_SCHOOL = re.compile(r"我校|本校|我院|本院")
SPEAKER_REACH = 300  # how far back from a 我校 its sentence is looked for
MAX_TIED = 8  # names tied for most named that the sentences with 我校 are asked about


def speaker_votes(text: str, names) -> dict[str, int]:
    """Of names a report gives equally often, the one it speaks as: how many of its sentences that
    say 我校 (we) also name it before (日照科技职业学院…成功当选副理事长单位，…我校…斩获…席位)."""
    votes: dict[str, int] = {}
    if len(names) > MAX_TIED:  # a tie among many names is no report's own voice; and the work stays linear
        return votes
    for m in WE_SCHOOL.finditer(text):
        lo = max(0, m.start() - SPEAKER_REACH)
        start = max(text.rfind(c, lo, m.start()) for c in "。！？；!?;\n") + 1
        sentence = text[max(lo, start) : m.start()]
        for name in names:
            if name in sentence:
                votes[name] = votes.get(name, 0) + 1
    return votes


def find_institution(text: str, title: str | None = None) -> tuple[str | None, tuple[str, ...]]:
    names = institution_names(text)
    abbrs = Counter(m.group() for m in ABBREVIATION.finditer(text))
    scores = Counter(names)
    for abbr, n in abbrs.items():
        full = resolve_abbreviation(abbr, list(names))
        if full:
            scores[full] += n
    if title:
        for name in names:
            if name in title:
                scores[name] += 3
    if not scores:
        return None, ()
    top = max(scores.values())
    tied = [n for n, c in scores.items() if c == top]  # in the order the text first names them
    votes = speaker_votes(text, tied) if len(tied) > 1 else {}
    best = max(tied, key=lambda n: votes.get(n, 0))
    own_abbrs = tuple(sorted(a for a in abbrs if resolve_abbreviation(a, [best])))
    return best, own_abbrs


def report_metadata(text: str, html_title: str | None = None, html_meta: dict | None = None) -> ReportMeta:
    title = find_title(text, html_title)
    institution, abbrs = find_institution(text, title)
    return ReportMeta(
        title=title,
        published=find_date(text),
        publisher=find_publisher(text, html_meta),
        institution=institution,
        abbreviations=abbrs,
    )
