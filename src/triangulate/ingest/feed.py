"""RSS and Atom feeds with feedparser: one document per entry that has text.

An entry's text is its title followed by its content, or its summary when it carries no content
(feeds often give only a teaser: the linked page is not fetched).  Its ``source`` is the feed's
source, ``#`` and the entry's number counted from 1.  feedparser is given the decoded text, its
DOCTYPE defused (see ``xml_prolog``), so that no entity is expanded.
"""

from __future__ import annotations

import html
import io
import re
import time
from dataclasses import dataclass, replace
from typing import Any

from ..errors import SourceError
from .clean import CleanedText, clean_text, model_text
from .dates import plausible_published
from .decode import check_text_length
from .html import fragment_text
from .metadata import TextMetadata, extract_metadata
from .xml_prolog import declare_utf8, defuse_doctype, read_prolog

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_REFERENCE = r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));"
_LONGEST_REFERENCE = 8  # digits; longer is out of Unicode's range
_CHARACTER_REFERENCES = re.compile(f"{_REFERENCE}(?:{_REFERENCE})?")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


@dataclass(frozen=True)
class FeedEntry:
    """One entry read from a feed: where it is, its text and metadata, and its identity bytes."""

    source: str
    cleaned: CleanedText
    metadata: TextMetadata
    identity: bytes


def looks_like_feed(text: str) -> bool:
    prolog = read_prolog(text)
    return prolog is not None and bool(_FEED_ROOT.match(text, prolog.root))


def feed_media_type(text: str) -> str:
    return "application/atom+xml" if "http://www.w3.org/2005/Atom" in text[:4096] else \
        "application/rss+xml"


def read_feed(source: str, text: str) -> list[FeedEntry]:
    """The entries of the RSS or Atom feed ``text`` that have text, in feed order."""
    import feedparser  # only when a feed is read; always given bytes so it never fetches

    prolog = read_prolog(text)
    if prolog is None:
        raise SourceError(source, "malformed feed (no root element)")
    prepared = _CHARACTER_REFERENCES.sub(_xml_characters, defuse_doctype(text, prolog))
    data = declare_utf8(prepared).encode("utf-8", "replace")
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True,
                                  resolve_relative_uris=False)
    except Exception as error:  # feedparser lets some of its parsers' errors through
        problem = f"{type(error).__name__}: {error}"[:120]
        raise SourceError(source, f"malformed feed ({problem})") from None
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


def _xml_characters(references: re.Match[str]) -> str:
    """One or two character references, a surrogate pair joined into the character it
    encodes, and U+FFFD for a code point that XML does not allow (a lone surrogate, a control
    character), which feedparser would fail on."""
    groups = references.groups()
    codes = [_code_point(hexadecimal, decimal)
             for hexadecimal, decimal in zip(groups[::2], groups[1::2], strict=True)
             if hexadecimal or decimal]
    if len(codes) == 2 and 0xD800 <= codes[0] <= 0xDBFF and 0xDC00 <= codes[1] <= 0xDFFF:
        codes = [0x10000 + ((codes[0] - 0xD800) << 10) + codes[1] - 0xDC00]
    return "".join(f"&#x{code if _xml_allows(code) else 0xFFFD:X};" for code in codes)


def _code_point(hexadecimal: str | None, decimal: str | None) -> int:
    digits = (hexadecimal or decimal or "").lstrip("0")
    if len(digits) > _LONGEST_REFERENCE:
        return -1
    return int(digits or "0", 16 if hexadecimal else 10)


def _xml_allows(code: int) -> bool:
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


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
        (model_text(str(content.get("value") or "")), str(content.get("type") or ""))
        for content in entry.get("content") or []
    ]
    summary = entry.get("summary_detail") or {}
    candidates.append((model_text(str(entry.get("summary") or "")),
                       str(summary.get("type") or "text/html")))
    texts = [fragment_text(value) if kind in _HTML_TYPES or "<" in value else value
             for value, kind in candidates if value.strip()]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> str | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, name)  # entry.get maps a missing "updated" to "published"
        if isinstance(value, time.struct_time):
            found = plausible_published(
                f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
            )
            if found:
                return found
    return None


def _entry_authors(entry: Any) -> tuple[str, ...]:
    names = [_clean_field(author.get("name")) for author in entry.get("authors") or []]
    if not any(names):
        names = [_clean_field(entry.get("author"))]
    return tuple(dict.fromkeys(name for name in names if name))


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(model_text(html.unescape(re.sub(r"<[^>]+>", " ", value))).split())
    return text or None
