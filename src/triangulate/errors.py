"""The exception tree.  Every error the library raises on purpose is a ``TriangulateError``.

TriangulateError
├── SourceError          a source cannot be read (missing, empty, binary, undecodable, too big)
│   └── UnsupportedFormat   a readable file of a kind no reader handles
├── AnalysisError        a stage failed on a document
├── StoreError           the store cannot be opened, migrated or written
└── ExportError          an output cannot be produced
"""

from __future__ import annotations


class TriangulateError(Exception):
    """Base of every error Triangulate raises on purpose."""


class SourceError(TriangulateError):
    """A source cannot be read; ``source`` names it and ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(SourceError):
    """A file of a kind that no reader handles."""


class AnalysisError(TriangulateError):
    """A pipeline stage failed on a document."""


class StoreError(TriangulateError):
    """The store cannot be opened, migrated or written."""


class ExportError(TriangulateError):
    """An output cannot be produced."""
