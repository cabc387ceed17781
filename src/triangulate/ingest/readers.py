"""Reading a source (file or URL) into cleaned ``Document``s, choosing the reader by content,
then by content type and name."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import SourceError, UnsupportedFormat
from ..model import Document, Republication
from .clean import CleanedText, clean_text, model_text
from .dates import plausible_published
from .decode import check_not_unsupported_binary, check_text_length, decode_text, is_pdf
from .docx_reader import read_docx
from .feed import feed_media_type, looks_like_feed, read_feed
from .html import looks_like_html, read_html
from .limits import MAX_BYTES, MAX_TEXT_CHARS
from .metadata import TextMetadata, extract_metadata, publisher_named_by_file
from .pdf import read_pdf

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
    URL reach private, loopback and link-local addresses (refused by default).  A feed entry
    that cannot be read is left out (``read_source_entries`` says which and why)."""
    documents, failed = read_source_entries(source, allow_private=allow_private)
    if failed and not documents:
        raise failed[0]
    return documents


def read_source_entries(
    source: str, *, allow_private: bool = False
) -> tuple[list[Document], list[SourceError]]:
    """``read_sources``, with each feed entry that cannot be read failing alone: the documents
    read, and an error naming each entry that could not be."""
    try:
        if _URL_SOURCE.match(source):
            from .fetch import fetch_url

            fetched = fetch_url(source, allow_private=allow_private)
            suffix = Path(urlsplit(fetched.url).path).suffix.lower()
            read = _read_data(source, fetched.data, suffix, fetched.content_type)
        else:
            read = _read_data(source, _read_bytes(source), Path(source).suffix.lower(), "")
        documents = [d for d in read if isinstance(d, Document)]
        return documents, [_readable(e) for e in read if isinstance(e, SourceError)]
    except SourceError as error:
        raise _readable(error) from None


def _readable(error: SourceError) -> SourceError:
    reason = model_text(error.reason)  # parsers quote the bytes they choke on
    return error if reason == error.reason else type(error)(error.source, reason)


def read_source(source: str, *, allow_private: bool = False) -> Document:
    """The one document of a source.  A feed with a single entry gives that entry; a feed with
    several raises SourceError (read it with ``read_sources``)."""
    documents = read_sources(source, allow_private=allow_private)
    if len(documents) != 1:
        raise SourceError(
            source, f"feed with {len(documents)} entries; read it with read_sources"
        )
    return documents[0]


def _read_data(
    source: str, data: bytes, suffix: str, content_type: str
) -> list[Document | SourceError]:
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
        media_type = feed_media_type(text)
        entries: list[Document | SourceError] = []
        for entry in read_feed(source, text):
            try:
                entries.append(
                    build_document(
                        entry.source, entry.identity, entry.cleaned, entry.metadata, media_type
                    )
                )
            except SourceError as error:
                entries.append(error)
        return entries
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
    """The document as it enters the model: every text encodable as UTF-8, the text within
    MAX_TEXT_CHARS and no implausible publication date."""
    text = model_text(cleaned.text)
    if not text.strip():
        raise SourceError(source, "no article text left after removing boilerplate")
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(
            source, f"text too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
        )
    published = plausible_published(metadata.published)
    return Document(
        id=document_id(data),
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        title=_field(metadata.title),
        publisher=_field(metadata.publisher or publisher_named_by_file(
            source, "\n".join((text, *cleaned.removed))
        )),
        authors=tuple(name for name in map(_field, metadata.authors) if name),
        published=published,
        published_precision=metadata.published_precision if published else None,
        published_basis=metadata.published_basis if published else None,
        language=metadata.language,
        dateline=_field(metadata.dateline),
        republished_from=_republication(metadata.republished_from),
        removed=tuple(model_text(line) for line in cleaned.removed),
        media_type=media_type,
    )


def _field(value: str | None) -> str | None:
    return model_text(value) if value is not None else None


def _republication(found: Republication | None) -> Republication | None:
    if found is None:
        return None
    return Republication(
        publisher=_field(found.publisher),
        url=_field(found.url),
        published=plausible_published(found.published),
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
            raise SourceError(source, f"too big ({megabytes:.1f} MB; the limit is "
                                      f"{MAX_BYTES // 1_048_576} MB)")
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
        raise SourceError(source, f"too big (over {MAX_BYTES // 1_048_576} MB)")
    if not data:
        raise SourceError(source, "empty file")
    return data
