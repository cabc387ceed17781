"""What is counted: unit families that may be compared, and how to name them."""

from __future__ import annotations

from ..language.en.plurals import singular
from ..model import Quantity

# Counted nouns and units that name the same thing (general English usage).
_FAMILIES = {
    "tonne": "ton",
    "tons": "ton",
    "tonnes": "ton",
    "metric ton": "ton",
    "t": "ton",
    "soldier": "soldier",
    "serviceman": "soldier",
    "servicemen": "soldier",
    "troop": "soldier",
    "servicemember": "soldier",
    "service member": "soldier",
    "military personnel": "soldier",
    "kilometre": "km",
    "kilometer": "km",
    "kilometres": "km",
    "kilometers": "km",
    "mile": "mile",
    "dollar": "usd",
    "$": "usd",
    "us dollar": "usd",
    "%": "percent",
    "per cent": "percent",
    "flights": "flight",
    "plane": "aircraft",
    "airplane": "aircraft",
    "people": "person",
    "richter": "magnitude",
    "death": "person",
    "population": "person",
    "resident": "person",
    "inhabitant": "person",
    "fatality": "person",
    "dead": "person",
    "wounded": "person",
    "injured": "person",
    "missing": "person",
    "homeless": "person",
    "displaced": "person",
    "casualty": "person",
    "victim": "person",
    "personnel": "staff",
    "staffer": "staff",
    "employee": "worker",
    "persons": "person",
}
# Units that say nothing on their own, and counted nouns that are references rather than facts
# ("the two countries", "both sides").
_NOT_COMPARABLE = {
    "",
    "year",
    "day",
    "month",
    "week",
    "hour",
    "minute",
    "second",
    "time",
    "times",
    "country",
    "side",
    "party",
    "part",
    "way",
    "one",
    "other",
    "thing",
    "case",
    "gmt",
    "utc",
    "am",
    "pm",
}
_PLURALS = {
    "person": "people",
    "soldier": "soldiers",
    "aircraft": "aircraft",
    "km": "km",
    "km2": "square kilometres",
    "m2": "square metres",
    "sq_mile": "square miles",
    "usd": "US dollars",
    "eur": "euros",
    "percent": "percent",
}


def family(unit: str) -> str | None:
    """The comparable family of a unit, or None for units that say nothing on their own."""
    u = unit.strip().lower()
    u = _FAMILIES.get(u, _FAMILIES.get(singular(u), singular(u)))
    return None if u in _NOT_COMPARABLE else u


def plural(unit: str) -> str:
    if unit in _PLURALS:
        return _PLURALS[unit]
    if unit.endswith("man"):
        return unit[:-3] + "men"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit if unit.endswith("s") else unit + "s"


_QUALIFIER_WORDS = {
    "exact": "",
    "over": "over ",
    "at_least": "at least ",
    "under": "under ",
    "at_most": "at most ",
    "about": "about ",
    "up_to": "up to ",
}


def describe(quantity: Quantity) -> str:
    """"over 400 tons", "20-54 people": the value as a reader would write it, ranges as ranges."""
    value = quantity.value
    number = _number(value)
    if quantity.value_max is not None and quantity.value_max != value:
        number = f"{number}\u2013{_number(quantity.value_max)}"
        value = quantity.value_max
    unit = quantity.unit if value == 1 else plural(quantity.unit)
    return f"{_QUALIFIER_WORDS.get(quantity.qualifier, '')}{number} {unit}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1000 and value == int(value) else f"{value:g}"
