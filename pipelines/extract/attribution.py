"""Who a number belongs to, and when: the entity a fact's sentence names, and the period it says.

A report about several colleges (a bureau's summary, a group's report) must not credit every
number to one college. Each fact takes the last entity named before it in its own sentence: an
institution (full name, or an abbreviation resolved against the names in the report), a group
(职教集团, 产教联合体, 共同体), a city or district, a province, or the nation (全国); a sentence
that names none keeps the report's own entity (its institution, else the place of its
publisher). The period is the year or range the sentence gives (2023年, 2023学年, 2023届,
近三年, 2021年以来), else the report's year, flagged as such.

Pure functions of the text and the report's metadata; names are Simplified.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from pipelines.ingest.metadata import (
    ABBREVIATION,
    ADDRESS_BEFORE,
    INSTITUTION,
    NAME_LEAD,
    defined_short_names,
    institution_matches,
    lead_word,
    resolve_abbreviation,
    run_matches,
    speaker_votes,
)

from .doc import Doc, last_match
from .english_names import CITIES_EN, ENGLISH_PROVINCES, english_names, gazetteer_lines, subject_college
from .numbers import YEAR as BARE_YEAR
from .numbers import number_or_none
from .simplify import PINYIN_GLOSS, for_matching, simplified

LEVELS = ("institution", "group", "city", "province", "national")
PROVINCES = [
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
]
_SHORT_PROVINCE = {
    re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p): p for p in PROVINCES
}
# Hong Kong and Macau as their own pages speak of themselves (本澳, 全港): the region, by name.
_SHORT_PROVINCE |= {
    "本港": "香港特别行政区",
    "全港": "香港特别行政区",
    "本澳": "澳门特别行政区",
    "全澳": "澳门特别行政区",
}
GROUP = re.compile(
    r"[\u4e00-\u9fff]{2,16}?(?:职业教育集团|职教集团|产教联合体|产教融合共同体|行业产教融合共同体|共同体|联合体|联盟)"
)
# A city or district as the subject: a short name right before 市/区/县 (not 上市, 城市, 超市 …).
PLACE = re.compile(
    r"(?<![上城都超门股入个各全本我该])(?:[\u4e00-\u9fff]{2,6}自治州|[\u4e00-\u9fff]{2,3}(?:市|区|县)|[\u4e00-\u9fff]县)"
    r"(?![级长委政民属域内外直辖场])"
)  # 郧县, 沛县: a county may have a one-character name; 楚雄彝族自治州 is a prefecture, a city's level
_PLACE_HINT = re.compile(r"[市区县州]")


def place_matches(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """PLACE.finditer(text, start, end), faster: only the runs of Chinese characters (two at least:
    沛县) that hold 市, 区, 县 or 州 are scanned, as for names (metadata.run_matches; what the
    lookbehind and lookahead read at a run's edge is no Chinese character either way)."""
    return run_matches(PLACE, _PLACE_HINT, text, start, end, shortest=2)


NOT_A_PLACE = re.compile(
    r"[的和与在等及为了是有从对向将把被到个年来自由本全我该各每其此括含除设享受0-9一二三四五六七八九十两]|城市|都市|超市|门市|上市|地区|园区|社区|校区|景区|片区|新区"
    r"|大湾区|经济区|开发区|经开区|高新区|试验区|示范区|先行区|实验区|功能区|保护区|牧区|山区|灾区"
    # a contest's or an office's area, a kind of county, a region named by no name (上海赛区, 分署辖区,
    # 支援藏区, 县市区, 国家级贫困县, 西部某区, 虽然市区)
    r"|赛区|辖区|藏区|市区$|县市区|县区|贫困县|某"
    # a county by a designation it holds (电子商务进农村综合示范县, 试点县): no county's name
    r"|示范县|试点县"
    # 城区 is a kind of area (主城区, 老城区) only on its own: 谯城区 and 鼓楼区 are districts
    r"|^[老主新旧东西南北中]?城区$"
    r"|^分[县区市]"  # 分县(市、区)情况: by county, no county
)


# Characters that end the word before a place and open no three-character place name (列杭州市,
# 照湖州市, 解南宁市, 省寿光市, 地蓝山县): the place is the two characters after them. A city's name
# (…市) is checked against the gazetteer too, which drops such a character whatever it is (进温州市:
# known_city); these still matter for counties and districts, which no gazetteer here lists.
STRAY_FIRST = frozenset("列照解省地")


def _place_at(text: str, m: re.Match) -> tuple[str, int]:
    """A PLACE match as a name and its start: the words' ends before it dropped (在, 由 …), and the first
    of three characters where it belongs to the word before (列杭州市, 江西萍乡市: 西 ends 江西)."""
    name = m.group().lstrip(LEAD_CHARS)
    start = m.end() - len(name)
    stray = name[0] in STRAY_FIRST or (start > 0 and text[start - 1] + name[0] in _SHORT_PROVINCE)
    if len(name) == 4 and not name.endswith("州") and stray:
        return name[1:], start + 1
    return name, start


def _not_a_place(name: str) -> bool:
    """A run of words ending in 市/区/县 that is no place (上市, 城市, 设池州市); an autonomous
    prefecture's name is read without 自治州, whose 自 would count as a function word."""
    return bool(NOT_A_PLACE.search(name.removesuffix("自治州")))


def _read_cities(path: Path) -> frozenset[str]:
    """The cities of a gazetteer with one province a line (省: 甲市 乙市 …)."""
    return frozenset(n for ln in gazetteer_lines(path) for n in ln.partition(":")[2].split())


# China's and Taiwan's cities (cities.txt): a run of words ending in 市 is a city only if it names one.
CITIES = _read_cities(Path(__file__).with_name("cities.txt"))


def gazetteer_allows(name: str) -> bool:
    """A name ending in 市 only if it is a city the gazetteer knows; counties, districts and
    prefectures, which it does not list, pass."""
    return not name.endswith("市") or name in CITIES


EXAMPLE_ENDS = frozenset("括含除如")


def known_city(text: str, name: str, start: int) -> tuple[str, int] | None:
    """A name ending in 市 as the city it is, and its start: itself if it is one; else without the one
    or two characters that end the word before it (进温州市, 表绍兴市, 江西萍乡市 → 萍乡市); else with
    the one or two before it that PLACE's reach cut off (鲁木齐市 → 乌鲁木齐市); else None (享受市,
    要用于市, 贵州市: no city)."""
    if name in CITIES:
        return name, start
    for k in (1, 2):
        if name[k:] in CITIES:
            # a city after 包括, 例如, 除 is one part or example of a whole (包括神木市): no subject
            return None if name[k - 1] in EXAMPLE_ENDS else (name[k:], start + k)
    for k in (1, 2):
        if start >= k and text[start - k : start] + name in CITIES:
            return text[start - k : start] + name, start - k
    return None


def place_at(text: str, m: re.Match) -> tuple[str, int] | None:
    """A PLACE match as a place's name and start (_place_at), a city checked against CITIES; None
    where it names no place."""
    name, start = _place_at(text, m)
    if name.endswith("市"):
        return known_city(text, name, start)
    return None if _not_a_place(name) else (name, start)


# The thirty autonomous prefectures, known locally by the short name before their peoples (楚雄州).
PREFECTURE_SHORT = {
    "楚雄州": "楚雄彝族自治州",
    "红河州": "红河哈尼族彝族自治州",
    "文山州": "文山壮族苗族自治州",
    "西双版纳州": "西双版纳傣族自治州",
    "大理州": "大理白族自治州",
    "德宏州": "德宏傣族景颇族自治州",
    "怒江州": "怒江傈僳族自治州",
    "迪庆州": "迪庆藏族自治州",
    "黔西南州": "黔西南布依族苗族自治州",
    "黔东南州": "黔东南苗族侗族自治州",
    "黔南州": "黔南布依族苗族自治州",
    "恩施州": "恩施土家族苗族自治州",
    "湘西州": "湘西土家族苗族自治州",
    "延边州": "延边朝鲜族自治州",
    "阿坝州": "阿坝藏族羌族自治州",
    "甘孜州": "甘孜藏族自治州",
    "凉山州": "凉山彝族自治州",
    "临夏州": "临夏回族自治州",
    "甘南州": "甘南藏族自治州",
    "海北州": "海北藏族自治州",
    "黄南州": "黄南藏族自治州",
    "海南州": "海南藏族自治州",
    "果洛州": "果洛藏族自治州",
    "玉树州": "玉树藏族自治州",
    "海西州": "海西蒙古族藏族自治州",
    "昌吉州": "昌吉回族自治州",
    "博州": "博尔塔拉蒙古自治州",
    "巴州": "巴音郭楞蒙古自治州",
    "克州": "克孜勒苏柯尔克孜自治州",
    "伊犁州": "伊犁哈萨克自治州",
}
PREFECTURE = re.compile("|".join(sorted(PREFECTURE_SHORT, key=len, reverse=True)) + r"(?![长委政府属内外])")


# A broader institution name (…学院, …学校, …大学, …中心) than the metadata's, for a report's subject.
SCHOOL = re.compile(
    r"[\u4e00-\u9fff]{2,16}?(?:学院|学校|大学(?!生|城|科技园|科创园)|教育中心|职教中心|职业中专|技工学校|技校|学府)"
)
_SCHOOL_HINT = re.compile(r"学院|学校|大学|教育中心|职教中心|职业中专|技校|学府")
_UNIVERSITY_HINT = re.compile("大学")
_GROUP_HINT = re.compile(r"集团|联合体|共同体|联盟")
DESCRIPTIVE = re.compile(
    r"示范|首批|国家级|省级|市级|县级|区级|重点|骨干|优质|特色|高水平|普通|各类|本科|高职|中职|民办|公办|该|这|所|其|相关|有关|部分"
)
LEAD_CHARS = "处办以在于从由到对向为与和及的是将把被就得赴往"  # 获得济南市…: no place opens with 得, 赴 or 往
# 建设 after a province's short name is a sector in a school's name (安徽建设学校, 浙江建设职业技术学院),
# not the verb that ends a clause before one (建设职业技术学院).
NOT_AFTER_PROVINCE = "".join(
    f"(?<!{short})" for short in sorted({s for s in _SHORT_PROVINCE if s not in PROVINCES and s[0] not in "本全"})
)
FUNCTION_WORDS = re.compile(
    r"[的了又也们在与是为被把由及或到入就让使给]|"
    + "|".join(map(lead_word, "和从将向对"))
    + r"|(?<![中高])等|(?:例|比|诸|譬)?如(?![皋东意])|进(?=学院|学校|大学|校园)|接收|包括|包含|其中|启动|啟動|以及|来自|进入|组建|"
    + NOT_AFTER_PROVINCE
    + r"建设|牵头|成立|加入|参与|依托|联合(?!体)|利用|邀请|邀請|推举|推舉|推选|推選|"
    r"推动|加强|发展|支持|鼓励|引导|推进|深化|关注|"
    # what a government does for schools (协助学校, 补助学校, 指导学校)
    r"协助|帮助|帮扶|资助|补助|辅导|指导|督促|动员|扶持|奖励|"
    # verbs and counts that end a clause before a bare 学校 (探索出一套适合学校…, 透过科技大学携手…)
    r"探索|适合|逐步|一套|一批|透过|通过|"
    # what a government does to name schools (认定济宁市技师学院, 遴选, 评选, 公布)
    r"认定|遴选|评选|公布"
)
GENERIC = re.compile(
    r"(?:[区市县镇乡]|城市|农村|城镇|乡村|社区)?(?:职业|高等|中等|普通|技工|高职|中职|职高|本科|重点|各级|各类|高级|技术|成人|专业|专科|层次|"
    # kinds of school a statistics table counts (职业初中学校, 特殊学校, 四星级职业学校)
    r"初中|高中|中学|小学|特殊|特殊教育|民办|公办|[一二三四五]星级|阶段|階段)*"
    r"(?:学院|学校|大学|院校|职教中心|职业中专|教育中心)"
)
# A nation or a province and a kind of school (贵州省中等职业学校, 我国职业技术学校) are its
# schools; a county's (兴义市中等职业学校, 绵竹市职业中专) is often the name of one school.
PLACE_SCHOOLS = re.compile(
    r"(?:全国|我国|中国|全省|全市|" + "|".join(PROVINCES) + ")(?:省内|境内|内)?" + GENERIC.pattern
)
# Places and institutions that open a sentence, or stand before these words, are what it is about.
SUBJECT_AFTER = re.compile(
    r"(?:共有|现有|有|共|已|累计|全|各|职业|中职|高职|技工|教育|院校|学校|的职业|今年|去年|近年|中等|高等|普通|"
    r"学子|选手|代表队|代表团)"
)
PARTNER_BEFORE = re.compile(r"(?:与|和|同|联合|携手|协同|对接|到|赴|在|向|为)$")
PROVINCE = re.compile("|".join(sorted(map(re.escape, PROVINCES + list(_SHORT_PROVINCE)), key=len, reverse=True)))
# 全国, 全省 … as the subject, not as the adjective of an event or a title (全国职业院校技能大赛).
ADJECTIVAL = (
    r"(?![\u4e00-\u9fff]{0,8}?(?:大赛|竞赛|比赛|示范|先进|优秀|重点|骨干|百强|十佳|标兵|评比|会议|大会|工作会|现场会|样板|典型|一流|第一|首批|同类))"
    # a title or a prize its holder bears (全国技术能手3人, 全国铁道行业技术能手, 全国黄大年式教师团队1个,
    # 全国一等奖30项): read close, before any verb (我市代表队斩获一等奖 is the city's)
    r"(?![\u4e00-\u9fff]{0,4}?(?:技术能手|岗位能手|劳动模范|五一劳动奖章|黄大年)|[一二三特]等奖|[金银铜]奖)"
    # the name of a national body (全国智能交通装备行业产教融合共同体, 全国机器人行业产教融合共同体)
    r"(?![\u4e00-\u9fff]{0,20}?(?:共同体|共同體|联盟|聯盟|联合体|聯合體|职教集团|職教集團|教学指导委员会|协作委员会))"
)
# Nor after a verb that has, wins or is named a title (建有全国…基地1个, 获评全国…, 成为全国…):
# the count is the subject's, not the nation's.
TITLE_VERB = "".join(f"(?<!{v})" for v in "有获獲评評选選为為批")
NATION = re.compile(
    r"(?:(?:全国|全國)(?=[0-9一二两三四五六七八九十百][^。；;\n]{0,30}之一)"  # 获选为全国六所…之一: the nation's set
    + "|"
    + TITLE_VERB
    + r"(?:全国|全國)|我国|我國|国家层面)"
    + ADJECTIVAL
)
HERE = {
    "全省": "province",
    "我省": "province",
    "本省": "province",
    "全区": "city",
    "我区": "city",
    "本区": "city",
    "全市": "city",
    "我市": "city",
    "本市": "city",
    "市域": "city",
    "全县": "city",
    "我县": "city",
    "全州": "city",
    "我州": "city",
}
# In an autonomous region's report (广西, 宁夏 …) 全区 and 我区 are the region, a province's level.
AUTONOMOUS_REGION = re.compile(r"广西|宁夏|内蒙古|新疆|西藏|自治区(?!级)")
REGION_WORDS = ("全区", "我区", "本区")


def here_levels(text: str) -> dict[str, str]:
    """HERE for this (Simplified) text: 全区 a province's level where it names an autonomous region."""
    if AUTONOMOUS_REGION.search(text) is None:
        return HERE
    return {**HERE, **dict.fromkeys(REGION_WORDS, "province")}


HERE_RE = re.compile("(?:" + "|".join(HERE) + ")" + ADJECTIVAL)
# A period the sentence states.
YEAR_RANGE = re.compile(r"(20\d\d|19\d\d)\s*年?\s*(?:[—–\-~～至到]|以来至)\s*(20\d\d|19\d\d)\s*(?:年|学年)")
ACADEMIC = re.compile(r"(20\d\d)\s*[-—–~～/／]\s*((?:20)?\d\d)\s*学年|(20\d\d)\s*学年")
SINCE = re.compile(r"(20\d\d|19\d\d)\s*年(?:以来|至今|来)")
EARLIEST_YEAR = 1900  # the facts table's contract: periods are whole years from 1900 to 2100
RECENT = re.compile(r"(?:近|过去)([0-9一二两三四五六七八九十]{1,3})年|([0-9一二两三四五六七八九十]{1,3})年来")
# A year in English, after a word that dates (in 2021, as of 2015, since 2019, the year 2023; not
# "trained 2000 students"): a bilingual or English page's years.
ENGLISH_YEAR = re.compile(
    r"\b(?:[Ii]n|[Oo]f|[Ss]ince|[Dd]uring|[Ff]or|[Bb]y|[Yy]ear|[Ff]rom|[Tt]o|[Uu]ntil|AY|[Ff]iscal|[Ee]nd of)"
    r"[ \t]+(?:the[ \t]+)?(20[0-4]\d|19[5-9]\d)(?![0-9])(?![,.]\d)"
)
# A five-year plan's period (“十三五”期间, 十三五以来): the plan is a name, its years a period.
FIVE_YEAR_PLAN = re.compile(r"(十一|十二|十三|十四|十五)五[”\"]?(?:期间|期間|时期|時期|以来|以來|期)")
PLAN_START = {"十一": 2006, "十二": 2011, "十三": 2016, "十四": 2021, "十五": 2026}
# Taiwan counts years from 1912 (民国): 111学年度 (or 111學年) is 2022's academic year, 民国104年 is 2015. A bare
# three-digit year (104年共开设15班), or a two-digit one before 年度 (97年度), is read so only in a
# Taiwanese report, and not as an age (建校104年).
ROC_YEAR = re.compile(
    r"(?:民国|民國)\s*([0-9]{2,3})\s*年|(?<![0-9])([0-9]{2,3})\s*(?=学年度|學年度)|(?<![0-9])(1[01][0-9])\s*(?=学年|學年)"
)
ROC_BARE_YEAR = re.compile(
    r"(?<![0-9建校办学历史有逾近超已满])(1[01][0-9])\s*(?=年(?![历歷史校龄齡]))"
    r"|(?<![0-9.．])([5-9][0-9])\s*(?=年度)"  # 97年度: a year before 2011 (a fiscal or school year), two digits
)
TAIWAN = re.compile(
    r"民国|民國|學年度|中央社|國立|臺灣|台灣|臺北|台北|高雄|臺中|台中|臺南|台南|新北市|桃園|"
    r"行政院|立法院|技職|勞動部|勞動力發展署"  # Taiwan's own bodies and word for TVET
)
# A year after 较, 比 or 与 is the baseline of a comparison (较2013年增加1间), not the period.
_NOT_BASELINE = r"(?<![较比与])"
# Nor is a year after a verb of founding (始建于1956年, 创办于1984年, 成立於2005年) the period of what
# follows it: it is the institution's birth, and the counts after it are of now.
_NOT_FOUNDED = "".join(f"(?<!{v}[于於])" for v in ("建", "办", "辦", "立", "创", "創", "始", "校"))
# A year named relative to the report's (去年, 前年, 上年度; 今年, so that the nearest wins): not after 较, 比 or 与, where it is the
# baseline of a comparison (比去年增长), nor before 同期 (去年同期).
RELATIVE_YEAR = re.compile(_NOT_BASELINE + r"(去年|前年|今年|上年度|上一年度?|上年)(?!同期|[底末]?[以相])")
RELATIVE_OFFSET = {"去年": -1, "前年": -2, "今年": 0, "上年度": -1, "上一年": -1, "上一年度": -1, "上年": -1}
COHORT = re.compile(_NOT_BASELINE + r"(20\d\d)\s*届")
PARAGRAPH_LOOKBACK = 600
YEAR = re.compile(
    _NOT_BASELINE
    + _NOT_FOUNDED
    + r"(20\d\d|19\d\d)\s*年(?!\s*[0-9一二三四五六七八九十]+\s*月\s*[0-9一二三四五六七八九十]+\s*日)"
)
# A year the text speaks of as past or present: not a target (到2025年, 至2030年) nor a number.
# A table row labelled by a bare year (2019 | 12.8 | 412 |): its cells are that year's.
ROW_REACH = 200
YEAR_ROW = re.compile(r"[ \t|｜│┃║]*((?:19|20)[0-9]{2})[ \t]*[|｜│┃║]")
ANY_YEAR = re.compile(
    # (截至2023年 is as of a year, 至2030年 until one)
    r"(?<![0-9到])(?:(?<=截至)|(?<!至))(?:20[0-4]\d|19[5-9]\d)(?=\s*[年届屆学學]|第)"
    # or the year an event's title opens with (『2024馬來西亞世界廚師國際大賽』)
    r"|(?<=[『「《“])(?:20[0-4]\d|19[5-9]\d)(?![0-9])"
)


@dataclass(frozen=True)
class Entity:
    name: str | None
    level: str
    # the word that named it without its name (全市, 我县): which kind of place it can be
    word: str = field(default="", compare=False)


@dataclass(frozen=True)
class Period:
    start: int | None
    end: int | None
    source: str  # "text" where the sentence says it, "report" where it is the report's year, "unknown"


def _institution(raw: str) -> str | None:
    """The proper name in a run of words that ends in one of the metadata's institution suffixes."""
    name = proper_name(raw)
    return name if name and INSTITUTION.fullmatch(name) else None


def _school(raw: str) -> str | None:
    """The school a publisher is or belongs to: one school's name (合肥工业大学, …职业学院), or a
    school's office or institute (广东技术师范学院党委宣传部, 河北农业大学科学技术研究院)."""
    m = SCHOOL.match(raw)
    name = proper_name(m.group()) if m else None
    return name if name and SCHOOL.fullmatch(name) else None


# A county's or a city's kind of school (唐山市技工学校) counted in 所 is its schools, not one.
CITY_KIND = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:市|区|县|州))" + GENERIC.pattern)
PLURAL_AFTER = re.compile(r"\s*(?:共有|共|有|计|达)?\s*[0-9一二两三四五六七八九十百]+\s*所")


@lru_cache(maxsize=2)  # asked twice of a report's text: by report_entity and by attribute
def collective_names(text: str) -> Mapping[str, Entity]:
    """name → place for each place's kind of school the (Simplified) text counts in 所 (read-only)."""
    out: dict[str, Entity] = {}
    for m in run_matches(SCHOOL, _SCHOOL_HINT, text):
        name = proper_name(m.group())
        kind = CITY_KIND.fullmatch(name) if name else None
        if kind and name not in out and PLURAL_AFTER.match(text, m.end()):
            out[name] = Entity(kind.group(1), "city")
    return MappingProxyType(out)


SENTENCE_LEAD = re.compile(r"[\s\d一二三四五六七八九十、.．()（）年月日，,:：据今去近来以]*")


# A place alone in a table's cell labels its row (| 瑞安市 | 5 | 11552 |): the row's numbers are its,
# in a report on places (a school's table of places is where its graduates went: mentions' rows).
ROW_LABEL_BEFORE = re.compile(r"(?:^|[|｜])[ \t]*$")
# … or by its English name, alone in the row's first cell (| Jinan | 41 |, Tai'an | 20 |)
ROW_PLACE_EN = re.compile(r"(?:^|[|｜])[ \t]*([A-Z][A-Za-z'’ -]{1,24}?)[ \t]*(?=[|｜])")
ROW_LABEL_AFTER = re.compile(r"[ \t]*[|｜]")


def _is_subject(sentence: str, start: int, end: int, rows: bool = False) -> bool:
    """A place is what the sentence is about when it opens the sentence (after a date or a
    heading) or stands before a word of the vocational system, not where a partner sits. Read
    in place (no copy of the sentence before it): a long sentence costs each place a bounded read."""
    opens = SENTENCE_LEAD.match(sentence, 0, start).end() == start
    partner = PARTNER_BEFORE.search(sentence, max(0, start - 2), start)
    label = (
        rows and ROW_LABEL_BEFORE.search(sentence, max(0, start - 3), start) and ROW_LABEL_AFTER.match(sentence, end)
    )
    return (opens or label or SUBJECT_AFTER.match(sentence, end) is not None) and partner is None


# The public bodies of Hong Kong and Macau that run vocational training and employment schemes are
# the institutions of their reports: the names reports call them by → the canonical name. Names no
# other place uses stand alone; 勞工局 is Macau's and 職業訓練局 Hong Kong's only in a report that
# speaks of them (Taiwan's cities have a 勞工局 and its labour council had a 職業訓練局).
_HONG_KONG = re.compile("香港|本港|港府|Hong Kong")
SAR_BODIES = {
    "职业训练局": ("香港职业训练局", _HONG_KONG),  # Taiwan's labour council had one too
    "职训局": ("香港职业训练局", _HONG_KONG),
    "雇员再培训局": ("雇员再培训局", None),
    "建造业议会": ("建造业议会", None),
    # their English names, as an English page or a bilingual annual report writes them
    "Vocational Training Council": ("香港职业训练局", _HONG_KONG),
    "Construction Industry Council": ("建造业议会", None),
    "Employees Retraining Board": ("雇员再培训局", None),
    "劳工处": ("香港特别行政区劳工处", None),
    "劳工事务局": ("澳门特别行政区劳工事务局", None),
    "劳工局": ("澳门特别行政区劳工事务局", re.compile("澳门|本澳|澳府")),
}


def sar_bodies(text: str) -> dict[str, str]:
    """alias → canonical name of the bodies the (Simplified) text may name."""
    return {alias: name for alias, (name, region) in SAR_BODIES.items() if region is None or region.search(text)}


@lru_cache(maxsize=8)
def _bodies_pattern(aliases: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, aliases), key=len, reverse=True)))


# A university by its name (北京理工大学, 复旦大学), not its students, town or park (大学生, 大学城).
UNIVERSITY = re.compile(r"[\u4e00-\u9fff]{2,12}?大学(?!生|城|科技园|科创园|堂|路|站)")
# …its own count, not a count of universities of its kind (社区大学36所)
COUNT_NEXT = re.compile(r"[0-9０-９]+(?![0-9０-９.．])(?:余|多)?(?![所家校座])")
UNIVERSITY_LEAD = re.compile("(?:" + PROVINCE.pattern + ")|国立|私立|市立|省立")


# A name followed by 等 and a count (认定济宁市技师学院等10个单位, 江苏、浙江等5省) is one example of
# a set the count is of: the count is not the named one's, and the name still hides the places in it.
EXAMPLE_OF_A_SET = re.compile(r"\s*等\s*[0-9一二两三四五六七八九十百]")


def mentions(
    sentence: str,
    known: list[str],
    collective: Mapping[str, Entity] | None = None,
    here: dict[str, str] = HERE,
    bodies: dict[str, str] | None = None,
    rows: bool = False,
    teams: frozenset[str] = frozenset(),
) -> list[tuple[int, Entity]]:
    """(position, entity) of every entity the (Simplified) sentence names, in order; rows: a place
    alone in a table cell labels its row (a report on places, not a school's).
    Institution names are found first and hide the places inside them (青岛市…学校); bodies:
    sar_bodies of the report."""
    found: list[tuple[int, Entity]] = []
    names: dict[int, int] = {}  # end → start of each name found, a partner's included (for lists)
    taken = [False] * len(sentence)

    def add(start: int, end: int, entity: Entity) -> None:
        if not any(taken[start:end]):
            found.append((start, entity))
            names[end] = start
            for i in range(start, end):
                taken[i] = True

    for m in institution_matches(sentence):
        name = _institution(m.group())
        start = m.end() - len(name) if name else 0
        # a partner (与…学院) is no actor, unless its own counts follow in brackets (和长春职业技术大学(金奖:5项)
        partner = PARTNER_BEFORE.search(sentence[max(0, start - 2) : start]) and not OWN_BRACKET.match(
            sentence, m.end()
        )
        if name and not DESCRIPTIVE.search(name) and not partner:
            add(start, m.end(), (collective or {}).get(name, Entity(name, "institution")))
        elif name:
            names.setdefault(m.end(), start)
    for m in run_matches(UNIVERSITY, _UNIVERSITY_HINT, sentence):
        # a university named before its own count (北京理工大学17个、哈尔滨工业大学22个), or led by
        # its province (四川大学) or its kind (国立成功大学): "大学" also ends phrases that name none
        # (世界一流大学, 城市密集建大学)
        name = proper_name(m.group())
        start = m.end() - len(name) if name else 0
        if (
            name
            and (COUNT_NEXT.match(sentence, m.end()) or UNIVERSITY_LEAD.match(name))
            and not DESCRIPTIVE.search(name)
            and not PARTNER_BEFORE.search(sentence[max(0, start - 2) : start])
        ):
            add(start, m.end(), (collective or {}).get(name, Entity(name, "institution")))
    if bodies:
        for m in _bodies_pattern(tuple(bodies)).finditer(sentence):
            add(m.start(), m.end(), Entity(bodies[m.group()], "institution"))
    for m in ABBREVIATION.finditer(sentence):
        full = resolve_abbreviation(m.group(), known)
        if full:
            add(m.start(), m.end(), Entity(full, "institution"))
    for m in run_matches(GROUP, _GROUP_HINT, sentence):
        name = last_words(m.group()).lstrip(LEAD_CHARS)
        if len(name) >= 6 and not re.search(r"[0-9一二两三四五六七八九十]个|^[个個家所]|级|各|多", name):
            add(m.end() - len(name), m.end(), Entity(name, "group"))
    if teams:  # 中山代表队: a city's team by the short name of a city the report names (a set lookup)
        for m in TEAM_WORD.finditer(sentence):
            for n in (3, 2):  # city short names are two or three characters
                if sentence[max(0, m.start() - n) : m.start()] in teams:
                    add(m.start() - n, m.start(), Entity(sentence[m.start() - n : m.start()] + "市", "city"))
                    break
    for m in NATION.finditer(sentence):
        add(m.start(), m.end(), Entity("中国", "national"))
    for m in PROVINCE.finditer(sentence):
        if _is_subject(sentence, m.start(), m.end(), rows):
            add(m.start(), m.end(), Entity(_SHORT_PROVINCE.get(m.group(), m.group()), "province"))
    for m in HERE_RE.finditer(sentence):
        add(m.start(), m.end(), Entity(None, here[m.group()], m.group()))
    for m in PREFECTURE.finditer(sentence):
        if _is_subject(sentence, m.start(), m.end(), rows):
            add(m.start(), m.end(), Entity(PREFECTURE_SHORT[m.group()], "city"))
    for m in place_matches(sentence):
        if (placed := place_at(sentence, m)) is None:
            continue
        name, start = placed
        if PROVINCE.fullmatch(name) or PROVINCE.fullmatch(name[1:]):  # 列上海市: a province above
            continue
        if (len(name) >= 3 or name.endswith("县")) and _is_subject(sentence, start, m.end(), rows):
            add(start, m.end(), Entity(name, "city"))
    if rows:  # an English yearbook's row labelled by its place (| Jinan | 41 | 21023 |)
        for m in ROW_PLACE_EN.finditer(sentence):
            word = m.group(1)
            if word in CITIES_EN:
                city = CITIES_EN[word]
                add(
                    m.start(1),
                    m.end(1),
                    Entity(city if city.endswith(("市", "州", "盟", "地区")) else city + "市", "city"),
                )
            elif word in ENGLISH_PROVINCES:
                add(m.start(1), m.end(1), _english_province(word))
    found.sort(key=lambda x: x[0])
    if rows:
        found = _without_place_columns(sentence, found, names)
    return _without_examples(sentence, found, names)


def _without_place_columns(
    sentence: str, found: list[tuple[int, Entity]], names: dict[int, int]
) -> list[tuple[int, Entity]]:
    """A place alone in a cell after a school's name in the same row is the school's column (| 天津医学
    高等专科学校 | 天津 | 98.7% |: 所属地区), not the row's label: the row's numbers stay the school's."""
    ends = {start: end for end, start in names.items()}
    out, school = [], False
    for start, e in found:
        end = ends.get(start, start)
        if (
            school
            and e.level in ("city", "province")
            and ROW_LABEL_BEFORE.search(sentence, max(0, start - 3), start)
            and ROW_LABEL_AFTER.match(sentence, end)
        ):
            continue
        school = school or e.level == "institution"
        out.append((start, e))
    return out


def _without_examples(
    sentence: str, found: list[tuple[int, Entity]], names: dict[int, int]
) -> list[tuple[int, Entity]]:
    """found without the names of a list that ends in 等 and a count (A、B和C等12所高校): the count is
    the set's, not its last name's nor any other's of the list. names: end → start of every name."""
    drop: set[int] = set()
    for m in EXAMPLE_OF_A_SET.finditer(sentence):
        end = m.start()
        while end in names:
            start = names[end]
            drop.add(start)
            joined = start
            while joined > 0 and sentence[joined - 1] in LIST_JOIN:
                joined -= 1
            if joined == start:
                break
            end = joined
    return [f for f in found if f[0] not in drop] if drop else found


LIST_JOIN = "、，,和与及 \t"


# A scope or a count that opens a run of words is no part of a name (全市技工学校, 万名大学).
NOT_A_NAME_START = re.compile(
    r"^(?:全|各|我|本|该|这|其|年|那|[0-9万千百亿多余]*名|[万亿]元|"
    # a verb that opens a phrase about schools (共有学校, 创办高级技工学校, 不含技工学校)
    r"共有|现有|另有|拥有|建有|设有|创办|不含|含有|包含)"
)
# An edition of an event (河源市第十七届中等职业学校学生技能大赛) names a contest, not a school.
EDITION = re.compile(r"第[0-9一二三四五六七八九十百]+[届屆]")


def not_a_name(name: str) -> bool:
    """Too short, descriptive (示范, 该), generic (职业学校) or led by a scope or a count."""
    return len(name) < 4 or bool(
        DESCRIPTIVE.search(name)
        or GENERIC.fullmatch(name)
        or PLACE_SCHOOLS.fullmatch(name)
        or NOT_A_NAME_START.match(name)
        or EDITION.search(name)
    )


def last_words(raw: str) -> str:
    """A run of words ending in a name's last word, from after its last lead or function word
    (他们又接收水利技术学院 → 水利技术学院): where a school's, a group's or a firm's name starts."""
    return FUNCTION_WORDS.split(NAME_LEAD.sub("", raw))[-1]


def proper_name(raw: str) -> str | None:
    """The name in a run of words ending in 学院/学校/大学 (last_words), less an address before it;
    None for a generic or descriptive name (职业学校, 全市技工学校)."""
    name = ADDRESS_BEFORE.sub("", last_words(raw))
    if not_a_name(name):
        return None
    return name


# Short forms inside a name that stand for one full form: a county's 职教中心 is its 职业教育中心
# (慈利县职教中心 → 慈利县职业教育中心), a 职教集团 its 职业教育集团; 航太, Taiwan's word for 航天, in a
# mainland university's name (北京航空航太大學).
SHORT_FORMS = re.compile(r"职教中心$|职教集团$|航空航太")
FULL_FORMS = {"职教中心": "职业教育中心", "职教集团": "职业教育集团", "航空航太": "航空航天"}


def full_form(name: str) -> str:
    return SHORT_FORMS.sub(lambda m: FULL_FORMS[m.group()], name)


TIME_LEAD = re.compile(r"^(?:[0-9０-９]+日|上午|下午|近日|日前|今天|昨天|今年|去年)+")


def own_name(institution: str | None) -> str | None:
    """The report's institution as metadata found it, in Simplified characters and without the
    words of the sentence it stood in (走進天津輕工職業技術學院 → 天津轻工职业技术学院); None when
    what is left is generic (中等职业学校) or descriptive."""
    if not institution:
        return None
    name = NAME_LEAD.sub("", TIME_LEAD.sub("", simplified(institution)))  # 上午走进…: a time, then a verb
    if not_a_name(name):
        return None
    return name


# Where a report opens: a school named here (2022年,威海职业学院以…) is what the report is about.
OPENING = 160


def _opens_with(opening: str, name: str) -> bool:
    """A college's full name (…职业学院, …技师学院) as the subject of a clause of the opening: after
    its start, a stop or a year (2022年,威海职业学院以…; …要求,淄博职业学院对照…); any school's
    name (核工业成都机电学校作为…) where it is the first thing the report says."""
    at = opening.find(name)
    if at >= 0 and not opening[:at].strip():
        return True
    if not INSTITUTION.fullmatch(name):
        return False
    return at > 0 and opening[at - 1] in "，,。；;：:年 \n"


def subject_institution(text: str, title: str | None) -> tuple[str | None, int]:
    """The institution a report is most about: the name (…学院, …学校, …大学) it gives most
    often, the title's counting triple; and how often it is named. text: as for_matching gives it."""
    counts: dict[str, int] = {}
    plural = collective_names(text)
    bodies = sar_bodies(text)
    for said, weight in ((text, 1), (for_matching(title or ""), 3)):
        for m in run_matches(SCHOOL, _SCHOOL_HINT, said):
            name = proper_name(m.group())
            if name and name not in plural:
                counts[name] = counts.get(name, 0) + weight
        for m in _bodies_pattern(tuple(bodies)).finditer(said) if bodies else ():
            counts[bodies[m.group()]] = counts.get(bodies[m.group()], 0) + weight
    opening = for_matching(text[:OPENING])
    counts = {n: c for n, c in counts.items() if c >= 2 or PLACE_LED.match(n) or _opens_with(opening, n)}
    if not counts:
        return None, 0
    speaker = speaker_votes(text, counts) if len(counts) > 1 else {}
    best = max(counts, key=lambda n: (counts[n], speaker.get(n, 0), len(n)))
    if counts[best] == 1 and not speaker.get(best) and sum(c == 1 for c in counts.values()) >= MANY_NAMED_ONCE:
        # a list of institutions, each named once (福州职业技术学院、黎明职业大学、…): about none of them
        return None, 0
    return best, counts[best]


MANY_NAMED_ONCE = 3


# A name said once is a name when it opens with a place (德州信息工程…, 国立…), not when it ends
# a clause about schools in general (成人中专三类学校, 年我国共有职业学校).
PLACE_LED = re.compile(
    "(?:" + PROVINCE.pattern + r")|[\u4e00-\u9fff]{1,6}?(?:自治州|市|区|县|州)|国立|市立|县立|私立|省立"
)


def _abbreviation_count(text: str, name: str) -> int:
    return sum(1 for m in ABBREVIATION.finditer(text) if resolve_abbreviation(m.group(), [name]) == name)


def area_strength(text: str) -> int:
    """How often the text speaks of the nation, a province or a city as a whole (全国, 全省, 我市)."""
    return len(NATION.findall(text)) + len(HERE_RE.findall(text))


def dominant_area(text: str) -> Entity | None:
    """A report about the nation, a province or a city says so again and again (全国, 全省,
    我市), or in its opening sentence, which counts twice: that level and the place it names
    most, where it says 全… at least twice."""
    opening = re.search(r"[。！？\n]", text[:200])
    opening_end = opening.start() if opening else min(len(text), 200)
    votes = {"national": 0}
    for m in NATION.finditer(text):
        votes["national"] += 2 if m.start() < opening_end else 1
    here = here_levels(text)
    for m in HERE_RE.finditer(text):
        votes[here[m.group()]] = votes.get(here[m.group()], 0) + (2 if m.start() < opening_end else 1)
    level = max(votes, key=lambda k: votes[k])
    if votes[level] < 2:
        return None
    if level == "national":
        return Entity("中国", "national")
    named: dict[str, int] = {}
    for m in PROVINCE.finditer(text) if level == "province" else place_matches(text):
        if level == "province":
            name = _SHORT_PROVINCE.get(m.group(), m.group())
        elif (placed := place_at(text, m)) is None or PROVINCE.fullmatch(placed[0][1:]):
            continue
        else:
            name = placed[0]
        named[name] = named.get(name, 0) + 1
    if level == "city":
        for m in PREFECTURE.finditer(text):
            named[PREFECTURE_SHORT[m.group()]] = named.get(PREFECTURE_SHORT[m.group()], 0) + 1
    return Entity(max(named, key=lambda n: named[n]) if named else None, level)


# A report that speaks as an institution: 我校, 该院, or 学校 / 学院 standing alone as a subject
# (学校坚持…), not as the end of a kind of school (中等职业学校, 高职学校).
SELF_REFERENCE = re.compile(r"我校|该校|本校|我院|该院|本院")
MANY_SELF_REFERENCES = 2
PARTNER_OF_SELF = re.compile(r"(?:我校|我院|本校|本院)(?:和|与|及|同|联合|携手)$")  # $: right before the name


def _partner_of_self(text: str, name: str) -> bool:
    """name stands right after 我校和 (与, 联合 …): the school the speaker works with."""
    at = text.find(name)
    return at > 0 and PARTNER_OF_SELF.search(text, max(0, at - 4), at) is not None


# 学校数, 学校产权: a table's column, not a school speaking
BARE_SCHOOL = re.compile(r"(?:^|(?<=[，。；：！？,.;:!?\s“”（(]))学[校院](?![数數]|产权|產權)")


def most_named_place(text: str) -> Entity | None:
    """The province or city the text names as what its sentences are about, at least twice and
    twice as often as any other."""
    counts: Counter = Counter()
    for sentence in re.split(r"[。！？!?\n]", text):
        for _, e in mentions(sentence, []):
            if e.level in ("province", "city") and e.name:
                counts[e] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None  # a list of provinces (江苏6所, 浙江5所) is about no one place
    return ranked[0][0]


# A firm by its name (中铝瑞闽股份有限公司, 邯郸矿业集团云驾岭煤矿, 海盐县供电局): a report that names no
# school but one firm again and again is that firm's news (its training, its contest, its studios).
FIRM = re.compile(
    r"[\u4e00-\u9fff()（）]{2,20}?(?:集团有限公司|集团股份有限公司|股份有限公司|有限责任公司|有限公司|集团公司|"
    r"集团|煤矿|矿业公司|油田|供电公司|供电局|发电厂|电厂)(?![\u4e00-\u9fff]{0,2}(?:学院|学校|大学))"
)
_FIRM_HINT = re.compile(r"公司|集团|煤矿|油田|供电|电厂")
# No firm of a report's: a kind of firm (酒店集团, 龙头企业集团), or a gambling or betting brand that a
# spam mirror stamps on a page it copies (永利集团, 乐竞体育(中国)股份有限公司).
NOT_A_FIRM = re.compile(
    r"^(?:酒店|教育|企业|龙头|大型|国有|民营|央企|中央企业|相关|各|本|我|该|其|这)[^\u4e00-\u9fff]*(?:集团|公司)"
    r"|娱乐|体育|彩票|棋牌|博彩|永利|威尼斯|金沙|葡京|太阳城|九游|开云|亚博|乐竞|必威|电竞"
)
FIRM_NAMED_AGAIN = 2  # times a firm is named (its title counts three) before the report is its


def subject_firm(text: str, title: str | None) -> str | None:
    """The firm a (Simplified) report names most often, if it names one at least FIRM_NAMED_AGAIN
    times and no other as often."""
    counts: Counter = Counter()
    for said, weight in ((text, 1), (for_matching(title or ""), 3)):
        for m in run_matches(FIRM, _FIRM_HINT, said):
            name = last_words(m.group()).lstrip(LEAD_CHARS)
            if (
                len(name) >= 4
                and not DESCRIPTIVE.search(name)
                and not NOT_A_FIRM.search(name)
                and not re.search(r"[0-9一二两三四五六七八九十]", name)
            ):
                counts[name] += weight
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < FIRM_NAMED_AGAIN or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def speaks_as_an_institution(text: str) -> bool:
    """我校 or 该院 anywhere, or 学校 / 学院 as a subject where the text opens or more than once."""
    bare = [m.start() for m in BARE_SCHOOL.finditer(text)]
    return SELF_REFERENCE.search(text) is not None or len(bare) >= 2 or bool(bare and bare[0] < 200)


# A graduating class by its year (2022届毕业生, 2022 届毕业生): what a school's employment report is about.
GRADUATING_CLASS = re.compile(r"20[0-9]{2}\s*届\s*毕业生")


# A survey of many schools' graduates (麦可思's blue books: 大学毕业生, 本科院校, 对母校的满意度).
MANY_SCHOOLS = re.compile(r"全国|麦可思|母校|高校毕业生|大学毕业生|院校|高校|各校|各地")


def reports_on_its_graduates(text: str) -> bool:
    """A class of graduates named by its year, where the text opens or more than once, in a text
    that speaks of no other schools: the employment report of one school (a place's report says
    whose: 全省2022届毕业生; a survey's, of which schools)."""
    found = [m.start() for m in GRADUATING_CLASS.finditer(text, 0, 20000)]
    return (len(found) >= 2 or bool(found and found[0] < 300)) and not MANY_SCHOOLS.search(text, 0, 20000)


# A headline's dateline: a province, then a city, then a colon (安徽黄山：…, 河南郑州:…).
DATELINE = re.compile(rf"^\s*(?:{PROVINCE.pattern})(?P<city>[\u4e00-\u9fff]{{2,4}}?)市?\s*[:：]")


def dateline_city(title: str, text: str) -> Entity | None:
    """The city of a headline's dateline, where the (Simplified) text names it as a city too (黄山市):
    the report is about the city, not the province named before it."""
    m = DATELINE.match(title)
    city = m.group("city") + "市" if m else None
    return Entity(city, "city") if city and city in text else None


def _public_body(publisher: str, text: str) -> str | None:
    """The Hong Kong or Macau public body a publisher line names (香港职业训练局, 勞工事務局), if any:
    the publisher's own words may say where it is when the text (an English page) does not."""
    bodies = sar_bodies(text + " " + publisher)
    return next((bodies[a] for a in sorted(bodies, key=len, reverse=True) if a in publisher), None)


# A province named as a place, not as the first word of a firm's or a school's English name
# (Zhejiang Junhong Industrial Machinery, Heilongjiang-Chenfeng): no capitalised word or hyphen
# follows, unless it is the word Province or Municipality.
ENGLISH_PROVINCE = re.compile(
    rf"\b({'|'.join(ENGLISH_PROVINCES)})\b(?:'s)?(?![ \t]*-|[ \t]+(?!Province|Municipality)[A-Z])"
)
ENGLISH_NATION = re.compile(r"\b(?:China|Chinese|national|nationwide|country)\b")


@lru_cache(maxsize=4)  # asked of a report's text by english_area, report_entity and attribute
def in_english(text: str) -> bool:
    """A page in English: fewer than one Chinese character in ten of its first 4,000 (counted by
    runs: a Chinese page is long runs, and a match per character cost twice as much)."""
    cjk = sum(m.end() - m.start() for m in _CJK_RUNS.finditer(text, 0, 4000))
    return cjk * 10 <= min(len(text), 4000)


def english_area(text: str) -> Entity | None:
    """The province an English page is about: named at least twice, half as often as China at least, and
    more than twice as often as any other province. None for a page in Chinese."""
    if not in_english(text):
        return None
    counts = Counter(m.group(1) for m in ENGLISH_PROVINCE.finditer(text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or 2 * ranked[0][1] < len(ENGLISH_NATION.findall(text)):
        return None
    if len(ranked) > 1 and ranked[0][1] <= 2 * ranked[1][1]:
        return None
    return _english_province(ranked[0][0])


def _english_province(word: str) -> Entity:
    """The province an English name is (Shandong → 山东省, Inner Mongolia → 内蒙古自治区)."""
    short = ENGLISH_PROVINCES[word]
    return Entity(_SHORT_PROVINCE.get(short, short), "province")


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUNS = re.compile(r"[\u4e00-\u9fff]+")


# A provincial government's web site names its province in its host name (tjj.fujian.gov.cn, jyt.nmg.gov.cn,
# www.gzw.sh.gov.cn): the full pinyin, or the abbreviation a province's own domain uses where it is
# no other province's too (hn, hb, sx, gz are two provinces' or a city's each: left out).
SITE_PROVINCES = {
    **dict.fromkeys(("beijing", "bj"), "北京市"),
    **dict.fromkeys(("shanghai", "sh"), "上海市"),
    **dict.fromkeys(("tianjin", "tj"), "天津市"),
    **dict.fromkeys(("chongqing", "cq"), "重庆市"),
    **dict.fromkeys(("hebei",), "河北省"),
    **dict.fromkeys(("nmg", "neimenggu"), "内蒙古自治区"),
    **dict.fromkeys(("liaoning", "ln"), "辽宁省"),
    **dict.fromkeys(("jilin", "jl"), "吉林省"),
    **dict.fromkeys(("hlj", "heilongjiang"), "黑龙江省"),
    **dict.fromkeys(("jiangsu", "js"), "江苏省"),
    **dict.fromkeys(("zhejiang", "zj"), "浙江省"),
    **dict.fromkeys(("anhui", "ah"), "安徽省"),
    **dict.fromkeys(("fujian", "fj"), "福建省"),
    **dict.fromkeys(("jiangxi", "jx"), "江西省"),
    **dict.fromkeys(("shandong", "sd"), "山东省"),
    **dict.fromkeys(("henan",), "河南省"),
    **dict.fromkeys(("hubei",), "湖北省"),
    **dict.fromkeys(("hunan",), "湖南省"),
    **dict.fromkeys(("guangdong", "gd"), "广东省"),
    **dict.fromkeys(("gxzf", "gx", "guangxi"), "广西壮族自治区"),
    **dict.fromkeys(("hainan",), "海南省"),
    **dict.fromkeys(("sichuan", "sc"), "四川省"),
    **dict.fromkeys(("guizhou",), "贵州省"),
    **dict.fromkeys(("yunnan", "yn"), "云南省"),
    **dict.fromkeys(("xizang",), "西藏自治区"),
    **dict.fromkeys(("shaanxi",), "陕西省"),
    **dict.fromkeys(("gansu", "gs"), "甘肃省"),
    **dict.fromkeys(("qinghai", "qh"), "青海省"),
    **dict.fromkeys(("ningxia", "nx"), "宁夏回族自治区"),
    **dict.fromkeys(("xinjiang", "xj"), "新疆维吾尔自治区"),
}


def site_province(url: str | None) -> str | None:
    """The province whose government site (….gov.cn) the page is on, where its host name says."""
    host = re.sub(r"^[a-z]+://", "", (url or "").strip().lower()).split("/")[0].split(":")[0]
    if not host.endswith(".gov.cn"):
        return None
    labels = host.split(".")[:-2]
    return next((SITE_PROVINCES[label] for label in reversed(labels) if label in SITE_PROVINCES), None)


# Words only a Hong Kong or a Macau page uses of its own place and bodies (Simplified).
SAR_SIGNS = {
    "香港特别行政区": re.compile(r"香港|本港|全港|港府|职业训练局|雇员再培训局|建造业议会|劳工处"),
    "澳门特别行政区": re.compile(r"澳门|本澳|全澳|澳府|统计暨普查局|劳工事务局"),
}


def _only_place_opening(text: str) -> Entity | None:
    """The one city or county the report's opening names, as a place (not inside a school's name),
    where it names exactly one."""
    opening = text[:OPENING]
    found = set()
    for m in place_matches(opening):
        name = m.group().lstrip(LEAD_CHARS)
        if _not_a_place(name) or PROVINCE.fullmatch(name[1:]) or name.endswith("自治区"):
            continue  # no place (反映了该地区), or a province's tail (…维吾尔自治区)
        start = m.end() - len(name)
        if name.endswith("市"):
            # the city the gazetteer knows, behind the end of a word or PLACE's reach (随着阜新市,
            # 乌鲁木齐市); else no city (要用于市)
            if (city := known_city(opening, name, start)) is not None:
                found.add(city[0])
            continue
        before = opening[start - 1 : start]
        if before and "\u4e00" <= before <= "\u9fff" and before not in LEAD_CHARS:
            return None  # a word's tail (…界首县), not a place standing alone: unsure
        found.add(name)
    for m in PREFECTURE.finditer(opening):
        found.add(PREFECTURE_SHORT[m.group()])
    if len(found) != 1 or INSTITUTION_IN.search(opening):
        return None
    return Entity(found.pop(), "city")


INSTITUTION_IN = re.compile(
    r"学院|学校|大学|中心|集团|研究院|研究所|教育局|教育厅|人社局|人社厅|教委|人民政府|[市县区]政府"
)


def sar_region(text: str) -> str | None:
    """The one special administrative region a page's own words place it in, by two of its signs
    at least (a gambling spammer's 澳门 is one)."""
    found = [region for region, signs in SAR_SIGNS.items() if len(set(signs.findall(text))) >= 2]
    return found[0] if len(found) == 1 else None


def report_entity(
    institution: str | None, publisher: str | None, title: str | None, text: str = "", url: str | None = None
) -> Entity:
    """The report's own entity: what its title names first (the article's headline says whom it is
    about); else the nation, province or city it keeps saying 全… of, unless one institution is
    named more often; else its institution, the place of its publisher, or the institution its
    text names most. text: the report's text as for_matching gives it."""
    headline = for_matching(title or "")
    in_title = mentions(headline, [])
    named, times = subject_institution(text, title)
    # the school the text names most hides the place its name opens with in the headline too, though
    # its name ends in no college's word (四川核工业技术学校: not 四川省)
    if named and in_title and 0 <= (at := headline.find(named)) <= in_title[0][0] < at + len(named):
        return dateline_city(headline, text) or Entity(named, "institution")
    named_in_title = [e for _, e in in_title]
    if named_in_title and named_in_title[0].name:  # a headline names what the report is about first
        return dateline_city(headline, text) or named_in_title[0]
    if MINISTRY_LEAD.match(headline):  # 教育部启动第四期…: a national ministry's own news
        return NATIONAL
    area = dominant_area(text)
    pub = simplified(publisher or "")
    # a college's own site, a public body's own release (勞工事務局)
    own = own_name(institution) or _school(pub.strip()) or _public_body(pub, text)
    if not own and in_english(text) and (college := subject_college(text, title)) is not None:
        return Entity(college[0], "institution")  # Wuhai Vocational and Technical College's profile
    if not own and (english := english_area(text)) is not None:
        return english
    if own:  # how often the report names its own institution, abbreviations (淮海装备职院) included
        times = max(
            times,
            text.count(own)
            + 3 * (own in simplified(title or "") or own in text[:OPENING])
            + _abbreviation_count(text, own),
        )
    area_votes = area_strength(text)
    if named is not None and times <= 1 and _partner_of_self(text, named):
        named = None  # 由我校和福建船政交通职业学院联合主持: the one school named is the speaker's partner
    if not own and named is None and len(SELF_REFERENCE.findall(text)) >= MANY_SELF_REFERENCES:
        # 我校…我校: a school's own news that names it nowhere (全国 is its yardstick)
        return Entity(None, "institution")
    if area and (area_votes >= 3 or not own) and area_votes > times:
        if area.name is None and area.level == "province" and (province := site_province(url)) is not None:
            return Entity(province, "province")
        if area.name is None:
            for line in (publisher, title):
                ms = [e for _, e in mentions(simplified(line), []) if e.level == area.level] if line else []
                if ms:
                    return ms[0]
        return area
    if own:
        return Entity(own, "institution")
    for line in (publisher, title):
        ms = mentions(simplified(line), []) if line else []
        if ms:
            return ms[0][1]
    if named is None and area is None and (firm := subject_firm(text, title)) is not None:
        return Entity(firm, "institution")
    if named is None and area is None and not speaks_as_an_institution(text) and not reports_on_its_graduates(text):
        place = most_named_place(text)
        if place is not None:
            return place  # 唐山市16所技工学校…: a report on a place's schools that names no school
        if NATION.search(text) is None:
            if (province := site_province(url)) is not None:
                return Entity(province, "province")  # a provincial government's page that names no place
            if (region := sar_region(text)) is not None:
                return Entity(region, "province")  # 本澳, 統計暨普查局: a Macau page about Macau
            if (opening := _only_place_opening(text)) is not None:
                return opening  # 近几年来，如皋市在加强…: the one place its opening names
        return Entity("中国", "national")  # names no institution, group or place, nor speaks as one
    return Entity(named, "institution")


# A headline that opens with a national ministry as its subject (教育部举办…, 人社部：…), not with
# its departments (教育部门) or the universities under it (工业和信息化部部属高校).
MINISTRY_LEAD = re.compile(
    r"^\s*(?:教育部(?![门門署])|人力资源和社会保障部|人力资源社会保障部|人社部|工业和信息化部(?!部属|直属)|工信部(?!部属|直属))"
)


# A local paper or broadcaster is named after its place (菏泽日报, 宁化县融媒体中心): its 我市 is that place.
LOCAL_MEDIA = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:日报|晚报|都市报|新闻网|融媒体中心|广播电视台|电视台|新闻中心)")
# So is a local government or bureau (三明市人民政府, 青岛市教育局).
LOCAL_GOVERNMENT = re.compile(
    r"^([\u4e00-\u9fff]{2,8}?(?:自治区|自治州|省|市|县|区))(?:人民政府|政府|教育局|教育厅|教育委员会|教委|"
    r"人力资源和社会保障局|人力资源和社会保障厅|人力资源社会保障局|人社局|人社厅)"
)


# Papers named after no place: national ones, and provincial ones with a name of their own.
NOT_PLACE_PAPERS = {
    "中国",
    "人民",
    "光明",
    "经济",
    "法制",
    "法治",
    "工人",
    "农民",
    "科技",
    "中国青年",
    "中国教育",
    "健康",
    "新华",
    "解放",
    "文汇",
    "南方",
    "大众",
    "羊城",
    "扬子",
    "钱江",
    "齐鲁",
    "燕赵",
    "楚天",
    "华西",
    "三秦",
    "新民",
    "都市",
    "现代",
    "北方",
    "东方",
    "今",
}


def home_places(publisher: str | None) -> dict[str, str]:
    """level → name of the place a local publisher is named after (菏泽日报 → city 菏泽市; a local
    government or bureau, 三明市人民政府 → city 三明市)."""
    name = simplified(publisher or "")
    m = LOCAL_MEDIA.match(name) or LOCAL_GOVERNMENT.match(name)
    if not m:
        return {}
    place = m.group(1)
    if place in _SHORT_PROVINCE or place in PROVINCES:
        return {"province": _SHORT_PROVINCE.get(place, place)}
    if place in NOT_PLACE_PAPERS:
        return {}
    city = place if place.endswith(("市", "县", "区")) else place + "市"
    return {"city": city} if gazetteer_allows(city) else {}  # 环渤海新闻网: no city


def _most_named_by_kind(matching: str) -> dict[str, str]:
    """Per kind of place (市, 县, 区, 州): the one the text names most, inside institutions' names
    too (青岛市城阳区职业教育中心学校 names 青岛市): where 全市 looks when no 市 was named before it.
    A text that names no city in full may name its own by the short name (我市… 高碑店第二幼儿园,
    舟山社区大学): see short_named_city."""
    counts: dict[str, Counter] = {}
    for m in place_matches(matching):
        name = m.group()
        if not _not_a_place(name) and gazetteer_allows(name):
            counts.setdefault(name[-1], Counter())[name] += 1
    out = {kind: c.most_common(1)[0][0] for kind, c in counts.items()}
    if "市" not in out and (city := short_named_city(matching)):
        out["市"] = city
    return out


# Short names of cities that are also common words or name a province (合作 cooperation, 平安 safe,
# 安康 well-being, 龙井 the tea; 吉林, 海南): never read as a city without their 市.
SHORT_NAMES_ALSO_WORDS = frozenset(
    [
        "合作",
        "东方",
        "新民",
        "大同",
        "吉林",
        "海南",
        "长乐",
        "永安",
        "临江",
        "龙井",
        "宁安",
        "安康",
        "平安",
        "明光",
        "龙口",
        "新乐",
        "敦化",
        "文昌",
        "高平",
        "开原",
        "仁怀",
    ]
)


@cache
def _short_cities():
    import ahocorasick  # noqa: PLC0415: built once, only for a text that needs it

    automaton = ahocorasick.Automaton()
    for city in CITIES:
        short = city[:-1]
        if city.endswith("市") and len(short) >= 2 and short not in SHORT_NAMES_ALSO_WORDS:
            automaton.add_word(short, city)
    automaton.make_automaton()
    return automaton


def short_named_city(matching: str) -> str | None:
    """The city a text names most by its short name alone (舟山 for 舟山市), if any names one at
    least twice, or once with three characters or more (高碑店); one pass (Aho–Corasick)."""
    counts: Counter = Counter()
    for end, city in _short_cities().iter(matching):
        if matching[end + 1 : end + 2] != "市":  # named in full: PLACE has counted it
            counts[city] += 1
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])), default=None)
    return best[0] if best and (best[1] >= 2 or len(best[0]) >= 4) else None


def _resolve_here(
    entity: Entity,
    default: Entity,
    last_named: dict[str, str],
    most_named: Callable[[], dict[str, str]] | None = None,
) -> Entity:
    """全市, 我省: the place of that level named last, else the report's own when it is that level.
    most_named: the text's most-named place of each kind, asked for only when 全市 has no other."""
    if entity.name is not None:
        return entity
    if entity.level == "city" and (kind := KIND_OF_PLACE.get(entity.word[-1:])):
        # 全市 is a 市 and 全州 a 州: not the county (兰坪县) a prefecture's report named last
        fits = default.name if default.level == "city" and default.name and default.name[-1] in kind else None
        named = next((last_named[k] for k in kind if k in last_named), None)
        return Entity(named or fits or (most_named() if most_named else {}).get(kind), entity.level)
    name = last_named.get(entity.level) or (default.name if default.level == entity.level else None)
    return Entity(name, entity.level)


# The places a word for one's own place can be (全市: a city; 全区: a district; 全州: a prefecture).
KIND_OF_PLACE = {"市": "市", "域": "市", "县": "县", "州": "州", "区": "区"}


def without_glosses(s: str) -> tuple[str, Sequence[int]]:
    """s without a mirror site's pinyin glosses (學(xué)院 → 學院), and for each character kept its
    position in s, so that names split by a gloss are found and placed where they stand."""
    if PINYIN_GLOSS.search(s) is None:
        return s, range(len(s))  # most sentences: every character kept where it stands
    keep = [True] * len(s)
    for m in PINYIN_GLOSS.finditer(s):
        for i in range(m.start(), m.end()):
            keep[i] = False
    where = [i for i, k in enumerate(keep) if k]
    return "".join(s[i] for i in where), where


TEAM_WORD = re.compile(r"市?(?:代表队|代表团|选手|参赛队)")


def city_shorts(matching: str) -> frozenset[str]:
    """The short names (中山) of the cities the (Simplified) text names in full (中山市): a city's
    team may go by its short name (中山代表队)."""
    return frozenset(m.group()[:-1] for m in place_matches(matching) if m.group() in CITIES and len(m.group()) >= 3)


def attribute(
    text: str,
    positions: list[int],
    default: Entity,
    known: list[str],
    home: dict[str, str] | None = None,
    doc: Doc | None = None,
    matching: str | None = None,
) -> list[Entity]:
    """The entity of the fact at each position of text: the last one its sentence names before
    it, else the report's own. Each sentence is read once; a fact costs a binary search. home:
    the places a local publisher speaks for (我市 in 菏泽日报 before any city is named); doc and
    matching: the text's Doc and for_matching, where the caller has them already."""
    doc = doc or Doc(text)
    out = []
    last_named: dict[str, str] = dict(home or {})
    if "city" in last_named:
        last_named[last_named["city"][-1]] = last_named["city"]
    matching = for_matching(text) if matching is None else matching
    most_named = cache(lambda: _most_named_by_kind(matching))  # one scan, and only if a 全市 needs it
    collective = collective_names(matching)
    here = here_levels(matching)
    bodies = sar_bodies(matching)
    teams = city_shorts(matching)
    rows = default.level != "institution" and not speaks_as_an_institution(matching)
    by_sentence: dict[int, tuple[list[int], list[Entity]]] = {}
    # an English page's colleges by where they stand (Liaocheng Vocational and Technical College …)
    english = english_names(text) if in_english(matching) else []
    english_at = [p for p, _ in english]
    for pos in positions:
        start, end = doc.sentence(pos)
        if start not in by_sentence:
            clean, where = without_glosses(simplified(text[start:end]))
            named = [(start + where[p], e) for p, e in mentions(clean, known, collective, here, bodies, rows, teams)]
            if english:
                lo, hi = bisect_left(english_at, start), bisect_left(english_at, end)
                named = sorted(named + [(p, Entity(n, "institution")) for p, n in english[lo:hi]], key=lambda pe: pe[0])
            by_sentence[start] = ([p for p, _ in named], [e for _, e in named])
            for e in by_sentence[start][1]:
                if e.name:
                    last_named[e.level] = e.name
                    if e.level == "city":
                        last_named[e.name[-1]] = e.name  # the last 市, 县, 区 or 州 named
        at, entities = by_sentence[start]
        i = bisect_left(at, pos)
        named = entities[i - 1] if i else _before_bracket(text, start, pos, doc, by_sentence)
        # the report's own place unnamed (我市…, a city bureau's page) is the place named last, or its publisher's
        out.append(_resolve_here(named or default, default, last_named, most_named))
    return out


OWN_BRACKET = re.compile(r"[(（][^)）]{0,12}?[0-9一二两三四五六七八九十]")  # 长春职业技术大学(金奖:5项
BRACKET_REACH = 80  # characters back from a sentence's start to the bracket it may stand in


def _before_bracket(
    text: str, start: int, pos: int, doc: Doc, by_sentence: dict[int, tuple[list[int], list[Entity]]]
) -> Entity | None:
    """The entity named just before the bracket that a sentence naming no one stands in: counts in
    brackets split by semicolons (深圳职业技术大学(金奖:7项;银奖:6项;铜奖:8项)) are the name's, though a
    semicolon ends a sentence. Only a sentence already read is asked (each is read once, in order)."""
    lo = max(0, start - BRACKET_REACH)
    opened = max(text.rfind("(", lo, start), text.rfind("（", lo, start))
    if opened == -1 or ")" in text[opened:pos] or "）" in text[opened:pos]:
        return None
    before = doc.sentence(opened)[0]
    if before not in by_sentence:
        return None
    at, entities = by_sentence[before]
    j = bisect_left(at, opened)
    return entities[j - 1] if j else None


def _count(word: str) -> int | None:
    return None if (value := number_or_none(word)) is None else int(value)


# A report the opening names by its title with its year (教育部发布《2024年全国教育事业发展统计公报》,
# 《2017佛山市中等职业教育质量年度报告》): the year it reports on, not the year it was published.
NAMED_REPORT = re.compile(
    r"《[^》]{0,20}?((?:19|20)[0-9]{2})(?:年|年度)?[^》]{0,30}?"
    r"(?:公报|公報|报告|報告|蓝皮书|藍皮書|白皮书|白皮書|年鉴|年鑑)》"
)
OPENING_REPORT_REACH = 300
# An English statistics table titled with its year at the report's opening (20-20 Number of Secondary
# Vocational Schools (2011); Basic Statistics on Education (2006-2007)): the year its cells are of.
ENGLISH_TABLE_TITLE = re.compile(
    r"^[^\n]{0,40}?(?:Statistics|Number of)[^\n]{0,80}?\(((?:19|20)[0-9]{2})(?:[ \t]*[-–][ \t]*((?:19|20)[0-9]{2}))?\)",
    re.M,
)


def report_period(title: str | None, text: str, year: int | None, this_year: int, taiwan: bool = False) -> Period:
    """The period a report is about where a sentence says nothing: the period its title states
    (2017年…质量年度报告, 2018-2019学年…), else its year of publication, else the latest year its
    text names (a report is written in or after the last year it speaks of), flagged `report`."""
    stated = period_of(simplified(title or ""), None, taiwan=taiwan)
    if stated.source == "text":
        return Period(stated.start, stated.end, "report")
    if named := NAMED_REPORT.search(text, 0, OPENING_REPORT_REACH):  # 教育部發布《2024年…統計公報》
        return Period(int(named.group(1)), int(named.group(1)), "report")
    if titled := ENGLISH_TABLE_TITLE.search(text, 0, OPENING_REPORT_REACH):  # … Schools by Region (2015)
        start = int(titled.group(1))
        return Period(start, int(titled.group(2) or start), "report")
    if year is None:
        found = ANY_YEAR.findall(gregorian(text, taiwan)) + ENGLISH_YEAR.findall(text)
        years = [int(y) for y in found if int(y) <= this_year]
        year = max(years) if years else None
    return Period(year, year, "report") if year else Period(None, None, "unknown")


def _period_at(
    doc: Doc,
    pos: int,
    fallback: Period,
    taiwan: bool = False,
    captions: dict[int, Period | None] | None = None,
    dated: bool = False,
    paragraphs: dict[int, Period | None] | None = None,
) -> Period:
    """The period of the fact at pos: what its sentence says, else what its paragraph said last
    (2024年，学校… 。新增订单班3个), else the report's (report_period). paragraphs: what the paragraph
    before each sentence start states, shared by the report's facts (the facts of one sentence
    read it once)."""
    text = doc.text
    year = fallback.end
    if row := _year_row(text, pos):
        return row
    if column := _year_column(text, pos):
        return column
    if caption := caption_period(text, pos, year, fallback, taiwan, captions):
        return caption
    start, _ = doc.sentence(pos)
    own = _stated(text[start:pos], year, fallback, taiwan, relative=dated)
    if own.source == "text":
        return own
    paragraphs = {} if paragraphs is None else paragraphs
    if start not in paragraphs:
        paragraphs[start] = _paragraph_period(text, start, year, fallback, taiwan)
    return paragraphs[start] or own


def _paragraph_period(text: str, start: int, year: int | None, fallback: Period, taiwan: bool) -> Period | None:
    """The period the paragraph before a sentence starting at start states last, if it states one
    (and speaks of no recent years, 近三年, which are its own sentence's business)."""
    lo = max(0, start - PARAGRAPH_LOOKBACK)  # bounded, so a text without line breaks stays linear
    para = max(lo, text.rfind("\n", lo, start) + 1)
    if para == start and _wrapped(text, start, lo):  # a prose line broken mid-sentence: its start
        para = max(lo, text.rfind("\n", lo, start - 1) + 1)
    if para >= start:
        return None
    earlier = _stated(text[para:start], year, fallback, taiwan)
    return earlier if earlier.source == "text" and not RECENT.search(text[para:start]) else None


# What any statement of a period holds (period_of's patterns): a digit, 年 (近三年, 去年) or 五
# (十四五期间), in Simplified; 秊 is the one character the conversion turns into one of them.
YEAR_SIGN = re.compile(r"[\d年五秊]")


def _stated(raw: str, year: int | None, fallback: Period, taiwan: bool, relative: bool = False) -> Period:
    """period_of the raw words before a number, without converting words that state no period."""
    return period_of(simplified(raw) if YEAR_SIGN.search(raw) else "", year, fallback, taiwan, relative=relative)


# A line of prose broken before its sentence ends (对接山东十强、\n日照十特产业集群，…): a line longer than a
# table's cell that stops on a list or clause comma or inside a run of Chinese characters.
WRAP_END = re.compile(r"[、，,\u4e00-\u9fff]")
WRAP_START = re.compile(r"[\u4e00-\u9fff]|[0-9]+(?![0-9.．、)）])")


def _wrapped(text: str, start: int, lo: int) -> bool:
    """Whether the line break just before start (a sentence's start) breaks a sentence, not a paragraph."""
    if start < 2 or text[start - 1] != "\n" or not WRAP_END.match(text, start - 2):
        return False
    if not WRAP_START.match(text, start):  # a list's item (  • 武汉…, 1. 重点…) starts a line of its own
        return False
    return start - 1 - max(lo, text.rfind("\n", lo, start - 1) + 1) > CELL_LINE_MAX


# A table flattened one cell per line: a cell is a short line; the table's caption, the nearest
# longer line before it (2023年各级学校招生、在校及毕业生人数…), states the year of its cells,
# unless a header cell names a year of its own.
CELL_LINE_MAX = 24


def caption_period(
    text: str, pos: int, year: int | None, fallback: Period, taiwan: bool, seen: dict[int, Period | None] | None = None
) -> Period | None:
    """The period the caption of the cell-per-line table that pos stands in states, if it states
    one. seen: what walks back from each line's end found, shared by a report's facts, so that a
    table's cells walk its lines once between them (linear, however long the table)."""
    lo = max(0, pos - CELL_LINE_MAX - 1)
    line_start = text.rfind("\n", lo, pos) + 1
    line_end = text.find("\n", pos, pos + CELL_LINE_MAX + 1)
    if (not line_start and lo) or (line_end == -1 and pos + CELL_LINE_MAX < len(text)):
        return None  # no line break near: prose, not a cell
    line_end = len(text) if line_end == -1 else line_end
    if line_end - line_start > CELL_LINE_MAX:
        return None
    seen = {} if seen is None else seen
    walked: list[int] = []
    end = line_start - 1
    found: Period | None = None
    while end > 0:
        if end in seen:
            found = seen[end]
            break
        walked.append(end)
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line:
            continue
        if BARE_YEAR.fullmatch(line):
            break  # a header cell names a year (2022): the columns say when
        stated = _stated(line, year, fallback, taiwan)
        if stated.source == "text":
            # so does 107学年度; a caption is a title, not a sentence (…如下表所示。 speaks of a
            # table whose columns say when)
            if len(line) > YEAR_CELL_MAX and not line.endswith(CAPTION_NOT_AFTER):
                found = stated
            break
        if len(line) > CELL_LINE_MAX:
            break  # prose that names no year: no caption
    for e in walked:
        seen[e] = found
    return found


CAPTION_NOT_AFTER = tuple("。！？；!?;：:")
YEAR_CELL_MAX = 8  # characters: a year and its word (2023年, 107學年度), a column's header


def _year_row(text: str, pos: int) -> Period | None:
    """The year of a table row labelled by it (2019 | 12.8 |), where pos stands in such a row (a
    row's start is looked for a short way back only: a text without line breaks stays linear)."""
    lo = max(0, pos - ROW_REACH)
    line = text.rfind("\n", lo, pos) + 1
    if not line and lo:
        return None
    row = YEAR_ROW.match(text, line, pos)
    return Period(int(row.group(1)), int(row.group(1)), "text") if row else None


# A table whose columns are years (项 目 Item 2020 2021 over 普通高等学校 … 82 83): each value's period is
# its column's year. The header is looked for a few lines up only, and lines are read a bounded way,
# so a text without line breaks stays linear.
HEADER_LINES_UP = 40
_COLUMN_YEAR = re.compile(r"((?:19|20)[0-9]{2})(?:年|年度)?")
_VALUE_TOKEN = re.compile(r"[0-9０-９][0-9０-９,，.．]*[%％]?")


def _trailing(tokens: list[str], pattern: re.Pattern) -> list[str]:
    """The tokens at the end of a line that all match pattern."""
    k = len(tokens)
    while k > 0 and pattern.fullmatch(tokens[k - 1]):
        k -= 1
    return tokens[k:]


def _year_column(text: str, pos: int) -> Period | None:
    """The year of the column the value at pos stands in, where its row ends in as many values as a
    line above it ends in years (the columns' header)."""
    lo = max(0, pos - ROW_REACH)
    line_start = text.rfind("\n", lo, pos) + 1
    if not line_start and lo:
        return None
    line_end = text.find("\n", pos, pos + ROW_REACH)
    if line_end == -1:
        if pos + ROW_REACH < len(text):
            return None
        line_end = len(text)
    values = _trailing(text[line_start:line_end].split(), _VALUE_TOKEN)
    if len(values) < 2:
        return None
    at = len(text[pos:line_end].split())  # the value's place from the line's end (1: the last)
    if not 1 <= at <= len(values):
        return None
    end = line_start - 1
    for _ in range(HEADER_LINES_UP):
        if end <= 0:
            return None
        start = max(0, end - ROW_REACH, text.rfind("\n", max(0, end - ROW_REACH), end) + 1)
        line = text[start:end]
        end = start - 1
        tokens = line.split()
        years = _trailing(tokens, _COLUMN_YEAR)
        if len(years) >= 2 and len(tokens) > len(years):
            if len(years) != len(values):
                return None
            year = int(_COLUMN_YEAR.fullmatch(years[len(years) - at]).group(1))
            return Period(year, year, "text")
        if "。" in line:
            return None  # prose: no header above
    return None


def gregorian(s: str, taiwan: bool = False) -> str:
    """s with Taiwan's 民国 years written as the common era's (111学年度 → 2022学年度); bare
    three-digit years too in a Taiwanese report (104年 → 2015年)."""

    def year(m: re.Match) -> str:
        n = int(next(g for g in m.groups() if g))
        return f"{n + 1911}年" if m.group(0).endswith("年") else str(n + 1911)

    s = ROC_YEAR.sub(year, s)
    return ROC_BARE_YEAR.sub(lambda m: str(int(m.group(1) or m.group(2)) + 1911), s) if taiwan else s


def period_of(
    sentence_before: str,
    report_year: int | None,
    fallback: Period | None = None,
    taiwan: bool = False,
    relative: bool = False,
) -> Period:
    """The period the words before a number state (the nearest statement wins), else the
    fallback (the report's period), else the report's year. relative: read a year named against the
    report's (去年, 前年, 今年) too, for a number's own sentence in a report dated by its metadata."""
    s = gregorian(sentence_before, taiwan)
    if m := last_match(YEAR_RANGE, s):
        a, b = sorted((int(m.group(1)), int(m.group(2))))  # 2020—2016 as a typo writes it: the same years
        return Period(a, b, "text")
    if m := last_match(ACADEMIC, s):
        if m.group(1):
            end = int(m.group(2))
            return Period(int(m.group(1)), end if end > 99 else 2000 + end, "text")
        return Period(int(m.group(3)), int(m.group(3)) + 1, "text")
    if m := last_match(FIVE_YEAR_PLAN, s):
        return Period(PLAN_START[m.group(1)], PLAN_START[m.group(1)] + 4, "text")
    if (m := SINCE.search(s)) and report_year:
        # 2020年以来 in a report its metadata dates earlier (2016, a mirror's wrong date): since then,
        # to a year no earlier than the start
        return Period(int(m.group(1)), max(int(m.group(1)), report_year), "text")
    if (
        (m := RECENT.search(s))
        and report_year
        and (n := _count(m.group(1) or m.group(2)))
        and report_year - n + 1 >= EARLIEST_YEAR
    ):  # 65年来 against a report dated by the founding year it names (1951): no span before 1900
        return Period(report_year - n + 1, report_year, "text")
    if m := last_match(COHORT, s):
        return Period(int(m.group(1)), int(m.group(1)), "text")
    if m := last_match(YEAR, s):
        return Period(int(m.group(1)), int(m.group(1)), "text")
    if m := last_match(ENGLISH_YEAR, s):
        return Period(int(m.group(1)), int(m.group(1)), "text")
    if (
        relative and report_year and (m := last_match(RELATIVE_YEAR, s))
    ):  # 去年全国中职毕业生…: the report's year before
        year = report_year + RELATIVE_OFFSET[simplified(m.group(1))]
        return Period(year, year, "text")
    if fallback is not None:
        return fallback
    if report_year:
        return Period(report_year, report_year, "report")
    return Period(None, None, "unknown")


def number_position(char_start: int, quote: str, number_text: str) -> int:
    """Where a fact's number stands (its quote may start earlier, widened to be unique)."""
    at = quote.rfind(number_text) if number_text else -1
    return char_start + max(at, 0)


NATIONAL = Entity("中国", "national")
TAIWAN_WIDE = Entity("台湾地区", "province")
TAIWAN_PROVINCE = Entity("台湾省", "province")
# Taiwan's cities and counties (Simplified), for a Taiwanese report about one of them (台中市政府…).
TAIWAN_CITIES = (
    "台北市",
    "新北市",
    "桃园市",
    "桃园县",
    "台中市",
    "台南市",
    "高雄市",
    "基隆市",
    "新竹市",
    "新竹县",
    "嘉义市",
    "嘉义县",
    "彰化县",
    "屏东县",
    "宜兰县",
    "花莲县",
    "台东县",
    "苗栗县",
    "南投县",
    "云林县",
    "澎湖县",
    "金门县",
)
TAIWAN_CITY = re.compile("(?:" + "|".join(sorted({n[:-1] for n in TAIWAN_CITIES}, key=len, reverse=True)) + ")[市县]?")


def _taiwanese_place(matching: str, default: Entity) -> Entity:
    """A Taiwanese report about one city (台中市 18校…) is that city's, unless it speaks of Taiwan
    more often than of the city (a Taiwan-wide programme's news held in 台北)."""
    city = taiwanese_city(matching)
    if city is None or (default != NATIONAL and matching.count(city.name[:2]) < matching.count("台湾")):
        return default
    return city


def taiwanese_city(matching: str) -> Entity | None:
    """The Taiwanese city or county a report is about: named at least twice (台中市, or 台中 alone)
    and twice as often as any other, by its full name as the text writes it most."""
    counts: Counter = Counter()
    forms: dict[str, Counter] = {}
    for m in TAIWAN_CITY.finditer(matching):
        stem = m.group().rstrip("市县")
        counts[stem] += 1
        if m.group() != stem:
            forms.setdefault(stem, Counter())[m.group()] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    stem = ranked[0][0]
    full = forms[stem].most_common(1)[0][0] if stem in forms else next(n for n in TAIWAN_CITIES if n[:-1] == stem)
    return Entity(full, "city")


@dataclass(frozen=True)
class Attribution:
    entity: Entity
    period: Period


# The four municipalities under the central government are provinces in rank and cities in name
# and in the words of their own reports (全市, 市教委): their numbers are a city's.
MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})


def attribute_facts(
    text: str,
    starts: list[int],
    institution: str | None,
    publisher: str | None = None,
    title: str | None = None,
    year: int | None = None,
    this_year: int | None = None,
    url: str | None = None,
) -> list[Attribution]:
    """Entity and period of the facts that start at `starts` in a report's text, given what the
    report's metadata says of it (its institution, publisher, title and year)."""
    matching = for_matching(text)  # once: converting a text to Simplified is the dear part
    doc = Doc(text)
    known = sorted({_institution(m.group()) for m in institution_matches(matching)} - {None})
    if institution:
        known = sorted(set(known) | {simplified(institution)})
    default = report_entity(institution, publisher, title, matching, url)
    taiwan = TAIWAN.search(text) is not None
    if taiwan and default in (NATIONAL, TAIWAN_WIDE, TAIWAN_PROVINCE):
        default = _taiwanese_place(matching, default)
    entities = attribute(text, starts, default, known, home_places(publisher), doc, matching)
    if short := defined_short_names(matching, _institution):  # the full name wherever the text uses its own short one
        entities = [Entity(short[e.name], e.level) if e.name in short else e for e in entities]
    if taiwan:  # 全國 in a Taiwanese report is Taiwan's, named as the corpus names it
        entities = [TAIWAN_WIDE if e == NATIONAL else e for e in entities]
    entities = [
        TAIWAN_WIDE
        if e == TAIWAN_PROVINCE  # the corpus names Taiwan 台湾地区, as the mainland's style guides do
        else Entity(e.name, "city")
        if e.name in MUNICIPALITIES
        else Entity(full_form(e.name), e.level)
        if e.level in ("institution", "group") and e.name
        else e
        for e in entities
    ]
    fallback = report_period(title, text, year, this_year or date.today().year, taiwan)
    captions: dict[int, Period | None] = {}  # caption_period's walks, shared by the report's facts
    paragraphs: dict[int, Period | None] = {}  # _paragraph_period per sentence start, likewise
    # 去年, 前年 are read against the report's own date only: a year guessed from the text's years is
    # no ground for them
    periods = [
        _period_at(doc, pos, fallback, taiwan, captions, dated=year is not None, paragraphs=paragraphs)
        for pos in starts
    ]
    return [Attribution(e, p) for e, p in zip(entities, periods, strict=True)]
