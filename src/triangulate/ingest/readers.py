"""Reading one source into a cleaned ``Document``, choosing the reader by content and name."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from ..errors import SourceError, UnsupportedFormat
from ..model import Document
from .clean import CleanedText, clean_text
from .decode import check_not_unsupported_binary, decode_text, is_pdf
from .html import looks_like_html, read_html
from .metadata import TextMetadata, extract_metadata

MAX_BYTES = 20 * 1024 * 1024
_URL_SOURCE = re.compile(r"^(?:https?|ftp)://", re.IGNORECASE)
_FEED = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b",
                   re.IGNORECASE | re.DOTALL)
_UNSUPPORTED_EXTENSIONS = {
    ".docx": "DOCX document (DOCX is not supported yet)",
    ".doc": "DOC document (DOC is not supported)",
    ".odt": "ODT document (ODT is not supported yet)",
    ".rtf": "RTF document (RTF is not supported yet)",
    ".epub": "EPUB book (EPUB is not supported)",
    ".rss": "RSS feed (feeds are not supported yet)",
    ".atom": "Atom feed (feeds are not supported yet)",
}
_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})


def document_id(data: bytes) -> str:
    return "d" + hashlib.sha256(data).hexdigest()[:12]


def read_source(source: str) -> Document:
    """Read one path into a cleaned Document, or raise SourceError saying what is wrong."""
    if _URL_SOURCE.match(source):
        raise UnsupportedFormat(source, "URLs are not supported yet; save the page as a file")
    data = _read_bytes(source)
    suffix = Path(source).suffix.lower()
    if is_pdf(data):
        raise UnsupportedFormat(source, "PDF file (PDF reading is not supported yet)")
    check_not_unsupported_binary(source, data)
    if suffix in _UNSUPPORTED_EXTENSIONS:
        raise UnsupportedFormat(source, _UNSUPPORTED_EXTENSIONS[suffix])
    text = decode_text(source, data)
    if not text.strip():
        raise SourceError(source, "empty file (only whitespace)")
    if _FEED.match(text[:4096]):
        raise UnsupportedFormat(source, "RSS/Atom feed (feeds are not supported yet)")
    if suffix in _HTML_EXTENSIONS or looks_like_html(text):
        cleaned, metadata = read_html(source, text)
        media_type = "text/html"
    else:
        cleaned = clean_text(text)
        metadata = extract_metadata(text, cleaned.text, cleaned.removed)
        media_type = "text/markdown" if suffix in _MARKDOWN_EXTENSIONS else "text/plain"
    return build_document(source, data, cleaned, metadata, media_type)


def build_document(
    source: str, data: bytes, cleaned: CleanedText, metadata: TextMetadata, media_type: str
) -> Document:
    if not cleaned.text.strip():
        raise SourceError(source, "no article text left after removing boilerplate")
    return Document(
        id=document_id(data),
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        text=cleaned.text,
        title=metadata.title,
        publisher=metadata.publisher,
        authors=metadata.authors,
        published=metadata.published,
        published_precision=metadata.published_precision,
        published_basis=metadata.published_basis,
        language=metadata.language,
        republished_from=metadata.republished_from,
        removed=cleaned.removed,
        media_type=media_type,
    )


def _read_bytes(source: str) -> bytes:
    path = Path(source)
    try:
        if not path.exists():
            raise SourceError(source, "no such file")
        if path.is_dir():
            raise SourceError(source, "is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            megabytes = size / 1_048_576
            raise SourceError(source, f"too big ({megabytes:.1f} MB; the limit is 20 MB)")
        if size == 0:
            raise SourceError(source, "empty file")
        if not os.access(path, os.R_OK):
            raise SourceError(source, "cannot be read (permission denied)")
        data = path.read_bytes()
    except SourceError:
        raise
    except PermissionError:
        raise SourceError(source, "cannot be read (permission denied)") from None
    except OSError as error:
        raise SourceError(source, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise SourceError(source, "too big (over 20 MB)")
    if not data:
        raise SourceError(source, "empty file")
    return data
