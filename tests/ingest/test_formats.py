"""PDF, DOCX, XLSX/XLS and CSV reports: the team's own sample reports rendered into each format
yield the facts of their text (F1 ≥ 0.98 with the evaluation's matching rule), every fact of a
PDF carries its page and every table fact its cell, and unreadable documents get a clear reason."""

from __future__ import annotations

import io
import re

import pytest
from format_fixtures import blocks, needs_chromium, print_to_pdf, sample_texts, to_docx, to_html, to_xls, to_xlsx

from pipelines.devtools.evaluate import score
from pipelines.extract.cache import FactCache
from pipelines.extract.extractor import extract_facts
from pipelines.extract.facts_table import facts_frame
from pipelines.ingest.decode import DecodeError, decode_report
from pipelines.ingest.formats import FormatError, render
from pipelines.ingest.formats.common import locations_json
from pipelines.ingest.intake import INGESTED, QUARANTINED, RawFile, intake
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.ingest.texts import texts_frame
from schemas.tables import FactsModel

F1_BETWEEN_FORMATS = 0.98


def _as_gold(name: str, text: str) -> list[dict]:
    return [{"file": name, **f.to_dict()} for f in extract_facts(text)]


def _as_pred(name: str, text: str) -> list[dict]:
    return [{"source": name, **f.to_dict()} for f in extract_facts(text)]


def _facts_of(files: dict[str, bytes], tmp_path):
    """The pipeline's own path: intake → decoded texts → facts frame."""
    records = intake([RawFile(n, n, d) for n, d in files.items()], SnapshotStore(tmp_path / "snap"))
    assert [r.status for r in records] == [INGESTED] * len(files), [r.reason for r in records]
    from pipelines.ingest.intake import intake_frame

    texts = texts_frame(intake_frame(records), SnapshotStore(tmp_path / "snap"))
    return texts, FactsModel.validate(facts_frame(texts, FactCache(None)))


# ---------------------------------------------------------------- PDF


@pytest.fixture(scope="module")
def samples():
    return sample_texts()


@pytest.fixture(scope="module")
def samples_pdf(samples, tmp_path_factory):
    """All sample reports in one PDF, each starting on a new page, as Chromium prints it (with
    its running header and footer: date, title, file URL, page n/N)."""
    return print_to_pdf(to_html(list(samples.values()), title="产教融合报告汇编"), tmp_path_factory.mktemp("pdf"))


@pytest.mark.e2e
@needs_chromium
def test_a_pdf_of_the_sample_reports_yields_the_facts_of_their_text(samples, samples_pdf):
    rendered = render(samples_pdf, "reports.pdf")
    result = score(_as_gold("all", "\n".join(samples.values())), _as_pred("all", rendered.text))
    assert result.f1 >= F1_BETWEEN_FORMATS, result.summary()


@pytest.mark.e2e
@needs_chromium
def test_pdf_lines_are_joined_and_the_running_header_and_footer_dropped(samples, samples_pdf):
    text = render(samples_pdf, "reports.pdf").text
    assert "file://" not in text and "产教融合报告汇编" not in text  # Chromium's footer URL and header title
    assert not any(
        line.strip().isdigit() or "/" in line and line.replace("/", "").strip().isdigit() for line in text.splitlines()
    )
    lines = {"".join(line.split()) for line in text.splitlines()}
    paragraphs = [b for t in samples.values() for b in blocks(t) if isinstance(b, str) and len(b) > 120]
    kept = sum("".join(p.split()) in lines for p in paragraphs)
    assert kept >= 0.9 * len(paragraphs), f"{kept} of {len(paragraphs)} long paragraphs come back whole"


@pytest.mark.e2e
@needs_chromium
def test_every_pdf_fact_carries_the_page_it_stands_on(tmp_path):
    pages = ["学院授权专利11项。", "学院新增合作企业22家。", "学院共建实训基地33个。"]
    pdf = print_to_pdf(to_html(pages), tmp_path)
    texts, facts = _facts_of({"three.pdf": pdf}, tmp_path)
    assert texts["media_type"].tolist() == ["application/pdf"]
    got = {int(v): int(p) for v, p in zip(facts["value"], facts["page"])}
    assert got == {11: 1, 22: 2, 33: 3}
    assert facts["cell"].isna().all()


@pytest.mark.e2e
@needs_chromium
def test_a_ruled_pdf_table_is_read_cell_by_cell_with_its_year_columns(tmp_path):
    report = "2023年学院服务贡献如下。\n指标\t单位\t2022年\t2023年\n横向技术服务到款额\t万元\t1,100.50\t1,256.80\n"
    pdf = print_to_pdf(to_html([report]), tmp_path)
    rendered = render(pdf, "t.pdf")
    assert "横向技术服务到款额 | 万元 | 1,100.50 | 1,256.80" in rendered.text
    periods = {rendered.text[loc.start : loc.end]: loc.period for loc in rendered.locations if loc.period}
    assert periods == {"1,100.50": "2022", "1,256.80": "2023"}
    _, facts = _facts_of({"t.pdf": pdf}, tmp_path)
    money = facts[facts["base_unit"] == "CNY"].sort_values("value")
    assert money["normalized_value"].tolist() == [11005000.0, 12568000.0]
    assert money["cell"].tolist() == ["p1表1!C2", "p1表1!D2"] and money["page"].tolist() == [1, 1]


RAGGED_TABLE = """<p>2023年学院服务贡献如下。</p>
<table border="1" cellspacing="0" cellpadding="4"><tr><td>指标</td><td>2022年</td><td>2023年</td></tr>
<tr><td style="width:6em">面向社会开展的非学历培训到账经费（万元）</td><td></td><td>1,045.62</td></tr>
<tr><td>横向技术服务到款额（万元）</td><td>1,100.50</td><td>1,256.80</td></tr></table>"""


@pytest.mark.e2e
@needs_chromium
def test_a_ruled_table_with_wrapped_and_empty_cells_goes_through_the_table_finder(tmp_path):
    page = f'<html><head><meta charset="utf-8"></head><body>{RAGGED_TABLE}</body></html>'
    rendered = render(print_to_pdf(page, tmp_path), "ragged.pdf")
    assert "面向社会开展的非学历培训到账经费（万元） | 1,045.62\n" in rendered.text  # the wrapped label, whole
    assert "file://" not in rendered.text  # a one-page print's footer: its URL | 1/1
    periods = {(loc.cell, rendered.text[loc.start : loc.end]): loc.period for loc in rendered.locations if loc.period}
    assert periods == {
        ("p1表1!C2", "1,045.62"): "2023",
        ("p1表1!B3", "1,100.50"): "2022",
        ("p1表1!C3", "1,256.80"): "2023",
    }


def _pdf_bytes(text_pages: int) -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(text_pages):
        doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_pdf_without_a_text_layer_is_refused_with_that_reason():
    with pytest.raises(FormatError, match="without a text layer"):
        render(_pdf_bytes(2), "scan.pdf")


def test_truncated_encrypted_and_fake_pdfs_get_a_clear_reason():
    whole = _pdf_bytes(1)
    with pytest.raises(FormatError, match="truncated PDF"):
        render(whole[: len(whole) // 2], "cut.pdf")
    with pytest.raises(FormatError, match="not a PDF"):
        render(b"<html>not a pdf</html>", "fake.pdf")
    # a standard security handler whose empty user password does not open the file
    encrypted = re.sub(
        rb"trailer\s*<<",
        b"trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>",
        whole,
        count=1,
    )
    assert encrypted != whole
    with pytest.raises(FormatError, match="encrypted PDF: it needs a password"):
        render(encrypted, "locked.pdf")


def test_an_unreadable_pdf_in_the_inbox_is_quarantined_with_its_reason(tmp_path):
    records = intake([RawFile("scan.pdf", "scan.pdf", _pdf_bytes(1))], SnapshotStore(tmp_path))
    assert records[0].status == QUARANTINED and "without a text layer" in records[0].reason
    assert records[0].media_type == "application/pdf"


# ---------------------------------------------------------------- DOCX


def test_a_docx_of_each_sample_report_yields_the_facts_of_its_text(samples):
    gold, pred = [], []
    for name, text in samples.items():
        gold += _as_gold(name, text)
        pred += _as_pred(name, render(to_docx(text), name + ".docx").text)
    result = score(gold, pred)
    assert result.f1 >= F1_BETWEEN_FORMATS, result.summary()


def test_docx_paragraphs_and_tables_keep_document_order_and_table_cells(tmp_path):
    text = "前言。\n单位：万元\n指标\t2023年\n横向技术服务到款额\t826.35\n结语：学院授权专利12项。\n"
    rendered = render(to_docx(text), "r.docx")
    assert rendered.text.index("前言") < rendered.text.index("826.35") < rendered.text.index("结语")
    assert "横向技术服务到款额 | 万元 | 826.35" in rendered.text  # the unit from the note above the table
    _, facts = _facts_of({"r.docx": to_docx(text)}, tmp_path)
    by_value = {v: c for v, c in zip(facts["value"], facts["cell"])}
    assert by_value[826.35] == "表1!B2" and by_value[12] is None
    assert facts["page"].isna().all()


# ---------------------------------------------------------------- XLSX / CSV

QUALITY_REPORT = {
    "服务贡献表": [
        ["表1 服务贡献表"],
        ["单位：万元"],
        ["序号", "指标", "2022年", "2023年"],
        [1, "横向技术服务到款额", 1100.5, 1256.8],
        [2, "纵向科研经费到款额", 300, 386.45],
        [3, "公益性培训服务（人日）", 15000, 18350],
        [4, "技术交易到款额", None, 92.3],
    ],
    "培训": [
        ["项目名称", "计量单位", "2023年"],
        ["非学历培训到账经费", "万元", 1045.62],
        ["非学历培训时间", "学时", 36520],
    ],
}
EXPECTED = {  # cell → (normalized value, base unit, period)
    "服务贡献表!C4": (11005000.0, "CNY", "2022"),
    "服务贡献表!D4": (12568000.0, "CNY", "2023"),
    "服务贡献表!C5": (3000000.0, "CNY", "2022"),
    "服务贡献表!D5": (3864500.0, "CNY", "2023"),
    "服务贡献表!C6": (15000.0, "person_day", "2022"),
    "服务贡献表!D6": (18350.0, "person_day", "2023"),
    "服务贡献表!D7": (923000.0, "CNY", "2023"),
    "培训!C2": (10456200.0, "CNY", "2023"),
    "培训!C3": (36520.0, "hour", "2023"),
}


def test_a_quality_report_workbook_becomes_facts_cell_by_cell(tmp_path):
    data = to_xlsx(QUALITY_REPORT)
    texts, facts = _facts_of({"quality.xlsx": data}, tmp_path)
    got = {c: (v, u) for c, v, u in zip(facts["cell"], facts["normalized_value"], facts["base_unit"])}
    assert got == {c: (v, u) for c, (v, u, _) in EXPECTED.items()}
    rendered = render(data, "quality.xlsx")
    periods = {loc.cell: loc.period for loc in rendered.locations if loc.period}
    assert periods == {c: p for c, (_, _, p) in EXPECTED.items()}
    assert texts["text"][0] == rendered.text  # the canonical text every offset points into
    for f in facts.itertuples():
        assert texts["text"][0][f.char_start : f.char_end] == f.quote


def test_a_legacy_xls_workbook_reads_like_the_xlsx(tmp_path):
    data = to_xls(QUALITY_REPORT)
    assert data[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 compound file, not a zip
    texts, facts = _facts_of({"quality.xls": data}, tmp_path)
    got = {c: (v, u) for c, v, u in zip(facts["cell"], facts["normalized_value"], facts["base_unit"])}
    assert got == {c: (v, u) for c, (v, u, _) in EXPECTED.items()}
    assert texts["media_type"][0] != "text/plain"
    assert texts["text"][0] == render(to_xlsx(QUALITY_REPORT), "quality.xlsx").text  # one canonical text


def test_a_csv_in_gbk_reads_like_the_workbook_sheet(tmp_path):
    rows = QUALITY_REPORT["服务贡献表"]
    csv_text = "\n".join(",".join("" if c is None else str(c) for c in r) for r in rows) + "\n"
    _, facts = _facts_of({"quality.csv": csv_text.encode("gb18030")}, tmp_path)
    got = sorted(zip(facts["cell"], facts["normalized_value"]))
    assert got == sorted((c.split("!")[1], v) for c, (v, _, _) in EXPECTED.items() if c.startswith("服务贡献表"))


def test_the_sample_tables_as_a_workbook_yield_the_table_facts_of_their_text(samples):
    sheets, gold = {}, []
    for name, text in samples.items():
        tables = [b for b in blocks(text) if isinstance(b, list)]
        if not tables:
            continue
        sheet = name[:3]
        sheets[sheet] = [row for t in tables for row in t + [[]]]
        table_text = "\n".join("\t".join(r) for t in tables for r in t)
        gold += _as_gold(sheet, table_text)
    rendered = render(to_xlsx(sheets), "tables.xlsx")
    pred = []
    for sheet in sheets:  # each sheet's facts are the facts of its part of the text
        start = rendered.text.index(sheet + "\n")
        end = min(
            (rendered.text.index(s + "\n") for s in sheets if rendered.text.index(s + "\n") > start), default=None
        )
        pred += _as_pred(sheet, rendered.text[start:end])
    assert len(gold) >= 20
    result = score(gold, pred)
    assert result.f1 >= F1_BETWEEN_FORMATS, result.summary()


def test_damaged_documents_are_refused_with_their_reason():
    with pytest.raises(FormatError, match="cannot read DOCX"):
        render(b"PK\x03\x04 not really a zip", "broken.docx")
    with pytest.raises(FormatError, match="cannot read spreadsheet"):
        render(b"\x00\x01 not a workbook", "broken.xlsx")
    with pytest.raises(DecodeError, match="cannot read spreadsheet"):
        decode_report(b"\x00\x01 not a workbook", "broken.xls")


def test_the_location_map_round_trips_through_the_texts_frame():
    rendered = render(to_xlsx(QUALITY_REPORT), "quality.xlsx")
    from pipelines.ingest.formats.common import locations_from_json

    assert tuple(locations_from_json(locations_json(rendered.locations))) == rendered.locations
