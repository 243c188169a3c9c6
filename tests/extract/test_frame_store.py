"""The stored facts frame: a refresh takes the rows of unchanged reports from it, builds only
the others, and gives exactly the frame a build of every report gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipelines import steps
from pipelines.devtools import corpus
from pipelines.extract import facts_table
from pipelines.extract.facts_table import facts_frame, frame_store
from pipelines.settings import Paths


def _texts(inbox: Path, data: Path) -> pd.DataFrame:
    paths = Paths(inbox=inbox, data=data, published=data / "pub", sources=data / "none.yaml")
    return steps.decode_reports(steps.ingest_raw_reports(paths), paths)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nulls of text columns as None (what the stored frame, read from Arrow, holds)."""
    out = frame.copy()
    for c in out.select_dtypes(include="object").columns:
        out[c] = out[c].where(out[c].notna(), None)
    return out


@pytest.fixture
def setup(tmp_path):
    inbox = tmp_path / "inbox"
    corpus.write(inbox, 12, n_colleges=4)
    return inbox, tmp_path / "data"


def _run(texts: pd.DataFrame, data: Path):
    paths = Paths(inbox=data, data=data, published=data / "pub", sources=data / "none.yaml")
    cache = paths.fact_cache()
    return facts_frame(texts, cache, store=frame_store(cache)), cache


def test_stored_frame_equals_a_whole_build_and_is_reused(setup):
    inbox, data = setup
    texts = _texts(inbox, data)
    first, _ = _run(texts, data)
    whole = facts_frame(texts, Paths(inbox=inbox, data=data / "other").fact_cache())
    pd.testing.assert_frame_equal(first, _plain(whole))
    shutil.rmtree(data / "cache" / "facts")  # the per-report caches: every row must come from the store
    again, cache = _run(texts, data)
    pd.testing.assert_frame_equal(again, first)
    assert cache.hits == len(texts) and cache.misses == 0


def test_only_new_and_changed_reports_are_built_and_order_follows_the_reports(setup, monkeypatch):
    inbox, data = setup
    _run(_texts(inbox, data), data)
    (new,) = corpus.write(inbox, 13, start=12, n_colleges=4)  # one new report
    changed = sorted(inbox.iterdir())[3]
    changed.write_bytes(changed.read_bytes() + b"\n")  # new bytes, a new report id
    (sorted(inbox.iterdir())[5]).unlink()  # one gone
    texts = _texts(inbox, data).iloc[::-1].reset_index(drop=True)
    built = []
    real = facts_table._rows
    monkeypatch.setattr(facts_table, "_rows", lambda reports, *a: built.extend(reports) or real(reports, *a))
    frame, _ = _run(texts, data)
    assert sorted(r.file_name for r in built) == sorted([changed.name, new.name])
    monkeypatch.undo()
    whole = facts_frame(texts, Paths(inbox=inbox, data=data / "other").fact_cache())
    pd.testing.assert_frame_equal(frame, _plain(whole))


def test_a_torn_store_is_rebuilt(setup):
    inbox, data = setup
    texts = _texts(inbox, data)
    first, _ = _run(texts, data)
    (stored,) = (data / "cache" / "frames").glob("facts-*.parquet")
    stored.write_bytes(stored.read_bytes()[:100])
    again, _ = _run(texts, data)
    pd.testing.assert_frame_equal(again, first)
    kept, known = frame_store(Paths(data=data).fact_cache()).kept(list(texts["report_id"]) + ["x"])
    assert kept is not None and kept.num_rows == 0 and known == set()  # written whole again, keyed by frame keys


def test_rows_built_a_few_reports_at_a_time_equal_one_build(setup, monkeypatch):
    """The facts frame is built SLICE_REPORTS reports at a time (issue 14: a refresh's peak of
    memory): slices of 5 over 12 reports, the last one short, give the frame of one slice."""
    inbox, data = setup
    texts = _texts(inbox, data)
    whole = facts_frame(texts, Paths(inbox=inbox, data=data / "one").fact_cache())
    monkeypatch.setattr(facts_table, "SLICE_REPORTS", 5)
    seen = []
    progress = lambda done, total: seen.append((done, total))  # noqa: E731
    sliced = facts_frame(texts, Paths(inbox=inbox, data=data / "sliced").fact_cache(), progress)
    pd.testing.assert_frame_equal(sliced, whole)
    assert len(whole) > 12 and seen[-1] == (12, 12) and seen == sorted(seen)
    empty = facts_frame(texts.iloc[0:0], Paths(inbox=inbox, data=data / "empty").fact_cache())
    assert list(empty.columns) == list(whole.columns) and len(empty) == 0


def test_slices_overlapping_on_worker_processes_equal_one_build(setup, monkeypatch):
    """Slices overlap on worker processes (a slice's who and when out while the next slice's facts
    are read and the last slice's rows built): the frame is the one in-process build gives."""
    from pipelines.extract import parallel

    inbox, data = setup
    texts = _texts(inbox, data)
    whole = facts_frame(texts, Paths(inbox=inbox, data=data / "one").fact_cache())
    monkeypatch.delenv(parallel.DASK_ENV, raising=False)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(facts_table, "SLICE_REPORTS", 4)
    submitted = []
    real = parallel.Fanout.submit
    monkeypatch.setattr(
        parallel.Fanout,
        "submit",
        lambda self, w, items, *a, **k: submitted.append(w.__name__) or real(self, w, items, *a, **k),
    )
    sliced = facts_frame(texts, Paths(inbox=inbox, data=data / "workers").fact_cache())
    pd.testing.assert_frame_equal(sliced, whole)
    assert submitted.count("derive_chunk") == 3  # one per slice of 4 of the 12 reports
