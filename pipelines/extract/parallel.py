"""Per-report work fanned out: many report texts → their facts (or another per-report result),
on every core or on a Dask cluster.

`extract_many(texts)` returns, in input order, the facts of each text as dicts, exactly what
`extract_facts(text)` gives in this process; `map_reports(work, items, sizes)` does the same for
any picklable per-report work (who and when of each fact: facts_table.py). Where the work runs:

- `CHANJIAO_DASK_SCHEDULER=tcp://host:8786`: on that Dask distributed cluster (several machines);
  `CHANJIAO_DASK_SCHEDULER=local`: on a Dask LocalCluster started for the call (one worker
  process per core);
- otherwise worker processes on this machine's cores (`concurrent.futures`), in chunks, and
  in this process when the input is too small to pay for starting workers (or one core only).

`CHANJIAO_WORKERS=N` caps the number of processes (1 = always in this process).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from pipelines.ingest import budget
from pipelines.progress import Report, tracked

DASK_ENV = "CHANJIAO_DASK_SCHEDULER"
WORKERS_ENV = "CHANJIAO_WORKERS"
# Below this many characters the work is done in this process: starting workers costs more.
MIN_PARALLEL_CHARS = 400_000
# Work is handed out in chunks of about this many characters (a few per worker, to balance).
CHUNK_CHARS = 250_000


def cores() -> int:
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not Linux)
        n = os.cpu_count() or 1
    cap = os.environ.get(WORKERS_ENV)
    return max(1, min(n, int(cap))) if cap else max(1, n)


def extract_chunk(texts: Sequence[str]) -> list[list[dict]]:
    from .extractor import extract_facts

    return [[f.to_dict() for f in extract_facts(t)] for t in texts]


def extract_within(text: str, seconds: float) -> tuple[str, list[dict] | None, float]:
    """(reason, facts, seconds taken) of one text extracted under a time budget of `seconds`."""
    from .extractor import extract_facts

    t0 = time.monotonic()
    try:
        with budget.report_budget(seconds):
            facts = [f.to_dict() for f in extract_facts(text)]
        return "", facts, round(time.monotonic() - t0, 3)
    except budget.BudgetExceeded as exc:
        return str(exc), None, round(time.monotonic() - t0, 3)


def chunks(texts: Sequence[str], workers: int, sizes: Sequence[int] | None = None) -> list[list[int]]:
    """Indices of texts in chunks of about CHUNK_CHARS (sizes: each item's characters, where
    the items are not the texts themselves), at least two per worker when there is enough work,
    so that a long report does not leave the other cores idle at the end."""
    sizes = [len(t) for t in texts] if sizes is None else sizes
    total = sum(sizes)
    target = max(1, min(CHUNK_CHARS, total // max(1, 2 * workers)))
    out: list[list[int]] = []
    cur: list[int] = []
    size = 0
    for i, n in enumerate(sizes):
        cur.append(i)
        size += n
        if size >= target:
            out.append(cur)
            cur, size = [], 0
    if cur:
        out.append(cur)
    return out


def backend(texts: Sequence[str], sizes: Sequence[int] | None = None) -> str:
    """Where extract_many would run these texts: 'dask', 'processes' or 'in-process'."""
    if os.environ.get(DASK_ENV):
        return "dask"
    total = sum(len(t) for t in texts) if sizes is None else sum(sizes)
    if cores() < 2 or total < MIN_PARALLEL_CHARS or len(texts) < 2:
        return "in-process"
    return "processes"


def extract_many(texts: Sequence[str], progress: Report | None = None, fan: Fanout | None = None) -> list[list[dict]]:
    """progress(done, total): texts done so far, per text in this process, per chunk elsewhere.
    fan: workers kept by the caller for several calls (else started for this one)."""
    return _run(extract_chunk, list(texts), progress, None, fan)


def map_reports(work: Callable[[list], list], items: Sequence, sizes: Sequence[int], fan: Fanout | None = None) -> list:
    """work(chunk of items) → one result per item, over every item in input order, spread like
    extract_many: work must be a module-level function and items picklable; sizes are the
    items' characters of report text (what their work grows with)."""
    return _run(work, list(items), None, list(sizes), fan)


def _run(
    work: Callable[[list], list],
    texts: list,
    progress: Report | None,
    sizes: list[int] | None = None,
    fan: Fanout | None = None,
) -> list:
    if not texts:
        return []
    if backend(texts, sizes) == "in-process":
        return work(list(tracked(texts, len(texts), progress)))
    if fan is None:
        with Fanout() as own:
            return _run(work, texts, progress, sizes, own)
    return fan.submit(work, texts, sizes)(progress)


class Fanout:
    """Per-report work spread like extract_many, over workers kept for several submissions:
    a refresh's intake hands every batch to the same worker processes (or Dask cluster) instead
    of starting them per batch, and submits a batch before it gathers the one before, so that
    this process reads and decodes the next batch while the workers extract.

    `submit(work, items, sizes)` starts the work and returns a function that waits for it and
    gives one result per item in input order (`gather(progress)`); in-process work runs when it
    is gathered. The workers start on the first submission that needs them and stop on close."""

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self.workers = workers or cores()
        self.address = address if address is not None else os.environ.get(DASK_ENV, "")
        self._pool: ProcessPoolExecutor | None = None
        self._cluster = None
        self._client = None

    def __enter__(self) -> Fanout:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def submit(
        self, work: Callable[[list], list], items: Sequence, sizes: Sequence[int] | None = None, how: str | None = None
    ) -> Callable[..., list]:
        items = list(items)
        how = how or backend(items, sizes)
        if not items or how == "in-process":
            return lambda progress=None: work(list(tracked(items, len(items), progress))) if items else []
        if how == "dask":
            return self._on_dask(work, items, sizes)
        parts = chunks(items, self.workers, sizes)
        pool = self._processes()
        futures = [pool.submit(work, [items[i] for i in p]) for p in parts]

        def gather(progress: Report | None = None) -> list:
            results, done = [], 0
            for part, fut in zip(parts, futures, strict=True):
                results.append(fut.result())
                done += len(part)
                if progress is not None:
                    progress(done, len(items))
            return _gather(items, parts, results)

        return gather

    def _processes(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: workers start from a clean interpreter (no threads or locks copied from the
            # orchestrator or a test runner), are this process's own children (so their CPU time
            # and memory count in its resource usage), and import the extractor once each.
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def _on_dask(self, work: Callable, items: list, sizes: Sequence[int] | None) -> Callable[..., list]:
        from distributed import Client, LocalCluster, as_completed

        if self._client is None:
            if self.address == "local":
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=40,
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(self.address)
                self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        client = self._client
        parts = chunks(items, self.workers, sizes)
        futures = client.map(work, [[items[i] for i in p] for p in parts], pure=False)

        def gather(progress: Report | None = None) -> list:
            if progress is not None:
                size, done = {f.key: len(p) for f, p in zip(futures, parts)}, 0
                for fut in as_completed(futures):
                    done += size[fut.key]
                    progress(done, len(items))
            return _gather(items, parts, client.gather(futures))

        return gather


def _gather(texts: list[str], parts: list[list[int]], results) -> list:
    out: list = [[] for _ in texts]
    for idx, facts in zip(parts, results):
        for i, f in zip(idx, facts):
            out[i] = f
    return out


def _on_processes(
    texts: list,
    workers: int,
    progress: Report | None = None,
    work: Callable = extract_chunk,
    sizes: list[int] | None = None,
) -> list:
    with Fanout(workers) as fan:
        return fan.submit(work, texts, sizes, how="processes")(progress)
