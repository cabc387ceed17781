"""The merged timeline: dated events, oldest first, with who supports and who disputes them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as calendar_date
from datetime import timedelta

from ..analyze.timex_calendar import last_day
from ..language.en.happening_types import DEADLY_TYPES, PART_OF_TYPES
from ..model import Analysis, Comparison, Event, TimelineEntry
from .text import report_date, story_of

BACKGROUND_DAYS = 180
"""A happening that was over this many days before the first report that tells of it is
background to the story (an earlier war, the last big earthquake): kept, marked as such."""


def build_timeline(
    events: Sequence[Event], comparisons: Sequence[Comparison], analyses: Sequence[Analysis]
) -> list[TimelineEntry]:
    by_id = {a.document.id: a for a in analyses}
    disputed: set[str] = set()
    superseded: set[str] = set()
    for comparison in comparisons:
        # A happening is disputed when a source denies it; sources that give different
        # figures for it (a count conflict) do not dispute that it happened.
        if comparison.verdict == "conflict" and comparison.kind == "denial":
            disputed.update(comparison.claims)
        elif comparison.verdict == "update":
            superseded.update(comparison.claims[:-1])
    entries = []
    weigh = _Salience(events, analyses, by_id)
    for event in events:
        if not event.start:
            continue
        origins = {story_of(by_id[d], by_id) for d in event.documents if d in by_id}
        disputed_by = tuple(c for c in event.claims if c in disputed)
        supported_by = tuple(c for c in event.claims if c not in disputed)
        if _background(event, by_id):
            status = "background"
        elif disputed_by:
            status = "disputed"
        elif len(origins) >= 2:
            status = "consensus"
        elif event.claims and all(c in superseded for c in event.claims):
            status = "superseded"  # told only by a report that a later one revised
        else:
            status = "single_source"
        entries.append(
            TimelineEntry(
                date=event.start,
                end=event.end,
                precision=event.precision,
                event=event.id,
                summary=event.summary,
                documents=event.documents,
                status=status,
                supported_by=supported_by,
                disputed_by=disputed_by,
                salience=weigh(event, len(origins), status == "background"),
            )
        )
    entries.sort(key=lambda e: (_sortable(e.date), e.event))
    entries = _without_told_tolls(entries, {e.id: e.type for e in events})
    return _without_parts(entries, events, analyses)


def _without_parts(
    entries: list[TimelineEntry], events: Sequence[Event], analyses: Sequence[Analysis]
) -> list[TimelineEntry]:
    """An entry told only in sentences that tell, for its day, a happening that holds it
    (PART_OF_TYPES: "an 84-year-old woman was found ... seriously injured") is that one's."""
    sentence_of = {
        (a.document.id, m.start): m.sentence.start for a in analyses for m in a.events
    }
    by_id = {e.id: e for e in events}

    def sentences(entry: TimelineEntry) -> set[tuple[str, int | None]]:
        event = by_id[entry.event]
        return {(m.document, sentence_of.get((m.document, m.start))) for m in event.mentions}

    told: dict[tuple[str, str, int | None], set[str]] = {}
    for entry in entries:
        for document, start in sentences(entry):
            told.setdefault((entry.date, document, start), set()).add(by_id[entry.event].type)
    kept = []
    for entry in entries:
        holders = PART_OF_TYPES.get(by_id[entry.event].type)
        within = sentences(entry)
        if holders and within and all(
            start is not None and told[(entry.date, document, start)] & holders
            for document, start in within
        ):
            continue
        kept.append(entry)
    return kept


def _without_told_tolls(
    entries: list[TimelineEntry], types: dict[str, str]
) -> list[TimelineEntry]:
    """The deaths that the first telling of a deadly happening counts ("a pandemic ... killed
    up to one million"; "an attack killed three on Monday"), or that only reports of a deadly
    happening of their day tell, are that happening's, not an entry of their own."""
    deadly = [e for e in entries if types.get(e.event) in DEADLY_TYPES]
    told = {(e.date, e.summary) for e in deadly}
    return [
        e for e in entries
        if types.get(e.event) != "casualty" or (e.date, e.summary) not in told and not any(
            d.date == e.date and set(e.documents) <= set(d.documents) for d in deadly
        )
    ]


def _sortable(date: str) -> str:
    """Pad partial dates so that 2020-08 sorts before 2020-08-12 and after 2020-07-31."""
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("00")
    return "-".join(parts)


SOURCES_SHARE = 0.7
"""Salience is this much the share of the corpus's independent sources that tell of the
happening, the rest the weight of its most reported participant; background halves it."""


class _Salience:
    def __init__(
        self, events: Sequence[Event], analyses: Sequence[Analysis], by_id: dict[str, Analysis]
    ) -> None:
        self.origins = max(1, len({story_of(a, by_id) for a in analyses}))
        self.documents = max(1, len(analyses))
        told: dict[str, set[str]] = {}
        for event in events:
            for participant in (*event.participants, *event.places):
                told.setdefault(participant, set()).update(event.documents)
        self.weight = {p: len(documents) / self.documents for p, documents in told.items()}

    def __call__(self, event: Event, origins: int, background: bool) -> float:
        people = max((self.weight.get(p, 0.0) for p in (*event.participants, *event.places)),
                     default=0.0)
        score = SOURCES_SHARE * min(1.0, origins / self.origins) + (1 - SOURCES_SHARE) * people
        return round(score / 2 if background else score, 3)


def _background(event: Event, by_id: dict[str, Analysis]) -> bool:
    reported = [
        day for d in event.documents if d in by_id and (day := report_date(by_id[d].document))
    ]
    if not reported:
        return False
    try:
        over = last_day((event.end or event.start or "")[:10])
        first = calendar_date.fromisoformat(min(reported)[:10])
    except ValueError:
        return False
    return over < first - timedelta(days=BACKGROUND_DAYS)
