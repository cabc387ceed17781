"""The web app against hostile requests: foreign Host names (DNS rebinding), the token in logs,
odd parameter values on every endpoint, hostile article markup, and concurrent requests that
must not reload the store again and again."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import httpx  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from triangulate.store import open_store  # noqa: E402
from triangulate.web import create_app  # noqa: E402
from triangulate.web.security import (  # noqa: E402
    REDACTED,
    TokenRedactor,
    allowed_hosts_for,
    host_name,
    redact_query,
)
from triangulate.web.snapshot import Snapshot, SnapshotSource  # noqa: E402

from .browser.harness import serve  # noqa: E402
from .conftest import make_document  # noqa: E402
from .test_report_escaping import HOSTILE, _hostile_store  # noqa: E402
from .web_corpus import analyses, build_store, reconciliation  # noqa: E402

LOCAL = "http://127.0.0.1"
TOKEN = "s3cret-token"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "web.db")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False) as test:
        yield test


def _error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, response.text[:200])
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    return dict(body["error"])


# ---- Host names ---------------------------------------------------------------------------


def test_host_name_drops_the_port() -> None:
    assert host_name("127.0.0.1:8000") == "127.0.0.1"
    assert host_name("LocalHost") == "localhost"
    assert host_name("[::1]:8000") == host_name("[::1]") == host_name("::1") == "::1"
    assert host_name("evil.example:80") == "evil.example"


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]:8000", "[::1]"]
)
def test_loopback_host_names_are_answered(db: Path, host: str) -> None:
    with TestClient(create_app(db), base_url=LOCAL) as client:
        response = client.get("/api/v1/documents", headers={"host": host})
        assert response.status_code == 200 and response.json()["total"] == 3


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.", ""]
)
def test_foreign_host_names_are_refused_before_anything_is_read(db: Path, host: str) -> None:
    for token in (None, TOKEN):
        with TestClient(create_app(db, token=token), base_url=LOCAL) as client:
            for url in ["/api/v1/documents", "/", "/api/v1/search?q=ferry", "/static/app.css"]:
                error = _error(client.get(url, headers={"host": host}), 400)
                assert error["code"] == "bad_request", url
            headers = {"host": host, "authorization": f"Bearer {TOKEN}"}
            _error(client.get("/api/v1/documents/tribune", headers=headers), 400)


def test_a_bound_address_and_every_address(db: Path) -> None:
    assert allowed_hosts_for("127.0.0.1") == ("127.0.0.1", "localhost", "::1", "127.0.0.1")
    lan = create_app(db, allowed_hosts=allowed_hosts_for("192.168.1.4"))
    with TestClient(lan, base_url=LOCAL) as client:
        for host in ("192.168.1.4:8000", "localhost"):
            assert client.get("/api/v1/failures", headers={"host": host}).status_code == 200
        _error(client.get("/api/v1/failures", headers={"host": "evil.example"}), 400)
    assert allowed_hosts_for("0.0.0.0") == allowed_hosts_for("[::]") == ("*",)
    with pytest.raises(ValueError, match="access token"):
        create_app(db, allowed_hosts=allowed_hosts_for("0.0.0.0"))
    every = create_app(db, token=TOKEN, allowed_hosts=allowed_hosts_for("0.0.0.0"))
    with TestClient(every, base_url="http://server.lan") as client:
        _error(client.get("/api/v1/failures"), 401)
        bearer = {"authorization": f"Bearer {TOKEN}"}
        assert client.get("/api/v1/failures", headers=bearer).status_code == 200


# ---- the token stays out of the logs ------------------------------------------------------


def test_redact_query_hides_every_spelling_of_the_token_parameter() -> None:
    assert redact_query("/x?token=abc&y=1") == f"/x?token={REDACTED}&y=1"
    assert redact_query("/x?y=1&TOKEN=abc") == f"/x?y=1&TOKEN={REDACTED}"
    assert redact_query("/x?tok%65n=abc") == f"/x?tok%65n={REDACTED}"
    assert redact_query("/x?tokens=abc&a=token=abc") == "/x?tokens=abc&a=token=abc"
    assert redact_query("/x/token=abc") == "/x/token=abc"


def test_the_filter_redacts_an_access_log_record() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/timeline?token={TOKEN}&x=1", "1.1", 303),
        None,
    )
    assert TokenRedactor().filter(record)
    assert TOKEN not in record.getMessage() and REDACTED in record.getMessage()


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def test_the_served_app_never_writes_the_token_to_the_access_log(db: Path) -> None:
    lines = _Lines()
    with serve(create_app(db, token=TOKEN), log_level="info") as url:
        access = logging.getLogger("uvicorn.access")
        access.addHandler(lines)
        try:
            page = httpx.get(f"{url}/timeline?token={TOKEN}&x=1", headers={"accept": "text/html"})
            assert page.status_code == 303 and TOKEN not in page.headers["location"]
            api = httpx.get(f"{url}/api/v1/documents?tok%65n={TOKEN}")
            assert api.status_code == 200
            assert httpx.get(f"{url}/api/v1/documents?token=wrong").status_code == 401
        finally:
            access.removeHandler(lines)
    assert len(lines.lines) == 3 and "GET /timeline?token=" in lines.lines[0]
    assert all(TOKEN not in line and "wrong" not in line for line in lines.lines), lines.lines


# ---- odd parameter values -----------------------------------------------------------------

ODD = [
    "-1",
    "0",
    "1.5",
    "1e3",
    "",
    " ",
    "x",
    "99999999999999999999999",
    "9223372036854775808",
    "9" * 5000,
    "\x00",
    "ferry\x00",
    "é漢字🙂",
    "١٢",
    "²",
    "a" * 5000,
    '"',
    'ferry"',
    "AND OR (",
    "*",
    "ferry*",
    "NEAR(a b)",
    "col:ferry",
    "%",
    "null",
    "1-" + "9" * 5000,
    "0-1",
]
PATH_IDS = {
    "{doc_id}": "tribune",
    "{entity_id}": "ent-port",
    "{claim_id}": "c-post-0",
    "{event_id}": "e-rescue",
    "{comparison_id}": "cmp-warning",
}
PAGES = {
    "/": [],
    "/timeline": ["status"],
    "/comparisons": ["verdict"],
    "/entities": ["type"],
    "/map": [],
    "/search": ["q", "page"],
    "/documents/{doc_id}": ["mark"],
    "/comparisons/{comparison_id}": [],
    "/events/{event_id}": [],
    "/entities/{entity_id}": [],
}


def _endpoints(client: TestClient) -> dict[str, list[str]]:
    spec = client.get("/api/v1/openapi.json").json()
    endpoints = {
        path: [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
        for path, ops in spec["paths"].items()
        if "get" in ops
    }
    assert {"/api/v1/search", "/api/v1/documents", "/api/v1/graph"} <= set(endpoints)
    return {**endpoints, **PAGES}


def test_no_parameter_value_makes_any_endpoint_fail(client: TestClient) -> None:
    failures = []
    for path, names in _endpoints(client).items():
        for value in ODD:
            for use_id in (True, False):
                url = path
                for slot, good in PATH_IDS.items():
                    url = url.replace(slot, good if use_id else value.replace("\x00", "") or "-")
                for name in names or [None]:
                    params = {"q": "ferry"} if "q" in names else {}
                    if name is not None:
                        params[name] = value
                    response = client.get(url, params=params)
                    if response.status_code >= 500:
                        failures.append((path, name, value[:20], response.status_code))
                    elif response.status_code >= 400 and url.startswith("/api/"):
                        _error(response, response.status_code)
    assert not failures


def test_the_two_parameters_that_reached_sqlite_are_invalid_parameters(client: TestClient) -> None:
    for offset in ("9223372036854775808", "1000000001"):
        error = _error(client.get("/api/v1/search", params={"q": "ferry", "offset": offset}), 422)
        assert error["code"] == "invalid_parameter" and "offset" in error["message"]
    last = client.get("/api/v1/search", params={"q": "ferry", "offset": 10**9})
    assert last.status_code == 200 and last.json()["items"] == []
    for query in ("ferry\x00", "\x00", '"storm\x00warning"'):
        error = _error(client.get("/api/v1/search", params={"q": query}), 422)
        assert "NUL" in error["message"]
    page = client.get("/search", params={"q": "ferry\x00"})
    assert page.status_code == 200 and "ferry" in page.text
    marked = client.get("/documents/tribune", params={"mark": "1-" + "9" * 5000})
    assert marked.status_code == 200 and "sent-target" not in marked.text


# ---- hostile markup on the pages ----------------------------------------------------------


def test_pages_escape_hostile_markup_from_documents(tmp_path: Path) -> None:
    db = _hostile_store(tmp_path / "hostile.db")
    with TestClient(create_app(db), base_url=LOCAL) as client:
        urls = [
            "/",
            "/timeline",
            "/comparisons",
            "/comparisons/cmp-passengers",
            "/events/e-rescue",
            "/entities",
            "/entities/ent-gannet",
            "/entities/ent-port",
            "/documents/tribune",
            "/search?q=everything",
            "/search?q=claim",
        ]
        for url in urls:
            html = client.get(url).text
            for raw in (*HOSTILE, '<meta http-equiv="refresh', '<form action="https', "<!--"):
                assert raw not in html, (url, raw)
        assert "&lt;meta http-equiv=&#34;refresh&#34;" in client.get("/documents/tribune").text


# ---- one reload per change ----------------------------------------------------------------


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    count = [0]
    build = Snapshot.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Snapshot], *args: Any) -> Snapshot:
        count[0] += 1
        return build(cls, *args)  # type: ignore[no-any-return]

    monkeypatch.setattr(Snapshot, "build", classmethod(counting))
    return count


def test_concurrent_searches_load_the_store_once_until_it_changes(
    db: Path, builds: list[int]
) -> None:
    source = SnapshotSource(db)

    def search(_: int) -> int:
        snapshot = source.current()
        with source.store() as store:
            total, _hits = store.search("passengers")
        assert snapshot.claims
        return total

    with ThreadPoolExecutor(8) as pool:
        totals = list(pool.map(search, range(200)))
    assert builds[0] == 1 and set(totals) == {totals[0]} and totals[0] >= 3

    items = analyses()
    with open_store(db) as store:
        store.put_reconciliation(reconciliation(items[:2]))
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(lambda _: len(source.current().claims), range(50))) == {3}
    assert builds[0] == 2
    source.close()


def test_a_decision_is_applied_to_the_results_kept_without_reading_them_again(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triangulate.review import DecisionRequest, decide
    from triangulate.store import SQLiteStore

    reads = [0]
    read = SQLiteStore.reconciliation

    def counting(self: SQLiteStore) -> Any:
        reads[0] += 1
        return read(self)

    monkeypatch.setattr(SQLiteStore, "reconciliation", counting)
    source = SnapshotSource(db)
    first = source.current()
    with open_store(db) as store:
        store.add_adjudication(
            decide(first.reconciliation, DecisionRequest("set_verdict", "cmp-passengers",
                                                         "Ana", verdict="agree"))
        )
    second = source.current()
    assert second.comparisons["cmp-passengers"].verdict == "agree"
    assert reads == [1] and second.stored is first.stored  # texts read so far are kept too
    with open_store(db) as store:  # a document added: its outline read, the results kept
        store.put_analysis(replace(analyses()[0], document=make_document("Later.", "later")))
    third = source.current()
    assert reads == [1] and "later" in third.outlines and third.stored is not first.stored
    with open_store(db) as store:
        store.put_reconciliation(reconciliation(analyses()[:2]))
    fourth = source.current()
    assert reads == [2] and fourth.comparisons["cmp-passengers"].verdict == "agree"  # still
    source.close()


def test_concurrent_first_searches_over_http_all_answer(db: Path, builds: list[int]) -> None:
    with TestClient(create_app(db), base_url=LOCAL) as client:

        def get(_: int) -> int:
            return client.get("/api/v1/search", params={"q": "ferry"}).status_code

        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(get, range(80))) == {200}
    assert builds[0] == 1
