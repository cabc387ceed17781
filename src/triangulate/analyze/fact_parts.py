"""Where a count is when the parse alone cannot say.

Counts broken down by place: "302 people were killed -- 232 in Tarvos, 52 in Brixel and 18 in
Ostrava", "80 deaths in Tarvos, 36 in Brixel and 13 fatalities in Ostrava".

Each part of such a list counts what the list's first count counts (its unit and what happened),
in its own place only; the total before the list is the sum and keeps none of the parts'
places. The parse often hangs a later part's place on the wrong word, so a part is read from
the words around it: a number, at most three words, then "in", "at" or "from" and a place, the
parts joined by commas, "and" or a semicolon.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..language.en.measures import ADDED_AFTER_NUMBER, ADDITIONAL_WORDS, CURRENCY_CODES
from ..language.en.names import LOCATION_HEADS
from ..model import Fact, Mention, Span
from .entity_gazetteer import country_codes, fold

_OWN_PLACE = re.compile(
    r"[ \t]+(?:[A-Za-z-]+[ \t]+){0,3}?(?:in|at|from)[ \t]+(?:the[ \t]+)?(?=[A-Z])"
)
_PART_JOIN = re.compile(r"\s*(?:,|;|,?\s+and)\s+")
_LIST_OPENS = re.compile(
    r"(?:--|\u2013|\u2014|:|\(|,\s*(?:including|among them|of whom|of which))\s*$"
)


def with_parts(
    text: str, facts: Sequence[Fact], places_at: Mapping[int, Mention]
) -> tuple[Fact, ...]:
    """``facts`` (of one claim) with each part of a list scoped to its own place and the list's
    unit and happenings, and the total before the list scoped to none of the parts' places.
    ``places_at`` holds the document's place mentions by start offset."""
    ordered = sorted(range(len(facts)), key=lambda k: facts[k].quantity.start)
    places: dict[int, tuple[str, int]] = {}
    for k in ordered:
        place = _own_place(text, facts[k], places_at)
        if place is not None:
            places[k] = place
    result = list(facts)
    for chain in _chains(text, [facts[k] for k in ordered], ordered, places):
        total = _total_before(text, facts, ordered, chain[0])
        model = facts[chain[0]] if total is None else facts[total]
        unit = model.quantity.unit or _unit_before(facts, ordered, chain[0])
        for k in chain:
            part = facts[k]
            quantity = part.quantity
            if not quantity.unit and unit:
                quantity = replace(quantity, unit=unit)
            kinds = part.kinds if _listed(part.kinds) else model.kinds
            result[k] = replace(
                part, quantity=quantity, kinds=kinds, places=(places[k][0],), part=True,
                part_of=None if total is None else facts[total].quantity.value,
            )
        if total is not None:
            owned = {places[k][0] for k in chain}
            result[total] = replace(
                facts[total], places=tuple(p for p in facts[total].places if p not in owned)
            )
    return tuple(result)


_ADDITIONAL = re.compile(rf"\b(?:{ADDITIONAL_WORDS})\s+$", re.IGNORECASE)
_ADDED = re.compile(rf"\s(?:{'|'.join(sorted(ADDED_AFTER_NUMBER))})\s", re.IGNORECASE)


def with_additional_parts(text: str, facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """A count of a place added to one told before ("in Tarvos, where another 20,000 people
    marched") is that place's part, and a count added to one told before ("two more victims")
    a part with no place: neither answers a question of the whole story. ("Another 1.5
    million were made homeless" with no place counts another group; "an additional $5 billion
    in aid" is an increment of an amount, wherever it goes.)"""
    return tuple(
        replace(fact, part=True)
        if ((fact.places or fact.quantity.unit.upper() in CURRENCY_CODES)
            and _ADDITIONAL.search(text, max(0, fact.quantity.start - 20), fact.quantity.start))
        or _ADDED.search(fact.quantity.text)
        else fact
        for fact in facts
    )


def with_change_units(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """"raised the toll from 20 people to 45": the bare new value counts what the value the
    change started from counts."""
    previous = {fact.kinds: fact.quantity.unit for fact in facts
                if fact.previous and fact.quantity.unit}
    return tuple(
        replace(fact, quantity=replace(fact.quantity, unit=previous[fact.kinds]))
        if not fact.quantity.unit and not fact.previous and fact.kinds in previous else fact
        for fact in facts
    )


def _unit_before(facts: Sequence[Fact], ordered: list[int], first_part: int) -> str:
    """What the nearest count before a list of bare numbers counts: "2,000 cases in Tarvos,
    with 51 in Brixel and 15 in Ostrava" counts cases throughout."""
    before = ordered[: ordered.index(first_part)]
    return next((facts[k].quantity.unit for k in reversed(before) if facts[k].quantity.unit), "")


def _own_place(
    text: str, fact: Fact, places_at: Mapping[int, Mention]
) -> tuple[str, int] | None:
    """The place named right after a count ("13 fatalities in Tarvos"), and where it ends."""
    match = _OWN_PLACE.match(text, fact.quantity.end)
    mention = places_at.get(match.end()) if match is not None else None
    if mention is None:
        return None
    return mention.normalized or mention.text, mention.end


def _chains(
    text: str, ordered: list[Fact], indexes: list[int], places: dict[int, tuple[str, int]]
) -> list[list[int]]:
    """Runs of at least two placed counts, each right after the place of the one before."""
    chains: list[list[int]] = []
    current: list[int] = []
    for position, k in enumerate(indexes):
        previous = current[-1] if current else None
        if previous is not None and ordered[position].quantity.start < places[previous][1]:
            continue  # inside the place words of the one before: "80 deaths from two hospitals in"
        joined = (
            previous is not None and k in places
            and _PART_JOIN.fullmatch(text, places[previous][1], ordered[position].quantity.start)
            is not None
        )
        if joined:
            current.append(k)
            continue
        if len(current) > 1:
            chains.append(current)
        current = [k] if k in places else []
    if len(current) > 1:
        chains.append(current)
    return [c for c in chains if len({places[k][0] for k in c}) == len(c)]


def _total_before(
    text: str, facts: Sequence[Fact], ordered: list[int], first_part: int
) -> int | None:
    """The count a list breaks down: the one before it, the list opened by a dash, a colon, a
    bracket or "including"."""
    position = ordered.index(first_part)
    if position == 0:
        return None
    total = ordered[position - 1]
    between = text[facts[total].quantity.end : facts[first_part].quantity.start]
    if not facts[total].quantity.unit or _LIST_OPENS.search(between) is None:
        return None
    return total


def _listed(kinds: Sequence[str]) -> bool:
    return any(not kind.startswith("~") for kind in kinds)


_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_INTRODUCED = re.compile(r",\s+(?:a|an|the)\s+((?:[a-z-]+\s+){0,2}[a-z]+)\b")
"""A place introduced to the reader: "in Tarvos, a town about 19km to the west"."""


def with_place_before(
    text: str, facts: Sequence[Fact], sentence: Span, before: Span | None,
    places_at: Mapping[int, Mention], main_place: str | None,
) -> tuple[Fact, ...]:
    """Counts of a sentence that names no place, right after a sentence that introduces one
    town ("Up to 90% of the buildings were damaged in Tarvos, a town to the west. Police say
    5,000 people have been killed"; "clashes in Tarvos, a port city east of Brixel. At least 27
    people were wounded"): the counts are that town's, and answer no question of the whole
    story. Not for a country, nor for the place the report is mostly about."""
    if before is None or not facts or any(
        sentence.start <= start < sentence.end for start in places_at
    ):
        return tuple(facts)
    introduced = [
        mention for start, mention in places_at.items()
        if before.start <= start < before.end
        and _LOCATIVE.search(text, max(before.start, start - 12), start)
        and _introduced(text, mention.end)
    ]
    named = {mention.normalized or mention.text for mention in introduced}
    # the places that describe the town ("Tarvos, a port city east of Brixel") are not others
    last = max((mention.start for mention in introduced), default=before.end)
    others = {
        mention.normalized or mention.text
        for start, mention in places_at.items() if before.start <= start <= last
    }
    if len(named) != 1 or others != named:
        return tuple(facts)
    (place,) = named
    if place == main_place or fold(place) in country_codes():
        return tuple(facts)
    return tuple(
        replace(fact, places=(place,), part=True) if not fact.places else fact for fact in facts
    )


def _introduced(text: str, end: int) -> bool:
    match = _INTRODUCED.match(text, end)
    return match is not None and any(word in LOCATION_HEADS for word in match.group(1).split())
