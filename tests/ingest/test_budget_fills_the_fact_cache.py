"""A cold refresh extracts each new report once: the time-budget check at intake keeps the facts
it extracted, and extraction reads them from the fact cache."""

from __future__ import annotations

from pipelines import steps
from pipelines.extract.extractor import extract_facts
from pipelines.settings import Paths

from release_helpers import REPORTS, write_inbox


def test_facts_extracted_by_the_budget_check_are_not_extracted_again(tmp_path, monkeypatch):
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    paths = Paths(inbox=inbox, data=tmp_path / "data", published=tmp_path / "pub", sources=tmp_path / "none.yaml")
    raw = steps.ingest_raw_reports(paths)
    texts = steps.decode_reports(raw, paths)

    import pipelines.extract.parallel as parallel

    monkeypatch.setattr(parallel, "extract_chunk", lambda ts: (_ for _ in ()).throw(AssertionError("extracted twice")))
    result = steps.extract_facts_table(texts, paths)
    assert (result.reports_extracted, result.reports_from_cache) == (0, len(REPORTS))
    expected = sum(len(extract_facts(t)) for t in texts["text"])
    assert len(result.facts) == expected > 0


def test_the_budget_checks_of_new_reports_run_together_and_once(tmp_path, monkeypatch):
    import pipelines.extract.parallel as parallel

    calls: list[int] = []
    real = parallel.Fanout.submit
    monkeypatch.setattr(
        parallel.Fanout,
        "submit",
        lambda self, work, items, *a, **k: calls.append(len(items)) or real(self, work, items, *a, **k),
    )
    inbox = write_inbox(tmp_path / "inbox", REPORTS)
    paths = Paths(inbox=inbox, data=tmp_path / "data", published=tmp_path / "pub", sources=tmp_path / "none.yaml")
    steps.ingest_raw_reports(paths)
    steps.ingest_raw_reports(paths)  # verdicts kept: nothing to check again
    assert calls == [len(REPORTS), 0]


def test_a_report_over_its_budget_gets_the_reason_wherever_it_runs():
    from pipelines.devtools.hostile import repeated_clause
    from pipelines.ingest.first_read import Job, read_chunk

    texts = ["合作企业45家。", repeated_clause(20000, "合作企业45家")]
    (ok, slow) = (r.verdict for r in read_chunk([Job("r.txt", text=t, extract=True) for t in texts], 60, 0.05))
    assert ok[0] == "" and len(ok[1]) == 1
    assert slow[0] and slow[1] is None, slow[0]


def test_batches_hold_a_bounded_number_of_files_and_bytes():
    from pipelines.ingest.intake import RawFile, _batches

    files = [RawFile(name=f"{i}.txt", origin=f"{i}.txt", data=b"x" * 10) for i in range(7)]
    assert [len(b) for b in _batches(files, size=3, max_bytes=10**6)] == [3, 3, 1]
    assert [len(b) for b in _batches(files, size=100, max_bytes=25)] == [3, 3, 1]
