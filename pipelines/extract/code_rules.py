"""Rules of the spec's "Indicator codes" section that overrule the keyword classifier: where a
reader could not tell from the sentence that it reports the indicator, the code is `other`.

Each rule is a small pure function of the fact's setting that returns a reason when the code
must be `other`, or None. `veto` runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .doc import last_match
from .simplify import PINYIN_GLOSS, for_matching

PP_UNITS = ("个百分点", "個百分點", "百分点", "百分點")
CHANGE_BEFORE = re.compile(
    r"(增长|增幅|提高|提升|下降|降低|增加|减少|上升|下跌|高出|高于|低于|增速|回落|减|增)了?(约|約)?$"
    # a growth rate named as such, then its verb (月收入增幅达到76.2%)
    r"|(增幅|增速|增长率|涨幅)(达到|达|为|是)(约|約)?$"
)
SHARE = re.compile(r"占[^，,。；;]{0,12}(总|的|比)|占比")
# Rates whose definition is not a part's share of a whole (local_employment_share is one).
RATES_NOT_SHARES = ("graduate_employment_rate", "employer_satisfaction", "project_goal_attainment_rate")
SCHOOL_NOUNS = ("学校", "院校", "高校", "职校", "中职学校", "大学", "學校", "示范校", "校", "分院", "校区")


@dataclass(frozen=True)
class Setting:
    code: str
    base_unit: str
    unit_text: str
    noun: str | None  # the counted head noun, where known
    before: str  # the clause up to the number (Simplified)
    context: str = ""  # the text up to the number, a few sentences back (as written: made Simplified
    # only by a rule that needs it, so that dense text does not pay for it per fact)
    after: str = ""  # the clause after the unit, up to 24 characters (Simplified)
    english_rest: str = ""  # of an English fact, the rest of its sentence (English names the contest last)


def change_not_level(s: Setting) -> str | None:
    """提高3个百分点, 增长5.8%: a change is a fact, but not the indicator's level (spec)."""
    if s.base_unit == "percent" and (PINYIN_GLOSS.sub("", s.unit_text) in PP_UNITS or CHANGE_BEFORE.search(s.before)):
        return "a change in percent or percentage points, not a level"
    return None


def share_of_a_whole(s: Setting) -> str | None:
    """占就业总人数的20.92%: one part's share of a distribution, not the indicator's rate."""
    if s.code in RATES_NOT_SHARES and SHARE.search(s.before[-16:]):
        return "a share of a whole (占…的), not an indicator's rate"
    return None


def count_of_schools(s: Setting) -> str | None:
    """Member schools of a group, schools holding a title: a count of schools is `other`
    (spec: designations are the institution's own; member schools of a group are `other`). Of a
    consortium's members, only the schools: its research institutes (5所研究院) are members too."""
    if s.code == "consortium_member_units":
        schools = (s.noun or "") in SCHOOL_NOUNS or (s.noun is None and s.unit_text in ("所", "校"))
    else:
        schools = s.unit_text in ("所", "校") or (s.noun or "") in SCHOOL_NOUNS  # 16校: the noun is the unit
        # an English count's noun is its unit: partners that are schools (partnerships with 20 universities;
        # not 60 schools and enterprises, nor 42 industry colleges)
        schools = schools or (
            s.code == "partner_enterprises"
            and ENGLISH_SCHOOLS.search(s.unit_text) is not None
            and not ENGLISH_FIRMS.search(s.unit_text)
        )
    if s.base_unit == "unit" and schools:
        return "a count of schools"
    return None


ENGLISH_SCHOOLS = re.compile(
    r"\b(?:universit(?:y|ies)|(?<!industry )(?<!industrial )colleges?|schools?|polytechnics?)\b", re.IGNORECASE
)
ENGLISH_FIRMS = re.compile(r"\b(?:enterprises?|compan(?:y|ies)|firms?|businesses|employers?)\b", re.IGNORECASE)


COMPETITION = re.compile(
    r"大赛|竞赛|比赛|技能赛|赛项|世赛|技能节|技术能手|[Cc]ompetition|[Cc]ontest|World ?Skills|Abilympics"
)


# 106个项目, 28項競賽職種, 九職類: a contest's events or trades counted, not awards won.
CONTEST_EVENTS = re.compile(
    r"^[个個项項]?(?:比赛|竞赛|競賽)?(?:项目|項目|赛项|賽項|职种|職種|职类|職類|工种|工種|专业|類別|类别)"
    r"(?![^，,。；;]{0,4}(?:奖|獎|金牌|银牌|銀牌|铜牌|銅牌|冠军|冠軍))"  # 15个项目一等奖 are awards
)
TRADES = ("职类", "職類", "职种", "職種")


def events_not_awards(s: Setting) -> str | None:
    if s.code == "skill_competition_awards" and (CONTEST_EVENTS.match(s.after) or s.unit_text in TRADES):
        return "a contest's events or trades counted, not awards won"
    return None


# 决赛设6个工种, 500多个工种: the trades a contest is held in, not contests hosted
CONTEST_TRADES = re.compile(r"^[个個项項]?(?:比赛|竞赛|競賽|决赛|決賽)?(?:职种|職種|职类|職類|工种|工種)")


def trades_not_contests_hosted(s: Setting) -> str | None:
    if s.code == "skill_competitions_hosted" and (CONTEST_TRADES.match(s.after) or s.unit_text in TRADES):
        return "the trades a contest is held in, not contests hosted"
    return None


# Awards for teaching achievements and research, named in the count's own sentence.
ACHIEVEMENT_AWARD = re.compile(r"教学成果|科技进步|科学技术奖|自然科学奖|社会科学优秀成果|哲学社会科学")


def award_not_from_a_competition(s: Setting) -> str | None:
    """Spec: skill_competition_awards is for skills competitions only; teaching-achievement,
    research and honour awards (教学成果奖, 科技进步奖) are `other`."""
    if s.code != "skill_competition_awards":
        return None
    own = sentence_so_far(s.context) + s.before
    if (named := last_match(ACHIEVEMENT_AWARD, own)) and not COMPETITION.search(own, named.end()):
        # 教学成果一等奖1项、二等奖1项: the sentence names the award the count is of, whatever contest the
        # sentences before speak of (世界技能大赛集训基地); 获教学成果奖1项，技能大赛一等奖3项 names a contest after it
        return "a teaching-achievement or research award, not one from a skills competition"
    said = for_matching(s.context) or s.before
    if not COMPETITION.search(said) and not COMPETITION.search(s.english_rest):
        # six gold, seven silver and seven bronze at the 10th International Abilympics: English
        # names the contest after the medals
        return "an award that is not from a skills competition"
    if HONOUR_BEFORE.search(s.before[-10:]) or HONOUR_AFTER.match(s.after):
        return "an honour a contest gives its organisers, referees or teachers, not an award won in it"
    if TEACHING_CONTEST_EN.search(s.english_rest):
        return "an award of a teaching contest, not a skills competition"
    teaching = last_match(TEACHING_CONTEST, said)
    if teaching and not SKILLS_CONTEST.search(said, teaching.end()):
        # 全国职业院校技能大赛教学能力比赛 is named for the skills contest but is one of teaching
        return "an award of a teaching contest, not a skills competition"
    near = said[-60:] + " " + s.english_rest if s.english_rest else said[-60:]
    if OTHER_CONTEST.search(near) and "技能" not in near:
        return "an award of a science, innovation or academic contest, not a skills competition"
    other = last_match(OTHER_CONTEST, said)
    if other and not SKILLS_CONTEST.search(said, other.end()) and "技能" not in said:
        # 第五届“互联网+”大学生创新创业大赛…获银奖; a paragraph later, 本次大赛…一等奖6项: the
        # contest the report is about is still not one of skills
        return "an award of the science, innovation or academic contest the report is about"
    return None


# Honours a contest gives beside its prizes (特殊贡献奖5项, 优秀裁判员3项, 优秀团体协作奖1个, 优秀指导教师奖).
_HONOURS = r"(?:特殊贡献|优秀裁判员?|优秀指导(?:教师|老师)?|优秀组织|组织|团体协作|协作|道德风尚|风尚|优秀工作者)奖?"
HONOUR_BEFORE = re.compile(_HONOURS + r"[共计为有]?$")
HONOUR_AFTER = re.compile(r"[个項项名]?" + _HONOURS)
SKILLS_CONTEST = re.compile(r"技能大赛|技能竞赛|职业技能|技能赛|世赛|技能节|技艺竞赛")


# Teachers' contests of teaching (教学能力比赛, 班主任能力比赛, 技工院校教师职业能力大赛 and its
# selection rounds): their awards are other, whatever skills contest lends them its name.
TEACHING_CONTEST = re.compile(
    r"(?:教学能力|班主任能力|教师职业能力|教学设计|说课|微课|课堂教学)[^，,。；;]{0,8}(?:大赛|竞赛|比赛|选拔赛)"
)
# English names the contest after the award, within its clause (1 third prize of National
# Informatization Teaching Competition)
TEACHING_CONTEST_EN = re.compile(r"^[^,;.]*?\b[Tt]eaching(?: [A-Za-z]+)? (?:[Cc]ompetition|[Cc]ontest)")


# Contests that are not of skills (科技创新大赛, 挑战杯, academic contests, and the arts, speech and
# sports: 文明风采, 书法, 运动会): their awards are other. (Teaching contests are TEACHING_CONTEST's.)
OTHER_CONTEST = re.compile(
    # the Challenge Cup and the Internet+ contest whatever words stand before 竞赛 (第十一届“挑战杯”福建省
    # 大学生创业计划竞赛), and a business-plan contest; in English too
    r"挑战杯|互联网\+[^，,。；;]{0,24}?创新创业|创业计划|Challenge Cup|Internet ?\+|"
    r"[Ii]nnovation and [Ee]ntrepreneurship|"
    r"(?:科技创新|创新创业|科创|征文|演讲|文明风采|书法|绘画|摄影|朗诵|辩论|"
    r"文艺|歌唱|舞蹈|体育|田径|艺术展演|"
    # design, business and trade contests (包装创意设计大赛, 外贸从业能力大赛, 精英挑战赛, 服务外包创新创业大赛)
    r"创意设计|设计创意|创意|外贸|商务精英|精英挑战|服务外包|"  # 高校冰雪创意大赛: a creative contest
    # academic contests: of a subject, of knowledge (数学建模竞赛, 英语竞赛, 护士节综合知识竞赛); 职业英语
    # is an event of the skills contest
    r"数学|建模|物理|化学|(?<!职业)英语|外语|学科|知识)[^，,。；;]{0,8}(?:大赛|竞赛|比赛|运动会)"
)


# Supplied: 输送 (not a labour export, 劳务输送) or 供给; trained for someone (为社会培养, 为企业培育):
# a bare 累计培养技术技能人才20余万 counts graduates without saying whom they went to (the real
# gold: 13 of 18 such counts other).
SUPPLY = re.compile(r"(?<!劳务)输送|供给")
TRAINED_FOR = re.compile(r"(?:为|向|給|给)[^，,。；;]{0,24}(?:培养|培育|造就|储备)")
EMPLOYED_HERE = re.compile(r"就业")
# Whom a sports or a forces' school supplies (向国家、省市各级优秀运动队输送后备人才, 向部队输送大学生士兵): no industry.
NOT_INDUSTRY_SUPPLIED = re.compile(
    r"(?:运动队|国家队|省队|体工队|部队|军队)[^，,。；;]{0,4}输送|输送[^，,。；;]{0,3}(?:运动员|士兵|兵员)"
)
SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def sentence_so_far(context: str) -> str:
    """The context from the start of the number's own sentence (Simplified). A table row's label
    is not in it (the row starts at its label): the rules read it with `before` added."""
    ends = list(SENTENCE_END.finditer(context))
    return for_matching(context[ends[-1].end() :] if ends else context)


def said_around(s: Setting) -> str:
    """The number's sentence up to it, and its clause after the unit: where the rules look for who
    acts and what is counted."""
    return sentence_so_far(s.context) + s.before + s.after


def graduates_not_supplied(s: Setting) -> str | None:
    """Spec: 输送 / 培养并输送 graduates to industry is graduates_supplied_to_industry; a plain count
    of graduates (毕业生13974人, 就业290人) says nothing of supplying an industry."""
    if s.code != "graduates_supplied_to_industry":
        return None
    said = sentence_so_far(s.context) + s.before
    if not (SUPPLY.search(said) or TRAINED_FOR.search(said)):
        return "graduates counted, not said to be trained for or supplied to industry"
    if EMPLOYED_HERE.search(s.before) and not SUPPLY.search(s.before):
        return "graduates employed (输送6.5万名毕业生，就业6.2万人), not supplied"
    if NOT_INDUSTRY_SUPPLIED.search(said):
        return "supplied to sports teams or the forces (向优秀运动队输送, 向部队输送), not to industry"
    return None


RATE_WORD = re.compile(r"[\u4e00-\u9fff]{0,4}率|[A-Za-z]*employment rate|placement rate", re.I)
PLACEMENT_RATE = re.compile(
    r"(就业|去向落实|落实|就业升学|升学就业)率$|(?<![a-z])employment rate$|placement rate$", re.I
)
# A share followed by the rate it is (96.2%的就业率, 96.2%平均就业率, 85%以上的就业率).
RATE_AFTER = re.compile(r"(?:以上|左右)?(?:的|之)?(?:平均|年均)?([\u4e00-\u9fff]{0,4}?率)")
# 专业对口率 and 对口就业率 (the job's match to the major), 直接就业率 (without further study),
# 优质就业率 and 训后就业率 (of trainees) are other rates (the real gold: 24 of 29 对口 rates other).
# The share employed said as a verb (100%就业, 實現100%就業), not where (8.05%就业于北京).
EMPLOYED_AFTER = re.compile(r"(?:就业|就業)(?![于於在到])")
NOT_PLACEMENT = re.compile(r"对口[\u4e00-\u9fff]{0,2}率$|训后就业率$|直接就业率$|优质就业率$|成功就业率$")


def employment_share_not_rate(s: Setting) -> str | None:
    """A placement rate is written as one (就业率, 毕业去向落实率, 专业对口率): a percentage in a
    sentence that names no rate (就业人数较多的地区为北京市(8.05%), a row of a destinations table)
    is a share of the graduates, and one whose nearest rate is another (就业稳定率, 专业对口率 — the
    job's match to the major —, 训后就业率 of trainees) is not the placement rate either; nor is
    the placement of trainees (受训学员, 退役士兵) rather than graduates."""
    if s.code != "graduate_employment_rate":
        return None
    if ENGLISH_CLAUSE.fullmatch(s.before + s.after):
        return _english_share(s)
    rates = RATE_WORD.findall(sentence_so_far(s.context) + s.before)
    if named_after := RATE_AFTER.match(s.after):  # 保持96.2%的就业率, 96.2%平均就业率: the rate follows
        rates = [named_after.group(1)]
    elif EMPLOYED_AFTER.match(s.after):  # 毕业生一直100%就业: the share employed, a rate in all but name
        rates = ["就业率"]
    if not rates:
        return "a share of the graduates, in a sentence that names no rate"
    if not PLACEMENT_RATE.search(rates[-1]) or NOT_PLACEMENT.search(rates[-1]):
        return f"the rate named is {rates[-1]}, not the placement rate"
    said = sentence_so_far(s.context) + s.before
    if TRAINEES.search(said) and not GRADUATES.search(said):
        return "the placement of trainees, not of graduates"
    return None


# An English clause (no CJK character): its sentences end at a full stop too.
ENGLISH_CLAUSE = re.compile(r"[^\u3400-\u9fff]*")
ENGLISH_SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d+\])?\s+(?:-\s+)?(?=[A-Z])")
SHARE_OF = re.compile(r"\s*(?:of|among)\b", re.I)
ENGLISH_TRAINEES = re.compile(r"\btrain(?:ed|ees?|ing)\b", re.I)
ENGLISH_GRADUATES = re.compile(r"\bgraduat|\bstudents?\b", re.I)
ENGLISH_RATE_AFTER = re.compile(r"\s*(?:average |overall |graduate |job )?(?:employment|placement) rate", re.I)
EMPLOYED = re.compile(r"\bemployed\b|\bemployment\b|\bplaced\b|\b(?:found|secured|landed) (?:a )?jobs?\b", re.I)


# what may stand between a rate named and its figure (the employment rate stood at 95%): words, no
# other figure and no clause break
RATE_TO_FIGURE = re.compile(r"[A-Za-z' \t]*")


def _english_share(s: Setting) -> str | None:
    """In English: the rate named in the number's own sentence (the employment rate … is 96.85%),
    not one the sentence before named; and a percentage of a group (70% of new employees, 70
    percent of the graduates being recruited to jobs suited to their training) is a share of it,
    unless the clause says the group found work (90% of the remaining graduates secured employment)."""
    said = sentence_so_far(s.context) + s.before
    own = said[ends[-1].end() :] if (ends := list(ENGLISH_SENTENCE_END.finditer(said))) else said
    if ENGLISH_TRAINEES.search(own) and not ENGLISH_GRADUATES.search(own):
        return "the placement of trainees, not of graduates"
    if ENGLISH_RATE_AFTER.match(s.after):  # an over 90 percent employment rate: the rate follows
        return None
    named = next(reversed(list(RATE_WORD.finditer(own))), None)  # the last rate the sentence names
    placement = named is not None and PLACEMENT_RATE.search(named.group()) is not None
    if SHARE_OF.match(s.after):
        if EMPLOYED.search(s.after) or (placement and RATE_TO_FIGURE.fullmatch(own, named.end())):
            return None  # the employment rate stood at 95% among graduates: the rate, then whose
        return "a share of a group, not the placement rate"
    if not placement:
        return "a share in a sentence that names no placement rate"
    return None


TRAINEES = re.compile(r"受训|受訓|学员|學員|培训|訓練|训练|职训|職訓|退役士兵|劳动力转移")
GRADUATES = re.compile(r"毕业|畢業|届|屆|学生|學生")


COMPARISON = re.compile(r"比|较|相比|同比|与上年|与去年|比去年|较上年")
COUNT_CHANGE = re.compile(r"(增加|增长|减少|下降|提高|多|少)了?(约)?$")


def count_change_not_level(s: Setting) -> str | None:
    """比去年增加4个, 较去年又增加了7项: a change in a count against an earlier year is not the
    indicator's level (the spec's rule for percentage points, for counts)."""
    if (
        s.base_unit != "percent"
        and COUNT_CHANGE.search(s.before)
        and COMPARISON.search(sentence_so_far(s.context) + s.before)
    ):
        return "a change in a count against an earlier year, not a level"
    return None


# What a count of person-times is when it is not training given: appraisals and certificates issued
# (技能鉴定72万人次, 逾3,780人次獲發技能證明).
NOT_TRAINING = re.compile(r"鉴定|获发|发证|证明|证书|认定")
TRAINING_NEAR = re.compile(r"培训|训练")  # 年培训、鉴定28000人次: training among them


def certified_not_trained(s: Setting) -> str | None:
    near = s.before[-8:] + s.after[:12]
    if s.code == "social_training_person_times" and NOT_TRAINING.search(near) and not TRAINING_NEAR.search(near):
        return "appraisals or certificates issued, not training given"
    return None


# What a count of 专业 may be that is not the programmes an institution offers: programme sites
# across a region's schools (专业点, 布点), categories (专业类别, 专业大类), departments (系).
NOT_A_MAJOR_AFTER = re.compile(r"^(专业化?点|专业布点|布点|专业类别|专业大类|大类|系(?!统)|项目)")
NOT_A_MAJOR_BEFORE = re.compile(r"(专业化?点|布点数?|专业大类|大类)$")
# 国家级骨干专业3个, 省级重点专业12个: majors counted for a designation they hold, not as offered.
DESIGNATED_MAJOR = re.compile(r"(?:重点|骨干|特色|示范|品牌|精品|优势|一流|紧缺|试点)专业(?!群)")
# The designation right before 专业, as a name of majors holds it: 高水平专业(群)6个, 国家骨干院校重点建设专业5个,
# 中央财政支持高等职业学校专业2个 (majors the central budget supports).
DESIGNATED_MAJOR_END = re.compile(
    r"(?:(?:重点|骨干|特色|示范|品牌|精品|优势|一流|紧缺|试点|高水平)(?:建设)?|中央财政支持[\u4e00-\u9fff]{0,8}?)专业$"
)
# (a place may come first, and 高水平 or 示范性 before the title: 江苏省品牌专业, 江苏省高水平骨干专业)
DESIGNATE_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff]{1,7}?(?:省|市|自治区))?(?:[国省市校]家?级|自治区级)?(?:高水平|示范性)?"
    r"(?:重点|骨干|特色|示范|品牌|精品|优势|一流)"
)
PROGRAMME_NOUN = re.compile(
    r"专业|專業|专门化|專門化|方向|工种|工種|学科|學科|[Mm]ajor|[Pp]rogram|[Ss]pecialt|[Dd]iscipline"
)
ENGLISH_DESIGNATION = re.compile(
    r"\b(?:backbone|characteristic|advantageous|brand|key|demonstration|demonstrative|featured|pilot|excellent|"
    r"quality|first-class|superior|leading|central financial support)\b",
    re.IGNORECASE,
)
OFFERED = re.compile(
    r"开设|开办|设置|设有|现设|下设|开有|招生专业|专业总数|共有|拥有|共设|增设|新增|新设|新開|新开|开齐|举办|现有|已有|目前有|现开|"
    r"(?i:\b(?:offers|offered|offering|has|have|there are|opens|opened|runs|provides|covers|covering|involves|includes)\b)"  # an English page's (There are …)
)


def majors_not_offered(s: Setting) -> str | None:
    """majors_offered counts the programmes the institution offers (开设41个专业): not programme
    sites across a region (12万多个专业点), categories or departments (5个系), nor majors counted
    for something they won (10个专业获批资源库立项, 精品专业20个), where no offering verb is said."""
    if s.code != "majors_offered":
        return None
    if s.unit_text.isascii() and s.unit_text.strip():  # English: the unit is the noun phrase counted
        if not PROGRAMME_NOUN.search(s.unit_text):
            return "the thing counted is not a programme (24 quality courses)"
        if ENGLISH_DESIGNATION.search(s.unit_text):
            return "majors counted for a designation they hold (3 backbone majors), not as offered"
    if s.noun and not PROGRAMME_NOUN.search(s.noun) and not PROGRAMME_NOUN.match(s.after):
        return "the thing counted is not a programme (3个模块, 72个赛项, 实训项目270项)"
    if NOT_A_MAJOR_AFTER.match(s.after) or (NOT_A_MAJOR_BEFORE.search(s.before) and not s.after.startswith("专业")):
        return "a count of programme sites, categories or departments, not of programmes"
    if DESIGNATED_MAJOR.search(s.before[-8:].rstrip("共有为达计约近")) and s.before.rstrip("共有为达计约近").endswith(
        "专业"
    ):
        return "majors counted for a designation they hold (骨干专业, 重点专业), not as offered"
    if DESIGNATE_AFTER.match(s.after) or DESIGNATED_MAJOR_END.search(
        re.sub(r"[(（]群[)）]$", "", s.before.rstrip("共有为达计约近"))
    ):
        return "majors counted for a designation they hold (骨干专业, 重点专业), not as offered"
    if not OFFERED.search(sentence_so_far(s.context) + s.before):
        return "majors counted for what they won, not said to be offered"
    return None


ENTERPRISE_COUNTS = ("partner_enterprises", "enterprises_served", "certified_ie_enterprises")
ENTERPRISE_NOUNS = re.compile(r"企业|企業|公司|厂|廠|厂商|廠商|单位|單位|机构|機構|集团|集團|伙伴|夥伴|商家|合作方")


# A school's own units and bodies (16个教学单位, 1个国际合作办学机构): no firms, though 单位 and 机构 are.
SCHOOL_UNITS = re.compile(
    r"[^，,。；;、]{0,6}?(?:教学单位|教學單位|办学机构|辦學機構|教学机构|教學機構|二级学院|二級學院|院系)"
)


def enterprises_not_counted(s: Setting) -> str | None:
    """A count of firms must count firms: 建成鲁班工坊两个 beside 合作 is a count of workshops."""
    if s.code not in ENTERPRISE_COUNTS:
        return None
    if s.noun and not ENTERPRISE_NOUNS.search(s.noun):
        return "the thing counted is not an enterprise"
    if SCHOOL_UNITS.match(s.after):
        return "the school's own units or bodies, not enterprises"
    return None


# Codes that count places, bodies or classes, never the firms they are made with.
PLACE_COUNTS = (
    "training_bases",
    "tech_innovation_platforms",
    "industry_colleges",
    "skill_master_studios",
    "think_tanks",
    "order_classes",
    "vocational_education_groups",
    "municipal_consortia",
    "industry_communities",
)
FIRM_NOUNS = re.compile(r"企业|企業|公司|厂|廠|厂商|廠商|商家")
SCHOOL_FACTORY = re.compile(
    r"(?:教学|教學|实训|實訓|校办|校辦|校中)(?:工厂|工廠)"
)  # a base (spec: 教学工厂), not a firm


def firms_not_places(s: Setting) -> str | None:
    """与京东等7家企业共建生产性实训基地: the firms a base is built with are counted, not bases."""
    if s.code in PLACE_COUNTS and s.noun and FIRM_NOUNS.search(s.noun) and not SCHOOL_FACTORY.search(s.after[:8]):
        return "firms counted, not the places or classes made with them"
    return None


INDUSTRY_LINK = re.compile(
    r"校企|共建|合办|合建|共同建设|校外|产教融合|生产性|企业|行业|开放|校内外|实习基地|实践基地|公共实训|教学工厂|"
    r"工作站|海外|园区|共享|"
    r"off-campus|[Ee]nterprise|[Ii]ndustr|[Cc]ompan|[Pp]ractice|[Ii]nternship|[Ff]actor"  # an English page's
)
# The catalogue's public bases, said in the name of the thing counted (国家级高技能人才培训基地2个,
# 5个虚拟仿真实训基地), not of another item of its list (…培训基地4个,世界技能大赛中国集训基地6个).
PUBLIC_BASE = re.compile(
    r"高技能[\u4e00-\u9fff]{0,6}基地|虚拟仿真[\u4e00-\u9fff]{0,6}基地"
    r"|职业教育实训基地"  # the central government's (中央财政支持的职业教育实训基地): co-built with it
)


def base_without_industry(s: Setting) -> str | None:
    """Spec: training_bases counts practice and training bases shared with or located in industry;
    the school's own training centres and rooms, said with no partner, are `other`."""
    if (
        s.code == "training_bases"
        and not INDUSTRY_LINK.search(said_around(s))
        and not PUBLIC_BASE.search(s.before[-14:])
        and not PUBLIC_BASE.search(s.after[:30])
    ):
        return "a training base said with no industry partner or place"
    return None


ROOM = re.compile(r"(?:实训|实验|实习|教学)室$")


def room_without_industry(s: Setting) -> str | None:
    """Spec: the school's own rooms and labs (校内实训室) are `other`; a room counts as a base shared
    with industry only where its own words say so (与企业共建实训室5个), not where another item of the
    sentence's list does (产教融合发展基地，专业实验实训室316个; 89个实训室和102个校外实训基地)."""
    if s.code == "training_bases" and s.noun and ROOM.search(s.noun) and not INDUSTRY_LINK.search(s.before + s.noun):
        return "a room of the school's own, said with no industry partner in its clause"
    return None


NEW_TYPE_APPRENTICES = re.compile(r"新型学徒")
MODERN_APPRENTICES = re.compile(r"现代学徒|中国特色学徒")


def new_type_not_modern(s: Setting) -> str | None:
    """The catalogue's modern apprenticeship is the ministry's school-enterprise model (现代学徒制);
    an enterprise's new-type apprentices (企业新型学徒制, the labour bureaus' programme for employees)
    are another thing (the real gold: all 12 counts of them other)."""
    if s.code == "modern_apprenticeship_enrolment":
        said = said_around(s)
        if NEW_TYPE_APPRENTICES.search(said) and not MODERN_APPRENTICES.search(said):
            return "new-type apprentices (企业新型学徒制), not the modern apprenticeship"
    return None


# A consortium, community, alliance or group: the body whose members and council ranks are counted.
CONSORTIUM = re.compile(r"共同体|联合体|联盟|职教集团|职业教育集团|教育集团")
BODY_COUNTS = ("industry_communities", "municipal_consortia", "vocational_education_groups")
MEMBER_NOUNS = re.compile(r"单位|成员|企业|院校|学校|高校|机构")


def members_not_bodies(s: Setting) -> str | None:
    """The member units of a consortium or community, council ranks included (副理事长单位35家, 共有93家
    单位), are its members (consortium_member_units: the real gold, 20 of 24 council ranks), not the
    institution's own governing council, nor a count of communities or consortia."""
    if s.code == "governing_council_external_members" and CONSORTIUM.search(
        sentence_so_far(s.context) + s.before + s.after
    ):
        return "a consortium's council ranks are its members, not the institution's governing council"
    if s.code in BODY_COUNTS and s.noun and MEMBER_NOUNS.search(s.noun) and not CONSORTIUM.search(s.noun):
        return "the members of a consortium counted, not consortia"
    return None


# What a consortium is made of, said in its sentence (由…组成, 联合, 吸纳, 汇聚, 加入, 共有…).
JOINS = re.compile(r"联合|组成|加入|汇聚|吸纳|包括|包含|涵盖|由(?![于於])|参与|成员|共有|现有|汇集|集聚")
# Firms and units counted with 家, or units and bodies with 个 (16家大型农牧企业, 增至45家, 14个单位):
# the counted noun within a few words, or none (the count ends its clause). Schools are not in it:
# the spec counts a consortium's member schools `other`.
FIRMS_AND_UNITS = re.compile(r"^(?:[^，,。；;]{0,6}?(?:企业|单位|机构|协会|公司|组织)|[，,。；;、）)和及与]|$)")
BODIES_AND_UNITS = re.compile(r"^[^，,。；;]{0,6}?(?:单位|机构|组织)")


def members_of_a_consortium(s: Setting) -> bool:
    """Firms or units that a consortium, community, alliance or vocational-education group is made
    of, its sentence saying so (西藏农牧职业教育集团由区内外31家农牧企业…组成, 联合正大集团等16家大型农牧
    企业, 成员单位由45家增至…): its members (the real gold: 89 of 99 such counts), not those that lead
    or found it (三家单位牵头: `other`). A prior for consortium_member_units, not a verdict: the fact's
    own words may still name another code."""
    if s.base_unit != "unit" or LEADING.match(s.after):
        return False
    if s.unit_text == "家":
        counted = FIRMS_AND_UNITS
    elif s.unit_text in ("个", "個"):
        counted = BODIES_AND_UNITS
    else:
        return False
    if not counted.match(s.after):
        return False
    said = sentence_so_far(s.context) + s.before
    body = CONSORTIUM.search(said)
    return body is not None and JOINS.search(said, body.start()) is not None


ENTERPRISE_MONEY = ("enterprise_cash_investment", "enterprise_equipment_value")
# Who may put money or equipment in: a firm or industry body, or a donor (a donation of money is
# cash investment, of equipment equipment value). 产业 as the industry's side only (产业方, 产业资本):
# a place's industries (与自治区优势骨干产业零距离对接，宁夏启动投资4.4亿元) put no money in.
ENTERPRISE_ACTOR = re.compile(
    r"企业|公司|厂|集团|行业|产业(?=方|资本|界)|校企|商会|银行|协会|合作方|伙伴|捐|赠|赞助|冠名|社会资本|社会力量|民营|外资|股份|"
    r"\b(?:[Cc]ompany|[Ff]irm|[Ee]nterprise|[Cc]orporation|[Gg]roup|donat(?:ed|es|ion|ing)|[Ss]ponsor(?:ed|s)?)\b"
)


PER_HEAD = re.compile(r"每(名|人|位|个|生|所|家)|人均|生均")


# Aid given to villages and the poor (捐赠乡村振兴资金10万余元, 为帮扶村捐赠): the giver is the school or a
# public body unless a firm is named right before the amount.
RURAL_AID = re.compile(r"乡村振兴|鄉村振興|帮扶|幫扶|扶贫|扶貧|贫困户|貧困戶|对口支援|對口支援|驻村|駐村")
FIRM_GIVES = re.compile(r"企业|企業|公司|集团|集團|厂|廠|商会|商會|银行|銀行")


def money_without_an_enterprise(s: Setting) -> str | None:
    """Spec: the enterprise codes need an enterprise in that role; money a government or the
    school puts in (总投资3.97亿元 for a new campus) is `other`."""
    if s.code not in ENTERPRISE_MONEY:
        return None
    if not ENTERPRISE_ACTOR.search(said_around(s)):
        return "money or equipment with no enterprise, industry body or donor putting it in"
    if PER_HEAD.search(s.before[-12:]):
        return "an amount per head (给每名学生发放3000元), not what the enterprise put in"
    if RURAL_AID.search(said_around(s)) and not FIRM_GIVES.search(s.before[-20:]):
        return "a school's or a body's aid to villages (捐赠乡村振兴资金), not an enterprise's investment"
    if PROJECT_TOTAL.search(s.before):
        return "a project's total investment (项目总投资3亿元), whoever puts it in, not an enterprise's contribution"
    return None


# A project's total or planned investment, named right before the amount (总投资1.05亿元, 项目计划投资3亿元):
# the real gold counts all 134 such amounts `other`, a firm's project or not.
PROJECT_TOTAL = re.compile(
    r"(?:总投资|總投資|投资总额|投資總額|总投入|總投入|计划投资|計劃投資|规划投资|規劃投資|预计投资|預計投資)"
    r"[^，,。；;]{0,8}$"
)


EQUIPMENT = re.compile(r"设备|仪器|器材|装备|设施|装置|机床|车辆|软件|物资|耗材|工具|实训台|生产线|模型")


def equipment_without_equipment(s: Setting) -> str | None:
    """Spec: a donation of money is cash investment, of equipment equipment value: 捐赠500万元
    with no equipment named is not an equipment value (the next code, cash, may fit)."""
    if s.code == "enterprise_equipment_value" and not EQUIPMENT.search(said_around(s)):
        return "a value with no equipment named"
    return None


EMPLOYERS = re.compile(r"用人单位|雇主|企业|单位|行业|合作方|用工")


def satisfaction_not_of_employers(s: Setting) -> str | None:
    """employer_satisfaction is the employers' satisfaction with graduates: the graduates' own, or
    their parents' (毕业生满意率, 家长满意率), is `other`."""
    if s.code == "employer_satisfaction" and not EMPLOYERS.search(s.before):
        return "the satisfaction of someone other than employers"
    return None


ATTENDING = re.compile(r"受邀|应邀|参加|出席|参会|与会|莅临|到场")


HIRERS = re.compile(r"用人单位|立项单位|用人單位")


def attendees_not_partners(s: Setting) -> str | None:
    """受邀参加大会的还有100多家企业: firms at an event are its guests, not the institution's partners;
    employers (2300余家用人单位, 立项单位794家) are whoever hires or applies, not partners either (the
    real gold: none of 36 counts of 用人单位 a partner)."""
    if s.code == "partner_enterprises" and ATTENDING.search(sentence_so_far(s.context) + s.before):
        return "firms attending an event, not the institution's partners"
    if s.code == "partner_enterprises" and HIRERS.search(s.before[-6:] + s.after[:6]):
        return "employers or applicants counted (用人单位, 立项单位), not partners"
    return None


APPLIED = re.compile(r"申请|申报|受理|公开")
GRANTED = re.compile(r"授权|获授|获批|取得|获得")


def patents_applied_not_granted(s: Setting) -> str | None:
    """patents_granted counts grants: patents applied for (申请专利46100件, 联合申报7项专利) are other."""
    if s.code != "patents_granted":
        return None
    around = said_around(s)
    if APPLIED.search(around) and not GRANTED.search(around):
        return "patents applied for, not granted"
    return None


CO_DEVELOPED = ("co_developed_courses", "co_developed_textbooks")


def developed_without_an_enterprise(s: Setting) -> str | None:
    """Spec: the co_developed codes need an enterprise or industry partner in that role: courses a
    labour bureau runs (劳工局开办570个培训课程) are not co-developed."""
    if s.code in CO_DEVELOPED and not ENTERPRISE_ACTOR.search(said_around(s)):
        return "courses or textbooks with no enterprise or industry partner developing them"
    return None


AWARDED = re.compile(r"获选|获评|表扬|表彰|颁奖|绩优|获奖|评为|入选")


def awarded_not_partners(s: Setting) -> str | None:
    """18家绩优实习机构获选, 7家绩优合作企业获得表扬: the firms an award went to are a count of
    awards, not the institution's partners."""
    if s.code == "partner_enterprises" and AWARDED.search(said_around(s)):
        return "firms counted as award winners, not as the institution's partners"
    return None


# Where graduates work, said by employer type or by town and country, is no place of employment.
NOT_A_PLACE = re.compile(
    r"在[^，,。；;]{0,10}(企业|企事业|单位|机关|个体|民营|国有|外资|城区|镇区|乡村|城镇|农村|产业|行业)"
)
LOCAL = re.compile(
    r"本地|当地|省内|市内|区内|县内|本省|本市|本区|留省|留市|周边|所在[市省地区县]|留[\u4e00-\u9fff]{1,2}(?:就业|工作)|"
    r"返乡|回乡|返鄉|回鄉|"  # back home: graduates of rural origin employed where they come from (返乡就业率)
    # a province by its one-character name (在川就业, 留湘, 在滇就业) or in full (在海南就业)
    r"[留在][京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵滇云陕秦甘陇青宁桂蒙藏](?=就业|工作|发展|创业|比例)|"
    r"在(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|"
    r"四川|贵州|云南|陕西|甘肃|青海|宁夏|新疆|西藏|广西|内蒙古)[^，,。；;]{0,4}就业"
)
PLACE_IN_BRACKETS = re.compile(r"(市|省|区|县|州|地区)[（(]$")


def local_share_not_a_place(s: Setting) -> str | None:
    """local_employment_share is the share of graduates working in the local area; a share by
    employer type (在民营企业就业的比例), by town and country (在城区就业), or one place's share of
    a distribution (流向了太原市(41.68%)) is `other`."""
    if s.code != "local_employment_share":
        return None
    if PLACE_IN_BRACKETS.search(s.before):
        return "one place's share of a distribution of graduates"
    if not LOCAL.search(said_around(s)):
        return "a share of graduates by a kind of city or employer, with nothing said of the local area"
    if LOCAL.search(s.before[-30:] + s.after):
        return None  # 在省内企业就业: a local place, then the employer
    if NOT_A_PLACE.search(sentence_so_far(s.context)[-30:] + s.before[-30:] + s.after):
        return "a share by employer type or by town and country, not of local employment"
    return None


# The school's own teachers going into firms (选派38名教师赴企业顶岗实践): the reverse of industry staff
# teaching at the school.
TEACHERS_TO_FIRMS = re.compile(
    r"(?:教师|老师|教職員|教师们)[^，,。；;]{0,6}(?:赴|到|下|进|進|深入)(?:合作)?(?:企业|企業|行业|行業|一线|工厂|工廠)"
)


def teachers_sent_to_firms(s: Setting) -> str | None:
    """Spec, who acts: enterprise_parttime_teachers counts industry staff who teach at the school,
    not the school's own teachers sent to work in firms."""
    if s.code == "enterprise_parttime_teachers" and TEACHERS_TO_FIRMS.search(s.before[-2:] + s.after):
        return "the school's own teachers sent into firms, not industry staff teaching"
    return None


# Learners counted (25名学生, 2100多名工程硕士, 学员): never industry staff who teach.
LEARNERS_AFTER = re.compile(r"^[^，,。；;]{0,6}?(?:学生|学员|毕业生|学徒|徒弟|研究生|硕士|本科生|新生|实习生|学子)")


# Staff trained (培训保护性耕作技术人员580人, 累计培养逾3万名技术骨干): learners too, whatever their trade.
TRAINED_BEFORE = re.compile(r"(?:培训|培訓|培养|培養|复训|復訓|轮训|輪訓|训练|訓練)[^，,。；;]{0,12}$")


# Candidates sitting a test (293名考生, 参加鉴定的学生共计187人) are not yet holders of what it certifies.
CANDIDATES = re.compile(r"考生|参加|參加|参考|參考|报考|報考|参试|參試|应考|應考|报名|報名")
PASSED = re.compile(r"获得|獲得|取得|通过|通過|获证|獲證|考取|合格|持有|拿到|领取|領取|获颁|獲頒|考获|考獲")


def candidates_not_holders(s: Setting) -> str | None:
    near = s.before[-16:] + s.after[:12]
    if s.code == "vocational_certificate_holders" and CANDIDATES.search(near) and not PASSED.search(near):
        return "candidates who sat a test, not holders of a certificate"
    return None


# Titles of honour a body confers on the skilled (认定的乡村工匠104人, 12名乡村工匠名师入选, 技能大师): people
# recognised by name, not holders of a vocational certificate, unless a certificate is said.
HONOUR_TITLES = re.compile(r"工匠|名师|名師|大师|大師|能手|带头人|帶頭人|领军人才|領軍人才|技能之星")
CERTIFICATE_WORDS = re.compile(r"证书|證書|等级|等級|职业资格|職業資格|资历|資歷|取证|取證|考证|考證|持证|持證")


def honours_not_certificates(s: Setting) -> str | None:
    near = s.before[-16:] + s.after[:12]
    if s.code == "vocational_certificate_holders" and HONOUR_TITLES.search(near) and not CERTIFICATE_WORDS.search(near):
        return "people given a title of honour (乡村工匠, 名师), not holders of a certificate"
    return None


# People a contest or a drive counts (参赛选手3万余人, 20万职工参与竞赛选拔, 456名选手): contestants and
# workers taking part, neither graduates supplied to industry nor staff who teach nor technicians trained.
CONTESTANTS = re.compile(r"选手|参赛者|参赛人员|职工|员工")
GRADUATES_NAMED = re.compile(r"毕业生|学生|学员|学徒|人才|校友")
PEOPLE_CODES_NOT_CONTESTANTS = frozenset(
    ("graduates_supplied_to_industry", "enterprise_parttime_teachers", "skilled_technicians_trained")
)


def contestants_counted(s: Setting) -> str | None:
    """The people counted are contestants or workers taking part (the counted noun next to the
    number says so), and no graduates, trainees or talent are named there."""
    if s.code not in PEOPLE_CODES_NOT_CONTESTANTS or TECHNICIAN_GRADE.search(s.after):
        return None  # (42名竞赛选手将晋升技师: contestants promoted to a technician grade are technicians made)
    near = s.before[-8:] + s.after[:8]
    if CONTESTANTS.search(near) and not GRADUATES_NAMED.search(near) and not SUPPLY.search(s.before):
        # (输送企业员工近万人 supplies firms with staff: graduates supplied)
        return "contestants or workers taking part counted, not graduates, teachers or technicians"
    return None


# An English count's own noun that names no learner (Ten faculty members, 30 officials): whoever the
# sentence before received, these are not international students.
LEARNER_NOUN = re.compile(r"student|learner|trainee|apprentice|pupil|graduate|youth|people|person", re.I)
ENGLISH_UNIT = re.compile(r"[A-Za-z][A-Za-z& -]*")  # a unit in English words (faculty members, R&D centres)


def staff_not_international_students(s: Setting) -> str | None:
    if s.code != "international_students" or not ENGLISH_UNIT.fullmatch(s.unit_text or ""):
        return None
    if not LEARNER_NOUN.search(s.unit_text):
        return "an English count of staff or others, not of international students"
    return None


def learners_not_teachers(s: Setting) -> str | None:
    if s.code == "enterprise_parttime_teachers" and (LEARNERS_AFTER.search(s.after) or TRAINED_BEFORE.search(s.before)):
        return "learners counted, not industry staff who teach"
    return None


# Industry staff who teach, as their own clause calls them (企业兼职教师, 能工巧匠, 工程师, 师傅); 专兼职
# (full- and part-time together) is the school's whole staff.
INDUSTRY_STAFF = re.compile(
    r"(?<![专專])兼[职職]|导师|導師|能工巧匠|专家|專家|工程师|工程師|技术骨干|技術骨干|业务骨干|業務骨干|师傅|師傅|"
    r"技术人员|技術人員|技能人才|企业|企業|行业|行業|产业|產業|外聘|客座|mentor|engineer|industry|enterprise",
    re.IGNORECASE,
)


# Teachers as a school counts its own (专任教师, 正教授, 硕士及以上学历, 高级职称).
OWN_STAFF = re.compile(
    r"教师|教師|老师|老師|教授|讲师|講師|博士|硕士|碩士|学历|學歷|学位|學位|职称|職稱|专任|專任|专职|專職"
)


def own_teachers_not_industry(s: Setting) -> str | None:
    """Spec, who acts: enterprise_parttime_teachers counts industry staff teaching at the school. A
    count whose own clause calls them teachers and names no one from industry (专任教师134人, 正教授14人,
    硕士及以上学历58人 in a sentence that names 兼职教师 elsewhere) is the school's own staff; a clause
    that names nobody (共计120人 after 聘请企业能工巧匠担任兼职教师) keeps the sentence's code."""
    if s.code != "enterprise_parttime_teachers":
        return None
    own = s.before[-24:] + s.after[:12]
    if OWN_STAFF.search(own) and not INDUSTRY_STAFF.search(own):
        return "the school's own teachers, with no one from industry named in their clause"
    return None


# Teaching resource libraries (国家级教学资源库2个, 76个资源库): no indicator counts them (the real gold: 15 of 15
# other), though the words around them (课程, 标准, 立项) say courses, standards or projects.
RESOURCE_LIBRARY = re.compile(r"^[^，,。；;]{0,8}?资源库|资源库(?:项目)?[共计为有达]{0,2}$")


def resource_libraries(s: Setting) -> str | None:
    if s.base_unit == "item" and (
        s.noun == "资源库" or RESOURCE_LIBRARY.search(s.after) or RESOURCE_LIBRARY.search(s.before)
    ):
        return "teaching resource libraries, which no indicator counts"
    return None


def classes_not_majors(s: Setting) -> str | None:
    """Classes run (进阶班2班, 培训班4班) are courses or classes, never the majors a school offers."""
    if s.code == "majors_offered" and s.unit_text in ("班", "班次"):
        return "classes run, not majors offered"
    return None


def institutes_not_think_tanks(s: Setting) -> str | None:
    """Spec, places: R&D centres and institutes (创新研究院, 工程技术研究所) are innovation platforms;
    a think tank is called one (智库)."""
    if s.code == "think_tanks" and "智库" not in s.before[-24:] + s.after:
        return "an institute, not a think tank"
    return None


# Promoted to a technician grade (42名选手晋升技师职业资格): the spec counts technician grades as
# skilled_technicians_trained, not as certificates held.
TECHNICIAN_GRADE = re.compile(r"(?:晋升|晉升|晋级|晉級)[为為]?(?:高级|高級)?(?:技师|技師)")


# skilled_technicians_trained: a technician grade (技师, 高级工, 高技能人才) and a verb that makes or
# certifies one (培养, 鉴定, 新增, 晋升); a stock of skilled workers (全国技能人才超过2亿人), skilled
# talent of any grade (新增技能人才7019人), contestants or staff (首席技师9人) are other.
TECHNICIAN_WORDS = re.compile(r"技师|高级工|高技能|预备技师")
MAKES_TECHNICIANS = re.compile(r"培养|培训|鉴定|新增|晋升|晋级|取得|获得|考取|认定|评价|输送|造就|发证|通过")


def technicians_not_made(s: Setting) -> str | None:
    if s.code != "skilled_technicians_trained":
        return None
    near = s.before[-24:] + s.after[:12]
    if not TECHNICIAN_WORDS.search(near):
        return "skilled workers of no technician grade"
    if not MAKES_TECHNICIANS.search(sentence_so_far(s.context)[-40:] + s.before + s.after[:12]):
        return "technicians counted, not trained or certified"
    return None


VERTICAL_CODES = ("vertical_research_funding", "funded_research_projects")
HORIZONTAL_CODES = ("tech_service_revenue", "tech_service_projects")
FUNDING_SIDE = re.compile(r"横向|纵向")


def funding_side(s: Setting) -> str | None:
    """Spec: 横向 (industry-funded) work is technical service, 纵向 (government-funded) research is
    vertical; the nearer of the two words before the number says which (纵向2541万元，横向810万元)."""
    if s.code not in VERTICAL_CODES + HORIZONTAL_CODES:
        return None
    last = last_match(FUNDING_SIDE, s.before[-16:])
    side = last.group() if last else None
    if side == "横向" and s.code in VERTICAL_CODES:
        return "横向 work is technical service, not vertical research"
    if side == "纵向" and s.code in HORIZONTAL_CODES:
        return "纵向 research is vertical, not technical service"
    return None


# Projects of teaching, training or employment (供需对接就业育人项目立项794项) are not research.
TEACHING_PROJECTS = re.compile(r"育人|就业|供需对接|人才培养|培养项目|实习|师资|教学改革|教改")
RESEARCH_WORDS = re.compile(r"科研|课题|科技|研究|纵向|基金|社科|自然科学|攻关|研发|科学")


def projects_not_research(s: Setting) -> str | None:
    """立项 or 项目 in a sentence about teaching or employment projects, with no word of research:
    the projects are not funded research."""
    if s.code == "funded_research_projects":
        said = said_around(s)
        if TEACHING_PROJECTS.search(said) and not RESEARCH_WORDS.search(said):
            return "teaching or employment projects, not research"
    return None


DEPARTMENTS = frozenset(("部门", "部門", "处室", "處室", "科室"))


def departments_not_bodies(s: Setting) -> str | None:
    """Departments (内设9个职能处室, 4个政府部门) are parts of a body, none of the organisations the
    catalogue counts (groups, consortia, platforms), though they may be an alliance's members
    (13家省直有关部门 among its member units)."""
    if s.base_unit == "unit" and s.noun in DEPARTMENTS and s.code != "consortium_member_units":
        return "departments of a body, not organisations the catalogue counts"
    return None


def technician_grade_not_certificate(s: Setting) -> str | None:
    if s.code == "vocational_certificate_holders" and TECHNICIAN_GRADE.search(s.after):
        return "a promotion to a technician grade, which the spec counts as skilled technicians"
    return None


# The armed forces are no firm: NCO cadets trained for them (定向培养士官, 军士生) and students sent to
# them (输送大学生士兵42人, 入伍) are neither order classes nor graduates supplied to industry.
MILITARY = re.compile(
    r"士官|军士|士兵|[男女]兵|新兵|部队|军营|入伍|参军|应征|征兵|解放军|武警|空军|海军|陆军|火箭军|军队"
)
FIRMS_CODES = frozenset(
    (
        "order_class_enrolment",
        "order_classes",
        "graduates_supplied_to_industry",
        "graduates_hired_by_partners",
        "work_integrated_programme_enrolment",
        "modern_apprenticeship_enrolment",
    )
)

FIRMS_TOO = re.compile(r"订单|学徒|企业")


def forces_not_firms(s: Setting) -> str | None:
    """Cadets and recruits of the armed forces take no firm's code; a count that also names firms'
    classes (开办订单班、现代学徒制试点班、直招士官班共计115个) keeps it."""
    if s.code not in FIRMS_CODES or FIRMS_TOO.search(s.before + s.after):
        return None
    if MILITARY.search(for_matching(s.context[-40:]) + s.before + s.after):
        return "recruits and cadets of the armed forces, not a firm's"
    return None


RULES: tuple[Callable[[Setting], str | None], ...] = (
    change_not_level,
    technician_grade_not_certificate,
    technicians_not_made,
    funding_side,
    projects_not_research,
    teachers_sent_to_firms,
    learners_not_teachers,
    candidates_not_holders,
    honours_not_certificates,
    own_teachers_not_industry,
    institutes_not_think_tanks,
    classes_not_majors,
    resource_libraries,
    share_of_a_whole,
    count_of_schools,
    award_not_from_a_competition,
    events_not_awards,
    trades_not_contests_hosted,
    graduates_not_supplied,
    contestants_counted,
    staff_not_international_students,
    employment_share_not_rate,
    count_change_not_level,
    majors_not_offered,
    enterprises_not_counted,
    firms_not_places,
    awarded_not_partners,
    attendees_not_partners,
    patents_applied_not_granted,
    developed_without_an_enterprise,
    satisfaction_not_of_employers,
    base_without_industry,
    room_without_industry,
    new_type_not_modern,
    certified_not_trained,
    members_not_bodies,
    equipment_without_equipment,
    money_without_an_enterprise,
    local_share_not_a_place,
    departments_not_bodies,
    forces_not_firms,
)


# Rules that say only that the thing counted is not what the code counts: the next best code,
# if one fits the thing counted, may be right. Every other rule says the sentence does not
# report an indicator of that kind, and the fact is `other` (a wrong code is worse).
NEXT_MAY_FIT = (
    members_not_bodies,  # the next code may be consortium_member_units
    enterprises_not_counted,
    firms_not_places,
    equipment_without_equipment,
    technician_grade_not_certificate,
    funding_side,
    learners_not_teachers,
    institutes_not_think_tanks,
    classes_not_majors,
)


# Skilled talent of no technician grade that a place or school sends out (每年向社会输送3万余名技能人才)
# is graduates supplied to industry.
SENT_OUT = re.compile(r"(?:输送|輸送)[^，,。；;]{0,10}$")


def _sent_out(s: Setting) -> str | None:
    return "graduates_supplied_to_industry" if SENT_OUT.search(s.before[-16:]) else None


# Rules that say what the thing counted is: the code it takes instead (or a function of the setting
# that says it), where the rules allow it (not the few that lead or found a body: 三家单位牵头…共同成立).
INSTEAD = {members_not_bodies: "consortium_member_units", technicians_not_made: _sent_out}
LEADING = re.compile(r"^[^，,。；;]{0,4}(?:牵头|牽頭|发起|發起|倡议|倡議)")


def veto(s: Setting) -> tuple[str, bool, str | None] | None:
    """(reason, whether the next best code may still fit, the code the thing counted takes instead
    or None) when a rule rules the code out."""
    if s.code == "other":
        return None
    for rule in RULES:
        reason = rule(s)
        if reason:
            instead = INSTEAD.get(rule) if not LEADING.match(s.after) else None
            return reason, rule in NEXT_MAY_FIT, instead(s) if callable(instead) else instead
    return None
