"""Per-report cache entries in one SQLite file: values round-trip, what cannot be read is missing
(never an error), and a refresh's entries make no file each."""

from __future__ import annotations

import multiprocessing
import pickle
import sqlite3

from pipelines.extract.cache import FactCache
from pipelines.ingest.decoded_cache import DecodedCache
from pipelines.ingest.snapshots import SnapshotStore
from pipelines.keyed_store import FILE_NAME, KeyedStore


def test_values_round_trip_by_kind_and_key(tmp_path):
    store = KeyedStore(tmp_path)
    store.put("a" * 64, [{"quote": "合作企业12家", "value": 12.0}])
    store.put("a" * 64, {"reason": ""}, kind="budget-1")
    again = KeyedStore(tmp_path)  # another connection reads what the first wrote
    assert again.get("a" * 64) == [{"quote": "合作企业12家", "value": 12.0}]
    assert again.get("a" * 64, kind="budget-1") == {"reason": ""}
    assert again.get("b" * 64) is None and again.get("a" * 64, kind="other") is None


def test_a_later_put_replaces_the_entry(tmp_path):
    store = KeyedStore(tmp_path)
    store.put("k", [1])
    store.put("k", [2])
    assert KeyedStore(tmp_path).get("k") == [2]


def test_no_folder_keeps_nothing(tmp_path):
    store = KeyedStore(None)
    store.put("k", [1])
    assert store.get("k") is None and store.path is None


def test_a_value_cut_short_reads_as_missing(tmp_path):
    store = KeyedStore(tmp_path)
    store.put("k", {"text": "合作企业12家"})
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE entries SET value = '{\"tex'")
    assert KeyedStore(tmp_path).get("k") is None


def test_a_file_that_is_no_database_is_started_again(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"not a database at all" * 100)
    store = KeyedStore(tmp_path)
    assert store.get("k") is None
    store.put("k", [1])
    assert KeyedStore(tmp_path).get("k") == [1]


def _put_in_child(store: KeyedStore) -> None:
    store.put("child", ["from another process"])


def test_a_store_handed_to_another_process_opens_its_own_connection(tmp_path):
    store = KeyedStore(tmp_path)
    store.put("parent", [1])  # the parent's connection is open
    copy = pickle.loads(pickle.dumps(store))
    assert copy._db is None
    child = multiprocessing.get_context("spawn").Process(target=_put_in_child, args=(store,))
    child.start()
    child.join(60)
    assert child.exitcode == 0
    assert store.get("child") == ["from another process"] and store.get("parent") == [1]


def test_the_caches_of_many_reports_make_no_file_per_report(tmp_path):
    facts, decoded, snapshots = (
        FactCache(tmp_path / "cache"),
        DecodedCache(tmp_path / "cache"),
        SnapshotStore(tmp_path / "snap"),
    )
    for i in range(50):
        sha = f"{i:064x}"
        facts.put(sha, [])
        facts.put(sha, [], kind="rows-x")
        decoded.report(sha, "r.txt", f"合作企业{i}家。".encode())
        snapshots.set_verdict(sha, "budget-x", {"reason": "", "seconds": 60.0, "elapsed": 0.1})
    written = [*(tmp_path / "cache").rglob("*"), *(tmp_path / "snap").rglob("*")]
    files = [p for p in written if p.is_file() and not p.name.startswith(FILE_NAME)]
    assert files == []
    assert FactCache(tmp_path / "cache").cached(f"{7:064x}", kind="rows-x") == []
    assert SnapshotStore(tmp_path / "snap").verdict(f"{7:064x}", "budget-x")["elapsed"] == 0.1


def test_a_database_locked_by_another_process_is_never_removed(tmp_path, monkeypatch):
    import pytest

    from pipelines import keyed_store

    path = tmp_path / FILE_NAME
    other = sqlite3.connect(path, isolation_level=None)  # another writer, in the default journal mode
    other.execute("CREATE TABLE entries (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))")
    other.execute("INSERT INTO entries VALUES ('', 'k', '[1]')")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(keyed_store, "BUSY_SECONDS", 0.05)
    with pytest.raises(sqlite3.OperationalError):
        KeyedStore(tmp_path).put("j", [2])
    other.execute("COMMIT")
    other.close()
    assert KeyedStore(tmp_path).get("k") == [1]


def test_puts_in_a_batch_are_kept_together_or_not_at_all(tmp_path):
    store = KeyedStore(tmp_path)
    with store.batch():
        store.put("a", [1])
        with store.batch():  # a nested batch joins the outer one
            store.put("b", [2])
    assert (KeyedStore(tmp_path).get("a"), KeyedStore(tmp_path).get("b")) == ([1], [2])
    try:
        with store.batch():
            store.put("c", [3])
            raise RuntimeError("stopped")
    except RuntimeError:
        pass
    assert KeyedStore(tmp_path).get("c") is None and store.get("a") == [1]
    store.put("d", [4])  # the store is usable after a rolled-back batch
    assert KeyedStore(tmp_path).get("d") == [4]
    with KeyedStore(None).batch():  # a store that keeps nothing has nothing to batch
        pass
