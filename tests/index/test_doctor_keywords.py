"""`doctor`'s check of the keyword index against the manifest (index/doctor.py)."""

from __future__ import annotations

from index.doctor import check_store
from index.keyword_outbox import pending_count
from index.lock import WriteLock
from tests.index.test_keyword_outbox import _found, _store


def test_doctor_rebuilds_a_keyword_index_that_lost_a_chunk_or_kept_changes_in_the_outbox(tmp_path):
    store = _store(tmp_path / "store")
    report = check_store(store)
    assert report.healthy and not report.findings
    (rowid,) = store.manifest.db.execute("SELECT rowid FROM chunks WHERE article_id='a1'").fetchone()
    with WriteLock(store.path):
        store.keywords.apply([rowid], [])
    assert _found(store, "ferry") == []
    report = check_store(store)
    assert [f.line() for f in report.findings] == [
        "repaired: the keyword index holds 2 chunk(s), the manifest 3: rebuilt from the manifest"]
    assert store.keywords.count() == 3 and _found(store, "ferry") == ["a1"]
    with store.manifest.writer:
        store.manifest.writer.execute("INSERT INTO keyword_pending VALUES (?, 'insert')", (rowid,))
    report = check_store(store)
    assert [f.line() for f in report.findings] == [
        "repaired: 1 change(s) of the keyword index were left in the manifest's outbox: rebuilt from the manifest"]
    assert pending_count(store.manifest.db) == 0 and check_store(store).healthy
    store.close()
