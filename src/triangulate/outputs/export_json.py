"""The JSON export: one document, valid against ``shared/schema/export.schema.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..model import (
    AdjudicationOutcome,
    Analysis,
    ClaimRecord,
    Comparison,
    DocSpan,
    Entity,
    Event,
    Reconciliation,
    TimelineEntry,
)

SCHEMA_VERSION = "1"


def export_data(analyses: list[Analysis], reconciliation: Reconciliation) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_by": f"triangulate {__version__}",
        "documents": [_document(a) for a in analyses],
        "entities": [_entity(e) for e in reconciliation.entities],
        "claims": [_claim(c) for c in reconciliation.claims],
        "events": [_event(e) for e in reconciliation.events],
        "comparisons": [_comparison(c) for c in reconciliation.comparisons],
        "timeline": [_timeline_entry(t) for t in reconciliation.timeline],
        "adjudications": [adjudication_data(o) for o in reconciliation.adjudications],
    }


def write_json(data: dict[str, Any], path: str | Path) -> None:
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _document(analysis: Analysis) -> dict[str, Any]:
    d = analysis.document
    republished = d.republished_from
    return {
        "id": d.id,
        "source": d.source,
        "sha256": d.sha256,
        "title": d.title,
        "publisher": d.publisher,
        "authors": list(d.authors),
        "published": d.published,
        "published_precision": d.published_precision,
        "published_basis": d.published_basis,
        "language": d.language,
        "dateline": d.dateline,
        "republished_from": None
        if republished is None
        else {
            "publisher": republished.publisher,
            "url": republished.url,
            "published": republished.published,
        },
        "copy_of": d.copy_of,
        "version_of": d.version_of,
        "analyzed": d.analysable,
        "text": d.text,
        "removed": list(d.removed),
        "times": [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "date_start": t.date_start,
                "date_end": t.date_end,
                "precision": t.precision,
            }
            for t in analysis.times
        ],
        "sentences": [[s.start, s.end] for s in analysis.sentences],
    }


def _spans(spans: tuple[DocSpan, ...]) -> list[dict[str, Any]]:
    return [{"document": s.document, "start": s.start, "end": s.end} for s in spans]


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "mentions": _spans(e.mentions),
        "geo": None
        if e.geo is None
        else {"lat": e.geo.lat, "lon": e.geo.lon, "country": e.geo.country},
        "reviews": list(e.reviews),
    }


def _claim(record: ClaimRecord) -> dict[str, Any]:
    c = record.claim
    return {
        "id": record.id,
        "document": record.document,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "attributed_to": record.attributed_to,
        "attribution_text": c.speaker_text,
        "via": list(record.via),
        "about": list(record.about),
        "time": None if c.time is None else {"start": c.time.start, "end": c.time.end},
        "quantities": [
            {
                "value": q.value,
                "unit": q.unit,
                "qualifier": q.qualifier,
                "text": q.text,
                "value_max": q.value_max,
            }
            for q in c.quantities
        ],
        "stance": c.stance,
        "polarity": c.polarity,
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "summary": e.summary,
        "start": e.start,
        "end": e.end,
        "precision": e.precision,
        "participants": list(e.participants),
        "places": list(e.places),
        "count": e.count,
        "claims": list(e.claims),
        "documents": list(e.documents),
        "mentions": _spans(e.mentions),
        "reviews": list(e.reviews),
    }


def _comparison(c: Comparison) -> dict[str, Any]:
    return {
        "id": c.id,
        "question": c.question,
        "verdict": c.verdict,
        "kind": c.kind,
        "claims": list(c.claims),
        "explanation": c.explanation,
        "review": None
        if c.review is None
        else {
            "adjudication": c.review.adjudication,
            "action": c.review.action,
            "verdict": c.review.verdict,
            "machine_verdict": c.review.machine_verdict,
            "reviewer": c.review.reviewer,
            "decided_at": c.review.decided_at,
            "note": c.review.note,
        },
    }


def adjudication_data(outcome: AdjudicationOutcome) -> dict[str, Any]:
    """A decision of the audit trail, with what became of it (``status``, ``targets``)."""
    a = outcome.adjudication
    return {
        "id": a.id,
        "action": a.action,
        "target_kind": a.target_kind,
        "target": a.target,
        "reviewer": a.reviewer,
        "decided_at": a.decided_at,
        "note": a.note,
        "verdict": a.verdict,
        "claims": list(a.claims),
        "mentions": [_spans(group) for group in a.mentions],
        "merged": list(a.merged),
        "name": a.name,
        "status": outcome.status,
        "targets": list(outcome.targets),
    }


def _timeline_entry(t: TimelineEntry) -> dict[str, Any]:
    return {
        "date": t.date,
        "end": t.end,
        "precision": t.precision,
        "event": t.event,
        "summary": t.summary,
        "documents": list(t.documents),
        "status": t.status,
        "supported_by": list(t.supported_by),
        "disputed_by": list(t.disputed_by),
        "salience": t.salience,
    }
