"""Bylines ("By First Last", "By Outlet") and the names they carry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.en.names import NAME_PARTICLES
from .boilerplate import word_set, words
from .dates import find_date

_BYLINE = re.compile(r"(?:^|[\s|•·,–—-])(?:written |reported |posted )?by:?\s+(?P<rest>\S.*)$",
                     re.IGNORECASE)
_AUTHOR_LABEL = re.compile(r"^(?:author|authors|writer|reporter)s?\s*:\s*(?P<rest>\S.*)$",
                           re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|;)\s*")
_TRAILING_NOISE = re.compile(
    r"(?:\s*(?:[|•·,–—-]|\b(?:on|at|published|updated|posted|last)\b|\d{1,2}:\d{2}(?:\s?[ap]m)?"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))+\s*$",
    re.IGNORECASE,
)
_OUTLET_WORDS = word_set(
    "news times post daily agency press media tv radio journal herald tribune network online "
    "wire gazette today weekly magazine channel broadcasting service review observer telegraph "
    "monitor chronicle report reports com net org info"
)
_NOT_NAMES = word_set(
    "staff reporter reporters correspondent correspondents editor editors desk team admin "
    "editorial board the our"
)
_MAX_BYLINE_WORDS = 14
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
# "From Ben Wedeman and Amir Ahmed, CNN" at the start of a line the page ran on into.
_FUSED_BYLINE = re.compile(
    rf"^(?:By|From)\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*)\s*,\s*"
    r"(?P<outlet>[A-Z][\w&.'’-]*)(?=\s|$)"
)


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    outlet: str | None
    date: str | None


def read_byline(line: str) -> Byline | None:
    """Authors, outlet and date of a byline such as ``By Ann Lee and Bo Chan, 3 May 2021``."""
    if len(words(line)) > _MAX_BYLINE_WORDS:
        return None
    match = _BYLINE.search(line) or _AUTHOR_LABEL.match(line.strip())
    if not match:
        return None
    if not _starts_line(line[: match.start()]):
        return None
    rest = match.group("rest")
    found = find_date(rest)
    if found:
        rest = rest[: found[1].start()]
    stated = find_date(line)
    rest = _TRAILING_NOISE.sub("", rest).strip(" .")
    if not rest or not rest[:1].isupper():
        return None
    names = [name.strip(" .") for name in _NAME_SEPARATOR.split(rest) if name.strip(" .")]
    authors = tuple(name for name in names if is_person_name(name))
    outlet = None
    if not authors and len(names) == 1 and is_outlet_name(names[0]):
        outlet = names[0]
    if not authors and outlet is None:
        return None
    return Byline(authors=authors, outlet=outlet, date=stated[0] if stated else None)


def read_fused_byline(line: str) -> Byline | None:
    """Authors and outlet of a byline that opens a longer line: ``From Ann Lee, CNN …``."""
    match = _FUSED_BYLINE.match(line)
    if not match:
        return None
    names = [name.strip() for name in _NAME_SEPARATOR.split(match.group("names")) if name.strip()]
    if not names or not all(is_person_name(name) for name in names):
        return None
    return Byline(authors=tuple(names), outlet=match.group("outlet"), date=None)


def _starts_line(prefix: str) -> bool:
    """Only a date or one label word may stand before "By": not a headline's words."""
    found = find_date(prefix)
    if found:
        prefix = prefix[: found[1].start()] + prefix[found[1].end() :]
    return len(words(prefix)) <= 1


def is_person_name(name: str) -> bool:
    """Two to five capitalised words, no digits, no outlet or staff words."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or any(char.isdigit() for char in name):
        return False
    lowered = {token.lower().strip(".,") for token in tokens}
    if lowered & (_OUTLET_WORDS | _NOT_NAMES):
        return False
    return all(token[:1].isupper() or token.lower() in NAME_PARTICLES for token in tokens)


def is_outlet_name(name: str) -> bool:
    """A one-word name (``Newswire``) or a name with an outlet word (``Daily Herald``)."""
    tokens = name.split()
    if not tokens or len(tokens) > 6 or not name[:1].isupper():
        return False
    lowered = {token.lower().strip(".,") for token in re.split(r"[\s.]+", name)}
    if lowered & _NOT_NAMES:
        return False
    return len(tokens) == 1 or bool(lowered & _OUTLET_WORDS)
