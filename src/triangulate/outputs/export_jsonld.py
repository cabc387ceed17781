"""The JSON-LD export: the corpus as schema.org linked data, one ``@graph``.

* each document is a ``NewsArticle`` (its publisher an ``Organization`` node, its authors
  ``Person``s, ``isBasedOn`` the original of a republication or copy);
* each resolved entity is a ``Person``, ``Organization``, ``Place`` (with ``geo``) … node;
* each claim is a ``Claim``: ``author`` its source, ``appearance`` the exact characters of the
  article it was read from (``<article>#char=start,end``, RFC 5147), ``about`` its entities;
* each comparison is a ``ClaimReview`` of the claims it compares, the verdict in
  ``reviewRating.alternateName`` and the explanation in ``reviewBody``;
* each event is an ``Event`` with dates, ``location`` places, ``about`` its participants and
  ``subjectOf`` the articles that report it.

``@context`` is an object in the document itself (schema.org as the vocabulary, ``url`` an IRI):
it resolves offline, and nothing is fetched when writing or reading. Node ids
are URNs (``urn:triangulate:claim:<id>``), and every id the graph refers to is a node in it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..model import (
    Analysis,
    ClaimRecord,
    Comparison,
    Document,
    Entity,
    Event,
    Reconciliation,
    TimelineEntry,
)

SCHEMA = "http://schema.org/"  # the IRIs schema.org's own context expands terms to
CONTEXT: dict[str, Any] = {
    "@vocab": SCHEMA,
    "schema": SCHEMA,
    "url": {"@id": "schema:url", "@type": "@id"},
}
SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "location": "Place",
    "facility": "Place",
    "event": "Event",
    "product": "Product",
    "work": "CreativeWork",
}
REVIEWER = {"@type": "Organization", "name": "Triangulate (automatic comparison)"}

Node = dict[str, Any]


def node_id(kind: str, identifier: str) -> str:
    """The URN of a node: ``urn:triangulate:<kind>:<identifier>``."""
    return f"urn:triangulate:{kind}:{quote(identifier, safe='-._~')}"


def appearance_id(document: str, start: int, end: int) -> str:
    """The id of characters ``start``–``end`` of a document's cleaned text (RFC 5147)."""
    return f"{node_id('document', document)}#char={start},{end}"


def jsonld_data(analyses: Sequence[Analysis], reconciliation: Reconciliation) -> dict[str, Any]:
    documents = [a.document for a in analyses]
    known_documents = {d.id for d in documents}
    entity_ids = {e.id for e in reconciliation.entities}
    status = _event_status(reconciliation.timeline)

    graph: list[Node] = _publishers(documents)
    graph.extend(_article(d, known_documents) for d in documents)
    graph.extend(_entity(e) for e in reconciliation.entities)
    copies = {d.id for d in documents if d.copy_of in known_documents}
    graph.extend(
        _claim(c, entity_ids, known_documents, copies) for c in reconciliation.claims
    )
    claim_ids = {c.id for c in reconciliation.claims}
    graph.extend(_claim_review(c, claim_ids) for c in reconciliation.comparisons)
    graph.extend(
        _event(e, entity_ids, known_documents, status.get(e.id)) for e in reconciliation.events
    )
    return {"@context": dict(CONTEXT), "@graph": graph}


def write_jsonld(
    analyses: Sequence[Analysis], reconciliation: Reconciliation, path: str | Path
) -> None:
    data = jsonld_data(analyses, reconciliation)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _ref(kind: str, identifier: str) -> Node:
    return {"@id": node_id(kind, identifier)}


def _compact(node: Node) -> Node:
    """Drop properties without a value, so that no node claims an empty fact."""
    return {k: v for k, v in node.items() if v not in (None, "", [], {})}


def _publishers(documents: Sequence[Document]) -> list[Node]:
    names = dict.fromkeys(d.publisher for d in documents if d.publisher)
    return [
        {"@id": node_id("organization", name), "@type": "Organization", "name": name}
        for name in names
    ]


def _article(document: Document, known_documents: set[str]) -> Node:
    is_url = document.source.startswith(("http://", "https://"))
    based_on: list[Node] = []
    based_on.extend(
        _ref("document", earlier)
        for earlier in (document.copy_of, document.version_of)
        if earlier is not None and earlier in known_documents
    )
    origin = document.republished_from
    if origin is not None:
        based_on.append(_compact({
            "@type": "NewsArticle",
            "url": origin.url,
            "datePublished": origin.published,
            "publisher": {"@type": "Organization", "name": origin.publisher}
            if origin.publisher else None,
        }))
    return _compact({
        "@id": node_id("document", document.id),
        "@type": "NewsArticle",
        "identifier": [
            {"@type": "PropertyValue", "propertyID": "triangulate", "value": document.id},
            {"@type": "PropertyValue", "propertyID": "sha256", "value": document.sha256},
            {"@type": "PropertyValue", "propertyID": "source", "value": document.source},
        ],
        "headline": document.title,
        "publisher": _ref("organization", document.publisher) if document.publisher else None,
        "author": [{"@type": "Person", "name": name} for name in document.authors],
        "datePublished": document.published,
        "inLanguage": document.language,
        "url": document.source if is_url else None,
        "encodingFormat": document.media_type,
        "isBasedOn": based_on,
        "articleBody": document.text,
    })


def _entity(entity: Entity) -> Node:
    geo = entity.geo
    return _compact({
        "@id": node_id("entity", entity.id),
        "@type": SCHEMA_TYPES.get(entity.type, "Thing"),
        "name": entity.name,
        "alternateName": [a for a in entity.aliases if a != entity.name],
        "geo": None if geo is None else {
            "@type": "GeoCoordinates", "latitude": geo.lat, "longitude": geo.lon,
        },
        "address": {"@type": "PostalAddress", "addressCountry": geo.country}
        if geo is not None and geo.country else None,
        "subjectOf": [
            _ref("document", d) for d in dict.fromkeys(m.document for m in entity.mentions)
        ],
    })


def _claim(
    record: ClaimRecord, entity_ids: set[str], known_documents: set[str], copies: set[str]
) -> Node:
    claim = record.claim
    if record.attributed_to in entity_ids and record.attributed_to is not None:
        author: Node | None = _ref("entity", record.attributed_to)
    elif claim.speaker_text:
        author = {"@type": "Thing", "name": claim.speaker_text}
    else:
        author = None
    appearance = None
    if record.document in known_documents:
        appearance = _compact({
            "@id": appearance_id(record.document, claim.start, claim.end),
            "@type": "CreativeWork",
            "isPartOf": _ref("document", record.document),
            "text": claim.text,
        })
    time = claim.time
    coverage = None
    if time is not None and time.start:
        coverage = f"{time.start}/{time.end}" if time.end and time.end != time.start else time.start
    return _compact({
        "@id": node_id("claim", record.id),
        "@type": "Claim",
        "text": claim.text,
        "author": author,
        "appearance": appearance,
        # The first appearance of a copy's claim is in the original, at other offsets.
        "firstAppearance": {"@id": appearance["@id"]}
        if appearance is not None and record.document not in copies else None,
        "about": [_ref("entity", e) for e in record.about if e in entity_ids],
        "temporalCoverage": coverage,
        "disambiguatingDescription": claim.stance,
        "description": " <- ".join(record.via) or None,
    })


def _claim_review(comparison: Comparison, claim_ids: set[str]) -> Node:
    return _compact({
        "@id": node_id("comparison", comparison.id),
        "@type": "ClaimReview",
        "claimReviewed": comparison.question,
        "itemReviewed": [_ref("claim", c) for c in comparison.claims if c in claim_ids],
        "reviewRating": {"@type": "Rating", "alternateName": comparison.verdict},
        "reviewBody": comparison.explanation,
        "author": REVIEWER,
    })


def _event(
    event: Event, entity_ids: set[str], known_documents: set[str], status: str | None
) -> Node:
    description = event.type
    if event.count is not None:
        description += ", once" if event.count == 1 else f", {event.count} times"
    if status:
        description += f"; {status.replace('_', ' ')}"
    return _compact({
        "@id": node_id("event", event.id),
        "@type": "Event",
        "name": event.summary,
        "description": description,
        "startDate": event.start,
        "endDate": event.end if event.end != event.start else None,
        "location": [_ref("entity", p) for p in event.places if p in entity_ids],
        "about": [_ref("entity", p) for p in event.participants if p in entity_ids],
        "subjectOf": [_ref("document", d) for d in event.documents if d in known_documents],
    })


def _event_status(timeline: Sequence[TimelineEntry]) -> dict[str, str]:
    return {entry.event: entry.status for entry in timeline}
