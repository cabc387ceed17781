"""Finding and parsing the absolute dates that datelines, bylines and credits carry."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..language.en.calendar import MONTH_WORDS, alternation
from .limits import EARLIEST_PUBLISHED_YEAR, LATEST_PUBLISHED_DAYS_AHEAD

_MONTH = f"(?:{alternation(MONTH_WORDS)})"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b")
_NUMERIC = re.compile(r"\b\d{1,2}([./])\d{1,2}\1\d{4}\b")
_DAY_MONTH_YEAR = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.IGNORECASE
)
_PARTIAL_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Years that a date in a dateline or credit is read with (a publication date is held to
# plausible_published as well).
_MIN_YEAR = 1900
_MAX_YEAR = 2100


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first absolute day-precision date in ``text``: its ISO form and where it stands."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for pattern, kind in (
        (_ISO, "iso"),
        (_NUMERIC, "numeric"),
        (_DAY_MONTH_YEAR, "words"),
        (_MONTH_DAY_YEAR, "words"),
    ):
        for match in pattern.finditer(text):
            iso = parse_date(match.group(0), kind)
            if iso:
                found.append((match.start(), iso, match))
                break
    if not found:
        return None
    _, iso, match = min(found, key=lambda item: item[0])
    return iso, match


def parse_date(text: str, kind: str = "words") -> str | None:
    """ISO ``YYYY-MM-DD`` for a date string; ``kind`` "numeric" reads dotted dates day first."""
    if kind == "iso":
        match = _ISO.search(text)
        if not match:
            return None
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return _parse_with_dateparser(text.strip(), "DMY" if kind == "numeric" else "")


@lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str, order: str) -> str | None:
    import dateparser  # heavy import, only when a date is actually found

    settings: dict[str, Any] = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if order:
        settings["DATE_ORDER"] = order
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return _valid(parsed.year, parsed.month, parsed.day)


def _valid(year: int, month: int, day: int) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def plausible_published(iso: str | None) -> str | None:
    """``iso`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) when it can be a publication date: not
    before EARLIEST_PUBLISHED_YEAR and not after tomorrow; otherwise None."""
    if not iso or not _PARTIAL_ISO.match(iso) or int(iso[:4]) < EARLIEST_PUBLISHED_YEAR:
        return None
    latest = (date.today() + timedelta(days=LATEST_PUBLISHED_DAYS_AHEAD)).isoformat()
    return iso if iso <= latest[: len(iso)] else None
