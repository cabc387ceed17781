"""Decisions over the web: POST and GET /api/v1/adjudications, the pages' forms, the checks on
both, and the decisions shown on the pages, in the API and in the exports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from triangulate.corpus import Corpus  # noqa: E402
from triangulate.outputs.export_csv import csv_tables  # noqa: E402

from .web_client import HTML, LOCAL, api_error, app_client  # noqa: E402
from .web_corpus import build_store  # noqa: E402

VERDICT = {
    "action": "set_verdict",
    "target": "cmp-passengers",
    "verdict": "update",
    "reviewer": "Ana Ruiz",
    "note": "the Courier counted later, after two more were found",
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "web.db")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with app_client(db) as test_client:
        yield test_client


def test_a_posted_verdict_shows_in_the_api_the_page_and_the_log(client: TestClient) -> None:
    response = client.post("/api/v1/adjudications", json=VERDICT)
    assert response.status_code == 201, response.text
    taken = response.json()
    assert (taken["status"], taken["targets"]) == ("applied", ["cmp-passengers"])
    assert taken["claims"] == ["c-tribune-0", "c-courier-0"]

    comparison = client.get("/api/v1/comparisons/cmp-passengers").json()
    assert comparison["verdict"] == "update"
    assert comparison["review"]["machine_verdict"] == "conflict"
    assert comparison["review"]["reviewer"] == "Ana Ruiz"

    page = client.get("/comparisons/cmp-passengers", headers=HTML).text
    assert 'id="review"' in page and "Ana Ruiz" in page and "the analysis said" in page

    log = client.get("/api/v1/adjudications").json()
    assert log["total"] == 1 and log["items"][0]["id"] == taken["id"]
    assert log["items"][0]["note"] == VERDICT["note"]


def test_the_log_is_paged_and_keeps_superseded_decisions(client: TestClient) -> None:
    client.post("/api/v1/adjudications", json=VERDICT)
    confirm = {"action": "confirm", "target": "cmp-passengers", "reviewer": "Ben"}
    assert client.post("/api/v1/adjudications", json=confirm).status_code == 201
    log = client.get("/api/v1/adjudications?limit=1&offset=1").json()
    assert (log["total"], log["limit"], log["offset"]) == (2, 1, 1)
    assert log["items"][0]["reviewer"] == "Ben"
    statuses = [i["status"] for i in client.get("/api/v1/adjudications").json()["items"]]
    assert statuses == ["superseded", "applied"]
    assert client.get("/api/v1/comparisons/cmp-passengers").json()["verdict"] == "conflict"
    api_error(client.get("/api/v1/adjudications?limt=1"), 400)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({**VERDICT, "reviewer": ""}, 422),
        ({**VERDICT, "verdict": "maybe"}, 422),
        ({**VERDICT, "action": "shrug"}, 422),
        ({**VERDICT, "colour": "red"}, 422),
        ({**VERDICT, "target": "cmp-nowhere"}, 404),
        ({key: value for key, value in VERDICT.items() if key != "verdict"}, 400),
        ({"action": "merge_entities", "target": "ent-port", "reviewer": "A"}, 400),
        (
            {
                "action": "merge_entities",
                "target": "ent-port",
                "reviewer": "A",
                "others": ["ent-varnum"],
            },
            400,
        ),
        (
            {
                "action": "split_entity",
                "target": "ent-port",
                "reviewer": "A",
                "mentions": [{"document": "tribune", "start": 5, "end": 2}],
            },
            422,
        ),
        (
            {
                "action": "split_entity",
                "target": "ent-port",
                "reviewer": "A",
                "mentions": [{"document": "tribune", "start": 0, "end": 3}],
            },
            400,
        ),
    ],
)
def test_bad_decisions_are_refused_in_the_one_error_shape(
    client: TestClient, body: dict[str, Any], status: int
) -> None:
    api_error(client.post("/api/v1/adjudications", json=body), status)
    assert client.get("/api/v1/adjudications").json()["total"] == 0


def test_a_malformed_body_and_a_form_body_are_refused(client: TestClient) -> None:
    headers = {"content-type": "application/json"}
    api_error(client.post("/api/v1/adjudications", content=b"{not json", headers=headers), 422)
    form = {"content-type": "application/x-www-form-urlencoded"}
    api_error(client.post("/api/v1/adjudications", content=b"action=confirm", headers=form), 422)
    assert client.get("/api/v1/adjudications").json()["total"] == 0


def test_a_decision_posted_from_another_site_is_refused(client: TestClient) -> None:
    hostile = {"origin": "http://evil.example"}
    api_error(client.post("/api/v1/adjudications", json=VERDICT, headers=hostile), 403)
    cross = {"sec-fetch-site": "cross-site"}
    form = "action=confirm&target=cmp-passengers&reviewer=x"
    response = client.post(
        "/review",
        content=form,
        headers={**cross, "content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 403
    assert client.get("/api/v1/adjudications").json()["total"] == 0
    api_error(client.post("/api/v1/adjudications", json=VERDICT, headers={"origin": "null"}), 403)
    same = {"origin": LOCAL}
    assert client.post("/api/v1/adjudications", json=VERDICT, headers=same).status_code == 201


def test_merging_entities_through_the_api_reaches_every_view_and_export(
    client: TestClient, db: Path
) -> None:
    body = {
        "action": "merge_entities",
        "target": "ent-port",
        "others": ["ent-skerry"],
        "reviewer": "Ana",
        "note": "the same harbour",
    }
    assert client.post("/api/v1/adjudications", json=body).status_code == 201
    ids = [e["id"] for e in client.get("/api/v1/entities?limit=50").json()["items"]]
    assert "ent-skerry" not in ids and "ent-port" in ids
    page = client.get("/entities/ent-port", headers=HTML).text
    merged = re.sub(r"<[^>]+>", "", page)  # the decision line without its links
    assert "merged Port Maddox with ent-skerry" in merged and "the same harbour" in page
    with Corpus.open(db) as corpus:
        exported = corpus.export_data()
        tables = {t.name: t for t in csv_tables(corpus.analyses(), corpus.reconciliation())}
    assert "ent-skerry" not in [e["id"] for e in exported["entities"]]
    (decision,) = exported["adjudications"]
    assert decision["action"] == "merge_entities" and decision["reviewer"] == "Ana"
    assert decision["status"] == "applied"
    assert "adjudications" in tables


def test_the_pages_forms_change_a_verdict_and_split_an_entity(client: TestClient) -> None:
    form = {"content-type": "application/x-www-form-urlencoded", **HTML}
    response = client.post(
        "/review",
        content="action=set_verdict&target=cmp-passengers&verdict=partial&note=one+is+a+subset"
        "&reviewer=Cleo",
        headers=form,
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/comparisons/cmp-passengers"
    page = client.get("/comparisons/cmp-passengers", headers=HTML).text
    assert "Verdict set to" in page and "one is a subset" in page

    entity = client.get("/api/v1/entities/ent-port").json()
    first = entity["mentions"][0]
    mention = f"{first['document']}:{first['start']}-{first['end']}"
    response = client.post(
        "/review",
        content=f"action=split_entity&target=ent-port&mention={mention}&name=Old+Port"
        "&reviewer=Cleo&note=",
        headers=form,
        follow_redirects=False,
    )
    assert response.status_code == 303
    names = [e["name"] for e in client.get("/api/v1/entities?limit=50").json()["items"]]
    assert "Old Port" in names and "Port Maddox" in names
    split_off = next(e["id"] for e in client.get("/api/v1/entities?q=old+port").json()["items"])
    assert (
        'split 1 mention out of <a class="record" href="/entities/ent-port">Port Maddox</a>'
        f' into <a class="record" href="/entities/{split_off}">“Old Port”</a>'
    ) in client.get("/entities/ent-port").text

    bad = client.post("/review", content="action=confirm&target=nope&reviewer=x", headers=form)
    assert bad.status_code == 404 and "text/html" in bad.headers["content-type"]


def _form_fields(page: str, form_id: str) -> dict[str, str]:
    """The hidden fields of the page's form ``form_id``, as the browser would send them."""
    form = page[page.index(f'id="{form_id}"') :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


@pytest.mark.parametrize(
    ("page", "other", "merged_away"),
    [
        ("/entities/ent-port", "ent-skerry", "/api/v1/entities/ent-skerry"),
        ("/events/e-grounding", "e-rescue", "/api/v1/events/e-rescue"),
    ],
)
def test_the_merge_forms_of_the_pages_are_taken(
    client: TestClient, page: str, other: str, merged_away: str
) -> None:
    fields = _form_fields(client.get(page, headers=HTML).text, "merge-form")
    fields |= {"other": other, "reviewer": "Cleo", "note": "one and the same"}
    response = client.post(
        "/review",
        content=urlencode(fields),
        headers={"content-type": "application/x-www-form-urlencoded", **HTML},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert client.get(merged_away).status_code == 404
    kept = client.get(page, headers=HTML).text
    assert f'with <a class="record" href="{page.rsplit("/", 1)[0]}/{other}">{other}</a>' in kept
    # the merged-away record's page (an old link, the audit trail's) leads to the merged one
    old_link = client.get(f"{page.rsplit('/', 1)[0]}/{other}", headers=HTML, follow_redirects=False)
    assert (old_link.status_code, old_link.headers["location"]) == (307, page)


def test_an_event_split_through_its_page_reaches_the_timeline_and_the_trail(
    client: TestClient,
) -> None:
    page = client.get("/events/e-grounding", headers=HTML).text
    fields = _form_fields(page, "split-form")
    mention = re.findall(r'name="mention" value="([^"]+)"', page)[1]  # the Courier's
    response = client.post(
        "/review",
        content=urlencode({**fields, "mention": mention, "reviewer": "Cleo", "note": "another"}),
        headers={"content-type": "application/x-www-form-urlencoded", **HTML},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    events = client.get("/api/v1/events").json()["items"]
    split_off = next(e for e in events if e["id"] not in ("e-grounding", "e-rescue"))
    assert [m["document"] for m in split_off["mentions"]] == ["courier"]
    grounding = next(e for e in events if e["id"] == "e-grounding")
    assert "courier" not in {m["document"] for m in grounding["mentions"]}
    timeline = client.get("/api/v1/timeline").json()["items"]
    assert split_off["id"] in {t["event"] for t in timeline}
    trail = client.get("/events/e-grounding", headers=HTML).text
    assert f'into <a class="record" href="/events/{split_off["id"]}">a new event</a>' in trail
    assert "Cleo" in client.get(f"/events/{split_off['id']}", headers=HTML).text
    log = client.get("/api/v1/adjudications").json()["items"]
    assert [(d["action"], d["reviewer"]) for d in log] == [("split_event", "Cleo")]


def test_the_split_form_shows_each_mention_in_its_sentence(client: TestClient) -> None:
    page = client.get("/events/e-grounding", headers=HTML).text
    form = page[page.index('id="split-form"') :]
    form = form[: form.index("</form>")]
    boxes = re.findall(r'<li><label><input type="checkbox"[^>]*>(.*?)</label></li>', form, re.S)
    # which mention is which, by its words, not only by its offsets
    assert [re.sub(r"\s+", " ", box).strip() for box in boxes] == [
        "Maddox Tribune (2023-03-03): The ferry Gannet <mark>ran aground</mark> off Port Maddox"
        " on 2 March, officials said.",
        "Valley Courier (2023-03-05): Rescuers brought 43 passengers ashore after the Gannet"
        " <mark>grounded</mark> near Port Maddox.",
        "Island Post (2023-03-04): The Gannet, a ferry of Brightwater Lines, <mark>hit a"
        " sandbank</mark> near Port Maddox on 2 March.",
    ]
