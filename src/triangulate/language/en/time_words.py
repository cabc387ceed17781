"""Words of time expressions (months, weekdays, numbers, units) and regex pieces built on them."""

from __future__ import annotations

import re

from . import words
from .calendar import (  # noqa: F401 - the calendar words of this module's users
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

UNITS = {
    "second": "S", "sec": "S", "minute": "MIN", "min": "MIN", "hour": "H", "hr": "H", "day": "D",
    "night": "D", "week": "W", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y",
    "yr": "Y", "decade": "E", "century": "C", "centurie": "C", "millennium": "L",
    "millennia": "L", "weekend": "WE",
}
ADVERB_SETS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
    "monthly": "P1M", "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y",
}

SMALL_NUMBERS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "dozen": 12, "a dozen": 12, "a couple of": 2, "couple of": 2, "a pair of": 2,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# A four-digit number after one of these words is an identifier ("resolution 1973", "flight
# 1549"), before one of these a clock time ("1653 local time", "0910 GMT"): never a year.
IDENTIFIER_NOUNS = words(
    "resolution resolutions flight flights route routes room rooms number no no. bus highway "
    "article articles section paragraph chapter code model item case file page platform gate "
    "bill bills decree law order"
)
CLOCK_WORDS = words("local gmt utc hrs hours hour h et est edt bst cet pst")
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "the few")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "last": 4, "final": 4}
NUMBER_WORDS = {**SMALL_NUMBERS, **TENS}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


def _capitalized(words: list[str]) -> str:
    """A case-sensitive alternation of Title-case and UPPER-case forms of ``words``."""
    forms = [word.title() for word in words] + [word.upper() for word in words]
    return "(?-i:" + _alternation(forms) + ")"


_FULL_MONTHS = _capitalized([name for name in MONTHS if name != "may"])
_ABBREVIATED_MONTHS = _capitalized(list(MONTH_ABBREVIATIONS))
# "May" is matched like the others only inside dates; alone it needs a cue (see MONTH_ALONE).
_WORD_END = r"(?!\w|-(?-i:[a-z]))"
MONTH = rf"(?:{_FULL_MONTHS}|(?-i:May|MAY)|{_ABBREVIATED_MONTHS}\.?){_WORD_END}"
MONTH_NOT_MAY = rf"(?:{_FULL_MONTHS}|{_ABBREVIATED_MONTHS}\.?){_WORD_END}"
_WEEKDAY_SHORT = _capitalized(list(WEEKDAY_ABBREVIATIONS))
WEEKDAY = rf"(?:{_capitalized(list(WEEKDAYS))}|{_WEEKDAY_SHORT}\.)(?![\w-])"
WEEKDAY_PLURAL = rf"{_capitalized([name + 's' for name in WEEKDAYS])}\b"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\w)"
# A year may be glued to the next sentence in scraped text ("2020A number of ...").
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d|(?!(?-i:[A-Z](?:[a-z]|\s)))\w|-(?:year|month|week|day))"
_DIGITS = r"\d+(?:\.\d+)?(?:\s+1/2|\s*½)?"
_WORD_NUMBER = (
    rf"(?:(?:{_alternation(list(TENS))})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|{_alternation([word for word in SMALL_NUMBERS if word not in ('a', 'an')])})"
    r"(?:\s+(?:hundred|thousand))?"
)
NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER}(?:\s+and\s+a\s+half)?|an?(?:\s+and\s+a\s+half)?)"
VAGUE = _alternation(list(VAGUE_NUMBERS))
UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?"
    r"|quarters?|years?|yrs?|decades?|century|centuries|millenni(?:um|a)|weekends?)(?!\w)"
)
UNIT_NO_QUARTER = UNIT.replace("|quarters?", "")
MODIFIER = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than"
    r"|up\s+to|nearly|almost|about|around|approximately|roughly|some|over|under|just|only"
    r"|another|an\s+additional|the\s+next|the\s+past|the\s+last|the\s+first|the\s+previous"
    r"|the\s+following|the\s+coming|the\s+latest|the\s+final|the\s+remaining|the\s+same)"
)


def month_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def weekday_number(word: str) -> int:
    key = word.lower().rstrip(".")
    if key.endswith("s") and key[:-1] in WEEKDAYS:
        key = key[:-1]
    return WEEKDAYS.get(key) or WEEKDAY_ABBREVIATIONS[key]


def unit_code(word: str) -> str:
    key = word.lower()
    if key == "centuries":
        return "C"
    if key.startswith("millenni"):
        return "L"
    key = key[:-1] if key.endswith("s") and key[:-1] in UNITS else key
    return UNITS[key]


def parse_number(text: str) -> float | None:
    """The number a numeral or number words say (``twenty-four``, ``2 1/2``, ``a couple of``)."""
    words = " ".join(text.lower().replace("-", " ").split())
    extra = 0.0
    if words.endswith(" and a half"):
        words, extra = words[: -len(" and a half")], 0.5
    if words.endswith("1/2") or words.endswith("½"):
        words, extra = words.rstrip("½").removesuffix("1/2").strip(), 0.5
    if not words:
        return extra or None
    try:
        return float(words) + extra
    except ValueError:
        pass
    for scale_word, scale in ((" thousand", 1000), (" hundred", 100)):
        if words.endswith(scale_word) and words != scale_word.strip():
            base = parse_number(words.removesuffix(scale_word))
            return None if base is None else base * scale + extra
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words] + extra
    parts = words.split()
    if len(parts) == 2 and parts[0] in TENS and parts[1] in SMALL_NUMBERS:
        return TENS[parts[0]] + SMALL_NUMBERS[parts[1]] + extra
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """A TimeML duration (``P44D``, ``PT3H``, ``P2Y6M``; ``PXD`` when the amount is vague)."""
    if unit == "2W":
        unit, amount = "W", None if amount is None else amount * 2
    if unit == "WE":
        return "PXWE" if amount is None else f"P{_number(amount)}WE"
    time_unit = {"H": "H", "MIN": "M", "S": "S"}.get(unit)
    prefix = "PT" if time_unit else "P"
    symbol = time_unit or unit
    if amount is None:
        return f"{prefix}X{symbol}"
    if amount != int(amount):
        whole, fraction = int(amount), amount - int(amount)
        smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S"),
                   "W": (7, "D")}.get(unit)
        if smaller is not None:
            factor, small_symbol = smaller
            rest = fraction * factor
            if rest == int(rest):
                if unit == "D":
                    return (f"P{whole}DT{int(rest)}H" if whole else f"PT{int(rest)}H")
                head = f"{prefix}{whole}{symbol}" if whole else prefix
                return f"{head}{int(rest)}{small_symbol}"
    return f"{prefix}{_number(amount)}{symbol}"


def _number(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"
