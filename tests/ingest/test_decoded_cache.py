"""Decoded reports are cached by content hash: bytes seen before are not decoded again, and a
cached report is exactly the decoder's own (every field of Decoded and of the metadata)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

import pipelines.ingest.decoded_cache as dc
from pipelines.ingest import first_read
from pipelines.ingest.decode import Decoded
from pipelines.ingest.formats import Location
from pipelines.ingest.intake import QUARANTINED, RawFile, intake, intake_frame
from pipelines.ingest.metadata import ReportMeta
from pipelines.ingest.reports import Report, read_report
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.ingest.texts import texts_frame

REPORT = "<title>江陵职业技术学院2024年产教融合报告</title><p>发布时间：2024-05-10</p><p>江陵职业技术学院（江陵职院）合作企业45家。</p>"

# One value per field, none of them a default: a field added to Decoded or ReportMeta fails
# test_every_field_round_trips until it is given a value here (and the cache keeps it).
DECODED_VALUES = {
    "text": "合作企业45家。\n技术服务收入120万元",
    "encoding": "gb18030",
    "media_type": "application/pdf",
    "html_title": "年报",
    "html_meta": {"description": "产教融合", "keywords": "职教"},
    "locations": (Location(0, 8, page=1), Location(9, 18, page=2, cell="表1!C5", period="2023")),
    "replaced_bytes": 3,
}
META_VALUES = {
    "title": "江陵职业技术学院2024年产教融合报告",
    "published": date(2024, 5, 10),
    "publisher": "江陵职业技术学院",
    "institution": "江陵职业技术学院",
    "abbreviations": ("江陵职院", "江职"),
}


def test_every_field_round_trips():
    assert set(DECODED_VALUES) == {f.name for f in dataclasses.fields(Decoded)}, "give the new field a value above"
    assert set(META_VALUES) == {f.name for f in dataclasses.fields(ReportMeta)}, "give the new field a value above"
    for cls, values in ((Decoded, DECODED_VALUES), (ReportMeta, META_VALUES)):
        for f in dataclasses.fields(cls):
            assert f.default is dataclasses.MISSING or values[f.name] != f.default, f"{f.name}: not its default"
    report = Report("a.pdf", Decoded(**DECODED_VALUES), ReportMeta(**META_VALUES))
    assert dc.report_from_json(json.loads(json.dumps(dc.report_to_json(report)))) == report


def _files():
    return [
        RawFile("a.html", "a.html", REPORT.encode()),
        RawFile("b.txt", "b.txt", "合作企业12家。".encode("gb18030")),
        RawFile("bad.txt", "bad.txt", b"\x00\x01\x02"),
    ]


def test_a_warm_cache_gives_the_same_frames_without_decoding_or_reading_snapshots(tmp_path, monkeypatch):
    store = SnapshotStore(tmp_path / "snap")
    cold_cache = dc.DecodedCache(tmp_path / "cache")
    raw = intake_frame(intake(_files(), store, decoded=cold_cache))
    cold = texts_frame(raw, store, cold_cache)
    assert cold_cache.misses == 3 and len(cold) == 2

    def no_decoding(*a, **k):
        raise AssertionError("decoded again")

    monkeypatch.setattr(dc, "read_report", no_decoding)
    monkeypatch.setattr(store, "get", no_decoding)
    warm_cache = dc.DecodedCache(tmp_path / "cache")
    raw2 = intake_frame(intake(_files(), store, decoded=warm_cache))
    warm = texts_frame(raw2, store, warm_cache)
    assert warm_cache.misses == 0
    assert raw2[raw2.file_name == "bad.txt"].status.item() == QUARANTINED
    assert raw2.drop(columns="first_seen", errors="ignore").equals(raw.drop(columns="first_seen", errors="ignore"))
    assert warm.equals(cold)
    row = warm.set_index("file_name").loc["a.html"]
    assert (row.institution, row.abbreviations, str(row.published.date())) == (
        "江陵职业技术学院",
        "江陵职院",
        "2024-05-10",
    )


def test_the_cache_is_the_decoder_s_own_result(tmp_path):
    fresh = read_report(REPORT.encode(), "a.html")
    assert dc.DecodedCache(tmp_path).report("x" * 64, "a.html", REPORT.encode()) == fresh
    assert dc.DecodedCache(tmp_path).report("x" * 64, "a.html", lambda: b"") == fresh
    # the decoder reads the name's suffix: the same bytes named as text are a separate entry
    other = dc.DecodedCache(tmp_path)
    assert other.report("x" * 64, "a.txt", REPORT.encode()) == read_report(REPORT.encode(), "a.txt")
    assert (other.hits, other.misses) == (0, 1)


def test_a_new_decoder_version_decodes_again(tmp_path):
    dc.DecodedCache(tmp_path, version="v1").report("y" * 64, "b.txt", "合作企业12家。".encode())
    other = dc.DecodedCache(tmp_path, version="v2")
    other.report("y" * 64, "b.txt", "合作企业12家。".encode())
    assert (other.hits, other.misses) == (0, 1)


def test_a_decode_error_is_cached_and_raised_again(tmp_path):
    with pytest.raises(dc.DecodeError) as first:
        dc.DecodedCache(tmp_path).report("z" * 64, "bad.txt", lambda: b"\x00\x01")
    with pytest.raises(dc.DecodeError) as again:
        dc.DecodedCache(tmp_path).report("z" * 64, "bad.txt", lambda: b"")
    assert str(again.value) == str(first.value)


def test_a_torn_entry_is_decoded_again(tmp_path):
    cache = dc.DecodedCache(tmp_path)
    cache.report("w" * 64, "b.txt", "合作企业12家。".encode())
    import sqlite3

    with sqlite3.connect(cache.entries.path) as db:  # a value cut short, as a torn write would leave it
        assert db.execute("UPDATE entries SET value = '{\"decod' WHERE kind = ''").rowcount == 1
    again = dc.DecodedCache(tmp_path)
    assert again.report("w" * 64, "b.txt", "合作企业12家。".encode()).text == "合作企业12家。"
    assert again.misses == 1


def test_a_warm_intake_reads_each_report_s_summary_not_its_text(tmp_path, monkeypatch):
    """Intake asks of bytes decoded before only whether they decode: it reads the small summary
    kept beside each entry, never the entry with the whole text (once the time-budget verdict is
    known too)."""
    store = SnapshotStore(tmp_path / "snap")
    cold = intake_frame(intake(_files(), store, decoded=dc.DecodedCache(tmp_path / "cache")))
    asked: list[str] = []
    original = dc.KeyedStore.get

    def get(self, key, kind=""):
        asked.append(kind)
        return original(self, key, kind)

    monkeypatch.setattr(dc.KeyedStore, "get", get)
    warm = intake_frame(intake(_files(), store, decoded=dc.DecodedCache(tmp_path / "cache")))
    assert asked.count(dc.SUMMARY) == 3 and "" not in asked
    keep = ["file_name", "status", "reason", "media_type"]
    assert warm[keep].equals(cold[keep])


def test_a_summary_tells_what_its_entry_tells():
    good = dc.decoded_entry("合作企业12家。".encode(), "b.txt")
    blank = dc.decoded_entry(b"<html><script>x</script></html>", "c.html")
    bad = {"error": "not a PDF"}
    assert dc.summary_of(good) == {"media_type": "text/plain", "blank": False}
    assert dc.summary_of(blank)["blank"] is True
    assert dc.summary_of(bad) == bad


def test_a_summary_whose_entry_is_torn_sends_the_report_to_be_decoded_again_in_budget(tmp_path, monkeypatch):
    """A report known to decode (its summary) whose time-budget verdict is wanted needs its text: where
    the entry itself no longer reads, the bytes go to the workers again, decoded under the budget, not
    in this process without one."""
    store = SnapshotStore(tmp_path / "snap")
    intake(_files(), store, time_budget=False, decoded=dc.DecodedCache(tmp_path / "cache"))  # no verdicts kept
    import sqlite3

    cache = dc.DecodedCache(tmp_path / "cache")
    with sqlite3.connect(cache.entries.path) as db:  # the entries torn, their summaries whole
        assert db.execute("UPDATE entries SET value = '{\"decod' WHERE kind = ''").rowcount == 3
    asked: list[bool] = []
    original = first_read.read_chunk

    def read_chunk(jobs, *a, **k):
        asked.extend(j.text is None for j in jobs)
        return original(jobs, *a, **k)

    monkeypatch.setattr(first_read, "read_chunk", read_chunk)
    records = intake_frame(intake(_files(), store, decoded=cache))
    assert list(records["status"]) == ["ingested", "ingested", QUARANTINED]
    assert asked == [True, True] and cache.misses == 2  # the two that decode: their bytes, decoded again
