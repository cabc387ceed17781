"""The web app and REST API over a store: ``create_app(db_path, token, allowed_hosts)``."""

from .app import create_app

__all__ = ["create_app"]
