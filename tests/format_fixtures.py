"""The team's own sample reports rendered into the other formats a report comes in: PDF
(headless Chromium's print-to-PDF with the Noto CJK font), DOCX (python-docx) and a quality-report
XLSX (openpyxl), generated in the test so that no binary fixture lives in git."""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
from pathlib import Path

import pytest

from pipelines.ingest.decode import decode_report

CELL_SEP = re.compile(r"\t| {2,}")
ROOT = Path(__file__).resolve().parents[1]
INBOX = ROOT / "tests" / "fixtures" / "team" / "inbox"
CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="Chromium is absent (run `make browser`); required when CI is set",
)


def sample_texts() -> dict[str, str]:
    """file name → decoded text of every sample report."""
    return {p.name: decode_report(p.read_bytes(), p.name).text for p in sorted(INBOX.iterdir()) if p.is_file()}


def blocks(text: str) -> list[str | list[list[str]]]:
    """A decoded text as paragraphs (str) and tables (rows of cells: its TAB-joined lines)."""
    out: list = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if CELL_SEP.search(line.strip()):
            row = CELL_SEP.split(line.strip())
            if out and isinstance(out[-1], list):
                out[-1].append(row)
            else:
                out.append([row])
        else:
            out.append(line)
    return out


def to_html(texts: list[str], title: str = "report") -> str:
    """One HTML page, each text starting on a new page: paragraphs and ruled tables."""
    parts = []
    for i, text in enumerate(texts):
        style = ' style="break-before: page"' if i else ""
        parts.append(f"<section{style}>")
        for b in blocks(text):
            if isinstance(b, str):
                parts.append(f"<p>{html.escape(b)}</p>")
            else:
                rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in b)
                parts.append(f'<table border="1" cellspacing="0" cellpadding="4">{rows}</table>')
        parts.append("</section>")
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        "<style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:11pt}</style></head><body>"
        + "\n".join(parts)
        + "</body></html>"
    )


def print_to_pdf(page_html: str, tmp_path: Path) -> bytes:
    """Chromium's print-to-PDF, with its own running header (date, title) and footer (URL, n/N)."""
    assert CHROMIUM.exists(), "CI is set but /usr/bin/chromium is missing: run `make browser`"
    src, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    src.write_text(page_html, encoding="utf-8")
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--print-to-pdf={pdf}",
            src.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return pdf.read_bytes()


def to_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for b in blocks(text):
        if isinstance(b, str):
            document.add_paragraph(b)
        else:
            table = document.add_table(rows=len(b), cols=max(len(r) for r in b))
            for i, r in enumerate(b):
                for j, c in enumerate(r):
                    table.cell(i, j).text = c
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def to_xls(sheets: dict[str, list[list[object]]]) -> bytes:
    """The legacy binary workbook (BIFF8, as Excel 97–2003 writes it), with xlwt."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
