"""HTML pages: main text and metadata with trafilatura; a page too large for it (see
``limits``) is read cheaply instead: the text of its body's blocks and the metadata of its
``<meta>`` tags."""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass, replace
from typing import Any

from ..errors import SourceError
from .boilerplate import is_prose
from .clean import CleanedText, clean_text
from .dates import parse_date, plausible_published
from .decode import check_text_length
from .limits import MAX_HTML_CHARS, MAX_HTML_ELEMENTS
from .metadata import TextMetadata, extract_metadata

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|li|ul|table|script|meta)\b",
                  re.IGNORECASE)
_MIN_TAGS = 5
_TAG_DENSITY = 1 / 400
_BLOCK_END = re.compile(
    r"<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|blockquote|tr|section|article|figure|ul|ol|table))"
    r"\s*>", re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")  # lxml refuses it in a str
_NOT_TEXT = "//script|//style|//noscript|//template"
_NOT_ARTICLE = f"{_NOT_TEXT}|//nav|//header|//footer|//aside|//form"
_META_NAMES = {
    "title": ("og:title", "twitter:title"),
    "sitename": ("og:site_name", "application-name"),
    "author": ("author", "article:author", "dc.creator"),
    "date": ("article:published_time", "datepublished", "pubdate", "date", "dc.date"),
}


@dataclass(frozen=True)
class _Extracted:
    """What the cheap reading of a page finds, under the names trafilatura uses."""

    text: str
    title: str | None = None
    sitename: str | None = None
    author: str | None = None
    date: str | None = None


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
    extracted: Any
    if len(html) > MAX_HTML_CHARS or html.count("<") - html.count("</") > MAX_HTML_ELEMENTS:
        extracted = _read_cheaply(source, html)
    else:
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
    stated = plausible_published(parse_date(_field(extracted, "date") or "", "iso"))
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


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment, with a blank line after each block element."""
    from lxml import etree
    from lxml import html as lxml_html

    marked = _BLOCK_END.sub("\n\n\\g<0>", markup)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError):
        return html_entities.unescape(re.sub(r"<[^>]+>", " ", marked))
    return _text_content(root, _NOT_TEXT)


def _read_cheaply(source: str, page: str) -> _Extracted:
    """The text of the body's blocks without scripts, navigation, headers, footers and forms,
    and the metadata of the ``<meta>`` tags, with lxml alone."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        marked = _BLOCK_END.sub("\n\n\\g<0>", _XML_DECLARATION.sub("", page, count=1))
        root = lxml_html.document_fromstring(marked)
    except (etree.ParserError, ValueError) as error:
        raise SourceError(source, f"damaged HTML page ({error})"[:200]) from None
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        for field, names in _META_NAMES.items():
            if key in names and content and field not in found:
                found[field] = content
    title = root.find(".//title")
    if "title" not in found and title is not None and title.text:
        found["title"] = title.text
    body = root.find("body")
    text = _text_content(body, _NOT_ARTICLE) if body is not None else ""
    return _Extracted(text=text, **found)


def _text_content(root: Any, dropped: str) -> str:
    for element in root.xpath(dropped):
        element.drop_tree()
    return str(root.text_content())
