"""Where a store lives: a SQLite file (a path, the default) or a PostgreSQL server (a URL)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError
from .base import Store

SERVER_SCHEMES = ("postgresql", "postgres")


def is_server_location(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a file."""
    return isinstance(location, str) and urlsplit(location).scheme in SERVER_SCHEMES


def store_exists(location: str | Path) -> bool:
    """Whether there is a store at ``location``: a file that exists, or any server URL (the
    server says whether it can be used when the store is opened)."""
    if is_server_location(location):
        return True
    return _sqlite_path(location).exists()


def shown_location(location: str | Path) -> str:
    """``location`` as it can be printed: a URL's password replaced by ``***``."""
    text = str(location)
    if not is_server_location(text):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{parts.username or ''}:***@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating if needed) the store at ``location``.

    A path or ``sqlite:///path`` opens SQLite; ``postgresql://...`` (or ``postgres://``) a
    database on a PostgreSQL server, which must exist.
    """
    if is_server_location(location):
        from .postgres import PostgresStore

        return PostgresStore(str(location))
    from .sqlite import SQLiteStore

    return SQLiteStore(_sqlite_path(location))


def _sqlite_path(location: str | Path) -> Path:
    text = str(location)
    if text.startswith("sqlite:///"):
        return Path(text[len("sqlite:///") :])
    if "://" in text:
        raise StoreError(
            f"{shown_location(text)}: unsupported store (a SQLite file or a postgresql:// URL)"
        )
    return Path(text)
