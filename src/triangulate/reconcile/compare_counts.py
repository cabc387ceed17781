"""Verdicts on counts and amounts, pair by pair of sources.

Every comparable pair of facts (``compare_facts``) gets a verdict:

* agree — the same count, qualifiers compatible: "at least 14" and "fourteen" agree (the bare
  figure meets the bound; neither says more), "more than 300 tons" and "over 300 tonnes" agree,
  "about 4,000" and "4,100" agree (within the ``about`` tolerance);
* partial — one is more specific: the same count with another part beside it ("12 soldiers and
  a civilian"), or a figure that falls within the other's bound ("350" / "more than 300");
* update — a later report gives a higher running total (a cumulative clause, or a window that
  ends later), or says it corrects the figure, or gives a lower count of a growing happening
  days after (``CONTEMPORARY_DAYS``), marked suspected or confirmed: a toll confirmed by tests
  (unmarked, a week later or at a fraction of the earlier count, it is another happening's
  count: no comparison);
* conflict — otherwise: different values for the same window and happening.

Times of day ("struck at 1420" / "hit at 2:20 p.m.") and how long a happening lasted are facts
of their own families, judged the same way, but never updates: a later, larger time or
duration is another answer, not a running total that grew.

Facts that agree are joined into one agree comparison; the other verdicts are given between
those groups, one comparison per pair of groups and verdict, so a cluster of two agreeing counts
and a later higher one yields an agree and an update comparison.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..ids import record_id
from ..language.en.happenings import ACCUMULATING_KINDS
from ..language.en.measures import (
    AGE,
    CLOCK_UNITS,
    DURATION,
    MEASURE_UNITS,
    STATE_UNITS,
)
from ..language.en.speech import PERSON_TITLES, PRONOUN_SPEAKERS, SOURCE_NOUNS
from ..model import Analysis, ClaimRecord, Comparison, Quantity, Verdict
from .compare_facts import _Fact, _headline_facts, comparable_pairs
from .count_values import (
    LOWER_BOUNDS,
    NON_CUMULATIVE,
    UPPER_BOUNDS,
    above,
    bounds_met_together,
    loosely_within,
    one_ceiling,
    refines,
    rounded,
    values_agree,
)
from .text import content_words, days_between, shorten, source_with_date
from .units import describe, family, plural, written_number

_MONEY = {"usd", "eur", "gbp", "rub"}


def compare_counts(
    claims: Sequence[ClaimRecord],
    by_id: dict[str, Analysis],
    places: Mapping[tuple[str, str], str] | None = None,
) -> list[Comparison]:
    facts = _distinct(_headline_facts(claims, by_id, places or {}))
    by_family: dict[str, list[_Fact]] = {}
    for fact in facts:
        by_family.setdefault(fact.family, []).append(fact)
    comparisons: list[Comparison] = []
    for group in by_family.values():
        comparisons += _group_comparisons(group)
    return comparisons


def _distinct(facts: list[_Fact]) -> list[_Fact]:
    """One fact per source for each count it repeats (a headline and the sentence under it):
    the body sentence is kept, else the first."""
    in_body = {(f.origin, f.family, f.quantity.value) for f in facts if not f.headline}
    facts = [
        f for f in facts
        if not (f.headline and (f.origin, f.family, f.quantity.value) in in_body)
    ]
    kept: dict[tuple[str, str, float, float | None, str], _Fact] = {}
    for fact in facts:
        quantity = fact.quantity
        key = (fact.origin, fact.family, quantity.value, quantity.value_max,
               ",".join(sorted(fact.kinds)))
        other = kept.get(key)
        if other is None or (other.headline and not fact.headline):
            kept[key] = fact
    return list(kept.values())


def _group_comparisons(facts: list[_Fact]) -> list[Comparison]:
    judged = {(i, j): pair_verdict(facts[i], facts[j]) for i, j in comparable_pairs(facts)}
    verdicts = {pair: verdict for pair, verdict in judged.items() if verdict is not None}
    group_of = list(range(len(facts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(facts))}
    for i, j in sorted(pair for pair, verdict in verdicts.items() if verdict == "agree"):
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not all(
            _agreeing(verdicts, facts, x, y) for x in members[gi] for y in members[gj]
        ):
            continue  # agreement is not transitive: "about 6.0" meets 5.9 and 6.1, they do not
        low, high = sorted((gi, gj))
        for x in members.pop(high):
            group_of[x] = low
            members[low].append(x)
    comparisons = [
        _agreement([facts[i] for i in sorted(group)])
        for group in members.values() if len(group) > 1
    ]
    # One comparison per pair of agreeing groups and verdict: it holds the answers it is about
    # and no others.
    between: dict[tuple[int, int, Verdict], set[int]] = {}
    for (i, j), verdict in sorted(verdicts.items()):
        if group_of[i] == group_of[j]:
            continue
        low, high = sorted((group_of[i], group_of[j]))
        between.setdefault((low, high, verdict), set()).update((i, j))
    for verdict, group in _joined_conflicts(between, verdicts, group_of, facts):
        chosen = [facts[i] for i in sorted(group)]
        comparisons.append(
            _agreement(chosen) if verdict == "agree" else _difference(chosen, verdict))
    return comparisons


def _joined_conflicts(
    between: dict[tuple[int, int, Verdict], set[int]],
    verdicts: Mapping[tuple[int, int], Verdict],
    group_of: list[int],
    facts: list[_Fact],
) -> list[tuple[Verdict, set[int]]]:
    """Answers that all conflict with one another, each pair of them judged so, make one
    conflict ("5.9" against "about 6.0" against "6.1"); each pair of groups stays in one
    comparison."""

    def conflicting(members: set[int], others: set[int]) -> bool:
        return all(
            verdicts.get((min(x, y), max(x, y))) == "conflict"
            for x in members for y in others
            if group_of[x] != group_of[y] and facts[x].origin != facts[y].origin
        )

    cliques: list[tuple[set[int], set[int]]] = []  # (groups, facts)
    for (low, high, verdict), pair in sorted(between.items()):
        if verdict != "conflict":
            continue
        for groups, members in cliques:
            if {low, high} & groups and conflicting(pair - members, members) and (
                    facts[low].family in MEASURE_UNITS
                    or len({facts[i].places for i in pair | members}) == 1):
                groups |= {low, high}
                members |= pair
                break
        else:
            cliques.append(({low, high}, set(pair)))
    joined = [(key[2], group) for key, group in between.items() if key[2] != "conflict"]
    return joined + [("conflict", members) for _, members in cliques]


def _agreeing(
    verdicts: Mapping[tuple[int, int], Verdict], facts: list[_Fact], x: int, y: int
) -> bool:
    verdict = verdicts.get((min(x, y), max(x, y)))
    if verdict is not None:
        return verdict == "agree"
    return values_agree(facts[x].quantity, facts[y].quantity)


def _later(a: _Fact, b: _Fact) -> bool:
    return (*_told_when(a), a.record.id) > (*_told_when(b), b.record.id)


def _told_when(fact: _Fact) -> tuple[str, str]:
    """The report's day, then the day the count was told as of where the report dates it
    ("said on Thursday that 41 countries had reported"), else the report's day again."""
    window = fact.window
    if window and len(window[1]) == 10 and window[1] <= fact.published:
        return fact.published, window[1]
    return fact.published, fact.published


def pair_verdict(a: _Fact, b: _Fact) -> Verdict | None:
    """The verdict between two comparable facts (see the module's docstring); None where the
    values show they answer different questions after all."""
    if _later(a, b):
        a, b = b, a
    qa, qb = a.quantity, b.quantity
    if values_agree(qa, qb):
        return "partial" if a.extra != b.extra else "agree"
    if _risen_from(a, b) or _risen_from(b, a):
        return "update"
    later = _told_when(b) > _told_when(a)
    if later and (b.fact.correction or a.family in STATE_UNITS):
        return "update"  # a correction, or a state that moved: "raised the alert to phase 5"
    if refines(qa, qb) and not b.fact.cumulative:
        return "partial"  # "more than 100", then 101: the same count, told more exactly
    if later and above(qb, qa) and a.family not in NON_CUMULATIVE:
        ends_later = a.window is not None and b.window is not None and b.window[1] > a.window[1]
        accumulating = bool(a.kinds & b.kinds & ACCUMULATING_KINDS)
        if b.fact.cumulative or ends_later or accumulating:
            return "update"
    if (loosely_within(qa, qb) or loosely_within(qb, qa) or rounded(qa, qb)
            or rounded(qb, qa) or bounds_met_together(qa, qb) or _converted_alike(a, b)
            or one_ceiling(qa, qb)):
        return "partial"
    apart = _days_apart(a, b)
    if apart > CONTEMPORARY_DAYS and a.kinds & b.kinds & ACCUMULATING_KINDS and (
            a.family not in NON_CUMULATIVE):
        # A lower count of a growing happening, told days later, is a revision when the later
        # report says how sure it is (suspected deaths counted again, a toll confirmed by
        # tests); unmarked, a week later or a fraction of the earlier count, it is another
        # happening's ("two killed" in another town); else a rival estimate.
        if b.status or b.fact.correction:
            return "update"
        if apart > ANOTHER_HAPPENING_DAYS or qb.value * ANOTHER_HAPPENING_RATIO < qa.value:
            return None
    return "conflict"


def _risen_from(before: _Fact, risen: _Fact) -> float | None:
    """The rise ``risen``'s claim tells, when ``before`` is the count it rose from: "the toll
    rose by three to 78" and another report's 75."""
    value = risen.quantity.value - before.quantity.value
    if value <= 0 or before.quantity.qualifier != "exact":
        return None
    for fact in risen.record.claim.facts:
        if fact.previous and fact.quantity.value == value and set(fact.kinds) & risen.kinds:
            return value
    return None


CONTEMPORARY_DAYS = 2
"""Reports of a growing count told this many days apart or fewer tell it at one time: their
different values conflict."""
ANOTHER_HAPPENING_DAYS = 7
ANOTHER_HAPPENING_RATIO = 3


def _days_apart(earlier: _Fact, later: _Fact) -> int:
    return days_between(_told_when(earlier)[1], _told_when(later)[1])


CONVERSION_SPREAD = 0.15
"""Amounts one source converted from another currency or unit differ from another source's by the
exchange rate each used: this close, they are one amount."""


def _converted_alike(a: _Fact, b: _Fact) -> bool:
    if not (a.fact.converted or b.fact.converted):
        return False
    low, high = sorted((a.quantity.value, b.quantity.value))
    return high - low <= CONVERSION_SPREAD * high


# ---- wording -------------------------------------------------------------------------------


def _ordered(facts: list[_Fact]) -> list[_Fact]:
    return sorted(facts, key=lambda f: (f.published, f.record.id))


def _side(fact: _Fact) -> str:
    who = source_with_date(fact.analysis.document)
    speaker = fact.record.claim.speaker_text
    citing = f", citing {shorten(speaker or '', 50)}," if _checkable(fact.record) else ""
    quoted = shorten(fact.quantity.text, 60)
    part, whole = fact.fact.part and fact.fact.places, fact.fact.part_of
    where = f" in {', '.join(p.title() for p in fact.fact.places)}" if part else ""
    of = f", of {written_number(whole)} in all" if part and whole is not None else ""
    return f"{who}{citing} gives {describe(fact.quantity)}{where} (\u201c{quoted}\u201d{of})"


def _checkable(record: ClaimRecord) -> bool:
    """Whether the claim's speaker names someone a reader can check: an entity, or a phrase
    headed by a source noun or a title ("the health ministry", "police"); not a bare pronoun
    ("He") or a stray phrase ("death toll")."""
    speaker = (record.claim.speaker_text or "").strip()
    if not speaker or speaker.lower() in PRONOUN_SPEAKERS:
        return False
    head = speaker.split()[-1].lower().strip(".,'’")
    return bool(record.attributed_to) or head in SOURCE_NOUNS or head in PERSON_TITLES


def _agreement(facts: list[_Fact]) -> Comparison:
    facts = _ordered(facts)
    sides = "; ".join(_side(f) for f in facts)
    qualifiers = {f.quantity.qualifier for f in facts}
    values = {f.quantity.value for f in facts}
    same = _SAME_ANSWER.get(facts[0].family, "count")
    if len(values) > 1:
        note = f" roughly the same {same}, within the stated approximation"
    elif qualifiers & (LOWER_BOUNDS | UPPER_BOUNDS) and "exact" in qualifiers:
        note = f" the same {same} (a bound and a figure that meets it)"
    elif len(qualifiers) > 1:
        note = f" the same {same} (one of them approximate)"
    else:
        note = f" the same {same}"
    return _comparison("agree", facts, f"{sides}:{note}.")


def _difference(facts: list[_Fact], verdict: Verdict) -> Comparison:
    facts = _ordered(facts)
    sides = "; ".join(_side(f) for f in facts)
    values = ", ".join(describe(q) for q in _unique_quantities(facts))
    rise = None if verdict != "update" else next(
        ((before, risen) for before in facts for risen in facts if _risen_from(before, risen)),
        None)
    if rise is not None:
        before, risen = rise
        explanation = (
            f"{sides}. {source_with_date(risen.analysis.document)} tells the count rising by "
            f"{written_number(risen.quantity.value - before.quantity.value)} to "
            f"{describe(risen.quantity)}: {describe(before.quantity)} is the count before the "
            f"rise.")
    elif verdict == "update":
        earliest, latest = facts[0], facts[-1]
        how = "a running total" if latest.fact.cumulative else "a count"
        first, last = (min(facts, key=lambda f: (*_told_when(f), f.record.id)),
                       max(facts, key=lambda f: (*_told_when(f), f.record.id)))
        moved = (f"gives {how} higher than" if not above(first.quantity, last.quantity)
                 else "corrects the count down from" if last.fact.correction
                 else "gives a lower count than")
        explanation = (
            f"{sides}. The later report ({latest.published or 'undated'}) {moved} "
            f"the earlier one ({earliest.published or 'undated'})" + _date_difference(facts)
        )
    elif verdict == "partial":
        extra = [f for f in facts if f.extra]
        if extra:
            what = ", ".join(source_with_date(f.analysis.document) for f in extra)
            explanation = f"{sides}: the same count, but {what} also counts another group."
        elif any(f.fact.converted for f in facts):
            converted = ", ".join(source_with_date(f.analysis.document)
                                  for f in facts if f.fact.converted)
            other = "currency" if facts[0].family in _MONEY else "unit"
            explanation = (f"{sides}: one amount, as {converted} converts it from another "
                           f"{other} ({values}).")
        elif all(one_ceiling(a.quantity, b.quantity) for a in facts for b in facts):
            explanation = f"{sides}: both put the same ceiling on it ({values})."
        elif any(rounded(a.quantity, b.quantity) for a in facts for b in facts):
            explanation = f"{sides}: one gives a round figure, the other a precise one ({values})."
        else:
            explanation = f"{sides}: one gives a bound, the other a figure within it ({values})."
    else:
        when = _span_of(facts)
        explanation = (f"{sides}: the values differ ({values}) for the same happening"
                       + (f" ({when})." if when else "."))
    return _comparison(verdict, facts, explanation)


def _unique_quantities(facts: list[_Fact]) -> list[Quantity]:
    seen: dict[tuple[float, str], Quantity] = {}
    for fact in facts:
        seen.setdefault((fact.quantity.value, fact.quantity.qualifier), fact.quantity)
    return sorted(seen.values(), key=lambda q: q.value)


def _comparison(verdict: Verdict, facts: list[_Fact], explanation: str) -> Comparison:
    ids = tuple(dict.fromkeys(f.record.id for f in facts))
    return Comparison(
        id=record_id(
            "q",
            verdict,
            *(f"{f.record.id}:{f.family}:{f.quantity.start}-{f.quantity.end}" for f in facts),
        ),
        question=_question(facts),
        verdict=verdict,
        claims=ids,
        explanation=explanation,
    )


def _date_difference(facts: list[_Fact]) -> str:
    """Which dated occurrences of the counted thing the latest report has and the earliest
    lacks, from the event mentions of both documents, when they account for the rise."""
    earliest, latest = facts[0], facts[-1]
    unit = earliest.family

    def dates(fact: _Fact) -> dict[str, int]:
        found: dict[str, int] = {}
        for event in fact.analysis.events:
            if family(event.text) == unit and event.date and event.date.start and len(
                event.date.start
            ) == 10:
                found[event.date.start] = max(found.get(event.date.start, 0), event.count or 1)
        return found

    old, new = dates(earliest), dates(latest)
    extra = {d: n for d, n in new.items() if d not in old}
    missing = [d for d in old if d not in new]
    rise = latest.quantity.value - earliest.quantity.value
    if (not extra and not missing) or (extra and sum(extra.values()) != rise):
        return "."  # dates that do not account for the rise explain nothing
    parts = []
    if extra:
        listed = ", ".join(
            f"{d} ({n} {plural(unit) if n != 1 else unit})" for d, n in sorted(extra.items())
        )
        same = "the same dates plus " if old and set(old) <= set(new) else ""
        parts.append(f"{source_with_date(latest.analysis.document)} lists {same}{listed}")
    if missing:
        parts.append(f"it lacks {', '.join(sorted(missing))}")
    return ": " + "; ".join(parts) + "."


_SAME_ANSWER = {DURATION: "duration", AGE: "age", **{unit: "time" for unit in CLOCK_UNITS}}
_QUESTIONS = {DURATION: "How long did it last", AGE: "How old",
              **{unit: f"At what time ({unit}) did it happen" for unit in CLOCK_UNITS}}


def _question(facts: list[_Fact]) -> str:
    first = min(facts, key=lambda f: (f.fact.phrase is None, f.published))
    unit = first.family
    what = _QUESTIONS.get(unit) or (
        "How much money" if unit in _MONEY else f"How many {plural(unit)}")
    if unit not in _MONEY and unit not in _QUESTIONS and first.fact.phrase:
        what += f" {first.fact.phrase}"
    details = [d for d in (_topic(facts), _span_of(facts)) if d]
    return f"{what} ({', '.join(details)})?" if details else f"{what}?"


def _topic(facts: list[_Fact]) -> str:
    """Words every side's sentence shares, names first (places and things counted at)."""
    shared = frozenset.intersection(*(f.stems for f in facts))
    first = facts[0]
    words = content_words(first.record.claim.text)
    chosen = [w for key, w in words.items() if key in shared]
    names = [w for w in chosen if w[:1].isupper()]
    return shorten(" ".join(names or chosen[:4]), 60)


def _span_of(facts: list[_Fact]) -> str:
    windows = [f.window for f in facts if f.window]
    if not windows:
        return ""
    starts = [w[0] for w in windows if w[0]]
    end = max(w[1] for w in windows)
    if not starts:
        return f"up to {end}"
    start = min(starts)
    return start if start == end else f"{start} to {end}"
