"""A hostile inbox (≥ 15 kinds of bad entry, made by pipelines/devtools/hostile.py): intake
records every entry with its reason and never raises; nothing outside the inbox is read; the
sensor's state survives it; the time budget and the size cap are set by environment variable."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from pipelines.devtools.hostile import GOOD, make_hostile_inbox, repeated_clause
from pipelines.ingest import intake as intake_mod
from pipelines.ingest.inbox import inbox_digest, inbox_state
from pipelines.ingest.intake import (
    DUPLICATE,
    INGESTED,
    QUARANTINED,
    counts_add_up,
    intake,
    intake_frame,
    scan_folder,
)
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.ingest.texts import texts_frame


@pytest.fixture
def unreadable_even_for_root(monkeypatch):
    """chmod 000 keeps no one but root out; as root, opening unreadable.txt is refused here."""
    if os.geteuid() != 0:
        return
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if os.fsencode(path).endswith(b"unreadable.txt"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(intake_mod.os, "open", guarded)


def test_every_hostile_entry_is_recorded_with_its_reason(tmp_path, unreadable_even_for_root):
    inbox = tmp_path / "inbox"
    expect = make_hostile_inbox(inbox)
    assert len({word for status, word in expect.values() if status == QUARANTINED}) >= 15
    store = SnapshotStore(tmp_path / "snap")

    records = intake(scan_folder(inbox), store)

    got = {r.origin: r for r in records}
    assert set(got) == set(expect)  # every entry recorded once, nothing else
    for origin, (status, word) in expect.items():
        assert got[origin].status == status, (origin, got[origin].reason)
        assert word in got[origin].reason, (origin, got[origin].reason)
    counts = counts_add_up(intake_frame(records))
    assert counts["files_seen"] == len(expect)
    # nothing outside the inbox was read: /etc/passwd is in no snapshot
    passwd = Path("/etc/passwd").read_bytes()
    blobs = [p.read_bytes() for p in (tmp_path / "snap").glob("??/*") if not p.name.endswith(".json")]
    assert passwd not in blobs and len(blobs) == counts["ingested"]
    # the GBK name is kept as escaped bytes, and can be written anywhere as text
    assert "\\xb1\\xa8\\xb8\\xe6.txt" in got
    assert all(r.origin.encode("utf-8") for r in records)


def test_decoding_keeps_what_can_be_read_and_counts_what_was_replaced(tmp_path):
    inbox = tmp_path / "inbox"
    make_hostile_inbox(inbox)
    store = SnapshotStore(tmp_path / "snap")
    texts = texts_frame(intake_frame(intake(scan_folder(inbox), store)), store).set_index("file_name")
    assert texts.loc["big5.txt", "encoding"] == "big5"
    assert "技術服務到款額520萬元" in texts.loc["big5.txt", "text"]
    assert texts.loc["utf16-no-bom.txt", "text"] == GOOD
    assert texts.loc["stray-byte.txt", "replaced_bytes"] == 1
    assert texts.loc["stray-byte.txt", "text"].count("\ufffd") == 1
    assert texts.loc["a-good.txt", "replaced_bytes"] == 0


def test_the_sensor_state_survives_a_hostile_inbox(tmp_path):
    inbox = tmp_path / "inbox"
    expect = make_hostile_inbox(inbox)
    state = inbox_state(inbox)
    assert {rel for rel, _, _ in state} == set(expect)
    assert len(inbox_digest(state)) == 64


def test_size_cap_is_set_by_environment_and_checked_before_reading(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "small.txt").write_text(GOOD, encoding="utf-8")
    (inbox / "large.txt").write_text(GOOD * 20, encoding="utf-8")
    monkeypatch.setenv("CHANJIAO_MAX_BYTES", str(len(GOOD.encode()) * 2))
    reads = []
    real = intake_mod.read_capped
    monkeypatch.setattr(intake_mod, "read_capped", lambda path, limit: reads.append(path) or real(path, limit))
    records = {r.origin: r for r in intake(scan_folder(inbox), SnapshotStore(tmp_path / "snap"))}
    assert records["small.txt"].status == INGESTED
    assert records["large.txt"].status == QUARANTINED and "too large" in records["large.txt"].reason
    assert records["large.txt"].size_bytes == len(GOOD.encode()) * 20
    assert [os.path.basename(p) for p in reads] == [b"small.txt"]  # the large one was never opened


def test_a_file_that_grows_past_the_cap_while_read_is_cut_off(tmp_path):
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 100)
    with pytest.raises(ValueError):
        intake_mod.read_capped(os.fsencode(path), 50)
    assert intake_mod.read_capped(os.fsencode(path), 100) == b"x" * 100


def test_time_budget_is_set_by_environment_and_quarantines_with_the_reason(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "long.txt").write_text(repeated_clause(2000), encoding="utf-8")
    store = SnapshotStore(tmp_path / "snap")
    monkeypatch.setenv("CHANJIAO_REPORT_SECONDS", "0.000001")
    (rec,) = intake(scan_folder(inbox), store)
    assert rec.status == QUARANTINED and "over the time budget" in rec.reason
    monkeypatch.setenv("CHANJIAO_REPORT_SECONDS", "600")
    (rec,) = intake(scan_folder(inbox), store)  # a looser budget tries again
    assert rec.status == INGESTED


def test_budget_verdicts_are_kept_so_a_refresh_does_not_pay_twice(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(GOOD, encoding="utf-8")
    store = SnapshotStore(tmp_path / "snap")
    calls = []
    import pipelines.extract.extractor as extractor

    real = extractor.extract_facts
    monkeypatch.setattr(extractor, "extract_facts", lambda text: calls.append(1) or real(text))
    first = intake(scan_folder(inbox), store)
    again = intake(scan_folder(inbox), store)
    assert [r.status for r in first + again] == [INGESTED, INGESTED]
    assert len(calls) == 1


def test_a_bad_environment_value_is_a_clear_error(monkeypatch):
    from pipelines.ingest import budget

    monkeypatch.setenv("CHANJIAO_REPORT_SECONDS", "soon")
    with pytest.raises(ValueError, match="CHANJIAO_REPORT_SECONDS"):
        budget.report_seconds()


def test_duplicates_and_quarantine_count_against_files_seen():
    import pandas as pd

    df = pd.DataFrame({"status": [INGESTED, DUPLICATE, QUARANTINED], "reason": ["", "same", "why"]})
    assert counts_add_up(df) == {"files_seen": 3, "ingested": 1, "duplicates": 1, "quarantined": 1}
    with pytest.raises(AssertionError):
        counts_add_up(pd.DataFrame({"status": [QUARANTINED], "reason": [""]}))
