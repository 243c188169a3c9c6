"""`make bench`: speed ratios measured side by side in one run (interleaved repetitions,
medians), so that a shared, noisy machine moves both sides of each ratio alike.

Ratios printed:
- incremental refresh: facts for a corpus with one new report (cache warm) vs from cold;
- extraction vs decoding: where a report's time goes;
- long reports: extraction time per character on all reports joined into one vs the longest
  single report (near 1.0 means linear; the quote uniqueness search must not go quadratic);
- hostile input: extraction time per character on a 1 MB file of one clause of a short fact
  repeated (the issue's stall) vs a normal report (target ≤ 3×), and a refresh (ingest, decode,
  extract, validate, publish; no Dagster) over the hostile inbox of pipelines/devtools/hostile.py
  vs over as many normal reports (target ≤ 3×).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipelines import settings
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

    if hasattr(classify.classify, "cache_clear"):
        classify.classify.cache_clear()


def _median_pair(a: Callable[[], None], b: Callable[[], None], reps: int) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(reps):
        for fn, acc in ((a, ta), (b, tb)):
            _cold()
            t0 = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t0)
    return statistics.median(ta), statistics.median(tb)


def main(reps: int = 5, copies: int = 4) -> None:
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

    # a long report: the corpus's distinct reports one after another, as in an annual report
    base = max((t for _, t in texts), key=len)
    long = "\n".join(dict.fromkeys(t for _, t in texts))

    def per_char_base():
        extract_facts(base)

    def per_char_long():
        extract_facts(long)

    t_base, t_long = _median_pair(per_char_base, per_char_long, reps)
    ratio = (t_long / len(long)) / (t_base / len(base))
    print(f"extract {len(base):6d}-char report   {t_base * 1000:9.1f} ms")
    print(f"extract {len(long):6d}-char report   {t_long * 1000:9.1f} ms   time per char, long/base = {ratio:6.2f}")

    hostile(base, reps=3)


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


def hostile(base: str, reps: int = 3) -> None:
    fact = "合作企业45家，"
    big = repeated_clause(1_000_000 // len(fact.encode()), fact[:-1])  # 1 MB of UTF-8

    def per_char_base():
        extract_facts(base)

    def per_char_big():
        extract_facts(big)

    t_base, t_big = _median_pair(per_char_base, per_char_big, reps)
    ratio = (t_big / len(big)) / (t_base / len(base))
    print(f"extract {len(base):7d}-char report  {t_base * 1000:9.1f} ms")
    print(
        f"extract {len(big):7d}-char clause  {t_big * 1000:9.1f} ms   time per char, repeated clause/normal = "
        f"{ratio:6.2f}   (target <= 3)"
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
