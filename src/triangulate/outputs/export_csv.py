"""The CSV export: one UTF-8 file per table, a header row, RFC 4180 quoting.

Lists inside a cell are joined with ``"; "``; the relays of a claim with ``" <- "`` (outermost
first, as written). Every row that quotes text carries its document and character offsets.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Analysis, DocSpan, Reconciliation

LIST_SEPARATOR = "; "
RELAY_SEPARATOR = " <- "

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One CSV file: its name (without ``.csv``), header and rows."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def csv_tables(analyses: Sequence[Analysis], reconciliation: Reconciliation) -> list[Table]:
    """Every table of the export, in the order the files are written."""
    texts = {a.document.id: a.document.text for a in analyses}
    return [
        _documents(analyses),
        _entities(reconciliation),
        _mentions(reconciliation, texts),
        _claims(reconciliation),
        _quantities(reconciliation),
        _events(reconciliation),
        _event_mentions(reconciliation, texts),
        _comparisons(reconciliation),
        _comparison_claims(reconciliation),
        _timeline(reconciliation),
        _adjudications(reconciliation),
    ]


def write_csv(
    analyses: Sequence[Analysis], reconciliation: Reconciliation, folder: str | Path
) -> list[Path]:
    """Write every table into ``folder`` (created when missing); return the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for table in csv_tables(analyses, reconciliation):
        path = target / f"{table.name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            writer.writerow(table.header)
            writer.writerows(tuple(_cell(value) for value in row) for row in table.rows)
        written.append(path)
    return written


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _joined(values: Iterable[str], separator: str = LIST_SEPARATOR) -> str:
    return separator.join(values)


def _table(name: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Table:
    return Table(name, tuple(header), tuple(tuple(row) for row in rows))


def _documents(analyses: Sequence[Analysis]) -> Table:
    header = (
        "id", "source", "title", "publisher", "authors", "published", "published_precision",
        "published_basis", "language", "dateline", "republished_from_publisher",
        "republished_from_url", "republished_from_published", "copy_of", "version_of", "sha256",
    )
    rows = []
    for analysis in analyses:
        d = analysis.document
        origin = d.republished_from
        rows.append((
            d.id, d.source, d.title, d.publisher, _joined(d.authors), d.published,
            d.published_precision, d.published_basis, d.language, d.dateline,
            origin.publisher if origin else None, origin.url if origin else None,
            origin.published if origin else None, d.copy_of, d.version_of, d.sha256,
        ))
    return _table("documents", header, rows)


def _entities(reconciliation: Reconciliation) -> Table:
    header = ("id", "name", "type", "aliases", "mentions", "lat", "lon", "country")
    rows = [
        (
            e.id, e.name, e.type, _joined(e.aliases), len(e.mentions),
            e.geo.lat if e.geo else None, e.geo.lon if e.geo else None,
            e.geo.country if e.geo else None,
        )
        for e in reconciliation.entities
    ]
    return _table("entities", header, rows)


def _span_rows(
    owner: str, spans: Iterable[DocSpan], texts: dict[str, str]
) -> Iterator[tuple[Cell, ...]]:
    for span in spans:
        text = texts.get(span.document)
        yield owner, span.document, span.start, span.end, (
            text[span.start : span.end] if text is not None else None
        )


def _mentions(reconciliation: Reconciliation, texts: dict[str, str]) -> Table:
    rows = [
        row for e in reconciliation.entities for row in _span_rows(e.id, e.mentions, texts)
    ]
    return _table("mentions", ("entity", "document", "start", "end", "text"), rows)


def _claims(reconciliation: Reconciliation) -> Table:
    header = (
        "id", "document", "start", "end", "text", "attributed_to", "attribution_text", "via",
        "stance", "time_start", "time_end", "about",
    )
    rows = []
    for record in reconciliation.claims:
        c = record.claim
        rows.append((
            record.id, record.document, c.start, c.end, c.text, record.attributed_to,
            c.speaker_text, _joined(record.via, RELAY_SEPARATOR), c.stance,
            c.time.start if c.time else None, c.time.end if c.time else None,
            _joined(record.about),
        ))
    return _table("claims", header, rows)


def _quantities(reconciliation: Reconciliation) -> Table:
    header = (
        "claim", "text", "value", "unit", "qualifier", "value_max", "document", "start", "end",
    )
    rows = [
        (record.id, q.text, q.value, q.unit, q.qualifier, q.value_max, record.document, q.start,
         q.end)
        for record in reconciliation.claims
        for q in record.claim.quantities
    ]
    return _table("quantities", header, rows)


def _events(reconciliation: Reconciliation) -> Table:
    header = (
        "id", "type", "summary", "start", "end", "precision", "participants", "places", "count",
        "claims", "documents",
    )
    rows = [
        (
            e.id, e.type, e.summary, e.start, e.end, e.precision, _joined(e.participants),
            _joined(e.places), e.count, _joined(e.claims), _joined(e.documents),
        )
        for e in reconciliation.events
    ]
    return _table("events", header, rows)


def _event_mentions(reconciliation: Reconciliation, texts: dict[str, str]) -> Table:
    rows = [
        row for e in reconciliation.events for row in _span_rows(e.id, e.mentions, texts)
    ]
    return _table("event_mentions", ("event", "document", "start", "end", "text"), rows)


def _comparisons(reconciliation: Reconciliation) -> Table:
    rows = [
        (
            c.id, c.question, c.verdict, c.kind, c.explanation, len(c.claims),
            *(
                (r.machine_verdict, r.action, r.reviewer, r.decided_at, r.note)
                if (r := c.review)
                else (None,) * 5
            ),
        )
        for c in reconciliation.comparisons
    ]
    columns = (
        "id", "question", "verdict", "kind", "explanation", "claims", "machine_verdict",
        "review", "reviewer", "reviewed_at", "review_note",
    )
    return _table("comparisons", columns, rows)


def _comparison_claims(reconciliation: Reconciliation) -> Table:
    documents = {record.id: record.document for record in reconciliation.claims}
    rows = [
        (c.id, claim, position, documents.get(claim))
        for c in reconciliation.comparisons
        for position, claim in enumerate(c.claims)
    ]
    return _table("comparison_claims", ("comparison", "claim", "position", "document"), rows)


def _timeline(reconciliation: Reconciliation) -> Table:
    header = (
        "date", "end", "precision", "event", "summary", "status", "documents", "supported_by",
        "disputed_by",
    )
    rows = [
        (
            t.date, t.end, t.precision, t.event, t.summary, t.status, _joined(t.documents),
            _joined(t.supported_by), _joined(t.disputed_by),
        )
        for t in reconciliation.timeline
    ]
    return _table("timeline", header, rows)


def _adjudications(reconciliation: Reconciliation) -> Table:
    """The audit trail: every decision, who took it, when and why, and what became of it;
    mentions as ``document:start-end``."""
    header = (
        "id", "decided_at", "reviewer", "action", "target_kind", "target", "verdict", "note",
        "status", "targets", "claims", "merged", "mentions", "name",
    )
    rows = [
        (
            a.id, a.decided_at, a.reviewer, a.action, a.target_kind, a.target, a.verdict,
            a.note, o.status, _joined(o.targets), _joined(a.claims), _joined(a.merged),
            " | ".join(
                _joined(f"{m.document}:{m.start}-{m.end}" for m in group) for group in a.mentions
            ),
            a.name,
        )
        for o in reconciliation.adjudications
        for a in (o.adjudication,)
    ]
    return _table("adjudications", header, rows)
