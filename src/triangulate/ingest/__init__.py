"""Ingestion: reading sources (text, HTML, PDF, DOCX, RSS/Atom feeds, URLs), cleaning scraped
text, metadata and republication lineage."""

from .clean import CleanedText, clean_text
from .lineage import link_copies
from .metadata import TextMetadata, extract_metadata
from .readers import MAX_BYTES, document_id, read_source, read_sources
from .sources import expand_sources

__all__ = [
    "MAX_BYTES",
    "CleanedText",
    "TextMetadata",
    "clean_text",
    "document_id",
    "expand_sources",
    "extract_metadata",
    "link_copies",
    "read_source",
    "read_sources",
]
