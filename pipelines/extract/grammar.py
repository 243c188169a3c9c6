"""The grammar of a quantity in running text: [bound] number [range] [approx] [unit] [after-mark].

`find_candidates` yields every span that reads as a quantity; whether it is a *fact* is
decided later (filters.py). Positions are into the text as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ARABIC, CN_NUM_CHARS

PREFIX_MARKS = {
    "近": "approx",
    "约": "approx",
    "約": "approx",
    "接近": "approx",
    "将近": "approx",
    "將近": "approx",
    "大约": "approx",
    "大約": "approx",
    "超过": "at_least",
    "超過": "at_least",
    "逾": "at_least",
    "突破": "at_least",
    "高于": "at_least",
    "高於": "at_least",
    "多于": "at_least",
    "大于": "at_least",
    "超": "at_least",
    "不足": "at_most",
    "不到": "at_most",
    "低于": "at_most",
    "低於": "at_most",
    "少于": "at_most",
    "小于": "at_most",
    "不超过": "at_most",
    "不超過": "at_most",
    "不少于": "at_least",
    "不低于": "at_least",
    "不少於": "at_least",
    "不低於": "at_least",
}
SUFFIX_MARKS = {"余": "at_least", "餘": "at_least", "多": "at_least"}
AFTER_MARKS = {
    "以上": "at_least",
    "左右": "approx",
    "以下": "at_most",
    "以内": "at_most",
    "以內": "at_most",
    "之多": "at_least",
    "有余": "at_least",
    "有餘": "at_least",
}

_prefix = "|".join(sorted(map(re.escape, PREFIX_MARKS), key=len, reverse=True))
_after = "|".join(sorted(map(re.escape, AFTER_MARKS), key=len, reverse=True))
_cn = f"[{CN_NUM_CHARS}]+"
_num = rf"(?:{ARABIC}(?:[千万萬亿億](?![元]))*|{_cn})"
_measure = (
    r"人日|人天|人·日|人次|人·次|学时|课时|小时|平方米|万册|台套|"
    r"[千万萬亿億]?(?:美元|元)|[%％]|[人名位篇项項件门種种部本场期个個家所间間座支套台批户戶类類次条册㎡亩畝]"
)
QUANTITY = re.compile(
    rf"(?P<pre>{_prefix})?"
    rf"(?P<num>{_num})"
    rf"(?:(?P<rsep>[—–\-~～至到])(?P<num2>{_num}))?"
    rf"(?P<suf>[余餘多])?"
    rf"(?P<unit>{_measure}|(?<=[{CN_NUM_CHARS}])大(?=[\u4e00-\u9fff]))"
    rf"(?P<after>{_after})?"
)
PERCENT_WORDS = re.compile(
    rf"(?P<pre>{_prefix})?(?P<unit>百分之)(?P<num>{_num}(?:[.点][0-9零一二三四五六七八九]+)?)(?P<after>{_after})?"
)


_table_unit = (
    r"万元|亿元|千元|元|萬元|億元|人日|人天|人次|人|名|位|项|項|件|个|個|家|所|门|种|篇|部|本|学时|课时|户|%|％"
)
_cell_num = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9]+)?"
_cell_sep = r"(?:\t| {2,}|[ \t]*[|｜][ \t]*)"
# A statistics-table row as decoded text: a label with its unit in brackets (or in its own
# cell), then one or more number cells: 横向技术服务到款额（万元）\t1256.80
TABLE_ROW = re.compile(
    rf"^(?P<label>[^\t\n|｜]{{2,40}}?)[ \t]*(?:[（(](?P<unit>{_table_unit})[）)]|{_cell_sep}(?P<unit2>{_table_unit}))"
    rf"[ \t]*[:：]?(?P<cells>(?:{_cell_sep}[ \t]*{_cell_num}[ \t]*)+)"
    rf"(?:{_cell_sep}[+\-－—–±↑↓][^\t\n]*)*$",  # trailing change cells (+12.5%, -3.2) are not levels
    re.M,
)
_CELL_NUM = re.compile(_cell_num)


@dataclass(frozen=True)
class Candidate:
    start: int  # whole match, marks included
    end: int
    num_start: int  # the number_text span
    num_end: int
    number: str  # the number as written, without marks
    number2: str | None  # upper end of a range
    unit_text: str
    prefix: str | None
    suffix: str | None
    after: str | None
    unit_start: int
    unit_end: int
    table_label: str | None = None  # set for a number read from a statistics-table row


def find_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in QUANTITY.finditer(text):
        out.append(_from_match(m))
    for m in PERCENT_WORDS.finditer(text):
        start = m.start("pre") if m.group("pre") else m.start("unit")
        out.append(
            Candidate(
                start=start,
                end=m.end(),
                num_start=m.start("unit"),
                num_end=m.end("num"),
                number=m.group("num"),
                number2=None,
                unit_text="百分之",
                prefix=m.group("pre"),
                suffix=None,
                after=m.group("after"),
                unit_start=m.start("unit"),
                unit_end=m.end("unit"),
            )
        )
    out += table_candidates(text)
    out.sort(key=lambda c: c.start)
    return out


def table_candidates(text: str) -> list[Candidate]:
    out = []
    for m in TABLE_ROW.finditer(text):
        unit_group = "unit" if m.group("unit") else "unit2"
        for n in _CELL_NUM.finditer(text, m.start("cells"), m.end("cells")):
            out.append(
                Candidate(
                    start=m.start("label"),
                    end=n.end(),
                    num_start=n.start(),
                    num_end=n.end(),
                    number=n.group(),
                    number2=None,
                    unit_text=m.group(unit_group),
                    prefix=None,
                    suffix=None,
                    after=None,
                    unit_start=m.start(unit_group),
                    unit_end=m.end(unit_group),
                    table_label=m.group("label").strip(),
                )
            )
    return out


def _from_match(m: re.Match) -> Candidate:
    number, unit = m.group("num"), m.group("unit")
    num_end = m.end("num2") if m.group("num2") else m.end("num")
    # Money's multiplier belongs to the unit as written (1400万元 → 1400 + 万元) unless an
    # approximation mark sits between (3万余元 → 3万余 + 元).
    unit_start = m.start("unit")
    if unit.endswith("元") and not m.group("suf") and not m.group("num2"):
        mult = ""
        while number and number[-1] in "千万萬亿億" and len(number) > 1:
            mult = number[-1] + mult
            number = number[:-1]
        if mult:
            unit = mult + unit
            num_end -= len(mult)
            unit_start -= len(mult)
    if m.group("suf"):
        num_end = m.end("suf")
    start = m.start("pre") if m.group("pre") else m.start("num")
    num_start = start if m.group("pre") in ("近", "约", "約") else m.start("num")
    return Candidate(
        start=start,
        end=m.end(),
        num_start=num_start,
        num_end=num_end,
        number=number,
        number2=m.group("num2"),
        unit_text=unit,
        prefix=m.group("pre"),
        suffix=m.group("suf"),
        after=m.group("after"),
        unit_start=unit_start,
        unit_end=m.end("unit"),
    )
