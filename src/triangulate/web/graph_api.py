"""``/api/v1/graph`` (who is named with whom) and ``/api/v1/places`` (where, on a map)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from ..model import Analysis, Entity, EntityType
from ..outputs.export_graphml import cooccurrences
from .api import MAX_OFFSET, Data, Page, Paging, reject_unknown_parameters
from .errors import ErrorResponse
from .snapshot import Snapshot

DEFAULT_NODES = 100


class GraphNode(BaseModel):
    id: str
    name: str
    type: EntityType
    mentions: int
    documents: int
    url: str


class GraphEdge(BaseModel):
    """Two entities named in the same sentence; ``weight`` counts those sentences."""

    source: str
    target: str
    weight: int


class Graph(BaseModel):
    """The most mentioned entities (``nodes[offset : offset + limit]`` of ``total``) and the
    co-occurrence edges between the nodes given."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total: int
    limit: int
    offset: int


class Place(BaseModel):
    id: str
    name: str
    type: EntityType
    mentions: int
    documents: int
    lat: float
    lon: float
    country: str | None
    url: str


@dataclass(frozen=True)
class Cooccurrence:
    """Every entity of one snapshot, most mentioned first; the edges are counted for the nodes
    a page shows, from their mentions alone."""

    snapshot: Snapshot
    nodes: tuple[Entity, ...]

    def node(self, entity: Entity) -> GraphNode:
        return GraphNode(
            id=entity.id,
            name=entity.name,
            type=entity.type,
            mentions=len(entity.mentions),
            documents=_documents(entity),
            url=entity_url(entity.id),
        )

    def _analysis_of(self, doc_id: str) -> Analysis | None:
        outline = self.snapshot.outlines.get(doc_id)
        return outline.analysis if outline else None  # the document and its sentences

    def edges(self, shown: list[Entity], min_weight: int) -> list[GraphEdge]:
        """The pairs of ``shown`` named in one sentence, weighted by how many sentences name
        both (as the GraphML export counts them over every entity)."""
        counts = cooccurrences(shown, self._analysis_of)
        return [
            GraphEdge(source=source, target=target, weight=weight)
            for (source, target), weight in sorted(counts.items())
            if weight >= min_weight
        ]


_cache_lock = threading.Lock()
_cached: list[tuple[Snapshot, Cooccurrence]] = []


def entity_url(entity_id: str) -> str:
    return f"/entities/{quote(entity_id, safe='')}"


def _by_mentions(entities: tuple[Entity, ...]) -> list[Entity]:
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.id))


def _documents(entity: Entity) -> int:
    return len({m.document for m in entity.mentions})


def cooccurrence(snapshot: Snapshot) -> Cooccurrence:
    """The co-occurrence graph of ``snapshot``, its nodes ranked once per snapshot."""
    with _cache_lock:
        if _cached and _cached[0][0] is snapshot:
            return _cached[0][1]
        graph = Cooccurrence(snapshot, tuple(_by_mentions(snapshot.reconciliation.entities)))
        _cached[:] = [(snapshot, graph)]
        return graph


def places(snapshot: Snapshot) -> list[Place]:
    """Entities with coordinates, most mentioned first."""
    return [
        Place(
            id=e.id,
            name=e.name,
            type=e.type,
            mentions=len(e.mentions),
            documents=_documents(e),
            lat=e.geo.lat,
            lon=e.geo.lon,
            country=e.geo.country,
            url=entity_url(e.id),
        )
        for e in _by_mentions(snapshot.reconciliation.entities)
        if e.geo is not None
    ]


router = APIRouter(
    prefix="/api/v1",
    responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    dependencies=[Depends(reject_unknown_parameters)],
)


@router.get("/graph", response_model=Graph, tags=["entities"])
def get_graph(
    data: Data,
    type: Annotated[list[EntityType] | None, Query(description="Keep these types.")] = None,
    min_weight: Annotated[int, Query(ge=1, description="Drop edges seen in fewer sentences.")] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="Nodes per page.")] = DEFAULT_NODES,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Nodes to skip.")] = 0,
) -> dict[str, Any]:
    """The co-occurrence graph: entities as nodes, most mentioned first (``limit`` and
    ``offset`` page the nodes), and an edge for each pair of those nodes named in one sentence,
    weighted by the number of such sentences."""
    graph = cooccurrence(data)
    matching = [n for n in graph.nodes if not type or n.type in type]
    shown = matching[offset : offset + limit]
    edges = graph.edges(shown, min_weight)
    return {
        "nodes": [graph.node(n) for n in shown],
        "edges": edges,
        "total": len(matching),
        "limit": limit,
        "offset": offset,
    }


@router.get("/places", response_model=Page[Place], tags=["entities"])
def list_places(data: Data, paging: Paging) -> dict[str, Any]:
    """Entities with coordinates (``lat``, ``lon``, ``country``), most mentioned first."""
    return paging.page(places(data))
