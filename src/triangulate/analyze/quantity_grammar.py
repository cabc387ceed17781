"""Tokens, spans that hold no quantity (dates, times, codes), and nouns for quantity extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..language.en.measures import MONTHS
from ..language.en.plurals import (  # noqa: F401 - singular: for this module's users
    INVARIANT_PLURALS,
    IRREGULAR_PLURALS,
    MAN_EXCEPTIONS,
    NOT_PLURAL,
    singular,
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    kind: str  # "num", "word" or "punct"
    glued: bool  # no space between this token and the one before
    new_line: bool = False  # a line break between this token and the one before


_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Za-z]\.){2,})"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<punct>\S)"
)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = -1
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind == "abbr":
            kind = "word"
        value = match.group()
        glued = match.start() == previous_end
        new_line = "\n" in text[max(previous_end, 0) : match.start()]
        tokens.append(
            Token(match.start(), match.end(), value, value.lower(), kind, glued, new_line)
        )
        previous_end = match.end()
    return tokens


_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# At most a month of days, so that a long list of numbers is not read again from each number.
_DAY_LIST = rf"{_DAY}(?:(?:\s*[,&\-–]\s*|\s+(?:and|to|through|until|or)\s+){_DAY}){{0,30}}"
_MONTH = rf"(?:{MONTHS})\b\.?"
_NOT_QUANTITY_PATTERNS = (
    rf"\b{_DAY_LIST}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?",
    rf"\b{_MONTH}\s+{_DAY_LIST}\b(?:,?\s+\d{{4}}\b)?",
    rf"\b{_MONTH},?\s+\d{{4}}\b",
    r"\b\d{4}s\b|['’]\d0s\b",
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b(?:\s*[ap]\.?m\.?)?",
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|[ap]m\b|[AP]M\b|o['’]clock\b)",
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b",
    r"\b(?:1[89]|20)\d\d\s*[-–/]\s*(?:(?:1[89]|20)\d\d|\d\d)\b(?!\s*%)",
    r"(?<=[/=])\d+|(?:https?://|www\.)\S+",
    r"\b\d+/\d+\b(?!\s*(?:h\b|hr\b))",
    r"(?<![\w.,])(?![Mm]agnitude-)[^\W\d_](?:[^\W\d]|\.)*+-?\d+(?:[-/.]?[^\W_]+)*",
    r"(?:^|(?<=\n))[ \t]*\(?\d{1,2}[.)](?=\s)",
    r"(?:^|(?<=[\s:;]))\d{1,2}\)",
    r"\(\d{1,2}\)|\[\d{1,3}\]",
)


@lru_cache(maxsize=1)
def _not_quantity_regex() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in _NOT_QUANTITY_PATTERNS))


def masked_offsets(text: str) -> set[int]:
    """Start offsets of digit runs that sit inside dates, times, codes or list markers."""
    masked: set[int] = set()
    for match in _not_quantity_regex().finditer(text):
        for digits in re.finditer(r"\d+", match.group()):
            masked.add(match.start() + digits.start())
    return masked


# ---- nouns -------------------------------------------------------------------------------

_STOP_WORDS = """
a an the this that these those of in on at to from with for by per and or but nor than as while
when where after before since during into onto across over under between among against near
around about each every its their his her our your my it they he she we you i who whom which
whose what not no also already still only just even more less fewer most least last next ago
later earlier were was is are be been being have has had will would could can may might must
should shall do does did said says say told according if because so then there here up down
out off via including like such both all another same own very too now yet again
either neither whether though although unless until within without toward towards upon amid
amongst despite than them him us me one's itself themselves himself herself whereas nearly others
almost roughly approximately some any many much few several first second third
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_COMMON_VERBS = """
died die dies fled flee left leave remain remains fell fall falls rose rise rises flew fly went
go goes came come comes took take takes made make makes met meet won win lost lose saw see hit
set led lead held hold ran run sent send gave give got get stood stand live lives work works
need needs use uses face faces want wants arrive arrives cost costs became become becomes
began begin begins kept keep keeps paid pay pays sat sit told spent spend struck strike
fought fight bought buy sold sell found find built build
"""
COMMON_VERBS = frozenset(_COMMON_VERBS.split())

def looks_plural(word: str, capitalized: bool = False) -> bool:
    """Whether a lower-case word reads as a plural noun ("tons", "servicemen", "people").

    ``capitalized`` lets names of peoples in -is count as plurals ("Israelis", "Iraqis").
    """
    if capitalized and word.endswith("is") and word not in NOT_PLURAL and len(word) > 4:
        return True
    if word in IRREGULAR_PLURALS or word in INVARIANT_PLURALS:
        return True
    if word in NOT_PLURAL or word in STOP_WORDS or word in COMMON_VERBS:
        return False
    if word.endswith("men") and word not in MAN_EXCEPTIONS and len(word) > 4:
        return True
    if len(word) < 3 or not word.endswith("s"):
        return False
    return not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def looks_verbal(word: str) -> bool:
    """Past participles, gerunds and common verbs that end the noun after a number."""
    if word in COMMON_VERBS:
        return True
    return (word.endswith("ed") and len(word) > 4) or (word.endswith("ing") and len(word) > 5)


def is_capitalized_name(token: Token) -> bool:
    """A word written as a name: "Boeing", "iPhone", "UN" (not a possessive like "Russia's")."""
    if token.kind != "word" or token.lower.endswith(("'s", "’s")):
        return False
    return any(character.isupper() for character in token.text)
