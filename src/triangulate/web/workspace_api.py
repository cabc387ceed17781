"""``/api/v1/disputes`` (one row per question, its answers side by side) and ``/api/v1/sources``
(outlets, speakers, lineage, claims resting on one origin): the view models the pages show."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..outputs.disputes import Dispute, DisputeOrder, build_disputes, sort_disputes
from ..outputs.sources import ClaimSupport, LineageLink, Outlet, SourcesView, Speaker, build_sources
from .api import NOT_FOUND, Data, Page, Paging, reject_unknown_parameters
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
        analyses = list(snapshot.analyses.values())
        built = Workspace(
            tuple(build_disputes(analyses, snapshot.reconciliation)),
            build_sources(analyses, snapshot.reconciliation),
        )
        _cached[:] = [(snapshot, built)]
        return built


def dispute_order(value: str | None) -> DisputeOrder:
    """The order a page asks for; anything unknown is the default, most contested first."""
    return "importance" if value == "importance" else "contested"


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
def list_disputes(data: Data, paging: Paging, sort: Order = "contested") -> dict[str, Any]:
    """One row per question the sources answer: every answer (copies folded under their
    original), the verdicts between them, and how contested and how widely answered it is."""
    return paging.page(workspace(data).sorted_disputes(sort))


@router.get(
    "/disputes/{dispute_id}", response_model=Dispute, responses=NOT_FOUND, tags=["disputes"]
)
def get_dispute(dispute_id: str, data: Data) -> Dispute:
    found = next((d for d in workspace(data).disputes if d.id == dispute_id), None)
    if found is None:
        raise ApiError(404, f"no dispute with id {dispute_id!r}")
    return found


@router.get("/sources", response_model=Page[Outlet], tags=["sources"])
def list_outlets(data: Data, paging: Paging) -> dict[str, Any]:
    """Outlets with their documents, the speakers they quote and who copies whom."""
    return paging.page(workspace(data).sources.outlets)


@router.get("/sources/speakers", response_model=Page[Speaker], tags=["sources"])
def list_speakers(data: Data, paging: Paging) -> dict[str, Any]:
    """Everyone a claim is attributed to, with their claims, documents and outlets."""
    return paging.page(workspace(data).sources.speakers)


@router.get("/sources/lineage", response_model=Page[LineageLink], tags=["sources"])
def list_lineage(data: Data, paging: Paging) -> dict[str, Any]:
    """Copies, later versions and stated republications."""
    return paging.page(workspace(data).sources.lineage)


@router.get("/sources/single-origin", response_model=Page[ClaimSupport], tags=["sources"])
def list_single_origin(data: Data, paging: Paging) -> dict[str, Any]:
    """Claims carried by several documents that all descend from one origin."""
    return paging.page(workspace(data).sources.single_origin)
