"""Units and counted nouns: what a measure word or a head noun says about the base unit.

The spec (../shared/spec/extraction.md) decides item versus unit by the noun counted,
whatever the measure word; the measure word decides only where no known noun is near.
"""

from __future__ import annotations

import re

from schemas.catalog import CURRENCIES, MONEY_MULTIPLIERS

from .simplify import PINYIN_GLOSS, simplified

# Measure words and units as written, longest first where one is a prefix of another.
# value: base unit, or None where the counted noun decides.
MEASURES: dict[str, str | None] = {
    "人日": "person_day",
    "人天": "person_day",
    "人·日": "person_day",
    "人次": "person_time",
    "人·次": "person_time",
    "人(次)": "person_time",  # 12385人(次), 560人（次）: persons counted as visits (brackets read as ASCII)
    "人/次": "person_time",  # 3494人/次: the same with a slash
    "人/日": "person_day",  # 超过6万人/日, 送教入县95人/天: person-days with a slash
    "人/天": "person_day",
    "学时": "hour",
    **dict.fromkeys(("个学时", "個學時", "个课时", "個課時", "個学时", "个學時"), "hour"),  # 授课108个学时
    "家次": "other",  # visits of firms, not firms
    "课时": "hour",
    "小时": "hour",
    "小時": "hour",
    "%": "percent",
    "个百分点": "percent",
    "個百分點": "percent",
    "百分点": "percent",
    "百分點": "percent",
    "成": "percent",  # tenths: 八成 = 80 percent
    "项次": "item",
    "項次": "item",
    "场次": "other",
    "場次": "other",
    "所": "unit",  # schools, always
    "家": "unit",  # organisations and firms, always
    "": "person",  # 8万产业工人: a number in 万 right before a person noun
    "班": "unit",  # classes
    "班次": "item",  # training classes run (开展培训120班次): courses, as the gold counts them
    "枚": "item",  # medals
    # awards counted with no measure word (20金手46優勝, 4金3银2铜)
    **dict.fromkeys(
        ("金手", "金手奖", "金手獎", "优胜", "優勝", "優胜", "优勝", "金牌", "银牌", "銀牌", "铜牌", "銅牌"), "item"
    ),
    **dict.fromkeys(("金", "银", "銀", "铜", "銅"), "item"),
    **dict.fromkeys(("奖项", "獎項", "特别奖", "特別獎", "其他奖项", "其他獎項", "其它奖项", "其它獎項"), "item"),
    # counted nouns with no measure word (两企业, 4中心, 12校)
    "企业": "unit",
    "企業": "unit",
    "基地": "unit",
    "中心": "unit",
    "平台": "unit",
    "平臺": "unit",
    "工作室": "unit",
    "实训室": "unit",
    "實訓室": "unit",
    "室": "unit",
    "校": "unit",
    "栋": "other",  # buildings and their floors (教学楼2栋, 食堂3层)
    "棟": "other",
    "幢": "other",
    "层": "other",
    "層": "other",
    "倍": "other",  # 2.1倍: a ratio
    # a ratio with a colon (19.6:1, 3∶1, 84:100, 1:15: grammar.RATIO): other, whatever is counted
    **dict.fromkeys((":1", "：1", "∶1", ":100", "：100", "∶100", "1:", "1：", "1∶"), "other"),
    "分": "other",  # scores (录取分数线为645分)
    "省区市": "other",
    "省市": "other",
    "省份": "other",
    "市": "other",
    "％": "percent",
    "人": "person",
    "名": "person",
    "位": "person",
    "篇": "paper",
    "项": None,
    "件": None,
    "门": None,
    "門": None,
    "种": None,
    "部": None,
    "本": None,
    "场": None,
    "場": None,
    "期": "other",  # sessions and cohorts (办学6期)
    "份": "other",  # copies and forms (1653份简历)
    "款": "other",  # models of a product (4款新材料)
    "辆": "other",  # vehicles (6辆大巴)
    "輛": "other",
    "艘": "other",  # ships (24艘运营船舶)
    "组": "other",  # teams and groups (入围130组)
    "組": "other",
    "个": None,
    "個": None,
    "項": None,
    "间": None,
    "間": None,
    "座": None,
    "处": None,  # sites: what the noun says (实训基地40余处 are bases), else other
    "處": None,
    "职类": "item",  # a contest's trades counted bare (29職類)
    "職類": "item",
    "职种": "item",
    "職種": "item",
    "面": "item",  # medals (8面金牌): the grammar reads 面 only before one
    "块": "item",  # medals only (49块金牌: the grammar reads 块 before a medal alone)
    "塊": "item",
    "支": None,
    "套": None,
    # machines, whatever stands before them (学校购置电脑36台: not the school)
    **dict.fromkeys(("台套", "臺套", "台", "臺"), "other"),
    "架": "other",  # aircraft and drones, whatever noun stands before them (资源网数据库统计,…飞机599架)
    "集": "other",  # episodes of a series or a recording (动画短片56集)
    "批": "other",  # batches of whatever (分3批建设, 3批试点): not the things in them
    "户": None,  # households and firms: firms (721.1万户企业) are organisations, households other
    "戶": None,
    "类": "other",
    "類": "other",
    "次": "other",
    "条": None,
    "条款": "other",
    "册": "other",
    "冊": "other",
    "张": None,  # certificates (考取14張專業認證) are items; anything else other
    "張": None,
    "万册": "other",
    "平方米": "other",
    "平方公尺": "other",  # Taiwan's square metre
    "平方公里": "other",  # a park's or a city's area (职教城总规划面积6.71平方公里)
    "平方千米": "other",
    "公顷": "other",  # hectares (占地32.68公顷)
    "公頃": "other",
    "堂": "item",  # 350堂课: classes of a course
    "㎡": "other",
    "m2": "other",  # 建筑面积58万多m2: square metres in Latin letters
    "m²": "other",
    "亩": "other",
    "畝": "other",
}
# Default base unit of a measure word when no known noun is near.
MEASURE_DEFAULT = {
    "项": "item",
    "項": "item",
    "件": "item",
    "门": "item",
    "門": "item",
    "種": "item",
    "种": "item",
    "部": "item",
    "本": "item",
    "场": "other",  # events (招聘会7场, 33場): items only where the noun says so (350場課程)
    "場": "other",
    "条": "item",
    "家": "unit",
    "所": "unit",
    "间": "unit",
    "間": "unit",
    "座": "unit",
    "张": "other",
    "張": "other",
    "支": "other",  # 100支 of anything, teams included (团队 5支)
    "队": "other",  # teams (全省27队参赛, 錄取 29 隊進入決賽): none of the spec's organisations
    "隊": "other",
    "个": "other",
    "個": "other",
    "套": "other",
    "大": "other",
}
_mults = "|".join(sorted((m for m in MONEY_MULTIPLIERS if m), key=len, reverse=True))
_currencies = "|".join(sorted(CURRENCIES, key=len, reverse=True))
MONEY = re.compile(rf"(?P<mult>{_mults})?(?P<cur>{_currencies})")
MONEY_UNIT = rf"(?:{_mults})?(?:{_currencies})"  # for the grammar

# Goods made or carried, counted in 种 or 件 (零部件30余种, 包裹量超过6000件): neither projects nor organisations.
GOODS = ("零部件", "零件", "部件", "配件", "元器件", "包裹", "快递", "快遞", "快件", "邮件", "郵件", "邮包", "郵包")
# Head nouns and the base unit they take, longest first when matched.
NOUNS: dict[str, str] = {}
for _base, _words in {
    "unit": "企业 公司 单位 單位 厂 学校 院校 学院 高校 职校 中职学校 大学 园区 平台 基地 中心 工作室 工作站 "
    "院系 系部 实验室 实训室 研究院 研究所 智库 联合体 共同体 集团 职教集团 联盟 产业学院 工坊 鲁班工坊 "
    "班 班级 班級 订单班 学徒制班 冠名班 协会 学会 机构 站 车间 孵化器 医院 合作社 农场 分院 校区 "
    "书院 理事会 成员单位 企業 學校 學院 基地 中心 平臺 實訓基地 实训基地 工廠 工厂 工場 工场 场馆 场所 "
    "示范点 服务站 培训点 教学点 服务点 实践基地 研究中心 创新中心 工程中心 "
    "园 社团 俱乐部 驿站 组织 院所 科研院所 行业组织 社会组织 "
    "委员会 委員會 指导委员会 教指委 系 实训区 實訓區 实训场所 工坊 "
    "场域 場域 实习场域 實習場域 考场 考場 考点 考點 展位 展摊 展攤 据点 據點 "  # sites: practice fields, test sites, booths, outposts
    "部门 部門 处室 處室 科室 "  # departments of a body (内设9个职能处室, 18个政府部门)
    "中学 中學 小学 小學 职中 職中 职高 職高 技校",  # schools by their stage (43个中学办了…班)
    "item": "项目 課題 课题 任务 子任务 专利 標準 标准 课程 課程 教材 专业 專業 专业群 證書 证书 证照 證照 认证 認證 试点 "
    "赛项 大赛 竞赛 比赛 赛道 賽道 奖 奖项 金奖 银奖 铜奖 一等奖 二等奖 三等奖 成果 案例 资源库 "
    "金手 銀手 银手 銅手 铜手 "  # Taiwan's contest trophies (4座金手): awards
    "甲級 乙級 丙級 甲级 乙级 丙级 "  # Taiwan's certificate grades (飲料調製乙級9張, 14張乙級): certificates
    "软件著作权 著作权 软著 方案 规范 指南 技术 工艺 产品 合同 专业点 精品课 微课 慕课 慕課 "
    "课题组 项 品种 新品种 技术难题 难题 发明 获奖 荣誉 称号 教学资源 资源 模块 "
    "工法 专利权 认证 项目化 赛事 活动项目 工程 奖励 学分 学程 學程 第二课堂 科目 "
    "职类 職類 职种 職種 金手奖 金手獎 优胜 優勝 计划 計劃 计画 計畫 "
    # a contest's trades and awards; training classes, which are courses run
    "训练班 訓練班 培训班 培訓班 职训班 職訓班 研修班 "
    # placings won (4个第一名, 两個第五): awards
    "第一名 第二名 第三名 第四名 第五名 第六名 冠军 冠軍 亚军 亞軍 季军 季軍 名次 优胜名次",
    "paper": "论文 論文 专著 專著 著作 论著 論著 编著",
    "other": "区县 區縣 区 县 縣 市 省 省份 国家 國家 地区 城市 乡镇 镇 村 户 行业 领域 类 批 次 "
    "生产线 生產線 流水线 流水線 产线 產線 "  # production lines: neither organisations nor items
    "门类 大类 岗位 工种 职业 个省 州 盟 旗 乡 街道 社区 国 语种 批次 年级 层次 "
    "品牌 劳务品牌 勞務品牌 模式 "  # brands (培育劳务品牌23个) and models (5种工坊建设模式): neither organisations nor items
    "人工智能 人工 "  # 3个人工智能…: a field, not people
    "学科 學科 "  # disciplines (涵盖12个学科), as the English reader has them
    "团队 團隊 代表队 代表隊 队伍 隊伍 队 隊 参赛队 參賽隊 分队 分隊 小分队 小分隊 "  # teams are none of the spec's organisations
    "团 團 实践团 實踐團 服务团 服務團 "  # nor are a summer's practice teams (5支企业访实践团); 集团 is longer
    "空缺 职缺 職缺 名额 名額 学额 學額 "  # vacancies and study places: neither organisations nor items
    # a school's rooms and buildings (标准教室71间, 学生食堂7个): no organisation (the gold: 9 to 1; test
    # rooms, 考场, the labellers count both ways and stay sites)
    "教室 課室 课室 食堂 客房 宿舍 公寓 "
    "工位 协议 協議 合作协议 地市 专业类别 類別 类别 体系 體系 系统 系統 关系 關係 派系 "
    # jobs offered (3653个就业岗位, 近800个工作机会) and industries linked to (对接50个产业)
    "就业岗位 就業崗位 工作机会 工作機會 就业机会 就業機會 机会 機會 产业 產業 "
    # events, counted in 场 or 次: not organisations
    "会议 會議 座谈会 座談會 研讨会 研討會 讲座 講座 招聘会 招聘會 宣讲会 宣講會 交流会 交流會 双选会 雙選會 "
    "论坛 論壇 培训会 培訓會 观摩会 推介会 对接会 對接會 洽谈会 活动 活動 " + " ".join(GOODS),
}.items():
    for _w in _words.split():
        NOUNS.setdefault(_w, _base)

_NOUN_RE = re.compile("|".join(sorted(map(re.escape, NOUNS), key=len, reverse=True)))
# People counted in 个 (我們班40個人, 1200个毕业生): the phrase's head only where they open it and no
# other noun heads it (100个招聘名额引来众多学生 counts places), so they stay out of _NOUN_RE.
PERSON_NOUNS = (  # noqa: SIM905 (one line of words, as NOUNS has them)
    "人 人员 人員 学生 學生 学员 學員 毕业生 畢業生 同学 同學 孩子 员工 員工 职工 職工 老师 老師 "
    "教师 教師 农民工 農民工 学徒 學徒 徒弟 工人 人才"
).split()
for _w in PERSON_NOUNS:
    NOUNS.setdefault(_w, "person")
PERSON_FIRST = re.compile("|".join(sorted(map(re.escape, PERSON_NOUNS), key=len, reverse=True)))
# 市级, 省部级, 市域, 省内: a place word that qualifies a noun is not the noun counted.
_NOT_A_HEAD_AFTER = set("级級域部内外属")
PAPER_NOUNS = ("专著", "專著", "著作", "论著", "論著", "编著", "论文", "論文")


def nouns_in(text: str) -> list[tuple[int, int, str]]:
    """Every known head noun in text as (start, end, noun), overlapping matches included."""
    found = []
    for i in range(len(text)):
        m = _NOUN_RE.match(text, i)
        if m and text[m.end() : m.end() + 1] not in _NOT_A_HEAD_AFTER:
            found.append((i, m.end(), m.group()))
    return found


def head_noun_after(text: str) -> str | None:
    """The counted noun in the noun phrase right after a measure word. Chinese noun phrases
    are head-final, so it is the known noun that ends last (ties go to the longest):
    省级现代产业学院 → 产业学院, 行业龙头企业 → 企业. The caller cuts the phrase at verbs and
    particles (区县开展了 → 区县)."""
    return head_noun_before(text)


def head_noun_before(text: str) -> str | None:
    """The noun a trailing count refers to (重庆市级现代产业学院3个 → 产业学院): the known noun
    that ends last before the number (ties go to the longest)."""
    found = nouns_in(text)
    if not found:
        return None
    last_end = max(end for _, end, _ in found)
    return max((n for _, end, n in found if end == last_end), key=len)


# Organisations that act on what is counted when they stand before a count in 项 (学院共获30项).
ACTORS = frozenset(
    ["学院", "學院", "学校", "學校", "大学", "大學", "院校", "高校", "职校", "公司", "企业", "企業", "集团", "集團"]
)
# Measure words that count things, never places or fields.
ITEM_MEASURES = ("项", "項", "件", "门", "門", "种", "種")


# Measure words of goods and objects, never of organisations (件, 只, 条, 张, 辆 …).
NOT_ORGANISATIONS = frozenset("件只隻条條张張根把块塊辆輛架艘头頭匹")  # one character each


def base_unit_for(measure: str, noun: str | None) -> str:
    """The spec's base unit for a count: fixed units first, then the noun, then the measure word."""
    # 個(gè)百分點: a mirror site's pinyin gloss; 人（次） and 人(次） as 人(次)
    measure = PINYIN_GLOSS.sub("", measure).replace("（", "(").replace("）", ")")
    fixed = MEASURES.get(measure) or MEASURES.get(simplified(measure))  # 課時 as 课时
    if fixed:
        return fixed
    if noun and measure in ("部", "本", "篇") and noun in PAPER_NOUNS:
        return "paper"
    if noun in GOODS:
        return "other"
    if noun and measure in ITEM_MEASURES and NOUNS[noun] == "other":
        noun = None  # 604件 after 全国 or 重庆市: a place is never counted in 件 or 项
    if noun and measure in NOT_ORGANISATIONS and NOUNS[noun] == "unit":
        noun = None  # 温州职业技术学院(176件), 公司捐赠口罩10万只: an organisation is never counted in 件 or 只
    if noun and NOUNS[noun] == "person" and measure not in ("个", "個"):
        noun = None  # 3批学生, 5支教师队: batches and teams, not the people in them
    if noun in ACTORS and measure in ("项", "項"):
        noun = None  # 深圳信息职业技术学院共获30项: the school wins items, it is not what is counted
    if noun:
        base = NOUNS[noun]
        if base == "paper" and measure not in ("部", "本", "篇"):
            return "item"
        return base
    if measure in NOUNS:  # a table column counting a noun (科目数): the noun is the unit
        return NOUNS[measure]
    return MEASURE_DEFAULT.get(measure, "other")
