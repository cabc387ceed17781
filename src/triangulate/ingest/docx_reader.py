"""DOCX documents: paragraph and table text with python-docx, core properties as metadata.

A DOCX is a ZIP archive: its declared sizes are checked before anything is unpacked, so that a
zip bomb is refused instead of filling memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import datetime
from typing import Any

from ..errors import SourceError, UnsupportedFormat
from .clean import CleanedText, clean_text
from .dates import plausible_published
from .decode import check_text_length
from .limits import (
    COMPRESSION_RATIO_FLOOR_BYTES,
    MAX_COMPRESSION_RATIO,
    MAX_ZIP_MEMBERS,
    MAX_ZIP_UNPACKED_BYTES,
)
from .metadata import TextMetadata, extract_metadata

_DOCX_BODY = "word/document.xml"
# What python-docx's template and common installers leave in the core properties.
_GENERIC_AUTHORS = frozenset({"python-docx", "user", "admin", "administrator", "owner",
                              "unknown", "author", "microsoft office user"})
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
_OTHER_ZIPS = (
    ("application/vnd.oasis.opendocument", "OpenDocument file (ODT is not supported)"),
    ("application/epub", "EPUB book (EPUB is not supported)"),
)


def check_zip(source: str, data: bytes) -> zipfile.ZipFile:
    """Open a ZIP after checking its member count, unpacked size and compression ratio."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise SourceError(source, f"damaged ZIP archive ({error})") from None
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    ratio = unpacked / max(packed, 1)
    if (
        len(members) > MAX_ZIP_MEMBERS
        or unpacked > MAX_ZIP_UNPACKED_BYTES
        or (unpacked > COMPRESSION_RATIO_FLOOR_BYTES and ratio > MAX_COMPRESSION_RATIO)
    ):
        raise SourceError(
            source,
            f"suspicious ZIP (possible zip bomb): {len(members)} members, "
            f"{unpacked / 1_048_576:.1f} MB unpacked, compression ratio {ratio:.0f}",
        )
    return archive


def is_docx(archive: zipfile.ZipFile) -> bool:
    return _DOCX_BODY in archive.namelist()


def read_docx(source: str, data: bytes) -> tuple[CleanedText, TextMetadata]:
    """Cleaned text and metadata of a DOCX file; SourceError for a damaged or unsafe one."""
    archive = check_zip(source, data)
    if not is_docx(archive):
        raise UnsupportedFormat(source, _other_zip_name(archive))
    import docx  # python-docx, only when a DOCX is read

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
        properties = document.core_properties
    except Exception as error:  # python-docx and lxml raise many kinds of errors on bad files
        raise SourceError(source, f"damaged DOCX ({type(error).__name__}: {error})"[:200]) from None
    raw = "\n".join(blocks)
    if not raw.strip():
        raise SourceError(source, "DOCX document has no text")
    check_text_length(source, raw)
    cleaned = clean_text(raw, paragraph_per_line=True)
    metadata = extract_metadata(raw, cleaned.text, cleaned.removed)
    return cleaned, _with_properties(metadata, properties)


def _blocks(document: Any) -> list[str]:
    """Paragraph texts, and table rows as cells joined by "; ", in document order."""
    from docx.table import Table

    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
                blocks.append("; ".join(cell for cell in cells if cell))
        else:
            blocks.append(item.text)
    return [block.replace("\n", " ").strip() for block in blocks]


def _with_properties(metadata: TextMetadata, properties: Any) -> TextMetadata:
    """Title and author fill gaps; the creation date is used when the text states none."""
    title = _text(properties.title)
    author = _text(properties.author)
    authors = metadata.authors
    if author and author.casefold() not in _GENERIC_AUTHORS and not authors:
        authors = tuple(name.strip() for name in re.split(r"[;,]| and ", author) if name.strip())
    metadata = replace(metadata, title=title or metadata.title, authors=authors)
    created = properties.created
    stated = (plausible_published(created.date().isoformat())
              if isinstance(created, datetime) and created.replace(tzinfo=None) != _TEMPLATE_CREATED
              else None)
    if stated and not metadata.published:
        metadata = replace(metadata, published=stated, published_precision="day",
                           published_basis="metadata")
    return metadata


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _other_zip_name(archive: zipfile.ZipFile) -> str:
    try:
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
    except (KeyError, zipfile.BadZipFile, OSError):
        mimetype = ""
    for prefix, name in _OTHER_ZIPS:
        if mimetype.startswith(prefix):
            return name
    return "ZIP archive that is not a DOCX document"
