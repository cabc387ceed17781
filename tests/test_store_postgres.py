"""The store's behaviour on both backends: SQLite (a file) and PostgreSQL (a throwaway server
started for the session; those tests skip, saying why, where no server can be started)."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from triangulate.corpus import Corpus
from triangulate.errors import StoreError
from triangulate.model import (
    Adjudication,
    Analysis,
    Claim,
    ClaimRecord,
    Comparison,
    Failure,
    Reconciliation,
    Sentence,
)
from triangulate.review import decide_in_store
from triangulate.store import (
    SQLiteStore,
    is_server_location,
    open_store,
    shown_location,
    store_exists,
)
from triangulate.store.migrations import MIGRATIONS, POSTGRES_MIGRATIONS

from .conftest import REPO, make_document
from .postgres_server import PostgresServer
from .web_corpus import analyses as ferry_analyses
from .web_corpus import build_store
from .web_corpus import reconciliation as ferry_reconciliation

VERSIONS = [m.version for m in MIGRATIONS]


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's location on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()


def raw_execute(location: str, sql: str) -> None:
    """Run ``sql`` on the store's database directly, past the store (the driver's error is
    raised as it is)."""
    if is_server_location(location):
        import psycopg

        with psycopg.connect(location, autocommit=True) as db:
            db.execute(sql)
    else:
        db = sqlite3.connect(location, isolation_level=None)
        try:
            db.execute(sql)
        finally:
            db.close()


def raw_rows(location: str, sql: str) -> list[tuple]:
    if is_server_location(location):
        import psycopg

        with psycopg.connect(location) as db:
            return db.execute(sql).fetchall()
    db = sqlite3.connect(location)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def _analysis(text: str, doc_id: str, source: str | None = None) -> Analysis:
    return Analysis(
        document=make_document(text, doc_id, source=source or f"{doc_id}.txt", title=doc_id),
        sentences=(Sentence(0, len(text)),),
        claims=(Claim(8, len(text), text[8:]),),
    )


def _decision(decision_id: str, note: str) -> Adjudication:
    return Adjudication(
        decision_id, "set_verdict", "comparison", "cmp-1", "Ana", "2026-01-05T09:30:00+00:00",
        note, "update", ("c-a", "c-b"),
    )


# ---- locations (no server needed) ------------------------------------------------------------


def test_the_dialects_have_the_same_migrations() -> None:
    assert [(m.version, m.name) for m in POSTGRES_MIGRATIONS] == [
        (m.version, m.name) for m in MIGRATIONS
    ]


def test_a_location_is_a_file_or_a_server_url(tmp_path: Path) -> None:
    assert is_server_location("postgresql://ana@db.example/news")
    assert is_server_location("postgres://db.example/news")
    assert not is_server_location(str(tmp_path / "t.db"))
    assert not is_server_location(tmp_path / "postgresql:")
    assert store_exists("postgresql://db.example/news")
    assert not store_exists(str(tmp_path / "t.db"))
    with open_store(tmp_path / "t.db") as store:
        assert isinstance(store, SQLiteStore)
    assert store_exists(str(tmp_path / "t.db"))
    assert (
        shown_location("postgresql://ana:s3cret@db.example:5433/news?sslmode=require")
        == "postgresql://ana:***@db.example:5433/news?sslmode=require"
    )
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://db.example/news")


def test_an_unreachable_server_is_a_store_error_without_the_password(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    url = f"postgresql://ana:s3cret@/news?host={tmp_path}&port=1&connect_timeout=2"
    with pytest.raises(StoreError) as raised:
        open_store(url)
    assert "cannot open the store" in str(raised.value)
    assert "s3cret" not in str(raised.value)


# ---- the same behaviour on both backends ------------------------------------------------------


def test_migrations_are_recorded_once_and_a_newer_schema_is_refused(location: str) -> None:
    open_store(location).close()
    with open_store(location) as store:
        assert store.schema_versions() == VERSIONS
    assert raw_rows(location, "SELECT count(*) FROM schema_migrations") == [(len(VERSIONS),)]
    raw_execute(location, "INSERT INTO schema_migrations (version, name) VALUES (99, 'future')")
    with pytest.raises(StoreError, match="newer"):
        open_store(location)


def test_analyses_round_trip_packed_with_each_text_kept_once(location: str) -> None:
    first = _analysis("Officials said 40 buses were sent on 2 June.", "d1", "b.txt")
    second = _analysis("Drivers said 41 buses left on 2 June.", "d2", "a.txt")
    with open_store(location) as store:
        store.put_analysis(first)
        store.put_analysis(second)
        store.put_analysis(first)  # stored again: replaced, not added
    with open_store(location) as store:
        assert store.analyses() == [second, first]  # by source
        assert store.document_count() == 2
        assert store.known_sha256() == {first.document.sha256, second.document.sha256}
        assert store.find_by_sha256(first.document.sha256) == "d1"
        assert store.find_by_sha256("0" * 64) is None
    for text, legacy, packed in raw_rows(location, "SELECT text, analysis, packed FROM documents"):
        assert legacy == ""
        assert text.encode() not in zlib.decompress(bytes(packed))


def test_per_document_results_are_kept_until_the_analysis_is_stored_again(
    location: str,
) -> None:
    first = _analysis("Officials said 40 buses were sent on 2 June.", "d1")
    second = _analysis("Drivers said 41 buses left on 2 June.", "d2")
    with open_store(location) as store:
        store.put_analysis(first)
        store.put_analysis(second)
        store.put_yearless_days({"d1": {"06-02", "03-09"}, "d2": set()})
        store.put_shingles({"d1": frozenset({7, 2**32 - 1}), "d2": frozenset()})
    with open_store(location) as store:
        assert store.yearless_days() == {"d1": {"03-09", "06-02"}, "d2": frozenset()}
        assert store.shingles() == {"d1": {7, 2**32 - 1}, "d2": frozenset()}
        store.put_analysis(first)
        assert set(store.yearless_days()) == set(store.shingles()) == {"d2"}
        assert store.reconciliation_is_current() is False


def test_failures_are_kept_in_order_and_cleared_when_the_source_succeeds(location: str) -> None:
    with open_store(location) as store:
        store.put_failure(Failure("d1.txt", "empty file"))
        store.put_failure(Failure("z.txt", "not a document"))
        store.put_failure(Failure("d1.txt", "still empty"))
        assert store.failures() == [
            Failure("z.txt", "not a document"),
            Failure("d1.txt", "still empty"),
        ]
        store.clear_failure("z.txt")
        store.put_analysis(_analysis("Officials said 40 buses were sent.", "d1"))
        assert store.failures() == []


def test_reconciliation_round_trips_and_says_whether_it_is_current(location: str) -> None:
    items = ferry_analyses()
    expected = ferry_reconciliation(items)
    with open_store(location) as store:
        assert not store.reconciliation_is_current()
        for analysis in items:
            store.put_analysis(analysis)
        store.put_reconciliation(expected)
        assert store.reconciliation_is_current()
    with open_store(location) as store:
        assert store.reconciliation() == expected
        store.put_reconciliation(Reconciliation(claims=expected.claims[:1]))
        assert store.reconciliation() == Reconciliation(claims=expected.claims[:1])
        store.put_analysis(_analysis("A fourth account of the ferry.", "d4"))
        assert not store.reconciliation_is_current()


def _rows_written(location: str, table: str) -> Callable[[], set[str]]:
    """The ids of the rows of ``table`` inserted or updated from now on, as a function."""
    if is_server_location(location):  # a row's xmin changes with every write to it
        before = dict(raw_rows(location, f"SELECT id, xmin::text FROM {table}"))
        return lambda: {i for i, x in raw_rows(location, f"SELECT id, xmin::text FROM {table}")
                        if before.get(i) != x}
    raw_execute(location, "CREATE TABLE IF NOT EXISTS written (id TEXT)")
    for event in ("INSERT", "UPDATE"):
        raw_execute(location, f"CREATE TRIGGER {table}_{event.lower()} AFTER {event} ON {table}"
                              " BEGIN INSERT INTO written VALUES (new.id); END")
    return lambda: {row[0] for row in raw_rows(location, "SELECT id FROM written")}


def test_a_reconciliation_is_written_back_as_the_rows_that_changed(location: str) -> None:
    items = ferry_analyses()
    before = ferry_reconciliation(items)
    with open_store(location) as store:
        for analysis in items:
            store.put_analysis(analysis)
        store.put_reconciliation(before)
        store.refresh_search_index()
    changed, dropped = before.claims[1], before.claims[3]
    reworded = replace(changed, claim=replace(changed.claim, text="Rescuers brought a ferry"
                                              " of stranded lighthouse keepers ashore"))
    added = ClaimRecord("c-new", "post", Claim(0, 20, "Divers searched the breakwater"))
    after = replace(
        before,
        entities=before.entities[::-1],
        claims=(before.claims[0], reworded, before.claims[2], added),
    )
    written = _rows_written(location, "claims")
    with open_store(location) as store:
        store.put_reconciliation(after)
        assert written() == {"c-new", changed.id}  # not the claims kept as they were
        assert store.reconciliation() == after  # in the new order (the entities reversed)
        assert not store.refresh_search_index()
        assert [h.ref for h in store.search("breakwater")[1]] == ["c-new"]
        assert [h.ref for h in store.search("lighthouse", kind="claim")[1]] == [changed.id]
        assert store.search("storm", kind="claim")[0] == 1  # the dropped claim left the index
        assert dropped.id not in {h.ref for h in store.search("storm")[1]}
        store.put_reconciliation(before)
        assert store.reconciliation() == before


def test_search_finds_words_phrases_and_prefixes_and_follows_new_documents(
    location: str,
) -> None:
    build_store(location)  # type: ignore[arg-type]
    with open_store(location) as store:
        total, hits = store.search("passengers")
        kinds = {(hit.kind, hit.ref) for hit in hits}
        assert total == len(hits)
        assert {("claim", "c-tribune-0"), ("claim", "c-courier-0"), ("document", "tribune")} <= (
            kinds
        )
        claim = next(hit for hit in hits if hit.ref == "c-tribune-0")
        assert claim.document == "tribune"
        start, end = claim.highlights[0]
        assert claim.snippet[start:end] == "passengers"
        assert [h.rank for h in hits] == sorted(h.rank for h in hits)

        _, phrase = store.search('"storm warning"', kind="claim")
        assert {hit.ref for hit in phrase} == {"c-courier-1", "c-post-0"}
        assert store.search('"warning storm"')[0] == 0
        assert store.search("sandb*")[0] >= 1
        assert store.search("sandb")[0] == 0
        anded = store.search("storm rescued", kind="document")[1]  # words AND-ed
        assert [hit.ref for hit in anded] == ["courier"]
        for hostile in ['passengers" OR "x', "NEAR(a b)", "a AND OR", "col:ferry", "a & !b |"]:
            store.search(hostile)
        with pytest.raises(ValueError):
            store.search('-- * ""')

        paged_total, page = store.search("passengers", limit=1, offset=1)
        assert paged_total == total and [h.ref for h in page] == [hits[1].ref]

        assert store.search("lighthouse")[0] == 0
        store.put_analysis(_analysis("The old lighthouse keeper watched the ferry.", "keeper"))
        assert [hit.ref for hit in store.search("lighthouse")[1]] == ["keeper"]
        assert not store.refresh_search_index()  # rebuilt once, not at every search


def test_the_search_index_follows_each_stored_document_and_result_without_a_rebuild(
    location: str,
) -> None:
    with open_store(location) as store:
        store.put_analysis(_analysis("Officials counted the lighthouse ferries.", "d1"))
        store.put_analysis(_analysis("Drivers said the harbour was closed.", "d2"))
        assert not store.refresh_search_index()  # indexed as stored: nothing to rebuild
        assert [h.ref for h in store.search("lighthouse")[1]] == ["d1"]
        store.put_analysis(_analysis("Officials counted the canal barges.", "d1"))  # replaced
        assert store.search("lighthouse")[0] == 0
        assert [h.ref for h in store.search("barges")[1]] == ["d1"]
        claim = ClaimRecord("c-1", "d2", Claim(8, 36, "said the harbour was closed"))
        store.put_reconciliation(Reconciliation(claims=(claim,)))
        assert not store.refresh_search_index()
        assert {(h.kind, h.ref) for h in store.search("harbour")[1]} == {
            ("document", "d2"),
            ("claim", "c-1"),
        }


def test_outlines_give_each_document_without_its_analysis(location: str) -> None:
    first = _analysis("Officials said 40 buses were sent on 2 June.", "d1", "b.txt")
    second = _analysis("Drivers said 41 buses left on 2 June.", "d2", "a.txt")
    with open_store(location) as store:
        assert store.generation() == 0
        store.put_analysis(first)
        store.put_analysis(second)
        assert store.generation() == 2  # each write of documents or results counts
        store.add_adjudication(_decision("a1", "a look"))
        assert store.generation() == 2  # a decision does not
        outlines = store.outlines()
        assert [o.analysis.document for o in outlines] == [
            replace(a.document, text="") for a in (second, first)  # in the order of analyses()
        ]
        assert [o.analysis.sentences for o in outlines] == [second.sentences, first.sentences]
        assert outlines[1].counts == {
            "sentences": 1, "mentions": 0, "times": 0, "quantities": 0, "claims": 1, "events": 0
        }
        assert store.analysis("d1") == first and store.analysis("d9") is None
        assert store.document_text("d2") == second.document.text
        assert store.document_text("d9") is None


def test_the_audit_trail_is_append_only(location: str) -> None:
    with open_store(location) as store:
        store.add_adjudication(_decision("a1", "first look"))
        store.add_adjudication(_decision("a2", "second look"))
        store.add_adjudication(_decision("a1", "first look"))  # the same decision again
        assert [a.id for a in store.adjudications()] == ["a1", "a2"]
    for statement in ("DELETE FROM adjudications", "UPDATE adjudications SET note = 'x'"):
        with pytest.raises(Exception, match="append-only") as refused:
            raw_execute(location, statement)
        assert not isinstance(refused.value, AssertionError)
    with open_store(location) as store:
        assert [a.note for a in store.adjudications()] == ["first look", "second look"]


def test_decisions_outlive_a_new_reconciliation_through_the_corpus(location: str) -> None:
    claims = tuple(
        ClaimRecord(i, d, Claim(0, 5, "words")) for i, d in (("c-a", "a"), ("c-b", "b"))
    )
    comparison = Comparison("cmp-1", "How many?", "conflict", ("c-a", "c-b"), "41 / 43")
    with open_store(location) as store:
        store.put_reconciliation(Reconciliation(claims=claims, comparisons=(comparison,)))
        outcome = decide_in_store(
            store, "set_verdict", "cmp-1", reviewer="Ana", verdict="update", note="later"
        )
        assert outcome.status == "applied"
        moved = replace(comparison, id="cmp-9")
        store.put_reconciliation(Reconciliation(claims=claims, comparisons=(moved,)))
    with Corpus.open(location) as corpus:
        (shown,) = corpus.reconciliation().comparisons
    assert (shown.id, shown.verdict) == ("cmp-9", "update")


def test_the_web_snapshot_follows_writes_by_another_process(location: str) -> None:
    from triangulate.web.snapshot import SnapshotSource

    build_store(location)  # type: ignore[arg-type]
    source = SnapshotSource(location)
    try:
        first = source.current()
        assert len(first.outlines) == 3
        assert source.current() is first  # nothing changed: the same snapshot
        with open_store(location) as other:
            other.put_failure(Failure("broken.pdf", "not a PDF"))
        second = source.current()
        assert second is not first and second.failures == (Failure("broken.pdf", "not a PDF"),)
        with open_store(location) as other:
            other.add_adjudication(
                replace(_decision("a1", "checked"), target="cmp-passengers",
                        claims=("c-tribune-0", "c-courier-0"))
            )
        third = source.current()
        assert third is not second
        assert third.comparisons["cmp-passengers"].verdict == "update"
        assert source.current() is third
    finally:
        source.close()


# ---- PostgreSQL end to end ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysed_on_server(postgres_server: PostgresServer) -> str:
    from typer.testing import CliRunner

    from triangulate.cli import app

    url = postgres_server.new_database("e2e")
    examples = sorted((REPO / "examples").glob("*.txt"))[:3]
    result = CliRunner().invoke(
        app, ["analyze", *map(str, examples), "--db", url, "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "3 analysed, 0 unchanged, 0 failed" in result.output
    return url


def test_examples_analysed_into_postgresql_make_a_report_and_an_export(
    analysed_on_server: str, tmp_path: Path
) -> None:
    import json

    from typer.testing import CliRunner

    from triangulate.cli import app

    runner = CliRunner()
    report = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", analysed_on_server, "-o", str(report)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.json"
    result = runner.invoke(
        app, ["export", "--db", analysed_on_server, "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert len(exported["documents"]) == 3
    assert exported["claims"] and exported["events"]
    page = report.read_text(encoding="utf-8")
    for document in exported["documents"]:
        assert document["id"] in page
    with Corpus.open(analysed_on_server) as corpus:
        assert corpus.store.reconciliation_is_current()
        again = corpus.analyze([str(REPO / "examples" / "000_0083bdaf636d631e.txt")])
    assert again.line().startswith("0 analysed, 1 unchanged, 0 failed; 3 documents")


def test_review_and_serve_take_a_server_url(analysed_on_server: str) -> None:
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from triangulate.cli import app
    from triangulate.web import create_app

    with TestClient(create_app(analysed_on_server), base_url="http://127.0.0.1") as client:
        comparisons = client.get("/api/v1/comparisons").json()
        assert comparisons["total"] >= 1
        target = comparisons["items"][0]["id"]
        found = client.get("/api/v1/search", params={"q": "Armenia"}).json()
        assert found["total"] >= 1
    result = CliRunner().invoke(
        app, ["review", "confirm", target, "--by", "Ana", "--db", analysed_on_server]
    )
    assert result.exit_code == 0, result.output
    logged = CliRunner().invoke(app, ["review", "log", "--db", analysed_on_server])
    assert target in logged.output and "Ana" in logged.output
