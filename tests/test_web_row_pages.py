"""The disputes and sources pages cut a long story into pages of rows (``?page=``) with links
between them, on a hand-built store with more questions and speakers than a page holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from triangulate.model import ClaimRecord, Comparison  # noqa: E402
from triangulate.web.row_pages import PAGE_ROWS, RowPage  # noqa: E402

from .web_client import app_client  # noqa: E402
from .web_corpus import analyses, reconciliation, store_story  # noqa: E402

HTML = {"accept": "text/html"}
QUESTIONS = PAGE_ROWS + 13  # two pages of disputes
SPEAKERS = 2 * PAGE_ROWS + 7  # three pages of speakers


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    items = analyses()
    base = reconciliation(items)
    claims = {c.id: c for c in base.claims}
    tribune, courier = claims["c-tribune-0"], claims["c-courier-0"]
    # one question per day, answered by that day's reports: each its own row of the disputes view
    daily = tuple(
        replace(claim, id=f"{claim.id}-day-{n:03d}")
        for n in range(QUESTIONS)
        for claim in (tribune, courier)
    )
    comparisons = tuple(
        Comparison(
            f"cmp-{n:03d}",
            f"How many passengers were rescued on day {n}?",
            "conflict",
            (f"{tribune.id}-day-{n:03d}", f"{courier.id}-day-{n:03d}"),
            f"Day {n}: 41 against 43.",
        )
        for n in range(QUESTIONS)
    )
    # the same sentence said by many named officials: one speaker each
    speakers = tuple(
        ClaimRecord(
            f"c-official-{n:03d}",
            "tribune",
            replace(tribune.claim, speaker_text=f"Official Number {n:03d}"),
        )
        for n in range(SPEAKERS)
    )
    stored = replace(base, comparisons=comparisons, claims=(*base.claims, *daily, *speakers))
    with app_client(store_story(tmp_path / "long.db", items, lambda _: stored)) as test_client:
        yield test_client


def _disputes(page: str) -> list[str]:
    return re.findall(r'<tr class="dispute" id="([^"]+)"', page)


def _speakers(page: str) -> list[str]:
    """The officials the speakers table lists (the outlets table names a few too)."""
    return re.findall(r"Official Number (\d{3})", page[page.index('id="speakers"') :])


def test_the_disputes_page_is_paged_and_every_row_is_on_one_page(client: TestClient) -> None:
    first = client.get("/disputes", headers=HTML).text
    second = client.get("/disputes?page=2", headers=HTML).text
    assert len(_disputes(first)) == PAGE_ROWS and len(_disputes(second)) == QUESTIONS - PAGE_ROWS
    assert set(_disputes(first)).isdisjoint(_disputes(second))
    api = client.get("/api/v1/disputes", params={"limit": 500}).json()
    assert set(_disputes(first)) | set(_disputes(second)) == {d["id"] for d in api["items"]}
    assert f"questions 1–{PAGE_ROWS} of {QUESTIONS}:" in first
    assert 'rel="next" href="/disputes?page=2"' in first and 'rel="prev"' not in first
    assert f"questions {PAGE_ROWS + 1}–{QUESTIONS} of {QUESTIONS}:" in second
    assert 'rel="prev" href="/disputes"' in second and 'rel="next"' not in second
    # the sort is kept from page to page
    by_importance = client.get("/disputes?sort=importance", headers=HTML).text
    assert 'href="/disputes?sort=importance&amp;page=2"' in by_importance
    page = client.get("/disputes?sort=importance&page=2", headers=HTML)
    assert page.status_code == 200 and len(_disputes(page.text)) == QUESTIONS - PAGE_ROWS


def test_the_comparisons_page_is_paged_and_its_pages_keep_the_filters(client: TestClient) -> None:
    def shown(page: str) -> list[str]:
        return re.findall(r'<section class="card comparison" id="([^"]+)"', page)

    first = client.get("/comparisons", params={"verdict": "conflict"}, headers=HTML).text
    second = client.get("/comparisons", params={"verdict": "conflict", "page": 2}).text
    assert len(shown(first)) == PAGE_ROWS and len(shown(second)) == QUESTIONS - PAGE_ROWS
    assert sorted(shown(first) + shown(second)) == [f"cmp-{n:03d}" for n in range(QUESTIONS)]
    assert 'href="/comparisons?verdict=conflict&amp;page=2"' in first
    assert 'href="/comparisons?verdict=conflict"' in second
    assert client.get("/comparisons", params={"page": 3}).status_code == 404


def test_the_pages_of_a_filtered_list_keep_its_filters(client: TestClient) -> None:
    query = "verdict=conflict&q=rescued&sort=importance"
    first = client.get(f"/disputes?{query}", headers=HTML).text
    assert f"questions 1–{PAGE_ROWS} of {QUESTIONS}:" in first
    assert f'rel="next" href="/disputes?{query.replace("&", "&amp;")}&amp;page=2"' in first
    second = client.get(f"/disputes?{query}&page=2", headers=HTML)
    assert len(_disputes(second.text)) == QUESTIONS - PAGE_ROWS
    narrowed = client.get("/disputes?q=day+6", headers=HTML).text  # day 6 and days 60-62
    assert len(_disputes(narrowed)) == 4 and 'class="pager"' not in narrowed
    assert client.get("/disputes?q=day+6&page=2", headers=HTML).status_code == 404
    officials = client.get("/sources?speaker=official+number", headers=HTML).text
    assert 'rel="next" href="/sources?speaker=official+number&amp;page=2"' in officials
    last = client.get("/sources?speaker=official+number&page=3", headers=HTML).text
    assert len(_speakers(last)) == SPEAKERS - 2 * PAGE_ROWS


def test_a_page_past_the_end_or_below_one_is_refused(client: TestClient) -> None:
    missing = client.get("/disputes?page=3", headers=HTML)
    assert missing.status_code == 404 and "no page 3: /disputes has 2 page(s)" in missing.text
    assert client.get("/disputes?page=0", headers=HTML).status_code == 422
    assert client.get("/sources?page=4", headers=HTML).status_code == 404


def test_the_sources_page_pages_its_lists(client: TestClient) -> None:
    pages = [client.get("/sources", headers=HTML).text] + [
        client.get(f"/sources?page={n}", headers=HTML).text for n in (2, 3)
    ]
    total = client.get("/api/v1/sources/speakers").json()["total"]
    assert 2 * PAGE_ROWS < total <= 3 * PAGE_ROWS
    rows = [p.count('<tr class="speaker">') for p in pages]
    assert rows == [PAGE_ROWS, PAGE_ROWS, total - 2 * PAGE_ROWS]
    officials = [n for p in pages for n in _speakers(p)]
    assert sorted(officials) == [f"{n:03d}" for n in range(SPEAKERS)]  # each once
    # the three outlets are on the first page; later pages say so
    assert "<strong>Island Post</strong>" in pages[0]
    assert "<strong>Island Post</strong>" not in pages[1]
    assert "All 3 are on earlier pages." in pages[1]
    assert '<strong class="current" aria-current="page">2</strong>' in pages[1]
    assert 'href="/sources?page=3"' in pages[1] and 'href="/sources"' in pages[1]


def test_page_counts_and_the_page_links_shown() -> None:
    assert RowPage.of(1, PAGE_ROWS, "/disputes").count == 1
    assert RowPage.of(1, 0, "/sources").count == 1  # an empty list is one empty page
    numbers = RowPage.of(9, 30 * PAGE_ROWS, "/disputes").numbers
    assert numbers == [1, None, 7, 8, 9, 10, 11, None, 30]
