"""The REST API, ``/api/v1``: every resource as JSON, lists paginated with their total."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel, BeforeValidator

from ..model import (
    Analysis,
    ClaimRecord,
    Comparison,
    Entity,
    EntityType,
    Event,
    Failure,
    PublishedBasis,
    Republication,
    Stance,
    TimelineEntry,
    Verdict,
)
from ..store.packing import Outline
from . import filters
from .errors import ApiError, ErrorResponse
from .filters import ListFilter
from .snapshot import Snapshot, SnapshotSource

T = TypeVar("T")
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # beyond any store, and inside SQLite's 64-bit integers


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items[offset : offset + limit]`` of ``total``."""

    items: list[T]
    total: int
    limit: int
    offset: int


class DocumentSummary(BaseModel):
    id: str
    source: str
    title: str | None
    publisher: str | None
    authors: list[str]
    published: str | None
    published_basis: PublishedBasis | None
    language: str | None
    dateline: str | None
    republished_from: Republication | None
    copy_of: str | None
    version_of: str | None
    counts: dict[str, int]
    url: str


class SearchResult(BaseModel):
    kind: Literal["document", "claim"]
    id: str
    document: str
    title: str | None
    snippet: str
    highlights: list[tuple[int, int]]
    url: str


class Pagination:
    """``limit`` and ``offset`` query parameters, checked (a bad value is a 422)."""

    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset

    def page(self, items: Sequence[Any]) -> dict[str, Any]:
        return {
            "items": list(items[self.offset : self.offset + self.limit]),
            "total": len(items),
            "limit": self.limit,
            "offset": self.offset,
        }


def current_snapshot(request: Request) -> Snapshot:
    source: SnapshotSource = request.app.state.source
    return source.current()


Data = Annotated[Snapshot, Depends(current_snapshot)]
Paging = Annotated[Pagination, Depends()]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}}

SourceFilter = Annotated[
    str | None, Query(max_length=500, description="A document id or a publisher's name.")
]
SpeakerFilter = Annotated[
    str | None,
    Query(max_length=500, description="Who the claim is attributed to: an entity id or name."),
]
EntityFilter = Annotated[
    str | None, Query(max_length=500, description="An entity (id or name) the item involves.")
]
NameSearch = Annotated[
    str | None,
    Query(max_length=200, description="Words the entity's name or an alias contains."),
]


def blank_is_none(value: object) -> object:
    return None if value == "" else value  # a form's field left empty


def iso_date_or_blank(value: object) -> object:
    """An empty date field of a form is no date; anything else must be an ISO date, as a
    number would otherwise be read as seconds since 1970 (``from=2011``)."""
    if isinstance(value, str) and value and not _ISO_DATE.fullmatch(value):
        raise ValueError(f"expected an ISO date (YYYY-MM-DD), not {value[:40]!r}")
    return blank_is_none(value)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FromFilter = Annotated[
    date | None,
    BeforeValidator(iso_date_or_blank),
    Query(alias="from", description="On or after this ISO date (YYYY-MM-DD)."),
]
ToFilter = Annotated[
    date | None,
    BeforeValidator(iso_date_or_blank),
    Query(alias="to", description="On or before this ISO date (YYYY-MM-DD)."),
]
ALWAYS_ACCEPTED = frozenset({"token"})  # the access token, taken by the security middleware


def _query_names(dependant: Dependant) -> set[str]:
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_parameters(request: Request) -> None:
    """A query parameter the route does not take is a 400 naming it and those it takes: a
    misspelt filter must not silently return the whole list."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    accepted = _query_names(route.dependant) | ALWAYS_ACCEPTED
    unknown = sorted(set(request.query_params) - accepted)
    if unknown:
        takes = ", ".join(sorted(accepted - ALWAYS_ACCEPTED)) or "no query parameters"
        raise ApiError(
            400,
            f"unknown query parameter {', '.join(map(repr, unknown))}; "
            f"{request.url.path} accepts: {takes}",
        )


class DateRange:
    """``from`` and ``to`` query parameters, ISO dates (a malformed one is a 422)."""

    def __init__(self, date_from: FromFilter = None, date_to: ToFilter = None) -> None:
        if date_from is not None and date_to is not None and date_from > date_to:
            raise ApiError(422, f"from ({date_from}) is after to ({date_to})")
        self.date_from = date_from
        self.date_to = date_to

    def narrowing(
        self,
        *,
        source: str | None = None,
        speaker: str | None = None,
        entity: str | None = None,
        verdict: Verdict | None = None,
        stance: Stance | None = None,
        status: str | None = None,
    ) -> ListFilter:
        """The list filter of this date range and the other filters given."""
        return ListFilter(
            source=source,
            speaker=speaker,
            entity=entity,
            date_from=self.date_from,
            date_to=self.date_to,
            verdict=verdict,
            stance=stance,
            status=status,
        )


Dates = Annotated[DateRange, Depends()]


router = APIRouter(
    prefix="/api/v1",
    responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    dependencies=[Depends(reject_unknown_parameters)],
)


def found_or_404(items: dict[str, T], key: str, what: str) -> T:
    """``items[key]``, or the 404 error naming what has no such id."""
    if key not in items:
        raise ApiError(404, f"no {what} with id {key!r}")
    return items[key]


def analysis_or_404(data: Snapshot, doc_id: str) -> Analysis:
    """The document's whole analysis, or the 404 error when there is no such document."""
    analysis = data.analysis(doc_id)  # None for an id the snapshot does not hold
    if analysis is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return analysis


def _summary(snapshot: Snapshot, outline: Outline) -> DocumentSummary:
    d = outline.analysis.document
    return DocumentSummary(
        id=d.id,
        source=d.source,
        title=d.title,
        publisher=d.publisher,
        authors=list(d.authors),
        published=d.published,
        published_basis=d.published_basis,
        language=d.language,
        dateline=d.dateline,
        republished_from=d.republished_from,
        copy_of=d.copy_of,
        version_of=d.version_of,
        counts=dict(outline.counts),
        url=snapshot.href(d.id),
    )


@router.get("/documents", response_model=Page[DocumentSummary], tags=["documents"])
def list_documents(
    data: Data,
    paging: Paging,
    dates: Dates,
    source: SourceFilter = None,
    entity: EntityFilter = None,
) -> dict[str, Any]:
    """The documents in the store with their metadata and annotation counts (no text);
    ``source``, ``entity`` (documents naming it) and ``from``/``to`` (published) narrow them."""
    kept = filters.documents(data, dates.narrowing(source=source, entity=entity))
    shown = paging.page(kept)
    shown["items"] = [_summary(data, data.outlines[doc_id]) for doc_id in shown["items"]]
    return shown


@router.get("/documents/{doc_id}", response_model=Analysis, responses=NOT_FOUND, tags=["documents"])
def get_document(doc_id: str, data: Data) -> Analysis:
    """A document with its cleaned text and every annotation (offsets into ``document.text``)."""
    return analysis_or_404(data, doc_id)


@router.get("/failures", response_model=Page[Failure], tags=["documents"])
def list_failures(data: Data, paging: Paging) -> dict[str, Any]:
    """Sources that could not be read or analysed, and why."""
    return paging.page(data.failures)


@router.get("/entities", response_model=Page[Entity], tags=["entities"])
def list_entities(
    data: Data,
    paging: Paging,
    type: Annotated[EntityType | None, Query()] = None,
    source: SourceFilter = None,
    q: NameSearch = None,
) -> dict[str, Any]:
    """Entities resolved across documents, most mentioned first; ``source`` keeps those named
    in its documents, ``q`` those whose name or an alias contains its words."""
    return paging.page(filters.entity_list(data, source=source, q=q, entity_type=type))


@router.get("/entities/{entity_id}", response_model=Entity, responses=NOT_FOUND, tags=["entities"])
def get_entity(entity_id: str, data: Data) -> Entity:
    return found_or_404(data.entities, entity_id, "entity")


@router.get("/claims", response_model=Page[ClaimRecord], tags=["claims"])
def list_claims(
    data: Data,
    paging: Paging,
    dates: Dates,
    document: Annotated[str | None, Query(description="A document id.")] = None,
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
    stance: Annotated[Stance | None, Query()] = None,
) -> dict[str, Any]:
    """Claims with who asserts them; ``document``, ``source``, ``speaker``, ``entity`` (the
    speaker or what the claim is about), ``stance`` and ``from``/``to`` (the document's published
    date) narrow them."""
    wanted = dates.narrowing(source=source, speaker=speaker, entity=entity, stance=stance)
    items = [c for c in filters.claims(data, wanted) if document is None or c.document == document]
    return paging.page(items)


@router.get("/claims/{claim_id}", response_model=ClaimRecord, responses=NOT_FOUND, tags=["claims"])
def get_claim(claim_id: str, data: Data) -> ClaimRecord:
    return found_or_404(data.claims, claim_id, "claim")


@router.get("/events", response_model=Page[Event], tags=["events"])
def list_events(
    data: Data,
    paging: Paging,
    dates: Dates,
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
) -> dict[str, Any]:
    """Events resolved across documents; ``source``, ``speaker`` (of one of its claims),
    ``entity`` (a participant, a place, or in one of its claims) and ``from``/``to`` (the event's
    date) narrow them."""
    wanted = dates.narrowing(source=source, speaker=speaker, entity=entity)
    return paging.page(filters.events(data, wanted))


@router.get("/events/{event_id}", response_model=Event, responses=NOT_FOUND, tags=["events"])
def get_event(event_id: str, data: Data) -> Event:
    return found_or_404(data.events, event_id, "event")


@router.get("/comparisons", response_model=Page[Comparison], tags=["comparisons"])
def list_comparisons(
    data: Data,
    paging: Paging,
    dates: Dates,
    verdict: Annotated[Verdict | None, Query()] = None,
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
) -> dict[str, Any]:
    """Claims that answer the same question, with a verdict; ``verdict`` keeps one kind, and
    ``source``, ``speaker``, ``entity`` and ``from``/``to`` keep those with such a claim."""
    wanted = dates.narrowing(verdict=verdict, source=source, speaker=speaker, entity=entity)
    return paging.page(filters.comparisons(data, wanted))


@router.get(
    "/comparisons/{comparison_id}",
    response_model=Comparison,
    responses=NOT_FOUND,
    tags=["comparisons"],
)
def get_comparison(comparison_id: str, data: Data) -> Comparison:
    return found_or_404(data.comparisons, comparison_id, "comparison")


@router.get("/timeline", response_model=Page[TimelineEntry], tags=["timeline"])
def list_timeline(
    data: Data,
    paging: Paging,
    dates: Dates,
    status: Annotated[str | None, Query(max_length=40)] = None,
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
) -> dict[str, Any]:
    """The merged timeline, oldest first; ``status`` keeps e.g. only ``disputed`` entries;
    ``source``, ``speaker``, ``entity`` (of the entry's event) and ``from``/``to`` (the entry's
    date) narrow it."""
    wanted = dates.narrowing(status=status, source=source, speaker=speaker, entity=entity)
    return paging.page(filters.timeline(data, wanted))


@router.get("/search", response_model=Page[SearchResult], tags=["search"])
def search(
    request: Request,
    data: Data,
    paging: Paging,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words or "a phrase".')],
    kind: Annotated[Literal["document", "claim"] | None, Query()] = None,
) -> dict[str, Any]:
    """Full-text search (the store's: SQLite FTS5 or PostgreSQL text search) over document
    titles and texts and claim texts."""
    return run_search(request.app.state.source, data, q, kind, paging.limit, paging.offset)


def run_search(
    source: SnapshotSource, data: Snapshot, query: str, kind: str | None, limit: int, offset: int
) -> dict[str, Any]:
    """Search the store and link each hit to the sentence it came from."""
    if "\x00" in query:  # FTS5 reads its query as a C string; PostgreSQL text cannot hold NUL
        raise ApiError(422, "q: must not contain NUL characters")
    with source.store() as store:
        try:
            total, hits = store.search(
                query,
                kind=kind if kind in ("document", "claim") else None,  # type: ignore[arg-type]
                limit=limit,
                offset=offset,
            )
        except ValueError as error:
            raise ApiError(422, str(error)) from error
    results = []
    for hit in hits:
        claim = data.claims.get(hit.ref) if hit.kind == "claim" else None
        url = (
            data.href(hit.document, claim.claim.start, claim.claim.end)
            if claim
            else data.href(hit.document)
        )
        results.append(
            SearchResult(
                kind=hit.kind,
                id=hit.ref,
                document=hit.document,
                title=hit.title or data.label(hit.document),
                snippet=hit.snippet,
                highlights=list(hit.highlights),
                url=url,
            )
        )
    return {"items": results, "total": total, "limit": limit, "offset": offset}
