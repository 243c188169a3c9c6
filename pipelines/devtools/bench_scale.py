"""`make bench`, the scale part (issue 14), on a seeded synthetic corpus (devtools/corpus.py):

1. refresh, the main job as the orchestrator runs it, each phase in a fresh process with its own
   Dagster instance (SQLite, as deployed): cold, then one new report, then nothing changed. Per
   phase: the run's own time (the run record's start to end, what the issue's targets measure),
   the process's wall time (start-up included), CPU over wall (the cores used) and peak memory
   (the main process, and the largest worker process);
2. time per report across sizes (cold run time / reports, 10k over 1k: 1.0 is linear);
3. extraction in MB/s of report text against a bare regex scan for the numbers of the same text,
   and worker processes on every core against one process;
4. start-up: a fresh interpreter importing the code location, against importing the orchestrator alone.
"""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pipelines import settings
from pipelines.devtools import corpus

NUMBER_SCAN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百千万亿]+")


def median_pair(a: Callable[[], object], b: Callable[[], object], reps: int) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(reps):
        for fn, acc in ((a, ta), (b, tb)):
            t0 = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t0)
    return statistics.median(ta), statistics.median(tb)


# --- 1. one refresh phase, in its own process --------------------------------------------------


def phase(inbox: Path, published: Path, data: Path) -> dict:
    """Run the main job once (in the fresh process refresh_phase starts)."""
    t0 = time.perf_counter()
    c0 = os.times()
    from assets.run import refresh

    t_import = time.perf_counter() - t0
    timings: dict = {}
    ok = refresh(inbox, published, data, timings=timings)
    wall = time.perf_counter() - t0
    c1 = os.times()
    cpu = sum(getattr(c1, k) - getattr(c0, k) for k in ("user", "system", "children_user", "children_system"))
    return {
        "ok": ok,
        "run_s": timings.get("run_seconds", float("nan")),
        "steps": timings.get("steps", {}),
        "wall_s": wall,
        "import_s": t_import,
        "cpu_s": cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def refresh_phase(inbox: Path, published: Path, data: Path, home: Path) -> dict:
    cmd = [sys.executable, "-m", "pipelines.devtools.bench_scale", str(inbox), str(published), str(data)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHANJIAO_", "DAGSTER_"))}
    env["DAGSTER_HOME"] = str(home)  # an instance of the bench's own: it leaves no run history behind
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"refresh phase failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if not result["ok"]:
        raise RuntimeError(f"refresh phase failed:\n{out.stderr[-3000:]}")
    return result


def refresh_story(n: int, tmp: Path, seed: int) -> dict:
    inbox, published, data, home = (tmp / f"{what}{n}" for what in ("inbox", "published", "data", "home"))
    n_colleges = corpus.default_colleges(n)
    corpus.write(inbox, n, seed, n_colleges)
    size = sum(p.stat().st_size for p in inbox.iterdir())
    cold = refresh_phase(inbox, published, data, home)
    corpus.write(inbox, n + 1, seed, n_colleges, start=n)  # one new report
    new = refresh_phase(inbox, published, data, home)
    same = refresh_phase(inbox, published, data, home)
    versions = sorted(p.name for p in (published / settings.DATASET).iterdir() if p.is_dir() and p.name[0] != ".")
    return {"n": n, "bytes": size, "colleges": n_colleges, "cold": cold, "new": new, "same": same, "versions": versions}


def print_story(s: dict) -> None:
    cold = s["cold"]
    print(
        f"\n== refresh, {s['n']} reports ({s['bytes'] / 1e6:.1f} MB, {s['colleges']} colleges); "
        f"versions {', '.join(s['versions'])}"
    )
    print(
        f"{'phase':<18}{'run':>8}{'wall':>8}{'start-up':>10}{'cores':>7}{'peak':>8}{'worker peak':>13}{'run/cold':>10}"
    )
    for name, p in (("cold", cold), ("one new report", s["new"]), ("nothing changed", s["same"])):
        print(
            f"{name:<18}{p['run_s']:7.1f}s{p['wall_s']:7.1f}s{p['import_s']:9.2f}s{p['cpu_s'] / p['wall_s']:7.2f}"
            f"{p['peak_mb']:6.0f}MB{p['worker_peak_mb']:11.0f}MB{p['run_s'] / cold['run_s']:10.1%}"
        )
    print(f"cold: {cold['run_s'] / s['n'] * 1000:.1f} ms of run per report")
    for name, p in (("cold", cold), ("one new report", s["new"])):
        top = sorted(p["steps"].items(), key=lambda kv: -kv[1])[:6]
        print(f"{name + ', longest steps:':<32}" + ", ".join(f"{k} {v:.1f}s" for k, v in top))


def print_linearity(stories: list[dict]) -> None:
    if len(stories) > 1:
        a, b = stories[0], stories[-1]
        ratio = (b["cold"]["run_s"] / b["n"]) / (a["cold"]["run_s"] / a["n"])
        print(f"\n== time per report, {b['n']} over {a['n']} reports: {ratio:.2f}x (1.0 = linear; target <= 1.2)")


# --- 3. extraction throughput --------------------------------------------------------------------


def cold_chunk(texts: list[str]) -> list[list[dict]]:
    """Extraction of texts with no memo kept from earlier work (in whichever process runs it), so
    that neither side of a ratio profits from texts another repetition already classified."""
    from pipelines.extract import classify, parallel, simplify

    classify.classify_scored.cache_clear()
    simplify.simplified.cache_clear()
    return parallel.extract_chunk(texts)


def extraction(texts: list[str], reps: int) -> None:
    """One process against a bare scan; then every core against one process, twice: with the
    workers already started (as a refresh's intake keeps them across its batches: the speed-up of
    the work itself) and with their start-up counted (a pool started for this sample alone)."""
    from pipelines.extract import parallel

    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t_serial, t_scan = median_pair(lambda: cold_chunk(texts), lambda: [NUMBER_SCAN.findall(t) for t in texts], reps)
    workers = parallel.cores()
    print(f"\n== extraction, {len(texts)} reports, {mb:.1f} MB of report text")
    print(f"one process            {mb / t_serial:7.2f} MB/s")
    print(
        f"bare regex number scan {mb / t_scan:7.2f} MB/s   extraction is 1/{t_serial / t_scan:.0f} of it (target >= 1/25)"
    )
    if workers < 2:
        print("one core: no speed-up to measure")
        return
    with parallel.Fanout(workers) as fan:
        t0 = time.perf_counter()
        fan.submit(cold_chunk, texts, how="processes")()  # starts the workers
        t_first = time.perf_counter() - t0
        t_one, t_par = median_pair(
            lambda: cold_chunk(texts), lambda: fan.submit(cold_chunk, texts, how="processes")(), reps
        )
    print(
        f"{workers} worker processes     {mb / t_par:7.2f} MB/s   speed-up {t_one / t_par:.2f}x, workers started (target >= 1.7x)"
    )
    print(
        f"  with their start-up    {mb / t_first:7.2f} MB/s   speed-up {t_one / t_first:.2f}x "
        f"(start-up {max(0.0, t_first - t_par):.2f} s, paid once a refresh)"
    )


# --- 4. start-up ---------------------------------------------------------------------------------


def startup(reps: int) -> None:
    def imp(module: str) -> Callable[[], None]:
        return lambda: subprocess.run([sys.executable, "-c", f"import {module}"], check=True)

    from assets.run import ORCHESTRATOR_MODULE

    t_orch, t_loc = median_pair(imp(ORCHESTRATOR_MODULE), imp("assets.definitions"), reps)
    t_py, _ = median_pair(imp("sys"), lambda: None, reps)
    print("\n== start-up (a fresh interpreter importing …)")
    print(f"nothing                {t_py:6.2f} s")
    print(f"orchestrator alone     {t_orch:6.2f} s")
    print(
        f"the code location      {t_loc:6.2f} s   ratio to the orchestrator alone {t_loc / t_orch:.2f}x (target <= 1.5 s)"
    )


def scale(sizes: list[int], seed: int, reps: int, tmp: Path) -> None:
    stories = []
    for n in sizes:
        stories.append(refresh_story(n, tmp, seed))
        print_story(stories[-1])
    print_linearity(stories)
    from pipelines.ingest.reports import read_report

    sample = [corpus.report(i, corpus.default_colleges(sizes[0]), seed) for i in range(300)]
    extraction([read_report(data, name).text for name, data in sample], reps)
    startup(reps)


if __name__ == "__main__":  # one refresh phase: INBOX PUBLISHED DATA
    print(json.dumps(phase(*map(Path, sys.argv[1:4]))))
