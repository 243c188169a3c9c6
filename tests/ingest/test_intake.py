from __future__ import annotations

from pipelines.ingest.intake import DUPLICATE, INGESTED, QUARANTINED, RawFile, intake, scan_folder
from pipelines.ingest.snapshots import SnapshotStore, sha256_bytes


def test_every_file_is_ingested_duplicate_or_quarantined(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = "江陵职业技术学院授权专利147项。".encode()
    (inbox / "a.txt").write_bytes(report)
    (inbox / "copy.txt").write_bytes(report)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4 ...\n%%EOF\n")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (inbox / "gbk.txt").write_bytes("合作企业45家。".encode("gb18030"))
    (inbox / ".hidden").write_bytes(b"skip me")
    store = SnapshotStore(tmp_path / "snap")
    records = intake(scan_folder(inbox), store)
    status = {r.file_name: r.status for r in records}
    assert status == {
        "a.txt": INGESTED,
        "binary.txt": QUARANTINED,
        "copy.txt": DUPLICATE,
        "empty.txt": QUARANTINED,
        "gbk.txt": INGESTED,
        "scan.pdf": QUARANTINED,
    }
    reasons = {r.file_name: r.reason for r in records}
    assert "damaged PDF" in reasons["scan.pdf"]  # a PDF header and an end, nothing readable between
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert reasons["copy.txt"] == "same bytes as a.txt"
    assert all(r.origin == r.file_name for r in records)  # origins are relative to the inbox


def test_snapshots_are_content_addressed_and_immutable(tmp_path):
    store = SnapshotStore(tmp_path)
    data = "授权专利147项".encode()
    snap = store.put(data, {"origin": "first.txt"})
    again = store.put(data, {"origin": "second.txt"})
    assert snap.sha256 == again.sha256 == sha256_bytes(data)
    assert again.provenance["origin"] == "first.txt"  # provenance is written once
    assert store.get(snap.sha256) == data
    snap.path.write_bytes(b"tampered")
    try:
        store.get(snap.sha256)
    except ValueError as exc:
        assert "corrupt" in str(exc)
    else:
        raise AssertionError("a corrupt snapshot must not be read")


def test_a_batch_of_snapshots_is_flushed_to_disk_together_and_a_torn_one_is_written_again(tmp_path, monkeypatch):
    flushed: list[list] = []
    monkeypatch.setattr("pipelines.ingest.snapshots.flush", lambda paths: flushed.append(list(paths)))
    store = SnapshotStore(tmp_path)
    files = [RawFile(f"{i}.txt", f"{i}.txt", f"合作企业{i}家".encode()) for i in range(3)]
    records = intake(files, store, time_budget=False)
    assert [r.status for r in records] == [INGESTED] * 3
    (batch,) = flushed  # one flush for the batch, of every blob and its provenance
    assert sorted(batch) == sorted(
        p for r in records for p in (store.blob_path(r.sha256), store.blob_path(r.sha256).with_name(r.sha256 + ".json"))
    )
    blob = store.blob_path(records[0].sha256)
    blob.write_bytes(b"")  # a crash before the flush left it empty
    store.put(files[0].data, {})
    assert store.get(records[0].sha256) == files[0].data


def test_intake_of_fetched_files_keeps_their_provenance(tmp_path):
    store = SnapshotStore(tmp_path)
    raw = RawFile(
        "https://example.edu.cn/news/1.html",
        "1.html",
        "<p>合作企业45家</p>".encode(),
        {"url": "https://example.edu.cn/news/1.html", "etag": '"abc"'},
    )
    (rec,) = intake([raw], store)
    assert rec.status == INGESTED and rec.media_type == "text/html"
    assert store.put(raw.data, {}).provenance["etag"] == '"abc"'


def test_declared_metadata_of_a_source_beats_the_guess(tmp_path):
    from pipelines.ingest.intake import intake_frame
    from pipelines.ingest.texts import texts_frame

    store = SnapshotStore(tmp_path)
    raw = RawFile(
        "https://example.edu.cn/1.html",
        "1.html",
        "<p>江陵职业技术学院合作企业45家</p>".encode(),
        {
            "url": "https://example.edu.cn/1.html",
            "institution": "江陵职业技术学院（官方）",
            "publisher": "江陵市教育局",
            "date": "2024-05-10",
        },
    )
    texts = texts_frame(intake_frame(intake([raw], store)), store)
    row = texts.iloc[0]
    assert (row.institution, row.publisher, row.published.date().isoformat()) == (
        "江陵职业技术学院（官方）",
        "江陵市教育局",
        "2024-05-10",
    )


def test_batches_on_shared_workers_give_the_one_batch_records(tmp_path, monkeypatch):
    """Batches overlap on one set of worker processes (the next batch is decoded while the last
    is checked); a duplicate or an over-budget copy in a later batch takes its first copy's
    verdict, and every file gets the record one batch would give it."""
    from pipelines.devtools.hostile import repeated_clause
    from pipelines.extract import parallel
    from pipelines.ingest import intake as intake_module

    slow = repeated_clause(20000, "合作企业45家").encode()
    reports = [f"江陵职业技术学院今年与{i}家企业合作，培训{i * 7}人次。".encode() for i in range(1, 8)]
    files = [RawFile(f"{i}.txt", f"{i}.txt", data) for i, data in enumerate([*reports, slow, reports[0], slow])]
    monkeypatch.setenv("CHANJIAO_REPORT_SECONDS", "0.05")
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    one = intake(files, SnapshotStore(tmp_path / "one"))
    submitted: list[int] = []
    real = parallel.Fanout.submit
    monkeypatch.setattr(
        parallel.Fanout,
        "submit",
        lambda self, w, items, *a, **k: submitted.append(len(items)) or real(self, w, items, *a, **k),
    )
    monkeypatch.setattr(intake_module, "BATCH", 3)
    batched = intake(files, SnapshotStore(tmp_path / "batched"))
    assert [(r.file_name, r.status, r.reason) for r in batched] == [(r.file_name, r.status, r.reason) for r in one]
    assert [r.status for r in batched[-3:]] == [QUARANTINED, DUPLICATE, QUARANTINED]
    assert "time" in batched[-1].reason or "budget" in batched[-1].reason
    assert submitted == [3, 3, 2, 0]  # each distinct report checked once, in its first batch


def test_bytes_that_give_no_text_under_one_name_are_checked_under_the_next(tmp_path):
    """The same bytes named .html (a comment only: no text) and .txt (the comment as text): the
    first copy is quarantined, the second ingested, its time-budget verdict taken though the bytes
    were first asked about under the name that gave no text."""
    data = "<!-- 江陵职业技术学院合作企业12家。 -->".encode()
    files = [RawFile("a.html", "a.html", data), RawFile("a.txt", "a.txt", data)]
    records = intake(files, SnapshotStore(tmp_path / "snap"))
    assert [(r.file_name, r.status) for r in records] == [("a.html", QUARANTINED), ("a.txt", INGESTED)]
    assert records[0].reason == "no text after removing markup"
