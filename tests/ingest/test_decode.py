from __future__ import annotations

import pytest

from pipelines.ingest.decode import DecodeError, decode_report

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>江陵职院新闻 - 江陵职业技术学院</title>
<style>p{color:red}</style><script>var x = "授权专利999项";</script></head>
<body><nav><ul><li>首页</li><li>学院概况</li></ul></nav>
<div class="article"><h1>江陵职院深化产教融合</h1>
<p>学校&nbsp;授权专利<strong>147</strong>项，技术服务收入1400万元。</p>
<table><tr><th>指标</th><th>数值</th></tr><tr><td>横向技术服务到款额（万元）</td><td>1256.80</td></tr></table>
<p>第一行
第二行</p></div>
<footer>Copyright © 2024 江陵职业技术学院 鄂ICP备12345678号</footer></body></html>"""


def test_html_reduced_to_text():
    d = decode_report(PAGE.encode("utf-8"), "page.html")
    assert d.media_type == "text/html"
    assert "授权专利147项，技术服务收入1400万元。" in d.text  # inline tags vanish
    assert "学校 授权" in d.text  # &nbsp; is a space
    assert "横向技术服务到款额（万元）\t1256.80" in d.text  # cells joined by a TAB
    assert "999" not in d.text and "color" not in d.text  # script and style dropped
    assert "第一行第二行" in d.text  # a source line break between CJK is no space
    assert d.html_title.startswith("江陵职院新闻")


def test_gb18030_and_utf8_bom_and_crlf():
    text = "重庆城市职业学院授权专利147项。\r\n第二段。"
    d = decode_report(text.encode("gb18030"), "a.txt")
    assert d.encoding == "gb18030" and d.text == text.replace("\r\n", "\n")
    d = decode_report(b"\xef\xbb\xbf" + text.encode("utf-8"), "b.txt")
    assert d.encoding == "utf-8-sig" and d.text.startswith("重庆")


def test_html_declared_gbk():
    page = '<html><head><meta charset="gbk"></head><body><p>合作企业45家</p></body></html>'
    d = decode_report(page.encode("gbk"), "p.htm")
    assert d.encoding == "gb18030" and "合作企业45家" in d.text


@pytest.mark.parametrize("data, message", [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02PK", "binary")])
def test_bad_bytes_are_a_clear_error(data, message):
    with pytest.raises(DecodeError, match=message):
        decode_report(data, "x.txt")
