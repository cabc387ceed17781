"""Quantities in text: a number with what it counts and how it is hedged.

``find_quantities("more than 350 tons of grain")`` gives one ``Quantity`` 350, 'ton', 'over'
whose span covers "more than 350 tons".  Rules, without a trained model:

- The unit is what is counted, singular and lower case ("eleven ferries" -> 'ferry'); words between
  the number and the noun are skipped ("14 Peruvian miners" -> 'miner'): the first
  plural noun after the number is the head.  Measures use short canonical names ('km', 'm', 'ton',
  'kg', 'percent', 'km/h', 'celsius', 'hour' ...), money an ISO code ('usd', 'eur', 'gbp', 'rub').
  A number with no noun after it gets the unit ''.
- Qualifiers: 'over', 'at_least', 'about', 'up_to', 'under', 'at_most' from the words before the
  number (in the span) or a verb such as "exceeded" (out of the span).  "nearly" and "almost" read
  as 'about': writers use them for round figures a little off either way.
- "hundreds of" is 100 'at_least', "dozens of" 12, "tens of thousands of" 10,000.
- Ranges ("10-15", "between 10 and 15", "10 to 15") give ``value`` and ``value_max``.
- Compound durations are one quantity in the smallest unit: "2 hours 15 minutes" is 135 'minute'.
- "N of the X" counts X ("six of the victims" -> 6 'victim'); the span is the number alone.
- Not quantities: dates, years, decades, times of day, relative dates ("three days ago"),
  ordinals, numbers in names and codes ("An-124", "G7", "Article 5", "Formula One"), list markers,
  scores ("won 3-1"), fractions ("a third"), and "one" as a pronoun ("one of them", "no one").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..language.en.measures import (
    DURATION_IN_MONTHS,
    DURATION_IN_SECONDS,
    IDENTIFIER_WORDS,
    LONGEST_QUALIFIER,
    MONTH_NAMES,
    OVER_VERBS,
    POSTFIX_QUALIFIERS,
    QUALIFIER_INTENSIFIERS,
    QUALIFIER_PHRASES,
    RELATIVE_TIME_WORDS,
    TIME_UNITS,
    WEEKDAYS,
    YEAR_CONTEXT,
)
from ..model import Qualifier, Quantity
from .quantity_grammar import (
    STOP_WORDS,
    Token,
    is_capitalized_name,
    looks_plural,
    masked_offsets,
    tokenize,
)
from .quantity_numbers import Reading, currency_at, read_number
from .quantity_units import UnitMatch, shouted, unit_after

_SENTENCE_OPENERS = frozenset('.!?:;"“”‘’\'(—–-•*')
_RANGE_DASHES = frozenset({"-", "–", "—"})


@dataclass(frozen=True, slots=True)
class _Found:
    quantity: Quantity
    first: int  # first token of the number (after qualifier and currency)
    last: int  # token index after the quantity
    source: str


@dataclass(frozen=True, slots=True)
class _Skip:
    last: int


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in text order, non-overlapping."""
    tokens = tokenize(text)
    masked = masked_offsets(text)
    found: list[_Found] = []
    floor = 0
    index = 0
    while index < len(tokens):
        result = _quantity_at(text, tokens, index, masked, floor, found)
        if result is None:
            index += 1
            continue
        if isinstance(result, _Found):
            found.append(result)
        floor = index = max(result.last, index + 1)
    return [item.quantity for item in _share_units(tokens, found)]


def _quantity_at(
    text: str,
    tokens: list[Token],
    index: int,
    masked: set[int],
    floor: int,
    found: list[_Found],
) -> _Found | _Skip | None:
    currency = currency_at(tokens, index)
    number_index = currency[1] if currency else index
    token = tokens[number_index]
    if token.kind == "num" and token.start in masked:
        return _Skip(number_index + 1)
    reading = read_number(tokens, number_index, money=currency is not None)
    if reading is None:
        return None
    if currency is None and _names_something(tokens, reading):
        return _Skip(_after_attached_number(tokens, reading.last))
    first = index
    between = number_index > floor and tokens[number_index - 1].lower == "between"
    if between and currency is None:
        first = number_index - 1
    ranged = _extend_range(tokens, reading, between, masked)
    if isinstance(ranged, _Skip):
        return ranged
    reading, value_max = ranged
    if value_max is None and between:
        first = index
    plural = reading.value != 1 or value_max is not None
    unit = unit_after(tokens, reading, currency[0] if currency else None, plural)
    if unit is None or unit.excluded:
        return _Skip(unit.last if unit else reading.last)
    if _is_year(tokens, reading, unit, currency is not None, floor):
        return _Skip(reading.last)
    if reading.in_words and reading.value == 1 and not _counts_one(tokens, reading, unit):
        return _Skip(reading.last)
    if reading.in_words and reading.value == 0 and not _plural_at(tokens, reading.last):
        return _Skip(reading.last)  # "zero tolerance" is no count; "zero casualties" is
    value, unit = _add_durations(tokens, reading.value, unit)
    if value_max is None and unit.source == "measure":
        value_max, unit = _range_with_repeated_unit(tokens, value, unit, masked)
    before = _magnitude_before(tokens, first, floor)
    if before is not None and unit.source in ("none", "noun"):
        first = before  # "a magnitude 6.3 earthquake", "a magnitude-5.9 quake"
        unit = replace(unit, unit="magnitude", last=reading.last)
    elif (unit.source in ("none", "noun") and not reading.in_words
          and _lower_at(tokens, reading.last) == "magnitude"):
        unit = replace(unit, unit="magnitude", last=reading.last + 1)  # "a 5.9 magnitude quake"
    elif unit.source == "none" and _on_richter_scale(tokens, unit.last):
        unit = replace(unit, unit="magnitude", last=unit.last + 4)
    if first > floor and tokens[first - 1].lower == "minus":
        first -= 1
        value, value_max = -value, value_max
    last = unit.last
    if unit.unit in TIME_UNITS and _lower_at(tokens, last) in RELATIVE_TIME_WORDS:
        return _Skip(last + 1)
    qualifier, start_index = _qualifier_before(tokens, first, floor, found)
    if qualifier is None and reading.implied is not None:
        qualifier = reading.implied
    qualifier = qualifier or unit.qualifier
    if qualifier is None:
        qualifier, last = _qualifier_after(tokens, last)
    if qualifier is None and _is_year_like_bare(reading, unit):
        return _Skip(last)
    start = tokens[start_index].start
    end = tokens[last - 1].end
    quantity = Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit.unit,
        qualifier=qualifier or "exact",
        value_max=value_max,
    )
    return _Found(quantity, number_index, last, unit.source)


def _magnitude_before(tokens: list[Token], first: int, floor: int) -> int | None:
    if first > floor and tokens[first - 1].lower == "magnitude":
        return first - 1
    hyphen = first - 1
    if hyphen - 1 >= floor and tokens[hyphen].text == "-" and tokens[first].glued and (
        tokens[hyphen - 1].lower == "magnitude"
    ):
        return hyphen - 1
    return None


def _on_richter_scale(tokens: list[Token], position: int) -> bool:
    """ "measuring 5.9 on the Richter scale" """
    words = [token.lower for token in tokens[position : position + 4]]
    return words == ["on", "the", "richter", "scale"]


def _names_something(tokens: list[Token], reading: Reading) -> bool:
    """Numbers that name rather than count: "Article 5", "Boeing 737", "Formula One"."""
    position = reading.first
    previous = tokens[position - 1] if position > 0 else None
    token = tokens[position]
    if previous is None:
        return False
    if reading.in_words:
        return (token.text[:1].isupper() and not _opens_sentence(tokens, position)
                and not shouted(tokens, position + 1))
    if previous.kind == "num" and not previous.glued:
        return True
    if previous.text == "#" or previous.text == "№":
        return True
    if previous.text == "." and position > 1 and tokens[position - 2].lower == "no":
        return True
    if previous.lower in IDENTIFIER_WORDS and previous.lower != "no":
        return True
    if not is_capitalized_name(previous):
        return False
    word = previous.lower
    known = word in STOP_WORDS or word in WEEKDAYS or word in MONTH_NAMES
    return not known and previous.text not in ("US", "USD")


def _after_attached_number(tokens: list[Token], position: int) -> int:
    """Past a dash and number glued to a skipped one: "Boeing 737-800", "Celtics 112-104"."""
    if (
        position + 1 < len(tokens)
        and tokens[position].text in _RANGE_DASHES
        and tokens[position + 1].kind == "num"
    ):
        return position + 2
    return position


def _opens_sentence(tokens: list[Token], position: int) -> bool:
    if position == 0:
        return True
    previous = tokens[position - 1]
    return (previous.text in _SENTENCE_OPENERS or previous.text[-1:] == "."
            or tokens[position].new_line)


def _extend_range(
    tokens: list[Token], reading: Reading, between: bool, masked: set[int]
) -> tuple[Reading, float | None] | _Skip:
    position = reading.last
    if position >= len(tokens):
        return reading, None
    connector = tokens[position]
    is_dash = connector.text in _RANGE_DASHES
    words = ("to", "or") if not between else ("and", "to")  # "between 5,000 to 10,000"
    if not is_dash and connector.lower not in words:
        return reading, None
    if connector.lower == "to" and reading.first > 0 and tokens[reading.first - 1].lower in (
        "from", "by"  # a change, not a range: "from 12 to 15", "rose by three to 78"
    ):
        return reading, None
    second_index = position + 1
    if second_index < len(tokens) and tokens[second_index].text in ("$", "€", "£"):
        second_index += 1
    if second_index >= len(tokens) or tokens[second_index].start in masked:
        return reading, None
    if tokens[second_index].kind != "num" and not reading.in_words:
        return reading, None
    second = read_number(tokens, second_index)
    if second is None or second.implied is not None:
        return reading, None
    low = reading.value
    if reading.scale == 1.0 and second.scale != 1.0:
        low *= second.scale
    if low < second.value:
        merged = replace(reading, last=second.last, value=low, scale=second.scale, year_like=False)
        if reading.year_like and second.year_like:
            return _Skip(second.last)
        return merged, second.value
    if is_dash and not reading.in_words:
        return _Skip(second.last)  # a score or a vote: "won 3-1", "52-48"
    return reading, None


def _range_with_repeated_unit(
    tokens: list[Token], value: float, unit: UnitMatch, masked: set[int]
) -> tuple[float | None, UnitMatch]:
    """ "5.25%-5.5%", "10km-15km": a range that repeats its unit."""
    position = unit.last
    if _lower_at(tokens, position) not in _RANGE_DASHES or position + 1 >= len(tokens):
        return None, unit
    number = tokens[position + 1]
    if number.kind != "num" or number.start in masked:
        return None, unit
    reading = read_number(tokens, position + 1)
    if reading is None:
        return None, unit
    second = unit_after(tokens, reading, None)
    if second is None or second.unit != unit.unit or reading.value <= value:
        return None, unit
    return reading.value, second


def _is_year(
    tokens: list[Token], reading: Reading, unit: UnitMatch, money: bool, floor: int
) -> bool:
    if not reading.year_like or money:
        return False
    if unit.source == "measure":
        return False
    previous = tokens[reading.first - 1] if reading.first > 0 else None
    if previous is not None and (previous.lower in YEAR_CONTEXT or is_capitalized_name(previous)):
        return _qualifier_before(tokens, reading.first, floor, [])[0] is None
    return unit.unit == ""


def _is_year_like_bare(reading: Reading, unit: UnitMatch) -> bool:
    return reading.year_like and unit.unit == ""


def _counts_one(tokens: list[Token], reading: Reading, unit: UnitMatch) -> bool:
    """ "one flight" counts; "one of them", "no one", "one could argue" do not."""
    previous = _lower_at(tokens, reading.first - 1)
    if previous in ("no", "every", "each", "any", "the", "this", "that", "which", "which", "any"):
        return False
    return unit.unit != "" and unit.source != "partitive"


def _plural_at(tokens: list[Token], position: int) -> bool:
    return position < len(tokens) and looks_plural(tokens[position].lower)


def _add_durations(tokens: list[Token], value: float, unit: UnitMatch) -> tuple[float, UnitMatch]:
    """ "2 hours 15 minutes" -> 135 minutes; "2 years and 3 months" -> 27 months."""
    while unit.unit in DURATION_IN_SECONDS or unit.unit in DURATION_IN_MONTHS:
        table = DURATION_IN_SECONDS if unit.unit in DURATION_IN_SECONDS else DURATION_IN_MONTHS
        position = unit.last
        if _lower_at(tokens, position) in ("and", ","):
            position += 1
        if position >= len(tokens) or tokens[position].kind not in ("num", "word"):
            break
        reading = read_number(tokens, position)
        if reading is None or reading.implied is not None:
            break
        following = unit_after(tokens, reading, None)
        if following is None or following.unit not in table or following.source != "measure":
            break
        if table[following.unit] >= table[unit.unit]:
            break
        value = value * table[unit.unit] / table[following.unit] + reading.value
        unit = following
    return value, unit


def _qualifier_before(
    tokens: list[Token], start: int, floor: int, found: list[_Found]
) -> tuple[Qualifier | None, int]:
    for length in range(LONGEST_QUALIFIER, 0, -1):
        first = start - length
        if first < floor:
            continue
        key = tuple(token.lower for token in tokens[first:start])
        qualifier = QUALIFIER_PHRASES.get(key)
        if qualifier is None:
            continue
        if key == ("over",) and found and found[-1].last == first:
            return None, start  # "3,405 km over 21 stages": spread over, not more than
        while first - 1 >= floor and tokens[first - 1].lower in QUALIFIER_INTENSIFIERS:
            first -= 1
        if first - 2 >= floor and [_lower_at(tokens, first - 2), _lower_at(tokens, first - 1)] == [
            "a",
            "little",
        ]:
            first -= 2
        return qualifier, first
    if start - 1 >= floor and tokens[start - 1].lower in OVER_VERBS:
        return "over", start
    return None, start


def _qualifier_after(tokens: list[Token], last: int) -> tuple[Qualifier | None, int]:
    key = (_lower_at(tokens, last), _lower_at(tokens, last + 1))
    qualifier = POSTFIX_QUALIFIERS.get(key)
    if qualifier is None:
        return None, last
    return qualifier, last + 2


def _share_units(tokens: list[Token], found: list[_Found]) -> list[_Found]:
    """Bare numbers take the unit of a neighbour: "52 votes to 48", "312 of the 650 seats"."""
    shared = list(found)
    for position, item in enumerate(shared):
        if item.quantity.unit:
            continue
        before = shared[position - 1] if position > 0 else None
        after = shared[position + 1] if position + 1 < len(shared) else None
        unit = ""
        if item.source == "partitive_number" and after is not None:
            unit = after.quantity.unit
        elif item.source == "none" and before is not None and _joined(tokens, before, item):
            if before.quantity.unit not in ("percent", "percentage_point"):
                unit = before.quantity.unit
        elif (
            item.source == "none"
            and after is not None
            and _lower_at(tokens, item.first - 1) == "from"
            and _joined(tokens, item, after)
        ):
            unit = after.quantity.unit
        if unit:
            shared[position] = replace(item, quantity=replace(item.quantity, unit=unit))
    return shared


def _joined(tokens: list[Token], earlier: _Found, later: _Found) -> bool:
    gap = later.first - earlier.last
    return gap == 1 and _lower_at(tokens, earlier.last) in ("to", "and", "or")


def _lower_at(tokens: list[Token], position: int) -> str:
    return tokens[position].lower if 0 <= position < len(tokens) else ""


__all__ = ["find_quantities"]
