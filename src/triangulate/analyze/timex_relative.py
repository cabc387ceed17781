"""Dates read against the anchor or the date in focus: today, last month, two days later, Friday."""

from __future__ import annotations

import datetime
import re

from ..language.en.time_words import (
    NUMBER,
    ORDINALS,
    UNIT,
    VAGUE,
    WEEKDAY,
    YEAR,
    parse_number,
    unit_code,
    weekday_number,
)
from . import timex_calendar as cal
from .timex_absolute import DAY_MONTH, ISO_DATE, MONTH_DAY, MONTH_YEAR
from .timex_calendar import Resolved
from .timex_context import Context, Item, Rule, rule, whole

DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
             "overnight": "NI", "noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX",
            "E": "XXX", "C": "XX", "WE": "XXXX-WXX-WE"}
_REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF", "nowadays": "PRESENT_REF", "the present": "PRESENT_REF",
    "the present time": "PRESENT_REF", "the present day": "PRESENT_REF",
    "this time": "PRESENT_REF", "at this time": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "recent": "PAST_REF", "earlier": "PAST_REF", "future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "shortly": "FUTURE_REF", "the coming days": "FUTURE_REF",
}
_EDGE = r"(?:earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|rest|close)\s+of)"


def _unknown(unit: str) -> Resolved:
    return cal.unanchored(_UNKNOWN.get(unit, "XXXX-XX-XX"))


def _on(day: datetime.date | None, part: str | None = None) -> Resolved:
    """A day, or a part of it (``morning`` → ``TMO``) as a time expression."""
    if day is None:
        return _unknown("D")
    if not part:
        return cal.day(day)
    code = DAY_PARTS[part.lower()]
    value = f"{day.isoformat()}T{code}"
    return Resolved("time", value, day.isoformat(), day.isoformat(), "day")


def _day_word(match: re.Match[str], ctx: Context) -> list[Item]:
    word = match["w"].lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[" ".join(word.split())]
    day = ctx.anchor + datetime.timedelta(days=offset) if ctx.anchor else None
    part = match["part"] or ("night" if word == "tonight" else None)
    return whole(match, _on(day, part))


def _day_part(match: re.Match[str], ctx: Context) -> list[Item]:
    which = " ".join(match["which"].lower().split())
    part = match["part"].lower()
    if which in ("last", "overnight"):
        day = ctx.anchor - datetime.timedelta(days=1) if ctx.anchor else None
        part = "night" if which == "overnight" else part
    elif which in ("this",):
        day = ctx.anchor
    else:
        day = ctx.reference(match.start())
    return whole(match, _on(day, part))


def _weekday(match: re.Match[str], ctx: Context) -> list[Item]:
    relation = (match["rel"] or "").lower().split()
    key = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}
    number = weekday_number(match["wd"])
    direction = key.get(relation[-1]) if relation else None
    day = ctx.weekday(number, match.start(), match.end(), direction)
    if day is None:
        value = f"XXXX-WXX-{number}"
        return whole(match, cal.unanchored(value, "time" if match["part"] else "date"))
    return whole(match, _on(day, match["part"]))


def _reference(match: re.Match[str], ctx: Context) -> list[Item]:
    phrase = " ".join(match["w"].lower().split())
    value = _REFERENCES[phrase]
    if phrase == "earlier" and not re.match(r"\s*[,.;]", ctx.text[match.end() : match.end() + 3]):
        return []
    return whole(match, cal.unanchored(value), "body")


def _unit_offset(unit: str, relation: str) -> int:
    if relation in ("last", "past", "previous", "preceding", "prior", "the last", "the past"):
        return -1
    if relation in ("next", "coming", "following", "the next", "the coming"):
        return 1
    return 0


_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def _year_end(match: re.Match[str], ctx: Context) -> list[Item]:
    return whole(match, cal.year(ctx.anchor.year) if ctx.anchor else _unknown("Y"))


def _relative_unit(match: re.Match[str], ctx: Context) -> list[Item]:
    phrase = " ".join(match["rel"].lower().split())
    relation = phrase.removeprefix("the ").removeprefix("this ")
    word = match["unit"].lower().split()[-1]
    if phrase == "the" and not match["edge"] and word not in ("weekend", *_SEASONS):
        return []
    if phrase in ("the past", "the last") and word in ("decade", "century"):
        return whole(match, cal.unanchored(f"P1{unit_code(word)}", "duration"))
    base = ctx.anchor
    if relation in ("previous", "following", "preceding", "prior", "same", "that"):
        base = ctx.reference_any(match.start())
    if word in _SEASONS:
        code = _SEASONS[word]
        if base is None:
            return whole(match, cal.unanchored(f"XXXX-{code}"))
        season_year = base.year
        first_month = cal.SEASON_MONTHS[code][0]
        offset = _unit_offset("Y", relation)
        if relation == "the":
            offset = -1 if ctx.tense(match.start(), match.end()) == "past" else 0
        if offset < 0 and (base.month <= first_month or code == "WI"):
            season_year -= 1
        elif offset > 0 and base.month >= first_month:
            season_year += 1
        return whole(match, cal.season(season_year, code))
    unit = "Y" if word == "year" else unit_code(word)
    if base is None:
        return whole(match, _unknown(unit))
    offset = _unit_offset(unit, relation)
    if unit == "WE":
        if relation == "the":
            offset = 1 if ctx.tense(match.start(), match.end()) == "future" else 0
            if offset == 0 and base.isoweekday() < 6:
                offset = -1
        monday = base - datetime.timedelta(days=base.weekday()) + datetime.timedelta(weeks=offset)
        return whole(match, cal.week(monday, weekend=True))
    return whole(match, cal.at_granularity(cal.shift(base, unit, offset), unit))


def _shifted(match: re.Match[str], ctx: Context) -> list[Item]:
    """``two days later``, ``a year ago``, ``15 months after 10 November 2020``."""
    direction = " ".join(match["dir"].lower().split())
    if direction in ("before", "after") and not match["date"] and not match["end"]:
        return []
    unit = unit_code(match["unit"])
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back", "prior to",
                               "earlier than") else 1
    if match["vague"]:
        return whole(match, cal.unanchored("PAST_REF" if sign < 0 else "FUTURE_REF"))
    amount = parse_number(match["n"]) or 1
    if match["date"]:
        base = _absolute_day(match, ctx)
    elif direction in ("ago", "back", "hence", "from now"):
        base = ctx.anchor
    else:
        base = ctx.reference(match.start())
    if unit in ("H", "MIN", "S"):
        return whole(match, cal.day(base) if base else _unknown("D"))
    if unit in ("WE", "L") or amount != int(amount):
        return []
    if base is None:
        return whole(match, _unknown(unit if unit != "W" else "D"))
    quarter = ctx.quarter_focus(match.start())
    if unit == "Y" and sign < 0 and quarter and not match["date"]:
        return whole(match, _quarter_years_back(quarter, int(amount)))
    moved = cal.shift(base, unit, sign * int(amount))
    return whole(match, cal.at_granularity(moved, "D" if unit == "W" else unit))


def _quarter_years_back(quarter: str, years: int) -> Resolved:
    """The same quarter ``years`` earlier (``a year earlier`` after ``the third quarter``)."""
    year_text, number = quarter.split("-Q")
    return cal.quarter(int(year_text) - years, int(number))


def _until_now(match: re.Match[str], ctx: Context) -> list[Item]:
    """``from 5 January to the present time``: one range ending on the anchor."""
    first = _absolute_day(match, ctx)
    if first is None:
        return []
    end = ctx.anchor.isoformat() if ctx.anchor else None
    return whole(match, Resolved("date", first.isoformat(), first.isoformat(), end, "day"))


def _absolute_day(match: re.Match[str], ctx: Context) -> datetime.date | None:
    from .timex_absolute import RULES

    for candidate in RULES:
        found = candidate.pattern.fullmatch(ctx.text, match.start("date"), match.end("date"))
        if found:
            items = candidate.handler(found, ctx)
            if items and items[0][2].date_start:
                start = items[0][2].date_start or ""
                parts = [int(part) for part in cal.sort_key(start).split("-")]
                return datetime.date(parts[0], parts[1], parts[2])
    return None


def _neighbour_day(match: re.Match[str], ctx: Context) -> list[Item]:
    phrase = " ".join(match.group().lower().split())
    base = ctx.reference(match.start())
    if re.search(r"previous|preceding|prior|before|eve", phrase):
        offset = -1
    elif re.search(r"following|next|after", phrase):
        offset = 1
    else:
        offset = 0
    day = base + datetime.timedelta(days=offset) if base else None
    part = match["part"].lower() if match["part"] and match["part"].lower() != "day" else None
    return whole(match, _on(day, part))


def _quarter(match: re.Match[str], ctx: Context) -> list[Item]:
    number = ORDINALS[match["ord"].lower()]
    half = match["unit"].lower() == "half"
    if match["y1"] or match["y2"]:
        year = int(match["y1"] or match["y2"])
    elif ctx.anchor is None:
        return whole(match, cal.unanchored(f"XXXX-{'H' if half else 'Q'}{number}"))
    else:
        relation = (match["rel"] or "").lower()
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}.get(relation, 0)
        current = (ctx.anchor.month - 1) // (6 if half else 3) + 1
        future = ctx.tense(match.start(), match.end()) == "future"
        if not relation and number > current and not future:
            year -= 1
    if half:
        return whole(match, cal.half(year, min(number, 2)))
    return whole(match, cal.quarter(year, number))


def _latest_quarter(match: re.Match[str], ctx: Context) -> list[Item]:
    if ctx.anchor is None:
        return whole(match, cal.unanchored("XXXX-QX"))
    which = (match["which"] or "").lower()
    shift_quarters = 0 if which in ("current", "this") else -1
    if re.search(r"year[\s-](?:earlier|ago|before)|comparable|prior[\s-]year", which):
        shift_quarters -= 4
    moved = cal.add_months(ctx.anchor.replace(day=1), 3 * shift_quarters)
    return whole(match, cal.quarter(moved.year, (moved.month - 1) // 3 + 1))


def _year_earlier(match: re.Match[str], ctx: Context) -> list[Item]:
    quarter = ctx.quarter_focus(match.start())
    if quarter:
        return whole(match, _quarter_years_back(quarter, 1))
    if ctx.anchor is None:
        return whole(match, _unknown("Y"))
    return whole(match, cal.year(ctx.anchor.year - 1))


_ANY_DATE = "|".join(
    re.sub(r"\(\?P<\w+>", "(?:", fragment)
    for fragment in (DAY_MONTH, MONTH_DAY, MONTH_YEAR, ISO_DATE, YEAR)
)
_PARTS = r"morning|afternoon|evening|night"
_REFERENCE_WORDS = "|".join(sorted(_REFERENCES, key=len, reverse=True))
_AMOUNT_MODIFIER = r"(?:about|around|nearly|almost|some|more\s+than|less\s+than|just|only|over)"
_DIRECTION = (
    r"(?:ago|earlier|later|before|after|previously|back|hence|from\s+now|prior\s+to"
    r"|earlier\s+than|later\s+than)"
)

RULES: tuple[Rule, ...] = (
    rule("day_word",
         r"\b(?:(?:late|early|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow"
         rf"|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b(?:\s+(?P<part>{_PARTS}))?",
         _day_word),
    rule("day_part",
         r"\b(?:(?P<which>this|that|the|last|(?:early|late)\s+(?:this|that|the))\s+"
         rf"(?:mid-?)?(?P<part>{_PARTS})|(?P<which2>overnight))\b",
         lambda match, ctx: _day_part_dispatch(match, ctx)),
    rule("weekday",
         r"(?:\b(?P<rel>last|next|this|this\s+coming|this\s+past|coming|past|early|late"
         rf"|earlier|later)\s+)?\b(?P<wd>{WEEKDAY})(?:\s+(?P<part>{_PARTS}))?",
         _weekday),
    rule("reference",
         rf"(?:\b(?:in|for|into|until|of)\s+)?(?P<body>\b(?P<w>{_REFERENCE_WORDS})\b)",
         _reference),
    rule("relative_unit",
         rf"(?:\b(?P<edge>{_EDGE})[\s-]+)?\b(?P<rel>this|last|next|past|coming|this\s+past"
         r"|this\s+coming|that|the\s+(?:previous|following|next|past|last|coming|current|same"
         r"|preceding|prior)|the)\s+(?P<unit>week|weekend|month|quarter|year|decade|century"
         r"|spring|summer|fall|autumn|winter|fiscal\s+year)\b(?!-|\s+old)",
         _relative_unit),
    rule("year_end", r"\b(?:year[\s-]end|year's\s+end)\b", _year_end),
    rule("shifted",
         rf"\b(?:{_AMOUNT_MODIFIER}\s+)?(?:(?P<n>{NUMBER})|(?P<vague>{VAGUE}))[\s-]+"
         rf"(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>{_DIRECTION})(?:\s+or\s+so)?"
         rf"(?:\s+(?:the\s+)?(?P<date>{_ANY_DATE})(?!\w)|(?P<end>(?=\s*[.,;:)!?]|\s*$)))?",
         _shifted),
    rule("until_now",
         rf"\b(?:from|since)\s+(?P<date>{_ANY_DATE})\s+(?:to|until|till|through)\s+"
         r"(?:the\s+present(?:\s+(?:time|day))?|now|date|today|this\s+day)\b",
         _until_now),
    rule("neighbour_day",
         r"\b(?:(?:on\s+)?the\s+(?:previous|preceding|prior|following|next|same)\s+"
         rf"(?P<part>day|{_PARTS})|the\s+day\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))"
         r"|(?:that|the\s+same)\s+day|the\s+eve(?!\s+of\b))\b",
         _neighbour_day),
    rule("quarter",
         r"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+year's\s+)?"
         rf"(?:(?P<y1>{YEAR})(?:'s)?\s+)?(?:(?:fiscal|calendar)\s+)?"
         r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)"
         rf"(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<y2>{YEAR}))?",
         _quarter),
    rule("latest_quarter",
         r"\bthe\s+(?P<which>latest|last|most\s+recent|recent|current|same|just-ended"
         r"|year-earlier|year-ago|year-before|comparable|prior-year|year\s+earlier)?\s*"
         r"(?:fiscal\s+)?quarter\b(?!\s+(?:of|century))",
         _latest_quarter),
    rule("year_earlier", r"\byear-(?:earlier|ago)\b(?!\s+(?:quarter|period))", _year_earlier),
)


def _day_part_dispatch(match: re.Match[str], ctx: Context) -> list[Item]:
    if match["which2"]:
        day = ctx.anchor - datetime.timedelta(days=1) if ctx.anchor else None
        return whole(match, _on(day, "night"))
    return _day_part(match, ctx)
