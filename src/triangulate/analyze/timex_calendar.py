"""Calendar values for time expressions: TimeML value strings, calendar ranges and arithmetic."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from ..model import Precision, TimeType

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Resolved:
    """What a time expression denotes: its TimeML type and value and, for dates, its range."""

    type: TimeType
    value: str
    date_start: str | None = None
    date_end: str | None = None
    precision: Precision | None = None


def day(value: datetime.date) -> Resolved:
    iso = value.isoformat()
    return Resolved("date", iso, iso, iso, "day")


def month(year: int, month_number: int) -> Resolved:
    iso = f"{year:04d}-{month_number:02d}"
    return Resolved("date", iso, iso, iso, "month")


def year(year_number: int) -> Resolved:
    iso = f"{year_number:04d}"
    return Resolved("date", iso, iso, iso, "year")


def week(monday: datetime.date, weekend: bool = False) -> Resolved:
    iso_year, iso_week, _ = monday.isocalendar()
    value = f"{iso_year:04d}-W{iso_week:02d}" + ("-WE" if weekend else "")
    first = monday + datetime.timedelta(days=5 if weekend else 0)
    last = monday + datetime.timedelta(days=6)
    return Resolved("date", value, first.isoformat(), last.isoformat(), "day")


def quarter(year_number: int, number: int) -> Resolved:
    first, last = 3 * number - 2, 3 * number
    return Resolved(
        "date", f"{year_number:04d}-Q{number}", f"{year_number:04d}-{first:02d}",
        f"{year_number:04d}-{last:02d}", "month",
    )


def half(year_number: int, number: int) -> Resolved:
    first, last = (1, 6) if number == 1 else (7, 12)
    return Resolved(
        "date", f"{year_number:04d}-H{number}", f"{year_number:04d}-{first:02d}",
        f"{year_number:04d}-{last:02d}", "month",
    )


def season(year_number: int, code: str) -> Resolved:
    first, last = SEASON_MONTHS[code]
    end_year = year_number + 1 if code == "WI" else year_number
    return Resolved(
        "date", f"{year_number:04d}-{code}", f"{year_number:04d}-{first:02d}",
        f"{end_year:04d}-{last:02d}", "month",
    )


def decade(prefix: int) -> Resolved:
    """``prefix`` is the first three digits of the years (199 for the 1990s)."""
    return Resolved("date", f"{prefix:03d}", f"{prefix:03d}0", f"{prefix:03d}9", "year")


def century(prefix: int) -> Resolved:
    """``prefix`` is the first two digits of the years (19 for the twentieth century)."""
    return Resolved("date", f"{prefix:02d}", f"{prefix:02d}00", f"{prefix:02d}99", "year")


def span(first: Resolved, last: Resolved) -> Resolved:
    """One expression covering ``first`` to ``last`` (``June 3-7``); its value is the first's."""
    precision = first.precision
    if first.precision != last.precision and first.date_start and last.date_end:
        precision = "day" if "day" in (first.precision, last.precision) else "month"
    return Resolved(first.type, first.value, first.date_start, last.date_end, precision)


def unanchored(value: str, type_: TimeType = "date") -> Resolved:
    """A value with no calendar range (references, unknown years, durations, sets)."""
    return Resolved(type_, value)


def first_day(iso: str) -> datetime.date:
    """The first day of an ISO date, month ("2020-10") or year."""
    parts = [int(p) for p in iso.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1,
                         parts[2] if len(parts) > 2 else 1)


def last_day(iso: str) -> datetime.date:
    """The last day of an ISO date, month or year."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return datetime.date(parts[0], 12, 31)


def representable(resolved: Resolved) -> bool:
    """Whether the calendar range of ``resolved``, if it has one, lies in years 1 to 9999."""
    try:
        for iso in (resolved.date_start, resolved.date_end):
            if iso is not None:
                first_day(iso)
                last_day(iso)
    except ValueError:
        return False
    return True


def valid_day(year_number: int, month_number: int, day_number: int) -> datetime.date | None:
    if not 1 <= month_number <= 12 or not 1 <= day_number <= 31:
        return None
    if day_number > calendar.monthrange(year_number, month_number)[1]:
        return None
    return datetime.date(year_number, month_number, day_number)


def add_months(value: datetime.date, count: int) -> datetime.date:
    index = value.year * 12 + value.month - 1 + count
    target_year, target_month = divmod(index, 12)
    last_day = calendar.monthrange(target_year, target_month + 1)[1]
    return datetime.date(target_year, target_month + 1, min(value.day, last_day))


def shift(value: datetime.date, unit: str, count: int) -> datetime.date:
    """``value`` moved by ``count`` units (D, W, M, Q, Y, E for decades, C for centuries)."""
    if unit == "D":
        return value + datetime.timedelta(days=count)
    if unit == "W":
        return value + datetime.timedelta(weeks=count)
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}.get(unit)
    if months is None:
        return value
    return add_months(value, count * months)


def at_granularity(value: datetime.date, unit: str) -> Resolved:
    """The calendar unit of size ``unit`` that contains ``value``."""
    if unit in ("D", "H", "MIN", "S"):
        return day(value)
    if unit == "W":
        return week(value - datetime.timedelta(days=value.weekday()))
    if unit == "M":
        return month(value.year, value.month)
    if unit == "Q":
        return quarter(value.year, (value.month - 1) // 3 + 1)
    if unit == "E":
        return decade(value.year // 10)
    if unit == "C":
        return century(value.year // 100)
    return year(value.year)


def sort_key(iso: str) -> str:
    """An ISO date of any precision as a comparable full date (its first day)."""
    parts = iso.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def end_key(iso: str) -> str:
    """An ISO date of any precision as a comparable full date (its last day)."""
    parts = iso.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        year_number, month_number = int(parts[0]), int(parts[1])
        return f"{iso}-{calendar.monthrange(year_number, month_number)[1]:02d}"
    return iso
