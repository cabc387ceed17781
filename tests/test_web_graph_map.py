"""The co-occurrence graph and the map of places: ``/api/v1/graph``, ``/api/v1/places``, the
pages that draw them and the basemap shipped in ``web/static`` (invented story, never the seeds)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from triangulate.model import Entity, Geo, Reconciliation  # noqa: E402
from triangulate.outputs.export_graphml import graph_edges  # noqa: E402
from triangulate.store import open_store  # noqa: E402
from triangulate.web import create_app  # noqa: E402
from triangulate.web.graph_api import cooccurrence  # noqa: E402

from .web_corpus import PORT_GEO, analyses, build_store, reconciliation  # noqa: E402

HTML = {"accept": "text/html"}
LOCAL = "http://127.0.0.1"  # the Host the app answers on loopback


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(build_store(tmp_path / "web.db")), base_url=LOCAL) as test_client:
        yield test_client


def _client_over(tmp_path: Path, changed: Reconciliation) -> TestClient:
    path = tmp_path / "changed.db"
    with open_store(path) as store:
        for analysis in analyses():
            store.put_analysis(analysis)
        store.put_reconciliation(changed)
    return TestClient(create_app(path), base_url=LOCAL)


def _pairs(graph: dict) -> dict[tuple[str, str], int]:
    return {(e["source"], e["target"]): e["weight"] for e in graph["edges"]}


def test_graph_has_entities_by_mentions_and_sentence_cooccurrence_weights(
    client: TestClient,
) -> None:
    graph = client.get("/api/v1/graph").json()
    assert set(graph) == {"nodes", "edges", "total", "limit", "offset"}
    assert [n["id"] for n in graph["nodes"]] == [
        "ent-port",
        "ent-gannet",
        "ent-brightwater",
        "ent-varnum",
        "ent-skerry",
    ]
    port = graph["nodes"][0]
    assert port == {
        "id": "ent-port",
        "name": "Port Maddox",
        "type": "location",
        "mentions": 4,
        "documents": 3,
        "url": "/entities/ent-port",
    }
    assert graph["total"] == 5
    # Gannet and Port Maddox share one sentence in each article; Ilse Varnum is never named
    # with anyone, so she has no edge.
    assert _pairs(graph) == {
        ("ent-gannet", "ent-port"): 3,
        ("ent-brightwater", "ent-gannet"): 1,
        ("ent-brightwater", "ent-port"): 1,
        ("ent-port", "ent-skerry"): 1,
    }


def test_graph_edges_are_the_graphml_exports_cooccurrence_edges(client: TestClient) -> None:
    items = analyses()
    rec = reconciliation(items)
    exported = {
        (e.source, e.target): e.weight
        for e in graph_edges(items, rec, {event.id: event.id for event in rec.events})
        if e.relation == "co-occurs"
    }
    assert _pairs(client.get("/api/v1/graph").json()) == exported


def test_graph_pages_nodes_and_keeps_only_edges_between_them(client: TestClient) -> None:
    top = client.get("/api/v1/graph", params={"limit": 2}).json()
    assert [n["id"] for n in top["nodes"]] == ["ent-port", "ent-gannet"]
    assert _pairs(top) == {("ent-gannet", "ent-port"): 3}
    assert (top["total"], top["limit"], top["offset"]) == (5, 2, 0)
    rest = client.get("/api/v1/graph", params={"limit": 2, "offset": 2}).json()
    assert [n["id"] for n in rest["nodes"]] == ["ent-brightwater", "ent-varnum"]
    assert rest["edges"] == []


def test_graph_filters_by_type_and_edge_weight(client: TestClient) -> None:
    places = client.get("/api/v1/graph", params={"type": "location"}).json()
    assert {n["id"] for n in places["nodes"]} == {"ent-port", "ent-skerry"}
    assert _pairs(places) == {("ent-port", "ent-skerry"): 1} and places["total"] == 2
    two = client.get("/api/v1/graph", params=[("type", "location"), ("type", "product")]).json()
    assert {n["id"] for n in two["nodes"]} == {"ent-port", "ent-skerry", "ent-gannet"}
    strong = client.get("/api/v1/graph", params={"min_weight": 2}).json()
    assert _pairs(strong) == {("ent-gannet", "ent-port"): 3} and len(strong["nodes"]) == 5


@pytest.mark.parametrize(
    "params",
    [{"min_weight": 0}, {"limit": 0}, {"limit": 501}, {"offset": -1}, {"type": "planet"}],
)
def test_graph_rejects_bad_parameters_in_the_error_shape(client: TestClient, params: dict) -> None:
    response = client.get("/api/v1/graph", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_parameter"


def test_places_lists_entities_with_coordinates_most_mentioned_first(client: TestClient) -> None:
    body = client.get("/api/v1/places").json()
    assert set(body) == {"items", "total", "limit", "offset"} and body["total"] == 2
    port, skerry = body["items"]
    assert port == {
        "id": "ent-port",
        "name": "Port Maddox",
        "type": "location",
        "mentions": 4,
        "documents": 3,
        "lat": PORT_GEO.lat,
        "lon": PORT_GEO.lon,
        "country": "GB",
        "url": "/entities/ent-port",
    }
    assert skerry["id"] == "ent-skerry" and skerry["mentions"] == 1
    page = client.get("/api/v1/places", params={"limit": 1, "offset": 1}).json()
    assert [p["id"] for p in page["items"]] == ["ent-skerry"] and page["total"] == 2
    assert client.get("/api/v1/places", params={"limit": 0}).status_code == 422


def test_openapi_documents_graph_and_places(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    graph = spec["paths"]["/api/v1/graph"]["get"]
    assert {p["name"] for p in graph["parameters"]} == {"type", "min_weight", "limit", "offset"}
    assert "422" in graph["responses"]
    schemas = spec["components"]["schemas"]
    assert {"nodes", "edges", "total", "limit", "offset"} <= set(schemas["Graph"]["properties"])
    assert {"lat", "lon", "country", "url"} <= set(schemas["Place"]["properties"])
    assert "/api/v1/places" in spec["paths"]
    docs = client.get("/api/v1/docs", headers=HTML).text
    assert "/api/v1/graph" in docs and "/api/v1/places" in docs


def test_entities_page_holds_the_graph_and_map_page_the_places(client: TestClient) -> None:
    entities = client.get("/entities", headers=HTML).text
    assert 'src="/static/graph.js"' in entities
    assert 'data-src="/api/v1/graph?limit=80"' in entities
    filtered = client.get("/entities", params={"type": "location"}, headers=HTML).text
    assert 'data-src="/api/v1/graph?limit=80&amp;type=location"' in filtered
    page = client.get("/map", headers=HTML)
    assert page.status_code == 200
    html = page.text
    assert 'src="/static/map.js"' in html and 'data-world="/static/countries-110m.json"' in html
    assert '<a href="/map" aria-current="page">Map</a>' in html
    rows = re.findall(r'<tr id="place-([^"]+)">', html)
    assert rows == ["ent-port", "ent-skerry"]
    assert "57.05, -7.35" in html
    for body in (entities, html):  # the CSP forbids inline script and style: none is written
        assert "<script>" not in body and "<style" not in body and " style=" not in body


def test_pages_and_api_escape_names_and_count_unplaced_locations(tmp_path: Path) -> None:
    rec = reconciliation(analyses())
    hostile = Entity("ent-x", "<img src=x onerror=alert(1)>", "location", geo=Geo(1.0, 2.0))
    unplaced = Entity("ent-nowhere", "Nowhere Cove", "location")
    changed = replace(rec, entities=(*rec.entities, hostile, unplaced))
    with _client_over(tmp_path, changed) as client:
        html = client.get("/map", headers=HTML).text
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "1 other location could not be placed" in html
        names = [p["name"] for p in client.get("/api/v1/places").json()["items"]]
        assert "<img src=x onerror=alert(1)>" in names and "Nowhere Cove" not in names


def test_empty_store_gives_an_empty_graph_and_no_places(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "empty.db"), base_url=LOCAL) as client:
        graph = client.get("/api/v1/graph").json()
        assert graph == {"nodes": [], "edges": [], "total": 0, "limit": 100, "offset": 0}
        assert client.get("/api/v1/places").json()["total"] == 0
        assert "No places with coordinates yet." in client.get("/map", headers=HTML).text
        assert 'id="entity-graph"' not in client.get("/entities", headers=HTML).text


def test_graph_is_computed_once_per_snapshot(client: TestClient) -> None:
    snapshot = client.app.state.source.current()  # type: ignore[attr-defined]
    assert cooccurrence(snapshot) is cooccurrence(snapshot)


def test_basemap_and_its_licence_are_served_locally(client: TestClient) -> None:
    world = client.get("/static/countries-110m.json")
    assert world.status_code == 200 and world.headers["content-type"] == "application/json"
    topology = json.loads(world.content)
    assert topology["type"] == "Topology" and set(topology["transform"]) == {"scale", "translate"}
    names = {g["properties"]["name"] for g in topology["objects"]["countries"]["geometries"]}
    assert len(names) > 170 and {"United Kingdom", "Brazil", "Japan"} <= names
    licence = client.get("/static/world-atlas-LICENSE.txt")
    assert licence.status_code == 200 and "Permission to use, copy, modify" in licence.text
    for script in ("graph.js", "map.js"):
        source = client.get(f"/static/{script}").text
        assert "http://" not in source.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in source
