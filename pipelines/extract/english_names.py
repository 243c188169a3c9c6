"""Chinese colleges as English pages name them (Wuhai Vocational and Technical College, Jinhua
Polytechnic): found by the Chinese place their name opens with, and written with their Chinese name
where the English form says it (乌海职业技术学院); else kept in English as written.

English names of Chinese colleges are not standard: Beijing Polytechnic is 北京电子科技职业学院,
Shandong Polytechnic College 山东理工职业学院, a Financial Vocational College may be a 职业技术学院.
A name is therefore written in Chinese only when every word of it is in the tables below and its form
is one of FORMS; the rest stay in English, an institution all the same. FORMS are the forms whose
Chinese the corpus's English pages bear out: a Vocational and Technical College, or a Polytechnic
(University) of a city or with a field word, was its 职业技术学院 (大学) wherever the gold names it (36 names).
A Vocational College is not among them: it was a 职业学院 for 14 of 22 names, a 职业技术学院 or
a 学校 for the rest (Inner Mongolia Electronic Information Vocational College, a page's short
Dezhou Vocational College)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

# China's provinces as English pages name them (Shandong's 547 vocational schools): their Chinese names.
ENGLISH_PROVINCES = {
    "Hebei": "河北",
    "Shanxi": "山西",
    "Liaoning": "辽宁",
    "Jilin": "吉林",
    "Heilongjiang": "黑龙江",
    "Jiangsu": "江苏",
    "Zhejiang": "浙江",
    "Anhui": "安徽",
    "Fujian": "福建",
    "Jiangxi": "江西",
    "Shandong": "山东",
    "Henan": "河南",
    "Hubei": "湖北",
    "Hunan": "湖南",
    "Guangdong": "广东",
    "Hainan": "海南",
    "Sichuan": "四川",
    "Guizhou": "贵州",
    "Yunnan": "云南",
    "Shaanxi": "陕西",
    "Gansu": "甘肃",
    "Qinghai": "青海",
    "Beijing": "北京",
    "Shanghai": "上海",
    "Tianjin": "天津",
    "Chongqing": "重庆",
    "Inner Mongolia": "内蒙古",
    "Guangxi": "广西",
    "Ningxia": "宁夏",
    "Xinjiang": "新疆",
    "Tibet": "西藏",
    "Xizang": "西藏",
}


def gazetteer_lines(path: Path) -> list[str]:
    """The entries of a gazetteer file (cities.txt, cities_en.txt): its lines but blank ones and
    those # opens (comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln and not ln.startswith("#")]


# cities_en.txt: an English spelling and a Chinese name a line, tab between
CITIES_EN = {
    k: v
    for k, v in (ln.split("\t", 1) for ln in gazetteer_lines(Path(__file__).with_name("cities_en.txt")))
    if k not in ENGLISH_PROVINCES
}
PLACES_EN = {**CITIES_EN, **ENGLISH_PROVINCES}

_PLACE = "|".join(re.escape(p) for p in sorted(PLACES_EN, key=len, reverse=True))
_END = r"(?![A-Za-z'’\-])"  # a whole word
_WORD = rf"[A-Z][A-Za-z'’\-]*{_END}"
# and / & join words of one name (Vocational and Technical, Industry & Trade), not two names
# (… College and Zibo Vocational College): never before a place.
_JOIN = rf"(?:and|&)(?![ \t]+(?:{_PLACE}){_END})"
_KIND = rf"(?:College|Polytechnic|University|Institute|School|Academy){_END}"
PLACE_AT = re.compile(rf"(?:{_PLACE}){_END}")
# Words a name may hold between its place and its kind, and after its "of" (Guangdong Water Conservancy
# and Electric Power Vocational and Technical College has eight): a bound, so that a line of capitalised
# words with no college in it costs each place in it a bounded read, not the rest of the line.
NAME_WORDS = 12
# A place, the words of the name up to its first word of a kind (lazily: Jinhua Polytechnic, then
# College if it follows), then what an "of" adds (… College of Industry & Trade). One line only.
NAME = re.compile(
    rf"\b(?:{_PLACE}){_END}(?:[ \t]+(?:{_WORD}|{_JOIN})){{0,{NAME_WORDS}}}?[ \t]+{_KIND}"
    rf"(?:[ \t]+(?:College|University|Institute|School){_END})?"
    rf"(?:[ \t]+of(?:[ \t]+(?:{_WORD}|{_JOIN})){{0,{NAME_WORDS}}}[ \t]+{_WORD})?"
)

# the words of a college's field as its Chinese name writes them; a word with two readings
# (Financial: 金融 or 财经; Railway: 铁路 or 铁道; Construction: 建筑 or 建设) is not here
FIELDS = {
    "industry and trade": "工贸",
    "mechanical and electrical engineering": "机电",
    "mechanical and electrical": "机电",
    "mechatronic": "机电",
    "mechatronics": "机电",
    "electromechanical": "机电",
    "water conservancy and electric power": "水利电力",
    "water resources and electric power": "水利电力",
    "water conservancy and electricity": "水利电力",
    "water conservancy and hydropower": "水利水电",
    "water resources and hydropower": "水利水电",
    "environmental resources": "环境资源",
    "environment and resources": "环境资源",
    "urban construction": "城市建设",
    "economics and trade": "经贸",
    "economic and trade": "经贸",
    "science and technology": "科技",
    "light industry": "轻工",
    "electric power": "电力",
    "foreign affairs": "外事",
    "industry": "工业",
    "industrial": "工业",
    "engineering": "工程",
    "petroleum": "石油",
    "labour": "劳动",
    "labor": "劳动",
    "harbor": "港湾",
    "harbour": "港湾",
    "maritime": "海事",
    "ocean": "海洋",
    "agricultural": "农业",
    "agriculture": "农业",
    "chemical": "化工",
    "electronic": "电子",
    "electronics": "电子",
    "information": "信息",
    "tourism": "旅游",
    "energy": "能源",
    "city": "城市",
    "hardware": "五金",
    "textile": "纺织",
    "aviation": "航空",
    "nursing": "护理",
    "railway": "铁道",
    "forestry": "林业",
    "petrochemical": "石化",
    "coal": "煤炭",
    "electric": "电力",
    "geological engineering": "地质工程",
    "performing arts": "演艺",
    "arts and crafts": "工艺美术",
    "judicial police": "司法警官",
    "police officer": "警官",
    "police": "警官",
    "film and television": "影视",
    "pharmaceutical": "药科",
}
_FIELD = re.compile(r"\s*(" + "|".join(sorted(map(re.escape, FIELDS), key=len, reverse=True)) + r")\b")
# the forms whose Chinese is fixed: field words before (f) and after "of" (g), then the Chinese ending
FORMS = (
    (re.compile(r"(?P<f>.*?)\s*vocational (?:and )?technical college(?: of (?P<g>.+))?"), "职业技术学院"),
    (re.compile(r"(?P<f>.*?)\s*vocational institute of technology"), "职业技术学院"),
    (re.compile(r"(?P<f>.*?)\s*vocational institute of (?P<g>.+?)(?: technology)?"), "职业技术学院"),
    (re.compile(r"(?P<f>.*?)\s*polytechnic(?: college)?"), "职业技术学院"),
    (re.compile(r"(?P<f>.*?)\s*polytechnic university"), "职业技术大学"),
    (re.compile(r"(?P<f>.*?)\s*vocational university of (?P<g>.+?) technology"), "职业技术大学"),
    (re.compile(r"(?P<f>.*?)\s*vocational university(?: of (?P<g>.+))?"), "职业大学"),
    (re.compile(r"(?P<f>)open university"), "开放大学"),
    (re.compile(r"(?P<f>)minzu university"), "民族大学"),
    (re.compile(r"(?P<f>)university"), "大学"),
)


def _fields(words: str) -> str | None:
    """The Chinese of a run of field words, or None if a word is not in FIELDS."""
    out, at = [], 0
    while at < len(words):
        m = _FIELD.match(words, at)
        if m is None:
            return None if words[at:].strip() else "".join(out)
        out.append(FIELDS[m.group(1)])
        at = m.end()
    return "".join(out)


def chinese_name(english: str) -> str | None:
    """The Chinese name an English name says without a guess (Wuhai Vocational and Technical College
    → 乌海职业技术学院), else None. A Polytechnic of a province or municipality with no field word
    (Beijing Polytechnic, Shandong Polytechnic College) has no fixed Chinese."""
    if (at := PLACE_AT.match(english)) is None:
        return None
    place = at.group()
    rest = re.sub(r"\s+", " ", english[len(place) :].replace("&", "and").replace("-", " ")).strip().lower()
    for form, ending in FORMS:
        if (m := form.fullmatch(rest)) is None:
            continue
        before, after = _fields(m.group("f")), _fields(m.groupdict().get("g") or "")
        if before is None or after is None:
            return None
        if "polytechnic" in rest and place in ENGLISH_PROVINCES and not (before or after):
            return None
        return PLACES_EN[place] + before + after + ending
    return None


def canonical(english: str) -> str:
    """A college's name as the dataset writes it: in Chinese where its English says it, else in English."""
    return chinese_name(english) or english


def english_names(text: str) -> list[tuple[int, str]]:
    """The colleges an English text names, where (start) and as what (canonical)."""
    names: dict[str, str] = {}  # a page names its college many times: each name is read once
    return [
        (m.start(), names.get(m.group()) or names.setdefault(m.group(), canonical(m.group())))
        for m in NAME.finditer(text)
    ]


TITLE_WEIGHT = 3  # a name in the headline counts as often as three in the text


def subject_college(text: str, title: str | None) -> tuple[str, int] | None:
    """The college an English page is about: the one it names most (its headline counting three
    times), named at least twice and more often than any other; with how often."""
    counts = Counter(name for _, name in english_names(text))
    for _, name in english_names(title or ""):
        counts[name] += TITLE_WEIGHT
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0]
