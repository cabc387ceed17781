"""Content words and their stems: the words that tell one statement from another, with a crude
stemmer that lets "killed" meet "killing"."""

from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=1 << 17)  # comparators ask again and again for the same claims' stems
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
