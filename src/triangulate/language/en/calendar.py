"""English calendar words: months and weekdays, with their abbreviations, and regular-expression
pieces built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}
WEEKDAY_ABBREVIATIONS = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4,
                         "thurs": 4, "fri": 5, "sat": 6, "sun": 7}

MONTH_WORDS = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS)
WEEKDAY_WORDS = frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVIATIONS)
MONTH_NUMBERS = {**MONTHS, **MONTH_ABBREVIATIONS}


def alternation(words: Iterable[str], *, capitalised: bool = False) -> str:
    """The words as a regular-expression alternation, longest first (so that "Sept" is tried
    before "Sep"), optionally with their first letter in capitals."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word.capitalize() if capitalised else word) for word in ordered)
