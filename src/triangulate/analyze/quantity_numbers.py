"""Reading a number at a token: digits, number words, scales, currency signs and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.en.measures import (
    APPROXIMATE_PLURALS,
    CURRENCY_CODES,
    CURRENCY_PREFIX_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    MONEY_SCALE_SUFFIXES,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    SMALL_NUMBERS,
    VAGUE_MULTIPLIERS,
)
from ..model import Qualifier
from .quantity_grammar import Token, looks_plural

_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_FRACTIONS = frozenset({
    "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
    "tenths",
})


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from ``tokens[first:last]``."""

    first: int
    last: int
    value: float
    in_words: bool
    scale: float = 1.0
    implied: Qualifier | None = None  # "hundreds of" says at least 100
    year_like: bool = False


def currency_at(tokens: list[Token], index: int) -> tuple[str, int] | None:
    """The currency written before a number at ``index`` and the index of the number's token."""
    position = index
    token = tokens[position]
    if token.text == "\\" and _glued_next(tokens, position, "$"):
        position += 1
    elif token.lower in DOLLAR_PREFIXES and _glued_next(tokens, position, "$"):
        if position > 0 and tokens[position - 1].kind == "word" and tokens[position].glued:
            return None
        position += 1
    token = tokens[position]
    if token.text in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[token.text]
        if token.text == "$" and position > index and tokens[position - 1].lower in DOLLAR_PREFIXES:
            currency = DOLLAR_PREFIXES[tokens[position - 1].lower]
    elif token.text in CURRENCY_CODES:
        currency = token.lower
    elif token.text in CURRENCY_PREFIX_WORDS:
        currency = CURRENCY_PREFIX_WORDS[token.text]
    else:
        return None
    if position + 1 < len(tokens) and tokens[position + 1].kind == "num":
        return currency, position + 1
    return None


def _glued_next(tokens: list[Token], index: int, text: str) -> bool:
    return index + 1 < len(tokens) and tokens[index + 1].text == text and tokens[index + 1].glued


def read_number(tokens: list[Token], index: int, money: bool = False) -> Reading | None:
    """Digits or number words starting at ``index``, with any scale word after them."""
    if tokens[index].kind == "num":
        return _read_digits(tokens, index, money)
    return _read_words(tokens, index)


def _digit_value(text: str) -> float | None:
    if _GROUPED.fullmatch(text):
        return float(text.replace(",", ""))
    if _PLAIN.fullmatch(text):
        return float(text)
    return None


def _read_digits(tokens: list[Token], index: int, money: bool) -> Reading | None:
    token = tokens[index]
    value = _digit_value(token.text)
    if value is None:
        return None
    position = index + 1
    if token.text.isdigit() and len(token.text) <= 3:
        while _space_grouped(tokens, position):
            value = value * 1000 + float(tokens[position].text)
            position += 1
    year_like = position == index + 1 and token.text.isdigit() and 1800 <= value <= 2100
    if position < len(tokens):
        following = tokens[position]
        if following.glued and following.lower in _ORDINAL_SUFFIXES:
            return None
        scale = _scale_of(tokens, position, money)
        if scale:
            return Reading(index, position + 1, value * scale, False, scale)
    return Reading(index, position, value, False, year_like=year_like)


def _space_grouped(tokens: list[Token], position: int) -> bool:
    """ "20 000": a three-digit group after a single space, not followed by a name."""
    if position >= len(tokens):
        return False
    group = tokens[position]
    before = tokens[position - 1]
    if group.kind != "num" or len(group.text) != 3 or not group.text.isdigit():
        return False
    if group.start - before.end != 1:
        return False
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    return after is None or not (after.kind == "word" and after.text[:1].isupper())


def _scale_of(tokens: list[Token], position: int, money: bool) -> float:
    token = tokens[position]
    if token.kind != "word":
        return 0.0
    if token.lower in SCALE_WORDS:
        return SCALE_WORDS[token.lower]
    if token.lower in SCALE_SUFFIXES:
        return SCALE_SUFFIXES[token.lower]
    if token.glued and token.lower in MONEY_SCALE_SUFFIXES:
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        currency_after = after is not None and (
            after.lower in CURRENCY_WORDS or after.text in CURRENCY_CODES
        )
        # "1.5m people" in British usage is 1.5 million people, "a 5m wall" is five metres.
        people_after = (
            token.lower in ("m", "bn")
            and after is not None
            and after.kind == "word"
            and looks_plural(after.lower)
        )
        if money or currency_after or people_after:
            return MONEY_SCALE_SUFFIXES[token.lower]
    return 0.0


def _read_words(tokens: list[Token], index: int) -> Reading | None:
    lower = tokens[index].lower
    if lower in APPROXIMATE_PLURALS:
        return _read_approximate(tokens, index)
    if lower in VAGUE_MULTIPLIERS or (lower == "a" and _lower_at(tokens, index + 1) == "few"):
        return _read_vague(tokens, index)
    if lower == "half" and _lower_at(tokens, index + 1) == "a":
        scale = SCALE_WORDS.get(_lower_at(tokens, index + 2), 0.0)
        return Reading(index, index + 3, 0.5 * scale, True, scale) if scale else None
    if lower == "a":
        following = _lower_at(tokens, index + 1)
        if following not in SCALE_WORDS and following not in ("hundred", "dozen"):
            return None
    elif lower not in SMALL_NUMBERS:
        return None
    return _read_cardinal(tokens, index)


def _read_cardinal(tokens: list[Token], index: int) -> Reading | None:
    total = 0.0
    current = 0.0
    scale = 1.0
    position = index
    last_word = ""
    while position < len(tokens):
        token = tokens[position]
        lower = token.lower
        if lower in SMALL_NUMBERS and token.kind == "word":
            number = SMALL_NUMBERS[lower]
            tens_then_units = current % 10 == 0 and current >= 20 and number < 10
            if last_word in SMALL_NUMBERS and not tens_then_units:
                break
            current += number
        elif lower == "a" and position == index:
            current = 1
        elif lower == "hundred" and last_word:
            current = (current or 1) * 100
        elif lower == "dozen" and last_word:
            current = (current or 1) * 12
        elif lower in SCALE_WORDS and last_word:
            scale = SCALE_WORDS[lower]
            total += (current or 1) * scale
            current = 0
        elif _joins_parts(tokens, position, last_word):
            position += 1
            continue
        else:
            break
        last_word = lower
        position += 1
    if last_word in ("", "a"):
        return None
    value = total + current
    if [_lower_at(tokens, position + offset) for offset in range(3)] == ["and", "a", "half"]:
        value += 0.5
        position += 3
    return Reading(index, position, value, True, scale)


def _joins_parts(tokens: list[Token], position: int, last_word: str) -> bool:
    """The hyphen of "twenty-five" or the "and" of "one hundred and five"."""
    token = tokens[position]
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    if after is None or after.lower not in SMALL_NUMBERS:
        return False
    if token.text == "-":
        return token.glued and after.glued
    return token.lower == "and" and last_word in ("hundred", *SCALE_WORDS)


def _read_approximate(tokens: list[Token], index: int) -> Reading | None:
    """ "hundreds of", "tens of thousands of", "dozens": at least the round number."""
    lower = tokens[index].lower
    value = APPROXIMATE_PLURALS[lower]
    position = index + 1
    if _lower_at(tokens, position) == "of" and _lower_at(tokens, position + 1) in (
        "thousands", "millions", "billions",
    ):
        value *= APPROXIMATE_PLURALS[_lower_at(tokens, position + 1)]
        position += 2
    elif lower == "tens" or (lower == "scores" and _lower_at(tokens, position) != "of"):
        return None
    if _lower_at(tokens, position) == "of":
        position += 1
    return Reading(index, position, value, True, implied="at_least")


def _read_vague(tokens: list[Token], index: int) -> Reading | None:
    """ "several hundred", "a few thousand": at least the round number."""
    position = index + (2 if tokens[index].lower == "a" else 1)
    word = _lower_at(tokens, position)
    if word == "hundred":
        value = 100.0
    elif word == "dozen":
        value = 12.0
    elif word in SCALE_WORDS:
        value = SCALE_WORDS[word]
    else:
        return None
    return Reading(index, position + 1, value, True, implied="at_least")


def _lower_at(tokens: list[Token], position: int) -> str:
    return tokens[position].lower if 0 <= position < len(tokens) else ""


def is_fraction_word(word: str) -> bool:
    return word in _FRACTIONS
