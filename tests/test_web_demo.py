"""Every page of the web app over the demo corpus (examples/) answers 200, walked over HTTP."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from fastapi.testclient import TestClient

from triangulate import Corpus
from triangulate.web import create_app

from .conftest import REPO

LOCAL = "http://127.0.0.1"  # the Host the app answers on loopback


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db: Path = tmp_path_factory.mktemp("demo-http") / "demo.db"
    with Corpus.open(db) as corpus:
        assert corpus.analyze([str(REPO / "examples")], executor="serial").ok
    return TestClient(create_app(db), base_url=LOCAL)


def test_every_page_reachable_from_the_overview_answers(client: TestClient) -> None:
    queue, seen, failed = ["/"], set(), []
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            failed.append((path, response.status_code))
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        for href in re.findall(r'href="(/[^"]*)"', response.text):
            link = urldefrag(href.replace("&amp;", "&"))[0]
            if link and not link.startswith(("/static/", "/api/")) and link not in seen:
                queue.append(link)
    assert not failed, failed
    kinds = {path.split("/")[1].split("?")[0] for path in seen}
    assert {"timeline", "comparisons", "documents", "entities", "events", "map"} <= kinds
    assert len(seen) > 100
