"""Asset checks in an in-process materialisation report the right status: a quarantined row
warns; a table that breaks its contract fails the blocking check and nothing is published."""

from __future__ import annotations

import dagster as dg
import pytest

import pipelines.steps
import pipelines.validate
from assets.run import refresh
from schemas.tables import PUBLISHED_TABLES

REPORT = "江陵职业技术学院\n日期:2024-05-20\n江陵职院授权专利147项，技术服务收入1400万元，服务企业30多家。\n"


@pytest.fixture
def inbox(tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "r.txt").write_text(REPORT, encoding="utf-8")
    return d


def _run(inbox, tmp_path):
    instance = dg.DagsterInstance.ephemeral()
    ok = refresh(inbox=inbox, published=tmp_path / "pub", data=tmp_path / "data", dagster_instance=instance)
    run = instance.get_runs()[0]
    checks = {}
    for rec in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION):
        ev = rec.dagster_event.event_specific_data
        checks[ev.check_name] = (ev.passed, ev.severity)
    return ok, checks, instance


def test_clean_run_passes_every_check(inbox, tmp_path):
    ok, checks, _ = _run(inbox, tmp_path)
    assert ok
    assert checks == {
        "rows_quarantined": (True, dg.AssetCheckSeverity.WARN),
        **{f"{table}_contract": (True, dg.AssetCheckSeverity.ERROR) for table in PUBLISHED_TABLES},
    }
    assert (tmp_path / "pub" / "ie-facts" / "1.0.0" / "facts.parquet").exists()


def test_quarantined_row_warns_and_release_goes_on(inbox, tmp_path, monkeypatch):
    real = pipelines.steps.extract_facts_table

    def corrupt(texts, paths, *rest):
        result = real(texts, paths, *rest)
        result.facts.loc[0, "indicator_code"] = "not_a_code"
        return result

    monkeypatch.setattr(pipelines.steps, "extract_facts_table", corrupt)
    ok, checks, _ = _run(inbox, tmp_path)
    assert ok
    assert checks["rows_quarantined"] == (False, dg.AssetCheckSeverity.WARN)
    assert checks["facts_contract"][0] is True
    assert (tmp_path / "pub" / "ie-facts" / "1.0.0" / "quarantine.csv").read_text(encoding="utf-8-sig").count(
        "not_a_code"
    ) >= 1


def test_broken_contract_blocks_the_release(inbox, tmp_path, monkeypatch):
    real = pipelines.validate.validate_facts

    def drop_column(facts, texts, raw, **kw):
        result = real(facts, texts, raw, **kw)
        return type(result)(result.valid.drop(columns=["base_unit"]), result.quarantine, result.failure_cases)

    monkeypatch.setattr(pipelines.validate, "validate_facts", drop_column)
    ok, checks, _ = _run(inbox, tmp_path)
    assert checks["facts_contract"] == (False, dg.AssetCheckSeverity.ERROR)
    assert not (tmp_path / "pub" / "ie-facts").exists()


def test_a_run_keeps_no_step_output_in_memory(inbox, tmp_path, monkeypatch):
    """Outputs go through the IO manager only: by the release step, the frame the extraction step
    returned is gone (Dagster's execute_in_process kept every step's output until the run ended:
    at 10k reports, 1.4 GB of facts frames alive while the release was written)."""
    import gc
    import weakref

    real_extract, real_publish = pipelines.steps.extract_facts_table, pipelines.steps.publish
    made: list[weakref.ref] = []
    alive_at_release: list[bool] = []

    def remember(texts, paths, *rest):
        result = real_extract(texts, paths, *rest)
        made.append(weakref.ref(result.facts))
        return result

    def publish(*args, **kwargs):
        gc.collect()
        alive_at_release.append(made[0]() is not None)
        return real_publish(*args, **kwargs)

    monkeypatch.setattr(pipelines.steps, "extract_facts_table", remember)
    monkeypatch.setattr(pipelines.steps, "publish", publish)
    ok, _, _ = _run(inbox, tmp_path)
    assert ok and alive_at_release == [False], "the extracted facts frame outlived its step"
