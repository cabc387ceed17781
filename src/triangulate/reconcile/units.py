"""What is counted: unit families that may be compared, and how to name them."""

from __future__ import annotations

from ..language.en.measures import QUALIFIER_WORDS, UNCOMPARABLE_UNITS, UNIT_FAMILIES, UNIT_PLURALS
from ..language.en.plurals import singular
from ..model import Quantity


def family(unit: str) -> str | None:
    """The comparable family of a unit, or None for units that say nothing on their own."""
    u = unit.strip().lower()
    u = UNIT_FAMILIES.get(u, UNIT_FAMILIES.get(singular(u), singular(u)))
    return None if u in UNCOMPARABLE_UNITS else u


def plural(unit: str) -> str:
    if unit in UNIT_PLURALS:
        return UNIT_PLURALS[unit]
    if unit.endswith("man"):
        return unit[:-3] + "men"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit if unit.endswith("s") else unit + "s"




def describe(quantity: Quantity) -> str:
    """"over 400 tons", "20-54 people": the value as a reader would write it, ranges as ranges."""
    value = quantity.value
    number = written_number(value)
    if quantity.value_max is not None and quantity.value_max != value:
        number = f"{number}\u2013{written_number(quantity.value_max)}"
        value = quantity.value_max
    unit = quantity.unit if value == 1 else plural(quantity.unit)
    return f"{QUALIFIER_WORDS.get(quantity.qualifier, '')}{number} {unit}"


def written_number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1000 and value == int(value) else f"{value:g}"
