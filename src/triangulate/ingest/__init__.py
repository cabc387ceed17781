"""Ingestion: reading sources (text, HTML, PDF, DOCX, RSS/Atom feeds, URLs), cleaning scraped
text, metadata and republication lineage."""

from .clean import CleanedText, clean_text
from .limits import MAX_BYTES
from .lineage import link_copies
from .metadata import TextMetadata, extract_metadata
from .readers import document_id, read_source, read_source_entries, read_sources
from .sources import SkippedSource, expand_sources, find_sources

__all__ = [
    "MAX_BYTES",
    "CleanedText",
    "SkippedSource",
    "TextMetadata",
    "clean_text",
    "document_id",
    "expand_sources",
    "extract_metadata",
    "find_sources",
    "link_copies",
    "read_source",
    "read_source_entries",
    "read_sources",
]
