"""``/api/v1/disputes``, ``/api/v1/sources`` and the ``/disputes`` and ``/sources`` pages on the
hand-built story of tests/workspace_corpus.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from triangulate.web import create_app  # noqa: E402

from .workspace_corpus import build_store  # noqa: E402

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("workspace") / "web.db")
    with TestClient(create_app(db), base_url=LOCAL) as test_client:
        yield test_client


def test_disputes_are_paged_and_sorted(client: TestClient) -> None:
    page = client.get("/api/v1/disputes").json()
    assert (page["total"], page["limit"], page["offset"]) == (4, 50, 0)
    assert [d["contested"] for d in page["items"]] == [1.0, 1.0, 0.125, 0.0]
    first = page["items"][0]
    assert first["question"] == "How many passengers were rescued?"
    assert [a["outlet"] for a in first["answers"]] == ["Harbour Herald", "Valley Courier"]
    assert first["answers"][0]["copies"][0]["outlet"] == "Coast Daily"
    assert {j["comparison"] for j in first["judgements"]} == {"cmp-rescued-1", "cmp-rescued-2"}

    by_importance = client.get("/api/v1/disputes?sort=importance&limit=1&offset=0").json()
    assert by_importance["total"] == 4 and len(by_importance["items"]) == 1
    assert by_importance["items"][0]["question"] == "How many tugs stood by?"
    second = client.get("/api/v1/disputes?limit=1&offset=1").json()["items"][0]
    assert second["kind"] == "denial"


def test_one_dispute_and_the_error_shape(client: TestClient) -> None:
    assert client.get("/api/v1/disputes/cmp-tugs").json()["importance"] == 3
    missing = client.get("/api/v1/disputes/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    bad = client.get("/api/v1/disputes?sort=loudest")
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"
    assert client.get("/api/v1/sources?limit=0").json()["error"]["status"] == 422


def test_sources_outlets_speakers_lineage_single_origin(client: TestClient) -> None:
    outlets = client.get("/api/v1/sources").json()
    assert outlets["total"] == 5
    daily = next(o for o in outlets["items"] if o["name"] == "Coast Daily")
    assert daily["copies_from"] == ["Harbour Herald"]
    assert daily["documents"][0]["origin"] == "herald"
    speakers = client.get("/api/v1/sources/speakers?limit=2").json()
    assert speakers["total"] > 2 and len(speakers["items"]) == 2
    varnum = next(s for s in client.get("/api/v1/sources/speakers").json()["items"] if s["entity"])
    assert varnum["name"] == "Ilse Varnum" and varnum["documents"] == ["herald", "daily"]
    lineage = client.get("/api/v1/sources/lineage").json()["items"]
    assert {(x["document"], x["relation"]) for x in lineage} == {
        ("daily", "copy_of"),
        ("wire", "republished_from"),
    }
    single = client.get("/api/v1/sources/single-origin").json()
    assert [s["claim"] for s in single["items"]] == ["herald-0"]


def test_the_api_reference_lists_the_new_routes(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/disputes", "/api/v1/sources", "/api/v1/sources/single-origin"} <= set(paths)


def test_disputes_page_sorts_and_folds(client: TestClient) -> None:
    html = client.get("/disputes").text
    assert html.count('<tr class="dispute"') == 4
    assert html.index("How many passengers were rescued?") < html.index("How many tugs stood by?")
    assert "copied by" in html and "<details>" in html
    assert '<a href="/disputes" aria-current="page">Disputes</a>' in html
    by_importance = client.get("/disputes?sort=importance").text
    assert by_importance.index("How many tugs stood by?") < by_importance.index(
        "How many passengers were rescued?"
    )
    assert client.get("/disputes?sort=nonsense").status_code == 200  # the default order


def test_sources_page_and_overview_link(client: TestClient) -> None:
    html = client.get("/sources").text
    assert html.count('<tr class="outlet">') == 5
    assert 'data-claim="herald-0"' in html and "copies" in html
    assert 'href="/disputes"' in client.get("/").text
