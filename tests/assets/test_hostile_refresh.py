"""A full in-process refresh over the hostile inbox (pipelines/devtools/hostile.py): it succeeds,
publishes only the readable reports, and every file seen ends ingested, duplicate or quarantined
with its reason; the counts add up in the raw_reports metadata and in the published reports
and quarantine tables."""

from __future__ import annotations

import errno
import json
import os

import dagster as dg
import pyarrow.parquet as pq
import pytest

from assets.run import refresh
from pipelines.devtools.hostile import make_hostile_inbox
from pipelines.ingest import intake as intake_mod


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setenv("CHANJIAO_SOURCES", str(sources))
    if os.geteuid() == 0:  # chmod 000 keeps out everyone but root
        real_open = os.open

        def guarded(path, flags, *args, **kwargs):
            if os.fsencode(path).endswith(b"unreadable.txt"):
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(intake_mod.os, "open", guarded)
    return {name: tmp_path / name for name in ("inbox", "published", "data")}


def test_refresh_over_a_hostile_inbox_loses_nothing(dirs):
    expect = make_hostile_inbox(dirs["inbox"])
    instance = dg.DagsterInstance.ephemeral()
    assert refresh(inbox=dirs["inbox"], published=dirs["published"], data=dirs["data"], dagster_instance=instance)

    event = instance.get_latest_materialization_event(dg.AssetKey("raw_reports"))
    md = {k: getattr(v, "value", v) for k, v in event.asset_materialization.metadata.items()}
    assert md["files_seen"] == len(expect)
    assert md["ingested"] + md["duplicates"] + md["quarantined"] == md["files_seen"]
    assert md["quarantined"] == sum(1 for status, _ in expect.values() if status == "quarantined")

    catalog = json.loads((dirs["published"] / "catalog.json").read_text(encoding="utf-8"))
    release = dirs["published"] / "ie-facts" / catalog["datasets"]["ie-facts"]["latest"]
    reports = pq.read_table(release / "reports.parquet").to_pandas()
    quarantine = pq.read_table(release / "quarantine.parquet").to_pandas()
    raw = quarantine[quarantine["table"] == "raw_reports"]
    assert len(reports) == md["ingested"]
    assert len(raw) == md["quarantined"]
    assert set(reports["origin"]) | set(raw["record_id"]) | {
        k for k, (s, _) in expect.items() if s == "duplicate"
    } == set(expect)
    assert (raw["reason"].str.len() > 0).all()
    assert reports.set_index("file_name").loc["stray-byte.txt", "replaced_bytes"] == 1
    texts = pq.read_table(release / "report_texts.parquet").to_pandas()
    assert not texts["text"].str.contains("root:x:0:0").any()  # /etc/passwd was never followed
