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
