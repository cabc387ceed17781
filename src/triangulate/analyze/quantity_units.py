"""What a number counts: the unit words after it, in the forms writers use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..language.en.measures import (
    ADDED_AFTER_NUMBER,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    GLUED_ONLY_UNITS,
    GLUED_UNITS,
    PEOPLE_ADJECTIVES,
    UNIT_FORMS,
)
from ..model import Qualifier
from .quantity_grammar import (
    INVARIANT_PLURALS,
    STOP_WORDS,
    Token,
    is_capitalized_name,
    looks_plural,
    looks_verbal,
    singular,
    tokenize,
)
from .quantity_numbers import Reading, is_fraction_word

_PARTITIVE_PRONOUNS = frozenset({"them", "whom", "which", "us", "you"})
_PARTITIVE_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})
_COMPOUND_SUFFIXES = frozenset({"old", "long", "strong", "high", "wide", "deep", "tall", "thick"})
_MAX_RUN_WORDS = 4
# Plural nouns that modify a following noun: "special forces troops", "human rights workers".
_PLURAL_MODIFIERS = frozenset({
    "forces", "sports", "arms", "goods", "sales", "savings", "customs", "communications",
    "operations", "services", "rights", "affairs", "works", "materials", "securities", "news",
})


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """The unit of a number, the token index after its words, and how it was found."""

    unit: str
    last: int
    source: str  # currency, measure, noun, none, partitive, partitive_number
    qualifier: Qualifier | None = None
    excluded: bool = False


@lru_cache(maxsize=1)
def unit_sequences() -> dict[tuple[str, ...], str]:
    """Unit forms as lower-case token sequences ("per cent" -> ("per", "cent"))."""
    table: dict[tuple[str, ...], str] = {}
    for unit, forms in UNIT_FORMS.items():
        for form in forms:
            table[tuple(token.lower for token in tokenize(form))] = unit
    return table


@lru_cache(maxsize=1)
def measure_units() -> frozenset[str]:
    return frozenset(unit_sequences().values())


def unit_after(
    tokens: list[Token], reading: Reading, currency: str | None, plural: bool = True
) -> UnitMatch | None:
    """The unit written after ``reading``; None when the number is not a quantity."""
    position = reading.last
    if currency is not None:
        return UnitMatch(currency, position, "currency")
    measure = _measure_at(tokens, position, reading)
    if measure is not None:
        return measure
    if position >= len(tokens):
        return UnitMatch("", position, "none")
    token = tokens[position]
    if token.glued and token.kind == "word" and not reading.in_words:
        return UnitMatch("", position, "none", excluded=True)  # "5G", "3D": a code
    if token.text == "+" and token.glued:
        return _noun_unit(tokens, position + 1, reading, plural, position + 1, "over")
    if token.text == "-" and token.glued:
        return _hyphen_compound(tokens, position, reading, plural)
    if token.lower == "of":
        return _partitive(tokens, position, reading, plural)
    if reading.in_words and is_fraction_word(token.lower):
        return UnitMatch("", position + 1, "none", excluded=True)  # "two thirds of"
    return _noun_unit(tokens, position, reading, plural, position, None)


def _measure_at(tokens: list[Token], position: int, reading: Reading) -> UnitMatch | None:
    if position >= len(tokens):
        return None
    token = tokens[position]
    glued_unit = token.glued and token.lower in GLUED_UNITS and not reading.in_words
    lower_case_temperature = token.lower in ("c", "f") and not token.text.isupper()
    if glued_unit and not lower_case_temperature:
        return UnitMatch(GLUED_UNITS[token.lower], position + 1, "measure")
    sequences = unit_sequences()
    for length in range(4, 0, -1):
        key = tuple(item.lower for item in tokens[position : position + length])
        unit = sequences.get(key)
        if unit is None or len(key) < length:
            continue
        if length == 1 and key[0] in GLUED_ONLY_UNITS and not token.glued:
            continue
        if unit == "lb" and _lower_at(tokens, position + 1) == "sterling":
            return UnitMatch("gbp", position + 2, "currency")
        if unit == "lb" and reading.scale > 1:
            unit = "gbp"
        return UnitMatch(unit, position + length, "measure")
    if token.lower in CURRENCY_WORDS:
        return UnitMatch(CURRENCY_WORDS[token.lower], position + 1, "currency")
    if token.text in CURRENCY_CODES:
        return UnitMatch(token.lower, position + 1, "currency")
    return None


def _hyphen_compound(
    tokens: list[Token], position: int, reading: Reading, plural: bool
) -> UnitMatch:
    """ "12-year-old", "a 44-day war", "10-member", "400-plus", "two-thirds"."""
    word = tokens[position + 1] if position + 1 < len(tokens) else None
    if word is None or not word.glued or word.kind != "word":
        return UnitMatch("", position, "none")
    if word.lower == "plus":
        return _noun_unit(tokens, position + 2, reading, plural, position + 2, "over")
    if word.lower == "odd":
        return _noun_unit(tokens, position + 2, reading, plural, position + 2, "about")
    if is_fraction_word(word.lower) or _is_title_case(word):
        return UnitMatch("", position + 2, "none", excluded=True)  # "two-thirds", "7-Eleven"
    spelled = _hyphenated_measure(tokens, position)
    if spelled is not None:
        return spelled
    unit = canonical_unit(word.lower, reading)
    is_measure = unit in measure_units()
    if reading.in_words and reading.value == 1 and not is_measure:
        return UnitMatch("", position + 2, "none", excluded=True)  # "one-off", "one-sided"
    last = position + 2
    while (
        _lower_at(tokens, last) == "-"
        and tokens[last].glued
        and last + 1 < len(tokens)
        and tokens[last + 1].glued
        and tokens[last + 1].lower in _COMPOUND_SUFFIXES
    ):
        last += 2
    return UnitMatch(unit, last, "measure" if is_measure else "noun")


def _hyphenated_measure(tokens: list[Token], position: int) -> UnitMatch | None:
    """A unit of several words written with hyphens: "a 1,500-square-kilometer island"."""
    words: list[str] = []
    index = position
    while (
        _lower_at(tokens, index) == "-" and tokens[index].glued and index + 1 < len(tokens)
        and tokens[index + 1].glued and tokens[index + 1].kind == "word" and len(words) < 4
    ):
        words.append(tokens[index + 1].lower)
        index += 2
    sequences = unit_sequences()
    for length in range(len(words), 1, -1):
        unit = sequences.get(tuple(words[:length]))
        if unit is not None:
            return UnitMatch(unit, position + 2 * length, "measure")
    return None


def _partitive(tokens: list[Token], position: int, reading: Reading, plural: bool) -> UnitMatch:
    """ "six of the victims" counts victims; "seven of them" counts an unnamed set."""
    determiner = _lower_at(tokens, position + 1)
    if determiner in _PARTITIVE_PRONOUNS:
        return UnitMatch("", reading.last, "partitive")
    if determiner not in _PARTITIVE_DETERMINERS:
        return UnitMatch("", reading.last, "none")
    following = tokens[position + 2] if position + 2 < len(tokens) else None
    if following is not None and following.kind == "num":
        return UnitMatch("", reading.last, "partitive_number")
    head = _noun_head(tokens, position + 2, reading, plural)
    unit = canonical_unit(head[1], reading, head[2]) if head else ""
    return UnitMatch(unit, reading.last, "partitive")


def _noun_unit(
    tokens: list[Token],
    position: int,
    reading: Reading,
    plural: bool,
    bare_last: int,
    qualifier: Qualifier | None,
) -> UnitMatch:
    measure = _measure_at(tokens, position, reading)
    if measure is not None:
        return UnitMatch(measure.unit, measure.last, measure.source, qualifier)
    head = _noun_head(tokens, position, reading, plural)
    if head is None:
        return UnitMatch("", bare_last, "none", qualifier)
    return UnitMatch(canonical_unit(head[1], reading, head[2]), head[0] + 1, "noun", qualifier)


def _noun_head(
    tokens: list[Token], position: int, reading: Reading, plural: bool
) -> tuple[int, str, bool] | None:
    """The counted noun after a number: the first plural noun, else the last noun of the run.

    Returns the index of the head's last token, its lower-case form and whether it is capitalized.
    """
    words: list[tuple[int, int, str, Token]] = []
    index = position
    in_capitals = shouted(tokens, position)
    while index < len(tokens) and len(words) < _MAX_RUN_WORDS:
        token = tokens[index]
        if (
            token.kind == "num"
            and words == []
            and index + 1 < len(tokens)
            and is_capitalized_name(tokens[index + 1])
        ):
            index += 2  # a model designation between number and noun: "38 737 Max jets"
            continue
        if not words and index == position and token.lower in ADDED_AFTER_NUMBER and (
                index + 1 < len(tokens) and tokens[index + 1].kind == "word"
                and tokens[index + 1].lower not in STOP_WORDS):
            index += 1  # "20 more people": the people are counted
            continue
        if token.kind != "word" or (
                token.lower in STOP_WORDS and (in_capitals or not token.text.isupper())):
            break
        code_end = _code_end(tokens, index)
        if code_end > index:
            index = code_end + 1  # "787 COVID-19 infections": a code that modifies the noun
            continue
        end, lower = _hyphenated(tokens, index)
        if not words and lower in PEOPLE_ADJECTIVES and not _modifies_next(tokens, end + 1):
            words.append((index, end, lower, token))  # "the 80 wounded remained": people
            break
        if looks_verbal(lower):
            nouns_before = any(not _is_adverb(word[2]) for word in words)
            if nouns_before or not _modifies_next(tokens, end + 1):
                break
        if not plural and words and looks_plural(lower):
            break
        words.append((index, end, lower, token))
        index = end + 1
    if not words:
        return None
    if plural:
        for order, (_, end, lower, token) in enumerate(words):
            if looks_plural(lower, _is_title_case(token)) and (
                    in_capitals or not _is_acronym(token)):
                modifier = lower in INVARIANT_PLURALS or lower in _PLURAL_MODIFIERS
                if modifier and order + 1 < len(words) and looks_plural(words[order + 1][2]):
                    return words[order + 1][1], words[order + 1][2], False
                return end, lower, _is_title_case(token)
    return words[-1][1], words[-1][2], _is_title_case(words[-1][3])


def _code_end(tokens: list[Token], index: int) -> int:
    """The last token of a code of letters and digits written as one word ("H5N8", "G20",
    "COVID-19") that starts at ``index``; ``index`` itself when none does."""
    end = index
    while end + 1 < len(tokens) and tokens[end + 1].glued and (
        tokens[end + 1].kind in ("word", "num") or tokens[end + 1].text == "-"
    ):
        end += 1
    has_digit = any(tokens[i].kind == "num" for i in range(index + 1, end + 1))
    return end if has_digit and tokens[end].kind != "punct" else index


def _hyphenated(tokens: list[Token], index: int) -> tuple[int, str]:
    end = index
    lower = tokens[index].lower
    while (
        end + 2 < len(tokens)
        and tokens[end + 1].text == "-"
        and tokens[end + 1].glued
        and tokens[end + 2].glued
        and tokens[end + 2].kind in ("word", "num")
    ):
        lower += "-" + tokens[end + 2].lower
        end += 2
    return end, lower


def _modifies_next(tokens: list[Token], index: int) -> bool:
    """A participle before a noun ("armed soldiers"), not a verb after the number."""
    if index >= len(tokens):
        return False
    following = tokens[index]
    return (
        following.kind == "word"
        and following.lower not in STOP_WORDS
        and not looks_verbal(following.lower)
    )


_LY_NOUNS = frozenset({"family", "ally", "supply", "assembly", "rally", "italy", "anomaly"})


def _is_adverb(lower: str) -> bool:
    """ "heavily" in "heavily armed soldiers": it modifies, it is not what is counted."""
    return lower.endswith("ly") and len(lower) > 4 and lower not in _LY_NOUNS


def shouted(tokens: list[Token], position: int) -> bool:
    """The words around the number are written in capitals ("THREE PEOPLE HAVE DIED"): they
    are words, not acronyms."""
    around = [t for t in tokens[max(0, position - 1) : position + 3] if t.kind == "word"]
    return len(around) >= 3 and all(len(t.text) > 1 and t.text.isupper() for t in around)


def _is_title_case(token: Token) -> bool:
    return token.text[:1].isupper() and not token.text.isupper()


def _is_acronym(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper()


def canonical_unit(lower: str, reading: Reading, capitalized: bool = False) -> str:
    """A unit word as a canonical unit: "tonnes" -> 'ton', "dollars" -> 'usd', "men" -> 'man'."""
    sequences = unit_sequences()
    for form in (lower, singular(lower, capitalized)):
        unit = sequences.get((form,))
        if unit is not None:
            return "gbp" if unit == "lb" and reading.scale > 1 else unit
        if form in CURRENCY_WORDS:
            return CURRENCY_WORDS[form]
    return singular(lower, capitalized)


def _lower_at(tokens: list[Token], position: int) -> str:
    return tokens[position].lower if 0 <= position < len(tokens) else ""
