"""`make bench`: speed ratios measured side by side in one run (interleaved repetitions,
medians), so that a shared, noisy machine moves both sides of each ratio alike.

Ratios printed, first the scale story of issue 14 (devtools/bench_scale.py: a seeded corpus of
1,000 reports, and 10,000 with `--10k`; cold / one new report / nothing changed as the run's own
time, time per report across sizes, extraction MB/s against a bare regex scan and its speed-up on
every core, cores used, peak memory, start-up), then:
- incremental refresh: facts for a corpus with one new report (cache warm) vs from cold;
- extraction vs decoding: where a report's time goes;
- long reports: extraction time per character on all reports joined into one vs the same
  reports one by one (a constant means linear; the quote uniqueness search must not go quadratic);
- PDF: a 100-page report (the samples printed by Chromium), pages per second with pypdfium2
  and with pdfplumber side by side, and reading it (formats/pdf.py) against reading the same
  text from a .txt file.
- hostile input: extraction time per character on a 1 MB file of one clause of a short fact
  repeated (the issue's stall) vs the normal reports (target ≤ 3×), and a refresh (ingest, decode,
  extract, validate, publish; no Dagster) over the hostile inbox of pipelines/devtools/hostile.py
  vs over as many normal reports (target ≤ 3×).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipelines import settings
from pipelines.devtools import bench_scale
from pipelines.devtools.hostile import make_hostile_inbox, repeated_clause
from pipelines.extract.cache import FactCache
from pipelines.extract.extractor import extract_facts
from pipelines.ingest.decode import decode_report


def _corpus(copies: int) -> list[tuple[str, bytes]]:
    files = sorted(p for p in settings.DEFAULT_INBOX.iterdir() if p.suffix in (".txt", ".html"))
    out = []
    for i in range(copies):
        for p in files:
            # a distinct byte string per copy, so that content hashes differ as in a real corpus
            out.append((f"{i}-{p.name}", p.read_bytes() + f"\n<!-- copy {i} -->\n".encode()))
    return out


def _cold() -> None:
    """Forget what the classifier memoised, so that no side of a ratio profits from the texts
    the other side (or an earlier repetition) already classified."""
    from pipelines.extract import classify

    classify.classify_scored.cache_clear()  # a memo kept from the last run would flatter the next


def _per_char(normal: list[str], other: str, reps: int) -> tuple[float, float, float]:
    """Extraction of the normal reports (one by one) and of other, side by side: (seconds for
    the normal reports, for other, other's time per character over theirs). The normal side is the
    whole sample corpus, not one report, so that its time is long enough to measure steadily."""
    n_normal = sum(len(t) for t in normal)

    def extract_normal():
        for t in normal:
            extract_facts(t)

    t_base, t_other = _median_pair(extract_normal, lambda: extract_facts(other), reps)
    return t_base, t_other, (t_other / len(other)) / (t_base / n_normal)


def _median_pair(a: Callable[[], None], b: Callable[[], None], reps: int) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(reps):
        for fn, acc in ((a, ta), (b, tb)):
            _cold()
            t0 = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t0)
    return statistics.median(ta), statistics.median(tb)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--10k", dest="big", action="store_true", help="also 10,000 reports (minutes)")
    ap.add_argument("--sizes", type=int, nargs="*", help="corpus sizes (default 1000, and 10000 with --10k)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    sizes = args.sizes or ([1000, 10000] if args.big else [1000])
    print(f"bench: sizes {sizes}, seed {args.seed}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="chanjiao-bench-") as tmp:
        bench_scale.scale(sizes, args.seed, 3, Path(tmp))
    print("\n== the sample reports")
    samples()


def samples(reps: int = 5, copies: int = 4) -> None:
    corpus = _corpus(copies)
    texts = [(name, decode_report(data, name).text) for name, data in corpus]
    n_chars = sum(len(t) for _, t in texts)
    print(f"corpus: {len(corpus)} reports, {n_chars} characters, {reps} interleaved repetitions")

    with tempfile.TemporaryDirectory() as tmp:
        warm = FactCache(Path(tmp) / "warm")
        for _, t in texts[:-1]:
            warm.facts(str(hash(t)), t)

        def cold_run():
            cache = FactCache(None)
            for _, t in texts:
                cache.facts(str(hash(t)), t)

        def warm_run():  # every report cached but the last one: a refresh after one new report
            for _, t in texts:
                warm.facts(str(hash(t)), t)
            (warm.dir / f"{hash(texts[-1][1])}.json").unlink(missing_ok=True)

        t_cold, t_warm = _median_pair(cold_run, warm_run, reps)
        print(f"facts, cold cache            {t_cold * 1000:9.1f} ms")
        print(
            f"facts, one new report        {t_warm * 1000:9.1f} ms   ratio cold/incremental = {t_cold / t_warm:6.1f}x"
        )

    def decode_all():
        for name, data in corpus:
            decode_report(data, name)

    def extract_all():
        for _, t in texts:
            extract_facts(t)

    t_dec, t_ext = _median_pair(decode_all, extract_all, reps)
    print(f"decode all                   {t_dec * 1000:9.1f} ms")
    print(
        f"extract all                  {t_ext * 1000:9.1f} ms   ratio extract/decode = {t_ext / t_dec:6.1f}x   "
        f"({n_chars / t_ext / 1000:.0f}k chars/s)"
    )

    # a long report: the corpus's distinct reports one after another, as in an annual report,
    # against the same reports one by one
    normal = [t for _, t in texts]
    long = "\n".join(dict.fromkeys(normal))

    t_base, t_long, ratio = _per_char(normal, long, reps)
    print(f"extract the {len(normal)} reports one by one {t_base * 1000:9.1f} ms")
    print(
        f"extract them as one {len(long):6d}-char report {t_long * 1000:9.1f} ms   time per char, "
        f"one long/one by one = {ratio:6.2f}"
    )
    hostile(normal, reps=3)
    pdf_bench(reps=3)


def _hundred_page_pdf(tmp: Path, pages: int = 100) -> bytes | None:
    """The sample reports printed by Chromium (as tests/format_fixtures.py does), repeated and
    cut to `pages` pages: a stand-in for a 100-page 质量年报 with a few ruled tables."""
    import html as html_mod
    import shutil
    import subprocess

    import pypdfium2 as pdfium

    chromium = shutil.which("chromium")
    if not chromium:
        return None
    # one report opens each page: the first `pages` reports (repeated if there are fewer) are enough, and
    # printing the whole sample inbox (4,000 reports, three times) took Chromium past its time limit
    files = sorted(settings.DEFAULT_INBOX.iterdir())
    if not files:
        return None
    files = (files * (pages // len(files) + 1))[:pages]
    texts = [decode_report(p.read_bytes(), p.name).text for p in files]
    body = []
    for text in texts:
        body.append('<section style="break-before: page">')
        rows: list[str] = []
        for line in text.splitlines() + [""]:
            cells = [c for c in re.split(r"\t| {2,}", line.strip()) if c]
            if len(cells) > 1:
                rows.append("<tr>" + "".join(f"<td>{html_mod.escape(c)}</td>" for c in cells) + "</tr>")
                continue
            if rows:
                body.append('<table border="1" cellspacing="0">' + "".join(rows) + "</table>")
                rows = []
            if line.strip():
                body.append(f"<p>{html_mod.escape(line)}</p>")
        body.append("</section>")
    src, out = tmp / "report.html", tmp / "report.pdf"
    src.write_text('<html><head><meta charset="utf-8"></head><body>' + "".join(body) + "</body></html>", "utf-8")
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp / 'chromium'}",
         f"--print-to-pdf={out}", src.as_uri()],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    whole = pdfium.PdfDocument(out.read_bytes())
    cut = pdfium.PdfDocument.new()
    cut.import_pages(whole, list(range(min(pages, len(whole)))))
    buf = io.BytesIO()
    cut.save(buf)
    return buf.getvalue()


def pdf_bench(reps: int = 3) -> None:
    """PDF text extraction of a 100-page report: pypdfium2 against pdfplumber (plain text of
    every page, side by side), then the whole reading (formats/pdf.py: layout, furniture,
    ruled tables through pdfplumber) against decoding the same text from a .txt file."""
    import logging

    import pdfplumber
    import pypdfium2 as pdfium

    from pipelines.ingest.formats.pdf import render_pdf

    with tempfile.TemporaryDirectory() as tmp:
        data = _hundred_page_pdf(Path(tmp))
    if data is None:
        print("PDF: skipped, no chromium to print the test report (run `make browser`)")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    n_pages = len(pdfium.PdfDocument(data))

    def with_pdfium():
        doc = pdfium.PdfDocument(data)
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        doc.close()

    def with_pdfplumber():
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.flush_cache()

    t_fast, t_plumber = _median_pair(with_pdfium, with_pdfplumber, reps)
    print(f"PDF {n_pages} pages, pypdfium2    {t_fast * 1000:9.1f} ms   {n_pages / t_fast:7.1f} pages/s")
    print(
        f"PDF {n_pages} pages, pdfplumber   {t_plumber * 1000:9.1f} ms   {n_pages / t_plumber:7.1f} pages/s   "
        f"ratio pdfplumber/pypdfium2 = {t_plumber / t_fast:6.1f}x"
    )
    text = render_pdf(data).text.encode()

    def read_pdf():
        render_pdf(data)

    def read_text():
        extract_facts(decode_report(text, "report.txt").text)

    def read_pdf_and_extract():
        extract_facts(render_pdf(data).text)

    t_pdf, t_txt = _median_pair(read_pdf, lambda: decode_report(text, "report.txt"), reps)
    print(f"PDF {n_pages} pages, read       {t_pdf * 1000:9.1f} ms   {n_pages / t_pdf:7.1f} pages/s")
    print(
        f"same text as .txt, decoded   {t_txt * 1000:9.1f} ms   ratio PDF/plain text = {t_pdf / t_txt:6.1f}x (reading only)"
    )
    t_pdf_all, t_txt_all = _median_pair(read_pdf_and_extract, read_text, reps)
    print(
        f"read + extract, PDF vs .txt  {t_pdf_all * 1000:9.1f} ms vs {t_txt_all * 1000:.1f} ms   "
        f"ratio PDF/plain text = {t_pdf_all / t_txt_all:6.2f}x"
    )


def _refresh(inbox: Path, root: Path) -> int:
    """The pipeline's steps in-process, no Dagster, from a cold data folder: the files seen."""
    from pipelines.settings import Paths
    from pipelines.steps import decode_reports, extract_facts_table, ingest_raw_reports, publish, release_tables
    from pipelines.validate.facts import validate_facts

    paths = Paths(inbox=inbox, published=root / "published", data=root / "data", sources=root / "none.yaml")
    raw = ingest_raw_reports(paths)
    texts = decode_reports(raw, paths)
    facts = extract_facts_table(texts, paths).facts
    checked = validate_facts(facts, texts, raw)
    publish(release_tables(texts, checked.valid, checked.quarantine), paths)
    return len(raw)


def hostile(normal: list[str], reps: int = 3) -> None:
    fact = "合作企业45家，"
    big = repeated_clause(1_000_000 // len(fact.encode()), fact[:-1])  # 1 MB of UTF-8
    n_normal = sum(len(t) for t in normal)

    t_base, t_big, ratio = _per_char(normal, big, reps)
    print(f"extract {n_normal:7d} chars of reports {t_base * 1000:9.1f} ms")
    print(
        f"extract {len(big):7d}-char clause  {t_big * 1000:9.1f} ms   time per char, repeated clause/normal = "
        f"{ratio:6.2f}   (target <= 3)"
    )
    # the same density of facts, none repeated (each count differs): what a fact costs when no
    # window repeats, for comparison; per character it is dearer than prose by the density
    facts_distinct = len(big) // 9
    distinct = "江陵职业技术学院" + "，".join(f"合作企业{i}家" for i in range(facts_distinct)) + "。\n"
    t_base2, t_distinct, dense = _per_char(normal, distinct, 1)
    facts_base = sum(len(extract_facts(t)) for t in normal)
    per_fact = (t_distinct / facts_distinct) / (t_base2 / max(facts_base, 1))
    print(
        f"extract {len(distinct):7d}-char clause of distinct facts {t_distinct * 1000:9.1f} ms   per char vs normal = "
        f"{dense:6.2f}, per fact = {per_fact:5.2f}   (no target: {n_normal / max(facts_base, 1):.0f} chars per fact "
        f"in the normal reports, 9 here)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = len(make_hostile_inbox(tmp / "hostile"))
        normal = tmp / "normal"
        normal.mkdir()
        samples = sorted(p for p in settings.DEFAULT_INBOX.iterdir() if p.suffix in (".txt", ".html"))
        for i in range(n):
            p = samples[i % len(samples)]
            (normal / f"{i:03d}-{p.name}").write_bytes(p.read_bytes() + f"\n<!-- copy {i} -->\n".encode())
        runs = iter(range(10**6))

        def refresh_normal():
            _refresh(normal, tmp / f"run-{next(runs)}")

        def refresh_hostile():
            _refresh(tmp / "hostile", tmp / f"run-{next(runs)}")

        t_normal, t_hostile = _median_pair(refresh_normal, refresh_hostile, reps)
        print(f"refresh, {n} normal reports  {t_normal * 1000:9.1f} ms")
        print(
            f"refresh, {n} hostile files   {t_hostile * 1000:9.1f} ms   ratio hostile/normal = "
            f"{t_hostile / t_normal:6.2f}   (target <= 3)"
        )


if __name__ == "__main__":
    main()
