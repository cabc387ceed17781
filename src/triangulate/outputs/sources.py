"""The sources view: each outlet and each speaker with their documents and claims, who copies
whom, and the claims that look confirmed by several documents but rest on one origin."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..model import Analysis, ClaimRecord, Reconciliation
from ..union_find import UnionFind
from .disputes import excerpt
from .origins import Origins, document_label, outlet_of

Relation = Literal["copy_of", "version_of", "republished_from"]


@dataclass(frozen=True)
class SourceDocument:
    id: str
    title: str | None
    published: str | None
    claims: int
    copy_of: str | None
    version_of: str | None
    republished_from: str | None
    origin: str
    origin_label: str


@dataclass(frozen=True)
class Outlet:
    """A publisher with its documents; ``copies_from`` names the outlets (or the sources it
    states it republishes) whose text it carries, ``copied_by`` those that carry its text."""

    name: str
    documents: tuple[SourceDocument, ...]
    claims: int
    speakers: tuple[str, ...]
    copies_from: tuple[str, ...]
    copied_by: tuple[str, ...]


@dataclass(frozen=True)
class Speaker:
    """Someone a claim is attributed to: a resolved entity, or the words that name them."""

    key: str
    name: str
    entity: str | None
    claims: tuple[str, ...]
    documents: tuple[str, ...]
    outlets: tuple[str, ...]
    denials: int


@dataclass(frozen=True)
class LineageLink:
    """One document's descent: a copy or later version of a corpus document, or a stated
    republication (``original`` is None when the original is not in the corpus)."""

    document: str
    outlet: str
    relation: Relation
    original: str | None
    original_label: str


@dataclass(frozen=True)
class ClaimSupport:
    """A claim carried by several documents (copies, or answers that agree) that all descend
    from one origin: repeated, not confirmed."""

    claim: str
    document: str
    excerpt: str
    claims: tuple[str, ...]
    documents: tuple[str, ...]
    origin: str


@dataclass(frozen=True)
class SourcesView:
    outlets: tuple[Outlet, ...]
    speakers: tuple[Speaker, ...]
    lineage: tuple[LineageLink, ...]
    single_origin: tuple[ClaimSupport, ...]


def build_sources(analyses: list[Analysis], reconciliation: Reconciliation) -> SourcesView:
    documents = [a.document for a in analyses]
    origins = Origins.of(documents)
    claims_of_document = Counter(c.document for c in reconciliation.claims)
    lineage = _lineage(origins)
    return SourcesView(
        outlets=_outlets(origins, reconciliation, claims_of_document, lineage),
        speakers=_speakers(origins, reconciliation),
        lineage=tuple(lineage),
        single_origin=single_origin_claims(origins, reconciliation),
    )


def single_origin_claims(
    origins: Origins, reconciliation: Reconciliation
) -> tuple[ClaimSupport, ...]:
    """Claims whose supporting documents (the same words in documents of one origin, and the
    claims an ``agree`` verdict joins to them) are several but all descend from one origin."""
    records = list(reconciliation.claims)
    index = {c.id: i for i, c in enumerate(records)}
    links = UnionFind(len(records))
    first_of_words: dict[tuple[str, str], int] = {}
    for i, record in enumerate(records):
        key = (origins(record.document), " ".join(record.claim.text.lower().split()))
        links.union(first_of_words.setdefault(key, i), i)
    for comparison in reconciliation.comparisons:
        if comparison.verdict == "agree":
            joined = [index[c] for c in comparison.claims if c in index]
            for i in joined[1:]:
                links.union(joined[0], i)
    found = []
    for group in links.groups():
        members = [records[i] for i in group]
        documents = tuple(dict.fromkeys(m.document for m in members))
        group_origins = {origins(d) for d in documents}
        if len(documents) < 2 or len(group_origins) != 1:
            continue
        origin = group_origins.pop()
        lead = min(members, key=lambda m: (m.document != origin, m.document, m.id))
        found.append(
            ClaimSupport(
                claim=lead.id,
                document=lead.document,
                excerpt=excerpt(lead.claim.text),
                claims=tuple(m.id for m in members),
                documents=documents,
                origin=origins.label(origin),
            )
        )
    return tuple(found)


def _lineage(origins: Origins) -> list[LineageLink]:
    links = []
    for document in origins.documents.values():
        outlet = outlet_of(document)
        parents: list[tuple[Relation, str | None]] = [
            ("copy_of", document.copy_of),
            ("version_of", document.version_of),
        ]
        for relation, parent in parents:
            if parent:
                label = document_label(origins.documents.get(parent), parent)
                links.append(LineageLink(document.id, outlet, relation, parent, label))
        source = document.republished_from
        if source is not None and (source.publisher or source.url):
            label = source.publisher or source.url or ""
            if source.published:
                label += f" ({source.published})"
            links.append(LineageLink(document.id, outlet, "republished_from", None, label))
    return links


def _outlets(
    origins: Origins,
    reconciliation: Reconciliation,
    claims_of_document: Counter[str],
    lineage: list[LineageLink],
) -> tuple[Outlet, ...]:
    documents_of: dict[str, list[SourceDocument]] = {}
    for document in origins.documents.values():
        origin = origins(document.id)
        source = document.republished_from
        documents_of.setdefault(outlet_of(document), []).append(
            SourceDocument(
                id=document.id,
                title=document.title,
                published=document.published,
                claims=claims_of_document[document.id],
                copy_of=document.copy_of,
                version_of=document.version_of,
                republished_from=(source.publisher or source.url) if source else None,
                origin=origin,
                origin_label=origins.label(origin),
            )
        )
    speakers: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    entities = {e.id: e.name for e in reconciliation.entities}
    for record in reconciliation.claims:
        name = _speaker_name(record, entities)
        if name:
            key = _speaker_key(record, entities)
            names.setdefault(key, name)
            outlet = outlet_of(origins.documents.get(record.document))
            speakers.setdefault(outlet, Counter())[key] += 1
    copies_from: dict[str, list[str]] = {}
    copied_by: dict[str, list[str]] = {}
    for link in lineage:
        if link.original is not None:
            original = outlet_of(origins.documents.get(link.original))
        else:
            original = link.original_label
        if original != link.outlet:
            copies_from.setdefault(link.outlet, []).append(original)
            copied_by.setdefault(original, []).append(link.outlet)
    outlets = [
        Outlet(
            name=name,
            documents=tuple(sorted(docs, key=lambda d: (d.published or "", d.id))),
            claims=sum(d.claims for d in docs),
            speakers=tuple(names[k] for k, _ in speakers.get(name, Counter()).most_common()),
            copies_from=tuple(dict.fromkeys(copies_from.get(name, []))),
            copied_by=tuple(dict.fromkeys(copied_by.get(name, []))),
        )
        for name, docs in documents_of.items()
    ]
    return tuple(sorted(outlets, key=lambda o: (-len(o.documents), -o.claims, o.name)))


def _speakers(origins: Origins, reconciliation: Reconciliation) -> tuple[Speaker, ...]:
    entities = {e.id: e.name for e in reconciliation.entities}
    grouped: dict[str, list[ClaimRecord]] = {}
    for record in reconciliation.claims:
        if _speaker_name(record, entities):
            grouped.setdefault(_speaker_key(record, entities), []).append(record)
    speakers = []
    for key, records in grouped.items():
        entity = records[0].attributed_to if records[0].attributed_to in entities else None
        documents = tuple(dict.fromkeys(r.document for r in records))
        speakers.append(
            Speaker(
                key=key,
                name=_speaker_name(records[0], entities) or key,
                entity=entity,
                claims=tuple(r.id for r in records),
                documents=documents,
                outlets=tuple(
                    dict.fromkeys(outlet_of(origins.documents.get(d)) for d in documents)
                ),
                denials=sum(1 for r in records if r.claim.stance == "denied"),
            )
        )
    return tuple(sorted(speakers, key=lambda s: (-len(s.claims), s.name.lower(), s.key)))


def _speaker_name(record: ClaimRecord, entities: dict[str, str]) -> str | None:
    if record.attributed_to is not None and record.attributed_to in entities:
        return entities[record.attributed_to]
    text = " ".join((record.claim.speaker_text or "").split())
    return text or None


def _speaker_key(record: ClaimRecord, entities: dict[str, str]) -> str:
    if record.attributed_to in entities:
        return str(record.attributed_to)
    return "said:" + " ".join((record.claim.speaker_text or "").lower().split())
