"""The default store: one SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .. import serialize
from ..errors import StoreError
from ..model import Adjudication, Analysis, Failure, Reconciliation
from .migrations import MIGRATIONS, OUTLINES, PACKED_ANALYSES
from .packing import (
    Outline,
    load_analyses,
    load_analysis,
    pack_shingles,
    unpack_outline,
    unpack_shingles,
)
from .results import REINDEX_ALL_CLAIMS, index_claims, write_results
from .rows import (
    EMPTY_SEARCH_INDEX,
    INDEX_CLAIMS,
    REFILL_SEARCH_INDEX,
    adjudication_row,
    check_reconciliation,
    document_row,
    index_documents,
    outline_documents,
    read_reconciliation,
    repack_analyses,
    search_hits,
)
from .search import MATCH_CLOSE, MATCH_OPEN, SearchHit, SearchKind, match_expression


class SQLiteStore:
    """Documents, analyses and corpus results in one SQLite file (``:memory:`` works too)."""

    def __init__(self, path: str | Path) -> None:
        self.location = str(path)
        try:
            self._db = sqlite3.connect(
                self.location, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.location != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.location}: cannot open the store: {error}") from error

    # ---- schema ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._transaction() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
            )
        applied = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        newest = max(m.version for m in MIGRATIONS)
        if applied and max(applied) > newest:
            raise StoreError(
                f"{self.location}: written by a newer Triangulate"
                f" (schema {max(applied)} > {newest})"
            )
        for migration in MIGRATIONS:
            if migration.version in applied:
                continue
            with self._transaction() as db:
                for statement in _statements(migration.sql):
                    db.execute(statement)
                if migration.name == PACKED_ANALYSES:
                    repack_analyses(db, "?")
                if migration.name == OUTLINES:
                    outline_documents(db, "?")
                db.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                    (migration.version, migration.name),
                )

    def schema_versions(self) -> list[int]:
        return [row[0] for row in self._db.execute("SELECT version FROM schema_migrations")]

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StoreError(f"{self.location}: cannot write to the store: {error}") from error

    def worker_location(self) -> None:
        return None

    def check_writable(self) -> None:
        """Raise StoreError now, before any work, when the store cannot be written."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO store_state (key, value) SELECT key, value"
                " FROM store_state WHERE key = 'reconciliation'"
            )

    def reconciliation_is_current(self) -> bool:
        """False when analyses were stored after the last reconciliation, or it never ran
        to the end."""
        row = self._db.execute(
            "SELECT value FROM store_state WHERE key = 'reconciliation'"
        ).fetchone()
        return bool(row) and row[0] == "current"

    def _mark_reconciliation(self, db: sqlite3.Connection, state: str) -> None:
        """Record whether the results are current, and count the change (documents or claims
        changed: the search index is rebuilt once for it)."""
        db.execute(
            "INSERT OR REPLACE INTO store_state (key, value) VALUES ('reconciliation', ?)", (state,)
        )
        db.execute(
            "INSERT INTO store_state (key, value) VALUES ('generation', '1')"
            " ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # ---- documents ------------------------------------------------------------------------

    def known_sha256(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT sha256 FROM documents")}

    def find_by_sha256(self, sha256: str) -> str | None:
        row = self._db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def put_analysis(self, analysis: Analysis) -> None:
        doc = analysis.document
        with self._transaction() as db:
            indexed = self._search_is_current()
            replaced = [
                row[0]
                for row in db.execute(
                    "SELECT id FROM documents WHERE id = ? OR sha256 = ?", (doc.id, doc.sha256)
                )
            ]
            db.execute(
                "INSERT OR REPLACE INTO documents"
                " (id, sha256, source, title, publisher, published, language, text, analysis,"
                " packed, outline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
                document_row(analysis),
            )
            db.execute("DELETE FROM failures WHERE source = ?", (doc.source,))
            self._mark_reconciliation(db, "stale")
            if indexed:
                index_documents(db, "?", dict.fromkeys([*replaced, doc.id]))
                self._search_indexed(db)

    def analyses(self) -> list[Analysis]:
        rows = self._db.execute(
            "SELECT packed, analysis, text FROM documents ORDER BY source, id"
        )
        return load_analyses(rows)

    def analysis(self, doc_id: str) -> Analysis | None:
        row = self._db.execute(
            "SELECT packed, analysis, text FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return load_analysis(*row) if row else None

    def yearless_days(self) -> dict[str, frozenset[str]]:
        rows = self._db.execute(
            "SELECT id, yearless_days FROM documents WHERE yearless_days IS NOT NULL"
        )
        return {doc_id: frozenset(days.split()) for doc_id, days in rows}

    def put_yearless_days(self, days: Mapping[str, Collection[str]]) -> None:
        with self._transaction() as db:
            db.executemany(
                "UPDATE documents SET yearless_days = ? WHERE id = ?",
                [(" ".join(sorted(found)), doc_id) for doc_id, found in days.items()],
            )

    def shingles(self) -> dict[str, frozenset[int]]:
        rows = self._db.execute("SELECT id, shingles FROM documents WHERE shingles IS NOT NULL")
        return {doc_id: unpack_shingles(packed) for doc_id, packed in rows}

    def put_shingles(self, shingles: Mapping[str, frozenset[int]]) -> None:
        with self._transaction() as db:
            db.executemany(
                "UPDATE documents SET shingles = ? WHERE id = ?",
                [(pack_shingles(found), doc_id) for doc_id, found in shingles.items()],
            )

    def outlines(self) -> list[Outline]:
        rows = self._db.execute("SELECT outline FROM documents ORDER BY source, id")
        return [unpack_outline(row[0]) for row in rows]

    def document_text(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row else None

    def generation(self) -> int:
        row = self._db.execute(
            "SELECT value FROM store_state WHERE key = 'generation'"
        ).fetchone()
        return int(row[0]) if row else 0

    def results_generation(self) -> int:
        row = self._db.execute("SELECT value FROM store_state WHERE key = 'results'").fetchone()
        return int(row[0]) if row else 0

    def document_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    # ---- failures -------------------------------------------------------------------------

    def put_failure(self, failure: Failure) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO failures (source, reason) VALUES (?, ?)",
                (failure.source, failure.reason),
            )

    def clear_failure(self, source: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM failures WHERE source = ?", (source,))

    def failures(self) -> list[Failure]:
        rows = self._db.execute("SELECT source, reason FROM failures ORDER BY rowid")
        return [Failure(source, reason) for source, reason in rows]

    # ---- corpus results -------------------------------------------------------------------

    def put_reconciliation(self, reconciliation: Reconciliation) -> None:
        check_reconciliation(reconciliation)
        with self._transaction() as db:
            indexed = self._search_is_current()
            claims = write_results(db, "?", reconciliation)
            self._mark_reconciliation(db, "current")
            db.execute(
                "INSERT INTO store_state (key, value) VALUES ('results', '1')"
                " ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
            if indexed:
                if len(claims) > REINDEX_ALL_CLAIMS:
                    for statement in INDEX_CLAIMS:
                        db.execute(statement)
                else:
                    index_claims(db, "?", claims)
                self._search_indexed(db)

    def reconciliation(self) -> Reconciliation:
        def data_of(table: str) -> list[str]:
            rows = self._db.execute(f"SELECT data FROM {table} ORDER BY position")
            return [row[0] for row in rows]

        notes = [row[0] for row in self._db.execute("SELECT text FROM notes ORDER BY position")]
        return read_reconciliation(data_of, notes)

    # ---- the audit trail of people's decisions --------------------------------------------

    def add_adjudication(self, adjudication: Adjudication) -> None:
        """Append a decision to the audit trail (a decision already there is not added twice)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO adjudications"
                " (id, action, target_kind, target, reviewer, decided_at, note, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                adjudication_row(adjudication),
            )

    def adjudications(self) -> list[Adjudication]:
        """Every decision ever taken, oldest first."""
        rows = self._db.execute("SELECT data FROM adjudications ORDER BY position")
        return [serialize.loads(Adjudication, row[0]) for row in rows]

    # ---- full-text search -----------------------------------------------------------------

    def search(
        self, query: str, *, kind: SearchKind | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[int, list[SearchHit]]:
        """Documents and claims matching ``query`` (best first) and how many match in all.

        Raises ValueError for a query with nothing to search for.
        """
        expression = match_expression(query)
        self.refresh_search_index()
        where = "search_index MATCH ?" + (" AND kind = ?" if kind else "")
        params: tuple[str, ...] = (expression, kind) if kind else (expression,)
        total = int(
            self._db.execute(f"SELECT count(*) FROM search_index WHERE {where}", params).fetchone()[
                0
            ]
        )
        rows = self._db.execute(
            "SELECT kind, ref, document, title,"
            f" snippet(search_index, 4, '{MATCH_OPEN}', '{MATCH_CLOSE}', '…', 24),"
            " bm25(search_index, 0, 0, 0, 2.0, 1.0) AS score"
            f" FROM search_index WHERE {where} ORDER BY score, kind DESC, ref LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return total, search_hits(rows)

    def refresh_search_index(self) -> bool:
        """Rebuild the full-text index when it is not that of the stored documents and claims
        (those stored while it was current are indexed as they are stored); True when it did."""
        if self._search_is_current():
            return False
        with self._transaction() as db:
            for statement in REFILL_SEARCH_INDEX:
                db.execute(statement)
            self._search_indexed(db)
        return True

    def _search_is_current(self) -> bool:
        row = self._db.execute("SELECT signature FROM search_state WHERE id = 1").fetchone()
        if row:
            return bool(row[0] == self._search_signature())
        return not self._db.execute(EMPTY_SEARCH_INDEX).fetchone()[0]

    def _search_indexed(self, db: sqlite3.Connection) -> None:
        """Record that the index holds the documents and claims stored now."""
        db.execute(
            "INSERT OR REPLACE INTO search_state (id, signature) VALUES (1, ?)",
            (self._search_signature(),),
        )

    def _search_signature(self) -> str:
        row = self._db.execute(
            "SELECT value FROM store_state WHERE key = 'generation'"
        ).fetchone()
        return f"generation {row[0] if row else 0}"

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _statements(script: str) -> list[str]:
    """The statements of a migration script, a trigger's body (with its own semicolons) kept
    whole."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending)
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending)
    return statements

