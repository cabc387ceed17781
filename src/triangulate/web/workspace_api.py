"""``/api/v1/disputes`` (one row per question, its answers side by side) and ``/api/v1/sources``
(outlets, speakers, lineage, claims resting on one origin): the view models the pages show."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..model import Verdict
from ..outputs.disputes import Dispute, DisputeOrder, build_disputes, sort_disputes
from ..outputs.sources import ClaimSupport, LineageLink, Outlet, SourcesView, Speaker, build_sources
from . import filters
from .api import (
    NOT_FOUND,
    Data,
    Dates,
    EntityFilter,
    Page,
    Paging,
    SourceFilter,
    SpeakerFilter,
    reject_unknown_parameters,
)
from .errors import ApiError, ErrorResponse
from .snapshot import Snapshot


@dataclass(frozen=True)
class Workspace:
    """The disputes, most contested first, and the sources view of one snapshot."""

    disputes: tuple[Dispute, ...]
    sources: SourcesView

    def sorted_disputes(self, order: DisputeOrder) -> list[Dispute]:
        return sort_disputes(list(self.disputes), order)


_cache_lock = threading.Lock()
_cached: list[tuple[Snapshot, Workspace]] = []


def workspace(snapshot: Snapshot) -> Workspace:
    """The view models of ``snapshot``, built once per snapshot."""
    with _cache_lock:
        if _cached and _cached[0][0] is snapshot:
            return _cached[0][1]
        analyses = [o.analysis for o in snapshot.outlines.values()]  # documents, sentences
        built = Workspace(
            tuple(build_disputes(analyses, snapshot.reconciliation)),
            build_sources(analyses, snapshot.reconciliation),
        )
        _cached[:] = [(snapshot, built)]
        return built


def dispute_order(value: str | None) -> DisputeOrder:
    """The order a page asks for; anything unknown is the default, most contested first."""
    return "importance" if value == "importance" else "contested"


DisputeSearch = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Words the question or an answer (value, claim, speaker, outlet) contains.",
    ),
]
Order = Annotated[
    DisputeOrder,
    Query(description="`contested`: most disputed first; `importance`: most origins first."),
]

router = APIRouter(
    prefix="/api/v1",
    responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    dependencies=[Depends(reject_unknown_parameters)],
)


@router.get("/disputes", response_model=Page[Dispute], tags=["disputes"])
def list_disputes(
    data: Data,
    paging: Paging,
    dates: Dates,
    sort: Order = "contested",
    source: SourceFilter = None,
    speaker: SpeakerFilter = None,
    entity: EntityFilter = None,
    verdict: Annotated[Verdict | None, Query()] = None,
    q: DisputeSearch = None,
) -> dict[str, Any]:
    """One row per question the sources answer: every answer (copies folded under their
    original), the verdicts between them, and how contested and how widely answered it is.
    ``source``, ``speaker``, ``entity`` and ``from``/``to`` (published) keep the rows with such
    an answer; ``verdict`` those with that verdict in force (a person's, where reviewed); ``q``
    those whose question or answers hold all its words."""
    wanted = dates.narrowing(source=source, speaker=speaker, entity=entity, verdict=verdict)
    return paging.page(filters.disputes(data, workspace(data).sorted_disputes(sort), wanted, q))


@router.get(
    "/disputes/{dispute_id}", response_model=Dispute, responses=NOT_FOUND, tags=["disputes"]
)
def get_dispute(dispute_id: str, data: Data) -> Dispute:
    found = next((d for d in workspace(data).disputes if d.id == dispute_id), None)
    if found is None:
        raise ApiError(404, f"no dispute with id {dispute_id!r}")
    return found


SpeakerSearch = Annotated[
    str | None,
    Query(
        max_length=200,
        description="An entity id, or words the speaker's name (or an alias) begins with.",
    ),
]


def narrowed_sources(
    data: Data, source: SourceFilter = None, speaker: SpeakerSearch = None
) -> SourcesView:
    """The sources view of ``data``, narrowed to a source and to speakers."""
    return filters.sources_view(data, workspace(data).sources, source, speaker)


Sources = Annotated[SourcesView, Depends(narrowed_sources)]


@router.get("/sources", response_model=Page[Outlet], tags=["sources"])
def list_outlets(sources: Sources, paging: Paging) -> dict[str, Any]:
    """Outlets with their documents, the speakers they quote and who copies whom; ``source``
    keeps the outlet of a document or publisher, ``speaker`` the outlets quoting them."""
    return paging.page(sources.outlets)


@router.get("/sources/speakers", response_model=Page[Speaker], tags=["sources"])
def list_speakers(sources: Sources, paging: Paging) -> dict[str, Any]:
    """Everyone a claim is attributed to, with their claims, documents and outlets; ``source``
    keeps those it quotes, ``speaker`` those it names."""
    return paging.page(sources.speakers)


@router.get("/sources/lineage", response_model=Page[LineageLink], tags=["sources"])
def list_lineage(sources: Sources, paging: Paging) -> dict[str, Any]:
    """Copies, later versions and stated republications; ``source`` and ``speaker`` keep the
    links of their documents."""
    return paging.page(sources.lineage)


@router.get("/sources/single-origin", response_model=Page[ClaimSupport], tags=["sources"])
def list_single_origin(sources: Sources, paging: Paging) -> dict[str, Any]:
    """Claims carried by several documents that all descend from one origin; ``source`` keeps
    those it carries, ``speaker`` those they made."""
    return paging.page(sources.single_origin)
