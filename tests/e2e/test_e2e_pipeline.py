"""End to end: the real pipeline on the team-written corpus (tests/fixtures/team: its encodings,
HTML pages and tables are the edge cases), and the default inbox of real reports, into temporary
folders."""

from __future__ import annotations

import json

import dagster as dg
import pandas as pd
import pyarrow.parquet as pq
import pytest

from assets.run import refresh
from pipelines.devtools.evaluate import read_gold
from pipelines.publish.files import read_csv
from schemas.describe import columns
from schemas.tables import PUBLISHED_TABLES

from conftest import TEAM as SAMPLES

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    ok = refresh(
        inbox=SAMPLES / "inbox",
        published=tmp / "published",
        data=tmp / "data",
        dagster_instance=dg.DagsterInstance.ephemeral(),
    )
    assert ok
    catalog = json.loads((tmp / "published" / "catalog.json").read_text(encoding="utf-8"))
    latest = catalog["datasets"]["ie-facts"]["latest"]
    return tmp / "published" / "ie-facts" / latest


def test_sample_corpus_is_substantial():
    reports = [p for p in (SAMPLES / "inbox").iterdir() if p.is_file()]
    golds = list((SAMPLES / "gold").glob("*.csv"))
    assert len(reports) >= 30 and len(golds) == len(reports)
    assert len(read_gold([SAMPLES / "gold"])) >= 400
    encodings = {p.name: p.read_bytes() for p in reports}
    assert any(_is_gb18030_only(b) for b in encodings.values()), "the corpus must hold a GB18030 file"
    assert sum(p.suffix == ".html" for p in reports) >= 4


def _is_gb18030_only(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError:
        data.decode("gb18030")
        return True


def test_every_table_published_in_both_formats_with_the_same_rows(release):
    dp = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    rows = {r["path"]: r["rows"] for r in dp["resources"] if "rows" in r}  # the DuckDB file has none
    for table, model in PUBLISHED_TABLES.items():
        pq_df = pq.read_table(release / f"{table}.parquet").to_pandas()
        csv_df = read_csv(release / f"{table}.csv", table)
        assert list(pq_df.columns) == [c.name for c in columns(model)] == list(csv_df.columns)
        assert len(pq_df) == len(csv_df) == rows[f"{table}.parquet"] == rows[f"{table}.csv"]
        for c in columns(model):
            left, right = pq_df[c.name], csv_df[c.name]
            if c.kind == "date":
                left = left.map(lambda v: None if pd.isna(v) else v.isoformat())
                right = right.map(lambda v: None if pd.isna(v) else v)
            elif c.kind in ("number", "integer"):
                assert (
                    (left.astype(float).fillna(-1) - right.astype(float).fillna(-1)).abs().max() < 1e-9
                    if len(left)
                    else True
                )
                continue
            assert (
                left.astype(object).where(left.notna(), None).tolist()
                == right.astype(object).where(right.notna(), None).tolist()
            ), (table, c.name)


def test_facts_trace_back_to_their_reports(release):
    facts = pq.read_table(release / "facts.parquet").to_pandas()
    texts = dict(pq.read_table(release / "report_texts.parquet").to_pandas()[["report_id", "text"]].values)
    reports = pq.read_table(release / "reports.parquet").to_pandas()
    assert len(facts) >= 400 and len(reports) >= 30
    for f in facts.itertuples():
        assert texts[f.report_id][f.char_start : f.char_end] == f.quote
    assert reports["institution"].notna().mean() >= 0.9
    assert reports["published"].notna().mean() >= 0.9
    assert set(facts["report_id"]) <= set(reports["report_id"])


def test_types_are_real(release):
    schema = pq.read_schema(release / "facts.parquet")
    assert str(schema.field("published").type) == "date32[day]"
    assert str(schema.field("normalized_value").type) == "double"
    assert str(schema.field("indicator_code").type).startswith("dictionary")
    assert (release / "facts.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_default_release_is_real_reports_each_linked_to_its_public_page(tmp_path, monkeypatch):
    from pipelines import settings

    monkeypatch.delenv("CHANJIAO_INBOX", raising=False)
    monkeypatch.delenv("CHANJIAO_MANIFEST", raising=False)
    assert refresh(published=tmp_path / "pub", data=tmp_path / "data", dagster_instance=dg.DagsterInstance.ephemeral())
    release = next((tmp_path / "pub" / "ie-facts").iterdir())
    reports = pq.read_table(release / "reports.parquet").to_pandas()
    facts = pq.read_table(release / "facts.parquet").to_pandas()
    inbox = sorted(p.name for p in settings.DEFAULT_INBOX.iterdir())
    assert sorted(reports["file_name"]) == inbox and len(inbox) >= 60
    assert reports["source_url"].str.match(r"^https?://").all()
    assert len(facts) >= 600 and set(facts["entity_level"]) >= {"institution", "city", "province", "national"}
    # real text has facts with no stated period and counts with no measure word: still a valid package
    import frictionless

    assert facts["period_start"].isna().any() and (facts["unit_text"].isna() | (facts["unit_text"] == "")).any()
    report = frictionless.validate(str(release / "datapackage.json"))
    assert report.valid, [e.message for t in report.tasks for e in t.errors][:5]
