"""Storage behind one interface: SQLite (one file) by default."""

from .base import Store
from .sqlite import SQLiteStore, open_store

__all__ = ["Store", "SQLiteStore", "open_store"]
