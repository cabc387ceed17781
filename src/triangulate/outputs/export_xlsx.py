"""The XLSX export: one workbook, one sheet per table (documents, entities, claims, events,
comparisons, timeline, adjudications), written for a reader: entities and documents by name, not
only by id. A comparison a person reviewed carries the review beside the machine's verdict; the
adjudications sheet is the audit trail.

Every cell is a value, never a formula: text read from documents that starts with ``=`` stays
text, and characters a workbook cannot hold are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Analysis, ClaimRecord, Comparison, Document, Reconciliation, Review
from .export_csv import LIST_SEPARATOR, RELAY_SEPARATOR, Cell

MAX_COLUMN_WIDTH = 60
Row = tuple[Cell, ...]


class Names:
    """The names a reader knows things by: entity names and document labels."""

    def __init__(self, analyses: Sequence[Analysis], reconciliation: Reconciliation) -> None:
        self.documents: dict[str, Document] = {a.document.id: a.document for a in analyses}
        self.entities = {e.id: e.name for e in reconciliation.entities}
        self.claims = {c.id: c for c in reconciliation.claims}

    def entity(self, entity_id: str | None) -> str | None:
        return None if entity_id is None else self.entities.get(entity_id, entity_id)

    def entity_list(self, ids: Iterable[str]) -> str:
        return LIST_SEPARATOR.join(self.entities.get(i, i) for i in ids)

    def document(self, doc_id: str | None) -> str | None:
        """``Publisher (date)``, or the title or id when there is no publisher."""
        if doc_id is None:
            return None
        document = self.documents.get(doc_id)
        if document is None:
            return doc_id
        name = document.publisher or document.title or doc_id
        return f"{name} ({document.published})" if document.published else name

    def document_list(self, ids: Iterable[str]) -> str:
        return LIST_SEPARATOR.join(self.document(i) or i for i in dict.fromkeys(ids))

    def speaker(self, claim: ClaimRecord) -> str | None:
        return self.entity(claim.attributed_to) or claim.claim.speaker_text

    def claim_list(self, ids: Iterable[str]) -> str:
        """Each claim as ``source: text``."""
        lines = []
        for claim_id in ids:
            claim = self.claims.get(claim_id)
            if claim is None:
                lines.append(claim_id)
                continue
            lines.append(f"{self.document(claim.document)}: {claim.claim.text}")
        return "\n".join(lines)


def xlsx_sheets(
    analyses: Sequence[Analysis], reconciliation: Reconciliation
) -> list[tuple[str, tuple[str, ...], list[Row]]]:
    """Every sheet as (name, header, rows), in the workbook's order."""
    names = Names(analyses, reconciliation)
    r = reconciliation
    documents: list[Row] = [
        (
            d.id,
            d.title,
            d.publisher,
            LIST_SEPARATOR.join(d.authors),
            d.published,
            d.published_basis,
            d.language,
            d.dateline,
            d.source,
            names.document(d.copy_of),
            names.document(d.version_of),
        )
        for d in (a.document for a in analyses)
    ]
    entities: list[Row] = [
        (
            e.id,
            e.name,
            e.type,
            LIST_SEPARATOR.join(e.aliases),
            len(e.mentions),
            names.document_list(m.document for m in e.mentions),
            e.geo.lat if e.geo else None,
            e.geo.lon if e.geo else None,
            e.geo.country if e.geo else None,
        )
        for e in r.entities
    ]
    claims: list[Row] = [
        (
            c.id,
            names.document(c.document),
            _title(names, c.document),
            names.speaker(c),
            c.claim.stance,
            c.claim.text,
            names.entity_list(c.about),
            RELAY_SEPARATOR.join(c.via),
            c.claim.start,
            c.claim.end,
        )
        for c in r.claims
    ]
    events: list[Row] = [
        (
            e.id,
            e.type,
            e.summary,
            e.start,
            e.end,
            names.entity_list(e.participants),
            names.entity_list(e.places),
            e.count,
            names.document_list(e.documents),
        )
        for e in r.events
    ]
    comparisons: list[Row] = [
        (
            c.id,
            c.question,
            c.verdict,
            c.kind,
            c.explanation,
            names.claim_list(c.claims),
            names.document_list(names.claims[i].document for i in c.claims if i in names.claims),
            *_review_cells(c.review),
        )
        for c in r.comparisons
    ]
    timeline: list[Row] = [
        (
            t.date,
            t.end,
            t.summary,
            t.status,
            names.document_list(t.documents),
            names.claim_list(t.supported_by),
            names.claim_list(t.disputed_by),
        )
        for t in r.timeline
    ]
    return [
        ("documents", DOCUMENT_HEADER, documents),
        ("entities", ENTITY_HEADER, entities),
        ("claims", CLAIM_HEADER, claims),
        ("events", EVENT_HEADER, events),
        ("comparisons", COMPARISON_HEADER, comparisons),
        ("timeline", TIMELINE_HEADER, timeline),
        ("adjudications", ADJUDICATION_HEADER, _adjudication_rows(names, r)),
    ]


REVIEW_ACTIONS = {"confirm": "confirmed", "reject": "rejected", "set_verdict": "verdict changed"}


def _review_cells(review: Review | None) -> Row:
    """review, human verdict, machine verdict, reviewer, reviewed at, review note."""
    if review is None:
        return (None,) * len(REVIEW_HEADER)
    human = None if review.action == "reject" else review.verdict
    return (
        REVIEW_ACTIONS.get(review.action, review.action), human, review.machine_verdict,
        review.reviewer, review.decided_at, review.note or None,
    )


def _adjudication_rows(names: Names, reconciliation: Reconciliation) -> list[Row]:
    """The audit trail, oldest first: each decision, what it was taken on (by name), and what
    became of it; mentions as ``document:start-end``."""
    comparisons: dict[str, Comparison] = {c.id: c for c in reconciliation.comparisons}
    events = {e.id: e.summary for e in reconciliation.events}

    def described(kind: str, record: str) -> str:
        if kind == "comparison":
            return comparisons[record].question if record in comparisons else record
        if kind == "entity":
            return names.entities.get(record, record)
        return events.get(record, record)

    rows: list[Row] = []
    for outcome in reconciliation.adjudications:
        a = outcome.adjudication
        rows.append((
            a.id,
            a.decided_at,
            a.reviewer,
            a.action.replace("_", " "),
            a.target_kind,
            a.target,
            described(a.target_kind, outcome.targets[0] if outcome.targets else a.target),
            a.verdict,
            a.note or None,
            outcome.status.replace("_", " "),
            LIST_SEPARATOR.join(outcome.targets),
            LIST_SEPARATOR.join(a.merged),
            " | ".join(
                LIST_SEPARATOR.join(f"{m.document}:{m.start}-{m.end}" for m in group)
                for group in a.mentions
            ),
            a.name,
        ))
    return rows


DOCUMENT_HEADER = (
    "id", "title", "publisher", "authors", "published", "published basis", "language",
    "dateline", "source", "copy of", "version of",
)  # fmt: skip
ENTITY_HEADER = (
    "id", "name", "type", "aliases", "mentions", "documents", "latitude", "longitude", "country",
)  # fmt: skip
CLAIM_HEADER = (
    "id", "source", "document title", "speaker", "stance", "claim", "about", "via",
    "start", "end",
)  # fmt: skip
EVENT_HEADER = (
    "id", "type", "summary", "start", "end", "participants", "places", "count", "sources",
)  # fmt: skip
REVIEW_HEADER = (
    "review", "human verdict", "machine verdict", "reviewer", "reviewed at", "review note",
)  # fmt: skip
COMPARISON_HEADER = (
    "id", "question", "verdict", "kind", "explanation", "claims", "sources", *REVIEW_HEADER,
)  # fmt: skip
TIMELINE_HEADER = (
    "date", "end", "summary", "status", "sources", "supported by", "disputed by",
)  # fmt: skip
ADJUDICATION_HEADER = (
    "id", "decided at", "reviewer", "action", "on", "target", "target name", "verdict", "note",
    "status", "now applies to", "merged", "mentions", "new name",
)  # fmt: skip


def write_xlsx(
    analyses: Sequence[Analysis], reconciliation: Reconciliation, path: str | Path
) -> None:
    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    for name, header, rows in xlsx_sheets(analyses, reconciliation):
        _sheet(workbook.create_sheet(name), header, rows)
    workbook.save(Path(path))


def _title(names: Names, doc_id: str) -> str | None:
    document = names.documents.get(doc_id)
    return document.title if document else None


def _sheet(sheet: Worksheet, header: Sequence[str], rows: Sequence[Row]) -> None:
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(h) for h in header]
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # a value, even when it starts with "="
                widths[column - 1] = max(widths[column - 1], len(value.split("\n")[0]))
            else:
                cell.value = value
    for column, width in enumerate(widths, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = min(width + 2, MAX_COLUMN_WIDTH)
