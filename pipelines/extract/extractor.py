"""Report text → numeric facts (../shared/spec/extraction.md), each traceable to its quote.

Pure functions of the text: no I/O, no Dagster. `extract_facts(text)` returns Fact records
whose char_start/char_end slice the text back to the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipelines.ingest.budget import check_budget
from schemas.catalog import MONEY_MULTIPLIERS, RENMINBI, THOUSANDS

from . import classify, simplify
from .classify import classify_scored
from .code_rules import ENGLISH_UNIT, Setting, members_of_a_consortium, veto
from .currency import doc_is_foreign_money
from .doc import MAX_SPAN, Doc, shortest_unique
from .english import ENGLISH_MARKS, ENGLISH_SUFFIXES, english_base_unit
from .filters import bare_wan_counts, why_not_a_fact
from .glued_rows import glued_header, unglued_percent, unglued_year
from .grammar import AFTER_MARKS, PREFIX_MARKS, SUFFIX_MARKS, Candidate, find_candidates
from .numbers import parse_number, tidy
from .repeats import as_record, shifted, window_key
from .simplify import PINYIN_GLOSS, for_matching, simplified
from .units import MONEY, NOUNS, PERSON_FIRST, base_unit_for, head_noun_after, head_noun_before, nouns_in
from .version import EXTRACTOR_VERSION

# Words that end the counted noun phrase after a measure word.
BRACKET_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{1,2}[)）](?=[\u4e00-\u9fff0-9]|$)")
# A quoted name right after the measure word (20个“鲁班工坊”, 40个“一带一路”沿线国家): its words are
# the phrase's, its quotes no stop.
QUOTED_NAME = re.compile(r"[“「\"]([^”」\"，,。；;]{1,12})[”」\"]")
PHRASE_STOP = re.compile(
    # 建设 before a noun qualifies it (10个重点建设专业群, 3个建设项目); elsewhere it is the verb; so
    # does 联合培养 (70个学生联合培养项目 are projects; 3个企业联合培养学生, firms)
    r"[，,。；;：:、！？!?（）()“”《》\s0-9０-９]|的|和|与|及(?!以上)|并|首次|首批|开展|共建|组建|"
    r"建设(?!专业|项目|单位|任务|工程|点)|参与|覆盖|其中|为|在|达到|累计|"
    r"签订|签约|入驻|参加|完成|获得|获批|进行|实施|提供|培养(?!专业|项目|方案|模式|基地|对象|计划|体系)|新增|达成|"
    r"联合(?!体|培养(?:项目|基地|班|计划|模式|专业))|共同(?!体)|开发(?!中心|区|园|基地|平台)|实现|输送|推广|就业(?!岗位|機會|机会|崗位|创业|創業|见习|見習|基地|实习|實習)|(?<![规原准细法守])则|"
    r"建立|建成|形成|设立|成立|签署|创办|举办|开办|"
    # chosen or named as something (3个职教集团入选国家示范性职业教育集团): what it became is no part of it
    r"入选|获评|评为|认定为|列入|纳入|荣获|进入|晋级|入围|"
    r"培训(?!基地|中心|项目|班|点|站|学院|机构|课程|教材|资源|师|专业|工种|名额|学额)|"  # 1200个培训名额: places
    # sorted by something (333个合作项目按类型分): the sorting is no part of the phrase
    r"按(?!摩)|"
    # among them (34个获奖项目中我市获8项): 中 after the noun, then who or how many of them
    r"(?<=[\u4e00-\u9fff])中(?=我|其|有|共|各|本|该|仅|只)|"
    # the predicate's adverb or verb of having (16个软件信息类实训室均配备行业前沿设备: not 行业)
    r"均|(?<![首成京])都|分别|配备|拥有|具有|具备|"
    # a verb's aspect particle ends the noun phrase before its verb (13個職教集團集聚了全市…: not 市)
    r"了"
)
# Places counted by 个 that open the phrase (14個市州中職學校, 792個貧困縣組織實施…): the number counts
# the places, whatever noun follows them (the gold: 162 such counts are `other`, 7 `unit`, those of a
# county-level 县级 centre, which is no place). Matched on the Simplified phrase.
PLACE_FIRST = re.compile(
    r"(?:贫困|偏远|民族|脱贫)?(区县|县区|县市|市县|市州|地州|盟市|地市|省市|省份|省区|乡镇|县)(?![级长委城域])"
)
LIST_JOINERS = ("、", "和", "与", "及")
EVENT_MEASURES = frozenset("场場次期批")  # sessions and rounds of something: what they are of is no count
# A clause that qualifies the noun counted, before it (个与市场需求脱节的专业, 个面向新兴产业的专业).
RELATIVE_CLAUSE = re.compile(
    r"(?:深度|精准|全面|主动|直接|重点)?"  # 55个深度服务地方产业的专业: an adverb before the clause's verb
    r"(?:与|和|同|跟|对|面向|服务于?|紧密对接|緊密對接)[^，,。；;：:、！？!?\s0-9０-９的]{1,12}的"
)
BARE_AWARDS = frozenset(("金", "银", "銀", "铜", "銅", "优胜", "優勝", "優胜", "优勝", "金手", "金手奖", "金手獎"))
HARD_STOP = re.compile(
    r"[，,。；;：:！？!?（）()]|开展|共建|组建|建设|建立|建成|形成|设立|成立|签订|签署|参与|覆盖|提供|培养|为|在"
)
LIST_END = re.compile(HARD_STOP.pattern + "|的")
# A count right after a noun on its line (学科3个, 基地近10个): the noun is that count's own.
OWN_COUNT_AFTER = re.compile(r"[ \t\u3000]*(?:近|约|共|超过|超)?[0-9０-９一二两三四五六七八九十百千]")
PARTNER_SUBJECT = re.compile(
    r"(企业|公司|集团|合作方|行业|厂商)[^，,。；;]{0,8}?(投入|捐赠|出资|派驻|派出|提供|选派|捐助|设立)"
)
CJK = re.compile(r"[\u4e00-\u9fff]")
HAS_COUNT = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千万]+[个項项家所名人种門门件]")
PERSON_MEASURES = ("人", "名", "位", "人次", "人日", "人天")
# Platforms, bases and colleges a text calls 项目 (就业实习基地项目, 平台载体类项目, 产业学院试点项目).
UNIT_PROJECT = re.compile(
    r"(?:基地|平台|中心|产业学院|联合体|共同体|工坊|工作室|实验室|研究院)(?:试点|建设|培育|载体)?类?项目$"
)
# People counted in 个 (首批15个留学生将于…, 30个老师): the noun phrase after it ends in them, a few words
# of description before allowed (3个学生社团 counts societies; 十余个专业学生, majors), a verb or the
# phrase's end after.
PEOPLE_AFTER = re.compile(
    r"(?:(?!专业)[\u4e00-\u9fff]){0,4}?(?:留学生|学生|学员|老师|教师|毕业生|同学|选手|孩子|员工|工人|农民|职工)"
    r"(?=$|[将于在参已均都也被来到赴进获通共])"
)
ENUM_UNIT_NOUNS = re.compile(r"(中心|基地|平台|工作室|实验室|学院|工坊)[”」』]?[、，和及等]")


@dataclass(frozen=True)
class Fact:
    quote: str
    char_start: int
    char_end: int
    number_text: str
    value: float | int
    unit_text: str
    normalized_value: float | int
    base_unit: str
    qualifier: str
    indicator_code: str
    code_confidence: float
    subject: str
    sentence: str
    about: str  # "institution", or "partner" where a partner organisation gives or sends it

    def to_dict(self) -> dict:
        return dict(vars(self))  # every field is a str or a number: asdict's deep copy buys nothing


def warm_up() -> None:
    """Build the tables extraction builds on first use (the Simplified conversion's, the keyword
    matchers): a report's time budget is for its own work, not for a process's first report."""
    simplify.warm_up()
    classify.warm_up()


def extract_facts(text: str) -> list[Fact]:
    doc = Doc(text)
    found: list[tuple[Fact, Candidate, tuple]] = []
    seen: dict[tuple, tuple | None] = {}  # window key → (fact record relative to the window, inputs) or None
    for cand in find_candidates(text):
        cand = unglued_year(text, unglued_percent(text, cand))
        keyed = window_key(doc, cand)
        if keyed is not None and keyed[0] in seen:
            check_budget()
            hit = seen[keyed[0]]
            if hit is not None:
                found.append((Fact(*shifted(hit[0], keyed[1])), cand, hit[1]))
            continue
        made = None if why_not_a_fact(doc, cand) else _to_fact(doc, cand)
        if keyed is not None:
            seen[keyed[0]] = None if made is None else (shifted(as_record(made[0]), -keyed[1]), made[1])
        if made is not None:
            found.append((made[0], cand, made[1]))
    return _parts_follow_their_total(doc, _once_per_repeated_sentence(doc, found))


# A sentence at least this long (characters, spaces aside) that a page prints again word for word (a
# summary above its article, a caption under each photo, a page pasted twice) states its facts once.
REPEATED_SENTENCE_MIN = 20
# A short label before a colon that opens a saying (本文摘要：, 【摘要】, 导读:): not part of what it says.
SAYING_LABEL = re.compile(r"^(?:[^，,。：:]{1,8}[：:]|【[^】]{1,6}】)")


def _once_per_repeated_sentence(doc: Doc, found: list[tuple[Fact, Candidate, tuple]]) -> list:
    """found without the facts a sentence the text has already said, word for word, has already
    given: the first saying's are kept (a fact its first saying did not give, as when a forecast
    before it had ruled it out, stays). A table's cells (rows may repeat in their own right) and
    sentences longer than MAX_SPAN (one comma-joined clause of a hostile file) are kept as they are."""
    words_at: dict[int, str] = {}  # a sentence's start → its words ("" where it is not compared)
    given: set[tuple] = set()  # (words, number, value, unit, how many such before it in the sentence)
    counts: dict[tuple, int] = {}
    out = []
    for item in found:
        fact, c = item[0], item[1]
        if c.table_label is None:
            s0, s1 = doc.whole_sentence(c.start)
            if s0 not in words_at:
                words = "".join(doc.text[s0:s1].split()) if s1 - s0 <= MAX_SPAN else ""
                words = SAYING_LABEL.sub("", words, count=1)  # 本文摘要：… says what the article says
                words_at[s0] = words if len(words) >= REPEATED_SENTENCE_MIN else ""
            if words := words_at[s0]:
                same = (s0, c.number, fact.normalized_value, fact.base_unit)
                counts[same] = n = counts.get(same, 0) + 1
                key = (words, *same[1:], n)
                if key in given:
                    continue
                given.add(key)
        out.append(item)
    return out


TOTAL_PRIOR = 6.0
# The weight of a consortium's sentence saying what it is made of (code_rules.members_of_a_consortium).
MEMBERS_PRIOR = 6.0
# How far past the unit the raw text is read for the 24 characters of clause that follow it (a
# gloss per character at most triples a text); well within the memo key's window (repeats.REACH).
AFTER_READ = 72
# Where a sentence turns from a total to its parts (共10个，其中…; 成员单位113家，包括…).
TOTAL_MARKERS = ("其中", "包括", "包含")
# How many facts before the marker may stand between a total and its parts (a bound: a sentence of
# many parts costs each part a bounded walk back).
TOTAL_LOOKBACK = 4
# How far back the code rules look for the setting of a number (a contest named a sentence earlier).
CONTEXT_CHARS = 300


def _parts_follow_their_total(doc: Doc, found: list[tuple[Fact, Candidate, tuple]]) -> list[Fact]:
    """A total and its parts (共10个，其中国家级1个、省级1个): the parts are counts of the same
    indicator unless their own words say otherwise, so the total's code weighs in as a prior."""
    out = []
    totals: dict[tuple[int, str], Fact | None] = {}  # _total_of's answers by marker and measure
    for i, (fact, _cand, inputs) in enumerate(found):
        total = _total_of(doc, found, i, totals)
        if (
            total is not None
            and _counts_like_total(total, fact, inputs[0])
            and not _own_noun_decides(doc, _cand, fact.base_unit)
        ):
            # 三十九座金手獎，包含工業類二十座: a part in the total's measure word naming no noun of
            # its own counts what the total counts
            inputs = ((total.base_unit, *inputs[0][1:]), replace(inputs[1], base_unit=total.base_unit))
            fact = replace(fact, base_unit=total.base_unit)
        if total is not None and total.base_unit == fact.base_unit:
            code, confidence = _code(*inputs, prior=(total.indicator_code, TOTAL_PRIOR))
            fact = replace(fact, indicator_code=code, code_confidence=confidence)
        out.append(fact)
    return out


def _own_noun_decides(doc: Doc, c: Candidate, base_unit: str) -> bool:
    """The part's base unit is its own noun's, the noun ending right before the number (其中…实训
    基地1个 counts bases, not the majors of the total); a category word (工業類二十座) is no such noun."""
    noun = _noun_right_before(doc.text, c, doc.sentence(c.start)[0])
    return (
        noun is not None
        and noun not in OWNER_NOUNS
        and NOUNS.get(noun) == base_unit
        and base_unit in ("unit", "item", "person")
    )


# Nouns that name who holds a part's count, not what it counts (其中，北京理工大学17个).
OWNER_NOUNS = frozenset(
    ("大学", "学院", "学校", "职院", "技院", "中学", "公司", "集团", "企业", "医院", "单位", "政府")
)


def _counts_like_total(total: Fact, part: Fact, inputs: tuple) -> bool:
    """A part written in its total's measure word with no noun after it (phrase length 0); the
    caller also asks that no noun end right before it (其中…实训基地1个 counts bases, not majors)."""
    return (
        part.base_unit != total.base_unit
        and _measure_kind(part.unit_text) == _measure_kind(total.unit_text)
        and inputs[4] == 0
        and total.base_unit in ("item", "unit")
        and part.base_unit in ("item", "unit", "other")
    )


def _total_of(doc: Doc, found: list[tuple[Fact, Candidate, tuple]], i: int, totals: dict) -> Fact | None:
    """The total before a TOTAL_MARKERS word (其中, 包括) in the sentence of found[i]: the last fact
    before it in the part's measure word (184个项目签订合同，金额1.6亿元，其中A大学12个), else the
    last fact before it. found is in text order, so the walk back stops at the sentence's start:
    bounded by the sentence, not the report; totals: what earlier parts found, by marker and
    measure word, so that a long list of parts is walked once, not once a part."""
    part, cand = found[i][0], found[i][1]
    sent_start, _ = doc.sentence(cand.start)
    marker = max(doc.text.rfind(m, sent_start, cand.start) for m in TOTAL_MARKERS)
    if marker == -1:
        return None
    key = (marker, _measure_kind(part.unit_text))
    if key not in totals:
        opens_sentence = not doc.text[sent_start:marker].strip(OPENING_MARKS)
        if opens_sentence and sent_start:  # 。其中，A大学33个: the total ended the sentence before
            sent_start = doc.sentence(sent_start - 1)[0]
        totals[key] = _walk_to_total(found, i, sent_start, marker, key[1])
    return totals[key]


OPENING_MARKS = " \t\n\u3000，,"


PERSON_MEASURES = ("人", "名", "位")


def _measure_kind(unit_text: str) -> str:
    """What a measure word counts, for matching a part to its total: people whichever word counts
    them (6813名…，其中初级5125人), else the word itself (個 as 个)."""
    return "person" if unit_text in PERSON_MEASURES else simplified(unit_text)


def _walk_to_total(found: list, i: int, sent_start: int, marker: int, kind: str) -> Fact | None:
    """The last fact before the marker that counts in a measure of `kind` (at most TOTAL_LOOKBACK
    facts back), else the last fact before it."""
    last, looked = None, 0
    for j in range(i - 1, -1, -1):
        f, c, _ = found[j]
        if c.start < sent_start or looked == TOTAL_LOOKBACK:
            break
        if c.end <= marker:
            if _measure_kind(f.unit_text) == kind:
                return f
            last, looked = last or f, looked + 1
    return last


def rejected_numbers(text: str) -> list[tuple[str, str]]:
    """(span, reason) for every quantity-like span that is not a fact: for review and tests."""
    doc = Doc(text)
    out = []
    for cand in find_candidates(text):
        reason = why_not_a_fact(doc, cand)
        if reason:
            out.append((text[cand.start : cand.end], reason))
    return out


def _value(c: Candidate) -> float | None:
    try:
        raw = PINYIN_GLOSS.sub("", c.number).replace(" ", "").replace("\u3000", "")
        if c.number2 and raw[-1:] in "万萬亿億" and c.unit_text.startswith(raw[-1]):
            raw = raw[:-1]  # 3000万~5000万元: the range's unit carries the 万 once
        if c.unit_text == "半数":  # 半数以上: half
            return 50
        if c.unit_text in ("分之", "/"):  # 四分之一 (one in four), 2/3的中职学生: a fraction, as a percentage
            first, second = raw.split(c.unit_text)
            num, den = (second, first) if c.unit_text == "分之" else (first, second)
            return round(parse_number(num) / parse_number(den) * 100, 2)
        raw = raw.replace("点", ".") if c.unit_text == "百分之" else raw
        if "." in raw and not re.search(r"[0-9０-９]", raw):  # 八十五点五
            whole, frac = raw.split(".", 1)
            return parse_number(whole) + float("0." + "".join(str(int(parse_number(ch))) for ch in frac))
        if raw[:1] in MINUS_SIGNS and c.table_label is not None:  # a table's fall (比上年增长 | -11.6)
            return -parse_number(raw[1:])
        return parse_number(raw)
    except (ValueError, KeyError):
        return None


MINUS_SIGNS = "-−－"


# 分别超过84.9%和84.6%: one mark before a list of numbers bounds each of them.
_SHARED_MARK = re.compile(
    rf"分别(?P<pre>{'|'.join(sorted((re.escape(p) for p in PREFIX_MARKS if len(p) > 1), key=len, reverse=True))})"
    r"[0-9.０-９%％万萬亿億元个個项項家所人名]{1,12}(?:[、和及与與][0-9.０-９%％万萬亿億元个個项項家所人名]{1,12})*[、和及与與]$"
)


def _qualifier(c: Candidate, before: str = "") -> str:
    if c.number2:
        return "range"
    if not (c.prefix or c.suffix or c.after) and (shared := _SHARED_MARK.search(before[-60:])):
        return PREFIX_MARKS[shared.group("pre")]
    marks = [
        q
        for q in (
            PREFIX_MARKS.get(c.prefix or "") or ENGLISH_MARKS.get(c.prefix or ""),
            SUFFIX_MARKS.get(c.suffix or "") or ENGLISH_SUFFIXES.get(c.suffix or ""),
            AFTER_MARKS.get(c.after or ""),
        )
        if q
    ]
    if not marks:
        return "exact"
    if "approx" in marks:
        return "approx"
    return marks[0]


TRAINING_WORDS = re.compile(r"培训|研修|进修|轮训")
# Sessions counted in 场 or 次 right after the training they are of (技术培训50多次, 培訓100多場次).
SESSION_MEASURES = ("场", "場", "场次", "場次", "次")
TRAINING_JUST_BEFORE = re.compile(r"(?:培训|轮训)班?(?:活动)?(?:共|累计|达|近|超过|超)?$")
# A report on training courses for the unemployed or the workforce (職業訓練班, 职业培训班): its classes
# counted in 班 are courses run; a school's classes (订单班, 学徒制班, 班级) stay units.
TRAINING_COURSES = re.compile(r"[职職][业業]?[训訓]|[训訓][练練]班|培[训訓]班|失[业業]者")
SCHOOL_CLASS = re.compile(r"订单|訂單|冠名|学徒|學徒|班级|班級|年级|年級|届|屆|在校|学生|學生")


def _runs_training_courses(doc: Doc) -> bool:
    return doc.once("training_courses", lambda text: len(TRAINING_COURSES.findall(text, 0, 4000)) >= 2)


# A list item that only qualifies a noun named before it (市级2个, 校外37个, 参与两个, 其中3个).
ELIDED_HEAD = re.compile(r"(级|外|内|部|类|其中|参与|共|有|为|达|计|约|近|超|余|多|另|再|各|均|分别)$")


def _words(text: str) -> str:
    """Text as word lists compare it: Simplified, without pinyin glosses or a one- or two-character
    gloss in brackets inside a word (實訓(驗)室)."""
    return BRACKET_GLOSS.sub("", for_matching(text))


def _noun_right_before(text: str, c: Candidate, sentence_start: int) -> str | None:
    """The known noun that ends right where the number starts (就业实习基地项目4项 → 项目), if any."""
    window = _words(text[max(sentence_start, c.start - 12) : c.start]).rstrip(" 　（(")
    found = nouns_in(window)
    ends = [n for _, end, n in found if end == len(window)]
    return max(ends, key=len) if ends else None


# 院校、专业点、招生规模分别达到46所、75个、4980人: a list of nouns, 分别, and a list of counts in the
# same order: each count counts the noun of its place.
RESPECTIVELY = "分别"
_LIST_SPLIT = re.compile(r"[、和与及]")


def _respective_noun(text: str, c: Candidate, sentence_start: int) -> str | None:
    """The noun of a count's place in a list of nouns before 分别 (A、B、C分别为a、b、c), if the
    count stands in the list of counts after it (read as words: glosses out, Simplified)."""
    window = _words(text[max(sentence_start, c.start - 120) : c.start])
    at = window.rfind(RESPECTIVELY)
    if at < 0:
        return None
    between = window[at + len(RESPECTIVELY) :]
    if re.search(r"[，,。；;：:]", between):
        return None  # the count is not in the list right after 分别
    before = window[:at]
    clause = max(before.rfind(ch) for ch in "，,。；;：:\n") + 1
    items = _LIST_SPLIT.split(before[clause:])
    place = between.count("、")
    if len(items) < 2 or place >= len(items):
        return None
    return head_noun_before(items[place])


# Places named as the levels of what a list counts (66个国家、省、市各级平台): no head of their own.
LEVEL_NOUNS = frozenset(
    ["国家", "國家", "国", "國", "省", "市", "县", "縣", "区", "區", "州", "乡", "镇", "村", "地区", "地區"]
)


# What a word for people opens rather than heads (14個教師賽, 3个学生会, 2个教师团队): not people.
PERSON_COMPOUNDS = frozenset("赛賽会會证證卡队隊团團组組群节節奖獎社")


def _counted_noun(text: str, c: Candidate, sentence_start: int) -> tuple[str, str | None]:
    """The noun phrase after the unit and the head noun the count refers to."""
    if c.table_label is not None:
        return "", head_noun_before(for_matching(c.table_label))
    tail_start = c.unit_end + (1 if text.startswith("的", c.unit_end) else 0)
    # a one- or two-character gloss in brackets inside a word (工程技术开(研)发中心) is no stop, and a
    # mirror's pinyin glosses (學(xué)校) take no room: 24 characters of words, read from up to 48
    tail = BRACKET_GLOSS.sub("", for_matching(text[tail_start : tail_start + 48]))[:24]
    if quoted := QUOTED_NAME.match(tail):  # 20个“鲁班工坊”: the name is the phrase
        tail = quoted.group(1) + tail[quoted.end() :]
    stop = PHRASE_STOP.search(tail)
    phrase = tail[: stop.start()] if stop else tail
    phrase = phrase[:16]
    noun = head_noun_after(phrase) if c.unit_text in ("个", "個", "大") or phrase else None
    if c.unit_text in ("个", "個") and (place := PLACE_FIRST.match(phrase)):
        noun = head_noun_after(place.group(1))  # the place's own noun (市州 → 州): a place, `other`
    if (
        noun is None
        and c.unit_text in ("个", "個")
        and (person := PERSON_FIRST.match(phrase))
        and phrase[person.end() : person.end() + 1] not in PERSON_COMPOUNDS
    ):
        noun = person.group()  # 我們班40個人, 3000多个学生报名: people, where no other noun heads the phrase
    if (noun is None or NOUNS[noun] == "other") and (rel := RELATIVE_CLAUSE.match(tail)):
        # 36个与市场需求脱节的专业: the noun comes after the clause that qualifies it
        rest = tail[rel.end() :]
        cut = PHRASE_STOP.search(rest)
        noun = head_noun_after(rest[: cut.start() if cut else 16])
    if (
        noun is None
        and not phrase
        and c.unit_text not in EVENT_MEASURES
        and stop
        and stop.group() in LIST_JOINERS
        and (trailing := _noun_right_before(text, c, sentence_start))
    ):
        # 培训项目6项、基地项目4项: a list of counts after their nouns; the list's last word is no head
        return phrase, trailing
    if (
        stop
        and stop.group() in LIST_JOINERS
        and (noun is None or (NOUNS[noun] == "other" and (noun in LEVEL_NOUNS or not phrase.endswith(noun))))
    ):
        # 2个国家级、5个省级专业群; 132家贸易、物流和电子信息企业; 66个国家、省、市各级平台: the list's
        # head comes at its end (but 146支队伍、429名选手: a phrase that ends in its own noun has its head)
        end = LIST_END.search(tail, stop.end())  # 省、市的人才交流中心: after 的 comes another phrase
        segment = tail[stop.end() : end.start() if end else len(tail)]
        listed = head_noun_after(segment)
        if listed and OWN_COUNT_AFTER.match(segment, segment.rfind(listed) + len(listed)):
            # 一流专业建设点4个、应用型学科3个: the next item's noun has a count of its own after it, so
            # the list is of trailing counts, each named before its number, not one head at its end
            listed = None
        noun = listed or noun
    if (
        noun is None
        and c.unit_text not in PERSON_MEASURES
        and (respective := _respective_noun(text, c, sentence_start))
    ):
        return phrase, respective
    if noun is None and c.unit_text not in PERSON_MEASURES:
        clause_start = max(
            sentence_start, c.start - 30, text.rfind("，", 0, c.start) + 1, text.rfind(",", 0, c.start) + 1
        )
        item_start = text.rfind("、", clause_start, c.start) + 1  # 0: no list item in the clause
        item = _words(text[item_start : c.start]).strip() if item_start else ""
        if len(item) > 1 and not ELIDED_HEAD.search(item):
            # 标准运动场、篮球场10个: in a list of trailing counts an item that names a thing counts
            # that thing; where it is no known noun, a noun further back belongs to another item
            # (省级实训基地4个、市级2个 elides it: the item is only a level or a verb)
            return phrase, head_noun_before(item) or _bracket_head(text, c.start, sentence_start, c.unit_text)
        noun = head_noun_before(_words(text[clause_start : c.start]))
    if noun is None and c.unit_text not in PERSON_MEASURES:
        noun = head_noun_before(_words(text[max(sentence_start, c.start - 30) : c.start]))
    if noun is None and c.unit_text in ("个", "個"):
        noun = _bracket_head(text, c.start, sentence_start, c.unit_text) or _chain_head(
            text, c.start, sentence_start, c.unit_text
        )
    return phrase, noun


# 137个优秀项目(中职组45个、高职组47个和本科组45个): the parts in brackets after a count count its noun.
COUNT_BEFORE_BRACKET = re.compile(
    r"[0-9０-９一二三四五六七八九十两兩百千万萬.]+(?P<m>[个個])(?P<noun>[^，,。；;()（）]{1,12})[(（][^()（）]*$"
)
BRACKET_REACH = 48


def _bracket_head(text: str, start: int, sentence_start: int, measure: str) -> str | None:
    if measure not in ("个", "個"):
        return None
    m = COUNT_BEFORE_BRACKET.search(text, max(sentence_start, start - BRACKET_REACH), start)
    if not m or m.group("m") != measure:
        return None
    return head_noun_before(_words(m.group("noun")))


# 专业群有113个,面向现代服务业的112个,…,面向现代农业的32个,其他32个: clauses that each end in a
# count in the same measure word name their noun once, at the chain's first count.
CHAIN_LINK = re.compile(r"[0-9０-９一二三四五六七八九十两兩百千万萬.]+(?P<m>[个個])[，,；;]$")
CHAIN_GAP = 16  # characters of a link's own words (面向先进制造业的)
CHAIN_REACH = 160


def _chain_head(text: str, start: int, sentence_start: int, measure: str) -> str | None:
    lo = max(sentence_start, start - CHAIN_REACH)
    at = start
    first = None
    while True:
        gap_start = max(lo, at - CHAIN_GAP - 12)
        before = text[gap_start:at]
        cut = max(before.rfind(ch) for ch in "，,；;")
        if cut < 0:
            break
        link = CHAIN_LINK.search(before, 0, cut + 1)
        if not link or link.group("m") != measure:
            break
        if len(before) - cut - 1 > CHAIN_GAP:
            break
        first = gap_start + link.start()
        at = first
    if first is None:
        return None
    return head_noun_before(_words(text[max(lo, first - 12) : first]))


def _both_sides(text: str, qs: int, qe: int, c: Candidate, hi: int) -> tuple[int, int]:
    """A quote widened to be unique, or a table cell's, holds a character of context on each side
    of the number where its line has one: of the shortest unique spans, one widened left (| 63 | 21) and one widened
    right (21 |) are as short and as right as each other, and a reader (or a scorer) who took the
    other side still finds the one they chose overlapping ours by more than the number."""
    if (qs, qe) == (c.start, c.end) and c.table_label is None:
        return qs, qe
    # a table's cell: the quote runs from its row's label, and ends at the number; the cell's bar or
    # space after it is the context a reader who quoted the cell alone (21 |) took
    if qs == c.start and qs > 0 and c.table_label is None and _context_char(text[qs - 1]):
        qs -= 1
    if qe == c.end and qe < (min(hi, len(text)) if c.table_label is None else len(text)) and _context_char(text[qe]):
        qe += 1
    return qs, qe


def _context_char(ch: str) -> bool:
    """A word's character, a space or a table's bar: context a quote may take (not a stop, a
    bracket or a line end: 利5项 stays, not 利5项，)."""
    return ch.isalnum() or ch in " \t|｜│┃║"


ENGLISH_NOUN = ENGLISH_UNIT  # a unit in English words (13 gold medals): code_rules reads it too
TEAM_MEASURES = ("组", "組", "支")
ENGLISH_MEDAL = re.compile(r"(?i)(gold|silver|bronze)s?")
# A contest, in the words of a sentence (竞赛, 大赛, 比赛, 賽).
CONTEST_WORD = re.compile(r"[赛賽]")
# A count in 名 that the places it counts are said to be (名额为, 缺额数量为): places, not people
# (名额有1,632人申请 counts applicants; 核定名额2597名 the labellers read both ways).
PLACES_BEFORE = re.compile(r"(?:名额|缺额|学位)(?:数量|数|总数)?(?:共计|总计|共|合计)?(?:为|是)[约近超逾]?$")


def _to_fact(doc: Doc, c: Candidate) -> tuple[Fact, tuple] | None:
    """The fact of a candidate, and the inputs its classification used."""
    value = _value(c)
    if value is None or (value < 0 and c.table_label is None):
        return None
    if c.table_label is not None and c.unit_text[:1] in "万萬" and c.unit_text[1:] in ("人", "人次"):
        value, c = value * 10000, replace(c, unit_text=c.unit_text[1:])  # a header's (万人): its cells in ten thousands
    text = doc.text
    sent_start, sent_end = doc.sentence(c.start)
    clause_start, _ = doc.clause(c.start)
    phrase, noun = _counted_noun(text, c, sent_start)

    money = MONEY.fullmatch(c.unit_text)
    # a number with no unit (捐资10万, 入讀人次約14萬): what its sentence says it counts, if anything
    wan = bare_wan_counts(doc, c) if not c.unit_text and c.table_label is None else None
    if money:
        normalized = value * MONEY_MULTIPLIERS[money.group("mult") or ""]
        yuan = money.group("cur") in RENMINBI  # 七十万人民币: yuan by the currency's name
        base = "CNY" if yuan and not doc_is_foreign_money(doc, c.start) else "other"
    elif c.unit_text in ("百分之", "分之", "半数", "/"):
        normalized, base = value, "percent"
    elif c.unit_text == "成":  # tenths of a whole
        normalized, base = value * 10, "percent"
    elif c.unit_text in THOUSANDS:  # pay in thousands (grammar.thousands_candidates), of whatever currency
        normalized, base = value * THOUSANDS[c.unit_text], "other"
    elif wan == "person_time":
        normalized, base = value, "person_time"  # 入讀人次約14萬
    elif wan in ("CNY", "other"):
        # 捐资10万设立奖学金: yuan, its 万 read with the number (a Taiwanese report's are NT dollars);
        # 1.3万余岗位: jobs
        normalized, base = value, "other" if wan == "other" or doc_is_foreign_money(doc, c.start) else "CNY"
    else:
        normalized = value
        base = english_base_unit(c.unit_text) or base_unit_for(c.unit_text, noun)
        if c.unit_text in ("个", "個") and PEOPLE_AFTER.match(phrase):
            base = "person"  # 15个留学生, 20个学生: people counted in 个, as speech counts them
        elif base == "item" and noun in ("项目", "实体项目") and ENUM_UNIT_NOUNS.search(text, clause_start, c.start):
            base = "unit"  # 基地、中心等共计10余个省部级实体项目: platforms called 项目 stay unit
        elif (
            base == "item"
            and noun == "项目"
            and (
                UNIT_PROJECT.search(phrase)
                or UNIT_PROJECT.search(_words(text[max(clause_start, c.start - 16) : c.start]).rstrip(" （(：:为為"))
            )
        ):
            base = "unit"  # 就业实习基地项目4项, 3个产业学院试点项目: bases and colleges called 项目
        elif (
            c.unit_text == "班" and _runs_training_courses(doc) and not SCHOOL_CLASS.search(text, clause_start, c.start)
        ):
            base = "item"  # a labour bureau's training classes are courses (職業訓練班2班), a school's classes units
        elif c.unit_text == "期" and TRAINING_WORDS.search(
            for_matching(text[max(clause_start, c.start - 12) : min(sent_end, c.end + 16)])
        ):
            base = "item"  # 开展培训10余期, 举办3期师资培训班: sessions of a course (办学6期 stays other)
        elif c.unit_text in SESSION_MEASURES and TRAINING_JUST_BEFORE.search(
            for_matching(text[max(clause_start, c.start - 8) : c.start])
        ):
            base = "item"  # 林业技术培训434场次, 舉辦培訓9030場, 培训班8次: sessions of training run
        elif c.unit_text in TEAM_MEASURES and text[max(clause_start, c.start - 1) : c.start] in ("奖", "獎"):
            base = "item"  # 金奖2组, 三等奖2支: prizes won by teams are awards counted, not the teams
        elif c.unit_text == "名" and noun is None and PLACES_BEFORE.search(for_matching(text[clause_start : c.start])):
            base = "other"  # 招生名额为2827名, 缺額數量為7073名: places counted, not people
        elif base == "other" and noun == "工种" and CONTEST_WORD.search(text, sent_start, sent_end):
            base = "item"  # a contest's trades are its events, as its 赛项 are (决赛设6个工种); trades trained
            # or appraised in stay other (实训场地覆盖10个工种)

    quote_start, quote_end = _both_sides(text, *shortest_unique(doc, c.start, c.end, sent_start, sent_end), c, sent_end)
    context_before = text[sent_start:clause_start]
    if c.table_label is not None:  # a table row: its label is the clause
        clause_before, clause_after = c.table_label, ""
    elif not context_before and (header := glued_header(text, sent_start)):
        # a row of a glued table (glued_rows.py): its header names what the columns measure, the row's
        # own words (a school, a region, its fields) say what the row is about
        clause_before, clause_after, context_before = header, "", text[clause_start : c.start]
    else:
        clause_before = text[clause_start : c.start]
        # 24 characters of the clause after the unit, a mirror's pinyin glosses (項(xiàng)目) not counted
        after_raw = text[c.end : min(doc.clause(c.end)[1], c.end + AFTER_READ)] if c.end < len(text) else ""
        clause_after = PINYIN_GLOSS.sub("", after_raw)[:24].split("、", 1)[0]
        item = clause_before.rfind("、")
        if item != -1 and len(CJK.findall(clause_before[item + 1 :])) >= 2 and HAS_COUNT.search(clause_before[:item]):
            # 中央财政资金8000万元、学校自筹资金5500万元: a list item with its own subject and number
            context_before, clause_before = text[sent_start : clause_start + item + 1], clause_before[item + 1 :]
        elif context_before and _sibling_count(context_before, clause_before):
            # 兼职教师249人,高级职称教师123人: the clause before counts its own noun, not this one's
            context_before = ""
    if c.unit_text in BARE_AWARDS:  # 21金, 8优胜: medals and awards counted bare read as what they are
        clause_after = "奖牌" + clause_after
    elif c.unit_text == "期" and base == "item":  # 培训10余期: sessions of a course count courses run
        clause_after = "培训班" + clause_after
    elif base == "item" and ENGLISH_MEDAL.fullmatch(c.unit_text):  # six gold, seven silver: medals counted bare
        clause_after, phrase = c.unit_text + " medal " + clause_after, c.unit_text
    elif base != "percent" and ENGLISH_NOUN.fullmatch(c.unit_text):  # 13 gold medals: the noun is the unit's words
        clause_after, phrase = c.unit_text + " " + clause_after, c.unit_text
    inputs = (base, for_matching(clause_before), for_matching(clause_after), for_matching(context_before), len(phrase))
    setting = Setting(
        "",
        base,
        c.unit_text,
        noun,
        for_matching(clause_before),
        text[max(0, c.start - CONTEXT_CHARS) : c.start],
        inputs[2],
        text[c.end : sent_end] if ENGLISH_NOUN.fullmatch(c.unit_text) else "",  # an English fact's rest
    )
    prior = ("consortium_member_units", MEMBERS_PRIOR) if members_of_a_consortium(setting) else None
    code, confidence = _code(inputs, setting, prior)
    about = "partner" if PARTNER_SUBJECT.search(clause_before) else "institution"
    return Fact(
        quote=text[quote_start:quote_end],
        char_start=quote_start,
        char_end=quote_end,
        number_text=text[c.num_start : c.num_end],
        value=tidy(value),
        unit_text=c.unit_text,
        normalized_value=tidy(normalized),
        base_unit=base,
        qualifier=_qualifier(c, text[clause_start : c.start]),
        indicator_code=code,
        code_confidence=confidence,
        subject=_subject(clause_before, phrase),
        sentence=text[sent_start:sent_end].strip(),
        about=about,
    ), (inputs, setting)


MAX_VETOES = 2


def _code(inputs: tuple, setting: Setting, prior: tuple[str, float] | None = None) -> tuple[str, float]:
    """The keyword classifier's code and confidence, unless a rule of the spec rules it out: then
    the next best code that the rules allow (up to MAX_VETOES times), else `other`."""
    excluded: frozenset[str] = frozenset()
    for _ in range(MAX_VETOES + 1):
        scored = classify_scored(*inputs, prior=prior, excluded=excluded)
        if scored.code == "other":
            return ("other", 1.0) if excluded else (scored.code, scored.confidence)
        ruled_out = veto(replace(setting, code=scored.code))
        if ruled_out is None:
            return scored.code, scored.confidence
        instead = ruled_out[2]
        if instead and instead not in excluded and veto(replace(setting, code=instead)) is None:
            return instead, scored.confidence  # a consortium's members counted: its member units
        if not ruled_out[1]:
            return "other", 1.0
        excluded |= {scored.code}  # the thing counted is not what it counts: the next code may fit
    return "other", 1.0


CLAUSE_STOP = re.compile(r"[，,：:]")
PART_OF = re.compile(r"^\s*(其中|含|包括|包含|分别|另有|另|以及|及|和|与)")


def _sibling_count(context_before: str, clause_before: str) -> bool:
    """This clause is a label and its count (高级职称教师123人), as the clause before it is (兼职教师249人):
    items of a list, each naming what it counts, so the words of one do not describe the other."""
    if not LABEL.fullmatch(_LEAD.sub("", clause_before.strip())) or PART_OF.search(clause_before):
        return False
    last = CLAUSE_STOP.split(context_before.rstrip("，,：: "))[-1]
    return bool(LABELLED_COUNT.fullmatch(last.strip()))


# A list item's label: a short noun phrase before its number, with no verb of doing, reaching or
# sharing (占专任教师55%: a share of the count before it). A list item before it that counts events
# run (开展培训9期, 参训群众1427人次) describes the same thing twice, not two things.
_VERBS = "占佔达達为為有是共计計约約超过過完成覆盖蓋通开開展举舉办辦"
LABEL = re.compile(rf"(?!.*[{_VERBS}])[\u4e00-\u9fff]{{2,12}}")
LABELLED_COUNT = re.compile(
    r"(?!.*(开展|開展|举办|舉辦|组织|組織).*[0-9０-９])[\u4e00-\u9fff]{2,12}\s*[0-9０-９][0-9０-９,.，]*\s*[\u4e00-\u9fff]{1,2}"
)


_LEAD = re.compile(r"^(其中|并|共|累计|同时|此外|另外|全年|年均|已|还|共计|合计|先后|分别|新|目前|现有)+")


def _subject(clause_before: str, phrase: str) -> str:
    words = _LEAD.sub("", clause_before.strip())
    return (words + ("…" if words and phrase else "") + phrase).strip()[:60]


__all__ = ["EXTRACTOR_VERSION", "Fact", "extract_facts", "rejected_numbers"]
