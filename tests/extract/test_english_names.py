"""English names of Chinese colleges: found by their place, written in Chinese only where the form fixes it."""

import pytest

from pipelines.extract.attribution import attribute_facts, report_entity
from pipelines.extract.english_names import CITIES_EN, chinese_name, english_names, subject_college


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Wuhai Vocational and Technical College", "乌海职业技术学院"),
        ("Lishui Vocational & Technical College", "丽水职业技术学院"),
        ("Chengdu Vocational and Technical College of Industry", "成都工业职业技术学院"),
        ("Anhui Vocational & Technical College of Industry & Trade", "安徽工贸职业技术学院"),
        ("Guangdong Water Conservancy and Electric Power Vocational and Technical College", "广东水利电力职业技术学院"),
        ("Chongqing Vocational Institute of Engineering", "重庆工程职业技术学院"),
        ("Changchun Vocational Institute of Technology", "长春职业技术学院"),
        ("Jinhua Polytechnic", "金华职业技术学院"),
        ("Chongqing Industry Polytechnic College", "重庆工业职业技术学院"),
        ("Shandong Vocational University of Foreign Affairs", "山东外事职业大学"),
        ("Shanghai Open University", "上海开放大学"),
        ("Tianjin University", "天津大学"),
    ],
)
def test_a_name_whose_form_fixes_its_chinese_is_written_in_chinese(english, chinese):
    assert chinese_name(english) == chinese


@pytest.mark.parametrize(
    "english",
    [
        "Beijing Polytechnic",  # 北京电子科技职业学院: a province-level place's Polytechnic has no fixed Chinese
        "Shandong Polytechnic College",  # 山东理工职业学院
        "Guangdong Machinery Technician College",  # 广东省机械技师学院 or 广东机械技师学院: not told
        "Nanjing Institute of Railway Technology",  # an Institute of … Technology: 铁道 or 铁路, 职业技术学院 or not
        "Guangxi Financial Vocational College",  # Financial: 金融 or 财经
        "Weihai Vocational College",  # 威海职业学院, but Dezhou Vocational College is 德州职业技术学院
        "Guangxi Vocational College of Water Resources and Electric Power",  # 广西水利电力职业技术学院
        "Shanghai University of Engineering Science",
    ],
)
def test_a_name_whose_chinese_would_be_a_guess_stays_english(english):
    assert chinese_name(english) is None


def test_a_spelling_two_cities_share_names_neither():
    assert "Suzhou" not in CITIES_EN and "Taizhou" not in CITIES_EN  # 苏州 / 宿州, 台州 / 泰州
    assert chinese_name("Suzhou Vocational and Technical College") is None
    assert CITIES_EN["Wuhai"] == "乌海"


def test_names_are_found_by_their_place_and_two_names_joined_by_and_stay_two():
    text = (
        "Liaocheng Vocational and Technical College and Zibo Vocational College signed. "
        "The Anhui Vocational & Technical College of Industry & Trade hosted 30 students. "
        "Jinhua Polytechnic College President Wang spoke."
    )
    assert [n for _, n in english_names(text)] == [
        "聊城职业技术学院",
        "Zibo Vocational College",
        "安徽工贸职业技术学院",
        "金华职业技术学院",
    ]
    assert english_names("The College has 12 departments.") == []  # no place: no name


def test_the_subject_college_is_named_most_and_twice_at_least():
    profile = "Wuhai Vocational and Technical College was founded in 1985. Wuhai Vocational and Technical College has 500 teachers."
    assert subject_college(profile, None) == ("乌海职业技术学院", 2)
    assert subject_college("Wuhai Vocational and Technical College has 500 teachers.", None) is None
    assert subject_college("It has 500 teachers.", "Profile of Jinhua Polytechnic") == ("金华职业技术学院", 3)
    tie = "Weihai Vocational College and Zibo Vocational College. Weihai Vocational College, Zibo Vocational College."
    assert subject_college(tie, None) is None


def test_an_english_profile_credits_its_college_not_the_nation():
    text = (
        "Chongqing Industry Polytechnic College is a public college in China. It covers 1287.8 acres and has "
        "739 faculty members. Chongqing Industry Polytechnic College offers 10 departments."
    )
    assert report_entity(None, None, None, text).name == "重庆工业职业技术学院"
    [attr] = attribute_facts(text, [text.index("739")], None, None, None, 2024)
    assert (attr.entity.name, attr.entity.level) == ("重庆工业职业技术学院", "institution")
    unmapped = "Guangdong Machinery Technician College held a fair. Guangdong Machinery Technician College invited 152 companies."
    assert report_entity(None, None, None, unmapped).name == "Guangdong Machinery Technician College"
    # a Chinese page with an English banner is read by its Chinese names
    chinese = (
        "Guangdong Machinery Technician College " * 2
        + "广东省机械技师学院举办招聘会，共有152家企业参加。广东省机械技师学院" * 3
    )
    assert report_entity(None, None, None, chinese).name == "广东省机械技师学院"


def test_a_name_is_read_at_most_name_words_past_its_place():
    """The bound that keeps a line of capitalised words with no college word linear: each place in it
    reads at most NAME_WORDS words (unbounded, 8,000 places on one line took six seconds, 16,000 four
    times that)."""
    from pipelines.extract.english_names import NAME_WORDS

    assert english_names(" ".join(["Wuhai"] + ["Modern"] * NAME_WORDS + ["College"])) != []
    assert english_names(" ".join(["Wuhai"] + ["Modern"] * (NAME_WORDS + 1) + ["College"])) == []
