"""Filters of the REST API's lists and of the pages' lists (web/filters.py), on the invented ferry
story of web_corpus with attributions and a second date added by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from triangulate.web.filters import ListFilter, day_span, in_range  # noqa: E402

from .web_client import app_client  # noqa: E402
from .web_corpus import analyses, reconciliation, store_story  # noqa: E402

ATTRIBUTION = {  # claim id: (attributed_to, about)
    "c-tribune-0": ("ent-varnum", ("ent-gannet",)),
    "c-courier-1": ("ent-brightwater", ()),
    "c-post-0": (None, ("ent-brightwater",)),
}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    items = analyses()
    base = reconciliation(items)
    claims = tuple(
        replace(c, attributed_to=ATTRIBUTION[c.id][0], about=ATTRIBUTION[c.id][1])
        if c.id in ATTRIBUTION
        else c
        for c in base.claims
    )
    events = tuple(replace(e, start="2023-03-03") if e.id == "e-rescue" else e for e in base.events)
    timeline = tuple(
        replace(t, date="2023-03-03") if t.event == "e-rescue" else t for t in base.timeline
    )
    comparisons = tuple(
        replace(c, verdict="update") if c.id == "cmp-passengers" else c for c in base.comparisons
    )
    stored = replace(base, claims=claims, events=events, timeline=timeline, comparisons=comparisons)
    with app_client(store_story(tmp_path / "filters.db", items, lambda _: stored)) as test_client:
        yield test_client


def _ids(client: TestClient, resource: str, **params: str) -> list[str]:
    response = client.get(f"/api/v1/{resource}", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return [item.get("id") or item.get("event") for item in body["items"]]


def _error(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and body["error"]["status"] == status
    message: str = body["error"]["message"]
    return message


def test_stance_keeps_the_claims_of_that_stance(client: TestClient) -> None:
    assert len(_ids(client, "claims")) == 4
    assert _ids(client, "claims", stance="denied") == ["c-courier-1"]
    assert _ids(client, "claims", stance="questioned") == []


def test_source_is_a_document_id_or_a_publisher(client: TestClient) -> None:
    assert _ids(client, "claims", source="courier") == ["c-courier-0", "c-courier-1"]
    assert _ids(client, "claims", source="island  POST") == ["c-post-0"]
    assert _ids(client, "events", source="post") == ["e-grounding"]
    assert _ids(client, "comparisons", source="Maddox Tribune") == ["cmp-passengers"]
    assert _ids(client, "timeline", source="tribune") == ["e-grounding", "e-rescue"]
    assert _ids(client, "documents", source="Valley Courier") == ["courier"]
    assert "ent-varnum" not in _ids(client, "entities", source="post")
    assert "ent-skerry" not in _ids(client, "entities", source="tribune")


def test_speaker_is_who_a_claim_is_attributed_to(client: TestClient) -> None:
    assert _ids(client, "claims", speaker="ent-varnum") == ["c-tribune-0"]
    assert _ids(client, "claims", speaker="ilse varnum") == ["c-tribune-0"]
    # an unresolved attribution is found by the name in its speaker's words
    assert _ids(client, "claims", speaker="harbour master") == ["c-post-0"]
    assert _ids(client, "comparisons", speaker="Brightwater Lines") == ["cmp-warning"]
    assert _ids(client, "events", speaker="ent-varnum") == ["e-rescue"]
    assert _ids(client, "claims", speaker="nobody at all") == []


def test_entity_keeps_what_involves_it(client: TestClient) -> None:
    assert _ids(client, "claims", entity="ent-brightwater") == ["c-courier-1", "c-post-0"]
    assert _ids(client, "claims", entity="Gannet") == ["c-tribune-0"]
    assert _ids(client, "events", entity="ent-port") == ["e-grounding"]
    assert _ids(client, "comparisons", entity="ent-varnum") == ["cmp-passengers"]
    assert _ids(client, "timeline", entity="Port Maddox") == ["e-grounding"]
    assert _ids(client, "documents", entity="ent-skerry") == ["post"]


def test_date_range_reads_published_and_event_dates(client: TestClient) -> None:
    # claims and documents by the published date: tribune 3 Mar, post 4 Mar, courier 5 Mar
    assert _ids(client, "claims", **{"from": "2023-03-04"}) == [
        "c-courier-0",
        "c-courier-1",
        "c-post-0",
    ]
    assert _ids(client, "claims", to="2023-03-03") == ["c-tribune-0"]
    assert _ids(client, "documents", **{"from": "2023-03-04", "to": "2023-03-04"}) == ["post"]
    assert _ids(client, "comparisons", to="2023-03-03") == ["cmp-passengers"]
    # events and the timeline by their own date: grounding 2 Mar, rescue 3 Mar
    assert _ids(client, "events", **{"from": "2023-03-03"}) == ["e-rescue"]
    assert _ids(client, "timeline", to="2023-03-02") == ["e-grounding"]


def test_verdict_keeps_one_kind(client: TestClient) -> None:
    assert _ids(client, "comparisons", verdict="conflict") == ["cmp-warning"]
    assert _ids(client, "comparisons", verdict="update") == ["cmp-passengers"]
    assert _ids(client, "comparisons", verdict="agree") == []


def test_filters_combine(client: TestClient) -> None:
    assert _ids(client, "claims", source="courier", stance="asserted") == ["c-courier-0"]
    assert _ids(client, "timeline", status="disputed", entity="ent-varnum") == ["e-rescue"]


@pytest.mark.parametrize(
    ("path", "unknown"),
    [
        ("/api/v1/claims?stanse=denied", "stanse"),
        ("/api/v1/events?verdict=agree", "verdict"),
        ("/api/v1/documents?limit=2&q=x", "q"),
        ("/api/v1/claims/c-post-0?verbose=1", "verbose"),
        ("/api/v1/graph?types=location", "types"),
        ("/api/v1/disputes?verdit=conflict", "verdit"),
        ("/api/v1/sources?outlet=Island%20Post", "outlet"),
        ("/api/v1/sources/speakers?name=x", "name"),
        ("/api/v1/sources/single-origin?q=x", "q"),
    ],
)
def test_an_unknown_parameter_is_a_400_naming_it(
    client: TestClient, path: str, unknown: str
) -> None:
    message = _error(client.get(path), 400)
    assert repr(unknown) in message
    if path.startswith("/api/v1/claims?"):
        accepted = message.split("accepts: ")[1].split(", ")
        assert {"stance", "speaker", "source", "entity", "from", "to", "limit"} <= set(accepted)


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/api/v1/comparisons?verdict=maybe", "verdict"),
        ("/api/v1/claims?stance=shouted", "stance"),
        ("/api/v1/events?from=2023-13-01", "from"),
        ("/api/v1/timeline?to=yesterday", "to"),
        ("/api/v1/claims?from=2023-03-05&to=2023-03-01", "from"),
        # a number is no date (it would be read as seconds since 1970)
        ("/api/v1/claims?from=2023", "from"),
        ("/api/v1/documents?to=0", "to"),
        ("/api/v1/timeline?from=2023-3-1", "from"),
    ],
)
def test_a_bad_value_is_a_422_naming_the_parameter(
    client: TestClient, path: str, named: str
) -> None:
    assert _error(client.get(path), 422).startswith(named)


def test_pages_filter_their_lists_the_same_way(client: TestClient) -> None:
    page = client.get("/comparisons", params={"speaker": "Brightwater Lines"}).text
    assert "/comparisons/cmp-warning" in page and "/comparisons/cmp-passengers" not in page
    page = client.get("/timeline", params={"from": "2023-03-03", "to": ""}).text
    assert "/events/e-rescue" in page and "/events/e-grounding" not in page
    # the chart reads the API with the same filters, which the API accepts
    chart = page.split('data-src="')[1].split('"')[0].replace("&amp;", "&")
    assert chart == "/api/v1/timeline?limit=500&from=2023-03-03"
    assert [t["event"] for t in client.get(chart).json()["items"]] == ["e-rescue"]
    page = client.get("/entities", params={"source": "tribune"}).text
    assert "/entities/ent-varnum" in page and "/entities/ent-skerry" not in page
    bad = client.get("/comparisons", params={"verdict": "maybe"}, headers={"accept": "text/html"})
    assert bad.status_code == 422


def test_partial_dates_overlap_the_range() -> None:
    assert day_span("2023-02") == (date(2023, 2, 1), date(2023, 2, 28))
    assert day_span("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert day_span("not a date") is None
    march = ListFilter(date_from=date(2023, 3, 10), date_to=date(2023, 3, 20))
    assert in_range("2023-03", None, march)
    assert not in_range("2023-02", None, march)
    assert in_range("2023-03-01", "2023-03-12", march)
    assert not in_range(None, None, march)
