"""Durations (``38 days``), sets (``every year``) and clock times (``5 p.m. Wednesday``)."""

from __future__ import annotations

import re

from ..language.en.time_words import (
    ADVERB_SETS,
    MODIFIER,
    NUMBER,
    UNIT,
    VAGUE,
    WEEKDAY,
    WEEKDAY_PLURAL,
    duration_value,
    parse_number,
    unit_code,
    weekday_number,
)
from .timex_calendar import Resolved, unanchored
from .timex_context import Context, Item, Rule, rule, whole

_RATE = re.compile(
    r"(?:\d|million|billion|thousand|hundred|dozen|once|twice|times)(?:\s+[a-z]+){0,2}\s+$",
    re.IGNORECASE,
)
_DAY_PART_CODES = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


def _amount(match: re.Match[str], number_group: str = "n") -> float | None:
    text = match[number_group]
    return parse_number(text) if text else None


def _duration(match: re.Match[str], ctx: Context) -> list[Item]:
    unit = unit_code(match["unit"])
    amount = _amount(match)
    if match["n"] and (amount is None or 1000 <= amount < 2100 and "," not in match["n"]):
        return []
    if match["n"] and match["n"].lower() in ("a", "an") and _RATE.search(
        ctx.text, max(0, match.start() - 30), match.start()
    ):
        return whole(match, unanchored(duration_value(1, unit), "set"))
    if match["half"]:
        amount = (amount or 0) + 0.5
    value = duration_value(amount, unit)
    if match["unit2"]:
        second = duration_value(_amount(match, "n2"), unit_code(match["unit2"]))
        value = _join_durations(value, second)
    return whole(match, unanchored(value, "duration"))


def _join_durations(first: str, second: str) -> str:
    """``PT3H`` + ``PT30M`` → ``PT3H30M``; ``P1Y`` + ``P6M`` → ``P1Y6M``."""
    if "T" in second and "T" not in first:
        return first + second[1:]
    if "T" in second:
        return first + second[2:]
    return first + second[1:]


def _bare_duration(match: re.Match[str], ctx: Context) -> list[Item]:
    unit = unit_code(match["unit"])
    modifier = (match["mod"] or "").lower()
    if modifier in ("recent", "past"):
        return whole(match, unanchored("PAST_REF"), "body")
    if modifier == "coming":
        return whole(match, unanchored("FUTURE_REF"), "body")
    return whole(match, unanchored(duration_value(None, unit), "duration"), "body")


def _fraction(match: re.Match[str], ctx: Context) -> list[Item]:
    unit = unit_code(match["unit"])
    return whole(match, unanchored(duration_value(0.5, unit), "duration"))


def _set(match: re.Match[str], ctx: Context) -> list[Item]:
    if match["wd"]:
        part = _DAY_PART_CODES.get((match["part"] or "").lower(), "")
        return whole(match, unanchored(f"XXXX-WXX-{weekday_number(match['wd'])}{part}", "set"))
    if match["part"]:
        code = _DAY_PART_CODES[match["part"].lower()]
        return whole(match, unanchored(f"XXXX-XX-XX{code}", "set"))
    amount = _amount(match) or 1
    if match["other"]:
        amount *= 2
    return whole(match, unanchored(duration_value(amount, unit_code(match["unit"])), "set"))


def _frequency(match: re.Match[str], ctx: Context) -> list[Item]:
    return whole(match, unanchored(duration_value(1, unit_code(match["unit"])), "set"))


def _adverb_set(match: re.Match[str], ctx: Context) -> list[Item]:
    return whole(match, unanchored(ADVERB_SETS[match.group().lower()], "set"))


def _clock(match: re.Match[str], ctx: Context) -> list[Item]:
    hour = int(match["hh"] or match["h"] or 12)
    minute = int(match["mm"] or match["min"] or 0)
    meridiem = (match["ampm"] or "").lower()
    word = (match["word"] or "").lower()
    if word == "midnight":
        hour = 24
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return []
    if not (meridiem or word or match["hh"]) and not (
            ":" in match["body"] and (match["prep"] or match["tz"])):
        return []
    day = _day_of_reference(match, ctx)
    clock = f"T{hour:02d}:{minute:02d}"
    if day is None:
        return whole(match, unanchored(f"XXXX-XX-XX{clock}", "time"), "body")
    if day.date_start is None:
        return whole(match, unanchored(f"{day.value}{clock}", "time"), "body")
    resolved = Resolved("time", f"{day.value}{clock}", day.date_start, day.date_end, "day")
    return whole(match, resolved, "body")


def _day_of_reference(match: re.Match[str], ctx: Context) -> Resolved | None:
    from .timex_absolute import ABSOLUTE_DAY_RULES
    from .timex_relative import RULES as RELATIVE_RULES

    group = "date" if match["date"] else "date2" if match["date2"] else None
    if group is None:
        reference = ctx.reference(match.start())
        from .timex_calendar import day

        return day(reference) if reference else None
    for candidate in (*ABSOLUTE_DAY_RULES, *RELATIVE_RULES[:3]):
        found = candidate.pattern.fullmatch(ctx.text, match.start(group), match.end(group))
        if found:
            items = candidate.handler(found, ctx)
            if items:
                resolved = items[0][2]
                return Resolved("date", resolved.value.split("T")[0], resolved.date_start,
                                resolved.date_end, resolved.precision)
    return None


_DAY_REFERENCE = (
    rf"(?:today|tonight|yesterday|tomorrow|(?:{WEEKDAY})(?:,?\s+(?:[0-3]?\d\s+\w+|\w+\.?\s+[0-3]?\d))?"
    r"|[0-3]?\d\s+(?-i:[A-Z][a-z]+)|(?-i:[A-Z][a-z]{2,8})\.?\s+[0-3]?\d(?!\d))"
)
_TIME_ZONE = r"(?:(?-i:[A-Z]{2,4}T|UTC|GMT|Z)\b|local\s+time|\(\s*(?-i:[A-Z]{2,4})\s*\))"
_FREQUENCY = rf"(?:once|twice|thrice|(?:{NUMBER})\s+times)"
_MILITARY_CLOCK = (r"\s*(?:(?:hours|hrs)\b|(?-i:GMT|UTC)\b|local\s+time|"
                   r"\(\s*[012]\d[0-5]\d\s*(?-i:GMT|UTC)\b)")
"""What makes four figures a clock time: "1653 local time", "0910 GMT", "1353 (1023 GMT)"."""

RULES: tuple[Rule, ...] = (
    rule("duration",
         rf"(?:\b{MODIFIER}\s+)?(?:the\s+)?\b(?:(?P<n>{NUMBER})|(?P<vague>{VAGUE}))[\s-]+"
         rf"(?:(?:to|or|-|–)\s*(?:{NUMBER})[\s-]+)?"
         r"(?:(?:more|further|additional|straight|consecutive|trading|business|working|calendar"
         rf"|full|long|short)[\s-]+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?"
         rf"(?:,?\s+(?:and\s+)?(?P<n2>{NUMBER})[\s-]+(?P<unit2>{UNIT}))?(?:-old)?", _duration),
    rule("bare_duration",
         r"(?:\b(?:for|over|in|during|within)\s+)?(?P<body>(?:\b(?P<mod>recent|the\s+(?:past|last|next"
         r"|coming|following)|the|coming|past|many|several|the\s+first)\s+)?\b(?P<unit>"
         r"years|months|weeks|days|decades|centuries|hours|minutes))\b", _bare_duration),
    rule("fraction", rf"\b(?:half\s+an?|an?\s+half)[\s-]+(?P<unit>{UNIT})", _fraction),
    rule("set", rf"\b(?:every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?"
         rf"(?:(?P<wd>{WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?"
         rf"|(?P<part2>morning|afternoon|evening|night)|(?P<unit>{UNIT}))",
         lambda match, ctx: _set_dispatch(match, ctx)),
    rule("frequency", rf"\b{_FREQUENCY}\s+(?:an?|per|each|every)\s+(?P<unit>{UNIT})", _frequency),
    rule("adverb_set", rf"\b(?:{'|'.join(ADVERB_SETS)})\b", _adverb_set),
    rule("weekday_set", rf"(?:\bon\s+)?(?P<body>\b(?P<wd>{WEEKDAY_PLURAL})|\b(?P<wd2>{WEEKDAY})\s+"
         r"(?P<part>mornings|afternoons|evenings|nights))",
         lambda match, ctx: _weekday_set_dispatch(match, ctx)),
    rule("clock",
         rf"(?:\b(?P<prep>at|from|until|till|by|around|about|before|after|to)\s+)?(?P<body>"
         rf"(?:(?P<date2>{_DAY_REFERENCE}),?\s+(?:at\s+)?)?"
         rf"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
         rf"(?:\b(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?={_MILITARY_CLOCK})"
         rf"|\b(?P<h>[01]?\d|2[0-4])(?:[:.](?P<min>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?"
         rf"|\b(?P<word>noon|midnight|midday))(?:\s+(?:hours|hrs|h)\b)?(?:\s*,?\s+(?P<tz>{_TIME_ZONE}))?"
         r"(?:\s*\([^()]{1,24}\))?"  # "09:10 hours (0440 GMT) on Monday"
         rf"(?:,?\s+(?:on\s+)?(?P<date>{_DAY_REFERENCE}))?)(?!\s*(?:%|percent|-|:))",
         _clock),
)


def _set_dispatch(match: re.Match[str], ctx: Context) -> list[Item]:
    if match["part2"]:
        code = _DAY_PART_CODES[match["part2"].lower()]
        return whole(match, unanchored(f"XXXX-XX-XX{code}", "set"))
    return _set(match, ctx)


def _weekday_set_dispatch(match: re.Match[str], ctx: Context) -> list[Item]:
    name = match["wd"] or match["wd2"]
    part = _DAY_PART_CODES.get((match["part"] or "").lower().rstrip("s"), "")
    return whole(match, unanchored(f"XXXX-WXX-{weekday_number(name)}{part}", "set"), "body")
