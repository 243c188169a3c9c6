"""`chanjiao extract`: one JSON object per fact on stdout and nothing else; offsets slice the
decoded text; --explain lists the numbers held not to be facts, on stderr."""

from __future__ import annotations

import json

from pipelines.cli import main
from pipelines.ingest.reports import read_report

KEYS = {
    "source",
    "quote",
    "char_start",
    "char_end",
    "number_text",
    "value",
    "unit_text",
    "normalized_value",
    "base_unit",
    "qualifier",
    "indicator_code",
}


def test_extract_jsonl(tmp_path, capsys):
    page = tmp_path / "r.html"
    page.write_text(
        "<html><body><nav>首页</nav><p>江陵职院授权专利<b>147</b>项，入选第二批试点，"
        "技术服务收入1400万元。</p></body></html>",
        encoding="utf-8",
    )
    gbk = tmp_path / "g.txt"
    gbk.write_bytes("合作企业45家。".encode("gb18030"))
    assert main(["extract", str(page), str(gbk), "--format", "jsonl", "--explain"]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["source"], r["normalized_value"], r["base_unit"]) for r in rows] == [
        (str(page), 147, "item"),
        (str(page), 14_000_000, "CNY"),
        (str(gbk), 45, "unit"),
    ]
    assert all(set(r) >= KEYS for r in rows)
    text = read_report(page.read_bytes(), page.name).text
    assert all(text[r["char_start"] : r["char_end"]] == r["quote"] for r in rows if r["source"] == str(page))
    assert "二批" in err and "ordinal" in err


def test_extract_reports_an_unreadable_file_and_goes_on(tmp_path, capsys):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\x00\x01")
    good = tmp_path / "ok.txt"
    good.write_text("授权专利12项。", encoding="utf-8")
    assert main(["extract", str(bad), str(good), "--format", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["quote"] for line in out.splitlines()] == ["12项"]
    assert "scan.pdf" in err


def test_extract_table_has_a_header_and_a_folder_gives_only_its_reports(tmp_path, capsys):
    (tmp_path / "r.txt").write_text("授权专利12项。", encoding="utf-8")
    (tmp_path / "gold.csv").write_text("file,quote\nr.txt,合作企业45家\n", encoding="utf-8")  # not a report
    assert main(["extract", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split("\t") == ["file", "quote", "normalized_value", "base_unit", "qualifier", "indicator_code"]
    assert [ln.split("\t")[:2] for ln in lines[1:]] == [["r.txt", "12项"]]
    assert "gold.csv" not in err and "1 facts" in err


def test_extract_names_the_cell_and_year_column_of_a_workbook_fact(tmp_path, capsys):
    from format_fixtures import to_xlsx

    book = tmp_path / "quality.xlsx"
    book.write_bytes(
        to_xlsx({"服务贡献表": [["指标", "2022年", "2023年"], ["横向技术服务到款额（万元）", 1100.5, 1256.8]]})
    )
    assert main(["extract", str(book), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["normalized_value"], r["cell"], r["period"], r["page"]) for r in rows] == [
        (11005000.0, "服务贡献表!B2", "2022", None),
        (12568000.0, "服务贡献表!C2", "2023", None),
    ]
