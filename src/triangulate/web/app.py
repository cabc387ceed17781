"""The web app: pages and the ``/api/v1`` REST API over one store (``triangulate serve``)."""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from . import api, graph_api, pages, review_api, workspace_api
from .errors import ApiError, install_error_handlers
from .security import LOOPBACK_HOSTS, install_security
from .snapshot import SnapshotSource

STATIC_TYPES = {
    ".css": "text/css",
    ".js": "text/javascript",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}


@lru_cache(maxsize=1)
def static_assets() -> dict[str, tuple[bytes, str]]:
    """Every file shipped in ``web/static`` by name: the only files ``/static/`` serves."""
    folder = resources.files("triangulate.web").joinpath("static")
    assets = {}
    for item in folder.iterdir():
        if item.is_file() and not item.name.startswith("."):
            kind = STATIC_TYPES.get(Path(item.name).suffix) or mimetypes.guess_type(item.name)[0]
            assets[item.name] = (item.read_bytes(), kind or "application/octet-stream")
    return assets


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("triangulate", "web/templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def create_app(
    db_path: str | Path,
    token: str | None = None,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
) -> FastAPI:
    """The web app over the store at ``db_path``.

    It answers only requests whose ``Host`` is one of ``allowed_hosts`` (any port;
    ``security.allowed_hosts_for(bind_host)`` gives those of a bound address). With ``token``,
    every request must present it (``Authorization: Bearer``, ``?token=`` once, then the cookie
    it sets); the token is kept out of the access log.
    """
    source = SnapshotSource(db_path)
    source.warmers = [workspace_api.workspace]

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=source.load_quietly, daemon=True).start()  # while it listens
        yield
        source.close()

    app = FastAPI(
        title="Triangulate",
        version=__version__,
        description="Documents, entities, claims, events, comparisons and the timeline of a "
        "Triangulate store. Lists take `limit` and `offset` and give `total`; every error is "
        '`{"error": {"code", "message", "status"}}`.',
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.source = source
    app.state.templates = _templates()
    install_error_handlers(app)
    install_security(app, token, allowed_hosts)

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> Response:
        asset = static_assets().get(name)
        if asset is None:
            raise ApiError(404, "no such static file")
        body, media_type = asset
        return Response(body, media_type=media_type, headers={"Cache-Control": "max-age=300"})

    app.include_router(api.router)
    app.include_router(graph_api.router)
    app.include_router(workspace_api.router)
    app.include_router(review_api.router)
    app.include_router(pages.router)
    return app
