"""Where a republished text says it first appeared: source labels, credits, wire datelines."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ..model import Republication
from .boilerplate import URL, is_url_only, words
from .dates import find_date
from .furniture import DATELINE
from .lines import TextLine, TextLines

_SOURCE_LABEL = re.compile(
    r"^(?:[\w’'.-]+\s*/\s*)?(?:source|sources|original source|originally from)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_FIRST_APPEARED = re.compile(
    r"\b(?:originally (?:published|appeared)|(?:was )?first (?:published|appeared)"
    r"|republished (?:from|with permission (?:of|from)))\s+(?:(?:in|on|at|by|from)\s+)?"
    r"(?P<publisher>(?:the\s+)?[A-Z][^.,;:()]{0,60}?)(?=\s+on\s|\s*[.,;:(]|\s+\d|$)",
)
_WIRE_CREDIT = re.compile(
    r"^(?P<publisher>[A-Z][\w&/.' -]{0,40}?)\s*\((?P<date>[^()]{6,40})\)\.?$"
)
_DATELINE_LINES = 8
_LOOKAROUND_LINES = 3
_MAX_PUBLISHER_WORDS = 8


def find_republication(lines: TextLines, publisher: str | None) -> Republication | None:
    """The original of a republished text, from its labels and credits; None if none is given."""
    credit_publisher, credit_date = _credit(lines)
    label_publisher, label_url, label_date = _source_label(lines)
    found_publisher = credit_publisher or label_publisher
    if label_url and not found_publisher:
        found_publisher = _host(label_url)
    if found_publisher and publisher and _same_name(found_publisher, publisher):
        return None
    if not (found_publisher or label_url):
        return None
    return Republication(
        publisher=found_publisher, url=label_url, published=credit_date or label_date
    )


def _credit(lines: TextLines) -> tuple[str | None, str | None]:
    """A wire credit line ``Agency (13 May 2021)``, an "Originally published in" note or a
    ``CITY (Agency) -`` dateline."""
    for line in lines.top:
        match = _WIRE_CREDIT.match(line.text)
        if match and len(words(match.group("publisher"))) <= 4:
            found = find_date(match.group("date"))
            if found:
                return match.group("publisher").strip(), found[0]
    kept = lines.kept
    for line in kept[:5] + kept[-5:]:
        match = _FIRST_APPEARED.search(line.text)
        if match:
            found = find_date(line.text[match.end() :])
            name = re.sub(r"^the\s+", "", match.group("publisher").strip(), flags=re.IGNORECASE)
            return name, found[0] if found else None
    return dateline_agency(lines), None


def dateline_agency(lines: TextLines) -> str | None:
    """The agency a dateline in the first lines names (``NAIROBI, Kenya (AP) --``)."""
    match = _dateline(lines)
    return match.group("publisher").strip() if match else None


def dateline_place(lines: TextLines) -> str | None:
    """The place a dateline in the first lines files from, as a reader writes it: ``NAIROBI,
    Kenya (AP) --`` gives ``Nairobi, Kenya``."""
    match = _dateline(lines)
    if match is None:
        return None
    return " ".join(
        word.title() if word.isupper() and len(word) > 2 else word
        for word in match.group("place").split()
    )


def _dateline(lines: TextLines) -> re.Match[str] | None:
    for line in lines.kept[:_DATELINE_LINES]:
        match = DATELINE.search(line.text)
        if match:
            return match
    return None


def _source_label(lines: TextLines) -> tuple[str | None, str | None, str | None]:
    """Publisher, URL and date given by a "Source:" label and the URL next to it."""
    all_lines = lines.lines
    for index, line in enumerate(all_lines):
        match = _SOURCE_LABEL.match(line.text)
        if not match:
            continue
        rest = match.group("rest").strip()
        url_match = URL.search(rest)
        url = url_match.group(0).rstrip(".,;)") if url_match else _nearby_url(all_lines, index)
        if url_match:
            rest = (rest[: url_match.start()] + rest[url_match.end() :]).strip(" ,;-–—")
        found = find_date(rest)
        if found:
            rest = (rest[: found[1].start()] + rest[found[1].end() :]).strip(" ,;-–—()")
        publisher = rest if rest and len(words(rest)) <= _MAX_PUBLISHER_WORDS else None
        if url or publisher:
            return publisher, url, found[0] if found else None
    return None, None, None


def _nearby_url(lines: tuple[TextLine, ...], index: int) -> str | None:
    after = lines[index + 1 : index + 1 + _LOOKAROUND_LINES]
    before = lines[max(0, index - _LOOKAROUND_LINES) : index][::-1]
    for line in (*after, *before):
        if is_url_only(line.text):
            return line.text.strip().strip("<>()[]")
    return None


def _host(url: str) -> str | None:
    parsed = urlparse(url if "://" in url else f"http://{url}")
    host = parsed.hostname or ""
    return host.removeprefix("www.") or None


def _same_name(first: str, second: str) -> bool:
    def squash(name: str) -> str:
        return re.sub(r"[^a-z0-9]", "", name.casefold())

    a, b = squash(first), squash(second)
    return bool(a) and bool(b) and (a in b or b in a)
