"""RSS and Atom feeds with feedparser: one document per entry that has text.

An entry's text is its title followed by its content, or its summary when it carries no content
(feeds often give only a teaser: the linked page is not fetched).  Its ``source`` is the feed's
source, ``#`` and the entry's number counted from 1.
"""

from __future__ import annotations

import html
import io
import re
import time
from dataclasses import dataclass, replace
from typing import Any

from ..errors import SourceError
from .clean import CleanedText, clean_text
from .decode import check_text_length
from .metadata import TextMetadata, extract_metadata

_FEED_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    r"<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_END = re.compile(
    r"<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|blockquote|tr|section|article|figure|ul|ol|table))"
    r"\s*>", re.IGNORECASE,
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


@dataclass(frozen=True)
class FeedEntry:
    """One entry read from a feed: where it is, its text and metadata, and its identity bytes."""

    source: str
    cleaned: CleanedText
    metadata: TextMetadata
    identity: bytes


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_START.match(text[:4096]))


def feed_media_type(data: bytes) -> str:
    return "application/atom+xml" if b"http://www.w3.org/2005/Atom" in data[:4096] else \
        "application/rss+xml"


def read_feed(source: str, data: bytes) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed that have text, in feed order."""
    import feedparser  # only when a feed is read; always given bytes so it never fetches

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    entries: list[Any] = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            problem = str(parsed.get("bozo_exception", "not well-formed XML"))[:120]
            raise SourceError(source, f"malformed feed ({problem})")
        raise SourceError(source, "feed has no entries")
    publisher = _clean_field(parsed.feed.get("title"))
    read: list[FeedEntry] = []
    for number, entry in enumerate(entries, 1):
        found = _read_entry(f"{source}#{number}", entry, publisher)
        if found is not None:
            read.append(found)
    if not read:
        raise SourceError(source, f"none of the feed's {len(entries)} entries has text")
    return read


def _read_entry(source: str, entry: Any, publisher: str | None) -> FeedEntry | None:
    title = _clean_field(entry.get("title"))
    body = _entry_body(entry)
    if not body.strip():
        return None
    raw = f"{title}\n\n{body}" if title else body
    check_text_length(source, raw)
    cleaned = clean_text(raw)
    if not cleaned.text.strip():
        return None
    metadata = extract_metadata(raw, cleaned.text, cleaned.removed)
    published = _entry_date(entry)
    metadata = replace(
        metadata,
        title=title or metadata.title,
        publisher=publisher or metadata.publisher,
        authors=_entry_authors(entry) or metadata.authors,
    )
    if published:
        metadata = replace(metadata, published=published, published_precision="day",
                           published_basis="metadata")
    link = _clean_field(entry.get("link")) or ""
    identity = "\n".join((link, title or "", cleaned.text)).encode("utf-8")
    return FeedEntry(source=source, cleaned=cleaned, metadata=metadata, identity=identity)


def _entry_body(entry: Any) -> str:
    """The longest content of the entry, else its summary, as plain text."""
    candidates: list[tuple[str, str]] = [
        (str(content.get("value") or ""), str(content.get("type") or ""))
        for content in entry.get("content") or []
    ]
    summary = entry.get("summary_detail") or {}
    candidates.append((str(entry.get("summary") or ""), str(summary.get("type") or "text/html")))
    texts = [fragment_text(value) if kind in _HTML_TYPES or "<" in value else value
             for value, kind in candidates if value.strip()]
    return max(texts, key=len, default="")


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment, with a blank line after each block element."""
    from lxml import etree
    from lxml import html as lxml_html

    marked = _BLOCK_END.sub("\n\n", markup)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.unescape(re.sub(r"<[^>]+>", " ", marked))
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    return str(root.text_content())


def _entry_date(entry: Any) -> str | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if isinstance(value, time.struct_time):
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def _entry_authors(entry: Any) -> tuple[str, ...]:
    names = [_clean_field(author.get("name")) for author in entry.get("authors") or []]
    if not any(names):
        names = [_clean_field(entry.get("author"))]
    return tuple(dict.fromkeys(name for name in names if name))


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value)).split())
    return text or None
