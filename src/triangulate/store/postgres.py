"""A store in a PostgreSQL database, for a corpus shared by several people or machines.

The same tables, migrations and behaviour as the SQLite store; full-text search is
PostgreSQL's own (a tsvector with a GIN index). Needs psycopg 3 (``pip install
'triangulate[postgres]'``); the database must exist (``createdb``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from .. import serialize
from ..errors import StoreError
from ..model import Adjudication, Analysis, Failure, Reconciliation
from .locations import shown_location
from .migrations import OUTLINES, PACKED_ANALYSES, POSTGRES_MIGRATIONS
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
from .search import MATCH_CLOSE, MATCH_OPEN, SearchHit, SearchKind, SearchTerm, search_terms

try:
    import psycopg
except ImportError:  # pragma: no cover - reported when a postgresql:// store is opened
    psycopg = None  # type: ignore[assignment]

MIGRATION_LOCK = 7_320_411  # advisory lock keys: one process migrates, one rebuilds the index
SEARCH_LOCK = 7_320_412
CONNECT_SECONDS = 10
HEADLINE = f"StartSel={MATCH_OPEN}, StopSel={MATCH_CLOSE}, MaxWords=24, MinWords=12, ShortWord=0"
_WORDS = re.compile(r"\w+")


class PostgresStore:
    """Documents, analyses and corpus results in one PostgreSQL database."""

    def __init__(self, url: str) -> None:
        self.location = shown_location(url)
        self._url = url
        if psycopg is None:
            raise StoreError(
                f"{self.location}: a PostgreSQL store needs psycopg: "
                "pip install 'triangulate[postgres]'"
            )
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_SECONDS)
        except psycopg.Error as error:
            raise StoreError(f"{self.location}: cannot open the store: {_reason(error)}") from error
        try:
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    # ---- schema ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        newest = max(m.version for m in POSTGRES_MIGRATIONS)
        applied = self._applied()
        if applied and max(applied) == newest:
            return
        with self._transaction("migrate") as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            done = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
            if done and max(done) > newest:
                raise StoreError(
                    f"{self.location}: written by a newer Triangulate"
                    f" (schema {max(done)} > {newest})"
                )
            for migration in POSTGRES_MIGRATIONS:
                if migration.version in done:
                    continue
                db.execute(migration.sql)  # several statements: only without parameters
                if migration.name == PACKED_ANALYSES:
                    repack_analyses(db, "%s")
                if migration.name == OUTLINES:
                    outline_documents(db, "%s")
                db.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                    (migration.version, migration.name),
                )

    def _applied(self) -> list[int]:
        exists = self._one("SELECT to_regclass('schema_migrations') IS NOT NULL")
        return self.schema_versions() if exists and exists[0] else []

    def schema_versions(self) -> list[int]:
        return [row[0] for row in self._rows("SELECT version FROM schema_migrations ORDER BY 1")]

    @contextmanager
    def _transaction(self, action: str = "write to") -> Iterator[Any]:
        try:
            with self._db.transaction():
                yield self._db
        except psycopg.Error as error:
            raise StoreError(
                f"{self.location}: cannot {action} the store: {_reason(error)}"
            ) from error

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except psycopg.Error as error:
            raise StoreError(f"{self.location}: cannot read the store: {_reason(error)}") from error

    def _one(self, sql: str, params: Sequence[object] = ()) -> tuple[Any, ...] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def worker_location(self) -> str:
        return self._url

    def check_writable(self) -> None:
        """Raise StoreError now, before any work, when the store cannot be written."""
        with self._transaction() as db:
            db.execute("UPDATE store_state SET value = value WHERE key = 'reconciliation'")

    def reconciliation_is_current(self) -> bool:
        """False when analyses were stored after the last reconciliation, or it never ran
        to the end."""
        row = self._one("SELECT value FROM store_state WHERE key = 'reconciliation'")
        return row is not None and row[0] == "current"

    def change_count(self) -> int:
        """How many writes the store has seen: a reader that kept results compares it."""
        row = self._one("SELECT value FROM store_state WHERE key = 'changes'")
        return int(row[0]) if row else 0

    def _count_change(self, db: Any) -> None:
        db.execute(
            "INSERT INTO store_state (key, value) VALUES ('changes', '1')"
            " ON CONFLICT (key) DO UPDATE SET value = (store_state.value::bigint + 1)::text"
        )

    def _mark_reconciliation(self, db: Any, state: str) -> None:
        """Record whether the results are current, and count the change (documents or claims
        changed: the search index is rebuilt once for it)."""
        db.execute(
            "INSERT INTO store_state (key, value) VALUES ('reconciliation', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (state,),
        )
        db.execute(
            "INSERT INTO store_state (key, value) VALUES ('generation', '1')"
            " ON CONFLICT (key) DO UPDATE SET value = (store_state.value::bigint + 1)::text"
        )
        self._count_change(db)

    # ---- documents ------------------------------------------------------------------------

    def known_sha256(self) -> set[str]:
        return {row[0] for row in self._rows("SELECT sha256 FROM documents")}

    def find_by_sha256(self, sha256: str) -> str | None:
        row = self._one("SELECT id FROM documents WHERE sha256 = %s", (sha256,))
        return row[0] if row else None

    def put_analysis(self, analysis: Analysis) -> None:
        doc = analysis.document
        with self._transaction() as db:
            indexed = self._search_is_current(db)
            replaced = db.execute(
                "DELETE FROM documents WHERE id = %s OR sha256 = %s RETURNING id",
                (doc.id, doc.sha256),
            ).fetchall()
            db.execute(
                "INSERT INTO documents (id, sha256, source, title, publisher, published, language,"
                " text, analysis, packed, outline)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, '', %s, %s)",
                document_row(analysis),
            )
            db.execute("DELETE FROM failures WHERE source = %s", (doc.source,))
            self._mark_reconciliation(db, "stale")
            if indexed:
                index_documents(db, "%s", dict.fromkeys([*(r[0] for r in replaced), doc.id]))
                self._search_indexed(db)

    def analyses(self) -> list[Analysis]:
        rows = self._rows(
            "SELECT packed, analysis, text FROM documents"
            ' ORDER BY source COLLATE "C", id COLLATE "C"'
        )
        return load_analyses(rows)

    def analysis(self, doc_id: str) -> Analysis | None:
        row = self._one("SELECT packed, analysis, text FROM documents WHERE id = %s", (doc_id,))
        return load_analysis(*row) if row else None

    def yearless_days(self) -> dict[str, frozenset[str]]:
        rows = self._rows(
            "SELECT id, yearless_days FROM documents WHERE yearless_days IS NOT NULL"
        )
        return {doc_id: frozenset(days.split()) for doc_id, days in rows}

    def put_yearless_days(self, days: Mapping[str, Collection[str]]) -> None:
        with self._transaction() as db, db.cursor() as cursor:
            cursor.executemany(
                "UPDATE documents SET yearless_days = %s WHERE id = %s",
                [(" ".join(sorted(found)), doc_id) for doc_id, found in days.items()],
            )

    def shingles(self) -> dict[str, frozenset[int]]:
        rows = self._rows("SELECT id, shingles FROM documents WHERE shingles IS NOT NULL")
        return {doc_id: unpack_shingles(bytes(packed)) for doc_id, packed in rows}

    def put_shingles(self, shingles: Mapping[str, frozenset[int]]) -> None:
        with self._transaction() as db, db.cursor() as cursor:
            cursor.executemany(
                "UPDATE documents SET shingles = %s WHERE id = %s",
                [(pack_shingles(found), doc_id) for doc_id, found in shingles.items()],
            )

    def outlines(self) -> list[Outline]:
        rows = self._rows(
            'SELECT outline FROM documents ORDER BY source COLLATE "C", id COLLATE "C"'
        )
        return [unpack_outline(bytes(row[0])) for row in rows]

    def document_text(self, doc_id: str) -> str | None:
        row = self._one("SELECT text FROM documents WHERE id = %s", (doc_id,))
        return str(row[0]) if row else None

    def generation(self) -> int:
        row = self._one("SELECT value FROM store_state WHERE key = 'generation'")
        return int(row[0]) if row else 0

    def results_generation(self) -> int:
        row = self._one("SELECT value FROM store_state WHERE key = 'results'")
        return int(row[0]) if row else 0

    def document_count(self) -> int:
        row = self._one("SELECT count(*) FROM documents")
        return int(row[0]) if row else 0

    # ---- failures -------------------------------------------------------------------------

    def put_failure(self, failure: Failure) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM failures WHERE source = %s", (failure.source,))
            db.execute(
                "INSERT INTO failures (source, reason) VALUES (%s, %s)",
                (failure.source, failure.reason),
            )
            self._count_change(db)

    def clear_failure(self, source: str) -> None:
        with self._transaction() as db:
            if db.execute("DELETE FROM failures WHERE source = %s", (source,)).rowcount:
                self._count_change(db)

    def failures(self) -> list[Failure]:
        rows = self._rows("SELECT source, reason FROM failures ORDER BY position")
        return [Failure(source, reason) for source, reason in rows]

    # ---- corpus results -------------------------------------------------------------------

    def put_reconciliation(self, reconciliation: Reconciliation) -> None:
        check_reconciliation(reconciliation)
        with self._transaction() as db, db.cursor() as cursor:
            indexed = self._search_is_current(db)
            claims = write_results(cursor, "%s", reconciliation)
            self._mark_reconciliation(db, "current")
            cursor.execute(
                "INSERT INTO store_state (key, value) VALUES ('results', '1')"
                " ON CONFLICT (key) DO UPDATE SET value = (store_state.value::bigint + 1)::text"
            )
            if indexed:
                if len(claims) > REINDEX_ALL_CLAIMS:
                    for statement in INDEX_CLAIMS:
                        cursor.execute(statement)
                else:
                    index_claims(cursor, "%s", claims)
                self._search_indexed(db)

    def reconciliation(self) -> Reconciliation:
        def data_of(table: str) -> list[str]:
            return [row[0] for row in self._rows(f"SELECT data FROM {table} ORDER BY position")]

        notes = [row[0] for row in self._rows("SELECT text FROM notes ORDER BY position")]
        return read_reconciliation(data_of, notes)

    # ---- the audit trail of people's decisions --------------------------------------------

    def add_adjudication(self, adjudication: Adjudication) -> None:
        """Append a decision to the audit trail (a decision already there is not added twice)."""
        with self._transaction() as db:
            added = db.execute(
                "INSERT INTO adjudications"
                " (id, action, target_kind, target, reviewer, decided_at, note, data)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                adjudication_row(adjudication),
            )
            if added.rowcount:
                self._count_change(db)

    def adjudications(self) -> list[Adjudication]:
        """Every decision ever taken, oldest first."""
        rows = self._rows("SELECT data FROM adjudications ORDER BY position")
        return [serialize.loads(Adjudication, row[0]) for row in rows]

    # ---- full-text search -----------------------------------------------------------------

    def search(
        self, query: str, *, kind: SearchKind | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[int, list[SearchHit]]:
        """Documents and claims matching ``query`` (best first) and how many match in all.

        Words are AND-ed, "quoted phrases" kept, ``word*`` matches a prefix, as with SQLite;
        ``rank`` is the negated ts_rank (lower is better, as bm25 is). Raises ValueError for a
        query with nothing to search for.
        """
        tsquery, params = _tsquery(search_terms(query))
        self.refresh_search_index()
        where = "terms @@ query" + (" AND kind = %s" if kind else "")
        filters: list[object] = [*params, kind] if kind else list(params)
        matching = f"search_index, (SELECT {tsquery} AS query) AS q WHERE {where}"
        total_row = self._one(f"SELECT count(*) FROM {matching}", filters)
        rows = self._rows(
            "SELECT kind, ref, document, title, ts_headline('simple', body, query, %s), score"
            " FROM (SELECT kind, ref, document, title, body, query,"
            " -ts_rank(terms, query) AS score"
            f" FROM {matching}"
            ' ORDER BY score, kind DESC, ref COLLATE "C" LIMIT %s OFFSET %s) AS best'
            ' ORDER BY score, kind DESC, ref COLLATE "C"',
            [HEADLINE, *filters, limit, offset],
        )
        return (int(total_row[0]) if total_row else 0), search_hits(rows)

    def refresh_search_index(self) -> bool:
        """Rebuild the full-text index when documents or claims changed; True when it did."""
        if self._search_is_current(self._db):
            return False
        with self._transaction() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (SEARCH_LOCK,))
            if self._search_is_current(db):
                return False  # another process rebuilt it meanwhile
            for statement in REFILL_SEARCH_INDEX:
                db.execute(statement)
            self._search_indexed(db)
        return True

    def _search_is_current(self, db: Any) -> bool:
        """Whether the index holds the documents and claims stored now (those stored while it
        does are indexed as they are stored)."""
        try:
            row = db.execute("SELECT signature FROM search_state WHERE id = 1").fetchone()
            if row:
                return bool(row[0] == self._signature(db))
            return not db.execute(EMPTY_SEARCH_INDEX).fetchone()[0]
        except psycopg.Error as error:
            raise StoreError(f"{self.location}: cannot read the store: {_reason(error)}") from error

    def _search_indexed(self, db: Any) -> None:
        db.execute(
            "INSERT INTO search_state (id, signature) VALUES (1, %s)"
            " ON CONFLICT (id) DO UPDATE SET signature = excluded.signature",
            (self._signature(db),),
        )

    @staticmethod
    def _signature(db: Any) -> str:
        row = db.execute("SELECT value FROM store_state WHERE key = 'generation'").fetchone()
        return f"generation {row[0] if row else 0}"

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _tsquery(terms: list[SearchTerm]) -> tuple[str, list[str]]:
    """A tsquery expression AND-ing ``terms`` and its parameters: each term is text to
    ``phraseto_tsquery`` (never tsquery syntax), a prefix word's last part a quoted lexeme."""
    parts: list[str] = []
    params: list[str] = []
    for term in terms:
        words = _WORDS.findall(term.text)
        if not term.prefix or not words:
            parts.append("phraseto_tsquery('simple', %s)")
            params.append(term.text)
            continue
        prefix = "to_tsquery('simple', %s)"
        if len(words) > 1:
            parts.append(f"tsquery_phrase(phraseto_tsquery('simple', %s), {prefix})")
            params.append(" ".join(words[:-1]))
        else:
            parts.append(prefix)
        params.append(f"'{words[-1]}':*")
    return " && ".join(parts), params


def _reason(error: Exception) -> str:
    """The server's message without psycopg's extra lines."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
