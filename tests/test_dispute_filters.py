"""Filters of the disputes view (``/api/v1/disputes`` and ``/disputes``) and of the sources view
(``/api/v1/sources…`` and ``/sources``), on the ferry story of tests/workspace_corpus.py: four
questions (passengers rescued, tugs, the storm warning, lifeboats)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from .web_client import HTML, api_error, app_client  # noqa: E402
from .workspace_corpus import build_store  # noqa: E402

RESCUED = "How many passengers were rescued?"
TUGS = "How many tugs stood by?"
WARNING = "Is this so: “the crew had ignored a storm warning”?"
LIFEBOATS = "How many lifeboats were launched?"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with app_client(build_store(tmp_path / "ferry.db")) as test_client:
        yield test_client


def _questions(client: TestClient, **params: str) -> set[str]:
    response = client.get("/api/v1/disputes", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return {row["question"] for row in body["items"]}


def _page_questions(client: TestClient, query: str) -> set[str]:
    response = client.get(f"/disputes?{query}", headers=HTML)
    assert response.status_code == 200, response.text
    return set(re.findall(r'<td class="question"><strong>([^<]*)</strong>', response.text))


def test_no_filter_keeps_every_question(client: TestClient) -> None:
    assert _questions(client) == {RESCUED, TUGS, WARNING, LIFEBOATS}


def test_source_by_publisher_or_by_document_including_copies(client: TestClient) -> None:
    assert _questions(client, source="Valley Courier") == {RESCUED, TUGS, WARNING}
    assert _questions(client, source="pilot  WIRE") == {LIFEBOATS}
    # Coast Daily's answer is a copy folded under the Herald's: its row is still found by it
    assert _questions(client, source="daily") == {RESCUED}
    assert _questions(client, source="nobody") == set()


def test_speaker_and_entity(client: TestClient) -> None:
    assert _questions(client, speaker="Ilse Varnum") == {RESCUED}
    assert _questions(client, speaker="ent-varnum") == {RESCUED}
    assert _questions(client, entity="ilse varnum") == {RESCUED}
    assert _questions(client, speaker="Nobody Known") == set()


def test_date_range_keeps_rows_with_an_answer_published_in_it(client: TestClient) -> None:
    assert _questions(client, **{"from": "2023-03-06"}) == {LIFEBOATS}
    assert _questions(client, to="2023-03-03") == {RESCUED, TUGS}
    assert _questions(client, **{"from": "2023-03-05", "to": "2023-03-05"}) == {
        RESCUED,
        TUGS,
        WARNING,
    }
    api_error(
        client.get("/api/v1/disputes", params={"from": "2023-03-06", "to": "2023-03-01"}), 422
    )
    api_error(client.get("/api/v1/disputes", params={"from": "yesterday"}), 422)


def test_verdict_machine_and_human(client: TestClient) -> None:
    assert _questions(client, verdict="update") == {LIFEBOATS}
    assert _questions(client, verdict="conflict") == {RESCUED, WARNING}
    assert _questions(client, verdict="agree") == {TUGS, LIFEBOATS}
    changed = {
        "action": "set_verdict",
        "target": "cmp-tugs",
        "verdict": "conflict",
        "reviewer": "A",
    }
    assert client.post("/api/v1/adjudications", json=changed).status_code == 201
    rejected = {"action": "reject", "target": "cmp-warning", "reviewer": "A"}
    assert client.post("/api/v1/adjudications", json=rejected).status_code == 201
    assert _questions(client, verdict="conflict") == {RESCUED, TUGS}
    assert _questions(client, verdict="agree") == {LIFEBOATS}
    api_error(client.get("/api/v1/disputes", params={"verdict": "maybe"}), 422)


def test_text_search_reads_question_and_answers(client: TestClient) -> None:
    assert _questions(client, q="TUGS") == {TUGS}
    assert _questions(client, q="43 passengers") == {RESCUED}  # an answer's value
    assert _questions(client, q="harbour master") == {WARNING, TUGS, LIFEBOATS}  # a speaker
    assert _questions(client, q="storm brightwater") == {WARNING}  # every word, anywhere
    assert _questions(client, q="storm tugs") == set()


def test_filters_combine_and_unknown_ones_are_refused(client: TestClient) -> None:
    assert _questions(client, source="Island Post", verdict="agree") == {TUGS, LIFEBOATS}
    assert _questions(client, source="Island Post", verdict="agree", q="lifeboats") == {LIFEBOATS}
    error = api_error(client.get("/api/v1/disputes", params={"stance": "denied"}), 400)
    assert "'stance'" in error["message"] and "verdict" in error["message"]


def test_the_page_filters_as_the_api_does(client: TestClient) -> None:
    assert _page_questions(client, "") == {RESCUED, TUGS, WARNING, LIFEBOATS}
    assert _page_questions(client, "source=Valley+Courier") == {RESCUED, TUGS, WARNING}
    assert _page_questions(client, "speaker=Ilse+Varnum") == {RESCUED}
    assert _page_questions(client, "entity=ent-varnum") == {RESCUED}
    assert _page_questions(client, "from=2023-03-06&to=") == {LIFEBOATS}
    assert _page_questions(client, "verdict=update") == {LIFEBOATS}
    assert _page_questions(client, "q=tugs&verdict=&source=") == {TUGS}
    empty = client.get("/disputes?q=nothing+like+it", headers=HTML).text
    assert "No questions match these filters." in empty
    form = client.get("/disputes?verdict=agree&q=tugs", headers=HTML).text
    assert 'id="dispute-filters"' in form and "<option selected>agree</option>" in form
    assert 'name="q" size="18" value="tugs"' in form
    assert 'href="/disputes?sort=importance&amp;verdict=agree&amp;q=tugs"' in form
    refused = client.get("/disputes?stance=denied", headers=HTML)
    assert refused.status_code == 400 and "stance" in refused.text


def _names(client: TestClient, path: str, **params: str) -> list[str]:
    response = client.get(f"/api/v1/sources{path}", params=params)
    assert response.status_code == 200, response.text
    return [
        item.get("name") or item.get("claim") or item["document"]
        for item in response.json()["items"]
    ]


def test_sources_by_source(client: TestClient) -> None:
    assert _names(client, "", source="daily") == ["Coast Daily"]
    assert _names(client, "/speakers", source="Pilot Wire") == ["a pilot"]
    assert _names(client, "/lineage", source="herald") == ["daily"]  # the copy of it
    assert _names(client, "/single-origin", source="Coast Daily") == ["herald-0"]
    assert _names(client, "/single-origin", source="courier") == []


def test_sources_by_speaker_name(client: TestClient) -> None:
    assert _names(client, "/speakers", speaker="HARB") == [
        "The harbour master",
        "the harbour office",
    ]
    assert _names(client, "/speakers", speaker="ent-varnum") == ["Ilse Varnum"]
    assert _names(client, "", speaker="ilse") == ["Coast Daily", "Harbour Herald"]
    assert _names(client, "/lineage", speaker="pilot") == ["wire"]
    assert _names(client, "/single-origin", speaker="varnum") == ["herald-0"]
    assert _names(client, "/single-origin", speaker="harbour office") == []  # not single-origin
    assert _names(client, "/speakers", speaker="arbour") == []  # words begin names
    error = api_error(client.get("/api/v1/sources/speakers", params={"q": "x"}), 400)
    assert "speaker" in error["message"]


def test_the_sources_page_filters_and_pages_keep_them(client: TestClient) -> None:
    page = client.get("/sources?speaker=pilot&source=", headers=HTML).text
    outlets = re.findall(r'<tr class="outlet">\s*<td><strong>([^<]*)</strong>', page)
    assert outlets == ["Pilot Wire"]
    assert 'id="source-filters"' in page and 'value="pilot"' in page
    assert "Ilse Varnum" not in page[page.index('id="speakers"') :]
    by_source = client.get("/sources?source=Harbour+Herald", headers=HTML).text
    assert "<option selected>Harbour Herald</option>" in by_source
    assert re.findall(r'<tr class="outlet">\s*<td><strong>([^<]*)</strong>', by_source) == [
        "Harbour Herald"
    ]
