"""What is counted: unit families that may be compared, and how to name them."""

from __future__ import annotations

from dataclasses import replace

from ..language.en.happenings import LASTED
from ..language.en.measures import (
    CLOCK_UNITS,
    DURATION,
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
    lasted ("lasted 30 seconds"), never as a period ("within 24 hours")."""
    if fact.quantity.unit == "second" and LASTED in fact.kinds:
        return DURATION
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
    if quantity.unit == "second":
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


_LARGER_UNITS = (("hour", 3600), ("minute", 60))


def _in_largest_unit(duration: Quantity) -> Quantity:
    """A duration in seconds in the largest unit that divides it: 60 seconds is 1 minute."""
    for unit, seconds in _LARGER_UNITS:
        if duration.value >= seconds and all(
            v % seconds == 0 for v in (duration.value, duration.value_max or 0)
        ):
            top = duration.value_max / seconds if duration.value_max is not None else None
            return replace(duration, value=duration.value / seconds, unit=unit, value_max=top)
    return duration
