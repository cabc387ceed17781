"""Small text helpers shared by the reconciliation steps: content words, sources' labels."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath

from ..model import Analysis, Document

_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ions",
    "ion",
    "ments",
    "ment",
    "ies",
    "ied",
    "es",
    "ed",
    "s",
)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "according", "also", "would", "could"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, fast stem: lower case, possessive and common suffixes off."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    return w[:7]


def content_stems(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def content_words(text: str) -> dict[str, str]:
    """Content words of ``text`` by stem, each with its first surface form, in text order."""
    stops = stop_words()
    words: dict[str, str] = {}
    for word in _WORD.findall(text):
        if word.lower() not in stops and len(word) > 2:
            words.setdefault(stem(word), word)
    return words


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def source_label(document: Document) -> str:
    """How a reader names a source: its publisher, else its title, else its file name."""
    if document.publisher:
        return document.publisher
    if document.title:
        return shorten(document.title, 60)
    return PurePath(document.source.replace("\\", "/")).name or document.id


def source_with_date(document: Document) -> str:
    label = source_label(document)
    return f"{label} ({document.published})" if document.published else label


def origin_of(analysis: Analysis, by_id: dict[str, Analysis]) -> str:
    """The id of the document this one copies (followed to the end), else its own id."""
    seen = set()
    current = analysis.document
    while current.copy_of and current.copy_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.copy_of].document
    return current.id


def shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
