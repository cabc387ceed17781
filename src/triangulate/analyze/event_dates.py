"""Dates of a sentence as points, with enumerations (``18, 20 and 27 July``) split into days,
and which trigger of the sentence each date may date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.en.calendar import MONTH_NUMBERS, WEEKDAY_WORDS
from ..model import Sentence, Span, TimeExpression, TimeRange

_MONTHS = MONTH_NUMBERS
_DAY_OR_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b|\b([A-Za-z]+)\b\.?")
_ENUMERATION = re.compile(r",|\band\b")
_RANGE = re.compile(r"\d\s*[-–—]\s*\d|\b(?:from|to|until|till|between|through)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^[\s,;&–—-]*(?:and|or|as well as)?[\s,]*(?:on|in)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DatePoint:
    """A calendar date or range read at ``span``."""

    span: Span
    date: TimeRange


@dataclass(frozen=True)
class DateGroup:
    """Dates written as one list; more than one point means one event per point."""

    points: tuple[DatePoint, ...]

    @property
    def start(self) -> int:
        return self.points[0].span.start

    @property
    def end(self) -> int:
        return self.points[-1].span.end


def time_range(expression: TimeExpression) -> TimeRange:
    return TimeRange(expression.date_start, expression.date_end, expression.precision)


def date_points(text: str, expression: TimeExpression) -> list[DatePoint]:
    """One point per day of an enumerated expression, else the expression's own range."""
    whole = [DatePoint(Span(expression.start, expression.end), time_range(expression))]
    year = (expression.date_start or "")[:4]
    if (
        not year.isdigit()
        or expression.type == "time"  # "16:15 UTC, June 1" lists no days
        or not _ENUMERATION.search(expression.text)
        or _RANGE.search(expression.text)
    ):
        return whole
    assigned = _enumerated_days(expression.text)
    if len(assigned) < 2:
        return whole
    points = []
    for start, end, day, month in assigned:
        if not 1 <= day <= 31:
            return whole
        iso = f"{year}-{month:02d}-{day:02d}"
        offset = expression.start
        points.append(DatePoint(Span(offset + start, offset + end), TimeRange(iso, iso, "day")))
    return points


def _enumerated_days(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, day, month) of each day of ``18, 20 July and 4 August`` or ``July 18, 20``."""
    assigned: list[tuple[int, int, int, int]] = []
    pending: list[tuple[int, int, int]] = []
    month_first: bool | None = None
    current: int | None = None
    for match in _DAY_OR_MONTH.finditer(text):
        if match.group(1):
            if month_first is None:
                month_first = False
            day = (match.start(1), match.end(1), int(match.group(1)))
            if month_first and current is not None:
                assigned.append((*day, current))
            else:
                pending.append(day)
            continue
        month = _MONTHS.get(match.group(2).lower())
        if month is None:
            continue
        if month_first is None:
            month_first = True
        current = month
        if not month_first:
            assigned.extend((*day, month) for day in pending)
            pending = []
    return assigned


def date_groups(text: str, expressions: list[TimeExpression]) -> list[DateGroup]:
    """Dated expressions of a sentence, in order, joined into lists where written as lists."""
    groups: list[list[DatePoint]] = []
    previous_end: int | None = None
    for expression in sorted(expressions, key=lambda e: e.start):
        if not expression.date_start:
            continue
        points = date_points(text, expression)
        if (
            groups
            and previous_end is not None
            and _LIST_GAP.match(text[previous_end : expression.start])
        ):
            groups[-1].extend(points)
        else:
            groups.append(list(points))
        previous_end = expression.end
    return [DateGroup(tuple(points)) for points in groups]


def day_expressions(expressions: list[TimeExpression]) -> list[TimeExpression]:
    """A sentence's dated expressions, but a bare clock time where a day is also written ("at
    16:15 UTC, June 1st"): its day is only the report's."""
    days = [e for e in expressions if e.date_start and (e.type != "time" or _names_a_day(e))]
    return days if days else expressions


def _names_a_day(expression: TimeExpression) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", expression.text)}
    return bool(words & _DAY_WORDS)


_DAY_WORDS = frozenset(MONTH_NUMBERS) | WEEKDAY_WORDS | {"today", "yesterday", "tomorrow"}


def dateline(text: str, sentence: Sentence, group: DateGroup, reported: TimeRange | None) -> bool:
    """Whether a date is a headline's dateline ("GM declares bankruptcy June 01, 2009"): the
    report's own day, with its year, closing the sentence with no preposition before it."""
    date = group.points[0].date
    return (
        reported is not None and len(group.points) == 1 and date.start == reported.start
        and date.end == reported.end and _YEAR.search(text, group.start, group.end) is not None
        and not text[group.end : sentence.end].strip(" .\n")
        and _PREPOSITION_BEFORE.search(text, max(0, group.start - 8), group.start) is None
    )


_YEAR = re.compile(r"\b\d{4}\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|of|by|since|until|from|to|at)\s+$", re.I)


@dataclass(frozen=True)
class Trigger:
    """A trigger word or phrase: its span and type, its first and last token."""

    span: Span
    type: str
    first: int
    last: int


_NEAR_AFTER = 40


def group_for(
    trigger: Trigger, groups: list[DateGroup], limit: int, last_of_type: bool
) -> DateGroup | None:
    after = [g for g in groups if trigger.span.end <= g.start < limit]
    before = [g for g in groups if g.end <= trigger.span.start]
    if after and before:
        # "flights on 3 June" takes the date that follows; "On 9 May, X called Y to discuss
        # the clashes of April 2-6" takes the nearer date before the trigger.
        gap_after = after[0].start - trigger.span.end
        gap_before = trigger.span.start - before[-1].end
        return after[0] if gap_after <= max(_NEAR_AFTER, gap_before) else before[-1]
    if after:
        return after[0]
    if before:
        return before[-1]
    return groups[0] if groups and last_of_type else None


_POSSESSIVE = ("'s", "\u2019s")
_BOUND_BEFORE = re.compile(
    r"\b(?:since|by|until|till|before|through|between|compared\s+(?:to|with)|(?:increase|decrease"
    r"|rise|fall|drop|up|down)\s+from|to\s+\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?)\s+(?:the\s+)?"
    r"(?:(?:last|next|this|early|late|mid)\s+)?$",
    re.IGNORECASE,
)
_POSSESSED_REACH = 24


_BEFORE_CLAIMED = re.compile(r"\s*(?:of|in)?\s*(?:the\s+)?", re.IGNORECASE)
_AFTER_CLAIMED = re.compile(r"(?:['\u2019]s)?\s+(?:[A-Z][\w-]*\s+)?")


def claimed_dates(
    text: str, groups: list[DateGroup], triggers: list[Trigger]
) -> dict[int, Trigger]:
    """Dates written as part of a happening's name ("the election of 1998", "the 2003
    earthquake", "the riots in December 2008"), by where they start: they date that happening
    alone, not the others of the sentence ("protesters marched after the election of 1998")."""
    claimed: dict[int, Trigger] = {}
    for group in groups:
        possessive = text[group.end : group.end + 2] in _POSSESSIVE  # "in Tuesday's clashes"
        for trigger in triggers:
            if not possessive and trigger.span.end <= group.start and _BEFORE_CLAIMED.fullmatch(
                text, trigger.span.end, group.start
            ) or group.end <= trigger.span.start and _AFTER_CLAIMED.fullmatch(
                text, group.end, trigger.span.start
            ):
                claimed[group.start] = trigger
                break
    return claimed


def dates_trigger(text: str, group: DateGroup, trigger: Trigger) -> bool:
    """A possessive date ("Tuesday's earthquake") dates only the happening it is written
    before, not the other happenings of its sentence; a bound ("since last October", "by
    2017") or a baseline ("compared to 2008", "an increase from the previous month") dates
    none."""
    if _BOUND_BEFORE.search(text, max(0, group.start - 16), group.start):
        return False
    if text[group.end : group.end + 2] not in _POSSESSIVE:
        return True
    return 0 <= trigger.span.start - (group.end + 2) <= _POSSESSED_REACH
