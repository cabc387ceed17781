"""Storage behind one interface: SQLite (one file) by default, or a PostgreSQL database."""

from .base import Store
from .locations import is_server_location, open_store, shown_location, store_exists
from .sqlite import SQLiteStore

__all__ = [
    "Store",
    "SQLiteStore",
    "is_server_location",
    "open_store",
    "shown_location",
    "store_exists",
]
