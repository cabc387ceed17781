"""The audit trail in the store: migration 4 on a store written before it, decisions appended
and never changed, and applied when the corpus reads its results."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from triangulate.corpus import Corpus
from triangulate.errors import StoreError
from triangulate.model import Adjudication, Claim, ClaimRecord, Comparison, Reconciliation
from triangulate.review import decide_in_store
from triangulate.store import open_store
from triangulate.store.migrations import MIGRATIONS

COMPARISON = Comparison("cmp-1", "How many?", "conflict", ("c-a", "c-b"), "41 / 43")
CLAIMS = tuple(ClaimRecord(i, d, Claim(0, 5, "words")) for i, d in (("c-a", "a"), ("c-b", "b")))


def _decision(decision_id: str, note: str) -> Adjudication:
    return Adjudication(
        decision_id, "set_verdict", "comparison", "cmp-1", "Ana", "2026-01-05T09:30:00+00:00",
        note, "update", ("c-a", "c-b"),
    )


def _version_3_store(path: Path) -> None:
    """A store as Triangulate wrote it before the audit trail (schema 3), with results."""
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    for migration in MIGRATIONS[:3]:
        db.executescript(migration.sql)
        db.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
            (migration.version, migration.name),
        )
    db.execute(
        "INSERT INTO comparisons VALUES ('cmp-1', 'conflict', 'How many?',"
        " '{\"id\":\"cmp-1\",\"question\":\"How many?\",\"verdict\":\"conflict\","
        "\"claims\":[\"c-a\",\"c-b\"],\"explanation\":\"41 / 43\",\"kind\":\"count\"}')"
    )
    db.commit()
    db.close()


def test_a_version_3_store_gains_the_audit_trail_and_keeps_its_results(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_3_store(path)
    with open_store(path) as store:
        assert store.schema_versions() == [m.version for m in MIGRATIONS]
        assert store.reconciliation().comparisons == (COMPARISON,)
        assert store.adjudications() == []
        store.add_adjudication(_decision("a1", "first look"))
    with open_store(path) as store:
        assert [a.note for a in store.adjudications()] == ["first look"]


def test_the_audit_trail_is_append_only(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with open_store(path) as store:
        store.add_adjudication(_decision("a1", "first look"))
        store.add_adjudication(_decision("a2", "second look"))
        store.add_adjudication(_decision("a1", "first look"))  # the same decision again
        assert [a.id for a in store.adjudications()] == ["a1", "a2"]
    db = sqlite3.connect(path)
    for statement in ("DELETE FROM adjudications", "UPDATE adjudications SET note = 'x'"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
    db.close()
    with open_store(path) as store:
        assert [a.note for a in store.adjudications()] == ["first look", "second look"]


def test_decisions_outlive_a_new_reconciliation_and_show_through_the_corpus(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.db"
    with open_store(path) as store:
        store.put_reconciliation(Reconciliation(claims=CLAIMS, comparisons=(COMPARISON,)))
        outcome = decide_in_store(
            store, "set_verdict", "cmp-1", reviewer="Ana", verdict="update", note="later count"
        )
        assert outcome.status == "applied"
        assert store.reconciliation().comparisons == (COMPARISON,)  # machine results untouched
        moved = Comparison("cmp-9", "How many?", "conflict", ("c-a", "c-b"), "41 / 43")
        store.put_reconciliation(Reconciliation(claims=CLAIMS, comparisons=(moved,)))
    with Corpus.open(path) as corpus:
        (comparison,) = corpus.reconciliation().comparisons
        assert (comparison.id, comparison.verdict) == ("cmp-9", "update")
        assert comparison.review is not None and comparison.review.note == "later count"
        exported = corpus.export_data()
    assert exported["comparisons"][0]["verdict"] == "update"


def test_a_decision_on_a_missing_store_record_is_refused(tmp_path: Path) -> None:
    from triangulate.review import UnknownRecord

    with open_store(tmp_path / "t.db") as store:
        with pytest.raises(UnknownRecord):
            decide_in_store(store, "confirm", "cmp-404", reviewer="Ana")
        assert store.adjudications() == []


def test_an_unknown_schema_still_refuses_to_open(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)
