"""Extraction fanned out over processes or a Dask cluster gives exactly the in-process facts."""

from __future__ import annotations

import pytest

from pipelines.extract import parallel
from pipelines.ingest.reports import read_report

from conftest import REAL


@pytest.fixture(scope="module")
def texts() -> list[str]:
    paths = sorted(p for p in (REAL / "inbox").iterdir() if p.suffix in (".txt", ".html"))
    return [read_report(p.read_bytes(), p.name).text for p in paths]


def test_the_backend_is_chosen_by_size_cores_and_environment(monkeypatch, texts):
    monkeypatch.delenv(parallel.DASK_ENV, raising=False)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    assert parallel.backend(texts[:1]) == "in-process"  # one report: nothing to share out
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    assert parallel.backend(texts) == "processes"
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    assert parallel.backend(texts) == "in-process"
    monkeypatch.setenv(parallel.DASK_ENV, "local")
    assert parallel.backend(texts) == "dask"


def test_chunks_cover_every_report_once_in_order(texts):
    parts = parallel.chunks(texts, 2)
    assert [i for p in parts for i in p] == list(range(len(texts)))
    assert len(parts) >= 4  # at least two chunks per worker, so no core idles at the end


def test_worker_processes_give_the_in_process_facts(monkeypatch, texts):
    monkeypatch.delenv(parallel.DASK_ENV, raising=False)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    serial = parallel.extract_chunk(texts)
    assert sum(map(len, serial)) > 100
    assert parallel._on_processes(texts, 2) == serial
    seen: list[tuple[int, int | None]] = []
    assert parallel.extract_many(texts, lambda done, total: seen.append((done, total))) == serial
    # progress per chunk, rising to every text
    assert seen[-1] == (len(texts), len(texts)) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_who_and_when_on_worker_processes_are_the_in_process_rows(monkeypatch, texts):
    from pipelines.extract.who_when import ReportFacts, derive_chunk

    monkeypatch.delenv(parallel.DASK_ENV, raising=False)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    jobs = [ReportFacts(t, f, None, None, None, 2024) for t, f in zip(texts, parallel.extract_chunk(texts))]
    serial = derive_chunk(jobs)
    assert sum(map(len, serial)) > 100
    sizes = [len(t) for t in texts]
    assert parallel.backend(jobs, sizes) == "processes"
    assert parallel.map_reports(derive_chunk, jobs, sizes) == serial


@pytest.mark.e2e
def test_a_local_dask_cluster_of_two_worker_processes_gives_the_in_process_facts(monkeypatch, texts):
    monkeypatch.setenv(parallel.DASK_ENV, "local")
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    serial = parallel.extract_chunk(texts)
    assert parallel.backend(texts) == "dask"
    seen: list[tuple[int, int | None]] = []
    assert parallel.extract_many(texts, lambda done, total: seen.append((done, total))) == serial
    assert seen[-1] == (len(texts), len(texts))


def test_the_fact_cache_extracts_only_what_it_has_not_seen(tmp_path, monkeypatch, texts):
    from pipelines.extract.cache import FactCache

    calls = []
    real = parallel.extract_many
    monkeypatch.setattr(
        "pipelines.extract.cache.extract_many",
        lambda ts, progress=None, fan=None: calls.append(len(ts)) or real(ts, progress, fan),
    )
    items = [(str(i), t) for i, t in enumerate(texts)]
    cold = FactCache(tmp_path).facts_of(items)
    warm = FactCache(tmp_path)
    again = warm.facts_of(items + [("new", texts[0] + "\n合作企业45家。")])
    assert again[:-1] == cold and warm.hits == len(texts) and warm.misses == 1
    assert calls == [len(texts), 1]
