"""Who a number belongs to and when (pipelines/extract/attribution.py)."""

from __future__ import annotations

import re

from pipelines.extract.attribution import (
    Entity,
    Period,
    attribute_facts,
    caption_period,
    mentions,
    not_a_name,
    number_position,
    period_of,
    short_named_city,
    taiwanese_city,
)
from pipelines.extract.extractor import extract_facts

BUREAU = (
    "青岛市教育局\n"
    "2023年，全市职业院校与企业共建实训基地120个。"
    "其中，青岛职业技术学院新增订单班12个；青岛酒店管理职业技术学院开发课程30门。"
    "全市技能大赛获奖45项。\n"
)


def attributions(text: str, **meta):
    facts = extract_facts(text)
    return facts, attribute_facts(text, [number_position(f.char_start, f.quote, f.number_text) for f in facts], **meta)


def entities_of(text: str, **meta) -> set[Entity]:
    """The entities the text's facts are attributed to."""
    return {a.entity for a in attributions(text, **meta)[1]}


def entity_by_number(text: str, **meta) -> dict[str, Entity]:
    """Each fact's entity, by the number as the text writes it."""
    facts, attrs = attributions(text, **meta)
    return {f.number_text: a.entity for f, a in zip(facts, attrs, strict=True)}


def test_a_bureau_summary_credits_each_college_its_own_numbers_and_the_city_its_totals():
    facts, attrs = attributions(BUREAU, institution=None, publisher="青岛市教育局", title=None, year=2024)
    got = {f.value: (a.entity.name, a.entity.level, a.period.start) for f, a in zip(facts, attrs, strict=True)}
    assert got == {
        120: ("青岛市", "city", 2023),
        12: ("青岛职业技术学院", "institution", 2023),
        30: ("青岛酒店管理职业技术学院", "institution", 2023),
        45: ("青岛市", "city", 2023),
    }


def test_a_college_press_release_keeps_its_college_for_sentences_that_name_nobody():
    text = "淮海装备职院深化产教融合\n淮海装备职业技术学院与企业共建产业学院3个。学院开展社会培训2.3万人日。"
    assert entities_of(text, institution="淮海装备职业技术学院", publisher=None, title=None, year=2024) == {
        Entity("淮海装备职业技术学院", "institution")
    }


def test_partners_and_titles_are_not_the_subject():
    found = [e for _, e in mentions("学院与清华大学合作，入选首批国家示范职业学校。", [])]
    assert Entity("清华大学", "institution") not in found
    assert all("示范" not in (e.name or "") for e in found)


def test_a_national_report_is_national_and_event_names_are_not():
    assert [e for _, e in mentions("全国共有职业学校1.12万所。", [])] == [Entity("中国", "national")]
    assert mentions("获全国职业院校技能大赛一等奖2项。", []) == []


def test_periods_stated_or_the_reports_year():
    assert (period_of("2023年，学校", 2024).start, period_of("2023年，学校", 2024).source) == (2023, "text")
    p = period_of("2022-2023学年，", 2024)
    assert (p.start, p.end) == (2022, 2023)
    p = period_of("近三年来，学院", 2024)
    assert (p.start, p.end, p.source) == (2022, 2024, "text")
    # a span that would open before 1900 (65年来 against a report dated 1951, its founding year): the
    # report's period, not 1887-1951, which the facts table's contract refuses
    p = period_of("65年来,培养了近5万名毕业生", 1951)
    assert p.start >= 1900 and p.source == "report"
    p = period_of("2021年以来，", 2024)
    assert (p.start, p.end) == (2021, 2024)
    assert period_of("2023届毕业生", 2024).start == 2023
    p = period_of("学院开展培训", 2024)
    assert (p.start, p.end, p.source) == (2024, 2024, "report")
    # an English page's years, after a word that dates them; a count of 2000 is no year
    assert period_of("There were 52 institutions offering courses in 2021. A total of ", 2024).start == 2021
    assert period_of("As of 2015, all regions had ", None).start == 2015
    assert period_of("The college trained 2000 students and ", 2024).source == "report"
    assert period_of("学院开展培训", None).source == "unknown"


def test_words_without_a_sign_of_a_year_are_not_converted_to_look_for_one():
    """_stated skips the conversion to Simplified where the raw words hold no YEAR_SIGN: exact only
    while no word of the conversion table turns into a digit, 年 or 五 unless it holds one (or is 秊)."""
    from pipelines.extract.attribution import YEAR_SIGN, _stated
    from pipelines.extract.simplify import _table

    sign = re.compile(r"[\d年五]")  # what period_of's patterns read
    turned = sorted(w for w, v in _table().words.items() if sign.search(v) and not sign.search(w))
    assert turned == ["秊"] and all(YEAR_SIGN.search(w) for w in turned)
    report = Period(2024, 2024, "report")
    assert _stated("近三秊來，學院", 2024, report, False) == Period(2022, 2024, "text")
    assert _stated("學院開展培訓", 2024, report, False) == report
    assert _stated("十四五期間，", 2024, report, False).start == 2021


def test_facts_of_one_sentence_share_the_year_their_paragraph_states():
    text = "2021年，学院深化校企合作。学院新增订单班12个，合作企业45家，开发课程30门。"
    _, attrs = attributions(text, institution="某职业学院", publisher=None, title=None, year=2024)
    assert [a.period.start for a in attrs] == [2021, 2021, 2021]
    # 近三年 in the paragraph is its own sentence's range, not the next sentence's period
    text = "近三年来学院发展迅速。学院新增订单班12个，合作企业45家。"
    _, attrs = attributions(text, institution="某职业学院", publisher=None, title=None, year=2024)
    assert [(a.period.start, a.period.source) for a in attrs] == [(2024, "report"), (2024, "report")]


def test_a_count_of_schools_is_no_name_and_a_list_of_names_no_subject():
    from pipelines.extract.attribution import subject_institution

    # 共有, 现有, 拥有 and 报考 are verbs: the kind of school after them is no school
    assert subject_institution("驻马店市共有中等职业学校13所。驻马店市共有中等职业学校。", None) == (None, 0)
    assert subject_institution("全省现有高中阶段学校500所，考生报考高中阶段学校。", None) == (None, 0)
    assert subject_institution("新区拥有温州东方职业技术学院，在校生1万人。", None) == ("温州东方职业技术学院", 1)
    # a list of institutions each named once is about none of them (the longest is not the subject)
    listed = "获得支持的学校是：福州职业技术学院、黎明职业大学、福建船政交通职业学院、福建水利电力职业技术学院。"
    assert subject_institution(listed, None) == (None, 0)
    assert subject_institution(listed + "福州职业技术学院获1000万元。", None) == ("福州职业技术学院", 2)


def test_a_tables_column_of_school_owned_space_is_no_school_speaking():
    from pipelines.extract.attribution import speaks_as_an_institution

    assert not speaks_as_an_institution("中等职业学校校舍情况\n\n学校产权建筑面积\n\n其中:危房\n总计 71427731 581720\n")
    assert not speaks_as_an_institution("学校数\n12\n")
    assert speaks_as_an_institution("学校新增订单班12个。")


def test_counts_in_brackets_split_by_semicolons_are_the_names_before_the_bracket():
    text = (
        "金华职业技术大学(金奖:8项;银奖:13项)排名第一。"
        "深圳职业技术大学(金奖:7项;银奖:6项;铜奖:8项)和长春职业技术大学(金奖:5项;银奖:7项)分别排在第二和第三位。"
    )
    names = [a.entity.name for a in attributions(text, institution=None, publisher=None, title=None, year=2025)[1]]
    assert names == ["金华职业技术大学"] * 2 + ["深圳职业技术大学"] * 3 + ["长春职业技术大学"] * 2
    # a partner named after 与 or 和 with no counts of its own in brackets stays no actor
    text = "学院与长春职业技术大学合作，新增订单班12个。"
    _, attrs = attributions(text, institution="某职业学院", publisher=None, title=None, year=2025)
    assert attrs[0].entity.name != "长春职业技术大学"


def test_a_schools_own_news_that_names_it_nowhere_is_an_unnamed_schools():
    text = (
        "近日传来喜讯——我校2017届护士执业资格考试通过率再创新高，合格率为97.7%，远远领先全国56.2%的平均水平。"
        "全国护士执业资格考试分为两项。我校共有946名学生参考。"
    )
    levels = [a.entity for a in attributions(text, institution=None, publisher=None, title=None, year=2017)[1]]
    assert levels[0] == Entity(None, "institution") and levels[-1] == Entity(None, "institution")


def test_the_headline_names_whom_the_report_is_about():
    text = "学院与清华大学合作。清华大学专家指导。学院新增订单班12个。"
    _, attrs = attributions(text, institution=None, publisher=None, title="重庆三峡职业学院深化产教融合", year=2024)
    assert attrs[0].entity == Entity("重庆三峡职业学院", "institution")


def test_a_headline_school_whose_name_opens_with_its_province_is_the_school_not_the_province():
    """四川核工业技术学校 ends in no college's word, but the text names it most: the 四川 inside its name
    in the headline is no province the report is about. A generic 新疆职高学校 names no school."""
    text = "四川核工业技术学校是中等职业学校。建校以来,四川核工业技术学校累计输送超万名技术骨干。"
    _, attrs = attributions(text, institution=None, publisher=None, title="四川核工业技术学校简介", year=2024)
    assert attrs[0].entity == Entity("四川核工业技术学校", "institution")
    assert not_a_name("新疆维吾尔自治区职高学校") and not_a_name("河南省内专科学校")


def test_a_school_named_once_as_the_first_words_of_a_report_is_its_subject():
    text = "核工业成都机电学校作为重要的职业教育基地,秋季招生规模同比增长12%。订单班占比首次突破30%。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2023)
    assert {a.entity for a in attrs} == {Entity("核工业成都机电学校", "institution")}


def test_a_name_split_by_pinyin_glosses_is_found_where_it_stands():
    text = "據悉，重慶三峽職業(yè)學(xué)院新增訂單班12個。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2024)
    assert attrs[0].entity == Entity("重庆三峡职业学院", "institution")


def test_a_report_that_names_no_one_and_speaks_as_no_school_is_national():
    text = "高职毕业生半年后就业率为91.5%，月收入为4812元。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2015)
    assert attrs[0].entity == Entity("中国", "national")
    assert not [e for _, e in mentions("佛山五区中职学校共26所。", []) if e.name == "佛山五区"]


def test_an_unnamed_schools_report_on_its_graduating_class_is_an_institutions():
    text = "2022 届毕业生就业人数共3537人，其中各类企业就业的比例为40.93%。\n2022届毕业生就业行业主要集中在教育行业。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2022)
    assert {a.entity for a in attrs} == {Entity(None, "institution")}
    # a survey of many schools' graduates is national
    survey = "2013届大学毕业生对母校的总体满意度为86%。2013届毕业生对母校教学的满意度为83%。"
    _, attrs = attributions(survey, institution=None, publisher=None, title=None, year=2014)
    assert {a.entity for a in attrs} == {Entity("中国", "national")}


def test_facts_take_the_full_name_of_a_short_name_the_text_defines():
    text = "开江县职业教育中心(以下简称“开江职教中心”)作为县级职业教育机构的代表。开江职教中心与12家企业共建实训基地。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2024)
    assert attrs[-1].entity == Entity("开江县职业教育中心", "institution")


def test_a_college_that_opens_the_report_is_its_subject_though_named_once():
    text = (
        "2022年,威海职业学院以习近平新时代中国特色社会主义思想为指导,贯彻全国职业教育大会精神。全年新增合作企业45家。"
    )
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2022)
    assert attrs[-1].entity == Entity("威海职业学院", "institution")
    # a school named in passing further on is not
    later = "全国职业教育大会精神得到贯彻。各地新增合作企业45家，其中包括与威海职业学院合作的企业。"
    _, attrs = attributions(later, institution=None, publisher=None, title=None, year=2022)
    assert attrs[0].entity != Entity("威海职业学院", "institution")


def test_a_consortiums_members_are_the_consortiums():
    text = "眉山市新能源新材料市域产教联合体是我校牵头申报的联合体,成员单位包括10所中职学校、55家企业。"
    assert mentions(text, [])[0][1] == Entity("眉山市新能源新材料市域产教联合体", "group")
    assert not [e for _, e in mentions("内蒙古共有3个市域产教联合体。", []) if e.level == "group"]


def test_a_baseline_year_and_a_hong_kong_school_year():
    p = period_of("修读学员25,710人次，较2013年", 2014)
    assert (p.start, p.source) == (2014, "report")  # 较2013年 is what the number is compared with
    p = period_of("2008年至2019年，累计获奖", 2024)
    assert (p.start, p.end, p.source) == (2008, 2019, "text")
    p = period_of("2022/23学年入读", 2023)
    assert (p.start, p.end, p.source) == (2022, 2023, "text")


def test_where_a_sentence_says_nothing_the_title_then_the_text_give_the_period():
    text = "全市中职学校开办61个专业。"
    _, attrs = attributions(
        text, institution=None, publisher=None, title="2017年佛山市中等职业教育质量年度报告", year=2018
    )
    assert (attrs[0].period.start, attrs[0].period.end, attrs[0].period.source) == (2017, 2017, "report")
    text = "2021届毕业生就业率为95%。\n学院现有专业38个。\n到2035年建成一流院校。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert (attrs[-1].period.start, attrs[-1].period.source) == (2021, "report")  # the latest past year named
    text = "There were 52 institutions offering vocational training courses in 2021.\nA total of 1,436 courses."
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert (attrs[-1].period.start, attrs[-1].period.source) == (2021, "report")  # in English too
    text = "截至2023年,全国中职学校超1.1万所。\n在校生约1300万人。\n到2030年建成一流院校。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert (attrs[-1].period.start, attrs[-1].period.source) == (2023, "report")  # as of a year: past


def test_a_table_row_labelled_by_a_bare_year_is_that_years():
    text = "2019-2023年间中央财政累计投入87.6亿元。\n年份 | 经费(亿元) | 院校(所) |\n---|---|---|\n2019 | 12.8 | 412 |\n2020 | 15.6 | 536 |\n"
    facts, attrs = attributions(text, institution=None, publisher=None, title=None, year=2024)
    got = {f.number_text: (a.period.start, a.period.end) for f, a in zip(facts, attrs, strict=True)}
    assert got == {
        "87.6": (2019, 2023),
        "12.8": (2019, 2019),
        "412": (2019, 2019),
        "15.6": (2020, 2020),
        "536": (2020, 2020),
    }


def test_a_long_sentence_costs_a_bounded_read_per_fact(monkeypatch):
    """Linear on hostile input: a sentence is read once, and one of 2,000 facts (narrowed by
    Doc to the part around each fact) costs each fact at most a bounded window."""
    import pipelines.extract.attribution as attribution
    from pipelines.extract.doc import MAX_SPAN

    calls = []
    real = attribution.mentions
    monkeypatch.setattr(attribution, "mentions", lambda s, *rest: calls.append(len(s)) or real(s, *rest))
    text = "青岛职业技术学院" + "，新增订单班12个" * 2000 + "。"
    facts = extract_facts(text)
    attrs = attribution.attribute(
        text, [number_position(f.char_start, f.quote, f.number_text) for f in facts], Entity(None, "institution"), []
    )
    assert len(facts) == 2000 and len(calls) <= len(facts) and max(calls) <= MAX_SPAN + 1
    # a name far back in a narrowed sentence is out of reach: those facts keep the report's own
    assert {a.name for a in attrs} <= {"青岛职业技术学院", None}


def test_a_report_on_a_places_schools_that_names_no_school_is_that_places():
    text = "唐山市技工学校共16所。唐山市技工学校今年招生6038人。渠道多样，学校推荐为主。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2010)
    assert attrs[0].entity == Entity("唐山市", "city")
    listing = "入选院校中江苏6所，浙江5所，广东4所。高职院校毕业生就业率为92%。"
    _, attrs = attributions(listing, institution=None, publisher=None, title=None, year=2018)
    assert attrs[-1].entity == Entity("中国", "national")  # a list of provinces is about no one of them


def test_a_text_that_opens_with_its_school_speaks_as_that_school():
    text = "学校2022届毕业生去向落实率为97.42%。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2022)
    assert attrs[0].entity.level == "institution"


def test_the_metadata_name_loses_the_words_around_it_and_a_generic_one_is_no_name():
    from pipelines.extract.attribution import own_name, proper_name

    assert own_name("上午走進天津輕工職業技術學院") == "天津轻工职业技术学院"
    assert own_name("中等职业学校") is None
    assert own_name("全市技工学校") is None
    assert proper_name("万名大学") is None


def test_a_scope_that_opens_the_report_counts_twice():
    text = "2012年，全国中职毕业生就业率为96.85%。渠道多样，学校推荐为主。学校推荐占47%。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2012)
    assert {a.entity for a in attrs} == {Entity("中国", "national")}


def test_taiwans_years_a_five_year_plan_and_the_past_n_years():
    p = period_of("今年第七届专班(111学年度)招收", 2022)
    assert (p.start, p.end, p.source) == (2022, 2023, "text")  # 民国 111 is 2022
    assert period_of("民國104年共開設", None).start == 2015
    assert period_of("104年共開設15班", None, taiwan=True).start == 2015
    assert period_of("104年共開設15班", 2024).start == 2024  # only a Taiwanese report counts from 民国
    assert period_of("建校104年，学校", 2024, taiwan=True).start == 2024  # an age, not a year
    p = period_of("“十三五”期间，全国累计", 2021)
    assert (p.start, p.end, p.source) == (2016, 2020, "text")
    p = period_of("过去5年我省累计", 2017)
    assert (p.start, p.end, p.source) == (2013, 2017, "text")


def test_a_taiwanese_report_without_a_date_is_dated_by_its_roc_years():
    text = "（中央社記者台北30日電）104年共開設15班產學攜手專班、培育超過600名人才。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert {(a.period.start, a.period.end) for a in attrs} == {(2015, 2015)}


def test_an_undated_report_is_dated_by_an_academic_year_in_traditional_characters_or_an_roc_year():
    """學年度, 屆 (Traditional) date an undated report as 学年度 does; 113學年 without 度 and a
    two-digit 97年度 are ROC years too, in a Taiwanese report."""
    text = "105學年度全國技能檢定成績公佈,台東縣私立公東高工共有141位學生考取乙級技術士證照144張。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert {a.period.start for a in attrs} == {2016}
    text = "（中央社記者台北30日電）甄選錄取率94.3%，比113學年略降。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert {a.period.start for a in attrs} == {2024}
    text = "桃園縣政府表示，97年度共辦理54個職業訓練班。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert {a.period.start for a in attrs} == {2008}
    _, attrs = attributions("學校97年度共辦理54個班。", institution=None, publisher=None, title=None, year=None)
    assert {a.period.start for a in attrs} == {None}  # not a Taiwanese report: no ROC year


def test_a_local_papers_city_is_what_its_we_city_means():
    from pipelines.extract.attribution import home_places

    assert home_places("菏泽日报") == {"city": "菏泽市"}
    assert home_places("宁化县融媒体中心") == {"city": "宁化县"}
    assert home_places("河南日报") == {"province": "河南省"}
    assert home_places("中国青年报") == {} and home_places("人民日报") == {} and home_places(None) == {}
    assert home_places("新华日报") == {} and home_places("南方日报") == {}  # provincial papers named otherwise
    text = "巨野县职业教育中心学生正在实训。截至2014年底，全市共有职业学校15所。"
    facts, attrs = attributions(text, institution=None, publisher="菏泽日报", title=None, year=2015)
    assert [(f.value, a.entity) for f, a in zip(facts, attrs, strict=True)] == [(15, Entity("菏泽市", "city"))]


def test_a_taiwanese_report_on_the_whole_island_names_it_as_the_corpus_does():
    text = "（中央社記者台北30日電）全國技專校院共有130組隊伍入圍。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2025)
    assert {a.entity for a in attrs} == {Entity("台湾地区", "province")}


def test_taiwans_own_bodies_and_word_for_tvet_say_the_report_is_taiwanese():
    text = "行政院會後記者會：優化技職校院實作環境計畫補助255校。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2020)
    assert {a.entity for a in attrs} == {Entity("台湾地区", "province")}


def test_a_verb_before_a_school_is_no_part_of_its_name():
    from pipelines.extract.attribution import proper_name, subject_institution

    assert subject_institution("导师有项目，才能带学生进学院。" * 2, None) == (None, 0)
    assert proper_name("协助学校") is None and proper_name("补助学校") is None
    assert proper_name("上海市教师进修学院") == "上海市教师进修学院"  # 进 only before the school word


def test_a_place_alone_in_a_cell_labels_its_row_in_a_report_on_places_not_in_a_schools():
    county = "| 分县职业高中情况 | | 县(市、区)名称 | 学校数 (所) | 在校学生数 (人) |\n| 瑞安市 | 5 | 11552 |\n| 龙湾区 | 1 | 1838 |\n"
    facts, attrs = attributions(county, institution=None, publisher="温州市统计局", title=None, year=2018)
    got = {f.normalized_value: a.entity.name for f, a in zip(facts, attrs, strict=True)}
    assert got == {5: "瑞安市", 11552: "瑞安市", 1: "龙湾区", 1838: "龙湾区"}  # 龙湾区 is no bay area (大湾区)
    school = "我校毕业生就业地域分布如下。\n| 就业地域 | 人数 | 占比 |\n| 重庆市 | 107 | 4.58% |\n"
    _, attrs = attributions(school, institution="重庆工程职业技术学院", publisher=None, title=None, year=2023)
    assert {a.entity.name for a in attrs} == {"重庆工程职业技术学院"}  # where its graduates went


def test_a_place_cell_after_a_schools_name_is_its_column_not_the_rows_label():
    ranking = (
        "我国卫生职业院校承担着培养基层医疗人才的重要使命。\n全国高职高专类卫生院校综合实力TOP10\n"
        "| 排名 | 校名 | 所属地区 | 通过率 | 三甲医院合作数量 |\n| 1 | 天津医学高等专科学校 | 天津 | 98.7% | 23家 |\n"
        "| 2 | 重庆医药高等专科学校 | 重庆 | 96.5% | 18家 |\n| 3 | 安徽医学高等专科学校 | 安徽 | 95.2% | 15家 |\n"
    )
    facts, attrs = attributions(ranking, institution=None, publisher=None, title=None, year=2025)
    got = {f.normalized_value: a.entity.name for f, a in zip(facts, attrs, strict=True)}
    assert got[98.7] == got[23] == "天津医学高等专科学校" and got[96.5] == got[18] == "重庆医药高等专科学校"


def test_a_local_governments_page_that_names_no_place_is_its_places():
    text = "我市百万农民培育行动成效显著。截至11月底，培训学员446人。"
    _, attrs = attributions(
        text, institution=None, publisher="三明市人民政府", title="我市百万农民培育行动成效显著", year=2021
    )
    assert {a.entity for a in attrs} == {Entity("三明市", "city")}


def test_a_county_with_a_one_character_name_is_a_place():
    assert [e for _, e in mentions("郧县共培养技能人才10万余人。", [])] == [Entity("郧县", "city")]
    assert not [e for _, e in mentions("全县共培养技能人才10万余人。", []) if e.name]  # 全县 names none


def test_related_or_some_schools_are_no_name():
    assert not [e for _, e in mentions("学生赴宁波市相关职业学校实习。", []) if e.level == "institution"]


def test_an_autonomous_prefecture_is_a_place_and_what_a_figure_leaves_out_is_not_its_subject():
    assert [e for _, e in mentions("楚雄彝族自治州共有中职学校25所。", [])] == [Entity("楚雄彝族自治州", "city")]
    # (不包括神木市): the figure is not the excluded city's
    assert not [e for _, e in mentions("全市(不包括神木市)中职学校19所。", []) if e.name == "括神木市"]


def test_a_kind_of_school_after_a_verb_is_no_name_and_a_verb_is_no_part_of_a_place():
    assert not [e for _, e in mentions("利用城市职业学校培训农民工300万人次。", []) if e.level == "institution"]
    assert not [e for _, e in mentions("建设池州市技工学校二期工程，投资2000万元。", []) if e.name == "设池州市"]


def test_a_school_named_after_its_county_and_kind_is_a_name_and_its_own_report():
    """德州信息工程中等专业学校 and 兴义市中等职业学校 end in words that also lead or join a clause
    (学校, 等): the name is kept whole, and a title that names it makes the report its."""
    _, attrs = attributions(
        "学校目前开设10个专业，共有55个教学班。",
        institution=None,
        publisher=None,
        title="2017德州信息工程中等专业学校质量年度报告",
        year=2017,
    )
    assert {a.entity for a in attrs} == {Entity("德州信息工程中等专业学校", "institution")}
    _, attrs = attributions(
        "兴义市中等职业学校开设10个专业。学校共有55个教学班。", institution=None, publisher=None, title=None
    )
    assert {a.entity for a in attrs} == {Entity("兴义市中等职业学校", "institution")}


def test_a_province_and_a_kind_of_school_is_the_provinces_schools_not_a_name():
    facts, attrs = attributions(
        "贵州省中等职业学校毕业生就业率达95%，对口就业率达80%。",
        institution="贵州省中等职业学校",
        publisher=None,
        title="各专业大类就业情况(贵州省中等职业学校)",
    )
    assert {a.entity for a in attrs} == {Entity("贵州省", "province")}


def test_a_colleges_own_site_is_the_report_of_the_college_it_is_named_after():
    _, attrs = attributions(
        "学校代表队获一等奖3项、二等奖5项。", institution=None, publisher="无锡城市职业技术学院", title=None
    )
    assert {a.entity for a in attrs} == {Entity("无锡城市职业技术学院", "institution")}


def test_an_autonomous_prefecture_by_its_short_name_is_the_prefecture_in_full():
    _, attrs = attributions(
        "全州共有中等职业学校12所，在校生3.2万人。",
        institution=None,
        publisher="楚雄州教育体育局",
        title="楚雄州2020年中等职业教育年度质量报告",
    )
    assert {a.entity for a in attrs} == {Entity("楚雄彝族自治州", "city")}


def test_a_clause_on_schools_in_general_is_no_name():
    assert not [e for _, e in mentions("2023年我国共有职业学校1.1万所。", []) if e.level == "institution"]
    assert not [e for _, e in mentions("专科层次职业学校毕业生占比过半。", []) if e.level == "institution"]


def test_the_whole_region_of_an_autonomous_region_is_a_province_and_a_zone_is_no_place():
    """全区 in a report on 广西 or 宁夏 is the region (a province's level), not a district; a
    先行区 (a policy zone) is no place."""
    _, attrs = attributions(
        "广西壮族自治区人社厅发布数据。全区技工院校共有在校生30万人。全区为自治区高质量发展先行区建设培养技能人才6万人以上。",
        institution=None,
        publisher=None,
        title=None,
    )
    assert {a.entity for a in attrs} == {Entity("广西壮族自治区", "province")}
    _, attrs = attributions(
        "海淀区教委通报。全区中职学校共有在校生1.2万人。", institution=None, publisher=None, title=None
    )
    assert {a.entity.level for a in attrs} == {"city"}


def test_a_universitys_office_speaks_for_the_university():
    for publisher, school in (
        ("河北农业大学科学技术研究院", "河北农业大学"),
        ("广东技术师范学院党委宣传部", "广东技术师范学院"),
        ("合肥工业大学", "合肥工业大学"),
    ):
        _, attrs = attributions("我校今年签订横向合同32项。", institution=None, publisher=publisher, title=None)
        assert attrs[0].entity == Entity(school, "institution"), publisher


def test_words_before_a_name_a_units_tail_an_events_edition_and_a_footer_are_no_name():
    from pipelines.extract.attribution import proper_name, subject_institution
    from pipelines.ingest.metadata import find_institution

    assert find_institution("报告深入挖掘了金华职业技术学院的案例。")[0] == "金华职业技术学院"
    assert find_institution("这是台湾科技大学的成果。")[0] == "台湾科技大学"
    assert proper_name("万元居学校") is None  # 油工学院以8980万元居学校首位
    assert proper_name("河源市第十七届中等职业学校") is None  # …学生技能大赛
    assert proper_name("关注学院") is None  # 关注学院公众号
    assert proper_name("社区学校") is None
    assert proper_name("县级职教中心") is None  # a county's centre, whichever county
    park = "建立区校共建共享共管大学科创园等7个平台。"
    assert subject_institution(park * 2, None) == (None, 0)  # a university's science park


def test_hong_kong_and_macau_public_bodies_are_the_institutions_of_their_reports():
    text = "為協助青年就業，勞工處推行展翅青見計劃，學員由8095人減至4694人。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None)
    assert {a.entity for a in attrs} == {Entity("香港特别行政区劳工处", "institution")}
    macau = "本澳勞工局推出帶津培訓計劃，共有320人報名。"
    _, attrs = attributions(macau, institution=None, publisher=None, title=None)
    assert attrs[0].entity == Entity("澳门特别行政区劳工事务局", "institution")
    taipei = "臺北市勞工局開辦職業訓練課程，共有320人報名。"  # a Taiwanese city's bureau is none of them
    _, attrs = attributions(taipei, institution=None, publisher=None, title=None)
    assert attrs[0].entity.name != "澳门特别行政区劳工事务局"
    # an English page whose publisher line names the body (香港职业训练局): the body, not Hong Kong
    english = "The E&L Scheme offers 1,200 places per year to trainees."
    _, attrs = attributions(english, institution=None, publisher="香港职业训练局", title=None)
    assert attrs[0].entity == Entity("香港职业训练局", "institution")
    english = "In Hong Kong, the Vocational Training Council trained 5,000 apprentices."
    _, attrs = attributions(english, institution=None, publisher=None, title=None)
    assert attrs[0].entity == Entity("香港职业训练局", "institution")


def test_a_headlines_dateline_city_is_the_reports_subject_not_its_province():
    text = "今年以来，黄山市围绕培育新型职业农民，全市共培训农民3200人。"
    _, attrs = attributions(text, institution=None, publisher=None, title="安徽黄山：实施民生工程 培育职业农民")
    assert attrs[0].entity == Entity("黄山市", "city")
    # a dateline city the text never names as a city stays with the province the headline names
    _, attrs = attributions("全省共培训农民3200人。", institution=None, publisher=None, title="安徽黄山：培育职业农民")
    assert attrs[0].entity == Entity("安徽省", "province")


def test_a_college_named_as_an_example_is_named():
    # 如 / 例如 before a name is no part of it (如深圳技师学院), but 如皋 and 如东 are places
    said = "部分专业如深圳技师学院工业机器人应用与维护等，企业需提前一年预定毕业生。"
    assert [e for _, e in mentions(said, [])] == [Entity("深圳技师学院", "institution")]
    said = "例如江苏省如皋中等专业学校开设了订单班。"
    assert [e for _, e in mentions(said, [])] == [Entity("江苏省如皋中等专业学校", "institution")]


def test_a_cell_per_line_tables_caption_states_the_year_of_its_cells_unless_its_columns_do():
    cells = "\n\n".join(["招生人数", "(万人)", "研究生教育", "4.0", "中等职业教育", "23.0"])
    text = "2023年各级学校招生人数\n\n" + cells
    facts, attrs = attributions(text, institution=None, publisher=None, title=None, year=2024)
    assert [(f.normalized_value, a.period.start, a.period.source) for f, a in zip(facts, attrs, strict=True)] == [
        (40_000, 2023, "text"),
        (230_000, 2023, "text"),
    ]
    # a header cell names a year: the caption's range is not every cell's
    text = "表4 学院2021-2022年招生情况一览表\n\n2022学年\n\n" + cells
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2024)
    assert [a.period.start for a in attrs] == [2024, 2024]
    text = "表4 学院2021-2022年招生情况一览表\n\n项目\n\n2021\n\n2022\n\n录取数\n\n普通高考\n\n1491"
    report = Period(2024, 2024, "report")
    assert caption_period(text, len(text) - 2, 2024, report, False) is None  # bare years head the columns
    text = text.replace("2021\n\n2022", "人数")
    assert caption_period(text, len(text) - 2, 2024, report, False) == Period(2021, 2022, "text")
    # a sentence before the table is no caption (…如下表所示。)
    text = "2023年毕业生出路以就业为主(如下表所示)。\n\n" + cells
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2024)
    assert [a.period.start for a in attrs] == [2024, 2024]


def test_an_undated_report_takes_the_latest_year_an_event_title_opens_with():
    text = "學生獲獎包括『2024馬來西亞世界廚師國際大賽』1特金8金，培訓學生120人。"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=None)
    assert (attrs[-1].period.start, attrs[-1].period.source) == (2024, "report")


def test_a_long_cell_per_line_table_walks_its_lines_once(monkeypatch):
    """Linear: the cells of a table share their walks back to the caption."""
    import pipelines.extract.attribution as attribution

    calls = []
    real = attribution.period_of
    monkeypatch.setattr(attribution, "period_of", lambda s, *a, **k: calls.append(len(s)) or real(s, *a, **k))
    rows = "\n\n".join(f"第{i}组\n\n{i % 90 + 1}.5" for i in range(2000))
    text = "2023年各级学校招生人数统计\n\n招生人数\n\n(万人)\n\n" + rows
    starts = [text.index(f"\n{i % 90 + 1}.5", text.index(f"第{i}组")) + 1 for i in range(2000)]
    periods = [p.period for p in attribute_facts(text, starts, None, None, None, 2024)]
    assert {(p.start, p.source) for p in periods} == {(2023, "text")}
    assert len(calls) <= 12 * len(starts)  # a bounded number of reads per fact, not one per line walked


def test_a_university_is_named_before_its_own_count_or_by_its_province():
    said = "其中，北京理工大学17个、哈尔滨工业大学22个。"
    assert [e for _, e in mentions(said, [])] == [
        Entity("北京理工大学", "institution"),
        Entity("哈尔滨工业大学", "institution"),
    ]
    assert [e for _, e in mentions("四川大学举办招聘会。", [])] == [Entity("四川大学", "institution")]
    # phrases that end in 大学 and name none, a count of universities of a kind, students
    for said in ("各地争建世界一流大学5所。", "全省设立社区大学36所。", "大学生3000人参加。"):
        assert not [e for _, e in mentions(said, []) if e.level == "institution"], said


def test_kinds_of_school_and_verbs_before_them_are_no_names():
    for said in ("职业初中学校招生4.7万人。", "特殊学校21所。", "全省共有学校1200所。", "江苏省四星级职业学校12所。"):
        assert not [e for _, e in mentions(said, []) if e.level == "institution"], said
    text = "20-20 职业初中学校和学生情况\n总计 275所\n特殊学校 21所\n"
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2008)
    assert {a.entity.level for a in attrs} != {"institution"}


def test_a_headline_that_opens_with_a_national_ministry_is_national_news():
    text = "今天，教育部在四川省成都市电子科技大学举办交流推进会。\n来自全国的400余所高校参加。"
    _, attrs = attributions(
        text, institution=None, publisher=None, title="教育部举办供需对接就业育人项目交流推进会", year=2023
    )
    assert {a.entity for a in attrs} == {Entity("中国", "national")}
    # its departments are a place's (教育部门), the universities under a ministry a group of them
    from pipelines.extract.attribution import MINISTRY_LEAD

    assert MINISTRY_LEAD.match("人社部：上半年补贴性培训210万人次")
    assert not MINISTRY_LEAD.match("教育部门举办推进会")
    assert not MINISTRY_LEAD.match("工业和信息化部部属高校与安徽深化合作")


def test_a_taiwanese_report_about_one_city_is_that_citys():
    text = "臺中市政府教育局表示，台中市18校參加全國技能競賽，共獲39個金手獎。全國選手1200人參賽。"
    facts, attrs = attributions(text, institution=None, publisher=None, title=None, year=2025)
    got = {f.number_text: (a.entity.name, a.entity.level) for f, a in zip(facts, attrs, strict=True)}
    assert got["18"] == ("台中市", "city") and got["39"] == ("台中市", "city")
    assert got["1200"] == ("台湾地区", "province")  # 全國 in a Taiwanese report is Taiwan's
    # named twice (台中 alone counts), twice as often as any other, by the full name written most
    assert taiwanese_city("台中市政府表示，台中18校参赛") == Entity("台中市", "city")
    assert taiwanese_city("高雄市与台南市合办，高雄市、台南市各派") is None  # two cities alike
    assert taiwanese_city("桃园县职训中心开办，桃园县政府") == Entity("桃园县", "city")
    assert taiwanese_city("台中市政府") is None  # once


def test_a_citys_team_by_its_short_name_is_the_citys():
    text = "中山市中等专业学校承办比赛。中山市代表队共获4金。其中,中山代表队在集中赛项共获金牌3枚。"
    got = entity_by_number(text, institution=None, publisher=None, title=None, year=2024)
    assert got["3"] == Entity("中山市", "city")


def test_a_municipality_is_a_city_whether_named_or_speaking_as_itself():
    text = "2023年，上海市职业院校与企业共建实训基地120个。全市中职学校新增订单班45个。重庆市新增产业学院8个。"
    got = entity_by_number(text, institution=None, publisher="上海市教育委员会", title=None, year=2023)
    assert got["120"] == Entity("上海市", "city")
    assert got["45"].level == "city"
    assert got["8"] == Entity("重庆市", "city")
    # a province stays a province
    facts, attrs = attributions("2023年，江苏省职业院校共建实训基地120个。", institution=None, year=2023)
    assert attrs[0].entity == Entity("江苏省", "province")


def test_a_county_vocational_centre_and_a_taiwanese_spelling_take_their_full_form():
    text = "慈利县职教中心与企业共建实训基地12个。北京航空航太大學新增合作企业30家。"
    got = entity_by_number(text, institution=None, year=2023)
    assert got["12"] == Entity("慈利县职业教育中心", "institution")
    assert got["30"] == Entity("北京航空航天大学", "institution")
    got = entity_by_number("江苏交通运输职教集团成员单位已增至104家。", institution=None, year=2013)
    assert got["104"] == Entity("江苏交通运输职业教育集团", "group")


def test_a_count_after_a_list_of_names_and_deng_is_the_sets_not_a_names():
    text = (
        "山东省人社厅公布名单。认定济宁市技师学院等10个单位为国家级基地。"
        "青岛职业技术学院、烟台职业学院和威海职业学院等12所高校新增订单班。"
    )
    got = entity_by_number(
        text, institution=None, publisher="大众日报", title="山东省公布高技能人才培养载体", year=2020
    )
    assert got["10"] == Entity("山东省", "province")
    assert got["12"] == Entity("山东省", "province")


def test_an_english_page_about_one_province_is_that_provinces():
    text = (
        "Shandong's vocational education serves local industry. Shandong has 547 vocational schools "
        "with 2.744 million students. Zhejiang Junhong Industrial Machinery Co. hired 30 graduates."
    )
    assert entities_of(text, institution=None, year=2025) == {Entity("山东省", "province")}
    # a firm's name that opens with a province is no mention of it; a Chinese page is not read so
    from pipelines.extract.attribution import english_area

    assert english_area("Zhejiang Junhong Machinery and Zhejiang Huali Group signed with 3 schools.") is None
    assert english_area("山东省职业院校547所。" * 3 + "Shandong Shandong") is None


def test_a_provincial_government_sites_page_that_names_no_place_is_the_provinces():
    from pipelines.extract.attribution import site_province

    assert site_province("http://tjj.fujian.gov.cn/tjnj/2019/15-23.htm") == "福建省"
    assert site_province("https://jyt.nmg.gov.cn/a/1.html") == "内蒙古自治区"
    assert site_province("http://www.gzw.sh.gov.cn/x") == "上海市"
    assert site_province("http://hrss.wenzhou.gov.cn/x") is None  # a city's: no province said
    assert site_province("http://fujian.example.com/x") is None  # not a government site
    assert site_province(None) is None
    text = "职业技术培训机构基本情况(2018年)\n学校数(所) 注册学生数(人)\n总计 1020 233145\n"
    facts, attrs = attributions(text, institution=None, year=2019, url="http://tjj.fujian.gov.cn/tjnj/15-23.htm")
    assert facts and {a.entity for a in attrs} == {Entity("福建省", "province")}
    _, attrs = attributions(text, institution=None, year=2019)
    assert {a.entity.name for a in attrs} != {"福建省"}


def test_a_macau_page_about_macau_is_the_regions_and_one_spam_word_places_no_page():
    from pipelines.extract.attribution import sar_region

    text = "統計暨普查局資料顯示，在2018年舉辦職業培訓課程的機構有56間。本澳學員有68,686人次。"
    assert entities_of(text, institution=None, year=2018) == {Entity("澳门特别行政区", "province")}
    assert sar_region("澳门葡京娱乐 注册送彩金。职业学院新增合作企业12家。") is None


def test_taiwan_is_named_taiwan_region_and_a_report_about_one_taiwanese_county_is_its():
    county = "桃園縣政府職訓中心開辦失業者職訓班。桃園縣今年共開辦9班次，計240人受訓。臺灣就業通協助媒合。"
    assert entities_of(county, institution=None, year=2009) == {Entity("桃园县", "city")}
    wide = "臺灣技職教育推動計畫。臺灣選手在台北集訓，台灣共派出15名選手，台灣獲得5金。"
    assert entities_of(wide, institution=None, year=2022) == {Entity("台湾地区", "province")}


def test_a_word_for_ones_own_place_is_a_place_of_its_kind():
    # 全州 is a prefecture: not the county named last; 全市 finds the 市 the text names most
    text = "兰坪县职业中学开设专业8个。全州中等职业学校在校生3200人。"
    got = entity_by_number(text, institution=None, year=2008)
    assert got["3200"] == Entity(None, "city")
    text = "青岛市城阳区职业教育中心学校获一等奖3项。黄岛区职业中专获二等奖2项。全市共获奖牌45枚。"
    got = entity_by_number(text, institution=None, year=2015)
    assert got["45"] == Entity("青岛市", "city")


def test_a_report_whose_opening_names_one_place_and_nothing_else_is_that_places():
    text = "近几年来,如皋市在加强做好农民培训中创新了培训模式。累计培训农村劳动力35.49万人。"
    assert entities_of(text, institution=None, year=2012) == {Entity("如皋市", "city")}
    # a place inside a longer word, or beside a body, is no such opening
    text = "近日,安徽界首市教育局召开会议。累计培训农村劳动力3万人。"
    facts, attrs = attributions(text, institution=None, year=2012)
    assert {a.entity.name for a in attrs} != {"徽界首市"}


def test_a_report_its_opening_names_with_its_year_dates_the_facts_that_name_none():
    text = "6月11日，教育部发布《2024年全国教育事业发展统计公报》。\n\n" + "全国教育事业稳步发展。" * 30
    text += "\n\n全国共有各级各类学校49.83万所。"
    facts, attrs = attributions(text, institution=None, year=2025)
    assert [(a.period.start, a.period.source) for a in attrs] == [(2024, "report")]
    # a report's own year stands where its opening names no report
    facts, attrs = attributions("全国共有各级各类学校49.83万所。", institution=None, year=2025)
    assert [a.period.start for a in attrs] == [2025]


def test_a_founding_year_is_not_the_period_of_the_counts_after_it():
    """始建于1956年 dates the school's birth; what it has now is the report's year's."""
    assert period_of("包头轻工职业技术学院始建于1956年。经过60多年的建设，学校拥有", 2023).source == "report"
    assert period_of("学院创办于1984年，是全日制高职院校。建成", 2023).start == 2023
    assert period_of("學院成立於2005年，現有", 2023).source == "report"
    assert period_of("2019年学院新建", 2023).start == 2019  # a year of its own still dates
    text = "学院始建于1957年，是公办高职院校。\n学校现有在校生8000人，建有校外实训基地102个。"
    periods = {f.number_text: a.period for f, a in zip(*attributions(text, institution=None, year=2013), strict=True)}
    assert {p.start for p in periods.values()} == {2013}


def test_a_prose_line_broken_mid_sentence_keeps_its_years_for_the_next_line():
    """A page wrapped by its source (…对接山东十强、\\n日照十特产业集群，…): the year that opens the
    sentence on the line above dates the counts on the line below; a list's items do not borrow so."""
    wrapped = (
        "2025年1月，年度报告正式发布。\n"
        "2023年度，学校围绕制造强国、乡村振兴等战略部署，对接山东十强、\n"
        "日照十特产业集群，依托3个国家级创新平台，年实现技术服务到款额4000余万元。"
    )
    facts, attributed = attributions(wrapped, institution=None, year=2025)
    assert {f.number_text: a.period.start for f, a in zip(facts, attributed, strict=True)} == {
        "3": 2023,
        "4000余": 2023,
    }
    listed = (
        "2025年就业报告\n"
        "  • 南京铁道职业技术学院：长三角区域就业首选，2024年上海铁路局录用739人\n"
        "  • 武汉铁路职业技术学院：国家级实训基地，对口就业率91%\n"
    )
    facts, attributed = attributions(listed, institution=None, year=2025)
    assert {f.number_text: a.period.start for f, a in zip(facts, attributed, strict=True)}["91"] == 2025


def test_a_title_the_subject_has_or_wins_is_not_the_nations():
    """建有全国…基地1个, 获评全国…: the count is the school's; 获选为全国六所…之一 counts the nation's set."""
    assert [e for _, e in mentions("学校建有全国职业院校校长培训培育基地1个。", [])] == []
    assert [e for _, e in mentions("获评全国技术能手2名。", [])] == []
    assert [e for _, e in mentions("学校获选为全国六所典范科技大学之一。", [])] == [Entity("中国", "national")]
    assert [e for _, e in mentions("全国共有职业学校1.12万所。", [])] == [Entity("中国", "national")]


def test_a_title_or_prize_the_subject_bears_is_not_the_nations_nor_the_provinces():
    """全国技术能手1名, 全国铁道行业技术能手3人, 全国一等奖30项: the holder's; a prize after a verb
    (我市代表队斩获一等奖46个) leaves the place its subject."""
    assert [e for _, e in mentions("学院引进全国技术能手1名。", [])] == []
    assert [e for _, e in mentions("其中包含全国铁道行业技术能手3人。", [])] == []
    assert [e for _, e in mentions("至今已取得全国一等奖30项。", [])] == []
    assert [e for _, e in mentions("培育全省技术能手9名。", [])] == []
    assert [e.level for _, e in mentions("我市代表队斩获一等奖46个。", [])] == ["city"]
    assert [e for _, e in mentions("全国共有职业学校1.12万所。", [])] == [Entity("中国", "national")]


def test_a_verb_before_city_is_no_place():
    from pipelines.extract.attribution import _not_a_place

    assert _not_a_place("享受市") and _not_a_place("受市")  # 享受市人才津贴: the city's allowance
    assert not _not_a_place("雅安市")


def test_a_report_that_names_no_school_but_one_firm_again_and_again_is_that_firms():
    text = "今年，邯郸矿业集团云驾岭煤矿又有30多名职工取得技师资格。云驾岭煤矿开办培训班21期，培训职工760人次。"
    facts, attrs = attributions(text, institution=None, publisher=None, title=None, year=2017)
    assert facts and all(a.entity.level == "institution" and a.entity.name.endswith("云驾岭煤矿") for a in attrs)
    # a spam mirror's brand, or a kind of firm, is no report's firm
    from pipelines.extract.attribution import subject_firm

    assert subject_firm("永利集团欢迎您。永利集团。专家10位。", None) is None
    assert subject_firm("酒店集团旗下酒店。酒店集团拥有327间客房。", None) is None
    assert subject_firm("首钢集团举办竞赛。", None) is None  # named once: not yet the report's
    assert subject_firm("首钢集团举办竞赛。沙钢集团举办竞赛。首钢集团。沙钢集团。", None) is None  # a tie


def test_a_place_whose_name_opens_with_a_function_word_keeps_it():
    from pipelines.extract.attribution import proper_name

    assert proper_name("新疆和田职业技术学院") == "新疆和田职业技术学院"
    assert proper_name("与和田职业技术学院") == "和田职业技术学院"
    assert proper_name("广州从化职业技术学校") == "广州从化职业技术学校"
    assert proper_name("记者从江苏工程职业技术学院") == "江苏工程职业技术学院"
    assert proper_name("对外经济贸易大学") == "对外经济贸易大学"
    assert proper_name("于广州白云区江高镇广东省机械技师学院") == "广东省机械技师学院"  # an address before it


def test_a_run_of_words_ending_in_shi_is_a_city_only_if_the_gazetteer_knows_it():
    from pipelines.extract.attribution import CITIES, home_places, known_city

    assert len(CITIES) > 700 and all(c.endswith("市") for c in CITIES)
    assert {"石家庄市", "乌鲁木齐市", "彬州市", "新北市", "津市市"} <= CITIES
    assert known_city("据温州市教育局", "进温州市", 0) == ("温州市", 1)  # a word's end before it goes
    assert known_city("江西萍乡市", "西萍乡市", 1) == ("萍乡市", 2)
    assert known_city("乌鲁木齐市", "鲁木齐市", 1) == ("乌鲁木齐市", 0)  # PLACE's reach cut it
    for garbage in ("享受市", "要用于市", "调指导市", "贵州市", "直辖市", "湖南教育市"):
        assert known_city(garbage, garbage, 0) is None, garbage
    assert known_city("包括神木市", "括神木市", 1) is None  # one part of a whole, named as an example
    assert [e for _, e in mentions("要用于市职工培训补贴。", [])] == []
    assert [e for _, e in mentions("据温州市统计，", [])] == [Entity("温州市", "city")]
    assert home_places("环渤海新闻网") == {} and home_places("菏泽日报") == {"city": "菏泽市"}
    from pipelines.extract.attribution import _not_a_place

    for area in (
        "上海赛区",
        "分署辖区",
        "支援藏区",
        "县市区",
        "级贫困县",
        "西部某区",
        "虽然市区",
        "合示范县",
        "试点县",
    ):
        assert _not_a_place(area), area  # areas named by no name
    assert not _not_a_place("门头沟区") and not _not_a_place("府谷县")
    text = "互助县成功入选电子商务进农村综合示范县，建成村级服务点232个。"
    assert {e for _, e in mentions(text, [])} == {Entity("互助县", "city")}


def test_a_year_named_relative_to_a_dated_report_is_read_against_its_date():
    """去年 in a report dated 2008 is 2007; 比去年 is a comparison's baseline; the nearest word wins
    (去年来了二十多家，今年有八十多家); and a report with no date of its own reads no relative year."""
    text = "去年全国中等职业学校毕业生数为526.96万人，比去年增长5%。去年来了20多家企业，今年有80多家企业进场。"
    facts, attributed = attributions(text, institution=None, year=2008)
    got = {f.number_text: a.period.start for f, a in zip(facts, attributed, strict=True)}
    assert got["526.96万"] == 2007 and got["20多"] == 2007 and got["80多"] == 2008
    facts, attributed = attributions("去年全国毕业生数为526万人。", institution=None, year=None)
    assert [a.period.start for a in attributed] == [None]


def test_the_nation_in_a_national_bodys_name_is_no_mention_of_the_nation():
    said = "全国智能交通装备行业产教融合共同体成立，成员单位涵盖22个省份。"
    assert Entity("中国", "national") not in [e for _, e in mentions(said, [])]
    assert [e for _, e in mentions("全国共有职业学校1.12万所。", [])] == [Entity("中国", "national")]


def test_a_place_starts_after_the_word_before_it():
    from pipelines.extract.attribution import PLACE, _place_at

    def place(text):
        return _place_at(text, PLACE.search(text))[0]

    # 列 ends a verb and 西 ends 江西: neither opens the city
    assert place("获奖数量列杭州市首位") == "杭州市"
    assert place("江西萍乡市开展快递员培训") == "萍乡市"
    # a place of three characters keeps them all, and 在 before a place is dropped as before
    assert place("驻马店市共有合作企业120家") == "驻马店市"
    assert place("在潍坊市举办") == "潍坊市"


def test_the_one_school_named_as_the_speakers_partner_is_not_the_speaker():
    text = (
        "我校资源库项目通过验收。由我校和广州工程技术职业学院联合主持的资源库建成课程32门。"
        "项目联建院校19所，我校将继续推进。"
    )
    _, attrs = attributions(text, institution=None, publisher=None, title=None, year=2022)
    assert Entity("广州工程技术职业学院", "institution") not in {a.entity for a in attrs}
    assert Entity(None, "institution") in {a.entity for a in attrs}


def test_our_city_named_only_by_its_short_name_is_that_city():
    text = "我市普陀区沈家门成校入选全省学习之星。舟山蓉浦学院(舟山社区大学)的项目获评品牌项目。全市共有社区学校36所。"
    facts, attrs = attributions(text, institution=None, publisher=None, title=None, year=2021)
    assert [(f.value, a.entity) for f, a in zip(facts, attrs, strict=True)] == [(36, Entity("舟山市", "city"))]
    once = "我市全民终身学习活动周启动，高碑店第二幼儿园教师获奖。全市建成学习型社区12个。"
    facts, attrs = attributions(once, institution=None, publisher=None, title=None, year=2018)
    assert [a.entity for a in attrs] == [Entity("高碑店市", "city")]


def test_a_short_name_that_is_also_a_word_or_named_once_is_no_city():
    assert short_named_city("双方开展合作，合作企业达到20家。") is None  # 合作市 is a city too
    assert short_named_city("学生赴舟山实习。") is None  # a two-character name said once
    assert short_named_city("舟山市职业院校与舟山社区大学") is None  # named in full: PLACE counts it


def test_jianshe_after_a_province_is_a_sector_in_a_schools_name_not_a_verb():
    text = "自2010年以来，安徽建设学校与60多家企业签订订单培养协议。"
    facts, attrs = attributions(text, institution=None, publisher=None, title=None, year=2011)
    assert [a.entity for a in attrs] == [Entity("安徽建设学校", "institution")]
    assert [e for _, e in mentions("各地加快建设职业技术学院。", [])] == []  # the verb


def test_the_one_city_an_opening_names_behind_a_word_or_past_the_places_reach_is_the_reports():
    from pipelines.extract.attribution import _only_place_opening

    assert _only_place_opening("记者日前从新疆维吾尔自治区乌鲁木齐市有关部门获悉，该市免费培训4000人。") == Entity(
        "乌鲁木齐市", "city"
    )
    assert _only_place_opening("综合评述:石家庄市中级电工考试的通过率反映了该地区电工的水平。") == Entity(
        "石家庄市", "city"
    )
    # 政府 as a word (政府强力推动) names no government body the report could be
    text = "今年以来，扬中市成立领导小组，形成“政府强力推动、工会积极促动”的机制。"
    assert _only_place_opening(text) == Entity("扬中市", "city")
    assert _only_place_opening("扬中市人民政府召开会议。") is None  # a body the report may be
    assert _only_place_opening("要用于市职工培训补贴。") is None  # no city


def test_a_technical_school_named_by_its_short_suffix_is_the_reports_subject():
    """技校 (a technical school's usual short suffix) ends a school's name as 技工学校 does: a profile
    of 中江富民技校 that names no other school credits its numbers to it, not to the nation."""
    text = (
        "中江富民技校培训基地是区域职业技能教育的重要载体,自2018年建成以来,依托政企协同办学模式。"
        "基地占地约5.2万平方米,与本地42家企业建立深度合作,累计输送技术人才超6000人。"
        "中江富民技校还面向全国开展技能培训。"
    )
    assert {e.name for e in entities_of(text, institution=None, publisher=None, title=None, year=2024)} == {
        "中江富民技校"
    }


def test_an_english_statistics_tables_title_year_dates_its_cells():
    """20-20 Number of Secondary Vocational Schools (2011) at a report's opening: the cells below are
    of 2011; a range in the title (2006-2007) is the period's range."""
    text = "20-20 Number of Secondary Vocational Schools (2011)\n(unit)\nItem Total Central Local\n"
    text += "Secondary Vocational Schools 10169 30 7283\nAdult Specialized Secondary School 1614 4 1452\n"
    facts, found = attributions(text, institution=None)
    assert len(facts) == 6 and {(a.period.start, a.period.end) for a in found} == {(2011, 2011)}
    text = "Basic Statistics on Education (2006-2007)\n单位:人、所\nItem 2006 2007\n"
    assert period_of_opening(text) == (2006, 2007)


def period_of_opening(text: str) -> tuple[int | None, int | None]:
    from pipelines.extract.attribution import report_period

    p = report_period(None, text, None, 2026)
    return p.start, p.end


def test_an_english_yearbook_row_labelled_by_its_place_is_that_places():
    """| Jinan | 41 | 21023 |: a row of a table of places, labelled by a city's or a province's English
    name, gives its numbers to that place."""
    text = "Basic Statistics on Secondary Vocational Schools by Region (2015) | |||\n"
    text += "Region | Schools (unit) | New Enrollment (person) |\nTotal | 435 | 294033 |\n"
    text += "Jinan | 41 | 21023 |\nQingdao | 57 | 32215 |\nShandong | 435 | 294033 |\n"
    facts, found = attributions(text, institution=None)
    by_number = {f.number_text: a.entity for f, a in zip(facts, found, strict=True)}
    assert by_number["41"] == Entity("济南市", "city") and by_number["32215"] == Entity("青岛市", "city")


def test_a_tables_year_columns_date_its_cells():
    """项 目 Item 2020 2021 over rows that end in two values: each value is of its column's year; a
    row with another number of values, or a header past a sentence, dates nothing."""
    text = (
        "18-1 主要年份教育事业基本情况\n"
        "项   目   Item   2020 2021\n"
        "学校数           (所)   Number of Schools   (unit)   1764 1771\n"
        " 普通高等学校             Regular Institutions of Higher Education           82 83\n"
    )
    facts, found = attributions(text, institution=None, year=2022)
    assert [(f.number_text, a.period.start, a.period.end) for f, a in zip(facts, found, strict=True)] == [
        ("1764", 2020, 2020),
        ("1771", 2021, 2021),
        ("82", 2020, 2020),
        ("83", 2021, 2021),
    ]
    past_prose = "项 目 2020 2021\n学校一览。\n学校数 (所) 1764 1771\n普通高等学校 82 83\n"
    facts, found = attributions(past_prose, institution=None, year=2022)
    assert len(facts) == 4 and all(a.period.start != 2020 for a in found)


def test_a_period_never_ends_before_it_starts():
    """2020年以来 in a report dated 2016 (a mirror's wrong date) runs from 2020, not back to 2016; a range
    a typo writes backwards (2020—2016年) is the same years in order."""
    from pipelines.extract.attribution import period_of

    since = period_of("2020年以来,本市持续推进鲁班工坊建设,设立了", 2016)
    assert (since.start, since.end) == (2020, 2020)
    backwards = period_of("2020—2016年共培训", 2024)
    assert (backwards.start, backwards.end) == (2016, 2020)
