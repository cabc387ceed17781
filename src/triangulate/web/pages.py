"""Server-rendered pages: overview, documents, timeline, comparisons, entities (with their
co-occurrence graph), the map of places, events, search, disputes and sources.

Like the API, a page answers a query parameter it does not take with a 400 naming it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import groupby
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BeforeValidator

from ..model import Verdict
from . import filters
from .api import (
    Data,
    Dates,
    EntityFilter,
    NameSearch,
    SourceFilter,
    SpeakerFilter,
    analysis_or_404,
    blank_is_none,
    found_or_404,
    reject_unknown_parameters,
    run_search,
)
from .errors import ApiError
from .graph_api import places
from .render import document_body, marked_context, marked_snippet, parse_mark
from .row_pages import RowPage
from .snapshot import Snapshot
from .workspace_api import DisputeSearch, Sources, dispute_order, workspace

router = APIRouter(
    include_in_schema=False,
    default_response_class=HTMLResponse,
    dependencies=[Depends(reject_unknown_parameters)],
)
SEARCH_PAGE_SIZE = 25
PageNumber = Annotated[int, Query(ge=1, le=100_000, description="The page of rows, from 1.")]
GRAPH_NODES = 80


def _render(request: Request, template: str, data: Snapshot, **context: Any) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    helpers = {
        "data": data,
        "href": data.href,
        "label": data.label,
        "context": lambda doc, start, end: marked_context(data, doc, start, end),
        "nav": template.split(".")[0],
    }
    return templates.TemplateResponse(request, template, {**helpers, **context})


def _active_filters(request: Request, *names: str) -> dict[str, str]:
    """The filters of ``names`` the request sets to something, as its form should show them."""
    return {n: v for n in names if (v := request.query_params.get(n, "").strip())}


@router.get("/")
def overview(request: Request, data: Data, page: PageNumber = 1) -> Response:
    """The corpus in figures, and its documents a page of rows at a time."""
    r = data.reconciliation
    counts = {
        "documents": len(data.outlines),
        "entities": len(r.entities),
        "claims": len(r.claims),
        "events": len(r.events),
        "comparisons": len(r.comparisons),
        "timeline entries": len(r.timeline),
    }
    verdicts = Counter(c.verdict for c in r.comparisons)
    disputed = sum(1 for t in r.timeline if t.status == "disputed")
    rows = RowPage.of(page, len(data.outlines), "/")
    return _render(
        request,
        "overview.html.j2",
        data,
        counts=counts,
        verdicts=verdicts,
        disputed=disputed,
        rows=rows,
        documents=rows.rows(list(data.outlines.values())),
    )


@router.get("/documents/{doc_id}")
def document_page(
    request: Request, doc_id: str, data: Data, mark: Annotated[str | None, Query()] = None
) -> Response:
    analysis = analysis_or_404(data, doc_id)
    span = parse_mark(mark, len(analysis.document.text))
    return _render(
        request,
        "document.html.j2",
        data,
        analysis=analysis,
        doc=analysis.document,
        body=document_body(analysis, data, span),
        claims=data.claims_of_document(doc_id),
    )


@router.get("/timeline")
def timeline_page(
    request: Request,
    data: Data,
    dates: Dates,
    status: Annotated[str | None, Query(max_length=40)] = None,
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
    page: PageNumber = 1,
) -> Response:
    timeline = data.reconciliation.timeline
    wanted = dates.narrowing(status=status, source=source, speaker=speaker, entity=entity)
    shown = filters.timeline(data, wanted)
    active = _active_filters(request, "status", "source", "speaker", "entity", "from", "to")
    rows = RowPage.of(page, len(shown), "/timeline", active)
    groups = [
        (date, list(entries)) for date, entries in groupby(rows.rows(shown), lambda t: t.date)
    ]
    statuses = Counter(t.status for t in timeline)
    return _render(
        request,
        "timeline.html.j2",
        data,
        groups=groups,
        statuses=statuses,
        status=status,
        rows=rows,
    )


@router.get("/comparisons")
def comparisons_page(
    request: Request,
    data: Data,
    dates: Dates,
    verdict: Annotated[Verdict | None, BeforeValidator(blank_is_none), Query()] = None,
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
    page: PageNumber = 1,
) -> Response:
    wanted = dates.narrowing(verdict=verdict, source=source, speaker=speaker, entity=entity)
    items = filters.comparisons(data, wanted)
    verdicts = Counter(c.verdict for c in data.reconciliation.comparisons)
    active = _active_filters(request, "verdict", "source", "speaker", "entity", "from", "to")
    rows = RowPage.of(page, len(items), "/comparisons", active)
    return _render(
        request,
        "comparisons.html.j2",
        data,
        comparisons=rows.rows(items),
        rows=rows,
        verdicts=verdicts,
        verdict=verdict,
        publishers=data.publishers,
        active=active,
    )


@router.get("/comparisons/{comparison_id}")
def comparison_page(request: Request, comparison_id: str, data: Data) -> Response:
    comparison = found_or_404(data.comparisons, comparison_id, "comparison")
    claims = [data.claims[c] for c in comparison.claims if c in data.claims]
    events = [e for e in data.reconciliation.events if set(e.claims) & set(comparison.claims)]
    return _render(
        request, "comparison.html.j2", data, comparison=comparison, claims=claims, events=events
    )


def _merged_into(data: Snapshot, record_id: str, records: Mapping[str, object]) -> str | None:
    """The record that ``record_id``, merged away by a decision still applied, is part of now."""
    for outcome in reversed(data.decisions_of(record_id)):
        if outcome.status == "applied" and record_id in outcome.adjudication.merged:
            return next((t for t in outcome.targets if t in records), None)
    return None


def _moved(
    data: Snapshot, record_id: str, records: Mapping[str, object], pages: str
) -> RedirectResponse | None:
    """The redirect to the page of the record that ``record_id`` was merged into, if it was."""
    if record_id in records or not (into := _merged_into(data, record_id, records)):
        return None
    return RedirectResponse(f"{pages}/{quote(into, safe='')}", status_code=307)


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str, data: Data, page: PageNumber = 1) -> Response:
    """The event, its mentions, comparisons and claims a page of rows at a time."""
    if moved := _moved(data, event_id, data.events, "/events"):
        return moved
    event = found_or_404(data.events, event_id, "event")
    claims = [data.claims[c] for c in event.claims if c in data.claims]
    entry = next((t for t in data.reconciliation.timeline if t.event == event_id), None)
    comparisons = data.comparisons_of_event(event)
    longest = max(len(event.mentions), len(claims), len(comparisons))
    rows = RowPage.of(page, longest, f"/events/{quote(event_id, safe='')}")
    return _render(
        request,
        "event.html.j2",
        data,
        event=event,
        mentions=rows.rows(event.mentions),
        claims=claims,
        entry=entry,
        comparisons=comparisons,
        rows=rows,
    )


@router.get("/entities")
def entities_page(
    request: Request,
    data: Data,
    type: Annotated[str | None, Query(max_length=40)] = None,
    source: SourceFilter = None,
    q: NameSearch = None,
    page: PageNumber = 1,
) -> Response:
    entities = filters.entity_list(data, source=source, q=q, entity_type=type)
    active = _active_filters(request, "type", "source", "q")
    rows = RowPage.of(page, len(entities), "/entities", active)
    types = Counter(e.type for e in data.reconciliation.entities)
    query: dict[str, str | int] = {"limit": GRAPH_NODES}
    if type:
        query["type"] = type
    graph_src = f"/api/v1/graph?{urlencode(query)}"
    return _render(
        request,
        "entities.html.j2",
        data,
        entities=rows.rows(entities),
        rows=rows,
        types=types,
        type=type,
        graph_src=graph_src,
        publishers=data.publishers,
        active=active,
    )


@router.get("/map")
def map_page(request: Request, data: Data) -> Response:
    located = places(data)
    unplaced = sum(
        1 for e in data.reconciliation.entities if e.geo is None and e.type == "location"
    )
    return _render(request, "map.html.j2", data, places=located, unplaced=unplaced)


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: str, data: Data, page: PageNumber = 1) -> Response:
    """The entity, its mentions, claims and events a page of rows at a time."""
    if moved := _moved(data, entity_id, data.entities, "/entities"):
        return moved
    entity = found_or_404(data.entities, entity_id, "entity")
    claims = [c for c in data.reconciliation.claims if entity_id in (c.attributed_to, *c.about)]
    events = [e for e in data.reconciliation.events if entity_id in (*e.participants, *e.places)]
    longest = max(len(entity.mentions), len(claims), len(events))
    rows = RowPage.of(page, longest, f"/entities/{quote(entity_id, safe='')}")
    return _render(
        request,
        "entity.html.j2",
        data,
        entity=entity,
        mentions=rows.rows(entity.mentions),
        claims=claims,
        events=events,
        rows=rows,
    )


@router.get("/search")
def search_page(
    request: Request,
    data: Data,
    q: Annotated[str, Query(max_length=500)] = "",
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> Response:
    results: dict[str, Any] | None = None
    if q.strip():
        offset = (page - 1) * SEARCH_PAGE_SIZE
        try:
            results = run_search(request.app.state.source, data, q, None, SEARCH_PAGE_SIZE, offset)
        except ApiError:
            results = {"items": [], "total": 0, "limit": SEARCH_PAGE_SIZE, "offset": offset}
    return _render(
        request,
        "search.html.j2",
        data,
        q=q,
        page=page,
        results=results,
        page_size=SEARCH_PAGE_SIZE,
        snippet=marked_snippet,
    )


@router.get("/docs")
def docs_redirect() -> Response:
    return RedirectResponse("/api/v1/docs")


@router.get("/api/v1/docs")
def api_docs(request: Request, data: Data) -> Response:
    """The API reference, rendered here from the OpenAPI document (no CDN, no script)."""
    spec = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **operation}
        for path, methods in spec.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    return _render(request, "api_docs.html.j2", data, spec=spec, operations=operations)


DISPUTE_FILTERS = ("verdict", "source", "speaker", "entity", "from", "to", "q")


@router.get("/disputes")
def disputes_page(
    request: Request,
    data: Data,
    dates: Dates,
    sort: Annotated[str | None, Query(max_length=20)] = None,
    page: PageNumber = 1,
    verdict: Annotated[Verdict | None, BeforeValidator(blank_is_none), Query()] = None,
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
    q: DisputeSearch = None,
) -> Response:
    order = dispute_order(sort)
    wanted = dates.narrowing(source=source, speaker=speaker, entity=entity, verdict=verdict)
    disputes = filters.disputes(data, workspace(data).sorted_disputes(order), wanted, q)
    active = _active_filters(request, *DISPUTE_FILTERS)
    rows = RowPage.of(page, len(disputes), "/disputes", {**active, "sort": sort})
    return _render(
        request,
        "disputes.html.j2",
        data,
        disputes=rows.rows(disputes),
        sort=order,
        rows=rows,
        active=active,
        publishers=data.publishers,
    )


@router.get("/sources")
def sources_page(request: Request, data: Data, sources: Sources, page: PageNumber = 1) -> Response:
    """Each of the view's lists shows its rows of page ``page``."""
    active = _active_filters(request, "source", "speaker")
    longest = max(
        len(sources.outlets),
        len(sources.speakers),
        len(sources.lineage),
        len(sources.single_origin),
    )
    rows = RowPage.of(page, longest, "/sources", active)
    return _render(
        request,
        "sources.html.j2",
        data,
        sources=sources,
        rows=rows,
        active=active,
        publishers=data.publishers,
    )
