"""make bench's 100-page PDF is printed from as many sample reports as it has pages (one report opens
each page), not from the whole inbox: the inbox grows with the real corpus, Chromium's time would too."""

from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pytest

from pipelines import settings
from pipelines.devtools import bench


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium to print with (`make browser`)")
def test_the_bench_pdf_prints_only_the_reports_its_pages_need(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(5):
        (inbox / f"r{i}.txt").write_text(f"第{i}份报告：学院与12家企业合作。\n", encoding="utf-8")
    monkeypatch.setattr(settings, "DEFAULT_INBOX", inbox)
    decoded = []
    real = bench.decode_report
    monkeypatch.setattr(bench, "decode_report", lambda data, name: decoded.append(name) or real(data, name))
    (tmp_path / "out").mkdir()
    (tmp_path / "out2").mkdir()
    pdf = bench._hundred_page_pdf(tmp_path / "out", pages=3)
    assert len(pdfium.PdfDocument(pdf)) == 3
    assert decoded == ["r0.txt", "r1.txt", "r2.txt"]
    decoded.clear()
    assert len(pdfium.PdfDocument(bench._hundred_page_pdf(tmp_path / "out2", pages=7))) == 7
    assert len(decoded) == 7  # fewer reports than pages: repeated
