from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pipelines.ingest.metadata import find_institution, report_metadata, resolve_abbreviation

TEXT = """江陵市教育局

您当前的位置: 首页>工作动态

江陵职院扎实推动产教融合高质量发展

发布时间：2024年5月20日  来源：江陵职业技术学院

江陵职业技术学院与华中数控、湖北长江职业学院共建产业学院。江陵职院授权专利147项。
"""


def test_report_metadata():
    m = report_metadata(TEXT)
    assert m.title == "江陵职院扎实推动产教融合高质量发展"
    assert m.published == date(2024, 5, 20)
    assert m.publisher == "江陵职业技术学院"
    assert m.institution == "江陵职业技术学院"
    assert m.abbreviations == ("江陵职院",)


def test_abbreviation_resolution():
    assert resolve_abbreviation("重庆城市职院", ["重庆城市职业学院", "重庆工商职业学院"]) == "重庆城市职业学院"
    assert resolve_abbreviation("成都职大", ["重庆城市职业学院"]) is None


def test_partner_named_once_is_not_the_subject():
    name, _ = find_institution("与湖北长江职业学院合作。江陵职业技术学院开展培训。江陵职业技术学院授权专利。")
    assert name == "江陵职业技术学院"


def test_a_date_in_the_pages_address_dates_a_report_that_declares_none():
    from datetime import date

    from pipelines.ingest.metadata import date_in_url, published_date

    assert date_in_url("http://zqb.example.com/html/2014-11/14/nw.D110_20141114_10-06.htm") == date(2014, 11, 14)
    assert date_in_url("http://www.example.com/2023/0730/934822.html") == date(2023, 7, 30)
    assert date_in_url("http://www.moe.example.cn/jyb/202012/t20201208_504.html") == date(2020, 12, 8)
    assert date_in_url("http://example.com/d/1209295102020.html") is None  # digits of an id
    assert date_in_url("http://20201208.example.com/a") is None  # the host is no path
    assert date_in_url("http://example.com/2999/0101/a.html") is None  # never a future date
    assert published_date("2022-05-01", date(2021, 1, 1), "http://x.cn/2020/0101/a") == "2022-05-01"
    assert published_date(None, date(2021, 1, 1), "http://x.cn/2020/0101/a") == date(2021, 1, 1)
    assert published_date(None, None, "http://x.cn/2020/0101/a") == date(2020, 1, 1)


def test_a_short_name_the_text_defines_counts_for_its_full_name():
    from pipelines.ingest.metadata import defined_short_names

    text = (
        "开江县职业教育中心(以下简称“开江职教中心”)作为县级职业教育机构的代表。"
        "开江职教中心现开设12个骨干专业。开江职教中心与12家企业共建实训基地。"
    )
    assert defined_short_names(text) == {"开江职教中心": "开江县职业教育中心"}
    assert find_institution(text)[0] == "开江县职业教育中心"
    assert defined_short_names("江苏省交通技师学院(以下简称江苏交院)共派出7名选手。") == {
        "江苏交院": "江苏省交通技师学院"
    }
    assert defined_short_names("国务院印发《方案》(简称“职教20条”)。") == {}  # no institution's name before it


def test_institution_matches_are_the_patterns_own_matches_found_faster():
    """Scanning only the runs of Chinese characters that hold a suffix finds what scanning the
    whole text finds: on every real excerpt (Simplified and as written) and on edge cases."""
    from pipelines.extract.simplify import for_matching
    from pipelines.ingest.metadata import INSTITUTION, institution_matches

    real = Path(__file__).resolve().parents[2] / "samples" / "real"
    texts = [p.read_text(encoding="utf-8") for p in sorted((real / "inbox").glob("*.txt"))]
    texts += [for_matching(t) for t in texts]
    texts += ["青岛职业技术学院", "在青岛职业技术学院和烟台职业学院", "职业学院", "abc职业技术学院1", ""]
    from pipelines.extract import attribution as A
    from pipelines.ingest.metadata import run_matches

    patterns = [(A.SCHOOL, A._SCHOOL_HINT), (A.UNIVERSITY, A._UNIVERSITY_HINT), (A.GROUP, A._GROUP_HINT)]
    for t in texts:
        assert [m.span() for m in institution_matches(t)] == [m.span() for m in INSTITUTION.finditer(t)]
        for pattern, hint in patterns:
            assert [m.span() for m in run_matches(pattern, hint, t)] == [m.span() for m in pattern.finditer(t)]
    t = "甲乙丙丁青岛职业技术学院，戊己庚辛烟台职业学院"
    assert [m.group() for m in institution_matches(t, 5)] == [m.group() for m in INSTITUTION.finditer(t, 5)]
    # places (runs of two characters and more) and firms; windows that open and close inside a run
    edge = [
        "沛县",
        "县",
        "a沛县b",
        "在沛县和丰县，徐州市区",
        "华为技术有限公司与中国石油集团",
        t,
        "青岛职业技术学院" * 3,
    ]
    for s in texts[:200] + edge:
        for lo, hi in [(0, None), (1, None), (3, len(s) - 2), (len(s) // 2, None)]:
            assert [m.span() for m in A.place_matches(s, lo, hi)] == [
                m.span() for m in A.PLACE.finditer(s, lo, len(s) if hi is None else hi)
            ]
            # a firm's name may hold brackets, so its matches are those inside each run (the scan
            # of every run that run_matches replaced)
            runs = re.compile(r"[\u4e00-\u9fff]{3,}").finditer(s, lo, len(s) if hi is None else hi)
            by_runs = [m.span() for r in runs for m in A.FIRM.finditer(s, r.start(), r.end())]
            assert [m.span() for m in run_matches(A.FIRM, A._FIRM_HINT, s, lo, hi)] == by_runs


def test_of_two_schools_named_equally_often_the_one_the_report_speaks_as_is_its_institution():
    """A college's news about a meeting hosted elsewhere: both named twice, but 我校 (we) is said in
    a sentence that names the speaker, not the host. The order of first mention decides no more."""
    text = (
        "近日，共同体成立大会在日照航海工程职业学院举行。日照科技职业学院当选副理事长单位，这是我校斩获的又一席位。"
        "共同体由日照航海工程职业学院等三方发起。日照科技职业学院将发挥优势。我校累计投入超过500万元。"
    )
    assert find_institution(text)[0] == "日照科技职业学院"
    # a hostile text of many 我校 and no sentence end stays linear: each looks back a bounded way
    long = "日照科技职业学院" + "我校" * 50_000 + "日照航海工程职业学院"
    assert find_institution(long)[0] in {"日照科技职业学院", "日照航海工程职业学院"}


def test_what_students_do_to_a_school_is_no_part_of_its_name_and_a_kind_of_school_is_no_school():
    names = find_institution("今年有14位錄取國立科技大學，校友多畢業於崑山科技大學。崑山科技大學表示歡迎。")[0]
    assert names == "崑山科技大學"
    assert find_institution("有14位錄取國立科技大學。")[0] is None  # 國立科技大學: a kind of school
    # 来自 says where people come from: the name starts after it
    assert find_institution("学员来自青岛职业技术学院。来自青岛职业技术学院的学员结业。")[0] == "青岛职业技术学院"


def test_what_a_sentence_does_before_it_names_a_school_is_no_part_of_the_name():
    for said, name in [
        ("1、以北京财贸职业学院为代表。以北京财贸职业学院为例。", "北京财贸职业学院"),
        ("记者从湖北职业技术学院获悉。记者从湖北职业技术学院了解到。", "湖北职业技术学院"),
        ("2008年获批成立海南科技职业学院。成立海南科技职业学院以来。", "海南科技职业学院"),
        ("学生分别前往宁波职教中心学习。分别前往宁波职教中心。", "宁波职教中心"),
        ("此次柳州市有广西机电技师学院入选。此次柳州市有广西机电技师学院。", "广西机电技师学院"),
        ("支持保山中医专(即保山市中医药高等专科学校)升格。即保山市中医药高等专科学校", "保山市中医药高等专科学校"),
    ]:
        assert find_institution(said)[0] == name, said
    assert find_institution("欢迎访问汝州职业技术学院。汝州职业技术学院陶瓷专业")[0] == "汝州职业技术学院"
    assert find_institution("和田职业技术学院召开会议。和田职业技术学院")[0] == "和田职业技术学院"
    assert find_institution("记者从江苏工程职业技术学院获悉。记者从江苏工程职业技术学院")[0] == "江苏工程职业技术学院"
    # an address before the name (位于…镇) is no part of it
    assert (
        find_institution("记者来到位于广州白云区江高镇广东省机械技师学院。广东省机械技师学院")[0]
        == "广东省机械技师学院"
    )
    assert (
        find_institution("广西壮族自治区机电技师学院召开会议。广西壮族自治区机电技师学院")[0]
        == "广西壮族自治区机电技师学院"
    )
    # 即墨, 有色 are parts of names
    assert (
        find_institution("即墨市第一职业中等专业学校举行。即墨市第一职业中等专业学校")[0]
        == "即墨市第一职业中等专业学校"
    )
    assert find_institution("湖南有色金属职业技术学院举行。湖南有色金属职业技术学院")[0] == "湖南有色金属职业技术学院"


def test_a_tie_among_many_names_asks_no_sentence_so_the_work_stays_linear():
    from pipelines.ingest.metadata import MAX_TIED, speaker_votes

    names = [f"第{i}职业学院" for i in range(2000)]  # a hostile text: thousands of names, each once
    text = "".join(f"{n}举行活动，我校参加。" for n in names)
    assert speaker_votes(text, names) == {}
    assert speaker_votes(text, names[:MAX_TIED]) == dict.fromkeys(names[:MAX_TIED], 1)
    assert speaker_votes("甲职业学院当选，我校参加。乙职业学院举办。", ["甲职业学院", "乙职业学院"]) == {
        "甲职业学院": 1
    }
