"""The filter forms of the comparisons and entities pages, and the pages' answer to a query
parameter they do not take (a 400 page naming it), on the invented ferry story of web_corpus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from triangulate.store import open_store  # noqa: E402
from triangulate.web import create_app  # noqa: E402

from .web_corpus import analyses, reconciliation  # noqa: E402

LOCAL = "http://127.0.0.1"
HTML = {"accept": "text/html"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    items = analyses()
    base = reconciliation(items)
    claims = tuple(
        replace(c, about=("ent-brightwater",)) if c.id == "c-post-0" else c for c in base.claims
    )
    path = tmp_path / "forms.db"
    with open_store(path) as store:
        for analysis in items:
            store.put_analysis(analysis)
        store.put_reconciliation(replace(base, claims=claims))
    with TestClient(create_app(path), base_url=LOCAL) as test_client:
        yield test_client


def _form(page: str, form_id: str) -> str:
    start = page.index('<form class="filters meta" method="get" action="/')
    assert f'id="{form_id}"' in page[start : start + 200]
    return page[start : page.index("</form>", start)]


def _shown(page: str, kind: str) -> list[str]:
    """The ids of the items a list page shows, in order."""
    if kind == "comparisons":
        return re.findall(r'<section class="card comparison" id="([^"]+)"', page)
    return re.findall(r'<tr id="([^"]+)">', page)


def test_the_comparisons_form_offers_every_filter_and_keeps_what_was_chosen(
    client: TestClient,
) -> None:
    page = client.get("/comparisons", headers=HTML).text
    form = _form(page, "comparison-filters")
    for field in ('name="verdict"', 'name="source"', 'name="entity"', 'name="from"', 'name="to"'):
        assert field in form, field
    assert "<option>Island Post</option>" in form and "<option>conflict</option>" in form
    assert _shown(page, "comparisons") == ["cmp-passengers", "cmp-warning"]

    # what a browser sends: every field, the ones left alone empty
    sent = {"verdict": "", "source": "Island Post", "entity": "", "from": "", "to": ""}
    page = client.get("/comparisons", params=sent, headers=HTML).text
    assert _shown(page, "comparisons") == ["cmp-warning"]
    assert "<option selected>Island Post</option>" in _form(page, "comparison-filters")
    assert '<a href="/comparisons">clear</a>' in page

    sent = {"verdict": "conflict", "source": "", "entity": "", "from": "", "to": "2023-03-03"}
    page = client.get("/comparisons", params=sent, headers=HTML).text
    assert _shown(page, "comparisons") == ["cmp-passengers"]  # only the Tribune is that early
    form = _form(page, "comparison-filters")
    assert "<option selected>conflict</option>" in form and 'value="2023-03-03"' in form

    sent = {"verdict": "", "source": "", "entity": "Brightwater Lines", "from": "", "to": ""}
    page = client.get("/comparisons", params=sent, headers=HTML).text
    assert _shown(page, "comparisons") == ["cmp-warning"]
    sent["verdict"] = "agree"
    page = client.get("/comparisons", params=sent, headers=HTML).text
    assert _shown(page, "comparisons") == [] and "No comparisons match these filters." in page


def test_the_entities_form_filters_by_type_and_name(client: TestClient) -> None:
    page = client.get("/entities", headers=HTML).text
    form = _form(page, "entity-filters")
    assert 'name="type"' in form and 'name="q"' in form and "<option>location</option>" in form
    assert len(_shown(page, "entities")) == 5

    page = client.get("/entities", params={"type": "", "q": "  PORT  "}, headers=HTML).text
    assert _shown(page, "entities") == ["ent-port"]
    assert 'value="PORT"' in _form(page, "entity-filters")
    page = client.get("/entities", params={"type": "location", "q": ""}, headers=HTML).text
    assert sorted(_shown(page, "entities")) == ["ent-port", "ent-skerry"]
    assert "<option selected>location</option>" in _form(page, "entity-filters")
    page = client.get("/entities", params={"type": "person", "q": "port"}, headers=HTML).text
    assert _shown(page, "entities") == [] and "No entities match these filters." in page
    # the API takes the same search
    items = client.get("/api/v1/entities", params={"q": "skerry"}).json()["items"]
    assert [e["id"] for e in items] == ["ent-skerry"]


@pytest.mark.parametrize(
    ("path", "unknown"),
    [
        ("/comparisons?verdicts=agree", "verdicts"),
        ("/entities?search=port", "search"),
        ("/timeline?stat=disputed", "stat"),
        ("/disputes?order=importance", "order"),
        ("/sources?outlet=x", "outlet"),
        ("/documents/tribune?marks=1-2", "marks"),
        ("/?x=1", "x"),
    ],
)
def test_a_page_names_a_parameter_it_does_not_take(
    client: TestClient, path: str, unknown: str
) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert f"unknown query parameter &#39;{unknown}&#39;" in response.text
    assert '<section class="card error-page">' in response.text


def test_the_parameters_a_page_takes_are_still_taken(client: TestClient) -> None:
    for path in (
        "/comparisons?verdict=conflict&speaker=x",
        "/entities?type=location&source=tribune&q=port",
        "/timeline?status=disputed&from=2023-03-01",
        "/disputes?sort=importance",
        "/search?q=ferry&page=1",
        "/documents/tribune?mark=0-5",
    ):
        assert client.get(path, headers=HTML).status_code == 200, path
