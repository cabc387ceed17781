"""A reviewed verdict says so wherever a verdict is shown: who reviewed it, when, and the
machine's verdict beside it (the comparisons list, the disputes view and API, the timeline, the
HTML report)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from triangulate.corpus import Corpus  # noqa: E402
from triangulate.outputs.report import render_report  # noqa: E402

from .web_client import HTML, app_client  # noqa: E402
from .web_corpus import build_store  # noqa: E402

CHANGE = {
    "action": "set_verdict",
    "target": "cmp-passengers",
    "verdict": "update",
    "reviewer": "Ana Ruiz",
    "note": "the Courier counted later",
}
MARK = re.compile(
    r'class="reviewed review-set_verdict"[^>]*>reviewed by <strong class="reviewer">Ana Ruiz'
    r"</strong> on (<time[^>]*>)?\d{4}-\d\d-\d\d(</time>)?</span> <span class=\"machine-verdict\">"
    r'the analysis said <s class="verdict v-conflict">conflict</s>'
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "web.db")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with app_client(db) as test_client:
        yield test_client


def _section(page: str, element_id: str) -> str:
    """The element with ``element_id`` up to the next element of the same kind."""
    start = page.index(f'id="{element_id}"')
    return page[start : page.find('id="', start + len(element_id) + 5)]


def test_no_marker_before_a_review(client: TestClient) -> None:
    for path in ("/comparisons", "/disputes", "/timeline"):
        assert 'class="reviewed' not in client.get(path, headers=HTML).text, path


def test_a_reviewed_verdict_is_marked_on_comparisons_disputes_and_timeline(
    client: TestClient,
) -> None:
    assert client.post("/api/v1/adjudications", json=CHANGE).status_code == 201

    comparisons = client.get("/comparisons", headers=HTML).text
    card = comparisons[comparisons.index('id="cmp-passengers"') :]
    assert MARK.search(card.split('<section class="card comparison"')[0])
    assert comparisons.count('class="reviewed') == 1  # the other comparisons are not reviewed

    disputes = client.get("/disputes", headers=HTML).text
    assert len(MARK.findall(disputes)) == 2  # the row's summary and its folded verdict
    assert '<span class="verdict v-update">update</span> <span class="reviewed' in disputes

    timeline = client.get("/timeline", headers=HTML).text
    assert 'href="/comparisons/cmp-passengers"' in timeline and MARK.search(timeline)

    api = client.get("/api/v1/disputes").json()["items"]
    judgements = [j for d in api for j in d["judgements"] if j["comparison"] == "cmp-passengers"]
    (judgement,) = judgements
    assert judgement["verdict"] == "update"
    assert judgement["review"]["machine_verdict"] == "conflict"
    assert judgement["review"]["reviewer"] == "Ana Ruiz"


def test_a_confirmed_or_rejected_verdict_is_marked_without_a_struck_verdict(
    client: TestClient,
) -> None:
    confirm = {"action": "confirm", "target": "cmp-passengers", "reviewer": "Ben"}
    assert client.post("/api/v1/adjudications", json=confirm).status_code == 201
    page = client.get("/comparisons", headers=HTML).text
    assert 'class="reviewed review-confirm">confirmed by <strong class="reviewer">Ben' in page
    assert "the analysis said" not in page
    reject = {"action": "reject", "target": "cmp-passengers", "reviewer": "Cleo"}
    assert client.post("/api/v1/adjudications", json=reject).status_code == 201
    page = client.get("/disputes", headers=HTML).text
    assert 'class="reviewed review-reject">rejected by <strong class="reviewer">Cleo' in page
    assert "confirmed by" not in page  # superseded


def test_the_report_marks_a_reviewed_verdict(client: TestClient, db: Path) -> None:
    with Corpus.open(db) as corpus:
        before = render_report(corpus.analyses(), corpus.reconciliation(), [])
    assert 'class="reviewed' not in before and before.startswith("<!doctype html>")
    assert client.post("/api/v1/adjudications", json=CHANGE).status_code == 201
    with Corpus.open(db) as corpus:
        report = render_report(corpus.analyses(), corpus.reconciliation(), [])
    comparison = report[report.index('<article id="cmp-passengers">') :].split("</article>")[0]
    assert comparison.startswith(
        '<article id="cmp-passengers">\n<h3><span class="verdict v-update">update</span>'
    )
    assert MARK.search(comparison) and "the Courier counted later" in comparison
    disputes = report[report.index('id="disputes"') : report.index('id="sources"')]
    assert len(MARK.findall(disputes)) == 2
