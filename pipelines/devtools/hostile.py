"""A hostile inbox: every kind of bad file the pipeline must record and survive, made on the
spot (nothing hostile is kept in git). Used by the tests (tests/ingest/test_hostile.py, the
refresh over it) and by `make bench` (a refresh over it vs as many normal reports).

`make_hostile_inbox(folder)` returns {relative name as intake records it: (expected status,
a word of the expected reason)}; names that are not UTF-8 are given escaped, as recorded."""

from __future__ import annotations

import io
import os
import socket
import zipfile
from pathlib import Path

INGESTED, DUPLICATE, QUARANTINED = "ingested", "duplicate", "quarantined"

GOOD = (
    "江陵职业技术学院深化产教融合\n2023年，江陵职业技术学院与86家企业开展校企合作，共建产业学院5个，获授权专利147项。\n"
)
BIG5 = "江陵職業技術學院與企業合作，共建實訓基地12個，年培訓企業員工3000人次，技術服務到款額520萬元。\n"


def repeated_clause(repeats: int, fact: str = "合作企业45家") -> str:
    """The issue's stall: a short fact repeated inside one long comma-joined clause."""
    return "江陵职业技术学院" + "，".join([fact] * repeats) + "。\n"


def zip_bomb(uncompressed: int = 64 * 1024 * 1024) -> bytes:
    """A real zip bomb: one member of `uncompressed` zero bytes, deflated to a few tens of KB."""
    buf = io.BytesIO()
    block = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(uncompressed // len(block)):
            member.write(block)
    return buf.getvalue()


def small_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document>合作企业45家</w:document>")
    return buf.getvalue()


def encrypted_zip() -> bytes:
    """A zip whose member says it is encrypted (general purpose flag bit 0), as a password-
    protected DOCX does; zipfile cannot write one, so the flag is set in both headers."""
    data = bytearray(small_zip())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    return bytes(data)


def make_hostile_inbox(folder: Path, good: bool = True) -> dict[str, tuple[str, str]]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, tuple[str, str]] = {}

    def write(name: str, data: bytes, status: str, word: str) -> None:
        (folder / name).write_bytes(data)
        expect[name] = (status, word)

    if good:
        write("a-good.txt", GOOD.encode(), INGESTED, "")
        write("b-good-copy.txt", GOOD.encode(), DUPLICATE, "same bytes as a-good.txt")
    write("big5.txt", BIG5.encode("big5"), INGESTED, "")
    write("stray-byte.txt", GOOD.encode()[:30] + b"\xff" + GOOD.encode()[30:], INGESTED, "")
    write("utf16-no-bom.txt", GOOD.encode("utf-16-le"), INGESTED, "")
    write("repeated-clause.txt", repeated_clause(1000).encode(), INGESTED, "")
    write("empty.txt", b"", QUARANTINED, "empty")
    write("blank.html", b"  \n\t \r\n", QUARANTINED, "empty")
    write("binary.txt", bytes(range(256)) * 64, QUARANTINED, "binary")
    write("random.txt", bytes((i * 7919 + 13) % 251 for i in range(20000)), QUARANTINED, "binary")
    write("mojibake.txt", BIG5.encode("big5").decode("gb18030").encode() * 3, QUARANTINED, "mojibake")
    write("mostly-bad.txt", GOOD.encode()[:40] + b"\xff\xfe\xfd" * 400, QUARANTINED, "binary")
    write("pdf-named.txt", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n", QUARANTINED, "fake extension")
    write("text-named.pdf", GOOD.encode(), QUARANTINED, "fake extension")
    write("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", QUARANTINED, "truncated PDF")
    write(
        "encrypted.pdf",
        b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n",
        QUARANTINED,
        "encrypted PDF",
    )
    write("bomb.docx", zip_bomb(), QUARANTINED, "zip bomb")
    write("truncated.xlsx", small_zip()[:-30], QUARANTINED, "truncated or damaged zip")
    write("encrypted.docx", encrypted_zip(), QUARANTINED, "encrypted zip")
    write("program.exe", b"MZ\x90\x00" + bytes(200), QUARANTINED, "unsupported file type")
    write("unreadable.txt", GOOD.encode() + b"unreadable", QUARANTINED, "permission denied")
    os.chmod(folder / "unreadable.txt", 0)
    with open(folder / "huge.txt", "wb") as fh:  # sparse: 25 MiB on paper, nothing on disk
        fh.truncate(25 * 1024 * 1024)
    expect["huge.txt"] = (QUARANTINED, "too large")

    (folder / "folder.txt").mkdir()
    expect["folder.txt"] = (QUARANTINED, "folder named like")
    write("folder.txt/inside.txt", (GOOD + "（文件夹内）\n").encode(), INGESTED, "")

    os.symlink("/etc/passwd", folder / "outside-link.txt")
    expect["outside-link.txt"] = (QUARANTINED, "symbolic link")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    expect["loop-a.txt"] = expect["loop-b.txt"] = (QUARANTINED, "symbolic link loop")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    expect["dangling.txt"] = (QUARANTINED, "dangling symbolic link")
    os.symlink("/", folder / "root-link")
    expect["root-link"] = (QUARANTINED, "symbolic link to a folder")

    os.mkfifo(folder / "fifo.txt")
    expect["fifo.txt"] = (QUARANTINED, "FIFO")
    sock_path = folder / "sock.txt"
    if len(os.fsencode(sock_path)) < 100:  # AF_UNIX paths are short
        s = socket.socket(socket.AF_UNIX)
        s.bind(os.fsencode(sock_path))
        s.close()
        expect["sock.txt"] = (QUARANTINED, "socket")

    gbk_name = "报告.txt".encode("gbk")
    with open(os.path.join(os.fsencode(folder), gbk_name), "wb") as fh:
        fh.write((GOOD + "（GBK 文件名）\n").encode())
    expect[gbk_name.decode("utf-8", errors="backslashreplace")] = (QUARANTINED, "not UTF-8")
    return expect
