"""Facts of when, for how long and how old: the time of day a happening is told at ("struck at
1420", "hit at 2:20 p.m. local time"), how long it lasted ("it lasted around 20 seconds", "a
tremor for two minutes") and the age of someone it befell ("a 30-month-old girl had died").
Reconciliation compares them as it compares counts.

A time of day is a quantity of minutes after midnight, in the unit of the zone its own words
give (``CLOCK_LOCAL`` or ``CLOCK_GMT``; a zone in brackets after it tells the same moment
another way). A duration of seconds, minutes or hours is a quantity of seconds; it answers a
question only when its clause says how long something lasted (``LASTED``). An age is a quantity
of months that measures ``AGE`` ("30-month-old", "45 years old").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..language.en.happenings import LASTED, LASTING_VERBS, same_happening
from ..language.en.measures import (
    AGE,
    CLOCK_GMT,
    CLOCK_LOCAL,
    DURATION_IN_MONTHS,
    DURATION_IN_SECONDS,
)
from ..model import Fact, Qualifier, Quantity, TimeExpression, Tokens
from .fact_parse import _lemma

_CLOCK_VALUE = re.compile(r"T(?P<hour>[012]\d):(?P<minute>[0-5]\d)")
_OWN_ZONE_GMT = re.compile(r"^[^(]*\b(?:GMT|UTC)\b")
_APPROXIMATE = re.compile(r"\b(?:about|around|approximately|shortly|just)\b", re.IGNORECASE)
_TIME_LINKS = ("obl", "nmod", "advmod", "nummod")
SHORT_DURATIONS = frozenset({"second", "minute", "hour"})
"""Durations that tell how long one happening lasted; days and years tell of periods."""


def clock_quantity(time: TimeExpression) -> Quantity | None:
    """The time of day ``time`` gives, as minutes after midnight; None for a date alone."""
    if time.type != "time":
        return None
    match = _CLOCK_VALUE.search(time.value)
    if match is None:
        return None
    minutes = int(match["hour"]) * 60 + int(match["minute"])
    zone = CLOCK_GMT if _OWN_ZONE_GMT.search(time.text) else CLOCK_LOCAL
    qualifier: Qualifier = "about" if _APPROXIMATE.search(time.text) else "exact"
    return Quantity(time.start, time.end, time.text, float(minutes), zone, qualifier)


def clock_predicate(tokens: Tokens, quantity: Quantity) -> int | None:
    """The word the time of day is attached to: the verb of "struck at 1420", the noun of "the
    quake at 1420"."""
    inside = tokens.within(quantity)
    if not inside:
        return None
    first = next((i for i in inside if tokens.heads[i] not in inside), None)
    if first is None or not tokens.deps[first].startswith(_TIME_LINKS):
        return None
    return tokens.heads[first]


def clock_kinds(tokens: Tokens, text: str, predicate: int | None) -> tuple[str, ...]:
    """What happened at the time: the predicate's happening, one word for the verbs that name
    one ("hit" and "struck" are ``~strike``)."""
    if predicate is None or tokens.pos[predicate] not in ("VERB", "NOUN"):
        return ()
    lemma = _lemma(tokens, text, predicate)
    if not lemma.isalpha():
        return ()
    return ("~" + (same_happening([lemma]) or lemma),)


def is_lasting(tokens: Tokens, text: str, quantity: Quantity, predicate: int | None) -> bool:
    """Whether a duration tells how long something lasted: the object of "lasted", or "for one
    minute" after a happening."""
    if quantity.unit not in SHORT_DURATIONS:
        return False
    if predicate is not None and _lemma(tokens, text, predicate) in LASTING_VERBS:
        return True
    return text[max(0, quantity.start - 4) : quantity.start].lower() == "for "


def as_duration(fact: Fact, lasting: bool, measure: tuple[str, ...]) -> Fact:
    """A duration's fact in seconds ("two minutes" is 120 seconds), of what lasted."""
    quantity = fact.quantity
    seconds = DURATION_IN_SECONDS[quantity.unit]
    value_max = quantity.value_max * seconds if quantity.value_max is not None else None
    return replace(
        fact,
        quantity=replace(quantity, value=quantity.value * seconds, unit="second",
                         value_max=value_max),
        kinds=(LASTED,) if lasting else fact.kinds,
        measure=measure,
    )


_OLD_AFTER = re.compile(r"[\s-]*old\b", re.IGNORECASE)


def is_age(text: str, quantity: Quantity) -> bool:
    """"a 30-month-old girl", "the man, 45 years old"."""
    return quantity.unit in DURATION_IN_MONTHS and (
        quantity.text.lower().endswith("old") or _OLD_AFTER.match(text, quantity.end) is not None)


def as_age(fact: Fact) -> Fact:
    """An age's fact in months ("45 years old" is 540 months)."""
    quantity = fact.quantity
    months = DURATION_IN_MONTHS[quantity.unit]
    return replace(fact, quantity=replace(quantity, value=quantity.value * months, unit="month"),
                   measure=(AGE,))
