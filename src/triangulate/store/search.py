"""Full-text search over documents and claims: query parsing and hits (SQLite FTS5 or
PostgreSQL's text search behind it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

SearchKind = Literal["document", "claim"]

# Snippet markers from the private-use area: article text never carries them, and callers turn
# them into highlight offsets (or <mark> after escaping) without parsing any HTML.
MATCH_OPEN = "\ue000"
MATCH_CLOSE = "\ue001"

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class SearchHit:
    """One matching document or claim, with a snippet and where the query matched in it."""

    kind: SearchKind
    ref: str
    document: str
    title: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    rank: float


class SearchTerm(NamedTuple):
    """A word or "quoted phrase" a reader typed; ``prefix`` for a word typed with a ``*``."""

    text: str
    prefix: bool


def search_terms(query: str) -> list[SearchTerm]:
    """The terms of what a reader types: words and "quoted phrases", all to be matched.

    Raises ValueError when nothing searchable is left.
    """
    terms: list[SearchTerm] = []
    for match in _TERM.finditer(query.replace("\x00", " ")):  # FTS5 reads NUL as the end
        phrase, word = match.group(1), match.group(2)
        text = phrase if phrase is not None else word
        prefix = phrase is None and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if _WORD.search(text):
            terms.append(SearchTerm(text, prefix))
    if not terms:
        raise ValueError("the query has no words to search for")
    return terms


def match_expression(query: str) -> str:
    """An FTS5 MATCH expression for what a reader types: words AND-ed, "quoted phrases" kept.

    Every term is quoted, so operators and punctuation in the query never reach FTS5 as syntax;
    a trailing ``*`` on a word asks for a prefix match.  Raises ValueError when nothing
    searchable is left.
    """
    return " ".join(
        '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")
        for term in search_terms(query)
    )


def split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without markers and the (start, end) offsets of the marked stretches in it."""
    plain: list[str] = []
    highlights: list[tuple[int, int]] = []
    length = 0
    opened: int | None = None
    for char in marked:
        if char == MATCH_OPEN:
            opened = length
        elif char == MATCH_CLOSE:
            if opened is not None:
                highlights.append((opened, length))
            opened = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), tuple(highlights)
