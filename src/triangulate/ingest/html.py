"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import SourceError
from .boilerplate import is_prose
from .clean import CleanedText, clean_text
from .dates import parse_date
from .decode import check_text_length
from .metadata import TextMetadata, extract_metadata

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|li|ul|table|script|meta)\b",
                  re.IGNORECASE)
_MIN_TAGS = 5
_TAG_DENSITY = 1 / 400


def looks_like_html(text: str) -> bool:
    """A document that opens like HTML or is dense with common tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    tags = len(_TAG.findall(head))
    return tags >= _MIN_TAGS and tags >= _TAG_DENSITY * len(head)


def read_html(
    source: str, html: str, *, url: str | None = None
) -> tuple[CleanedText, TextMetadata]:
    """Main text of an HTML page, cleaned, with its metadata (HTML metadata wins over text);
    ``url`` is where the page was fetched from, when it was."""
    import trafilatura  # heavy import, only when an HTML page is read

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not body:
        raise SourceError(source, "no article text found in the HTML page")
    check_text_length(source, body)
    cleaned = clean_text(body, paragraph_per_line=True)
    if not any(is_prose(paragraph) for paragraph in cleaned.text.split("\n\n")):
        # trafilatura falls back to menu words when a page has no article
        raise SourceError(source, "no article text found in the HTML page (no sentence of prose)")
    from_text = extract_metadata(body, cleaned.text, cleaned.removed)
    title = _field(extracted, "title")
    sitename = _field(extracted, "sitename")
    author = _field(extracted, "author")
    stated = parse_date(_field(extracted, "date") or "", "iso")
    metadata = replace(
        from_text,
        title=title or from_text.title,
        publisher=sitename or from_text.publisher,
        authors=_authors(author) or from_text.authors,
    )
    if stated:
        metadata = replace(
            metadata, published=stated, published_precision="day", published_basis="metadata"
        )
    return cleaned, metadata


def _field(extracted: object, name: str) -> str | None:
    value = getattr(extracted, name, None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    return tuple(dict.fromkeys(name.strip() for name in author.split(";") if name.strip()))
