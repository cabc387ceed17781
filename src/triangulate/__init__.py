"""Triangulate: who says what, when, and where sources agree and disagree."""

from .corpus import Corpus, RunSummary
from .errors import (
    AnalysisError,
    ExportError,
    SourceError,
    StoreError,
    TriangulateError,
    UnsupportedFormat,
)

__version__ = "0.1.0"

__all__ = [
    "Corpus",
    "RunSummary",
    "TriangulateError",
    "SourceError",
    "UnsupportedFormat",
    "AnalysisError",
    "StoreError",
    "ExportError",
]
