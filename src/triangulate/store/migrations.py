"""Schema migrations, applied in order and recorded in the database (``schema_migrations``).

One list per SQL dialect, with the same versions and names: ``MIGRATIONS`` (SQLite) and
``POSTGRES_MIGRATIONS`` (PostgreSQL).
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    sql: str


PACKED_ANALYSES = "each text stored once; analyses compressed"
"""The migration after which a document's analysis is kept compressed, without its text
(``packing``); the store repacks the analyses written before it."""

YEARLESS_DAYS = "the year-less days of documents dated by their file"
"""The migration after which a document dated by its file's modification time keeps the days its
text names without a year, read once (free of the file's year) for dating it by the corpus."""

SHINGLES = "the word 5-gram hashes of each document's text"
"""The migration after which a document keeps the hashes of its text's word 5-grams
(``ingest.lineage.shingle_set``), made once, for finding copies on every run."""

OUTLINES = "document outlines for lists and links"
"""The migration after which each document keeps its outline (``packing.Outline``); the store
writes those of the documents stored before it."""

RESULT_POSITIONS = "the place of each result in its list, so that only changed rows are written"
"""The migration after which entities, claims, events and comparisons keep their place in the
reconciliation's lists in a column (SQLite kept it in the row order), so that a reconciliation is
written back as the rows that changed (``results.write_results``)."""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, failures and corpus results",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            title TEXT,
            publisher TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            analysis TEXT NOT NULL,
            added_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE failures (
            source TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            failed_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE entities (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL
        );
        CREATE TABLE claims (
            id TEXT PRIMARY KEY, document TEXT NOT NULL, text TEXT NOT NULL, data TEXT NOT NULL
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY, type TEXT NOT NULL, start TEXT, data TEXT NOT NULL
        );
        CREATE TABLE comparisons (
            id TEXT PRIMARY KEY, verdict TEXT NOT NULL, question TEXT NOT NULL, data TEXT NOT NULL
        );
        CREATE TABLE timeline (
            position INTEGER PRIMARY KEY, date TEXT NOT NULL, event TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE notes (position INTEGER PRIMARY KEY, text TEXT NOT NULL);
        CREATE INDEX claims_document ON claims(document);
        CREATE INDEX events_start ON events(start);
        """,
    ),
    Migration(
        2,
        "full-text search over documents and claims (FTS5)",
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            kind UNINDEXED, ref UNINDEXED, document UNINDEXED, title, body,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE search_state (
            id INTEGER PRIMARY KEY CHECK (id = 1), signature TEXT NOT NULL
        );
        """,
    ),
    Migration(
        3,
        "whether the stored reconciliation is that of the stored analyses",
        """
        CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO store_state (key, value) VALUES ('reconciliation', 'stale')
        """,
    ),
    Migration(
        4,
        "the audit trail of people's decisions (append-only)",
        """
        CREATE TABLE adjudications (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            action TEXT NOT NULL,
            target_kind TEXT NOT NULL,
            target TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            note TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TRIGGER adjudications_keep_rows BEFORE DELETE ON adjudications
        BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only: decisions are never deleted');
        END;
        CREATE TRIGGER adjudications_keep_values BEFORE UPDATE ON adjudications
        BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only: decisions are never changed');
        END
        """,
    ),
    Migration(
        5,
        PACKED_ANALYSES,
        "ALTER TABLE documents ADD COLUMN packed BLOB",
    ),
    Migration(
        6,
        OUTLINES,
        """
        ALTER TABLE documents ADD COLUMN outline BLOB;
        CREATE INDEX documents_order ON documents(source, id)
        """,
    ),
    Migration(7, YEARLESS_DAYS, "ALTER TABLE documents ADD COLUMN yearless_days TEXT"),
    Migration(8, SHINGLES, "ALTER TABLE documents ADD COLUMN shingles BLOB"),
    Migration(
        9,
        RESULT_POSITIONS,
        "\n".join(
            f"ALTER TABLE {table} ADD COLUMN position INTEGER;"
            f" UPDATE {table} SET position = rowid;"
            f" CREATE INDEX {table}_position ON {table}(position);"
            for table in ("entities", "claims", "events", "comparisons")
        ),
    ),
)

POSTGRES_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, failures and corpus results",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            title TEXT,
            publisher TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            analysis TEXT NOT NULL,
            added_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE TABLE failures (
            position BIGINT GENERATED ALWAYS AS IDENTITY,
            source TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE TABLE entities (
            id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,
            type TEXT NOT NULL, data TEXT NOT NULL
        );
        CREATE TABLE claims (
            id TEXT PRIMARY KEY, position INTEGER NOT NULL, document TEXT NOT NULL,
            text TEXT NOT NULL, data TEXT NOT NULL
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY, position INTEGER NOT NULL, type TEXT NOT NULL, start TEXT,
            data TEXT NOT NULL
        );
        CREATE TABLE comparisons (
            id TEXT PRIMARY KEY, position INTEGER NOT NULL, verdict TEXT NOT NULL,
            question TEXT NOT NULL, data TEXT NOT NULL
        );
        CREATE TABLE timeline (
            position INTEGER PRIMARY KEY, date TEXT NOT NULL, event TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE notes (position INTEGER PRIMARY KEY, text TEXT NOT NULL);
        CREATE INDEX claims_document ON claims(document);
        CREATE INDEX events_start ON events(start);
        """,
    ),
    Migration(
        2,
        "full-text search over documents and claims (FTS5)",
        # The same name as SQLite's (names match across dialects); here PostgreSQL's own
        # tsvector with a GIN index, without stemming, as unicode61 does.
        """
        CREATE TABLE search_index (
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            document TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            terms TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', title), 'A')
                || setweight(to_tsvector('simple', body), 'B')
            ) STORED
        );
        CREATE INDEX search_index_terms ON search_index USING GIN (terms);
        CREATE TABLE search_state (
            id INTEGER PRIMARY KEY CHECK (id = 1), signature TEXT NOT NULL
        );
        """,
    ),
    Migration(
        3,
        "whether the stored reconciliation is that of the stored analyses",
        """
        CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO store_state (key, value) VALUES ('reconciliation', 'stale')
        """,
    ),
    Migration(
        4,
        "the audit trail of people's decisions (append-only)",
        """
        CREATE TABLE adjudications (
            position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            action TEXT NOT NULL,
            target_kind TEXT NOT NULL,
            target TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            note TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE FUNCTION adjudications_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit trail is append-only: decisions are never %',
                CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END;
        END
        $$;
        CREATE TRIGGER adjudications_keep_rows BEFORE DELETE ON adjudications
            FOR EACH ROW EXECUTE FUNCTION adjudications_refuse_change();
        CREATE TRIGGER adjudications_keep_values BEFORE UPDATE ON adjudications
            FOR EACH ROW EXECUTE FUNCTION adjudications_refuse_change();
        CREATE TRIGGER adjudications_keep_table BEFORE TRUNCATE ON adjudications
            FOR EACH STATEMENT EXECUTE FUNCTION adjudications_refuse_change();
        """,
    ),
    Migration(
        5,
        PACKED_ANALYSES,
        "ALTER TABLE documents ADD COLUMN packed BYTEA",
    ),
    Migration(
        6,
        OUTLINES,
        """
        ALTER TABLE documents ADD COLUMN outline BYTEA;
        CREATE INDEX documents_order ON documents(source COLLATE "C", id COLLATE "C")
        """,
    ),
    Migration(7, YEARLESS_DAYS, "ALTER TABLE documents ADD COLUMN yearless_days TEXT"),
    Migration(8, SHINGLES, "ALTER TABLE documents ADD COLUMN shingles BYTEA"),
    Migration(  # the positions were there from the start
        9,
        RESULT_POSITIONS,
        "\n".join(
            f"CREATE INDEX {table}_position ON {table}(position);"
            for table in ("entities", "claims", "events", "comparisons")
        ),
    ),
)
