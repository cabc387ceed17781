"""The rows both stores write and read: what goes into each table and how a reconciliation
is read back. Only the SQL around them differs between SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .. import serialize
from ..ids import check_unique
from ..model import (
    Adjudication,
    Analysis,
    ClaimRecord,
    Comparison,
    Entity,
    Event,
    Reconciliation,
    TimelineEntry,
)
from .packing import garbage_collection_paused, load_analysis, pack_analysis, pack_outline
from .search import SearchHit, split_snippet

RESULT_TABLES = ("entities", "claims", "events", "comparisons", "timeline", "notes")
_INDEX_DOCUMENTS = (  # the same SQL in both dialects, as below
    "INSERT INTO search_index (kind, ref, document, title, body)"
    " SELECT 'document', id, id, coalesce(title, ''), text FROM documents"
)
_INDEX_CLAIMS = (
    "INSERT INTO search_index (kind, ref, document, title, body)"
    " SELECT 'claim', id, document, '', text FROM claims"
)
REFILL_SEARCH_INDEX = ("DELETE FROM search_index", _INDEX_DOCUMENTS, _INDEX_CLAIMS)

Row = tuple[Any, ...]


def index_documents(db: Any, placeholder: str, doc_ids: Iterable[str]) -> None:
    """Put the documents ``doc_ids`` in the search index as they are stored now (a document no
    longer stored leaves it)."""
    p = placeholder
    for doc_id in doc_ids:
        db.execute(f"DELETE FROM search_index WHERE kind = 'document' AND ref = {p}", (doc_id,))
        db.execute(f"{_INDEX_DOCUMENTS} WHERE id = {p}", (doc_id,))


EMPTY_SEARCH_INDEX = (  # whether anything is stored or indexed: none is an index never built
    "SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM claims)"
    " OR EXISTS (SELECT 1 FROM search_index)"
)
INDEX_CLAIMS = (  # the claims of a new reconciliation in the search index, in both dialects
    "DELETE FROM search_index WHERE kind = 'claim'",
    _INDEX_CLAIMS,
)


def document_row(analysis: Analysis) -> Row:
    """The documents row's values: id, sha256, source, title, publisher, published, language,
    text, packed analysis, outline."""
    doc = analysis.document
    return (
        doc.id,
        doc.sha256,
        doc.source,
        doc.title,
        doc.publisher,
        doc.published,
        doc.language,
        doc.text,
        pack_analysis(analysis),
        pack_outline(analysis),
    )


def adjudication_row(adjudication: Adjudication) -> Row:
    """The adjudications row's values: id, action, target_kind, target, reviewer, decided_at,
    note, data."""
    a = adjudication
    return (
        a.id, a.action, a.target_kind, a.target, a.reviewer, a.decided_at, a.note,
        serialize.dumps(a),
    )


def check_reconciliation(reconciliation: Reconciliation) -> None:
    """Raise ValueError when two entities, claims, events or comparisons share an id."""
    r = reconciliation
    check_unique(
        [
            ("entities", r.entities, lambda e: f"{e.type} {e.name!r}"),
            ("claims", r.claims, lambda c: f"{c.document}: {c.claim.text[:60]!r}"),
            ("events", r.events, lambda e: f"{e.type} on {e.start}: {e.summary[:60]!r}"),
            (
                "comparisons",
                r.comparisons,
                lambda c: f"{c.verdict} {c.question[:60]!r} on {', '.join(c.claims)}",
            ),
        ]
    )


def reconciliation_rows(
    reconciliation: Reconciliation, *, with_position: bool
) -> list[tuple[str, list[Row]]]:
    """Each result table and its rows, in ``RESULT_TABLES`` order. ``with_position`` puts the
    item's place in its list second in the entities, claims, events and comparisons rows (for
    a database without SQLite's rowid to keep the order)."""
    r = reconciliation

    def keyed(items: Iterable[Any], columns: Callable[[Any], Row]) -> list[Row]:
        return [
            (item.id, i, *columns(item)) if with_position else (item.id, *columns(item))
            for i, item in enumerate(items)
        ]

    return [
        ("entities", keyed(r.entities, lambda e: (e.name, e.type, serialize.dumps(e)))),
        ("claims", keyed(r.claims, lambda c: (c.document, c.claim.text, serialize.dumps(c)))),
        ("events", keyed(r.events, lambda e: (e.type, e.start, serialize.dumps(e)))),
        (
            "comparisons",
            keyed(r.comparisons, lambda c: (c.verdict, c.question, serialize.dumps(c))),
        ),
        ("timeline", [(i, t.date, t.event, serialize.dumps(t)) for i, t in enumerate(r.timeline)]),
        ("notes", list(enumerate(r.notes))),
    ]


def read_reconciliation(
    data_of: Callable[[str], Iterable[str]], notes: Iterable[str]
) -> Reconciliation:
    """The reconciliation from each result table's ``data`` column, in stored order
    (``data_of(table)``), and the notes."""

    def load(table: str, cls: type) -> tuple:
        with garbage_collection_paused():
            return tuple(serialize.loads(cls, data) for data in data_of(table))

    return Reconciliation(
        entities=load("entities", Entity),
        claims=load("claims", ClaimRecord),
        events=load("events", Event),
        comparisons=load("comparisons", Comparison),
        timeline=load("timeline", TimelineEntry),
        notes=tuple(notes),
    )


def search_hits(rows: Iterable[Row]) -> list[SearchHit]:
    """Hits from rows of kind, ref, document, title, marked snippet and score."""
    hits = []
    for kind, ref, document, title, marked, score in rows:
        snippet, highlights = split_snippet(marked or "")
        hits.append(SearchHit(kind, ref, document, title, snippet, highlights, float(score)))
    return hits


def repack_analyses(db: Any, placeholder: str) -> None:
    """Compress the analyses stored before packing, leaving their text in ``documents.text``.

    ``db`` is a connection of either driver; ``placeholder`` its parameter mark (?, %s).
    """
    p = placeholder
    ids = [row[0] for row in db.execute("SELECT id FROM documents WHERE packed IS NULL")]
    for doc_id in ids:
        (legacy,) = db.execute(
            f"SELECT analysis FROM documents WHERE id = {p}", (doc_id,)
        ).fetchone()
        packed = pack_analysis(serialize.loads(Analysis, legacy))
        db.execute(
            f"UPDATE documents SET analysis = '', packed = {p} WHERE id = {p}", (packed, doc_id)
        )


def outline_documents(db: Any, placeholder: str) -> None:
    """Write the outline of every document stored before outlines were kept."""
    p = placeholder
    ids = [row[0] for row in db.execute("SELECT id FROM documents WHERE outline IS NULL")]
    for doc_id in ids:
        packed, legacy, text = db.execute(
            f"SELECT packed, analysis, text FROM documents WHERE id = {p}", (doc_id,)
        ).fetchone()
        outline = pack_outline(load_analysis(packed, legacy, text))
        db.execute(f"UPDATE documents SET outline = {p} WHERE id = {p}", (outline, doc_id))
