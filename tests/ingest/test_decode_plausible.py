"""Decoding that never publishes garbage (issue 12 item 3, issue 10 item 6), furniture dropped by
what it says and where it stands, and the zip checks the format readers call."""

from __future__ import annotations

import pytest

from pipelines.devtools.hostile import BIG5, GOOD, encrypted_zip, small_zip, zip_bomb
from pipelines.ingest.containers import check_pdf, check_zip, suffix_mismatch
from pipelines.ingest.decode import DecodeError, decode_report, plausibility

TRAD = "江陵職業技術學院與華為公司共建產業學院3個，獲授權專利147項，技術服務到款額1400萬元。"
SIMP = "江陵职业技术学院与华为公司共建产业学院3个，获授权专利147项，技术服务到款额1400万元。"


def test_big5_is_read_as_big5_not_as_gb18030_mojibake():
    data = (TRAD * 3).encode("big5")
    data.decode("gb18030")  # the trap: GB18030 takes these bytes without complaint
    d = decode_report(data, "big5.txt")
    assert d.encoding == "big5" and d.text == TRAD * 3


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding):
    d = decode_report(("Report 2023\n" + SIMP).encode(encoding), "u16.txt")
    assert d.encoding == encoding and d.text == "Report 2023\n" + SIMP


def test_gbk_still_read_as_gb18030():
    d = decode_report((SIMP * 2).encode("gbk"), "gbk.txt")
    assert d.encoding == "gb18030" and d.text == SIMP * 2


def test_a_stray_byte_is_replaced_and_counted_not_fatal():
    data = SIMP.encode()
    cut = data.index("专利".encode())
    d = decode_report(data[:cut] + b"\x9f" + data[cut:], "stray.txt")
    assert d.encoding == "utf-8" and d.replaced_bytes == 1
    assert d.text == SIMP[: SIMP.index("专利")] + "\ufffd" + SIMP[SIMP.index("专利") :]


def test_a_share_of_bad_bytes_shows_it_is_not_text():
    with pytest.raises(DecodeError, match="binary"):
        decode_report(SIMP.encode() + bytes(range(0x80, 0x100)) * 4, "bad.txt")


def test_mojibake_is_refused_not_published():
    mojibake = (TRAD * 2).encode("big5").decode("gb18030")  # what the old decoder published
    assert plausibility(mojibake)[0] < 0.5 < 0.9 < plausibility(TRAD)[0]
    with pytest.raises(DecodeError, match="mojibake"):
        decode_report(mojibake.encode("utf-8"), "moji.txt")


def test_a_japanese_or_korean_page_is_refused_as_that_language_not_as_mojibake():
    japanese = "2015年よりホテル業の技能実習生の派遣を開始し、今まで100人近い学生が日本に渡航しました。" * 2
    with pytest.raises(DecodeError, match="Japanese text, not a Chinese report"):
        decode_report(japanese.encode("utf-8"), "ja.txt")
    korean = "이번 현장학습은 중국에서의 인턴쉽으로 중국시장 진출의 비전을 보여주고 35명이 참여했다." * 2
    with pytest.raises(DecodeError, match="Korean text, not a Chinese report"):
        decode_report(korean.encode("utf-8"), "ko.txt")
    mojibake = (TRAD * 2).encode("big5").decode("gb18030")  # a few kana or none: still mojibake
    with pytest.raises(DecodeError, match="mojibake"):
        decode_report(mojibake.encode("utf-8"), "moji.txt")


def test_english_and_numbers_are_plausible():
    assert plausibility("Annual report 2023: 147 patents, 1,400 (10k CNY).")[0] == 1.0
    assert decode_report(b"Annual report 2023: 147 patents.", "en.txt").text.startswith("Annual")


GBK_PAGE = """<html><head><meta charset="gbk"><title>江陵职院：产教融合成效显著</title></head><body>
<div class="top"><a href="/">首页</a><a href="/xxgk">学校概况</a><a href="/jgsz">机构设置</a><a href="/news">新闻中心</a></div>
<div class="wz">您当前的位置：<a href="/">首页</a> &gt; <a href="/news">学院新闻</a> &gt; 正文</div>
<div><a href="/">江陵职业技术学院</a></div>
<h2>江陵职院：产教融合成效显著</h2>
<div>发布时间：2024-05-10 来源：宣传部 【字体：大 中 小】</div>
<div class="c1"><p>2023年，江陵职业技术学院与86家企业开展校企合作，共建产业学院5个，获授权专利147项。</p>
<p>学院开展社会培训2.5万人日，技术服务到款额1400万元，较上年增长12%。</p></div>
<div class="x1">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<div>扫一扫在手机打开当前页</div>
<div>上一篇：<a href="/1">学院召开招生工作会</a></div>
<div>【打印本页】 【关闭窗口】</div>
<div class="b1">版权所有：江陵职业技术学院 鄂ICP备12345678号</div>
<div>地址：江陵市学府路1号 电话：0716-1234567</div>
<div>浏览次数：2318</div>
</body></html>"""


def test_page_furniture_goes_by_what_it_says_and_where_it_stands():
    d = decode_report(GBK_PAGE.encode("gbk"), "page.htm")
    kept = d.text
    for furniture in (
        "您当前的位置",
        "机构设置",
        "扫一扫",
        "分享到",
        "微博",
        "上一篇",
        "打印本页",
        "版权所有",
        "ICP",
        "地址",
        "字体",
    ):
        assert furniture not in kept, furniture
    assert "与86家企业开展校企合作，共建产业学院5个，获授权专利147项。" in kept
    assert "技术服务到款额1400万元" in kept
    assert "发布时间：2024-05-10 来源：宣传部" in kept  # the date line stays, its widget goes
    assert kept.startswith("江陵职院：产教融合成效显著")


def test_links_inside_a_paragraph_stay():
    page = "<html><body><p>学院与<a href='/a'>华为公司</a>共建产业学院3个，与<a href='/b'>中兴通讯</a>合作开发课程12门。</p></body></html>"
    assert "与华为公司共建产业学院3个，与中兴通讯合作开发课程12门。" in decode_report(page.encode(), "p.html").text


# -- containers -----------------------------------------------------------------------------------


def test_a_real_zip_bomb_is_caught_before_opening():
    bomb = zip_bomb(64 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024  # 64 MiB of zeros in well under 1 MiB
    assert "zip bomb" in check_zip(bomb)
    assert "zip bomb" in check_zip(bomb, max_ratio=1e9, max_bytes=10 * 1024 * 1024)  # the size limit alone
    assert check_zip(bomb, max_ratio=1e9, max_bytes=1 << 40) is None


def test_zip_checks_by_environment_and_path(tmp_path, monkeypatch):
    path = tmp_path / "ok.docx"
    path.write_bytes(small_zip())
    assert check_zip(path) is None
    monkeypatch.setenv("CHANJIAO_ZIP_MAX_FILES", "0")
    assert "members" in check_zip(path)


def test_encrypted_and_truncated_zips():
    assert "encrypted" in check_zip(encrypted_zip())
    assert "truncated" in check_zip(small_zip()[:-30])


def test_pdf_checks_and_fake_extensions():
    assert "truncated" in check_pdf(b"%PDF-1.7\n1 0 obj")
    assert "encrypted" in check_pdf(b"%PDF-1.7\ntrailer << /Encrypt 5 0 R >>\n%%EOF\n")
    assert check_pdf(b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n") is None
    assert "fake extension" in suffix_mismatch("report.txt", b"%PDF-1.7")
    assert "fake extension" in suffix_mismatch("report.pdf", GOOD.encode())
    assert "fake extension" in suffix_mismatch("report.docx", b"%PDF-1.7")
    assert suffix_mismatch("report.txt", GOOD.encode()) is None
    assert suffix_mismatch("report.txt", BIG5.encode("big5")) is None


def test_plausibility_counts_as_a_character_loop_does():
    """The array count gives the share a loop over the CJK-looking characters gives, on Chinese,
    mojibake, kana, astral characters, lone surrogates and texts with no CJK at all."""
    import random

    from pipelines.ingest.decode import _CJK_LIKE, common_chars

    def by_loop(text):
        cjk = _CJK_LIKE.findall(text)
        return (sum(c in common_chars() for c in cjk) / len(cjk), len(cjk)) if cjk else (1.0, 0)

    rng = random.Random(7)
    alphabet = [
        *SIMP,
        *TRAD,
        *"銆傛湰绋嬪簭锛屼絾",
        "\ufffd",
        "\ue000",
        "\U00020000",
        "\ud800",
        "ア",
        "한",
        "a",
        "1",
        " ",
    ]
    texts = [SIMP, TRAD, (SIMP * 3).encode("utf-8").decode("gbk", errors="replace"), "plain English 2023", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(300)]
    for text in texts:
        assert plausibility(text) == by_loop(text), text
