"""Claims placed in the corpus: ids, and the entities who assert them and that they are about."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Analysis, ClaimRecord, Mention, Span
from .text import source_label

MentionMap = dict[tuple[str, int, int], str]
PlaceKeys = dict[tuple[str, str], str]
"""(document id, a place's name as analysis wrote it) -> the entity the name resolved to."""


def place_keys(analyses: Sequence[Analysis], mention_map: MentionMap) -> PlaceKeys:
    """Each document's place names with the entities they resolved to ("US" and "the United
    States" in one report, "Tarvos" and "Tarvos island" in two, are one place)."""
    keys: PlaceKeys = {}
    for analysis in analyses:
        doc_id = analysis.document.id
        for mention in analysis.mentions:
            entity = mention_map.get((doc_id, mention.start, mention.end))
            if mention.type == "location" and entity:
                keys.setdefault((doc_id, mention.normalized or mention.text), entity)
    return keys


def place_claims(analyses: Sequence[Analysis], mention_map: MentionMap) -> list[ClaimRecord]:
    records: list[ClaimRecord] = []
    for analysis in analyses:
        doc_id = analysis.document.id
        for index, claim in enumerate(analysis.claims):
            speaker = None
            if claim.speaker is not None:
                speaker = _entity_at(analysis.mentions, claim.speaker, doc_id, mention_map)
            about: list[str] = []
            for mention in analysis.mentions:
                if claim.start <= mention.start and mention.end <= claim.end:
                    entity = mention_map.get((doc_id, mention.start, mention.end))
                    if entity and entity not in about and entity != speaker:
                        about.append(entity)
            records.append(
                ClaimRecord(
                    id=f"{doc_id}-c{index}",
                    document=doc_id,
                    claim=claim,
                    attributed_to=speaker,
                    about=tuple(about),
                    via=(source_label(analysis.document), *claim.via),
                )
            )
    return records


def _entity_at(
    mentions: Sequence[Mention], span: Span, doc_id: str, mention_map: MentionMap
) -> str | None:
    """The entity named in ``span``: the last resolved mention inside it (the head of a phrase)."""
    found = None
    for mention in mentions:
        if mention.overlaps(span):
            entity = mention_map.get((doc_id, mention.start, mention.end))
            if entity:
                found = entity
    return found
