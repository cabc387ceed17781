"""Cross-document event coreference: mentions of one happening become one event.

Mentions are blocked by (type, first day), so the cost grows with the size of each block, not
with the square of the corpus.  Within a block, mentions of a day or a few days are one event;
long periods, coarser dates and undated mentions merge only when they share a participant.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date as calendar_date

from ..ids import record_id
from ..model import Analysis, ClaimRecord, DocSpan, Event, EventMention
from .claims import MentionMap
from .text import shorten

_Item = tuple[Analysis, EventMention, frozenset[str], frozenset[str]]


def corefer_events(
    analyses: Sequence[Analysis], mention_map: MentionMap, claims: Sequence[ClaimRecord]
) -> list[Event]:
    blocks: dict[tuple[str, str | None], list[_Item]] = defaultdict(list)
    for analysis in analyses:
        doc_id = analysis.document.id
        for mention in analysis.events:
            participants = _resolve(mention.participants, doc_id, mention_map)
            places = _resolve(mention.places, doc_id, mention_map)
            start = mention.date.start if mention.date else None
            blocks[(mention.type, start)].append((analysis, mention, participants, places))

    claims_by_doc: dict[str, list[ClaimRecord]] = defaultdict(list)
    for record in claims:
        claims_by_doc[record.document].append(record)

    events: list[Event] = []
    for (_type, start), items in blocks.items():
        precise = start is not None and len(start) == 10
        brief = [
            item for item in items if precise and _lasts_days(item[1]) <= MAX_SAME_HAPPENING_DAYS
        ]
        rest = [item for item in items if not any(item is b for b in brief)]
        groups = ([brief] if brief else []) + _cluster(rest, merge_all=False)
        events.extend(_event(group, claims_by_doc) for group in groups)
    events.sort(key=lambda e: (e.start or "9999", e.type, e.id))
    return events


MAX_SAME_HAPPENING_DAYS = 7
"""Mentions starting on one day are one happening when none lasts longer than this (a clash of
2-6 April and fighting that erupted on 2 April); a longer period ("deliveries from 3 June to the
present") is a different event from a single day's flights."""


def _lasts_days(mention: EventMention) -> int:
    date = mention.date
    if date is None or not date.start or len(date.start) != 10:
        return 0
    end = date.end if date.end and len(date.end) == 10 else date.start
    return (calendar_date.fromisoformat(end) - calendar_date.fromisoformat(date.start)).days


def _resolve(mentions: Sequence, doc_id: str, mention_map: MentionMap) -> frozenset[str]:
    ids = (mention_map.get((doc_id, m.start, m.end)) for m in mentions)
    return frozenset(i for i in ids if i)


def _cluster(items: list[_Item], merge_all: bool) -> list[list[_Item]]:
    if merge_all:
        return [items]
    groups: list[list[_Item]] = []
    for item in items:
        people = item[2] | item[3]
        for group in groups:
            if people and any(people & (other[2] | other[3]) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def _event(group: list[_Item], claims_by_doc: dict[str, list[ClaimRecord]]) -> Event:
    first_analysis, first, _, _ = group[0]
    documents: list[str] = []
    participants: list[str] = []
    places: list[str] = []
    mentions: list[DocSpan] = []
    claim_ids: list[str] = []
    counts: list[int] = []
    end = None
    for analysis, mention, people, where in group:
        doc_id = analysis.document.id
        if doc_id not in documents:
            documents.append(doc_id)
        participants.extend(p for p in sorted(people) if p not in participants)
        places.extend(p for p in sorted(where) if p not in places)
        mentions.append(DocSpan(doc_id, mention.start, mention.end))
        if mention.count is not None:
            counts.append(mention.count)
        if mention.date and mention.date.end and (end is None or mention.date.end > end):
            end = mention.date.end
        for record in claims_by_doc.get(doc_id, ()):
            claim = record.claim
            if claim.start <= mention.start < claim.end and record.id not in claim_ids:
                claim_ids.append(record.id)
    date = first.date
    start = date.start if date else None
    key = f"{first.type}|{date}|" + "|".join(f"{m.document}:{m.start}" for m in mentions)
    sentence = first.sentence.of(first_analysis.document.text)
    return Event(
        id=record_id("v", key),
        type=first.type,
        summary=shorten(sentence, 200),
        start=start,
        end=end if end and end != start else None,
        precision=date.precision if date else None,
        participants=tuple(participants),
        places=tuple(places),
        count=max(counts) if counts else None,
        claims=tuple(claim_ids),
        documents=tuple(documents),
        mentions=tuple(mentions),
    )
