"""Time expressions: find them, give each its TimeML value and calendar range; date undated texts.

Rules are regular expressions (``timex_absolute``, ``timex_relative``, ``timex_periods``); every
match becomes a candidate, candidates are taken leftmost-longest without overlap, and each is
resolved in text order so that ``the previous day`` can count from the date last mentioned.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from ..language.en.time_words import NUMBER, UNIT, parse_number, unit_code
from ..model import Precision, TimeExpression, TimeRange
from . import timex_calendar as cal
from .timex_calendar import Resolved
from .timex_context import Context, Item, Rule

__all__ = ["find_times", "infer_publication_date"]


@lru_cache(maxsize=1)
def _rules() -> tuple[Rule, ...]:
    from . import timex_absolute, timex_periods, timex_relative

    return (*timex_absolute.RULES, *timex_relative.RULES, *timex_periods.RULES)


def find_times(text: str, anchor: datetime.date | None) -> list[TimeExpression]:
    """Every time expression of ``text`` in text order, resolved against ``anchor``."""
    ctx = Context(text, anchor)
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    for index, time_rule in enumerate(_rules()):
        for match in time_rule.pattern.finditer(text):
            start, end = match.span("body") if "body" in match.re.groupindex else match.span()
            if start < 0:
                start, end = match.span()
            if end > start:
                candidates.append((start, -(end - start), index, match))
    candidates.sort(key=lambda candidate: candidate[:3])
    rules = _rules()
    found: list[TimeExpression] = []
    cursor = 0
    for start, _, index, match in candidates:
        if start < cursor:
            continue
        items = _read(rules[index], match, ctx, cursor)
        for item_start, item_end, resolved in items:
            found.append(TimeExpression(
                item_start, item_end, text[item_start:item_end], resolved.type, resolved.value,
                resolved.date_start, resolved.date_end, resolved.precision,
            ))
            _update_focus(ctx, resolved, item_start)
        if items:
            cursor = max(item[1] for item in items)
    return found


def _read(time_rule: Rule, match: re.Match[str], ctx: Context, cursor: int) -> list[Item]:
    """What ``time_rule`` reads in ``match`` from ``cursor`` on; a date the calendar cannot hold
    (before year 1 or after 9999, as "in 5000 years" from 9999) is dropped."""
    try:
        items = time_rule.handler(match, ctx)
    except (OverflowError, ValueError):  # what datetime raises when arithmetic leaves its range
        return []
    return [item for item in items if item[0] >= cursor and cal.representable(item[2])]


def _update_focus(ctx: Context, resolved: Resolved, position: int) -> None:
    if resolved.type not in ("date", "time") or not resolved.date_start:
        return
    if "-Q" in resolved.value:
        ctx.set_quarter_focus(resolved.value, position)
    if resolved.date_start != resolved.date_end:
        return
    first_day = datetime.date.fromisoformat(cal.sort_key(resolved.date_start))
    if resolved.precision == "day":
        ctx.set_focus(first_day, position)
    else:
        ctx.set_coarse_focus(first_day, position)


_SINCE = re.compile(
    rf"\b(?:(?:more\s+than|over|at\s+least|almost|nearly|about|some)\s+)?(?P<n>{NUMBER})[\s-]+"
    rf"(?P<unit>{UNIT})\s+(?:(?:have|has|had)\s+(?:now\s+)?(?:passed|elapsed|gone\s+by)\s+)?"
    r"(?:since|after)\b",
    re.IGNORECASE,
)


def infer_publication_date(text: str) -> TimeRange | None:
    """The earliest a text can have been written, from the latest absolute date it mentions.

    ``more than 15 months have passed since ... 10 November 2020`` adds the offset (2022-02).
    The range is open-ended (``end`` is None): a text is written on or after what it reports.
    """
    times = find_times(text, None)
    dated = [time for time in times if time.type == "date" and time.date_start and time.precision]
    best: tuple[str, str, Precision] | None = None  # (sort key, iso, precision)
    precisions: tuple[Precision, ...] = ("day", "month", "year")
    for precision in precisions:
        latest = [time for time in dated if time.precision == precision
                  and time.date_start == time.date_end]
        if latest:
            chosen = max(latest, key=lambda time: cal.sort_key(time.date_start or ""))
            best = (cal.sort_key(chosen.date_start or ""), chosen.date_start or "", precision)
            break
    for offset in _elapsed_since(text, dated):
        if best is None or offset[0] > best[0]:
            best = offset
    if best is None:
        return None
    return TimeRange(best[1], None, best[2])


def _elapsed_since(text: str, dated: list[TimeExpression]) -> list[tuple[str, str, Precision]]:
    """Dates reached by ``N units (have passed) since/after DATE`` (DATE in the same sentence)."""
    offsets: list[tuple[str, str, Precision]] = []
    for match in _SINCE.finditer(text):
        amount = parse_number(match["n"])
        unit = unit_code(match["unit"])
        if amount is None or amount != int(amount) or unit not in ("D", "W", "M", "Y"):
            continue
        following = [time for time in dated if match.end() <= time.start < match.end() + 200
                     and "." not in text[match.end() : time.start].replace(". ", ".")[:-1]]
        if not following:
            continue
        base_precision = following[0].precision or "day"
        precision: Precision
        base = datetime.date.fromisoformat(cal.sort_key(following[0].date_start or ""))
        try:
            moved = cal.shift(base, unit, int(amount)).isoformat()
        except (OverflowError, ValueError):  # past the years datetime holds
            continue
        if base_precision == "year":
            iso, precision = moved[:4], "year"
        elif base_precision == "month" or unit in ("M", "Y"):
            iso, precision = moved[:7], "month"
        else:
            iso, precision = moved, "day"
        offsets.append((cal.sort_key(iso), iso, precision))
    return offsets
