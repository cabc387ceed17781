"""Reading a source (file or URL) into cleaned ``Document``s, choosing the reader by content,
then by content type and name."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import SourceError, UnsupportedFormat
from ..model import Document
from .clean import CleanedText, clean_text
from .decode import check_not_unsupported_binary, check_text_length, decode_text, is_pdf
from .docx_reader import read_docx
from .feed import feed_media_type, looks_like_feed, read_feed
from .html import looks_like_html, read_html
from .metadata import TextMetadata, extract_metadata
from .pdf import read_pdf

MAX_BYTES = 20 * 1024 * 1024
_DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_URL_SOURCE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_ZIP_MAGIC = b"PK\x03\x04"
_UNSUPPORTED_EXTENSIONS = {
    ".doc": "DOC document (DOC is not supported; save it as DOCX)",
    ".odt": "ODT document (ODT is not supported)",
    ".rtf": "RTF document (RTF is not supported)",
    ".epub": "EPUB book (EPUB is not supported)",
}
_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})


def document_id(data: bytes) -> str:
    return "d" + hashlib.sha256(data).hexdigest()[:12]


def read_sources(source: str, *, allow_private: bool = False) -> list[Document]:
    """Every document in one source: a feed (file or URL) gives one per entry with text, any
    other file or URL one.  Raises SourceError saying what is wrong.  ``allow_private`` lets a
    URL reach private, loopback and link-local addresses (refused by default)."""
    if _URL_SOURCE.match(source):
        from .fetch import fetch_url

        fetched = fetch_url(source, allow_private=allow_private)
        suffix = Path(urlsplit(fetched.url).path).suffix.lower()
        return _read_data(source, fetched.data, suffix, fetched.content_type)
    return _read_data(source, _read_bytes(source), Path(source).suffix.lower(), "")


def read_source(source: str, *, allow_private: bool = False) -> Document:
    """The one document of a source.  A feed with a single entry gives that entry; a feed with
    several raises SourceError (read it with ``read_sources``)."""
    documents = read_sources(source, allow_private=allow_private)
    if len(documents) != 1:
        raise SourceError(
            source, f"feed with {len(documents)} entries; read it with read_sources"
        )
    return documents[0]


def _read_data(source: str, data: bytes, suffix: str, content_type: str) -> list[Document]:
    """Choose the reader by content first, then by content type and name."""
    if not data:
        raise SourceError(source, "empty file")
    if is_pdf(data):
        cleaned, metadata = read_pdf(source, data)
        return [build_document(source, data, cleaned, metadata, "application/pdf")]
    if data.startswith(_ZIP_MAGIC):
        cleaned, metadata = read_docx(source, data)
        return [build_document(source, data, cleaned, metadata, _DOCX_MEDIA_TYPE)]
    check_not_unsupported_binary(source, data)
    if suffix in _UNSUPPORTED_EXTENSIONS:
        raise UnsupportedFormat(source, _UNSUPPORTED_EXTENSIONS[suffix])
    text = decode_text(source, data)
    if not text.strip():
        raise SourceError(source, "empty file (only whitespace)")
    if looks_like_feed(text):
        media_type = feed_media_type(data)
        return [
            build_document(entry.source, entry.identity, entry.cleaned, entry.metadata, media_type)
            for entry in read_feed(source, data)
        ]
    if (suffix in _HTML_EXTENSIONS or content_type in _HTML_CONTENT_TYPES
            or looks_like_html(text)):
        url = source if _URL_SOURCE.match(source) else None
        cleaned, metadata = read_html(source, text, url=url)
        media_type = "text/html"
    else:
        check_text_length(source, text)
        cleaned = clean_text(text)
        metadata = extract_metadata(text, cleaned.text, cleaned.removed)
        media_type = "text/markdown" if suffix in _MARKDOWN_EXTENSIONS else "text/plain"
    return [build_document(source, data, cleaned, metadata, media_type)]


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
