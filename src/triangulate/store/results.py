"""Writing a reconciliation into the result tables: only the rows that changed.

Adding a few documents to a large store changes a few entities, claims, events and comparisons;
the rest of the rows stay as they are. Each keyed row is compared with the stored one (its
serialised data and its place in the list) and only new, changed, moved and removed rows are
written; the claims' entries in the search index follow the claims that changed. The SQL is the
same in both dialects but for the parameter mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Reconciliation
from .rows import Row, reconciliation_rows

COLUMNS = {
    "entities": ("id", "position", "name", "type", "data"),
    "claims": ("id", "position", "document", "text", "data"),
    "events": ("id", "position", "type", "start", "data"),
    "comparisons": ("id", "position", "verdict", "question", "data"),
    "timeline": ("position", "date", "event", "data"),
    "notes": ("position", "text"),
}
"""Each result table's columns, in the order of ``reconciliation_rows(..., with_position=True)``."""
KEYED = ("entities", "claims", "events", "comparisons")
"""The tables whose rows have an id, and are written when they change; the timeline and the
notes (a few hundred rows) are written whole."""
CHUNK = 500
"""Ids per statement where a statement names a set of ids."""
REINDEX_ALL_CLAIMS = 2 * CHUNK
"""Past this many claims changed, the claims' search entries are made again all at once (each
statement naming a set of claims reads the whole index)."""


def write_results(db: Any, placeholder: str, reconciliation: Reconciliation) -> set[str]:
    """Make the result tables hold ``reconciliation``; the ids of the claims that were added,
    changed or removed.

    ``db`` runs ``execute`` and ``executemany`` (a SQLite connection, a PostgreSQL cursor);
    ``placeholder`` is its parameter mark (?, %s)."""
    claims: set[str] = set()
    for table, rows in reconciliation_rows(reconciliation, with_position=True):
        if table in KEYED:
            changed = _write_changes(db, placeholder, table, rows)
            if table == "claims":
                claims = changed
        else:
            db.execute(f"DELETE FROM {table}")
            _insert(db, placeholder, table, rows)
    return claims


def _write_changes(db: Any, p: str, table: str, rows: list[Row]) -> set[str]:
    stored = {
        row[0]: (row[1], row[2]) for row in db.execute(f"SELECT id, position, data FROM {table}")
    }
    inserted: list[Row] = []
    changed: list[Row] = []
    moved: list[tuple[int, str]] = []
    for row in rows:
        identifier, position, data = row[0], row[1], row[-1]
        before = stored.pop(identifier, None)
        if before is None:
            inserted.append(row)
        elif before[1] != data:
            changed.append(row)
        elif before[0] != position:
            moved.append((position, identifier))
    removed = list(stored)
    for chunk in _chunks(removed):
        db.execute(f"DELETE FROM {table} WHERE id IN ({', '.join([p] * len(chunk))})", chunk)
    if changed:
        columns = COLUMNS[table][1:]
        assignments = ", ".join(f"{column} = {p}" for column in columns)
        db.executemany(
            f"UPDATE {table} SET {assignments} WHERE id = {p}",
            [(*row[1:], row[0]) for row in changed],
        )
    if moved:
        db.executemany(f"UPDATE {table} SET position = {p} WHERE id = {p}", moved)
    _insert(db, p, table, inserted)
    return {row[0] for row in inserted + changed} | set(removed)


def _insert(db: Any, p: str, table: str, rows: list[Row]) -> None:
    if rows:
        columns = COLUMNS[table]
        db.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([p] * len(columns))})",
            rows,
        )


def index_claims(db: Any, placeholder: str, claim_ids: Iterable[str]) -> None:
    """Put the claims ``claim_ids`` in the search index as they are stored now (a claim no
    longer stored leaves it)."""
    p = placeholder
    for chunk in _chunks(sorted(claim_ids)):
        marks = ", ".join([p] * len(chunk))
        db.execute(f"DELETE FROM search_index WHERE kind = 'claim' AND ref IN ({marks})", chunk)
        db.execute(
            "INSERT INTO search_index (kind, ref, document, title, body)"
            f" SELECT 'claim', id, document, '', text FROM claims WHERE id IN ({marks})",
            chunk,
        )


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])
