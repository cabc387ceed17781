"""The merged timeline: dated events, oldest first, with who supports and who disputes them."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Analysis, Comparison, Event, TimelineEntry
from .text import story_of


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
    for event in events:
        if not event.start:
            continue
        origins = {story_of(by_id[d], by_id) for d in event.documents if d in by_id}
        disputed_by = tuple(c for c in event.claims if c in disputed)
        supported_by = tuple(c for c in event.claims if c not in disputed)
        if disputed_by:
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
            )
        )
    entries.sort(key=lambda e: (_sortable(e.date), e.event))
    return entries


def _sortable(date: str) -> str:
    """Pad partial dates so that 2020-08 sorts before 2020-08-12 and after 2020-07-31."""
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("00")
    return "-".join(parts)
