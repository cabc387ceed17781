"""Repair of URLs that text extraction (often from PDF) split across lines."""

from __future__ import annotations

import re

_URL_AT_END = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
_OPEN_ENDS = ("-", "_", "/", "=", "&", "?", ".", "%")
_FRAGMENT = re.compile(r"[A-Za-z0-9][\w\-./%?=&#~+:]*")
_WEB_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms|pdf)(?:[?#]\S*)?$", re.IGNORECASE)
_WINDOW = 4


def is_url_fragment(line: str) -> bool:
    """A single token that reads as the rest of a URL: ``deadly-clashes/30782.html``."""
    token = line.strip()
    if not token or not _FRAGMENT.fullmatch(token):
        return False
    if token.lower().startswith(("http", "www.")) or token.endswith(":"):
        return False
    if "/" in token or _WEB_EXTENSION.search(token):
        return True
    return token.count("-") >= 2 and token == token.lower()


def open_url_end(line: str) -> re.Match[str] | None:
    """The URL a line ends with, when that URL looks cut off (ends with ``-``, ``/``, ``_`` …)."""
    stripped = line.strip()
    last_space = max(stripped.rfind(" "), stripped.rfind("\t"))
    # Searching only the last token keeps this linear on very long lines.
    match = _URL_AT_END.search(stripped, last_space + 1)
    if match and match.group(0).endswith(_OPEN_ENDS):
        return match
    return None


def repair_split_urls(lines: list[str]) -> tuple[list[str], set[int]]:
    """Join cut-off URLs with their continuation found within a few non-blank lines.

    Returns the new lines (the URL's line holds the whole URL) and the indices of the lines whose
    text was moved into a URL.
    """
    repaired = list(lines)
    consumed: set[int] = set()
    for index, line in enumerate(lines):
        if open_url_end(line) is None:
            continue
        for other in _nearby_nonblank(lines, index):
            if other in consumed or not is_url_fragment(lines[other]):
                continue
            repaired[index] = line.rstrip() + lines[other].strip()
            consumed.add(other)
            break
    return repaired, consumed


def _nearby_nonblank(lines: list[str], index: int) -> list[int]:
    """Indices of up to ``_WINDOW`` non-blank lines after ``index``, then before it."""
    after = [i for i in range(index + 1, len(lines)) if lines[i].strip()][:_WINDOW]
    before = [i for i in range(index - 1, -1, -1) if lines[i].strip()][:_WINDOW]
    return after + before
