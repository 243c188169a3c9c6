"""Checks on container formats before any reader opens them: what a file's first bytes say it
is, zip bombs, encrypted or truncated archives and PDFs. Each check returns the reason to
quarantine the file, or None. The format readers call `check_zip` before opening a zip-based
file (DOCX, XLSX, ODF); intake calls `container_problem` for every file.

    CHANJIAO_ZIP_MAX_BYTES   the largest total uncompressed size of a zip (default 200 MiB)
    CHANJIAO_ZIP_MAX_RATIO   the largest uncompressed/compressed ratio of a zip (default 100)
    CHANJIAO_ZIP_MAX_FILES   the most members a zip may have (default 10,000)
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

DEFAULT_ZIP_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_ZIP_MAX_RATIO = 100.0
DEFAULT_ZIP_MAX_FILES = 10_000

# What the first bytes say a file is.
MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "zip archive (DOCX/XLSX/ZIP)"),
    (b"PK\x05\x06", "zip archive (DOCX/XLSX/ZIP)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC/XLS)"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"MZ\x90\x00", "executable (Windows)"),
]
# The kind a suffix promises, where its bytes can tell.
SUFFIX_KIND = {
    ".pdf": "PDF",
    ".docx": "zip archive (DOCX/XLSX/ZIP)",
    ".xlsx": "zip archive (DOCX/XLSX/ZIP)",
    ".pptx": "zip archive (DOCX/XLSX/ZIP)",
    ".zip": "zip archive (DOCX/XLSX/ZIP)",
    ".doc": "OLE document (DOC/XLS)",
    ".xls": "OLE document (DOC/XLS)",
}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".csv"}


def _env(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    return float(raw) if raw else default


def sniff(data: bytes) -> str | None:
    """The binary kind the first bytes announce (PDF, zip, image …), or None for anything else."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def suffix_mismatch(name: str, data: bytes) -> str | None:
    """A file whose bytes are not what its extension says (a PDF named .txt, a text named .pdf)."""
    suffix = Path(name).suffix.lower()
    kind = sniff(data)
    if suffix in TEXT_SUFFIXES and kind is not None:
        return f"fake extension: a {kind}, not the text its {suffix} extension says"
    promised = SUFFIX_KIND.get(suffix)
    if promised and kind != promised:
        return f"fake extension: the bytes are {kind or 'not binary'}, not the {promised} its {suffix} extension says"
    return None


def check_zip(
    source: bytes | str | Path,
    max_bytes: int | None = None,
    max_ratio: float | None = None,
    max_files: int | None = None,
) -> str | None:
    """Why a zip-based file must not be opened (None if it may): truncated or damaged, encrypted,
    too many members, or a zip bomb (total uncompressed size or compression ratio above the
    limits). Reads only the central directory: nothing is decompressed."""
    max_bytes = int(max_bytes if max_bytes is not None else _env("CHANJIAO_ZIP_MAX_BYTES", DEFAULT_ZIP_MAX_BYTES))
    max_ratio = max_ratio if max_ratio is not None else _env("CHANJIAO_ZIP_MAX_RATIO", DEFAULT_ZIP_MAX_RATIO)
    max_files = int(max_files if max_files is not None else _env("CHANJIAO_ZIP_MAX_FILES", DEFAULT_ZIP_MAX_FILES))
    try:
        fh = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
        with fh, zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        return f"truncated or damaged zip archive: {exc}"
    except (OSError, ValueError, EOFError) as exc:
        return f"unreadable zip archive: {exc}"
    if len(infos) > max_files:
        return f"zip bomb: {len(infos)} members (limit {max_files})"
    if any(i.flag_bits & 0x1 for i in infos):
        return "encrypted zip archive (password protected)"
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > max_bytes:
        return f"zip bomb: {total} bytes uncompressed (limit {max_bytes})"
    for i in infos:
        if i.file_size > max_ratio * max(i.compress_size, 1) and i.file_size > 1024 * 1024:
            return (
                f"zip bomb: {i.filename!r} expands {i.file_size / max(i.compress_size, 1):.0f}× (limit {max_ratio:g}×)"
            )
    if total > max_ratio * max(packed, 1) and total > 1024 * 1024:
        return f"zip bomb: expands {total / max(packed, 1):.0f}× (limit {max_ratio:g}×)"
    return None


PDF_ENCRYPT = re.compile(rb"/Encrypt\s")


def check_pdf(data: bytes) -> str | None:
    """Why a PDF cannot be read (None if it may be): truncated (no %%EOF near its end) or encrypted."""
    if not data.startswith(b"%PDF-"):
        return "not a PDF: it does not start with %PDF-"
    if b"%%EOF" not in data[-2048:]:
        return "truncated PDF: no %%EOF at its end"
    if PDF_ENCRYPT.search(data[-65536:]) or PDF_ENCRYPT.search(data[:65536]):
        return "encrypted PDF (password protected)"
    return None


def container_problem(name: str, data: bytes) -> str | None:
    """The first reason not to open a file: a fake extension, then a damaged, encrypted or
    explosive container."""
    mismatch = suffix_mismatch(name, data)
    if mismatch:
        return mismatch
    kind = sniff(data)
    if kind == "PDF":
        return check_pdf(data)
    if kind == "zip archive (DOCX/XLSX/ZIP)":
        return check_zip(data)
    return None
