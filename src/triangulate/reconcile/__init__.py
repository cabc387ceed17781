"""Across documents: entities, claims, events, comparisons and the timeline."""

from __future__ import annotations

from collections.abc import Sequence

from ..ids import distinct
from ..model import Analysis, Reconciliation
from .timing import step


def reconcile(analyses: Sequence[Analysis]) -> Reconciliation:
    """Everything the corpus says, resolved and compared.

    The result does not depend on the order of ``analyses``: they are read in document order."""
    from .claims import place_claims, place_keys
    from .compare import compare_claims
    from .entities import resolve_entities
    from .events import corefer_events
    from .timeline import build_timeline

    analyses = sorted(analyses, key=lambda a: (a.document.source, a.document.id))
    with step("entities"):
        entities, mention_map = resolve_entities(analyses)
    with step("claims"):
        claims = place_claims(analyses, mention_map)
    with step("events"):
        events = corefer_events(analyses, mention_map, claims)
    with step("comparisons"):
        comparisons = compare_claims(
            analyses, claims, events, place_keys(analyses, mention_map), mentions=mention_map
        )
    with step("timeline"):
        timeline = build_timeline(events, comparisons, analyses)
    return Reconciliation(
        entities=distinct(entities),
        claims=distinct(claims),
        events=distinct(events),
        comparisons=distinct(comparisons),
        timeline=tuple(timeline),
    )
