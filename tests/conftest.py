"""Shared fixtures: small hand-built documents and analyses (never the seed articles)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from triangulate.model import Analysis, Document

from .postgres_server import PostgresServer, ServerUnavailable, start_server

REPO = Path(__file__).resolve().parents[1]
# The shared folder (schema, gold, scorer, data): next to the repository unless told otherwise.
SHARED = Path(os.environ.get("TRIANGULATE_SHARED", REPO.parent / "shared"))


def make_document(text: str, doc_id: str = "d1", **fields: object) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    values: dict[str, object] = {"language": "en", "source": f"{doc_id}.txt"}
    values.update(fields)
    return Document(id=doc_id, sha256=sha, text=text, **values)  # type: ignore[arg-type]


@pytest.fixture
def tiny_analysis() -> Analysis:
    return Analysis(document=make_document("The mayor opened the bridge on 3 May 2019."))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium for the browser tests of one module (tests/browser/harness.py)."""
    from .browser.harness import chromium

    with chromium() as driver:
        yield driver


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        server = start_server()
    except ServerUnavailable as why:
        pytest.skip(f"no PostgreSQL server: {why}")
    yield server
    server.stop()
