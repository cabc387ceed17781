"""Calendar dates written out: days, months, years, decades, and ranges and lists of them."""

from __future__ import annotations

import re

from ..language.en.time_words import (
    CLOCK_WORDS,
    DAY,
    IDENTIFIER_NOUNS,
    MONTH,
    TENS,
    WEEKDAY,
    YEAR,
    month_number,
)
from . import timex_calendar as cal
from .timex_calendar import Resolved
from .timex_context import Context, Item, Rule, rule, whole

_EDGE = r"(?:early|late|mid|middle|the\s+(?:end|beginning|start|middle|close|turn)\s+of)"
_PREPOSITION = r"(?:in|of|by|since|until|till|from|through|during|before|after|to|between|on)"
_RANGE_DASH = r"\s*(?:-|–|—)\s*"
_RANGE_WORD = r"\s*(?:-|–|—|\s(?:to|until|till|through|into)\s)\s*"
_UNITS_WORD = "(?:one|two|three|four|five|six|seven|eight|nine)"


def _day_of(year: int | None, month: int, day: int) -> Resolved | None:
    if year is None:
        return cal.unanchored(f"XXXX-{month:02d}-{day:02d}") if 1 <= day <= 31 else None
    value = cal.valid_day(year, month, day)
    return cal.day(value) if value else None


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group, or its twin from the other alternative (``d1b`` for ``d1``)."""
    groups = match.groupdict()
    return groups.get(name) or groups.get(name + "b")


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _year_or_infer(
    match: re.Match[str], ctx: Context, month: int, day: int | None, group: str = "y"
) -> int | None:
    given = _group(match, group)
    if given:
        return int(given)
    if day is None:
        return ctx.year_of_month(month, match.start(), match.end())
    return ctx.year_of_day(month, day, match.start(), match.end())


def _month_day(match: re.Match[str], ctx: Context) -> list[Item]:
    month, day = month_number(match["m"]), _int(match["d"])
    return whole(match, _day_of(_year_or_infer(match, ctx, month, day), month, day))


def _iso(match: re.Match[str], ctx: Context) -> list[Item]:
    return whole(match, _day_of(int(match["y"]), int(match["m"]), int(match["d"])))


def _numeric(match: re.Match[str], ctx: Context) -> list[Item]:
    first, second = int(match["a"]), int(match["b"])
    if match["sep"] == "/" and first <= 12:
        first, second = second, first
    return whole(match, _day_of(int(match["y"]), second, first))


def _month_year(match: re.Match[str], ctx: Context) -> list[Item]:
    month = month_number(match["m"])
    year = _year_or_infer(match, ctx, month, None)
    return whole(match, cal.month(year, month) if year else cal.unanchored(f"XXXX-{month:02d}"))


def _month_alone(match: re.Match[str], ctx: Context) -> list[Item]:
    word = match["m"]
    if word.lower() == "may" and not (match["prep"] or match["rel"] or match["edge"]):
        return []
    month = month_number(word)
    relation = (match["rel"] or "").lower()
    anchor = ctx.anchor
    year: int | None
    if relation and anchor is not None:
        year = anchor.year
        if relation == "last" and month >= anchor.month:
            year -= 1
        elif relation == "next" and month <= anchor.month:
            year += 1
    else:
        year = ctx.year_of_month(month, match.start("m"), match.end())
    resolved = cal.month(year, month) if year else cal.unanchored(f"XXXX-{month:02d}")
    return whole(match, resolved, "body")


def _month_relative_year(match: re.Match[str], ctx: Context) -> list[Item]:
    if ctx.anchor is None:
        return whole(match, cal.unanchored(f"XXXX-{month_number(match['m']):02d}"))
    offset = {"this": 0, "last": -1, "next": 1}[match["rel"].lower()]
    return whole(match, cal.month(ctx.anchor.year + offset, month_number(match["m"])))


def _year(match: re.Match[str], ctx: Context) -> list[Item]:
    if not match["edge"] and not match["prep"] and re.match(
        r"\s+(?:(?!(?:is|was|has|as|its|this|his|us|plus)\b)[a-z]+s|percent|per|people|dollars?|euros?|pounds?|tons?|tonnes?|km|miles?|feet|"
        r"meters?|metres?|troops|votes?|points?|acres?|jobs|units|cars|homes)\b",
        ctx.text[match.end() : match.end() + 14],
    ):
        return []
    if _identifier_or_clock(ctx.text, match.start("y"), match.end("y")):
        return []
    return whole(match, cal.year(int(match["y"])), "body")


def _identifier_or_clock(text: str, start: int, end: int) -> bool:
    """ "resolution 1973", "flight 1549", "1653 local time": a number that is not a year."""
    before = text[max(0, start - 16) : start].split()
    after = text[end : end + 8].split()
    return bool(
        (before and before[-1].lower().strip(",:") in IDENTIFIER_NOUNS)
        or (after and after[0].lower().strip(",.;)") in CLOCK_WORDS)
    )


def _spelled_year(match: re.Match[str], ctx: Context) -> list[Item]:
    words = match["w"].lower().replace("-", " ").split()
    if words[0] == "nineteen":
        value = 1900 + TENS.get(words[1], 0) + (_unit_word(words[2]) if len(words) > 2 else 0)
    else:
        value = 2000 + (_unit_word(words[-1]) if words[-1] != "thousand" else 0)
    return whole(match, cal.year(value))


def _unit_word(word: str) -> int:
    names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return names.index(word) if word in names else 0


def _century(match: re.Match[str], ctx: Context) -> list[Item]:
    return whole(match, cal.century(int(match["n"]) - 1))


def _decade(match: re.Match[str], ctx: Context) -> list[Item]:
    if match["full"]:
        return whole(match, cal.decade(int(match["full"])))
    tens = int(match["short"])
    century = 19
    if ctx.anchor is not None and 2000 + tens * 10 <= ctx.anchor.year:
        century = 20 if tens <= 2 else 19
    return whole(match, cal.decade(century * 10 + tens))


def _day_range(match: re.Match[str], ctx: Context) -> list[Item]:
    month = month_number(_group(match, "m") or "")
    first_day, last_day = _int(_group(match, "d1") or ""), _int(_group(match, "d2") or "")
    if last_day <= first_day:
        return []
    year = _year_or_infer(match, ctx, month, first_day)
    first, last = _day_of(year, month, first_day), _day_of(year, month, last_day)
    if first is None or last is None:
        return []
    return whole(match, cal.span(first, last))


def _cross_range(match: re.Match[str], ctx: Context) -> list[Item]:
    """``12 July - 16 August``, ``February–May``: one range; ``X and Y`` (no between): two dates."""
    first_month = month_number(_group(match, "m1") or "")
    last_month = month_number(_group(match, "m2") or "")
    first_day_text, last_day_text = _group(match, "d1"), _group(match, "d2")
    first_day = _int(first_day_text) if first_day_text else None
    last_day = _int(last_day_text) if last_day_text else None
    last_year = _year_or_infer(match, ctx, last_month, last_day, "y2")
    first_year = int(match["y1"]) if match["y1"] else last_year
    separator = match["sep"].strip().lower()
    if first_year is not None and not match["y1"] and first_month > last_month:
        first_year -= 1
        if separator == "and":
            first_year = _year_or_infer(match, ctx, first_month, first_day, "y1")
    if first_day is None or last_day is None:
        first = cal.month(first_year, first_month) if first_year else None
        last = cal.month(last_year, last_month) if last_year else None
        first = first or cal.unanchored(f"XXXX-{first_month:02d}")
        last = last or cal.unanchored(f"XXXX-{last_month:02d}")
    else:
        first_day_value = _day_of(first_year, first_month, first_day)
        last_day_value = _day_of(last_year, last_month, last_day)
        if first_day_value is None or last_day_value is None:
            return []
        first, last = first_day_value, last_day_value
    if separator == "and" and not match.group().lower().startswith("between"):
        return [(match.start("first"), match.end("first"), first),
                (match.start("second"), match.end(), last)]
    if first.date_start is None or last.date_end is None:
        return whole(match, first)
    return whole(match, cal.span(first, last))


def _year_range(match: re.Match[str], ctx: Context) -> list[Item]:
    first = int(match["y1"])
    last_text = match["y2"]
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    if not first < last <= first + 100:
        return []
    return whole(match, cal.span(cal.year(first), cal.year(last)))


def _day_list(match: re.Match[str], ctx: Context) -> list[Item]:
    """``18, 20 and 29 July``: one day date per number, the last one spanning the month."""
    month = month_number(match["m"])
    numbers = list(re.finditer(r"\d+", ctx.text[match.start() : match.start("last")]))
    last_day = _int(match["last"])
    year = _year_or_infer(match, ctx, month, last_day)
    items: list[Item] = []
    for number in numbers:
        resolved = _day_of(year, month, int(number.group()))
        if resolved:
            start = match.start() + number.start()
            items.append((start, start + len(number.group()), resolved))
    resolved = _day_of(year, month, last_day)
    if resolved:
        items.append((match.start("last"), match.end(), resolved))
    return items


def _month_day_list(match: re.Match[str], ctx: Context) -> list[Item]:
    """``July 18, 20 and 29``: the first spans the month, each other number is its own date."""
    month = month_number(match["m"])
    first_day = _int(match["d"])
    year = _year_or_infer(match, ctx, month, first_day)
    items: list[Item] = []
    resolved = _day_of(year, month, first_day)
    if resolved:
        items.append((match.start(), match.end("d"), resolved))
    for number in re.finditer(r"\d+", ctx.text[match.start("rest") : match.end("rest")]):
        resolved = _day_of(year, month, int(number.group()))
        if resolved:
            start = match.start("rest") + number.start()
            items.append((start, start + len(number.group()), resolved))
    return items


_WEEKDAY_PREFIX = rf"(?:{WEEKDAY},?\s+(?:the\s+)?)?"
DAY_MONTH = (
    rf"{_WEEKDAY_PREFIX}(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
)
MONTH_DAY = rf"{_WEEKDAY_PREFIX}(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"
MONTH_YEAR = rf"(?:{_EDGE}[\s-]*)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})"
ISO_DATE = r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d:])"
ABSOLUTE_DAY_RULES: tuple[Rule, ...] = (
    rule("day_month", rf"\b{DAY_MONTH}", _month_day),
    rule("month_day", rf"\b{MONTH_DAY}", _month_day),
)

RULES: tuple[Rule, ...] = (
    *ABSOLUTE_DAY_RULES,
    rule("iso", ISO_DATE, _iso),
    rule("numeric", r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)",
         _numeric),
    rule("month_year", rf"\b{MONTH_YEAR}", _month_year),
    rule(
        "month_alone",
        rf"(?:\b(?P<prep>{_PREPOSITION})\s+)?(?P<body>(?:(?P<rel>last|next|this)\s+)?"
        rf"(?:(?P<edge>{_EDGE})[\s-]*)?\b(?P<m>{MONTH}))",
        _month_alone,
    ),
    rule("month_relative_year", rf"\b(?P<m>{MONTH})\s+(?P<rel>this|last|next)\s+year\b",
         _month_relative_year),
    rule(
        "year",
        rf"(?:\b(?P<prep>{_PREPOSITION}|and|or)\s+)?(?P<body>(?:(?P<edge>{_EDGE}|fiscal|calendar"
        rf"|(?:the\s+)?year)[\s-]*)?(?<![\w$£€.,/])(?<!\d-)(?P<y>{YEAR}))",
        _year,
    ),
    rule("spelled_year",
         rf"\b(?P<w>nineteen[\s-]+(?:{'|'.join(TENS)})(?:[\s-]+{_UNITS_WORD})?"
         rf"|two\s+thousand(?:\s+and)?(?:\s+{_UNITS_WORD})?)\b(?![\s-]+(?:years?|days?|people|dollars))",
         _spelled_year),
    rule("century", r"(?:\bthe\s+)?\b(?P<n>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]+century\b",
         _century),
    rule("decade",
         r"(?:\bthe\s+)?(?:(?:early|mid|late)[\s-]*)?(?:\b(?P<full>1[5-9]\d|20\d)0'?s\b|'(?P<short>\d)0s\b)",
         _decade),
    rule(
        "day_range_dm",
        rf"(?:\bfrom\s+)?\b(?P<d1>{DAY}){_RANGE_WORD}(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?|\bbetween\s+(?P<d1b>{DAY})\s+and\s+(?P<d2b>{DAY})\s+(?:of\s+)?"
        rf"(?P<mb>{MONTH})(?:,?\s+(?P<yb>{YEAR}))?",
        _day_range,
    ),
    rule(
        "day_range_md",
        rf"(?:\bfrom\s+)?\b(?P<m>{MONTH})\s+(?P<d1>{DAY}){_RANGE_DASH}(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
        _day_range,
    ),
    rule(
        "cross_range",
        rf"(?:\b(?:from|between)\s+)?\b(?P<first>(?P<d1>{DAY})\s+(?P<m1>{MONTH})|(?P<m1b>{MONTH})\s+(?P<d1b>{DAY}))"
        rf"(?:,?\s+(?P<y1>{YEAR}))?(?P<sep>{_RANGE_WORD}|\s+and\s+)"
        rf"(?P<second>(?P<d2>{DAY})\s+(?P<m2>{MONTH})|(?P<m2b>{MONTH})\s+(?P<d2b>{DAY}))(?:,?\s+(?P<y2>{YEAR}))?",
        _cross_range,
    ),
    rule(
        "month_range",
        rf"(?:\b(?:from|between)\s+)?\b(?P<first>(?P<m1>{MONTH}))(?:\s+(?P<y1>{YEAR}))?"
        rf"(?P<sep>{_RANGE_WORD}|\s+and\s+)(?P<second>(?P<m2>{MONTH}))(?:,?\s+(?P<y2>{YEAR}))?",
        _cross_range,
    ),
    rule(
        "year_range",
        rf"(?:\b(?:from|between)\s+)?(?<![\w$£€.,/-])(?P<y1>{YEAR})"
        rf"(?:{_RANGE_DASH}|\s+(?:to|until|through|and)\s+)(?P<y2>(?:1[5-9]|20)\d\d|\d\d)(?![\w,.]\w)",
        _year_range,
    ),
    # At most a month of days: a long list of numbers is not read again from each of them.
    rule(
        "day_list",
        rf"\b(?:{DAY}\s*(?:,|&|,?\s+and|,?\s+or)\s*){{1,30}}(?P<last>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?",
        _day_list,
    ),
    rule(
        "month_day_list",
        rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY})(?P<rest>(?:\s*,\s*{DAY})*\s*,?\s*(?:and|or|&)\s*{DAY})"
        rf"(?!\s*,?\s*\d|\s+{MONTH})",
        _month_day_list,
    ),
)
