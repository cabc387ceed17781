"""People's decisions applied to a reconciliation: verdicts confirmed, rejected or changed;
entities and events merged or split.

Decisions are anchored to what survives a new reconciliation (the claims a comparison held, the
mentions of an entity or event), so they apply again after more documents are added. A decision
whose anchor is gone is kept and reported as no longer applying; a later decision on the same
comparison supersedes an earlier one. Without decisions the reconciliation is returned as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from ..ids import distinct, record_id
from ..model import (
    Adjudication,
    AdjudicationOutcome,
    AdjudicationStatus,
    ClaimRecord,
    Comparison,
    DocSpan,
    Entity,
    Event,
    Reconciliation,
    Review,
    TimelineEntry,
)

ENTITY_ACTIONS = ("merge_entities", "split_entity")
EVENT_ACTIONS = ("merge_events", "split_event")
VERDICT_ACTIONS = ("confirm", "reject", "set_verdict")

Record = TypeVar("Record", bound=Entity | Event)


def adjudicate(
    reconciliation: Reconciliation, decisions: Sequence[Adjudication]
) -> Reconciliation:
    """``reconciliation`` with ``decisions`` (oldest first) applied, and what became of each
    in ``adjudications``."""
    if not decisions:
        return reconciliation
    outcomes: dict[str, AdjudicationOutcome] = {}
    result = reconciliation
    for decision in decisions:
        if decision.action in ENTITY_ACTIONS:
            result, outcome = _apply_to_entities(result, decision)
            outcomes[decision.id] = outcome
        elif decision.action in EVENT_ACTIONS:
            result, outcome = _apply_to_events(result, decision)
            outcomes[decision.id] = outcome
    result = _apply_verdicts(result, decisions, outcomes)
    return replace(
        result,
        adjudications=tuple(outcomes[d.id] for d in decisions if d.id in outcomes),
    )


def _outcome(
    decision: Adjudication, status: AdjudicationStatus, targets: Iterable[str] = ()
) -> AdjudicationOutcome:
    return AdjudicationOutcome(decision, status, tuple(distinct(targets)))


def _holders(records: Sequence[Record], mentions: Iterable[DocSpan]) -> list[str]:
    """Ids of the records holding any of ``mentions``, in record order."""
    wanted = set(mentions)
    return [r.id for r in records if wanted.intersection(r.mentions)]


def _in_order(mentions: Iterable[DocSpan]) -> tuple[DocSpan, ...]:
    """``mentions`` in text order, each once (two records may hold one mention)."""
    return tuple(sorted(set(mentions), key=lambda m: (m.document, m.start, m.end)))


def _merged_ids(records: Sequence[Record], decision: Adjudication) -> list[str]:
    """The ids of the records a merge joins, in order: those holding each group of its
    mentions; none when a group is held by no record (or there are fewer than two)."""
    groups = [_holders(records, group) for group in decision.mentions]
    if len(groups) < 2 or not all(groups):
        return []
    return list(distinct(i for group in groups for i in group))


def _split_holders(
    records: Sequence[Record], decision: Adjudication
) -> tuple[set[DocSpan], list[Record]]:
    """The mentions a split moves out, and the records holding any of them."""
    moved = set(decision.mentions[0]) if decision.mentions else set()
    return moved, [r for r in records if moved.intersection(r.mentions)]


def _split_settled(
    holders: Sequence[Record], moved: set[DocSpan], decision: Adjudication
) -> AdjudicationOutcome | None:
    """The outcome of a split with nothing to do (no record holds the mentions, or one holds
    them alone: already split), else None."""
    if not holders:
        return _outcome(decision, "no_longer_applies")
    if len(holders) == 1 and set(holders[0].mentions) <= moved:
        return _outcome(decision, "applied", [holders[0].id])
    return None


def _left_behind(
    holders: Sequence[Record], moved: set[DocSpan], decision: Adjudication
) -> dict[str, Record]:
    """The holders of a split without the mentions moved, the decision among their reviews."""
    rest: dict[str, Record] = {}
    for holder in holders:
        rest[holder.id] = replace(
            holder,
            mentions=tuple(m for m in holder.mentions if m not in moved),
            reviews=(*holder.reviews, decision.id),
        )
    return rest


def _with_split_off(
    records: Sequence[Record], rest: dict[str, Record], first: str, split_off: Record
) -> tuple[Record, ...]:
    """``records`` with the holders' remainders, the new record after the first holder
    (``first``), and a holder left without mentions gone."""
    updated = []
    for record in records:
        updated.append(rest.get(record.id, record))
        if record.id == first:
            updated.append(split_off)
    return tuple(r for r in updated if r.mentions)


# ---- comparisons ------------------------------------------------------------------------------


def _apply_verdicts(
    reconciliation: Reconciliation,
    decisions: Sequence[Adjudication],
    outcomes: dict[str, AdjudicationOutcome],
) -> Reconciliation:
    """The latest decision on each set of claims sets the review of the comparison that holds
    exactly those claims, or else of those that hold them all (it grew with more documents)."""
    latest: dict[frozenset[str], Adjudication] = {}
    for decision in decisions:
        if decision.action in VERDICT_ACTIONS:
            anchor = frozenset(decision.claims)
            if anchor in latest:
                earlier = latest[anchor]
                outcomes[earlier.id] = _outcome(earlier, "superseded")
            latest[anchor] = decision
    if not latest:
        return reconciliation
    comparisons = list(reconciliation.comparisons)
    position = {c.id: i for i, c in enumerate(comparisons)}
    changed: set[str] = set()
    for anchor, decision in latest.items():
        matches = [position[c.id] for c in matching_comparisons(anchor, comparisons)]
        if not matches:
            outcomes[decision.id] = _outcome(decision, "no_longer_applies")
            continue
        for index in matches:
            comparisons[index] = _reviewed(comparisons[index], decision)
            changed.update(comparisons[index].claims)
        outcomes[decision.id] = _outcome(
            decision, "applied", (comparisons[i].id for i in matches)
        )
    timeline = _timeline_after_verdicts(reconciliation.timeline, comparisons, changed)
    return replace(reconciliation, comparisons=tuple(comparisons), timeline=timeline)


def matching_comparisons(
    claims: Iterable[str], comparisons: Sequence[Comparison]
) -> list[Comparison]:
    """The comparisons a decision on ``claims`` applies to: the one that holds exactly those
    claims, or else those that hold them all (it grew with more documents)."""
    anchor = frozenset(claims)
    if not anchor:
        return []
    exact = [c for c in comparisons if frozenset(c.claims) == anchor]
    return exact or [c for c in comparisons if anchor <= set(c.claims)]


def _reviewed(comparison: Comparison, decision: Adjudication) -> Comparison:
    machine = comparison.review.machine_verdict if comparison.review else comparison.verdict
    verdict = decision.verdict if decision.action == "set_verdict" and decision.verdict else machine
    review = Review(
        adjudication=decision.id,
        action=decision.action,
        verdict=verdict,
        machine_verdict=machine,
        reviewer=decision.reviewer,
        decided_at=decision.decided_at,
        note=decision.note,
    )
    return replace(comparison, verdict=verdict, review=review)


def _timeline_after_verdicts(
    timeline: Sequence[TimelineEntry], comparisons: Sequence[Comparison], changed: set[str]
) -> tuple[TimelineEntry, ...]:
    """Entries whose claims a decision touched, disputed again by the denials still in
    conflict (a rejected comparison disputes nothing); the others as they are."""
    disputed = {
        claim
        for c in comparisons
        if c.kind == "denial"
        and c.verdict == "conflict"
        and not (c.review and c.review.action == "reject")
        for claim in c.claims
    }
    entries = []
    for entry in timeline:
        claims = (*entry.supported_by, *entry.disputed_by)
        if not changed.intersection(claims):
            entries.append(entry)
            continue
        disputed_by = tuple(c for c in claims if c in disputed)
        status = entry.status
        if disputed_by:
            status = "disputed"
        elif entry.status == "disputed":
            status = "consensus" if len(set(entry.documents)) >= 2 else "single_source"
        entries.append(
            replace(
                entry,
                status=status,
                supported_by=tuple(c for c in claims if c not in disputed),
                disputed_by=disputed_by,
            )
        )
    return tuple(entries)


# ---- entities ---------------------------------------------------------------------------------


def _apply_to_entities(
    reconciliation: Reconciliation, decision: Adjudication
) -> tuple[Reconciliation, AdjudicationOutcome]:
    entities = reconciliation.entities
    if decision.action == "merge_entities":
        ids = _merged_ids(entities, decision)
        if not ids:
            return reconciliation, _outcome(decision, "no_longer_applies")
        by_id = {e.id: e for e in entities}
        merged = _merge_entities([by_id[i] for i in ids], decision)
        renamed = {i: merged.id for i in ids}
        kept = tuple(merged if e.id == ids[0] else e for e in entities if e.id not in ids[1:])
        result = replace(
            reconciliation,
            entities=kept,
            claims=tuple(_claim_renamed(c, renamed) for c in reconciliation.claims),
            events=tuple(_event_refs_renamed(e, renamed) for e in reconciliation.events),
        )
        return result, _outcome(decision, "applied", [merged.id])
    moved, holders = _split_holders(entities, decision)
    settled = _split_settled(holders, moved, decision)
    if settled is not None:
        return reconciliation, settled
    first = holders[0]
    split_off = Entity(
        id=record_id("e", "split", decision.id),
        name=decision.name or first.name,
        type=first.type,
        aliases=(decision.name,) if decision.name else first.aliases,
        mentions=_in_order(m for e in holders for m in e.mentions if m in moved),
        geo=first.geo,
        reviews=(decision.id,),
    )
    rest = _left_behind(holders, moved, decision)
    new_documents = {m.document for m in split_off.mentions}
    kept_documents = {e.id: {m.document for m in e.mentions} for e in rest.values()}

    def moves(ref: str | None, documents: Iterable[str]) -> bool:
        """A reference moves when its record is read only where the mentions moved."""
        docs = set(documents)
        return (
            ref in rest
            and bool(docs & new_documents)
            and not docs & kept_documents[ref]
        )

    claims = []
    for claim in reconciliation.claims:
        documents = (claim.document,)
        attributed = claim.attributed_to
        if moves(attributed, documents):
            attributed = split_off.id
        about = tuple(split_off.id if moves(a, documents) else a for a in claim.about)
        claims.append(replace(claim, attributed_to=attributed, about=tuple(distinct(about))))
    events = []
    for event in reconciliation.events:
        participants = tuple(
            split_off.id if moves(p, event.documents) else p for p in event.participants
        )
        places = tuple(split_off.id if moves(p, event.documents) else p for p in event.places)
        events.append(
            replace(
                event, participants=tuple(distinct(participants)), places=tuple(distinct(places))
            )
        )
    result = replace(
        reconciliation,
        entities=_with_split_off(entities, rest, first.id, split_off),
        claims=tuple(claims),
        events=tuple(events),
    )
    return result, _outcome(decision, "applied", [*rest, split_off.id])


def _merge_entities(entities: Sequence[Entity], decision: Adjudication) -> Entity:
    first = entities[0]
    return replace(
        first,
        aliases=tuple(distinct(a for e in entities for a in (e.name, *e.aliases))),
        mentions=_in_order(distinct(m for e in entities for m in e.mentions)),
        geo=next((e.geo for e in entities if e.geo is not None), None),
        reviews=(*distinct(r for e in entities for r in e.reviews), decision.id),
    )


def _claim_renamed(claim: ClaimRecord, renamed: dict[str, str]) -> ClaimRecord:
    attributed = renamed.get(claim.attributed_to or "", claim.attributed_to)
    about = tuple(distinct(renamed.get(a, a) for a in claim.about))
    if attributed == claim.attributed_to and about == claim.about:
        return claim
    return replace(claim, attributed_to=attributed, about=about)


def _event_refs_renamed(event: Event, renamed: dict[str, str]) -> Event:
    participants = tuple(distinct(renamed.get(p, p) for p in event.participants))
    places = tuple(distinct(renamed.get(p, p) for p in event.places))
    if participants == event.participants and places == event.places:
        return event
    return replace(event, participants=participants, places=places)


# ---- events -----------------------------------------------------------------------------------


def _apply_to_events(
    reconciliation: Reconciliation, decision: Adjudication
) -> tuple[Reconciliation, AdjudicationOutcome]:
    events = reconciliation.events
    if decision.action == "merge_events":
        ids = _merged_ids(events, decision)
        if not ids:
            return reconciliation, _outcome(decision, "no_longer_applies")
        by_id = {e.id: e for e in events}
        merged = _merge_events([by_id[i] for i in ids], decision)
        kept = tuple(merged if e.id == merged.id else e for e in events if e.id not in ids[1:])
        timeline = _timeline_merged(reconciliation.timeline, ids, merged)
        result = replace(reconciliation, events=kept, timeline=timeline)
        return result, _outcome(decision, "applied", [merged.id])
    moved, holders = _split_holders(events, decision)
    settled = _split_settled(holders, moved, decision)
    if settled is not None:
        return reconciliation, settled
    first = holders[0]
    mentions = _in_order(m for e in holders for m in e.mentions if m in moved)
    documents = tuple(distinct(m.document for m in mentions))
    rest = _left_behind(holders, moved, decision)
    kept_documents = {m.document for e in rest.values() for m in e.mentions}
    claim_documents = {c.id: c.document for c in reconciliation.claims}
    moved_claims = {
        c
        for e in holders
        for c in e.claims
        if claim_documents.get(c) in documents and claim_documents.get(c) not in kept_documents
    }
    split_off = replace(
        first,
        id=record_id("v", "split", decision.id),
        summary=decision.name or first.summary,
        claims=distinct(c for e in holders for c in e.claims if c in moved_claims),
        documents=documents,
        mentions=mentions,
        reviews=(decision.id,),
    )
    rest = {
        i: replace(
            e,
            claims=tuple(c for c in e.claims if c not in moved_claims),
            documents=tuple(distinct(m.document for m in e.mentions)),
        )
        for i, e in rest.items()
    }
    timeline = _timeline_split(reconciliation.timeline, rest, split_off)
    result = replace(
        reconciliation,
        events=_with_split_off(events, rest, first.id, split_off),
        timeline=timeline,
    )
    return result, _outcome(decision, "applied", [*rest, split_off.id])


def _merge_events(events: Sequence[Event], decision: Adjudication) -> Event:
    first = events[0]
    return replace(
        first,
        participants=tuple(distinct(p for e in events for p in e.participants)),
        places=tuple(distinct(p for e in events for p in e.places)),
        claims=tuple(distinct(c for e in events for c in e.claims)),
        documents=tuple(distinct(d for e in events for d in e.documents)),
        mentions=_in_order(distinct(m for e in events for m in e.mentions)),
        reviews=(*distinct(r for e in events for r in e.reviews), decision.id),
    )


def _timeline_merged(
    timeline: Sequence[TimelineEntry], ids: Sequence[str], merged: Event
) -> tuple[TimelineEntry, ...]:
    """One entry for the merged event where any of them had one, at the first's place."""
    entries = [t for t in timeline if t.event in ids]
    if not entries:
        return tuple(timeline)
    disputed_by = tuple(distinct(c for t in entries for c in t.disputed_by))
    status = entries[0].status
    if disputed_by:
        status = "disputed"
    elif len(merged.documents) >= 2 and status == "single_source":
        status = "consensus"
    combined = replace(
        entries[0],
        event=merged.id,
        summary=merged.summary,
        documents=merged.documents,
        status=status,
        supported_by=tuple(distinct(c for t in entries for c in t.supported_by)),
        disputed_by=disputed_by,
    )
    result = []
    for entry in timeline:
        if entry is entries[0]:
            result.append(combined)
        elif entry.event not in ids:
            result.append(entry)
    return tuple(result)


def _timeline_split(
    timeline: Sequence[TimelineEntry], rest: dict[str, Event], split_off: Event
) -> tuple[TimelineEntry, ...]:
    """The entries of the events split, each with its own claims, and one for the new event
    after the first of them."""
    result: list[TimelineEntry] = []
    added = False
    for entry in timeline:
        event = rest.get(entry.event)
        if event is None:
            result.append(entry)
            continue
        if event.mentions:
            result.append(_entry_for(entry, event))
        if not added:
            result.append(_entry_for(entry, split_off))
            added = True
    return tuple(result)


def _entry_for(entry: TimelineEntry, event: Event) -> TimelineEntry:
    claims = set(event.claims)
    disputed_by = tuple(c for c in entry.disputed_by if c in claims)
    status = entry.status
    if entry.status == "disputed" and not disputed_by:
        status = "consensus" if len(event.documents) >= 2 else "single_source"
    elif entry.status == "consensus" and len(event.documents) < 2:
        status = "single_source"
    return replace(
        entry,
        event=event.id,
        summary=event.summary,
        documents=event.documents,
        status=status,
        supported_by=tuple(c for c in entry.supported_by if c in claims),
        disputed_by=disputed_by,
    )
