"""What the web app's tests share: the loopback address the app answers on, the HTML accept
header, a test client on a store, and the check of the API's one error shape."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from triangulate.web import create_app

LOCAL = "http://127.0.0.1"  # the Host the app answers on loopback
HTML = {"accept": "text/html"}


@contextmanager
def app_client(db: Path) -> Iterator[TestClient]:
    """A test client of the web app on the store ``db``."""
    with TestClient(create_app(db), base_url=LOCAL) as client:
        yield client


def api_error(response: Any, status: int) -> dict[str, Any]:
    """The error object of ``response``, checked: its ``status``, in the one error shape."""
    assert response.status_code == status, (response.status_code, response.text[:200])
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    return dict(body["error"])
