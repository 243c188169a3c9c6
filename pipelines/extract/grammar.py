"""The grammar of a quantity in running text: [bound] number [range] [approx] [unit] [after-mark].

`find_candidates` yields every span that reads as a quantity; whether it is a *fact* is
decided later (filters.py). Positions are into the text as given.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from .box_tables import box_table_candidates
from .cells import (
    CELL_NUM,
    CELL_NUMBER,
    ENGLISH_BRACKETED_UNIT,
    HEADER_UNITS,
    NOTE_ALONE,
    RANGE_CELL,
    TABLE_UNIT,
    Candidate,
    cell_candidate,
    english_unit,
    header_unit,
    matched_candidate,
    opens_with,
    span_candidate,
)
from .english import english_candidates, english_spans
from .line_tables import cell_per_line_candidates
from .numbers import ARABIC, CN_DECIMAL, CN_NUM_CHARS, YEAR, neighbour_range, parse_number
from .simplify import PINYIN_GLOSS
from .space_tables import area_table_candidates, noted_table_candidates, space_table_candidates
from .units import MONEY_UNIT, head_noun_before

PREFIX_MARKS = {
    "近": "approx",
    "约": "approx",
    "约为": "approx",
    "约计": "approx",  # 約計30萬人: about, as a total reckons it
    "約計": "approx",
    "约合": "approx",  # 约合300万元: about, as a conversion gives it (an exchange rate is no fact: filters)
    "約合": "approx",
    "约有": "approx",
    "約有": "approx",
    "約為": "approx",
    "大概": "approx",
    "約": "approx",
    "接近": "approx",
    "逼近": "approx",
    "将近": "approx",
    "將近": "approx",
    "大约": "approx",
    "大約": "approx",
    # a share about so large (理论部分约占30%): about, as 约 alone is
    "约占": "approx",
    "約占": "approx",
    "約佔": "approx",
    "超过": "at_least",
    "超過": "at_least",
    "超过了": "at_least",
    "至少": "at_least",
    "最多": "at_most",  # 每班最多四名: a cap (最多的 is no mark: it is not before a number)
    "至少有": "at_least",
    "超過了": "at_least",
    "突破了": "at_least",
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
    "上限": "at_most",  # a cap (交通補助上限5萬2500元)
    # up to, as a grant or a wage is capped (补助受训费用最高10万元, 最高可達6000元, 最多可领9万6000元);
    # 最高达 is the highest reached (月薪最高达6000元): no mark
    "最高": "at_most",
    "最高可": "at_most",
    "最高可达": "at_most",
    "最高可達": "at_most",
    "最高可获": "at_most",
    "最高可獲": "at_most",
    "最高可领": "at_most",
    "最高可領": "at_most",
    "最高补助": "at_most",
    "最高補助": "at_most",
    "最多可": "at_most",
    "最多可领": "at_most",
    "最多可領": "at_most",
    "最多可获": "at_most",
    "最多可獲": "at_most",
    "上限为": "at_most",
    "上限為": "at_most",
    "上": "at_least",  # only before a bare order of magnitude, see _prefix
    # signs, as tables write them (<1%, ＞90%)
    "<": "at_most",
    "＜": "at_most",
    "≤": "at_most",
    ">": "at_least",
    "＞": "at_least",
    "≥": "at_least",
}
# 十几 (ten and some: the teens) is at least ten, as 10多 is; 几十 is no number (filters: a vague count)
SUFFIX_MARKS = {
    "余": "at_least",
    "餘": "at_least",
    "多": "at_least",
    "几": "at_least",
    "幾": "at_least",
    "+": "at_least",
}
AFTER_MARKS = {
    "以上": "at_least",
    "左右": "approx",
    "以下": "at_most",
    "以内": "at_most",
    "以內": "at_most",
    "之多": "at_least",
    "有余": "at_least",
    "有餘": "at_least",
    "多": "at_least",  # only after 成 (1成多: more than a tenth); 3个多月 is a duration
    "起跳": "at_least",  # 月薪10萬元起跳: pay starting from (not 起 alone: 118万起 counts cases)
}

# 上 marks "over" only before a bare order of magnitude (上億人次, 上千家): not 以上3个.
_prefix = "|".join(sorted((re.escape(p) for p in PREFIX_MARKS if p != "上"), key=len, reverse=True))
_prefix += r"|(?<!以)上(?=[百千万萬亿億][^\d])"
# A mark that is the end of another word is no mark (checked on each match, not at every position of
# the scan): 已签约1.43万人 is signing, not about; 达到最多78所 is a peak, not a cap.
NOT_A_MARK_AFTER = {
    "约": "签簽合预預相制节節契公条條邀违違履",
    "約": "签簽合预預相制节節契公条條邀违違履",
    "最多": "达達到",
}
_after = "|".join(sorted((re.escape(m) for m in AFTER_MARKS if m != "多"), key=len, reverse=True)) + "|(?<=成)多"
_cn = f"[{CN_NUM_CHARS}][{CN_NUM_CHARS}０]*"  # 一五０組: a fullwidth zero among Chinese digits (Taiwan's style)
_sp = r"[ \u3000]?"  # a stray space inside a number phrase (50 余家, 近200 个, 22.60 萬人)
_gloss = r"(?:[(（【][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）】])?"  # 萬(wàn)人: a spam site's pinyin
# Digits between multipliers (2萬7千, 1億2千萬, 1亿5000万): one number, read in sections.
# 19萬2千5百元, 5萬2500元 (a cheque's wording) and 2萬5908人 (as Taiwanese news writes a count): the
# digits after 万 are its lower sections, never more than four of them; after 億 the 萬 may group its
# thousands (1億7,200萬元).
_mixed = (
    r"[0-9]+[亿億](?:[0-9]+千[万萬]?|(?:[0-9],[0-9]{3}|[0-9]+)[万萬])|[0-9]+[万萬][0-9]+千(?:[0-9]+百)?"
    r"|(?<![0-9.．])[0-9]+[万萬](?:[0-9],[0-9]{3}|[0-9]{1,4})(?![0-9.．,，千百十万萬亿億])"
)
_num = rf"(?:{_mixed}|{ARABIC}(?:{_sp}[千万萬亿億](?![元]){_gloss})*|{CN_DECIMAL}(?:[万萬亿億](?![元]))?|{_cn})"
_measure = (
    r"人日|人天|人·日|人/[日天]|人次|人·次|人[(（]次[)）]|人/次|[个個]?(?:学时|學時|课时|課時)|学时|课时|小时|小時|平方米|平方公尺|平方公里|平方千米|公顷|公頃|m2(?![0-9A-Za-z])|m²|万册|台套|项次|項次|场次|場次|家次|班次|"
    r"[个個](?:[(（][a-zè]{1,4}[)）])?百分[点點]|百分[点點]|倍|"
    r"分(?![钟鐘配类類别別析布佈工院校会會享担擔期批红紅级級管数數厂廠部局社支之秒段赴])|"  # scores; see filters
    # machines (台, 臺), not a place the name of which opens with 台 (2024台湾大学生…, 2019台州…)
    # storeys (食堂3层, 为五层综合实训大楼), not a floor's name (一层为大食堂, 北楼二层报告厅)
    rf"{MONEY_UNIT}|[%％]|[人名位篇项項件门門種种本场期个個家间間座支套批户戶类類次条册冊张張場㎡亩畝班枚只栋棟幢份款辆輛艘]|[台臺](?![湾灣州北南中东東山])|架(?![构構])|集(?![团團中聚成体體训訓市镇鎮约約合资資群散装裝])|所(?![述谓謂以]|示(?![范範]))|[处處](?![理于於长長置罚罰分境事])|堂(?=[课課])|部(?![门門委分队隊长長署])|(?:(?<=[0-9０-９])|(?<=[0-9０-９] ))[队隊](?![员員伍长長列形])|[组組](?![织織建成合])|面(?=[金银銀铜銅奖獎]牌|金手)|[块塊](?=[金银銀铜銅奖獎]牌)|(?:(?<=[牌勝胜]\d)|(?<=[牌勝胜]\d\d)|(?<=[牌勝胜]\d\d\d))面|[层層](?=[，,。；;、\s]|共|框架|结构|結構|[\u4e00-\u9fff]{{0,6}}(?:楼|樓|大厦|大廈|建筑|建築))"
)
# Nouns counted with no measure word (两企业, 4中心, 3室, 12校): the noun is the unit as written.
_MEDAL_END = r"[、，,。；;）)和及的!！\s]|$"  # 3金3銀5銅的成績, 21金!
BARE_NOUNS = (
    r"企业|企業|基地|中心|平台|平臺|工作室|实训室|實訓室|室|校|省区市|省市|省份|市(?![场民级长委政])|"
    r"[职職][类類种種]|"  # a contest's trades (7職類有44人獲獎)
    # awards counted with no measure word: 20金手46優勝, 4金3银2铜 (a lone 金 only before its 银)
    r"金手[奖獎]?|[优優][胜勝]|金牌|[银銀]牌|[铜銅]牌|"
    # awards so counted (榮獲434獎項、71特別獎及9其他獎項)
    r"(?:其他|其它)?[奖獎]项|(?:其他|其它)?[奖獎]項|特[别別][奖獎]|"
    # a lone 金, 银 or 铜 only before the next medal's count or at the end of a clause (获21金、3银)
    rf"[金银銀铜銅](?=[0-9一二三四五六七八九十]+[金银銀铜銅优優]|{_MEDAL_END})|"
    r"[铜銅](?=[’”」』'])"  # a quoted tally's last (‘10金3銀4銅’; 五金” is hardware)
)
# People counted in 万 or 亿 with no measure word (约8万产业工人, 769万技能精英): the unit is empty.
PERSON_NOUNS = (
    r"技术技能人才|技術技能人才|技能人才|高素质|高素質|人才|产业工人|產業工人|工人|毕业生|畢業生|学生|學生|学员|學員|"
    r"劳动者|勞動者|技能精英|职工|職工|员工|員工|农民|農民|從業人員|从业人员|青年|人員|人员|退役士兵|退役军人|退役軍人|"
    r"教师|教師|教职工|教職工|老师|老師|"
    r"年轻人|年輕人|师生|師生|市民|残疾人|殘疾人|在校生|留学生|留學生|学子|學子|群众|群眾|用户|用戶|"
    r"青少年|妇女|婦女|农民工|農民工|劳动力|勞動力|官兵|应届生|應屆生|新农人|新農人"
)
# The person noun right after the 万, or after its approximation mark and 的 (1000万左右的高素质技术技能人才),
# or a few words of description before it (5.82万农村劳动力, 6万中职贫困毕业生, 200万AI人才) where the
# noun ends the phrase (a stop, the text's end or a verb after it: not 5万学生公寓) and the words are no
# verb of giving or helping (省财政2500万帮扶残疾人: yuan given to people).
_PEOPLE_END = r"(?=[^\u4e00-\u9fff]|$|[实就参加从进获走返在赴到得受提接开完成为是将已均都也被来和与及等增脱致创务])"
PEOPLE_AFTER = rf"(?:(?:{_after})的?)?(?:(?:{PERSON_NOUNS})|(?:(?!专业|專業|[余餘多帮幫扶助资資用投给給为為向对對补補奖獎])[\u4e00-\u9fffA-Za-z]){{1,4}}?(?:{PERSON_NOUNS}){_PEOPLE_END})"
# Jobs counted in 万 with no measure word (携1.3万余岗位进场): a count of jobs, base unit other.
JOBS_AFTER = r"(?:[个個])?(?:就业|就業)?(?:岗位|崗位|职位|職位)"
# 毕业生超2.8万，其中1.2万进入吉利: people counted in 万 with the noun before the number and a
# verb or a stop after it; filters.people_in_wan keeps only those whose clause names people.
# Money named right after an amount in 万 or 亿 (投入近800萬經費): yuan (filters.bare_wan_counts).
MONEY_AFTER = r"经费|經費|资金|資金"
PEOPLE_VERB_AFTER = (
    r"[，,。；;）)（(]|进入|進入|走上|走向|就业|就業|成为|成為|考取|取得|获得|獲得|留在|扎根|紮根|"
    r"设立|設立|用于|用於|建成|建设|建設|打造|购置|購置|"  # 捐资10万设立奖学金, 耗资1.2亿建成…: an amount (filters.bare_wan_counts says of what)
    r"开发|開發|兴建|興建|新建|修建|扩建|擴建|改造|" + MONEY_AFTER  # 斥資10億開發高鐵校區
)
# 八成, 9成, 八成二: tenths of a whole, a share (not 成立, 成果, 成为 …); a digit after 成 is
# hundredths (八成二 = 82 percent).
TENTHS = r"成(?:[一二三四五六七八九](?![十百千万萬成])|[1-9](?![0-9.])|半)?(?![立果为為员員本效功长長熟绩績型员熟交]|就(?![业業]))"
# A quantity opens with a mark, a digit or a numeral (a lookahead on them: the scan 2.8x faster).
_OPENS = opens_with([*PREFIX_MARKS, *"0123456789０１２３４５６７８９", *CN_NUM_CHARS])
QUANTITY = re.compile(
    # 超 95%: a space may follow the mark, as it may precede the unit; so may a currency (約新台幣12億元, 約美金 666 元)
    # a mirror's pinyin gloss may stand between the mark and the number (不超過(guò)6000元)
    rf"{_OPENS}(?:(?P<pre>{_prefix})(?:{_sp}|(?:新[台臺][幣币]|人民[币幣]|美金|美元|港[幣币元]|澳[門门][幣币]){_sp}|{PINYIN_GLOSS.pattern}))?"
    rf"(?P<num>{_num})"
    # a range may write its unit on both ends (8%-12%, 3000元至4000元): the unit is then the same
    rf"(?:(?P<pct1>[%％]|万元|萬元|亿元|億元|元|人次|人|名|个|個|家|所|项|項)?(?P<rsep>[—–\-~～至到])(?P<num2>{_num}))?"
    rf"(?:{_sp}(?P<suf>[余餘多]|(?<=十)[几幾])(?P<mult>[万萬亿億](?!美?元))?)?{_sp}"
    rf"(?P<unit>(?(pct1)(?:(?P=pct1)|(?<=[0-9０-９])[%％])|(?:{_measure}|(?<=[{CN_NUM_CHARS}0-9])大(?=[\u4e00-\u9fff])|(?:{BARE_NOUNS})|{TENTHS}"
    rf"|(?<=[百千万萬亿億])(?={PEOPLE_AFTER}|{JOBS_AFTER})|(?<=[万萬亿億][余餘多])(?={PEOPLE_AFTER}|{JOBS_AFTER})"
    rf"|(?<=[万萬亿億])(?={PEOPLE_VERB_AFTER}))))"
    rf"(?P<after>{_after})?"
)
PERCENT_WORDS = re.compile(
    # 百分百 is 百分之百, one hundred percent
    rf"{opens_with([*PREFIX_MARKS, '百'])}(?P<pre>{_prefix})?(?P<unit>百分之|百分(?=百))(?P<num>{_num}(?:[.点][0-9零一二三四五六七八九]+)?)(?P<after>{_after})?"
)

# Half (半数以上的毕业生, 超过半数): a share of 50 percent.
HALF = re.compile(rf"(?P<num>半数|半數)(?P<after>{_after})?")
# A fraction in words (四分之一, 三分之二): a share, in percent.
FRACTION = re.compile(
    rf"(?P<den>[二两三四五六七八九十]{{1,3}})分之(?P<num>[一二两三四五六七八九十]{{1,3}})(?P<after>{_after})?"
)
# The approximation mark right before a share in words (超过半数, 近三分之二): read after the share is
# found, so that the scan for it is not tried at every position of the text.
PREFIX_BEFORE = re.compile(rf"(?:{_prefix})$")


_cell_sep = r"(?:\t| {2,}|[ \t]*[|｜][ \t]*)"
# A statistics-table row as decoded text: a label with its unit in brackets (or in its own
# cell), then one or more number cells: 横向技术服务到款额（万元）\t1256.80
TABLE_ROW = re.compile(
    # a markdown row opens with its bar (| 专任教师数(万人) | 4.63 | 4.55 |) and may end in empty cells
    rf"^(?:[ \t]*[|｜])?[ \t]*(?P<label>[^\t\n|｜]{{2,40}}?)[ \t]*"
    rf"(?:[（(](?P<unit>{TABLE_UNIT})[）)]|{_cell_sep}(?P<unit2>{TABLE_UNIT}))"
    rf"[ \t]*[:：]?(?P<cells>(?:{_cell_sep}[ \t]*{CELL_NUMBER}(?:[ \t]*[-–~～至][ \t]*{CELL_NUMBER}|[ \t]*[+＋])?[ \t]*)+)"
    rf"(?:{_cell_sep}[+\-－—–±↑↓][^\t\n]*)*(?:[ \t]*[|｜])*[ \t]*$",  # trailing change cells (+12.5%, -3.2) are not levels
    re.M,
)
# What every TABLE_ROW holds on its line: a cell separator, then a number. TABLE_ROW's lazy label is
# tried at every line's start; only the lines with such a cell are tried (the same rows, found in a
# fraction of the time on prose).
ROW_GATE = re.compile(r"(?:\t|  |[|｜])[ \t]*[0-9０-９]")


def table_rows(text: str):
    """TABLE_ROW's matches in text, as its finditer finds them (a row lies within its line)."""
    pos = 0
    while g := ROW_GATE.search(text, pos):
        line = text.rfind("\n", pos, g.start()) + 1 or pos  # back to its line's start, never past pos
        end = text.find("\n", g.end())
        pos = len(text) if end < 0 else end + 1  # one try a line: each character is read a bounded number of times
        if m := TABLE_ROW.match(text, line):
            yield m


# A number cell of such a row: a range (生均拨款(万元) | 1.2-1.8 |) is one fact at its lower end, a
# number with a plus (合作企业数量(家) | 200+ |) at least that.
ROW_CELL = re.compile(rf"(?P<num>{CELL_NUMBER})(?:[ \t]*[-–~～至][ \t]*(?P<num2>{CELL_NUMBER})|[ \t]*(?P<plus>[+＋]))?")
# A table's unit note (单位:比例(%), 单位：人数(人),比例(%)): the units it lists, in order.
UNIT_NOTE = re.compile(r"^\s*单位\s*[:：]")
_UNIT_CELL = re.compile(rf"(?:{TABLE_UNIT})")
_WHOLE_NOTE = re.compile(rf"^\s*{NOTE_ALONE}(?:[|｜\s]*)$")
_NOTE_UNIT = re.compile(rf"[（(]({TABLE_UNIT})[）)]")
_ENGLISH_WHOLE_NOTE = re.compile(rf"^[\s|｜]*{ENGLISH_BRACKETED_UNIT}[\s|｜]*$")
# label(number) inside a cell (其他企业(50.47),其他(37.18)): the number of that label.
_LABELLED_NUM = re.compile(r"(?P<label>[^\s()（）,，|｜:：]{1,16})[（(](?P<num>[0-9]+(?:\.[0-9]+)?)[)）]")
_COUNT_ABOVE = re.compile(r"人数|人數|人次")
_COUNT_CELL = re.compile(r"^.{0,6}?(?P<noun>[\u4e00-\u9fff]{2,4})[数數]$")
_PIPE_CELL = re.compile(r"[^|｜\n]+")


def _share_in_words(text: str, m: re.Match, unit: str) -> Candidate:
    """半数以上, 近三分之二: a share written in words; the words after it say what it is a share of."""
    num_start = m.start("den") if "den" in m.re.groupindex else m.start("num")
    lead = max(0, num_start - 4)
    pre = PREFIX_BEFORE.search(text, lead, num_start)
    return Candidate(
        start=pre.start() if pre else num_start,
        end=m.end(),
        num_start=num_start,
        num_end=m.end("num"),
        number=text[num_start : m.end("num")],
        number2=None,
        unit_text=unit,
        prefix=pre.group() if pre else None,
        suffix=None,
        after=m.group("after"),
        unit_start=m.end("num"),
        unit_end=m.end("num"),
    )


def find_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in QUANTITY.finditer(text):
        out.append(_from_match(m))
    # 百分之's pattern opens with an optional mark, which a scan tries at every position: a text
    # without 百分之 or 百分百 skips it (百分点, far more common, opens no such share; 半数 and 分之 find
    # their core first and read the mark back: _share_in_words)
    for m in PERCENT_WORDS.finditer(text) if "百分之" in text or "百分百" in text else ():
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
    for rx, unit in ((HALF, "半数"), (FRACTION, "分之")):
        out += [_share_in_words(text, m, unit) for m in rx.finditer(text)]
    # a table's cell is read once, as the table reads it (with its row and column)
    out = _read_instead(out, table_candidates(text))
    # a bilingual page's English counts (over 5,700 trainees), and shares with an English mark
    # (above 96%) read by the English reader, mark and all
    out = _read_instead(out, english_candidates(text))
    out = _within_instead(out, english_spans(text))
    out = _within_instead(out, ratio_candidates(text))  # 19.6:1 is one ratio, not 19.6 and 1
    out = _within_instead(out, lost_point_candidates(text))  # 96 30%: one share, its point lost
    out = _within_instead(out, slash_fraction_candidates(text))  # 2/3的学生: one share, not 2 and 3
    out = _within_instead(out, thousands_candidates(text))  # 起薪45~48K: one pay in thousands
    spaced = spaced_candidates(text)
    if spaced:  # a letter-spaced number is read whole, not as its last digit (7 4 . 0 5 % is not 5 %)
        taken = [(s.num_start, s.unit_end) for s in spaced]  # a table row's reading spans its row: its number
        out = [c for c in out if not any(a < c.unit_end and c.num_start < b for a, b in taken)] + spaced
    out.sort(key=lambda c: c.start)
    return out


def _within_instead(out: list[Candidate], ranges: list[Candidate]) -> list[Candidate]:
    """out without the numbers inside a range's span (a range's two ends, read one by one), and
    the ranges."""
    if not ranges:
        return out
    inside = {i for r in ranges for i in range(r.num_start, r.num_end)}  # ranges are short: linear
    return [c for c in out if c.num_start not in inside] + ranges


def _read_instead(out: list[Candidate], better: list[Candidate]) -> list[Candidate]:
    """out without the numbers a more specific reader read (the same number span), and its reading."""
    if not better:
        return out
    spans = {(c.num_start, c.num_end) for c in better}
    return [c for c in out if (c.num_start, c.num_end) not in spans] + better


# A letter-spaced line (a PDF's justified heading or a spaced-out paragraph: 省 内 生 源 中 , 7 4 . 0 5 %)
# puts a space between every character, digits included: read such a number whole where the two
# characters before it are spaced out too.
SPACED = re.compile(
    r"(?=[0-9])(?<=[^\s|｜] [^\s|｜] )(?P<num>[0-9](?: [0-9])*(?: [.．] [0-9](?: [0-9])*)?) ?(?P<unit>[%％人名家个個所项項件])"
    r"(?=\s|[^0-9]|$)"
)


# A ratio written with a colon (生师比为19.6:1, 录取比例3∶1, 师生比1:15): one fact, the number that is
# not 1 (the spec's facts in the gold are labelled so, base unit other), where a word for a ratio
# stands in the few characters before it: a time (10:30) or a score has none.
RATIO = re.compile(
    r"(?<![0-9.．:：∶])(?:(?P<num>[0-9]+(?:[.．][0-9]+)?)[ \t]*(?P<unit>[:：∶][ \t]*(?:1|100))"
    r"|(?P<one>1[ \t]*[:：∶])[ \t]*(?P<num2>[0-9]+(?:[.．][0-9]+)?))(?![0-9:：∶]|[.．][0-9])"
)
RATIO_WORD = re.compile(r"比例|[师生師]比|之比|比率|比为|比為|比达|比達|ratio", re.IGNORECASE)
RATIO_REACH = 24  # characters: a Chinese clause's few words, an English one's (ratio in colleges was)


def ratio_candidates(text: str) -> list[Candidate]:
    if ":" not in text and "：" not in text and "∶" not in text:
        return []
    out = []
    for m in RATIO.finditer(text):
        if not RATIO_WORD.search(text, max(0, m.start() - RATIO_REACH), m.start()):
            continue
        if m.group("num") is not None:
            num, (us, ue) = m.group("num"), m.span("unit")
            ns, ne = m.span("num")
        else:
            num, (us, ue) = m.group("num2"), m.span("one")
            ns, ne = m.span("num2")
        unit_text = text[us:ue].replace(" ", "").replace("\t", "")
        out.append(span_candidate(m.start(), m.end(), (ns, ne), (us, ue), num, unit_text))
    return out


# A mirror that lost every decimal point of its shares, a space or a question mark in its place
# (就业率为96 30%, 上升為46?36%): where a text writes two such shares and no share with its point,
# each is read with its point back (96.30%). A share of at most 100: a table's row written with spaces
# (2016-2018 127 9% 15%) holds a count and a share, not 127.9%.
LOST_POINT = re.compile(r"(?<![0-9.．])(?P<whole>[0-9]{1,2}|100)[ ?？](?P<part>[0-9]{1,2})(?P<unit>[%％])")
KEPT_POINT = re.compile(r"[0-9][.．][0-9]+[%％]")


# A fraction with a slash (为全国2/3的中职学生, 約1/5建教生, 全台1/5): a share, where a word of
# proportion stands before it or 的 after it; a date (9/16) has neither, nor is its first part smaller.
SLASH_FRACTION = re.compile(
    r"(?:(?<=[约約近占佔為为逾的])|(?<=全台|全国|全國|超过|超過))(?P<num>[1-9])/(?P<den>[1-9][0-9]?)(?![0-9/／.])"
    r"|(?<![0-9/／.])(?P<num2>[1-9])/(?P<den2>[1-9][0-9]?)(?=的)"
)


def slash_fraction_candidates(text: str) -> list[Candidate]:
    if "/" not in text:
        return []
    out = []
    for m in SLASH_FRACTION.finditer(text):
        g = ("num", "den") if m.group("num") else ("num2", "den2")
        if int(m.group(g[0])) >= int(m.group(g[1])):
            continue
        span = (m.start(g[0]), m.end(g[1]))
        c = span_candidate(m.start(), m.end(), span, (m.start(g[0]) + 1, m.start(g[0]) + 2), m.group(), "/")
        mark = text[m.start() - 1 : m.start()]
        out.append(replace(c, start=m.start() - 1, prefix=mark) if mark in PREFIX_MARKS else c)  # 約1/5
    return out


def lost_point_candidates(text: str) -> list[Candidate]:
    if "%" not in text and "％" not in text:
        return []
    found = list(LOST_POINT.finditer(text))
    if len(found) < 2 or KEPT_POINT.search(text):
        return []
    return [
        span_candidate(
            m.start(),
            m.end(),
            (m.start("whole"), m.end("part")),
            m.span("unit"),
            f"{m.group('whole')}.{m.group('part')}",
            m.group("unit"),
        )
        for m in found
    ]


# Pay in thousands (起薪約35K, 月薪25K以上, 起薪約45~48K): how Taiwanese reports write monthly pay.
# Read only where pay is named just before: 4K屏幕 or a 5K run name no pay.
PAY_IN_THOUSANDS = re.compile(
    r"(?<![0-9A-Za-z.])(?P<num>[1-9][0-9]{0,2}(?:\.[0-9])?)"
    r"(?:[ ]?[~～\-–至][ ]?(?P<num2>[1-9][0-9]{0,2}(?:\.[0-9])?))?[ ]?(?P<unit>[Kk])(?![A-Za-z0-9])"
)
PAY_WORD = re.compile(r"薪|待遇|工[资資]|收入|salar|pay|wage", re.IGNORECASE)
PAY_REACH = 24  # characters before the number, in its sentence: 起薪平均約35K,機電和冷凍科系甚至有40K


def thousands_candidates(text: str) -> list[Candidate]:
    if "K" not in text and "k" not in text:
        return []
    out = []
    for m in PAY_IN_THOUSANDS.finditer(text):
        lo = max(0, m.start() - PAY_REACH)
        lo = max(lo, *(text.rfind(stop, lo, m.start()) + 1 for stop in "。！？；!?;\n"))  # in its own sentence
        if not PAY_WORD.search(text, lo, m.start()):
            continue
        mark = PREFIX_BEFORE.search(text, max(lo, m.start() - 6), m.start())  # 約35K, 超過31K
        before = mark.group() if mark else None
        after = next((a for a in AFTER_MARKS if a != "多" and text.startswith(a, m.end())), None)
        out.append(
            Candidate(
                start=m.start() - (len(before) if before else 0),
                end=m.end() + (len(after) if after else 0),
                num_start=m.start(),
                num_end=m.end("unit"),
                number=m.group("num"),
                number2=m.group("num2"),
                unit_text="K",
                prefix=before,
                suffix=None,
                after=after,
                unit_start=m.start("unit"),
                unit_end=m.end("unit"),
            )
        )
    return out


def spaced_candidates(text: str) -> list[Candidate]:
    out = []
    for m in SPACED.finditer(text):
        if " " not in m.group("num") and not text[m.start() - 1 : m.start()].isspace():
            continue
        out.append(matched_candidate(m, m.start("num"), m.end("unit"), number=m.group("num").replace(" ", "")))
    return out


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every non-blank cell of a |-separated line, trimmed."""
    out = []
    for m in _PIPE_CELL.finditer(text, start, end):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def header_table_candidates(text: str) -> list[Candidate]:
    """Bare numbers in the rows below a header whose columns name their units (毕业去向 | 人数 |
    比例 | … 自主创业 | 30 | 0.77 |): each number takes its column's unit (rows that lack leading
    cells, as merged cells leave them, are aligned from the right), and the row's text cells are
    its label. Where the header names no unit and the table's note names one (单位:比例(%)), the
    numbers written label(number) inside a cell take it (其他企业(50.47)). A cell that carries its
    own unit (230万元, 68%) keeps it and is labelled by its row and its column's name (企业捐赠设备价值),
    so that what the column counts decides its code."""
    out: list[Candidate] = []
    header: tuple[int, dict[int, tuple[str, int, int]]] | None = None  # (columns, column → unit, span)
    names: list[tuple[int, int]] = []  # the last header row's cells, units or not
    note: tuple[str, int, int] | None = None  # the single unit of the table's note, and its span
    whole_note: tuple[str, int, int] | None = None  # a note that is one unit alone (单位:元): every number's
    # a row's cell that is a unit alone in brackets (| 各类学校数合计 | (所) | … |): the unit of its
    # numbers and of the rows after it, up to the next such cell (a yearbook's groups of rows)
    group_unit: tuple[str, int, int] | None = None
    wrapped_at = -1  # where the line after a header line starts: a header's next cell may stand there
    for line, start, end in _table_lines(text):
        if (en := _ENGLISH_WHOLE_NOTE.match(line)) and (unit := english_unit(en.group("unit"))):
            # an English yearbook's | (unit) | ||||: the table's one unit
            whole_note, note = (unit, start + en.start("unit"), start + en.end("unit")), None
            continue
        if bare := _WHOLE_NOTE.match(line):  # 单位：万元 above a table, or 單位:元 | |||| in its first line
            whole_note, note = (bare.group(1), start + bare.start(1), start + bare.end(1)), None
            if "|" not in line and "｜" not in line:
                header, names = None, []  # a line of prose: the table before has ended
            continue
        if line.lstrip(" \t|｜").startswith(("附件", "附表")) or (
            "|" not in line and "｜" not in line and line.strip() and not line.lstrip().startswith("表")
        ):
            whole_note = None  # a new table (附件2 | …) or prose: the note was the last table's
        if "|" not in line and "｜" not in line:
            header, names, group_unit = None, [], None
            if UNIT_NOTE.match(line):
                units = [(m.group(1), start + m.start(1), start + m.end(1)) for m in _NOTE_UNIT.finditer(line)]
                note = units[0] if len({u for u, _, _ in units}) == 1 else None
            elif line.strip() and not line.lstrip().startswith("表"):  # a caption keeps the note
                note = None
            continue
        cells = _cells(text, start, end)
        if not any(
            CELL_NUM.fullmatch(text[a:b])
            or _LABELLED_NUM.search(text[a:b])
            or _OWN_UNIT_CELL.fullmatch(text[a:b])
            or RANGE_CELL.fullmatch(text[a:b])
            or _PLUS_CELL.fullmatch(text[a:b])
            for a, b in cells
        ):  # a line of words is a header; a row of shares (85% | 97.2% |), of ranges or of 8000+ is data
            if all(set(text[a:b]) <= set("-—:： ") for a, b in cells):
                continue  # a |---|---| rule under a header keeps it
            if wrapped_at == start and len(cells) == 1 and header_unit(text, *cells[0]):
                # a header wrapped one cell a line (Region | Schools (unit) | / New Enrollment (person) |):
                # the line's cell is the next column of the header above
                cells = names + cells
            wrapped_at = end + 1
            names, group_unit = cells, None
            columns = {}
            for k, (a, b) in enumerate(cells):
                if unit := header_unit(text, a, b):
                    columns[k] = unit
                elif (n := _COUNT_CELL.match(text[a:b])) and (noun := head_noun_before(n.group("noun"))):
                    columns[k] = (noun, a, b)
            if columns and all(u == "%" for u, _, _ in columns.values()):
                # 流向 | 本科生 | 高职高专 | 合计 | 合计比例 |: beside a column of shares, the bare columns
                # count what the text just above counts (就业人数共3537人)
                counted = list(_COUNT_ABOVE.finditer(text, max(0, start - 300), start))
                if counted:
                    unit = HEADER_UNITS[counted[-1].group()]
                    columns |= {k: (unit, a, b) for k, (a, b) in enumerate(cells) if k and k not in columns}
            if columns:
                header = (len(cells), columns)
            elif len(cells) > 2:  # a new header with no units; a group's label row (西南地区 |) keeps it
                header = None
            continue
        labels = [(a, b) for a, b in cells if not re.search(r"[0-9０-９]", text[a:b])]
        shift = _alignment(text, cells, header) if header else 0
        if not labels and cells and not CELL_NUM.fullmatch(text[cells[0][0] : cells[0][1]]):
            labels = cells[:1]  # a row labelled only by its year (| 2020年 | 95.2% | 3200 |)
        elif not labels and header and shift not in header[1] and YEAR.fullmatch(text, *cells[0]):
            labels = cells[:1]  # … or by a bare year under a column of no unit (年份 | 经费(亿元) |, 2019 | 12.8 |)
        in_row: list[Candidate] = []
        for a, b in cells:
            if g := _NOTE_UNIT.fullmatch(text, a, b):  # the cell is the unit alone (cells are trimmed)
                group_unit = (g.group(1), g.start(1), g.end(1))
                break
        if group_unit and not (header and header[1]) and not whole_note and note is None and labels:
            numbers = [(a, b) for a, b in cells if CELL_NUM.fullmatch(text[a:b])]
            out += [cell_candidate(text, start, labels, a, b, group_unit) for a, b in numbers]
            continue
        # a row that names its own unit (| 万元 |, 培训服务（人日）) is read by the row readers, not the note
        row_unit = whole_note is not None and any(
            _UNIT_CELL.fullmatch(text, a, b) or _NOTE_UNIT.search(text, a, b) for a, b in cells
        )
        for k, (a, b) in enumerate(cells):
            unit = header[1].get(k + shift) if header else None
            r = plus = wan = None
            if (
                unit is not None
                and labels
                and (
                    CELL_NUM.fullmatch(text[a:b])
                    or (r := RANGE_CELL.fullmatch(text, a, b))
                    or (plus := _PLUS_CELL.fullmatch(text, a, b))
                    or (unit[0] in ("人", "人次") and (wan := _WAN_CELL.fullmatch(text, a, b)))
                )
            ):
                # the cell means its row's label and its column's header (2010年 专项能力 通过人数); a
                # range in the cell (生均拨款(万元) | 1.2-1.8) is one fact at its lower end; 8000+ at least 8000;
                # 12.4万 under a column of people is in ten thousands
                label = " ".join([*(text[x:y] for x, y in labels), text[unit[1] : unit[2]]])
                if wan:
                    in_row.append(
                        cell_candidate(text, start, labels, a, wan.end("num"), ("万" + unit[0], *unit[1:]), label, b)
                    )
                    continue
                if plus:
                    c = cell_candidate(text, start, labels, a, plus.end(1), unit, label=label)
                    in_row.append(replace(c, suffix="+", end=b))
                    continue
                c = cell_candidate(text, start, labels, a, b, unit, label=label)
                in_row.append(replace(c, number=r.group(1), number2=r.group(2)) if r else c)
            elif (
                unit is None
                and whole_note
                and not (header and header[1])
                and not row_unit
                and CELL_NUM.fullmatch(text[a:b])
                and labels
            ):
                # a table whose note is its unit (單位:元), under a header of no units: each number is in it
                in_row.append(cell_candidate(text, start, labels, a, b, whole_note))
            elif unit is None and note is not None and not (header and header[1]):
                for m in _LABELLED_NUM.finditer(text, a, b):
                    row = " ".join(text[x:y] for x, y in labels[:1])
                    in_row.append(
                        cell_candidate(
                            text,
                            m.start(),
                            [(m.start("label"), m.end("label"))],
                            m.start("num"),
                            m.end("num"),
                            note,
                            label=f"{row} {m.group('label')}".strip(),
                            end=m.end(),
                        )
                    )
        if len(names) == len(cells) and labels:
            in_row += _own_unit_cells(text, start, cells, labels, names)
        out += sorted(in_row, key=lambda c: c.num_start)
    return out


# A whole table flattened into one line, its rows joined by an empty cell (| 学校数 (所) | … | | 全市 |
# 35 | 72220 | | 市直属 | 7 | …): read row by row where most of its pieces have as many cells.
_ROW_JOINT = re.compile(r"[|｜][ \t]*[|｜]")
_MIN_JOINED_ROWS = 3


def _table_lines(text: str):
    """(line, start, end) of every line of text, a line that joins a table's rows split into them."""
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        joints = list(_ROW_JOINT.finditer(text, start, end)) if line.count("|") + line.count("｜") >= 8 else []
        if len(joints) < _MIN_JOINED_ROWS:
            yield line, start, end
            continue
        pieces, at = [], start
        for m in joints:
            pieces.append((at, m.start() + 1))  # the piece keeps its closing bar
            at = m.end() - 1  # the next opens with its bar
        pieces.append((at, end))
        widths = Counter(len(_cells(text, a, b)) for a, b in pieces)
        width, rows = widths.most_common(1)[0]
        if width < 2 or rows < _MIN_JOINED_ROWS:
            yield line, start, end
            continue
        for a, b in pieces:
            yield text[a:b], a, b


_PLUS_CELL = re.compile(rf"({CELL_NUMBER})[ \t]*[+＋]")  # 在校生规模 | 8000+ |: at least 8000
_OWN_UNIT_CELL = re.compile(rf"(?P<num>{CELL_NUMBER})[ \t]*(?P<unit>{TABLE_UNIT})")
_WAN_CELL = re.compile(rf"(?P<num>{CELL_NUMBER})[万萬]")  # | 12.4万 | under a column of people: 124,000


def _own_unit_cells(text, row_start, cells, labels, names) -> list[Candidate]:
    """The cells of a row that carry their own unit (230万元, 68%), each labelled by its row and
    its column's name."""
    out = []
    for (a, b), (x, y) in zip(cells, names, strict=True):
        m = _OWN_UNIT_CELL.fullmatch(text, a, b)
        if m and not _OWN_UNIT_CELL.fullmatch(text, x, y):
            label = " ".join([*(text[p:q] for p, q in labels), text[x:y]])
            unit = (m.group("unit"), m.start("unit"), m.end("unit"))
            out.append(cell_candidate(text, row_start, labels, m.start("num"), m.end("num"), unit, label, b))
    return out


def _alignment(text: str, cells: list[tuple[int, int]], header: tuple[int, dict]) -> int:
    """How far a row with fewer cells than its header is shifted right: aligned from the right
    (merged leading cells), unless aligning its first number with the header's first column of
    units puts more of its bare numbers under units (a row whose trailing cells are empty)."""
    n_columns, units = header
    right = n_columns - len(cells)
    numbers = [k for k, (a, b) in enumerate(cells) if CELL_NUM.fullmatch(text[a:b])]
    shares = [k for k, (a, b) in enumerate(cells) if text[a:b].endswith(("%", "％"))]
    if right <= 0 or not numbers or not units:
        return right
    percent = {k for k, (u, _, _) in units.items() if u in ("%", "％")}

    def placed(shift: int) -> int:
        """Bare numbers under a column of units, and shares under a column of shares."""
        return sum(1 for k in numbers if k + shift in units) + sum(1 for k in shares if k + shift in percent)

    first_unit = min(units) - numbers[0]
    return first_unit if placed(first_unit) > placed(right) else right


# A statistical yearbook's table as text: the header's column names each followed by a unit in
# brackets, often on a line of its own (学校数\n(所)\n注册学生数\n(人)), then rows of a label and
# numbers separated by spaces (总计 1797 1030487 981456); English lines between are ignored.
_YB_UNITS = r"所|人|个|個|项|項|家|万元|元|人次|人日|件|册|台|%|％"  # what a yearbook's header brackets
_YB_UNIT = re.compile(rf"^(?P<name>.*?)[（(](?P<unit>{_YB_UNITS})[)）]\s*$")
# a row's label may open with its number in the table (1.高等学校, 2、普通中学), never read as a cell
_YB_ROW = re.compile(
    r"^\s*(?P<label>(?:[0-9]{1,2}[.、．])?[^0-9\s][^0-9]*?)(?P<gap>\s+)"
    r"(?P<cells>[0-9][0-9.,]*(?:[ \t\u3000]+[0-9][0-9.,]*)+)\s*$"
)
_YB_NUM = re.compile(r"[0-9][0-9.,]*")
# A line ending in a unit in brackets, anywhere in a text: a yearbook table needs two (a text with
# fewer is not walked line by line).
_YB_UNIT_LINE = re.compile(_YB_UNIT.pattern[_YB_UNIT.pattern.index("[（(]") :], re.M)
# A header's units on one line under its names on the line before (学校数 招生数 … / (所) (人) …).
_YB_UNITS_UNIT = rf"[（(](?P<unit>{_YB_UNITS})[)）]"
# spaces and tabs only, never \s: with re.M a \s* at a line's start would run on over every blank
# line after it, once per line (quadratic on a text of blank lines)
_YB_BARE_UNIT = _YB_UNITS_UNIT.replace("?P<unit>", "")  # the same, no group: for patterns that repeat it
_YB_UNITS_ROW = re.compile(rf"^[ \t\u3000]*(?:{_YB_BARE_UNIT}[ \t\u3000]*){{2,}}$")
_YB_ONE_UNIT = re.compile(_YB_UNITS_UNIT)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_YB_PEOPLE_COLUMN = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:(?:学生|教师|教职工|职工|人员|员工|学员|毕业生|人)数|教师|学生|职工|学员|毕业生)\s*$"
)
# A wrapped header's line: the column names' next pieces with two or more of their units in
# brackets ((所) (人) (人) 学生数 人  数 #专任): its units follow the header's units so far.
_YB_WRAPPED_UNITS = re.compile(rf"^[^0-9\n]*{_YB_BARE_UNIT}[^0-9\n]*$")
_YB_TWO_UNITS = re.compile(rf"{_YB_BARE_UNIT}[^0-9\n]{{0,40}}?{_YB_BARE_UNIT}")
# A row's cells are spaced by one space; a run of three or more is a cell left empty.
_YB_EMPTY_CELL = re.compile(r"[ \t\u3000]{3,}")


def _yearbook_cells(line: str, row: re.Match) -> list[re.Match | None]:
    """A row's numbers in column order, None for a cell left empty: where cells are spaced by
    one space, a run of three or more spaces (after the label, or between two numbers) is an
    empty cell (成人中专   60 40 186: no count of schools)."""
    numbers: list[re.Match | None] = list(_YB_NUM.finditer(line, row.start("cells"), row.end("cells")))
    gaps = [row.group("gap")] + [line[a.end() : b.start()] for a, b in pairwise(numbers)]
    if min(map(len, gaps)) > 1 or not any(_YB_EMPTY_CELL.fullmatch(g) for g in gaps):
        return numbers
    out: list[re.Match | None] = []
    for gap, n in zip(gaps, numbers, strict=True):
        if _YB_EMPTY_CELL.fullmatch(gap):
            out.append(None)
        out.append(n)
    return out


def _one_line_header(line: str) -> bool:
    """A header on one line whose first column names the rows and whose other columns are not all
    bracketed (区域类型 学校数量 在校生规模(人) 生均教学设备值(万元)): a table of the space-table reader,
    not a yearbook's units in order (they would fall under the wrong numbers)."""
    names = line.split()
    if len(names) < 3 or _CJK_CHAR.search(line) is None or any(ch.isdigit() for ch in line):
        return False
    bracketed = [bool(_YB_ONE_UNIT.search(n)) for n in names]
    return sum(bracketed) >= 2 and not bracketed[0] and not all(bracketed[1:])


def yearbook_table_candidates(text: str) -> list[Candidate]:
    """The numbers of a yearbook table whose header names at least two columns' units: each
    row's numbers take the units of the columns in order, left to right (a row with fewer
    numbers than columns lacks its last ones); a line of prose ends the table."""
    found = _YB_UNIT_LINE.finditer(text)
    if (next(found, None) is None or next(found, None) is None) and not _YB_TWO_UNITS.search(text):
        return []
    out: list[Candidate] = []
    units: list[tuple[str, int, int, str]] = []  # (unit, start, end, column name), in order
    previous, previous_at = "", 0  # the last line with Chinese words: it names the next unit's column
    wrapped = False  # the last line was a wrapped header's line: the next one continues the header
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        was_wrapped, wrapped = wrapped, False
        if _one_line_header(line):
            units, previous = [], ""  # the space-table reader aligns its rows column by column
            continue
        if (
            len(line) <= 60
            and not _YB_UNITS_ROW.match(line)
            and _YB_WRAPPED_UNITS.match(line)
            and len(pieces := list(_YB_ONE_UNIT.finditer(line))) >= 2
        ):
            # (所) (人) (人) 学生数 人  数 / (人) (人)   教师: units of columns named across lines
            at = [(m.group("unit"), start + m.start("unit"), start + m.end("unit"), "") for m in pieces]
            units = units + at if was_wrapped else at
            previous, previous_at, wrapped = line, start, True
            continue
        if _YB_UNITS_ROW.match(line):  # (所) (人) (人): the columns the line above names, in order
            named = previous.split()
            found_units = list(_YB_ONE_UNIT.finditer(line))
            names = named if len(named) == len(found_units) else [""] * len(found_units)
            units = [
                (u.group("unit"), start + u.start("unit"), start + u.end("unit"), n)
                for u, n in zip(found_units, names, strict=True)
            ]
            previous = ""
            continue
        if (u := _YB_UNIT.match(line)) and len(line) <= 40:
            name = u.group("name").strip() or (previous.split() or [""])[-1]
            units.append((u.group("unit"), start + u.start("unit"), start + u.end("unit"), name))
            previous = ""  # named
            continue
        row = _YB_ROW.match(line)
        if row and len(units) >= 2 and (last := _YB_PEOPLE_COLUMN.search(previous)):
            # the header's last column, a count of people with no bracketed unit (专任教师数)
            units.append(("人", previous_at + last.start(), previous_at + last.end(), last.group()))
            previous = ""
        if row and len(units) >= 2 and _CJK_CHAR.search(row.group("label")):
            label = row.group("label").strip()
            numbers = _yearbook_cells(line, row)
            for (unit, u_start, u_end, name), n in zip(units, numbers, strict=False):
                if n is None:  # a cell left empty
                    continue
                out.append(
                    Candidate(
                        start=start + n.start(),  # the cell alone, widened only to be unique
                        end=start + n.end(),
                        num_start=start + n.start(),
                        num_end=start + n.end(),
                        number=n.group(),
                        number2=None,
                        unit_text=unit,
                        prefix=None,
                        suffix=None,
                        after=None,
                        unit_start=u_start,
                        unit_end=u_end,
                        table_label=f"{label} {name}".strip(),
                    )
                )
            continue
        if len(_CJK_CHAR.findall(line)) >= 20 and not row:  # prose: whatever table there was has ended
            units = []
        if _CJK_CHAR.search(line):
            previous, previous_at = line, start
    return out


def table_candidates(text: str) -> list[Candidate]:
    out = header_table_candidates(text) + yearbook_table_candidates(text) + cell_per_line_candidates(text)
    out += space_table_candidates(text) + box_table_candidates(text)
    for m in table_rows(text):
        unit_group = "unit" if m.group("unit") else "unit2"
        for n in ROW_CELL.finditer(text, m.start("cells"), m.end("cells")):
            out.append(
                Candidate(
                    start=m.start("label"),
                    end=n.end(),
                    num_start=n.start(),
                    num_end=n.end("num2") if n.group("num2") else n.end("num"),
                    number=n.group("num"),
                    number2=n.group("num2"),
                    unit_text=m.group(unit_group),
                    prefix=None,
                    suffix="+" if n.group("plus") else None,
                    after=None,
                    unit_start=m.start(unit_group),
                    unit_end=m.end(unit_group),
                    table_label=m.group("label").strip(),
                )
            )
    out += noted_table_candidates(text)  # the least specific: rows under a note of their unit
    out += area_table_candidates(text)  # floor-space tables whose header's 面积 is their unit
    # a number two readers read is read once, by the first (the more specific): one fact per span
    seen: set[tuple[int, int]] = set()
    return [c for c in out if not ((c.num_start, c.num_end) in seen or seen.add((c.num_start, c.num_end)))]


MIXED_INSIDE = re.compile(r"[千万萬亿億][0-9]")


def _from_match(m: re.Match) -> Candidate:
    number, unit = m.group("num"), m.group("unit")
    num_end = m.end("num2") if m.group("num2") else m.end("num")
    if m.group("pct1"):
        num_end = m.end("unit")  # 8%-12%, 3000元至4000元: the range as written, both units
    # Money's multiplier belongs to the unit as written (1400万元 → 1400 + 万元) unless an
    # approximation mark sits between (3万余元 → 3万余 + 元).
    unit_start = m.start("unit")
    if unit.endswith("元") and not m.group("suf") and not m.group("num2") and not MIXED_INSIDE.search(number):
        mult = ""
        while number and number[-1] in "千万萬亿億" and len(number) > 1:
            if number[-1] in "千万萬" and re.search("[万萬亿億]", number[:-1]):
                break  # 一億二千三百九十二萬: the 萬 is a section of the number, not its multiplier
            mult = number[-1] + mult
            number = number[:-1]
        if mult:
            unit = mult + unit
            num_end -= len(mult)
            unit_start -= len(mult)
    if unit.startswith("成") and len(unit) == 2:  # 八成二, 4成7, 4成半: 8.2, 4.7, 4.5 tenths, one number
        digit = unit[1] if unit[1] != "半" else ("5" if number.isascii() else "五")
        digit = digit if number.isascii() == digit.isascii() else str(int(parse_number(digit)))
        number, unit, num_end = f"{number}.{digit}", "成", m.end("unit")
    if m.group("suf"):
        num_end = m.end("suf")
    if m.group("mult"):  # 20余万人次: the multiplier after the approximation mark scales the number
        number, num_end = number + m.group("mult"), m.end("mult")
    number2 = m.group("num2")
    if number2 is None and (ends := neighbour_range(number)):
        number, number2 = ends  # 七八十人: from 70 to 80
    pre = m.group("pre")
    if pre in NOT_A_MARK_AFTER and m.start("pre") and m.string[m.start("pre") - 1] in NOT_A_MARK_AFTER[pre]:
        pre = None
    start = m.start("pre") if pre else m.start("num")
    num_start = start if pre in ("近", "约", "約") else m.start("num")
    return Candidate(
        start=start,
        end=m.end(),
        num_start=num_start,
        num_end=num_end,
        number=number,
        number2=number2,
        unit_text=unit,
        prefix=pre,
        suffix=m.group("suf"),
        after=m.group("after"),
        unit_start=unit_start,
        unit_end=_past_gloss(m.string, m.end("unit")),
    )


def _past_gloss(text: str, end: int) -> int:
    """Where the words after a unit begin: 23個(gè)部委 on a mirror site glosses the measure word."""
    gloss = PINYIN_GLOSS.match(text, end)
    return gloss.end() if gloss else end
