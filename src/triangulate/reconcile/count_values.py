"""How two figures meet: the same figure told alike or to another precision, a figure within a
bound, bounds one count can meet together; read by the count verdicts (``compare_counts``)."""

from __future__ import annotations

from ..language.en.measures import AGE, CLOCK_UNITS, DURATION, LOGARITHMIC_UNITS
from ..model import Quantity
from .compare_facts import in_figures
from .units import family

ABOUT_TOLERANCE = 0.1
MAGNITUDE_ROUNDING = 0.05
CLOCK_TOLERANCE_MINUTES = 15
""""About 1:50 p.m." and 13:53 tell one moment; "about" on a clock allows this many minutes."""
NON_CUMULATIVE = {"percent", DURATION, AGE, *CLOCK_UNITS}
"""Families whose later, larger value is no running total that grew."""
LOWER_BOUNDS = {"over", "at_least"}
UPPER_BOUNDS = {"under", "at_most", "up_to"}


def above(b: Quantity, a: Quantity) -> bool:
    """Whether ``b`` is more than ``a``: a larger value, or a lower bound at an upper bound
    ("more than 300" after "up to 300")."""
    return b.value > a.value or (
        b.value == a.value and b.qualifier == "over" and a.qualifier in UPPER_BOUNDS)


def values_agree(a: Quantity, b: Quantity) -> bool:
    if a.value_max != b.value_max:
        return False
    if a.value == b.value:
        opposed = (a.qualifier in LOWER_BOUNDS and b.qualifier in UPPER_BOUNDS) or (
            a.qualifier in UPPER_BOUNDS and b.qualifier in LOWER_BOUNDS
        )
        return not opposed
    if "about" in (a.qualifier, b.qualifier) and {a.qualifier, b.qualifier} <= {"about", "exact"}:
        if family(a.unit) in LOGARITHMIC_UNITS:  # "about 6.0" is no 5.9 on a magnitude scale
            return abs(a.value - b.value) < MAGNITUDE_ROUNDING
        if a.unit in CLOCK_UNITS:
            return abs(a.value - b.value) <= CLOCK_TOLERANCE_MINUTES
        return abs(a.value - b.value) <= ABOUT_TOLERANCE * max(a.value, b.value)
    return False


ROUNDING_TOLERANCE = 0.05
"""A round figure ("600") and a precise one ("612") this close are the same count told to a
different precision, not a conflict."""


def rounded(round_figure: Quantity, figure: Quantity) -> bool:
    if {round_figure.qualifier, figure.qualifier} - {"exact", "about"}:
        return False
    if round_figure.value_max is not None or figure.value_max is not None:
        return False
    if family(round_figure.unit) in LOGARITHMIC_UNITS | NON_CUMULATIVE:
        return False
    value = round_figure.value
    if value < 100 or value != int(value) or int(value) % 100:
        return False
    step = 100
    while int(value) % (step * 10) == 0:
        step *= 10
    difference = abs(value - figure.value)
    return difference < step / 2 and difference <= ROUNDING_TOLERANCE * value


REFINEMENT = 1.1
"""A figure at most this far above a lower bound tells the bound's count more exactly, unless
it is a running total that moved ("rose to 110,000")."""


def refines(bound: Quantity, figure: Quantity) -> bool:
    return (bound.qualifier in LOWER_BOUNDS and bound.value_max is None
            and within(bound, figure) and figure.value <= bound.value * REFINEMENT)


def loosely_within(bound: Quantity, figure: Quantity) -> bool:
    """``figure`` lies in ``bound``'s range, and the bound is loose ("dozens", "up to 300")
    or close to it: "at least 50 injured" and "80 injured" are two counts, not one told twice."""
    if not within(bound, figure):
        return False
    return not (in_figures(bound) and bound.qualifier in LOWER_BOUNDS and bound.value_max is None
                and figure.value > bound.value * REFINEMENT)


def bounds_met_together(a: Quantity, b: Quantity) -> bool:
    """A loose word ("dozens", "hundreds") and a written bound one count can meet with it: "as
    many as 80", "at least 50". Two written bounds ("more than 100", "up to 159") are two
    different figures."""
    if a.value_max is not None or b.value_max is not None:
        return False
    loose = [q for q in (a, b) if q.qualifier in LOWER_BOUNDS and not in_figures(q)]
    if len(loose) != 1:
        return False
    other = b if loose[0] is a else a
    if other.qualifier in UPPER_BOUNDS:
        return loose[0].value < other.value
    return other.qualifier in LOWER_BOUNDS and loose[0].value <= other.value


def one_ceiling(a: Quantity, b: Quantity) -> bool:
    """Two upper bounds that reach the same figure ("up to 80-90%" and "up to 90%")."""
    return a.qualifier in UPPER_BOUNDS and b.qualifier in UPPER_BOUNDS and (
        (a.value_max or a.value) == (b.value_max or b.value))


def within(bound: Quantity, figure: Quantity) -> bool:
    """``figure`` is a more specific value inside ``bound``'s range."""
    if figure.qualifier not in ("exact", "about"):
        return False
    if bound.value_max is not None:
        return bound.value <= figure.value <= bound.value_max
    if bound.qualifier in LOWER_BOUNDS:
        return figure.value > bound.value
    if bound.qualifier in UPPER_BOUNDS:
        return figure.value < bound.value
    return False
