"""Reports that are not plain text or HTML: PDF, DOCX, XLSX/XLS and CSV, each read into the one
canonical text that every fact's offsets point into, with a side map (Location) from text
offsets back to the page or table cell the text came from."""

from __future__ import annotations

from pathlib import Path

from .common import FormatError, Location, Locator, Rendered

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".csv": "text/csv",
}


def media_type_of(name: str) -> str | None:
    return MEDIA_TYPES.get(Path(name).suffix.lower())


def render(data: bytes, name: str) -> Rendered:
    """The canonical text of a PDF, DOCX, spreadsheet or CSV report; FormatError says why not."""
    media = media_type_of(name)
    if media == "application/pdf":
        from .pdf import render_pdf

        return render_pdf(data)
    if media == MEDIA_TYPES[".docx"]:
        from .docx import render_docx

        return render_docx(data)
    if media in (MEDIA_TYPES[".xlsx"], MEDIA_TYPES[".xls"]):
        from .sheet import render_workbook

        return render_workbook(data, media)
    if media == "text/csv":
        from .sheet import render_csv

        return render_csv(data)
    raise FormatError(f"not a document format: {name}")


__all__ = ["MEDIA_TYPES", "FormatError", "Location", "Locator", "Rendered", "media_type_of", "render"]
