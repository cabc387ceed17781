"""Counts and amounts as comparable facts: what each claim's sentence counts, where and when.

A fact is the headline quantity of one unit family in a claim's sentence (the sentence, not the
claim span: a claim cut to "on Tuesday, after divers recovered more bodies" still reports the
"21 passengers" of its sentence), with what surrounds it: the context words, the predicate scope
(``compare_scope``) and the time window the count covers.  Two facts are comparable when they
come from independent sources, count the same unit family under compatible predicates, share
enough context, and cover matching windows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..analyze.quantity_grammar import singular
from ..analyze.timex_calendar import first_day, last_day
from ..model import Analysis, ClaimRecord, Quantity, Span
from ..union_find import UnionFind
from .blocking import StemIndex
from .compare_scope import Scope, compatible, scope_of
from .text import content_stems, origin_of, overlap
from .units import family

CONTEXT_FLOOR = 0.2
SAME_VALUE_CONTEXT_FLOOR = 0.12
SAME_VALUE_SLACK_DAYS = 1
"""Equal counts dated a day apart still agree ("detained on Saturday" / "during the evening")."""

_NUMBER_WORD = re.compile(
    r"\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|"
    r"Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|"
    r"Eighty|Ninety|Hundred|Dozens?|Hundreds|Thousands)\b"
)
_COUNTED_NOUN = re.compile(
    r"\b(?:number|total|tally|count) of ((?:[A-Za-z-]+\s){0,2}?[A-Za-z-]+s)\b"
    r"(?=\s+(?:that|who|which|in|at|on|from|since|to|has|have|had|is|was|were|are)\b)",
    re.IGNORECASE,
)
_EXTRA_PART = re.compile(
    r"^\s*,?\s*(?:and|plus|as well as)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d[\d,]*)\s+[A-Za-z]",
    re.IGNORECASE,
)

_NONE = Quantity(0, 0, "", float("-inf"), "")
Window = tuple[str | None, str]
"""First and last ISO date (any precision) a count covers; an open start is None."""


@dataclass(frozen=True)
class _Fact:
    record: ClaimRecord
    analysis: Analysis
    origin: str
    quantity: Quantity
    family: str
    stems: frozenset[str]
    window: Window | None
    scope: Scope
    sentence: Span
    headline: bool  # the sentence is the document's title
    extra: bool  # the count is followed by another part: "12 soldiers and a civilian"

    @property
    def published(self) -> str:
        return self.analysis.document.published or ""


def _headline_facts(claims: Sequence[ClaimRecord], by_id: dict[str, Analysis]) -> list[_Fact]:
    """The largest count of each unit family in each claim's sentence (a quantity of a sentence
    that several claims share goes to the claim that contains it, else to the first)."""
    facts = []
    origins: dict[str, str] = {}
    taken: set[tuple[str, int]] = set()
    for record in claims:
        analysis = by_id[record.document]
        sentence = _sentence_of(analysis, record.claim)
        best: dict[str, Quantity] = {}
        for quantity in _quantities(analysis, record, sentence):
            kind = family(quantity.unit)
            key = (record.document, quantity.start)
            if kind and key not in taken and quantity.value > best.get(kind, _NONE).value:
                best[kind] = quantity
        if not best:
            continue
        origin = origins.get(record.document)
        if origin is None:
            origin = origins[record.document] = origin_of(analysis, by_id)
        text = analysis.document.text
        sentence_text = sentence.of(text)
        headline = _is_title(analysis, sentence_text)
        for kind, quantity in best.items():
            taken.add((record.document, quantity.start))
            start, end = quantity.start - sentence.start, quantity.end - sentence.start
            scope = scope_of(sentence_text, start, end)
            facts.append(
                _Fact(
                    record=record,
                    analysis=analysis,
                    origin=origin,
                    quantity=quantity,
                    family=kind,
                    stems=_context(analysis, record, sentence, quantity)
                    - content_stems(quantity.text),
                    window=_time_window(record, scope, analysis.document.published),
                    scope=scope,
                    sentence=sentence,
                    headline=headline,
                    extra=bool(_EXTRA_PART.match(sentence_text[end:])),
                )
            )
    return facts


def _sentence_of(analysis: Analysis, span: Span) -> Span:
    return analysis.sentence_of(span) or span


def _quantities(analysis: Analysis, record: ClaimRecord, sentence: Span) -> list[Quantity]:
    """The claim's quantities, those of the stage in the claim's sentence, and, where the stage
    found none there, those read again from the sentence alone (a number word opening a
    sentence right after a dateline is easily missed)."""
    found = list(record.claim.quantities)
    found += [
        q
        for q in analysis.quantities
        if sentence.start <= q.start and q.end <= sentence.end
        and not any(q.overlaps(other) for other in found)
    ]
    text = analysis.document.text
    sentence_text = sentence.of(text)
    if not any(family(q.unit) for q in found) and _NUMBER_WORD.search(sentence_text):
        from ..analyze.quantities import find_quantities

        for q in find_quantities(sentence_text):
            moved = replace(q, start=q.start + sentence.start, end=q.end + sentence.start)
            if not any(moved.overlaps(other) for other in found):
                found.append(moved)
    return [_with_counted_noun(q, sentence_text) for q in found]


def _with_counted_noun(quantity: Quantity, sentence: str) -> Quantity:
    """A bare number gets the noun of "the number of aid convoys ... has risen to 19"."""
    if quantity.unit:
        return quantity
    match = _COUNTED_NOUN.search(sentence)
    if not match:
        return quantity
    return replace(quantity, unit=singular(match.group(1).split()[-1]))


def _is_title(analysis: Analysis, sentence: str) -> bool:
    title = analysis.document.title
    return bool(title) and " ".join(sentence.split()) == " ".join((title or "").split())


def _context(
    analysis: Analysis, record: ClaimRecord, sentence: Span, quantity: Quantity
) -> frozenset[str]:
    """The words of the claim that holds a count (of its sentence when the count lies outside
    the claim's span) and of the sentence before (a quoted figure often gets its subject from
    the sentence that introduces the quote)."""
    text = analysis.document.text
    holder = record.claim if record.claim.contains(quantity) else sentence
    words = content_stems(holder.of(text))
    sentences = analysis.sentences
    index = bisect_right(sentences, sentence.start, key=lambda s: s.start) - 1
    if index > 0 and sentences[index].start == sentence.start:
        words |= content_stems(sentences[index - 1].of(text))
    return words


def _time_window(record: ClaimRecord, scope: Scope, published: str | None) -> Window | None:
    """The claim's time; a running total ("since 1 September", "so far") runs up to the
    publication date, from its "since" date or from an open start."""
    time = record.claim.time
    start = time.start if time else None
    end = (time.end or time.start) if time else None
    if scope.cumulative:
        last = max(filter(None, (end, published)), default=None)
        if last is None:
            return None
        return (start if scope.since else None), last
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
    floor = SAME_VALUE_CONTEXT_FLOOR if a.quantity.value == b.quantity.value else CONTEXT_FLOOR
    if a.scope.kinds & b.scope.kinds:
        floor /= 2  # the same predicate ("detained") already says they count the same thing
    return overlap(a.stems, b.stems) >= floor


def _same_question(a: _Fact, b: _Fact) -> bool:
    """Independent sources, the same unit family and predicates, matching time windows."""
    if a.origin == b.origin or a.family != b.family or not compatible(a.scope, b.scope):
        return False
    same_value = a.quantity.value == b.quantity.value
    wa, wb = a.window, b.window
    if wa is None or wb is None:
        return True
    if same_value:
        return _overlap(wa, wb, SAME_VALUE_SLACK_DAYS)
    if a.scope.cumulative or b.scope.cumulative:
        return _overlap(wa, wb)
    # A single day is a different scope from a span of days or a month.
    if _is_day(wa) or _is_day(wb):
        return wa == wb
    return _overlap(wa, wb)


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


def comparable_pairs(facts: list[_Fact]) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of facts to compare: linked directly (blocking and
    ``_comparable``), or in one small linked group and asking the same question."""
    pairs = {
        (i, j)
        for i, j in StemIndex([fact.stems for fact in facts]).pairs()
        if _comparable(facts[i], facts[j])
    }
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
