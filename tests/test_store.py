from __future__ import annotations

import sqlite3
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from triangulate.errors import StoreError
from triangulate.model import (
    Analysis,
    Claim,
    ClaimRecord,
    Comparison,
    Failure,
    Quantity,
    Reconciliation,
    Sentence,
    Span,
    TimeRange,
)
from triangulate.store import open_store
from triangulate.store.migrations import MIGRATIONS

from .conftest import make_document


def _analysis(
    text: str = "Officials said 40 buses were sent on 2 June.", doc_id: str = "d1"
) -> Analysis:
    quantity = Quantity(15, 23, "40 buses", 40.0, "bus")
    claim = Claim(
        15,
        len(text),
        text[15:],
        speaker=Span(0, 9),
        speaker_text="Officials",
        time=TimeRange("2021-06-02"),
        quantities=(quantity,),
    )
    return Analysis(
        document=make_document(text, doc_id, published="2021-06-03"),
        sentences=(Sentence(0, len(text)),),
        quantities=(quantity,),
        claims=(claim,),
    )


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    open_store(path).close()
    with open_store(path) as store:
        assert store.schema_versions() == [m.version for m in MIGRATIONS]
    rows = sqlite3.connect(path).execute("SELECT count(*) FROM schema_migrations").fetchone()
    assert rows[0] == len(MIGRATIONS)


def test_analysis_round_trips_through_the_store(tmp_path: Path) -> None:
    analysis = _analysis()
    with open_store(tmp_path / "t.db") as store:
        store.put_analysis(analysis)
    with open_store(tmp_path / "t.db") as store:
        (loaded,) = store.analyses()
        assert loaded == analysis
        assert store.find_by_sha256(analysis.document.sha256) == "d1"
        assert store.find_by_sha256("0" * 64) is None


def test_reconciliation_is_replaced_not_appended() -> None:
    analysis = _analysis()
    record = ClaimRecord("d1-c0", "d1", analysis.claims[0])
    comparison = Comparison("q1", "How many buses?", "agree", ("d1-c0",), "same")
    with open_store(":memory:") as store:
        store.put_reconciliation(Reconciliation(claims=(record,), comparisons=(comparison,)))
        store.put_reconciliation(Reconciliation(claims=(record,)))
        result = store.reconciliation()
    assert result.claims == (record,)
    assert result.comparisons == ()


def test_failures_are_kept_and_cleared_when_the_source_succeeds(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.put_failure(Failure("d1.txt", "empty file"))
        assert store.failures() == [Failure("d1.txt", "empty file")]
        store.put_analysis(_analysis())
        assert store.failures() == []


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not.db"):
        open_store(path)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_unsupported_store_url_is_refused() -> None:
    with pytest.raises(StoreError, match="unsupported"):
        open_store("redis://localhost/0")


def test_a_version_4_store_has_its_analyses_packed_and_each_text_kept_once(
    tmp_path: Path,
) -> None:
    from triangulate import serialize

    path = tmp_path / "old.db"
    analysis = _analysis()
    doc = analysis.document
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    for migration in MIGRATIONS[:4]:
        db.executescript(migration.sql)
        db.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
            (migration.version, migration.name),
        )
    db.execute(
        "INSERT INTO documents (id, sha256, source, text, analysis) VALUES (?, ?, ?, ?, ?)",
        (doc.id, doc.sha256, doc.source, doc.text, serialize.dumps(analysis)),
    )
    db.commit()
    db.close()
    with open_store(path) as store:
        assert store.schema_versions() == [m.version for m in MIGRATIONS]
        assert store.analyses() == [analysis]
        (outline,) = store.outlines()  # written by the migration, from the analysis
        assert outline.analysis.document == replace(doc, text="")
        assert outline.analysis.sentences == analysis.sentences
        assert outline.counts["sentences"] == len(analysis.sentences)
        store.put_analysis(_analysis("Officials said 41 buses were sent.", "d2"))
    db = sqlite3.connect(path)
    rows = db.execute("SELECT text, analysis, packed FROM documents").fetchall()
    assert len(rows) == 2
    for text, legacy, packed in rows:
        assert legacy == "" and packed is not None
        assert text.encode() not in zlib.decompress(packed)
    db.close()
