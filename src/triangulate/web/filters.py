"""Filters over the lists the pages and the API show: by source, speaker, entity, date range,
verdict, stance and status. One ``ListFilter`` narrows each kind of item the same way everywhere.

Dates are ISO strings of any precision (``2023``, ``2023-03``, ``2023-03-02``); an item is in a
range when its span of days overlaps it, so a month-precise date is kept by a range inside it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..model import (
    ClaimRecord,
    Comparison,
    Entity,
    Event,
    Stance,
    TimelineEntry,
    Verdict,
)
from ..outputs.disputes import Answer, Dispute
from ..outputs.sources import SourcesView, Speaker
from .snapshot import Snapshot


@dataclass(frozen=True)
class ListFilter:
    """What a list is narrowed to; ``None`` keeps everything on that account."""

    source: str | None = None  # a document id or a publisher's name
    speaker: str | None = None  # the entity (id or name) a claim is attributed to
    entity: str | None = None  # an entity (id or name) the item involves
    date_from: date | None = None
    date_to: date | None = None
    verdict: Verdict | None = None
    stance: Stance | None = None
    status: str | None = None

    @property
    def dated(self) -> bool:
        return self.date_from is not None or self.date_to is not None


def day_span(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date of day, month or year precision covers."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None
    return day, day


def in_range(start: str | None, end: str | None, wanted: ListFilter) -> bool:
    """Whether the dates ``start``..``end`` overlap the filter's range (undated: never)."""
    first = day_span(start)
    if first is None:
        return False
    last = day_span(end) or first
    if wanted.date_from is not None and last[1] < wanted.date_from:
        return False
    return wanted.date_to is None or first[0] <= wanted.date_to


class Narrowing:
    """A filter resolved against one snapshot: the documents and entities its values name."""

    def __init__(self, data: Snapshot, wanted: ListFilter) -> None:
        self.data = data
        self.wanted = wanted
        self.documents = _documents_named(data, wanted.source) if wanted.source else None
        self.speakers = _entities_named(data, wanted.speaker) if wanted.speaker else None
        self.entities = _entities_named(data, wanted.entity) if wanted.entity else None
        self.speaker_names = _names(data, wanted.speaker, self.speakers)
        self.documents_mentioning = (
            None
            if self.entities is None
            else frozenset(
                m.document
                for e in data.reconciliation.entities
                if e.id in self.entities
                for m in e.mentions
            )
        )

    # ---- one item ----------------------------------------------------------------------

    def _published_in_range(self, doc_ids: Iterable[str]) -> bool:
        for doc_id in doc_ids:
            document = self.data.document(doc_id)
            if document is not None and in_range(document.published, None, self.wanted):
                return True
        return False

    def _from_source(self, doc_ids: Iterable[str]) -> bool:
        return self.documents is None or not self.documents.isdisjoint(doc_ids)

    def _said_by_speaker(self, claim: ClaimRecord) -> bool:
        """Attributed to the speaker, or (attribution unresolved) naming them as its speaker."""
        if self.speakers is None or claim.attributed_to in self.speakers:
            return True
        if claim.attributed_to is not None:
            return False
        speaker_text = _normalised(claim.claim.speaker_text or "")
        return any(name in speaker_text for name in self.speaker_names)

    def _claim_involves(self, claim: ClaimRecord) -> bool:
        if self.entities is None:
            return True
        return claim.attributed_to in self.entities or not self.entities.isdisjoint(claim.about)

    def claim(self, claim: ClaimRecord) -> bool:
        w = self.wanted
        return (
            (w.stance is None or claim.claim.stance == w.stance)
            and self._from_source((claim.document,))
            and self._said_by_speaker(claim)
            and self._claim_involves(claim)
            and (not w.dated or self._published_in_range((claim.document,)))
        )

    def _event_involves(self, event: Event) -> bool:
        """The event has a claim by the speaker and involves the entity (or one of its claims
        does)."""
        claims = [self.data.claims[c] for c in event.claims if c in self.data.claims]
        involves = self.entities is None or not self.entities.isdisjoint(
            (*event.participants, *event.places)
        )
        return (self.speakers is None or any(self._said_by_speaker(c) for c in claims)) and (
            involves or any(self._claim_involves(c) for c in claims)
        )

    def event(self, event: Event) -> bool:
        return (
            self._from_source(event.documents)
            and (not self.wanted.dated or in_range(event.start, event.end, self.wanted))
            and self._event_involves(event)
        )

    def comparison(self, comparison: Comparison) -> bool:
        claims = [self.data.claims[c] for c in comparison.claims if c in self.data.claims]
        return (
            (self.wanted.verdict is None or comparison.verdict == self.wanted.verdict)
            and self._from_source(c.document for c in claims)
            and (self.speakers is None or any(self._said_by_speaker(c) for c in claims))
            and (self.entities is None or any(self._claim_involves(c) for c in claims))
            and (not self.wanted.dated or self._published_in_range(c.document for c in claims))
        )

    def dispute(self, dispute: Dispute) -> bool:
        """A row with an answer (or a copy of one) from the source, by the speaker, involving
        the entity, from a document published in the range, and with a verdict in force of
        that kind (a rejected verdict is none)."""
        answers = _every_answer(dispute)
        claims = [self.data.claims[a.claim] for a in answers if a.claim in self.data.claims]
        verdict = self.wanted.verdict
        return (
            (
                verdict is None
                or any(
                    j.verdict == verdict and not (j.review and j.review.action == "reject")
                    for j in dispute.judgements
                )
            )
            and self._from_source(a.document for a in answers)
            and (self.speakers is None or any(self._said_by_speaker(c) for c in claims))
            and (self.entities is None or any(self._claim_involves(c) for c in claims))
            and (not self.wanted.dated or self._published_in_range(a.document for a in answers))
        )

    def timeline_entry(self, entry: TimelineEntry) -> bool:
        if self.wanted.status and entry.status != self.wanted.status:
            return False
        if self.wanted.dated and not in_range(entry.date, entry.end, self.wanted):
            return False
        if not self._from_source(entry.documents):
            return False
        if self.entities is None and self.speakers is None:
            return True
        event = self.data.events.get(entry.event)
        return event is not None and self._event_involves(event)

    def document(self, doc_id: str) -> bool:
        document = self.data.document(doc_id)
        if document is None or not self._from_source((doc_id,)):
            return False
        if self.wanted.dated and not in_range(document.published, None, self.wanted):
            return False
        return self.documents_mentioning is None or doc_id in self.documents_mentioning

    def entity(self, entity: Entity) -> bool:
        if self.entities is not None and entity.id not in self.entities:
            return False
        return self.documents is None or any(m.document in self.documents for m in entity.mentions)


def _documents_named(data: Snapshot, value: str) -> frozenset[str]:
    """The documents ``value`` names: by id, or by publisher (case and spacing ignored)."""
    if value in data.outlines:
        return frozenset({value})
    wanted = _normalised(value)
    return frozenset(
        doc_id
        for doc_id, outline in data.outlines.items()
        if _normalised(outline.analysis.document.publisher or "") == wanted
    )


def _names(data: Snapshot, value: str | None, ids: frozenset[str] | None) -> tuple[str, ...]:
    """``value`` and the names of the entities it resolved to, normalised for matching."""
    if not value or ids is None:
        return ()
    names = {data.entities[i].name for i in ids if i in data.entities}
    if value not in data.entities:  # a name, not an id
        names.add(value)
    return tuple(_normalised(n) for n in names if n.strip())


def _entities_named(data: Snapshot, value: str) -> frozenset[str]:
    """The entities ``value`` names: by id, or by name or alias (case and spacing ignored)."""
    if value in data.entities:
        return frozenset({value})
    wanted = _normalised(value)
    return frozenset(
        e.id
        for e in data.reconciliation.entities
        if any(_normalised(n) == wanted for n in (e.name, *e.aliases))
    )


def claims(data: Snapshot, wanted: ListFilter) -> list[ClaimRecord]:
    narrowing = Narrowing(data, wanted)
    return [c for c in data.reconciliation.claims if narrowing.claim(c)]


def events(data: Snapshot, wanted: ListFilter) -> list[Event]:
    narrowing = Narrowing(data, wanted)
    return [e for e in data.reconciliation.events if narrowing.event(e)]


def comparisons(data: Snapshot, wanted: ListFilter) -> list[Comparison]:
    narrowing = Narrowing(data, wanted)
    return [c for c in data.reconciliation.comparisons if narrowing.comparison(c)]


def disputes(
    data: Snapshot, rows: Iterable[Dispute], wanted: ListFilter, text: str | None = None
) -> list[Dispute]:
    """The rows ``wanted`` keeps whose question or answers hold a word beginning with each
    word of ``text`` ('day 6' finds days 6 and 60, not 16)."""
    narrowing = Narrowing(data, wanted)
    words = _word_starts(text)
    return [
        r
        for r in rows
        if narrowing.dispute(r) and (not words or _holds_all(_dispute_text(data, r), words))
    ]


def _word_starts(text: str | None) -> list[re.Pattern[str]]:
    """Each word of ``text`` as the start of a word to find."""
    return [re.compile(rf"(?<!\w){re.escape(w)}") for w in _normalised(text or "").split()]


def _holds_all(text: str, words: list[re.Pattern[str]]) -> bool:
    return all(word.search(text) for word in words)


def sources_view(
    data: Snapshot, view: SourcesView, source: str | None, speaker: str | None
) -> SourcesView:
    """The sources view narrowed to ``source`` (a document id or a publisher: its outlet, the
    speakers it quotes, its lineage and the single-origin claims it carries) and to the
    speakers ``speaker`` names (an entity id, or words their names begin with: the outlets
    quoting them, the lineage of their documents, the single-origin claims they made)."""
    documents = _documents_named(data, source) if source else None
    words = _word_starts(speaker)
    speakers = [
        s
        for s in view.speakers
        if (documents is None or not documents.isdisjoint(s.documents))
        and (not speaker or _is_speaker(data, s, speaker, words))
    ]
    quoted_in = None if not speaker else {d for s in speakers for d in s.documents}
    said = None if not speaker else {c for s in speakers for c in s.claims}

    def kept(doc_ids: Iterable[str]) -> bool:
        ids = set(doc_ids)
        return (documents is None or not documents.isdisjoint(ids)) and (
            quoted_in is None or not quoted_in.isdisjoint(ids)
        )

    return SourcesView(
        outlets=tuple(o for o in view.outlets if kept(d.id for d in o.documents)),
        speakers=tuple(speakers),
        lineage=tuple(
            link
            for link in view.lineage
            if kept((link.document,)) or (link.original is not None and kept((link.original,)))
        ),
        single_origin=tuple(
            c
            for c in view.single_origin
            if (documents is None or not documents.isdisjoint(c.documents))
            and (said is None or not said.isdisjoint(c.claims))
        ),
    )


def _is_speaker(data: Snapshot, speaker: Speaker, value: str, words: list[re.Pattern[str]]) -> bool:
    if value in (speaker.entity, speaker.key):
        return True
    entity = data.entities.get(speaker.entity) if speaker.entity else None
    names = (speaker.name, *(entity.aliases if entity else ()))
    return any(_holds_all(_normalised(name), words) for name in names)


def _every_answer(row: Dispute) -> list[Answer]:
    """The row's answers, each followed by the copies folded under it."""
    return [a for answer in row.answers for a in (answer, *answer.copies)]


def _dispute_text(data: Snapshot, row: Dispute) -> str:
    """What a search of the disputes reads: the question in each wording, and each answer's
    value, claim, speaker and outlet."""
    answers = _every_answer(row)
    parts = [row.title, *row.scopes]
    for answer in answers:
        record = data.claims.get(answer.claim)
        claim_text = record.claim.text if record else answer.excerpt
        parts += [answer.value, answer.normalized, claim_text, answer.speaker or "", answer.outlet]
    return _normalised(" ".join(parts))


def timeline(data: Snapshot, wanted: ListFilter) -> list[TimelineEntry]:
    narrowing = Narrowing(data, wanted)
    return [t for t in data.reconciliation.timeline if narrowing.timeline_entry(t)]


def documents(data: Snapshot, wanted: ListFilter) -> list[str]:
    """The ids of the documents kept, in the store's order."""
    narrowing = Narrowing(data, wanted)
    return [doc_id for doc_id in data.outlines if narrowing.document(doc_id)]


def entities(data: Snapshot, wanted: ListFilter) -> list[Entity]:
    narrowing = Narrowing(data, wanted)
    return [e for e in data.reconciliation.entities if narrowing.entity(e)]


def named_like(items: Iterable[Entity], text: str | None) -> list[Entity]:
    """The entities whose name or an alias contains ``text`` (case and spacing ignored)."""
    wanted = _normalised(text or "")
    if not wanted:
        return list(items)
    return [e for e in items if any(wanted in _normalised(n) for n in (e.name, *e.aliases))]


def entity_list(
    data: Snapshot, *, source: str | None, q: str | None, entity_type: str | None
) -> list[Entity]:
    """The entities of the entity list: named in ``source``'s documents, their name or an
    alias containing ``q``, of ``entity_type``; most mentioned first."""
    named = named_like(entities(data, ListFilter(source=source)), q)
    kept = [e for e in named if not entity_type or e.type == entity_type]
    return sorted(kept, key=lambda e: (-len(e.mentions), e.name))


def _normalised(name: str) -> str:
    """``name`` for comparing: spacing collapsed, case folded."""
    return " ".join(name.split()).casefold()
