"""Content words and their stems: the words that tell one statement from another, with a crude
stemmer that lets "killed" meet "killing"."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

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
    return _spacy_stop_words() | {"said", "says", "told", "according", "also", "would", "could"}


def _spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their own module file: importing spaCy for them
    takes seconds in a process that only reconciles (one that adds ten documents to a store)."""
    package = importlib.util.find_spec("spacy")
    if package is not None and package.origin is not None:
        path = Path(package.origin).parent / "lang" / "en" / "stop_words.py"
        spec = importlib.util.spec_from_file_location("_triangulate_spacy_stop_words", path)
        if spec is not None and spec.loader is not None and path.is_file():
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return frozenset(module.STOP_WORDS)
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


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
