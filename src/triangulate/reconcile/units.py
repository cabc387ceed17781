"""What is counted: unit families that may be compared, and how to name them."""

from __future__ import annotations

from dataclasses import replace

from ..language.en.happenings import LASTED
from ..language.en.measures import (
    AGE,
    CLOCK_UNITS,
    DURATION,
    DURATION_IN_MONTHS,
    DURATION_IN_SECONDS,
    QUALIFIER_WORDS,
    UNCOMPARABLE_UNITS,
    UNIT_FAMILIES,
    UNIT_PLURALS,
)
from ..language.en.plurals import singular
from ..model import Fact, Quantity


def family(unit: str) -> str | None:
    """The comparable family of a unit, or None for units that say nothing on their own."""
    if unit in CLOCK_UNITS:
        return unit
    u = unit.strip().lower()
    u = UNIT_FAMILIES.get(u, UNIT_FAMILIES.get(singular(u), singular(u)))
    return None if u in UNCOMPARABLE_UNITS else u


def fact_family(fact: Fact) -> str | None:
    """The family of a fact's quantity; a duration is comparable only as how long something
    lasted ("lasted 30 seconds"), never as a period ("within 24 hours"); an age as an age."""
    if fact.quantity.unit == "second" and LASTED in fact.kinds:
        return DURATION
    if fact.quantity.unit == "month" and AGE in fact.measure:
        return AGE
    return family(fact.quantity.unit)


def plural(unit: str) -> str:
    if unit in UNIT_PLURALS:
        return UNIT_PLURALS[unit]
    if unit.endswith("man"):
        return unit[:-3] + "men"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit if unit.endswith("s") else unit + "s"




def describe(quantity: Quantity) -> str:
    """"over 400 tons", "20-54 people": the value as a reader would write it, ranges as ranges;
    a time of day as a clock reads ("13:53 local time"), a duration in its largest whole unit."""
    if quantity.unit in CLOCK_UNITS:
        hours, minutes = divmod(int(quantity.value), 60)
        qualifier = QUALIFIER_WORDS.get(quantity.qualifier, "")
        return f"{qualifier}{hours:02d}:{minutes:02d} {quantity.unit}"
    if quantity.unit in ("second", "month"):
        quantity = _in_largest_unit(quantity)
    value = quantity.value
    number = written_number(value)
    if quantity.value_max is not None and quantity.value_max != value:
        number = f"{number}\u2013{written_number(quantity.value_max)}"
        value = quantity.value_max
    unit = quantity.unit if value == 1 else plural(quantity.unit)
    return f"{QUALIFIER_WORDS.get(quantity.qualifier, '')}{number} {unit}"


def written_number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1000 and value == int(value) else f"{value:g}"


_LARGER_UNITS = {"second": (("hour", 3600), ("minute", 60)), "month": (("year", 24),)}
"""The units a duration in seconds or an age in months is better told in, each from the least
value it takes ("540 months" is 45 years; an age under two years is told in months)."""
_UNIT_SIZES = {**DURATION_IN_SECONDS, **DURATION_IN_MONTHS}


def _in_largest_unit(duration: Quantity) -> Quantity:
    """A duration in the largest unit that divides it: 60 seconds is 1 minute."""
    for unit, least in _LARGER_UNITS[duration.unit]:
        size = _UNIT_SIZES[unit]
        if duration.value >= least and all(
            v % size == 0 for v in (duration.value, duration.value_max or 0)
        ):
            top = duration.value_max / size if duration.value_max is not None else None
            return replace(duration, value=duration.value / size, unit=unit, value_max=top)
    return duration
