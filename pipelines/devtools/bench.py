"""`make bench`: speed ratios measured side by side in one run (interleaved repetitions,
medians), so that a shared, noisy machine moves both sides of each ratio alike.

Ratios printed:
- incremental refresh: facts for a corpus with one new report (cache warm) vs from cold;
- extraction vs decoding: where a report's time goes;
- long reports: extraction time per character on all reports joined into one vs the longest
  single report (near 1.0 means linear; the quote uniqueness search must not go quadratic).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipelines import settings
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


def _median_pair(a: Callable[[], None], b: Callable[[], None], reps: int) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(reps):
        for fn, acc in ((a, ta), (b, tb)):
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


if __name__ == "__main__":
    main()
