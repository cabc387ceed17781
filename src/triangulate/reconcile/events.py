"""Cross-document event coreference: mentions of one happening become one event.

Mentions are blocked by (type, first day), so the cost grows with the size of each block, not
with the square of the corpus.  Within a block, mentions of a day or a few days are one event;
long periods, coarser dates and undated mentions merge only when they share a participant.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date as calendar_date
from datetime import timedelta

from ..ids import record_id
from ..language.en.happening_types import BROADER_TYPE
from ..language.en.happenings import same_happening
from ..model import Analysis, ClaimRecord, DocSpan, Event, EventMention, TimeRange
from .claims import MentionMap
from .event_stories import story_groups
from .text import report_date, shorten

_Item = tuple[Analysis, EventMention, frozenset[str], frozenset[str]]
_Group = tuple[str, str | None, list[_Item]]  # type, first day (or month, year, None), items


def corefer_events(
    analyses: Sequence[Analysis], mention_map: MentionMap, claims: Sequence[ClaimRecord]
) -> list[Event]:
    items: list[_Item] = []
    for analysis in analyses:
        doc_id = analysis.document.id
        for mention in analysis.events:
            participants = _resolve(mention.participants, doc_id, mention_map)
            places = _resolve(mention.places, doc_id, mention_map)
            items.append((analysis, mention, participants, places))
    blocks: dict[tuple[str, str | None], list[_Item]] = defaultdict(list)
    for item in _redated(items):
        mention = item[1]
        start = mention.date.start if mention.date else None
        blocks[(BROADER_TYPE.get(mention.type, mention.type), start)].append(item)

    claims_by_doc: dict[str, list[ClaimRecord]] = defaultdict(list)
    for record in claims:
        claims_by_doc[record.document].append(record)

    groups: list[_Group] = []
    for (event_type, start), items in blocks.items():
        precise = start is not None and len(start) == 10
        brief = [
            item for item in items if precise and _lasts_days(item[1]) <= MAX_SAME_HAPPENING_DAYS
        ]
        rest = [item for item in items if not any(item is b for b in brief)]
        groups.extend(
            (event_type, start, group)
            for group in ([brief] if brief else []) + _cluster(rest, dated=start is not None)
        )
    events = [_event(group, claims_by_doc) for group in _merge_vaguer(groups)]
    events.sort(key=lambda e: (e.start or "9999", e.type, e.id))
    return events


def _redated(items: list[_Item]) -> list[_Item]:
    """A happening a report tells with no date of its own, dated by the report's day ("a
    powerful earthquake has hit"), takes the day before where other reports date a happening
    of its type and word that shares a participant with it to that day, and none to the
    report's: the report was written the day after."""
    told: dict[tuple[str, str, str], list[frozenset[str]]] = defaultdict(list)
    for item in items:
        if _dated_in_text(item) and item[1].date and item[1].date.start:
            told[_day_key(item, item[1].date.start)].append(item[2] | item[3])
    redated = []
    for item in items:
        analysis, mention, people, places = item
        day = (report_date(analysis.document) or "")[:10]
        date = mention.date
        if date is None or len(day) != 10 or (date.start, date.end) != (day, day) or (
            _dated_in_text(item)
        ):
            redated.append(item)
            continue
        before = (calendar_date.fromisoformat(day) - timedelta(days=1)).isoformat()
        who = people | places
        if any(who & other for other in told[_day_key(item, before)]) and not any(
            who & other for other in told[_day_key(item, day)]
        ):
            item = (analysis, replace(mention, date=TimeRange(before, before, "day")), people,
                    places)
        redated.append(item)
    return redated


def _day_key(item: _Item, day: str) -> tuple[str, str, str]:
    mention = item[1]
    return (BROADER_TYPE.get(mention.type, mention.type), _head_stem(mention.text), day)


def _dated_in_text(item: _Item) -> bool:
    """Whether a mention is dated to a day by a date its own sentence writes."""
    analysis, mention = item[0], item[1]
    if mention.date is None or len(mention.date.start or "") != 10:
        return False
    return any(
        mention.sentence.start <= t.start < mention.sentence.end and t.date_start
        for t in analysis.times
    )


RECENT_DAYS = 31
"""An undated mention ("the quake") may name a happening of this many days before its report."""


def _merge_vaguer(groups: list[_Group]) -> list[list[_Item]]:
    """Mentions dated only by a span of days, a month or a year, or not at all, joined to the
    more precisely dated happening of their type that shares the most participants with them
    (then the one most documents tell); an undated mention, one by one, only to a happening of
    the weeks before its report."""
    index_of = _DatedGroups(groups)
    left: list[list[_Item]] = []
    order = sorted(range(len(groups)), key=lambda i: -len(groups[i][1] or ""))
    for index in order:
        _, start, items = groups[index]
        if start is not None and len(start) == 10 and _one_day(start, items):
            continue
        if start is not None:
            target = _best_target(groups, index_of, index, items)
            if target is not None:
                index_of.extend(target, items)
                index_of.drop(index)
            continue
        index_of.drop(index)
        unplaced = []
        for item in items:
            target = _best_target(groups, index_of, index, [item])
            if target is None:
                unplaced.append(item)
            else:
                index_of.extend(target, [item])
        left.extend(_cluster(unplaced))
    return [items for index, (_, _, items) in enumerate(groups) if index_of.alive[index]] + left


class _DatedGroups:
    """The dated groups still standing, by type and participant and by type and document, with
    each group's participants and documents, kept as groups take in more mentions."""

    def __init__(self, groups: list[_Group]) -> None:
        self.groups = groups
        self.alive = [True] * len(groups)
        self.people = [_people(items) for _, _, items in groups]
        self.documents = [{item[0].document.id for item in items} for _, _, items in groups]
        self.dated_by = [frozenset(d) for d in self.documents]  # the documents that date it
        self._by_person: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._by_document: dict[tuple[str, str], set[int]] = defaultdict(set)
        for index, (event_type, start, _) in enumerate(groups):
            if start:
                self._file(index, event_type, self.people[index], self.documents[index])

    def _file(self, index: int, event_type: str, people: Iterable[str], documents: Iterable[str]
              ) -> None:
        for person in people:
            self._by_person[(event_type, person)].add(index)
        for document in documents:
            self._by_document[(event_type, document)].add(index)

    def extend(self, index: int, items: list[_Item]) -> None:
        self.groups[index][2].extend(items)
        people, documents = _people(items), {item[0].document.id for item in items}
        self.people[index] = self.people[index] | people
        self.documents[index] |= documents
        self._file(index, self.groups[index][0], people, documents)

    def drop(self, index: int) -> None:
        self.alive[index] = False

    def sharing_people(self, index: int, people: Iterable[str]) -> list[int]:
        """The other dated groups of the type of ``groups[index]`` with one of ``people``."""
        event_type = self.groups[index][0]
        found = set().union(*(self._by_person.get((event_type, p), ()) for p in people))
        return sorted(i for i in found if self.alive[i] and i != index)

    def telling(self, index: int, documents: Iterable[str]) -> list[int]:
        """The other dated groups of the type of ``groups[index]`` told by one of ``documents``."""
        event_type = self.groups[index][0]
        found = set().union(*(self._by_document.get((event_type, d), ()) for d in documents))
        return sorted(i for i in found if self.alive[i] and i != index)


def _best_target(
    groups: list[_Group], index_of: _DatedGroups, index: int, items: list[_Item]
) -> int | None:
    start = groups[index][1]
    people = _people(items)
    unknown_report = start is None and not all(report_date(item[0].document) for item in items)
    documents = {item[0].document.id for item in items}
    words = {_head_stem(item[1].text) for item in items}
    # (named with the same word, told with a date by the mention's own report, shared
    # participants, documents, -index)
    candidates: list[tuple[bool, bool, int, int, int]] = []
    others = index_of.sharing_people(index, people)
    if start is None:
        others = sorted(set(others) | set(index_of.telling(index, documents)))
    for other in others:
        _, other_start, other_items = groups[other]
        assert other_start is not None
        if unknown_report:  # a report of unknown date: only a happening it cannot mistake
            fits = True
        elif start is None:
            fits = _recent(other_start, items)
        elif len(start) == 10:  # "this week": a day of that week
            fits = (len(other_start) == 10 and _one_day(other_start, other_items)
                    and start <= other_start <= (_span_end(items) or start))
        else:  # "in April": a day or month of April
            fits = other_start.startswith(start) and len(other_start) > len(start)
        own = start is None and bool(documents & index_of.dated_by[other])
        shared = len(people & index_of.people[other])
        same_word = start is None and any(
            _head_stem(item[1].text) in words for item in groups[other][2]
        )
        if fits and (shared or own) and (start is not None or same_word or own or shared > 1):
            candidates.append((same_word, own, shared, len(index_of.documents[other]), -other))
    if unknown_report and len(candidates) > 1:
        return None
    if candidates:
        return -max(candidates)[4]
    if start is not None:
        return None
    # The one dated happening of the type that the undated mention's own document tells of
    # ("Wednesday's clashes" … "the Tarvos Square clashes"), however long before its report.
    found = index_of.telling(index, documents)
    return found[0] if len(found) == 1 else None


def _one_day(start: str, items: list[_Item]) -> bool:
    return _span_end(items) in (None, start)


def _span_end(items: list[_Item]) -> str | None:
    """The last day the group's mentions reach, when they are dated to the day."""
    ends = [
        item[1].date.end for item in items
        if item[1].date and item[1].date.end and len(item[1].date.end) == 10
    ]
    return max(ends) if ends else None


def _people(items: list[_Item]) -> frozenset[str]:
    return frozenset().union(*(item[2] | item[3] for item in items)) if items else frozenset()


def _recent(start: str, items: list[_Item]) -> bool:
    """Whether a happening dated ``start`` lies in the weeks before every report of ``items``."""
    try:
        begun = calendar_date.fromisoformat((start + "-01-01")[:10] if len(start) < 10 else start)
    except ValueError:
        return False
    for analysis, *_ in items:
        reported = report_date(analysis.document)
        if not reported:
            return False
        try:
            days = (calendar_date.fromisoformat(reported[:10]) - begun).days
        except ValueError:
            return False
        if not 0 <= days <= RECENT_DAYS:
            return False
    return True


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


def _cluster(items: list[_Item], dated: bool = False) -> list[list[_Item]]:
    """Items joined to the first group with which they share a participant or place; items of
    a ``dated`` block (one type, one month or year) also to the group that has their document
    (one report tells of one happening of a type and date) or their word ("the 1998 flood")."""
    groups: list[list[_Item]] = []
    first_group_of: dict[str, int] = {}  # participant or place -> the first group with it
    for item in items:
        people = item[2] | item[3]
        if dated:
            document, word = item[0].document.id, _head_stem(item[1].text)
            people = people | {f"document:{document}", f"word:{word}"}
        found = [first_group_of[p] for p in people if p in first_group_of]
        if found:
            target = min(found)
            groups[target].append(item)
        else:
            target = len(groups)
            groups.append([item])
        for person in people:  # ``target`` is now the first group with each of them
            first_group_of[person] = target
    return groups


def _event(group: list[_Item], claims_by_doc: dict[str, list[ClaimRecord]]) -> Event:
    first_analysis, first, _, _ = group[0]
    # ordered sets: each in the order first met
    documents: dict[str, None] = {}
    participants: dict[str, None] = {}
    places: dict[str, None] = {}
    claim_ids: dict[str, None] = {}
    mentions: list[DocSpan] = []
    counts: list[int] = []
    end = None
    for analysis, mention, people, where in group:
        doc_id = analysis.document.id
        documents.setdefault(doc_id)
        participants.update(dict.fromkeys(sorted(people)))
        places.update(dict.fromkeys(sorted(where)))
        mentions.append(DocSpan(doc_id, mention.start, mention.end))
        if mention.count is not None:
            counts.append(mention.count)
        if mention.date and mention.date.end and (end is None or mention.date.end > end):
            end = mention.date.end
        for record in claims_by_doc.get(doc_id, ()):
            claim = record.claim
            if claim.start <= mention.start < claim.end:
                claim_ids.setdefault(record.id)
    date = first.date
    start = date.start if date else None
    told_as = Counter(mention.type for _, mention, _, _ in group)
    event_type = max(told_as, key=lambda kind: (told_as[kind], kind in BROADER_TYPE))
    key = f"{first.type}|{date}|" + "|".join(f"{m.document}:{m.start}" for m in mentions)
    sentence = first.sentence.of(first_analysis.document.text)
    return Event(
        id=record_id("v", key),
        type=event_type,
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


def corefer_happenings(
    documents: Sequence[tuple[Analysis, Sequence[EventMention]]], mention_map: MentionMap
) -> list[list[tuple[str, EventMention]]]:
    """Chains of the mentions of every happening (typed or not, ``event_layer``) across
    ``documents``: mentions of one story (``story_groups``) whose head words share a stem, or
    name one happening (``SAME_HAPPENING``), are one happening unless their dates differ
    (``_by_date``); the typed mentions of one story that ``corefer_events`` makes one event
    join their chains ("the attack", "the fire-bomb")."""
    parent: dict[tuple[str, int, int], tuple[str, int, int]] = {}

    def find(key: tuple[str, int, int]) -> tuple[str, int, int]:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(keys: Sequence[tuple[str, int, int]]) -> None:
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])

    story = story_groups([analysis for analysis, _ in documents])
    by_stem: dict[tuple[int, str], list[tuple[str, EventMention]]] = defaultdict(list)
    for analysis, mentions in documents:
        doc_id = analysis.document.id
        for mention in mentions:
            by_stem[(story[doc_id], _head_stem(mention.text, same_word=True))].append(
                (doc_id, mention)
            )
    for items in by_stem.values():
        for chain in _by_date(items):
            join([(doc_id, m.start, m.end) for doc_id, m in chain])
    for event in corefer_events([analysis for analysis, _ in documents], mention_map, []):
        in_story: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        for span in event.mentions:
            in_story[story[span.document]].append((span.document, span.start, span.end))
        for keys in in_story.values():
            join(keys)
    chains: dict[tuple[str, int, int], list[tuple[str, EventMention]]] = defaultdict(list)
    for analysis, mentions in documents:
        for mention in mentions:
            doc_id = analysis.document.id
            chains[find((doc_id, mention.start, mention.end))].append((doc_id, mention))
    return list(chains.values())


def _by_date(items: list[tuple[str, EventMention]]) -> list[list[tuple[str, EventMention]]]:
    """Mentions of one word split by the day (or month, year) that dates them: a coarser date
    joins the one finer date it holds ("in 2013", "on 27 December 2013"); undated mentions join
    the one dated happening, or where there are several the one told most often."""
    by_date: dict[str, list[tuple[str, EventMention]]] = defaultdict(list)
    undated: list[tuple[str, EventMention]] = []
    for doc_id, mention in items:
        start = mention.date.start if mention.date else None
        (by_date[start] if start else undated).append((doc_id, mention))
    for coarse in sorted(by_date, key=len, reverse=True):
        finer = [d for d in by_date if len(d) > len(coarse) and d.startswith(coarse)]
        if len(finer) == 1:
            by_date[finer[0]].extend(by_date.pop(coarse))
    chains = list(by_date.values())
    if undated and chains:
        max(chains, key=len).extend(undated)
    elif undated:
        chains.append(undated)
    return chains


def _head_stem(words: str, same_word: bool = False) -> str:
    """The stem of a trigger's head: its last word but a closing preposition ("petrol bombs",
    "set fire to", "filed for"); with ``same_word``, the word that stands for the words naming
    one happening ("struck" for "hit", "shot" for "shoot", "opened fire")."""
    from ..language.en.stems import stem

    tokens = [w for w in words.lower().split() if w not in _TRAILING]
    if not tokens:
        return ""
    lead = same_happening(tokens) if same_word else None
    return stem(lead or tokens[-1])


_TRAILING = frozenset({"to", "for", "with", "in", "out", "down", "on", "at", "by"})
