"""Rules that tell a quantity that is a fact from one that is not (spec: 'Not facts').

Each rule is a small pure function of (doc, candidate span) that returns a reason string
when the number is not a fact, or None. `why_not_a_fact` runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from schemas.catalog import RENMINBI_EN

from .cells import Candidate
from .comparison_columns import comparator_cells, in_comparator_cell
from .doc import Doc, last_match
from .english import CURRENCY_NOUNS, ENGLISH_CURRENCIES, ENGLISH_MONEY_UNITS, ENGLISH_NOUNS
from .grammar import JOBS_AFTER, MONEY_AFTER, PEOPLE_AFTER, PERSON_NOUNS
from .numbers import YEAR, number_or_none
from .simplify import PINYIN_GLOSS, for_matching, simplified
from .units import MONEY, MONEY_UNIT, head_noun_after

QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』", "〈": "〉", '"': '"', "‘": "’"}

# 争取 looks ahead to what is striven for, but not where it says an effort made: 积极争取, and a 争取 with
# no object (地方政府多方奔走、积极争取,…斥资超10亿元; 經向相關部門積極爭取,西藏選派了5名).
FORECAST = re.compile(
    r"要求各地|要求各省|要求各级|要求各級|要求全国|要求全國|"  # what a ministry asks of the regions
    r"预计|預計|力争|力爭|(?<!积极)(?<!積極)(?:争取|爭取)(?![，,、]|[^，。；]{0,14}(?:资金|資金|经费|經費|支持|投资|投資|到))|预期|有望|计划到|計劃到|规划到|目标是|目标为|目標是|"
    r"将达到|將達到|(?<!需)要达到|(?<!需)要達到|将达|将建成|将新增|将实现|将培养|将突破|将超过|將超過|拟于|拟将|拟建(?![\u4e00-\u9fff]{0,3}?(?:单位|名单))|拟新增|拟投入|预测|展望|远景|"
    r"目标到|目标在|目标：|目标:|下一步|今后|将继续|將繼續|明年(?!度?[的起])|"  # 3校明年推200名公費生: next year's plan
    # what will be once a date comes (届时), what is hoped for (希望今年…可以超过三千万元)
    r"届时|屆時|希望(?=[^。；;]{0,20}?(?:超过|超過|达到|達到|突破|可以|能够|能夠))|"
    # what a plan or a document sets out to reach (纲要提出…学生数量增至五万人), a deadline to build
    # by (2023年底前建设50家左右; not 年底前已建成)
    r"(?:年底前|年末前|年底之前)(?:再|要|将|共)?(?:建设|建成|打造|培育|遴选|认定|新增|建立|組建|组建)|"
    r"(?:提出|要求)(?=[^。；;]{0,30}?(?:增至|增加至|增加到|提高到|提高至|提升至|提升到|達至|达至))|"
    # what a plan sets out to build (提出集中力量建设50所左右高水平高职学校, 提出三年内建成360个)
    r"提出(?:要|将|將)?(?:集中力量|加快)?(?:[0-9一二三四五六七八九十两兩]+年[内內])?"
    r"(?:建设|建設|打造|建成|培育|遴选|遴選)(?=[^，,。；;]{0,12}?[0-9０-９一二三四五六七八九十两兩百千])|"
    # the same in Traditional characters
    r"預期|計劃到|規劃到|目標是|目標為|目標到|目標在|目標：|將達|將建成|將新增|將實現|將培養|將突破|擬於|擬將|擬建(?![\u4e00-\u9fff]{0,3}?(?:單位|名單))|擬新增|"
    r"擬投入|預測|今後|"
    # what a building will hold once built or opened (建成后可容纳4000名学生, 规划办学规模为180班)
    r"建成后|建成後|落成后|落成後|竣工后|竣工後|投入使用后|投入使用後|投用后|投用後|"
    r"规划办学规模|規劃辦學規模|规划规模|規劃規模|即将(?:动工|开工|兴建|建设)|即將(?:動工|開工|興建|建設)|"
    # 拟 and 将 right before a verb say what is intended (今年拟新建6个, 市财政将分别给予每个100万元);
    # 模拟 and 虚拟 are no intention, and 将 before a noun only marks the object
    r"(?<![模虚擬虛比])[拟擬](?=新|建|设|設|投|开|開|招|培|实施|實施|申报|申報|认定|認定|立项|立項|增|聘|录|錄|安排)"
    r"(?![\u4e00-\u9fff]{0,4}?(?:单位|單位|名单|名單))|"  # 双高's 拟(立项)建设单位 is a title: the units shortlisted
    r"[将將](?:要|会|會|再|分别|分別|逐步|陆续|陸續|联合|聯合|共同)?(?:新建|建设|建設|给予|給予|投入|完成|形成|打造|开设|開設|招收|提供|安排|举办|舉辦|办理|辦理"
    r"|稳定在|穩定在|保持在|扩大到|擴大到|增加到|增至|提高到|提升到"
    # what is to be organised, chosen or sent (将组织5期培训, 将评选出6项一等奖, 将输送近5000名)
    r"|组织|組織|评选|評選|选拔|選拔|开展|開展|输送|輸送|招聘|招募|接收"
    r"|(?:资助|資助|奖励|獎勵|扶持)(?=[^，,。；;]{0,6}?[0-9０-９一二三四五六七八九十两兩百千]))|"  # 累计将资助学生300位: what a fund is to give (not 將資助範圍擴展至…)
    r"[将將](?:再|要|会|會)(?:培训|培訓)|"  # 年内将再培训90余人 (将 before 培训 alone may mark its object)
    # 计划 before what it plans (今年计划招聘20人, 计划培训4000名焊工, 计划用10年时间, 计划在未来3年内,
    # 计划三年内);
    # 按计划 is a plan kept; 计划投资 is a project's budget and 计划招收 an intake's places, facts the gold keeps
    r"(?<![按原照])(?:计划|計劃)(?=再|培养|培養|培育|招聘|录用|錄用|培训|培訓|新建|开设|開設|举办|舉辦|用[0-9一二三四五六七八九十两]|在[0-9一二三四五六七八九十两未今明]"
    r"|[0-9一二三四五六七八九十两兩]+(?:年|个月|個月)[内內]"  # 计划三年内培养约千名: within a span to come
    r"|出版|编写|編寫|编著|編著)|"  # 计划出版教材10本: books to be published
    # the time a plan is to take (将用6年左右的时间为…培养近5000名), and a guess (估计第一年能招到500人)
    r"[将將]用[0-9一二三四五六七八九十两兩]+(?:年|个月|個月)|估计|估計"
)
# 实现总量达到160万人的发展目标: a target, said after the number in its clause.
TARGET_AFTER = re.compile(r"[^，,。；;]{0,30}?的[^，,。；;]{0,4}(目标|目標)")
# A target named right before the number (全年目标任务 36000 人次, 比原定目标3000人超出5837人; not
# 占任务数100%, a completion).
TARGET_BEFORE = re.compile(r"(?:目标|目標)(?:任务|任務)?\s*$")
# A task or a condition right after the number (扩招100万人任务, 100万人如果落实): a target, not a result.
TASK_AFTER = re.compile(
    r"(?:(?:[和及与][0-9.]+[万萬]?[人名个個项項])?[^，,。；;、和及]{0,12}?(?:任务|任務)|如果|如能|若能|的话)"
)  # 下达了9000人和3250人培训任务: both are the task
# 已完成3000人培训任务: a task done is a result.
TASK_DONE = re.compile(r"(?:已|已经|已經|圆满|圓滿|超额|超額)完成|完成了")
# 按7000人规模设计: a design capacity, said after the number.
DESIGNED_FOR = re.compile(r"的?(规模设计|規模設計|设计规模|設計規模|规模建设|規模建設)")
# Enrolment plans: places planned, not students enrolled (招生计划为5626人, 计划招生50人，注册报到43人):
# a plan speaks for its own clause only.
PLAN = re.compile(r"招生计划|計劃招生|计划招生|招生計劃|招生总计划|招生總計劃|预留计划|預留計劃|计划为|計劃為")
# Figures about an economy, an industry or a government rather than the institution.
ECONOMY = re.compile(
    r"生产总值|GDP|经济总量|经济规模|經濟規模|财政收入|产业规模|市场规模|总产值|年产值|营业收入|业务收入|营收|"
    r"规模以上|规上|常住人口|户籍人口|总人口|人口总量|人口规模|产业集群规模|(?<!非)税收|出口额|"
    # 全国共有… counts what a place has, unless what it counts are its schools, students or teachers
    # (全国共有职业学校1.15万所: the vocational system's own size; 全国共有幼儿园29.48万所: an
    # education bulletin's count of the schools of each stage)
    r"全[省市国國]共有(?![^，,。；;]{0,8}(?:学校|學校|院校|职业|職業|技工|中职|中職|高职|高職|学生|學生|专业|專業|教师|教師|基地|集团|集團|"
    r"中心|机构|機構|培训|培訓|幼儿园|幼兒園|高中|初中|小学|小學|中学|中學|高校|大学|大學|义务教育|義務教育|普通))|"
    r"(产业|行业|全省|全市|全区|全国|全县|地区)[^，。；]{0,6}产值|游客|旅游人次|接待.{0,4}人次|"
    # a place's tourism (旅游总收入达到49.54亿元, 旅行社组织境内游3.86万人次)
    r"旅游(?:总|綜合|综合)?收入|旅遊(?:總|綜合)?收入|(?:境内|境外|国内|國內|出境|入境)游|"
    r"固定资产投资|投资总额|种植面积|播种面积|耕地面积|养殖规模|存栏|出栏|增加值|核心产业|"
    # an industry's production and sales (新能源汽车产销分别达705.8万辆, 粗钢产量50强)
    r"产销|產銷|总产量|總產量|(?<![年月日])产量|(?<![年月日])產量|(?<!品牌)销量|(?<!品牌)銷量|产能|產能|"
    # a place's firms of a kind (芜湖全市高新技术企业、科技型中小企业总数分别突破2000家、3000家)
    r"全[省市区县國国](?:的)?(?:高新技术企业|高新技術企業|科技型中小企业|科技型中小企業)|"
    # in English (the total industrial output value of 132 regulated enterprises reached 9.29 billion yuan)
    r"[Oo]utput value|[Ii]ndustrial output|[Gg]ross domestic product|[Rr]egulated enterprises|"
    r"[Aa]bove designated size|[Tt]ax revenue|[Ff]iscal revenue|"
    # an industry's production and sales (a production output of 30,800 vehicles, the sales revenue of
    # the industry reached 7.885 billion yuan)
    r"[Pp]roduction output|[Ss]ales revenue|[Mm]arket size|"
    # a place's or an age group's unemployment (城镇调查失业率为5.3%, 青年失业率约为17%); a cohort's
    # 非失业率 (MyCOS: graduates not unemployed) is the graduates' own
    r"(?<!非)失业率|(?<!非)失業率|[Uu]nemployment rates?"
)
# The jobless counted, right after the count (即兩萬六千四百人失業): the economy's, not a school's.
JOBLESS_AFTER = re.compile(r"(?:失业|失業)(?![人者])")
# An amount that is the size of an industry or a market, named after it (this $50 billion global
# industry, a 100-billion-yuan market); not a count (200 industry experts: its unit is no currency).
ECONOMY_AFTER_EN = re.compile(
    r"(?:-[a-z]+)?[ \t]+(?:(?:global|world|worldwide|domestic|national|Chinese|local|regional)[ \t]+)?"
    r"(?:industry|industries|market|markets|economy|sector)"
    r"(?=[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:in|of|by|for|with|that|which|and|is|was|to|has)\b)"  # not industry funds
)
# A table column of a shortage (对应本地产业缺口(万人), 人才缺口率): the economy's figures (a job fair's
# 需求人数 are its own); 人才缺口匹配度, how well the school meets it, is the school's own share.
SHORTAGE_COLUMN = re.compile(r"缺口")
SHARE_COLUMN = re.compile(r"匹配|满足|滿足")
# A shortage or a demand of an industry or a market, a few words before the number (人才缺口达1.2万人,
# 行业年需求人才超过2万人, 西点师社会需求量达到200万人; not a job fair's 需求毕业生1787人, a firm's
# 一次需求量就达30多人, or a report named for 社会需求 that goes on to a rate).
SHORTAGE = re.compile(
    r"(?:缺口|(?:人才|社会|社會|行业|行業|市场|市場)(?:实际|實際|年)?需求|需求规模|需求規模)[^，,。；;]{0,8}$"
    # a shortage followed over the years (缺口从2016年的170万人增至2018年的198万人)
    r"|缺口[^，,。；;]{0,24}(?:增至|增加到|增加至|扩大至|扩大到|擴大至|擴大到|达到|達到)[^，,。；;]{0,8}$"
)
# … or right after it (仅福建就存在超7000人的人才缺口)
SHORTAGE_AFTER = re.compile(r"的?(?:[\u4e00-\u9fff]{0,2}人才|技工|用工|人力|劳动力|勞動力)?缺口")
GROWTH = re.compile(r"(增长|增幅|提高|提升|下降|降低|增加|减少|同比|环比|高出|上升|增速)了?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
CN_DIGITS = set("一二两三四五六七八九十")
CN_DIGITS_ONLY = set("零〇一二两兩三四五六七八九")
MEDALS = ("金", "银", "銀", "铜", "銅")  # 二金一銀二銅: medals counted one after another


NAME_REACH = 30


def inside_quotes(doc: Doc, c: Candidate) -> str | None:
    """Numbers inside “…” or 《…》 are names and slogans (“三联三享”, 《…十四五规划》). Names are
    short: a quote opened further back than NAME_REACH is reported speech, whose numbers count
    (and the bounded look-back keeps a long sentence linear)."""
    text = doc.text
    start, _ = doc.sentence(c.start)
    lo = max(start, c.start - NAME_REACH)
    depth: list[tuple[str, int]] = []  # open quotes and where they stand
    for i, ch in enumerate(text[lo : c.start], lo):
        if depth and ch == QUOTE_PAIRS[depth[-1][0]] and not (ch == depth[-1][0] and ch in "\"'"):
            depth.pop()
        elif ch in QUOTE_PAIRS:
            depth.append((ch, i))
    if depth:
        opened, at = depth[-1]
        close = text.find(QUOTE_PAIRS[opened], c.end, c.start + 40)
        if (
            close != -1
            and not SPEECH.search(text, at, close)  # “…有440家，提供岗位一万个”: speech
            and not MEDAL_TALLY.fullmatch(PINYIN_GLOSS.sub("", text[at + 1 : close]))  # ‘10金3銀4銅’
        ):
            return "inside a name or slogan in quotes"
    return None


# A tally of medals quoted (‘10金3銀4銅1優勝獎’, “2金1银”): counts, not a name.
MEDAL_TALLY = re.compile(
    r"(?:[0-9一二三四五六七八九十两兩]+(?:金牌|银牌|銀牌|铜牌|銅牌|金|银|銀|铜|銅|优胜奖|優勝獎|优胜|優勝)[、，,和及]?)+"
)


# A comma or colon inside a quotation: quoted speech, whose numbers count, not a name or slogan.
SPEECH = re.compile(r"[，,：:；;]")


# 这三个专业, 最多的三个专业大类: a number that points back or ranks, not a count.
POINTING_BEFORE = re.compile(r"[最较較][\u4e00-\u9fff]{1,2}的$")  # 最多的三个, 增幅较大的5个省份: a ranking
POINTING_WORD_BEFORE = re.compile(r"(?:这|這|那|上述)$")  # before a numeral in words (这三个; 这50所 restates)
DIVIDED_BEFORE = re.compile(r"分[成为為]?$")  # 分3组: a division into groups
ORDINAL_LIST = re.compile(r"第[0-9一二三四五六七八九十]+[、和及至到]$")
CLASS_LABEL_AFTER = re.compile(r"的?(学生|學生|同学|同學|学员|學員)")


# 目前, 此前, 之前, 日前, 当前: 前 as a time word, not a ranking's top (前10名).
_BEFORE_NOW = set("目此之以日当當提事")
_NOUN_BEFORE_MU = set("项項题題节節科书書数數栏欄条條名")  # 项目, 题目, 节目 …: then 前 ranks


ENGLISH_TOP = re.compile(r"\b[Tt]op[ \t]+$")  # (top three hospitals: a grade of hospital, 三甲)


def ordinal_or_label(doc: Doc, c: Candidate) -> str | None:
    text = doc.text
    if ENGLISH_TOP.search(text, max(0, c.start - 5), c.start):
        return "a ranking's top (top three, top 10), not a count"
    before = text[max(0, c.start - 1) : c.start]
    if (
        before in ("第", "每", "前", "首", "No", "#")
        and not (
            before == "前"
            and text[max(0, c.start - 2) : c.start - 1] in _BEFORE_NOW  # 目前95%: now, not a top 95
            and text[max(0, c.start - 3) : c.start - 2] not in _NOUN_BEFORE_MU  # 项目前三名 ranks
        )
    ):
        return "ordinal, rate or label (第, 每, 前)"
    if ORDINAL_LIST.search(text, max(0, c.start - 6), c.start):
        return "the second ordinal of a list (第六、七位)"
    if c.unit_text == "期" and before == "年":
        return "a journal's issue (2015年1期), not a count"
    if JOB_BANK_AFTER.match(text, c.num_end):
        return "a job bank's name (104人力銀行, 1111人力銀行), not a count"
    if c.number in ELITE_PROJECTS and (before == "非" or ELITE_AFTER.match(text, c.num_end)):
        return "a class of universities (211院校, 非211本科, 985高校), not a count"
    if c.unit_text == "人" and text[c.unit_end : c.unit_end + 1] in ("间", "間") and not c.suffix:
        return "a room's size (宿舍以6人间为主), not a count of people"
    if c.unit_text in ("组", "組") and DIVIDED_BEFORE.search(text, max(0, c.start - 2), c.start):
        return "a division into groups (分3组), not a count"
    if POINTING_BEFORE.search(text, max(0, c.start - 5), c.start) or (
        _CJK.match(c.number) and POINTING_WORD_BEFORE.search(text, max(0, c.start - 2), c.start)
    ):
        return "a number that points back or ranks (这三个, 最多的三个), not a count"
    if c.unit_text == "班" and not _CJK.match(c.number) and CLASS_LABEL_AFTER.match(text, c.end):
        return "a class's name (汽车制造与试验技术2班的学生)"
    if c.unit_text == "班" and _numbered_class(text, c):
        return "a class's number (工程测量技术162班彭远浪, 物流223班)"
    if c.unit_text == "班" and _cohort_class(text, c):
        return "a class's name under its cohort (2020级商英4班张代钰)"
    if c.unit_text == "部" and c.number in AVIATION_PARTS and AVIATION_PART_AFTER.match(text, c.unit_end):
        return "a civil-aviation regulation's part (CCAR-141部航校), not a count"
    coded = before and (before.isascii() and before.isalnum() or before in "+＋-_/·.．") and not _signed(text, c.start)
    if coded and not c.glued:  # a share cut from the cells glued before it (850097.2%) is no code
        return "part of a code or name (1+X, 5G, 3.2)"
    after = text[c.end : c.end + 1]
    if after and (
        after in "+＋"
        or (after.isascii() and after.isalpha() and c.unit_text in ("%", "％") and not GLUED_WORD.match(text, c.end))
    ):
        return "part of a code or name (1+X)"
    return None


# Universities by the national programme that named them (211工程, 985工程): 211院校, 非211本科院校.
ELITE_PROJECTS = frozenset({"211", "985"})
JOB_BANK_AFTER = re.compile(r"人力[银銀]行")  # Taiwan's job banks go by a number: 104人力銀行
ELITE_AFTER = re.compile(r"(?:工程)?(?:本科|院校|高校|大学|大學|学校|學校|类|類)")


# China's civil-aviation regulations by part (CCAR-61, 121, 141, 147 部): the schools, carriers and
# maintenance shops certified under one are named by it (141部航校, 147部培训机构).
AVIATION_PARTS = frozenset({"61", "66", "91", "121", "135", "141", "145", "147"})
AVIATION_PART_AFTER = re.compile(
    r"(?:大型|运输|運輸)*(?:航空公司|规章|規章|运行|運行|航校|驾校|駕校|飞行|飛行|运营|運營|合格|维修|維修|培训|培訓|执照|執照|"
    r"航空|学校|學校|机构|機構|驾驶|駕駛|认证|認證|审定|審定|训练|訓練)"
)


# A class numbered by its cohort (物流管理161班, 工程测量技术162班): three or four digits glued to the
# major's name, and a student's name, a bracket or 的 after; not a count's words before (规模为180班,
# 开设超过200班, 共120班).
COUNT_LEAD_CHARS = set("共约約近达達有计計设設办辦开開招余餘多超逾过過为為了和与與及至")
NUMBERED_CLASS_AFTER = re.compile(r"[\u4e00-\u9fff)）]")


def _numbered_class(text: str, c: Candidate) -> bool:
    before = text[c.start - 1 : c.start] if c.start else ""
    return (
        3 <= len(c.number) <= 4
        and c.number.isdigit()
        and ("\u4e00" <= before <= "\u9fff" or before == "、")  # 161班彭尚、162班彭远浪
        and before not in COUNT_LEAD_CHARS
        and NUMBERED_CLASS_AFTER.match(text, c.unit_end) is not None
    )


# A class named by its cohort and its major's short name (2020级商英4班, 21级电商3班): the major's
# characters, none a count's, run from 级 to the number.
# Without 级, a cohort's two digits open the class's short name, and a student's name follows it
# (23数媒2班史艳颖): no count's measure word stands between.
COHORT_CLASS_BEFORE = re.compile(r"(?:19|20)?[0-9]{2}[级級]([\u4e00-\u9fff]{1,8})$")
COHORT_SHORT_BEFORE = re.compile(r"(?<![0-9\u4e00-\u9fff])[12][0-9]([\u4e00-\u9fff]{2,4})$")
NOT_A_CLASS_NAME = set("个個所家名项項件门門种種位人届屆期级級年月日")


def _cohort_class(text: str, c: Candidate) -> bool:
    if not (c.number.isdigit() and len(c.number) <= 2):
        return False
    m = COHORT_CLASS_BEFORE.search(text, max(0, c.start - 12), c.start)
    if m:
        return not COUNT_LEAD_CHARS.intersection(m.group(1))
    m = COHORT_SHORT_BEFORE.search(text, max(0, c.start - 8), c.start)
    return bool(
        m
        and not (COUNT_LEAD_CHARS | NOT_A_CLASS_NAME).intersection(m.group(1))
        and NUMBERED_CLASS_AFTER.match(text, c.unit_end) is not None
    )


# English words a machine translation glues to a share (70%of the bases, about 51%are teachers).
GLUED_WORD = re.compile(r"(?:of|are|is|were|was|in|and|to|for|from|among)[ \t]")


def _signed(text: str, start: int) -> bool:
    """A plus sign that opens a cell or a bracket (| +39人 |, （+12%）) marks a change, not a code
    (1+X): nothing but a space, a cell's bar or a bracket stands before it."""
    return text[start - 1] in "+＋" and (start < 2 or text[start - 2] in " \t\n|｜(（[【")


# Words of an award, counted before them (一個銅獎) or after them (三等奖一个).
AWARDS = r"奖|獎|金牌|银牌|銀牌|铜牌|銅牌"
# 获三等奖一个。: a count that trails the award it counts, ending its clause.
AWARD_BEFORE = re.compile(rf"(?:{AWARDS}|奖项|獎項)$")


def _trailing_award_count(text: str, c: Candidate) -> bool:
    return bool(AWARD_BEFORE.search(text, max(0, c.start - 2), c.start)) and text[c.end : c.end + 1] in tuple(
        "。，,；;、"
    )


# 一個銅獎, 一个项目的银牌, 一枚金牌: one award counted before it (the real gold labels all 36 of them); not
# a scholarship or prize money (一個月1萬元獎學金, 一个奖金池).
AWARD_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,5}}?(?:{AWARDS})(?![学學金励勵])")


def _award_counted_after(text: str, c: Candidate) -> bool:
    return c.unit_text in ("个", "個", "项", "項", "枚") and bool(AWARD_AFTER.match(text, c.unit_end))


def place_named_by_a_count(doc: Doc, c: Candidate) -> str | None:
    """三门县, 三门峡, 三门技师学院: 三门 is a place, not three courses."""
    if (
        c.unit_text in ("门", "門")
        and _CJK.match(c.number)
        and doc.text[c.unit_end : c.unit_end + 1] in "县縣峡峽湾灣技"
    ):
        return "a place name (三门县, 三门峡), not a count"
    return None


_AWARD_GRADE = re.compile(r"[一二三四五六七八九十][等级級][奖獎]")


MAGNITUDES = re.compile(r"[百千万萬亿億]+")  # 百, 百万, 百亿, 百千万 with no digit: a scale named, not counted


# No report counts with sixteen digits or more: such a run is a page's noise (9000…000成 on a spam
# mirror), and tenths (成) stop at ten.
NOISE_DIGITS = re.compile(r"[0-9０-９]{16}")


def implausible_number(doc: Doc, c: Candidate) -> str | None:
    """A run of sixteen digits or more, or tenths above ten (90成): no quantity a report states."""
    if NOISE_DIGITS.search(c.number):
        return "a run of sixteen digits or more: a page's noise, no quantity"
    if c.unit_text == "成" and (number_or_none(c.number) or 0.0) > 10:
        return "tenths (成) above ten: no share"
    return None


# Two people named just before (李先保与汪姣两位老师, 趙爽、羅森文兩名學生): the labellers count them (33 of 38).
NAMED_PAIR = re.compile(r"[、和与與及][\u4e00-\u9fff]{2,3}(?:老师|老師)?$")


# What follows a numeral's 元 in a name, never an amount of yuan: a place's or a body's word (三元区,
# 三元新闻网, 三元里, 二元桥, 三元集团).
YUAN_NAME_AFTER = re.compile(
    r"[区區县縣镇鎮里桥橋街路村乡鄉网網报報牌]|新闻|新聞|集团|集團|公司|"
    # 二元协作模式, 多元化, 一元论: a numeral's 元 as "-fold" (dual, plural), no money
    r"[化制论論]|协作|協作|结构|結構|模式|体制|體制|主体|主體|格局|对立|對立|协同|協同|融合|经济|經濟|治理|合作"
)


# Certificates counted in sheets (四張丙級證照, 兩張乙級): what a 張 after a Chinese numeral counts.
CERTIFICATE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:證照|证照|證書|证书|執照|执照|[甲乙丙][級级])")


def weak_numeral(doc: Doc, c: Candidate) -> str | None:
    """一个, 一项, 千家万户: a bare 一 or a lone 百/千/万 is a word, not a count."""
    n = c.number
    marked = c.prefix or c.suffix
    scaled = c.unit_text[:1] in ("十", "百", "千", "万", "萬", "亿", "億")  # 一万元: the 一 counts ten thousand
    lone = n in ("一", "壹", "零", "〇") and not scaled and c.unit_text not in MEDALS  # 二金一銀 counts
    hundredth = c.unit_text == "百分之"  # 百分之百: one hundred percent
    if (lone and not _trailing_award_count(doc.text, c) and not _award_counted_after(doc.text, c)) or (
        MAGNITUDES.fullmatch(n) and not marked and not hundredth
    ):
        return "a numeral used as a word (一个, 千家万户, 百亿项目, 百千万人才工程; but 逾百项, 百余个, 近百万人 and 获三等奖一个 count)"
    if 1 < len(n) < 3 and all(ch in CN_DIGITS_ONLY for ch in n):
        # three or more are a number written digit by digit (一三六校, 五一九位), as Taiwan writes them
        return "two Chinese digits without 十百千 are a word or a rough range (唯一一所, 三五家), not a count"
    if len(n) == 1 and n in "壹贰贰叁肆伍陆陸柒捌玖" and not scaled:  # cheque numerals come in runs (壹佰伍拾万元)
        return "a lone cheque numeral is part of a word (队伍人才), not a count"
    if (
        n in ("二", "两", "兩", "俩", "倆")
        and c.unit_text in ("位", "名", "人")
        and not (c.prefix or c.suffix)
        and not doc.text.endswith(("有", "共", "计", "計", "达", "達"), 0, c.start)  # 有两位学生被录取 counts
        and not NAMED_PAIR.search(doc.text, max(0, c.start - 8), c.start)  # 李先保与汪姣两位老师 counts
    ):
        return "two people named in passing (两位指导老师, 二人), or two digits (两位数), not a count"
    if (
        n in ("两", "兩", "俩", "倆")
        and c.unit_text in ("校",)
        and not (c.prefix or c.suffix)
        and not doc.text.endswith(("有", "共", "计", "計", "达", "達"), 0, c.start)
    ):  # the real gold: 20 of 22 bare 两校 unlabelled, the other two in a longer numeral (二十二校)
        return "the two schools named before (两校师生, 两校合作), not a count"
    if (
        _CJK.match(n)
        and c.unit_text in ("期", "次", "批", "台", "套", "本", "条", "张", "張")
        and not (c.unit_text in ("张", "張") and CERTIFICATE_AFTER.match(doc.text, c.end))
    ):  # 四張丙級證照: the noun after says what the sheets are
        return "a Chinese numeral with an ambiguous measure word"
    if _CJK.match(n) and c.unit_text == "元" and not marked and YUAN_NAME_AFTER.match(doc.text, c.end):
        return "a place, a name or a word of -fold (三元区, 三元新闻网, 二元协作模式), not yuan"
    if (
        _CJK.match(n)
        and (nxt := doc.text[c.end : c.end + 1])
        and nxt in CN_DIGITS
        and c.unit_text not in MEDALS
        and not _AWARD_GRADE.match(doc.text, c.end)  # 荣获三个二等奖 counts
    ):
        return "a set phrase (三位一体, 四梁八柱)"
    if _CJK.match(n) and c.num_start > 0 and doc.text[c.num_start - 1] in "数數几幾":
        return "a vague count (几十家, 数百人), not a number"
    return None


PARTY_CONGRESS = re.compile(r"(?:党的|黨的|中共)?(?:十[五六七八九]|二十)大")


def party_congress(doc: Doc, c: Candidate) -> str | None:
    """党的十九大, 二十大以来: the party congress's number is a name, not a count."""
    if c.unit_text == "大" and c.number in ("十五", "十六", "十七", "十八", "十九", "二十"):
        after = doc.text[c.unit_end : c.unit_end + 3]
        before = doc.text[max(0, c.start - 3) : c.start]
        if before.endswith(("党的", "黨的", "中共")) or re.match(
            r"以来|以來|精神|报告|報告|召开|召開|期间|代表|提出|上", after
        ):
            return "a party congress (十九大), a name"
    return None


def _glossed(doc: Doc) -> bool:
    return doc.once("glossed", lambda text: PINYIN_GLOSS.search(text) is not None)


# A bound that defines a class (总经费超10亿元的高校, 就业率超过95%的专业): a threshold, not a quantity.
THRESHOLD_AFTER = re.compile(
    r"(?:及?(?:以上|以下))?[的的](?:[0-9]{1,4}[个個所家项項])?(?:高校|院校|学校|學校|(?:专业|專業)(?!教师|教師|老师|老師|[教技]?[师師]|人员|人員|学生|學生)|企业|企業|单位|單位|地区|地區|城市|省份|项目|項目|课题|課題"
    # …的有16所, …的数量, …的占33.93%, …的比例为11%: the class's own count or share follows
    r"|有|數量|数量|占|佔|比例|比重)"
)  # not 的学生: 超过八成的毕业生 is a share of graduates, as 80%以上的专业教师 is of teachers;
# 经费10万元以上的项目37项 counts projects
BOUND_PREFIXES = ("超", "超过", "超過", "突破", "逾", "高于", "高於", "低于", "低於", "不足", "不到", "达到", "达")
BOUND_PREFIXES += ("不低于", "不低於", "不高于", "不高於", "不少于", "不少於", "≥", "≤", "<", ">", "＜", "＞", "≧", "≦")
# A band of a distribution (月平均起薪2001~3000元的占33.93%, 在6000元及以上的院校): a class's bounds.
BAND_AFTER = re.compile(r"及(?:以上|以下)")


# 註冊率未達六成的大專校院有6所, 連續三年未滿六成, 跌破六成: a share in 成 that a school falls below
# is the line it falls below (the 淹水線 of registration), not a share measured (the gold: 17 to 2; 不足三成,
# a share told as small, is not among these words)
LINE_BELOW = re.compile(r"(?:未達|未达|未滿|未满|跌破|跌落|未及)$")
LINE_PREFIXES = ("低於", "低于", "不到")


def threshold(doc: Doc, c: Candidate) -> str | None:
    if c.unit_text == "成" and (c.prefix in LINE_PREFIXES or LINE_BELOW.search(doc.text, max(0, c.start - 2), c.start)):
        return "a line a share falls below (註冊率未達六成), not a share measured"
    bound = c.prefix in BOUND_PREFIXES or c.after in ("以上", "以下") or c.number2 is not None
    if (bound or BAND_AFTER.match(doc.text, c.unit_end)) and (
        THRESHOLD_AFTER.match(doc.text, c.unit_end)
        or CLASS_LATER.match(doc.text, c.unit_end)
        or (c.unit_text.endswith(("元", "圓")) and PEOPLE_CLASS_AFTER.match(doc.text, c.unit_end))
    ):
        return "a threshold that defines a class (超10亿元的高校), not a quantity"
    return None


# 获得2项及以上国家级成果奖的高职院校: the bound's words run on to the class it defines
CLASS_LATER = re.compile(
    r"及?(?:以上|以下)[^，,。；;的]{1,12}的[\u4e00-\u9fff]{0,4}?(?:高校|院校|学校|學校|专业|專業|企业|企業|单位|單位|地区|地區|城市|省份)"
)
# 高于3000元的学生占12.74%: pay above a bound defines a class of people (a share of graduates, 超过
# 八成的毕业生, is no bound on money and stays a fact)
PEOPLE_CLASS_AFTER = re.compile(r"(?:及?(?:以上|以下))?[的的](?:学生|學生|毕业生|畢業生|人)")


def _first_forecast(doc: Doc, start: int, end: int, bare: bool = False) -> int:
    """Where FORECAST first matches in the sentence text[start:end], its lookaheads reading on to its
    end (争取2.4亿元中央预算内投资 is money won, not a target); past the end where nowhere. bare: in the
    sentence with its pinyin glosses taken out, an offset into that. Found once per sentence, not
    once per number in it."""
    key = ("first_forecast", start, end, bare)
    if key not in doc.derived:
        if bare:
            m = FORECAST.search(PINYIN_GLOSS.sub("", doc.text[start:end]))
        else:
            m = FORECAST.search(doc.text, start, end)
        doc.derived[key] = m.start() if m is not None else len(doc.text) + 1
    return doc.derived[key]  # type: ignore[return-value]


# 不少于 before a number states a floor that must be met (每所每年培训不少于2000人, 征集不少于6000个岗位,
# 将命名不少于100个工作室): a requirement, not a count of what was done. (A floor on pay, 不低于400元/月,
# is what a trainee is paid, and stays a fact.)
REQUIREMENT_MARKS = ("不少于", "不少於")
# An exchange rate (1人民幣元約合0.1477美元, 1美元兑6.5元): both sides state what one currency is worth,
# neither is an amount. (An area's conversion, 40.5萬平方米(約合606.6畝), states one amount twice: kept.)
RATE_WORD = r"(?:[约約]合|折合|兑换?|兌換?)"
RATE_AFTER = re.compile(rf"元?\s*{RATE_WORD}\s*[0-9０-９.．]+\s*(?:{MONEY_UNIT})")
RATE_BEFORE = re.compile(rf"(?:{MONEY_UNIT})\s*{RATE_WORD}\s*$")


def exchange_rate(doc: Doc, c: Candidate) -> str | None:
    if not MONEY.fullmatch(c.unit_text):
        return None
    # before the number itself: 约合 may open the candidate as its mark of approximation
    if RATE_AFTER.match(doc.text, c.end) or RATE_BEFORE.search(doc.text, max(0, c.num_start - 12), c.num_start):
        return "an exchange rate (1人民币约合0.15美元), not an amount"
    return None


# An amount restated in another currency in brackets (5,500 yuan ($812) a month, 200 million yuan ($29.26
# million)): the same money twice; the yuan is the fact.
CONVERTED_BEFORE = re.compile(
    rf"(?:{'|'.join(RENMINBI_EN)}|元)[ \t]*[(（][ \t]*(?:(?:about|around|approximately|roughly|nearly|some|or|US)[ \t]*)?$",
    re.IGNORECASE,
)


# The English reader's currencies other than renminbi ($, US$, HK$, NT$, €, £ …).
FOREIGN_IN_ENGLISH = frozenset(k for k, base in ENGLISH_CURRENCIES.items() if base == "other")


def converted_amount(doc: Doc, c: Candidate) -> str | None:
    unit = c.unit_text.lower()
    foreign = unit in FOREIGN_IN_ENGLISH or unit.rsplit(" ", 1)[-1] in CURRENCY_NOUNS  # (146 U.S. dollars)
    if foreign and CONVERTED_BEFORE.search(doc.text, max(0, c.start - 24), c.start):
        return "an amount restated in another currency in brackets (5,500 yuan ($812)), not a second amount"
    return None


def requirement(doc: Doc, c: Candidate) -> str | None:
    return "a requirement or target (不少于…), not a quantity" if c.prefix in REQUIREMENT_MARKS else None


# A later clause that states what is, now or before (預計招生6萬7,951人，…今年錄取人數是6萬1,122人; 预计开设39班次，
# 截至目前为止已有8班开班): a forecast's mark governs the clauses up to it, not this one.
FRESH_CLAUSE = re.compile(r"[，,]\s*(?:而|但)?(?:今年|去年|前年|目前|截至目前|实际|實際|已经|已經|已)")


def _fresh_after_forecast(doc: Doc, first: int, num_start: int) -> bool:
    last = first
    for m in FORECAST.finditer(doc.text, first, num_start):
        last = m.end()
    return FRESH_CLAUSE.search(doc.text, last, num_start) is not None


def forecast(doc: Doc, c: Candidate) -> str | None:
    start, end = doc.sentence(c.start)
    first = _first_forecast(doc, start, end)
    if first < c.num_start and not _fresh_after_forecast(doc, first, c.num_start):  # its own mark too (将超过50%)
        return "a forecast or target (预计, 力争, 目标)"
    if _glossed(doc) and _first_forecast(doc, start, end, bare=True) < len(
        PINYIN_GLOSS.sub("", doc.text[start : c.num_start])
    ):  # a mirror's pinyin glosses split the words (將穩(wěn)定在)
        return "a forecast or target (预计, 力争, 目标)"
    clause_start, _ = doc.clause(c.start)
    completion = c.unit_text in ("%", "％") and doc.text.endswith("的", 0, c.start)  # 为招生计划的119.95%
    if (PLAN.search(doc.text, clause_start, c.start) and not completion) or PLAN.match(doc.text, c.end):
        return "an enrolment plan, not students enrolled"
    if DESIGNED_FOR.match(doc.text, c.unit_end):
        return "a design capacity (按7000人规模设计), not what is there"
    if TARGET_AFTER.match(doc.text, c.end):
        return "a target (达到29.5%的发展目标)"
    if TASK_AFTER.match(doc.text, c.end) and not TASK_DONE.search(doc.text, clause_start, c.start):
        return "a task or a condition (扩招100万人任务, 下达9000人培训任务), not a result"
    if TARGET_BEFORE.search(doc.text, max(0, c.start - 6), c.start):
        return "a target named before it (完成全年目标任务36000人次的110.1%: the 36000; 原定目标3000人)"
    if (
        BY_YEAR.match(doc.text, start)
        and REACHES.search(doc.text, clause_start, c.num_start)
        and not DONE.search(doc.text, start, c.num_start)
    ):
        return "a target for a year (到2020年，…总量达到520万人), not a result"
    english = doc.text[c.unit_start : c.unit_end].isascii()
    if english and ENGLISH_TARGET_BEFORE.search(doc.text, max(0, c.start - 60), c.start):
        return "a target named before its figure (a target employment rate of 60 per cent)"
    if english and _english_forecast(doc.text, c.start, c.end):
        return "a forecast, target or rule in English (is expected, should be no less than)"
    if (
        english
        and ENGLISH_PURPOSE.search(doc.text, max(0, c.start - 24), c.start)
        and ENGLISH_FUNDS.search(doc.text, max(0, c.start - 90), c.start)
    ):
        return "what money is for in English (RMB 1.3 billion to retrain 144,000 teachers): a purpose, not a result"
    return None


# A sentence that opens with the year it looks to (到2020年，全省技能人才总量达到520万人): what is
# to reach a level by then is a target, unless the sentence says it is done (已, 累计, 共有) or
# dates a state at the year's end (到2017年年末，共拥有…).
BY_YEAR = re.compile(r"\s*(?:力争|力爭|争取|爭取|计划|計劃)?到20[0-9]{2}年(?![年底末后後])[，,]?")
REACHES = re.compile(r"达到|達到|超过|超過|突破")
DONE = re.compile(r"已|累计|累計|共有|先后|先後")


# An English sentence that looks ahead or sets a rule: its figures are no results.
ENGLISH_FORECAST = re.compile(
    r"\b(?:(?:is|are|was|were)(?: also)? expected|expected to|(?:is|are) projected|plans? to|aims? to|(?:is|are) aiming (?:to|at)|"
    r"to reach the|"
    r"should be|must be|targets? of|pledged|pledges to|would (?:achieve|reach|expand|add|be used)|"
    r"(?:is|are) needed|expects? to|(?:is|are|was|were) likely to|(?:is|are) going to|in the next (?:[a-z]+ )?(?:years?|months?)|(?:it's|it is|is) estimated|we'll|"
    r"will (?:reach|exceed|be|have|increase|rise|grow|train|create|add|invest|study|enrol|enroll|participate|attend|take part|"
    r"join|recruit|hire|host|hold|build|establish|launch|set up|select|enlarge|expand|double|triple|raise|boost))\b",
    re.IGNORECASE,
)
# A programme's purpose looks ahead of the numbers after it (a program to train 500 teachers), not of
# those it is said of before (40 Laotian trainees who arrived … under a program to train railway specialists).
ENGLISH_PROGRAMME = re.compile(
    r"\b(?:program|programme|plan|initiative|campaign|project|scheme) to (?:establish|build|train|set up|create|cultivate)\b",
    re.IGNORECASE,
)
# A target named right before its figure (a desired target employment rate of 60 per cent): the figure
# is the target; the sentence's other figures (73 per cent of courses failed to meet it) are results.
ENGLISH_TARGET_BEFORE = re.compile(
    r"\btargets?(?:\s+[a-z-]+){0,3}\s+(?:of|at)\s+(?:about |around |over |at least |only )?$", re.IGNORECASE
)
ENGLISH_PURPOSE = re.compile(r"\bto (?:re)?train(?: about| around| some| up to)?\s+$", re.IGNORECASE)
ENGLISH_FUNDS = re.compile(r"RMB|USD|US\$|yuan|dollars?|fund|invest|budget|allocat|grant", re.IGNORECASE)
# a sentence ends at a stop before a space, closing quotes or brackets between (…in Guangzhou." According to),
# and at a source's citation mark, where a summary's points end with no stop (…skilled talents annually [1] - The…)
_ENGLISH_STOP = re.compile(r"[.!?][\"'”’)]*(?=\s)|\[[0-9]{1,3}\](?=\s)|[。；;\n]")


def _english_forecast(text: str, start: int, end: int) -> bool:
    """The English sentence around text[start:end] (at most 300 characters either side, no Chinese
    in it) looks ahead or sets a rule."""
    if _CJK.search(text, max(0, start - 20), min(len(text), end + 20)):
        return False  # Chinese around the number: not an English sentence (the cheap test first)
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    stops = [m.end() for m in _ENGLISH_STOP.finditer(text, lo, start)]
    after = _ENGLISH_STOP.search(text, end, hi)
    a, b = (stops[-1] if stops else lo), (after.start() if after else hi)
    if _CJK.search(text, a, b):
        return False
    return ENGLISH_FORECAST.search(text, a, b) is not None or ENGLISH_PROGRAMME.search(text, a, start) is not None


# What a competition or a government event is made of (赛区, 大项, 分赛项, 部委): figures about the
# event, unless the sentence says the institution took part in them (参加, 参赛, 获). Classes of
# majors (专业类) are a contest's make-up only in a sentence about a contest (共设12个专业类95个比赛
# 项目); elsewhere (目录共设97个专业类) they are what a catalogue or a school covers, and counted.
EVENT_PARTS = re.compile(r"[个個]?(赛区|賽區|大项|大項|分赛项|分賽項|部委|部门|部門|比赛项目|比賽項目)")
MAJOR_CLASSES = re.compile(r"[个個]?(专业类|專業類)")
TAKING_PART = re.compile(r"参加|參加|参赛|參賽|获|獲|承办|承辦|选派|選派")


def about_an_event(doc: Doc, c: Candidate) -> str | None:
    part, classes = EVENT_PARTS.match(doc.text, c.unit_end), MAJOR_CLASSES.match(doc.text, c.unit_end)
    if not (part or classes):
        return None
    start, end = doc.sentence(c.start)
    if not part and not CONTEST.search(for_matching(doc.text[start:end])):  # a sentence about a contest
        return None
    if TAKING_PART.search(doc.text, start, c.start):
        return None
    return "what a competition or event consists of (19个赛区, 81个分赛项), not the institution's"


# 来自世界技能组织68个成员国家和地区的1260余名选手: the world's field of WorldSkills says nothing of
# China's schools. (A national contest's field, 全国37支代表队, is counted: the labellers count 20 of the
# 29 numbers a rule that also dropped it had dropped.)
WORLD = re.compile(r"世界技能组织|世界技能組織|世界技能大赛|世界技能大賽")
FIELD = re.compile(r"代表队|参赛队|选手|支队伍")
CONTEST = re.compile(r"大赛|竞赛|比赛|赛项|技能赛")


def world_contest_field(doc: Doc, c: Candidate) -> str | None:
    if c.unit_text in MEDALS or c.unit_text in (
        "优胜",
        "優勝",
        "金牌",
        "银牌",
        "銀牌",
        "铜牌",
        "銅牌",
        "金手奖",
        "金手獎",
    ):
        return None  # 世界技能大赛3银1铜: medals won, not the contest's field
    clause_start, clause_end = doc.clause(c.start)
    head = doc.text[clause_start : c.start]
    if not WORLD.search(head):
        return None
    clause = for_matching(doc.text[clause_start:clause_end])
    if FIELD.search(clause) and CONTEST.search(clause):
        return "the world's field of WorldSkills (68个成员国家和地区的1260余名选手), not China's schools"
    return None


# A statistical bulletin (统计公报) speaks of a place's year (年末全市…, 比上年增长…) section by
# section; of its sections only education's are about schools: its health, culture, sport and
# science figures (医院床位, 图书馆, 专利授权, 技术合同) are the place's, not its schools'.
BULLETIN_STYLE = re.compile(
    r"统计公报|統計公報|年末全[市省县区國国]|全年全[市省县区]|比上年末?(?:增长|下降|增加|减少|增長|減少)|"
    r"国民经济和社会发展|國民經濟和社會發展|[0-9]{4}年末(?:有|拥有|擁有)"
)
OTHER_SECTORS = re.compile(
    r"卫生|衛生|医院|醫院|床位|医师|醫師|护士|護士|医疗|醫療|疾病|文化馆|文化館|图书馆|圖書館|博物馆|博物館|"
    r"档案馆|檔案館|广播|廣播|电视|電視|电影|電影|体育场地|體育場地|全民健身|运动员|運動員|专利|專利|技术合同|技術合同|研发|研發|"
    r"科技|科学研究|科學研究|工程技术研究|工程技術研究|重点实验室|重點實驗室|福利|养老|養老|旅游|旅遊|艺术表演|"
    r"藝術表演|出版|报纸|報紙|期刊|"
    # the science and industry section's bodies (高新技术企业, 工程研究中心, 孵化器) and social services
    r"高新技术企业|高新技術企業|科技型企业|科技型企業|工程研究中心|工程实验室|工程實驗室|企业技术中心|企業技術中心|"
    r"孵化器|众创空间|眾創空間|高新区|高新區|社区服务|社區服務|企业研究院|企業研究院|"
    # the finance section (存款余额, 贷款余额, 保费收入)
    r"存款|貸款|贷款|保费|保費|保险|保險|金融机构|金融機構"
)


def _is_bulletin(text: str) -> bool:
    return len(BULLETIN_STYLE.findall(text, 0, 50_000)) >= 3


def bulletin_outside_education(doc: Doc, c: Candidate) -> str | None:
    if not doc.once("bulletin", _is_bulletin):
        return None
    start, _ = doc.sentence(c.start)
    if OTHER_SECTORS.search(doc.text, start, c.start):
        return "a statistical bulletin's figure outside education (health, culture, science)"
    return None


def about_economy(doc: Doc, c: Candidate) -> str | None:
    clause_start, _ = doc.clause(c.start)
    found = ECONOMY.search(doc.text, clause_start, c.start) or ECONOMY.search(
        for_matching(doc.text[clause_start : c.start])  # 規模以上紡織企業, 出口額: the words in Traditional characters
    )
    if found and found.group().startswith("全"):
        said = found.end() if found.string is doc.text else clause_start + found.end()
        if (
            _takes_part(doc, c)
            or c.unit_text in SCHOOLS_MEASURE
            or TAKES_PART.search(doc.text, said, c.start)
            or SCHOOLS_AFTER.match(doc.text, c.unit_end)
        ):
            # 全国共有…: the schools a place has (48所…院校), or firms counted for their part in
            # schooling (全市共有173家企业…参与), and what those who took part got (…申请…3000元学费补助)
            return None
    if found and not _share_of_population(found):
        return "a figure about the economy, not the institution"
    if c.unit_text in ("人", "名") and JOBLESS_AFTER.match(doc.text, c.unit_end):
        return "people out of work (兩萬人失業), the economy's figure, not the institution's"
    if (c.unit_text or "").lower() in ENGLISH_MONEY_UNITS and ECONOMY_AFTER_EN.match(doc.text, c.end):
        return "the size of an industry or a market ($50 billion global industry), not the institution's"
    window = doc.text[max(clause_start, c.start - 40) : c.start]
    # 缺 and 需 are the same in both scripts and no gloss splits them off: most numbers skip the work
    if ("缺" in window or "需" in window) and SHORTAGE.search(for_matching(window)):
        return "a shortage or a demand of an industry (人才缺口, 行业需求), not the institution's"
    if SHORTAGE_AFTER.match(doc.text, c.unit_end):
        return "a shortage of an industry (7000人的人才缺口), not the institution's"
    if c.unit_text in ACRES:
        said = for_matching(doc.text[clause_start : c.start])
        if FARMLAND.search(said) and not SCHOOL_LAND.search(said):
            return "farmland planted, tended or held (种植棉花192.6万亩, 家里有50亩地), not the institution's"
    return None


ACRES = ("亩", "畝", "万亩", "萬畝")
# Land farmed (种植, 作物, 托管, 承包, 果园) as against a school's land and bases (占地, 实训基地).
FARMLAND = re.compile(
    r"种植|作物|棉花|小麦|玉米|水稻|耕地|托管|流转|承包|花木|苗木|果园|茶园|灌溉|播种|家里有|全[团县乡镇]"
)
SCHOOL_LAND = re.compile(r"基地|学校|学院|校|实训|实习|示范|占地|园区|场地")


SCHOOLS_MEASURE = ("所",)  # the measure word of schools: 全国共有48所铁路行业办学特色院校
# …or the schools named after the count (全市共有21个现代产业学院): the search for 全市共有 ends at the
# number, so its own look-ahead cannot see them
SCHOOLS_AFTER = re.compile(r"[^，,。；;]{0,6}?(?:学院|學院|院校|学校|學校|高校|大学|大學)")


def _share_of_population(found: re.Match) -> bool:
    """覆盖区域人口占全省总人口的70.7%: a population is what the share is of, not what is counted."""
    said = found.string[max(0, found.start() - 8) : found.start()]
    return "人口" in found.group() and ("占" in said or "佔" in said)


# 全市共有173家企业、69家培训机构参与了学徒培养工作: what a place has, counted for the part it takes
# in schooling, is not the economy's size; so are those who applied for a scheme (全市共有560名职工申请…
# 学费补助).
TAKES_PART = re.compile(
    r"参与|參與|参加|參加|学徒|學徒|校企|实习|實習|订单|訂單|产教|產教|合作|申报|申報|报名|報名|申请|申請"
)


def _takes_part(doc: Doc, c: Candidate) -> bool:
    _, sent_end = doc.sentence(c.start)
    return TAKES_PART.search(doc.text, c.end, min(sent_end, c.end + 40)) is not None


PAGE_COUNTERS = re.compile(
    r"浏览|阅读|点击|访问量|访问次数|访问人次|点赞|转发|评论|收藏|下载次数|围观|圍觀|"
    r"全文[(（]剩余|全文[(（]剩餘"  # a paywall's share of the article left unread: 订阅后可查看全文(剩余80%)
)


# 四个层面, 两项到账经费: a count of aspects or categories describes, it does not measure.
ABSTRACT_AFTER = re.compile(
    r"(层面|方面|环节|维度|阶段|层次|重点|机制|模式|途径|渠道|举措|措施|原则|理念|路径|步骤|"
    r"特色|优势|特点|要素|板块|区域|转变|对接|到账|经费|指标|数据|统一|结合|融合|协同|一体|"
    r"痛点|难点|难题|问题|职能|功能|面向|策略|战略|任务|行动|作用|层级)"
)


# Aspects and forms are counted to describe, whatever the numeral (从…等7个方面, 3种形式).
ASPECTS = re.compile(r"(方面|层面|维度|形式)")
# Kinds that are themselves counted (12类国际证书, 5类职业资格, 七類失業者, 奖…三类): a count.
KINDS_COUNTED = re.compile(r"证书|證書|资格|資格|奖|獎|失业|失業")
# 11项指标, 5项重点目标, 6项重要就业指标: the make-up of a scheme or a plan, not a measure
INDICATORS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:指标|目标|核心目标)")
SECTORS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:产业|行业|制造业|竞争力|赛事)")
# What a 大 counts as a count, not a heading: categories, fields and trades (10大类, 五大产业领域,
# 八大職類), each a real number of the things a report lists.
CATEGORIES_AFTER = re.compile(r"(?:专业)?(?:类|领域|职类|产业领域)")
INDICATOR_TIERS = re.compile(r"[一二三四1-4]级(?:评价|考核|观测)?指标")


# What the words after a unit open with for INDICATOR_TIERS to match them, as written (乙個 reads 一个,
# a gloss is dropped): other units' words are only converted where they might.
_TIER_OPENERS = "一二三四1234乙(（【["


# The measure words a count of aspects or categories is written in (四个层面, 六大产业, 3种形式).
_ABSTRACT_MEASURES = ("个", "個", "项", "項", "大", "种", "種")


_PHRASE_END = re.compile(r"[0-9０-９，,。、；;：:！？!?\s（）()“”《》]")


def _phrase_after(doc: Doc, c: Candidate) -> str:
    """The words right after the unit, up to a number or a stop (五大洲70多个国家 → 洲)."""
    after = for_matching(PINYIN_GLOSS.sub("", doc.text[c.unit_end : c.unit_end + 30]))
    end = _PHRASE_END.search(after)
    return after[: end.start() if end else 10][:10]


def descriptive_count(doc: Doc, c: Candidate) -> str | None:
    if c.unit_text in ("类", "類") and _CJK.match(c.number):
        clause_start, clause_end = doc.clause(c.start)
        near = doc.text[max(clause_start, c.start - 6) : min(clause_end, c.unit_end + 6)]
        if not KINDS_COUNTED.search(near):
            return "a division into kinds (分为四类, 三類學校), not a measure"
    raw = doc.text[c.unit_end : c.unit_end + 8]
    if "(" in raw:  # a mirror's pinyin glosses (產(chǎn)業) split the words
        raw = PINYIN_GLOSS.sub("", doc.text[c.unit_end : c.unit_end + 40])[:8]
    if c.unit_text not in _ABSTRACT_MEASURES and raw[:1] not in _TIER_OPENERS:
        return None
    after = for_matching(raw)  # both patterns are anchored and short
    if c.unit_text in _ABSTRACT_MEASURES and _CJK.match(c.number) and ABSTRACT_AFTER.match(after):
        return "a count of aspects or categories (四个层面), not a measure"
    if c.unit_text == "大" and CATEGORIES_AFTER.match(after):
        return None
    if c.unit_text == "大" and SECTORS_AFTER.match(after):
        return "a count of industries or sectors (三大主导产业, 六大先进制造业): the economy's, not a measure"
    if c.unit_text == "大" and head_noun_after(_phrase_after(doc, c)) is None:
        return "a numbered heading (三大真相, 五大亮点): 大 counts only a thing the catalogue counts (十大专业群)"
    if c.unit_text in ("项", "項") and INDICATORS_AFTER.match(for_matching(_phrase_after(doc, c))):
        return "a count of indicators or goals (11项指标, 5项重点目标), not a measure"
    if c.unit_text in ("个", "個", "种", "種", "项", "項") and ASPECTS.match(after):
        return "a count of aspects or forms (7个方面, 3种形式), not a measure"
    if INDICATOR_TIERS.match(after):
        return "the make-up of an evaluation scheme (4个一级指标、11个二级指标), not a measure"
    return None


# A page's own counts after the number: 共1个回答, 3条评论, 120人阅读, 0人参与,0条评论.
PAGE_COUNTS_AFTER = re.compile(
    r"[ \t]*(?:回答|评论|評論|点赞|點讚|浏览|瀏覽|阅读|閱讀|粉丝|粉絲"
    r"|参与(?=[^。\n]{0,12}(?:评论|評論)))"  # 0人参与,0条评论: a comment box's count
)  # on its line


def page_counter(doc: Doc, c: Candidate) -> str | None:
    """阅读：2,318次 and 点击数 123次 count the web page's visitors, not the institution's work."""
    start, _ = doc.sentence(c.start)  # the counter's label stands before a colon, a clause back
    if PAGE_COUNTERS.search(doc.text, max(start, c.start - 12), c.start) or PAGE_COUNTS_AFTER.match(
        doc.text, c.unit_end
    ):
        return "a page-view counter"
    return None


# A year before a word that begins with 家 (2023家政产教融合发展论坛, 2024家庭教育周): not a count of firms.
HOME_WORDS = set("政庭居电電具纺紡装裝校长長风風禽畜乡鄉园園访訪教族")
# The seconds of a time of day (2017/6/19 14:17:28本站原创): hours and minutes just before.
CLOCK_BEFORE = re.compile(r"(?<![0-9])[0-2]?[0-9][:：][0-5][0-9][:：]$")


def date_or_duration(doc: Doc, c: Candidate) -> str | None:
    text = doc.text
    if CLOCK_BEFORE.search(text, max(0, c.num_start - 7), c.num_start):
        return "a time of day (14:17:28)"
    if c.unit_text == "家" and text[c.unit_end : c.unit_end + 1] in HOME_WORDS and YEAR.fullmatch(c.number):
        return "a year before a word of 家 (2023家政论坛)"
    after = text[c.unit_end : c.unit_end + 1]
    # the words after the unit are read in Simplified (3個學期, 24小時不間斷運轉 as 3个学期, 24小时不间断运转)
    if c.unit_text in ("个", "個") and simplified(text[c.unit_end : c.unit_end + 3]).startswith(
        ("月", "多月", "工作日", "学期", "星期", "小时")
    ):
        return "a duration (3个月)"
    if simplified(c.unit_text) == "小时" and re.match(
        r"(不间断|连续)?(运转|运行|值守|值班|在线|营业|开放|服务)", simplified(text[c.unit_end : c.unit_end + 6])
    ):
        return "a duration of operation (24小时运转)"
    young = text.startswith(("年轻", "年輕"), c.unit_end)  # 9萬多名年輕人: young people, not a year
    if after and after in "年月日号號" and c.unit_text not in ("%", "％") and not young:  # "" is in every string
        return "a date or period"
    return None


_PEOPLE_NEXT = re.compile(PEOPLE_AFTER)
_JOBS_NEXT = re.compile(JOBS_AFTER)
_JOBS_BEFORE = re.compile(r"(?:岗位|崗位|职位|職位)(?:数|數)?[^，,。；;]{0,3}$")
# people named before the number, or enrolment (中职招生600.37万: students enrolled)
_PEOPLE_BEFORE = re.compile(
    PERSON_NOUNS
    + r"|人|招生|招收|在校生|在籍生|"
    # in English too (teachers … rose 17 percent to 1.29 million)
    + r"\b(?:"
    + "|".join(n for n, unit in ENGLISH_NOUNS.items() if unit == "person")
    + r")\b",
    re.IGNORECASE,
)


_VISITS_BEFORE = re.compile(r"人次(?:数|數)?(?:为|為|达|達|约|約|近|超)?$")
# Money named shortly before a bare 万 or 亿 (捐资10万设立奖学金, 到款额超过了1.2亿, 为企业节省费用上千萬):
# an amount of yuan.
_MONEY_NEXT = re.compile(MONEY_AFTER)
_MONEY_BEFORE = re.compile(
    r"耗资|耗資|斥资|斥資|出资|出資|捐资|捐資|捐赠|捐贈|捐款|捐助|投入|投资|投資|资助|資助|拨款|撥款|拨付|經費|经费|资金|資金|到款|到账|到賬|收入|奖金|獎金|金额|金額|"
    r"费用|費用"
)


def bare_wan_counts(doc: Doc, c: Candidate) -> str | None:
    """What a number in 万 or 亿 with no measure word counts: 'person' where a person noun follows it
    or its sentence names people shortly before it (毕业生超2.8万，…), 'other' for jobs (1.3万余岗位,
    提供岗位2.1万), else 'CNY' where money is named just before it (捐资10万设立…), else None: an
    amount of something unsaid."""
    if _PEOPLE_NEXT.match(doc.text, c.unit_end):
        return "person"
    if _JOBS_NEXT.match(doc.text, c.unit_end) or _JOBS_BEFORE.search(doc.text, max(0, c.start - 6), c.start):
        return "other"
    if _MONEY_NEXT.match(doc.text, c.unit_end):
        return "CNY"  # 投入逾1.5億經費: the money named right after, whoever the sentence named before
    start, _ = doc.sentence(c.start)  # 毕业生超2.8万，其中1.2万进入吉利: the people were named a clause back
    if _VISITS_BEFORE.search(doc.text, max(start, c.start - 3), c.start):
        return "person_time"  # 入讀人次約14萬: the unit written before the number
    reach = 100 if doc.text[max(0, c.start - 1) : c.start].isascii() else 40  # English words are longer
    money = last_match(_MONEY_BEFORE, doc.text, max(start, c.start - 20), c.start)
    people = last_match(_PEOPLE_BEFORE, doc.text, max(start, c.start - reach), c.start)
    if people and not (money and money.end() > people.end()):
        return "person"
    # money named after the people (学生团队为企业节省费用上千万): the nearer word says what is counted
    return "CNY" if money else None


def people_in_wan(doc: Doc, c: Candidate) -> str | None:
    if c.unit_text or c.table_label is not None or bare_wan_counts(doc, c):
        return None
    return "a number in 万 with nothing said of what it counts"


ADVERB_AFTER = re.compile(r"[\u4e00-\u9fff](?<![之以左的钟鐘])")
SCORE_WORDS = re.compile(
    r"分数|分數|录取|錄取|省控线|省控線|控制线|控制線|平均分|得分|成绩|成績|考分|总分|總分|均分|"
    r"投档|投檔|最高分|最低分"  # a college's admission scores (投档最高分600分, 超本科164分)
)


def score_without_scores(doc: Doc, c: Candidate) -> str | None:
    """N分 is a score (录取分数线为645分) only where the sentence speaks of scores."""
    if c.unit_text != "分":
        return None
    if c.number in ("十", "万", "萬") and ADVERB_AFTER.match(doc.text, c.end):
        return "十分 or 万分 before a word is an adverb (十分搶眼, 万分感谢), not a score"
    start, _ = doc.sentence(c.start)
    if SCORE_WORDS.search(doc.text, start, c.start):
        return None
    return "分 with no score in the sentence"


# Places whose names begin with a numeral and a measure word (三门峡 is no 3 门, 三元区 no 3 元).
NUMBERED_PLACE = re.compile(
    r"三[门門]峡|三[门門]峽|七[台臺]河|五家渠|五大[连連]池|三[台臺][县縣]|九[台臺][区區市]|三元[区區]|二七[区區]|八一[路镇鎮]"
)


def place_name(doc: Doc, c: Candidate) -> str | None:
    if NUMBERED_PLACE.match(doc.text, c.num_start):
        return "a place's name (三门峡), not a count"
    if c.unit_text in ("项", "項") and doc.text[max(0, c.num_start - 2) : c.num_start] in ("铁人", "鐵人"):
        return "a sport's name (铁人三项, the triathlon), not a count"
    return None


# A page's links to other articles (上一篇：广西今年高职扩招6.21万人): their titles are not this report's.
LINK_LINE = re.compile(
    r"\s*(?:上一篇|下一篇|上一條|下一條|上一条|下一条|相关阅读|相關閱讀|相关新闻|相關新聞|推荐阅读|推薦閱讀)\s*[:：]"
)


def link_to_another_article(doc: Doc, c: Candidate) -> str | None:
    start, _ = doc.sentence(c.start)
    if LINK_LINE.match(doc.text, start):
        return "the title of a linked article (上一篇：…), not this report"
    return None


# Media and reporters at an event (来自全国40余家主流网络媒体的记者, 40多家媒体): its audience, not
# the institution's figures.
MEDIA_AFTER = re.compile(
    r"[主流网絡络新闻聞中央省市级級地方境内外國国海等和及、]{0,8}"
    r"(?:媒体|媒體|新闻单位|新聞單位|记者|記者|网络大V|網絡大V)"
)


def media_count(doc: Doc, c: Candidate) -> str | None:
    if MEDIA_AFTER.match(doc.text, c.unit_end):
        return "a count of media or reporters, not the institution's"
    return None


# A band of a distribution (月薪酬在3000元占的比例最大, 其次是3500元，占比为14.42%): the share is
# the fact, the amount only names its band.
BAND_SHARE = re.compile(
    r"(?:及以下|及以上|以下|以上)?(?:和[^，,。；;]{0,8})?[，,]?(?:的?占的?比例|的?占比|的?比例)"
    r"|(?:及以下|及以上|以下|以上)[0-9]+(?:[.．][0-9]+)?[%％]"  # 5000元以上2.46%: the band, then its share
)
SHARE_NEXT = re.compile(r"[0-9]+(?:[.．][0-9]+)?[%％]")


def band_of_a_distribution(doc: Doc, c: Candidate) -> str | None:
    if MONEY.fullmatch(c.unit_text) and (
        BAND_SHARE.match(doc.text, c.end)
        or (doc.text.endswith(("以上", "以下"), c.start, c.end) and SHARE_NEXT.match(doc.text, c.end))
    ):
        return "the band of a distribution (月薪3000元占比最大, 5000元以上2.46%), not an amount"
    if c.unit_text in ("%", "％") and THRESHOLD_OF_A_COUNT.match(doc.text, c.end):
        return "the threshold of a count (就业率90%以上的学校有47所), not a rate"
    return None


# 就业率为90%以上的学校有47所, 超过90%的学科有9个: the share only sorts what is counted.
THRESHOLD_OF_A_COUNT = re.compile(
    r"(?:以上|以下|左右)?的[\u4e00-\u9fff]{1,8}?(?:有|共有|达|達|为|為|共)[0-9一二三四五六七八九十两兩]"
)


# 每万名劳动力中高技能人员达到920人: a density per so many people, not a count.
PER_MANY = re.compile(r"每(?:[一二三四五六七八九十]|[0-9]+)?[十百千万萬]名?[^，,。；;]{0,16}$")


# 每天工作8小时: hours of a schedule, not hours of training given.
PER_DAY = re.compile(r"每(?:天|日|周|週|月)")
# 每訓練1名學生給予最高7.2萬元, 每新增1个岗位补贴…: the one a rate is paid for, not a count.
PER_ONE = re.compile(
    r"每(?:训练|訓練|培训|培訓|培养|培養|招收|录用|錄用|聘用|僱用|雇用|吸纳|吸納|安置|接收|新增|增加|增)$"
)
# 每5年修訂1次, 每月召開1次, 每年1次探亲机票: once in a period says how often, not how many.
PER_PERIOD = re.compile(
    r"每(?:[0-9一二两兩三四五六七八九十]+)?[个個]?(?:年|学年|學年|学期|學期|季度|季|月|周|週|天|日)[^，,。；;]{0,12}$"
)


def density_per_many(doc: Doc, c: Candidate) -> str | None:
    clause_start, _ = doc.clause(c.start)
    if PER_MANY.search(doc.text, max(clause_start, c.start - 24), c.start):
        return "a density per so many people (每万名劳动力中920人), not a count"
    if c.unit_text in ("小时", "小時") and PER_DAY.search(doc.text, max(clause_start, c.start - 12), c.start):
        return "hours of a schedule (每天工作8小时), not a volume"
    if c.number == "1" and not c.number2 and PER_ONE.search(doc.text, max(clause_start, c.start - 4), c.start):
        return "the one a rate is paid for (每訓練1名學生), not a count"
    if (
        c.unit_text == "次"
        and c.number in ("1", "一")
        and not c.number2
        and PER_PERIOD.search(doc.text, max(clause_start, c.start - 20), c.start)
    ):
        return "how often (每5年修訂1次), not a count"
    return None


# A survey's sample (对31个省的1 312份抽样问卷进行统计): how a study was made, not an outcome.
SURVEY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}(?:问卷|問卷)")


def survey_sample(doc: Doc, c: Candidate) -> str | None:
    if c.unit_text in ("份", "名", "人", "位") and SURVEY_AFTER.match(doc.text, c.unit_end):
        return "a survey's sample of questionnaires, not an outcome"
    return None


RULES: tuple[Callable[[Doc, Candidate], str | None], ...] = (
    place_name,
    place_named_by_a_count,
    survey_sample,
    media_count,
    band_of_a_distribution,
    density_per_many,
    link_to_another_article,
    ordinal_or_label,
    implausible_number,
    weak_numeral,
    party_congress,
    date_or_duration,
    inside_quotes,
    forecast,
    requirement,
    exchange_rate,
    converted_amount,
    about_economy,
    bulletin_outside_education,
    threshold,
    about_an_event,
    world_contest_field,
    page_counter,
    descriptive_count,
    people_in_wan,
    score_without_scores,
)


def table_row(doc: Doc, c: Candidate) -> str | None:
    """In a statistics table only the label speaks: a target is no fact. (A year-on-year change is
    one, as in prose: 比上年增长 | -11.6 is a fact in percent.)"""
    if FORECAST.search(c.table_label) or re.search(r"目标值|计划", c.table_label):
        return "a forecast or target (预计, 力争, 目标)"
    if SHORTAGE_COLUMN.search(c.table_label) and not SHARE_COLUMN.search(c.table_label):
        return "a column of an industry's shortage (产业缺口(万人)), not the institution's"
    return None


# A news page's list of other articles (相关推荐, 推荐阅读, 相關新聞) after its story: their teasers'
# numbers are other reports' (美国2月私营部门就业增长14万人 under a Huawei academy story). A heading alone
# on its line, after the story has begun (a content farm's 猜你喜欢 opens the page: not counted).
RELATED_LINKS = re.compile(
    r"^[ \t]*(?:相关推荐|相關推薦|相关阅读|相關閱讀|相关新闻|相關新聞|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|相关文章|相關文章|"
    r"热点推荐|熱點推薦|热门推荐|熱門推薦|更多推荐|更多推薦|精彩推荐|精彩推薦)[ \t:：]*$",
    re.M,
)
STORY_BEFORE_LINKS = 100  # characters of a story before its related links
# A list of links closes a page: the heading of one stands in a page's last 2,000 characters (the
# corpus's longest list runs 590); a heading with more after it (a report's own section, pages
# joined into one document) ends nothing.
LINKS_TAIL_MAX = 2000


def related_links_start(text: str) -> int:
    """Where the page's related-links list begins, or past the text's end if it has none."""
    for m in RELATED_LINKS.finditer(text, max(STORY_BEFORE_LINKS, len(text) - LINKS_TAIL_MAX - 100)):
        if len(text) - m.end() <= LINKS_TAIL_MAX:
            return m.start()
    return len(text) + 1


def why_not_a_fact(doc: Doc, c: Candidate) -> str | None:
    if c.start >= doc.once("related_links", related_links_start):
        return "in the page's list of related articles, not the report"
    tables = doc.once("comparator_cells", comparator_cells)
    if tables and in_comparator_cell(doc.text, tables, c.num_start):
        return "a comparator's cell (对比院校, 某幼师学校, 行业平均值): about no one the report is of"
    if c.table_label is not None:
        return table_row(doc, c)
    for rule in RULES:
        reason = rule(doc, c)
        if reason:
            return reason
    return None
