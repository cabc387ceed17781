"""The web app and REST API (FastAPI TestClient) on a small invented story, never the seeds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from triangulate.cli import app as cli_app  # noqa: E402
from triangulate.store import open_store  # noqa: E402
from triangulate.web import create_app  # noqa: E402
from triangulate.web.security import TOKEN_ENV, is_loopback  # noqa: E402

from .conftest import make_document  # noqa: E402
from .web_client import HTML, LOCAL, api_error, app_client  # noqa: E402
from .web_corpus import TEXT_A, analyses, build_store, reconciliation  # noqa: E402

PAGES = [
    "/",
    "/timeline",
    "/comparisons",
    "/comparisons/cmp-passengers",
    "/events/e-rescue",
    "/entities",
    "/entities/ent-varnum",
    "/documents/tribune",
    "/search?q=ferry",
    "/api/v1/docs",
]
RESOURCES = ["documents", "entities", "claims", "events", "comparisons", "timeline", "failures"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "web.db")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with app_client(db) as test_client:
        yield test_client


# ---- the API ------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_is_paginated_with_its_total(client: TestClient, resource: str) -> None:
    whole = client.get(f"/api/v1/{resource}").json()
    assert set(whole) == {"items", "total", "limit", "offset"}
    assert whole["total"] == len(whole["items"])
    page = client.get(f"/api/v1/{resource}", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == whole["total"] and page["limit"] == 1 and page["offset"] == 1
    assert page["items"] == whole["items"][1:2]


def test_lists_hold_the_stored_results(client: TestClient) -> None:
    documents = client.get("/api/v1/documents").json()["items"]
    assert [d["id"] for d in documents] == ["courier", "post", "tribune"]  # by source
    tribune = documents[2]
    assert tribune["counts"]["claims"] == 1 and "text" not in tribune
    assert client.get("/api/v1/comparisons", params={"verdict": "conflict"}).json()["total"] == 2
    assert client.get("/api/v1/comparisons", params={"verdict": "agree"}).json()["total"] == 0
    claims = client.get("/api/v1/claims", params={"document": "courier"}).json()
    assert {c["id"] for c in claims["items"]} == {"c-courier-0", "c-courier-1"}
    people = client.get("/api/v1/entities", params={"type": "person"}).json()["items"]
    assert [e["name"] for e in people] == ["Ilse Varnum"]
    timeline = client.get("/api/v1/timeline", params={"status": "disputed"}).json()
    assert timeline["total"] == 2


def test_a_document_comes_with_text_and_offsets_that_point_into_it(client: TestClient) -> None:
    body = client.get("/api/v1/documents/tribune").json()
    text = body["document"]["text"]
    assert text == TEXT_A
    for claim in body["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    for mention in body["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("documents/tribune", "document"),
        ("entities/ent-port", "name"),
        ("claims/c-post-0", "claim"),
        ("events/e-rescue", "summary"),
        ("comparisons/cmp-warning", "verdict"),
    ],
)
def test_single_resources_and_unknown_ids(client: TestClient, path: str, key: str) -> None:
    assert key in client.get(f"/api/v1/{path}").json()
    error = api_error(client.get(f"/api/v1/{path.split('/')[0]}/no-such-id"), 404)
    assert error["code"] == "not_found" and "no-such-id" in error["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/documents?limit=0",
        "/api/v1/documents?limit=501",
        "/api/v1/claims?limit=many",
        "/api/v1/events?offset=-1",
        "/api/v1/comparisons?verdict=maybe",
        "/api/v1/search",
        "/api/v1/search?q=%22%22",
        "/api/v1/search?q=--+%2A",
    ],
)
def test_bad_parameters_are_422_in_the_one_error_shape(client: TestClient, url: str) -> None:
    assert api_error(client.get(url), 422)["code"] == "invalid_parameter"


def test_unknown_routes_and_methods_use_the_one_error_shape(client: TestClient) -> None:
    assert api_error(client.get("/api/v1/nothing-here"), 404)["code"] == "not_found"
    assert api_error(client.get("/no/such/page"), 404)["code"] == "not_found"
    assert api_error(client.post("/api/v1/documents"), 405)["code"] == "method_not_allowed"
    page = client.get("/documents/missing", headers=HTML)
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "no document with id" in page.text


def test_openapi_document_lists_every_resource_and_the_docs_are_local(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    paths = set(spec["paths"])
    for resource in RESOURCES:
        assert f"/api/v1/{resource}" in paths
    assert {"/api/v1/documents/{doc_id}", "/api/v1/search"} <= paths
    assert "Page_Entity_" in spec["components"]["schemas"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "/api/v1/search" in docs.text
    assert client.get("/docs", follow_redirects=False).headers["location"] == "/api/v1/docs"


# ---- search -------------------------------------------------------------------------------


def test_search_finds_claims_and_documents_and_links_to_the_sentence(client: TestClient) -> None:
    found = client.get("/api/v1/search", params={"q": "passengers"}).json()
    kinds = {(item["kind"], item["id"]) for item in found["items"]}
    assert {("claim", "c-tribune-0"), ("claim", "c-courier-0"), ("document", "tribune")} <= kinds
    claim = next(item for item in found["items"] if item["id"] == "c-tribune-0")
    start, end = claim["highlights"][0]
    assert claim["snippet"][start:end] == "passengers"
    sentence_start = TEXT_A.index("Coast guard")
    claim_start = TEXT_A.index("41 passengers")
    assert (
        claim["url"] == f"/documents/tribune?mark={claim_start}-{TEXT_A.index('.', claim_start)}#s1"
    )
    assert sentence_start < claim_start


def test_search_takes_phrases_kinds_and_never_raw_fts_syntax(client: TestClient) -> None:
    phrase = client.get("/api/v1/search", params={"q": '"storm warning"', "kind": "claim"}).json()
    assert {item["id"] for item in phrase["items"]} == {"c-courier-1", "c-post-0"}
    assert client.get("/api/v1/search", params={"q": '"warning storm"'}).json()["total"] == 0
    assert client.get("/api/v1/search", params={"q": "sandb*"}).json()["total"] >= 1
    for hostile in ['passengers" OR "x', "NEAR(a b)", "a AND OR", "col:ferry", "ferry)"]:
        assert client.get("/api/v1/search", params={"q": hostile}).status_code == 200


def test_search_index_follows_new_documents(db: Path, client: TestClient) -> None:
    assert client.get("/api/v1/search", params={"q": "lighthouse"}).json()["total"] == 0
    with open_store(db) as store:
        store.put_analysis(
            replace(
                analyses()[2],
                document=make_document(
                    "The old lighthouse keeper watched the ferry.", "keeper", title="Keeper"
                ),
            )
        )
    found = client.get("/api/v1/search", params={"q": "lighthouse"}).json()
    assert [item["id"] for item in found["items"]] == ["keeper"]
    assert client.get("/api/v1/documents").json()["total"] == 4


def test_search_page_escapes_snippets(client: TestClient) -> None:
    page = client.get("/search", params={"q": "reader comment"}).text
    assert "<mark>reader</mark>" in page and "<mark>comment</mark>" in page
    assert "&lt;script&gt;" in page and "<script>window" not in page


# ---- pages --------------------------------------------------------------------------------


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    for url in PAGES:
        html = client.get(url).text
        assert "<script>window" not in html, url
        assert "onerror=" not in html.replace("onerror=&#34;", ""), url
        assert "<b>live</b>" not in html, url
    page = client.get("/documents/tribune").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.__xss = 2&#34;&gt;" in page
    assert "Ferry Gannet runs aground &lt;b&gt;live&lt;/b&gt;" in page


def test_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        sources = re.findall(r'(?:src|href)="([^"]*)"', response.text)
        assert sources and all(s.startswith(("/", "#", "?")) for s in sources), (url, sources)
        assert "style=" not in response.text and "<style" not in response.text, url
        assert not re.search(r"<script(?![^>]*\bsrc=)", response.text), url


def test_document_page_marks_the_followed_passage_in_its_sentence(client: TestClient) -> None:
    start = TEXT_A.index("41 passengers")
    end = TEXT_A.index(".", start)
    page = client.get(f"/documents/tribune?mark={start}-{end}").text
    sentence = re.search(r'<span class="sent sent-target" id="s1">(.*?)</span>\n', page, re.S)
    assert sentence is not None
    marked = "".join(re.findall(r'<span class="[^"]*\bhit\b[^"]*"[^>]*>([^<]*)</span>', page))
    assert marked == TEXT_A[start:end]
    link = '<a class="ent ent-person" title="person: Ilse Varnum" href="/entities/ent-varnum">'
    assert link in page
    assert '<span class="time" title="date: 2023-03-02">2 March</span>' in page
    plain = client.get("/documents/tribune?mark=5-1").text
    assert (
        "sent-target" not in plain and "hit" not in plain.split('id="text"')[1].split("</div>")[0]
    )


def test_timeline_marks_disputed_entries_and_links_comparison_and_sources(
    client: TestClient,
) -> None:
    page = client.get("/timeline").text
    entry = page[page.index('id="t-e-rescue"') :]
    entry = entry[: entry.index("</li>")]
    assert "status-disputed" in page[page.index('id="t-e-rescue"') - 40 :]
    assert 'href="/events/e-rescue"' in entry
    assert 'href="/comparisons/cmp-passengers"' in entry
    assert re.search(r'href="/documents/tribune\?mark=\d+-\d+#s0"', entry)
    assert 'src="/static/timeline.js"' in page


def test_comparison_page_shows_both_claims_with_links_to_their_sentences(
    client: TestClient,
) -> None:
    page = client.get("/comparisons/cmp-passengers").text
    assert "How many passengers were rescued?" in page and "counts 41 passengers" in page
    assert page.count('class="claim-card"') == 2
    assert "<mark>41 passengers were rescued from the vessel</mark>" in page
    links = re.findall(r'class="source-link" href="([^"]+)"', page)
    assert len(links) == 2 and links[0].startswith("/documents/tribune?mark=")
    assert links[0].endswith("#s1") and links[1].startswith("/documents/courier")


def test_overview_lists_documents_counts_and_failures(db: Path, client: TestClient) -> None:
    from triangulate.model import Failure

    with open_store(db) as store:
        store.put_failure(Failure("broken.pdf", "no text layer"))
    page = client.get("/").text
    assert "Maddox Tribune" in page and "Valley Courier" in page and "Island Post" in page
    assert "broken.pdf" in page and "no text layer" in page
    assert "<strong>3</strong> documents" in page


def test_pages_follow_a_changed_store(db: Path, client: TestClient) -> None:
    assert "How many passengers" in client.get("/comparisons").text
    items = analyses()
    with open_store(db) as store:
        store.put_reconciliation(replace(reconciliation(items), comparisons=()))
    assert "How many passengers" not in client.get("/comparisons").text


# ---- security -----------------------------------------------------------------------------


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for url in [
        *PAGES,
        "/api/v1/documents",
        "/api/v1/openapi.json",
        "/static/app.css",
        "/api/v1/documents/none",
        "/static/nope.js",
    ]:
        policy = client.get(url).headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    response = client.get("/")
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2f..%2fapp.py",
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/static/%2e%2e/app.py",
        "/static/../web/app.py",
        "/static/..%5capp.py",
        "/static/%2fetc%2fpasswd",
        "/static/templates/base.html.j2",
        "/static/",
        "/static/..%2f__init__.py",
    ],
)
def test_static_files_cannot_be_escaped(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404, path
    assert "import" not in response.text and "root:" not in response.text


def test_static_assets_are_served_with_their_types(client: TestClient) -> None:
    css = client.get("/static/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    js = client.get("/static/timeline.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]


def test_a_token_guards_every_request(db: Path) -> None:
    with TestClient(create_app(db, token="s3cret-token"), base_url=LOCAL) as guarded:
        for url in ["/", "/api/v1/documents", "/static/app.css", "/api/v1/openapi.json"]:
            assert api_error(guarded.get(url), 401)["code"] == "unauthorized", url
        assert guarded.get("/", headers={"authorization": "Bearer wrong"}).status_code == 401
        bearer = guarded.get("/api/v1/documents", headers={"authorization": "Bearer s3cret-token"})
        assert bearer.status_code == 200 and bearer.json()["total"] == 3
        assert guarded.get("/api/v1/documents?token=nope").status_code == 401
        redirect = guarded.get(
            "/timeline?token=s3cret-token&x=1", headers=HTML, follow_redirects=False
        )
        assert redirect.status_code == 303 and redirect.headers["location"] == "/timeline?x=1"
        cookie = redirect.headers["set-cookie"]
        assert "HttpOnly" in cookie and "s3cret-token" not in cookie
        assert guarded.get("/timeline").status_code == 200  # the cookie now lets the reader in
        guarded.cookies.clear()
        guarded.cookies.set("triangulate_session", "forged")
        assert guarded.get("/timeline").status_code == 401


def test_is_loopback() -> None:
    assert all(is_loopback(h) for h in ["127.0.0.1", "127.5.0.1", "::1", "[::1]", "localhost"])
    assert not any(is_loopback(h) for h in ["0.0.0.0", "192.168.1.4", "::", "example.org", ""])


def test_serve_refuses_a_public_host_without_a_token(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "without an access token" in result.output
    missing = CliRunner().invoke(cli_app, ["serve", "--db", str(db.parent / "absent.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output
