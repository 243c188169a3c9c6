"""One table per grammar rule of the extractor, each row a short sentence of our own."""

from __future__ import annotations

import pytest

from pipelines.extract.extractor import extract_facts
from pipelines.extract.numbers import parse_number


def facts_of(text: str) -> list[tuple[float, str, str]]:
    return [(f.normalized_value, f.base_unit, f.qualifier) for f in extract_facts(text)]


def codes_of(text: str) -> list[str]:
    return [f.indicator_code for f in extract_facts(text)]


@pytest.mark.parametrize(
    "written, value",
    [
        ("1,035", 1035),
        ("１２３", 123),
        ("3.5万", 35000),
        ("1.2亿", 120_000_000),
        ("十二", 12),
        ("一百二十", 120),
        ("两", 2),
        ("兩", 2),
        ("三千五百", 3500),
        ("十", 10),
        ("二十万", 200_000),
        ("一万二千", 12000),
        ("3千", 3000),
        ("1.5萬", 15000),
        ("〇", 0),
        ("一二三", 123),
        ("12.50", 12.5),
        ("2萬7千", 27000),  # digits between multipliers: one number, in sections
        ("1億2千萬", 120_000_000),
        ("1亿5000万", 150_000_000),
        ("3万5千", 35000),
        ("19萬2千5百", 192500),  # a cheque's wording: every section after the 万
        ("5萬2500", 52500),
        ("廿五", 25),  # tens as one character
        ("卅五", 35),
        ("一三六", 136),  # digit by digit, as Taiwan writes counts
    ],
)
def test_numbers(written, value):
    assert parse_number(written) == pytest.approx(value)


ARABIC_AND_CHINESE = [
    ("学校授权专利147项。", [(147, "item", "exact")]),
    ("全年培训企业员工1,035人次。", [(1035, "person_time", "exact")]),
    ("学院新增合作企业１２家。", [(12, "unit", "exact")]),
    ("共建成十二个实训基地。", [(12, "unit", "exact")]),
    ("聘请企业导师一百二十名。", [(120, "person", "exact")]),
    ("与两所本科院校开展联合培养。", [(2, "unit", "exact")]),
    ("全年开展社会培训3.5万人次。", [(35000, "person_time", "exact")]),
    ("技术服务到款1.2亿元。", [(120_000_000, "CNY", "exact")]),
    ("横向技术服务到款额356.8万元。", [(3_568_000, "CNY", "exact")]),
    ("企业捐赠设备价值二十万元。", [(200_000, "CNY", "exact")]),
    ("学校获得奖学金捐赠5000元。", [(5000, "CNY", "exact")]),
    ("建成十大专业群。", [(10, "item", "exact")]),
]

UNITS = [
    ("开展职业技能培训11239人日。", [(11239, "person_day", "exact")]),
    ("开展公益培训860人天。", [(860, "person_day", "exact")]),
    ("完成非学历培训4200学时。", [(4200, "hour", "exact")]),
    ("发表论文36篇。", [(36, "paper", "exact")]),
    ("出版专著3部。", [(3, "paper", "exact")]),
    ("开发活页式教材5部。", [(5, "item", "exact")]),
    ("共同开发课程18门。", [(18, "item", "exact")]),
    ("服务农业科技示范户320户。", [(320, "other", "exact")]),
    ("在15个区县开展培训。", [(15, "other", "exact")]),
    ("毕业生就业率达98.5%。", [(98.5, "percent", "exact")]),
    ("双师素质教师占比86％。", [(86, "percent", "exact")]),
    ("雇主满意度达到百分之九十五。", [(95, "percent", "exact")]),
    ("对口就业率为百分之八十五点五。", [(85.5, "percent", "exact")]),
    ("共建6个现代产业学院。", [(6, "unit", "exact")]),
    ("立项市级课题9个。", [(9, "item", "exact")]),
]

QUALIFIERS = [
    ("服务企业30多家。", [(30, "unit", "at_least")]),
    ("培养技术技能人才5000余名。", [(5000, "person", "at_least")]),
    ("协助企业增加产值近2000万元。", [(20_000_000, "CNY", "approx")]),
    ("开展技术服务约150项。", [(150, "item", "approx")]),
    ("年培训量超过8000人次。", [(8000, "person_time", "at_least")]),
    ("合作企业逾200家。", [(200, "unit", "at_least")]),
    ("技术服务收入突破1000万元。", [(10_000_000, "CNY", "at_least")]),
    ("接收实习学生300人以上。", [(300, "person", "at_least")]),
    ("接收实习学生300人左右。", [(300, "person", "approx")]),
    ("开展项目不足10项。", [(10, "item", "at_most")]),
    (
        "年均培训不低于5000人次。",
        [(5000, "person_time", "at_least")],
    ),  # 不少于 sets a requirement: test_a_floor_set_with_buxiaoyu
    ("流失率低于5%。", [(5, "percent", "at_most")]),
    ("开展科技创新项目近50余项。", [(50, "item", "approx")]),
    ("科技成果转化500余万元。", [(5_000_000, "CNY", "at_least")]),
    ("开展社会培训3万余人次。", [(30000, "person_time", "at_least")]),
    ("每个专业对接3—5家企业。", [(3, "unit", "range")]),
    ("建设三至五个实训基地。", [(3, "unit", "range")]),
    ("吸引10～15家企业入驻。", [(10, "unit", "range")]),
]

TRADITIONAL = [
    ("技術服務收入1400萬元。", [(14_000_000, "CNY", "exact")]),
    ("獲得中央財政資金1.5億元。", [(150_000_000, "CNY", "exact")]),
    ("合作企業120餘家。", [(120, "unit", "at_least")]),
    # a school's rooms are no organisations: classrooms and canteens are other, its labs stay units
    (
        "建设标准教室71间，学生食堂7个，建有实训室12间。",
        [(71, "other", "exact"), (7, "other", "exact"), (12, "unit", "exact")],
    ),
    # 培训专业 are the specialties a school trains in (items), not a verb before them
    ("开设4个培训专业，年均培训退役军人300人。", [(4, "item", "exact"), (300, "person", "exact")]),
    # a national contest's field is counted, as the labellers count it (20 of the 29 numbers a rule had
    # dropped); thousands spaced after a list's comma are one number
    (
        "全国41支代表队、5 200多名选手参加了80个项目的竞赛。",
        [(41, "other", "exact"), (5200, "person", "at_least"), (80, "item", "exact")],
    ),
    # a relative clause whose verb has an adverb before it still leads to the noun counted
    ("学院设置55个深度服务地方产业的专业。", [(55, "item", "exact")]),
    # sessions counted in 场 or 次 right after the training they are of are items; meetings stay other
    ("开展林业技术培训434场次，组织召开座谈会7场。", [(434, "item", "exact"), (7, "other", "exact")]),
    # MOOCs are courses; bases called 培育项目 stay bases
    ("平台上线慕课数量超过6.19万门。", [(61900, "item", "at_least")]),
    ("如215个国家虚拟仿真实训基地培育项目。", [(215, "unit", "exact")]),
    # 处 counts sites: what the noun says (bases and centres are units)
    ("累计建设实训基地40余处，新建8处大型实训中心。", [(40, "unit", "at_least"), (8, "unit", "exact")]),
    # places said to number so many (名额为, 缺額為) are places, not people; applicants stay people
    ("今年招生名额为2827名，缺額為7073名。", [(2827, "other", "exact"), (7073, "other", "exact")]),
    ("2,022個名額有1,632人申請。", [(2022, "other", "exact"), (1632, "person", "exact")]),
    # the digits after 萬 are its lower section, as Taiwanese news writes counts
    ("共提供3萬6421個名額，2萬5908人登記。", [(36421, "other", "exact"), (25908, "person", "exact")]),
    ("學校合作企業1萬21家。", [(10021, "unit", "exact")]),
    ("设备价值1.2万78%", [(78, "percent", "exact")]),  # glued cells: 78 is no lower section of 1.2万
    ("授權專利兩項。", [(2, "item", "exact")]),
    ("建成兩個實訓基地。", [(2, "unit", "exact")]),
    ("勞動力發展署於全台設立12處人才培育據點。", [(12, "unit", "exact")]),  # outposts are sites
    ("双选会上有的单位一次需求量就达30多人。", [(30, "person", "at_least")]),  # a firm's demand, no industry's
]

NOT_FACTS = [
    "该产业学院计划三年内培养约1000名核电技能人才。",  # a plan within a span to come
    "內地西藏中職班招生規(guī)模將穩(wěn)定在5000人。",  # a future size, its words split by pinyin glosses
    "希望今年度技转金额可以超过三千万元。",  # what is hoped for
    "预计2011年7月交付使用。届时，三所职业学校将并于该校。",  # what will be once a date comes
    "热心网友 共1个回答",  # the page's own counts
    "《纲要》提出在2025学年，高教学生数量增至五万人。",  # what a plan sets out to reach
    "2023年底前建设50家左右，2024年底前再建设50家左右。",  # a deadline to build by
    "2023年学校召开大会。",
    "近5年来学校不断发展。",
    "每5年修订一次人才培养方案。",
    "入选教育部第二批现代学徒制试点。",
    "开展1+X证书试点。",
    "聚焦重庆33618现代制造业集群。",
    "培养“五有”城职人。",
    "依据教职成〔2019〕5号文件。",
    "参见文献[1]。",
    "预计到2026年技术服务收入达到5000万元。",
    "力争培训规模突破10万人次。",
    "目标是建成10个产业学院。",
    "全市地区生产总值达3200亿元。",
    "联系电话：0851-86123456。",
    "围绕《成渝地区双城经济圈建设规划纲要》和“十四五”规划。",
    "形成了一个特色鲜明的模式。",
    "千家万户受益。",
    "是全省唯一一所农业院校。",
    "智能饲喂系统24小时运转。",
    "全市数字经济核心产业增加值超过600亿元。",
    "与三五家企业交流。",
    "为期3个月的培训。",
    "為期3個學期的培訓，每週上課20個小時。",  # durations in Traditional characters, as in Simplified
    "智能飼餵系統24小時不間斷運轉。",
    "发布时间：2024-05-20 阅读次数：2,318次",
    "深入学习贯彻党的十九大精神。",
    "党的二十大以来，学校快速发展。",
    "全年产值达3.5万，同比增长。",  # a number in 万 that counts nothing said
    "未來數年，寧波將建成20個校企合作共同體。",  # a forecast in Traditional characters
    "今年全国技能大赛在19个赛区举行，共设81个分赛项。",  # what an event consists of
    "奖牌总数分列全国第六、七位。",  # the second ordinal of a list
    "汽车制造与试验技术2班的学生正在练习。",  # a class's name
    "2018年学校招生计划为5626人。",  # a plan
    "新校区建成后可容纳6000名学生。",  # what a building will hold once built
    "园区按9000人规模设计。",  # a design capacity
    "规划办学规模为120班，可供5400名学生学习。",
    "方案以5个一级指标、12个二级指标构建评价体系。",  # the make-up of an evaluation scheme
    "培养方案遵循三項原則。",  # aspects, in Traditional characters
    "一层为餐厅，二层为阅览室。",  # a floor's name, not a count of floors
    "今年拟新建市级实训基地8个。",  # 拟 before a verb: an intention
    "市财政将分别给予每个50万元补助。",  # 将 before a verb: a promise
    "实现技能人才总量达到120万人的发展目标。",  # a target, said after the number
    "今年为8000人招生计划。",  # a plan, said after the number
    "遴选三门峡、开封等市为示范市。",  # a place's name that begins with a numeral and a measure word
    "上一篇：某省今年高职扩招6.21万人\n下一篇：技能大赛开幕",  # links to other articles
    "报告从学生发展、产教融合等7个方面作了呈现。",  # aspects, in Arabic numerals too
    "主要包括合作办学、合作育人3种形式。",  # forms
    "全省共有规模以上企业5000家。",  # what a province has, not its schools
    "目前国内应急管理系统的专业人才缺口高达40万人。",  # an industry's shortage
    "行业年需求人才超过2万人，存在巨大的缺口。",  # an industry's demand
    "今年该区总工会将组织5期家政护理培训。",  # what is to be organised
    "该公司今年计划招聘20人左右。",  # what a firm plans
    "More than 300 students and their instructors will participate in a training programme.",
    "2022年中国新能源汽车产销分别达705.8万辆和688.7万辆。",  # an industry's production and sales
    "昆明铁路局今年内将再培训90余人。",  # what is still to be trained
    "China launched a program to establish 100 quality schools for training rural talent.",
    "今年全县种植棉花192.6万亩。",  # farmland
    "云南绿色铝年产能已达826万吨。",  # an industry's capacity
    "2016年计划培养2000名农民创业创新辅导师，培育1万名带头人。",  # a plan and what follows in its sentence
    "月薪在3000元的占比最大。",  # the band of a distribution
    "每万名劳动力中高技能人员达到920人。",  # a density per so many people
    "该校2017年招生总计划3225人。",  # a plan
    "与数十家企业建立合作。",  # a vague count
    "今年高职扩招100万人任务应能如期实现。",  # a task
    "扩招100万人如果落实，毛入学率就将超过50%。",  # a condition, and what would follow from it
    "毕业人数最多的三个专业大类依次为医药卫生大类、制造大类。",  # a ranking
    "这三个专业与民生契合。",  # a number that points back
    "大赛由教育部等30个部门联合主办，共设12个专业类95个比赛项目。",  # what an event is made of
    "学生每天工作8小时。",  # a schedule
    "湖北教育·综合资讯 2015年1期",  # a journal's issue
    "全年目标任务 36000 人次。",  # a target named right before the number
    "报名人数超过原定目标3000人。",  # a target named right before its number
    "校园分为教学区、生活区四大区域。",  # areas counted to describe
    "来自全国40余家主流网络媒体的记者走进学院。",  # the media at an event
    "新华社等30多家媒体进行了报道。",
    "與幾十家龍頭企業共建研究院。",
    "学校针对“协同不深、标准滞后”三大痛点推进改革，运用三大面向九大策略。",  # slogans
    "社会服务是高等院校的三大职能之一。",
    "本研究对全国的1 312份抽样问卷进行统计分析。",  # a survey's sample
    "教育部财政部两部门联合印发文件。",  # 部门 is no measure word
    "形成了国家、省两个层级的建设格局。",  # levels, counted to describe
    "教育部要求各地完成农村劳动力转移培训3000万人次。",  # what a ministry asks of the regions
    "培训量增幅较大的5个省份是山东、四川。",  # a ranking
    "来自世界技能组织68个成员国家和地区的1260余名选手参加了比赛。",  # the world's field
    "年份\n2019\n2020\n2021\n收入\n10\n12\n15",  # cells one per line, but no rows of a label and values
]

# Families seen on real text (samples/real): spaces inside a number phrase, compound
# approximations, counts in 万 before a person noun, counted nouns with no measure word,
# tenths, percentage points, schools and classes.
REAL_TEXT_FAMILIES = [
    ("江苏省有中职学校 228 所。", [(228, "unit", "exact")]),
    ("招生22.60 萬人。", [(226000, "person", "exact")]),
    ("与30 余所同类院校合作。", [(30, "unit", "at_least")]),
    ("建成近200 个实训室。", [(200, "unit", "approx")]),
    ("累计培养20余万名技能人才。", [(200000, "person", "at_least")]),
    ("十年输送约8万产业工人。", [(80000, "person", "approx")]),
    ("累计带动超过2万年轻人就业，三千师生参加。", [(20000, "person", "at_least"), (3000, "person", "exact")]),
    ("两企业入选国家名单。", [(2, "unit", "exact")]),
    ("建成4中心、3室。", [(4, "unit", "exact"), (3, "unit", "exact")]),
    ("六成毕业生留在本地。", [(60, "percent", "exact")]),
    ("就业率较上年提高2.5个百分点。", [(2.5, "percent", "exact")]),
    ("就业率较上年增长2.5%。", [(2.5, "percent", "exact")]),
    ("开办订单班7班。", [(7, "unit", "exact")]),
    ("夺得金牌22枚。", [(22, "item", "exact")]),
    ("争取中央预算内资金1.3亿元支持实训基地建设。", [(130000000, "CNY", "exact")]),
    # mixed numerals and money multipliers of two characters
    ("企业提供奖学金2萬7千元。", [(27000, "CNY", "exact")]),
    ("签下近1亿2千万元的合作协议。", [(120_000_000, "CNY", "approx")]),
    ("企业投入2千万元建设基地。", [(20_000_000, "CNY", "exact")]),
    # other currencies: named in the clause, or a report in New Taiwan dollars (base unit other)
    ("政府再次拨款10亿港元。", [(1_000_000_000, "other", "exact")]),
    (
        "与企业签下新台幣1億元合约，其中3000萬元用于研发。",
        [(100_000_000, "other", "exact"), (30_000_000, "other", "exact")],
    ),
    (
        "國立勤益科技大學與台中市11家企業簽約，企業提供獎學金1700萬元。",
        [(11, "unit", "exact"), (17_000_000, "other", "exact")],
    ),
    ("永州縣職業中專與臺企合作，企业资助学生50万元。", [(500_000, "CNY", "exact")]),  # the mainland: yuan
    # 上 before an order of magnitude, tenths with hundredths, people in 万 named before the number
    ("每年培训達上億人次。", [(100_000_000, "person_time", "at_least")]),
    ("训后就业率高达八成二。", [(82, "percent", "exact")]),
    ("建成市级以上3个基地。", [(3, "unit", "exact")]),  # 以上 before a number is not 上
    ("累计培养毕业生超2.8万，其中1.2万进入合作企业。", [(28000, "person", "at_least"), (12000, "person", "exact")]),
    ("捐赠口罩10万只、设备12台", [(100_000, "other", "exact"), (12, "other", "exact")]),  # the text's last fact too
    # the noun counted decides item or unit: a place is never counted in 件, a list stops at 的
    ("重庆市发明专利授权以604件位居全国第五。", [(604, "item", "exact")]),
    ("与30多个省、市的人才交流中心建立合作。", [(30, "other", "at_least")]),
    ("组建了56个行业职业教育教学指导委员会。", [(56, "unit", "exact")]),
    (
        "高职组135个代表队参赛。",
        [(135, "other", "exact")],
    ),  # teams: none of the spec's organisations (most gold agrees)
    ("学院设有5个系。", [(5, "unit", "exact")]),
    ("建立了3个质量保证体系。", [(3, "other", "exact")]),
    ("建有四个实训区。", [(4, "unit", "exact")]),
    ("已办学6期。", [(6, "other", "exact")]),
    ("专班计划招生50人，注册报到43人。", [(43, "person", "exact")]),  # a plan speaks for its clause only
    ("学院选派选手参加了12个赛项的比赛。", [(12, "item", "exact")]),  # taking part in an event counts
    ("最低录取分数线为645分，高于省控线48分。", [(645, "other", "exact"), (48, "other", "exact")]),  # scores
    ("学生分3组练习，每组10人。", [(10, "person", "exact")]),  # 分 is a score only among scores
    # buildings and storeys; a list item that names its own (unknown) thing counts that thing
    ("新建教学楼2栋，宿舍楼均为6层。", [(2, "other", "exact"), (6, "other", "exact")]),
    ("配套建设标准运动场、排球场6个。", [(6, "other", "exact")]),
    ("建成实训基地9个，其中省级4个、市级5个。", [(9, "unit", "exact"), (4, "unit", "exact"), (5, "unit", "exact")]),
    # a mirror site's pinyin gloss between the measure word and its noun; the noun stops at a digit
    ("參加14個(gè)類別51個賽項。", [(14, "other", "exact"), (51, "item", "exact")]),
    # a Chinese numeral whose 萬 is a section after 億 is one number, not a number of 萬元
    ("收入高達一億二千三百九十二萬元。", [(123920000, "CNY", "exact")]),
    ("捐款逼近一千八百萬元。", [(18000000, "CNY", "approx")]),
    ("模拟招聘会吸引300名学生。", [(300, "person", "exact")]),  # 模拟 is no intention
    # people in 万 after an approximation mark and 的, or after enrolment; a national count of schools;
    # a plan's completion share
    ("每年培养1000万左右的技术技能人才。", [(10_000_000, "person", "approx")]),
    ("中职招生600.37万，高职招生483.61万。", [(6_003_700, "person", "exact"), (4_836_100, "person", "exact")]),
    ("全国共有职业学校1.15万所。", [(11500, "unit", "exact")]),
    # the firms a place has are its economy, but those that applied to a programme take part in it
    ("全国共有1550家用人单位申报，最终遴选签约立项单位794家。", [(1550, "unit", "exact"), (794, "unit", "exact")]),
    ("目前芜湖全市高新技术企业、科技型中小企业总数分别突破2000家、3000家。", []),
    # a bound that defines a class is a threshold; a share of graduates is a fact
    ("总经费超10亿元的高校有372所。", [(372, "unit", "exact")]),
    ("其中合同经费10万元以上的项目37项。", [(37, "item", "exact")]),
    ("对连续三年就业率低于85%的18个专业进行动态调整。", [(18, "item", "exact")]),
    # what a plan says must be reached by a year (要达到) is a target, and so is the rest of its sentence
    ("到2021年,高技能人才培养基地要达到120家,首席技师达2000名。", []),
    ("就业率超过95%的专业有20个，超过八成的毕业生享有社会保障。", [(20, "item", "exact"), (80, "percent", "at_least")]),
    ("共招生35985人，为招生计划的119.95%。", [(35985, "person", "exact"), (119.95, "percent", "exact")]),
    ("组织召开校企交流座谈会7场。", [(7, "other", "exact")]),  # events are no organisations
    ("半数以上毕业生留在本地。", [(50, "percent", "at_least")]),  # half
    ("全国中职学校在校生有2200多万，占一半。", [(22_000_000, "person", "at_least")]),
    ("现场共收到简历1653份。", [(1653, "other", "exact")]),
    # quoted speech counts; 一万元 is ten thousand yuan; classes are units; vehicles are other
    ("“今年来校招聘的企业有440家，提供岗位突破了一万个。”", [(440, "unit", "exact"), (10000, "other", "at_least")]),
    ("资助由一万元提升到两万元。", [(10000, "CNY", "exact"), (20000, "CNY", "exact")]),
    (
        "从8个专业12个班级中挑选学生，分乘6辆大巴。",
        [(8, "item", "exact"), (12, "unit", "exact"), (6, "other", "exact")],
    ),
    ("全国共有就业训练中心940所。", [(940, "unit", "exact")]),
    ("本届入围的130组作品中，电机群6组。", [(130, "other", "exact"), (6, "other", "exact")]),  # teams
    ("至少有23个项目的金牌由世赛冠军执教。", [(23, "item", "at_least")]),
    # a bare 万 or 亿 after money words is yuan; an organisation is never counted in 件; 款 counts models
    ("企业捐资10万设立奖学金。", [(100_000, "CNY", "exact")]),
    ("耗资1.2亿建成的智能制造实训中心。", [(120_000_000, "CNY", "exact")]),
    # 大 counts only a thing the catalogue counts; a numbered heading is no count
    ("你可能不知道的三大真相。", []),
    ("建成十大专业群。", [(10, "item", "exact")]),
    ("三个队在三个组别荣获三个二等奖。", [(3, "other", "exact"), (3, "other", "exact"), (3, "item", "exact")]),
    # what a count was chosen as is no part of the counted noun; brands are neither organisations nor items
    ("3 個職教集團入選國家示范性職業教育集團培育單位。", [(3, "unit", "exact")]),
    ("其中3个品牌入选全国劳务品牌。", [(3, "other", "exact")]),
    ("The center handled over 50 enterprise orders.", [(50, "item", "at_least")]),
    # 目前 is now, not a ranking's top (前10名); 五大洲 is no count of a thing the catalogue counts
    ("目前95%的在校生有过勤工助学的经历。", [(95, "percent", "exact")]),
    ("获得各竞赛项目前三名的30名选手。", [(30, "person", "exact")]),
    ("培养了来自五大洲70多个国家5000余名留学生。", [(70, "other", "at_least"), (5000, "person", "at_least")]),
    ("研究生涵盖了12个学科。", [(12, "other", "exact")]),
    (
        "横向技术服务到款额超过了1.2亿（12114.15万元）。",
        [(120_000_000, "CNY", "at_least"), (121_141_500, "CNY", "exact")],
    ),
    ("仅次于温州职业技术学院(176件)。", [(176, "item", "exact")]),
    ("共同开发4款新材料。", [(4, "other", "exact")]),
    ("月薪3500元，占比为14.42%。", [(14.42, "percent", "exact")]),
    # a fraction in words is a share in percent
    ("四分之一的毕业生到西部就业。", [(25, "percent", "exact")]),
    ("近三分之二的学生留在本地。", [(66.67, "percent", "approx")]),
    # a flattened table whose header cells name their units as counts (参加人数, 科目数)
    (
        "年 度 | 类 型 | 科目数 | 参加人数 | 通过人数 |\n2018年 | 专项能力 | 7 | 1841 | 1487 |",
        [(7, "item", "exact"), (1841, "person", "exact"), (1487, "person", "exact")],
    ),
    # a letter-spaced line: the number read whole, not its last digit
    (
        "省 内 生 源 中 , 7 4 . 0 5 % 选 择 留 在 本 省 , 共 3 5 6 人 。",
        [(74.05, "percent", "exact"), (356, "person", "exact")],
    ),
    # signs as qualifiers, a space after a mark; goods counted in 种; an award counted after it
    (
        "占比<1%，对口率＞90%，满意度≥85%。",
        [(1, "percent", "at_most"), (90, "percent", "at_least"), (85, "percent", "at_least")],
    ),
    ("专业匹配度超 95%。", [(95, "percent", "at_least")]),
    ("为企业配套生产零部件30余种。", [(30, "other", "at_least")]),
    # medals: a quoted tally counts (‘10金3銀4銅’, a slogan “三联三享” does not); 金牌14面 trails its count
    (
        "学院参加五届世赛共获得‘10金3銀4銅’，口号“三联三享”。",
        [(10, "item", "exact"), (3, "item", "exact"), (4, "item", "exact")],
    ),
    (
        "囊括金牌14面、銀牌16面与優勝33面。会场挂了3面旗。",
        [(14, "item", "exact"), (16, "item", "exact"), (33, "item", "exact")],
    ),
    # episodes counted in 集 (not 集团, 集中)
    ("制作动画短片56集，在电视台播出151集。", [(56, "other", "exact"), (151, "other", "exact")]),
    # aircraft and drones counted in 架; a civil-aviation regulation's part (141部航校) is a name
    ("14家141部航校共拥有飞机599架。", [(14, "unit", "exact"), (599, "other", "exact")]),
    ("面向121部大型运输航空公司开设课程。据资源网数据库统计，学校拥有飞机59架。", [(59, "other", "exact")]),
    ("学院编写培训教材61部。", [(61, "item", "exact")]),
    ("学员分组操控4架無人機。", [(4, "other", "exact")]),
    # a quoted name right after the measure word is the counted phrase
    ("在海外建成20个“鲁班工坊”。", [(20, "unit", "exact")]),
    # universities named by a national programme (211院校, 非211本科) and job banks named by a number
    ("其中211院校为109所,非211本科院校(部)为1282所。", [(109, "unit", "exact"), (1282, "unit", "exact")]),
    ("調查由104人力銀行公布，共訪問1,200名畢業生。", [(1200, "person", "exact")]),
    # monthly pay in thousands (K) where pay is named in the sentence; 4K屏幕 is no pay
    (
        "學士畢業生起薪平均約35K,機電科系甚至有40K,碩士起薪約45~48K。实习月薪25K以上。购买4K屏幕2台。",
        [
            (35000, "other", "approx"),
            (40000, "other", "exact"),
            (45000, "other", "range"),
            (25000, "other", "at_least"),
            (2, "other", "exact"),
        ],
    ),
    # a class numbered by its cohort is a name; a count of classes is not
    ("工程测量技术161班彭尚、162班彭远浪等3名同学获奖。", [(3, "person", "exact")]),
    ("学徒制培养班(物流223班)的38名学生参加实习。", [(38, "person", "exact")]),
    ("学校开设超过200班，规模为180班。", [(200, "unit", "at_least"), (180, "unit", "exact")]),
    # a contest's trades are its events (item, as its 赛项), trades trained in are none
    ("本届大赛决赛设6个工种。", [(6, "item", "exact")]),
    ("实训场地覆盖10个工种。", [(10, "other", "exact")]),
    # parcels are goods, not items (专利, 作品 counted in 件 are)
    ("双十一当天驿站包裹量超过6000件。", [(6000, "other", "at_least")]),
    ("获授权发明专利24件。", [(24, "item", "exact")]),
    ("在全省技能大赛中获三等奖一个。", [(1, "item", "exact")]),
    # a Taiwanese report in Simplified characters: ROC years and 技职 name its dollars
    ("南台科大105~107年获技职司补助6,000万元。", [(60_000_000, "other", "exact")]),
    ("崑山科技大學112學年度獲補助經費約1.85億。", [(185_000_000, "other", "approx")]),
    # persons counted as visits with a slash (3494人/次)
    ("老年大学学员3494人/次。", [(3494, "person_time", "exact")]),
    # …and so do a foundation's legal form (财团法人) and the ROC's years (民国52年), without renminbi
    ("财团法人中技社颁发奖学金，每名获颁15万元；奖学金自民国52年开始发放。", [(150_000, "other", "exact")]),
    # thousands grouped by a space right after a word, never across a row's cells
    ("投入资金支持建设2 709个专业群。", [(2709, "item", "exact")]),
    ("低于全省平均水平(16.40,47 000人)。", [(47000, "person", "exact")]),
    # a decimal point a PDF's text spaced out; visits of firms; hours as 个学时; a currency after 约
    ("各类企业就业的比例为40 . 93%，国有企业为 2 .37%。", [(40.93, "percent", "exact"), (2.37, "percent", "exact")]),
    ("合作廠商逾100家次，共計授課108個學時。", [(100, "other", "at_least"), (108, "hour", "exact")]),
    ("每年承接產學合作計畫約新台幣12億元以上。", [(1_200_000_000, "other", "approx")]),
    # beside a column of shares, a table's bare columns count what the text above counts
    (
        "毕业生就业人数共3537人。\n流向 | 本科生 | 高职 | 合计比例 |\n其他企业 | 1159 | 167 | 37.49% |",
        [(3537, "person", "exact"), (1159, "person", "exact"), (167, "person", "exact"), (37.49, "percent", "exact")],
    ),
    # the noun a count names after 培养, 开发 or a bracketed gloss (开(研)发中心)
    ("开设397个贯通培养专业。", [(397, "item", "exact")]),
    ("建有7个省级工程技术开(研)发中心。", [(7, "unit", "exact")]),
    # awards counted with no measure word
    ("臺中高工獲9金手10優勝。", [(9, "item", "exact"), (10, "item", "exact")]),
    (
        "中国代表团共获得21金、3银，广州选手获得1金4铜。",
        [(21, "item", "exact"), (3, "item", "exact"), (1, "item", "exact"), (4, "item", "exact")],
    ),
    (
        "代表队获得4金3银2铜，获奖金5000元。",
        [(4, "item", "exact"), (3, "item", "exact"), (2, "item", "exact"), (5000, "CNY", "exact")],
    ),
    # a Hong Kong report (the place and its own bodies, nothing of the mainland): Hong Kong dollars
    ("香港建造業議會表示，政府去年向議會再撥款10億元，發展局亦撥款支持。", [(1_000_000_000, "other", "exact")]),
    ("香港职业训练局获企业捐赠设备价值300万元。", [(3_000_000, "other", "exact")]),
    ("广东省与香港合作，学院获企业捐赠设备价值300万元。", [(3_000_000, "CNY", "exact")]),
    # Taiwan's counties and its 技職 are no sign of the mainland: NT dollars
    (
        "彰化縣技職學校獲企業捐贈設備價值500萬元，新北市高職獲100萬元。",
        [(5_000_000, "other", "exact"), (1_000_000, "other", "exact")],
    ),
    # a table flattened one cell per line: rows of a label and values, units from the header
    (
        "出路 |\n人數 |\n比例 |\n升學 |\n101 |\n11% |\n就業 |\n396 |\n42% |\n服兵役 |\n132 |\n14% |",
        [
            (101, "person", "exact"),
            (11, "percent", "exact"),
            (396, "person", "exact"),
            (42, "percent", "exact"),
            (132, "person", "exact"),
            (14, "percent", "exact"),
        ],
    ),
    # Taiwan writes counts digit by digit (一三六校) and tens as one character (卅五名, 廿七個);
    # two digits in a row stay a rough range or a word (三五家, 唯一一所)
    (
        "全縣一三六校、五一九位選手參賽，卅八名選手晉級。",
        [(136, "unit", "exact"), (519, "person", "exact"), (38, "person", "exact")],
    ),
    ("約有三五家企業，唯一一所學校。", []),
    # medals counted one after another in Chinese numerals, and in 面
    (
        "選手取得三金一銀二銅，另抱回8面金牌。",
        [(3, "item", "exact"), (1, "item", "exact"), (2, "item", "exact"), (8, "item", "exact")],
    ),
    # a contest's trades counted bare
    ("本屆競賽共設十二職類。", [(12, "item", "exact")]),
    # parts of a total in its measure word, naming no noun, count what the total counts
    (
        "共獲得二十座金手獎，包含工業類十二座及商業類八座。",
        [(20, "item", "exact"), (12, "item", "exact"), (8, "item", "exact")],
    ),
    # a cheque's amounts, and a cap
    ("每人補助7萬3千2百元，住宿補助上限2萬4800元。", [(73200, "CNY", "exact"), (24800, "CNY", "at_most")]),
    # books in Traditional 冊
    ("館藏圖書15萬冊。", [(150000, "other", "exact")]),
    # two people named in passing, two digits, a cheque numeral inside a word: no counts
    ("两位指导老师全程陪同，合格率达到两位数，以满足教师队伍人才需求。", []),
    ("有两位学生被师范大学录取。", [(2, "person", "exact")]),
    # but two people just named count (李先保与汪姣两位老师): the labellers count them, 33 times of 38
    ("李先保与汪姣两位老师获得优秀指导教师奖。", [(2, "person", "exact")]),
    ("趙爽、羅森文兩名學生獲大賽一等獎。", [(2, "person", "exact")]),
    # placings won are awards; the noun after a clause that qualifies it (与…的专业); an adverb
    # (首次) ends the noun phrase
    ("共获得4个第一名、9个第二名。", [(4, "item", "exact"), (9, "item", "exact")]),
    ("桃園市奪30面金手獎及61個優勝名次。", [(30, "item", "exact"), (61, "item", "exact")]),
    ("同时停招36个与市场需求脱节的专业。", [(36, "item", "exact")]),
    # a list of counts after their nouns takes each its own noun, not the list's last word; bases
    # and industry colleges called 项目 stay organisations
    (
        "其中定向培训项目6项、就业实习基地项目4项、人力资源提升项目1项。",
        [(6, "item", "exact"), (4, "unit", "exact"), (1, "item", "exact")],
    ),
    ("遴选3个高职院校产业学院试点项目。", [(3, "unit", "exact")]),
    ("就职于全国18个铁路局和各大地铁公司。", [(18, "unit", "exact")]),
    # the teens (十几, 二十几) are at least ten or twenty; 几十 stays no number
    ("涵盖十几个专业,二十几家企业参会,几十家企业观摩。", [(10, "item", "at_least"), (20, "unit", "at_least")]),
    # jobs offered and industries linked to are neither the firms nor items; 则 ends a phrase
    (
        "151家用人单位提供了3653个就业岗位,可能对接50个产业。",
        [(151, "unit", "exact"), (3653, "other", "exact"), (50, "other", "exact")],
    ),
    ("等11个省份则无院校上榜。", [(11, "other", "exact")]),
    # a gloss in brackets inside the noun before a trailing count (實訓(驗)室59個) is no part of it
    ("建有實訓(xùn)基地5個、實訓(xùn)(驗)室59個。", [(5, "unit", "exact"), (59, "unit", "exact")]),
    # a sector numbered with 大 behind a mirror's pinyin glosses is still the economy's
    ("開發(fā)出了草坪草和彩葉苗木兩大富民產(chǎn)業(yè)。", []),
    ("3所院校13个职业本科专业首次招生。", [(3, "unit", "exact"), (13, "item", "exact")]),
    # counts in a bilingual page's English: a plural noun after the number, a mark before it
    (
        "The scheme reached over 2,300 trainees and 45 partner employers in 2019 across more than 30 trades.",
        [(2300, "person", "at_least"), (45, "unit", "exact"), (30, "other", "at_least")],
    ),
    ("In 2021 graduates rose.\n14\n    Run by Private Institutions", []),  # a year; a table's label
    # a count whose noun comes first (number of participants … to N, at N); not a share, a year,
    # nor a number its own noun follows
    (
        "Total number of participants rose by 3.4% to 63,361. The highest number of participants, at 18,819 "
        "(29.7% of total). The number of courses grew to 2019 levels; the number of trainees rose to 300 trainees.",
        [
            (3.4, "percent", "exact"),
            (63361, "person", "exact"),
            (18819, "person", "exact"),
            (29.7, "percent", "exact"),
            (300, "person", "exact"),
        ],
    ),
    # an English sentence that looks ahead or sets a rule gives no facts; one that reports does
    (
        "Subsidies on each student should be no less than 12,000 yuan in 2017. A budget of five billion yuan "
        "is also expected from 2016. Over 7,700 trainees have benefited; the company will offer 3,300 RMB per year.",
        [(7700, "person", "at_least"), (3300, "CNY", "exact")],
    ),
    # personnel, enrolments, specialties and pilots counted in English; a pledge looks ahead
    (
        "Roughly 10 million skilled personnel in more than 1,200 specialties and 5266 pilots. "
        "Li pledged that China would achieve 1 million student enrollments in 2019.",
        [(10_000_000, "person", "approx"), (1200, "item", "at_least"), (5266, "item", "exact")],
    ),
    # places counted in English are other, associations are organisations
    (
        "Pilots in 17 cities and 100 vocational colleges with 13 industry associations.",
        [(17, "other", "exact"), (100, "unit", "exact"), (13, "unit", "exact")],
    ),
    # money after its currency (a foreign one's base unit is other), scaled, marked, as a range
    (
        "The CIC allocated approximately HK$174,000,000; over HK$5 billion and HKD 75 million to HKD 110 million; "
        "RMB 2.5 million.",
        [
            (174_000_000, "other", "approx"),
            (5_000_000_000, "other", "at_least"),
            (75_000_000, "other", "range"),
            (2_500_000, "CNY", "exact"),
        ],
    ),
    # English ranges, one fact at the lower end (both ends' numbers not read again); per cent in
    # two words; years on both sides are no range
    (
        "Placement reached 85% to 90%, from 32 to 196 trainees, between 10 and 16 per cent; "
        "41.2 per cent stayed, rising 5%-8% from 2019 to 2021.",
        [
            (85, "percent", "range"),
            (32, "person", "range"),
            (10, "percent", "range"),
            (41.2, "percent", "exact"),
            (5, "percent", "range"),
        ],
    ),
    # a range's scale word applies to both ends (5-8 million yuan: from 5,000,000)
    ("Founders can get 5-8 million yuan of discounted loans.", [(5_000_000, "CNY", "range")]),
    # English shares in words and with an English mark, scaled counts, counts written as words,
    # a count in brackets after its noun, yuan as RMB; a year in brackets is no count
    (
        "More than 95 percent found jobs and approximately 40% were rural; more than 6 million graduates "
        "and Thirty-five enterprises joined the three teachers. Participants (76,385) paid 3,300 RMB. "
        "Institutions(2018)",
        [
            (95, "percent", "at_least"),
            (40, "percent", "approx"),
            (6_000_000, "person", "at_least"),
            (35, "unit", "exact"),
            (3, "person", "exact"),
            (76385, "person", "exact"),
            (3300, "CNY", "exact"),
        ],
    ),
    # English: a unit joined by a hyphen (8.24-percent, 1.8-fold), -plus and exceeding as marks,
    # mln as a scale, a scaled count whose people were named well before it
    (
        "An 8.24-percent increase, 1.8-fold of the figure; 1,300-plus majors, exceeding 540 million yuan, "
        "10 mln skilled workers. Full-time teachers for vocational schools rose to 1.29 million.",
        [
            (8.24, "percent", "exact"),
            (1.8, "other", "exact"),
            (1300, "item", "at_least"),
            (540_000_000, "CNY", "at_least"),
            (10_000_000, "person", "exact"),
            (1_290_000, "person", "exact"),
        ],
    ),
    # a college's profile in English: land, books, laboratories, staff
    (
        "It covers 168 hectares, with 28 training laboratories, 1,775 staff and 32 databases.",
        [(168, "other", "exact"), (28, "unit", "exact"), (1775, "person", "exact"), (32, "other", "exact")],
    ),
    # tenths with a digit or a half after 成 (4成7, 4成半), and 成 before 就业 (3成就业)
    (
        "個案減少4成半，逾4成7參加者完成，近3成就業個案，取得了很大成就。",
        [(45, "percent", "exact"), (47, "percent", "at_least"), (30, "percent", "approx")],
    ),
    # a zero typeset as a circle; hundreds of people with no measure word; certificates in 張
    (
        "招收一千○二十人，培训八百退役士兵，考取9張專業證照。",
        [(1020, "person", "exact"), (800, "person", "exact"), (9, "item", "exact")],
    ),
    # a training task handed down (下达9000人和3250人培训任务) is a target; one done is a result
    ("向技工院校下达了9000人和3250人培训任务，今年已完成2100人培训任务。", [(2100, "person", "exact")]),
    # events counted in Traditional 場 are other, courses items; what will be held again is a plan
    ("合共舉辦33場講座，提供近350場課程。分署將再舉辦廿二場活動。", [(33, "other", "exact"), (350, "item", "approx")]),
    # a share that only sorts what is counted (90%以上的学校有47所) is no rate
    ("就业率为90%以上的学校有47所。", [(47, "unit", "exact")]),
    # 三门 is a place; medals won at a national contest are the winner's, not the contest's field
    ("三门技师学院获评省级技能大师工作室。", []),
    (
        "贵阳选手获第二届全国职业技能大赛3银1铜26优胜",
        [(3, "item", "exact"), (1, "item", "exact"), (26, "item", "exact")],
    ),
    # 签约 is signing, not 约; 约有 is about; young people are no year; medals before 的 or !
    ("毕业生已签约1.2万人，约有300人待业。", [(12000, "person", "exact"), (300, "person", "approx")]),
    ("至去年8月培訓了6萬多名年輕人。", [(60000, "person", "at_least")]),
    ("代表隊以2金4銀1銅的成績位居榜首。", [(2, "item", "exact"), (4, "item", "exact"), (1, "item", "exact")]),
    # 双高's shortlisted units (拟立项建设单位) are a title, not an intention; 今年拟新建 is one
    ("拟立项建设单位共计197个，今年拟新建6个基地。", [(197, "unit", "exact")]),
    # a range in 万元 whose first number carries its own 万
    ("每所学校给予3000万~5000万元资金。", [(30_000_000, "CNY", "range")]),
    # a cap (最多四名), not a peak (达到最多78所); vacancies and study places are other, programmes items
    ("每班最多四名學員，高峰時達到最多78所。", [(4, "person", "at_most"), (78, "unit", "exact")]),
    ("公司今年有550個空缺，推出12個見習計劃。", [(550, "other", "exact"), (12, "item", "exact")]),
    # what a place has, counted for the part it takes in schooling, is no economy figure
    ("全市共有86家企业参与学徒培养，全市共有规模以上企业900家。", [(86, "unit", "exact")]),
    # industries and sectors counted (三大主导产业) are the economy's; 八大实训中心 stays a count
    ("学院对接全市五大主导产业，建成八大实训中心。", [(8, "unit", "exact")]),
    ("资助总额为812萬305元。", [(8120305, "CNY", "exact")]),
    # a school before a count in 项 wins the items, it is not what is counted
    ("金华职业技术学院共获21项。", [(21, "item", "exact")]),
    ("本届共设29職類。", [(29, "item", "exact")]),
    # sessions of a training course are items; other sessions and teams stay other
    ("为农户开展培训12期，学校已办学8期。", [(12, "item", "exact"), (8, "other", "exact")]),
    ("学院组建省级教学团队4支、科研团队11个。", [(4, "other", "exact"), (11, "other", "exact")]),
    # one mark before a list bounds each number of it
    ("两项指标分别超过91.5%和88.2%。", [(91.5, "percent", "at_least"), (88.2, "percent", "at_least")]),
    # machines are counted in 台 whatever stands before them (not the school that bought them)
    ("学校购置电脑36台、机床3台套。", [(36, "other", "exact"), (3, "other", "exact")]),
    ("學校購置電腦36臺。", [(36, "other", "exact")]),
    # people counted in 个 are people; the societies and majors of students are not
    ("首批15个留学生将于10月入校，成立3个学生社团。", [(15, "person", "exact"), (3, "unit", "exact")]),
    ("为十余个专业学生提供岗位。", [(10, "item", "at_least")]),
    # firms counted in 户 are organisations (spec: unit); households stay other
    ("向3.3万户企业发放补贴，帮扶农户290户。", [(33000, "unit", "exact"), (290, "other", "exact")]),
    # sites are organisations' places: practice fields, test sites, booths (the noun, not 項 or 個)
    ("改善2,574個實習場域，設置34 項術科實作考場。", [(2574, "unit", "exact"), (34, "unit", "exact")]),
    # a labour bureau's training classes are courses run; a school's classes are units
    (
        "本府每年委託民間團體辦理職業訓練課程，共辦理54個職業訓練班，包括進階班2班及繪圖班4班。",
        [(54, "item", "exact"), (2, "item", "exact"), (4, "item", "exact")],
    ),
    ("学校开设订单班5个班。", [(5, "unit", "exact")]),
    # money won (争取…投资) is no target, though the word after the number says so
    ("省发展改革委积极争取2.4亿元中央预算内投资。", [(240_000_000, "CNY", "exact")]),
    # jobs counted in 万 with no measure word, the noun after or before the number
    ("650多家企业携1.3万余岗位进场揽才。", [(650, "unit", "at_least"), (13000, "other", "at_least")]),
    ("去年提供崗位2.1萬，今年更多。", [(21000, "other", "exact")]),
    # goods and production lines given by a firm are no organisations, whoever gives them
    ("科技有限公司向学院捐赠口罩10万只、额温枪100支。", [(100000, "other", "exact"), (100, "other", "exact")]),
    ("照明有限公司专门辟出5条生产线。", [(5, "other", "exact")]),
    ("学校在非洲设立10个鲁班工坊。", [(10, "unit", "exact")]),
    ("就业率28%\n\n \n浏览数：120", [(28, "percent", "exact")]),  # a page's counter a line later is not its
    # batches are counted, not what is in them; a campus is an organisation's place, in English too
    ("教育部共遴选3批试点。", [(3, "other", "exact")]),
    (
        "The nine campuses of the institute and nine academic disciplines.",
        [(9, "unit", "exact"), (9, "other", "exact")],
    ),
    ("截至2023年底前已建成50家。", [(50, "unit", "exact")]),
    # a range of shares with the mark on both ends
    ("招生规模年均增长8%-12%，降幅5%—8%。", [(8, "percent", "range"), (5, "percent", "range")]),
    # a range with its unit on both ends
    (
        "工资能达到3000元至4000元，资助3万元至5万元，招收300人至500人。",
        [(3000, "CNY", "range"), (30000, "CNY", "range"), (300, "person", "range")],
    ),
    # … or, where no header cell names one, from the caption above the table
    (
        "本學程參與人數統計表如下:\n學系\n\n102學年度\n\n103學年度\n\n航管系\n\n10\n\n7\n\n休閒系\n\n2\n\n0",
        [(10, "person", "exact"), (7, "person", "exact"), (2, "person", "exact"), (0, "person", "exact")],
    ),
]


@pytest.mark.parametrize("text, expected", ARABIC_AND_CHINESE + UNITS + QUALIFIERS + TRADITIONAL + REAL_TEXT_FAMILIES)
def test_rules(text, expected):
    assert facts_of(text) == expected


@pytest.mark.parametrize("text", NOT_FACTS)
def test_not_facts(text):
    assert facts_of(text) == []


def test_total_and_parts_are_each_facts():
    text = "学校共建成实训基地10个，其中国家级1个、省级1个、校级8个。"
    assert [(v, u) for v, u, _ in facts_of(text)] == [(10, "unit"), (1, "unit"), (1, "unit"), (8, "unit")]


def test_a_part_with_its_own_noun_counts_that_noun_not_its_total():
    """After 其中, a count right after its own noun (实训基地1个) counts that noun; one after who
    holds it (北京理工大学17个) or a category (工业类) counts what the total counts."""
    text = "学校开设12个专业，其中省级骨干专业4个，省级高技能实训基地1个。"
    assert [(v, u) for v, u, _ in facts_of(text)] == [(12, "item"), (4, "item"), (1, "unit")]
    text = "有184个项目正式签订合同，其中，北京理工大学17个、西北工业大学20个。"
    assert [(v, u) for v, u, _ in facts_of(text)] == [(184, "item"), (17, "item"), (20, "item")]


def test_platforms_called_projects_stay_units():
    text = "建成了人才孵化中心、市级实训基地、教师培养基地等共计10余个省部级实体项目。"
    assert facts_of(text) == [(10, "unit", "at_least")]
    # a list in an earlier clause (学院及教师) is not what the projects are
    assert facts_of("鼓励学院及教师与企业交流合作,全校新增横向合作项目572项。") == [(572, "item", "exact")]


def test_number_text_and_unit_text():
    (f,) = extract_facts("科技成果转化500余万元。")
    assert (f.number_text, f.value, f.unit_text) == ("500余", 500, "万元")
    (f,) = extract_facts("开展社会培训3万余人次。")
    assert (f.number_text, f.value, f.unit_text) == ("3万余", 30000, "人次")
    (f,) = extract_facts("协助企业增加产值近2000万元。")
    assert f.number_text == "近2000"


def test_quote_is_shortest_unique_and_offsets_slice_it():
    text = "学校授权专利5项，承办大赛5项。"
    facts = extract_facts(text)
    assert [f.quote for f in facts] == ["利5项", "赛5项"]
    for f in facts:
        assert text[f.char_start : f.char_end] == f.quote


def test_partner_contribution_is_marked():
    (f,) = extract_facts("合作企业投入资金800万元。")
    assert (f.about, f.base_unit) == ("partner", "CNY")


TABLE = """表1 服务贡献表
指标\t2023年
横向技术服务到款额（万元）\t1256.80
公益性培训服务（人日）\t12,000
毕业生就业率（%）\t96.5
较上年增长（%）\t3.2
纵向科研经费到款额  万元  88.5
"""


def test_a_flattened_table_gives_each_column_its_unit_and_a_note_its_labelled_numbers():
    text = (
        "单位:人数(人),比例(%)\n单位性质 | 人数 | 比例 |\n其他企业 | 441 | 53.91 |\n国有企业 | 2 | 0.24 |\n"
        "各院系就业单位分布如下表。\n单位:比例(%)\n院系 | 主要就业单位性质 |\n"
        "幼儿教育系 | 其他企业(50.47),中初教育单位(10.92) |\n"
    )
    got = [(f.quote, f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert [(v, u) for _, v, u in got] == [
        (441, "person"),
        (53.91, "percent"),
        (2, "person"),
        (0.24, "percent"),
        (50.47, "percent"),
        (10.92, "percent"),
    ]
    assert all(text[text.index(q) : text.index(q) + len(q)] == q for q, _, _ in got)
    # a table without a note: its labelled numbers are no facts
    assert extract_facts("院系 | 就业单位 |\n幼儿教育系 | 其他企业(50.47) |\n") == []


def test_a_table_with_merged_cells_keeps_its_header_across_group_rows_and_short_rows():
    text = (
        "| 区域 | 省份 | 就业人数 | 占比 | 区域人数 | 区域占比 |\n"
        "华东地区 |\n"
        "上海市 | 103 | 4.41% | 329 |\n"
        "14.08% |\n"
        "| 江苏省 | 16 | 0.68% | |||\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert (103, "person") in got and (329, "person") in got and (16, "person") in got
    assert (4.41, "percent") in got and (0.68, "percent") in got


def test_a_markdown_table_keeps_its_header_across_the_rule_and_reads_rows_labelled_by_a_year():
    text = (
        "年份 | 中央专项经费(亿元) | 覆盖院校数量(所) |\n---|---|---|\n2019 | 12.8 | 412 |\n2020 | 15.6 | 536 |\n"
        "专业类别 | 班级数量 | 在校生规模 |\n---|---|---|\n装备制造类 | 9个班 | 482人 |\n"
        "年份 | 新生报到数 | 净增人数 |\n---|---|---|\n2020年 | 724人 | +39人 |\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [
        (1_280_000_000, "CNY"),
        (412, "unit"),
        (1_560_000_000, "CNY"),
        (536, "unit"),
        (482, "person"),  # a cell with its own unit, beside a cell the letter-spacing reader had read
        (9, "unit"),
        (724, "person"),
        (39, "person"),  # a change's plus sign opens its cell: no code like 1+X
    ]
    # a bare year never labels a row under a column with a unit, and 1+X stays a code
    assert extract_facts("年份(所) | 院校(所) |\n2019 | 412 |\n") == []
    assert extract_facts("开展1+5个证书试点") == []
    # a range in a cell under a column with a unit: one fact at its lower end
    got = [
        (f.normalized_value, f.base_unit, f.qualifier)
        for f in extract_facts("| 区域 | 生均拨款(万元) |\n| 东部地区 | 1.2-1.8 |\n")
    ]
    assert got == [(12_000, "CNY", "range")]


def test_a_table_flattened_into_one_line_is_read_row_by_row():
    text = (
        "| 分县职业高中教育基本情况(2017年) | | 县(市、区)名称 | 学校数 (所) | 在校学生数 (人) | | 全市 | 35 | 72220 |"
        " | 市直属 | 7 | 12262 | | 鹿城区 | 1 | 888 | | 龙湾区 | 1 | 1838 |\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(35, "unit"), (72220, "person"), (7, "unit"), (12262, "person")] + [
        (1, "unit"),
        (888, "person"),
        (1, "unit"),
        (1838, "person"),
    ]
    # a row with empty cells is one row, not a table of rows
    assert [(f.normalized_value, f.base_unit) for f in extract_facts("学校 | 人数 |\n上海市 | 103 | | | |\n")] == [
        (103, "person")
    ]


def test_a_tables_note_that_is_one_unit_gives_every_number_of_the_table_its_unit():
    text = (
        "附件1 | |||\n2018年补助资金安排表 | |||\n單位:元 | |||\n單 位 | 全年中央補助資金 | 其中:免學費補助 |\n"
        "樂昌市中等職業技術學校 | 7,548,150 | 7,074,550 |\n附件2 | |||\n項目 | 目標 |\n指標1 | 100 |\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(7548150, "CNY"), (7074550, "CNY")]  # the next table (附件2) is not in 元


def test_a_yearbook_table_gives_each_column_its_unit_from_the_header():
    text = (
        "表1 培训机构基本情况(2023年)\n项目 学校数\n(所)\n在校学生数\n(人)\n专任教师数\nItem\nSchools\n"
        "  总计 120 35000 800\n    Total\n  民办 20 5000\n    Private\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(120, "unit"), (35000, "person"), (800, "person"), (20, "unit"), (5000, "person")]
    # without units in its header a block of numbers is no table of facts
    assert extract_facts("项目 学校数 在校学生数\n  总计 120 35000 800\n") == []


def test_statistics_table_rows():
    got = [(f.quote, f.normalized_value, f.base_unit, f.indicator_code) for f in extract_facts(TABLE)]
    assert got == [
        ("横向技术服务到款额（万元）\t1256.80", 12_568_000, "CNY", "tech_service_revenue"),
        ("公益性培训服务（人日）\t12,000", 12000, "person_day", "public_welfare_training_person_days"),
        ("毕业生就业率（%）\t96.5", 96.5, "percent", "graduate_employment_rate"),
        # a change is a fact, as in prose (spec), but not the indicator's level
        ("较上年增长（%）\t3.2", 3.2, "percent", "other"),
        ("纵向科研经费到款额  万元  88.5", 885_000, "CNY", "vertical_research_funding"),
    ]


@pytest.mark.parametrize(
    "text, code",
    [
        ("学校建有两个国家级高水平专业群。", "programme_clusters"),
        ("开设41个高职专业。", "majors_offered"),
        ("撤销6个老专业。", "other"),
        ("合作开设91个订单班、学徒制班。", "order_classes"),
        ("总体目标达成度62.16%。", "project_goal_attainment_rate"),
        ("其中35%在当地就业。", "local_employment_share"),
        ("获得300万元中央财政资金。", "other"),
        ("技术服务收入1400万元。", "tech_service_revenue"),
        ("授权专利147项。", "patents_granted"),
        ("共建6个现代产业学院。", "industry_colleges"),
        ("學院開設訂單班23個。", "order_classes"),
        # the spec's code rules: a change is not a level, a share not a rate, schools are `other`
        ("毕业生就业率较上年提高2.5个百分点。", "other"),
        ("毕业生就业率同比增长3%。", "other"),
        ("到国有企业就业的占就业总人数的20.92%。", "other"),
        ("联盟覆盖全省23所国家级示范校。", "other"),
        # graduates: supplying them to industry must be said; a placement rate is written as a rate
        ("三年来为区域企业输送技术技能人才3200余人。", "graduates_supplied_to_industry"),
        ("学院今年毕业生4120人。", "other"),
        ("就业人数较多的省份为浙江省（6.25%）。", "other"),
        ("毕业生毕业去向落实率为93.6%。", "graduate_employment_rate"),
        # majors: the programmes offered, not sites across a region, departments or winners of a prize
        ("學院現開設專業27個。", "majors_offered"),
        ("全省中职学校开设约3500个专业点。", "other"),
        ("学院设有机电系等4个系。", "other"),
        ("学院8个专业获批省级品牌专业。", "other"),
        # partner firms: firms said to cooperate or sign with the school; a count of firms only
        ("学院与当地12家机械公司合作开展学徒制。", "partner_enterprises"),
        ("共有15家企业与学院签约。", "partner_enterprises"),
        ("与企业合作建成鲁班工坊两个。", "other"),
        ("学院与16校组成产学联盟。", "other"),  # schools, counted with 校 as their unit
        ("学院与35家企业开展合作。", "partner_enterprises"),
        ("表彰12家绩优合作企业。", "other"),  # firms an award went to
        # local employment: a share by place, not by employer type, town and country, or one place's share
        ("在民营企业就业的比例达到69%。", "other"),
        ("毕业生主要流向了太原市(41.68%)。", "other"),
        ("81.3%的毕业生在省内企业就业。", "local_employment_share"),
        # trainees counted in person-times are training volume
        ("修读课程的学员有5,200人次。", "social_training_person_times"),
        # training bases: shared with or placed in industry; the school's own centres are other
        ("与龙头企业合作建成校内外实训基地36个。", "training_bases"),
        ("学校建成了11个实训基地。", "other"),
        # a placement rate is the rate named nearest; a change in a count is not its level
        ("就业稳定率达80%以上。", "other"),
        ("专业对口就业率为76%。", "other"),
        ("毕业生就业率为95.6%。", "graduate_employment_rate"),
        ("技能大赛获奖数比去年增加4个。", "other"),
        # a growth rate named, then its verb; satisfaction is the employers' only
        ("毕业三年后月收入增幅达到76.2%。", "other"),
        ("毕业生满意率为93.8%。", "other"),
        ("家长满意率为94%。", "other"),
        ("用人单位满意率为98.05%。", "employer_satisfaction"),
        # firms at an event are guests; member schools of a consortium are `other`, its firms are not
        ("受邀参加大会的还有100多家企业。", "other"),
        ("共同体成员单位包括35所职业院校。", "other"),
        # patents applied for are not granted; courses a bureau runs are not co-developed with firms;
        # a share by sector is not local employment
        ("全国高职院校累计申请专利46100件。", "other"),
        ("与企业联合申报7项实用新型专利。", "other"),
        ("学院获授权发明专利12项。", "patents_granted"),
        ("在第二产业就业的占直接就业人数的32.93%。", "other"),
        ("劳工局共开办570个职业培训课程。", "other"),
        ("在青少年科技创新大赛中，学生荣获2个一等奖。", "other"),  # not a skills competition
        # a teaching contest named for the skills contest it belongs to is still one of teaching
        ("在2023年全国职业院校技能大赛教学能力比赛中，我院教师获一等奖2项。", "other"),
        ("首届全国技工院校教师职业能力大赛2个一等奖。", "other"),
        ("该公司现有国家级技能大师工作站2家。", "skill_master_studios"),  # a master's station is a studio
        # academic contests are no skills competitions; 职业英语 is an event of one
        ("在全国大学生数学建模竞赛中，学院获国家一等奖3项。", "other"),
        ("在护士节综合知识竞赛中，获一等奖1个。", "other"),
        ("在全市职业技能大赛职业英语比赛中获5个一等奖。", "skill_competition_awards"),
        ("在全国职业院校技能大赛中，学生获一等奖3项；教师在教学能力比赛中获奖。", "skill_competition_awards"),
        ("在职业院校技能大赛中，学生荣获2个一等奖。", "skill_competition_awards"),
        ("在“文明风采”竞赛中，学生荣获2个一等奖。", "other"),  # a contest of the arts and speech
        ("学校聘请行业技术骨干26人担任兼职教师。", "enterprise_parttime_teachers"),
        ("学校选派38名教师赴企业顶岗实践。", "other"),  # the school's own teachers, sent into firms
        ("海天工程师班2021届25名学生全部就业。", "other"),  # learners, whatever class they are in
        ("97年度共辦理54個職業訓練班。", "nondegree_training_projects"),  # a labour bureau's courses
        ("桃園縣辦理職業訓練課程，失業者職訓。其中開設電腦專業進階班2班。", "other"),  # classes are no majors
        ("学校聘请企业工程师12名担任兼职教师。", "enterprise_parttime_teachers"),
        ("学院建成4个创新研究院。", "other"),  # an R&D institute, not a think tank
        ("学院牵头组建4个研究智库。", "think_tanks"),
        ("在世界技能大赛中，中国代表团获得21金。", "skill_competition_awards"),  # medals counted bare
        ("該校在全國技藝競賽中勇奪六座金手獎。", "skill_competition_awards"),  # Taiwan's skills contest
        ("为社区居民开展技能培训9期。", "nondegree_training_projects"),
        ("学校中期绩效指标完成度103.5%。", "project_goal_attainment_rate"),
        ("本年度职业技能等级考核通过人数412人。", "vocational_certificate_holders"),
        ("毕业生专业对口率达到83%。", "other"),  # the job's match to the major, not placement
        ("今年学院承办的技能大赛获奖选手来自66个比赛项目。", "other"),  # a contest's events, not awards
        ("在全国技能大赛中，学院获得5个项目一等奖。", "skill_competition_awards"),
        ("联盟现有联盟企业25家。", "consortium_member_units"),
        ("历年受训学员结业后就业率达到91%。", "other"),  # trainees, not graduates
        ("2024届毕业生就业率达到97.5%。", "graduate_employment_rate"),
        ("项目层面数量指标96项。", "project_subtasks"),
        ("三年累计到位行业企业支持资金920万元。", "enterprise_cash_investment"),
        ("总经理当场向学院赠送价值12万元的数控设备。", "enterprise_equipment_value"),  # a gift is a donation
        ("学院近三年为企业培养技师1200人。", "skilled_technicians_trained"),
        ("全县新增技能人才5200人。", "other"),  # skilled talent of no technician grade
        ("学校现有首席技师7人。", "other"),  # staff, not technicians trained
        ("经选拔，42名选手将晋升技师职业资格。", "skilled_technicians_trained"),  # a technician grade
        ("全年新增取得职业资格证书1200人。", "vocational_certificate_holders"),
        ("项目产业化后企业实现年新增销售收入6580万元。", "enterprise_output_increase"),
        # local employment is said of the local area: a kind of city is not one
        ("毕业生选择在新一线城市就业的比例为26%。", "other"),
        ("毕业生在川就业占比72.5%。", "local_employment_share"),
        ("高职毕业生有35%在学校所在市就业。", "local_employment_share"),
        ("与企业共同开发课程12门。", "co_developed_courses"),
        ("第十五届职工技能大赛共设500多个工种的比赛。", "other"),  # a contest's trades, not contests hosted
        ("The college welcomed 7,000 overseas students last year.", "international_students"),
        # an English rate named after the share; trainees' placement is no graduates' rate
        ("Graduates enjoy an over 90 percent employment rate.", "graduate_employment_rate"),
        ("The college had a 96 percent placement rate last year.", "graduate_employment_rate"),
        ("Migrant workers it trained had a 90% employment rate.", "other"),
        ("学校现有外国学生120人。", "international_students"),
        ("今年共招收61名留學新生。", "international_students"),  # Taiwanese and other reports' words
        ("本校現有七百多位境外生。", "international_students"),
        ("該系有39位外籍生。", "international_students"),
        # R&D and technology-service platforms, not service outlets, teaching labs or any 平台
        ("全县建成村级电商服务中心232个。", "other"),
        ("学校建有实验室28个。", "other"),
        ("建成2个共享平台。", "other"),
        ("学院建有研发平台46个。", "tech_innovation_platforms"),
        ("现有省创新实验室7家。", "tech_innovation_platforms"),
        ("学院建有技术服务中心3个。", "tech_innovation_platforms"),
        ("聘请企业能工巧匠担任兼职教师，共计120人。", "enterprise_parttime_teachers"),
        ("学院向帮扶村捐赠乡村振兴资金10万余元。", "other"),  # a school's aid to a village
        ("全年培训保护性耕作技术人员580人。", "other"),  # staff trained, not industry staff teaching
        ("本次职业技能等级认定共有293名考生参加。", "other"),  # candidates, not certificate holders
        ("学院与企业深度合作，设有16个教学单位。", "other"),  # the school's own units, not firms
        # English pages: the noun phrase after the number says what is counted
        ("Currently, the School offers 4 undergraduate programs.", "majors_offered"),
        ("The college has 3 backbone majors.", "other"),  # a designation, not what is offered
        ("The college has 24 quality courses.", "other"),
        ("The college has 285 off-campus training bases.", "training_bases"),
        ("The centre ran 17 training courses for farmers.", "nondegree_training_projects"),
    ],
)
def test_codes_from_the_clause(text, code):
    assert [f.indicator_code for f in extract_facts(text)] == [code]


def test_the_schools_own_teachers_are_not_industry_staff_though_their_sentence_names_some():
    text = "现有专任教师107人，其中硕士及以上学历58人，兼职教师400余人。"
    assert [f.indicator_code for f in extract_facts(text)] == ["other", "other", "enterprise_parttime_teachers"]


def test_majors_counted_after_their_categories_or_under_a_school_are_offered():
    """开设六个专业大类34个专业 counts majors after the categories (the categories count is not one);
    下设12个专科专业 offers them."""
    assert codes_of("学校开设六个专业大类34个专业。")[-1] == "majors_offered"
    assert codes_of("学院下设铁道机车运用与维护等12个专科专业。") == ["majors_offered"]
    assert codes_of("涵盖专业大类19个。") == ["other"]


def test_majors_a_school_has_now_are_offered():
    """现有27个专业, 已有12个专业: what a school has now it offers; majors it won stay other."""
    assert codes_of("学院现有27个专业。") == ["majors_offered"]
    assert codes_of("学校目前有12个专业。") == ["majors_offered"]
    assert codes_of("10个专业获批资源库立项。") == ["other"]


def test_majors_counted_for_a_designation_are_not_majors_offered():
    text = "学院开设专科专业42个，其中国家级骨干专业6个、省级重点专业9个，并开设8个省级特色专业。"
    assert [f.indicator_code for f in extract_facts(text)] == ["majors_offered", "other", "other", "other"]


def test_parts_after_includes_follow_their_total():
    text = "联盟首届理事会有成员单位90家，包括装备制造企业20家，其他类型企业15家，院校40家，行业组织、研究机构等6家。"
    codes = [f.indicator_code for f in extract_facts(text)]
    assert codes == ["consortium_member_units"] * 3 + ["other", "consortium_member_units"]  # member schools: other


def test_a_table_flattened_with_single_spaces_codes_each_cell_by_its_column():
    text = "近三年情况如下。\n\n年份 中职就业率 高职就业率 专业对口率\n2021 93.1% 90.4% 70.2%\n2022 94.6% 91.7% 71.8%\n\n数据显示，就业稳定。"
    facts = extract_facts(text)
    assert [f.normalized_value for f in facts] == [93.1, 90.4, 70.2, 94.6, 91.7, 71.8]
    assert [f.indicator_code for f in facts][:3] == ["graduate_employment_rate"] * 2 + ["other"]
    assert all(f.quote.strip() == f"{f.number_text}%" for f in facts)


def test_a_row_of_cells_with_their_own_units_is_data_not_a_header():
    text = "院校 | 地区 | 订单覆盖率 | 近三年就业率 |\n---|---|---|---|\n甲职业技术学院 | 河南 | 81% | 96.4% |\n乙职业技术学院 | 江苏 | 90% | 97.9% |"
    facts = extract_facts(text)
    assert [f.normalized_value for f in facts] == [81, 96.4, 90, 97.9]
    assert [f.indicator_code for f in facts][1::2] == ["graduate_employment_rate"] * 2


def test_a_row_labelled_only_by_its_year_codes_its_cells_by_their_columns():
    text = "| 年份 | 全国平均就业率 | 平均起薪(元/月) |\n|---|\n| 2021年 | 94.1% | 3300 |"
    facts = extract_facts(text)
    assert [(f.normalized_value, f.base_unit, f.indicator_code) for f in facts] == [
        (94.1, "percent", "graduate_employment_rate"),
        (3300, "CNY", "other"),
    ]


def test_awards_of_the_innovation_contest_a_report_is_about_are_other():
    text = (
        "第三届“互联网+”大学生创新创业大赛全国总决赛在杭州举行，我校参赛项目获银奖。"
        "学校领导高度重视本次大赛，亲自率队，给参赛师生极大的支持和鼓励。总决赛比赛现场，两名老师共同指导的作品"
        "最终获得高职赛道银奖第一名的优秀成绩。此外，学校还分获高职赛道铜奖2项以及省级一等奖5项。"
    )
    assert [f.indicator_code for f in extract_facts(text)] == ["other", "other"]


def test_research_funds_follow_their_own_side():
    text = "学院新增到账经费(其中纵向到账经费2541万元,横向到账经费810万元)。"
    assert [f.indicator_code for f in extract_facts(text)] == ["vertical_research_funding", "tech_service_revenue"]


def test_a_table_cell_with_its_own_unit_is_coded_by_its_column():
    text = "专业类别 | 实训室数量 | 企业捐赠设备价值 | 双师型教师比例 |\n---|---|---|---|\n加工制造类 | 8 | 230万元 | 68% |"
    facts = extract_facts(text)
    assert [(f.normalized_value, f.base_unit, f.indicator_code) for f in facts] == [
        (2_300_000, "CNY", "enterprise_equipment_value"),
        (68, "percent", "dual_qualified_teacher_ratio"),
    ]
    assert all(f.quote.rstrip(" |").endswith(("230万元", "68%")) for f in facts)  # read once, as the table reads it


def test_the_nearest_rate_decides():
    text = "毕业生就业率保持在98%以上，就业稳定率达80%以上。"
    assert [f.indicator_code for f in extract_facts(text)] == ["graduate_employment_rate", "other"]


@pytest.mark.parametrize(
    "text, code",
    [
        ("教学科研仪器设备总值2.3亿元。", "other"),  # the institution's own assets
        ("生均教学仪器设备值1.2万元。", "other"),
        ("企业捐赠设备价值2300万元。", "enterprise_equipment_value"),
        ("新校区总投资3.2亿元。", "other"),  # money put in with no enterprise or donor
        ("合作企业投入资金800万元。", "enterprise_cash_investment"),
        ("校友捐资500万元。", "enterprise_cash_investment"),  # a donation of money
        ("物流公司一次性赠送了价值83万元的设备。", "enterprise_equipment_value"),
        ("企业给每名贫困学生发放3000元奖学金。", "other"),  # an amount per head
        ("合作企业向学院提供的校内实践教学设备值2,318.5万元。", "enterprise_equipment_value"),
    ],
)
def test_equipment_from_enterprises_only(text, code):
    assert [f.indicator_code for f in extract_facts(text)] == [code]


@pytest.mark.parametrize(
    "text, code",
    [
        ("连续5年保持96.2%平均就业率。", "graduate_employment_rate"),  # the rate named after the share
        ("毕业生实现了97%的就业率。", "graduate_employment_rate"),
        ("毕业生实现96%的专业对口率。", "other"),
        ("就业人数较多的地区为北京市(8.05%)。", "other"),
    ],
)
def test_a_share_takes_the_rate_named_after_it(text, code):
    assert [f.indicator_code for f in extract_facts(text)] == [code]


@pytest.mark.parametrize(
    "text, code",
    [
        ("全省建成国家级高技能人才培训基地18个。", "training_bases"),  # the catalogue's public bases
        ("学校5个实训基地入选国家职业教育虚拟仿真实训基地培育项目。", "training_bases"),
        ("全市获批国家级高技能人才培训基地4个，世界技能大赛中国集训基地6个。", None),
        ("学校建成实训基地18个。", "other"),  # the school's own, with no partner
    ],
)
def test_public_training_bases(text, code):
    codes = [f.indicator_code for f in extract_facts(text)]
    if code is None:  # a list: only the item named a public base is one
        assert codes == ["training_bases", "other"]
    else:
        assert codes == [code]


# A statistics bulletin's table flattened one cell per line: a two-level header whose unit cells are
# (万人) and a cut-off 增长(%, cells that fall (-11.6).
BULLETIN = "\n\n".join(
    [
        "2023年各级学校招生、在校及毕业生人数及其增长速度",
        "招生人数",
        "在校(学)人数",
        "绝对数",
        "比上年",
        "绝对数",
        "比上年",
    ]
    + ["(万人)", "增长(%", "(万人)", "增长(%"]
    + ["研究生教育", "4.0", "4.1", "12.4", "5.4", "中等职业教育", "23.0", "-11.6", "70.4", "-5.7"]
)


def test_a_cell_per_line_table_reads_ten_thousands_and_falls_from_its_header():
    got = [(f.number_text, f.normalized_value, f.base_unit) for f in extract_facts(BULLETIN)]
    assert got == [
        ("4.0", 40_000, "person"),
        ("4.1", 4.1, "percent"),
        ("12.4", 124_000, "person"),
        ("5.4", 5.4, "percent"),
        ("23.0", 230_000, "person"),
        ("-11.6", -11.6, "percent"),
        ("70.4", 704_000, "person"),
        ("-5.7", -5.7, "percent"),
    ]


def test_parts_follow_the_total_in_their_own_measure():
    # the last count before 其中 is money: the parts in 个 count what the 个 before it counted
    text = "有184个项目正式签订合同，合同金额总计1.6亿元，其中，北京理工大学17个、哈尔滨工业大学22个。"
    assert [f.base_unit for f in extract_facts(text)] == ["item", "CNY", "item", "item"]
    # people counted in 名 and in 人 are the same kind: the certificate holders' parts, not the trainees'
    text = "全县培训农民工9000多人，有6813名农民工获得40多项的职业技能等级证书，其中初级5125人、中级1588人。"
    codes = [f.indicator_code for f in extract_facts(text)]
    assert codes == ["other", "vocational_certificate_holders", "other"] + ["vocational_certificate_holders"] * 2


@pytest.mark.parametrize(
    "text, code",
    [
        ("第二期供需对接就业育人项目共遴选签约立项单位794家，立项14546项。", "other"),
        ("学院获批人才培养项目立项12项。", "other"),
        ("学院获批省级科研项目立项12项。", "funded_research_projects"),
        ("今年立项市级及以上科技项目50余项。", "funded_research_projects"),
    ],
)
def test_teaching_and_employment_projects_are_not_research(text, code):
    assert extract_facts(text)[-1].indicator_code == code


def test_courses_counted_in_traditional_men_are_items():
    facts = extract_facts("我們精心打造了85門實戰導向的精品課程。")
    assert [(f.normalized_value, f.base_unit) for f in facts] == [(85, "item")]


def test_parts_in_a_sentence_of_their_own_follow_the_total_before_it():
    text = "初步达成意向性合作项目333个，意向性合作金额2.5亿元。其中，北京理工大学52个、南京理工大学76个。"
    assert [f.base_unit for f in extract_facts(text)] == ["item", "CNY", "item", "item"]
    # a sentence that only follows another is no list of its parts
    text = "共有合作项目12个。学院新建实训室5个。"
    assert [f.base_unit for f in extract_facts(text)][-1] == "unit"


def test_sorting_words_end_the_counted_phrase():
    (f, _) = extract_facts("333个意向性合作项目按类型分，科研成果转化类32个。")
    assert (f.normalized_value, f.base_unit) == (333, "item")


def test_a_markdown_row_names_its_own_unit_under_columns_of_years():
    text = (
        "| 指标 | 2022年 | 2021年 |\n|---|---|---|\n"
        "| 中等职业学校专任教师数(万人) | 4.63 | 4.55 |\n| 中等职业学校行政人员数(万人) | 0.28 | ||||\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(46_300, "person"), (45_500, "person"), (2_800, "person")]


def test_a_yearbook_header_names_its_columns_on_one_line_and_their_units_on_the_next():
    text = (
        "20-20  职业初中学校和学生情况 (2007年)\n\n    学校数 招生数 在校学生数 毕业生数\n(所) (人) (人) (人)\n\n"
        " 总计 275 47469 152955 68630\n   民办 6 628 2250 855\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(275, "unit"), (47469, "person"), (152955, "person"), (68630, "person")] + [
        (6, "unit"),
        (628, "person"),
        (2250, "person"),
        (855, "person"),
    ]


def test_a_yearbook_header_wrapped_over_lines_numbered_rows_and_empty_cells():
    """Units in brackets among the column names' pieces, over two lines (the last column, 专任
    教师, has none: people); rows numbered 1., 2.; three spaces where a cell is left empty."""
    text = (
        "10-15  市区教育事业基本情况\n \n  学校数 招生数 在  校 教职工  专任\n"
        "(所) (人) (人) 学生数 人  数\n      (人) (人)   教师\n"
        "  1.高等学校 3 6968 21096 1658 1102\n      初中 44 14071 41382   2555\n"
        "       成人中专   60 186    \n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(3, "unit"), (6968, "person"), (21096, "person"), (1658, "person"), (1102, "person")] + [
        (44, "unit"),
        (14071, "person"),
        (41382, "person"),
        (2555, "person"),
        (60, "person"),
        (186, "person"),
    ]


def test_a_cell_per_line_table_whose_header_cells_are_wrapped_in_bars_and_labels_open_with_one():
    """An HTML table as text: each header cell between bars of their own lines (| / 單位:人 / |),
    a two-level header whose sub-header repeats (計Total) and names no unit, so the columns go by
    the note's unit and by no name (預計畢業生數 names no column here); each row's label opens
    with a bar, each value ends in one."""
    header = ["單位:人", "畢業生數Graduates", "招生數Entrants", "預計畢業生數Graduates for Next Year"]
    header += ["計Total", "計Total"]
    text = "".join(f"    | \n     {c} \n     | \n" for c in header)
    for label, values in (
        ("一.中職學生計 Students", (3011438, 1393781, 4241166)),
        ("其中:全日制", (2848330, 1339581, 4090725)),
    ):
        text += f"    | {label}      | \n" + "".join(f"     {v} | \n" for v in values)
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(v, "person") for v in (3011438, 1393781, 4241166, 2848330, 1339581, 4090725)]


def test_a_cell_per_line_table_with_bars_between_cells_bilingual_labels_and_sections():
    cells = ["单位:人", "unit:person", "毕业生数", "graduates", "招生数", "entrants"]
    cells += ["一、高等教育 higher education", "(一)研究生 postgraduates", "728627", "1106551"]
    cells += ["博 士 doctor´s degree", "66176", "116047", "二、中等教育 secondary education"]
    cells += ["(一)高中 senior secondary", "7926100", "8765000"]
    text = "\n|\n".join(cells) + "\n|\n"
    got = [f.normalized_value for f in extract_facts(text)]
    assert got == [728627, 1106551, 66176, 116047, 7926100, 8765000]
    assert {f.base_unit for f in extract_facts(text)} == {"person"}
    # where cells end in their own bar, a bar alone is an empty cell: a budget's line numbers are
    # not read as its amounts
    budget = "单位:万元 |\n项 目 |\n栏次 |\n1 |\n2 |\n一、一般公共服务支出 |\n|\n2 |\n二、外交支出 |\n|\n3 |\n三、国防支出 |\n|\n4 |\n"
    assert extract_facts(budget) == []


def test_a_statistical_bulletin_speaks_of_schools_only_in_its_education_section():
    bulletin = (
        "年末全市共有普通高校5所，比上年增加1所。中等职业学校在校生3.2万人，比上年增长2.1%。"
        "普通高中体育器械配备达标校数比例为96.1%。年末全市共有医院85个，床位11540张。"
        "全年专利授权量3015件，比上年增长5%。"
    )
    got = [f.quote for f in extract_facts(bulletin)]
    assert not [q for q in got if "85个" in q or "11540" in q or "3015" in q]
    assert [q for q in got if "96.1%" in q] and [q for q in got if "3.2万人" in q]
    # a college's own patents are facts: a report that is no bulletin keeps them
    assert [f.normalized_value for f in extract_facts("学院全年专利授权量30件。")] == [30]


def test_a_unit_alone_in_a_rows_cell_is_the_unit_of_its_group_of_rows():
    text = (
        "| 项 目 | Item | 2014 | 2015 | ||||\n"
        "| 各类学校数合计 | (所) | Total Number of Schools | (unit) | 1693 | 1697 | ||\n"
        "| 中等职业学校 | Vocational Secondary Schools | 86 | 86 | ||||\n"
        "| 各类学校在校学生数 | (人) | Number of Enrolled Students | (person) | 2941554 | 2974053 | ||\n"
        "| 中等职业学校 | Vocational Secondary Schools | 244585 | 237130 | ||||\n"
    )
    got = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert got == [(1693, "unit"), (1697, "unit"), (86, "unit"), (86, "unit")] + [
        (2941554, "person"),
        (2974053, "person"),
        (244585, "person"),
        (237130, "person"),
    ]
    # the year row above the groups is no data: no unit has been named yet
    assert not [f for f in extract_facts(text) if f.normalized_value in (2014, 2015)]


def test_graduates_going_on_to_a_bachelors_degree_are_not_supplied_to_industry():
    text = "为培养高素质技术技能人才提供学历提升路径，2025年专升本达到1600人。全年向合作企业输送毕业生2100人。"
    codes = {f.number_text: f.indicator_code for f in extract_facts(text)}
    assert codes["1600"] == "other"
    assert codes["2100"] == "graduates_supplied_to_industry"


def test_an_english_placement_rate_is_the_employment_rate_and_a_share_of_a_group_is_not():
    def codes_by_number(text):
        return {f.number_text: f.indicator_code for f in extract_facts(text)}

    assert codes_by_number("The employment rate of graduates reached 92 percent.")["92"] == "graduate_employment_rate"
    assert codes_by_number("The employment rate of the 2023 graduates is 96.85%, which is high.")["96.85"] == (
        "graduate_employment_rate"
    )
    # an unemployment rate is the economy's figure, no fact at all (filters.about_economy)
    assert "17" not in codes_by_number("The unemployment rate of young people was 17%.")
    # the rate named a sentence before, and a share of a group, are not it
    text = "The province maintains a graduate employment rate of over 95% [4]. - More than 70% of new employees in key industries come from vocational schools."
    got = codes_by_number(text)
    assert got["95"] == "graduate_employment_rate" and got["70"] == "other"


def test_big_after_a_digit_counts_categories_and_things_the_catalogue_counts_not_headings():
    got = {(f.value, f.base_unit) for f in extract_facts("基地建成8大专业实训中心，涉及10大类40余个工种。")}
    assert (8, "unit") in got and (10, "other") in got and (40, "other") in got
    assert {f.value for f in extract_facts("围绕市场等4大需求，服务三大主导产业。")} == set()
    assert [f.value for f in extract_facts("开设五大产业领域的课程。")] == [5]


def test_english_counts_turning_to_another_quantity_past_marks_and_glued_shares():
    def got(text):
        return {(f.value, f.base_unit, f.qualifier) for f in extract_facts(text)}

    text = "The number of schools rose to 11,813 and that of students crossed 14 million in 2006."
    assert got(text) == {(11813, "unit", "exact"), (14_000_000, "person", "at_least")}
    assert got("The rate has exceeded 90% in recent years.") == {(90, "percent", "at_least")}
    assert got("The county trained 354,900 laborers.") == {(354900, "person", "exact")}
    # a passive after the number: the courses named before, not enterprises counted
    assert (891, "unit", "exact") not in got("Of the courses, 891 were organised for enterprises.")
    assert (50000, "person", "exact") in got("Of these, 50,000 are full-time students.")
    assert got("At present, 70%of the bases are linked, of which about 51%are teachers.") == {
        (70, "percent", "exact"),
        (51, "percent", "approx"),
    }


def test_macau_patacas_and_taiwan_dollars_after_an_amount_are_money_but_not_yuan():
    got = {(f.value, f.base_unit) for f in extract_facts("学员可获最高6,656澳门元的培训津贴，另获奖金5000新台币。")}
    assert got == {(6656, "other"), (5000, "other")}


def test_a_comment_boxs_count_of_people_taking_part_is_a_page_counter():
    text = "我来说两句 0人参与,0条评论\n已有0人参与,点击查看更多精彩评论。共有600人参与比赛。"
    assert [f.value for f in extract_facts(text)] == [600]


def test_a_sentence_opening_with_the_year_it_looks_to_sets_targets_unless_it_says_they_are_done():
    text = "到2020年,通过各类培训,全省专业技术人才总量超过400万人,技能人才总量达到520万人。"
    assert extract_facts(text) == []
    done = "到2017年年末,我省共拥有专科高职院校25所。到2021年,已建成的基地达到120家。"
    assert [f.value for f in extract_facts(done)] == [25, 120]


def test_firms_a_base_is_built_with_are_counted_as_firms_not_as_bases():
    text = "学院与京东、三特机械等7家企业共建校内生产性实训基地。学院与企业共建校外实训基地12个。"
    codes = {f.number_text: f.indicator_code for f in extract_facts(text)}
    assert codes["7"] != "training_bases"
    assert codes["12"] == "training_bases"


def test_firms_a_school_pairs_with_after_a_list_of_names_are_its_partners():
    text = "学院与中联重科、昆宇新能源、翔宇设备等 62家本地企业结对联企。"
    assert [f.indicator_code for f in extract_facts(text)] == ["partner_enterprises"]


def test_a_gloss_in_brackets_between_a_noun_and_its_trailing_count_is_no_stop():
    facts = extract_facts("决赛项目(工种)50个,其中设置工业类项目16个。")
    assert [(f.value, f.base_unit) for f in facts] == [(50, "item"), (16, "item")]


def test_a_widened_quote_and_a_table_cells_quote_hold_context_on_both_sides():
    # a reader who widened the other way (21 | rather than | 21) still overlaps the quote by more
    # than the number; stops and line ends are no context
    facts = extract_facts("单位类型 | 人数 | 比例 |\n国有企业 | 63 | 21 |\n机关 | 48 | 21 |\n")
    for f in facts:
        at = f.quote.rindex(f.number_text)
        assert at > 0 and at + len(f.number_text) < len(f.quote), f.quote
    assert [f.quote for f in extract_facts("学校授权专利5项，承办大赛5项。")] == ["利5项", "赛5项"]
    assert [f.quote for f in extract_facts("合作企业12家。新增基地12家和课程30门。")][0] == "业12家"


BOX_TABLE = """13-23 技工学校基本情况
单位:人
──────┬────┬────┬────
│ 学校数 │ │ │ ┌──
年 份 │ │在校生数│ 招生数 │#专 任
│ (所) │ │ │ 教师数
──────┼────┼────┼────
1978 │ 9│ 3419│ │ 196
1980 │ 28│ 12722│ 7910│ 833
──────┴────┴────┴────
注:独立的技工学校1994年为149所。"""


def test_a_box_drawn_yearbook_table_reads_each_cell_with_its_wrapped_column_and_the_tables_note():
    facts = extract_facts(BOX_TABLE)
    got = [(f.value, f.base_unit) for f in facts]
    assert got == [(9, "unit"), (3419, "person"), (196, "person"), (28, "unit"), (12722, "person"),
                   (7910, "person"), (833, "person"), (149, "unit")]  # fmt: skip
    assert facts[0].subject.startswith("1978 学校数")
    assert "专 任 教师数" in facts[2].subject
    # a reader who quoted the cell alone (28│) overlaps the quote by more than the number
    assert facts[3].quote.endswith("28│")
    # bars in prose or a row of words are no table
    assert [f.value for f in extract_facts("甲│乙│丙\n学校│共有│学生300人")] == [300]


def test_a_box_drawn_tables_year_rows_date_their_cells():
    from pipelines.extract.attribution import attribute_facts, number_position

    facts = extract_facts(BOX_TABLE)
    attrs = attribute_facts(BOX_TABLE, [number_position(f.char_start, f.quote, f.number_text) for f in facts], None)
    assert [a.period.start for a in attrs[:5]] == [1978, 1978, 1978, 1980, 1980]


def test_small_families_of_batch_zw():
    def got(text):
        return [(f.value, f.normalized_value, f.base_unit, f.qualifier) for f in extract_facts(text)]

    assert got("捐赠价值叁万元的物资。") == [(3, 30000, "CNY", "exact")]  # a scaled cheque numeral counts
    assert got("土地總面積約為3,500平方公尺。") == [(3500, 3500, "other", "approx")]  # Taiwan's square metre
    assert got("今年規劃辦理超過350堂課程。") == [(350, 350, "item", "at_least")]
    assert got("僅1成多畢業生直接就業。") == [(1, 10, "percent", "at_least")]
    assert got("共用了3个多月。") == []
    assert got("Greater than 95 percent of graduates found jobs.") == [(95, 95, "percent", "at_least")]


def test_a_cell_per_line_table_with_wrapped_bilingual_headers_empty_section_rows_and_its_note_above():
    text = (
        "|   | \n  | \n 單位:人 | \n\n |   | \n unit:person | \n\n |   | \n"
        " 畢業生數 \n  Graduates | \n 招生數 \n Entrants | \n"
        " | 一、高等教育 Higher Education | \n   | \n   | \n"
        " |    (一)研究生 Postgraduates | \n 551522 | \n 645055 | \n"
        " |     博   士 Doctor′s Degree | \n 53778 | \n 74416 | \n"
    )
    facts = extract_facts(text)
    assert [(f.value, f.base_unit) for f in facts] == [
        (551522, "person"),
        (645055, "person"),
        (53778, "person"),
        (74416, "person"),
    ]
    assert facts[1].subject.endswith("招生數 Entrants")  # the wrapped header cell, its line break gone


def test_counts_after_respectively_count_the_nouns_of_their_places():
    text = "“3+2”对口贯通分段培养试点高职院校、专业点、培养规模分别达到46所、75个、4980人。"
    glossed = (
        "“3+2”對(dui)口貫通分(fen)段培養試(shi)點高職院(yuan)校、專(zhuan)業(ye)點(dian)、"
        "培養規模分(fen)(fen)別(bie)達到46所(suo)、75個(ge)、4980人(ren)。"
    )
    for t in (text, glossed):
        assert [(f.value, f.base_unit) for f in extract_facts(t)] == [(46, "unit"), (75, "item"), (4980, "person")]
    # a count that is not in the list after 分别 takes its own noun
    assert [f.base_unit for f in extract_facts("两校分别为10所，合作企业20个。")][-1] == "unit"


def test_bounds_and_bands_that_define_a_class_are_no_quantities():
    text = (
        "毕业生月收入在6000元及以上的院校有27所。月收入≥6000元的有16所，<6000元的有75所。"
        "起薪2001~3000元的占33.93%，高于3000元的学生占12.74%。数据不低于6000元的数量为3所。"
    )
    assert [f.value for f in extract_facts(text)] == [27, 16, 75, 33.93, 12.74, 3]
    # a share of graduates and money put in stay facts
    assert [f.value for f in extract_facts("超过八成的毕业生留在本地。企业投入超过500万元。")] == [8, 500]


def test_a_ratio_with_a_colon_is_one_fact_of_its_number_that_is_not_one():
    def got(text):
        return [(f.value, f.base_unit) for f in extract_facts(text)]

    assert got("全国中职学校生师比为19.6:1。") == [(19.6, "other")]
    assert got("录取比例3∶1。男女比例为81:100。") == [(3, "other"), (81, "other")]
    assert got("The student-teacher ratio in colleges was 17.52:1.") == [(17.52, "other")]
    # a time or a score has no word for a ratio before it
    assert got("会议于10:30召开。比赛以3:1获胜。") == []


def test_english_thousands_set_off_by_spaces_contest_nouns_and_a_headers_unit_scale():
    def got(text):
        return [(f.value, f.base_unit) for f in extract_facts(text)]

    assert got("In 2000-01, 1 789 graduates and 5 927 full-time students.") == [(1789, "person"), (5927, "person")]
    assert got("Thirty-six teams and 2,557 competitors took part in 86 events.") == [
        (36, "other"),  # teams are groups of people, as the gold counts 支 and 团队
        (2557, "person"),
        (86, "item"),
    ]
    assert got("In 2013 500 students joined.") == [(500, "person")]
    # a header's unit in brackets is no count; a count in brackets is one
    assert got("Students | Teachers (10 000 persons) |") == []
    assert got("Occupational Safety courses (6,534 participants) came next.") == [(6534, "person")]


def test_a_cell_per_line_table_whose_rows_name_their_own_units_in_wrapped_labels():
    text = "20-25 Statistics on Technical Schools (2010) |\n|\nItem |\n|\nTotal |\nCentral |\nLocal |\n|\n"
    text += "Number of Schools\n(unit) |\n2998 |\n89 |\n2909 |\n|\n"
    text += "Number of Students\n(10 000 persons) |\n421.0 |\n13.7 |\n407.3 |\n|\n"
    text += "Classroom\nTeachers\n(10 000 persons) |\n12.7 |\n0.3 |\n12.4 |\n|\n"
    facts = extract_facts(text)
    assert [(f.normalized_value, f.base_unit) for f in facts] == [
        (2998, "unit"),
        (89, "unit"),
        (2909, "unit"),
        (4210000, "person"),
        (137000, "person"),
        (4073000, "person"),
        (127000, "person"),
        (3000, "person"),
        (124000, "person"),
    ]
    assert all(f.quote.endswith(f.number_text + " ") for f in facts)  # a cell's bar side is its context


def test_english_medals_and_awards_of_a_competition_are_its_awards():
    text = (
        "After four days of rigorous competition, Jiangsu secured 13 gold medals, 14 silver, 16 bronze, "
        "and 93 excellence awards."
    )
    got = [(f.value, f.base_unit, f.indicator_code) for f in extract_facts(text)]
    assert got == [
        (13, "item", "skill_competition_awards"),
        (14, "item", "skill_competition_awards"),
        (16, "item", "skill_competition_awards"),
        (93, "item", "skill_competition_awards"),
    ]


def test_a_nations_count_of_its_schools_of_each_stage_is_a_fact_not_the_economy():
    text = "全国共有幼儿园29.48万所。全国共有普通高中1.46万所。全国共有规模以上工业企业40万家。"
    assert [(f.normalized_value, f.base_unit) for f in extract_facts(text)] == [(294800, "unit"), (14600, "unit")]
    # the kind of school after its count in 所 (48所…院校): still the nation's schools, not its economy
    text = "当前全国共有48所铁路行业办学特色院校。全省共有3800家企业。"
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [(48, "unit")]


def test_a_table_reference_is_no_count_and_a_bulletins_science_bodies_are_not_its_schools():
    assert extract_facts("学院办学基本条件如表1-3所示。详见表 1-7 所示。") == []
    assert [f.value for f in extract_facts("全市有3所学校。")] == [3]
    bulletin = (
        "2022年全市国民经济和社会发展统计公报。年末全市户籍人口120万人，比上年增长1.2%。全年全市生产总值比上年增长5%。"
        "新认定高新技术企业63家，省级工程研究中心399个，年末全市共有社区服务中心1个。全市共有中等职业学校12所。"
    )
    values = [f.value for f in extract_facts(bulletin)]
    assert 12 in values and not {63, 399} & set(values)


def test_a_count_of_indicators_or_goals_is_the_make_up_of_a_scheme_not_a_measure():
    text = "引导院校提高企业兼职教师年课时总量等11项指标。紧扣校务发展计划5项重点目标。授权专利5项。"
    assert [(f.value, f.indicator_code) for f in extract_facts(text)] == [(5, "patents_granted")]


def test_a_bounds_words_may_run_on_to_the_class_it_defines():
    text = "连续两届获得2项及以上国家级成果奖的高职院校包括深圳职业技术学院。全年培训3000人以上。"
    assert [f.value for f in extract_facts(text)] == [3000]


def test_a_division_into_kinds_is_no_measure_unless_the_kinds_are_counted():
    text = "入围的高职院校分为四类。毕业状况分为七类。设个人奖和特殊贡献奖三类。获得12类国际证书。围观358次"
    assert [f.value for f in extract_facts(text)] == [3, 12]


def test_shares_whose_decimal_points_a_mirror_lost_are_read_with_them():
    text = "比例分別由21?5%和19?85%上升為46?36%和38?58%。"
    assert [f.value for f in extract_facts(text)] == [21.5, 19.85, 46.36, 38.58]
    # a text that keeps its points elsewhere reads a space as a space
    assert [f.value for f in extract_facts("就业率96.3%，其中3 20%的学生")] == [96.3, 20]
    # a table's row written with spaces holds a count and its share, not 127.9%
    rows = "年份 参赛团队数 项目转化率\n2016-2018 127 9%\n2019-2021 342 18%\n"
    assert [f.value for f in extract_facts(rows)] == [9, 18]


def test_a_number_in_wan_after_its_unit_of_visits_counts_visits():
    facts = extract_facts("再培訓局透露去年首三季整體入讀人次約14萬，按年增約4%。")
    assert (facts[0].normalized_value, facts[0].base_unit) == (140000, "person_time")


def test_an_english_change_in_a_count_counts_what_the_count_before_it_counts():
    text = (
        "There were 67 vocational training institutions in 2024, an increase of 1 year-on-year. Number of "
        "persons engaged totalled 1,885 at the end of the year, up by 51; among them, number of teachers "
        "grew by 54 to 1,138. Enrolment fell by 12.5% and rose by 75.4 percent."
    )
    got = [(f.value, f.base_unit) for f in extract_facts(text)]
    assert got == [(67, "unit"), (1, "unit"), (1885, "person"), (51, "person"), (54, "person"), (1138, "person"),
                   (12.5, "percent"), (75.4, "percent")]  # fmt: skip


def test_a_fraction_with_a_slash_is_a_share_and_a_date_or_a_school_year_is_not():
    def got(text):
        return [(f.value, f.qualifier) for f in extract_facts(text)]

    assert got("为全国2/3的中职学生提供优质教育。") == [(66.67, "exact")]
    assert got("約1/5建教生在此就讀。") == [(20, "approx")]
    assert got("9/16凌晨开幕。2023/24学年。") == []


def test_a_bulletin_that_counts_from_last_years_end_and_its_finance_section_are_read_as_a_bulletin():
    text = (
        "年末全市金融机构本外币各项存款余额886.29亿元，比上年末增长18.2%。贷款余额872.20亿元，比上年末增长19.8%。"
        "全年全市保费收入4.76亿元，比上年增长12.9%。全市共有中等职业学校12所，在校学生1.5万人。"
    )
    values = [f.value for f in extract_facts(text)]
    assert values == [12, 15000]


def test_a_bulletin_known_by_its_year_end_stocks_speaks_of_schools_only_in_education():
    text = (
        "年末全省共有普通高校137所。2023年末有国家工程研究中心12个,省级工程研究中心399个。"
        "专利授权量74940件,比上年下降19.4%。全省共有中等职业学校412所。"
    )
    assert [f.value for f in extract_facts(text)] == [137, 412]


def test_rooms_are_bases_only_where_their_own_words_say_industry():
    """Spec: the school's own rooms and labs are `other`; a teaching factory and the government's
    vocational training bases are training bases (a factory in its name is no firm)."""

    assert codes_of("建有产教融合发展基地，专业实验实训室316个。") == ["other"]
    assert codes_of("建有7个实训中心、89个实训室和102个校外实训基地。")[1:] == ["other", "training_bases"]
    assert codes_of("与企业共建实训室5个。") == ["training_bases"]
    assert codes_of("校企共建8个产业学院、5个教学工厂。") == ["industry_colleges", "training_bases"]
    assert codes_of("建成中央职业教育实训基地3个。") == ["training_bases"]
    assert codes_of("与京东等7家企业共建生产性实训基地。") != ["training_bases"]  # firms, not bases


def test_figures_of_an_industry_in_traditional_characters_are_no_facts():
    text = "全省現有規模以上紡織企業7000多家，主營業務收入約占全國的1/5。"
    assert extract_facts(text) == []
    # a population is what a share is of, not what is counted
    (f,) = extract_facts("社區教育覆蓋區域人口占全省總人口的70.7%。")
    assert f.normalized_value == 70.7


def test_english_hours_individuals_sessions_vehicles_and_money_joined_by_hyphens():
    assert facts_of("The 3.26-million-yuan worth of donation includes engines.") == [(3260000, "CNY", "exact")]
    assert facts_of("It provided more than 2000 hours of compulsory training.") == [(2000, "hour", "at_least")]
    assert facts_of("It can deliver more than 1,500 training sessions per year.") == [(1500, "item", "at_least")]
    assert facts_of("It can train up to 600 individuals at a time.") == [(600, "person", "at_most")]
    assert facts_of("The school received 14 new cars from the firm.") == [(14, "other", "exact")]
    assert facts_of("The firm set up a 800 square meter training center.") == [(800, "other", "exact")]
    assert facts_of("In 2019 graduates found jobs.") == []  # a year, not a count


def test_english_prisoners_inmates_cadets_and_examiners_are_people():
    assert facts_of("Last year, 6,770 prisoners in Beijing completed courses.") == [(6770, "person", "exact")]
    assert facts_of("Twenty-two women prisoners were given a course.") == [(22, "person", "exact")]
    assert facts_of("It has 4 provincial vocational skill appraisers.") == [(4, "person", "exact")]
    assert facts_of("The college trained about 20 cadets.") == [(20, "person", "approx")]


def test_english_professors_practitioners_classes_hotels_cases_and_papers_are_counted():
    """English pages count staff, classes, hotels, cases and papers as the Chinese ones do (人, 个班,
    家, 项, 篇); industries and categories counted are other."""
    assert facts_of("It has more than 100 professors.") == [(100, "person", "at_least")]
    assert facts_of("The course trained 527 hazardous chemical safety supervisors.") == [(527, "person", "exact")]
    assert facts_of("About 100 women joined the class.") == [(100, "person", "approx")]
    assert facts_of("The college has opened 14 classes with the firm.") == [(14, "unit", "exact")]
    assert facts_of("Interns trained at nine partner hotels.") == [(9, "unit", "exact")]
    assert facts_of("It collected 57 successful cases and 30 outstanding papers.") == [
        (57, "item", "exact"),
        (30, "paper", "exact"),
    ]
    assert facts_of("Its majors cover 17 industries.") == [(17, "other", "exact")]
    assert facts_of("The troupe has 30 actors and 15 musicians.") == [(30, "person", "exact"), (15, "person", "exact")]
    assert facts_of("Staff include 1 professor and more than 20 monographs.") == [
        (1, "person", "exact"),
        (20, "paper", "at_least"),
    ]


def test_english_talents_representatives_partners_facilities_and_products_are_counted():
    """More of the nouns English pages count with: people (talents, representatives, applicants,
    players, ranchers, classmates), organisations (partners, alliances, facilities), other things
    (positions, products)."""
    assert facts_of("It has trained more than 500 construction machinery talents.") == [(500, "person", "at_least")]
    assert facts_of("More than 100 representatives attended the conference.") == [(100, "person", "at_least")]
    assert facts_of("The alliance was formed by the college and nearly 70 other partners.") == [(70, "unit", "approx")]
    assert facts_of("It has built two training facilities with the firm.") == [(2, "unit", "exact")]
    assert facts_of("The fair offered 7,800 positions.") == [(7800, "other", "exact")]
    assert facts_of("The college received 1,620 applicants.") == [(1620, "person", "exact")]
    assert facts_of("The fair drew 42 elderly nursing agencies.") == [(42, "unit", "exact")]
    assert facts_of("Some 78 undergraduates attended.") == [(78, "person", "approx")]


def test_an_english_count_of_one_with_its_singular_noun_is_a_fact():
    """A profile lists its designations one by one (1 national-level productive training base, one
    county-level technical school); one of the school's teachers counts no school."""
    assert facts_of("It has 1 national-level productive training base.") == [(1, "unit", "exact")]
    assert facts_of("There is one county-level technical school in the county.") == [(1, "unit", "exact")]
    assert facts_of("It offers 1 backbone major.") == [(1, "item", "exact")]
    assert facts_of("One of the school's teachers won.") == []
    assert facts_of("In 1 year the college grew.") == []


def test_english_hundreds_and_a_hundred_are_counted_whole():
    assert facts_of("Three hundred students joined the programme.") == [(300, "person", "exact")]
    assert facts_of("Nearly a hundred international young people took part.") == [(100, "person", "approx")]
    assert facts_of("It has one thousand teachers.") == [(1000, "person", "exact")]
    assert facts_of("It trained more than one million migrant workers.") == [(1000000, "person", "at_least")]
    assert facts_of("It happened a hundred years ago.") == []


def test_a_class_named_under_its_cohort_is_no_count_of_classes():
    assert facts_of("由2020级商英4班张代钰、陆丁丁组成的团队获奖。") == []
    assert facts_of("2021级共开设12班。") == [(12, "unit", "exact")]
    assert facts_of("由老师指导,23数媒2班史艳颖、郑闻悦组成的团队获奖。") == []
    assert facts_of("各校共15所学校开设18班。") == [(15, "unit", "exact"), (18, "unit", "exact")]


def test_departments_are_organisations_of_no_catalogue_kind_and_non_tax_revenue_is_a_budgets():
    assert facts_of("学校内设9个职能处室。") == [(9, "unit", "exact")]
    assert codes_of("学院与营口片区管委会等4个政府部门签订校地合作协议。") == ["other"]
    assert facts_of("纳入一般公共预算管理的非税收入拨款142.50万元。") == [(1425000, "CNY", "exact")]
    assert facts_of("全市税收收入142.50亿元。") == []


def test_challenge_cup_and_internet_plus_awards_are_not_skills_awards_and_cantonese_chefs_are_no_mentors():
    """Spec: skill_competition_awards is for skills competitions only; the Challenge Cup's business-plan
    contest is named with words between 挑战杯 and 竞赛. 粤菜师傅 names a chefs' programme, not
    masters from firms; 六位师傅 still counts firms' masters."""
    assert codes_of("我校学生项目在第十一届“挑战杯”福建省大学生创业计划竞赛中荣获3金。") == ["other"]
    assert codes_of("Shenzhen Polytechnic won four gold awards in the Internet+ Competition.") == ["other"]
    assert codes_of("学校在全省职业院校技能大赛中荣获一等奖5项。") == ["skill_competition_awards"]
    assert codes_of("我院在全国包装创意设计大赛中荣获三等奖6项。") == ["other"]
    assert codes_of("在全省烹饪技能大赛中,学院教师获得特殊贡献奖5项。") == ["other"]
    assert codes_of("开展“粤菜师傅”培训,培训1241人。") == ["other"]
    assert codes_of("学生与企业六位师傅进行了师徒结对。") == ["enterprise_parttime_teachers"]


def test_a_scale_named_without_a_digit_is_a_word_not_a_count():
    """百亿项目, 百万农民培育行动, 百千万人才工程 name a scale; 近百万人, 逾百项 count."""
    assert extract_facts("全身心服务百亿项目。") == []
    assert extract_facts("实施百万农民培育行动。") == []
    assert extract_facts("入选百千万人才工程。") == []
    assert [(f.normalized_value, f.qualifier) for f in extract_facts("累计培训近百万人。")] == [(1000000, "approx")]


def test_square_metres_in_latin_letters_are_an_area():
    assert [(f.normalized_value, f.base_unit, f.qualifier) for f in extract_facts("建筑面积58萬多m2。")] == [
        (580000, "other", "at_least")
    ]
    assert [(f.normalized_value, f.base_unit) for f in extract_facts("新建实训楼12000m²。")] == [(12000, "other")]
    assert [(f.normalized_value, f.base_unit) for f in extract_facts("实验林场占地441公顷。")] == [(441, "other")]
    assert extract_facts("型号为M2A的设备。") == []


def test_graduates_are_supplied_when_the_text_says_so_or_says_for_whom_they_were_trained():
    """Spec: 输送 / 培养并输送 is graduates_supplied_to_industry; a bare 累计培养人才 count, the employed
    among those supplied (就业6.2万人) and a labour export (劳务输送) are not."""

    assert codes_of("学校每年向社会输送优秀毕业生5000余人。") == ["graduates_supplied_to_industry"]
    assert codes_of("建校63年来为我国铁路现代化和地方经济建设培养了11万余名毕业生。") == [
        "graduates_supplied_to_industry"
    ]
    assert codes_of("建校14年来，累计培养毕业生7267人。") == ["other"]
    assert codes_of("中职学校向社会输送6.5万名毕业生，就业6.2万人。") == ["graduates_supplied_to_industry", "other"]
    assert codes_of("组织市内外劳务输送232车次6199人。")[-1] == "other"


def test_english_doctors_editors_experts_hospitals_a_top_grade_and_what_a_firm_expects():
    text = (
        "The school has 5 provincial academic leaders, 3 doctors and 30 editors. "
        "It works with two affiliated hospitals and more than 50 enterprises (top three hospitals). "
        "Tech Education has trained more than 4000 HCIE experts. "
    )
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [
        (5, "person"),
        (3, "person"),
        (30, "person"),
        (2, "unit"),
        (50, "unit"),
        (4000, "person"),
    ]
    plans = (
        "Alibaba said it expects to train 1 million college students. "
        "The province will establish 50 new academies in the next three years. The college has 12 academies."
    )
    assert [f.value for f in extract_facts(plans)] == [12]


def test_english_millions_written_m_forecasts_and_what_money_is_for():
    def read(text: str) -> list[tuple]:
        return [(f.quote, f.normalized_value, f.base_unit) for f in extract_facts(text)]

    # m and bn glued to a number, or after a currency, are million and billion; 800 m alone may be metres
    assert read("China has 9.2million students and 1.33m teachers.") == [
        ("9.2million students", 9200000, "person"),
        ("1.33m teachers", 1330000, "person"),
    ]
    assert read("RMB 800 m and RMB 100m were spent.") == [
        ("RMB 800 m", 800000000, "CNY"),
        ("RMB 100m", 100000000, "CNY"),
    ]
    assert read("He ran an 800 m race.") == []
    # Mn, the press's abbreviation of million, after a space or glued
    assert read("Enrolment reached 138 Mn students and 2.5Mn graduates.") == [
        ("138 Mn students", 138000000, "person"),
        ("2.5Mn graduates", 2500000, "person"),
    ]
    # the money is a fact; whom it is to retrain is its purpose
    assert [q for q, *_ in read("An investment of RMB 1.3 billion to retrain 144,000 VET teachers.")] == [
        "RMB 1.3 billion"
    ]
    assert read("China has 1341 colleges to train 10.48 million students.")[-1][1] == 10480000  # no money: a count
    assert read("An estimated 22 million students will study in these schools by 2010.") == []
    assert read("At least 300,000 more teachers are needed.") == []
    assert read("The State Council is aiming to see 50% of VET teachers with dual capabilities.") == []
    assert read("It teaches year 9 graduates.") == []


def test_teachers_counted_in_wan_without_a_measure_word_are_people():
    text = "2012年全国职业学校专职教师规模从111万增加到2021年129万，增长17%。"
    assert (1290000, "person") in [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert [(f.normalized_value, f.base_unit) for f in extract_facts("其中专任教师1.8万。")] == [(18000, "person")]


def test_a_cell_per_line_rows_label_that_names_people_gives_its_bare_numbers_the_person_unit():
    text = (
        "表1 2017届学生毕业生人数与毕业率\n年份 |\n电子商务 |\n会计 |\n总计 |\n"
        "2017届 毕业生 |\n112 |\n110 |\n222 |\n2017届 毕业率 |\n100% |\n100% |\n100% |\n"
    )
    facts = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert facts[:3] == [(112, "person"), (110, "person"), (222, "person")]
    assert facts[3:] == [(100, "percent")] * 3


def test_an_adverb_is_no_score_and_a_pay_band_followed_by_its_share_is_no_amount():
    assert [f.quote for f in extract_facts("錄取率100%，今年表現十分搶眼。")] == ["100%"]
    assert [f.normalized_value for f in extract_facts("考试得分十分以上。")] == [10]  # a score it stays
    text = "平均起薪3105元，其中3001元—5000元比例47.58%；5000元以上2.46%。"
    assert [(f.normalized_value, f.base_unit) for f in extract_facts(text)] == [
        (3105, "CNY"),
        (47.58, "percent"),
        (2.46, "percent"),
    ]


def test_new_type_apprentices_are_not_the_ministrys_modern_apprenticeship():
    assert codes_of("学院与西王集团合作开设新型学徒制班，培养新型学徒150人。") == ["other"]
    assert codes_of("学院开展现代学徒制试点，招收学徒120人。") == ["modern_apprenticeship_enrolment"]


def test_employers_and_applicants_are_not_partner_firms():
    assert codes_of("招聘会吸引2300余家用人单位进场。") == ["other"]
    assert codes_of("学院与120家企业签订校企合作协议。") == ["partner_enterprises"]
    assert codes_of("用人单位满意度达96%。") == ["employer_satisfaction"]  # employers' satisfaction stays theirs


def test_appraisals_certificates_and_changes_in_person_times_are_not_training_given():
    assert codes_of("累计服务社会培训120万人次，技能鉴定72万人次。") == ["social_training_person_times", "other"]
    assert codes_of("學員逾10,670人次，逾3,780人次獲發技能證明。")[-1] == "other"
    assert codes_of("学院年培训、鉴定28000人次。") == ["social_training_person_times"]
    assert codes_of("與2008年比較，2009年培訓總數增加300.10萬人次。") == ["other"]


def test_a_consortiums_council_ranks_and_member_units_are_its_members():
    text = "该共同体共有理事长单位1家、副理事长单位35家、理事单位100家。"
    assert codes_of(text) == ["consortium_member_units"] * 3
    # the institution's own governing council stays its council
    assert codes_of("学院组建发展理事会，理事单位28家。") == ["governing_council_external_members"]


def test_a_space_table_with_numbered_rows_labels_with_spaces_and_units_in_its_header():
    text = (
        "技能測試(大工)進度報告(至2024年10月31日)\n\n"
        "  工藝測試 *1申請人次 考試人次 *1持資歷人數\n"
        "1. 砌磚工 2,540 2,162 1,271\n"
        "24. 4合1髹漆工 (大油 - 批填漆灰) 280 221 177\n"
    )
    facts = [(f.normalized_value, f.base_unit, f.indicator_code) for f in extract_facts(text)]
    assert facts == [
        (2540, "person_time", "other"),
        (2162, "person_time", "other"),
        (1271, "person", "vocational_certificate_holders"),
        (280, "person_time", "other"),
        (221, "person_time", "other"),
        (177, "person", "vocational_certificate_holders"),
    ]
    # a header that names no unit leaves bare numbers unread, as before
    assert extract_facts("年份 学校 备注 说明\n2020 12 34 56\n") == []


def test_english_farmers_and_changes_in_percentage_points():
    assert facts_of("China trained over 753,900 skilled farmers in 2022.") == [(753900, "person", "at_least")]
    assert facts_of("71.76 percent assisted neighbours, rising 6.72 percentage points.") == [
        (71.76, "percent", "exact"),
        (6.72, "percent", "exact"),
    ]


def test_a_taiwanese_report_known_by_its_roc_year_in_numerals_and_all_taiwan_counts_nt_dollars():
    """自一0六年起…全台首例: Taiwan's calendar written in Chinese numerals and 全台 mark a Taiwanese report,
    whose 元 are New Taiwan dollars; 省下 (to save) is no mainland province."""
    text = (
        "南台科大接手營運育成中心，是全台首例。自一0六年一月一日起委託營運，第一年自籌一千五百萬元，"
        "為政府省下約兩千萬元之營運成本。"
    )
    assert {f.base_unit for f in extract_facts(text)} == {"other"}
    mainland = "江苏省某职业学院去年投入一千五百万元，全台州共有5所学校。"
    assert [f.base_unit for f in extract_facts(mainland)][0] == "CNY"


def test_awards_counted_with_no_measure_word():
    text = "參加國際發明展至今已榮獲達434獎項，包含139金牌、121銀牌、71特別獎及9其他獎項。"
    assert [(f.normalized_value, f.base_unit) for f in extract_facts(text)] == [
        (434, "item"),
        (139, "item"),
        (121, "item"),
        (71, "item"),
        (9, "item"),
    ]


def test_a_yearbook_table_under_a_note_of_its_unit_with_a_header_spread_over_lines():
    text = (
        "21-15  中等职业学校 (机构)数 (2005年)\n \n单位:个          \n      中央部门 地方部门      \n"
        "  教育部门 非教育部门\n             \n"
        "中等职业学校 11611 92 9502 6672\n  普通中等专业学校 3207 39 2700 1303\n"
        "注:中等职业学校未含技工学校数据。\n"
    )
    facts = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert facts == [(v, "unit") for v in (11611, 92, 9502, 6672, 3207, 39, 2700, 1303)]
    # one row alone under a note is no table; prose after a note ends it
    assert extract_facts("单位:个\n中等职业学校 11611 92 9502\n") == []


def test_a_bilingual_yearbook_table_of_floor_space_under_a_note_of_its_area_unit():
    header = "".join(
        f"{w}\n\n" for w in ("学校产权建筑面积", "Floor Area", "其中:危房", "Of Which:", "Subtotal", "Year")
    )
    text = (
        "中等职业学校(机构)校舍情况\n\n单位:平方米\n\nUnit:m2\n\n"
        + header * 3
        + "总计 Total 71427731 581720 2880030\n"
        + " 教室 Classroom 18969919 133445 745016\n"
        + "四、教工住宅 Residential Quarters for Teachers & Workers 6174072 45853 152108\n"
    )
    facts = [(f.normalized_value, f.base_unit, f.unit_text) for f in extract_facts(text)]
    assert [v for v, _, _ in facts] == [71427731, 581720, 2880030, 18969919, 133445, 745016, 6174072, 45853, 152108]
    assert {(b, u) for _, b, u in facts} == {("other", "平方米")}  # an area: no count's base unit
    # a gloss follows a Chinese label; a row of English words alone is no row of this table
    assert extract_facts("单位:平方米\nTotal Area 71427731 581720\nClassroom 18969919 133445\n") == []


def test_a_floor_space_table_with_no_note_takes_its_unit_from_the_headers_area():
    text = (
        "中等职业学校(机构)校舍情况(总计)\n学校产权校舍建筑面积 正在施工校舍\n合计 其中:当年新增校舍\n"
        "总计 693756.2 22079.0 44600.71\n一、教学及辅助用房 335602.39 1161.0 27630.33\n"
        "  教室 125586.67 10398.32\n四、教工住宅 * * *\n五、其他用房 42164.06 20004.0 39684.0\n"
    )
    facts = [(f.value, f.base_unit) for f in extract_facts(text)]
    assert facts == [
        (v, "other")
        for v in (693756.2, 22079, 44600.71, 335602.39, 1161, 27630.33, 125586.67, 10398.32, 42164.06, 20004, 39684)
    ]
    # a header that also counts (学校数, 人数) says nothing of its cells' unit; two rows are no table
    assert extract_facts("学校数 建筑面积\n总计 12 693756.2\n城区 5 335602.39\n农村 7 358153.81\n") == []
    assert extract_facts("建筑面积 合计\n总计 693756.2 22079.0\n教室 125586.67 10398.32\n") == []


def test_a_pages_related_articles_after_its_story_are_not_the_reports_numbers():
    story = (
        "南非整体就业率不高，高校学生希望通过认证提升自己的职业起点，华为所领导的ICT产业链是毕业生理想的选择。\n"
        "2015年，华为与茨瓦内科技大学成立首家华为ICT学院。至今，南部非洲地区的华为ICT学院已增加至12家，年培养学生超过300人。\n"
    )
    links = "相关推荐\n美国2月私营部门就业增长低于预期\n今年2月美国私营部门就业人数环比增加14万人。\n"
    assert [f.value for f in extract_facts(story + links)] == [12, 300]
    # the heading must stand alone on its line after the story has begun: a content farm's 猜你喜欢
    # or a sentence that mentions 相关阅读 ends nothing
    assert [f.value for f in extract_facts("相关推荐\n" + story)] == [12, 300]
    assert [f.value for f in extract_facts(story + "请见相关阅读。学院新增订单班3个。")] == [12, 300, 3]
    # a heading with a long text after it is a section of the report, not its closing list of links
    long = story + "相关阅读\n" + "学院新增订单班3个。" + "学院深化产教融合，服务地方经济发展。" * 120
    assert [f.value for f in extract_facts(long)] == [12, 300, 3]


def test_a_floor_set_with_buxiaoyu_is_a_requirement_not_a_count():
    text = (
        "要求全省高职院校每所每年培训农村劳动力不少于2000人。去年学院培训农村劳动力2300人。试用期工资不低于400元/月。"
    )
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [(2300, "person"), (400, "CNY")]


def test_a_list_items_own_noun_is_its_head_unless_it_names_a_level():
    text = (
        "最终来自36个国家和地区的146支队伍、429名大学生选手进入全球总决赛。学院已经拥有66个国家、省、市、校各级平台。"
    )
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [
        (36, "other"),
        (146, "other"),  # teams, not the 大学 of the next item
        (429, "person"),
        (66, "unit"),  # platforms: 国家 names a level
    ]


def test_practice_teams_are_no_organisations_and_a_group_stays_one():
    text = "其中5支企业访实践团，4支美丽浙江实践团，组建18支专项实践团。学院牵头成立3个职教集团。"
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [
        (5, "other"),
        (4, "other"),
        (18, "other"),
        (3, "unit"),
    ]


def test_where_the_counted_things_went_is_no_part_of_them():
    text = "经过专家组评审，共有13个项目进入全国复赛。最终19個項目進入省賽，5支队伍晋级决赛。"
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [(13, "item"), (19, "item"), (5, "other")]


def test_ships_are_counted_in_sou():
    assert [(f.value, f.base_unit) for f in extract_facts("学院拥有24艘运营船舶。")] == [(24, "other")]


def test_english_prizes_modules_tasks_and_types_of_work():
    text = "The plant won 29 first prizes for individuals, set eight modules and 86 training tasks in 18 types of work."
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [
        (29, "item"),
        (8, "item"),
        (86, "item"),
        (18, "other"),
    ]


def test_money_named_by_its_currency_renminbi_is_yuan_not_people():
    text = "西门子捐赠价值七十万人民币的设备。学院培训10万人。"
    assert [(f.value, f.normalized_value, f.base_unit) for f in extract_facts(text)] == [
        (700000, 700000, "CNY"),  # 七十万 is one number before the currency's name
        (100000, 100000, "person"),
    ]


def test_an_exchange_rate_is_no_amount_but_an_areas_conversion_is_one():
    text = "800升柴油需花費5808元(1人民幣元約合0.1477美元)。校園占地面積40.5萬平方米(約合606.6畝)。"
    assert [f.value for f in extract_facts(text)] == [5808, 405000, 606.6]


def test_a_colleges_admission_scores_are_scores():
    text = "深圳信息职业技术大学广东省本科物理类投档最高分600分,超本科164分,投档最低分566分。学院拥有120分钟的课程。"
    assert [(f.value, f.base_unit) for f in extract_facts(text)] == [(600, "other"), (164, "other"), (566, "other")]


def test_a_cell_per_line_tables_labels_with_their_english_gloss_in_a_cell_of_their_own():
    text = (
        "  | 14-27  中等职业教育分类别职称专任教师数(2003年) | \n  | 单位:人 | \n"
        "  | 项    目 | \n  item | \n   合  计  | \n  | 副高级 | \n  中  级 | \n"
        "  | 合  计       | \n  total | \n  17357 | \n  2485 | \n  6611 | \n"
        "  | #文化基础课 | \n  culture | \n  8432 | \n  1296 | \n  3348 | \n"
        "  |   专业课 | \n  specialized lessons | \n  8453 | \n  1153 | \n  3093 | \n"
    )
    facts = [(f.normalized_value, f.base_unit) for f in extract_facts(text)]
    assert facts == [(v, "person") for v in (17357, 2485, 6611, 8432, 1296, 3348, 8453, 1153, 3093)]


def test_a_table_cell_of_a_number_and_a_plus_is_at_least_that_number_under_its_header():
    """在校生规模 | 8000+ |: at least 8000 people, and the row of such a cell is data, not a new header."""
    text = (
        "学校名称 | 建校时间 | 在校生规模 | 重点专业 |\n---|---|---|---|\n"
        "石家庄铁路职业技工学校 | 1989年 | 8000+ | 铁道运输 |\n河北商贸学校 | 1964年 | 6500 | 电子商务 |\n"
    )
    assert facts_of(text) == [(8000, "person", "at_least"), (6500, "person", "exact")]
    assert facts_of("学校 | 在校生数 |\n---|---|\n河北商贸学校 | 6500 |\n") == [(6500, "person", "exact")]


def test_square_kilometres_are_an_area():
    assert facts_of("职教城总规划面积6.71平方公里。") == [(6.71, "other", "exact")]
    assert facts_of("The park covers 37 square kilometers.") == [(37, "other", "exact")]
    assert facts_of("规划面积约20平方千米。") == [(20, "other", "approx")]


def test_a_run_of_sixteen_digits_or_tenths_above_ten_are_no_quantity():
    assert extract_facts("资助9000000000000000000000000000000000成的学生。") == []
    assert extract_facts("超过85成的学生。") == []
    assert facts_of("八成以上的学生就业。") == [(80, "percent", "at_least")]
    assert facts_of("十成把握。") == [(100, "percent", "exact")]


def test_a_mainland_report_naming_hong_kong_dollars_for_a_donor_counts_its_own_money_in_yuan():
    text = "广东省台山市敬修职校颁发奖金16.4万元。李伯荣捐资总额超过2.5亿港元，其中捐资办学约1.1亿元。"
    assert facts_of(text) == [(164000, "CNY", "exact"), (250000000, "other", "at_least"), (110000000, "CNY", "approx")]
    hong_kong = "香港職業訓練局與建造業議會合辦課程，學員津貼每月8000元，總撥款3億港元。"
    assert [u for _, u, _ in facts_of(hong_kong)] == ["other", "other"]  # Hong Kong's own money


def test_english_mu_person_times_departments_and_units():
    assert facts_of("The campus covers 550 mu.") == [(550, "other", "exact")]
    assert facts_of("It trained more than 4,000 person-times of officers.") == [(4000, "person_time", "at_least")]
    assert facts_of("The college has six teaching departments.") == [(6, "unit", "exact")]
    assert facts_of("The community has 145 member units.") == [(145, "unit", "exact")]


def test_a_list_item_naming_its_own_noun_takes_no_code_from_the_item_before():
    text = "学院拥有专任教师444人，兼职教师249人，高级职称教师123人，硕士以上学位教师374人。"
    assert codes_of(text) == ["other", "enterprise_parttime_teachers", "other", "other"]
    # a share of the count before it, and people trained in the sessions counted before, still read it
    assert codes_of("开展农民实用技术培训9期，参训贫困群众1427人次。")[1] == "social_training_person_times"
    assert codes_of("双师型教师120人，占专任教师55%。")[1] == "dual_qualified_teacher_ratio"


def test_english_medals_counted_bare_are_awards_of_the_contest_named_after_them():
    text = "The Chinese delegation wrapped up six gold, seven silver and seven bronze at the 10th International Abilympics."
    assert codes_of(text) == ["skill_competition_awards"] * 3
    assert codes_of("The team won 7 gold and 1 silver last year.") == ["other", "other"]  # no contest named
    internet_plus = (
        "Shenzhen Polytechnic won four gold awards and two silver awards in the Final of the 7th China "
        'International College Students\' "Internet+" Innovation and Entrepreneurship Competition.'
    )
    assert codes_of(internet_plus) == ["other", "other"]  # not a skills competition


def test_a_year_glued_to_the_first_cell_of_a_glued_table_row_is_cut_off():
    table = "年份在校生规模专业数量省级以上竞赛获奖数\n20183200人8个12项\n20214300人12个35项\n"
    assert [f.value for f in extract_facts(table)][::3] == [3200, 4300]
    # not under a header of years, or not a year, the number is read whole
    assert facts_of("学校名称在校生规模专业数量\n20183200人8个\n")[0][0] == 20183200
    assert facts_of("年份在校生规模专业数量\n98763200人8个\n")[0][0] == 98763200


def test_the_armed_forces_are_no_firm():
    sent = "2022年，我校共向部队输送大学生士兵42人，其中男兵41人、女兵1人。"
    assert codes_of(sent) == ["other", "other", "other"]
    assert codes_of("今年湖北交通职业技术学院为部队招收定向培养军士185人。") == ["other"]
    # a count that names firms' classes beside the forces' keeps its code
    mixed = "3年来，开办订单班、现代学徒制试点班、直招士官班共计115个。"
    assert codes_of(mixed) == ["order_classes"]


def test_prizes_counted_in_teams_are_awards():
    text = "技能大赛共评出金奖2组，银奖4组，铜奖6组，共有28支代表队参赛。"
    assert facts_of(text) == [(2, "item", "exact"), (4, "item", "exact"), (6, "item", "exact"), (28, "other", "exact")]
    assert codes_of(text)[:3] == ["skill_competition_awards"] * 3


def test_an_english_range_runs_upwards():
    text = "The share is dropping from 31 per cent in 2002 to 10 per cent in 2019. Pay rose 85% to 90%."
    assert facts_of(text) == [(31, "percent", "exact"), (10, "percent", "exact"), (85, "percent", "range")]


def test_an_english_economy_figure_is_no_fact():
    text = (
        "In 2023, the total industrial output value of 132 regulated enterprises in the area reached 9.29 billion yuan."
    )
    assert extract_facts(text) == []
    assert facts_of("In 2023, the college trained 132 enterprises' staff.")[0][0] == 132


def test_majors_offered_counts_programmes_not_what_else_a_sentence_of_majors_counts():
    assert codes_of("学校开设专业32个，开设实训项目270项。") == ["majors_offered", "other"]
    assert codes_of("学校开设3个专业，每个专业设3个模块。")[1] == "other"
    # a programme's plan after it still counts the programmes
    assert codes_of("学院首批设置2个专业计划招生200人。")[0] == "majors_offered"


def test_a_place_whose_name_opens_with_tai_is_no_count_of_machines():
    assert extract_facts("7月21日,2024台湾大学生江苏实习见习就业特训营开营。") == []
    assert extract_facts("2019台州职业技术学院举办招聘会。") == []
    assert facts_of("学校购置电脑36台,设备12臺。") == [(36, "other", "exact"), (12, "other", "exact")]


def test_a_base_for_employment_or_internships_is_a_base():
    assert facts_of("国台办新设22个海峡两岸青年就业创业基地和示范点。") == [(22, "unit", "exact")]
    assert facts_of("共建成13个退役运动员就业实习基地。") == [(13, "unit", "exact")]


def test_the_triathlon_is_no_count_of_three():
    assert codes_of("比赛设游泳、铁人三项接力、救生等5个项目。") == ["other"]
    assert facts_of("比赛设游泳、铁人三项接力、救生等5个项目。") == [(5, "item", "exact")]
    assert facts_of("获得一等奖三项。") == [(3, "item", "exact")]


def test_an_english_sentence_ends_at_a_stop_before_a_closing_quote():
    # the forecast is the quoted sentence's; the medals after it were won
    text = '"The winners will take part in the final." The dean said students had won two silver medals at the contest.'
    assert facts_of(text) == [(2, "item", "exact")]
    assert codes_of(text) == ["skill_competition_awards"]


def test_english_prizes_of_a_skills_competition_are_awards_and_of_a_teaching_contest_are_not():
    text = "Another 12 first prizes and 30 second prizes were awarded in the students' group of the skills competition."
    assert codes_of(text) == ["skill_competition_awards", "skill_competition_awards"]
    text = "The teachers won 3 second prizes of the Provincial Informatization Teaching Competition."
    assert codes_of(text) == ["other"]


def test_a_mirrors_pinyin_glosses_take_no_room_in_the_counted_noun_phrase():
    # the head noun (中心, a unit) comes after three glosses: still within the phrase
    text = "學(xué)院獲批2個(gè)省級高等學(xué)校新技術(shù)研發(fā)中心。"
    assert facts_of(text) == [(2, "unit", "exact")]


def test_founding_or_holding_something_ends_the_counted_noun_phrase():
    # 乡镇 are places (other); the workshops founded in them are the second count's
    assert facts_of("在4个乡镇创办扶贫生产车间4个。") == [(4, "other", "exact"), (4, "unit", "exact")]


def test_persons_with_visits_in_brackets_are_person_times():
    assert facts_of("全年开展培训8200人(次)，服务企业职工560人（次）。") == [
        (8200, "person_time", "exact"),
        (560, "person_time", "exact"),
    ]
    assert facts_of("培训农民工730人(次）。") == [(730, "person_time", "exact")]  # brackets of two widths


def test_an_english_donation_of_money_is_cash_put_in_and_a_citys_investment_is_not():
    assert codes_of("The firm donated 300,000 yuan to the vocational school.") == ["enterprise_cash_investment"]
    assert codes_of("The city invested 30 million yuan in the new campus.") == ["other"]


def test_a_list_of_trailing_counts_takes_each_items_own_noun():
    """省级一流专业建设点4个、省级应用型学科3个: each count is named before its number; the next
    item's noun (学科, with a count of its own) is not the head of the whole list."""
    text = "目前擁有國家級一流專業建設點2個、省級一流專業建設點4個、省級應用型學科3個等。"
    assert [f.base_unit for f in extract_facts(text)][:2] == ["item", "item"]
    # counts before their nouns still share the noun at the list's end (2个国家级、5个省级专业群),
    # and a year on the next line is no count of the list's last noun
    assert [f.base_unit for f in extract_facts("建成2个国家级、5个省级专业群。")] == ["item", "item"]
    text = "专业提质:先后撤销23个、新增13个专业\n\n2020年9月,湖南成为试点省份。"
    assert [f.base_unit for f in extract_facts(text)][:2] == ["item", "item"]


def test_among_them_ends_the_counted_noun():
    """34个获奖项目中我市获得8项: 中 (among them) ends the noun phrase 获奖项目, with or without a comma."""
    for text in ("全省34個獲獎項目中我市共獲得8項。", "全省34个获奖项目中有8项来自我市。"):
        assert [f.base_unit for f in extract_facts(text)] == ["item", "item"]


def test_medals_counted_by_their_metal_in_english():
    text = "China has won 93 golds, 41 silvers and 28 bronzes in total. The college has produced 16 world champions."
    got = [(f.quote, f.base_unit) for f in extract_facts(text)]
    assert got == [
        ("93 golds", "item"),
        ("41 silvers", "item"),
        ("28 bronzes", "item"),
        ("16 world champions", "person"),
    ]


def test_contestants_and_workers_are_not_graduates_supplied():
    """People taking part in a contest (参赛选手, 职工参与竞赛) are counted, not graduates supplied to
    industry, even where the sentence before speaks of training talent for industry; staff supplied
    to firms (输送企业员工) and contestants promoted to technician (晋升技师) keep their codes."""
    text = (
        "潍坊市把职业技能大赛作为培养、选拔高技能人才的重要载体,以服务产业发展为导向,"
        "每届参赛选手3万余人,20万职工参与竞赛选拔,带动100余万职工岗位练兵。"
    )
    assert [f.indicator_code for f in extract_facts(text)] == ["other", "other", "other"]
    text = "集团成立以来，为青海装备制造业培养和输送企业员工近万人。"
    assert [f.indicator_code for f in extract_facts(text)] == ["graduates_supplied_to_industry"]


def test_classes_of_majors_are_counted():
    """97个专业类 (classes of majors a catalogue or a school covers) is a count the labellers keep,
    not the make-up of a contest (19个赛区 still is)."""
    quotes = [f.quote for f in extract_facts("新版目录共设19个专业大类、97个专业类、1349个专业。")]
    assert "97个" in quotes
    assert extract_facts("本届大赛共设19个赛区。") == []


def test_staff_counted_in_english_are_not_international_students():
    text = (
        "In 2025, the institute received 20 Thai international students from partner universities. "
        "Ten faculty members from the university were officially appointed."
    )
    codes = {f.quote: f.indicator_code for f in extract_facts(text)}
    assert codes["20 Thai international students"] == "international_students"
    assert codes["Ten faculty"] == "other"


def test_a_reckoned_or_converted_amount_is_approximate_and_an_exchange_rate_no_fact():
    """約計30萬人 and 约合300万元 are about that much; 1人民幣元約合0.1477美元 is what a currency is worth."""
    got = [(f.quote, f.qualifier) for f in extract_facts("全年培訓約計30萬人，捐赠设备约合300万元。")]
    assert got == [("約計30萬人", "approx"), ("约合300万元", "approx")]
    assert extract_facts("按當時匯率，1人民幣元約合0.1477美元。") == []


def test_teaching_achievement_awards_are_not_skills_awards_whatever_the_context_says():
    """A profile that names a WorldSkills training base and then lists 教学成果 awards: the awards are
    teaching-achievement awards (other); a contest named after them in the sentence keeps its code."""
    text = (
        "学院是上海市第46届世界技能大赛集训基地。学院获得国家教学成果二等奖2项;"
        "交通运输职业教育教学成果一等奖1项、二等奖1项。"
    )
    assert [f.indicator_code for f in extract_facts(text)] == ["other", "other", "other"]
    codes = [f.indicator_code for f in extract_facts("学院获教学成果奖1项，技能大赛一等奖3项。")]
    assert codes == ["other", "skill_competition_awards"]


def test_people_counted_in_wan_may_be_described_before_their_noun():
    """5.82万农村劳动力, 6万中职贫困毕业生, 27万余脱贫群众: a few words of description between the 万 and
    the person noun, the mark after the 万 kept; not 5万学生公寓 (the noun is no phrase's end) nor
    money given to people (财政500万帮扶残疾人)."""
    got = facts_of("全县转移3.6万农村劳动力，安排2万中职贫困毕业生就业，带动12万余脱贫群众增收。")
    assert got == [(36000, "person", "exact"), (20000, "person", "exact"), (120000, "person", "at_least")]
    assert [f.base_unit for f in extract_facts("市财政800万帮扶残疾人创业。")] != ["person"]
    assert all(f.base_unit != "person" for f in extract_facts("新建3万平方米学生公寓。"))


def test_majors_counted_for_a_title_a_province_gives_are_not_majors_offered():
    """其中2个浙江省品牌专业, 3个广东省高水平骨干专业: majors holding a title (other), not the majors
    a school offers (开设32个专业 keeps its code)."""
    text = "学院开设32个专业，其中2个浙江省品牌专业，3个广东省高水平骨干专业。"
    assert codes_of(text) == ["majors_offered", "other", "other"]


def test_apprentices_are_learners_not_industry_teachers():
    """80名师傅带领300名徒弟: the apprentices are learners; the masters keep their code."""
    codes = codes_of("企业选派80名师傅带领300名徒弟开展岗位培训。")
    assert codes[1] == "other"


def test_supplied_to_sports_teams_or_the_forces_is_not_supplied_to_industry():
    text = "建校以来，学校向国家、省市各级优秀运动队输送后备人才300余人，培养运动健将20人。"
    assert codes_of(text) == ["other", "other"]
    assert codes_of("学院累计向企业输送毕业生3000余人。") == ["graduates_supplied_to_industry"]


def test_teaching_resource_libraries_are_counted_under_no_indicator():
    """国家级教学资源库3个, 主持建设12个资源库: no indicator counts resource libraries, whatever words of
    courses, standards or projects stand near."""
    assert codes_of("学校与企业共同开发课程标准，主持国家级教学资源库3个。") == ["other"]


def test_the_noun_lexicon_holds_the_simplified_form_of_every_word_it_holds():
    """Nouns are matched on text made Simplified: a Traditional word (工場) whose Simplified form (工场)
    is missing is never found, and 10處工場 would count no workshops."""
    from pipelines.extract.simplify import simplified
    from pipelines.extract.units import NOUNS

    assert [w for w in NOUNS if simplified(w) not in NOUNS] == []
    assert facts_of("已完成模具等10處工場改造。") == [(10, "unit", "exact")]


def test_taiwans_stock_market_and_tickers_mark_a_taiwanese_report():
    """Financial news from Taiwan (台股, 上銀 (2049-TW)) counts its 元 in New Taiwan dollars."""
    text = "台股\n產學聯盟今日啟動,上銀 (2049-TW)、東元 (1504-TW) 等企業加入,上銀贊助機器手臂,總金額逾 2000 萬元。"
    assert facts_of(text)[-1] == (20_000_000, "other", "at_least")
    assert facts_of("上銀贊助機器手臂,總金額逾 2000 萬元。")[-1] == (20_000_000, "CNY", "at_least")


def test_money_named_right_after_a_bare_wan_is_an_amount():
    """已投入近800萬經費建構研究中心: the money is named after its 万, with no 元."""
    assert facts_of("近5年已投入近800万经费建设研究中心。") == [(8_000_000, "CNY", "approx")]


def test_major_groups_in_english_are_programmes():
    """two high-level major groups (专业群) counts programmes, not groups of people or bodies."""
    assert facts_of("The college boasts two high-level major groups.") == [(2, "item", "exact")]
    assert codes_of("The college boasts two high-level major groups and offers 36 majors.") == [
        "programme_clusters",
        "majors_offered",
    ]


def test_a_mark_before_a_currency_and_a_space_still_marks_the_amount():
    """超過新臺幣 2,000 萬元: the mark, the currency and a space before the number."""
    assert facts_of("該公司捐贈之教材累計金額超過新臺幣 2,000 萬元。") == [(20_000_000, "other", "at_least")]


def test_money_named_after_its_wan_is_money_whoever_was_named_before():
    """「人才培育基地」揭牌，投入逾1.5億經費: talent named a clause back does not make the amount people."""
    got = facts_of("学校举办人才培育基地揭牌典礼，投入逾1.5亿经费建设实验室。")
    assert got == [(150_000_000, "CNY", "at_least")]


def test_an_english_keyword_weighs_by_its_words_not_its_letters():
    """It has opened eight professional groups and 39 majors: the noun counted (majors) outweighs a
    longer English keyword in the clause before it."""
    text = "It has opened eight professional groups and 39 majors, including the Navigation Technology Group."
    assert codes_of(text) == ["programme_clusters", "majors_offered"]


def test_next_years_numbers_are_a_plan():
    """3校明年推200名公費生: what is to happen next year is a plan, not a count."""
    assert [f.quote for f in extract_facts("三所学校明年招收200名公费生。")] == ["三所"]
    assert facts_of("去年培训300人。") == [(300, "person", "exact")]


def test_an_english_offering_verb_counts_whatever_its_case():
    """There are … 4 specialized majors: the offering verb opens the sentence, capitalised."""
    text = "There are 1 vocational undergraduate nursing major, and 4 specialized majors including Nursing."
    assert codes_of(text)[-1] == "majors_offered"
    assert codes_of("Training in the center involves 11 majors, including automobile repair.") == ["majors_offered"]


def test_a_unit_rows_cells_may_hold_a_range_or_a_plus():
    """合作企业数量(家) | 200+ | and 生均拨款(万元) | 1.2-1.8 |: at least 200; a range at its lower end."""
    text = "指标 | 甲校 | 乙校 |\n---|---|---|\n合作企业数量(家) | 200+ | 150+ |\n生均拨款(万元) | 1.2-1.8 | 0.9 |\n"
    assert facts_of(text) == [
        (200, "unit", "at_least"),
        (150, "unit", "at_least"),
        (12000, "CNY", "range"),
        (9000, "CNY", "exact"),
    ]


def test_a_dollar_euro_or_pound_sign_alone_is_a_foreign_currency():
    """The school invested $17 million (€3 million): money, not renminbi; a bare million is no fact."""
    assert facts_of("The school invested $17 million in simulators, and €3 million more.") == [
        (17_000_000, "other", "exact"),
        (3_000_000, "other", "exact"),
    ]


def test_thousands_after_a_currency_are_a_scale():
    """£286k is 286,000 pounds."""
    assert facts_of("The college received £286k to build a hydrogen station.") == [(286_000, "other", "exact")]


def test_an_amount_restated_in_another_currency_in_brackets_is_one_amount():
    """earns 5,500 yuan ($812) a month: the dollars restate the yuan."""
    assert facts_of("She earns 5,500 yuan ($812) a month.") == [(5500, "CNY", "exact")]


def test_a_numerals_yuan_before_a_place_or_a_name_is_no_money():
    """三元新闻网, 三元区: a district and its news site, not three yuan; 三百元 and 三元钱 are money."""
    assert facts_of("来源：三元新闻网。三元区托育中心每人补贴三百元。") == [(300, "CNY", "exact")]
    assert facts_of("学校与另一主体实现人才共育的二元协作模式，走向多元化。") == []


def test_a_keyword_of_signs_and_one_letter_weighs_by_its_characters():
    """1+X is no English word: it weighs its three characters, as before English keywords weighed
    by words (1+X培训695人日 is 1+X training, not any non-degree training)."""
    codes = codes_of("学院开展技术技能培训1000人日，开展1+X培训300人日。")
    assert codes == ["nondegree_training_person_days", "onex_training_person_days"]


def test_neighbouring_digits_before_a_unit_of_ten_are_a_range_at_its_lower_end():
    """七八十人 is 70 to 80 people, not 80; 十七八家 17 to 18 firms; 三四十万元 300,000 to 400,000 yuan;
    a digit string (一二三) and digits that are not neighbours (三五十) are no such range."""
    assert facts_of("每年就有七八十人到企业实习。") == [(70, "person", "range")]
    assert facts_of("与十七八家企业合作。") == [(17, "unit", "range")]
    assert facts_of("企业投入三四十万元建设实训室。") == [(300_000, "CNY", "range")]
    assert facts_of("约有七八千件包裹。") == [(7000, "other", "range")]
    assert facts_of("共有一二三名学生。") == [(123, "person", "exact")]


def test_the_seconds_of_a_time_of_day_are_no_count():
    """2017/6/19 14:17:28本站原创: a page's timestamp, not 28 books."""
    assert facts_of("2017/6/19 14:17:28本站原创 学院培训学员300人。") == [(300, "person", "exact")]


def test_a_year_before_a_word_of_jia_is_no_count_of_firms():
    """2023家政产教融合发展论坛: the year of a forum on housekeeping (家政), not 2023 firms."""
    assert facts_of("成立大会暨2023家政产教融合发展论坛在菏泽举行。") == []
    assert facts_of("全市共有2023家企业参与校企合作。") == [(2023, "unit", "exact")]


def test_a_shortage_named_after_its_number_is_the_industrys():
    """存在超7000人的人才缺口: the industry's shortage, not people of the institution."""
    assert facts_of("仅福建就存在超7000人的人才缺口。学院招收300名学生。") == [(300, "person", "exact")]
    text = "人才需求缺口从2016年的137万人扩大至2018年的158万人。学院招收300名学生。"
    assert facts_of(text) == [(300, "person", "exact")]


def test_what_a_fund_is_to_give_is_a_plan():
    """累计将资助学生300位: what the fund will give, not what it gave."""
    assert facts_of("基金累计将资助学生300位。去年资助学生120位。") == [(120, "person", "exact")]
    text = "政府並於新學年將資助範圍擴展至創意工業，迄今已惠及約4,500名學生。"  # the scope, not a count
    assert facts_of(text) == [(4500, "person", "approx")]


def test_a_bare_wan_after_costs_is_money():
    """为企业节省费用上千萬: costs named before a bare 万 make it an amount of yuan."""
    assert facts_of("学生团队为企业节省费用上千万。") == [(10_000_000, "CNY", "at_least")]


def test_an_english_page_that_lost_its_spaces_still_counts():
    """over16,000students, nearly 100,000communications talents: the mark, the number and the words
    glued together; a standard or a code glued to its digits (ISO9001, 5G, 3D) is still no count."""
    assert facts_of("There are over16,000students enrolled in the college.") == [(16000, "person", "at_least")]
    text = "It has cultivated nearly 100,000communications talents for society."
    assert facts_of(text) == [(100_000, "person", "approx")]
    assert facts_of("It passed ISO9001 standards and built 5G base stations with 3D printers.") == []


def test_guests_visitors_and_miners_are_people_in_english():
    assert facts_of("The College received 16 foreign guests from Vietnam.") == [(16, "person", "exact")]
    assert facts_of("The mine has trained 1,500 miners.") == [(1500, "person", "exact")]
    assert facts_of("38 freshmen from the college began their studies.") == [(38, "person", "exact")]


def test_what_is_likely_to_come_is_a_forecast_in_english():
    """are likely to bring 6,000 jobs by 2025: what may come, not a count."""
    assert facts_of("New energy operations are likely to bring 6,000 jobs to the county by 2025.") == []
    assert facts_of("Fujian is going to hire about 200 full-time teachers from Taiwan in 2016.") == []


def test_newly_added_majors_are_majors_offered():
    """学校在2023年新增16个专业: majors added are majors the school offers."""
    assert codes_of("此外，学校在2023年新增16个专业。") == ["majors_offered"]


def test_a_consortiums_member_units_are_its_members_not_consortia():
    """由95家单位共同组建的产教融合共同体: the members counted take consortium_member_units, not other."""
    text = "由95家单位共同组建的全国首家生态园林行业产教融合共同体正式成立。"
    assert codes_of(text) == ["consortium_member_units"]
    text = "该共同体由学院等三家单位牵头，联合国内多个高校、科研单位及企业共同成立。"
    assert codes_of(text) == ["other"]  # the few that lead it


def test_books_planned_for_publication_are_a_plan():
    """未来三年内计划出版教材10本: books a plan is to publish, not a count."""
    assert facts_of("已出版教材15本，未来三年内计划出版教材10本。") == [(15, "item", "exact")]


def test_rd_centres_in_english_are_innovation_platforms():
    """10 provincial R&D centers: a word with an ampersand between the number and its noun, and
    the catalogue's English names for research platforms."""
    assert codes_of("It runs 10 provincial R&D centers.") == ["tech_innovation_platforms"]
    assert facts_of("It also has 8 academic research institutes.") == [(8, "unit", "exact")]


def test_a_share_of_teachers_above_a_bound_is_a_share_not_a_threshold():
    """80%以上的专业教师担任企业技术顾问 is a share of teachers; 就业率90%以上的专业 defines a class."""
    assert facts_of("该校80%以上的专业教师常年担任企业的技术顾问。") == [(80, "percent", "at_least")]
    assert facts_of("就业率90%以上的专业有12个。") == [(12, "item", "exact")]


def test_major_clusters_are_programme_clusters():
    """5大专业集群 (and 專業集群) are clusters of programmes, as 专业群 are, not majors offered."""
    assert codes_of("学院开设了5大专业集群。") == ["programme_clusters"]
    assert codes_of("學院開設了3大專業集群。") == ["programme_clusters"]


def test_legislators_and_the_china_times_mark_a_taiwanese_report():
    """立委 (the Legislative Yuan's members) is Taiwan's word; 中國時報 is a Taiwanese paper, no sign of
    the mainland: the university's 10億 spent on a campus is in New Taiwan dollars."""
    text = "虎尾科技大學斥資10億開發高鐵校區,今日動工,立委蘇治芬召集部會實勘。(中國時報)"
    assert facts_of(text) == [(1_000_000_000, "other", "exact")]
    assert facts_of("学校斥资10亿开发新校区,今日动工。") == [(1_000_000_000, "CNY", "exact")]


def test_a_share_employed_said_as_a_verb_is_the_employment_rate():
    """毕业生一直100%就业 is the placement rate in all but name; 8.05%就业于北京 is where they went."""
    assert codes_of("近几年，学校该专业毕业生一直100%就业。") == ["graduate_employment_rate"]
    assert codes_of("毕业生中8.05%就业于北京市。") == ["other"]


def test_the_two_schools_named_before_are_no_count():
    """两校师生, 就两校在人才培养方面: the two schools a report is about, not a count of schools."""
    assert facts_of("李书记和周主任就两校在人才培养方面深入交流，两校师生共300人参加。") == [(300, "person", "exact")]
    assert facts_of("本次评选共有两校入选。") == [(2, "unit", "exact")]


def test_a_share_in_english_words_is_a_percentage():
    """make up a quarter of the students, one sixth of the total, half of them: shares; the first
    half of 2023 is a part of a year, and two thirds of graduates no count of two graduates."""
    text = "Students from Fujian make up a quarter of the mainland students there. Half of them stayed."
    assert facts_of(text) == [(25, "percent", "exact")]  # a bare half the labellers leave (3 of 4)
    assert facts_of("In the first half of 2023, two thirds of graduates found jobs.") == [(66.67, "percent", "exact")]


def test_a_decimal_in_chinese_numerals_is_one_number():
    """一點八倍 is 1.8 times (not 8), 約二點二萬人 22,000 people, 一點四九億澳門元 149 million patacas."""
    assert parse_number("二點二萬") == 22000
    assert parse_number("一点四九亿") == 149_000_000
    assert facts_of("學生人數成長一點八倍。") == [(1.8, "other", "exact")]
    assert facts_of("在粵外國留學生約二點二萬人。") == [(22000, "person", "approx")]
    assert facts_of("九点三十分左右到达现场。") == []


def test_a_places_tourism_is_the_economy():
    """旅游总收入达到49.54亿元, 旅行社组织境内游3.86万人次: a county's tourism, not the college's."""
    text = "全年旅行社组织境内游3.86万人次，旅游总收入达到49.54亿元。学院培训厨师300人。"
    assert facts_of(text) == [(300, "person", "exact")]


def test_one_hundred_percent_in_words_is_a_share():
    """百分之百 and 百分百 are 100 percent, not a lone 百 used as a word."""
    assert facts_of("该专业就业率是百分之百。") == [(100, "percent", "exact")]
    assert facts_of("殡葬专业就业率百分百。") == [(100, "percent", "exact")]


def test_a_creative_contests_awards_are_not_skills_awards():
    """高校冰雪创意大赛…一等奖8项: a creative contest's prizes, not a skills competition's."""
    text = "我校师生参加了第二届高校冰雪创意大赛，喜获一等奖8项。"
    assert codes_of(text) == ["other"]
    assert codes_of("我校学生在全国职业院校技能大赛中获一等奖3项。") == ["skill_competition_awards"]


def test_a_rooms_size_is_no_count_of_people():
    """宿舍以6人间为主, 四人间: rooms for six or four, not six or four people."""
    assert facts_of("学生宿舍以6人间为主，另有四人间，共住学生300人。") == [(300, "person", "exact")]


def test_the_time_a_plan_takes_and_a_guess_are_no_count():
    """将用6年左右的时间为…培养近5000名: a plan's span; 估计第一年能招到500人: a guess."""
    text = "全市将用6年左右的时间培养近5000名工程师。他估计第一年能招到500人。去年招生1200人。"
    assert facts_of(text) == [(1200, "person", "exact")]


def test_person_days_with_a_slash_are_person_days():
    """培训超过6万人/日, 送教95人/天: person-days written with a slash, as 人/次 is person-times."""
    assert facts_of("每年开展技能培训超过6万人/日。") == [(60000, "person_day", "at_least")]
    assert facts_of("名师送教入县95人/天。") == [(95, "person_day", "exact")]


def test_graduates_taken_into_posts_at_a_partner_are_hired_by_partners():
    """已錄取51位畢業生進入石化事業部任職: graduates a partner firm took on."""
    text = "台灣中油與林園高中簽署產學合作，至今已錄取51位畢業生進入石化事業部任職。"
    assert codes_of(text) == ["graduates_hired_by_partners"]


def test_teams_counted_in_digits_are_counts_and_saving_is_no_province():
    """錄取 29 隊進入決賽, 全省27队参赛: teams counted (base unit other); 学院一队 is a team's name.
    超級省油車 and 省能空調 save fuel and energy: no 省 of the mainland in a Taiwanese report."""
    assert facts_of("經嚴格評審後，錄取 29 隊進入決賽。") == [(29, "other", "exact")]
    assert facts_of("武昌理工学院一队和二队参加比赛。") == []
    text = "南台科大(民國九十二年起)超級省油車參賽,發展省能空調技術,全台首創,教育部增編九千萬元。"
    assert facts_of(text)[-1] == (90_000_000, "other", "exact")


def test_a_paywalls_share_left_unread_is_a_page_counter():
    """订阅后可查看全文(剩余80%): the page's paywall, not a share of anything the report counts."""
    assert facts_of("学校供图\n订阅后可查看全文(剩余80%)") == []


def test_a_one_line_header_with_some_columns_bracketed_aligns_column_by_column():
    """区域类型 学校数量 在校生规模(人) 生均教学设备值(万元): the people are the second number, not the first."""
    text = "区域类型 学校数量 在校生规模(人) 生均教学设备值(万元)\n省会及副中心城市 134 185,320 1.2\n地级市城区 62 78,460 0.85\n"
    assert (185_320, "person", "exact") in facts_of(text)
    assert (134, "person", "exact") not in facts_of(text)


def test_a_cell_in_wan_under_a_column_of_people_is_ten_thousand_people():
    """| 2020 | 12.4万 | under 中职在校生数: 124,000 students; 招生数 counts people too."""
    text = "| 年份 | 中职在校生数 | 招生数 |\n|---|---|---|\n| 2020 | 12.4万 | 4.3万 |\n"
    assert facts_of(text) == [(124_000, "person", "exact"), (43_000, "person", "exact")]


def test_a_fullwidth_zero_among_chinese_digits_is_a_zero():
    """一五０組 (as Taiwanese papers write 150): one number, not 0."""
    assert parse_number("一五０") == 150
    assert facts_of("廠商捐贈課桌椅共一五０組。") == [(150, "other", "exact")]


def test_an_amount_in_yuan_with_its_upper_end_in_words_is_a_range_in_yuan():
    """six thousand or seven thousand yuan: 6,000 to 7,000 yuan, whose unit is yuan (the facts contract
    quarantined the unit 'or seven thousand yuan'); other words before yuan make no amount."""
    facts = extract_facts("Workers can earn six thousand or seven thousand yuan a month.")
    assert [(f.normalized_value, f.base_unit, f.qualifier, f.unit_text) for f in facts] == [
        (6000, "CNY", "range", "yuan")
    ]
    assert facts_of("The fund gave 5 million more yuan.") == []


def test_a_count_in_brackets_after_its_noun_is_a_count_unless_a_table_header_scales_it():
    """Flight Training (10 hours): ten hours; (10 000 persons) and (100 million yuan) scale a header."""
    text = "It comprises Theoretical Knowledge (20 hours), Flight Training (10 hours) and an assessment."
    assert facts_of(text) == [(20, "hour", "exact"), (10, "hour", "exact")]
    assert facts_of("Students | Teachers (10 000 persons) |") == []
    assert facts_of("Income (100 million yuan) |") == []


def test_an_amount_that_sizes_an_industry_or_a_market_in_english_is_the_economys():
    """this $50 billion global industry, the sales revenue of the industry, a production output of
    30,800 vehicles: the economy's figures; 3 million yuan of industry funds are the college's."""
    assert facts_of("It is a key player in this $50 billion global industry.") == []
    assert facts_of("The sales revenue of the vehicle industry reached 7.885 billion yuan.") == []
    assert facts_of("with a production output of 30,800 specialized vehicles") == []
    assert facts_of("The college won 3 million yuan industry funds.") == [(3_000_000, "CNY", "exact")]


def test_about_so_large_a_share_is_approximate():
    """理论部分约占30%: about 30 percent, as 约30% is."""
    assert facts_of("其中理论部分约占30%,操作部分約佔70%。") == [(30, "percent", "approx"), (70, "percent", "approx")]


def test_english_marks_after_an_amount_and_before_it():
    """$11,000 or above, 300 students or more, 2,700+ projects: at least; topping 95%: at least; a
    maximum amount of HK$30,000: at most."""
    assert facts_of("with a monthly salary of HK$11,000 or above.") == [(11_000, "other", "at_least")]
    assert facts_of("It trained 300 students or more.") == [(300, "person", "at_least")]
    assert facts_of("They cracked 2,700+ research projects.") == [(2700, "item", "at_least")]
    assert facts_of("an employment rate topping 95%") == [(95, "percent", "at_least")]
    assert facts_of("an allowance with a maximum amount of HK$30,000 for each apprentice") == [
        (30_000, "other", "at_most")
    ]


def test_a_change_from_one_figure_to_another_counts_what_its_sentence_names():
    """the number of courses was up from about 300 to more than 700; the figure (the workers named
    before) jumped from about 5,000 in 2004 to more than 16,000: two counts each. Years and spans with
    no noun named (ages from 16 to 54) are none; a plan's (will enlarge … from 139 to 220) neither."""
    text = (
        "Over 16,000 workers signed up for training courses at the centre in 2008.\n\n"
        "He said that the figure had jumped from about 5,000 in 2004 to more than 16,000 last year.\n\n"
        "The number of courses available was up from about 300 to more than 700 in the same time frame."
    )
    assert facts_of(text) == [
        (16_000, "person", "at_least"),
        (5000, "person", "approx"),
        (16_000, "person", "at_least"),
        (300, "item", "approx"),
        (700, "item", "at_least"),
    ]
    assert facts_of("Trainees were aged from 16 to 54, and from 2010 to 2014 they came.") == []
    assert facts_of("It will enlarge the number of its partner universities from 139 to 220.") == []


def test_money_named_after_an_amount_in_another_currency_is_other_money():
    """around 25 million patacas, 3 million dollars: base unit other, the value in full."""
    assert facts_of("a subsidy of around 25 million patacas per year") == [(25_000_000, "other", "approx")]


def test_a_traditional_unit_takes_the_base_unit_of_its_simplified_form():
    """40課時 and 40學時 are hours, as 40课时 is."""
    assert facts_of("培訓40課時。") == [(40, "hour", "exact")]
    assert facts_of("培训40學時。") == [(40, "hour", "exact")]


def test_a_hong_kong_report_that_names_its_training_council_by_its_short_name_counts_in_its_dollars():
    """職訓局 … 留港 … 內地生: a Hong Kong report, whose 元 are Hong Kong dollars (base unit other)."""
    text = "職訓局表示,每年學費平均約3萬元。「職專畢業生留港計劃」方面,上學年共招收600名非本地生,大部分為內地生。"
    assert facts_of(text)[0] == (30_000, "other", "approx")


def test_english_counts_of_medals_faculties_and_bases_with_a_dashed_word():
    """one gold, ten Medallions for Excellence, 8 faculties, four national–level practice bases (an
    en dash inside the word between), the number of students reaches to 17,000 of which …, the total
    is about 100,000."""
    text = "The team won one gold, one silver and ten Medallions for Excellence."
    assert facts_of(text) == [(1, "item", "exact"), (1, "item", "exact"), (10, "item", "exact")]
    text = "There are 8 faculties and four national–level advanced practice bases."
    assert facts_of(text) == [(8, "unit", "exact"), (4, "unit", "exact")]
    text = "The number of registered students reaches to 17,000 of which few are part-time."
    assert facts_of(text) == [(17_000, "person", "exact")]
    assert facts_of("The total number of graduates is about 100,000 since 1956.") == [(100_000, "person", "approx")]
    assert facts_of("with an increased number of training places to 1 200 per year") == [(1200, "other", "exact")]


def test_a_contents_page_lists_page_numbers_not_counts():
    """CONTENTS 目錄 … 8 Equipping Skilled Professionals … 42 Celebrating Students: page numbers."""
    text = (
        "01 CONTENTS 目錄 Messages 8 Equipping Skilled Professionals for Diverse Opportunities 42 Celebrating Students"
    )
    assert facts_of(text) == []


def test_a_table_column_of_an_industrys_shortage_is_the_economys():
    """对应本地产业缺口(万人) and 人才缺口率 are the industry's; 人才缺口匹配度 is the school's own share."""
    text = "专业大类 开设学校数 对应本地产业缺口(万人)\n装备制造类 112所 1.2\n信息技术类 98所 0.8\n"
    assert facts_of(text) == [(112, "unit", "exact"), (98, "unit", "exact")]
    text = "专业类别 招生占比 对应产业人才缺口率\n传统制造业 38% 15%\n现代服务业 22% 28%\n"
    assert facts_of(text) == [(38, "percent", "exact"), (22, "percent", "exact")]
    text = "专业群 合作企业 人才缺口匹配度\n智能制造 长虹 92%\n"
    assert facts_of(text) == [(92, "percent", "exact")]


def test_a_range_under_a_column_that_names_its_unit_is_one_fact_at_its_lower_end():
    """起薪区间(元/月) | 4500-6200: a range of yuan at 4,500."""
    text = "专业类别 代表学校 对口就业率 起薪区间(元/月)\n智能制造 山东工业技师学院 94.3% 4500-6200\n"
    assert sorted(facts_of(text)) == [(94.3, "percent", "exact"), (4500, "CNY", "range")]


def test_studios_and_stations_are_sites_counted_as_units():
    """47 broadcasting studios, 5 teaching stations: the spec counts studios (and sites like them) as units."""
    text = "Working with partners, the institute has built 47 broadcasting studios for its students."
    assert facts_of(text) == [(47, "unit", "exact")]
    assert facts_of("The School has set up 5 teaching stations outside the campus.") == [(5, "unit", "exact")]


def test_jianshe_before_a_noun_qualifies_it():
    """10个重点建设专业群, 3个建设项目: 建设 is part of the noun phrase counted; 10个基地建设完成: the verb."""
    assert facts_of("成为首批10个世界一流重点建设专业群之一。") == [(10, "item", "exact")]
    assert codes_of("成为首批10个世界一流重点建设专业群之一。") == ["programme_clusters"]
    assert facts_of("新增3个建设项目。") == [(3, "item", "exact")]
    assert facts_of("10个基地建设完成。") == [(10, "unit", "exact")]


def test_contest_tracks_and_trophies_and_medallions_are_awards_and_items():
    """11个赛道 are items; Taiwan's 4座金手 are trophies won (items, skills-competition awards); 優異獎章
    (WorldSkills' Medallions for Excellence) are awards."""
    assert facts_of("大赛今年设置了11个赛道，吸引众多院校。") == [(11, "item", "exact")]
    assert facts_of("學生參加全國技藝競賽，共奪下4座金手。") == [(4, "item", "exact")]
    assert codes_of("學生參加全國技藝競賽，共奪下4座金手。") == ["skill_competition_awards"]
    assert codes_of("香港隊在世界技能大賽10個項目奪得優異獎章。") == ["skill_competition_awards"]


def test_employment_back_home_is_local_employment():
    """返乡就业率 (返鄉就業率): the share of graduates employed in their home region."""
    assert codes_of("2024年全省涉农中高职毕业生返乡就业率达41%。") == ["local_employment_share"]
    assert codes_of("2024年全省涉農中高職畢業生返鄉就業率達41%。") == ["local_employment_share"]


def test_pay_in_thousands_takes_any_mark_before_it():
    """超過35K is at least 35,000 (a two-character mark, as 約35K takes 約)."""
    assert facts_of("取得驗光師證照者起薪超過35K。") == [(35_000, "other", "at_least")]
    assert facts_of("起薪平均約35K。") == [(35_000, "other", "approx")]


def test_lianhe_peiyang_before_a_noun_qualifies_it():
    """70个学生联合培养项目 are projects (items), not students; 3个企业联合培养学生: firms."""
    assert facts_of("目前已有至少70个学生联合培养项目。") == [(70, "item", "at_least")]
    assert facts_of("学院与3个企业联合培养学生。") == [(3, "unit", "exact")]


def test_a_place_total_of_people_who_applied_for_a_scheme_is_no_economy_figure():
    """全市共有560名职工申请…3000元学费补助: the workers who applied and the grant are the scheme's."""
    text = "今年春季班中，全市共有560名职工申请“求学圆梦行动”3000元学费补助。"
    assert facts_of(text) == [(560, "person", "exact"), (3000, "CNY", "exact")]


def test_a_programme_purpose_after_an_english_count_is_no_forecast():
    """40 trainees who arrived … under a program to train specialists: the program's purpose comes
    after the count; a program to train 500 teachers still looks ahead."""
    text = "He is among a group of 40 Laotian trainees who arrived in Kunming in March under a program to train railway specialists."
    assert facts_of(text) == [(40, "person", "exact")]
    assert facts_of("The college launched a program to train 500 teachers from Laos.") == []


def test_english_keywords_match_in_headline_case():
    """Promoting 42 International Industry Colleges; Employment Rate Exceeds 90 Percent: a headline's
    capitals do not hide the catalogue's English keywords."""
    assert codes_of("China and ASEAN: 19 alliances, and Promoting 42 International Industry Colleges") == [
        "other",
        "industry_colleges",
    ]
    assert codes_of("Vocational Graduates' Employment Rate Exceeds 90 Percent") == ["graduate_employment_rate"]


def test_a_taiwanese_county_speaks_of_itself_by_its_xian_alone():
    """苗栗縣 … 縣內廠商, 縣長; 直轄市及縣(市): a Taiwanese report's bare 縣 is its own county, no sign of
    the mainland, and its 元 are New Taiwan dollars (base unit other)."""
    text = "勞動部補助設備，苗栗縣政府自籌2267萬餘元整修舊校區。縣長表示，縣內廠商樂觀其成。"
    assert facts_of(text) == [(22670000, "other", "at_least")]
    text = "國教署訂定「直轄市及縣(市)主管機關推動技職教育績效獎勵」，共頒發 950 萬元。"
    assert facts_of(text) == [(9500000, "other", "exact")]
    # a mainland county's report keeps its yuan
    assert facts_of("苗栗路小学所在的某縣投入2267萬元。") == [(22670000, "CNY", "exact")]


def test_the_size_of_an_economy_is_no_figure_of_a_school():
    """低空经济规模已超过6700亿元: the economy's size, like an industry's or a market's."""
    assert facts_of("2024年中国低空经济规模已超过6700亿元，学院新建无人机实训室3个。") == [(3, "unit", "exact")]


def test_majors_named_by_a_designation_are_not_the_majors_offered():
    """高水平專業(群)6個, 国家骨干院校重点建设专业5个, 中央財政支持…專業2個: majors counted for a designation
    (the spec's veto: other), though the sentence says the school offers majors."""
    text = "學院設有42個專業，高水平專業(群)6個，中央財政支持高等職業學校專業2個，国家骨干院校重点建设专业5个。"
    assert codes_of(text) == ["majors_offered", "other", "other", "other"]


def test_firms_a_school_builds_with_are_its_partners():
    """与60余家企业共建实训基地: the firms are partners (the base is not what is counted)."""
    assert codes_of("学院与60余家企业共建实训基地。") == ["partner_enterprises"]


def test_skilled_talent_sent_to_industry_with_no_technician_grade_is_graduates_supplied():
    """年输送技能人才超1000人: no technician grade (not skilled_technicians_trained), but talent sent to firms."""
    assert codes_of("学院年输送技能人才超1000人。") == ["graduates_supplied_to_industry"]
    assert codes_of("全国技能人才总量超过2亿人。") == ["other"]


def test_people_given_a_title_of_honour_are_not_certificate_holders():
    """已认定的乡村工匠104人: recognised rural craftsmen, a title; 技能等级认定的高级工300人 hold certificates."""
    assert codes_of("截至目前，全区现有已认定的乡村工匠104人。") == ["other"]
    assert codes_of("全年新增技能等级认定的高级工300人。") == ["vocational_certificate_holders"]


def test_a_quoted_name_between_an_english_count_and_its_noun():
    """150 "Skill Night School" training projects: the name in quotes is part of the noun phrase."""
    assert facts_of('The province launched 150 "Skill Night School" training projects in 2025.') == [
        (150, "item", "exact")
    ]


def test_hong_kong_districts_and_its_paper_name_its_dollars():
    """明報專訊 … 九龍和新界供電網 … 月薪約9000元: a Hong Kong report, its 元 Hong Kong dollars (other)."""
    text = "【明報專訊】學院的學生要控制整個九龍和新界供電網。見習工程師月薪約9000元。"
    assert facts_of(text) == [(9000, "other", "approx")]


def test_english_training_projects_and_short_courses_are_non_degree_training():
    assert codes_of("The college runs over 50 skill training projects annually.") == ["nondegree_training_projects"]
    assert codes_of("The academy offers over 100 short courses to the public.") == ["nondegree_training_projects"]


def test_units_a_consortium_is_made_of_are_its_members():
    """111家单位组成…共同体; 120家单位共同组建: the units that make up a community are its members."""
    assert codes_of("111家单位组成！港航水利行业产教融合共同体成立") == ["consortium_member_units"]


def test_firms_and_units_a_consortium_says_it_is_made_of_are_its_members():
    """西藏农牧职业教育集团由区内外31家农牧企业…组成; 联合…等16家大型农牧企业; 成员单位由45家增至52家:
    the consortium's sentence says what it is made of; its member schools stay `other` (spec), and the
    units that lead it are no members."""
    assert codes_of("西藏农牧职业教育集团由区内外31家农牧企业和相关职业技术院校组成。") == ["consortium_member_units"]
    text = "湖北现代畜牧业职业教育集团成立，联合正大集团等16家大型农牧企业、黄冈职业技术学院等5家高职院校。"
    assert codes_of(text) == ["consortium_member_units", "other"]
    assert codes_of("联盟的成员单位由45家增至52家。") == ["consortium_member_units", "consortium_member_units"]
    assert codes_of("共同体由上海商学院等三家单位牵头成立。") == ["other"]
    # firms with no consortium in the sentence keep the classifier's code
    assert codes_of("学院新增合作企业16家。") == ["partner_enterprises"]


def test_taiwans_papers_bylines_ministries_and_cities_name_its_dollars():
    """記者…／高雄報導 … 市價逾五十萬元; 工商時報 … 經濟部 … 1億7,200萬元: two signs of Taiwan (its word 報導 for
    a report, its cities, its Executive Yuan and economics ministry, its school years in Chinese numerals)
    make its 元 New Taiwan dollars; 億 before a 萬 grouped by a comma is one number."""
    text = "記者吳門鍵／高雄報導 隆陽汽車致贈一台市價逾五十萬元的重型機車給中山工商。"
    assert facts_of(text) == [(500000, "other", "at_least")]
    text = "工商時報報導，該校獲經濟部學界科專計畫，總經費由1億7,200萬元增加至2億元。"
    assert facts_of(text) == [(172000000, "other", "exact"), (200000000, "other", "exact")]
    text = "成大南工一一四學年度勇奪十二座金手獎，榮獲總獎金七十二萬元，成績為臺南之冠。"
    assert (720000, "other", "exact") in facts_of(text)
    # a mainland report: its platform's 台 before 南京 is no Taiwanese city
    assert facts_of("学校搭建服务平台南京分中心，投入资金1亿7,200万元。") == [(172000000, "CNY", "exact")]
    # 精美金屬: no US dollars (美金 is money only beside a number)
    assert facts_of("一件精美金屬工藝品出爐，學院投入設備經費120萬元。") == [(1200000, "CNY", "exact")]


def test_unemployment_rates_and_the_jobless_are_the_economys_figures():
    """青年失業率…百分之三十六點一; 少了三千七百人失業; the youth unemployment rate exceeded 20%: the
    economy's figures. A cohort's 非失业率 (graduates not out of work) is its own."""
    assert facts_of("3月份全国城镇调查失业率为5.3%，学院毕业生就业率为96%。") == [(96, "percent", "exact")]
    assert facts_of("青年失業人數少了三千七百人失業，該中心培訓了四萬五千多名青年人。") == [
        (45000, "person", "at_least")
    ]
    assert facts_of("2009届毕业生的非失业率约为91.2%。") == [(91.2, "percent", "approx")]
    assert facts_of("The official youth unemployment rate exceeded 20% in June.") == []
    # the unemployed trained by a school are its trainees
    assert facts_of("学院培训失业人员3000人。") == [(3000, "person", "exact")]


def test_one_award_counted_before_it_is_a_count():
    """取得一個銅獎和兩個特別獎; 一个项目的银牌; 一枚金牌: 一 before an award counts one award (a bare 一个
    elsewhere is a word), but not a scholarship (一个奖学金)."""
    text = "澳門代表團在技能大賽取得一個銅獎和兩個特別獎，以及一個優異獎。"
    assert facts_of(text) == [(1, "item", "exact"), (2, "item", "exact"), (1, "item", "exact")]
    assert facts_of("他在世界技能大赛获得一个项目的银牌和一枚金牌。") == [(1, "item", "exact"), (1, "item", "exact")]
    assert facts_of("学校设立了一个奖学金。") == []


def test_trillions_of_yuan_are_one_money_unit():
    """7万亿元: 万亿 is a multiplier of yuan (a trillion), not a count of 7 with an unknown unit."""
    assert facts_of("该校校友企业年营业额累计达1.2万亿元。") == [(1.2e12, "CNY", "exact")]


def test_an_adverb_or_a_verb_of_having_ends_the_counted_phrase():
    """16个软件信息类实训室均配备行业前沿设备: the phrase counted ends at 均 (its noun is 实训室, not 行业)."""
    assert facts_of("学校建有16个软件信息类实训室均配备行业前沿设备。") == [(16, "unit", "exact")]
    assert facts_of("学院与3个首都企业合作。") == [(3, "unit", "exact")]  # 首都 is no adverb


def test_what_a_plan_sets_out_to_build_is_a_target():
    """意见提出集中力量建设50所左右高水平高职学校: a plan's aim; 提出了3项建议 is a count of proposals made."""
    assert facts_of("意见提出集中力量建设50所左右高水平高职学校和150个左右高水平专业群。") == []
    assert facts_of("学校提出三年内建成360个基地。") == []
    assert facts_of("学院提出了3项建议。") == [(3, "item", "exact")]


def test_an_english_target_named_before_its_figure():
    """73 per cent of courses failed to meet a target employment rate of 60 per cent: the 60 is the target."""
    text = "About 73 per cent of courses failed to meet a desired target employment rate of 60 per cent."
    assert facts_of(text) == [(73, "percent", "approx")]


def test_training_classes_run_are_counted_in_banci():
    """开展培训120班次: training classes run (班次), not class No. 120."""
    assert facts_of("广州市残联开展培训120班次。") == [(120, "item", "exact")]


def test_english_firms_a_school_works_with_are_its_partners():
    """has cooperated with 225 enterprises; partnered with 10 enterprises: partners. Universities it
    partners with are no firms, and industry colleges stay industry colleges."""
    assert codes_of("The college has cooperated with 225 enterprises settled in Beijing.") == ["partner_enterprises"]
    assert codes_of("It has established partnerships with 12 universities in Russia.") == ["other"]
    assert codes_of("China and ASEAN: Promoting 42 International Industry Colleges") == ["industry_colleges"]


def test_a_later_clause_that_states_what_is_escapes_the_forecast():
    """預計招生人數是6萬7,951人，…今年錄取人數是6萬1,122人: the forecast governs its own clause; the clause
    of this year's admissions (今年, 目前, 已) states what is."""
    text = "預計招生人數是6萬7,951人，也比去年多，今年錄取人數是6萬1,122人，錄取率81%。"
    assert facts_of(text) == [(61122, "person", "exact"), (81, "percent", "exact")]
    text = "拟新增的8所职业本科院校，目前我国职业本科院校已超过100所，将达到102所。"
    assert facts_of(text) == [(100, "unit", "at_least")]


def test_students_commissioned_by_an_employer_are_order_class_enrolment():
    """定向委培510名地铁营运管理人员: commissioned training (委培) for an employer is order training."""
    assert codes_of("地铁公司与12所院校签订了委培协议，定向委培510名地铁营运管理人员。") == [
        "other",
        "order_class_enrolment",
    ]


def test_a_sentence_printed_twice_states_its_facts_once():
    """A page that prints its summary above the article (or a caption under each photo) says the same
    sentence twice: its facts are read once, from the first saying."""
    said = "学院与85家企业开展校企合作，共建产业学院3个，全年开展社会培训2.1万人日。"
    text = "本文摘要：" + said + "\n\n" + said + "\n另有合作企业12家。"
    assert facts_of(text) == [
        (85, "unit", "exact"),
        (3, "unit", "exact"),
        (21000, "person_day", "exact"),
        (12, "unit", "exact"),
    ]
    assert [f.char_start < len("本文摘要：" + said) for f in extract_facts(text)][:3] == [True, True, True]


def test_a_sentence_said_once_and_a_repeated_table_row_keep_every_fact():
    """Two sentences that differ, and a table row that a table repeats, are not one saying."""
    text = "2022年学院与85家企业开展校企合作。2023年学院与85家企业开展校企合作。"
    assert len(facts_of(text)) == 2
    text = "| 指标 | 2022年 | 2023年 |\n| 订单班学生（人） | 500 | 500 |\n| 订单班学生（人） | 500 | 500 |\n"
    assert len(facts_of(text)) == 4


def test_places_counted_before_what_they_hold_are_places():
    """14個市州中職學校, 全國792個貧困縣組織實施: the number counts the places (other), whatever noun
    follows them; a county-level centre (县级学习中心) is a centre."""
    assert facts_of("甘肅省12所高職院校以及14個市州中職學校結成對子。")[1] == (14, "other", "exact")
    assert facts_of("在全國792個貧困縣組織實施培訓計劃。") == [(792, "other", "exact")]
    assert facts_of("建成23个县级学习中心。") == [(23, "unit", "exact")]


def test_schools_that_are_demonstration_schools_are_counted():
    """我市26所示范骨干职业院校: 所 before 示范 is the measure of schools, not 所示 (as shown)."""
    assert facts_of("我市26所示范骨干职业院校参加。") == [(26, "unit", "exact")]
    assert facts_of("如表2所示，学院发展良好。") == []


def test_an_english_yearbook_header_names_its_columns_units_in_brackets():
    """Schools (unit), New Enrollment (person): a header's English units, on one line or wrapped one
    cell a line, give every column below its unit."""
    rows = "Total | 435 | 294033 |\nJinan | 41 | 21023 |\n"
    one_line = "Region | Schools (unit) | New Enrollment (person) |\n" + rows
    wrapped = "Region | Schools (unit) |\nNew Enrollment (person) |\n" + rows
    expected = [(435, "unit", "exact"), (294033, "person", "exact"), (41, "unit", "exact"), (21023, "person", "exact")]
    assert facts_of(one_line) == expected
    assert facts_of(wrapped) == expected


def test_an_english_yearbook_note_gives_its_table_one_unit():
    """(unit) alone under an English table's title, as a line or as a bar row: every number of the
    rows below, labelled in English, counts schools."""
    body = "Secondary Vocational Schools 10169 30 7283\nAdult Specialized Secondary School 1614 4 1452\n"
    text = "Number of Secondary Vocational Schools (2011)\n(unit)\nItem Total Central Local\n" + body
    assert [v for v, _, _ in facts_of(text)] == [10169, 30, 7283, 1614, 4, 1452]
    assert {u for _, u, _ in facts_of(text)} == {"unit"}
    barred = "| Number of Schools (2004) | ||||\n| (unit) | ||||\n| Item | Total | Central | Local |\n"
    barred += "| Secondary Vocational Schools | 11570 | 100 | 9837 |\n"
    assert facts_of(barred) == [(11570, "unit", "exact"), (100, "unit", "exact"), (9837, "unit", "exact")]
    # with no note, a title that counts schools gives them their unit
    titled = "20-17 Number of Secondary Vocational Schools (2009)\nItem Total Central Local\n" + body
    assert facts_of(titled) == facts_of(text)


def test_an_english_count_that_leaves_its_noun_to_the_count_before_it():
    """50,000 students signed up in 2017, 70,000 in 2018: the later counts count students; a count
    with no named count before it in its sentence is none."""
    text = "At the university, 50,000 students signed up in 2017, 70,000 in 2018, and 160,000 in 2019."
    assert facts_of(text) == [(50000, "person", "exact"), (70000, "person", "exact"), (160000, "person", "exact")]
    assert facts_of("The index rose. It was 70,000 in 2018.") == []


def test_a_fact_the_first_saying_did_not_give_is_the_second_sayings(monkeypatch):
    """Where a rule ruled out the first saying's number (its surroundings differ), the second saying,
    which gives it, keeps it: only facts already given are dropped."""
    from pipelines.extract import extractor

    said = "学院与85家企业开展校企合作，共建产业学院3个。"
    text = said + "\n\n" + said
    real = extractor.why_not_a_fact
    monkeypatch.setattr(extractor, "why_not_a_fact", lambda doc, c: "test" if c.start < len(said) else real(doc, c))
    facts = extractor.extract_facts(text)
    assert [(f.normalized_value, f.char_start >= len(said)) for f in facts] == [(85, True), (3, True)]


def test_a_taiwanese_university_named_china_is_no_sign_of_the_mainland():
    """中國科大 (China University of Technology, in Taipei) beside 技職, 科大 and 報導: the page's 萬元 are
    New Taiwan dollars (other), as its other Taiwanese universities named 中國 are no sign either."""
    text = "聯合晚報記者即時報導，技職科大獲補助：北科大獲7000萬元，虎尾科大、中國科大各獲4000萬元。"
    assert {u for _, u, _ in facts_of(text)} == {"other"}


def test_a_projects_total_investment_is_no_firms_contribution():
    """项目总投资1.05亿元: the total a project costs, whoever pays, is `other`; what a firm puts into a
    joint base (与华为公司共同投入500万元) stays its cash investment."""
    assert codes_of("某集团实训基地项目总投资1.05亿元，由企业出资建设。") == ["other"]
    assert codes_of("学院与华为公司共同投入500万元共建实训基地。") == ["enterprise_cash_investment"]


def test_zhengqu_as_an_effort_made_is_no_forecast():
    """积极争取 and a 争取 with no object say what was done (地方政府多方奔走、积极争取,…斥资超10亿元);
    争取 before what is striven for still looks ahead."""
    done = "回望1999年，地方政府多方奔走、积极争取，斥资超10亿元，建起现代化校园。"
    assert facts_of(done) == [(1000000000, "CNY", "at_least")]
    assert facts_of("经向相关部门争取，选派了5名参赛选手。") == [(5, "person", "exact")]
    assert facts_of("学校争取培训学员5000人。") == []


def test_an_aspect_particle_ends_the_counted_phrase():
    """13個職教集團集聚了全市19所院校: the phrase ends before the verb 了 marks, so the count is of
    groups (unit), not of the 市 after the verb; 43个中学 count schools."""
    assert facts_of("全市13個職教集團集聚了全市19所院校。")[0] == (13, "unit", "exact")
    assert facts_of("江苏已有43个中学办了水产职业教育班。") == [(43, "unit", "exact")]


def test_english_teams_delegations_and_hyphenated_areas():
    """Teams and delegations are groups of people, as the gold counts 支 and 团队 (other); an area
    joined to its number by a hyphen (a 4000-square-meter centre, a 2-hectare field) is an area."""
    assert facts_of("The college has 8 teaching teams and one provincial teaching team.") == [
        (8, "other", "exact"),
        (1, "other", "exact"),
    ]
    assert facts_of("It received 30 visiting delegations.") == [(30, "other", "exact")]
    assert facts_of("A 4000-square-meter training center and a 2-hectare herb field.") == [
        (4000, "other", "exact"),
        (2, "other", "exact"),
    ]


def test_an_english_year_before_to_starts_no_range():
    """from 3,105 yuan in 2017 to 3,173 yuan in 2018: 2017 is a year, not a range's lower end."""
    text = "The average salary increased from 3,105 yuan in 2017 to 3,173 yuan in 2018."
    assert facts_of(text) == [(3105, "CNY", "exact"), (3173, "CNY", "exact")]


def test_english_floors_and_caps_said_by_negation():
    """not less than $8,000 is a floor, no more than 30 students a cap: the negation turns the bare
    mark's sense."""
    text = "Apprentices get a monthly salary not less than $8,000, with no more than 30 students a class."
    assert facts_of(text) == [(8000, "other", "at_least"), (30, "person", "at_most")]


def test_the_one_a_rate_is_paid_for_is_no_count():
    """每訓練1名學生給予最高7.2萬元: the one trained is the rate's unit; 培训1名 elsewhere is a count."""
    assert [v for v, _, _ in facts_of("企业每訓練1名學生給予7.2萬元訓練費。")] == [72000]
    assert facts_of("今年共培训1名技师。") == [(1, "person", "exact")]


def test_a_pinyin_gloss_between_a_mark_and_its_number():
    """A mirror's gloss after the mark (不超過(guò)6000元, 超過(guò)95%) leaves the mark the number's."""
    assert facts_of("补贴每人每年最高不超過(guò)6000元。") == [(6000, "CNY", "at_most")]
    assert facts_of("畢業生就業率超過(guò)95%。") == [(95, "percent", "at_least")]


def test_taiwans_and_hong_kongs_own_words_say_whose_dollars():
    """大專校院 and 勞動力發展署 are Taiwan's words, 施政報告, 自資 and 專上 Hong Kong's: a page with
    two of them counts its 元 in its own dollars (other)."""
    taiwan = "勞動部勞動力發展署補助大專校院學程，每人最高補助7.2萬元。"
    assert {u for _, u, _ in facts_of(taiwan)} == {"other"}
    hong_kong = "施政報告提出支持自資專上院校，每名學生每年資助最多8,000元。"
    assert {u for _, u, _ in facts_of(hong_kong)} == {"other"}
    assert {u for _, u, _ in facts_of("学院获资助最多8,000元。")} == {"CNY"}


def test_a_placement_rate_named_before_its_figure_and_its_group():
    """The employment rate stood at 95% among graduates: the rate is named before the figure, the
    group after it; a share of a group with no rate named before it stays a share."""
    assert codes_of("The employment rate stood at 95% among graduates.") == ["graduate_employment_rate"]
    assert codes_of("The employment rate was 98%, with 60% of graduates in the province.") == [
        "graduate_employment_rate",
        "other",
    ]


def test_a_time_after_zai_is_no_place_of_employment():
    """在毕业初期就业率为71.9%: 在 opens a time (when they graduated), not a place they work in (在本地就业)."""
    text = "高校畢業生在畢業初期就業率為71.9%。"
    assert codes_of(text) == ["graduate_employment_rate"]
    assert codes_of("毕业生在本地就业的比例为60%。") == ["local_employment_share"]


def test_a_places_industries_put_no_money_in():
    """与自治区优势骨干产业对接，宁夏启动投资4.4亿元: the region's industries are no investor; a firm
    named as the one who puts money in still is."""
    text = "为实现职业教育与自治区优势骨干产业零距离对接，宁夏启动投资4.4亿元建设实训中心。"
    assert codes_of(text) == ["other"]
    assert codes_of("学院与华为公司共同投入500万元共建实训基地。") == ["enterprise_cash_investment"]


def test_a_foreign_currency_between_a_mark_and_its_number():
    """約美金 666 元: the mark 約 reaches over the currency named before the number, as over 新台幣."""
    assert facts_of("住宿費約新台幣 20,000 元(約美金 666 元)。") == [
        (20000, "other", "approx"),
        (666, "other", "approx"),
    ]


def test_what_bodies_will_jointly_hold_is_a_plan():
    """将联合举办183期示范培训班，培训学员18300名: 将 before a joint verb looks ahead, as 将 before the
    verb alone does; what the bodies already run (依托31个培训基地) is counted."""
    text = "依托全国31个培训基地，中央组织部、农业部将联合举办183期示范培训班，培训学员18300名。"
    assert [v for v, _, _ in facts_of(text)] == [31]


def test_pay_starting_from_is_a_floor():
    """月薪10萬元起跳: pay that starts from an amount is at least it (起 alone may count cases: 118万起)."""
    assert [q for _, _, q in facts_of("畢業生月薪10萬元起跳。")] == ["at_least"]


def test_once_in_a_period_is_how_often():
    """每5年修訂1次, 每月召開1次: once in a period says how often; 1次 with no 每 before it is a count."""
    assert facts_of("原則上每5年修訂1次專業目錄，每年調整1次專業。") == []
    assert facts_of("每月召開1次委員會議。") == []
    assert [v for v, _, _ in facts_of("今年共开展培训1次，培训120人。")] == [1, 120]


def test_english_people_of_a_trade_or_an_age_group():
    """over 6,000 local youth, 30 welders, 12 chefs: people, as students and workers are. (Seamen and
    sailors are left out: the real pages count an industry's crews with them, 500,000 seamen.)"""
    text = "The college trained over 6,000 local youth; it hired 30 welders and 12 chefs."
    assert facts_of(text) == [(6000, "person", "at_least"), (30, "person", "exact"), (12, "person", "exact")]


def test_us_dollars_written_with_dots():
    """3.6 million U.S. dollars: one amount in a foreign currency (other), as US dollars is."""
    assert facts_of("The firms earned 3.6 million U.S. dollars.") == [(3600000, "other", "exact")]
    # restated in brackets after its yuan, as $ is: the same money twice
    text = "The plant invested 26 million yuan (3.6 million U.S. dollars) in the college."
    assert facts_of(text) == [(26000000, "CNY", "exact")]


def test_english_parts_of_a_total_with_no_noun_of_their_own():
    """132 bases and rooms, of which 45 are supported by…, 33 are…, and 17 are…: each part counts what
    the total counts; a total in another sentence lends none."""
    text = (
        "It has 132 training bases and training rooms, of which 45 are supported by the central government, "
        "33 are supported by the province, and 17 are supported by the company."
    )
    assert facts_of(text) == [
        (132, "unit", "exact"),
        (45, "unit", "exact"),
        (33, "unit", "exact"),
        (17, "unit", "exact"),
    ]
    assert facts_of("It has 132 training bases. Of which 45 are new.") == [(132, "unit", "exact")]
    text = "It has 20 faculty members, among whom 10 are full-time teachers, 6 are PHDs, 4 have senior titles."
    assert [u for _, u, _ in facts_of(text)] == ["person"] * 4


def test_a_chain_of_counts_names_its_noun_once():
    """专业群有113个,面向现代服务业的112个,…,其他32个: clauses that each end in a count in 个 count what
    the chain's first count counts, however far back it stands."""
    text = "专业群有113个,面向现代服务业的112个,面向先进制造业的100个,面向现代农业的32个,其他32个。"
    assert {u for _, u, _ in facts_of(text)} == {"item"}
    assert facts_of("学校建有实训室20个,其中校企共建的8个,其他12个。") == [
        (20, "unit", "exact"),
        (8, "unit", "exact"),
        (12, "unit", "exact"),
    ]


def test_parts_in_brackets_count_the_noun_before_them():
    """137个优秀项目(中职组45个、高职组47个和本科组45个): each part in brackets counts projects."""
    text = "137个优秀项目(中职组45个、高职组47个和本科组45个)进入总决赛。"
    assert facts_of(text) == [
        (137, "item", "exact"),
        (45, "item", "exact"),
        (47, "item", "exact"),
        (45, "item", "exact"),
    ]


def test_medals_counted_in_kuai():
    """49块金牌, 269塊獎牌: medals, as 枚 and 面 count them; 块 before anything else is no measure word."""
    assert facts_of("决出49块金牌、49块银牌，共决出269塊獎牌。") == [
        (49, "item", "exact"),
        (49, "item", "exact"),
        (269, "item", "exact"),
    ]
    assert facts_of("花了100块钱。") == []


def test_a_line_a_share_falls_below_is_no_share():
    """註冊率未滿六成的大專校院有6所, 跌破六成, 低於6成: the line schools fall below, not a share measured;
    a share told as small (不足五成) stays one."""
    assert facts_of("註冊率未滿六成的大專校院有6所，兩所護理學校註冊率跌破六成。") == [
        (6, "unit", "exact"),
        (2, "unit", "exact"),
    ]
    assert facts_of("全國共6校低於6成。") == [(6, "unit", "exact")]
    assert facts_of("就业率不足五成。") == [(50, "percent", "at_most")]


def test_english_employers_by_other_names():
    """42 corporates, 300 businesses: organisations (unit), as companies and firms are."""
    assert facts_of("The programme drew 42 corporates; 300 businesses joined.") == [
        (42, "unit", "exact"),
        (300, "unit", "exact"),
    ]


def test_certificates_counted_in_sheets():
    """四張丙級證照, 飲料調製乙級9張: certificates (item), a Chinese numeral before 張 included where the noun
    after says what the sheets are; 三張海報 stays no count."""
    assert facts_of("共考取四張丙級證照，其中飲料調製乙級9張。") == [(4, "item", "exact"), (9, "item", "exact")]
    assert facts_of("發放三張海報。") == []


def test_english_trainees_of_the_disciplined_services():
    """42 probationary inspectors, 250 recruit constables, 420 firefighters: people."""
    text = "Forty-two probationary inspectors and 250 recruit constables passed out with 420 firefighters."
    assert [u for _, u, _ in facts_of(text)] == ["person"] * 3


def test_training_places_are_places():
    """1 200个培训名额: study places (other), the noun after 培训 and not a course or a project."""
    assert facts_of("計劃提供共1 200个培训名额。") == [(1200, "other", "exact")]


def test_english_near_and_or_so_are_approximations():
    """near 100 programmes, 140 or so teachers, 30 staff or so: about so many; four colleagues are people."""
    text = (
        "It offers near 100 Higher Diploma programmes; it has 140 or so teachers, 30 staff or so and four colleagues."
    )
    assert facts_of(text) == [
        (100, "item", "approx"),
        (140, "person", "approx"),
        (30, "person", "approx"),
        (4, "person", "exact"),
    ]


def test_english_citation_mark_ends_a_summary_point():
    """A summary's points end at their source's mark ([1] - The…) with no full stop: the next point's
    plan (aims to) is not the figures' before it."""
    text = (
        "Weifang has 65 vocational schools, serving more than 300,000 students [1] - The project, "
        "initiated by a college, aims to promote medicine overseas [2]"
    )
    assert facts_of(text) == [(65, "unit", "exact"), (300000, "person", "at_least")]
    assert facts_of("The college has 65 vocational schools and aims to grow.") == []


def test_a_place_counts_its_colleges_named_after_the_number():
    """全市共有21个现代产业学院: the schools a city has, named after the count, are counted; 全市共有1200家企业
    stays the economy's."""
    assert [v for v, _, _ in facts_of("全市共有21个现代产业学院被确定为市级产业学院。")] == [21]
    assert facts_of("全市共有1200家企业。") == []


def test_up_to_is_a_cap():
    """最高10万元, 最高补助6万3500元, 最高可达6000元, 最多可领9万6000元: at most so much; 最高达6000元 is the
    highest reached, exact."""
    text = (
        "补助受训费用最高10万元，每人最高补助6万3500元，薪资最高可达6000元，最多可领9万6000元奖励金。月薪最高达6000元。"
    )
    assert [q for _, _, q in facts_of(text)] == ["at_most"] * 4 + ["exact"]


def test_people_counted_in_ge():
    """我們班40個人, 3000多个学生, 1200个毕业生: people; a noun after them heads the phrase (5个学生创业项目
    are projects), and people in batches or teams (3批学生) are not counted as people."""
    text = "我們班40個人都要去，共有3000多个学生报名，1200个毕业生，孵化了5个学生创业项目。"
    assert [u for _, u, _ in facts_of(text)] == ["person", "person", "person", "item"]
    assert [u for _, u, _ in facts_of("建设3个人工智能实训室。")] == ["unit"]
    assert all(u != "person" for _, u, _ in facts_of("共接收3批学生。"))


def test_yearbook_rows_that_name_their_unit():
    """A yearbook's row that brackets its unit (学校数 (所) … 1764 1771) lends it to the rows under it
    until the next such row; the line of years over the columns is no row; 单位:人 (person) is a note."""
    text = (
        "项   目   Item   2020 2021\n"
        "学校数           (所)   Number of Schools   (unit)   1764 1771\n"
        " 普通高等学校             Regular Institutions of Higher Education           82 83\n"
        " 中等职业学校             Vocational Secondary Schools                   77 78\n"
        "专任教师          (人)   Number of Full-time Teachers          (person)   194760 202702\n"
        " 普通高等学校             Regular Institutions of Higher Education           71202 75682\n"
    )
    assert facts_of(text) == [(v, "unit", "exact") for v in (1764, 1771, 82, 83, 77, 78)] + [
        (v, "person", "exact") for v in (194760, 202702, 71202, 75682)
    ]
    noted = "单位:人 (person)\n项   目 Item 2020 2021\n 技工学校  Technical Schools 13134 13040\n # 高 中   Senior Secondary Schools 14620 14713\n"
    assert facts_of(noted) == [(v, "person", "exact") for v in (13134, 13040, 14620, 14713)]


def test_table_rows_that_each_name_their_unit():
    """Rows under a header of terms (類別 113-1 112-2), each label naming its unit (全校學生人數, 中文圖書(冊),
    校地面積(平方公尺)): each row counts in its own; a row that names none (電子書) keeps the unit above."""
    text = (
        "類別 113-1 112-2\n"
        "全校學生人數 7,882 7,229\n"
        "日間部研究所 178 151\n"
        "中文圖書(冊) 247,518 246,949\n"
        "電子書 65,882 61,800\n"
        "校地面積(平方公尺) 90,760 90,760\n"
    )
    assert [u for _, u, _ in facts_of(text)] == ["person"] * 4 + ["other"] * 6
    assert facts_of("中文圖書(冊) 247,518 246,949\n這是一段文字。") == []  # one row is no table


def test_english_certifications_and_licenses_are_items():
    """15 certifications, 28 computer-related licenses: certificates held (item), as certificates are."""
    text = "Students average 15 certifications; one holds 28 computer-related licenses."
    assert facts_of(text) == [(15, "item", "exact"), (28, "item", "exact")]


def test_english_a_dozen_is_twelve():
    """a dozen teachers: about twelve; more than a dozen institutions: at least twelve."""
    text = "He sends a dozen teachers; more than a dozen institutions enrol them."
    assert facts_of(text) == [(12, "person", "approx"), (12, "unit", "at_least")]
