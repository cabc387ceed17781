"""Name comparison for entity resolution: transliteration keys, surname matching, initials."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..language.en.names import word_set
from .entity_gazetteer import fold

_TRANSLITERATION = (
    ("iy", "y"), ("yy", "y"), ("ii", "i"), ("ij", "i"), ("ou", "u"), ("kh", "h"), ("ks", "x"),
    ("dzh", "j"), ("zh", "j"), ("ck", "k"), ("ph", "f"), ("yu", "iu"), ("ya", "ia"),
    ("ye", "e"), ("yo", "e"), ("w", "v"), ("tch", "ch"), ("sch", "sh"), ("ff", "f"),
)
_NON_LETTER = re.compile(r"[^a-z]")
_CONNECTORS = word_set("of for the and in on de du des la le van von der al el a an at to")


def transliteration_key(word: str) -> str:
    """A spelling-insensitive key: ``Dmitriy`` and ``Dmitry`` share one, as do ``Kouznetsov``
    and ``Kuznetsov``."""
    key = _NON_LETTER.sub("", fold(word))
    for written, spoken in _TRANSLITERATION:
        key = key.replace(written, spoken)
    return key


def same_name_word(first: str, second: str) -> bool:
    """Whether two name words are spellings of one name (transliteration, a letter swap)."""
    a, b = transliteration_key(first), transliteration_key(second)
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 5:
        return False
    allowed = 1 if min(len(a), len(b)) < 8 else 2
    return OSA.distance(a, b) <= allowed or fuzz.ratio(a, b) >= 85


def same_given_name(first: str, second: str) -> bool:
    """Given names agree when they are spellings of one name or one is the other's initial."""
    a, b = first.rstrip("."), second.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[:1].casefold() == b[:1].casefold()
    return same_name_word(a, b)


def initials(name: str) -> str:
    """``Organization for Security and Cooperation in Europe`` -> ``OSCE``."""
    letters = []
    for word in re.split(r"[\s\-]+", name):
        if not word or word.casefold() in _CONNECTORS:
            continue
        if word.isupper() and len(word) > 1:
            letters.append(word)
        elif word[0].isalpha():
            letters.append(word[0].upper())
    return "".join(letters)


def is_acronym(text: str) -> bool:
    plain = text.replace(".", "")
    return 2 <= len(plain) <= 8 and plain.isalpha() and plain.isupper()
