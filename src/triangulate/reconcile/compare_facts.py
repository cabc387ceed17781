"""Counts and amounts as comparable facts: the answers claims give, and which of them answer the
same question.

Analysis stores each claim's facts (``analyze.facts``): the quantity, the kinds of happening
its predicate names, the places it is scoped to, how the clause frames it, and its context
words. Here each claim's headline fact of each unit family is taken, with the time window it
covers, and two facts are compared only when they answer the same question: independent
sources, the same unit family, predicates that meet, places that do not exclude each other,
matching windows, values of one order of magnitude (unless one is a bound), and enough shared
context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from math import log

from ..analyze.timex_calendar import first_day, last_day
from ..language.en.happening_types import names_a_happening
from ..language.en.happenings import ACCUMULATING_KINDS, COUNTED_AS, MANY_COUNTRIES
from ..language.en.measures import (
    AGE,
    DISTANCE_UNITS,
    DURATION,
    LOGARITHMIC_UNITS,
    MEASURE_UNITS,
)
from ..model import Analysis, ClaimRecord, Fact, Quantity
from ..union_find import UnionFind
from .blocking import StemIndex
from .text import origin_of, overlap, report_date
from .units import fact_family

CONTEXT_FLOOR = 0.2
SAME_VALUE_CONTEXT_FLOOR = 0.12
SAME_VALUE_SLACK_DAYS = 1
"""Equal counts dated a day apart still agree ("detained on Saturday" / "during the evening")."""
UNNAMED_CONTEXT_FLOOR = 0.3
"""Counts whose predicates do not meet (one names none, or one the lexicon does not list) are
compared only when their contexts share this much (two thirds of it for the same value)."""
RECENT_DAYS = 31
RECENT_SLACK_DAYS = 3
"""An undated count in a report tells of the weeks before it (give or take a few days: another
report may date the same happening a day or two later)."""
LONG_RUNNING_DAYS = 365
"""A running total that began more than this before an undated count was reported counts more
than the recent happenings the undated count tells of."""
GENERIC_FAMILIES = frozenset({"person"})
"""Counted nouns that say nothing of what happened: "home to 120,000 people" and "85 people
died" answer one question only when their contexts say so."""
MAGNITUDE = 10.0
LOGARITHMIC_SPREAD = 1.0
"""Two figures whose allowed values (a bound open on one side, a range between its ends) lie
further apart than this factor count different things: a city's toll and a country's."""
AGE_SPREAD = 0.1
"""Two ages this close (relative to the older) may be one person's told differently ("30-month-old"
and "31-month-old"); further apart, they are two people's."""

_NONE = Quantity(0, 0, "", float("-inf"), "")
Window = tuple[str | None, str]
"""First and last ISO date (any precision) a count covers; an open start is None."""


@dataclass(frozen=True)
class _Fact:
    record: ClaimRecord
    analysis: Analysis
    origin: str
    fact: Fact
    family: str
    stems: frozenset[str]
    window: Window | None
    kinds: frozenset[str]
    listed: frozenset[str]  # the kinds the lexicon lists (not "~registered")
    places: frozenset[str] = frozenset()  # the places it is scoped to, as entities
    named_places: frozenset[str] = frozenset()  # every place its report names, as entities
    status: str | None = None  # as the claim marks it, else as the counts near it are marked

    @property
    def quantity(self) -> Quantity:
        return self.fact.quantity

    @property
    def headline(self) -> bool:  # the claim's sentence is the document's title
        return self.fact.headline

    @property
    def extra(self) -> bool:  # the count is followed by another part: "12 soldiers and a civilian"
        return self.fact.extra

    @property
    def published(self) -> str:
        return report_date(self.analysis.document) or ""


def _headline_facts(
    claims: Sequence[ClaimRecord],
    by_id: dict[str, Analysis],
    places: Mapping[tuple[str, str], str] | None = None,
) -> list[_Fact]:
    """The largest count of each unit family, happening, status and place among each claim's
    facts ("killing 10 people and injuring dozens" gives two, "of 101 suspected deaths, 19 have
    been confirmed" too, and "232 in Tarvos and 52 in Brixel")."""
    facts = []
    origins: dict[str, str] = {}
    keys = places or {}
    named: dict[str, frozenset[str]] = {}
    for record in claims:
        best: dict[tuple[str, tuple[str, ...], str | None, tuple[str, ...], bool], Fact] = {}
        for fact in record.claim.facts:
            kind = fact_family(fact)
            if not kind or fact.previous:  # "cut the toll to 101 from 176" answers 101
                continue
            kind = next((COUNTED_AS[kind, k] for k in fact.kinds if (kind, k) in COUNTED_AS),
                        kind)
            # "two more victims", an addition to a count, stands apart from the count itself
            key = (kind, fact.kinds, fact.status, fact.places, _is_addition(fact))
            if fact.quantity.value > best.get(key, Fact(_NONE)).quantity.value:
                best[key] = fact
        if not best:
            continue
        analysis = by_id[record.document]
        if record.document not in named:
            named[record.document] = _named_places(analysis, keys)
        origin = origins.get(record.document)
        if origin is None:
            origin = origins[record.document] = origin_of(analysis, by_id)
        for (kind, _, _, _, _), fact in best.items():
            scope = frozenset(keys.get((record.document, name), name) for name in fact.places)
            facts.append(
                _Fact(
                    record=record,
                    analysis=analysis,
                    origin=origin,
                    fact=fact,
                    family=kind,
                    stems=frozenset(fact.context),
                    window=_time_window(record, fact, report_date(analysis.document)),
                    kinds=frozenset(fact.kinds),
                    listed=frozenset(k for k in fact.kinds if not k.startswith("~")),
                    places=scope,
                    named_places=named[record.document] | scope,
                    status=fact.status,
                )
            )
    return _with_status_of_neighbours(facts)


def _named_places(analysis: Analysis, keys: Mapping[tuple[str, str], str]) -> frozenset[str]:
    """Every place the report names, as its name and as the entity it resolved to."""
    document = analysis.document.id
    names = {m.normalized or m.text for m in analysis.mentions if m.type == "location"}
    return frozenset(names | {keys.get((document, name), name) for name in names})


STATUS_DAYS = 7
STATUS_REACH = 2.0
STATUS_MARGIN = 2.0
"""An unmarked count takes the status of the marked counts nearest to it ("149 people", told
in the week of "159 suspected deaths" and "16 confirmed deaths", is a suspected count) when a
count so marked lies within ``STATUS_REACH`` times its value, told within ``STATUS_DAYS`` of
it, and counts of the other status lie ``STATUS_MARGIN`` times further (on a log scale); only
where both statuses are marked for the same happening."""


def _with_status_of_neighbours(facts: list[_Fact]) -> list[_Fact]:
    marked = [f for f in facts if f.status and f.quantity.value > 0]
    if len({f.status for f in marked}) < 2:
        return facts
    return [_status_of_neighbours(f, marked) if not f.status else f for f in facts]


def _status_of_neighbours(fact: _Fact, marked: list[_Fact]) -> _Fact:
    value = fact.quantity.value
    if value <= 0 or not fact.published:
        return fact
    nearest: dict[str, float] = {}
    for other in marked:
        if (other.family != fact.family or not other.listed & fact.listed
                or (other.places and fact.places and not other.places & fact.places)
                or not _overlap((other.published, other.published),
                                (fact.published, fact.published), STATUS_DAYS)):
            continue
        distance = abs(log(value / other.quantity.value))
        assert other.status is not None
        nearest[other.status] = min(distance, nearest.get(other.status, distance))
    if len(nearest) < 2:
        return fact
    (status, near), (_, far) = sorted(nearest.items(), key=lambda item: item[1])[:2]
    if near <= log(STATUS_REACH) and far >= STATUS_MARGIN * near:
        return replace(fact, status=status)
    return fact


def _time_window(record: ClaimRecord, fact: Fact, published: str | None) -> Window | None:
    """The claim's time; a running total ("since 1 September", "so far") runs up to the
    publication date, from its "since" date or from an open start."""
    time = fact.time if fact.time_read else record.claim.time
    start = time.start if time else None
    end = (time.end or time.start) if time else None
    if fact.time_read and time is not None and start is None and end:
        return None, end  # as far as the date it was told: "said on Thursday that 41 had"
    if fact.cumulative:
        last = max(filter(None, (end, published)), default=None)
        if last is None:
            return None
        return (start if fact.since else None), last
    if start is None or end is None:
        return None
    return start, end


def _overlap(a: Window, b: Window, slack_days: int = 0) -> bool:
    """Whether two windows share a day (an open start reaches back without limit)."""
    try:
        slack = timedelta(days=slack_days)
        a_first = first_day(a[0]) if a[0] else date.min
        b_first = first_day(b[0]) if b[0] else date.min
        return a_first <= last_day(b[1]) + slack and b_first <= last_day(a[1]) + slack
    except ValueError:
        return False


def _is_day(window: Window) -> bool:
    return window[0] == window[1] and len(window[1]) == 10


def _comparable(a: _Fact, b: _Fact) -> bool:
    if not _same_question(a, b):
        return False
    speaker = a.record.attributed_to
    if speaker and speaker == b.record.attributed_to and a.listed & b.listed:
        return True  # one source's figures for one happening: "302 killed", "more than 300"
    if names_a_happening(a.family):
        return True  # the counted noun says what happened: "three aftershocks", "four aftershocks"
    same_value = a.quantity.value == b.quantity.value
    floor = SAME_VALUE_CONTEXT_FLOOR if same_value else CONTEXT_FLOOR
    # A magnitude or a distance is a property: what happened around it says little.
    if a.family not in MEASURE_UNITS:
        if a.family == DURATION:  # "lasted" does not say what lasted, nor where it was felt
            floor = UNNAMED_CONTEXT_FLOOR * (2 / 3 if same_value else 1)
        elif a.kinds & b.kinds or set(a.fact.measure) & set(b.fact.measure):
            floor /= 2  # the same predicate ("detained") already says they count the same thing
        elif a.kinds or b.kinds or a.family in GENERIC_FAMILIES:
            floor = UNNAMED_CONTEXT_FLOOR * (2 / 3 if same_value else 1)
    return overlap(a.stems, b.stems) >= floor


def _same_scope(a: _Fact, b: _Fact) -> bool:
    """Listed predicates that meet (or one side names none), places that do not exclude each other,
    and values of one order of magnitude (a bound reaching as far as it plausibly allows)."""
    listed_a, listed_b = a.listed, b.listed
    if a.family not in MEASURE_UNITS and listed_a and listed_b and not listed_a & listed_b:
        return False
    if a.status != b.status and a.status and b.status:
        return False
    if a.family in GENERIC_FAMILIES and (a.kinds or b.kinds) and not a.kinds & b.kinds:
        return False  # "home to 120,000 people" is no toll, "six people tested" no deaths
    pa, pb = a.places, b.places
    if pa and pb and not pa & pb:
        return False
    if (pa and not pb and not _names_any(b, pa)) or (pb and not pa and not _names_any(a, pb)):
        return False  # a report that never names the place counts somewhere else
    if _addition(a) != _addition(b):
        return False  # "two more victims" answers only how many more another report counts
    if not _addition(a) and ((a.fact.part and not pb) or (b.fact.part and not pa)):
        return False  # one place's part of a list answers no question of the whole
    if a.fact.per != b.fact.per:
        return False  # a rate and a total, or rates per different periods
    if a.fact.measure and b.fact.measure and not set(a.fact.measure) & set(b.fact.measure):
        return False  # amounts of different things (aid and loans), a quake and an aftershock
    if a.family in DISTANCE_UNITS and not pa & pb:
        return False  # "35 miles from Tarvos" and "190 miles" are measured from other places
    if (MANY_COUNTRIES in pa) != (MANY_COUNTRIES in pb):
        return False  # a count over many countries answers no one country's question
    (low_a, high_a), (low_b, high_b) = _interval(a.quantity), _interval(b.quantity)
    if a.family == AGE:  # ages far apart are two people's, not one person's told twice
        return abs(low_a - low_b) <= AGE_SPREAD * max(low_a, low_b)
    if a.family in LOGARITHMIC_UNITS:  # agencies differ by tenths: 3.8 is another shock than 5.9
        return min(abs(high_a - low_b), abs(high_b - low_a)) <= LOGARITHMIC_SPREAD or (
            low_a <= high_b and low_b <= high_a)
    if high_a < low_b:
        return high_a <= 0 or low_b / high_a <= MAGNITUDE
    if high_b < low_a:
        return high_b <= 0 or low_a / high_b <= MAGNITUDE
    return True


def _names_any(fact: _Fact, places: frozenset[str]) -> bool:
    """Whether the fact's report names one of ``places`` (as the entity, or by a name that
    begins with the other's: "Tarvos" and "Tarvos Island")."""
    named = fact.named_places
    return bool(places & named) or any(
        name.startswith(place + " ") or place.startswith(name + " ")
        for place in places for name in named)


def _addition(fact: _Fact) -> bool:
    return _is_addition(fact.fact)


def _is_addition(fact: Fact) -> bool:
    """A count added to one told before, with no place of its own ("another five people")."""
    return fact.part and not fact.places


def _interval(quantity: Quantity) -> tuple[float, float]:
    """The values a figure plausibly allows: a lower bound given in figures reaches an order of
    magnitude past its value ("more than 80" is not 250,000) while a word ("thousands") is
    open; an upper bound in figures reaches an order of magnitude below it ("up to 200,000" is
    no toll of 14), "fewer than ten" down to nothing; a range spans its ends."""
    if quantity.qualifier in ("over", "at_least"):
        if in_figures(quantity):
            return quantity.value, quantity.value * MAGNITUDE
        return quantity.value, float("inf")
    if quantity.qualifier in ("under", "at_most", "up_to"):
        return (quantity.value / MAGNITUDE if in_figures(quantity) else 0.0), quantity.value
    return quantity.value, quantity.value if quantity.value_max is None else quantity.value_max


def in_figures(quantity: Quantity) -> bool:
    """Written in figures ("more than 80"), not in a loose word ("dozens", "thousands")."""
    return any(char.isdigit() for char in quantity.text)


def _same_question(a: _Fact, b: _Fact) -> bool:
    """Independent sources, the same unit family and predicates, matching time windows."""
    if a.origin == b.origin or a.family != b.family or not _same_scope(a, b):
        return False
    same_value = a.quantity.value == b.quantity.value
    wa, wb = a.window, b.window
    a_loose, b_loose = wa is None or _told_as_of(a), wb is None or _told_as_of(b)
    if a_loose and b_loose:
        return (wa is None and wb is None) or _told_near(a, b)
    if a_loose or b_loose:
        dated, loose = (a, b) if b_loose else (b, a)
        if a.family in LOGARITHMIC_UNITS and dated.window and _is_day(dated.window):
            return _told_within_a_day(dated.window, loose)
        return _near_report(dated.window, loose)
    assert wa is not None and wb is not None
    if same_value:
        return _overlap(wa, wb, SAME_VALUE_SLACK_DAYS)
    if a.fact.cumulative or b.fact.cumulative:
        return _overlap(wa, wb) and not (
            _long_before(wa, wb) or _long_before(wb, wa)
            or _began_long_before(wa, wb) or _began_long_before(wb, wa)
            or _a_few_days_within(a, b) or _a_few_days_within(b, a))
    # A single day is a different scope from a span of days or a month, unless a few days of
    # a growing count take it in ("three killed in Wednesday's clashes", then "at least 11
    # dead" in the clashes of Wednesday and Thursday).
    if _is_day(wa) or _is_day(wb):
        return wa == wb or (bool(a.listed & b.listed & ACCUMULATING_KINDS)
                            and (_days_within(wa, wb) or _days_within(wb, wa)))
    return _overlap(wa, wb)


SHORT_SPAN_DAYS = 3


def _days_within(day: Window, span: Window) -> bool:
    """Whether ``day`` is a single day within ``span``, a span of a few days."""
    start, end = span
    if not _is_day(day) or start is None or len(start) != 10 or len(end) != 10:
        return False
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return (last - first).days < SHORT_SPAN_DAYS and start <= day[1] <= end


def _long_before(window: Window, running: Window) -> bool:
    """Whether ``window`` ended weeks before a running total with an open start ("so far", up
    to its report) began to be told: "hundreds killed in 2008" is no part of this toll."""
    if running[0] is not None or window[0] is None:
        return False
    try:
        ended, told = last_day(window[1]), last_day(running[1])
    except ValueError:
        return False
    return (told - ended).days > RECENT_DAYS


def _a_few_days_within(running: _Fact, other: _Fact) -> bool:
    """Whether ``other`` counts a few days well inside a running total's span, of a happening
    whose counts only grow: "at least 9 dead" in Monday's and Tuesday's clashes is a part
    of "more than 200 since 1 March"."""
    if not running.fact.cumulative or other.fact.cumulative or not (
            running.listed & other.listed & ACCUMULATING_KINDS):
        return False
    span, days = running.window, other.window
    if span is None or days is None or span[0] is None or days[0] is None:
        return False
    try:
        begun = (first_day(days[0]) - first_day(span[0])).days
        return begun > SHORT_SPAN_DAYS and (last_day(days[1]) - first_day(days[0])).days < (
            SHORT_SPAN_DAYS)
    except ValueError:
        return False


def _began_long_before(running: Window, window: Window) -> bool:
    """Whether a running total began more than a year before ``window`` did, or before a window
    with an open start was told: "257 deaths since 2003" counts more than this spring's toll,
    and more than a toll "cut to 90" years later."""
    if running[0] is None:
        return False
    try:
        began = first_day(window[0]) if window[0] else first_day(window[1])
        return (began - first_day(running[0])).days > LONG_RUNNING_DAYS
    except ValueError:
        return False


def _told_as_of(fact: _Fact) -> bool:
    """A count dated only by when it was told ("said on Thursday that 41 countries had
    reported"), not a running total: like an undated count, it tells of the weeks before."""
    return fact.window is not None and fact.window[0] is None and not fact.fact.cumulative


def _told_on(fact: _Fact) -> str:
    return fact.window[1] if _told_as_of(fact) and fact.window else fact.published


def _told_near(a: _Fact, b: _Fact) -> bool:
    """Whether two counts told as of a day (or undated in their reports) were told within the
    same few weeks: "612 killed" told of February's quake is no count of November's."""
    try:
        apart = abs((last_day(_told_on(a)) - last_day(_told_on(b))).days)
    except ValueError:
        return True
    return apart <= RECENT_DAYS + RECENT_SLACK_DAYS


def _told_within_a_day(day: Window, undated: _Fact) -> bool:
    """A magnitude is one shock's: an undated one told days after a dated shock tells of
    another (the story's main quake, not Wednesday's 6.1 aftershock)."""
    try:
        told = last_day(_told_on(undated))
        return 0 <= (told - first_day(day[1])).days <= SAME_VALUE_SLACK_DAYS
    except ValueError:
        return False


def _near_report(window: Window | None, undated: _Fact) -> bool:
    """Whether a count dated ``window`` may answer the same question as an undated count: news
    tells of recent happenings, so the window must reach into the weeks before the undated
    count's report, or the day it was told (a 2003 toll and a toll reported in 2005 answer
    different questions)."""
    told = _told_on(undated)
    if window is None or not told:
        return True
    try:
        reported = last_day(told)
        if window[0] and (reported - first_day(window[0])).days > LONG_RUNNING_DAYS:
            return False  # "257 deaths since 2003" is no count of this month's happening
    except ValueError:
        return True
    recent = (reported - timedelta(days=RECENT_DAYS)).isoformat()
    return _overlap(window, (recent, reported.isoformat()), slack_days=RECENT_SLACK_DAYS)


def _linked_groups(facts: list[_Fact]) -> list[list[_Fact]]:
    """Connected groups of facts under ``_comparable`` (union-find over blocked pairs: facts
    that share no rare context word are never tried)."""
    linked = UnionFind(len(facts))
    for i, j in StemIndex([fact.stems for fact in facts]).pairs():
        if linked.find(i) != linked.find(j) and _comparable(facts[i], facts[j]):
            linked.union(i, j)
    return [[facts[i] for i in group] for group in linked.groups()]


GROUP_ALL_PAIRS = 40
"""Within a linked group of at most this many facts, every pair that asks the same question is
compared (the group's shared context links them); larger groups keep their direct links only."""


HAPPENING_BLOCK = 300
"""Counts of one family and happening ("people", "killed") are candidates for each other
whatever their wording, in blocks of up to this many: the words a story's every count shares
("death toll") are too common to block on."""


def _same_happening(facts: list[_Fact]) -> set[tuple[int, int]]:
    blocks: dict[tuple[str, str], list[int]] = {}
    for index, fact in enumerate(facts):
        for kind in fact.listed | ({""} if names_a_happening(fact.family) else set()):
            blocks.setdefault((fact.family, kind), []).append(index)
    return {pair for members in blocks.values() if len(members) <= HAPPENING_BLOCK
            for pair in combinations(members, 2)}


def comparable_pairs(facts: list[_Fact]) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of facts to compare: linked directly (blocking and
    ``_comparable``), or in one small linked group and asking the same question."""
    candidates = set(StemIndex([fact.stems for fact in facts]).pairs()) | _same_happening(facts)
    pairs = {(i, j) for i, j in candidates if _comparable(facts[i], facts[j])}
    linked = UnionFind(len(facts))
    for i, j in pairs:
        linked.union(i, j)
    for indices in linked.groups():
        if 2 < len(indices) <= GROUP_ALL_PAIRS:
            pairs.update(
                (i, j)
                for n, i in enumerate(indices)
                for j in indices[n + 1 :]
                if _same_question(facts[i], facts[j])
            )
    return pairs
