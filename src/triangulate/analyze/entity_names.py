"""Name comparison for entity resolution: transliteration keys, surname matching, initials."""

from __future__ import annotations

import re
from functools import lru_cache

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


NAME_WORD_LENGTH_SLACK = 2
"""``same_name_word`` joins only words whose transliteration keys share their first letter and
differ in length by this much at most."""
SHORTEST_SPELLING_VARIANT = 6
"""Keys shorter than this are one name only when equal ("Osama" is not "Obama")."""


@lru_cache(maxsize=1 << 17)
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
    if (not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > NAME_WORD_LENGTH_SLACK
            or min(len(a), len(b)) < SHORTEST_SPELLING_VARIANT):
        return False
    allowed = 1 if min(len(a), len(b)) < 8 else 2
    return OSA.distance(a, b) <= allowed or fuzz.ratio(a, b) >= 85


def same_given_name(first: str, second: str) -> bool:
    """Given names agree when they are spellings of one name or one is the other's initial."""
    a, b = first.rstrip("."), second.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[:1].casefold() == b[:1].casefold()
    return same_name_word(a, b)


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|ar|as|at|an|az|ash)-", re.IGNORECASE)
_SURNAME_FIRST = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Ki-moon", "Jong-un": a given name
SPELLING_VARIANTS = (
    ("isation", "ization"), ("centre", "center"), ("programme", "program"), ("co-ord", "coord"),
    ("defence", "defense"), ("labour", "labor"), ("organisation", "organization"),
)


def surname_first(name: str) -> bool:
    """Whether a two-word name is written surname first, its hyphenated given name after it
    ("Ban Ki-moon")."""
    words = name.split()
    return len(words) == 2 and _SURNAME_FIRST.match(words[1]) is not None


def close_spelling(first: str, second: str, shortest: int = 3) -> bool:
    """Spellings one edit apart once transliterated and without an Arabic article prefix
    ("Karolos" / "Carolos", "el-Adly" / "Al-Adli", "Amr" / "Amre")."""
    a = transliteration_key(_ARTICLE_PREFIX.sub("", first))
    b = transliteration_key(_ARTICLE_PREFIX.sub("", second))
    a, b = a.replace("c", "k"), b.replace("c", "k")
    return min(len(a), len(b)) >= shortest and OSA.distance(a, b) <= 1


def spelling_key(name: str) -> str:
    """A name with British spellings, dots, hyphens and connecting words evened out
    ("UN Office for the Co-ordination" and "UN Office for Coordination" share one)."""
    key = fold(name).replace(".", "")
    for british, american in SPELLING_VARIANTS:
        key = key.replace(british, american)
    key = key.replace("united states", "us")
    return " ".join(w for w in key.replace("-", "").split() if w not in _CONNECTORS)


def initials(name: str) -> str:
    """``Organization for Security and Cooperation in Europe`` -> ``OSCE``."""
    letters = []
    # "Non-Proliferation" gives N and P, "Co-ordination" only C.
    parts = [part for word in name.split() for part in re.split(r"-(?=[A-Z])", word)]
    for word in parts:
        if not word or word.casefold() in _CONNECTORS or not word[0].isalnum():
            continue
        if word.isupper() and len(word) > 1:
            letters.append(word)
        elif word[0].isalpha():
            letters.append(word[0].upper())
    return "".join(letters)


def is_acronym(text: str) -> bool:
    plain = text.replace(".", "")
    return 2 <= len(plain) <= 8 and plain.isalpha() and plain.isupper()
