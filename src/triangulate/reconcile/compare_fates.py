"""What befell a person, as each source tells it: the fates claims read (``Claim.fates``),
compared for each person entity.

The answers are the states told ("dead", "missing", "alive", ...), sure or unsure. Of two
answers about one person:

* the same state, unsure first and sure in a later report, is an ``update`` (confirmed);
* a state and a later one it can lead to ("missing", then "dead" or "alive"; "held", then
  "free") is an ``update``;
* states that cannot both hold ("dead" and "alive"), both sure, are a ``conflict``;
* one sure state told by several independent sources is an agreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..ids import record_id
from ..model import Analysis, ClaimRecord, Comparison, Fate, Verdict
from .text import report_date, source_label

LEADS_TO = frozenset({
    ("missing", "dead"), ("missing", "alive"), ("injured", "dead"), ("held", "free"),
})
"""A person's state, and the states a later report may find them in."""
EXCLUDE = frozenset({frozenset({"dead", "alive"}), frozenset({"dead", "injured"}),
                     frozenset({"held", "free"})})
"""States one person cannot be in at once."""
TOLD_AS = {
    "dead": "dead", "missing": "missing", "alive": "alive", "injured": "injured",
    "held": "held", "free": "freed",
}


@dataclass(frozen=True)
class _Told:
    record: ClaimRecord
    fate: Fate
    published: str
    source: str

    @property
    def answer(self) -> tuple[str, bool]:
        return self.fate.state, self.fate.hedged


def compare_fates(
    claims: Sequence[ClaimRecord],
    by_id: Mapping[str, Analysis],
    people: Mapping[tuple[str, int, int], str],
) -> list[Comparison]:
    """Comparisons of what each person's fate is told to be; ``people`` maps (document,
    start, end) of a person's mention to the entity it resolved to."""
    told: dict[str, list[_Told]] = defaultdict(list)
    for record in claims:
        document = by_id[record.document].document
        for fate in record.claim.fates:
            person = people.get((record.document, fate.person.start, fate.person.end))
            key = person or f"name:{fate.person_text.lower()}"
            told[key].append(_Told(record, fate, report_date(document) or "",
                                   source_label(document)))
    comparisons = []
    for items in told.values():
        by_answer: dict[tuple[str, bool], list[_Told]] = defaultdict(list)
        for item in items:
            if all(other.record.id != item.record.id for other in by_answer[item.answer]):
                by_answer[item.answer].append(item)
        name = max((item.fate.person_text for item in items), key=len)
        if len(by_answer) == 1:
            (answer, group), = by_answer.items()
            if not answer[1] and len({item.source for item in group}) > 1:
                comparisons.append(_comparison(name, "agree", group, [], "the same."))
            continue
        for a, b in combinations(sorted(by_answer), 2):
            made = _judged(name, by_answer[a], by_answer[b])
            if made is not None:
                comparisons.append(made)
    return comparisons


def _judged(name: str, a: list[_Told], b: list[_Told]) -> Comparison | None:
    (state_a, unsure_a), (state_b, unsure_b) = a[0].answer, b[0].answer
    if state_a == state_b:
        unsure, sure = (a, b) if unsure_a else (b, a)
        if max(i.published for i in sure) > max(i.published for i in unsure):
            return _comparison(name, "update", unsure, sure, "a later report is sure of it.")
        return None  # "believed to have died of natural causes" may doubt the cause, not the death
    for earlier, later in ((a, b), (b, a)):
        states = (earlier[0].fate.state, later[0].fate.state)
        if states in LEADS_TO and min(i.published for i in earlier) < min(
                i.published for i in later):
            return _comparison(name, "update", earlier, later,
                               f"a later report finds them {TOLD_AS[states[1]]}.")
    if frozenset({state_a, state_b}) in EXCLUDE and not unsure_a and not unsure_b:
        a, b = sorted((a, b), key=lambda side: min((i.published, i.record.id) for i in side))
        return _comparison(name, "conflict", a, b, "both cannot be true.")
    return None


def _comparison(
    name: str, verdict: Verdict, first: list[_Told], then: list[_Told], ending: str
) -> Comparison:
    told = first + then
    sides = "; ".join(_said(name, side) for side in (first, then) if side)
    return Comparison(
        id=record_id("f", *(item.record.id for item in told)),
        question=f"What became of {name}?",
        verdict=verdict,
        claims=tuple(dict.fromkeys(item.record.id for item in told)),
        explanation=f"{sides}: {ending}",
        kind="fate",
    )


def _who(item: _Told) -> str:
    """"BBC (2010-01-17, citing Chinese rescuers)", "BBC (citing ...)", "BBC"."""
    told = [item.published] if item.published else []
    if item.record.claim.speaker_text:
        told.append(f"citing {item.record.claim.speaker_text}")
    return f"{item.source} ({', '.join(told)})" if told else item.source


def _said(name: str, side: list[_Told]) -> str:
    state, unsure = side[0].answer
    who = " and ".join(dict.fromkeys(_who(item) for item in side))
    return f"{who} {'are' if ' and ' in who else 'is'} {'not sure' if unsure else 'sure'} that " \
        f"{name} is {TOLD_AS[state]}"
