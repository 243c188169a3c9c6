"""Parse numbers as Chinese reports write them: Arabic (half/full width, commas, decimals),
Chinese numerals (三, 两, 十二, 一百二十, 三千五百), mixed (3.5万, 1.2亿) and Traditional forms."""

from __future__ import annotations

import re

FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,  # a white circle for zero (一千○三十一人), as typeset Chinese often writes it
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Tens written as one character (廿五 = 25, 卅五 = 35, 卌 = 40), common in Taiwanese reports.
TENS = {"廿": "二十", "卄": "二十", "卅": "三十", "卌": "四十"}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_DIGIT_CHARS = "".join(DIGITS)
CN_NUM_CHARS = CN_DIGIT_CHARS + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "".join(TENS)
# Thousands grouped by commas (1,035), or by a space right after a word, a comma, a colon or a bracket
# (建设2 709个, 37支代表队、9 800多名选手, (16.40,47 000人/…): never in a table's row of cells, where a
# space separates numbers).
ARABIC = (
    r"(?:(?<=[\u4e00-\u9fff、，,（(：:；;])[0-9]{1,3}(?: [0-9]{3}(?![0-9]))+|[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*)"
    r"(?: ?[.．] ?[0-9０-９]+)?"  # a decimal point a PDF's text spaced out (40 . 93%, 37 .49%)
)
# An Arabic number optionally followed by a big multiplier (3.5万, 1.2亿, 3千).
ARABIC_MULT = rf"{ARABIC}(?:[千万萬亿億]+)?"
CHINESE = rf"[{CN_NUM_CHARS}]+"


def normalise_digits(text: str) -> str:
    return text.translate(FULLWIDTH)


def parse_chinese(text: str) -> float:
    """一百二十 → 120, 十二 → 12, 三千五百 → 3500, 两万 → 20000, 一二三 → 123 (digit string),
    廿五 → 25."""
    if not text:
        raise ValueError("empty numeral")
    text = text.replace("0", "〇").replace("０", "〇")  # 一五０: a fullwidth zero among Chinese digits
    for tens, written in TENS.items():
        text = text.replace(tens, written)
    if all(ch in DIGITS for ch in text) and len(text) > 1:
        return float("".join(str(DIGITS[ch]) for ch in text))
    total, section, digit = 0.0, 0.0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            mult = BIG_UNITS[ch]
            if section == 0:
                section = 1
            if mult == 10_000 and total >= 100_000_000 and total % 100_000_000 == 0:
                total += section * mult
            else:
                total = (total + section) * mult
            section, digit = 0.0, None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + (digit or 0)


def parse_number(text: str) -> float:
    """Value of a number as written: '1,035' → 1035, '3.5万' → 35000, '一百二十' → 120, '１２' → 12,
    '2萬7千' → 27000, '1億2千萬' → 120000000."""
    s = normalise_digits(text).replace(",", "").replace(" ", "")
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([千万萬亿億]*)", s)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= SMALL_UNITS.get(ch) or BIG_UNITS[ch]
        return value
    if re.fullmatch(r"(?:[0-9]+[千百十万萬亿億]+)+[0-9]*", s):
        return parse_mixed(s)
    if m := _CN_DECIMAL.fullmatch(s):  # 二點二萬 → 22000, 一點八 → 1.8
        whole, digits, mult = m.groups()
        value = parse_chinese(whole) + float("0." + "".join(str(DIGITS[ch]) for ch in digits))
        for ch in mult:
            value *= BIG_UNITS[ch]
        return round(value, 10)
    return parse_chinese(s)


# A decimal in Chinese numerals (一點八倍, 約二點二萬人): the whole, 点, the digits after; CN_DECIMAL is the
# grammar's scan for it, _CN_DECIMAL reads it (a white circle for zero among the digits too).
_DECIMAL_DIGITS = "零〇一二三四五六七八九"
CN_DECIMAL = rf"[{CN_DIGIT_CHARS}十]+[点點][{_DECIMAL_DIGITS}]+"
_CN_DECIMAL = re.compile(rf"([^点點]+)[点點]([{_DECIMAL_DIGITS}○]+)([万萬亿億]*)")
# A year in four digits (2019 graduates, 2023家政论坛, | 2020 | 95.2% |): fullmatched against a number.
YEAR = re.compile(r"(?:19|20)[0-9]{2}")


# Two neighbouring digits before a unit of ten or more are a rough range, not a number: 七八十人 is
# 70 to 80 people (not 80), 两三百 200 to 300, 三四十万 300,000 to 400,000, 十七八家 17 to 18 firms.
_NEIGHBOURS = re.compile(r"(?P<a>[一二两兩三四五六七八])(?P<b>[二两兩三四五六七八九])(?P<tail>[十百千万萬亿億]+)")
_TEENS = re.compile(r"十(?P<a>[一二三四五六七八])(?P<b>[二三四五六七八九])")


def neighbour_range(text: str) -> tuple[str, str] | None:
    """The two ends of a rough range written with neighbouring digits (七八十 → 七十, 八十;
    十七八 → 十七, 十八), or None where the numeral is no such range (一二三, 三五十)."""
    if m := _NEIGHBOURS.fullmatch(text):
        a, b, tail = m.group("a", "b", "tail")
        if DIGITS[b] == DIGITS[a] + 1:
            return a + tail, b + tail
    elif m := _TEENS.fullmatch(text):
        a, b = m.group("a", "b")
        if DIGITS[b] == DIGITS[a] + 1:
            return "十" + a, "十" + b
    return None


def number_or_none(text: str) -> float | None:
    """parse_number's value, or None where the text is no number it can read."""
    try:
        return parse_number(text)
    except (ValueError, KeyError):
        return None


def parse_mixed(text: str) -> float:
    """Arabic digits between Chinese multipliers, read by sections like a Chinese numeral:
    2萬7千 → 27000, 1億2千萬 → 120000000, 1亿5000万 → 150000000."""
    total, section, digit = 0.0, 0.0, None
    for tok in re.findall(r"[0-9]+|.", text):
        if tok.isdigit():
            digit = float(tok)
        elif tok in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[tok]
            digit = None
        else:
            mult = BIG_UNITS[tok]
            section += digit or 0
            section = section or 1
            if mult == 10_000 and total >= 100_000_000 and total % 100_000_000 == 0:
                total += section * mult
            else:
                total = (total + section) * mult
            section, digit = 0.0, None
    return total + section + (digit or 0)


def tidy(value: float) -> float | int:
    """An int where the value is whole (for JSON and CSV without a trailing .0)."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
