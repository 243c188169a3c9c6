"""A seeded, deterministic corpus of synthetic reports for the benchmark.

Sentences are sampled from the bundled reports (samples/real/inbox), their
numbers redrawn, and put together into reports of varied length about a pool of invented
colleges, as plain text or as HTML pages with boilerplate around the article. Report i depends
only on (seed, i): a corpus of n + 1 reports is the corpus of n plus one new report.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

from pipelines import settings

SAMPLE_DIRS = (settings.DEFAULT_INBOX,)
CITIES = [
    "江陵",
    "临川",
    "青州",
    "云泽",
    "海宁",
    "长平",
    "安远",
    "西岭",
    "东湖",
    "南屏",
    "北原",
    "嘉禾",
    "兰溪",
    "清河",
    "武陵",
    "金城",
    "玉泉",
    "丹阳",
    "宁远",
    "永安",
    "平江",
    "新丰",
    "白水",
    "黄石",
    "紫阳",
    "汉中",
    "凤翔",
    "桐城",
    "泰和",
    "广陵",
    "华亭",
    "常山",
    "德阳",
    "景州",
    "昌平",
    "荆门",
    "潮阳",
    "鄞江",
    "衡山",
    "梧州",
]
KINDS = ("职业技术学院", "职业学院", "技师学院", "高等专科学校", "职业技术大学", "交通职业技术学院", "工业职业学院")
SENTENCE = re.compile(r"[^。！？\n]{8,300}[。！？]")
DIGITS = re.compile(r"\d+(?:\.\d+)?")


@cache
def sentence_pool() -> tuple[str, ...]:
    from pipelines.ingest.decode import decode_report

    out: list[str] = []
    for folder in SAMPLE_DIRS:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if p.suffix not in (".txt", ".html", ".htm"):
                continue
            try:
                text = decode_report(p.read_bytes(), p.name).text
            except Exception:  # noqa: BLE001 (a sample that cannot be decoded gives no sentences)
                continue
            out += [m.group(0).strip() for m in SENTENCE.finditer(text)]
    return tuple(dict.fromkeys(out))


def colleges(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(f"colleges-{seed}")
    names = [f"{c}{k}" for c in CITIES for k in KINDS]
    rng.shuffle(names)
    out = names[:n]
    i = 0
    while len(out) < n:  # more than the pool: numbered branches
        out.append(f"{names[i % len(names)][:2]}第{i // len(names) + 2}{names[i % len(names)][2:]}")
        i += 1
    return out


def _redraw(rng: random.Random, m: re.Match) -> str:
    s = m.group(0)
    whole, _, frac = s.partition(".")
    new = str(rng.randint(1 if len(whole) > 1 else 0, 10 ** len(whole) - 1)).zfill(len(whole))
    if len(whole) > 1:
        new = new.lstrip("0") or "1"
    return new + ("." + "".join(str(rng.randint(0, 9)) for _ in frac) if frac else "")


def report(i: int, n_colleges: int, seed: int = 0) -> tuple[str, bytes]:
    """(file name, bytes) of report i."""
    rng = random.Random(f"report-{seed}-{i}")
    pool = sentence_pool()
    college = colleges(n_colleges, seed)[rng.randrange(n_colleges)]
    n = max(3, min(400, int(rng.lognormvariate(3.0, 0.9))))
    sentences = [DIGITS.sub(lambda m: _redraw(rng, m), rng.choice(pool)) for _ in range(n)]
    for j in range(0, len(sentences), 4):  # the college as the subject now and then
        sentences[j] = college + sentences[j]
    year = rng.randint(2019, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{college}{year}年产教融合工作{rng.choice(['报告', '年度质量报告', '新闻'])}"
    if rng.random() < 0.4:
        paras = "".join(f"<p>{s}</p>" for s in sentences)
        page = (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻中心</a></div>"
            f"<h1>{title}</h1><div class='info'>发布时间：{date} 来源：{college}</div>"
            f"<div class='article'>{paras}</div><div class='footer'>版权所有 © {college}</div></body></html>"
        )
        return f"r{i:06d}.html", page.encode()
    text = f"{title}\n发布时间：{date}\n\n" + "\n".join("".join(sentences[k : k + 3]) for k in range(0, n, 3)) + "\n"
    return f"r{i:06d}.txt", text.encode()


def write(folder: Path, n: int, seed: int = 0, n_colleges: int | None = None, start: int = 0) -> list[Path]:
    """Reports start … n-1 into folder; the college pool is fixed by n_colleges (default n // 5)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, n):
        name, data = report(i, n_colleges or default_colleges(n), seed)
        (folder / name).write_bytes(data)
        out.append(folder / name)
    return out


def default_colleges(n: int) -> int:
    return max(20, n // 5)
